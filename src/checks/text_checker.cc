#include "checks/text_checker.h"

#include <hs/hs.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "checks/personal_data.h"
#include "checks/skeleton.h"
#include "core/text.h"
#include "core/vectorscan_scratch.h"

namespace inloco::checks {

namespace {

// The end of a match once the mode's endings are taken in. A doubled last
// letter ("shitt") is taken in first: the skeleton keeps doubles.
size_t extend_end(const std::string& s, MatchMode mode, size_t to) {
  if (to > 0 && to < s.size() && s[to] == s[to - 1] && s[to] >= 'a' && s[to] <= 'z') ++to;
  auto word = [&](size_t i) {
    return i < s.size() && is_skeleton_word_byte(static_cast<unsigned char>(s[i]));
  };
  switch (mode) {
    case MatchMode::kPrefix:
      while (word(to)) ++to;
      break;
    case MatchMode::kInflect:
      for (std::string_view suffix : {"ers", "ing", "es", "ed", "er", "s", "d", "y"})
        if (std::string_view(s).substr(to, suffix.size()) == suffix && !word(to + suffix.size()))
          return to + suffix.size();
      break;
    case MatchMode::kWord:
    case MatchMode::kAnywhere:
      break;
  }
  return to;
}

// The start of a match, taking in a doubled first letter ("ffuck").
size_t extend_start(const std::string& s, size_t from) {
  if (from > 0 && s[from - 1] == s[from] && s[from] >= 'a' && s[from] <= 'z') --from;
  return from;
}

// Spellings of a term beyond its skeleton, each matched as a literal:
//  - a double letter as one, because the skeleton turns "asssss" into "as":
//    only where the result has four letters or more ("ashole", not "as");
//  - for strong single words of four letters or more, one inner letter
//    starred ("w*nker"), a common dodge.
std::vector<std::string> term_spellings(const LexiconTerm& t, const std::string& sk) {
  std::vector<std::string> out = {sk};
  if (t.category == "allow") return out;  // "Twatt" (Orkney) must not excuse "twat"
  for (size_t i = 1; i < sk.size(); ++i)
    if (sk[i] == sk[i - 1] && sk[i] >= 'a' && sk[i] <= 'z' && sk.size() - 1 >= 4)
      out.push_back(sk.substr(0, i) + sk.substr(i + 1));
  bool strong =
      t.category == "offensive" || t.category == "sexual" || t.category == "discriminatory";
  bool letters = std::all_of(sk.begin(), sk.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (strong && letters && sk.size() >= 4)
    for (size_t i = 1; i + 1 < sk.size(); ++i)
      if (sk[i] != sk[i - 1] && sk[i] != sk[i + 1])
        out.push_back(sk.substr(0, i) + "*" + sk.substr(i + 1));
  return out;
}

struct Raw {
  unsigned id;
  uint32_t from;
  uint32_t to;
};

int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
  static_cast<std::vector<Raw>*>(ctx)->push_back(
      {id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
  return 0;
}

std::string compile_error(hs_compile_error_t* err) {
  std::string m = err && err->message ? err->message : "unknown error";
  if (err) hs_free_compile_error(err);
  return m;
}

// ASCII is valid UTF-8, and this test vectorises: most texts skip the full one.
bool is_ascii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

bool is_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

}  // namespace

struct TextChecker::Impl {
  std::vector<LexiconTerm> terms;  // pattern id = index
  std::vector<std::string> term_checks;
  std::vector<uint32_t> term_len;  // bytes of the literal
  std::vector<bool> term_allows;   // category "allow", looked up once per match
  std::vector<uint32_t> name_len;  // pattern id = terms.size() + index
  // One database of the lexicon's literals and then the roster's: one scan
  // of the skeleton finds both, cheaper than two.
  hs_database_t* skeleton_db = nullptr;
  hs_database_t* personal_db = nullptr;
  std::vector<std::string_view> personal_rule;  // pattern id = index
  size_t max_text_bytes = kDefaultMaxTextBytes;
  VectorscanScratchPool scratch;  // serves both databases

  ~Impl() {
    if (skeleton_db) hs_free_database(skeleton_db);
    if (personal_db) hs_free_database(personal_db);
  }
};

TextChecker::TextChecker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextChecker::~TextChecker() = default;

size_t TextChecker::term_count() const { return impl_->terms.size(); }
size_t TextChecker::roster_size() const { return impl_->name_len.size(); }

Result<std::unique_ptr<TextChecker>> TextChecker::compile(const CheckerConfig& config) {
  auto impl = std::make_unique<Impl>();
  impl->max_text_bytes = config.max_text_bytes;

  // Lexicon: every term, as literals.
  std::vector<std::string> patterns;
  std::vector<std::string> problems;
  for (const LexiconTerm& t : config.terms) {
    std::string sk = skeleton_text(t.term);
    while (!sk.empty() && sk.front() == ' ') sk.erase(sk.begin());
    while (!sk.empty() && sk.back() == ' ') sk.pop_back();
    if (sk.empty()) {
      problems.push_back(t.source + ": \"" + t.term + "\" has no letters or digits to match");
      continue;
    }
    for (std::string& spelling : term_spellings(t, sk)) {
      impl->terms.push_back(t);
      impl->term_checks.push_back(check_for_category(t.category));
      impl->term_len.push_back(static_cast<uint32_t>(spelling.size()));
      impl->term_allows.push_back(t.category == "allow");
      patterns.push_back(std::move(spelling));
    }
  }
  if (!problems.empty()) {
    Error e = Error::invalid("Some lexicon terms cannot be used; fix or remove them.");
    e.details = std::move(problems);
    return e;
  }
  // Roster: distinct full names as literals, after the lexicon's.
  {
    std::unordered_map<std::string, bool> seen;
    for (const RosterName& n : config.roster) {
      std::string sk = skeleton_text(n.full());
      while (!sk.empty() && sk.front() == ' ') sk.erase(sk.begin());
      while (!sk.empty() && sk.back() == ' ') sk.pop_back();
      if (sk.find(' ') == std::string::npos) continue;  // not a full name
      if (!seen.emplace(sk, true).second) continue;
      impl->name_len.push_back(static_cast<uint32_t>(sk.size()));
      patterns.push_back(std::move(sk));
    }
  }
  if (!patterns.empty()) {
    std::vector<const char*> exprs;
    std::vector<size_t> lens;
    std::vector<unsigned> flags(patterns.size(), 0), ids;
    for (size_t i = 0; i < patterns.size(); ++i) {
      exprs.push_back(patterns[i].data());
      lens.push_back(patterns[i].size());
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                             static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr,
                             &impl->skeleton_db, &err) != HS_SUCCESS) {
      int at = err ? err->expression : -1;
      std::string m = compile_error(err);
      if (at >= static_cast<int>(impl->terms.size()))
        return Error::invalid("The roster cannot be compiled: " + m);
      if (at >= 0)
        return Error::invalid(impl->terms[at].source + ": \"" + impl->terms[at].term +
                              "\" cannot be compiled: " + m);
      return Error::invalid("The lexicon cannot be compiled: " + m);
    }
  }

  // Personal data patterns over the original text.
  if (config.personal_data) {
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (const PersonalDataRule& r : personal_data_rules()) {
      exprs.push_back(r.pattern.data());
      flags.push_back(HS_FLAG_SOM_LEFTMOST | (r.caseless ? HS_FLAG_CASELESS : 0u));
      ids.push_back(static_cast<unsigned>(impl->personal_rule.size()));
      impl->personal_rule.push_back(r.rule);
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr,
                         &impl->personal_db, &err) != HS_SUCCESS) {
      int at = err ? err->expression : -1;
      std::string m = compile_error(err);
      return Error::internal("Personal data pattern " +
                             (at >= 0 ? std::string(impl->personal_rule[at]) : std::string("?")) +
                             " cannot be compiled: " + m);
    }
  }

  for (hs_database_t* db : {impl->skeleton_db, impl->personal_db})
    if (db) TRY(impl->scratch.serve(db));
  return std::unique_ptr<TextChecker>(new TextChecker(std::move(impl)));
}

Result<std::vector<Finding>> TextChecker::find(std::string_view text,
                                               const CheckOptions& options) const {
  if (text.size() > impl_->max_text_bytes)
    return Error::invalid(
        "The text is " + std::to_string(text.size()) + " bytes long; the checker takes at most " +
        std::to_string(impl_->max_text_bytes) + " bytes. Split it into shorter texts.");
  if (!is_ascii(text) && !is_valid_utf8(text))
    return Error::invalid("The text is not valid UTF-8; save it as UTF-8 and check it again.");
  if (is_blank(text)) return Error::invalid("The text is empty: there is nothing to check.");

  // The skeleton's storage is reused from text to text, unless a long text
  // made it large.
  thread_local Skeleton sk;
  if (sk.text.capacity() > 64 * 1024) sk = Skeleton{};
  make_skeleton(text, sk);
  std::vector<Finding> findings;
  if (!impl_->skeleton_db && !impl_->personal_db) return findings;
  // Given back to the pool when the checks are done.
  VectorscanScratchPool::Borrowed borrowed = TRY(impl_->scratch.borrow());
  hs_scratch_t* scratch = borrowed.get();

  const std::string& s = sk.text;
  auto word = [&](size_t i) {
    return i < s.size() && is_skeleton_word_byte(static_cast<unsigned char>(s[i]));
  };
  auto whole = [&](uint32_t from, uint32_t to) {
    return (from == 0 || !word(from - 1)) && !word(to);
  };
  auto add = [&](std::string rule, const std::string& category, std::string check,
                 Severity severity, size_t start, size_t end) {
    findings.push_back({std::move(rule), category, std::move(check), severity, start, end,
                        std::string(text.substr(start, end - start))});
  };

  // Match buffers kept per thread: most texts then cost no allocation here.
  thread_local std::vector<Raw> raw, hits, names;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> allowed;
  raw.clear();
  if (impl_->skeleton_db && !s.empty()) {
    hs_scan(impl_->skeleton_db, s.data(), static_cast<unsigned>(s.size()), 0, scratch, on_match,
            &raw);
    allowed.clear();
    hits.clear();
    names.clear();
    const size_t term_count = impl_->terms.size();
    for (Raw r : raw) {
      if (r.id >= term_count) {
        names.push_back(r);
        continue;
      }
      const LexiconTerm& t = impl_->terms[r.id];
      r.from = static_cast<uint32_t>(extend_start(s, r.to - impl_->term_len[r.id]));
      r.to = static_cast<uint32_t>(extend_end(s, t.mode, r.to));
      if (t.mode != MatchMode::kAnywhere && !whole(r.from, r.to)) continue;
      if (impl_->term_allows[r.id])
        allowed.emplace_back(r.from, r.to);
      else
        hits.push_back(r);
    }
    for (const Raw& r : hits) {
      bool inside = std::any_of(allowed.begin(), allowed.end(), [&](const auto& a) {
        return a.first <= r.from && r.to <= a.second;
      });
      if (inside) continue;
      const LexiconTerm& t = impl_->terms[r.id];
      auto [b, e] = sk.original_span(r.from, r.to);
      add(t.category + ":" + t.term, t.category, impl_->term_checks[r.id], t.severity, b, e);
    }
    for (const Raw& r : names) {
      uint32_t from = r.to - impl_->name_len[r.id - term_count];
      if (!whole(from, r.to)) continue;
      auto [b, e] = sk.original_span(from, r.to);
      add("pupil_name", "pupil_name",
          options.with_media ? "pupil_full_name_with_image" : "personal_data", Severity::kHigh, b,
          e);
    }
  }

  // Most texts cannot hold personal data, and a cheap pass over the bytes says so.
  if (impl_->personal_db && may_hold_personal_data(text)) {
    raw.clear();
    hs_scan(impl_->personal_db, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
            on_match, &raw);
    // Valid candidates of each rule, overlapping ones merged.
    std::sort(raw.begin(), raw.end(), [&](const Raw& a, const Raw& b) {
      auto ra = impl_->personal_rule[a.id], rb = impl_->personal_rule[b.id];
      if (ra != rb) return ra < rb;
      return a.from != b.from ? a.from < b.from : a.to > b.to;
    });
    std::string_view cur_rule;
    uint32_t cur_from = 0, cur_to = 0;
    bool open = false;
    auto flush = [&] {
      if (open)
        add("personal_data:" + std::string(cur_rule), "personal_data", "personal_data",
            Severity::kHigh, cur_from, cur_to);
      open = false;
    };
    for (const Raw& r : raw) {
      std::string_view rule = impl_->personal_rule[r.id];
      char before = r.from > 0 ? text[r.from - 1] : 0;
      char after = r.to < text.size() ? text[r.to] : 0;
      if (!validate_personal_data(rule, text.substr(r.from, r.to - r.from), before, after))
        continue;
      if (open && rule == cur_rule && r.from <= cur_to) {
        cur_to = std::max(cur_to, r.to);
        continue;
      }
      flush();
      cur_rule = rule;
      cur_from = r.from;
      cur_to = r.to;
      open = true;
    }
    flush();
  }

  // A finding inside another of the same category ("nudes" in "send nudes")
  // adds nothing.
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.severity > b.severity;
  });
  {
    std::vector<Finding> kept;
    size_t reach = 0;
    for (Finding& f : findings) {
      bool same_category = !kept.empty() && kept.back().category == f.category;
      if (same_category && f.end <= reach &&
          !(kept.back().start == f.start && kept.back().end == f.end))
        continue;
      reach = same_category ? std::max(reach, f.end) : f.end;
      kept.push_back(std::move(f));
    }
    findings = std::move(kept);
  }
  // One finding per span and category: the most severe rule.
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    if (a.category != b.category) return a.category < b.category;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.rule < b.rule;
  });
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.start == b.start && a.end == b.end &&
                                      a.category == b.category;
                             }),
                 findings.end());
  return findings;
}

Result<CheckResult> TextChecker::check(std::string_view text, const PostRules& rules,
                                       const CheckOptions& options) const {
  std::vector<Finding> f = TRY(find(text, options));
  Decision d = decide(f, rules);
  return CheckResult{d, std::move(f)};
}

}  // namespace inloco::checks
