#include "demo/demo_accounts.h"

#include <string>

#include "accounts/access_reviews.h"
#include "accounts/account_register.h"
#include "accounts/credential_vault.h"
#include "auth/grants_store.h"
#include "auth/permissions.h"
#include "people/people_store.h"
#include "profile/policy_profile.h"

namespace inloco {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

// A demo person acting: their sign-in's person, name and role grants.
struct DemoActor {
  Actor actor;
  Grants grants;
};

class DemoAccounts {
 public:
  DemoAccounts(Connection& conn, const Clock& clock, const SecretKey& key, const DemoTrust& demo)
      : conn_(conn), now_(clock.now()), key_(key), demo_(demo) {}

  Status run() {
    TRY(oakfield());
    TRY(riverside());
    return {};
  }

 private:
  // A clock standing `days_ago` days (and `minutes` minutes) before now.
  FakeClock at(int days_ago, int minutes = 0) const {
    return FakeClock(now_ - days_ago * kDay + minutes * 60);
  }

  Result<DemoActor> who(const std::string& username) {
    for (const DemoSignIn& s : demo_.sign_ins) {
      if (s.username != username) continue;
      Person p = TRY(get_person_by_id(conn_, s.person_id));
      Grants g = TRY(load_grants(conn_, s.person_id));
      return DemoActor{Actor{s.person_id, p.display_name() + " (" + username + ")", "demo"},
                       std::move(g)};
    }
    return Error::not_found("The demo sign-in '" + username +
                            "' is missing; create the demo people first.");
  }

  Result<int64_t> school(const std::string& code) {
    for (const School& s : demo_.schools)
      if (s.code == code) return s.id;
    return Error::not_found("The demo school '" + code + "' is missing.");
  }

  static AccountProposal official(std::string platform, std::string name, std::string purpose,
                                  std::string email, std::string opened) {
    AccountProposal p;
    p.platform = std::move(platform);
    p.account_name = std::move(name);
    p.purpose = std::move(purpose);
    p.master_admin_role = Role::kHeadteacher;
    p.official_email = std::move(email);
    if (!opened.empty()) p.date_opened = std::move(opened);
    p.school_holds_master_access = true;
    p.school_has_editorial_oversight = true;
    p.listed_in_privacy_notice = true;
    AccountAssessment& a = p.assessment;
    a.investment_achieves =
        "Yes: most parents already use the platform, and one short post a day reaches more "
        "families than the newsletter did.";
    a.interaction = InteractionLevel::kModeratedComments;
    a.staff_contribute = true;
    a.staff_minutes_per_week = 120;
    a.success_measures =
        "Parents' survey each summer term; fewer calls to the office about dates and closures.";
    return p;
  }

  // Proposed by `by`, approved by `approver`, `days_ago` days ago.
  Result<int64_t> open(int64_t school_id, const DemoActor& by, const DemoActor& approver,
                       const AccountProposal& p, int days_ago) {
    FakeClock c = at(days_ago);
    int64_t id = TRY(propose_account(SchoolScope{conn_, c, by.actor, school_id}, rules_, p));
    FakeClock later = at(days_ago, 60);
    TRY(decide_assessment(SchoolScope{conn_, later, approver.actor, school_id}, approver.grants,
                          rules_, id, true, "Agreed: the assessment is sound."));
    return id;
  }

  Result<int64_t> grant(int64_t school_id, const DemoActor& head, int64_t account_id,
                        const DemoActor& person, AuthorisationKind kind, int days_ago) {
    FakeClock c = at(days_ago, 120);
    return grant_authorisation(SchoolScope{conn_, c, head.actor, school_id}, head.grants, rules_,
                               account_id, *person.actor.person_id, kind);
  }

  Status oakfield() {
    int64_t s = TRY(school("oakfield"));
    DemoActor head = TRY(who("head.oakfield"));
    DemoActor deputy = TRY(who("deputyhead.oakfield"));
    DemoActor lead = TRY(who("socialmedia.oakfield"));
    DemoActor ict = TRY(who("ict.oakfield"));
    DemoActor teacher = TRY(who("staff.oakfield"));
    DemoActor pta = TRY(who("pta.oakfield"));
    const int start = 420;  // the school began keeping its register in inloco

    int64_t facebook =
        TRY(open(s, lead, head,
                 official("facebook", "Oakfield Primary School",
                          "News, reminders and celebrations of pupils' work for Oakfield families.",
                          "office@oakfield.example.org", "2021-09-06"),
                 start));
    TRY(grant(s, head, facebook, lead, AuthorisationKind::kPost, start));
    TRY(grant(s, head, facebook, lead, AuthorisationKind::kAdmin, start));
    TRY(grant(s, head, facebook, ict, AuthorisationKind::kAdmin, start));
    TRY(grant(s, head, facebook, teacher, AuthorisationKind::kPost, start));
    {
      FakeClock c = at(start, 180);
      TRY(set_credential(SchoolScope{conn_, c, lead.actor, s}, key_, facebook,
                         "Oakfield-Facebook-demo-7Rk2"));
    }

    AccountProposal insta =
        official("Instagram", "@oakfieldprimary",
                 "Photographs of pupils' art, music and sport, shared with families.",
                 "office@oakfield.example.org", "2023-01-16");
    insta.listed_in_privacy_notice = false;  // fails ACC-7 until the notice is updated
    insta.assessment.interaction = InteractionLevel::kBroadcast;
    int64_t instagram = TRY(open(s, lead, head, insta, start));
    TRY(grant(s, head, instagram, lead, AuthorisationKind::kPost, start));
    TRY(grant(s, head, instagram, lead, AuthorisationKind::kAdmin, start));
    TRY(grant(s, head, instagram, ict, AuthorisationKind::kAdmin, start));

    // The PTA's group: recorded by the deputy head, approved by the PTA chair.
    AccountProposal group;
    group.platform = "Facebook";
    group.account_name = "Friends of Oakfield PTA";
    group.purpose = "Fundraising events, uniform sales and volunteering requests from the PTA.";
    group.affiliated = true;
    group.run_by = "Friends of Oakfield (the PTA committee)";
    group.date_opened = "2019-10-01";
    group.listed_in_privacy_notice = true;
    group.assessment.investment_achieves =
        "Yes: the PTA reaches most families without using school staff time.";
    group.assessment.interaction = InteractionLevel::kConversation;
    group.assessment.staff_contribute = false;
    group.assessment.parents_contribute = true;
    group.assessment.staff_minutes_per_week = 0;
    group.assessment.success_measures = "Money raised and volunteers recruited each term.";
    int64_t pta_group = TRY(open(s, deputy, pta, group, start));

    {
      FakeClock c = at(60);
      TRY(record_review(SchoolScope{conn_, c, head.actor, s}, head.grants, rules_, facebook,
                        ReviewRecord{"Checked the four authorisations: all still needed. Read a "
                                     "month of posts and messages: nothing of concern.",
                                     {}}));
    }
    {
      FakeClock c = at(175);
      TRY(record_review(SchoolScope{conn_, c, head.actor, s}, head.grants, rules_, instagram,
                        ReviewRecord{"Access is right. Two comments from an unknown account "
                                     "hidden and the account blocked.",
                                     {}}));
    }
    {
      FakeClock c = at(130);  // three-monthly: overdue since
      TRY(record_review(SchoolScope{conn_, c, deputy.actor, s}, deputy.grants, rules_, pta_group,
                        ReviewRecord{"Read the last term's posts: a class photo with names "
                                     "was removed at our request; otherwise fine.",
                                     {}}));
    }

    // Waiting for the headteacher.
    AccountProposal youtube =
        official("YouTube", "Oakfield Primary School",
                 "Unlisted videos of concerts and assemblies for families who cannot attend.",
                 "office@oakfield.example.org", "");
    youtube.assessment.interaction = InteractionLevel::kBroadcast;
    youtube.assessment.pupils_contribute = true;
    youtube.assessment.staff_minutes_per_week = 60;
    youtube.assessment.success_measures =
        "Views by families of each concert; parents' comments at consultation evenings.";
    {
      FakeClock c = at(3);
      TRY(propose_account(SchoolScope{conn_, c, lead.actor, s}, rules_, youtube));
    }
    return {};
  }

  Status riverside() {
    int64_t s = TRY(school("riverside"));
    DemoActor head = TRY(who("head.riverside"));
    DemoActor lead = TRY(who("socialmedia.riverside"));
    DemoActor ict = TRY(who("ict.riverside"));
    DemoActor teacher = TRY(who("staff.riverside"));
    const int start = 420;

    AccountProposal yt =
        official("youtube", "Riverside Academy",
                 "Open evening tours, performances and revision videos for students and families.",
                 "communications@riverside.example.org", "2020-11-02");
    yt.master_admin_role = Role::kIctTechnician;
    yt.assessment.interaction = InteractionLevel::kBroadcast;
    yt.assessment.pupils_contribute = true;
    int64_t youtube = TRY(open(s, lead, head, yt, start));
    TRY(grant(s, head, youtube, lead, AuthorisationKind::kPost, start));
    TRY(grant(s, head, youtube, lead, AuthorisationKind::kAdmin, start));
    TRY(grant(s, head, youtube, ict, AuthorisationKind::kAdmin, start));
    int64_t book_club = TRY(grant(s, head, youtube, teacher, AuthorisationKind::kPost, start));
    {
      FakeClock c = at(start, 180);
      TRY(set_credential(SchoolScope{conn_, c, ict.actor, s}, key_, youtube,
                         "Riverside-YouTube-demo-4Qp9"));
    }

    AccountProposal x =
        official("Twitter", "@RiversideAcad", "Results days, sports fixtures and closures.",
                 "communications@riverside.example.org", "2018-03-12");
    int64_t twitter = TRY(open(s, lead, head, x, start));
    TRY(grant(s, head, twitter, lead, AuthorisationKind::kPost, start));
    TRY(grant(s, head, twitter, lead, AuthorisationKind::kAdmin, start));
    TRY(grant(s, head, twitter, teacher, AuthorisationKind::kPost, start));

    AccountProposal sixth = official("facebook", "Riverside Academy Sixth Form",
                                     "Sixth-form open evenings and applications.",
                                     "sixthform@riverside.example.org", "2019-09-09");
    int64_t sixth_form = TRY(open(s, lead, head, sixth, start));
    TRY(grant(s, head, sixth_form, lead, AuthorisationKind::kPost, start));
    TRY(grant(s, head, sixth_form, lead, AuthorisationKind::kAdmin, start));
    TRY(grant(s, head, sixth_form, teacher, AuthorisationKind::kPost, start));
    {
      FakeClock c = at(300);
      TRY(close_account(SchoolScope{conn_, c, head.actor, s}, head.grants, rules_, sixth_form,
                        "Sixth-form news now goes on the academy's main accounts; the page was "
                        "deleted on Facebook."));
    }

    {
      FakeClock c = at(200);
      TRY(record_review(SchoolScope{conn_, c, head.actor, s}, head.grants, rules_, twitter,
                        ReviewRecord{"Access checked and right. Replies to complaints moved to "
                                     "email, as the policy says.",
                                     {}}));
    }
    {
      FakeClock c = at(200, 30);
      TRY(record_review(SchoolScope{conn_, c, head.actor, s}, head.grants, rules_, youtube,
                        ReviewRecord{"Access checked: all still needed.", {}}));
    }
    {
      FakeClock c = at(20);
      TRY(record_review(SchoolScope{conn_, c, head.actor, s}, head.grants, rules_, youtube,
                        ReviewRecord{"The book club's playlist has ended, so the English "
                                     "teacher's posting access was removed. Comments are off "
                                     "on every video.",
                                     {book_club}}));
    }
    return {};
  }

  Connection& conn_;
  const int64_t now_;
  const SecretKey& key_;
  const DemoTrust& demo_;
  const AccountRules rules_{};
};

}  // namespace

Status create_demo_accounts(Database& db, const Clock& clock, const SecretKey& key,
                            const DemoTrust& demo) {
  return db.transaction([&](Connection& conn) -> Status {
    DemoAccounts accounts(conn, clock, key, demo);
    return accounts.run();
  });
}

}  // namespace inloco
