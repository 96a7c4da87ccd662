// REQ INC-3: a person's notices list theirs only, unread first, with the
// number unread.
#include "notices/notice_list.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "notices/notice_store.h"

namespace inloco {
namespace {

class NoticeListTest : public test::AccountFixture {
 protected:
  // A notice pointing at nothing: the list does not follow what it points to.
  int64_t tell(int64_t person) {
    auto id = write([&](Connection& c) {
      return notify(c, clock_, alpha_, person, NoticeKind::kConcernRouted, NoticeAbout{});
    });
    EXPECT_TRUE(id.ok()) << id.error().message;
    clock_.advance(60);
    return id.ok() ? *id : 0;
  }
};

TEST_P(NoticeListTest, OnesOwnNoticesUnreadFirstWithTheUnreadCount) {
  int64_t first = tell(head_);
  int64_t second = tell(head_);
  tell(teacher_);  // someone else's
  ASSERT_TRUE(
      write([&](Connection& c) { return mark_notice_read(c, clock_, head_, second); }).ok());

  auto list = list_own_notices(db(), head_);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->notices.size(), 2u);
  EXPECT_EQ(list->notices[0].id, first);  // unread, though older
  EXPECT_EQ(list->notices[1].id, second);
  EXPECT_EQ(list->unread, 1);
}

TEST_P(NoticeListTest, NoneIsAnEmptyList) {
  auto list = list_own_notices(db(), governor_);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_TRUE(list->notices.empty());
  EXPECT_EQ(list->unread, 0);
}

INLOCO_INSTANTIATE_BACKENDS(NoticeListTest);

}  // namespace
}  // namespace inloco
