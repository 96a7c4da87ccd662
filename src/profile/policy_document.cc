#include "profile/policy_document.h"

#include <algorithm>

#include "core/calendar_date.h"
#include "core/text.h"
#include "profile/profile_schema.h"
#include "profile/vocabulary.h"

namespace inloco {
namespace {

std::string number_word(int n) {
  static const char* kWords[] = {"no",    "one",   "two",  "three", "four",   "five",  "six",
                                 "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  return n >= 0 && n <= 12 ? kWords[n] : std::to_string(n);
}

const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};

// "09-01" -> "1 September".
std::string day_and_month(const std::string& month_day) {
  auto d = parse_date("2000-" + month_day);
  if (!d.ok()) return month_day;
  return std::to_string(d->day) + " " + kMonths[d->month - 1];
}

// "Deputy headteacher" -> "deputy headteacher"; "PTA chair" stays as it is.
std::string lower_first(std::string s) {
  if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z')
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// "a, b and c" / "a, b or c".
std::string joined(const std::vector<std::string>& items, const std::string& last_word) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " " + last_word + " " : ", ";
    out += items[i];
  }
  return out;
}

std::string every(int months) {
  if (months == 1) return "every month";
  if (months == 4) return "every term";
  if (months == 12) return "every year";
  if (months % 12 == 0) return "every " + number_word(months / 12) + " years";
  return "every " + number_word(months) + " months";
}

std::string clock_span(const TimeRange& r) {
  auto hm = [](int m) {
    std::string h = std::to_string(m / 60), mm = std::to_string(m % 60);
    return (h.size() < 2 ? "0" + h : h) + ":" + (mm.size() < 2 ? "0" + mm : mm);
  };
  return hm(r.start_minute) + " to " + hm(r.end_minute);
}

// "Monday to Friday", "Monday and Wednesday".
std::string day_names(uint8_t days) {
  static const char* kDayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                    "Friday", "Saturday", "Sunday"};
  std::vector<std::string> out;
  for (int d = 0; d < 7;) {
    if (!(days & (1u << d))) {
      ++d;
      continue;
    }
    int end = d;
    while (end + 1 < 7 && (days & (1u << (end + 1)))) ++end;
    if (end - d >= 2)
      out.push_back(std::string(kDayNames[d]) + " to " + kDayNames[end]);
    else
      for (int i = d; i <= end; ++i) out.push_back(kDayNames[i]);
    d = end + 1;
  }
  return joined(out, "and");
}

// Writes the sentences; holds the profile so role names use the school's titles.
class Writer {
 public:
  Writer(const PolicyProfile& p, const std::string& school) : p_(p), school_(school) {}

  // "the headteacher", or the school's own title as it writes it ("the Principal").
  std::string role(Role r) const {
    auto it = p_.titles.find(std::string(role_key(r)));
    if (it != p_.titles.end() && !it->second.empty()) return "the " + it->second;
    return "the " + lower_first(std::string(role_label(r)));
  }
  std::string roles(const std::vector<Role>& rs, const std::string& word = "or") const {
    std::vector<std::string> names;
    for (Role r : rs) names.push_back(role(r));
    return names.empty() ? "(no one named)" : joined(names, word);
  }
  std::string roles_start(const std::vector<Role>& rs, const std::string& word = "or") const {
    return capitalised(roles(rs, word));
  }
  // The verb agreeing with a list joined by "and": "keeps" for one, "keep" for more.
  static std::string verb(const std::vector<Role>& rs, const std::string& one,
                          const std::string& many) {
    return rs.size() > 1 ? many : one;
  }
  std::string labels(const std::vector<std::string>& keys, const Vocabulary& v,
                     const std::string& word = "and") const {
    std::vector<std::string> out;
    for (const auto& k : keys) out.push_back(std::string(v.label(k).value_or(k)));
    return joined(out, word);
  }
  static std::string blocked_verb(const std::vector<std::string>& sites) {
    bool all = std::find(sites.begin(), sites.end(), "all") != sites.end();
    return all || sites.size() == 1 ? " is blocked" : " are blocked";
  }
  std::string site_list(const std::vector<std::string>& sites) const {
    if (std::find(sites.begin(), sites.end(), "all") != sites.end())
      return "every social media site";
    return labels(sites, site_vocabulary());
  }

  PolicyDocument write() {
    PolicyDocument d;
    d.title = p_.name;
    d.version_line = version_line();
    about(d);
    accounts(d);
    posts(d);
    consent(d);
    moderation(d);
    concerns(d);
    filter(d);
    staff(d);
    training(d);
    records(d);
    return d;
  }

 private:
  std::string version_line() const {
    const PolicyMeta& m = p_.meta;
    std::string out = "Version " + m.version + ".";
    out += m.adopted ? " Adopted " + long_date(*m.adopted) + "." : " Not yet adopted.";
    if (m.last_review) out += " Last reviewed " + long_date(*m.last_review) + ".";
    if (m.next_review) out += " Next review due by " + long_date(*m.next_review) + ".";
    return out;
  }

  void about(PolicyDocument& d) const {
    const PolicyMeta& m = p_.meta;
    PolicySection s{"About this policy", {}, {}};
    s.paragraphs.push_back(
        "This policy explains how " + school_ +
        " uses social media, and what pupils, parents, staff and volunteers can expect. It is "
        "produced from the rules the school's systems apply, so it describes what actually "
        "happens.");
    if (p_.trust.policy_for_all_schools) {
      std::string t = "The trust has one policy for all of its schools.";
      if (!p_.trust.oversight_roles.empty())
        t += " " + roles_start(p_.trust.oversight_roles) +
             " may see records across the trust's schools.";
      s.paragraphs.push_back(t);
    }
    std::string adopted;
    if (m.adopted) {
      adopted = "Version " + m.version + " was adopted on " + long_date(*m.adopted);
      if (!m.committee.empty()) adopted += " by the " + m.committee;
      if (!m.minute.empty()) adopted += " (minute " + m.minute + ")";
      adopted += ".";
      if (!m.approved_by.empty())
        adopted += " It was approved by " + joined(m.approved_by, "and") + ".";
    } else {
      adopted = "Version " + m.version + " has not yet been adopted.";
    }
    s.paragraphs.push_back(adopted);
    std::string review =
        "The " + p_.review.body + " reviews the policy " + every(p_.review.every_months);
    if (p_.review.after_incidents)
      review += ", and sooner after a serious incident or a change in the law";
    review += ".";
    if (m.last_review) {
      review += " It was last reviewed on " + long_date(*m.last_review);
      if (!m.reviewed_by.empty()) review += " by the " + m.reviewed_by;
      review += ".";
    }
    if (m.next_review) review += " The next review is due by " + long_date(*m.next_review) + ".";
    s.paragraphs.push_back(review);
    if (!m.related_policies.empty()) {
      s.paragraphs.push_back("Read it together with:");
      s.bullets = m.related_policies;
    }
    d.sections.push_back(std::move(s));
  }

  void accounts(PolicyDocument& d) const {
    const AccountRules& a = p_.accounts;
    PolicySection s{"The school's social media accounts", {}, {}};
    if (!a.official_accounts_allowed) {
      s.paragraphs.push_back(school_ + " does not run any official social media accounts.");
    } else {
      std::string where = a.platforms.empty()
                              ? ""
                              : ", on " + labels(a.platforms, site_vocabulary(), "or") + " only";
      s.paragraphs.push_back(school_ + " runs official social media accounts" + where + ".");
      s.paragraphs.push_back(
          "No account is opened until its purpose and risks have been assessed: what it is for, "
          "whether it is worth the effort, how much people can interact with it, who may "
          "contribute (pupils, staff, parents or the public), how much staff time it needs and how "
          "its success will be judged. " +
          roles_start(a.account_approvers) +
          " approves the assessment, "
          "and " +
          roles(a.account_creators) + " then sets the account up.");
      s.bullets.push_back("No more than " + number_word(a.max_admins) +
                          (a.max_admins == 1 ? " person holds" : " people hold") +
                          " administrator access to any one account.");
      s.bullets.push_back(
          "Only people authorised by " + roles(a.authorisers) +
          " may post or administer, and the authorisation can be withdrawn at any time.");
      if (a.official_email_required)
        s.bullets.push_back(
            "Every account is registered to an official school email address, never a personal "
            "one.");
      if (a.privacy_notice_required)
        s.bullets.push_back("Every account is named in the school's privacy notice.");
      if (a.website_link_required)
        s.bullets.push_back("Every account is linked from the school website.");
      s.bullets.push_back("Who has access to each account is reviewed " +
                          every(a.access_review_months) +
                          ", and what the accounts send and receive is monitored.");
      s.bullets.push_back(
          "Account passwords are stored encrypted and shown only to authorised people; "
          "every time one is shown is recorded.");
      s.bullets.push_back(
          "The accounts belong to the school, which may close any of them at any time; "
          "a closed account stays in the account log.");
    }
    if (a.affiliated_channels_allowed) {
      s.paragraphs.push_back(
          "Channels run by others for our community, such as a PTA page, are recorded in the "
          "account log as affiliated channels. Their use is approved by " +
          roles(a.affiliated_approvers) + ". The school holds no logins for them, but " +
          roles(a.affiliated_checkers) + " looks at what they publish " +
          every(a.affiliated_check_months) + " and records each check.");
    } else {
      s.paragraphs.push_back(
          "Channels run by others, such as a PTA page, may not speak for the school.");
    }
    d.sections.push_back(std::move(s));
  }

  void posts(PolicyDocument& d) const {
    if (!p_.accounts.official_accounts_allowed && !p_.accounts.affiliated_channels_allowed) return;
    const PostRules& r = p_.posts;
    PolicySection what{"What we post", {}, {}};
    what.paragraphs.push_back("Every post has one of these purposes:");
    for (const auto& o : r.objectives)
      what.bullets.push_back(capitalised(std::string(objective_vocabulary().label(o).value_or(o))) +
                             ".");
    d.sections.push_back(std::move(what));

    PolicySection how{"How posts are checked and approved", {}, {}};
    if (r.approval_required) {
      std::string t =
          "Every post is approved before it is published, by " + roles(r.approvers) + ".";
      if (!r.author_may_approve) t += " Nobody approves a post they wrote themselves.";
      how.paragraphs.push_back(t);
    } else {
      how.paragraphs.push_back(
          "Posts do not need approval before they are published, but they are still checked.");
    }
    how.paragraphs.push_back(
        "Before approval, the text of every post is checked automatically. What happens to a "
        "finding depends on what it is, as the next section sets out.");
    if (r.incident_official_channels_only)
      how.paragraphs.push_back(
          "During a critical incident only the school's official channels comment, and only " +
          roles(r.incident_posters) + " may post about it.");
    how.bullets.push_back(
        "A pupil appears in a photograph or video only if their consent covers that use "
        "for the current academic year.");
    how.bullets.push_back(
        r.action_for("pupil_full_name_with_image") == CheckAction::kRefuse
            ? "A pupil's full name is never used with a picture of them; group pictures "
              "have general captions such as \"sports day\"."
            : "The approver makes sure a pupil's full name is not used with a picture of them.");
    if (r.approved_devices_only)
      how.bullets.push_back("Pictures are taken only on school devices approved by " +
                            roles(r.device_approvers) + ".");
    if (r.blur_faces_without_consent)
      how.bullets.push_back(
          "The faces of pupils without consent are blurred before anything is published.");
    if (r.remove_location_data)
      how.bullets.push_back("Location and camera details are removed from pictures.");
    if (r.dress_check)
      how.bullets.push_back("The approver confirms that everyone shown is suitably dressed.");
    if (r.media_source_required)
      how.bullets.push_back(
          "We record where each picture came from; other people's work is used only with "
          "their permission or with credit.");
    if (r.author_confirms_accuracy)
      how.bullets.push_back("The author confirms that the facts in a post are right.");
    d.sections.push_back(std::move(how));

    PolicySection checks{"Automatic checks on every post", {}, {}};
    checks.paragraphs.push_back(
        "A post that may contain any of the following is either stopped, or held "
        "for the approver to look at closely:");
    for (const Term& t : check_vocabulary().terms)
      checks.bullets.push_back(
          capitalised(std::string(t.label)) + ": " +
          (r.action_for(t.key) == CheckAction::kRefuse ? "stopped." : "held for the approver."));
    d.sections.push_back(std::move(checks));
  }

  void consent(PolicyDocument& d) const {
    const ConsentRules& c = p_.consent;
    PolicySection s{"Consent for photographs and videos", {}, {}};
    std::vector<std::string> givers;
    for (const auto& g : c.given_by)
      givers.emplace_back(consenter_vocabulary().label(g).value_or(g));
    std::string who = "Consent is given by " + joined(givers, "or") + ".";
    if (std::find(c.given_by.begin(), c.given_by.end(), "competent_pupil") != c.given_by.end())
      who += " " + roles_start(c.competence_deciders, "and") + " " +
             verb(c.competence_deciders, "decides", "decide") +
             " whether a pupil can consent for themselves.";
    s.paragraphs.push_back(who);
    std::string term =
        "Consent can cover some uses and not others, for example photographs but not videos.";
    if (c.expires_with_academic_year) {
      term += " It lasts for one academic year, from " + day_and_month(c.academic_year_starts) +
              ", and is asked for again each year.";
    }
    s.paragraphs.push_back(term);
    s.paragraphs.push_back(
        "Consent can be withdrawn or changed at any time" +
        std::string(c.changes_in_writing ? ", in writing" : "") +
        ", and it is as easy to withdraw as to give. The change applies from that day. Where it is "
        "possible, posts already published that show the pupil are taken down within " +
        number_word(c.removal_within_days) + (c.removal_within_days == 1 ? " day." : " days."));
    s.paragraphs.push_back(roles_start(c.record_keepers, "and") + " " +
                           verb(c.record_keepers, "keeps", "keep") +
                           " the consent record up to date; inloco "
                           "checks it before any post is approved.");
    if (c.pta_activity_needs_written_consent)
      s.paragraphs.push_back(
          "Before any PTA social media activity involving pupils, a parent or carer gives "
          "written consent.");
    s.paragraphs.push_back("We ask for consent to:");
    for (const auto& use : c.uses) {
      std::string label;
      if (auto l = consent_use_vocabulary().label(use))
        label = std::string(*l);
      else if (auto it = c.custom_uses.find(use); it != c.custom_uses.end())
        label = it->second;
      else
        label = use;
      s.bullets.push_back(capitalised(label) + ".");
    }
    d.sections.push_back(std::move(s));
  }

  void moderation(PolicyDocument& d) const {
    const ModerationRules& m = p_.moderation;
    PolicySection s{"Comments, followers and abuse", {}, {}};
    if (p_.accounts.official_accounts_allowed) {
      if (m.screen_comments)
        s.paragraphs.push_back(
            "Comments on our accounts are checked with the same rules as our posts, and " +
            roles(m.moderators) + " moderates them.");
      switch (m.offensive_comments) {
        case CommentAction::kReview:
          s.paragraphs.push_back(
              "A moderator looks at every offensive comment and decides what to do.");
          break;
        case CommentAction::kHide:
          s.paragraphs.push_back("Offensive comments are hidden as soon as they are found.");
          break;
        case CommentAction::kHideAndBlock:
          s.paragraphs.push_back(
              "Offensive comments are hidden as soon as they are found, and the person "
              "who wrote them is blocked.");
          break;
      }
      if (m.flag_pupil_details)
        s.paragraphs.push_back(
            "Comments that share pictures or details of pupils, or that name pupils or "
            "staff, are flagged for a moderator.");
      if (m.vet_follow_requests)
        s.paragraphs.push_back(
            "Requests to follow or befriend our accounts are checked and accepted or "
            "refused by " +
            roles(m.follow_request_vetters) + ".");
      s.paragraphs.push_back(m.parents_may_comment
                                 ? "Parents may comment on our posts, politely and without harming "
                                   "anyone's reputation."
                                 : "Parents are asked not to comment on our posts.");
    }
    std::string breach = "A parent who breaches this policy is invited to a meeting with " +
                         roles(m.parent_breach_meeting, "and") + ".";
    if (m.parent_breach_may_lose_interaction)
      breach += " They may lose the ability to interact with the school's accounts.";
    s.paragraphs.push_back(breach);
    if (!m.report_steps.empty()) {
      s.paragraphs.push_back(
          "When harmful content about the school or its community is found, we take these steps in "
          "order:");
      for (const auto& step : m.report_steps)
        s.bullets.push_back(
            capitalised(std::string(report_step_vocabulary().label(step).value_or(step))) + ".");
    }
    d.sections.push_back(std::move(s));
  }

  void concerns(PolicyDocument& d) const {
    const ConcernRules& c = p_.concerns;
    const ConcernRouting& r = c.routing;
    PolicySection who{"Reporting a concern", {}, {}};
    who.paragraphs.push_back(
        "Anyone who works at the school reports a concern about social media as soon as "
        "they can. Who deals with it depends on what it is about:");
    who.bullets.push_back("About a pupil: " + roles(r.pupil) + ".");
    std::string staff = "About a member of staff: " + roles(r.staff) + ".";
    if (c.lado_referral)
      staff +=
          " Allegations that may meet the harm threshold are referred to the local authority "
          "designated officer (LADO).";
    who.bullets.push_back(staff);
    who.bullets.push_back("About " + role(Role::kHeadteacher) + ": " + roles(r.headteacher) + ".");
    who.bullets.push_back(
        "Involving personal data, pictures included: " + roles(r.personal_data, "and") +
        " as well, who decides within " + std::to_string(c.dpo_decision_hours) +
        " hours whether the Information Commissioner's Office must be told.");
    who.bullets.push_back(
        "Messages or friend requests from pupils or parents to a member of staff's personal "
        "account: " +
        roles(r.personal_account_contact) + ".");
    who.bullets.push_back(
        "Complaints about the school's own accounts or posts: " + roles(r.official_accounts) + ".");
    d.sections.push_back(std::move(who));

    PolicySection how{"How concerns are handled", {}, {}};
    std::string evidence =
        "Evidence, such as messages, emails, voicemail, web addresses and screenshots, is "
        "kept with its date and time by " +
        roles(c.evidence_keepers, "and") + ".";
    if (c.untrained_see_inert_links)
      evidence +=
          " Staff who are not trained to investigate see reported web addresses as plain text, so "
          "they are not led to open them.";
    evidence +=
        " Nude or semi-nude images of children are never copied or kept; we record where and when "
        "they were seen instead.";
    how.paragraphs.push_back(evidence);
    std::string police = roles_start(c.ceop_deciders) + " decides whether to report to CEOP. " +
                         roles_start(c.police_contact) +
                         " contacts the police when a crime is suspected.";
    if (c.avoid_criminalising_pupils)
      police +=
          " We avoid criminalising pupils needlessly, for example when a child has acted out of "
          "ignorance or curiosity, and we record the reason for each decision.";
    how.paragraphs.push_back(police);
    if (c.debrief_required)
      how.paragraphs.push_back(
          "When a concern is closed, leaders record what was learnt and any change it "
          "needs to this policy or to what is taught.");
    if (!c.advice_from.empty())
      how.paragraphs.push_back("When unsure how to proceed, " + role(Role::kDsl) + " asks " +
                               c.advice_from + " for advice.");
    if (!c.criminal_types.empty()) {
      how.paragraphs.push_back("These are treated as possible crimes and investigated as such:");
      for (const auto& t : c.criminal_types)
        how.bullets.push_back(
            capitalised(std::string(concern_type_vocabulary().label(t).value_or(t))) + ".");
    }
    d.sections.push_back(std::move(how));
  }

  std::string window_text(const std::string& key) const {
    auto it = p_.filter.windows.find(key);
    if (it == p_.filter.windows.end()) return key;
    // "Monday to Friday, 09:00 to 12:00 and 13:00 to 15:15": times on the same days share them.
    std::vector<std::string> parts;
    const auto& times = it->second.times;
    for (size_t i = 0; i < times.size();) {
      std::vector<std::string> spans;
      size_t j = i;
      for (; j < times.size() && times[j].days == times[i].days; ++j)
        spans.push_back(clock_span(times[j]));
      parts.push_back(day_names(times[i].days) + ", " + joined(spans, "and"));
      i = j;
    }
    return lower_first(it->second.label) + " (" + join(parts, "; ") + ")";
  }

  // "3 times within 7 days": the threshold at which the network refuses them.
  static std::string attempts_text(const FilterRules& f) {
    std::string times = f.circumvention_threshold == 1
                            ? std::string("once")
                            : number_word(f.circumvention_threshold) + " times";
    std::string days = f.circumvention_window_days == 1
                           ? std::string("a day")
                           : number_word(f.circumvention_window_days) + " days";
    return times + " within " + days;
  }

  void filter(PolicyDocument& d) const {
    const FilterRules& f = p_.filter;
    PolicySection groups{"Internet filtering", {}, {}};
    groups.paragraphs.push_back(
        "The school's network filters social media differently for different people:");
    for (const auto& [key, g] : f.groups) {
      std::vector<std::string> rules;
      if (!g.blocked.empty())
        rules.push_back(site_list(g.blocked) + blocked_verb(g.blocked) + " at all times");
      for (const auto& [window, sites] : g.blocked_during)
        if (!sites.empty())
          rules.push_back(site_list(sites) + blocked_verb(sites) + " during " +
                          window_text(window));
      std::string text = g.label + ": " +
                         (rules.empty() ? "no social media is blocked" : joined(rules, "and")) +
                         ".";
      groups.bullets.push_back(text);
    }
    d.sections.push_back(std::move(groups));

    PolicySection more{"Unblocking and monitoring", {}, {}};
    more.paragraphs.push_back(roles_start(f.exception_approvers) +
                              " may allow a class to use a blocked site during a lesson.");
    more.paragraphs.push_back("To unblock something blocked by mistake, ask " +
                              roles(f.unblock_handlers) + "; " + roles(f.unblock_approvers) +
                              " approves it" + (f.unblock_in_writing ? " in writing." : "."));
    more.paragraphs.push_back("Inappropriate content found on school equipment is reported to " +
                              roles(f.content_reports_to) + " and blocked.");
    more.paragraphs.push_back(
        "Use of the network is monitored, and " + roles(f.monitoring_reports_to, "and") + " " +
        verb(f.monitoring_reports_to, "receives", "receive") + " reports every " +
        (f.monitoring_report_days == 7 ? std::string("week")
                                       : number_word(f.monitoring_report_days) + " days") +
        ".");
    switch (f.circumvention) {
      case CircumventionSanction::kRecordOnly:
        more.paragraphs.push_back("Attempts to get round the filter are recorded and followed up.");
        break;
      case CircumventionSanction::kSupervisedUseOnly:
        more.paragraphs.push_back(
            "Anyone who tries to get round the filter " + attempts_text(f) +
            " may then use school computers only under close supervision, until " +
            roles(f.monitoring_reports_to, "or") + " " +
            verb(f.monitoring_reports_to, "lifts", "lift") + " that.");
        break;
      case CircumventionSanction::kRemoveInternetAccess:
        more.paragraphs.push_back(
            "Anyone who tries to get round the filter " + attempts_text(f) +
            ", or uses social media inappropriately at school, may lose internet access at "
            "school until " +
            roles(f.monitoring_reports_to, "or") + " " +
            verb(f.monitoring_reports_to, "restores", "restore") + " it.");
        break;
    }
    if (f.age_limits_enforced)
      more.paragraphs.push_back(
          "Sites are not offered to pupils younger than the site's own age limit (" +
          std::to_string(f.minimum_age) + " for sites that give none).");
    more.paragraphs.push_back(
        "Lists of illegal content, such as the Internet Watch Foundation's, are always "
        "blocked; nobody can override them.");
    d.sections.push_back(std::move(more));
  }

  void staff(PolicyDocument& d) const {
    const StaffRules& s = p_.staff;
    PolicySection sec{"Staff use of social media", {}, {}};
    if (s.personal_contact == PersonalContact::kNever)
      sec.paragraphs.push_back(
          "Staff do not contact pupils or their families from personal social media "
          "accounts, and do not accept friend or follow requests from them.");
    else
      sec.paragraphs.push_back(
          "Staff do not contact pupils or their families from personal social media "
          "accounts unless " +
          roles(s.personal_contact_approvers) +
          " has approved it beforehand; each approval is recorded.");
    sec.paragraphs.push_back(
        "Where an existing relationship, such as a relative at the school, makes that "
        "impossible, the member of staff talks it through with " +
        roles(s.relationship_reviewers, "and") + ", and the decision is recorded.");
    switch (s.blogging) {
      case Authorisation::kRequired:
        sec.paragraphs.push_back("Staff need authorisation from " + roles(s.blog_authorisers) +
                                 " before blogging or posting about the school.");
        break;
      case Authorisation::kAdvised:
        sec.paragraphs.push_back(
            "Staff who blog or post about the school are advised to seek authorisation from " +
            roles(s.blog_authorisers) + " first.");
        break;
      case Authorisation::kNotNeeded:
        sec.paragraphs.push_back(
            "Staff may post about the school without asking first, within this policy.");
        break;
    }
    if (s.induction_checklist)
      sec.paragraphs.push_back(
          "As part of their induction, new staff read this policy, look back over what they "
          "have posted before, and set their accounts' privacy settings.");
    if (p_.remote_learning.assessment_required)
      sec.paragraphs.push_back("Any platform used for remote learning is risk assessed by " +
                               roles(p_.remote_learning.assessors) + " before it is used.");
    d.sections.push_back(std::move(sec));
  }

  void training(PolicyDocument& d) const {
    const TrainingRules& t = p_.training;
    PolicySection sec{"Training and agreements", {}, {}};
    std::string staff = "Staff are trained in safe social media use";
    staff += t.staff_induction ? " when they join and then " + every(t.staff_months)
                               : " " + every(t.staff_months);
    staff += "; pupils learn about it " + every(t.pupils_months) + ".";
    if (t.parents_invited)
      staff += " Parents and carers are invited to a session " + every(t.parents_months) + ".";
    if (t.posters_trained)
      staff += " Everyone who posts on the school's accounts is trained on the platform first.";
    if (t.refresh_after_incident) staff += " Training is refreshed after any significant incident.";
    sec.paragraphs.push_back(staff);
    if (t.acknowledgement_required)
      sec.paragraphs.push_back(
          "Everyone confirms they have read and understood each new version of this policy "
          "within " +
          std::to_string(t.acknowledge_within_days) + " days.");
    if (!p_.agreements.required.empty()) {
      sec.paragraphs.push_back(std::string("We ask people to sign these agreements") +
                               (p_.agreements.sign_again_on_new_version
                                    ? ", and to sign again when one changes:"
                                    : ":"));
      for (const auto& a : p_.agreements.required)
        sec.bullets.push_back(
            capitalised(std::string(agreement_vocabulary().label(a).value_or(a))) + ".");
    }
    d.sections.push_back(std::move(sec));
  }

  static std::string period(const RetentionRule& r) {
    std::string n = r.months % 12 == 0
                        ? std::to_string(r.months / 12) + (r.months == 12 ? " year" : " years")
                        : std::to_string(r.months) + (r.months == 1 ? " month" : " months");
    switch (r.from) {
      case RetentionFrom::kCreated:
        return "kept for " + n + " after creation";
      case RetentionFrom::kClosed:
        return "kept for " + n + " after closure";
      case RetentionFrom::kDateOfBirth:
        return "kept until " + n + " after the pupil's date of birth";
      case RetentionFrom::kLeftSchool:
        return "kept for " + n + " after the pupil leaves the school";
      case RetentionFrom::kEndOfAcademicYear:
        return "kept for " + n + " after the end of the academic year";
    }
    return n;
  }

  void records(PolicyDocument& d) const {
    PolicySection sec{"Keeping records", {}, {}};
    sec.paragraphs.push_back(
        "Records are kept for these periods. When a period ends the record is reviewed "
        "before it is deleted, and any record can be kept longer for legal reasons.");
    for (const Term& t : retention_record_vocabulary().terms) {
      auto it = p_.retention.find(std::string(t.key));
      if (it == p_.retention.end()) continue;
      sec.bullets.push_back(capitalised(std::string(t.label)) + ": " + period(it->second) + ".");
    }
    d.sections.push_back(std::move(sec));
  }

  const PolicyProfile& p_;
  std::string school_;
};

void wrap(std::string& out, const std::string& text, const std::string& first,
          const std::string& rest, size_t width) {
  std::string line = first;
  size_t pos = 0;
  bool empty = true;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (!empty && width > 0 && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = rest;
      empty = true;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  out += line + "\n";
}

}  // namespace

std::string long_date(const std::string& iso_date) {
  if (iso_date.size() != 10) return iso_date;
  auto d = parse_date(iso_date);
  if (!d.ok()) return iso_date;
  return long_date(*d);
}

std::string long_date(const CalendarDate& day) {
  return std::to_string(day.day) + " " + kMonths[day.month - 1] + " " + std::to_string(day.year);
}

PolicyDocument policy_document(const PolicyProfile& profile, const std::string& school_name) {
  return Writer(profile, school_name).write();
}

std::string policy_document_text(const PolicyDocument& document, size_t width) {
  std::string out = document.title + "\n" + std::string(document.title.size(), '=') + "\n";
  wrap(out, document.version_line, "", "", width);
  for (const PolicySection& s : document.sections) {
    out += "\n" + s.heading + "\n" + std::string(s.heading.size(), '-') + "\n";
    for (const std::string& p : s.paragraphs) {
      wrap(out, p, "", "", width);
      out += "\n";
    }
    for (const std::string& b : s.bullets) wrap(out, b, "  - ", "    ", width);
    if (!s.bullets.empty()) out += "\n";
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

}  // namespace inloco
