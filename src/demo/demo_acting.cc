#include "demo/demo_acting.h"

#include <string>

#include "auth/grants_store.h"
#include "people/people_store.h"

namespace inloco {

Result<School> demo_school(const DemoTrust& demo, std::string_view code) {
  for (const School& s : demo.schools)
    if (s.code == code) return s;
  return Error::not_found("The demo school '" + std::string(code) +
                          "' is missing; create the demo people first.");
}

Result<DemoActor> demo_person(Connection& conn, int64_t person_id, std::string_view label) {
  Person p = TRY(get_person_by_id(conn, person_id));
  Grants g = TRY(load_grants(conn, person_id));
  return DemoActor{person_id,
                   Actor{person_id, p.display_name() + " (" + std::string(label) + ")", "demo"},
                   std::move(g)};
}

Result<DemoActor> demo_actor(Connection& conn, const DemoTrust& demo, std::string_view username) {
  for (const DemoSignIn& s : demo.sign_ins)
    if (s.username == username) return demo_person(conn, s.person_id, username);
  return Error::not_found("The demo sign-in '" + std::string(username) +
                          "' is missing; create the demo people first.");
}

}  // namespace inloco
