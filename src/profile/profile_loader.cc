#include "profile/profile_loader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>

#include "core/calendar_date.h"
#include "profile/address_range.h"
#include "profile/profile_schema.h"
#include "profile/vocabulary.h"

namespace inloco {
namespace {

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }
int line_of(const toml::key& k) { return static_cast<int>(k.source().begin.line); }

// What a value is, in words: "text", "a whole number", ...
std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "text";
    case toml::node_type::integer:
      return "a whole number";
    case toml::node_type::floating_point:
      return "a number with a decimal point";
    case toml::node_type::boolean:
      return "true or false";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::table:
      return "a section";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date and time";
    default:
      return "nothing";
  }
}

bool is_name(std::string_view k) {
  if (k.empty() || k.size() > 40 || !(k[0] >= 'a' && k[0] <= 'z')) return false;
  return std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string comma_list(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

std::string unknown_term(const Vocabulary& vocab, std::string_view word) {
  std::vector<std::string> keys = vocab.keys();
  std::string msg =
      "'" + std::string(word) + "' is not a " + std::string(vocab.what) + " inloco knows";
  if (auto near = nearest_key(word, keys)) msg += "; did you mean '" + *near + "'?";
  std::string plural = std::string(vocab.what) + "s";
  msg += (msg.back() == '?' ? " " : ". ");
  msg += "The " + plural + " are: " + comma_list(keys);
  return msg;
}

// The schema visitor that reads TOML into a PolicyProfile, collecting every
// problem with its line instead of stopping at the first.
class Reader {
 public:
  explicit Reader(const toml::table& root) { frames_.push_back({&root, "", {}}); }

  std::vector<ProfileProblem> problems;
  SourceLines lines;

  template <typename F>
  void section(std::string_view key, std::string_view, F&& body) {
    const toml::table* table = nullptr;
    std::string path = path_of(key);
    if (const toml::node* n = lookup(key)) {
      lines[path] = line_of(*n);
      if (n->is_table())
        table = n->as_table();
      else
        problem(line_of(*n), path,
                "should be a section of settings ([" + path + "]), not " + type_name(*n));
    }
    frames_.push_back({table, path, {}});
    body();
    finish_frame();
  }

  template <typename T, typename K>
  void field(std::string_view key, T& value, const K& kind, std::string_view) {
    const toml::node* n = lookup(key);
    if (!n) return;
    std::string path = path_of(key);
    lines[path] = line_of(*n);
    read(*n, path, value, kind);
  }

  template <typename T, typename F>
  void tables(std::string_view key, std::map<std::string, T>& map, std::string_view, F&& body) {
    const toml::node* n = lookup(key);
    if (!n) return;
    std::string path = path_of(key);
    lines[path] = line_of(*n);
    const toml::table* t = n->as_table();
    if (!t)
      return problem(line_of(*n), path,
                     "should be a section, such as [" + path + ".name], not " + type_name(*n));
    for (auto&& [k, node] : *t) {
      std::string entry = path + "." + std::string(k.str());
      lines[entry] = line_of(k);
      if (!is_name(k.str())) {
        problem(line_of(k), entry, "names may use only a-z, 0-9 and _, starting with a letter");
        continue;
      }
      if (!node.is_table()) {
        problem(line_of(node), entry,
                "should be a section ([" + entry + "]), not " + type_name(node));
        continue;
      }
      T& element = map[std::string(k.str())];
      frames_.push_back({node.as_table(), entry, {}});
      body(element);
      finish_frame();
    }
  }

  template <typename T, typename K>
  void values(std::string_view key, std::map<std::string, T>& map, const Vocabulary* key_vocab,
              const K& kind, std::string_view) {
    const toml::node* n = lookup(key);
    if (!n) return;
    std::string path = path_of(key);
    lines[path] = line_of(*n);
    const toml::table* t = n->as_table();
    if (!t)
      return problem(line_of(*n), path,
                     "should be a section ([" + path + "]), not " + type_name(*n));
    for (auto&& [k, node] : *t) {
      std::string entry = path + "." + std::string(k.str());
      lines[entry] = line_of(k);
      if (key_vocab && !key_vocab->contains(k.str())) {
        problem(line_of(k), entry, unknown_term(*key_vocab, k.str()));
        continue;
      }
      if (!key_vocab && !is_name(k.str())) {
        problem(line_of(k), entry, "names may use only a-z, 0-9 and _, starting with a letter");
        continue;
      }
      read(node, entry, map[std::string(k.str())], kind);
    }
  }

  void finish_root() { finish_frame(); }

 private:
  struct Frame {
    const toml::table* table;  // null when the section is absent
    std::string path;
    std::vector<std::string> known;
  };

  std::string path_of(std::string_view key) const {
    const std::string& base = frames_.back().path;
    return base.empty() ? std::string(key) : base + "." + std::string(key);
  }

  // Marks `key` as known in the current section and returns its node, if written.
  const toml::node* lookup(std::string_view key) {
    Frame& f = frames_.back();
    f.known.emplace_back(key);
    return f.table ? f.table->get(key) : nullptr;
  }

  void finish_frame() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (!f.table) return;
    for (auto&& [k, node] : *f.table) {
      std::string name(k.str());
      if (std::find(f.known.begin(), f.known.end(), name) != f.known.end()) continue;
      std::string path = f.path.empty() ? name : f.path + "." + name;
      std::string what = f.path.empty() ? "section" : "setting";
      std::string msg = "is not a " + what + " inloco knows";
      if (auto near = nearest_key(name, f.known))
        msg += "; did you mean '" + *near + "'?";
      else
        msg +=
            (f.path.empty() ? "; the sections are: " : "; the settings of [" + f.path + "] are: ") +
            comma_list(f.known);
      problem(line_of(k), path, msg);
    }
  }

  void problem(int line, const std::string& key, std::string message) {
    problems.push_back({line, key, std::move(message)});
  }

  void wrong_type(const toml::node& n, const std::string& path, const std::string& wanted) {
    problem(line_of(n), path, "should be " + wanted + ", not " + type_name(n));
  }

  // Each element of a list, or a problem when it is not a list.
  template <typename F>
  bool each(const toml::node& n, const std::string& path, const std::string& example, F&& fn) {
    const toml::array* a = n.as_array();
    if (!a) {
      wrong_type(n, path, "a list in square brackets, such as " + example);
      return false;
    }
    for (const toml::node& e : *a) fn(e);
    return true;
  }

  void read(const toml::node& n, const std::string& path, bool& out, schema::Flag) {
    if (auto v = n.value_exact<bool>())
      out = *v;
    else
      wrong_type(n, path, "true or false");
  }

  void read(const toml::node& n, const std::string& path, int& out, schema::Count c) {
    auto v = n.value_exact<int64_t>();
    if (!v) return wrong_type(n, path, "a whole number, such as " + std::to_string(c.min));
    if (*v < c.min || *v > c.max)
      return problem(line_of(n), path,
                     "must be a whole number from " + std::to_string(c.min) + " to " +
                         std::to_string(c.max) + " (" + std::string(c.unit) + "), not " +
                         std::to_string(*v));
    out = static_cast<int>(*v);
  }

  void read(const toml::node& n, const std::string& path, std::string& out, schema::Text t) {
    auto v = n.value_exact<std::string>();
    if (!v) return wrong_type(n, path, "text in quotes");
    if (t.required && v->find_first_not_of(" \t") == std::string::npos)
      return problem(line_of(n), path, "must not be empty");
    out = *v;
  }

  void read(const toml::node& n, const std::string& path, std::vector<std::string>& out,
            schema::TextList) {
    std::vector<std::string> got;
    bool ok = true;
    each(n, path, "[\"Child protection policy\"]", [&](const toml::node& e) {
      if (auto v = e.value_exact<std::string>())
        got.push_back(*v);
      else {
        ok = false;
        wrong_type(e, path, "text in quotes");
      }
    });
    if (ok && n.is_array()) out = std::move(got);
  }

  void read(const toml::node& n, const std::string& path, std::optional<CalendarDate>& out,
            schema::Date) {
    if (auto d = n.value_exact<toml::date>()) {
      if (!is_real_date(d->year, d->month, d->day))
        return problem(line_of(n), path, "is not a real date");
      out = CalendarDate{d->year, d->month, d->day};
      return;
    }
    auto v = n.value_exact<std::string>();
    if (!v) return wrong_type(n, path, "a date such as 2025-07-01");
    if (v->empty()) {
      out.reset();
      return;
    }
    bool iso_shape = v->size() == 10 && (*v)[4] == '-' && (*v)[7] == '-';
    auto d = parse_date(*v);
    if (!iso_shape || !d.ok())
      return problem(line_of(n), path,
                     "'" + *v + "' is not a date; write it as YYYY-MM-DD, such as 2025-07-01" +
                         (iso_shape ? " (that day does not exist)" : ""));
    out = *d;
  }

  void read(const toml::node& n, const std::string& path, std::string& out, schema::MonthDay) {
    auto v = n.value_exact<std::string>();
    if (!v) return wrong_type(n, path, "a month and day in quotes, such as \"09-01\"");
    auto d = v->size() == 5 && (*v)[2] == '-' ? parse_date("2000-" + *v)
                                              : Result<CalendarDate>(Error::invalid(""));
    if (!d.ok())
      return problem(line_of(n), path,
                     "'" + *v + "' is not a month and day; write it as MM-DD, such as \"09-01\"");
    out = *v;
  }

  void read(const toml::node& n, const std::string& path, std::vector<Role>& out,
            schema::RoleList) {
    std::vector<Role> got;
    bool ok = true;
    each(n, path, "[\"headteacher\"]", [&](const toml::node& e) {
      auto v = e.value_exact<std::string>();
      if (!v) {
        ok = false;
        wrong_type(e, path, "a role in quotes, such as \"headteacher\"");
        return;
      }
      auto role = parse_role(*v);
      if (!role) {
        ok = false;
        problem(line_of(e), path, unknown_term(role_vocabulary(), *v));
        return;
      }
      if (std::find(got.begin(), got.end(), *role) != got.end()) {
        ok = false;
        problem(line_of(e), path, "'" + *v + "' is listed twice");
        return;
      }
      got.push_back(*role);
    });
    if (ok && n.is_array()) out = std::move(got);
  }

  void read(const toml::node& n, const std::string& path, std::vector<std::string>& out,
            schema::KeyList k) {
    std::vector<std::string> got;
    bool ok = true;
    std::string example =
        k.vocab ? "[\"" + std::string(k.vocab->terms[0].key) + "\"]" : "[\"name\"]";
    each(n, path, example, [&](const toml::node& e) {
      auto v = e.value_exact<std::string>();
      if (!v) {
        ok = false;
        wrong_type(e, path, "a name in quotes");
        return;
      }
      if (k.vocab && !k.vocab->contains(*v)) {
        ok = false;
        problem(line_of(e), path, unknown_term(*k.vocab, *v));
        return;
      }
      if (!k.vocab && !is_name(*v)) {
        ok = false;
        problem(line_of(e), path, "'" + *v + "' is not a name: use a-z, 0-9 and _");
        return;
      }
      if (std::find(got.begin(), got.end(), *v) != got.end()) {
        ok = false;
        problem(line_of(e), path, "'" + *v + "' is listed twice");
        return;
      }
      got.push_back(*v);
    });
    if (ok && n.is_array()) out = std::move(got);
  }

  template <typename E>
  void read(const toml::node& n, const std::string& path, E& out, schema::Choice<E> c) {
    std::vector<std::string> keys;
    for (const auto& name : c.names) keys.emplace_back(name.key);
    auto v = n.value_exact<std::string>();
    if (!v) return wrong_type(n, path, "one of " + comma_list(keys) + " in quotes");
    for (const auto& name : c.names)
      if (name.key == *v) {
        out = name.value;
        return;
      }
    std::string msg = "'" + *v + "' is not allowed here";
    if (auto near = nearest_key(*v, keys)) msg += "; did you mean '" + *near + "'?";
    problem(line_of(n), path,
            msg + (msg.back() == '?' ? " Choose" : "; choose") + " one of: " + comma_list(keys));
  }

  void read(const toml::node& n, const std::string& path, std::vector<TimeRange>& out,
            schema::Times) {
    std::vector<TimeRange> got;
    bool ok = true;
    each(n, path, "[\"mon-fri 09:00-12:00\"]", [&](const toml::node& e) {
      auto v = e.value_exact<std::string>();
      if (!v) {
        ok = false;
        wrong_type(e, path, "days and times in quotes, such as \"mon-fri 09:00-12:00\"");
        return;
      }
      auto r = parse_time_range(*v);
      if (!r.ok()) {
        ok = false;
        problem(line_of(e), path, r.error().message);
        return;
      }
      got.push_back(*r);
    });
    if (ok && n.is_array()) out = std::move(got);
  }

  void read(const toml::node& n, const std::string& path, std::vector<std::string>& out,
            schema::Words w) {
    std::vector<std::string> got;
    bool ok = true;
    each(n, path, "[\"name\"]", [&](const toml::node& e) {
      auto v = e.value_exact<std::string>();
      if (!v) {
        ok = false;
        wrong_type(e, path, "a " + std::string(w.what) + " in quotes");
        return;
      }
      if (v->empty() || v->find_first_of(" \t\r\n") != std::string::npos) {
        ok = false;
        problem(line_of(e), path,
                "'" + *v + "' is not a " + std::string(w.what) +
                    (v->empty() ? ": it is empty" : ": it may not hold spaces"));
        return;
      }
      if (std::find(got.begin(), got.end(), *v) != got.end()) {
        ok = false;
        problem(line_of(e), path, "'" + *v + "' is listed twice");
        return;
      }
      got.push_back(*v);
    });
    if (ok && n.is_array()) out = std::move(got);
  }

  void read(const toml::node& n, const std::string& path, std::vector<std::string>& out,
            schema::AddressRanges) {
    std::vector<std::string> got;
    std::vector<AddressRange> ranges;
    bool ok = true;
    each(n, path, "[\"10.20.0.0/16\"]", [&](const toml::node& e) {
      auto v = e.value_exact<std::string>();
      if (!v) {
        ok = false;
        wrong_type(e, path, "an address range in quotes, such as \"10.20.0.0/16\"");
        return;
      }
      auto r = parse_address_range(*v);
      if (!r.ok()) {
        ok = false;
        problem(line_of(e), path, r.error().message);
        return;
      }
      if (std::find(ranges.begin(), ranges.end(), *r) != ranges.end()) {
        ok = false;
        problem(line_of(e), path, "'" + *v + "' is listed twice");
        return;
      }
      ranges.push_back(*r);
      got.push_back(*v);
    });
    if (ok && n.is_array()) out = std::move(got);
  }

  void read(const toml::node& n, const std::string& path, RetentionRule& out, schema::Retention) {
    auto v = n.value_exact<std::string>();
    if (!v) return wrong_type(n, path, "a rule in quotes, such as \"closed + 6 years\"");
    auto r = parse_retention_rule(*v);
    if (!r.ok()) return problem(line_of(n), path, r.error().message);
    out = *r;
  }

  std::vector<Frame> frames_;
};

std::string stem_of(std::string_view file_name) {
  return std::filesystem::path(std::string(file_name)).stem().string();
}

struct Loaded {
  PolicyProfile profile;
  std::vector<ProfileProblem> problems;
};

Loaded read_profile(std::string_view text) {
  Loaded out;
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    out.problems.push_back({static_cast<int>(e.source().begin.line), "syntax",
                            "this is not valid TOML: " + std::string(e.description())});
    return out;
  }
  Reader reader(root);
  describe_profile(reader, out.profile);
  reader.finish_root();
  out.problems = std::move(reader.problems);
  // A value that did not read keeps its default; a rule between settings that
  // names a key already reported would only repeat the problem.
  std::set<std::string> reported;
  for (const ProfileProblem& p : out.problems) reported.insert(p.key);
  for (ProfileProblem& p : validate_profile(out.profile, reader.lines))
    if (!reported.count(p.key)) out.problems.push_back(std::move(p));
  // In the order of the file, so they can be put right from top to bottom.
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const ProfileProblem& a, const ProfileProblem& b) {
                     return (a.line == 0 ? INT32_MAX : a.line) < (b.line == 0 ? INT32_MAX : b.line);
                   });
  return out;
}

}  // namespace

std::vector<ProfileProblem> profile_problems(std::string_view toml_text) {
  return read_profile(toml_text).problems;
}

Result<PolicyProfile> load_profile(std::string_view toml_text, std::string_view file_name) {
  Loaded loaded = read_profile(toml_text);
  if (!loaded.problems.empty()) {
    Error e =
        Error::invalid(std::string(file_name) +
                       " is not a valid policy profile: " + std::to_string(loaded.problems.size()) +
                       (loaded.problems.size() == 1 ? " problem" : " problems") + " to put right.");
    for (const ProfileProblem& p : loaded.problems)
      e.details.push_back(format_problem(file_name, p));
    return e;
  }
  loaded.profile.key = stem_of(file_name);
  return std::move(loaded.profile);
}

Result<PolicyProfile> load_profile_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found("Cannot read " + path.string() + ": check the file name.");
  std::stringstream text;
  text << in.rdbuf();
  return load_profile(text.str(), path.string());
}

}  // namespace inloco
