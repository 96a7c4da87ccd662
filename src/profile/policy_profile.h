// PolicyProfile: one school's social media policy as rules the software
// enforces. Loaded from TOML (profile_loader.h); every field has a default so
// a profile states only where a school differs. The defaults are what a
// careful UK school would accept, and policies/default.toml spells them out.
//
// Why one model for every capability: where the five seed policies differ
// (who approves, whether the school runs accounts at all, which sites are
// blocked for whom, how often training recurs), the difference is a field
// here, so each capability reads its rule from the school's profile instead
// of hard-coding one school's choice. docs/profiles.md documents every key.
//
// The accounts capability codes against AccountRules: its field names are
// fixed. Other sections are added by the profile capability.
//
// Values only: copy freely; no shared state, so thread-safe to read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.h"
#include "core/result.h"
#include "people/role.h"

namespace inloco {

// [policy]: the document itself (TRN-3). Dates are written "YYYY-MM-DD" (or as
// TOML dates); none means not recorded. The loader refuses a next review
// before the last review.
struct PolicyMeta {
  std::string version = "1.0";
  std::optional<CalendarDate> adopted;   // the date the current version was adopted
  std::vector<std::string> approved_by;  // who signed it off: "Chair of governors", ...
  std::string committee;                 // the body that adopted it: "Full governing board"
  std::string minute;                    // the minute reference of that decision
  std::string reviewed_by;               // who carried out the last review (a job title)
  std::optional<CalendarDate> last_review;
  std::optional<CalendarDate> next_review;
  std::vector<std::string> related_policies = {  // read alongside this one
      "Child protection and safeguarding policy", "Online safety policy", "Data protection policy",
      "Staff code of conduct"};
};

// [trust]: a multi-academy trust's policy (ORG-1).
struct TrustRules {
  bool policy_for_all_schools = false;  // one trust policy every school adopts
  std::vector<Role> oversight_roles;    // trust roles that see across its schools; none by default
};

// The official account register (ACC-1..10).
struct AccountRules {
  bool official_accounts_allowed = true;    // false: the school runs none (e.g. only a PTA page)
  bool affiliated_channels_allowed = true;  // channels run by others, e.g. a PTA page (ACC-9)
  std::vector<Role> account_approvers = {Role::kHeadteacher};  // approve the ACC-3 assessment
  std::vector<Role> authorisers = {Role::kHeadteacher};  // grant/revoke post and admin (ACC-5)
  int max_admins = 3;                                    // ACC-2: admins limited to those needed
  bool privacy_notice_required = true;                   // ACC-7
  bool official_email_required = true;                   // ACC-4
  std::vector<std::string> platforms;  // allowed platform keys; empty: every known platform
  int access_review_months = 6;        // ACC-8: who has access, reviewed this often
  int affiliated_check_months = 3;     // ACC-9: leaders check affiliated content this often
  // Added for the seeds (OTM 3, SJP 5, MPS):
  std::vector<Role> account_creators = {Role::kSocialMediaLead,
                                        Role::kHeadteacher};  // set accounts up
  std::vector<Role> affiliated_approvers = {
      Role::kPtaChair};  // approve an affiliated channel's use
  std::vector<Role> affiliated_checkers = {Role::kHeadteacher, Role::kDeputyHeadteacher};  // ACC-9
  bool website_link_required = false;  // each account is linked from the school website
};

// What the automatic text checks (PST-2/3/4) do with a finding: refuse the
// post outright, or hold it for the approver to look at.
enum class CheckAction { kRefuse, kReview };

// [posts]: posts on official accounts (PST-1..11).
struct PostRules {
  bool approval_required = true;  // PST-7
  std::vector<Role> approvers = {Role::kHeadteacher, Role::kDeputyHeadteacher};
  bool author_may_approve = false;  // never one's own post
  std::vector<std::string> objectives = {"event_reminder", "good_news", "achievements",
                                         "information_for_parents"};  // PST-1
  // Check key (vocabulary.h: post_checks()) -> action. Every check has an entry.
  std::map<std::string, CheckAction> checks = default_checks();
  std::vector<Role> incident_posters = {Role::kHeadteacher};  // PST-9: who posts in an incident
  bool incident_official_channels_only = true;                // PST-9
  bool approved_devices_only = true;                          // PST-10
  std::vector<Role> device_approvers = {Role::kOnlineSafetyOfficer};  // approve cameras and tablets
  bool blur_faces_without_consent = true;                             // PST-11
  bool remove_location_data = true;                                   // PST-11
  bool dress_check = true;                                            // PST-11: suitably dressed
  bool media_source_required = true;                                  // PST-6
  bool author_confirms_accuracy = true;  // the author vouches for the facts

  CheckAction action_for(std::string_view check) const;  // kRefuse for an unknown check
  static std::map<std::string, CheckAction> default_checks();
};

// [consent]: consent for images and videos (CON-1..8).
struct ConsentRules {
  std::vector<std::string> uses = {"images_school_accounts", "videos_school_accounts"};  // CON-1
  std::map<std::string, std::string> custom_uses;  // uses a school adds: key -> label
  std::vector<std::string> given_by = {"parental_responsibility", "competent_pupil"};  // CON-2
  std::vector<Role> competence_deciders = {Role::kHeadteacher, Role::kDsl};            // ORG-5
  std::vector<Role> record_keepers = {Role::kHeadteacher};  // keep the record up to date
  bool expires_with_academic_year = true;                   // CON-7
  std::string academic_year_starts = "09-01";               // "MM-DD"
  bool changes_in_writing = true;                           // CON-4
  bool pta_activity_needs_written_consent = true;           // CON-8
  int removal_within_days = 5;                              // CON-5: posts taken down within
};

// [concerns.routing]: who a concern goes to, by what it is about (INC-3, LAW-3).
struct ConcernRouting {
  std::vector<Role> pupil = {Role::kDsl};
  std::vector<Role> staff = {Role::kHeadteacher};
  std::vector<Role> headteacher = {Role::kChairOfGovernors};
  std::vector<Role> personal_data = {Role::kDpo};  // told as well, whatever the subject
  std::vector<Role> personal_account_contact = {Role::kDsl, Role::kHeadteacher};  // INC-8
  std::vector<Role> official_accounts = {Role::kHeadteacher};  // complaints about accounts or posts
};

// [concerns]: concerns and incidents (INC-1..8, LAW-1..5).
struct ConcernRules {
  ConcernRouting routing;
  std::vector<std::string> risk_areas = {"content", "contact", "conduct", "commerce"};  // INC-2
  std::vector<std::string> kinds = {"commercial", "aggressive", "sexual", "values"};
  std::vector<std::string> types = default_types();
  std::vector<std::string> criminal_types = {"grooming", "youth_produced_imagery",
                                             "suspected_crime"};        // may need the police
  std::vector<Role> evidence_keepers = {Role::kDsl, Role::kDeputyDsl};  // INC-4
  bool untrained_see_inert_links = true;                                // INC-5
  std::vector<Role> ceop_deciders = {Role::kDsl};                       // INC-6
  std::vector<Role> police_contact = {Role::kHeadteacher, Role::kDsl};
  bool avoid_criminalising_pupils = true;
  bool lado_referral = true;     // LAW-3
  int dpo_decision_hours = 72;   // LAW-4: at most 72
  bool debrief_required = true;  // INC-7
  std::string advice_from = "the local safeguarding children partnership";

  static std::vector<std::string> default_types();
};

enum class CommentAction { kReview, kHide, kHideAndBlock };

// [moderation]: comments, followers and abuse (MOD-1..6).
struct ModerationRules {
  bool screen_comments = true;  // MOD-2
  CommentAction offensive_comments = CommentAction::kReview;
  std::vector<Role> moderators = {Role::kSocialMediaLead};
  bool flag_pupil_details = true;    // MOD-3
  bool vet_follow_requests = false;  // MOD-4
  std::vector<Role> follow_request_vetters = {Role::kSocialMediaLead};
  bool parents_may_comment = true;
  std::vector<Role> parent_breach_meeting = {Role::kHeadteacher};  // MOD-5
  bool parent_breach_may_lose_interaction = true;
  std::vector<std::string> report_steps = {"keep_copy", "report_to_platform",
                                           "block_author"};  // MOD-6
};

// One stretch of the week: days (bit 0 Monday .. bit 6 Sunday) and minutes
// since midnight, start inclusive, end exclusive. When end_minute is below
// start_minute the stretch runs overnight: "mon-fri 22:00-06:00" starts on
// each of the days named and ends the next morning (so it covers Saturday
// 00:00-06:00 and not Monday 00:00-06:00), because schools write the evening
// a stretch begins, not the morning it ends.
struct TimeRange {
  uint8_t days = 0x1f;
  int start_minute = 0;
  int end_minute = 0;

  bool contains(int weekday /* 0 Monday */, int minute) const;
  std::string text() const;  // "mon-fri 09:00-12:00"
  bool operator==(const TimeRange&) const = default;
};
// "mon-fri 09:00-12:00", "mon,wed 13:00-14:30", "sat 10:00-12:00",
// "mon-fri 22:00-06:00" (overnight); kInvalid
// says what is wrong in words a headteacher can act on.
Result<TimeRange> parse_time_range(std::string_view text);

struct TimeWindow {
  std::string label;
  std::vector<TimeRange> times;
};

// A group of people the filter treats alike (NET-1/2). A request joins a
// group by its user name (users), else by its source address (sources, the
// longest matching range), else by the person's kind when the caller knows
// it (members), else it joins FilterRules::default_group.
struct FilterGroup {
  std::string label;
  std::vector<std::string> members;  // person kinds (person.h) and "guest"
  std::vector<std::string> blocked;  // sites blocked at all times; "all": every social media site
  std::map<std::string, std::vector<std::string>> blocked_during;  // window key -> sites
  std::vector<std::string> users = {};    // proxy user names, as the proxy passes them
  std::vector<std::string> sources = {};  // address ranges (address_range.h), "10.20.0.0/16"
  // List categories (a snapshot's category names, e.g. UT1's "gambling")
  // blocked at all times; during a window they go in blocked_during too.
  std::vector<std::string> blocked_categories = {};
  std::map<std::string, std::vector<std::string>> blocked_categories_during =
      {};       // window key -> categories
  int age = 0;  // the youngest member's age (NET-7); 0: not stated, no age rule
};

enum class CircumventionSanction { kRecordOnly, kSupervisedUseOnly, kRemoveInternetAccess };

// [filter]: filtering and monitoring (NET-1..7).
struct FilterRules {
  std::map<std::string, TimeWindow> windows = default_windows();
  std::map<std::string, FilterGroup> groups = default_groups();
  std::vector<Role> exception_approvers = {Role::kHeadteacher};  // NET-2: a class in a lesson
  std::vector<Role> unblock_handlers = {Role::kIctTechnician};   // NET-3: requests go to
  std::vector<Role> unblock_approvers = {Role::kHeadteacher};
  bool unblock_in_writing = true;
  std::vector<Role> content_reports_to = {Role::kIctTechnician};                 // NET-4
  std::vector<Role> monitoring_reports_to = {Role::kIctTechnician, Role::kDsl};  // NET-5
  int monitoring_report_days = 7;
  CircumventionSanction circumvention = CircumventionSanction::kRecordOnly;  // NET-6
  // The sanction follows this many attempts within this many days.
  int circumvention_threshold = 3;
  int circumvention_window_days = 7;
  bool age_limits_enforced = true;  // NET-7
  int minimum_age = 13;             // for sites that state no age of their own
  // Site key -> age limit, over the platform registry's (site_minimum_age()).
  std::map<std::string, int> age_limits;
  // LAW-8: categories no group rule, exception or unblock can allow.
  std::vector<std::string> locked_categories = {"adult", "malware", "phishing"};
  // The group of a request no user name, address or kind places (fail
  // closed: the pupils' rules, the strictest by default).
  std::string default_group = "pupils";

  static std::map<std::string, TimeWindow> default_windows();
  static std::map<std::string, FilterGroup> default_groups();
  // The default groups' blocked_categories: harm and hacking for everyone;
  // for `young` (pupils, guests) also dating, gambling, violence and the
  // ways round the filter (vpn, proxy, doh, ...).
  static std::vector<std::string> default_blocked_categories(bool young);

  // The key of the first group (in key order) whose members include a kind
  // of person ("pupil", "guest"); empty when none does.
  std::string group_for_kind(std::string_view kind) const;
};

enum class PersonalContact { kNever, kWithApproval };
enum class Authorisation { kNotNeeded, kAdvised, kRequired };

// [staff]: staff conduct records (STF-1..4).
struct StaffRules {
  PersonalContact personal_contact =
      PersonalContact::kNever;  // personal accounts with pupils/parents
  std::vector<Role> personal_contact_approvers = {Role::kHeadteacher};          // STF-2
  std::vector<Role> relationship_reviewers = {Role::kDsl, Role::kHeadteacher};  // STF-1
  Authorisation blogging = Authorisation::kRequired;                            // STF-3
  std::vector<Role> blog_authorisers = {Role::kHeadteacher};
  bool induction_checklist = true;  // STF-4
};

// [remote_learning]: TRN-5.
struct RemoteLearningRules {
  bool assessment_required = true;
  std::vector<Role> assessors = {Role::kDsl, Role::kHeadteacher};
};

// [training]: TRN-1, TRN-4. Cadences in months: 4 is termly, 12 yearly.
struct TrainingRules {
  bool staff_induction = true;
  int staff_months = 12;
  int pupils_months = 12;
  bool parents_invited = true;
  int parents_months = 12;
  bool posters_trained = true;  // training on the platform before posting
  bool refresh_after_incident = true;
  bool acknowledgement_required = true;  // TRN-4: read and understood, per version
  int acknowledge_within_days = 30;
};

// [agreements]: TRN-2.
struct AgreementRules {
  std::vector<std::string> required = {"acceptable_use", "account_terms"};
  bool sign_again_on_new_version = true;
};

// [review]: TRN-3.
struct ReviewRules {
  int every_months = 12;
  int remind_days_before = 30;
  std::string body = "governing board";  // who reviews it
  bool after_incidents = true;           // also reviewed after a serious incident
};

// [retention]: LAW-6. "date_of_birth + 25 years": kept this long after the anchor.
enum class RetentionFrom { kCreated, kClosed, kDateOfBirth, kLeftSchool, kEndOfAcademicYear };
struct RetentionRule {
  RetentionFrom from = RetentionFrom::kCreated;
  int months = 72;

  std::string text() const;  // "date_of_birth + 25 years"
  bool operator==(const RetentionRule&) const = default;
};
// "date_of_birth + 25 years", "closed + 6 years", "created + 18 months".
// Anchors: created, closed, date_of_birth, left_school, end_of_academic_year.
Result<RetentionRule> parse_retention_rule(std::string_view text);

struct PolicyProfile {
  std::string key;                           // file stem: "default", "oak_trees", ...
  std::string name = "Social media policy";  // "Oak Trees Multi Academy Trust social media policy"
  AccountRules accounts;
  // Added by the profile capability; TOML sections in brackets.
  PolicyMeta meta;                            // [policy] (name above is [policy].name)
  std::map<std::string, std::string> titles;  // [titles]: role key -> the title used
  TrustRules trust;
  PostRules posts;
  ConsentRules consent;
  ConcernRules concerns;
  ModerationRules moderation;
  FilterRules filter;
  StaffRules staff;
  RemoteLearningRules remote_learning;
  TrainingRules training;
  AgreementRules agreements;
  ReviewRules review;
  std::map<std::string, RetentionRule> retention = default_retention();  // record type -> rule

  static std::map<std::string, RetentionRule> default_retention();
};

// The title this school gives a role ("Principal"), else the role's label.
std::string role_title(const PolicyProfile& profile, Role role);

}  // namespace inloco
