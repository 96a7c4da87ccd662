#include "filter/school_lists_reader.h"

#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "core/text.h"
#include "profile/profile_loader.h"

namespace inloco::filter {
namespace {

namespace fs = std::filesystem;

// The file's lines, split on tabs; blank lines are skipped. `missing_ok`
// reads a missing file as empty.
struct Line {
  int number = 0;
  std::vector<std::string> fields;
};

Result<std::vector<Line>> read_lines(const fs::path& path, size_t field_count, bool missing_ok) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (missing_ok) return std::vector<Line>{};
    return Error::not_found(path.string() +
                            " is missing: write the folder with `inloco filter lists --school "
                            "CODE -o DIR` first.");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::unavailable("Cannot read " + path.string() + ".");
  std::vector<Line> out;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty()) continue;
    Line line{number, {}};
    for (size_t start = 0;;) {
      size_t tab = text.find('\t', start);
      line.fields.push_back(text.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (line.fields.size() != field_count)
      return Error::invalid(path.string() + ":" + std::to_string(number) + ": expected " +
                            std::to_string(field_count) + " tab-separated fields, found " +
                            std::to_string(line.fields.size()) + ".");
    out.push_back(std::move(line));
  }
  if (in.bad()) return Error::unavailable("Cannot read " + path.string() + ".");
  return out;
}

Result<int64_t> seconds(const fs::path& path, const Line& line, size_t field, const char* what) {
  const std::string& text = line.fields[field];
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0)
    return Error::invalid(path.string() + ":" + std::to_string(line.number) + ": " + what + " '" +
                          text + "' is not a time in Unix seconds.");
  return value;
}

Status require(bool ok, const fs::path& path, const Line& line, const std::string& message) {
  if (ok) return ok_status();
  return Error::invalid(path.string() + ":" + std::to_string(line.number) + ": " + message);
}

}  // namespace

Result<std::vector<PolicyException>> read_exceptions_file(const fs::path& path) {
  std::vector<PolicyException> out;
  for (const Line& line : TRY(read_lines(path, 4, false))) {
    TRY(require(!line.fields[0].empty(), path, line, "the exception names no site."));
    int64_t until = TRY(seconds(path, line, 3, "the end"));
    out.push_back(
        {line.fields[1], ascii_lower(line.fields[2]), ascii_lower(line.fields[0]), until});
  }
  return out;
}

Result<std::vector<PersonGroup>> read_people_file(const fs::path& path) {
  std::vector<PersonGroup> out;
  for (const Line& line : TRY(read_lines(path, 2, true))) {
    TRY(require(!line.fields[0].empty() && !line.fields[1].empty(), path, line,
                "a person needs a user name and a group."));
    out.push_back({ascii_lower(line.fields[0]), line.fields[1]});
  }
  return out;
}

Result<std::vector<NetworkBan>> read_bans_file(const fs::path& path) {
  std::vector<NetworkBan> out;
  for (const Line& line : TRY(read_lines(path, 3, true))) {
    TRY(require(!line.fields[0].empty(), path, line, "the ban names no user."));
    int64_t since = TRY(seconds(path, line, 1, "the start"));
    int64_t supervised = TRY(seconds(path, line, 2, "the end of supervision"));
    out.push_back({ascii_lower(line.fields[0]), since, supervised});
  }
  return out;
}

Result<SchoolLists> read_school_lists(const fs::path& dir) {
  SchoolLists lists;
  fs::path profile_path = dir / "profile.toml";
  std::error_code ec;
  if (!fs::exists(profile_path, ec))
    return Error::not_found(profile_path.string() +
                            " is missing: write the folder with `inloco filter lists --school "
                            "CODE -o DIR` first.");
  lists.profile = TRY(load_profile_file(profile_path));
  lists.exceptions = TRY(read_exceptions_file(dir / "exceptions"));
  lists.people = TRY(read_people_file(dir / "people"));
  lists.bans = TRY(read_bans_file(dir / "bans"));
  const auto& groups = lists.profile.filter.groups;
  for (const PersonGroup& p : lists.people)
    if (!groups.count(p.group))
      return Error::invalid((dir / "people").string() + ": " + p.username +
                            " is in the filter group '" + p.group + "', which " +
                            profile_path.string() +
                            " does not define; write the folder again with `inloco filter lists`.");
  return lists;
}

}  // namespace inloco::filter
