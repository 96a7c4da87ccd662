#include "profile/profile_store.h"

#include <nlohmann/json.hpp>

#include "people/school_store.h"
#include "profile/profile_loader.h"
#include "profile/profile_settings.h"
#include "profile/shipped_profiles.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 64) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

ProfileVersion version_from(const Row& r) {
  RowReader in(r);
  ProfileVersion v;
  v.school_id = in.integer();
  v.version = in.integer();
  v.profile_key = in.text();
  v.toml_text = in.text();
  v.changes = split_lines(in.text());
  v.assigned_by = in.optional_integer();
  v.assigned_by_name = in.text();
  v.assigned_at = in.integer();
  return v;
}

constexpr const char* kColumns =
    "school_id, version, profile_key, profile_text, changes, assigned_by, assigned_by_name, "
    "assigned_at";

Result<std::optional<ProfileVersion>> latest_version(Connection& conn, int64_t school_id) {
  Rows rows = TRY(conn.query(std::string("SELECT ") + kColumns +
                                 " FROM profile_versions WHERE school_id = ? ORDER BY version DESC "
                                 "LIMIT 1",
                             {school_id}));
  if (rows.empty()) return std::optional<ProfileVersion>();
  return std::optional<ProfileVersion>(version_from(rows[0]));
}

Result<PolicyProfile> load_version(const ProfileVersion& v, const School& school) {
  auto p = load_profile(v.toml_text, v.profile_key + ".toml");
  if (!p.ok()) {
    Error e = Error::internal("The policy profile stored for " + school.name + " ('" +
                              v.profile_key + "', version " + std::to_string(v.version) +
                              ") no longer loads; assign a corrected profile.");
    e.details = p.error().details;
    return e;
  }
  return p;
}

}  // namespace

Result<PolicyProfile> profile_for_school(Connection& conn, int64_t school_id) {
  School school = TRY(get_school(conn, school_id));
  std::optional<ProfileVersion> latest = TRY(latest_version(conn, school_id));
  if (!latest) return load_shipped_profile(kDefaultProfileKey);
  return load_version(*latest, school);
}

Result<std::string> profile_text_for_school(Connection& conn, int64_t school_id) {
  TRY(get_school(conn, school_id));
  std::optional<ProfileVersion> latest = TRY(latest_version(conn, school_id));
  if (latest) return std::move(latest->toml_text);
  ShippedProfile shipped = TRY(find_shipped_profile(kDefaultProfileKey));
  return std::string(shipped.text);
}

Status assign_profile(const SchoolScope& at, std::string_view toml_text,
                      std::string_view profile_key) {
  if (!valid_key(profile_key))
    return Error::invalid("'" + std::string(profile_key) +
                          "' cannot name a policy profile: use a-z, 0-9, _ and -, as in "
                          "'oak_trees_mat'.");
  PolicyProfile next = TRY(load_profile(toml_text, std::string(profile_key) + ".toml"));
  School school = TRY(get_school(at.conn, at.school_id));
  std::optional<ProfileVersion> latest = TRY(latest_version(at.conn, at.school_id));
  if (latest && latest->profile_key == profile_key && latest->toml_text == toml_text) return {};

  PolicyProfile previous;
  if (latest)
    previous = TRY(load_version(*latest, school));
  else
    previous = TRY(load_shipped_profile(kDefaultProfileKey));
  std::vector<std::string> changes = profile_changes(previous, next);
  std::string previous_key = latest ? latest->profile_key : std::string(kDefaultProfileKey);
  if (previous_key != profile_key)
    changes.insert(changes.begin(), "profile: " + previous_key + " → " + std::string(profile_key));
  if (changes.empty()) changes.push_back("no setting changed (wording or comments only)");

  int64_t version = latest ? latest->version + 1 : 1;
  TRY(at.conn.execute(
      "INSERT INTO profile_versions (school_id, version, profile_key, profile_text, changes, "
      "assigned_by, assigned_by_name, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {at.school_id, version, std::string(profile_key), std::string(toml_text), join_lines(changes),
       at.actor.person_id, at.actor.name, at.clock.now()}));
  nlohmann::json detail = {
      {"profile", std::string(profile_key)}, {"version", version}, {"changes", changes}};
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"profile.assign", "school_profile", std::to_string(at.school_id),
                              at.school_id, detail.dump()}));
  return {};
}

Result<std::vector<ProfileVersion>> profile_history(Connection& conn, int64_t school_id) {
  TRY(get_school(conn, school_id));
  Rows rows = TRY(conn.query(std::string("SELECT ") + kColumns +
                                 " FROM profile_versions WHERE school_id = ? ORDER BY version",
                             {school_id}));
  std::vector<ProfileVersion> out;
  for (const Row& r : rows) out.push_back(version_from(r));
  return out;
}

}  // namespace inloco
