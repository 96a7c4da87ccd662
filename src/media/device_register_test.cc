// REQ PST-10: images are taken only on approved school devices; the register of
// approved devices, and matching an image's device against it, on both databases.
#include "media/device_register.h"

#include <gtest/gtest.h>

#include "people/school_store.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DeviceRegisterTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto ids = db().transaction([&](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
      int64_t trust = TRY(create_trust(c, clock_, Actor::system(), "Example Learning Trust"));
      School a{0, trust, "oakfield", "Oakfield Primary School", std::nullopt, "primary"};
      School b{0, trust, "riverside", "Riverside Academy", std::nullopt, "secondary"};
      int64_t first = TRY(create_school(c, clock_, Actor::system(), a));
      int64_t second = TRY(create_school(c, clock_, Actor::system(), b));
      return std::pair{first, second};
    });
    ASSERT_TRUE(ids.ok()) << ids.error().message;
    school_ = ids->first;
    other_school_ = ids->second;
  }

  Result<int64_t> add(int64_t school, DeviceDetails d) {
    return db().transaction([&](Connection& c) {
      return add_device(SchoolScope{c, clock_, Actor::command_line(), school}, d);
    });
  }
  Status retire(int64_t school, int64_t id) {
    return db().transaction([&](Connection& c) {
      return retire_device(SchoolScope{c, clock_, Actor::command_line(), school}, id);
    });
  }
  DeviceMatch match(std::string make, std::string model, std::vector<std::string> serials) {
    auto m =
        db().read([&](Connection& c) { return match_device(c, school_, make, model, serials); });
    EXPECT_TRUE(m.ok()) << m.error().message;
    return m.value_or(DeviceMatch{});
  }
  std::vector<ApprovedDevice> devices(bool retired = false) {
    auto r = db().read([&](Connection& c) { return list_devices(c, school_, retired); });
    EXPECT_TRUE(r.ok());
    return r.value_or(std::vector<ApprovedDevice>{});
  }

  FakeClock clock_;
  int64_t school_ = 0;
  int64_t other_school_ = 0;
};

TEST_P(DeviceRegisterTest, AddsListsAndRetiresDevicesAndAuditsThem) {
  auto ipad = add(school_, {" Office iPad ", "Apple", "iPad (9th generation)", std::nullopt});
  ASSERT_TRUE(ipad.ok()) << ipad.error().message;
  clock_.advance(60);
  auto camera = add(school_, {"School camera", "Canon", "Canon EOS 250D", "123052001234"});
  ASSERT_TRUE(camera.ok()) << camera.error().message;

  auto list = devices();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].details.label, "Office iPad");
  EXPECT_EQ(list[0].details.serial, std::nullopt);
  EXPECT_EQ(list[1].details.serial, "123052001234");
  EXPECT_EQ(list[1].approved_at, clock_.now());

  clock_.advance(60);
  ASSERT_TRUE(retire(school_, *ipad).ok());
  EXPECT_EQ(devices().size(), 1u);
  auto all = devices(true);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all[1].retired());
  EXPECT_EQ(all[1].retired_at, clock_.now());

  auto again = retire(school_, *ipad);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(retire(other_school_, *camera).error().code, ErrorCode::kNotFound);

  auto audit = db().read([&](Connection& c) {
    return list_audit(c, AuditQuery{"approved_device", std::nullopt, school_, 10});
  });
  ASSERT_TRUE(audit.ok());
  std::vector<std::string> actions;
  for (const AuditEntry& e : *audit) actions.push_back(e.action);
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"device.add", "device.add", "device.retire"}));
}

TEST_P(DeviceRegisterTest, RefusesIncompleteAndDuplicateDevices) {
  auto no_model = add(school_, {"Camera", "Canon", "  ", std::nullopt});
  ASSERT_FALSE(no_model.ok());
  EXPECT_EQ(no_model.error().code, ErrorCode::kInvalid);
  EXPECT_NE(no_model.error().message.find("model"), std::string::npos);
  EXPECT_FALSE(add(school_, {"", "Canon", "EOS", std::nullopt}).ok());
  EXPECT_FALSE(add(school_, {"Camera", "Canon", "EOS", std::string(65, '1')}).ok());
  EXPECT_EQ(add(99999, {"Camera", "Canon", "EOS", std::nullopt}).error().code,
            ErrorCode::kNotFound);

  ASSERT_TRUE(add(school_, {"Office iPad", "Apple", "iPad (9th generation)", std::nullopt}).ok());
  auto same_label = add(school_, {"office ipad", "Apple", "iPad Air", std::nullopt});
  ASSERT_FALSE(same_label.ok());
  EXPECT_EQ(same_label.error().code, ErrorCode::kConflict);
  EXPECT_NE(same_label.error().message.find("different name"), std::string::npos);
  auto same_device = add(school_, {"Hall iPad", "APPLE", "iPad  (9th generation)", std::nullopt});
  ASSERT_FALSE(same_device.ok());
  EXPECT_EQ(same_device.error().code, ErrorCode::kConflict);
  // Another school may approve the same kind of device under the same name.
  EXPECT_TRUE(
      add(other_school_, {"Office iPad", "Apple", "iPad (9th generation)", std::nullopt}).ok());
}

TEST_P(DeviceRegisterTest, MatchesApprovedDevicesByMakeModelAndSerial) {
  auto camera = add(school_, {"School camera", "Canon", "Canon EOS 250D", "0123052001234"});
  ASSERT_TRUE(camera.ok());
  ASSERT_TRUE(add(school_, {"Office iPad", "Apple", "iPad (9th generation)", std::nullopt}).ok());

  DeviceMatch m = match("CANON", " Canon EOS  250D", {"123052001234"});
  EXPECT_EQ(m.kind, DeviceMatchKind::kApproved);
  EXPECT_EQ(m.device_id, *camera);
  EXPECT_EQ(m.device_label, "School camera");
  EXPECT_EQ(match("Canon", "Canon EOS 250D", {"XYZ", "123-052-001-234"}).kind,
            DeviceMatchKind::kApproved);

  // The same model with another serial, or none, is someone else's camera.
  DeviceMatch other = match("Canon", "Canon EOS 250D", {"999999"});
  EXPECT_EQ(other.kind, DeviceMatchKind::kUnknown);
  EXPECT_NE(other.explanation.find("not one of the school's approved devices"), std::string::npos);
  EXPECT_EQ(match("Canon", "Canon EOS 250D", {}).kind, DeviceMatchKind::kUnknown);

  // A device registered without a serial matches on make and model.
  EXPECT_EQ(match("Apple", "iPad (9th generation)", {}).kind, DeviceMatchKind::kApproved);
  EXPECT_EQ(match("Apple", "iPhone 15", {}).kind, DeviceMatchKind::kUnknown);
  EXPECT_EQ(match("", "", {}).kind, DeviceMatchKind::kNoMetadata);
  EXPECT_EQ(match("", "", {"123052001234"}).kind, DeviceMatchKind::kUnknown);
}

TEST_P(DeviceRegisterTest, RetiredAndOtherSchoolsDevicesAreUnknown) {
  auto theirs = add(other_school_, {"Media camera", "NIKON CORPORATION", "NIKON D7500", "6034519"});
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(match("NIKON CORPORATION", "NIKON D7500", {"6034519"}).kind, DeviceMatchKind::kUnknown);

  auto ours = add(school_, {"Old camera", "Canon", "Canon PowerShot SX620 HS", std::nullopt});
  ASSERT_TRUE(ours.ok());
  EXPECT_EQ(match("Canon", "Canon PowerShot SX620 HS", {}).kind, DeviceMatchKind::kApproved);
  ASSERT_TRUE(retire(school_, *ours).ok());
  EXPECT_EQ(match("Canon", "Canon PowerShot SX620 HS", {}).kind, DeviceMatchKind::kUnknown);
}

TEST(DeviceMatchKeyTest, RoundTrips) {
  for (DeviceMatchKind k :
       {DeviceMatchKind::kApproved, DeviceMatchKind::kUnknown, DeviceMatchKind::kNoMetadata})
    EXPECT_EQ(parse_device_match(device_match_key(k)), k);
  EXPECT_EQ(parse_device_match("maybe"), std::nullopt);
}

INLOCO_INSTANTIATE_BACKENDS(DeviceRegisterTest);

}  // namespace
}  // namespace inloco
