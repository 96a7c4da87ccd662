#include "demo/demo_devices.h"

#include <optional>
#include <string>
#include <vector>

#include "demo/demo_acting.h"
#include "media/device_register.h"
#include "people/people_store.h"

namespace inloco {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

struct DemoDevice {
  const char* school;
  const char* approver;  // a demo sign-in
  int approved_days_ago;
  int retired_days_ago;  // 0: still approved
  DeviceDetails details;
};

std::vector<DemoDevice> demo_devices() {
  return {
      {"oakfield",
       "head.oakfield",
       400,
       0,
       {"Office iPad", "Apple", "iPad (9th generation)", std::nullopt}},
      {"oakfield",
       "head.oakfield",
       200,
       0,
       {"Year 2 class iPad", "Apple", "iPad (10th generation)", std::nullopt}},
      {"oakfield",
       "head.oakfield",
       380,
       0,
       {"School camera", "Canon", "Canon EOS 250D", std::string("123052001234")}},
      {"oakfield",
       "head.oakfield",
       1500,
       300,
       {"Old staff room camera", "Canon", "Canon PowerShot SX620 HS", std::string("412051003378")}},
      {"riverside",
       "head.riverside",
       500,
       0,
       {"Media department camera", "NIKON CORPORATION", "NIKON D7500", std::string("6034519")}},
      {"riverside",
       "head.riverside",
       150,
       0,
       {"PE department iPad", "Apple", "iPad Air (5th generation)", std::nullopt}},
  };
}

}  // namespace

Status create_demo_devices(Database& db, const Clock& clock, const DemoTrust& demo) {
  return db.transaction([&](Connection& conn) -> Status {
    const int64_t now = clock.now();
    for (const DemoDevice& d : demo_devices()) {
      const School school = TRY(demo_school(demo, d.school));
      const Actor actor = TRY(demo_actor(conn, demo, d.approver)).actor;
      FakeClock approved(now - d.approved_days_ago * kDay);
      int64_t id = TRY(add_device(SchoolScope{conn, approved, actor, school.id}, d.details));
      if (d.retired_days_ago > 0) {
        FakeClock retired(now - d.retired_days_ago * kDay);
        TRY(retire_device(SchoolScope{conn, retired, actor, school.id}, id));
      }
    }
    return {};
  });
}

}  // namespace inloco
