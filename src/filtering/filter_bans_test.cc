// REQ NET-6: past the profile's threshold within its window a person is
// banned from the network unless the policy only records attempts; the
// profile's monitoring_reports_to lift a ban with the reason, and under
// supervised_use_only record a member of staff supervising until a time.
#include "filtering/filter_bans.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "filtering/ban_list.h"
#include "filtering/monitoring_test_fixture.h"

namespace inloco::filter {
namespace {

constexpr int64_t kDay = 86400;

class FilterBanTest : public test::MonitoringFixture {
 protected:
  void attempt(int64_t person, int64_t ago) {
    auto s = write([&](Connection& c) -> Status {
      TRY(
          c.execute("INSERT INTO filter_circumvention_events (school_id, at, username, person_id, "
                    "source_address, url, host, "
                    "kind, category, blocked) VALUES (?, ?, 'x', ?, '10.0.0.1', "
                    "'https://nordvpn.com/', 'nordvpn.com', "
                    "'category', 'vpn', 1)",
                    {alpha_, clock_.now() - ago, person}));
      return {};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  Result<std::optional<int64_t>> due(int64_t person) {
    return write([&](Connection& c) {
      return ban_if_due(SchoolScope{c, clock_, Actor::command_line(), alpha_}, profile_.filter,
                        person);
    });
  }
  int64_t ban(int64_t person) {
    for (int i = 0; i < profile_.filter.circumvention_threshold; ++i) attempt(person, 100 + i);
    auto b = due(person);
    EXPECT_TRUE(b.ok() && b->has_value());
    return b.ok() && *b ? **b : 0;
  }
  Status lift(int64_t by, int64_t ban_id, std::string reason) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return lift_ban(SchoolScope{c, clock_, actor(by), alpha_}, g, profile_.filter, ban_id,
                      reason);
    });
  }
  Result<int64_t> supervise(int64_t by, int64_t ban_id, int64_t supervisor, int minutes) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return record_supervision(SchoolScope{c, clock_, actor(by), alpha_}, g, profile_.filter,
                                ban_id, supervisor, minutes);
    });
  }
  std::string ban_file() {
    auto t = read([&](Connection& c) { return ban_list_text(c, alpha_, clock_.now()); });
    EXPECT_TRUE(t.ok());
    return t.ok() ? *t : "";
  }
};

TEST_P(FilterBanTest, AttemptsWithinTheWindowReachTheThreshold) {
  attempt(pupil_, 8 * kDay);  // outside the seven days
  attempt(pupil_, 2 * kDay);
  attempt(pupil_, kDay);
  auto none = due(pupil_);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  attempt(pupil_, 60);
  auto banned = due(pupil_);
  ASSERT_TRUE(banned.ok()) << banned.error().message;
  ASSERT_TRUE(banned->has_value());
  auto b = read([&](Connection& c) { return get_ban(c, alpha_, **banned, clock_.now()); });
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->person_id, pupil_);
  EXPECT_EQ(b->events_count, 3);
  EXPECT_EQ(b->sanction, CircumventionSanction::kSupervisedUseOnly);
  EXPECT_NE(b->why.find("3 attempts to get round the web filter within 7 days"), std::string::npos)
      << b->why;
  EXPECT_EQ(b->network_name, "ppupil");
  EXPECT_TRUE(b->in_force());
  // A school's ban is not another school's.
  EXPECT_EQ(
      read([&](Connection& c) { return get_ban(c, beta_, **banned, clock_.now()); }).error().code,
      ErrorCode::kNotFound);
}

TEST_P(FilterBanTest, TheThresholdAndWindowAreTheProfiles) {
  profile_.filter.circumvention_threshold = 1;
  profile_.filter.circumvention_window_days = 1;
  attempt(pupil_, 2 * kDay);
  EXPECT_FALSE(due(pupil_)->has_value());
  attempt(pupil_, 3600);
  EXPECT_TRUE(due(pupil_)->has_value());
  profile_.filter.circumvention = CircumventionSanction::kRecordOnly;
  for (int i = 0; i < 5; ++i) attempt(pupil2_, 10 + i);
  EXPECT_FALSE(due(pupil2_)->has_value()) << "record_only bans no one";
}

TEST_P(FilterBanTest, LiftingNeedsTheReasonAndTheProfilesRoles) {
  int64_t id = ban(pupil_);
  ASSERT_NE(id, 0);
  EXPECT_EQ(lift(dsl_, id, "  ").error().code, ErrorCode::kInvalid);
  auto head = lift(head_, id, "I say so");
  EXPECT_EQ(head.error().code, ErrorCode::kForbidden) << "monitoring_reports_to is ICT and the DSL";
  EXPECT_NE(head.error().message.find("Only"), std::string::npos);
  EXPECT_EQ(ban_file(), "ppupil\t" + std::to_string(clock_.now()) + "\t0\n");
  clock_.advance(3600);
  ASSERT_TRUE(lift(dsl_, id, "Talked it through with the pupil and their parents.").ok());
  EXPECT_EQ(lift(ict_, id, "Again").error().code, ErrorCode::kConflict);
  auto b = read([&](Connection& c) { return get_ban(c, alpha_, id, clock_.now()); });
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b->in_force());
  EXPECT_EQ(b->lift_reason, "Talked it through with the pupil and their parents.");
  EXPECT_EQ(ban_file(), "");
  EXPECT_EQ(audits("filter.ban_lift"), 1);
  // Attempts before the lift never count again; new ones do.
  EXPECT_FALSE(due(pupil_)->has_value());
  clock_.advance(600);
  for (int i = 0; i < 3; ++i) attempt(pupil_, 10 + i);
  EXPECT_TRUE(due(pupil_)->has_value());
}

TEST_P(FilterBanTest, SupervisedUseLetsThePersonThroughUntilATime) {
  int64_t id = ban(pupil_);
  ASSERT_NE(id, 0);
  EXPECT_EQ(supervise(ict_, id, pupil2_, 60).error().code, ErrorCode::kInvalid)
      << "a pupil cannot supervise";
  EXPECT_EQ(supervise(ict_, id, beta_teacher_, 60).error().code, ErrorCode::kInvalid)
      << "nor another school's staff";
  EXPECT_EQ(supervise(ict_, id, teacher_, 0).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(supervise(ict_, id, teacher_, kMaxSupervisedMinutes + 1).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(supervise(head_, id, teacher_, 60).error().code, ErrorCode::kForbidden);
  auto s = supervise(ict_, id, teacher_, 50);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const int64_t until = clock_.now() + 50 * 60;
  EXPECT_EQ(ban_file(),
            "ppupil\t" + std::to_string(clock_.now()) + "\t" + std::to_string(until) + "\n");
  auto b = read([&](Connection& c) { return get_ban(c, alpha_, id, clock_.now()); });
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->sessions.size(), 1u);
  EXPECT_EQ(b->sessions[0].supervisor_id, teacher_);
  EXPECT_EQ(b->supervised_until, until);
  clock_.advance(51 * 60);
  EXPECT_NE(ban_file().find("\t0\n"), std::string::npos) << "the session has ended";
  EXPECT_EQ(audits("filter.supervision"), 1);

  // Under remove_internet_access there is no supervised use.
  profile_.filter.circumvention = CircumventionSanction::kRemoveInternetAccess;
  int64_t other = ban(pupil2_);
  ASSERT_NE(other, 0);
  EXPECT_EQ(supervise(ict_, other, teacher_, 30).error().code, ErrorCode::kConflict);
}

TEST_P(FilterBanTest, ABanWhosePersonHasNoNetworkNameIsLeftOutOfTheFile) {
  ASSERT_TRUE(write([&](Connection& c) -> Status {
                TRY(c.execute("UPDATE people SET network_username = NULL WHERE id = ?", {pupil2_}));
                return {};
              }).ok());
  ASSERT_NE(ban(pupil2_), 0);
  ASSERT_NE(ban(pupil_), 0);
  EXPECT_EQ(ban_file(), "ppupil\t" + std::to_string(clock_.now()) + "\t0\n");
  auto in_force = read([&](Connection& c) { return bans_in_force(c, alpha_, clock_.now()); });
  ASSERT_TRUE(in_force.ok());
  EXPECT_EQ(in_force->size(), 2u);
}

// The form offers exactly whom record_supervision accepts.
TEST_P(FilterBanTest, TheSupervisorsOfferedAreTheSchoolsCurrentStaff) {
  auto offered = read([&](Connection& c) { return possible_supervisors(c, alpha_); });
  ASSERT_TRUE(offered.ok()) << offered.error().message;
  std::vector<int64_t> ids;
  for (const Person& p : *offered) {
    EXPECT_EQ(p.kind, PersonKind::kStaff) << p.display_name();
    EXPECT_TRUE(p.active) << p.display_name();
    ids.push_back(p.id);
  }
  auto has = [&](int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  EXPECT_TRUE(has(teacher_));
  EXPECT_TRUE(has(dsl_));
  EXPECT_FALSE(has(left_)) << "no longer at the school";
  EXPECT_FALSE(has(pupil_));
  EXPECT_FALSE(has(governor_));
  EXPECT_FALSE(has(beta_teacher_)) << "another school's";
  int64_t id = ban(pupil_);
  ASSERT_NE(id, 0);
  for (int64_t supervisor : ids) EXPECT_TRUE(supervise(ict_, id, supervisor, 10).ok());
}

INLOCO_INSTANTIATE_BACKENDS(FilterBanTest);

}  // namespace
}  // namespace inloco::filter
