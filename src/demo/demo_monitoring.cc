// The demo's decision log is written record by record with the helper's own
// format_decision_record, from fixed lists and a fixed seed, over the five
// school days before today (09:00 to 15:00 UTC), so two runs on the same day
// give the same log.
#include "demo/demo_monitoring.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <vector>

#include "demo/demo_acting.h"
#include "filter/decision_log.h"
#include "filtering/decision_ingest.h"
#include "filtering/network_names.h"
#include "people/people_store.h"
#include "profile/profile_store.h"

namespace inloco {
namespace {

constexpr int64_t kDay = 86400;
constexpr size_t kPupilsInLog = 30;

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t below(uint64_t n) {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (z ^ (z >> 31)) % n;
  }

 private:
  uint64_t state_;
};

struct Site {
  const char* url;
  const char* terms;  // search terms the helper would read from the URL
  bool blocked;
  const char* category;
  const char* rule;
};

// What pupils reach in lessons, and what the pupils' rules block.
constexpr Site kPupilSites[] = {
    {"https://www.bbc.co.uk/bitesize/topics/zkbbkqt", "", false, "", ""},
    {"https://www.bbc.co.uk/bitesize/articles/z7rxgwx", "", false, "", ""},
    {"https://www.topmarks.co.uk/maths-games/7-11-years/times-tables", "", false, "", ""},
    {"https://kids.britannica.com/kids/article/Vikings/353906", "", false, "", ""},
    {"https://www.natgeokids.com/uk/discover/history/egypt/", "", false, "", ""},
    {"https://www.purplemash.com/app/", "", false, "", ""},
    {"https://scratch.mit.edu/projects/editor/", "", false, "", "exception:scratch.mit.edu"},
    {"https://www.google.co.uk/search?q=volcano+facts+for+kids", "volcano facts for kids", false,
     "", ""},
    {"https://www.google.co.uk/search?q=how+do+volcanoes+erupt", "how do volcanoes erupt", false,
     "", ""},
    {"https://www.google.co.uk/search?q=viking+longboat", "viking longboat", false, "", ""},
    {"https://www.google.co.uk/search?q=ancient+egypt+pyramids", "ancient egypt pyramids", false,
     "", ""},
    {"https://duckduckgo.com/?q=rainforest+animals", "rainforest animals", false, "", ""},
    {"https://www.bing.com/search?q=roman+soldiers+armour", "roman soldiers armour", false, "", ""},
    {"https://www.tiktok.com/foryou", "", true, "tiktok", "group:pupils:always:tiktok"},
    {"https://www.instagram.com/", "", true, "instagram", "group:pupils:always:instagram"},
    {"https://www.youtube.com/results?search_query=minecraft+hacks", "minecraft hacks", true,
     "youtube", "group:pupils:always:youtube"},
};
constexpr size_t kPupilBlockedFrom = 13;  // the entries from here on are blocked

constexpr Site kStaffSites[] = {
    {"https://www.tes.com/teaching-resources", "", false, "", ""},
    {"https://www.gov.uk/government/publications/keeping-children-safe-in-education--2", "", false,
     "", ""},
    {"https://outlook.office.com/mail/", "", false, "", ""},
    {"https://www.google.co.uk/search?q=year+4+viking+display+ideas", "year 4 viking display ideas",
     false, "", ""},
    {"https://www.google.co.uk/search?q=year+6+reading+practice+papers",
     "year 6 reading practice papers", false, "", ""},
    {"https://www.facebook.com/", "", true, "facebook", "group:staff:lessons:facebook"},
};

// The pupil who tries to get round the filter, on the last two school days.
constexpr Site kAttemptsDayBefore[] = {
    {"https://nordvpn.com/download/", "", true, "vpn", "group:pupils:always:vpn"},
    {"https://www.croxyproxy.com/", "", true, "redirector", "group:pupils:always:redirector"},
};
constexpr Site kAttemptsLastDay[] = {
    {"185.199.110.153:443", "", false, "", ""},
    {"http://3105817609/", "", false, "", ""},
    {"https://hola.org/", "", true, "redirector", "group:pupils:always:redirector"},
};

struct NetUser {
  std::string name;
  std::string device;
};

// "amorgan" from Amelia Morgan: the first letter and the family name, a-z only.
std::string name_base(const Person& p) {
  std::string out;
  for (char c : p.given_name)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      out += static_cast<char>(c | 0x20);
      break;
    }
  for (char c : p.family_name)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) out += static_cast<char>(c | 0x20);
  return out.empty() ? std::string("user") : out;
}

std::string unique_name(const std::string& base, std::set<std::string>& taken) {
  std::string name = base;
  for (int n = 2; taken.count(name); ++n) name = base + std::to_string(n);
  taken.insert(name);
  return name;
}

// The start (00:00 UTC) of each of the `n` weekdays before today, the most
// recent first.
std::vector<int64_t> school_days(int64_t now, int n) {
  std::vector<int64_t> out;
  for (int64_t day = now / kDay - 1; static_cast<int>(out.size()) < n; --day)
    if ((day + 3) % 7 < 5) out.push_back(day * kDay);  // 1970-01-01 was a Thursday
  return out;
}

void add(std::string& log, int64_t at, const std::string& user, const std::string& device,
         const Site& s) {
  log += filter::format_decision_record(
      {at, user, device, s.url, s.terms, s.blocked ? "block" : "allow", s.category, s.rule});
}

}  // namespace

Status create_demo_monitoring(Database& db, const Clock& clock, const DemoTrust& demo,
                              const std::string& log_path) {
  const School school = TRY(demo_school(demo, "oakfield"));
  std::vector<NetUser> pupils, staff;
  TRY(db.transaction([&](Connection& conn) -> Status {
    const DemoActor ict = TRY(demo_actor(conn, demo, "ict.oakfield"));
    const FilterRules rules = TRY(profile_for_school(conn, school.id)).filter;
    std::set<std::string> taken;
    for (const auto& [name, id] : TRY(filter::network_names(conn, school.id))) taken.insert(name);
    Rows rows = TRY(conn.query(
        "SELECT id FROM people WHERE school_id = ? AND kind = 'pupil' AND active = 1 ORDER BY id",
        {school.id}));
    for (const Row& r : rows) {
      Person p = TRY(get_person_by_id(conn, r[0].as_int()));
      std::string name = unique_name(name_base(p), taken);
      TRY(filter::set_network_username(SchoolScope{conn, clock, ict.actor, school.id}, ict.grants,
                                       rules, p.id, name));
      if (pupils.size() < kPupilsInLog && (p.year_group == "Year 5" || p.year_group == "Year 6"))
        pupils.push_back({name, "10.20.3." + std::to_string(11 + pupils.size())});
    }
    // Staff who sign in to inloco use that name on the network too; a few
    // others are given theirs.
    Rows others = TRY(conn.query(
        "SELECT p.id FROM people p LEFT JOIN user_accounts u ON u.person_id = p.id WHERE "
        "p.school_id = ? AND "
        "p.kind = 'staff' AND p.active = 1 AND u.person_id IS NULL ORDER BY p.id LIMIT 3",
        {school.id}));
    for (const Row& r : others) {
      Person p = TRY(get_person_by_id(conn, r[0].as_int()));
      std::string name = unique_name(name_base(p), taken);
      TRY(filter::set_network_username(SchoolScope{conn, clock, ict.actor, school.id}, ict.grants,
                                       rules, p.id, name));
      staff.push_back({name, "10.20.1." + std::to_string(21 + staff.size())});
    }
    for (const char* signed_in : {"staff.oakfield", "head.oakfield", "dsl.oakfield"})
      staff.push_back({signed_in, "10.20.1." + std::to_string(21 + staff.size())});
    return {};
  }));
  if (pupils.size() < 3)
    return Error::internal("The demo school has too few pupils in Years 5 and 6.");

  Rng rng(20261123);
  std::string log;
  const std::vector<int64_t> days = school_days(clock.now(), 5);
  const NetUser& trier = pupils[2];
  const NetUser& flagged = pupils[5 % pupils.size()];
  // Oldest first, as the helper appends.
  for (auto day = days.rbegin(); day != days.rend(); ++day) {
    const bool last = day == days.rbegin() + static_cast<long>(days.size()) - 1;
    const bool before_last = day == days.rbegin() + static_cast<long>(days.size()) - 2;
    const int64_t nine = *day + 9 * 3600;
    // Requests come in time order: each person's at their own minutes, merged by sorting lines
    // below.
    std::vector<std::pair<int64_t, std::string>> lines;
    auto push = [&](int64_t at, const NetUser& u, const Site& s) {
      std::string one;
      add(one, at, u.name, u.device, s);
      lines.emplace_back(at, std::move(one));
    };
    for (const NetUser& p : pupils) {
      const uint64_t n = 6 + rng.below(8);
      for (uint64_t i = 0; i < n; ++i) {
        const int64_t at = nine + static_cast<int64_t>(rng.below(6 * 3600));
        const bool blocked = rng.below(100) < 12;
        const size_t pick =
            blocked ? kPupilBlockedFrom + rng.below(std::size(kPupilSites) - kPupilBlockedFrom)
                    : rng.below(kPupilBlockedFrom);
        push(at, p, kPupilSites[pick]);
      }
    }
    for (const NetUser& s : staff) {
      const uint64_t n = 5 + rng.below(6);
      for (uint64_t i = 0; i < n; ++i)
        push(*day + 8 * 3600 + static_cast<int64_t>(rng.below(8 * 3600)), s,
             kStaffSites[rng.below(std::size(kStaffSites))]);
    }
    // A visitor on the guest wifi with a name no one at the school has, and a device without one.
    push(nine + 2 * 3600, {"visitor01", "10.20.9.12"}, kPupilSites[0]);
    push(nine + 2 * 3600 + 40, {"visitor01", "10.20.9.12"}, kStaffSites[1]);
    push(nine + 5 * 3600, {"", "10.20.9.40"}, kPupilSites[2]);
    if (before_last) {
      push(nine + 3 * 3600 + 600, flagged,
           {"https://www.google.co.uk/search?q=how+much+is+a+zombie+knife",
            "how much is a zombie knife", false, "", ""});
      int64_t at = nine + 4 * 3600;
      for (const Site& s : kAttemptsDayBefore) push(at += 95, {trier.name, "10.20.5.4"}, s);
    }
    if (last) {
      int64_t at = nine + 3600 + 1200;
      for (const Site& s : kAttemptsLastDay) push(at += 70, trier, s);
      push(nine + 5 * 3600, {pupils[7 % pupils.size()].name, pupils[7 % pupils.size()].device},
           {"http://minecraft-server.duckdns.org/", "", false, "dynamic-dns", ""});
    }
    std::sort(lines.begin(), lines.end());
    for (auto& [at, line] : lines) log += line;
  }
  {
    std::ofstream out(log_path, std::ios::binary | std::ios::trunc);
    out << log;
    out.flush();
    if (!out) return Error::unavailable("Cannot write the demo's decision log " + log_path + ".");
  }
  const PolicyProfile profile =
      TRY(db.read([&](Connection& c) { return profile_for_school(c, school.id); }));
  TRY(filter::ingest_decision_log(db, clock, Actor{std::nullopt, "filter ingest (demo)", "cli"},
                                  school.id, profile, log_path));
  return {};
}

}  // namespace inloco
