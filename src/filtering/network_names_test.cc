// REQ NET-5: a decision record is matched to a person by the name the
// network passes; each name belongs to one person of the school, staff who
// sign in to inloco with the same name need nothing set, and ICT or the DSL
// set the others, audited.
#include "filtering/network_names.h"

#include <gtest/gtest.h>

#include "filtering/monitoring_test_fixture.h"

namespace inloco::filter {
namespace {

TEST(FilterNetworkNameTest, NamesAreLowerCaseWithoutSpaces) {
  EXPECT_EQ(*normalise_network_username("  JSmith "), "jsmith");
  EXPECT_EQ(*normalise_network_username("SCHOOL\\JSmith"), "school\\jsmith");
  EXPECT_EQ(*normalise_network_username("j.smith@school.example"), "j.smith@school.example");
  EXPECT_EQ(normalise_network_username("").error().code, ErrorCode::kInvalid);
  EXPECT_NE(normalise_network_username("j smith").error().message.find("no spaces"),
            std::string::npos);
  EXPECT_EQ(normalise_network_username("j\tsmith").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(normalise_network_username(std::string(kMaxNetworkUsername + 1, 'a')).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(normalise_network_username("\xff").error().code, ErrorCode::kInvalid);
}

class NetworkNamesTest : public test::MonitoringFixture {
 protected:
  Status set(int64_t by, int64_t person, std::string name) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return set_network_username(SchoolScope{c, clock_, actor(by), alpha_}, g, profile_.filter,
                                  person, name);
    });
  }
  void sign_in_name(int64_t person, const std::string& username) {
    ASSERT_TRUE(write([&](Connection& c) -> Status {
                  TRY(c.execute(
                      "INSERT INTO user_accounts (person_id, username, password_hash, created_at, "
                      "password_changed_at) VALUES (?, ?, 'x', 0, 0)",
                      {person, username}));
                  return {};
                }).ok());
  }
  std::map<std::string, int64_t> names() {
    auto n = read([&](Connection& c) { return network_names(c, alpha_); });
    EXPECT_TRUE(n.ok());
    return n.ok() ? *n : std::map<std::string, int64_t>{};
  }
};

TEST_P(NetworkNamesTest, StaffSignInNamesStandUnlessANetworkNameIsSet) {
  sign_in_name(teacher_, "tteacher");
  auto n = names();
  EXPECT_EQ(n.at("tteacher"), teacher_);
  EXPECT_EQ(n.at("ppupil"), pupil_);
  EXPECT_FALSE(n.count("bbeta")) << "another school's pupil";
  ASSERT_TRUE(set(ict_, teacher_, "Staff\\TTeacher").ok());
  n = names();
  EXPECT_EQ(n.at("staff\\tteacher"), teacher_);
  EXPECT_FALSE(n.count("tteacher"));
  EXPECT_EQ(*read([&](Connection& c) { return network_name_of(c, teacher_); }), "staff\\tteacher");
  // Cleared: the sign-in name stands again.
  ASSERT_TRUE(set(dsl_, teacher_, "").ok());
  EXPECT_EQ(*read([&](Connection& c) { return network_name_of(c, teacher_); }), "tteacher");
  EXPECT_EQ(audits("filter.network_name"), 2);
}

TEST_P(NetworkNamesTest, ANameBelongsToOnePersonOfTheSchool) {
  sign_in_name(teacher_, "tteacher");
  auto taken = set(ict_, pupil2_, "PPUPIL");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  EXPECT_EQ(set(ict_, pupil2_, "tteacher").error().code, ErrorCode::kConflict)
      << "a sign-in name in use";
  EXPECT_TRUE(set(ict_, pupil2_, "bbeta").ok()) << "another school's name is no clash";
  EXPECT_TRUE(set(ict_, pupil_, "ppupil").ok()) << "one's own name again";
  EXPECT_EQ(set(head_, pupil2_, "qq").error().code, ErrorCode::kForbidden)
      << "monitoring_reports_to is ICT and the DSL";
  EXPECT_EQ(set(ict_, beta_pupil_, "qq").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(set(ict_, pupil2_, "two words").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people WHERE network_username = 'qq'"), 0);
}

INLOCO_INSTANTIATE_BACKENDS(NetworkNamesTest);

}  // namespace
}  // namespace inloco::filter
