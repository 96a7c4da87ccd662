// Lexicon: the terms the text checker looks for, each with its category,
// severity and how it may be matched.
//
// Where terms come from: the project's own lists in lexicons/*.tsv (compiled
// into the binary, also loadable from a folder), a school's own terms, and
// community lists a school imports in one of two common public formats:
//   - plain lists, one term per line ("#" comments), given one category and
//     severity for the whole list (import_plain_list);
//   - CSV with a header "term,category,severity[,match]" (import_term_csv).
// The project's TSV format is documented in docs/checker.md:
//   term <TAB> category <TAB> severity [<TAB> match]
//
// Categories are checker categories (category_names()); each maps onto a
// post check key of the policy profile (check_for_category) so the profile's
// PostRules decide what a finding does. The category "allow" holds innocent
// words and phrases that contain a flagged term ("Scunthorpe", "Cockburn",
// "sex education"): a finding inside an allowed phrase is dropped.
//
// Pure functions; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace inloco::checks {

enum class Severity { kLow, kMedium, kHigh };
const char* severity_name(Severity s);  // "low", "medium", "high"

// How a term may sit in the text (always after normalisation, skeleton.h).
enum class MatchMode {
  kWord,      // a whole word or phrase: "prick" but not "pricked"
  kInflect,   // a whole word, or with -s -es -d -ed -ing -er -ers -y: "bitch", "bitches"
  kPrefix,    // the start of a word: "fuck" in "fuckwit"
  kAnywhere,  // anywhere, even inside a word (needs allow entries for innocent words)
};
const char* match_mode_name(MatchMode m);

struct LexiconTerm {
  std::string term;      // as written: "f*ck", "go back to your country"
  std::string category;  // "offensive", ... or "allow"
  Severity severity = Severity::kMedium;
  MatchMode mode = MatchMode::kWord;
  std::string source;  // "lexicons/offensive.tsv:12", "school", ...
};

// The checker categories, in a stable order (without "allow").
const std::vector<std::string>& category_names();
bool is_category(std::string_view category);  // a checker category or "allow"
// The profile check key (profile/vocabulary.h: check_vocabulary()) whose
// action applies to a category: "sexual" -> "offensive", "violent" ->
// "bullying", "derogatory" -> "defamatory", "pupil_name" -> "personal_data".
std::string check_for_category(std::string_view category);

// Each parser is all-or-nothing: kInvalid lists every bad line in details.
Result<std::vector<LexiconTerm>> parse_lexicon_tsv(std::string_view text, std::string_view source);
Result<std::vector<LexiconTerm>> import_plain_list(std::string_view text, std::string_view source,
                                                   std::string_view category, Severity severity,
                                                   MatchMode mode = MatchMode::kWord);
Result<std::vector<LexiconTerm>> import_term_csv(std::string_view text, std::string_view source);

Result<Severity> parse_severity(std::string_view s);
Result<MatchMode> parse_match_mode(std::string_view s);

// lexicons/*.tsv as compiled into the binary.
std::vector<LexiconTerm> builtin_lexicon();
// Every *.tsv file of a folder (to try edited lists without rebuilding).
Result<std::vector<LexiconTerm>> load_lexicon_dir(const std::filesystem::path& dir);

}  // namespace inloco::checks
