#include "filter/school_lists.h"

#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "filter/site_reports.h"
#include "filter/unblock_requests.h"

namespace inloco::filter {
namespace {

namespace fs = std::filesystem;

Status write_whole(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return Error::unavailable("Cannot create the folder " + path.parent_path().string() + ": " + ec.message());
  fs::path temp = path;
  temp += ".tmp-" + to_hex(random_bytes(6));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return Error::unavailable("Cannot write " + temp.string() + ".");
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Error::unavailable("Cannot put " + path.string() + " in place: " + ec.message());
  }
  return {};
}

}  // namespace

Result<SchoolListsWritten> write_school_lists(Connection& conn, int64_t school_id, int64_t now,
                                              const std::string& dir) {
  crypto_init();
  SchoolListsWritten written;
  std::string domains;
  for (const std::string& d : TRY(school_block_list(conn, school_id))) {
    domains += d + "\n";
    ++written.blocked_domains;
  }
  std::string exceptions;
  for (const FilterException& e : TRY(exceptions_in_force(conn, school_id, now))) {
    exceptions += e.domain + "\t" + e.for_group + "\t" + e.for_username + "\t" + std::to_string(e.ends_at) + "\n";
    ++written.exceptions;
  }
  TRY(write_whole(fs::path(dir) / kSchoolBlockedCategory / "domains", domains));
  TRY(write_whole(fs::path(dir) / "exceptions", exceptions));
  return written;
}

}  // namespace inloco::filter
