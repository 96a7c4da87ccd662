#include "checks/lexicon.h"

#include <gtest/gtest.h>

#include "core/embedded_file.h"
#include "profile/vocabulary.h"

namespace inloco::checks {
namespace {

// REQ PST-2: the project's own lexicons are valid and each term has a category and severity.
TEST(LexiconTest, ShippedListsAreValid) {
  ASSERT_FALSE(embedded_lexicons().empty());
  for (const EmbeddedFile& f : embedded_lexicons()) {
    auto terms = parse_lexicon_tsv(f.content, f.path);
    ASSERT_TRUE(terms.ok()) << f.path << ": " << terms.error().message << " "
                            << (terms.error().details.empty() ? "" : terms.error().details[0]);
    EXPECT_FALSE(terms->empty()) << f.path;
  }
  EXPECT_GT(builtin_lexicon().size(), 500u);
}

TEST(LexiconTest, EveryCategoryFallsUnderAProfileCheck) {
  for (const std::string& c : category_names())
    EXPECT_TRUE(check_vocabulary().contains(check_for_category(c))) << c;
}

TEST(LexiconTest, ParsesTsvAndReportsEveryBadLine) {
  auto ok = parse_lexicon_tsv("# comment\nbadword\toffensive\thigh\tinflect\nmeh\tpolitical\tlow\n",
                              "school.tsv");
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[0].mode, MatchMode::kInflect);
  EXPECT_EQ((*ok)[0].severity, Severity::kHigh);
  EXPECT_EQ((*ok)[0].source, "school.tsv:2");
  EXPECT_EQ((*ok)[1].mode, MatchMode::kWord);

  auto bad = parse_lexicon_tsv("a\tnope\thigh\nb\toffensive\tsevere\nc only\n", "x.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().details.size(), 3u);
  EXPECT_NE(bad.error().details[0].find("x.tsv:1: unknown category"), std::string::npos);
}

TEST(LexiconTest, ImportsPlainListsAndCsv) {
  auto plain = import_plain_list("\xEF\xBB\xBFone\n# skip\n\ntwo words\n", "community.txt",
                                 "offensive", Severity::kHigh);
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->size(), 2u);
  EXPECT_EQ((*plain)[0].term, "one");
  EXPECT_EQ((*plain)[1].term, "two words");

  auto csv = import_term_csv(
      "term,category,severity,match\nfoo,bullying,low,prefix\n\"bar, baz\",sexual,high,\n",
      "list.csv");
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  ASSERT_EQ(csv->size(), 2u);
  EXPECT_EQ((*csv)[0].mode, MatchMode::kPrefix);
  EXPECT_EQ((*csv)[1].term, "bar, baz");
  EXPECT_FALSE(import_term_csv("word,kind\nx,y\n", "l.csv").ok());
  EXPECT_FALSE(import_term_csv("term,category,severity\nx,offensive,extreme\n", "l.csv").ok());
}

}  // namespace
}  // namespace inloco::checks
