// The demo trust's social media accounts (ACC-1..10), so that the register,
// the dashboard's due reviews, the vault and the account log show something
// realistic: every state an account can be in, at both schools.
//
// Oakfield Primary School: an open Facebook page (its password in the vault)
// and an Instagram account not yet listed in the privacy notice, with the
// social media lead posting and administering, the ICT technician
// administering only and a class teacher posting; the PTA's Facebook group
// registered as an affiliated channel with its content check overdue; and a
// YouTube channel waiting for the headteacher's approval.
// Riverside Academy: YouTube (reviewed recently, a teacher's posting removed
// at that review) and X (its access review due), and a sixth-form Facebook
// page closed last year and kept in the log.
//
// Everything goes through the account services in one transaction, done by
// the people whose demo sign-ins hold the roles (DemoTrust::sign_ins), under
// the default AccountRules. Past events are dated relative to clock.now()
// (their audit entries too), so the due reviews look the same whenever the
// demo is made; the result is the same for the same clock.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "core/secret_key.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

// Call once, after create_demo_people, on the trust it returned. kNotFound
// when a sign-in the accounts need is missing from `demo`.
Status create_demo_accounts(Database& db, const Clock& clock, const SecretKey& key,
                            const DemoTrust& demo);

}  // namespace inloco
