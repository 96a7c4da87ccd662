#include "demo/demo_posts.h"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "accounts/account_register.h"
#include "accounts/platform.h"
#include "auth/grants_store.h"
#include "consent/consent_register.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "posts/post_context.h"
#include "posts/post_workflow.h"
#include "profile/profile_store.h"

namespace inloco {

namespace {

// A member of staff acting in the demo, with their role grants.
struct ActingStaff {
  int64_t id;
  Actor actor;
  Grants grants;
};

// The holder of `role` at the school who was added first.
Result<ActingStaff> staff_with_role(Connection& c, int64_t school_id, Role role) {
  std::vector<Person> holders = TRY(people_with_role(c, school_id, role));
  if (holders.empty())
    return Error::not_found("the demo school has no " + std::string(role_label(role)));
  const Person& p = holders.front();
  Actor actor{p.id, p.given_name + " " + p.family_name + " (demo)", "demo"};
  return ActingStaff{p.id, std::move(actor), TRY(load_grants(c, p.id))};
}

// The first authorisation still standing to post to an open official (not
// affiliated) account on `platform`.
Result<AccountAuthorisation> first_poster(Connection& c, int64_t school_id,
                                          const AccountRules& rules, std::string_view platform) {
  std::vector<RegisterEntry> entries = TRY(list_register(c, school_id, rules));
  std::optional<AccountAuthorisation> first;
  for (const RegisterEntry& e : entries) {
    const OfficialAccount& a = e.account;
    if (a.platform != platform || a.status != AccountStatus::kOpen || a.affiliated) continue;
    for (const AccountAuthorisation& u : e.authorisations)  // the live ones
      if (u.kind == AuthorisationKind::kPost && (!first || u.id < first->id)) first = u;
  }
  if (!first)
    return Error::not_found("the demo " + platform_label(platform) + " page has no poster");
  return *first;
}

}  // namespace

Status create_demo_posts(Database& db, const Clock& clock, const DemoTrust& demo,
                         const DemoMedia& media) {
  const School* oakfield = nullptr;
  for (const auto& s : demo.schools)
    if (s.code == "oakfield") oakfield = &s;
  if (!oakfield) return Error::not_found("the demo has no Oakfield school");
  CalendarDate today = date_of(clock.now());
  SchoolCheckers checkers;
  return db.transaction([&](Connection& c) -> Status {
    PolicyProfile profile = TRY(profile_for_school(c, oakfield->id));
    auto checker = TRY(checkers.for_school(c, oakfield->id));
    PostCheckContext ctx = post_check_context(profile, *checker, today);
    // The open Facebook page and someone authorised to post to it.
    AccountAuthorisation facebook =
        TRY(first_poster(c, oakfield->id, profile.accounts, "facebook"));
    int64_t account = facebook.account_id;
    int64_t poster_id = facebook.person_id;
    Grants poster_grants = TRY(load_grants(c, poster_id));
    Actor poster{poster_id, "demo poster", "demo"};
    ActingStaff head = TRY(staff_with_role(c, oakfield->id, Role::kHeadteacher));
    ActingStaff deputy = TRY(staff_with_role(c, oakfield->id, Role::kDeputyHeadteacher));
    ActingStaff& approver = poster_id == head.id ? deputy : head;

    // Three pupils of one class with consent for photographs.
    PeopleQuery q;
    q.school_id = oakfield->id;
    q.kind = PersonKind::kPupil;
    q.limit = 500;
    auto pupils = TRY(list_people(c, q));
    std::vector<int64_t> shown;
    for (const auto& p : pupils.people) {
      if (shown.size() == 3) break;
      auto s = TRY(consent_for(c, p.id, kImagesUse, today));
      if (s.granted()) shown.push_back(p.id);
    }

    PostDraft pub;
    pub.account_id = account;
    pub.objective = "achievements";
    pub.body =
        "Our Year 4 choir sang beautifully at the town's winter concert. Thank you to every family "
        "who came along!";
    pub.shows_images = true;
    pub.pupil_ids = shown;
    pub.media_ids = {media.choir};
    int64_t published = TRY(save_post(SchoolScope{c, clock, poster, oakfield->id}, poster_grants,
                                      ctx, oakfield->trust_id, std::nullopt, pub));
    TRY(approve_post(SchoolScope{c, clock, approver.actor, oakfield->id}, approver.grants, ctx,
                     oakfield->trust_id, published));
    TRY(publish_post(SchoolScope{c, clock, poster, oakfield->id}, poster_grants, ctx,
                     oakfield->trust_id, published,
                     "https://www.facebook.com/oakfieldprimary.example/posts/1001"));

    PostDraft approved;
    approved.account_id = account;
    approved.objective = "event_reminder";
    approved.body =
        "Reminder: the Christmas fair is on Saturday 5 December from 10am in the school hall.";
    approved.media_ids = {media.fair};
    int64_t waiting = TRY(save_post(SchoolScope{c, clock, poster, oakfield->id}, poster_grants, ctx,
                                    oakfield->trust_id, std::nullopt, approved));
    TRY(approve_post(SchoolScope{c, clock, approver.actor, oakfield->id}, approver.grants, ctx,
                     oakfield->trust_id, waiting));

    PostDraft draft;
    draft.account_id = account;
    draft.objective = "information_for_parents";
    draft.body =
        "In my opinion the council's new parking rules are a disgrace. Please park considerately "
        "at drop-off.";
    TRY(save_post(SchoolScope{c, clock, poster, oakfield->id}, poster_grants, ctx,
                  oakfield->trust_id, std::nullopt, draft));

    // A picture from a phone that is not an approved device: held for the approver.
    PostDraft race;
    race.account_id = account;
    race.objective = "achievements";
    race.body =
        "Throwback to a brilliant summer sports day: thank you to every runner and every cheering "
        "family!";
    race.media_ids = {media.sports_day};
    TRY(save_post(SchoolScope{c, clock, poster, oakfield->id}, poster_grants, ctx,
                  oakfield->trust_id, std::nullopt, race));

    // A parent withdraws consent for one of the pupils in the published post.
    if (!shown.empty()) {
      auto guardians = TRY(guardians_of(c, shown.front()));
      for (const auto& g : guardians) {
        if (!g.parental_responsibility) continue;
        ConsentEntry e;
        e.pupil_id = shown.front();
        e.use = std::string(kImagesUse);
        e.decision = ConsentState::kRefused;
        e.given_by_person_id = g.other.id;
        e.given_on = today;
        e.form_reference = "Letter received by the office";
        e.note = "Parent asked for photographs to stop being used.";
        TRY(record_withdrawal(SchoolScope{c, clock, head.actor, oakfield->id}, profile.consent, e,
                              published_posts_finder()));
        break;
      }
    }
    return {};
  });
}

}  // namespace inloco
