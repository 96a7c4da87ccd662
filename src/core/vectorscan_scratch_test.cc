// No requirement ID: the Vectorscan scratch pool shared by the text checker (PST-2) and the web
// filter (NET-1), issue 12 §4.
#include "core/vectorscan_scratch.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <latch>
#include <string>
#include <string_view>
#include <thread>

namespace inloco {
namespace {

// A compiled block-mode database, freed when it goes.
class CompiledDatabase {
 public:
  CompiledDatabase(const char* pattern, unsigned flags) {
    hs_compile_error_t* err = nullptr;
    if (hs_compile(pattern, flags, HS_MODE_BLOCK, nullptr, &db_, &err) != HS_SUCCESS) {
      ADD_FAILURE() << (err && err->message ? err->message : "hs_compile failed");
      if (err) hs_free_compile_error(err);
    }
  }
  ~CompiledDatabase() {
    if (db_) hs_free_database(db_);
  }
  CompiledDatabase(const CompiledDatabase&) = delete;
  CompiledDatabase& operator=(const CompiledDatabase&) = delete;
  const hs_database_t* get() const { return db_; }

 private:
  hs_database_t* db_ = nullptr;
};

int count_match(unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
  ++*static_cast<int*>(ctx);
  return 0;
}

// Matches of `db` in `text` with `scratch`, or -1 when hs_scan refuses the scratch.
int matches(const CompiledDatabase& db, hs_scratch_t* scratch, std::string_view text) {
  int found = 0;
  hs_error_t r = hs_scan(db.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch,
                         count_match, &found);
  return r == HS_SUCCESS ? found : -1;
}

TEST(VectorscanScratchPoolTest, LendsNothingBeforeItServesADatabase) {
  VectorscanScratchPool pool;
  EXPECT_FALSE(pool.serves_any());
  auto none = pool.borrow();
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInternal);
}

TEST(VectorscanScratchPoolTest, TwoThreadsBorrowingAtOnceGetDifferentScratch) {
  CompiledDatabase db("needle", HS_FLAG_CASELESS);
  VectorscanScratchPool pool;
  ASSERT_TRUE(pool.serve(db.get()).ok());
  hs_scratch_t* held[2] = {nullptr, nullptr};
  int found[2] = {-1, -1};
  std::latch both_hold(2);
  auto borrower = [&](int i) {
    auto s = pool.borrow();
    if (s.ok()) held[i] = s->get();
    both_hold.arrive_and_wait();  // neither gives its scratch back before the other has one
    if (s.ok()) found[i] = matches(db, s->get(), "a Needle in a haystack, a needle");
  };
  std::thread a(borrower, 0), b(borrower, 1);
  a.join();
  b.join();
  ASSERT_NE(held[0], nullptr);
  ASSERT_NE(held[1], nullptr);
  EXPECT_NE(held[0], held[1]);
  EXPECT_EQ(found[0], 2);
  EXPECT_EQ(found[1], 2);
}

TEST(VectorscanScratchPoolTest, AScratchGivenBackIsLentAgain) {
  CompiledDatabase db("needle", 0);
  VectorscanScratchPool pool;
  ASSERT_TRUE(pool.serve(db.get()).ok());
  hs_scratch_t* first = nullptr;
  {
    auto s = pool.borrow();
    ASSERT_TRUE(s.ok());
    first = s->get();
  }
  auto again = pool.borrow();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->get(), first);
}

TEST(VectorscanScratchPoolTest, AScratchGrownForASecondDatabaseServesBoth) {
  // The second needs more scratch than the first: start of match and a regular expression.
  CompiledDatabase literal("cat", 0);
  CompiledDatabase pattern("d[o0]g\\d{2,}", HS_FLAG_SOM_LEFTMOST | HS_FLAG_CASELESS);
  VectorscanScratchPool pool;
  ASSERT_TRUE(pool.serve(literal.get()).ok());
  ASSERT_TRUE(pool.serve(pattern.get()).ok());
  EXPECT_TRUE(pool.serves_any());
  auto s = pool.borrow();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(matches(literal, s->get(), "a cat and a cat"), 2);
  // Vectorscan reports every end of a match: "D0G12" and "D0G123".
  EXPECT_EQ(matches(pattern, s->get(), "a D0G123 barks"), 2);
}

TEST(VectorscanScratchPoolTest, AScratchBorrowedBeforeALaterServeIsNotLentAgain) {
  CompiledDatabase literal("cat", 0);
  CompiledDatabase pattern("d[o0]g\\d{2,}", HS_FLAG_SOM_LEFTMOST);
  VectorscanScratchPool pool;
  ASSERT_TRUE(pool.serve(literal.get()).ok());
  {
    auto early = pool.borrow();
    ASSERT_TRUE(early.ok());
    ASSERT_TRUE(pool.serve(pattern.get()).ok());
  }  // given back after the second serve(): freed, since it may not serve `pattern`
  auto s = pool.borrow();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(matches(pattern, s->get(), "dog42"), 1);
  EXPECT_EQ(matches(literal, s->get(), "cat"), 1);
}

}  // namespace
}  // namespace inloco
