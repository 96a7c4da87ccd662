#include "demo/demo_media.h"

#include "demo/demo_pictures.h"
#include "media/media_store.h"
#include "people/people_store.h"

namespace inloco {

namespace {

constexpr int64_t kDay = 24 * 60 * 60;

}  // namespace

Result<DemoMedia> create_demo_media(Database& db, const Clock& clock, const DemoTrust& demo,
                                    const std::string& media_dir) {
  const School* oakfield = nullptr;
  for (const School& s : demo.schools)
    if (s.code == "oakfield") oakfield = &s;
  const DemoSignIn* uploader = nullptr;
  for (const DemoSignIn& s : demo.sign_ins)
    if (s.username == "socialmedia.oakfield") uploader = &s;
  if (!oakfield || !uploader)
    return Error::not_found("The demo's Oakfield school and its social media lead come first.");
  Person person =
      TRY(db.read([&](Connection& c) { return get_person_by_id(c, uploader->person_id); }));
  Actor actor{uploader->person_id, person.display_name() + " (" + uploader->username + ")", "demo"};

  // The office iPad is an approved device of the demo (demo_devices.cc); the
  // phone is not.
  DemoCamera ipad{"Apple", "iPad (9th generation)", std::nullopt, "", true};
  DemoCamera phone{"samsung", "SM-A546B", std::nullopt, "", false};
  struct Upload {
    DemoScene scene;
    const char* name;
    DemoCamera camera;
    const char* taken;
    int days_ago;
    MediaRights rights;
  };
  const std::string school = oakfield->name;
  const Upload uploads[] = {
      {DemoScene::kChoir,
       "winter-concert-choir.png",
       ipad,
       "2026:11:12 18:40:00",
       8,
       {"Taken by the Year 4 teacher on the office iPad at the winter concert", school,
        RightsBasis::kOwn, ""}},
      {DemoScene::kFair,
       "christmas-fair-stalls.png",
       ipad,
       "2026:11:18 15:10:00",
       3,
       {"Taken by the office on the office iPad while the PTA set up", school, RightsBasis::kOwn,
        ""}},
      {DemoScene::kSportsDay,
       "sports-day-race.png",
       phone,
       "2026:07:08 11:25:00",
       1,
       {"Sent in by a teaching assistant from her own phone", school, RightsBasis::kOwn, ""}},
  };
  DemoMedia out;
  int64_t* ids[] = {&out.choir, &out.fair, &out.sports_day};
  for (size_t i = 0; i < std::size(uploads); ++i) {
    const Upload& u = uploads[i];
    DemoCamera camera = u.camera;
    camera.taken = u.taken;
    std::string bytes = with_camera_details(demo_picture(u.scene), camera);
    FakeClock when(clock.now() - u.days_ago * kDay);
    MediaItem item = TRY(store_media(db, when, actor, oakfield->id, media_dir,
                                     MediaUpload{u.name, "image/png", bytes, u.rights}));
    *ids[i] = item.id;
  }
  return out;
}

}  // namespace inloco
