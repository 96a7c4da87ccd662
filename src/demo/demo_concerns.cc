#include "demo/demo_concerns.h"

#include <optional>
#include <string>
#include <vector>

#include "concerns/case_access.h"
#include "concerns/concern_actions.h"
#include "concerns/concern_evidence.h"
#include "concerns/concern_reports.h"
#include "demo/demo_acting.h"
#include "demo/demo_pictures.h"
#include "people/people_store.h"
#include "profile/profile_store.h"

namespace inloco {

namespace {

// A demo sign-in acting on the concern log, with their role grants.
constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 24 * kHour;

}  // namespace

// Five cases at Oakfield, each made through the concern library as the demo
// sign-ins would make them from the pages: routed, evidenced, acted on.
Status create_demo_concerns(Database& db, const Clock& clock, const DemoTrust& demo,
                            const EvidenceVault& vault) {
  const int64_t school = TRY(demo_school(demo, "oakfield")).id;
  const int64_t now = clock.now();
  return db.transaction([&](Connection& c) -> Status {
    const ConcernRules rules = TRY(profile_for_school(c, school)).concerns;
    DemoActor staff = TRY(demo_actor(c, demo, "staff.oakfield"));
    DemoActor dsl = TRY(demo_actor(c, demo, "dsl.oakfield"));
    DemoActor head = TRY(demo_actor(c, demo, "head.oakfield"));
    DemoActor office = TRY(demo_actor(c, demo, "office.oakfield"));
    PeopleQuery q;
    q.school_id = school;
    q.kind = PersonKind::kPupil;
    q.limit = 40;
    auto pupils = TRY(list_people(c, q)).people;
    if (pupils.size() < 6) return Error::not_found("the demo school has too few pupils");
    // A teacher a parent's post names: a year group leader, or any member of staff but the
    // reporter.
    std::vector<Person> leaders = TRY(people_with_role(c, school, Role::kYearGroupLeader));
    if (leaders.empty()) return Error::not_found("the demo school has no year group leader");
    const Person& teacher = leaders.front();

    // 1. A pupil bullied in a class group chat: to the DSL, with a screenshot and an address.
    ConcernReport bullying;
    bullying.happened_at = now - 2 * kDay;
    bullying.what_happened =
        "Several pupils in the Year 5 WhatsApp group have been posting unkind messages and edited "
        "photos about " +
        pupils[0].display_name() +
        " every evening this week. She told me this morning she does not want to come to school.";
    bullying.subject_kind = SubjectKind::kPupil;
    bullying.subject_person_id = pupils[0].id;
    bullying.involved.push_back(InvolvedPerson{pupils[1].id, "", Involvement::kResponsible});
    bullying.involved.push_back(InvolvedPerson{pupils[2].id, "", Involvement::kWitness});
    bullying.platform = "A WhatsApp group";
    bullying.risk_area = "conduct";
    bullying.risk_kind = "aggressive";
    bullying.type = "cyberbullying";
    int64_t chat =
        TRY(report_concern(SchoolScope{c, clock, staff.actor, school}, rules, bullying)).concern_id;
    auto act = [&](const DemoActor& who, int64_t id, ActionKind kind, std::string counterpart,
                   std::string detail, std::string reason = "",
                   std::optional<bool> decision = std::nullopt, int64_t ago = kDay) -> Status {
      ActionInput in{
          kind, now - ago, decision, std::move(counterpart), std::move(detail), std::move(reason)};
      TRY(add_action(SchoolScope{c, clock, who.actor, school}, who.grants, rules, id, in));
      return {};
    };
    TRY(act(dsl, chat, ActionKind::kPlatformContacted, "WhatsApp (in-app report)",
            "Reported the messages as bullying; the group admin, a parent, removed them the same "
            "evening."));
    TRY(act(dsl, chat, ActionKind::kParentsInformed, "The parents of the pupils involved",
            "Phone calls to each family, followed by a letter."));
    TRY(act(dsl, chat, ActionKind::kSupportOffered, pupils[0].display_name(),
            "Weekly check-ins with the learning mentor and a safe space at lunchtime.", "",
            std::nullopt, kDay / 2));

    // 2. INC-8: a parent's friend request to a teacher's personal Facebook account.
    std::vector<GuardianLink> parents = TRY(guardians_of(c, pupils[3].id));
    PersonalAccountContact request;
    request.happened_at = now - 3 * kDay;
    request.contact = ContactKind::kFriendRequest;
    request.from_kind = SubjectKind::kParent;
    request.from_description = parents.empty() ? "A parent of a pupil in my class"
                                               : "The parent of " + pupils[3].display_name();
    request.platform = "Facebook";
    request.note = "Declined, did not reply. Mentioning it as the policy asks.";
    TRY(report_personal_account_contact(SchoolScope{c, clock, staff.actor, school}, rules,
                                        request));

    // 3. A parent's post naming a member of staff: to the headteacher, kept as a low-level concern.
    ConcernReport post;
    post.happened_at = now - 4 * kDay;
    post.what_happened =
        "A parent posted in the village Facebook group that " + teacher.display_name() +
        " 'shouts at children and should not be teaching'. The post names the school.";
    post.subject_kind = SubjectKind::kStaff;
    post.subject_person_id = teacher.id;
    post.involved.push_back(InvolvedPerson{std::nullopt, "A parent, posting under her own name",
                                           Involvement::kResponsible});
    post.platform = "Facebook (village community group)";
    post.risk_area = "conduct";
    post.risk_kind = "aggressive";
    post.type = "defamatory_post";
    int64_t named =
        TRY(report_concern(SchoolScope{c, clock, office.actor, school}, rules, post)).concern_id;
    TRY(act(head, named, ActionKind::kLadoReferral, "", "",
            "Nothing suggests harm to a child: the post is a complaint about tone in class, not an "
            "allegation of harm.",
            false, 3 * kDay));
    TRY(act(head, named, ActionKind::kLowLevelConcern, "", "",
            "Kept as a low-level concern: spoke with the teacher, who will keep classroom routines "
            "calm; reviewed in four weeks.",
            std::nullopt, 3 * kDay));
    TRY(act(head, named, ActionKind::kPlatformContacted, "Facebook group administrators",
            "Asked for the post to be removed as it names a member of staff; removed the next day.",
            "", std::nullopt, 2 * kDay));

    // 4. A photograph shared without consent: personal data, so the DPO too, with the 72-hour clock
    // running.
    ConcernReport photo;
    photo.happened_at = now - 20 * kHour;
    photo.what_happened =
        "A photograph of the Year 2 class, with the name of " + pupils[4].display_name() +
        " on a display behind them, was posted on a parent's public Instagram account. " +
        pupils[4].display_name() + "'s parents have refused consent for photographs.";
    photo.subject_kind = SubjectKind::kPupil;
    photo.subject_person_id = pupils[4].id;
    photo.platform = "Instagram";
    photo.risk_area = "content";
    photo.type = "data_breach";
    photo.involves_personal_data = true;
    TRY(report_concern(SchoolScope{c, clock, staff.actor, school}, rules, photo));

    // 5. A closed case with its debrief: a pupil getting round the school's filter.
    ConcernReport filter;
    filter.happened_at = now - 30 * kDay;
    filter.what_happened =
        pupils[5].display_name() +
        " showed friends how to use a VPN app on a school tablet to reach blocked games sites.";
    filter.subject_kind = SubjectKind::kPupil;
    filter.subject_person_id = pupils[5].id;
    filter.platform = "A VPN app on a school tablet";
    filter.risk_area = "conduct";
    filter.risk_kind = "commercial";
    filter.type = "filter_circumvention";
    int64_t closed =
        TRY(report_concern(SchoolScope{c, clock, staff.actor, school}, rules, filter)).concern_id;
    TRY(act(dsl, closed, ActionKind::kNote, "",
            "Talked with the pupil about why the filter is there; the app was removed.", "",
            std::nullopt, 29 * kDay));
    TRY(act(dsl, closed, ActionKind::kParentsInformed, "The pupil's parents",
            "Phone call; they will check the family tablet too.", "", std::nullopt, 29 * kDay));
    TRY(close_concern(
        SchoolScope{c, clock, dsl.actor, school}, rules, closed,
        Debrief{
            "Tablets allowed pupils to install apps; a tablet is now locked to the school's list "
            "of apps.",
            "Computing curriculum: a Year 5 lesson on why filters keep us safe, from next term."}));

    // Evidence last (it writes files): a screenshot and the address of the group invite.
    EvidenceInput shot;
    shot.kind = EvidenceKind::kScreenshot;
    shot.refers_to = now - 2 * kDay;
    shot.description =
        "Screenshot of the group chat shown by the pupil's mother (the demo's drawing stands in "
        "for it).";
    shot.file_name = "group-chat.png";
    shot.declared_type = "image/png";
    shot.bytes = demo_picture(DemoScene::kFair);
    TRY(add_evidence(SchoolScope{c, clock, dsl.actor, school}, chat, vault, shot));
    EvidenceInput link;
    link.kind = EvidenceKind::kWebAddress;
    link.refers_to = now - 2 * kDay;
    link.description = "Invite link to the group, as shared by one of the pupils.";
    link.address = "https://chat.whatsapp.example/invite/Year5Gang";
    TRY(add_evidence(SchoolScope{c, clock, dsl.actor, school}, chat, vault, link));
    return {};
  });
}

}  // namespace inloco
