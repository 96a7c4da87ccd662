// The demo trust's requests to unblock sites (NET-3), at Oakfield, made through
// src/filter/ as the people who would make them, on the days they would
// have: Scratch for the pupils' coding club (checked by ICT, approved by the
// head five days ago, so open for nine more days), a video site refused in
// writing, a request from staff.oakfield today that ICT have not yet looked
// at, and a scam site reported by staff.oakfield and blocked by ICT (NET-4).
#include "demo/demo_filtering.h"

#include <string>

#include "demo/demo_acting.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "profile/profile_store.h"

namespace inloco {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

}  // namespace

Status create_demo_filtering(Database& db, const Clock& clock, const DemoTrust& demo) {
  const int64_t school = TRY(demo_school(demo, "oakfield")).id;
  return db.transaction([&](Connection& conn) -> Status {
    const FilterRules rules = TRY(profile_for_school(conn, school)).filter;
    const DemoActor head = TRY(demo_actor(conn, demo, "head.oakfield"));
    const DemoActor ict = TRY(demo_actor(conn, demo, "ict.oakfield"));
    const DemoActor teacher = TRY(demo_actor(conn, demo, "staff.oakfield"));
    const DemoActor deputy = TRY(demo_actor(conn, demo, "deputyhead.oakfield"));
    const int64_t now = clock.now();
    FakeClock then(now - 6 * kDay);

    int64_t scratch = TRY(filter::request_unblock(
        SchoolScope{conn, then, teacher.actor, school}, rules,
        {"https://scratch.mit.edu/projects/editor/",
         "The Year 4 coding club builds its games in Scratch on Thursday afternoons.", "pupils",
         14}));
    then.advance(kDay / 2);
    TRY(filter::check_unblock(
        SchoolScope{conn, then, ict.actor, school}, ict.grants, rules, scratch,
        "Scratch is the MIT education site; it is listed as 'games'. Comments are "
        "moderated by Scratch and off for school accounts."));
    then.set(now - 5 * kDay);
    TRY(filter::decide_unblock(
        SchoolScope{conn, then, head.actor, school}, head.grants, rules, scratch, true,
        "Approved for the coding club this half term; pupils use class accounts only."));

    then.set(now - 2 * kDay);
    int64_t video = TRY(filter::request_unblock(
        SchoolScope{conn, then, deputy.actor, school}, rules,
        {"https://www.youtube.com/watch?v=kindness-assembly",
         "A short film for Friday's assembly on being kind online.", "", 1}));
    then.advance(3 * 60 * 60);
    TRY(filter::decide_unblock(
        SchoolScope{conn, then, head.actor, school}, head.grants, rules, video, false,
        "Download the film into the learning platform's video library instead; video "
        "sites stay blocked in school."));

    // NET-4: a site a teaching assistant found in the library, blocked by ICT.
    then.set(now - 3 * kDay);
    int64_t found =
        TRY(filter::report_site(SchoolScope{conn, then, teacher.actor, school}, rules,
                                "http://free-skins-giveaway.example/win",
                                "A pop-up promising free game skins for a phone number, on a "
                                "library computer after school club."));
    then.advance(60 * 60);
    TRY(filter::handle_site_report(
        SchoolScope{conn, then, ict.actor, school}, ict.grants, rules, found, true,
        "A scam collecting children's phone numbers; blocked for everyone."));

    FakeClock today(now - 2 * 60 * 60);
    TRY(filter::request_unblock(SchoolScope{conn, today, teacher.actor, school}, rules,
                                {"pinterest.co.uk/ideas/classroom-displays",
                                 "Ideas for the Year 4 Viking display.", "", 3}));
    return {};
  });
}

}  // namespace inloco
