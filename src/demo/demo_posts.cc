#include "demo/demo_posts.h"

#include "consent/consent_register.h"
#include "people/calendar_date.h"
#include "people/people_store.h"
#include "posts/post_context.h"
#include "posts/post_workflow.h"
#include "profile/profile_store.h"

namespace inloco {

namespace {

struct Person2 {
  int64_t id;
  Actor actor;
  Grants grants;
};

Result<Person2> staff_with_role(Connection& c, int64_t school_id, Role role) {
  Rows r = TRY(c.query("SELECT p.id, p.given_name || ' ' || p.family_name FROM role_assignments ra JOIN people p ON p.id = "
                       "ra.person_id WHERE ra.school_id = ? AND ra.role = ? ORDER BY p.id LIMIT 1",
                       {school_id, std::string(role_key(role))}));
  if (r.empty()) return Error::not_found("the demo school has no " + std::string(role_label(role)));
  int64_t id = r[0][0].as_int();
  return Person2{id, Actor{id, r[0][1].as_text() + " (demo)", "demo"}, TRY(load_grants(c, id))};
}

}  // namespace

Status create_demo_posts(Database& db, const Clock& clock, const DemoTrust& demo, const DemoMedia& media) {
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
    Rows acc = TRY(c.query("SELECT o.id, a.person_id FROM official_accounts o JOIN account_authorisations a ON a.account_id = o.id "
                           "WHERE o.school_id = ? AND o.platform = 'facebook' AND o.status = 'open' AND o.affiliated = 0 AND "
                           "a.kind = 'post' AND a.revoked_at IS NULL ORDER BY a.id LIMIT 1",
                           {oakfield->id}));
    if (acc.empty()) return Error::not_found("the demo Facebook page has no poster");
    int64_t account = acc[0][0].as_int();
    int64_t poster_id = acc[0][1].as_int();
    Grants poster_grants = TRY(load_grants(c, poster_id));
    Actor poster{poster_id, "demo poster", "demo"};
    Person2 head = TRY(staff_with_role(c, oakfield->id, Role::kHeadteacher));
    Person2 deputy = TRY(staff_with_role(c, oakfield->id, Role::kDeputyHeadteacher));
    Person2& approver = poster_id == head.id ? deputy : head;

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
    pub.body = "Our Year 4 choir sang beautifully at the town's winter concert. Thank you to every family who came along!";
    pub.shows_images = true;
    pub.pupil_ids = shown;
    pub.media_ids = {media.choir};
    int64_t published = TRY(save_post(c, clock, PostActor{poster, poster_grants}, ctx, oakfield->id, oakfield->trust_id,
                                      std::nullopt, pub));
    TRY(approve_post(c, clock, PostActor{approver.actor, approver.grants}, ctx, oakfield->id, oakfield->trust_id, published));
    TRY(publish_post(c, clock, PostActor{poster, poster_grants}, ctx, oakfield->id, oakfield->trust_id, published,
                     "https://www.facebook.com/oakfieldprimary.example/posts/1001"));

    PostDraft approved;
    approved.account_id = account;
    approved.objective = "event_reminder";
    approved.body = "Reminder: the Christmas fair is on Saturday 5 December from 10am in the school hall.";
    approved.media_ids = {media.fair};
    int64_t waiting = TRY(save_post(c, clock, PostActor{poster, poster_grants}, ctx, oakfield->id, oakfield->trust_id,
                                    std::nullopt, approved));
    TRY(approve_post(c, clock, PostActor{approver.actor, approver.grants}, ctx, oakfield->id, oakfield->trust_id, waiting));

    PostDraft draft;
    draft.account_id = account;
    draft.objective = "information_for_parents";
    draft.body = "In my opinion the council's new parking rules are a disgrace. Please park considerately at drop-off.";
    TRY(save_post(c, clock, PostActor{poster, poster_grants}, ctx, oakfield->id, oakfield->trust_id, std::nullopt, draft));

    // A picture from a phone that is not an approved device: held for the approver.
    PostDraft race;
    race.account_id = account;
    race.objective = "achievements";
    race.body = "Throwback to a brilliant summer sports day: thank you to every runner and every cheering family!";
    race.media_ids = {media.sports_day};
    TRY(save_post(c, clock, PostActor{poster, poster_grants}, ctx, oakfield->id, oakfield->trust_id, std::nullopt, race));

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
        TRY(record_withdrawal(c, clock, head.actor, profile.consent, oakfield->id, e, published_posts_finder()));
        break;
      }
    }
    return {};
  });
}

}  // namespace inloco
