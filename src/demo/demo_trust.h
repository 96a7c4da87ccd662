// The demo trust: a fictional multi-academy trust with two schools, full of
// invented people, for trying inloco out, for screenshots and for tests that
// need a realistic school. Every name is invented and generated from fixed
// lists with a fixed seed, so two runs give the same people.
//
// Brookfield Learning Trust runs Oakfield Primary School (Reception to Year 6)
// and Riverside Academy (Years 7 to 13): about 300 pupils for the academic
// year 2026/27 with dates of birth that fit their year groups, one or two
// parents or carers each (some without parental responsibility, such as
// step-parents), siblings who share parents, older pupils marked competent to
// consent, staff holding every role of ORG-3 at each school, governors,
// volunteers, contractors, and trustees holding the trust board role across
// the trust. Contact details use the reserved example.* domains and Ofcom's
// drama phone numbers.
//
// Everything is written in one transaction, audited with one entry per school
// (and one for the trust's own people) rather than one per person.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "people/school_store.h"
#include "store/database.h"

namespace inloco {

inline constexpr const char* kDemoTrustName = "Brookfield Learning Trust";

// A person the lead creates a sign-in for: one per role per school, and one
// trustee.
struct DemoSignIn {
  std::string username;     // "head.oakfield", "dsl.riverside", "trustee"
  std::string role_label;   // role_label() of the role
  std::string school_name;  // the school, or the trust's name for the trustee
  int64_t person_id = 0;
};

struct DemoTrust {
  int64_t trust_id = 0;
  std::vector<School> schools;
  std::vector<DemoSignIn> sign_ins;
};

// kConflict when the demo trust or its school codes already exist.
Result<DemoTrust> create_demo_people(Database& db, const Clock& clock);

}  // namespace inloco
