// REQ NET-6: `inloco filter lists` writes the bans in force for the Squid
// helper beside the school's other lists, and the people file and the bans
// name people as the network knows them.
#include "filtering/ban_list.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "filtering/filter_bans.h"
#include "filtering/monitoring_test_fixture.h"
#include "filtering/school_lists.h"
#include "profile/profile_store.h"

namespace inloco::filter {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

class BanListTest : public test::MonitoringFixture {
 protected:
  // The lists with the school's current profile, as `inloco filter lists` hands it in.
  Result<SchoolListsWritten> write_lists(Connection& c, const std::string& dir) {
    PolicyProfile profile = TRY(profile_for_school(c, alpha_));
    std::string text = TRY(profile_text_for_school(c, alpha_));
    return write_school_lists(c, alpha_, clock_.now(), profile.filter, text, dir);
  }
};

TEST_P(BanListTest, SchoolListsHoldTheBansByNetworkName) {
  const auto lists = dir_ / "lists";
  ASSERT_TRUE(
      write([&](Connection& c) -> Status {
        for (int i = 0; i < 3; ++i)
          TRY(c.execute(
              "INSERT INTO filter_circumvention_events (school_id, at, username, person_id, "
              "source_address, url, host, kind, category, blocked) VALUES (?, ?, 'ppupil', ?, "
              "'10.0.0.1', '203.0.113.9:443', '203.0.113.9', 'ip_address', '', 0)",
              {alpha_, clock_.now() - 60 * (i + 1), pupil_}));
        TRY(ban_if_due(SchoolScope{c, clock_, Actor::command_line(), alpha_}, profile_.filter,
                       pupil_));
        return {};
      }).ok());
  auto written = read([&](Connection& c) { return write_lists(c, lists.string()); });
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(slurp(lists / "bans"), "ppupil\t" + std::to_string(clock_.now()) + "\t0\n");
  // Pupils with a network name are in the people file under it.
  const std::string people = slurp(lists / "people");
  EXPECT_NE(people.find("ppupil\tpupils\n"), std::string::npos) << people;
  EXPECT_NE(people.find("qsecond\tpupils\n"), std::string::npos) << people;
  EXPECT_EQ(people.find("bbeta"), std::string::npos) << "another school's pupil";

  // Lifted: the file is written empty, not left behind.
  Grants dsl = grants(dsl_);
  ASSERT_TRUE(write([&](Connection& c) -> Status {
                auto bans = TRY(bans_in_force(c, alpha_, clock_.now()));
                return lift_ban(SchoolScope{c, clock_, actor(dsl_), alpha_}, dsl, profile_.filter,
                                bans.at(0).id, "Agreed");
              }).ok());
  ASSERT_TRUE(read([&](Connection& c) { return write_lists(c, lists.string()); }).ok());
  EXPECT_TRUE(std::filesystem::exists(lists / "bans"));
  EXPECT_EQ(slurp(lists / "bans"), "");
}

INLOCO_INSTANTIATE_BACKENDS(BanListTest);

}  // namespace
}  // namespace inloco::filter
