#include "filtering/monitoring_reports.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "filtering/network_names.h"
#include "people/people_store.h"
#include "store/row_reader.h"

namespace inloco::filter {
namespace {

constexpr int64_t kDay = 86400;
constexpr size_t kTopCategories = 3;
constexpr size_t kSearchesPerLine = 5;
constexpr int64_t kMaxSearchRows = 5000;

// What a line of the report is keyed by, and which records it covers. The
// SQL here is fixed text, never anything a person typed.
struct Grouping {
  const char* key;
  const char* where;
};
constexpr Grouping kByPerson{"person_id", "person_id IS NOT NULL"};
constexpr Grouping kByUnknownName{"username", "person_id IS NULL AND username <> ''"};
constexpr Grouping kByDevice{"source_address", "source_address <> ''"};

Status check_days(int days) {
  if (days < 1 || days > kMaxReportDays)
    return Error::invalid("Ask for between 1 and " + std::to_string(kMaxReportDays) + " days.");
  return {};
}

std::string person_detail(const Person& p) {
  std::string out(person_kind_label(p.kind));
  if (p.kind == PersonKind::kPupil) {
    if (p.year_group && !p.year_group->empty()) out += ", " + *p.year_group;
    if (p.class_name && !p.class_name->empty()) out += ", " + *p.class_name;
  } else if (p.job_title && !p.job_title->empty()) {
    out += ", " + *p.job_title;
  }
  return out;
}

// Person names by id, each read once.
class Names {
 public:
  explicit Names(Connection& conn) : conn_(conn) {}
  Result<const Person*> person(int64_t id) {
    auto it = people_.find(id);
    if (it == people_.end()) it = people_.emplace(id, TRY(get_person_by_id(conn_, id))).first;
    return &it->second;
  }

 private:
  Connection& conn_;
  std::map<int64_t, Person> people_;
};

// The lines of one grouping over [from, to], keyed by the grouping's key as text.
Result<std::map<std::string, ActivityLine>> aggregate(Connection& conn, int64_t school_id,
                                                      int64_t from, int64_t to, const Grouping& g,
                                                      const std::string& extra = "",
                                                      const SqlParams& extra_params = {}) {
  const std::string key(g.key);
  const std::string where =
      " WHERE school_id = ? AND at >= ? AND at <= ? AND " + std::string(g.where) + extra;
  SqlParams params{school_id, from, to};
  params.insert(params.end(), extra_params.begin(), extra_params.end());
  std::map<std::string, ActivityLine> lines;
  Rows totals =
      TRY(conn.query("SELECT " + key +
                         ", COUNT(*), SUM(blocked), SUM(CASE WHEN search_flag <> '' THEN 1 "
                         "ELSE 0 END) FROM filter_decisions" +
                         where + " GROUP BY " + key,
                     params));
  for (const Row& r : totals) {
    RowReader in(r);
    ActivityLine& l = lines[in.text()];
    l.requests = in.integer();
    l.blocked = in.integer();
    l.flagged = in.integer();
  }
  Rows categories = TRY(conn.query("SELECT " + key + ", category, COUNT(*) FROM filter_decisions" +
                                       where + " AND category <> '' GROUP BY " + key + ", category",
                                   params));
  for (const Row& r : categories) {
    RowReader in(r);
    ActivityLine& l = lines[in.text()];
    CategoryCount c;
    c.category = in.text();
    c.requests = in.integer();
    l.categories.push_back(std::move(c));
  }
  for (auto& [k, l] : lines) {
    std::sort(l.categories.begin(), l.categories.end(),
              [](const CategoryCount& a, const CategoryCount& b) {
                return a.requests != b.requests ? a.requests > b.requests : a.category < b.category;
              });
    if (l.categories.size() > kTopCategories) l.categories.resize(kTopCategories);
  }
  Rows attempts = TRY(conn.query(
      "SELECT " + key + ", COUNT(*) FROM filter_circumvention_events" + where + " GROUP BY " + key,
      params));
  for (const Row& r : attempts) {
    RowReader in(r);
    ActivityLine& l = lines[in.text()];
    l.attempts = in.integer();
  }
  SqlParams search_params = params;
  search_params.push_back(kMaxSearchRows);
  Rows searches =
      TRY(conn.query("SELECT " + key +
                         ", at, search_terms, search_flag, blocked, username, source_address "
                         "FROM filter_decisions" +
                         where +
                         " AND search_terms <> '' AND (blocked = 1 OR search_flag <> '') "
                         "ORDER BY at DESC, id DESC LIMIT ?",
                     search_params));
  for (const Row& r : searches) {
    RowReader in(r);
    ActivityLine& l = lines[in.text()];
    if (l.searches.size() >= kSearchesPerLine) continue;
    SearchSeen s;
    s.at = in.integer();
    s.terms = in.text();
    s.flag = in.text();
    s.blocked = in.flag();
    s.who = in.text();  // the user name; person lines put the name in its place
    s.source_address = in.text();
    l.searches.push_back(std::move(s));
  }
  return lines;
}

bool before(const ActivityLine& a, const ActivityLine& b) {
  if (a.attempts != b.attempts) return a.attempts > b.attempts;
  if (a.flagged != b.flagged) return a.flagged > b.flagged;
  if (a.blocked != b.blocked) return a.blocked > b.blocked;
  if (a.requests != b.requests) return a.requests > b.requests;
  return a.name < b.name;
}

std::vector<ActivityLine> ordered(std::map<std::string, ActivityLine> lines, bool& cut) {
  std::vector<ActivityLine> out;
  for (auto& [k, l] : lines) out.push_back(std::move(l));
  std::sort(out.begin(), out.end(), before);
  if (out.size() > kMaxReportLines) {
    out.resize(kMaxReportLines);
    cut = true;
  }
  return out;
}

Status audit(const SchoolScope& at, const char* action, const char* type, int64_t id,
             nlohmann::json detail) {
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{action, type, std::to_string(id), at.school_id, detail.dump()}));
  return {};
}

Result<std::vector<CircumventionEvent>> load_events(Connection& conn, Names& names,
                                                    const std::string& where,
                                                    const SqlParams& params) {
  Rows rows = TRY(conn.query(
      "SELECT id, at, person_id, username, source_address, url, host, kind, category, blocked FROM "
      "filter_circumvention_events " +
          where,
      params));
  std::vector<CircumventionEvent> out;
  for (const Row& r : rows) {
    RowReader in(r);
    CircumventionEvent e;
    e.id = in.integer();
    e.at = in.integer();
    e.person_id = in.optional_integer();
    if (e.person_id) e.person_name = TRY(names.person(*e.person_id))->display_name();
    e.username = in.text();
    e.source_address = in.text();
    e.url = in.text();
    e.host = in.text();
    e.kind = parse_circumvention_kind(in.text()).value_or(CircumventionKind::kCategory);
    e.category = in.text();
    e.blocked = in.flag();
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::string circumvention_description(const CircumventionEvent& e) {
  switch (e.kind) {
    case CircumventionKind::kIpAddress:
      return "A bare IP address, which skips the site's name";
    case CircumventionKind::kNumericAddress:
      return "An IP address written as a number, to hide it";
    case CircumventionKind::kCategory:
      break;
  }
  const std::string& c = e.category;
  std::string what = c == "vpn"                   ? "A VPN service"
                     : c == "doh"                 ? "Encrypted DNS (DNS over HTTPS)"
                     : c == "residential-proxies" ? "A residential proxy service"
                     : c == "dynamic-dns"         ? "A dynamic DNS host"
                                                  : "An anonymising proxy";
  return what + " (" + c + ")";
}

Result<MonitoringReport> monitoring_report(const SchoolScope& at, int days) {
  TRY(check_days(days));
  MonitoringReport report;
  report.days = days;
  report.to = at.now();
  report.from = report.to - static_cast<int64_t>(days) * kDay;
  Rows totals =
      TRY(at.conn.query("SELECT COUNT(*), SUM(blocked) FROM filter_decisions WHERE school_id = ? "
                        "AND at >= ? AND at <= ?",
                        {at.school_id, report.from, report.to}));
  RowReader total(totals[0]);
  report.requests = total.integer();
  report.blocked = total.integer();
  Rows attempts =
      TRY(at.conn.query("SELECT COUNT(*) FROM filter_circumvention_events WHERE school_id = ? AND "
                        "at >= ? AND at <= ?",
                        {at.school_id, report.from, report.to}));
  report.attempts = attempts[0][0].as_int();

  Names names(at.conn);
  auto people = TRY(aggregate(at.conn, at.school_id, report.from, report.to, kByPerson));
  for (auto& [key, line] : people) {
    const Person* p = TRY(names.person(SqlValue(key).as_int()));
    line.person_id = p->id;
    line.name = p->display_name();
    line.detail = person_detail(*p);
    for (SearchSeen& s : line.searches) s.who = line.name;
  }
  report.people = ordered(std::move(people), report.cut);
  auto unknown = TRY(aggregate(at.conn, at.school_id, report.from, report.to, kByUnknownName));
  for (auto& [key, line] : unknown) {
    line.name = key;
    line.detail = "No person of the school has this network user name";
  }
  report.unknown_names = ordered(std::move(unknown), report.cut);

  auto devices = TRY(aggregate(at.conn, at.school_id, report.from, report.to, kByDevice));
  Rows seen = TRY(at.conn.query(
      "SELECT source_address, person_id, username, COUNT(*) FROM filter_decisions WHERE school_id "
      "= ? AND at >= ? "
      "AND at <= ? AND source_address <> '' GROUP BY source_address, person_id, username "
      "ORDER BY source_address, COUNT(*) DESC",
      {at.school_id, report.from, report.to}));
  std::map<std::string, std::vector<std::string>> users;
  for (const Row& r : seen) {
    RowReader in(r);
    auto& list = users[in.text()];
    std::optional<int64_t> person = in.optional_integer();
    std::string username = in.text();
    std::string who = person ? TRY(names.person(*person))->display_name() : username;
    if (!who.empty() && std::find(list.begin(), list.end(), who) == list.end()) list.push_back(who);
  }
  for (auto& [address, line] : devices) {
    line.name = address;
    const auto& list = users[address];
    for (size_t i = 0; i < list.size() && i < 3; ++i) line.detail += (i ? ", " : "") + list[i];
    if (list.size() > 3) line.detail += " and " + std::to_string(list.size() - 3) + " more";
    if (list.empty()) line.detail = "No user name";
    for (SearchSeen& s : line.searches)
      if (s.who.empty()) s.who = s.source_address;
  }
  report.devices = ordered(std::move(devices), report.cut);
  TRY(audit(at, "filter.monitoring_report", "school", at.school_id, {{"days", days}}));
  return report;
}

Result<PersonActivity> person_activity(const SchoolScope& at, int64_t person_id, int days,
                                       int limit) {
  TRY(check_days(days));
  PersonActivity a;
  a.person = TRY(get_person(at.conn, at.school_id, person_id));
  a.network_name = TRY(network_name_of(at.conn, person_id));
  const int64_t now = at.now(), from = now - static_cast<int64_t>(days) * kDay;
  auto lines = TRY(
      aggregate(at.conn, at.school_id, from, now, kByPerson, " AND person_id = ?", {person_id}));
  if (!lines.empty()) a.totals = std::move(lines.begin()->second);
  a.totals.person_id = person_id;
  a.totals.name = a.person.display_name();
  a.totals.detail = person_detail(a.person);
  for (SearchSeen& s : a.totals.searches) s.who = a.totals.name;
  Rows rows = TRY(at.conn.query(
      "SELECT at, username, source_address, url, host, search_terms, search_flag, blocked, "
      "category, rule FROM "
      "filter_decisions WHERE school_id = ? AND person_id = ? AND at >= ? AND at <= ? ORDER BY at "
      "DESC, id DESC "
      "LIMIT ?",
      {at.school_id, person_id, from, now, static_cast<int64_t>(std::max(limit, 0))}));
  for (const Row& r : rows) {
    RowReader in(r);
    DecisionView d;
    d.at = in.integer();
    d.username = in.text();
    d.source_address = in.text();
    d.url = in.text();
    d.host = in.text();
    d.search_terms = in.text();
    d.search_flag = in.text();
    d.blocked = in.flag();
    d.category = in.text();
    d.rule = in.text();
    a.decisions.push_back(std::move(d));
  }
  Names names(at.conn);
  a.events = TRY(load_events(
      at.conn, names, "WHERE school_id = ? AND person_id = ? AND at >= ? ORDER BY at DESC, id DESC",
      {at.school_id, person_id, from}));
  a.bans = TRY(bans_of(at.conn, at.school_id, person_id, now));
  TRY(audit(at, "filter.activity_view", "person", person_id, {{"days", days}}));
  return a;
}

Result<std::vector<CircumventionEvent>> circumvention_events(const SchoolScope& at, int days,
                                                             int limit) {
  TRY(check_days(days));
  Names names(at.conn);
  auto events = TRY(load_events(at.conn, names,
                                "WHERE school_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?",
                                {at.school_id, at.now() - static_cast<int64_t>(days) * kDay,
                                 static_cast<int64_t>(std::max(limit, 0))}));
  TRY(audit(at, "filter.circumvention_view", "school", at.school_id, {{"days", days}}));
  return events;
}

Result<MonitoringCounts> monitoring_counts(Connection& conn, int64_t school_id, int64_t now,
                                           int days) {
  MonitoringCounts c;
  Rows bans = TRY(conn.query(
      "SELECT COUNT(*) FROM filter_bans WHERE school_id = ? AND lifted_at IS NULL", {school_id}));
  c.bans_in_force = bans[0][0].as_int();
  Rows attempts = TRY(
      conn.query("SELECT COUNT(*) FROM filter_circumvention_events WHERE school_id = ? AND at >= ?",
                 {school_id, now - static_cast<int64_t>(days) * kDay}));
  c.attempts = attempts[0][0].as_int();
  return c;
}

}  // namespace inloco::filter
