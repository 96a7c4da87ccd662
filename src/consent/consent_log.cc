#include "consent/consent_log.h"

#include <nlohmann/json.hpp>

#include "consent/decision_store.h"
#include "core/text.h"

namespace inloco {
namespace {

struct Filter {
  std::string where;
  SqlParams params;
};

Filter filter_of(const ConsentLogQuery& q) {
  Filter f;
  f.where = "WHERE d.school_id = ?";
  f.params.emplace_back(q.school_id);
  if (q.year) {
    f.where += " AND d.academic_year = ?";
    f.params.emplace_back(q.year->start_year);
  }
  if (q.use) {
    f.where += " AND d.use_key = ?";
    f.params.emplace_back(*q.use);
  }
  if (q.class_name) {
    f.where += " AND pp.class_name = ?";
    f.params.emplace_back(*q.class_name);
  }
  if (q.decision) {
    f.where += " AND d.decision = ?";
    f.params.emplace_back(consent_state_key(*q.decision));
  }
  if (q.kind) {
    f.where += " AND d.kind = ?";
    f.params.emplace_back(decision_kind_key(*q.kind));
  }
  if (q.pupil_id) {
    f.where += " AND d.pupil_id = ?";
    f.params.emplace_back(*q.pupil_id);
  }
  if (q.standing_only)
    // No later decision for the same pupil, year and use.
    f.where +=
        " AND NOT EXISTS (SELECT 1 FROM consent_decisions n WHERE n.pupil_id = d.pupil_id AND "
        "n.academic_year = d.academic_year AND n.use_key = d.use_key AND (n.effective_from > "
        "d.effective_from OR (n.effective_from = d.effective_from AND n.id > d.id)))";
  return f;
}

constexpr const char* kOrder =
    " ORDER BY d.academic_year DESC, pp.sort_name, d.pupil_id, d.use_key, d.effective_from, d.id";

std::string query_detail(const ConsentLogQuery& q, size_t shown) {
  nlohmann::json j{{"shown", shown}};
  if (q.year) j["year"] = q.year->label();
  if (q.use) j["use"] = *q.use;
  if (q.class_name) j["class"] = *q.class_name;
  if (q.decision) j["decision"] = consent_state_key(*q.decision);
  if (q.kind) j["kind"] = decision_kind_key(*q.kind);
  if (q.pupil_id) j["pupil"] = *q.pupil_id;
  if (q.standing_only) j["standing_only"] = true;
  return j.dump();
}

std::string pupil_or_none(const ConsentLogQuery& q) {
  return q.pupil_id ? std::to_string(*q.pupil_id) : std::string("school");
}

}  // namespace

Result<ConsentLogPage> list_consent_log(Connection& conn, const Clock& clock, const Actor& actor,
                                        const ConsentLogQuery& query) {
  if (query.limit < 1 || query.limit > kMaxConsentLogPageSize)
    return Error::invalid("Show between 1 and " + std::to_string(kMaxConsentLogPageSize) +
                          " decisions a page.");
  if (query.offset < 0) return Error::invalid("The page offset cannot be negative.");
  Filter f = filter_of(query);
  const std::string from =
      " FROM consent_decisions d JOIN people pp ON pp.id = d.pupil_id " + f.where;
  Rows count = TRY(conn.query("SELECT COUNT(*)" + from, f.params));
  SqlParams params = f.params;
  params.emplace_back(query.limit);
  params.emplace_back(query.offset);
  Rows rows = TRY(conn.query(decision_select() + f.where + kOrder + " LIMIT ? OFFSET ?", params));
  ConsentLogPage page;
  page.total = count[0][0].as_int();
  for (const Row& r : rows) page.decisions.push_back(TRY(decision_from_row(r)));
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"consent.view", "consent_log", pupil_or_none(query), query.school_id,
                              query_detail(query, page.decisions.size())}));
  return page;
}

Result<std::string> consent_log_csv(Connection& conn, const Clock& clock, const Actor& actor,
                                    const ConsentRules& rules, const ConsentLogQuery& query) {
  Filter f = filter_of(query);
  Rows rows = TRY(conn.query(decision_select() + f.where + kOrder, f.params));
  std::string out =
      "academic_year,pupil,use,decision,kind,given_by,given_as,given_on,effective_from,"
      "form_reference,note,recorded_by,recorded_at\r\n";
  for (const Row& r : rows) {
    ConsentDecision d = TRY(decision_from_row(r));
    std::vector<std::string> cells = {d.year.label(),
                                      d.pupil_name,
                                      consent_use_label(rules, d.use),
                                      std::string(consent_state_key(d.decision)),
                                      std::string(decision_kind_key(d.kind)),
                                      d.given_by_name,
                                      d.given_as,
                                      d.given_on.iso(),
                                      d.effective_from.iso(),
                                      d.form_reference,
                                      d.note,
                                      d.recorded_by_name,
                                      format_utc(d.recorded_at)};
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    out += "\r\n";
  }
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"consent.export", "consent_log", pupil_or_none(query),
                              query.school_id, query_detail(query, rows.size())}));
  return out;
}

std::string renewals_csv(const std::vector<RenewalRow>& rows, const ConsentRules& rules) {
  std::string out = "class,year_group,pupil,external_id,missing\r\n";
  for (const RenewalRow& r : rows) {
    std::vector<std::string> missing;
    for (const std::string& u : r.missing_uses) missing.push_back(consent_use_label(rules, u));
    out += csv_cell(r.class_name) + "," + csv_cell(r.year_group) + "," + csv_cell(r.name) + "," +
           csv_cell(r.external_id.value_or("")) + "," + csv_cell(join(missing, "; ")) + "\r\n";
  }
  return out;
}

}  // namespace inloco
