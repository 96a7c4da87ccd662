#include "filtering/network_users.h"

#include "people/people_store.h"

namespace inloco::filter {

bool uses_school_network(PersonKind kind) {
  switch (kind) {
    case PersonKind::kPupil:
    case PersonKind::kStaff:
    case PersonKind::kVolunteer:
    case PersonKind::kContractor:
    case PersonKind::kGovernor:
      return true;
    case PersonKind::kParent:
    case PersonKind::kTrustee:
      return false;
  }
  return false;
}

Result<std::vector<Person>> find_network_users(Connection& conn, int64_t school_id,
                                               std::string_view search, int64_t limit) {
  PeopleQuery q;
  q.school_id = school_id;
  q.search = std::string(search);
  q.limit = limit;
  PeoplePage page = TRY(list_people(conn, q));
  std::vector<Person> out;
  for (Person& p : page.people)
    if (uses_school_network(p.kind)) out.push_back(std::move(p));
  return out;
}

}  // namespace inloco::filter
