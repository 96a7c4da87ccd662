#include "checks/roster.h"

#include "people/csv_reader.h"
#include "people/people_store.h"

namespace inloco::checks {

Result<Roster> school_roster(Connection& conn, int64_t school_id) {
  Roster out;
  PeopleQuery q;
  q.school_id = school_id;
  q.kind = PersonKind::kPupil;
  q.limit = kMaxPeoplePageSize;
  for (;;) {
    PeoplePage page = TRY(list_people(conn, q));
    for (const Person& p : page.people) {
      if (!p.active || p.family_name.empty()) continue;
      if (!p.given_name.empty()) out.push_back({p.given_name, p.family_name});
      if (p.preferred_name && !p.preferred_name->empty() && *p.preferred_name != p.given_name)
        out.push_back({*p.preferred_name, p.family_name});
    }
    q.offset += static_cast<int64_t>(page.people.size());
    if (page.people.empty() || q.offset >= page.total) break;
  }
  return out;
}

Result<Roster> parse_roster_csv(std::string_view text) {
  auto records = TRY(parse_csv(text));
  if (records.empty()) return Roster{};
  const auto& h = records.front().fields;
  if (h.size() < 2 || h[0] != "given" || h[1] != "family")
    return Error::invalid("The roster's first line must be: given,family");
  Roster out;
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& f = records[i].fields;
    if (f.size() < 2 || f[0].empty() || f[1].empty())
      return Error::invalid("line " + std::to_string(records[i].line) +
                            ": a given and a family name are both needed");
    out.push_back({f[0], f[1]});
  }
  return out;
}

}  // namespace inloco::checks
