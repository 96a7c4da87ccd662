// REQ PST-10: the demo trust's schools have registers of approved devices.
#include "demo/demo_devices.h"

#include <gtest/gtest.h>

#include "media/device_register.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoDevicesTest : public test::BackendTest {
 protected:
  FakeClock clock_{1788220800};  // 2026-09-01
};

TEST_P(DemoDevicesTest, FillsBothSchoolsRegisters) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  auto s = create_demo_devices(db(), clock_, *demo);
  ASSERT_TRUE(s.ok()) << s.error().message;
  int64_t oakfield = demo->schools[0].id, riverside = demo->schools[1].id;
  ASSERT_EQ(demo->schools[0].code, "oakfield");

  auto text = [&](int64_t school) {
    auto list = db().read([&](Connection& c) { return list_devices(c, school, true); });
    EXPECT_TRUE(list.ok());
    std::string out;
    for (const ApprovedDevice& d : list.value_or(std::vector<ApprovedDevice>{}))
      out += d.details.label + "|" + d.details.make + "|" + d.details.model + "|" +
             d.details.serial.value_or("") + "|" + (d.retired() ? "retired" : "approved") + "\n";
    return out;
  };
  EXPECT_EQ(text(oakfield),
            "Office iPad|Apple|iPad (9th generation)||approved\n"
            "School camera|Canon|Canon EOS 250D|123052001234|approved\n"
            "Year 2 class iPad|Apple|iPad (10th generation)||approved\n"
            "Old staff room camera|Canon|Canon PowerShot SX620 HS|412051003378|retired\n");
  EXPECT_EQ(text(riverside),
            "Media department camera|NIKON CORPORATION|NIKON D7500|6034519|approved\n"
            "PE department iPad|Apple|iPad Air (5th generation)||approved\n");

  auto m = db().read([&](Connection& c) {
    return match_device(c, oakfield, "Canon", "Canon EOS 250D", {"123052001234"});
  });
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->kind, DeviceMatchKind::kApproved);
  EXPECT_EQ(m->device_label, "School camera");
}

INLOCO_INSTANTIATE_BACKENDS(DemoDevicesTest);

}  // namespace
}  // namespace inloco
