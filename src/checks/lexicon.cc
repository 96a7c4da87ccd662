#include "checks/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/embedded_file.h"
#include "people/csv_reader.h"

namespace inloco::checks {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t p = 0;
  for (;;) {
    size_t q = s.find(sep, p);
    out.push_back(s.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
    if (q == std::string_view::npos) return out;
    p = q + 1;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

Error bad_lines(std::string_view source, std::vector<std::string> problems) {
  Error e = Error::invalid(std::string(source) + ": " + std::to_string(problems.size()) +
                           " bad line(s); nothing was loaded. Fix them and load the list again.");
  e.details = std::move(problems);
  return e;
}

}  // namespace

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
  }
  return "medium";
}

const char* match_mode_name(MatchMode m) {
  switch (m) {
    case MatchMode::kWord:
      return "word";
    case MatchMode::kInflect:
      return "inflect";
    case MatchMode::kPrefix:
      return "prefix";
    case MatchMode::kAnywhere:
      return "anywhere";
  }
  return "word";
}

const std::vector<std::string>& category_names() {
  static const std::vector<std::string> names = {
      "offensive", "unsuitable_language", "discriminatory",   "bullying",   "sexual",
      "violent",   "political",           "personal_opinion", "derogatory", "confidential",
      "illegal",   "personal_data",       "pupil_name"};
  return names;
}

bool is_category(std::string_view category) {
  if (category == "allow") return true;
  const auto& n = category_names();
  return std::find(n.begin(), n.end(), category) != n.end();
}

std::string check_for_category(std::string_view category) {
  if (category == "sexual") return "offensive";
  if (category == "violent") return "bullying";
  if (category == "derogatory") return "defamatory";
  if (category == "pupil_name") return "personal_data";
  return std::string(category);
}

Result<Severity> parse_severity(std::string_view s) {
  std::string v = lower(trim(s));
  if (v == "low" || v == "1") return Severity::kLow;
  if (v == "medium" || v == "2" || v.empty()) return Severity::kMedium;
  if (v == "high" || v == "3") return Severity::kHigh;
  return Error::invalid("unknown severity \"" + std::string(s) + "\": use low, medium or high");
}

Result<MatchMode> parse_match_mode(std::string_view s) {
  std::string v = lower(trim(s));
  if (v == "word" || v.empty()) return MatchMode::kWord;
  if (v == "inflect") return MatchMode::kInflect;
  if (v == "prefix") return MatchMode::kPrefix;
  if (v == "anywhere") return MatchMode::kAnywhere;
  return Error::invalid("unknown match \"" + std::string(s) +
                        "\": use word, inflect, prefix or anywhere");
}

namespace {

// One term's fields, checked; the problem is appended when bad.
void add_term(std::vector<LexiconTerm>& out, std::vector<std::string>& problems,
              const std::string& where, std::string_view term, std::string_view category,
              std::string_view severity, std::string_view mode) {
  term = trim(term);
  std::string cat = lower(trim(category));
  if (term.empty()) {
    problems.push_back(where + ": the term is empty");
    return;
  }
  if (term.size() > 200) {
    problems.push_back(where + ": the term is longer than 200 bytes");
    return;
  }
  if (!is_category(cat)) {
    problems.push_back(where + ": unknown category \"" + cat + "\"; use allow or one of: " + [] {
      std::string s;
      for (const auto& c : category_names()) s += (s.empty() ? "" : ", ") + c;
      return s;
    }());
    return;
  }
  auto sev = parse_severity(severity);
  if (!sev.ok()) {
    problems.push_back(where + ": " + sev.error().message);
    return;
  }
  auto m = parse_match_mode(mode);
  if (!m.ok()) {
    problems.push_back(where + ": " + m.error().message);
    return;
  }
  out.push_back({std::string(term), cat, *sev, *m, where});
}

}  // namespace

Result<std::vector<LexiconTerm>> parse_lexicon_tsv(std::string_view text, std::string_view source) {
  std::vector<LexiconTerm> out;
  std::vector<std::string> problems;
  size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    auto f = split(line, '\t');
    std::string where = std::string(source) + ":" + std::to_string(line_no);
    if (f.size() < 3 || f.size() > 4) {
      problems.push_back(where + ": expected term<TAB>category<TAB>severity[<TAB>match], found " +
                         std::to_string(f.size()) + " field(s)");
      continue;
    }
    add_term(out, problems, where, f[0], f[1], f[2], f.size() > 3 ? f[3] : "");
  }
  if (!problems.empty()) return bad_lines(source, std::move(problems));
  return out;
}

Result<std::vector<LexiconTerm>> import_plain_list(std::string_view text, std::string_view source,
                                                   std::string_view category, Severity severity,
                                                   MatchMode mode) {
  std::vector<LexiconTerm> out;
  std::vector<std::string> problems;
  size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    std::string_view t = trim(line);
    if (line_no == 1 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    if (t.empty() || t.front() == '#') continue;
    add_term(out, problems, std::string(source) + ":" + std::to_string(line_no), t, category,
             severity_name(severity), match_mode_name(mode));
  }
  if (!problems.empty()) return bad_lines(source, std::move(problems));
  return out;
}

Result<std::vector<LexiconTerm>> import_term_csv(std::string_view text, std::string_view source) {
  auto records = parse_csv(text);
  if (!records.ok()) return Error::invalid(std::string(source) + ": " + records.error().message);
  if (records->empty()) return std::vector<LexiconTerm>{};
  const auto& header = records->front().fields;
  auto col = [&](std::string_view name) -> int {
    for (size_t i = 0; i < header.size(); ++i)
      if (lower(trim(header[i])) == name) return static_cast<int>(i);
    return -1;
  };
  int ti = col("term"), ci = col("category"), si = col("severity"), mi = col("match");
  if (ti < 0 || ci < 0)
    return Error::invalid(std::string(source) +
                          ": the first line must name the columns: term,category,severity[,match]");
  std::vector<LexiconTerm> out;
  std::vector<std::string> problems;
  for (size_t r = 1; r < records->size(); ++r) {
    const auto& rec = (*records)[r];
    auto field = [&](int i) -> std::string_view {
      return i >= 0 && static_cast<size_t>(i) < rec.fields.size() ? std::string_view(rec.fields[i])
                                                                  : std::string_view();
    };
    add_term(out, problems, std::string(source) + ":" + std::to_string(rec.line), field(ti),
             field(ci), field(si), field(mi));
  }
  if (!problems.empty()) return bad_lines(source, std::move(problems));
  return out;
}

std::vector<LexiconTerm> builtin_lexicon() {
  std::vector<LexiconTerm> out;
  for (const EmbeddedFile& f : embedded_lexicons()) {
    // The shipped lists are checked by lexicon_test.cc; a bad one cannot ship.
    auto terms = parse_lexicon_tsv(f.content, "lexicons/" + std::string(f.path));
    if (terms.ok()) out.insert(out.end(), terms->begin(), terms->end());
  }
  return out;
}

Result<std::vector<LexiconTerm>> load_lexicon_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Error::not_found("No lexicon folder at " + dir.string() + ": check the path.");
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<LexiconTerm> out;
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto terms = TRY(parse_lexicon_tsv(ss.str(), p.string()));
    out.insert(out.end(), terms.begin(), terms.end());
  }
  return out;
}

}  // namespace inloco::checks
