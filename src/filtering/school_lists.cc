#include "filtering/school_lists.h"

#include <algorithm>
#include <filesystem>

#include "core/whole_file.h"
#include "filtering/ban_list.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "store/row_reader.h"

namespace inloco::filter {
namespace {

namespace fs = std::filesystem;

// The file written whole (core/whole_file.h), its folder made first.
Status write_whole(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return Error::unavailable("Cannot create the folder " + path.parent_path().string() + ": " +
                              ec.message());
  return write_file_whole(path, text);
}

}  // namespace

Result<std::vector<PersonFilterGroup>> filter_people(Connection& conn, int64_t school_id,
                                                     const FilterRules& rules) {
  // The network user name when set, else the inloco one (filter/network_names.h).
  Rows rows = TRY(conn.query(
      "SELECT COALESCE(p.network_username, u.username), p.kind FROM people p "
      "LEFT JOIN user_accounts u ON u.person_id = p.id WHERE p.school_id = ? AND p.active = 1 AND "
      "(p.network_username IS NOT NULL OR (u.username IS NOT NULL AND u.disabled = 0)) ORDER BY 1",
      {school_id}));
  std::vector<PersonFilterGroup> out;
  for (const Row& r : rows) {
    RowReader in(r);
    std::string username = in.text();
    std::string group = rules.group_for_kind(in.text());
    if (group.empty()) continue;  // the policy's own rules (users, sources, default) apply
    out.push_back({std::move(username), std::move(group)});
  }
  return out;
}

Result<SchoolListsWritten> write_school_lists(Connection& conn, int64_t school_id, int64_t now,
                                              const FilterRules& rules,
                                              std::string_view profile_text,
                                              const std::string& dir) {
  SchoolListsWritten written;
  std::string domains;
  for (const std::string& d : TRY(school_block_list(conn, school_id))) {
    domains += d + "\n";
    ++written.blocked_domains;
  }
  std::string exceptions;
  for (const FilterException& e : TRY(exceptions_in_force(conn, school_id, now))) {
    exceptions += e.domain + "\t" + e.for_group + "\t" + e.for_username + "\t" +
                  std::to_string(e.ends_at) + "\n";
    ++written.exceptions;
  }
  std::string people;
  for (const PersonFilterGroup& p : TRY(filter_people(conn, school_id, rules))) {
    people += p.username + "\t" + p.group + "\n";
    ++written.people;
  }
  // The profile first: a helper reloading between two files would read the
  // new rules with the old lists, never the other way round.
  TRY(write_whole(fs::path(dir) / "profile.toml", std::string(profile_text)));
  TRY(write_whole(fs::path(dir) / kSchoolBlockedCategory / "domains", domains));
  TRY(write_whole(fs::path(dir) / "exceptions", exceptions));
  TRY(write_whole(fs::path(dir) / "people", people));
  std::string bans = TRY(ban_list_text(conn, school_id, now));
  written.bans = static_cast<int64_t>(std::count(bans.begin(), bans.end(), '\n'));
  TRY(write_whole(fs::path(dir) / "bans", bans));
  return written;
}

}  // namespace inloco::filter
