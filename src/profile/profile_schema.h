// The schema of a policy profile: every TOML key, its type, its place in
// PolicyProfile and one line saying what it means, written once here.
//
// Why a single description: the loader (reads and checks TOML), the
// settings list (what changed between two versions), the schema listing
// (`inloco profile keys`, docs/profiles.md) all walk this one description,
// so a new setting is added in one place and cannot be loaded but left out
// of the change history or the documentation.
//
// describe_profile(v, profile) calls, on a visitor v:
//   v.section(key, doc, body)                 a [section]; body() describes its keys
//   v.field(key, value&, kind, doc)           one value of the given kind
//   v.tables(key, map&, doc, body)            [key.<name>] tables; body(T&) describes one
//   v.values(key, map&, key_vocab, kind, doc) key = value pairs with free (or vocabulary) keys
// Kinds (namespace schema) say how a value is written and what is allowed.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "profile/policy_profile.h"
#include "profile/vocabulary.h"

namespace inloco {

template <typename E>
struct EnumName {
  E value;
  std::string_view key;
};

inline constexpr EnumName<CheckAction> kCheckActionNames[] = {{CheckAction::kRefuse, "refuse"},
                                                              {CheckAction::kReview, "review"}};
inline constexpr EnumName<CommentAction> kCommentActionNames[] = {
    {CommentAction::kReview, "review"},
    {CommentAction::kHide, "hide"},
    {CommentAction::kHideAndBlock, "hide_and_block"}};
inline constexpr EnumName<CircumventionSanction> kSanctionNames[] = {
    {CircumventionSanction::kRecordOnly, "record_only"},
    {CircumventionSanction::kSupervisedUseOnly, "supervised_use_only"},
    {CircumventionSanction::kRemoveInternetAccess, "remove_internet_access"}};
inline constexpr EnumName<PersonalContact> kPersonalContactNames[] = {
    {PersonalContact::kNever, "never"}, {PersonalContact::kWithApproval, "with_approval"}};
inline constexpr EnumName<Authorisation> kAuthorisationNames[] = {
    {Authorisation::kNotNeeded, "not_needed"},
    {Authorisation::kAdvised, "advised"},
    {Authorisation::kRequired, "required"}};

template <typename E, size_t N>
std::string_view enum_key(const EnumName<E> (&names)[N], E value) {
  for (const auto& n : names)
    if (n.value == value) return n.key;
  return names[0].key;
}

namespace schema {

struct Flag {};  // bool: true or false
struct Count {   // int within [min, max]
  int min;
  int max;
  std::string_view unit;  // "months", "days", "people", ...
};
struct Text {  // std::string
  bool required = false;
};
struct TextList {};         // std::vector<std::string>
struct Date {};             // std::optional<CalendarDate>: "YYYY-MM-DD" (or a TOML date)
struct MonthDay {};         // std::string "MM-DD"
struct RoleList {};         // std::vector<Role>
struct KeyList {            // std::vector<std::string> of vocabulary keys
  const Vocabulary* vocab;  // null: any key (checked by validation)
};
template <typename E>
struct Choice {  // an enum, written as its key
  std::span<const EnumName<E>> names;
};
struct Words {            // std::vector<std::string>: names not checkable here (user names,
                          // list categories): not empty, no spaces, none twice
  std::string_view what;  // "user name", "category"
};
struct AddressRanges {};  // std::vector<std::string> of CIDR ranges (address_range.h)
struct Times {};          // std::vector<TimeRange>
struct Retention {};      // RetentionRule

}  // namespace schema

template <typename V>
void describe_profile(V& v, PolicyProfile& p) {
  v.section("policy", "The policy document itself (TRN-3).", [&] {
    v.field("name", p.name, schema::Text{true}, "The policy's title, as published.");
    auto& m = p.meta;
    v.field("version", m.version, schema::Text{true}, "The version of the policy document.");
    v.field("adopted", m.adopted, schema::Date{}, "The date this version was adopted.");
    v.field("approved_by", m.approved_by, schema::TextList{},
            "Who signed this version off (job titles).");
    v.field("committee", m.committee, schema::Text{}, "The body that adopted it.");
    v.field("minute", m.minute, schema::Text{}, "The minute reference of that decision.");
    v.field("reviewed_by", m.reviewed_by, schema::Text{}, "Who carried out the last review.");
    v.field("last_review", m.last_review, schema::Date{}, "The date of the last review.");
    v.field("next_review", m.next_review, schema::Date{}, "The date the next review is due.");
    v.field("related_policies", m.related_policies, schema::TextList{},
            "Other policies to read alongside this one.");
  });
  v.values("titles", p.titles, &role_vocabulary(), schema::Text{true},
           "The title this school gives a role, e.g. headteacher = \"Principal\".");
  v.section("trust", "A multi-academy trust's policy (ORG-1).", [&] {
    v.field("policy_for_all_schools", p.trust.policy_for_all_schools, schema::Flag{},
            "One trust policy that every school of the trust adopts.");
    v.field("oversight_roles", p.trust.oversight_roles, schema::RoleList{},
            "Trust roles that may see records across the trust's schools.");
  });
  v.section("accounts", "The school's official social media accounts (ACC-1..10).", [&] {
    auto& a = p.accounts;
    v.field("official_accounts_allowed", a.official_accounts_allowed, schema::Flag{},
            "Whether the school may run official accounts at all.");
    v.field("affiliated_channels_allowed", a.affiliated_channels_allowed, schema::Flag{},
            "Whether channels run by others for the school community (a PTA page) are allowed.");
    v.field("account_approvers", a.account_approvers, schema::RoleList{},
            "Who approves a new account after its risk and purpose assessment (ACC-3).");
    v.field("account_creators", a.account_creators, schema::RoleList{},
            "Who sets an approved account up.");
    v.field("authorisers", a.authorisers, schema::RoleList{},
            "Who authorises people to post or administer, and withdraws it (ACC-5).");
    v.field("max_admins", a.max_admins, schema::Count{1, 20, "people"},
            "The most people who may hold administrator access to one account (ACC-2).");
    v.field("privacy_notice_required", a.privacy_notice_required, schema::Flag{},
            "Every account must be listed in the school's privacy notice (ACC-7).");
    v.field("official_email_required", a.official_email_required, schema::Flag{},
            "Every account must be registered to an official school email address (ACC-4).");
    v.field("website_link_required", a.website_link_required, schema::Flag{},
            "Every account must be linked from the school website.");
    v.field("platforms", a.platforms, schema::KeyList{&site_vocabulary()},
            "The only platforms accounts may be opened on; empty allows any known platform.");
    v.field("access_review_months", a.access_review_months, schema::Count{1, 24, "months"},
            "How often managers review who has access to each account (ACC-8).");
    v.field("affiliated_approvers", a.affiliated_approvers, schema::RoleList{},
            "Who approves an affiliated channel's use (e.g. the PTA chair).");
    v.field("affiliated_checkers", a.affiliated_checkers, schema::RoleList{},
            "Leaders who check affiliated channels' content (ACC-9).");
    v.field("affiliated_check_months", a.affiliated_check_months, schema::Count{1, 24, "months"},
            "How often they check it.");
  });
  v.section("posts", "Posts on the school's accounts (PST-1..11).", [&] {
    auto& s = p.posts;
    v.field("approval_required", s.approval_required, schema::Flag{},
            "Every post is approved before it is published (PST-7).");
    v.field("approvers", s.approvers, schema::RoleList{}, "Who may approve a post.");
    v.field("author_may_approve", s.author_may_approve, schema::Flag{},
            "Whether an approver may approve their own post.");
    v.field("objectives", s.objectives, schema::KeyList{&objective_vocabulary()},
            "What posts may be for (PST-1); a post states one of these.");
    v.section("checks", "What each automatic check does with a finding: refuse or review.", [&] {
      for (const Term& t : check_vocabulary().terms)
        v.field(t.key, s.checks[std::string(t.key)], schema::Choice<CheckAction>{kCheckActionNames},
                t.label);
    });
    v.field("incident_posters", s.incident_posters, schema::RoleList{},
            "During a critical incident, who may post about it (PST-9).");
    v.field("incident_official_channels_only", s.incident_official_channels_only, schema::Flag{},
            "During a critical incident, only official channels comment (PST-9).");
    v.field("approved_devices_only", s.approved_devices_only, schema::Flag{},
            "Photographs and videos only from school devices approved for it (PST-10).");
    v.field("device_approvers", s.device_approvers, schema::RoleList{},
            "Who approves those devices.");
    v.field("blur_faces_without_consent", s.blur_faces_without_consent, schema::Flag{},
            "Faces of pupils without consent are blurred before publishing (PST-11).");
    v.field("remove_location_data", s.remove_location_data, schema::Flag{},
            "Location and device details are removed from images (PST-11).");
    v.field("dress_check", s.dress_check, schema::Flag{},
            "The approver confirms pupils shown are suitably dressed (PST-11).");
    v.field("media_source_required", s.media_source_required, schema::Flag{},
            "Every image or video records its source and owner (PST-6).");
    v.field("author_confirms_accuracy", s.author_confirms_accuracy, schema::Flag{},
            "The author confirms the facts in a post are right.");
  });
  v.section("consent", "Consent for photographs and videos (CON-1..8).", [&] {
    auto& c = p.consent;
    v.field("uses", c.uses, schema::KeyList{nullptr},
            "The uses consent is asked for: built-in uses or keys of custom_uses.");
    v.values("custom_uses", c.custom_uses, nullptr, schema::Text{true},
             "Further uses this school asks consent for: key = \"what it covers\".");
    v.field("given_by", c.given_by, schema::KeyList{&consenter_vocabulary()},
            "Who may give consent (CON-2).");
    v.field("competence_deciders", c.competence_deciders, schema::RoleList{},
            "Who decides that a pupil is able to consent for themselves (ORG-5).");
    v.field("record_keepers", c.record_keepers, schema::RoleList{},
            "Who keeps the consent record up to date.");
    v.field("expires_with_academic_year", c.expires_with_academic_year, schema::Flag{},
            "Consent lasts for one academic year and is then renewed (CON-7).");
    v.field("academic_year_starts", c.academic_year_starts, schema::MonthDay{},
            "The day the academic year starts, as MM-DD.");
    v.field("changes_in_writing", c.changes_in_writing, schema::Flag{},
            "Withdrawing or changing consent is done in writing (CON-4).");
    v.field("pta_activity_needs_written_consent", c.pta_activity_needs_written_consent,
            schema::Flag{},
            "Written parental consent before any PTA social media activity with pupils (CON-8).");
    v.field("removal_within_days", c.removal_within_days, schema::Count{1, 30, "days"},
            "When consent is withdrawn, posts showing the pupil come down within this (CON-5).");
  });
  v.section("concerns", "Concerns and incidents (INC-1..8, LAW-1..5).", [&] {
    auto& c = p.concerns;
    v.section("routing", "Who a concern goes to, by what it is about (INC-3).", [&] {
      auto& r = c.routing;
      v.field("pupil", r.pupil, schema::RoleList{}, "A concern about a pupil.");
      v.field("staff", r.staff, schema::RoleList{}, "A concern about a member of staff.");
      v.field("headteacher", r.headteacher, schema::RoleList{}, "A concern about the headteacher.");
      v.field("personal_data", r.personal_data, schema::RoleList{},
              "Also told of any concern involving personal data, images included.");
      v.field("personal_account_contact", r.personal_account_contact, schema::RoleList{},
              "Contact from pupils or parents on a member of staff's personal account (INC-8).");
      v.field("official_accounts", r.official_accounts, schema::RoleList{},
              "Complaints about the school's accounts or posts.");
    });
    v.field("risk_areas", c.risk_areas, schema::KeyList{&risk_area_vocabulary()},
            "The areas of online risk a concern is classified by (INC-2).");
    v.field("kinds", c.kinds, schema::KeyList{&risk_kind_vocabulary()},
            "The kinds of risk a concern is classified by (INC-2).");
    v.field("types", c.types, schema::KeyList{&concern_type_vocabulary()},
            "The types of concern people choose from when reporting.");
    v.field("criminal_types", c.criminal_types, schema::KeyList{&concern_type_vocabulary()},
            "Types treated as possibly criminal: the police are considered.");
    v.field("evidence_keepers", c.evidence_keepers, schema::RoleList{},
            "Who keeps the evidence of a concern (INC-4).");
    v.field("untrained_see_inert_links", c.untrained_see_inert_links, schema::Flag{},
            "Staff without training see reported addresses as text, not links (INC-5).");
    v.field("ceop_deciders", c.ceop_deciders, schema::RoleList{}, "Who decides on a CEOP report.");
    v.field("police_contact", c.police_contact, schema::RoleList{}, "Who contacts the police.");
    v.field("avoid_criminalising_pupils", c.avoid_criminalising_pupils, schema::Flag{},
            "Pupils are not needlessly criminalised; the reason is recorded.");
    v.field("lado_referral", c.lado_referral, schema::Flag{},
            "Allegations about staff that may meet the harm threshold go to the LADO (LAW-3).");
    v.field("dpo_decision_hours", c.dpo_decision_hours, schema::Count{1, 72, "hours"},
            "Hours the DPO has to decide whether to report a breach to the ICO (LAW-4).");
    v.field("debrief_required", c.debrief_required, schema::Flag{},
            "Closing a concern records lessons learnt (INC-7).");
    v.field("advice_from", c.advice_from, schema::Text{},
            "Where the DSL seeks advice when unsure how to proceed.");
  });
  v.section("moderation", "Comments, followers and abuse (MOD-1..6).", [&] {
    auto& m = p.moderation;
    v.field("screen_comments", m.screen_comments, schema::Flag{},
            "Comments are checked with the same rules as posts (MOD-2).");
    v.field("offensive_comments", m.offensive_comments,
            schema::Choice<CommentAction>{kCommentActionNames},
            "What happens to an offensive comment: review, hide, or hide_and_block its author.");
    v.field("moderators", m.moderators, schema::RoleList{}, "Who moderates the accounts.");
    v.field("flag_pupil_details", m.flag_pupil_details, schema::Flag{},
            "Comments sharing pupils' photos or details, or naming pupils or staff, are flagged.");
    v.field("vet_follow_requests", m.vet_follow_requests, schema::Flag{},
            "Requests to follow or friend the school's accounts are vetted (MOD-4).");
    v.field("follow_request_vetters", m.follow_request_vetters, schema::RoleList{},
            "Who vets them.");
    v.field("parents_may_comment", m.parents_may_comment, schema::Flag{},
            "Parents may comment on the school's posts.");
    v.field("parent_breach_meeting", m.parent_breach_meeting, schema::RoleList{},
            "Who meets a parent who breaches the policy (MOD-5).");
    v.field("parent_breach_may_lose_interaction", m.parent_breach_may_lose_interaction,
            schema::Flag{}, "A parent who breaches the policy may lose the ability to comment.");
    v.field("report_steps", m.report_steps, schema::KeyList{&report_step_vocabulary()},
            "The steps, in order, when harmful content about the school is found (MOD-6).");
  });
  v.section("filter", "Web filtering and monitoring (NET-1..7).", [&] {
    auto& f = p.filter;
    v.tables(
        "windows", f.windows, "Named stretches of the week, such as lessons.", [&](TimeWindow& w) {
          v.field("label", w.label, schema::Text{true}, "The window's name as people read it.");
          v.field("times", w.times, schema::Times{},
                  "When it applies: \"mon-fri 09:00-12:00\", one entry per stretch.");
        });
    v.tables("groups", f.groups, "Groups of people the filter treats alike.", [&](FilterGroup& g) {
      v.field("label", g.label, schema::Text{true}, "The group's name as people read it.");
      v.field("members", g.members, schema::KeyList{&member_vocabulary()},
              "Who is in the group: kinds of person, or guest.");
      v.field("blocked", g.blocked, schema::KeyList{&site_vocabulary()},
              "Sites blocked at all times; \"all\" is every social media site.");
      v.values("blocked_during", g.blocked_during, nullptr, schema::KeyList{&site_vocabulary()},
               "Sites blocked during a window: window = [sites].");
      v.field("users", g.users, schema::Words{"user name"},
              "User names (as the proxy passes them) that belong to this group, whatever their "
              "kind or address.");
      v.field("sources", g.sources, schema::AddressRanges{},
              "Address ranges whose requests belong to this group, such as \"10.20.0.0/16\".");
      v.field("blocked_categories", g.blocked_categories, schema::Words{"category"},
              "List categories blocked at all times, such as \"gambling\" (names from the "
              "compiled lists).");
      v.values("blocked_categories_during", g.blocked_categories_during, nullptr,
               schema::Words{"category"},
               "List categories blocked during a window: window = [categories].");
      v.field("age", g.age, schema::Count{0, 99, "years"},
              "The youngest member's age: sites with a higher age limit are blocked (NET-7); "
              "0 when not stated.");
    });
    v.field("default_group", f.default_group, schema::Text{true},
            "The group of a request that no user name, address or kind places.");
    v.field("locked_categories", f.locked_categories, schema::Words{"category"},
            "List categories that no rule, exception or unblock can allow (LAW-8).");
    v.field("exception_approvers", f.exception_approvers, schema::RoleList{},
            "Who may allow a class to use a blocked site in a lesson (NET-2).");
    v.field("unblock_handlers", f.unblock_handlers, schema::RoleList{},
            "Who receives requests to unblock wrongly blocked content (NET-3).");
    v.field("unblock_approvers", f.unblock_approvers, schema::RoleList{},
            "Who approves an unblock.");
    v.field("unblock_in_writing", f.unblock_in_writing, schema::Flag{},
            "The approval of an unblock is given in writing.");
    v.field("content_reports_to", f.content_reports_to, schema::RoleList{},
            "Who inappropriate content found on school equipment is reported to (NET-4).");
    v.field("monitoring_reports_to", f.monitoring_reports_to, schema::RoleList{},
            "Who receives the monitoring reports (NET-5).");
    v.field("monitoring_report_days", f.monitoring_report_days, schema::Count{1, 31, "days"},
            "How often monitoring reports are produced.");
    v.field("circumvention", f.circumvention, schema::Choice<CircumventionSanction>{kSanctionNames},
            "What follows an attempt to get round the filter (NET-6).");
    v.field("circumvention_threshold", f.circumvention_threshold, schema::Count{1, 100, "attempts"},
            "How many attempts to get round the filter bring the sanction, unless it is "
            "record_only.");
    v.field("circumvention_window_days", f.circumvention_window_days, schema::Count{1, 90, "days"},
            "The days within which those attempts are counted.");
    v.field("age_limits_enforced", f.age_limits_enforced, schema::Flag{},
            "Sites are not offered to pupils younger than the site's age limit (NET-7).");
    v.field("minimum_age", f.minimum_age, schema::Count{8, 18, "years"},
            "The age limit assumed for sites that state none.");
    v.values("age_limits", f.age_limits, &site_vocabulary(), schema::Count{8, 21, "years"},
             "A site's age limit where the school differs from the site's own terms.");
  });
  v.section("staff", "Staff use of social media (STF-1..4).", [&] {
    auto& s = p.staff;
    v.field("personal_contact", s.personal_contact,
            schema::Choice<PersonalContact>{kPersonalContactNames},
            "Contact with pupils or parents from personal accounts: never, or with_approval.");
    v.field("personal_contact_approvers", s.personal_contact_approvers, schema::RoleList{},
            "Who gives that approval (STF-2).");
    v.field("relationship_reviewers", s.relationship_reviewers, schema::RoleList{},
            "Who discusses and records pre-existing relationships (STF-1).");
    v.field("blogging", s.blogging, schema::Choice<Authorisation>{kAuthorisationNames},
            "Authorisation to blog or post about the school (STF-3).");
    v.field("blog_authorisers", s.blog_authorisers, schema::RoleList{}, "Who gives it.");
    v.field("induction_checklist", s.induction_checklist, schema::Flag{},
            "New staff read the policy, review their past posts and set privacy (STF-4).");
  });
  v.section("remote_learning", "Platforms for remote learning (TRN-5).", [&] {
    v.field("assessment_required", p.remote_learning.assessment_required, schema::Flag{},
            "A platform is risk assessed before use.");
    v.field("assessors", p.remote_learning.assessors, schema::RoleList{}, "Who assesses it.");
  });
  v.section("training", "Training and acknowledgements (TRN-1, TRN-4).", [&] {
    auto& t = p.training;
    v.field("staff_induction", t.staff_induction, schema::Flag{},
            "Staff are trained at induction.");
    v.field("staff_months", t.staff_months, schema::Count{1, 36, "months"},
            "Staff training recurs this often (4 is termly).");
    v.field("pupils_months", t.pupils_months, schema::Count{1, 36, "months"},
            "Pupils are taught this often.");
    v.field("parents_invited", t.parents_invited, schema::Flag{},
            "Parents are invited to online safety sessions.");
    v.field("parents_months", t.parents_months, schema::Count{1, 36, "months"},
            "How often parents are invited.");
    v.field("posters_trained", t.posters_trained, schema::Flag{},
            "Everyone authorised to post is trained on the platform first.");
    v.field("refresh_after_incident", t.refresh_after_incident, schema::Flag{},
            "Training is refreshed after a significant incident.");
    v.field("acknowledgement_required", t.acknowledgement_required, schema::Flag{},
            "Everyone confirms they have read each new version (TRN-4).");
    v.field("acknowledge_within_days", t.acknowledge_within_days, schema::Count{1, 90, "days"},
            "Days they have to do so.");
  });
  v.section("agreements", "Signed agreements (TRN-2).", [&] {
    v.field("required", p.agreements.required, schema::KeyList{&agreement_vocabulary()},
            "The agreements this school asks people to sign.");
    v.field("sign_again_on_new_version", p.agreements.sign_again_on_new_version, schema::Flag{},
            "A new version of an agreement is signed again.");
  });
  v.section("review", "Reviewing the policy (TRN-3).", [&] {
    v.field("every_months", p.review.every_months, schema::Count{1, 36, "months"},
            "The policy is reviewed this often.");
    v.field("remind_days_before", p.review.remind_days_before, schema::Count{1, 180, "days"},
            "Reminders start this many days before a review is due.");
    v.field("body", p.review.body, schema::Text{true}, "Who reviews it.");
    v.field("after_incidents", p.review.after_incidents, schema::Flag{},
            "The policy is also reviewed after a serious incident.");
  });
  v.section("retention", "How long records are kept (LAW-6).", [&] {
    for (const Term& t : retention_record_vocabulary().terms)
      v.field(t.key, p.retention[std::string(t.key)], schema::Retention{}, t.label);
  });
}

}  // namespace inloco
