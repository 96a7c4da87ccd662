#include "filtering/ban_list.h"

#include <map>

#include "filtering/filter_bans.h"

namespace inloco::filter {

Result<std::string> ban_list_text(Connection& conn, int64_t school_id, int64_t now) {
  std::map<std::string, std::string> lines;  // by user name
  for (const FilterBan& b : TRY(bans_in_force(conn, school_id, now))) {
    if (b.network_name.empty()) continue;
    lines[b.network_name] = b.network_name + "\t" + std::to_string(b.started_at) + "\t" +
                            std::to_string(b.supervised_until.value_or(0)) + "\n";
  }
  std::string out;
  for (const auto& [name, line] : lines) out += line;
  return out;
}

}  // namespace inloco::filter
