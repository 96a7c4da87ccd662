#include "profile/profile_settings.h"

#include <map>

#include "profile/profile_schema.h"

namespace inloco {
namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string list(const std::vector<std::string>& items, bool quoted = true) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + (quoted ? quote(items[i]) : items[i]);
  return out + "]";
}

// How each kind of value is written.
std::string show(bool v, schema::Flag) { return v ? "true" : "false"; }
std::string show(int v, schema::Count) { return std::to_string(v); }
std::string show(const std::string& v, schema::Text) { return quote(v); }
std::string show(const std::vector<std::string>& v, schema::TextList) { return list(v); }
std::string show(const std::optional<CalendarDate>& v, schema::Date) {
  return v ? v->iso() : "(not set)";
}
std::string show(const std::string& v, schema::MonthDay) { return quote(v); }
std::string show(const std::vector<Role>& v, schema::RoleList) {
  std::vector<std::string> keys;
  for (Role r : v) keys.emplace_back(role_key(r));
  return list(keys);
}
std::string show(const std::vector<std::string>& v, schema::KeyList) { return list(v); }
template <typename E>
std::string show(E v, schema::Choice<E> c) {
  for (const auto& n : c.names)
    if (n.value == v) return quote(std::string(n.key));
  return "";
}
std::string show(const std::vector<TimeRange>& v, schema::Times) {
  std::vector<std::string> texts;
  for (const TimeRange& r : v) texts.push_back(r.text());
  return list(texts);
}
std::string show(const RetentionRule& v, schema::Retention) { return quote(v.text()); }
std::string show(const std::vector<std::string>& v, schema::Words) { return list(v); }
std::string show(const std::vector<std::string>& v, schema::AddressRanges) { return list(v); }

// How each kind is described in the schema listing.
std::string describe(schema::Flag) { return "true or false"; }
std::string describe(schema::Count c) {
  return "whole number, " + std::to_string(c.min) + " to " + std::to_string(c.max) + " (" +
         std::string(c.unit) + ")";
}
std::string describe(schema::Text) { return "text"; }
std::string describe(schema::TextList) { return "list of text"; }
std::string describe(schema::Date) { return "date, YYYY-MM-DD"; }
std::string describe(schema::MonthDay) { return "month and day, \"MM-DD\""; }
std::string describe(schema::RoleList) { return "list of roles"; }
std::string describe(schema::KeyList k) {
  return k.vocab ? "list of " + std::string(k.vocab->what) + "s" : "list of names";
}
template <typename E>
std::string describe(schema::Choice<E> c) {
  std::string out = "one of:";
  for (size_t i = 0; i < c.names.size(); ++i)
    out += std::string(i ? ", " : " ") + std::string(c.names[i].key);
  return out;
}
std::string describe(schema::Times) { return "list of times, \"mon-fri 09:00-12:00\""; }
std::string describe(schema::Retention) { return "retention rule, \"closed + 6 years\""; }
std::string describe(schema::Words w) {
  std::string what(w.what);
  if (!what.empty() && what.back() == 'y')
    return "list of " + what.substr(0, what.size() - 1) + "ies";
  return "list of " + what + "s";
}
std::string describe(schema::AddressRanges) { return "list of address ranges, \"10.20.0.0/16\""; }

// Collects "path = value" for every setting of a profile.
class Flattener {
 public:
  std::vector<ProfileSetting> settings;

  template <typename F>
  void section(std::string_view key, std::string_view, F&& body) {
    path_.emplace_back(key);
    body();
    path_.pop_back();
  }
  template <typename T, typename K>
  void field(std::string_view key, T& value, const K& kind, std::string_view) {
    settings.push_back({path(key), show(value, kind)});
  }
  template <typename T, typename F>
  void tables(std::string_view key, std::map<std::string, T>& map, std::string_view, F&& body) {
    path_.emplace_back(key);
    for (auto& [name, element] : map) {
      path_.push_back(name);
      body(element);
      path_.pop_back();
    }
    path_.pop_back();
  }
  template <typename T, typename K>
  void values(std::string_view key, std::map<std::string, T>& map, const Vocabulary*, const K& kind,
              std::string_view) {
    path_.emplace_back(key);
    for (auto& [name, value] : map) settings.push_back({path(name), show(value, kind)});
    path_.pop_back();
  }

 private:
  std::string path(std::string_view key) const {
    std::string out;
    for (const auto& p : path_) out += p + ".";
    return out + std::string(key);
  }
  std::vector<std::string> path_;
};

// Lists every key with its type, default and meaning.
class SchemaLister {
 public:
  std::vector<SchemaEntry> entries;

  template <typename F>
  void section(std::string_view key, std::string_view doc, F&& body) {
    entries.push_back({path(key), "", "", std::string(doc)});
    path_.emplace_back(key);
    body();
    path_.pop_back();
  }
  template <typename T, typename K>
  void field(std::string_view key, T& value, const K& kind, std::string_view doc) {
    entries.push_back(
        {path(key), describe(kind), in_entry_ ? "" : show(value, kind), std::string(doc)});
  }
  template <typename T, typename F>
  void tables(std::string_view key, std::map<std::string, T>& map, std::string_view doc, F&& body) {
    std::string names;
    for (const auto& [name, unused] : map) names += (names.empty() ? "" : ", ") + name;
    entries.push_back(
        {path(key) + ".<name>", "", names.empty() ? "(none)" : names, std::string(doc)});
    path_.emplace_back(key);
    path_.emplace_back("<name>");
    T blank{};
    bool was = in_entry_;
    in_entry_ = true;
    body(blank);
    in_entry_ = was;
    path_.pop_back();
    path_.pop_back();
  }
  template <typename T, typename K>
  void values(std::string_view key, std::map<std::string, T>& map, const Vocabulary* key_vocab,
              const K& kind, std::string_view doc) {
    std::string shown;
    if (!in_entry_)
      for (auto& [name, value] : map)
        shown += (shown.empty() ? "" : ", ") + name + " = " + show(value, kind);
    std::string placeholder = key_vocab ? "<" + std::string(key_vocab->what) + ">" : "<name>";
    entries.push_back({path(key) + "." + placeholder, describe(kind),
                       shown.empty() ? "(none)" : shown, std::string(doc)});
  }

 private:
  std::string path(std::string_view key) const {
    std::string out;
    for (const auto& p : path_) out += p + ".";
    return out + std::string(key);
  }
  std::vector<std::string> path_;
  bool in_entry_ = false;
};

}  // namespace

std::vector<ProfileSetting> profile_settings(const PolicyProfile& profile) {
  PolicyProfile copy = profile;  // the schema walk takes a mutable profile
  Flattener f;
  describe_profile(f, copy);
  return std::move(f.settings);
}

std::vector<std::string> profile_changes(const PolicyProfile& before, const PolicyProfile& after) {
  std::vector<ProfileSetting> a = profile_settings(before);
  std::vector<ProfileSetting> b = profile_settings(after);
  std::map<std::string, std::string> old_values;
  for (const auto& s : a) old_values[s.key] = s.value;
  std::vector<std::string> out;
  std::map<std::string, bool> seen;
  for (const auto& s : b) {
    seen[s.key] = true;
    auto it = old_values.find(s.key);
    if (it == old_values.end())
      out.push_back(s.key + ": (not set) → " + s.value);
    else if (it->second != s.value)
      out.push_back(s.key + ": " + it->second + " → " + s.value);
  }
  for (const auto& s : a)
    if (!seen.count(s.key)) out.push_back(s.key + ": " + s.value + " → (not set)");
  return out;
}

std::vector<SchemaEntry> profile_schema() {
  PolicyProfile defaults;
  SchemaLister lister;
  describe_profile(lister, defaults);
  return std::move(lister.entries);
}

}  // namespace inloco
