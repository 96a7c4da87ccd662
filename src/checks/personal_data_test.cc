#include "checks/personal_data.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <random>
#include <string>
#include <vector>

namespace inloco::checks {
namespace {

// REQ PST-3: what a regular expression says badly is validated after it.
TEST(PersonalDataTest, PhoneNumbersNeedTheRightNumberOfDigits) {
  EXPECT_TRUE(validate_personal_data("uk_phone", "07700 900123", ' ', '.'));
  EXPECT_TRUE(validate_personal_data("uk_phone", "020 7946 0958", 0, 0));
  EXPECT_TRUE(validate_personal_data("uk_phone", "+44 (0)20 7946 0958", 0, 0));
  EXPECT_TRUE(validate_personal_data("uk_phone", "+447700900123", 0, 0));
  EXPECT_FALSE(validate_personal_data("uk_phone", "0770 090", 0, 0));
  EXPECT_FALSE(
      validate_personal_data("uk_phone", "07700 900123", '5', 0));  // part of a longer number
  EXPECT_FALSE(validate_personal_data("uk_phone", "07700 90012", 0, '3'));
}

TEST(PersonalDataTest, AddressesAreNotOrdinaryPhrases) {
  EXPECT_TRUE(validate_personal_data("home_address", "14 Acacia Avenue", ' ', 0));
  EXPECT_FALSE(validate_personal_data("home_address", "500 for the road", ' ', 0));
  EXPECT_FALSE(validate_personal_data("home_address", "2 children at St", ' ', 0));
}

TEST(PersonalDataTest, EveryRuleHasAPattern) {
  for (const PersonalDataRule& r : personal_data_rules()) {
    EXPECT_FALSE(r.rule.empty());
    EXPECT_FALSE(r.pattern.empty()) << r.rule;
  }
}

// What the checker would report: every candidate of every rule, validated.
class PersonalDataScan {
 public:
  PersonalDataScan() {
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (const PersonalDataRule& r : personal_data_rules()) {
      ids.push_back(static_cast<unsigned>(exprs.size()));
      exprs.push_back(r.pattern.data());
      flags.push_back(HS_FLAG_SOM_LEFTMOST | (r.caseless ? HS_FLAG_CASELESS : 0u));
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db_,
                         &err) != HS_SUCCESS) {
      hs_free_compile_error(err);
      db_ = nullptr;
    }
    if (db_) hs_alloc_scratch(db_, &scratch_);
  }
  ~PersonalDataScan() {
    if (scratch_) hs_free_scratch(scratch_);
    if (db_) hs_free_database(db_);
  }
  bool ready() const { return db_ && scratch_; }

  bool finds_any(std::string_view text) {
    found_ = false;
    text_ = text;
    hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch_, on_match, this);
    return found_;
  }

 private:
  static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned,
                      void* ctx) {
    auto* self = static_cast<PersonalDataScan*>(ctx);
    std::string_view t = self->text_;
    char before = from > 0 ? t[from - 1] : 0;
    char after = to < t.size() ? t[to] : 0;
    if (validate_personal_data(personal_data_rules()[id].rule, t.substr(from, to - from), before,
                               after))
      self->found_ = true;
    return self->found_ ? 1 : 0;
  }

  hs_database_t* db_ = nullptr;
  hs_scratch_t* scratch_ = nullptr;
  std::string_view text_;
  bool found_ = false;
};

// The cheap pre-check may let through texts without personal data, never
// stop one with it.
TEST(PersonalDataTest, PreCheckNeverMissesWhatThePatternsFind) {
  PersonalDataScan scan;
  ASSERT_TRUE(scan.ready());
  for (std::string_view s : {"Call me on 07700 900123",
                             "email jo.bloggs@example.co.uk",
                             "we live at 14 Acacia Avenue",
                             "S35 6GH",
                             "We live at SW1A 1AA",
                             "GIR 0AA",
                             "GIR0AA",
                             "DOB: 12/03/2015",
                             "d.o.b 12.03.2015",
                             "D.O.B. 1/2/2010",
                             "do.b: 1/2/2010",
                             "born on 3rd May 2016",
                             "BORN ON 3 may 2016",
                             "date of birth is 1/2/2010",
                             "Birthday is March 3rd",
                             "my birthday on 4th of July",
                             "7 station road",
                             "14a, Acacia Avenue",
                             "3 Old Mill Lane",
                             "12 long mill crescent",
                             "+44 (0)20 7946 0958",
                             "+447700900123",
                             "0114 496 0123",
                             "9 Rise Mews",
                             "221B Baker Street"}) {
    EXPECT_TRUE(scan.finds_any(s)) << s;  // the examples are personal data
    EXPECT_TRUE(may_hold_personal_data(s)) << s;
  }
  for (std::string_view s : {"Year 4 had a brilliant trip", "6pm in the hall", "100% attendance",
                             "raised \xC2\xA3"
                             "230",
                             "no numbers here"})
    EXPECT_FALSE(may_hold_personal_data(s)) << s;

  // Pieces of personal data and of ordinary school texts, run together and
  // mutated at random.
  static const std::vector<std::string> pieces = {"07700",
                                                  "900123",
                                                  "0114",
                                                  "496",
                                                  "0123",
                                                  "+44",
                                                  " (0)",
                                                  "20",
                                                  "7946",
                                                  "0958",
                                                  "@",
                                                  "jo.bloggs",
                                                  "example.co.uk",
                                                  "SW1A",
                                                  "1AA",
                                                  "S35",
                                                  "6GH",
                                                  "GIR",
                                                  "0AA",
                                                  "DOB",
                                                  "D.O.B",
                                                  "d.o.b.",
                                                  "date of birth",
                                                  "born on",
                                                  "birthday is",
                                                  "birthday on",
                                                  ": ",
                                                  "12/03/2015",
                                                  "3rd",
                                                  "May",
                                                  "2016",
                                                  "14",
                                                  "14a",
                                                  "7",
                                                  "221B",
                                                  "Acacia",
                                                  "Avenue",
                                                  "station",
                                                  "road",
                                                  "Old",
                                                  "Mill",
                                                  "Lane",
                                                  "St",
                                                  "Mary's",
                                                  "Rd",
                                                  "the",
                                                  "for",
                                                  "Year",
                                                  "4",
                                                  "6pm",
                                                  "100%",
                                                  "raised",
                                                  "\xC2\xA3",
                                                  "230",
                                                  "class",
                                                  "on",
                                                  "is",
                                                  " ",
                                                  " ",
                                                  " ",
                                                  ", ",
                                                  "-",
                                                  ".",
                                                  "\n",
                                                  "a",
                                                  "B",
                                                  "Dr",
                                                  "Way",
                                                  "1",
                                                  "0",
                                                  "9",
                                                  "Close"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(1, 12), coin(0, 9);
  std::uniform_int_distribution<int> byte(32, 126);
  int with_personal_data = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string s;
    for (int n = count(rng); n > 0; --n) {
      s += pieces[piece(rng)];
      if (coin(rng) < 6) s += ' ';
    }
    if (coin(rng) < 3 && !s.empty()) s[rng() % s.size()] = static_cast<char>(byte(rng));
    if (!scan.finds_any(s)) continue;
    ++with_personal_data;
    EXPECT_TRUE(may_hold_personal_data(s)) << s;
  }
  EXPECT_GT(with_personal_data, 500);  // the pieces do make personal data
}

}  // namespace
}  // namespace inloco::checks
