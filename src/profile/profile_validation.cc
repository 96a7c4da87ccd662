#include "profile/profile_validation.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "auth/permissions.h"
#include "core/calendar_date.h"
#include "profile/platform_registry.h"
#include "profile/vocabulary.h"

namespace inloco {
namespace {

class Checker {
 public:
  explicit Checker(const SourceLines& lines) : lines_(lines) {}

  // A problem about `key`; `also` names keys that were written and belong to
  // the same rule, in case `key` itself was left to its default.
  void problem(const std::string& key, std::string message,
               std::initializer_list<std::string> also = {}) {
    int line = line_of(key);
    for (const std::string& k : also)
      if (line == 0) line = line_of(k);
    problems.push_back({line, key, std::move(message)});
  }

  void require_roles(const std::string& key, const std::vector<Role>& roles, const char* why) {
    if (roles.empty())
      problem(key, std::string("names no one, but ") + why + ": name at least one role");
  }

  // A duty the profile gives to roles the software lets do it: a role outside
  // the capability's list would be named in the policy yet refused every page.
  void require_capable(const std::string& key, const std::vector<Role>& roles,
                       Capability capability) {
    std::vector<std::string> unable;
    for (Role r : roles)
      if (!role_has(r, capability)) unable.emplace_back(role_key(r));
    if (unable.empty()) return;
    std::vector<std::string> able;
    for (Role r : all_roles())
      if (role_has(r, capability)) able.emplace_back(role_key(r));
    auto list = [](const std::vector<std::string>& v) {
      std::string out;
      for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
      return out;
    };
    problem(key, list(unable) + " cannot " + std::string(capability_label_lower(capability)) +
                     "; choose from " + list(able));
  }

  std::vector<ProfileProblem> problems;

 private:
  static std::string capability_label_lower(Capability c) {
    std::string label(capability_label(c));
    if (!label.empty())
      label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    return label;
  }

  int line_of(const std::string& key) const {
    std::string k = key;
    for (;;) {
      auto it = lines_.find(k);
      if (it != lines_.end()) return it->second;
      size_t dot = k.rfind('.');
      if (dot == std::string::npos) return 0;
      k.resize(dot);
    }
  }
  const SourceLines& lines_;
};

// The same day `months` later, or the month's last day when it has no such day.
CalendarDate add_months(CalendarDate d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  d.year = total / 12;
  d.month = total % 12 + 1;
  while (!is_real_date(d.year, d.month, d.day)) --d.day;
  return d;
}

std::string long_date(const CalendarDate& d) {
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  return std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

void check_dates(const PolicyProfile& p, Checker& c) {
  const std::optional<CalendarDate>& adopted = p.meta.adopted;
  const std::optional<CalendarDate>& last = p.meta.last_review;
  const std::optional<CalendarDate>& next = p.meta.next_review;
  if (!next) return;
  if (last && *next < *last)
    c.problem("policy.next_review", "the next review (" + long_date(*next) +
                                        ") is before the last review (" + long_date(*last) +
                                        "); set it after the last review");
  else if (adopted && *next < *adopted)
    c.problem("policy.next_review", "the next review (" + long_date(*next) +
                                        ") is before the policy was adopted (" +
                                        long_date(*adopted) + "); set it after the adoption");
  auto from = last ? last : adopted;
  if (from && !(*next < *from)) {
    // A month's grace: reviews are booked for a meeting, not a day.
    CalendarDate latest = add_months(*from, p.review.every_months + 1);
    if (latest < *next)
      c.problem("policy.next_review",
                "the next review (" + long_date(*next) + ") is more than " +
                    std::to_string(p.review.every_months) + " months after the " +
                    (last ? "last review" : "adoption") +
                    ", but [review] every_months says the policy is reviewed every " +
                    std::to_string(p.review.every_months) + " months",
                {"review.every_months"});
  }
}

void check_accounts(const PolicyProfile& p, Checker& c) {
  const AccountRules& a = p.accounts;
  if (a.official_accounts_allowed) {
    const char* why = "the school may run official accounts";
    c.require_roles("accounts.account_approvers", a.account_approvers, why);
    c.require_roles("accounts.account_creators", a.account_creators, why);
    c.require_roles("accounts.authorisers", a.authorisers, why);
  }
  if (a.affiliated_channels_allowed)
    c.require_roles("accounts.affiliated_checkers", a.affiliated_checkers,
                    "affiliated channels are allowed and leaders check them");
  if (a.official_accounts_allowed || a.affiliated_channels_allowed) {
    if (p.posts.approval_required)
      c.require_roles("posts.approvers", p.posts.approvers, "posts need approval");
    if (p.posts.objectives.empty())
      c.problem("posts.objectives",
                "names no objective, so no post could be made: list at least one");
  }
  c.require_capable("posts.approvers", p.posts.approvers, Capability::kPostsApprove);
  c.require_capable("posts.device_approvers", p.posts.device_approvers, Capability::kDevicesManage);
  if (p.posts.approved_devices_only)
    c.require_roles("posts.device_approvers", p.posts.device_approvers,
                    "only approved devices may take pictures");
  if (p.posts.incident_official_channels_only)
    c.require_roles("posts.incident_posters", p.posts.incident_posters,
                    "only official channels speak during an incident");
}

void check_consent(const PolicyProfile& p, Checker& c) {
  const ConsentRules& k = p.consent;
  for (const auto& [key, label] : k.custom_uses)
    if (consent_use_vocabulary().contains(key))
      c.problem("consent.custom_uses." + key,
                "is already a built-in use; remove it here and list it in consent.uses");
  if (k.uses.empty()) c.problem("consent.uses", "names no use: list at least one");
  for (const std::string& use : k.uses) {
    if (consent_use_vocabulary().contains(use) || k.custom_uses.count(use)) continue;
    std::vector<std::string> known = consent_use_vocabulary().keys();
    for (const auto& [key, label] : k.custom_uses) known.push_back(key);
    std::string msg = "'" + use + "' is not a consent use";
    if (auto near = nearest_key(use, known)) msg += "; did you mean '" + *near + "'?";
    msg += msg.back() == '?' ? " " : ". ";
    msg +=
        "Built-in uses: images_school_accounts, videos_school_accounts; add others under "
        "[consent.custom_uses]";
    c.problem("consent.uses", msg);
  }
  if (k.given_by.empty()) c.problem("consent.given_by", "names no one who may give consent");
  if (std::find(k.given_by.begin(), k.given_by.end(), "competent_pupil") != k.given_by.end())
    c.require_roles("consent.competence_deciders", k.competence_deciders,
                    "competent pupils may consent for themselves");
  c.require_roles("consent.record_keepers", k.record_keepers,
                  "someone must keep the consent record");
}

void check_concerns(const PolicyProfile& p, Checker& c) {
  const ConcernRules& k = p.concerns;
  const char* why = "every concern must reach someone";
  c.require_roles("concerns.routing.pupil", k.routing.pupil, why);
  c.require_roles("concerns.routing.staff", k.routing.staff, why);
  c.require_roles("concerns.routing.headteacher", k.routing.headteacher, why);
  c.require_roles("concerns.routing.personal_data", k.routing.personal_data, why);
  c.require_roles("concerns.routing.personal_account_contact", k.routing.personal_account_contact,
                  why);
  c.require_roles("concerns.routing.official_accounts", k.routing.official_accounts, why);
  const auto& about_head = k.routing.headteacher;
  if (std::find(about_head.begin(), about_head.end(), Role::kHeadteacher) != about_head.end())
    c.problem("concerns.routing.headteacher",
              "a concern about the headteacher cannot go to the headteacher; route it to the "
              "chair of governors");
  if (k.types.empty()) c.problem("concerns.types", "names no type of concern: list at least one");
  if (k.risk_areas.empty())
    c.problem("concerns.risk_areas", "names no risk area: list at least one");
  if (k.kinds.empty()) c.problem("concerns.kinds", "names no kind of risk: list at least one");
  for (const std::string& t : k.criminal_types)
    if (std::find(k.types.begin(), k.types.end(), t) == k.types.end())
      c.problem("concerns.criminal_types",
                "'" + t + "' is not one of concerns.types; add it there too", {"concerns.types"});
  c.require_roles("concerns.evidence_keepers", k.evidence_keepers, "evidence must be kept");
  c.require_roles("concerns.ceop_deciders", k.ceop_deciders, "a CEOP report must be considered");
  c.require_roles("concerns.police_contact", k.police_contact,
                  "someone must be able to call the police");
}

void check_moderation(const PolicyProfile& p, Checker& c) {
  const ModerationRules& m = p.moderation;
  if (p.accounts.official_accounts_allowed)
    c.require_roles("moderation.moderators", m.moderators,
                    "the school's accounts must be moderated");
  if (m.vet_follow_requests)
    c.require_roles("moderation.follow_request_vetters", m.follow_request_vetters,
                    "follow requests are vetted");
  c.require_roles("moderation.parent_breach_meeting", m.parent_breach_meeting,
                  "a parent who breaches the policy is invited to a meeting");
  std::set<std::string> seen;
  for (const std::string& step : m.report_steps)
    if (!seen.insert(step).second)
      c.problem("moderation.report_steps", "'" + step + "' is listed twice");
}

void check_filter(const PolicyProfile& p, Checker& c) {
  const FilterRules& f = p.filter;
  for (const auto& [key, window] : f.windows)
    if (window.times.empty())
      c.problem("filter.windows." + key + ".times", "gives no times, so the window never applies");
  std::map<std::string, std::string> group_of;    // member kind -> group
  std::map<std::string, std::string> user_group;  // user name -> group
  std::vector<std::string> window_keys;
  for (const auto& [w, unused] : f.windows) window_keys.push_back(w);
  auto unknown_window = [&](const std::string& key, const std::string& window) {
    std::string msg = "'" + window + "' is not a window defined under [filter.windows]";
    if (auto near = nearest_key(window, window_keys)) msg += "; did you mean '" + *near + "'?";
    if (!window_keys.empty()) {
      std::string list;
      for (const auto& w : window_keys) list += (list.empty() ? "" : ", ") + w;
      msg += (msg.back() == '?' ? " " : ". ") + std::string("Windows: ") + list;
    }
    c.problem(key, msg);
  };
  for (const auto& [key, group] : f.groups) {
    std::string base = "filter.groups." + key;
    if (group.members.empty() && group.users.empty() && group.sources.empty())
      c.problem(base + ".members", "names no one, so the group's rules would apply to no one");
    for (const std::string& u : group.users) {
      auto [it, fresh] = user_group.emplace(u, key);
      if (!fresh)
        c.problem(base + ".users", "'" + u + "' is already in the group '" + it->second +
                                       "'; each user belongs to one group");
    }
    for (const auto& [window, categories] : group.blocked_categories_during)
      if (!f.windows.count(window))
        unknown_window(base + ".blocked_categories_during." + window, window);
    for (const std::string& m : group.members) {
      auto [it, fresh] = group_of.emplace(m, key);
      if (!fresh)
        c.problem(base + ".members", "'" + m + "' is already in the group '" + it->second +
                                         "'; each kind of person belongs to one group");
    }
    for (const auto& [window, sites] : group.blocked_during)
      if (!f.windows.count(window)) unknown_window(base + ".blocked_during." + window, window);
  }
  if (!f.groups.count(f.default_group)) {
    std::vector<std::string> keys;
    for (const auto& [g, unused] : f.groups) keys.push_back(g);
    std::string msg = "'" + f.default_group + "' is not a group defined under [filter.groups]";
    if (auto near = nearest_key(f.default_group, keys)) msg += "; did you mean '" + *near + "'?";
    c.problem("filter.default_group", msg);
  }
  for (const auto& [site, age] : f.age_limits)
    if (site_domains(site).empty())
      c.problem("filter.age_limits." + site,
                "'" + site +
                    "' is not one site the filter can recognise, so an age limit for it "
                    "would do nothing; name a platform such as tiktok");
  c.require_roles("filter.unblock_handlers", f.unblock_handlers,
                  "requests to unblock must reach someone");
  c.require_roles("filter.unblock_approvers", f.unblock_approvers, "unblocking needs approval");
  c.require_roles("filter.exception_approvers", f.exception_approvers,
                  "lesson exceptions need approval");
  c.require_roles("filter.monitoring_reports_to", f.monitoring_reports_to,
                  "monitoring reports must reach someone");
  c.require_roles("filter.content_reports_to", f.content_reports_to,
                  "inappropriate content found must be reported to someone");
}

void check_people_rules(const PolicyProfile& p, Checker& c) {
  if (p.staff.personal_contact == PersonalContact::kWithApproval)
    c.require_roles("staff.personal_contact_approvers", p.staff.personal_contact_approvers,
                    "contact from personal accounts needs approval");
  if (p.staff.blogging != Authorisation::kNotNeeded)
    c.require_roles("staff.blog_authorisers", p.staff.blog_authorisers,
                    "staff seek authorisation to post about the school");
  c.require_roles("staff.relationship_reviewers", p.staff.relationship_reviewers,
                  "pre-existing relationships must be discussed with someone");
  if (p.remote_learning.assessment_required)
    c.require_roles("remote_learning.assessors", p.remote_learning.assessors,
                    "remote learning platforms are assessed");
}

void check_retention(const PolicyProfile& p, Checker& c) {
  auto it = p.retention.find("child_protection");
  if (it == p.retention.end()) return;
  const RetentionRule& r = it->second;
  if (r.from != RetentionFrom::kDateOfBirth || r.months < 25 * 12)
    c.problem("retention.child_protection",
              "child protection files must be kept at least until the pupil's date of birth + 25 "
              "years (write \"date_of_birth + 25 years\" or longer), not \"" +
                  r.text() + "\"");
}

}  // namespace

std::string format_problem(std::string_view file_name, const ProfileProblem& problem) {
  std::string out(file_name);
  if (problem.line > 0) out += ":" + std::to_string(problem.line);
  return out + ": " + problem.key + ": " + problem.message;
}

std::vector<ProfileProblem> validate_profile(const PolicyProfile& profile,
                                             const SourceLines& lines) {
  Checker c(lines);
  check_dates(profile, c);
  check_accounts(profile, c);
  check_consent(profile, c);
  check_concerns(profile, c);
  check_moderation(profile, c);
  check_filter(profile, c);
  check_people_rules(profile, c);
  check_retention(profile, c);
  return std::move(c.problems);
}

}  // namespace inloco
