// The `people` and `guardianships` tables at the level of rows: the column
// list, the mapping to Person, and batched writes. Shared by people_store,
// the CSV import and the demo data, which write hundreds or thousands of rows
// in one transaction and record one audit entry for the whole change.
//
// Nothing here validates or audits: callers do both. Call inside
// Database::transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "people/person.h"
#include "store/database.h"
#include "store/row_reader.h"

namespace inloco {

// The key lists are ordered by (people.sort_name): family then given name,
// lower-cased A-Z only so that both databases order alike. Every write of a
// person's names writes it too.
std::string person_sort_name(const Person& p);

// "p.id, p.trust_id, ..., p.updated_at": select from `people p` and read with person_from_row.
const std::string& person_columns();
// Reads the columns of person_columns() starting at `first`.
Person person_from_row(const Row& row, size_t first = 0);
// Reads the columns of person_columns() from `in`'s next column and leaves `in`
// at the column after them, for a SELECT that goes on past the person.
Person person_from_row(RowReader& in);

// Inserts the people (id, created_at and updated_at are ignored; both times
// become `now`) in multi-row statements and returns their new ids in the
// order given.
Result<std::vector<int64_t>> insert_people(Connection& conn, const std::vector<Person>& people,
                                           int64_t now);

struct GuardianshipRow {
  int64_t parent_id = 0;
  int64_t pupil_id = 0;
  std::string relationship = "parent";
  bool parental_responsibility = true;
};

// Inserts the links, or updates relationship and parental responsibility of
// those that exist. Each (parent, pupil) pair must appear at most once.
Status upsert_guardianships(Connection& conn, const std::vector<GuardianshipRow>& links);

// Calls write(offset, count) over [0, total) in chunks of 200, 50, 10 and 1
// rows, so that a connection prepares at most four shapes of a multi-row
// statement however many rows there are.
Status for_each_chunk(size_t total,
                      const std::function<Status(size_t offset, size_t count)>& write);

// "(?, ?, ?), (?, ?, ?)": `rows` groups of `columns` placeholders.
std::string placeholder_rows(size_t rows, size_t columns);

}  // namespace inloco
