#include "staff/staff_members.h"

#include "core/text.h"
#include "people/people_store.h"
#include "people/person_fields.h"

namespace inloco {

Result<Person> load_staff_member(Connection& conn, int64_t school_id, int64_t person_id) {
  auto p = get_person(conn, school_id, person_id);
  if (!p.ok())
    return Error::not_found("There is no member of staff " + std::to_string(person_id) +
                            " at this school.");
  if (p->kind != PersonKind::kStaff)
    return Error::invalid(p->display_name() + " is not a member of staff (they are recorded as " +
                          ascii_lower(person_kind_label(p->kind)) +
                          "), so this record does not apply to them.");
  if (!p->active)
    return Error::invalid(p->display_name() +
                          " is no longer a current member of staff here; records are kept only "
                          "for current staff.");
  return std::move(p).value();
}

Result<Person> load_pupil_or_parent(Connection& conn, int64_t school_id, int64_t person_id) {
  auto p = get_person(conn, school_id, person_id);
  if (!p.ok())
    return Error::not_found("There is no pupil or parent " + std::to_string(person_id) +
                            " at this school.");
  if (p->kind != PersonKind::kPupil && p->kind != PersonKind::kParent)
    return Error::invalid(p->display_name() +
                          " is not a pupil or a parent or carer; name only pupils and parents "
                          "here.");
  return std::move(p).value();
}

std::string staff_roles_phrase(const std::vector<Role>& roles) {
  if (roles.empty()) return "nobody (the policy names no one)";
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out += i + 1 == roles.size() ? " or " : ", ";
    out += "the " + std::string(role_label(roles[i]));
  }
  return out;
}

Status require_one_of(const Grants& grants, const std::vector<Role>& roles, const School& school,
                      std::string_view what) {
  if (grants.holds_any(roles, school.id, school.trust_id)) return {};
  return Error::forbidden("Only " + staff_roles_phrase(roles) + " can " + std::string(what) +
                          ", as your school's policy says; ask them to do it.");
}

namespace {

Result<std::string> checked_text(std::string_view text, std::string_view label, size_t max,
                                 bool multiline) {
  std::string out(trim(text));
  if (!is_valid_utf8(out))
    return Error::invalid("The " + std::string(label) +
                          " contains characters that are not valid text; type it again or paste "
                          "it as plain text.");
  bool stray = false;  // even long text has no NULs or escapes, only lines and tabs
  for (char c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
      stray = true;
  if (stray)
    return Error::invalid("The " + std::string(label) +
                          " contains control characters; type it again or paste it as plain text.");
  if (!multiline && has_control_characters(out))
    return Error::invalid("The " + std::string(label) +
                          " must be on one line, without tabs or line breaks.");
  if (out.size() > max)
    return Error::invalid("The " + std::string(label) + " is longer than " + std::to_string(max) +
                          " characters; shorten it.");
  return out;
}

}  // namespace

Result<std::string> required_text(std::string_view text, std::string_view label,
                                  std::string_view missing, size_t max, bool multiline) {
  std::string out = TRY(checked_text(text, label, max, multiline));
  if (out.empty()) return Error::invalid(std::string(missing));
  return out;
}

Result<std::string> optional_text(std::string_view text, std::string_view label, size_t max,
                                  bool multiline) {
  return checked_text(text, label, max, multiline);
}

Status check_end_date(const CalendarDate& starts_on, const std::optional<CalendarDate>& ends_on,
                      std::string_view what) {
  if (ends_on && *ends_on < starts_on)
    return Error::invalid("The " + std::string(what) + " ends on " + ends_on->iso() +
                          ", before it starts on " + starts_on.iso() +
                          "; give an end date on or after the start.");
  return {};
}

CalendarDate staff_today(const Clock& clock) { return date_of(clock.now()); }

}  // namespace inloco
