#include "people/person_fields.h"

#include <charconv>

#include "core/calendar_date.h"

namespace inloco {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string in_quotes(std::string_view v) { return "'" + std::string(v) + "'"; }

// Problems with a text field: required or not, length, characters.
void check_text(std::vector<std::string>& out, std::string_view label,
                const std::optional<std::string>& value, bool required, size_t max_length) {
  if (!value || trim(*value).empty()) {
    if (required) out.push_back("The " + std::string(label) + " is missing; please enter it.");
    return;
  }
  if (!is_valid_utf8(*value)) {
    out.push_back("The " + std::string(label) +
                  " contains characters that are not valid text (UTF-8); please retype it.");
    return;
  }
  if (has_control_characters(*value))
    out.push_back("The " + std::string(label) +
                  " contains a line break or tab; please put it on one line.");
  if (value->size() > max_length)
    out.push_back("The " + std::string(label) + " is longer than " + std::to_string(max_length) +
                  " characters; please shorten it.");
}

}  // namespace

bool looks_like_email(std::string_view text) {
  if (text.empty() || text.size() > kMaxEmailLength) return false;
  auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
    return false;
  for (char c : text)
    if (is_space(c) || static_cast<unsigned char>(c) < 0x20 || c == ',' || c == ';' || c == '<' ||
        c == '>')
      return false;
  std::string_view domain = text.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

bool looks_like_phone(std::string_view text) {
  int digits = 0;
  for (char c : text) {
    if (is_digit(c))
      ++digits;
    else if (c != '+' && c != '(' && c != ')' && c != '-' && c != '.' && c != ' ')
      return false;
  }
  return digits >= 7 && digits <= 15;
}

std::optional<std::string> normalise_year_group(std::string_view text) {
  std::string t;
  for (char c : ascii_lower(trim(text)))
    if (!is_space(c)) t.push_back(c);
  if (t == "n" || t == "nursery" || t == "nur" || t == "fs1") return year_group_name(-1);
  if (t == "r" || t == "rec" || t == "reception" || t == "fs2" || t == "yearr" || t == "yr")
    return year_group_name(0);
  std::string_view rest = t;
  for (std::string_view prefix : {"year", "yr", "y"}) {
    if (rest.starts_with(prefix)) {
      rest.remove_prefix(prefix.size());
      break;
    }
  }
  if (rest.empty() || rest.size() > 2) return std::nullopt;
  for (char c : rest)
    if (!is_digit(c)) return std::nullopt;
  int n = 0;
  std::from_chars(rest.data(), rest.data() + rest.size(), n);
  if (n < 1 || n > 13) return std::nullopt;
  return year_group_name(n);
}

std::optional<int> year_group_number(std::string_view year_group) {
  if (year_group == "Nursery") return -1;
  if (year_group == "Reception") return 0;
  if (!year_group.starts_with("Year ")) return std::nullopt;
  std::string_view rest = year_group.substr(5);
  int n = 0;
  auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
  if (ec != std::errc() || end != rest.data() + rest.size() || n < 1 || n > 13) return std::nullopt;
  return n;
}

std::string year_group_name(int n) {
  if (n < 0) return "Nursery";
  if (n == 0) return "Reception";
  return "Year " + std::to_string(n);
}

std::optional<bool> parse_yes_no(std::string_view text) {
  std::string t = ascii_lower(trim(text));
  if (t == "yes" || t == "y" || t == "true" || t == "1") return true;
  if (t == "no" || t == "n" || t == "false" || t == "0") return false;
  return std::nullopt;
}

std::optional<std::string> normalise_relationship(std::string_view text) {
  std::string t = ascii_lower(trim(text));
  if (t.empty() || t.size() > kMaxShortTextLength) return std::nullopt;
  for (char c : t) {
    bool ok = (c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '\'';
    if (!ok) return std::nullopt;
  }
  return t;
}

std::vector<std::string> person_problems(const Person& p, int64_t now) {
  std::vector<std::string> out;
  check_text(out, "given name", p.given_name, true, kMaxNameLength);
  check_text(out, "family name", p.family_name, true, kMaxNameLength);
  check_text(out, "preferred name", p.preferred_name, false, kMaxNameLength);
  check_text(out, "external id", p.external_id, false, kMaxExternalIdLength);
  check_text(out, "job title", p.job_title, false, kMaxShortTextLength);
  check_text(out, "class", p.class_name, false, kMaxShortTextLength);
  if (p.email && !p.email->empty() && !looks_like_email(*p.email))
    out.push_back("The email address " + in_quotes(*p.email) +
                  " does not look like an email address; write it as name@example.org.");
  if (p.phone && !p.phone->empty() && !looks_like_phone(*p.phone))
    out.push_back("The phone number " + in_quotes(*p.phone) +
                  " is not a phone number; use digits, spaces and + ( ) - only.");
  bool pupil = p.kind == PersonKind::kPupil;
  if (p.date_of_birth && !p.date_of_birth->empty()) {
    auto d = parse_date(*p.date_of_birth);
    if (!d.ok() || d->iso() != *p.date_of_birth)
      out.push_back("The date of birth " + in_quotes(*p.date_of_birth) +
                    " is not a real date in the form YYYY-MM-DD.");
    else if (*d > date_of(now))
      out.push_back("The date of birth " + in_quotes(*p.date_of_birth) +
                    " is in the future; please check it.");
  } else if (pupil) {
    out.push_back("A pupil needs a date of birth; please enter it.");
  }
  if (p.year_group && !p.year_group->empty()) {
    if (!year_group_number(*p.year_group))
      out.push_back("The year group " + in_quotes(*p.year_group) +
                    " is not known; use Nursery, Reception or Year 1 to Year 13.");
  } else if (pupil) {
    out.push_back("A pupil needs a year group; please enter it.");
  }
  if (p.competent_to_consent && !pupil)
    out.push_back("Only a pupil can be marked competent to consent.");
  if ((p.kind == PersonKind::kPupil || p.kind == PersonKind::kParent) && !p.school_id)
    out.push_back(std::string("A ") + (pupil ? "pupil" : "parent or carer") +
                  " must belong to a school; choose the school.");
  return out;
}

}  // namespace inloco
