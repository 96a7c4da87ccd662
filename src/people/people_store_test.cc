// REQ ORG-1: a person of another school is never returned or listed.
// REQ ORG-2: people of every kind; parents linked to pupils with parental responsibility.
// REQ ORG-3: roles held by named people per school, or across the trust.
// REQ ORG-5: a pupil marked competent to consent, with who decided and when.
#include "people/people_store.h"

#include <gtest/gtest.h>

#include "people/school_store.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class PeopleStoreTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto ids = db().transaction([&](Connection& c) -> Result<std::vector<int64_t>> {
      int64_t t = TRY(create_trust(c, clock_, Actor::system(), "Example Trust"));
      int64_t a = TRY(create_school(c, clock_, Actor::system(),
                                    School{0, t, "alpha", "Alpha Primary", {}, "primary"}));
      int64_t b = TRY(create_school(c, clock_, Actor::system(),
                                    School{0, t, "beta", "Beta Academy", {}, "secondary"}));
      return std::vector<int64_t>{t, a, b};
    });
    ASSERT_TRUE(ids.ok()) << ids.error().message;
    trust_ = (*ids)[0];
    alpha_ = (*ids)[1];
    beta_ = (*ids)[2];
  }

  Result<int64_t> add(Person p) {
    return db().transaction([&](Connection& c) { return create_person(c, clock_, actor_, p); });
  }

  int64_t add_ok(PersonKind kind, std::string given, std::string family,
                 std::optional<int64_t> school = std::nullopt,
                 std::optional<std::string> external_id = std::nullopt) {
    Person p;
    p.kind = kind;
    p.school_id = school ? school : std::optional<int64_t>(alpha_);
    p.given_name = std::move(given);
    p.family_name = std::move(family);
    p.external_id = std::move(external_id);
    if (kind == PersonKind::kPupil) {
      p.date_of_birth = "2016-05-17";
      p.year_group = "Year 5";
      p.class_name = "Kestrels";
    }
    auto r = add(p);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.value_or(0);
  }

  template <typename F>
  auto read(F&& fn) {
    return db().read(std::forward<F>(fn));
  }
  template <typename F>
  auto write(F&& fn) {
    return db().transaction(std::forward<F>(fn));
  }

  int64_t audit_count() {
    auto r = read([](Connection& c) { return c.query("SELECT COUNT(*) FROM audit_log"); });
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }

  std::vector<std::string> names(const PeopleQuery& q) {
    auto page = read([&](Connection& c) { return list_people(c, q); });
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<std::string> out;
    if (page.ok())
      for (const Person& p : page->people) out.push_back(p.display_name());
    return out;
  }

  FakeClock clock_;
  Actor actor_ = Actor::command_line();
  int64_t trust_ = 0, alpha_ = 0, beta_ = 0;
};

using Names = std::vector<std::string>;

PeopleQuery query(int64_t school, std::optional<PersonKind> kind = std::nullopt,
                  std::string search = "") {
  PeopleQuery q;
  q.school_id = school;
  q.kind = kind;
  q.search = std::move(search);
  return q;
}

TEST_P(PeopleStoreTest, CreatedPersonIsReadBackOnlyAtTheirOwnSchool) {
  Person p;
  p.kind = PersonKind::kPupil;
  p.school_id = alpha_;
  p.external_id = " UPN-1 ";
  p.given_name = " Amara ";
  p.family_name = "Okafor";
  p.preferred_name = "";
  p.date_of_birth = "17/05/2016";
  p.year_group = "y5";
  p.class_name = "Kestrels";
  auto id = add(p);
  ASSERT_TRUE(id.ok()) << id.error().message;

  auto got = read([&](Connection& c) { return get_person(c, alpha_, *id); });
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got->trust_id, trust_);
  EXPECT_EQ(got->school_id, alpha_);
  EXPECT_EQ(got->external_id, "UPN-1");
  EXPECT_EQ(got->given_name, "Amara");
  EXPECT_FALSE(got->preferred_name);
  EXPECT_EQ(got->date_of_birth, "2016-05-17");
  EXPECT_EQ(got->year_group, "Year 5");
  EXPECT_EQ(got->kind, PersonKind::kPupil);
  EXPECT_TRUE(got->active);
  EXPECT_EQ(got->created_at, clock_.now());

  auto other = read([&](Connection& c) { return get_person(c, beta_, *id); });
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto missing = read([&](Connection& c) { return get_person(c, alpha_, *id + 1000); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message.substr(0, 20), other.error().message.substr(0, 20));

  EXPECT_TRUE(read([&](Connection& c) { return get_person_by_id(c, *id); }).ok());
}

TEST_P(PeopleStoreTest, CreateRefusesBadDetailsAndDuplicateExternalIds) {
  Person p;
  p.kind = PersonKind::kPupil;
  p.school_id = alpha_;
  p.given_name = "";
  p.family_name = "Okafor";
  p.email = "nope";
  auto r = add(p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().details.size(), 4u);  // given name, email, date of birth, year group

  add_ok(PersonKind::kStaff, "Ruth", "Okafor", alpha_, "S1");
  Person dup;
  dup.kind = PersonKind::kStaff;
  dup.school_id = alpha_;
  dup.external_id = "S1";
  dup.given_name = "Ruth";
  dup.family_name = "Other";
  auto d = add(dup);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::kConflict);
  EXPECT_NE(d.error().message.find("Ruth Okafor"), std::string::npos);
  dup.school_id = beta_;  // the same id at another school is another person
  EXPECT_TRUE(add(dup).ok());

  Person trustee;
  trustee.kind = PersonKind::kTrustee;
  trustee.given_name = "Kwabena";
  trustee.family_name = "Mensah";
  auto no_trust = add(trustee);
  ASSERT_FALSE(no_trust.ok());
  EXPECT_EQ(no_trust.error().code, ErrorCode::kInvalid);
  trustee.trust_id = trust_;
  auto t = add(trustee);
  ASSERT_TRUE(t.ok()) << t.error().message;
  auto got = read([&](Connection& c) { return get_person_by_id(c, *t); });
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->school_id);
}

TEST_P(PeopleStoreTest, ListSearchesOrdersAndPages) {
  add_ok(PersonKind::kStaff, "ruth", "Okafor", alpha_, "S1");
  add_ok(PersonKind::kStaff, "Annabel", "Smith", alpha_, "S2");
  add_ok(PersonKind::kPupil, "Ann", "smith", alpha_, "P1");
  add_ok(PersonKind::kPupil, "Ben", "Adeyemi", alpha_, "P2");
  add_ok(PersonKind::kParent, "Joanne", "Hannah", alpha_, "C1");
  add_ok(PersonKind::kPupil, "Zara", "Khan", alpha_, "P100%");
  add_ok(PersonKind::kPupil, "Anna", "Smith", beta_, "P1");  // another school

  EXPECT_EQ(names(query(alpha_)), (Names{"Ben Adeyemi", "Joanne Hannah", "Zara Khan", "ruth Okafor",
                                         "Ann smith", "Annabel Smith"}));
  EXPECT_EQ(names(query(alpha_, PersonKind::kPupil)),
            (Names{"Ben Adeyemi", "Zara Khan", "Ann smith"}));
  // Any field, any case; every word must match.
  EXPECT_EQ(names(query(alpha_, std::nullopt, "ANN")),
            (Names{"Joanne Hannah", "Ann smith", "Annabel Smith"}));
  EXPECT_EQ(names(query(alpha_, std::nullopt, "ann smi")), (Names{"Ann smith", "Annabel Smith"}));
  EXPECT_EQ(names(query(alpha_, std::nullopt, "  annabel   SMITH ")), (Names{"Annabel Smith"}));
  EXPECT_EQ(names(query(alpha_, std::nullopt, "s2")), (Names{"Annabel Smith"}));
  EXPECT_EQ(names(query(alpha_, PersonKind::kStaff, "smith")), (Names{"Annabel Smith"}));
  // Wildcards are literal.
  EXPECT_EQ(names(query(alpha_, std::nullopt, "%")), (Names{"Zara Khan"}));
  EXPECT_EQ(names(query(alpha_, std::nullopt, "_")), Names{});
  EXPECT_EQ(names(query(alpha_, std::nullopt, "nobody")), Names{});

  PeopleQuery q = query(alpha_);
  q.limit = 4;
  q.offset = 4;
  auto page = read([&](Connection& c) { return list_people(c, q); });
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 6);
  ASSERT_EQ(page->people.size(), 2u);
  EXPECT_EQ(page->people[0].display_name(), "Ann smith");

  q.limit = 0;
  EXPECT_FALSE(read([&](Connection& c) { return list_people(c, q); }).ok());
  q.limit = 10;
  q.search = "a b c d e f g";
  auto many = read([&](Connection& c) { return list_people(c, q); });
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.error().code, ErrorCode::kInvalid);
}

TEST_P(PeopleStoreTest, UpdateAuditsTheNamesOfChangedFieldsOnly) {
  int64_t id = add_ok(PersonKind::kParent, "Joanne", "Hannah", alpha_, "C1");
  auto p = read([&](Connection& c) { return get_person(c, alpha_, id); });
  ASSERT_TRUE(p.ok());
  Person changed = *p;
  changed.email = "jo.private@example.com";
  changed.family_name = "Hannah-Price";
  clock_.advance(60);
  auto s = write([&](Connection& c) { return update_person(c, clock_, actor_, changed); });
  ASSERT_TRUE(s.ok()) << s.error().message;

  auto got = read([&](Connection& c) { return get_person(c, alpha_, id); });
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->email, "jo.private@example.com");
  EXPECT_EQ(got->family_name, "Hannah-Price");
  EXPECT_EQ(got->updated_at, clock_.now());

  auto audit = read([&](Connection& c) {
    AuditQuery q;
    q.record_type = "person";
    q.record_id = std::to_string(id);
    return list_audit(c, q);
  });
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);  // create, update
  const AuditEntry* update = nullptr;
  for (const auto& e : *audit)
    if (e.action == "person.update") update = &e;
  ASSERT_NE(update, nullptr);
  EXPECT_NE(update->detail.find("email"), std::string::npos);
  EXPECT_NE(update->detail.find("family_name"), std::string::npos);
  EXPECT_EQ(update->detail.find("jo.private"), std::string::npos);

  // Nothing changed: nothing written.
  int64_t before = audit_count();
  ASSERT_TRUE(write([&](Connection& c) { return update_person(c, clock_, actor_, *got); }).ok());
  EXPECT_EQ(audit_count(), before);

  Person elsewhere = *got;
  elsewhere.school_id = beta_;
  elsewhere.given_name = "Jo";
  auto nf = write([&](Connection& c) { return update_person(c, clock_, actor_, elsewhere); });
  ASSERT_FALSE(nf.ok());
  EXPECT_EQ(nf.error().code, ErrorCode::kNotFound);

  Person kind = *got;
  kind.kind = PersonKind::kStaff;
  auto k = write([&](Connection& c) { return update_person(c, clock_, actor_, kind); });
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().code, ErrorCode::kInvalid);

  Person bad = *got;
  bad.given_name = "";
  auto b = write([&](Connection& c) { return update_person(c, clock_, actor_, bad); });
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, ErrorCode::kInvalid);
}

TEST_P(PeopleStoreTest, GuardiansAndChildren) {
  int64_t pupil = add_ok(PersonKind::kPupil, "Amara", "Okafor");
  int64_t sibling = add_ok(PersonKind::kPupil, "Chidi", "Okafor");
  int64_t mum = add_ok(PersonKind::kParent, "Ngozi", "Okafor");
  int64_t step = add_ok(PersonKind::kParent, "Mark", "Evans");
  int64_t teacher = add_ok(PersonKind::kStaff, "Ruth", "Brown");
  int64_t other_school_parent = add_ok(PersonKind::kParent, "Li", "Chen", beta_);

  auto link = [&](int64_t parent, int64_t child, std::string rel, bool pr) {
    return write(
        [&](Connection& c) { return link_guardian(c, clock_, actor_, parent, child, rel, pr); });
  };
  ASSERT_TRUE(link(mum, pupil, "Mother", true).ok());
  ASSERT_TRUE(link(mum, sibling, "mother", true).ok());
  ASSERT_TRUE(link(step, pupil, "step-father", true).ok());
  ASSERT_TRUE(link(step, pupil, "step-father", false).ok());  // upsert

  auto g = read([&](Connection& c) { return guardians_of(c, pupil); });
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->size(), 2u);
  EXPECT_EQ((*g)[0].other.display_name(), "Mark Evans");
  EXPECT_EQ((*g)[0].relationship, "step-father");
  EXPECT_FALSE((*g)[0].parental_responsibility);
  EXPECT_EQ((*g)[1].other.display_name(), "Ngozi Okafor");
  EXPECT_EQ((*g)[1].relationship, "mother");
  EXPECT_TRUE((*g)[1].parental_responsibility);

  auto kids = read([&](Connection& c) { return children_of(c, mum); });
  ASSERT_TRUE(kids.ok());
  ASSERT_EQ(kids->size(), 2u);
  EXPECT_EQ((*kids)[0].other.given_name, "Amara");
  EXPECT_EQ((*kids)[1].other.given_name, "Chidi");

  EXPECT_EQ(link(teacher, pupil, "parent", true).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(link(mum, teacher, "parent", true).error().code, ErrorCode::kInvalid);
  auto cross = link(other_school_parent, pupil, "parent", true);
  ASSERT_FALSE(cross.ok());
  EXPECT_NE(cross.error().message.find("same school"), std::string::npos);
  EXPECT_EQ(link(mum, pupil, "mum; dad", true).error().code, ErrorCode::kInvalid);

  ASSERT_TRUE(
      write([&](Connection& c) { return unlink_guardian(c, clock_, actor_, step, pupil); }).ok());
  auto after = read([&](Connection& c) { return guardians_of(c, pupil); });
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->size(), 1u);
}

TEST_P(PeopleStoreTest, CompetenceToConsentIsForPupilsAndRecordsTheDecision) {
  int64_t pupil = add_ok(PersonKind::kPupil, "Amara", "Okafor");
  int64_t dsl = add_ok(PersonKind::kStaff, "Ruth", "Brown");
  Actor ruth{dsl, "Ruth Brown (rbrown)", "127.0.0.1"};
  clock_.advance(3600);
  auto s = write([&](Connection& c) {
    return set_competent_to_consent(SchoolScope{c, clock_, ruth, alpha_}, pupil, true);
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto p = read([&](Connection& c) { return get_person(c, alpha_, pupil); });
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->competent_to_consent);
  EXPECT_EQ(p->competence_decided_by, dsl);
  EXPECT_EQ(p->competence_decided_at, clock_.now());

  auto staff = write([&](Connection& c) {
    return set_competent_to_consent(SchoolScope{c, clock_, ruth, alpha_}, dsl, true);
  });
  ASSERT_FALSE(staff.ok());
  EXPECT_EQ(staff.error().code, ErrorCode::kInvalid);
  auto other = write([&](Connection& c) {
    return set_competent_to_consent(SchoolScope{c, clock_, ruth, beta_}, pupil, false);
  });
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(write([&](Connection& c) {
                return set_competent_to_consent(SchoolScope{c, clock_, ruth, alpha_}, pupil, false);
              }).ok());
  auto q = read([&](Connection& c) { return get_person(c, alpha_, pupil); });
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->competent_to_consent);
}

TEST_P(PeopleStoreTest, RolesAreHeldPerSchoolOrAcrossTheTrust) {
  int64_t head = add_ok(PersonKind::kStaff, "Ruth", "Brown");
  int64_t pupil = add_ok(PersonKind::kPupil, "Amara", "Okafor");
  int64_t parent = add_ok(PersonKind::kParent, "Ngozi", "Okafor");
  Person t;
  t.kind = PersonKind::kTrustee;
  t.trust_id = trust_;
  t.given_name = "Kwabena";
  t.family_name = "Mensah";
  auto trustee = add(t);
  ASSERT_TRUE(trustee.ok());

  auto assign = [&](int64_t who, Role role, std::optional<int64_t> school) {
    return write([&](Connection& c) { return assign_role(c, clock_, actor_, who, role, school); });
  };
  ASSERT_TRUE(assign(head, Role::kHeadteacher, alpha_).ok());
  ASSERT_TRUE(assign(head, Role::kDsl, alpha_).ok());
  int64_t before = audit_count();
  ASSERT_TRUE(assign(head, Role::kDsl, alpha_).ok());  // idempotent
  EXPECT_EQ(audit_count(), before);
  ASSERT_TRUE(assign(*trustee, Role::kTrustBoardMember, std::nullopt).ok());
  ASSERT_TRUE(assign(*trustee, Role::kTrustBoardMember, std::nullopt).ok());
  ASSERT_TRUE(assign(*trustee, Role::kGovernor, beta_).ok());
  ASSERT_TRUE(assign(parent, Role::kPtaChair, alpha_).ok());

  auto roles = read([&](Connection& c) { return roles_of(c, head); });
  ASSERT_TRUE(roles.ok());
  ASSERT_EQ(roles->size(), 2u);
  EXPECT_EQ((*roles)[0].role, Role::kHeadteacher);
  EXPECT_EQ((*roles)[0].school_id, alpha_);
  EXPECT_EQ((*roles)[0].school_name, "Alpha Primary");
  EXPECT_EQ((*roles)[1].role, Role::kDsl);

  auto ids = [&](int64_t school, Role role) {
    auto people = read([&](Connection& c) { return people_with_role(c, school, role); });
    EXPECT_TRUE(people.ok()) << people.error().message;
    std::vector<int64_t> out;
    if (people.ok())
      for (const Person& p : *people) out.push_back(p.id);
    return out;
  };
  int64_t deputy = add_ok(PersonKind::kStaff, "Ade", "Adeyemi");
  ASSERT_TRUE(assign(deputy, Role::kDsl, alpha_).ok());
  EXPECT_EQ(ids(alpha_, Role::kDsl), (std::vector<int64_t>{head, deputy}));  // by id
  EXPECT_EQ(ids(alpha_, Role::kHeadteacher), std::vector<int64_t>{head});
  EXPECT_TRUE(ids(beta_, Role::kDsl).empty());                // another school's
  EXPECT_TRUE(ids(alpha_, Role::kTrustBoardMember).empty());  // held across the trust only

  // Every holder at a school, trust-wide ones included and marked (concern routing).
  auto holders = read([&](Connection& c) { return role_holders_at(c, alpha_); });
  ASSERT_TRUE(holders.ok()) << holders.error().message;
  int trust_wide = 0, dsls = 0;
  for (const RoleHolder& h : *holders) {
    EXPECT_NE(h.role, Role::kGovernor) << "the trustee governs another school";
    if (h.role == Role::kTrustBoardMember) {
      ++trust_wide;
      EXPECT_TRUE(h.trust_wide);
      EXPECT_EQ(h.person.id, *trustee);
    }
    if (h.role == Role::kDsl) ++dsls;
  }
  EXPECT_EQ(trust_wide, 1);
  EXPECT_EQ(dsls, 2);
  auto beta_holders = read([&](Connection& c) { return role_holders_at(c, beta_); });
  ASSERT_TRUE(beta_holders.ok());
  for (const RoleHolder& h : *beta_holders)
    EXPECT_NE(h.role, Role::kDsl) << "alpha's DSLs are not beta's";

  auto tr = read([&](Connection& c) { return roles_of(c, *trustee); });
  ASSERT_TRUE(tr.ok());
  ASSERT_EQ(tr->size(), 2u);
  EXPECT_EQ((*tr)[0].role, Role::kTrustBoardMember);
  EXPECT_FALSE((*tr)[0].school_id);
  EXPECT_EQ((*tr)[1].role, Role::kGovernor);
  EXPECT_EQ((*tr)[1].school_name, "Beta Academy");

  EXPECT_EQ(assign(pupil, Role::kStaff, alpha_).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(assign(parent, Role::kDsl, alpha_).error().code, ErrorCode::kInvalid);
  // A member of staff of one school may serve another, or the whole trust.
  ASSERT_TRUE(assign(head, Role::kDpo, beta_).ok());
  ASSERT_TRUE(assign(head, Role::kHeadteacher, std::nullopt).ok());
  EXPECT_EQ(assign(*trustee, Role::kTrustBoardMember, alpha_).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(assign(head + 1000, Role::kDsl, alpha_).error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(write([&](Connection& c) {
                return remove_role(c, clock_, actor_, head, Role::kDsl, alpha_);
              }).ok());
  ASSERT_TRUE(write([&](Connection& c) {
                return remove_role(c, clock_, actor_, head, Role::kDsl, alpha_);
              }).ok());
  ASSERT_TRUE(write([&](Connection& c) {
                return remove_role(c, clock_, actor_, *trustee, Role::kTrustBoardMember,
                                   std::nullopt);
              }).ok());
  auto left = read([&](Connection& c) { return roles_of(c, head); });
  ASSERT_TRUE(left.ok());
  ASSERT_EQ(left->size(), 3u);
  EXPECT_FALSE((*left)[0].school_id);  // trust-wide first
  EXPECT_EQ((*left)[1].role, Role::kHeadteacher);
  EXPECT_EQ((*left)[1].school_name, "Alpha Primary");
  EXPECT_EQ((*left)[2].role, Role::kDpo);
  EXPECT_EQ((*left)[2].school_name, "Beta Academy");
  EXPECT_EQ(read([&](Connection& c) { return roles_of(c, *trustee); })->size(), 1u);
}

TEST_P(PeopleStoreTest, CountsPeopleOfEachKind) {
  add_ok(PersonKind::kPupil, "Amara", "Okafor");
  add_ok(PersonKind::kPupil, "Chidi", "Okafor");
  add_ok(PersonKind::kParent, "Ngozi", "Okafor");
  add_ok(PersonKind::kPupil, "Li", "Chen", beta_);
  auto counts = read([&](Connection& c) { return count_people(c, alpha_); });
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 7u);
  for (const KindCount& k : *counts) {
    int64_t want = k.kind == PersonKind::kPupil ? 2 : k.kind == PersonKind::kParent ? 1 : 0;
    EXPECT_EQ(k.count, want) << person_kind_key(k.kind);
  }
}

INLOCO_INSTANTIATE_BACKENDS(PeopleStoreTest);

}  // namespace
}  // namespace inloco
