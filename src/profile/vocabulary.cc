#include "profile/vocabulary.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "people/role.h"
#include "profile/platform_registry.h"

namespace inloco {
namespace {

// Sites beyond the account register's platforms (platform_registry.h, which
// the site list starts with): those the policies name or pupils use.
constexpr Term kFurtherSites[] = {
    {"reddit", "Reddit"},       {"tumblr", "Tumblr"},
    {"wordpress", "WordPress"}, {"ask_fm", "Ask.fm"},
    {"discord", "Discord"},     {"twitch", "Twitch"},
    {"telegram", "Telegram"},   {"bereal", "BeReal"},
    {"kick", "Kick"},           {"all", "every social media site"},
};

constexpr Term kObjectives[] = {
    {"event_reminder", "reminders about coming events"},
    {"good_news", "good news about the school's performance, results or reputation"},
    {"achievements", "the achievements of pupils and staff"},
    {"information_for_parents", "information parents need, such as a closure"},
    {"learning", "what pupils are learning in class"},
    {"community_engagement", "news that brings the school community together"},
    {"fundraising", "fundraising for the school"},
    {"incident_update", "official updates during an incident"},
};

constexpr Term kChecks[] = {
    {"offensive", "offensive wording"},
    {"discriminatory", "discriminatory wording"},
    {"bullying", "bullying or harassment"},
    {"political", "political opinions or taking sides in a political debate"},
    {"personal_opinion", "personal views rather than neutral ones"},
    {"unsuitable_language", "language unsuitable for a school"},
    {"defamatory", "defamatory or derogatory wording"},
    {"confidential", "confidential school matters"},
    {"illegal", "illegal or unlawful content"},
    {"personal_data",
     "pupils' personal details, such as addresses, phone numbers or dates of birth"},
    {"pupil_full_name_with_image", "a pupil's full name with a photograph or video of them"},
};

constexpr Term kConsentUses[] = {
    {"images_school_accounts", "photographs on the school's social media accounts"},
    {"videos_school_accounts", "videos on the school's social media accounts"},
};

constexpr Term kConsenters[] = {
    {"parental_responsibility", "a parent or carer with parental responsibility"},
    {"competent_pupil", "a pupil the school has judged able to decide for themselves"},
};

constexpr Term kRiskAreas[] = {
    {"content", "content: what a child sees"},
    {"contact", "contact: who a child meets or talks to"},
    {"conduct", "conduct: how a child behaves"},
    {"commerce", "commerce: scams, gambling and advertising"},
};

constexpr Term kRiskKinds[] = {
    {"commercial", "commercial"},
    {"aggressive", "aggressive"},
    {"sexual", "sexual"},
    {"values", "values"},
};

constexpr Term kConcernTypes[] = {
    {"cyberbullying", "cyberbullying"},
    {"grooming", "grooming or exploitation"},
    {"inappropriate_material", "inappropriate material"},
    {"hate", "hateful content"},
    {"self_harm", "encouragement of self-harm or risk taking"},
    {"staff_pupil_contact", "inappropriate contact between a pupil and a member of staff"},
    {"personal_account_contact", "friend or follow requests between pupils or parents and staff"},
    {"defamatory_post", "defamatory posts"},
    {"data_breach", "a personal data breach"},
    {"filter_circumvention", "getting round the web filter"},
    {"youth_produced_imagery", "nude or semi-nude images shared by young people"},
    {"suspected_crime", "other suspected crime"},
    {"online_sexual_harassment", "online sexual violence or harassment"},
    {"harassment", "harassment"},
    {"copyright_infringement", "copying work without permission or acknowledgement"},
    {"login_misuse", "using someone else's login"},
    {"malware", "spreading viruses or other malicious software"},
    {"hacking", "hacking"},
    {"gambling", "gambling"},
    {"age_restricted_material", "viewing age-restricted material"},
    {"indecent_images_of_children", "indecent images of children"},
    {"extreme_pornography", "extreme pornography"},
    {"stolen_goods", "buying or selling stolen goods"},
    {"terrorism_or_religious_hatred", "inciting terrorism or religious hatred"},
    {"illegal_download", "downloading music or films illegally"},
    {"scam", "financial scams"},
};

constexpr Term kReportSteps[] = {
    {"ask_author_to_remove", "ask the person who posted it, or their parents, to take it down"},
    {"keep_copy", "keep a copy of the post or message, with the date and time"},
    {"hide_or_delete", "hide or delete it where the school can"},
    {"report_to_platform", "report it to the platform"},
    {"block_author", "block the person who posted it"},
    {"cite_platform_terms", "name the platform's rule that it breaks"},
    {"report_underage_account", "report an account held by a child under the platform's age limit"},
    {"ceop_report", "help the person affected report it to CEOP"},
    {"support_victim", "support the person affected"},
};

constexpr Term kMembers[] = {
    {"staff", "staff"},
    {"governor", "governors"},
    {"trustee", "trustees"},
    {"volunteer", "volunteers"},
    {"contractor", "contractors"},
    {"pupil", "pupils"},
    {"parent", "parents and carers"},
    {"guest", "guests on the visitors' network"},
};

constexpr Term kAgreements[] = {
    {"acceptable_use", "the acceptable use agreement (staff and pupils)"},
    {"account_terms",
     "the terms of use for the school's social media accounts (everyone who posts)"},
    {"parental_agreement", "the parental agreement on social media (parents and carers)"},
    {"parent_code_of_conduct", "the social media code of conduct for parents"},
    {"pupil_code_of_conduct", "the pupil code of conduct"},
    {"home_school_agreement", "the home-school agreement"},
    {"remote_learning_aup", "the remote learning acceptable use agreement"},
};

constexpr Term kRetentionRecords[] = {
    {"child_protection", "child protection files"},
    {"concerns", "social media concerns and incidents"},
    {"staff_allegations", "allegations about staff"},
    {"consent", "consent records"},
    {"posts", "posts and their approvals"},
    {"comments", "the log of comments and abuse"},
    {"accounts", "the account log"},
    {"filter_logs", "web filter logs"},
    {"training", "training records"},
    {"agreements", "signed agreements"},
};

bool keyed(std::span<const Term> terms, std::string_view key) {
  return std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.key == key; });
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

bool Vocabulary::contains(std::string_view key) const { return keyed(terms, key); }

std::optional<std::string_view> Vocabulary::label(std::string_view key) const {
  for (const Term& t : terms)
    if (t.key == key) return t.label;
  return std::nullopt;
}

std::vector<std::string> Vocabulary::keys() const {
  std::vector<std::string> out;
  for (const Term& t : terms) out.emplace_back(t.key);
  return out;
}

const Vocabulary& site_vocabulary() {
  static const std::vector<Term> terms = [] {
    std::vector<Term> out;
    for (const Platform& p : known_platforms()) out.push_back({p.key, p.sentence_label()});
    out.insert(out.end(), std::begin(kFurtherSites), std::end(kFurtherSites));
    return out;
  }();
  static const Vocabulary v{"site", terms};
  return v;
}
const Vocabulary& objective_vocabulary() {
  static const Vocabulary v{"post objective", kObjectives};
  return v;
}
const Vocabulary& check_vocabulary() {
  static const Vocabulary v{"check", kChecks};
  return v;
}
const Vocabulary& consent_use_vocabulary() {
  static const Vocabulary v{"consent use", kConsentUses};
  return v;
}
const Vocabulary& consenter_vocabulary() {
  static const Vocabulary v{"consent giver", kConsenters};
  return v;
}
const Vocabulary& risk_area_vocabulary() {
  static const Vocabulary v{"risk area", kRiskAreas};
  return v;
}
const Vocabulary& risk_kind_vocabulary() {
  static const Vocabulary v{"risk kind", kRiskKinds};
  return v;
}
const Vocabulary& concern_type_vocabulary() {
  static const Vocabulary v{"concern type", kConcernTypes};
  return v;
}
const Vocabulary& report_step_vocabulary() {
  static const Vocabulary v{"reporting step", kReportSteps};
  return v;
}
const Vocabulary& member_vocabulary() {
  static const Vocabulary v{"group member", kMembers};
  return v;
}
const Vocabulary& agreement_vocabulary() {
  static const Vocabulary v{"agreement", kAgreements};
  return v;
}
const Vocabulary& retention_record_vocabulary() {
  static const Vocabulary v{"record type", kRetentionRecords};
  return v;
}

const Vocabulary& role_vocabulary() {
  static const std::vector<Term> terms = [] {
    std::vector<Term> out;
    for (Role r : all_roles()) out.push_back({role_key(r), role_label(r)});
    return out;
  }();
  static const Vocabulary v{"role", terms};
  return v;
}

std::optional<std::string> nearest_key(std::string_view word,
                                       const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (const std::string& c : candidates) {
    size_t d = edit_distance(word, c);
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A slip is a few characters, and never most of the word.
  size_t limit = std::max<size_t>(1, std::min<size_t>(3, word.size() / 2));
  if (best && best_distance <= limit) return best;
  return std::nullopt;
}

}  // namespace inloco
