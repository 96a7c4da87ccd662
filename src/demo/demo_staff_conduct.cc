// The demo trust's staff conduct records (STF-1..4), at Oakfield, written
// through src/staff/ as the people who would make them, on the days they
// would have: a Year 5 teacher's nephew in the school (declared, agreed by the
// DSL with the head), the Year 6 teacher who coaches football approved to
// message the team's parents on WhatsApp until the end of term, a teaching
// assistant's approval for a trip that was revoked, the deputy head's
// authorisation to post on a professional network, and induction checklists
// some finished, some not (staff.oakfield has one item left to tick).
#include "demo/demo_staff_conduct.h"

#include <string>
#include <vector>

#include "demo/demo_acting.h"
#include "people/people_store.h"
#include "profile/profile_store.h"
#include "staff/blog_authorisations.h"
#include "staff/contact_approvals.h"
#include "staff/induction_checklist.h"
#include "staff/staff_relationships.h"

namespace inloco {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

CalendarDate days_after(const CalendarDate& d, int n) {
  return date_from_days(days_since_epoch(d) + n);
}

// The last day of the term `today` falls in (18 December, 26 March, 21 July).
CalendarDate end_of_term(const CalendarDate& today) {
  for (int year = today.year;; ++year)
    for (CalendarDate end :
         {CalendarDate{year, 3, 26}, CalendarDate{year, 7, 21}, CalendarDate{year, 12, 18}})
      if (end >= today) return end;
}

}  // namespace

Status create_demo_staff_conduct(Database& db, const Clock& clock, const DemoTrust& demo) {
  const int64_t school = TRY(demo_school(demo, "oakfield")).id;

  return db.transaction([&](Connection& conn) -> Status {
    const StaffRules rules = TRY(profile_for_school(conn, school)).staff;
    PeopleQuery q;
    q.school_id = school;
    q.kind = PersonKind::kStaff;
    q.limit = kMaxPeoplePageSize;
    const std::vector<Person> staff = TRY(list_people(conn, q)).people;
    auto by_job = [&](const std::string& title) -> Result<DemoActor> {
      for (const Person& p : staff)
        if (p.job_title && *p.job_title == title) return demo_person(conn, p.id, "demo");
      return Error::not_found("No '" + title + "' at the demo school.");
    };
    q.kind = PersonKind::kPupil;
    q.search = "";
    const std::vector<Person> pupils = TRY(list_people(conn, q)).people;
    const Person* nephew = nullptr;
    for (const Person& p : pupils)
      if (!nephew && p.year_group && *p.year_group == "Year 3") nephew = &p;
    if (nephew == nullptr) return Error::not_found("The demo school has no pupil in Year 3.");

    const DemoActor head = TRY(demo_actor(conn, demo, "head.oakfield"));
    const DemoActor deputy = TRY(demo_actor(conn, demo, "deputyhead.oakfield"));
    const DemoActor dsl = TRY(demo_actor(conn, demo, "dsl.oakfield"));
    const DemoActor teacher = TRY(demo_actor(conn, demo, "staff.oakfield"));
    const DemoActor aunt = TRY(by_job("Year 5 class teacher"));
    const DemoActor coach = TRY(by_job("Year 6 class teacher"));
    const DemoActor assistant = TRY(by_job("Teaching assistant"));
    const int64_t now = clock.now();
    const CalendarDate today = date_of(now);

    // STF-1: declared three weeks ago, agreed by the DSL with the head a week later.
    FakeClock declared(now - 21 * kDay);
    RelationshipDeclaration d;
    d.staff_id = aunt.id;
    d.other_person_id = nephew->id;
    d.relationship = "nephew";
    d.details = "We are in a family WhatsApp group together and he is a Facebook friend of mine.";
    int64_t rel = TRY(declare_relationship(SchoolScope{conn, declared, aunt.actor, school},
                                           aunt.grants, rules, d));
    FakeClock decided(now - 14 * kDay);
    RelationshipDecisionInput agreed;
    agreed.agreed =
        "Family contact continues as before; nothing about school in the family group. He is "
        "not placed in her class, and any concern about him goes straight to the DSL.";
    agreed.discussed_with = {head.id};
    agreed.review_on = days_after(date_of(decided.now()), 180);
    TRY(decide_relationship(SchoolScope{conn, decided, dsl.actor, school}, dsl.grants, rules, rel,
                            agreed));

    // STF-2: the football coach, until the end of term.
    FakeClock approved(now - 10 * kDay);
    ContactDecisionInput football;
    football.staff_id = coach.id;
    football.group_description = "Parents of the Year 6 football team";
    football.platform = "WhatsApp";
    football.reason =
        "He coaches the Year 6 football team and messages parents about fixtures, kit and "
        "lifts. Messages are about football only; the office is copied into the group.";
    football.ends_on = end_of_term(today);
    TRY(decide_contact(SchoolScope{conn, approved, head.actor, school}, head.grants, rules,
                       football));
    // ... and a trip approval that was revoked when the trip was cancelled.
    FakeClock trip_approved(now - 30 * kDay);
    ContactDecisionInput trip;
    trip.staff_id = assistant.id;
    trip.group_description = "Parents of pupils going on the Year 4 residential trip";
    trip.platform = "text message";
    trip.reason = "She leads the residential trip and texts parents when the coach is back.";
    trip.ends_on = days_after(today, 60);
    int64_t trip_id = TRY(decide_contact(SchoolScope{conn, trip_approved, head.actor, school},
                                         head.grants, rules, trip));
    FakeClock revoked(now - 5 * kDay);
    TRY(revoke_contact_approval(
        SchoolScope{conn, revoked, head.actor, school}, head.grants, rules, trip_id,
        "The residential trip was cancelled; parents are texted by the office."));

    // STF-3: the deputy head writes about the school on a professional network.
    FakeClock authorised(now - 40 * kDay);
    BlogAuthorisationInput blog{
        deputy.id,
        BlogChannel::kProfessionalNetwork,
        "LinkedIn",
        "Posts about the school's curriculum and staff training, without pupils' names "
        "or photographs.",
        std::nullopt,
        std::nullopt};
    TRY(authorise_blogging(SchoolScope{conn, authorised, head.actor, school}, head.grants, rules,
                           blog));

    // STF-4: some finished, some not.
    std::vector<InductionItem> items = induction_items(rules);
    auto tick = [&](const DemoActor& who, size_t how_many, int days_ago) -> Status {
      for (size_t i = 0; i < how_many && i < items.size(); ++i)
        TRY(tick_induction_item(SchoolScope{conn, clock, who.actor, school}, rules, who.id,
                                items[i].key, days_after(today, -days_ago + static_cast<int>(i))));
      return {};
    };
    TRY(tick(head, items.size(), 60));
    TRY(tick(deputy, items.size(), 55));
    TRY(tick(dsl, items.size(), 50));
    TRY(tick(aunt, items.size(), 30));
    TRY(tick(coach, 2, 20));
    TRY(tick(teacher, 1, 10));
    return {};
  });
}

}  // namespace inloco
