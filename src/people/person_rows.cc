#include "people/person_rows.h"

#include <algorithm>
#include <array>

#include "people/person_fields.h"

namespace inloco {

std::string person_sort_name(const Person& p) {
  return ascii_lower(p.family_name) + "\t" + ascii_lower(p.given_name);
}

const std::string& person_columns() {
  static const std::string kColumns =
      "p.id, p.trust_id, p.school_id, p.external_id, p.kind, p.given_name, p.family_name, "
      "p.preferred_name, p.email, p.phone, p.job_title, p.date_of_birth, p.year_group, "
      "p.class_name, p.competent_to_consent, p.competence_decided_by, p.competence_decided_at, "
      "p.active, p.created_at, p.updated_at";
  return kColumns;
}

Person person_from_row(RowReader& in) {
  Person p;
  p.id = in.integer();
  p.trust_id = in.integer();
  p.school_id = in.optional_integer();
  p.external_id = in.optional_text();
  p.kind = parse_person_kind(in.text()).value_or(PersonKind::kStaff);
  p.given_name = in.text();
  p.family_name = in.text();
  p.preferred_name = in.optional_text();
  p.email = in.optional_text();
  p.phone = in.optional_text();
  p.job_title = in.optional_text();
  p.date_of_birth = in.optional_text();
  p.year_group = in.optional_text();
  p.class_name = in.optional_text();
  p.competent_to_consent = in.flag();
  p.competence_decided_by = in.optional_integer();
  p.competence_decided_at = in.optional_integer();
  p.active = in.flag();
  p.created_at = in.integer();
  p.updated_at = in.integer();
  return p;
}

Person person_from_row(const Row& row, size_t first) {
  RowReader in(row, first);
  return person_from_row(in);
}

std::string placeholder_rows(size_t rows, size_t columns) {
  std::string one = "(";
  for (size_t c = 0; c < columns; ++c) one += c ? ", ?" : "?";
  one += ")";
  std::string out;
  out.reserve(rows * (one.size() + 2));
  for (size_t r = 0; r < rows; ++r) {
    if (r) out += ", ";
    out += one;
  }
  return out;
}

Status for_each_chunk(size_t total,
                      const std::function<Status(size_t offset, size_t count)>& write) {
  static constexpr std::array<size_t, 4> kSizes = {200, 50, 10, 1};
  size_t offset = 0;
  for (size_t size : kSizes) {
    while (total - offset >= size) {
      TRY(write(offset, size));
      offset += size;
    }
  }
  return {};
}

Result<std::vector<int64_t>> insert_people(Connection& conn, const std::vector<Person>& people,
                                           int64_t now) {
  constexpr size_t kColumns = 20;
  std::vector<int64_t> ids;
  ids.reserve(people.size());
  TRY(for_each_chunk(people.size(), [&](size_t offset, size_t count) -> Status {
    std::string sql =
        "INSERT INTO people (trust_id, school_id, external_id, kind, given_name, family_name, "
        "preferred_name, email, phone, job_title, date_of_birth, year_group, class_name, "
        "competent_to_consent, competence_decided_by, competence_decided_at, active, sort_name, "
        "created_at, updated_at) VALUES " +
        placeholder_rows(count, kColumns) + " RETURNING id";
    SqlParams params;
    params.reserve(count * kColumns);
    for (size_t i = offset; i < offset + count; ++i) {
      const Person& p = people[i];
      params.insert(params.end(), {p.trust_id,
                                   p.school_id,
                                   p.external_id,
                                   std::string(person_kind_key(p.kind)),
                                   p.given_name,
                                   p.family_name,
                                   p.preferred_name,
                                   p.email,
                                   p.phone,
                                   p.job_title,
                                   p.date_of_birth,
                                   p.year_group,
                                   p.class_name,
                                   p.competent_to_consent,
                                   p.competence_decided_by,
                                   p.competence_decided_at,
                                   p.active,
                                   person_sort_name(p),
                                   now,
                                   now});
    }
    Rows rows = TRY(conn.query(sql, params));
    if (rows.size() != count)
      return Error::internal("inserting people returned the wrong number of ids");
    // Both databases number the rows of one multi-row INSERT in the order of
    // its VALUES, but neither promises the order of RETURNING: sort the ids.
    std::vector<int64_t> chunk;
    chunk.reserve(count);
    for (const Row& r : rows) chunk.push_back(r[0].as_int());
    std::sort(chunk.begin(), chunk.end());
    ids.insert(ids.end(), chunk.begin(), chunk.end());
    return {};
  }));
  return ids;
}

Status upsert_guardianships(Connection& conn, const std::vector<GuardianshipRow>& links) {
  return for_each_chunk(links.size(), [&](size_t offset, size_t count) -> Status {
    std::string sql =
        "INSERT INTO guardianships (parent_id, pupil_id, relationship, parental_responsibility) "
        "VALUES " +
        placeholder_rows(count, 4) +
        " ON CONFLICT (parent_id, pupil_id) DO UPDATE SET relationship = excluded.relationship, "
        "parental_responsibility = excluded.parental_responsibility";
    SqlParams params;
    params.reserve(count * 4);
    for (size_t i = offset; i < offset + count; ++i) {
      const GuardianshipRow& g = links[i];
      params.insert(params.end(),
                    {g.parent_id, g.pupil_id, g.relationship, g.parental_responsibility});
    }
    TRY(conn.execute(sql, params));
    return {};
  });
}

}  // namespace inloco
