#include "people/people_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/calendar_date.h"
#include "people/person_fields.h"
#include "people/person_rows.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

// LOWER(expr) that folds A-Z only, on both databases. SQLite's LOWER folds
// ASCII only; PostgreSQL's follows the database's locale unless told to use
// the "C" collation, which would make searching and ordering differ between
// the two.
std::string lower_ascii(Dialect dialect, std::string_view expr) {
  if (dialect == Dialect::kPostgres) return "LOWER((" + std::string(expr) + ") COLLATE \"C\")";
  return "LOWER(" + std::string(expr) + ")";
}

std::string name_order(Dialect) { return " ORDER BY p.sort_name, p.id"; }

// A LIKE pattern matching `word` anywhere, with '!' as the escape character.
std::string contains_pattern(std::string_view word) {
  std::string out = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::optional<std::string> clean_optional(const std::optional<std::string>& v) {
  if (!v) return std::nullopt;
  std::string t(trim(*v));
  if (t.empty()) return std::nullopt;
  return t;
}

// Trims every text field, empties to absent, and writes year groups and dates
// in their stored form when they are recognisable (unrecognisable values are
// left for person_problems to report).
Person normalised(const Person& in) {
  Person p = in;
  p.given_name = std::string(trim(in.given_name));
  p.family_name = std::string(trim(in.family_name));
  p.external_id = clean_optional(in.external_id);
  p.preferred_name = clean_optional(in.preferred_name);
  p.email = clean_optional(in.email);
  p.phone = clean_optional(in.phone);
  p.job_title = clean_optional(in.job_title);
  p.date_of_birth = clean_optional(in.date_of_birth);
  p.year_group = clean_optional(in.year_group);
  p.class_name = clean_optional(in.class_name);
  if (p.date_of_birth)
    if (auto d = parse_date(*p.date_of_birth); d.ok()) p.date_of_birth = d->iso();
  if (p.year_group)
    if (auto y = normalise_year_group(*p.year_group)) p.year_group = *y;
  return p;
}

Error problems_error(std::string_view what, std::vector<std::string> problems) {
  Error e = Error::invalid(std::string(what) + ": please correct the details below.");
  e.details = std::move(problems);
  return e;
}

Status check_external_id_free(Connection& conn, const Person& p) {
  if (!p.external_id || !p.school_id) return {};
  Rows rows = TRY(conn.query(
      "SELECT id, given_name, family_name FROM people WHERE school_id = ? AND external_id = ?",
      {p.school_id, p.external_id}));
  for (const Row& r : rows) {
    RowReader in(r);
    if (in.integer() == p.id) continue;
    const std::string given_name = in.text();
    const std::string family_name = in.text();
    return Error::conflict("The external id '" + *p.external_id + "' is already used by " +
                           given_name + " " + family_name +
                           " at this school; each person needs their own.");
  }
  return {};
}

std::string select_person_sql(std::string_view where) {
  return "SELECT " + person_columns() + " FROM people p WHERE " + std::string(where);
}

Result<std::vector<GuardianLink>> links(Connection& conn, std::string_view join_on,
                                        std::string_view where, int64_t id) {
  std::string sql = "SELECT " + person_columns() +
                    ", g.relationship, g.parental_responsibility FROM guardianships g JOIN people "
                    "p ON p.id = " +
                    std::string(join_on) + " WHERE " + std::string(where) + " = ?" +
                    name_order(conn.dialect());
  Rows rows = TRY(conn.query(sql, {id}));
  std::vector<GuardianLink> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    RowReader in(r);
    Person other = person_from_row(in);
    std::string relationship = in.text();
    const bool parental_responsibility = in.flag();
    out.push_back({std::move(other), std::move(relationship), parental_responsibility});
  }
  return out;
}

// Which roles a parent/carer may hold: those of a parent in the community,
// not of staff.
bool parent_may_hold(Role role) {
  return role == Role::kGovernor || role == Role::kChairOfGovernors || role == Role::kPtaChair ||
         role == Role::kVolunteer;
}

struct RoleTarget {
  std::string where;  // "person_id = ? AND role = ? AND school_id ..." and its parameters
  SqlParams params;
};

RoleTarget role_target(int64_t person_id, Role role, std::optional<int64_t> school_id) {
  // NULL never equals NULL, and "IS ?" is not portable: two shapes of the query.
  if (school_id)
    return {"person_id = ? AND role = ? AND school_id = ?",
            {person_id, std::string(role_key(role)), *school_id}};
  return {"person_id = ? AND role = ? AND school_id IS NULL",
          {person_id, std::string(role_key(role))}};
}

}  // namespace

Result<PeoplePage> list_people(Connection& conn, const PeopleQuery& query) {
  if (query.limit < 1 || query.limit > kMaxPeoplePageSize)
    return Error::invalid("A page of people holds 1 to " + std::to_string(kMaxPeoplePageSize) +
                          " people; ask for fewer.");
  if (query.offset < 0) return Error::invalid("The page offset cannot be negative.");
  std::vector<std::string> words = split_words(query.search);
  if (words.size() > kMaxSearchWords)
    return Error::invalid("Search for at most " + std::to_string(kMaxSearchWords) +
                          " words at a time.");

  std::string where = " FROM people p WHERE p.school_id = ?";
  SqlParams params = {query.school_id};
  if (query.kind) {
    where += " AND p.kind = ?";
    params.emplace_back(std::string(person_kind_key(*query.kind)));
  }
  const std::string haystack = lower_ascii(
      conn.dialect(),
      "p.given_name || ' ' || COALESCE(p.preferred_name, '') || ' ' || p.family_name || ' ' || "
      "COALESCE(p.email, '') || ' ' || COALESCE(p.external_id, '')");
  for (const std::string& word : words) {
    where += " AND " + haystack + " LIKE ? ESCAPE '!'";
    params.emplace_back(contains_pattern(ascii_lower(word)));
  }

  PeoplePage page;
  Rows count = TRY(conn.query("SELECT COUNT(*)" + where, params));
  page.total = count[0][0].as_int();
  params.emplace_back(query.limit);
  params.emplace_back(query.offset);
  Rows rows = TRY(conn.query(
      "SELECT " + person_columns() + where + name_order(conn.dialect()) + " LIMIT ? OFFSET ?",
      params));
  page.people.reserve(rows.size());
  for (const Row& r : rows) page.people.push_back(person_from_row(r));
  return page;
}

Result<Person> get_person(Connection& conn, int64_t school_id, int64_t person_id) {
  Rows rows =
      TRY(conn.query(select_person_sql("p.id = ? AND p.school_id = ?"), {person_id, school_id}));
  if (rows.empty())
    return Error::not_found("There is no person with id " + std::to_string(person_id) +
                            " at this school; they may have been removed, or the link is wrong.");
  return person_from_row(rows[0]);
}

Result<Person> get_person_by_id(Connection& conn, int64_t person_id) {
  Rows rows = TRY(conn.query(select_person_sql("p.id = ?"), {person_id}));
  if (rows.empty())
    return Error::not_found("There is no person with id " + std::to_string(person_id) + ".");
  return person_from_row(rows[0]);
}

Result<Person> find_person_by_external_id(Connection& conn, int64_t school_id,
                                          std::string_view external_id) {
  std::string wanted(trim(external_id));
  Rows rows = TRY(
      conn.query(select_person_sql("p.school_id = ? AND p.external_id = ?"), {school_id, wanted}));
  if (rows.empty())
    return Error::not_found("There is no person with the external id '" + wanted +
                            "' at this school; check the id in your information system.");
  return person_from_row(rows[0]);
}

Result<int64_t> create_person(Connection& conn, const Clock& clock, const Actor& actor,
                              const Person& person) {
  Person p = normalised(person);
  p.id = 0;
  p.competent_to_consent = false;
  p.competence_decided_by.reset();
  p.competence_decided_at.reset();
  if (auto problems = person_problems(p, clock.now()); !problems.empty())
    return problems_error("The person was not added", std::move(problems));
  if (p.school_id) {
    School school = TRY(get_school(conn, *p.school_id));
    if (p.trust_id != 0 && p.trust_id != school.trust_id)
      return Error::invalid("The school " + school.name +
                            " is not part of the trust given for this person; choose a school "
                            "of that trust.");
    p.trust_id = school.trust_id;
  } else {
    if (p.trust_id == 0)
      return Error::invalid("A person needs a school, or a trust if they work across the trust.");
    TRY(get_trust(conn, p.trust_id));
  }
  TRY(check_external_id_free(conn, p));
  std::vector<int64_t> ids = TRY(insert_people(conn, {p}, clock.now()));
  int64_t id = ids.at(0);
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"person.create", "person", std::to_string(id), p.school_id,
                              nlohmann::json{{"kind", person_kind_key(p.kind)}}.dump()}));
  return id;
}

Status update_person(Connection& conn, const Clock& clock, const Actor& actor,
                     const Person& person) {
  Person stored = TRY(person.school_id ? get_person(conn, *person.school_id, person.id)
                                       : get_person_by_id(conn, person.id));
  if (!person.school_id && stored.school_id)
    return Error::not_found("There is no person with id " + std::to_string(person.id) +
                            " at the trust level.");
  if (person.kind != stored.kind)
    return Error::invalid("A person's kind cannot be changed (" + stored.display_name() +
                          " is recorded as " + std::string(person_kind_label(stored.kind)) +
                          "); add them again as the right kind instead.");
  Person in = normalised(person);
  Person next = stored;
  std::vector<std::string> changed;
  auto take = [&](auto& field, const auto& value, const char* name) {
    if (field != value) {
      field = value;
      changed.emplace_back(name);
    }
  };
  take(next.external_id, in.external_id, "external_id");
  take(next.given_name, in.given_name, "given_name");
  take(next.family_name, in.family_name, "family_name");
  take(next.preferred_name, in.preferred_name, "preferred_name");
  take(next.email, in.email, "email");
  take(next.phone, in.phone, "phone");
  take(next.job_title, in.job_title, "job_title");
  take(next.date_of_birth, in.date_of_birth, "date_of_birth");
  take(next.year_group, in.year_group, "year_group");
  take(next.class_name, in.class_name, "class_name");
  take(next.active, in.active, "active");
  if (changed.empty()) return {};
  if (auto problems = person_problems(next, clock.now()); !problems.empty())
    return problems_error("The changes were not saved", std::move(problems));
  TRY(check_external_id_free(conn, next));
  TRY(conn.execute(
      "UPDATE people SET external_id = ?, given_name = ?, family_name = ?, preferred_name = ?, "
      "email = ?, phone = ?, job_title = ?, date_of_birth = ?, year_group = ?, class_name = ?, "
      "active = ?, sort_name = ?, updated_at = ? WHERE id = ?",
      {next.external_id, next.given_name, next.family_name, next.preferred_name, next.email,
       next.phone, next.job_title, next.date_of_birth, next.year_group, next.class_name,
       next.active, person_sort_name(next), clock.now(), next.id}));
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"person.update", "person", std::to_string(next.id), next.school_id,
                              nlohmann::json{{"changed", changed}}.dump()}));
  return {};
}

Result<std::vector<GuardianLink>> guardians_of(Connection& conn, int64_t pupil_id) {
  return links(conn, "g.parent_id", "g.pupil_id", pupil_id);
}

Result<std::vector<GuardianLink>> children_of(Connection& conn, int64_t parent_id) {
  return links(conn, "g.pupil_id", "g.parent_id", parent_id);
}

Status link_guardian(Connection& conn, const Clock& clock, const Actor& actor, int64_t parent_id,
                     int64_t pupil_id, const std::string& relationship,
                     bool parental_responsibility) {
  Person parent = TRY(get_person_by_id(conn, parent_id));
  Person pupil = TRY(get_person_by_id(conn, pupil_id));
  if (parent.kind != PersonKind::kParent)
    return Error::invalid(parent.display_name() + " is recorded as " +
                          std::string(person_kind_label(parent.kind)) +
                          ", not as a parent or carer; only a parent or carer can be linked to a "
                          "pupil.");
  if (pupil.kind != PersonKind::kPupil)
    return Error::invalid(pupil.display_name() + " is recorded as " +
                          std::string(person_kind_label(pupil.kind)) +
                          ", not as a pupil; a parent or carer can only be linked to a pupil.");
  if (!parent.school_id || parent.school_id != pupil.school_id)
    return Error::invalid(parent.display_name() + " and " + pupil.display_name() +
                          " are not at the same school; add the parent or carer at the pupil's "
                          "school first.");
  auto rel = normalise_relationship(relationship);
  if (!rel)
    return Error::invalid("The relationship '" + relationship +
                          "' should be a word or two such as mother, father, carer or "
                          "grandparent.");
  TRY(upsert_guardianships(conn, {{parent_id, pupil_id, *rel, parental_responsibility}}));
  TRY(append_audit(
      conn, clock, actor,
      AuditEvent{"guardianship.link", "person", std::to_string(pupil_id), pupil.school_id,
                 nlohmann::json{{"parent_id", parent_id},
                                {"relationship", *rel},
                                {"parental_responsibility", parental_responsibility}}
                     .dump()}));
  return {};
}

Status unlink_guardian(Connection& conn, const Clock& clock, const Actor& actor, int64_t parent_id,
                       int64_t pupil_id) {
  Person pupil = TRY(get_person_by_id(conn, pupil_id));
  int64_t removed = TRY(conn.execute(
      "DELETE FROM guardianships WHERE parent_id = ? AND pupil_id = ?", {parent_id, pupil_id}));
  if (removed == 0) return {};
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"guardianship.unlink", "person", std::to_string(pupil_id),
                              pupil.school_id, nlohmann::json{{"parent_id", parent_id}}.dump()}));
  return {};
}

Status set_competent_to_consent(const SchoolScope& at, int64_t pupil_id, bool competent) {
  Person pupil = TRY(get_person(at.conn, at.school_id, pupil_id));
  if (pupil.kind != PersonKind::kPupil)
    return Error::invalid("Only a pupil can be marked competent to consent; " +
                          pupil.display_name() + " is recorded as " +
                          std::string(person_kind_label(pupil.kind)) + ".");
  TRY(
      at.conn.execute("UPDATE people SET competent_to_consent = ?, competence_decided_by = ?, "
                      "competence_decided_at = ?, updated_at = ? WHERE id = ?",
                      {competent, at.actor.person_id, at.clock.now(), at.clock.now(), pupil_id}));
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"person.competence", "person", std::to_string(pupil_id), at.school_id,
                              nlohmann::json{{"competent_to_consent", competent}}.dump()}));
  return {};
}

Result<std::vector<RoleHeld>> roles_of(Connection& conn, int64_t person_id) {
  Rows rows = TRY(conn.query(
      "SELECT ra.role, ra.school_id, s.name FROM role_assignments ra LEFT JOIN schools s ON s.id "
      "= ra.school_id WHERE ra.person_id = ?",
      {person_id}));
  std::vector<RoleHeld> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    RowReader in(r);
    const std::string stored_role = in.text();
    auto role = parse_role(stored_role);
    if (!role)
      return Error::internal("a stored role '" + stored_role +
                             "' is not known to this version of inloco");
    std::optional<int64_t> school_id = in.optional_integer();
    std::string school_name = in.text();
    out.push_back({*role, school_id, std::move(school_name)});
  }
  std::sort(out.begin(), out.end(), [](const RoleHeld& a, const RoleHeld& b) {
    if (a.school_id.has_value() != b.school_id.has_value()) return !a.school_id.has_value();
    if (a.school_name != b.school_name) return a.school_name < b.school_name;
    if (a.school_id != b.school_id) return a.school_id < b.school_id;
    return a.role < b.role;
  });
  return out;
}

Result<std::vector<Person>> people_with_role(Connection& conn, int64_t school_id, Role role) {
  Rows rows = TRY(conn.query("SELECT " + person_columns() +
                                 " FROM role_assignments ra JOIN people p ON p.id = ra.person_id "
                                 "WHERE ra.school_id = ? AND ra.role = ? ORDER BY p.id",
                             {school_id, std::string(role_key(role))}));
  std::vector<Person> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(person_from_row(r));
  return out;
}

Result<std::vector<RoleHolder>> role_holders_at(Connection& conn, int64_t school_id) {
  Rows rows = TRY(conn.query(
      "SELECT ra.role, ra.school_id, " + person_columns() +
          " FROM role_assignments ra JOIN people p ON p.id = ra.person_id JOIN schools s ON s.id = "
          "? WHERE p.active = 1 AND (ra.school_id = s.id OR (ra.school_id IS NULL AND ra.trust_id "
          "= s.trust_id)) ORDER BY ra.role, CASE WHEN ra.school_id IS NULL THEN 1 ELSE 0 END, p.id",
      {school_id}));
  std::vector<RoleHolder> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    RowReader in(r);
    std::optional<Role> role = parse_role(in.text());
    if (!role) continue;                   // a role this version does not know routes nothing
    const bool trust_wide = in.is_null();  // ra.school_id
    in.skip();
    Person person = person_from_row(in);
    out.push_back({*role, std::move(person), trust_wide});
  }
  return out;
}

Status assign_role(Connection& conn, const Clock& clock, const Actor& actor, int64_t person_id,
                   Role role, std::optional<int64_t> school_id) {
  Person person = TRY(get_person_by_id(conn, person_id));
  std::string who = person.display_name();
  std::string label(role_label(role));
  if (person.kind == PersonKind::kPupil)
    return Error::invalid(who + " is a pupil; pupils cannot hold roles.");
  if (person.kind == PersonKind::kParent && !parent_may_hold(role))
    return Error::invalid(who +
                          " is recorded as a parent or carer, who can be a governor, chair "
                          "of governors, PTA chair or volunteer but not " +
                          label + "; add them as staff first.");
  if (role == Role::kTrustBoardMember && school_id)
    return Error::invalid(
        "Trust board member is a role across the whole trust; assign it "
        "without a school.");
  if (school_id) {
    School school = TRY(get_school(conn, *school_id));
    if (school.trust_id != person.trust_id)
      return Error::invalid(school.name + " is not a school of " + who +
                            "'s trust; choose one of the trust's schools.");
  }
  RoleTarget target = role_target(person_id, role, school_id);
  Rows held =
      TRY(conn.query("SELECT id FROM role_assignments WHERE " + target.where, target.params));
  if (!held.empty()) return {};
  TRY(
      conn.insert("INSERT INTO role_assignments (person_id, role, trust_id, school_id, granted_at, "
                  "granted_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                  {person_id, std::string(role_key(role)), person.trust_id, school_id, clock.now(),
                   actor.person_id}));
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"role.assign", "person", std::to_string(person_id), school_id,
                              nlohmann::json{{"role", role_key(role)}}.dump()}));
  return {};
}

Status remove_role(Connection& conn, const Clock& clock, const Actor& actor, int64_t person_id,
                   Role role, std::optional<int64_t> school_id) {
  RoleTarget target = role_target(person_id, role, school_id);
  int64_t removed =
      TRY(conn.execute("DELETE FROM role_assignments WHERE " + target.where, target.params));
  if (removed == 0) return {};
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"role.remove", "person", std::to_string(person_id), school_id,
                              nlohmann::json{{"role", role_key(role)}}.dump()}));
  return {};
}

Result<std::vector<KindCount>> count_people(Connection& conn, int64_t school_id) {
  Rows rows = TRY(conn.query("SELECT kind, COUNT(*) FROM people WHERE school_id = ? GROUP BY kind",
                             {school_id}));
  std::vector<KindCount> out;
  for (PersonKind kind : all_person_kinds()) out.push_back({kind, 0});
  for (const Row& r : rows) {
    RowReader in(r);
    auto kind = parse_person_kind(in.text());
    if (!kind) continue;
    const int64_t count = in.integer();
    for (KindCount& k : out)
      if (k.kind == *kind) k.count = count;
  }
  return out;
}

Result<std::string> pupils_fingerprint(Connection& conn, int64_t school_id) {
  Rows f =
      TRY(conn.query("SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM people WHERE school_id = "
                     "? AND kind = 'pupil'",
                     {school_id}));
  RowReader in(f[0]);
  const std::string count = in.text();
  const std::string last_updated = in.text();
  return count + ":" + last_updated;
}

}  // namespace inloco
