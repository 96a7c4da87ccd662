#include "checks/text_checker.h"

#include <gtest/gtest.h>

#include <thread>

namespace inloco::checks {
namespace {

class TextCheckerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    CheckerConfig c;
    c.terms = builtin_lexicon();
    c.terms.push_back({"mr grumble", "derogatory", Severity::kHigh, MatchMode::kWord, "school"});
    c.roster = {{"Mia", "O'Brien"}, {"Oliver", "Smith"}, {"Zo\xC3\xAB", "Kowalska"}};
    c.max_text_bytes = 4096;
    auto made = TextChecker::compile(c);
    ASSERT_TRUE(made.ok()) << made.error().message;
    checker_ = std::move(made).value().release();
  }
  static void TearDownTestSuite() { delete checker_; }

  std::vector<Finding> find(std::string_view text, CheckOptions o = {}) {
    auto f = checker_->find(text, o);
    EXPECT_TRUE(f.ok()) << f.error().message;
    return f.ok() ? *f : std::vector<Finding>{};
  }
  std::vector<std::string> categories(std::string_view text) {
    std::vector<std::string> out;
    for (const Finding& f : find(text)) out.push_back(f.category);
    return out;
  }
  static TextChecker* checker_;
};
TextChecker* TextCheckerTest::checker_ = nullptr;

// REQ PST-2: each finding names its rule, category, severity and exact span.
TEST_F(TextCheckerTest, FindingNamesRuleCategorySeverityAndExactSpan) {
  std::string text = "Well done everyone, what a f.u.c.k.i.n.g great day";
  auto f = find(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "offensive");
  EXPECT_EQ(f[0].check, "offensive");
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].match, "f.u.c.k.i.n.g");
  EXPECT_EQ(text.substr(f[0].start, f[0].end - f[0].start), f[0].match);
  EXPECT_EQ(f[0].rule.substr(0, 10), "offensive:");
}

// REQ PST-2: evasions are found.
TEST_F(TextCheckerTest, CatchesEvasions) {
  for (std::string_view t : {"fuck",
                             "FUCK",
                             "fuuuuuck off",
                             "f u c k",
                             "f.u.c.k",
                             "f*ck",
                             "f**k",
                             "b1tch",
                             "$h!t",
                             "c u n t",
                             "sh1tty",
                             "b\xD0\xB0st\xD0\xB0rd",
                             "fu\xE2\x80\x8B"
                             "ck",
                             "\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B",
                             "a$$hole",
                             "you're a b!tch",
                             "w@nker",
                             "motherfucker",
                             "fucking",
                             "bitches"}) {
    auto f = find(t);
    ASSERT_FALSE(f.empty()) << t;
    EXPECT_EQ(f[0].category, "offensive") << t;
  }
}

// REQ PST-2: no false alarms on innocent words containing offensive strings.
TEST_F(TextCheckerTest, NoFalseAlarmsOnInnocentWords) {
  for (std::string_view t : {"Our trip to Scunthorpe",
                             "Penistone Grammar School",
                             "Mrs Cockburn's class",
                             "Assessment week starts Monday",
                             "A classic performance",
                             "Our school therapist visits",
                             "Sex and relationships education evening for parents",
                             "A cocktail of colours",
                             "Class pass and assembly",
                             "Middlesex and Essex",
                             "Hello from Shitterton?",
                             "the Dickens novel",
                             "Spotted a blue tit in the garden",
                             "Hancock Road car park",
                             "Passport photos",
                             "Grapes and assorted fruit",
                             "We woke early for the trip",
                             "Pupils learnt to shoot hoops",
                             "Offa's Dyke walk",
                             "cock-a-doodle-doo",
                             "The trumpet group",
                             "magna cum laude",
                             "Method and methodical",
                             "Analysis of the results",
                             "Wanted: cockpit volunteers",
                             "Thanks so much xxx",
                             "3 pupils won",
                             "Sussex",
                             "Butterfly wings"}) {
    EXPECT_TRUE(find(t).empty()) << t << ": " << (find(t).empty() ? "" : find(t)[0].rule);
  }
}

TEST_F(TextCheckerTest, CoversTheCategories) {
  EXPECT_EQ(categories("you are so retarded"), std::vector<std::string>{"discriminatory"});
  EXPECT_EQ(categories("nobody likes you, kys"),
            (std::vector<std::string>{"bullying", "bullying"}));
  EXPECT_EQ(categories("send nudes"), std::vector<std::string>{"sexual"});
  EXPECT_EQ(categories("I'll stab you tomorrow"), std::vector<std::string>{"violent"});
  EXPECT_EQ(categories("Remember to vote Labour on Thursday"),
            std::vector<std::string>{"political"});
  EXPECT_EQ(categories("In my opinion the new car park is awful"),
            std::vector<std::string>{"personal_opinion"});
  EXPECT_EQ(categories("Mr Jones is useless"), std::vector<std::string>{"derogatory"});
  EXPECT_EQ(categories("he is a mr grumble"),
            std::vector<std::string>{"derogatory"});  // school term
}

// REQ PST-3: personal data is found.
TEST_F(TextCheckerTest, FindsPersonalData) {
  auto rules = [&](std::string_view t) {
    std::vector<std::string> out;
    for (const Finding& f : find(t)) out.push_back(f.rule + "=" + f.match);
    return out;
  };
  EXPECT_EQ(rules("email jo.bloggs@example.co.uk today"),
            std::vector<std::string>{"personal_data:email=jo.bloggs@example.co.uk"});
  EXPECT_EQ(rules("ring 07700 900123"),
            std::vector<std::string>{"personal_data:uk_phone=07700 900123"});
  EXPECT_EQ(rules("ring +44 (0)20 7946 0958."),
            std::vector<std::string>{"personal_data:uk_phone=+44 (0)20 7946 0958"});
  EXPECT_EQ(rules("ring 0114 496 0123 now"),
            std::vector<std::string>{"personal_data:uk_phone=0114 496 0123"});
  EXPECT_EQ(rules("We live at SW1A 1AA"),
            std::vector<std::string>{"personal_data:postcode=SW1A 1AA"});
  EXPECT_EQ(rules("DOB: 12/03/2015"),
            std::vector<std::string>{"personal_data:date_of_birth=DOB: 12/03/2015"});
  EXPECT_EQ(rules("she was born on 3rd May 2016"),
            std::vector<std::string>{"personal_data:date_of_birth=born on 3rd May 2016"});
  EXPECT_EQ(rules("lives at 14 Acacia Avenue"),
            std::vector<std::string>{"personal_data:home_address=14 Acacia Avenue"});
  EXPECT_EQ(rules("she lives at 7 station road"),
            std::vector<std::string>{"personal_data:home_address=7 station road"});
  // Not personal data.
  EXPECT_TRUE(find("We raised 500 for the road safety charity").empty());
  EXPECT_TRUE(find("Y6 3pm pick up, 2 children at St Mary's").empty());
  EXPECT_TRUE(find("The score was 2015 to 12345").empty());
  EXPECT_TRUE(find("Term starts on 03/09/2025").empty());
}

// REQ PST-3, PST-4: pupils' full names from the roster, in any case.
TEST_F(TextCheckerTest, FindsRosterFullNames) {
  auto f = find("Congratulations to MIA O'BRIEN and oliver smith! Well done Mia.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].match, "MIA O'BRIEN");
  EXPECT_EQ(f[0].check, "personal_data");
  EXPECT_EQ(f[1].match, "oliver smith");
  EXPECT_EQ(find("Zoe Kowalska", {.with_media = true})[0].check, "pupil_full_name_with_image");
  EXPECT_TRUE(find("Oliver Smithson and Mia won").empty());
}

TEST_F(TextCheckerTest, DecisionFollowsTheProfile) {
  PostRules rules;
  EXPECT_EQ(checker_->check("Sports day is on Friday", rules)->decision, Decision::kPass);
  EXPECT_EQ(checker_->check("What a shit day", rules)->decision, Decision::kRefuse);
  EXPECT_EQ(checker_->check("Vote Labour!", rules)->decision, Decision::kReview);
  rules.checks["political"] = CheckAction::kRefuse;
  EXPECT_EQ(checker_->check("Vote Labour!", rules)->decision, Decision::kRefuse);
  rules.checks["offensive"] = CheckAction::kReview;
  EXPECT_EQ(checker_->check("What a shit day", rules)->decision, Decision::kReview);
}

TEST_F(TextCheckerTest, RefusesBadInputWithAClearMessage) {
  auto empty = checker_->find("  \n ");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("empty"), std::string::npos);
  auto bad = checker_->find("caf\xC3");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("UTF-8"), std::string::npos);
  auto huge = checker_->find(std::string(5000, 'a'));
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("at most 4096 bytes"), std::string::npos);
}

TEST_F(TextCheckerTest, IsThreadSafe) {
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        auto f = checker_->find("well f.u.c.k me, Oliver Smith, 07700 900123");
        if (!f.ok() || f->size() != 3) ++wrong;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(CheckerCompileTest, RefusesUnusableTerms) {
  CheckerConfig c;
  c.terms = {{"!!!", "offensive", Severity::kHigh, MatchMode::kWord, "school:1"}};
  auto made = TextChecker::compile(c);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().details.at(0).find("school:1"), std::string::npos);
}

}  // namespace
}  // namespace inloco::checks
