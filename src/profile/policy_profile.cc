#include "profile/policy_profile.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "profile/vocabulary.h"

namespace inloco {
namespace {

constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string clock_time(int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int day_index(std::string_view name) {
  for (int i = 0; i < 7; ++i)
    if (name == kDays[i]) return i;
  return -1;
}

// "09:05" -> 545; -1 when not a 24-hour time. "24:00" is the end of the day.
int parse_clock(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  int h = 0, m = 0;
  auto a = std::from_chars(t.data(), t.data() + 2, h);
  auto b = std::from_chars(t.data() + 3, t.data() + 5, m);
  if (a.ptr != t.data() + 2 || b.ptr != t.data() + 5) return -1;
  if (h == 24 && m == 0) return 24 * 60;
  if (h > 23 || m > 59) return -1;
  return h * 60 + m;
}

TimeRange weekdays(int start_h, int start_m, int end_h, int end_m) {
  return TimeRange{0x1f, start_h * 60 + start_m, end_h * 60 + end_m};
}

}  // namespace

CheckAction PostRules::action_for(std::string_view check) const {
  auto it = checks.find(std::string(check));
  return it == checks.end() ? CheckAction::kRefuse : it->second;
}

std::map<std::string, CheckAction> PostRules::default_checks() {
  // Checks that read tone (politics, opinion, register) misfire on ordinary
  // school news, so a person looks; the rest are refused outright.
  std::map<std::string, CheckAction> out;
  for (const Term& t : check_vocabulary().terms) out[std::string(t.key)] = CheckAction::kRefuse;
  out["political"] = CheckAction::kReview;
  out["personal_opinion"] = CheckAction::kReview;
  out["unsuitable_language"] = CheckAction::kReview;
  return out;
}

std::vector<std::string> ConcernRules::default_types() {
  return {"cyberbullying",
          "grooming",
          "inappropriate_material",
          "hate",
          "self_harm",
          "staff_pupil_contact",
          "personal_account_contact",
          "defamatory_post",
          "data_breach",
          "filter_circumvention",
          "youth_produced_imagery",
          "suspected_crime"};
}

bool TimeRange::contains(int weekday, int minute) const {
  if (weekday < 0 || weekday > 6) return false;
  bool today = (days & (1u << weekday)) != 0;
  if (end_minute > start_minute) return today && minute >= start_minute && minute < end_minute;
  // Overnight: the evening of a day named, or the morning after one.
  int yesterday = (weekday + 6) % 7;
  return (today && minute >= start_minute) ||
         ((days & (1u << yesterday)) != 0 && minute < end_minute);
}

std::string TimeRange::text() const {
  std::string out;
  for (int d = 0; d < 7;) {
    if (!(days & (1u << d))) {
      ++d;
      continue;
    }
    int end = d;
    while (end + 1 < 7 && (days & (1u << (end + 1)))) ++end;
    if (!out.empty()) out += ",";
    if (end - d >= 2) {
      out += std::string(kDays[d]) + "-" + kDays[end];
    } else {
      out += kDays[d];
      if (end > d) out += std::string(",") + kDays[end];
    }
    d = end + 1;
  }
  return out + " " + clock_time(start_minute) + "-" + clock_time(end_minute);
}

Result<TimeRange> parse_time_range(std::string_view text) {
  const std::string example = " Write it like \"mon-fri 09:00-12:00\".";
  std::string_view t = trimmed(text);
  size_t space = t.rfind(' ');
  if (space == std::string_view::npos)
    return Error::invalid("'" + std::string(text) + "' needs days and times." + example);
  std::string_view days = trimmed(t.substr(0, space));
  std::string_view times = t.substr(space + 1);
  TimeRange r;
  r.days = 0;
  while (!days.empty()) {
    size_t comma = days.find(',');
    std::string_view item = trimmed(days.substr(0, comma));
    days = comma == std::string_view::npos ? std::string_view{} : days.substr(comma + 1);
    size_t dash = item.find('-');
    int from = day_index(item.substr(0, dash));
    int to = dash == std::string_view::npos ? from : day_index(item.substr(dash + 1));
    if (from < 0 || to < 0)
      return Error::invalid("'" + std::string(item) +
                            "' is not a day: use mon, tue, wed, thu, fri, sat, sun." + example);
    if (to < from)
      return Error::invalid("'" + std::string(item) +
                            "' runs backwards: put the earlier day first.");
    for (int d = from; d <= to; ++d) r.days |= static_cast<uint8_t>(1u << d);
  }
  if (r.days == 0) return Error::invalid("'" + std::string(text) + "' names no days." + example);
  size_t dash = times.find('-');
  if (dash == std::string_view::npos)
    return Error::invalid("'" + std::string(times) + "' needs a start and an end time." + example);
  r.start_minute = parse_clock(times.substr(0, dash));
  r.end_minute = parse_clock(times.substr(dash + 1));
  if (r.start_minute < 0 || r.end_minute < 0)
    return Error::invalid("'" + std::string(times) +
                          "' is not a pair of 24-hour times such as 09:00-12:00.");
  if (r.end_minute == r.start_minute)
    return Error::invalid("'" + std::string(times) + "' starts and ends at the same time.");
  if (r.end_minute == 24 * 60 && r.start_minute == 0) return r;
  if (r.start_minute == 24 * 60)
    return Error::invalid("'" + std::string(times) + "' starts at the end of the day: use 00:00.");
  return r;
}

Result<RetentionRule> parse_retention_rule(std::string_view text) {
  const std::string example =
      " Write it like \"date_of_birth + 25 years\" or \"created + 18 months\".";
  std::string_view t = trimmed(text);
  size_t plus = t.find('+');
  if (plus == std::string_view::npos)
    return Error::invalid("'" + std::string(text) + "' needs a starting point and a length." +
                          example);
  std::string_view anchor = trimmed(t.substr(0, plus));
  std::string_view length = trimmed(t.substr(plus + 1));
  RetentionRule r;
  if (anchor == "created")
    r.from = RetentionFrom::kCreated;
  else if (anchor == "closed")
    r.from = RetentionFrom::kClosed;
  else if (anchor == "date_of_birth")
    r.from = RetentionFrom::kDateOfBirth;
  else if (anchor == "left_school")
    r.from = RetentionFrom::kLeftSchool;
  else if (anchor == "end_of_academic_year")
    r.from = RetentionFrom::kEndOfAcademicYear;
  else
    return Error::invalid("'" + std::string(anchor) +
                          "' is not a starting point: use created, closed, date_of_birth, "
                          "left_school or end_of_academic_year.");
  int n = -1;
  auto [ptr, ec] = std::from_chars(length.data(), length.data() + length.size(), n);
  std::string_view unit = trimmed(length.substr(static_cast<size_t>(ptr - length.data())));
  if (ec != std::errc() || n < 1 || n > 1200)
    return Error::invalid("'" + std::string(length) + "' is not a length of time." + example);
  if (unit == "year" || unit == "years")
    r.months = n * 12;
  else if (unit == "month" || unit == "months")
    r.months = n;
  else
    return Error::invalid("'" + std::string(unit) + "' is not a unit: use years or months.");
  if (r.months > 1200) return Error::invalid("'" + std::string(length) + "' is over 100 years.");
  return r;
}

std::map<std::string, TimeWindow> FilterRules::default_windows() {
  return {
      {"lessons", {"Lessons", {weekdays(9, 0, 12, 0), weekdays(13, 0, 15, 15)}}},
      {"directed_time", {"Directed time", {weekdays(8, 30, 16, 30)}}},
  };
}

std::string FilterRules::group_for_kind(std::string_view kind) const {
  for (const auto& [key, group] : groups)
    if (std::find(group.members.begin(), group.members.end(), kind) != group.members.end())
      return key;
  return {};
}

std::vector<std::string> FilterRules::default_blocked_categories(bool young) {
  // UT1 category names (../shared/data/ut1): harm and ways round the filter
  // for everyone; for children and guests also dating, gambling and the like.
  std::vector<std::string> out = {"aggressive", "cryptojacking", "dangerous_material", "ddos",
                                  "drugs",      "hacking",       "stalkerware",        "warez"};
  if (young)
    out.insert(out.end(), {"dating", "doh", "gambling", "lingerie", "mixed_adult", "proxy",
                           "redirector", "residential-proxies", "sect", "violence", "vpn"});
  std::sort(out.begin(), out.end());
  return out;
}

std::map<std::string, FilterGroup> FilterRules::default_groups() {
  return {
      {"pupils",
       {"Pupils", {"pupil"}, {"all"}, {}, {}, {}, default_blocked_categories(true), {}, 0}},
      {"staff",
       {"Staff",
        {"staff", "volunteer", "contractor", "governor", "trustee"},
        {},
        {{"lessons", {"all"}}},
        {},
        {},
        default_blocked_categories(false),
        {},
        0}},
      {"guests",
       {"Guests",
        {"guest"},
        {},
        {{"lessons", {"all"}}},
        {},
        {},
        default_blocked_categories(true),
        {},
        0}},
  };
}

std::string RetentionRule::text() const {
  std::string anchor;
  switch (from) {
    case RetentionFrom::kCreated:
      anchor = "created";
      break;
    case RetentionFrom::kClosed:
      anchor = "closed";
      break;
    case RetentionFrom::kDateOfBirth:
      anchor = "date_of_birth";
      break;
    case RetentionFrom::kLeftSchool:
      anchor = "left_school";
      break;
    case RetentionFrom::kEndOfAcademicYear:
      anchor = "end_of_academic_year";
      break;
  }
  if (months % 12 == 0)
    return anchor + " + " + std::to_string(months / 12) + (months == 12 ? " year" : " years");
  return anchor + " + " + std::to_string(months) + (months == 1 ? " month" : " months");
}

std::map<std::string, RetentionRule> PolicyProfile::default_retention() {
  using F = RetentionFrom;
  return {
      {"child_protection", {F::kDateOfBirth, 25 * 12}},  // LAW-6: at least this
      {"concerns", {F::kClosed, 6 * 12}},
      {"staff_allegations", {F::kClosed, 10 * 12}},
      {"consent", {F::kEndOfAcademicYear, 6 * 12}},
      {"posts", {F::kCreated, 6 * 12}},
      {"comments", {F::kCreated, 2 * 12}},
      {"accounts", {F::kClosed, 6 * 12}},
      {"filter_logs", {F::kCreated, 12}},
      {"training", {F::kCreated, 6 * 12}},
      {"agreements", {F::kCreated, 6 * 12}},
  };
}

std::string role_title(const PolicyProfile& profile, Role role) {
  auto it = profile.titles.find(std::string(role_key(role)));
  if (it != profile.titles.end() && !it->second.empty()) return it->second;
  return std::string(role_label(role));
}

}  // namespace inloco
