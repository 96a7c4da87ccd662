#include "concerns/concern_store.h"

#include <sstream>

#include "core/text.h"
#include "people/person_fields.h"
#include "people/role.h"

namespace inloco {
namespace {

constexpr std::string_view kName = "COALESCE(p.preferred_name, p.given_name) || ' ' || p.family_name";

std::string concern_select() {
  return "SELECT c.id, c.school_id, c.reported_by, c.reported_by_name, c.reported_at, "
         "c.happened_at, c.what_happened, c.subject_kind, c.subject_person_id, " +
         std::string(kName) +
         ", c.subject_description, c.platform, c.risk_area, c.risk_kind, c.concern_type, "
         "c.involves_personal_data, c.about_official_accounts, c.fell_back, c.routing_notes, "
         "c.lado_decision_needed, c.status, c.closed_by, c.closed_by_name, c.closed_at, "
         "c.lessons_learnt, c.policy_change, c.ico_decision_due, c.ico_decision, c.ico_reason, "
         "c.ico_decided_by, c.ico_decided_by_name, c.ico_decided_at "
         "FROM concerns c LEFT JOIN people p ON p.id = c.subject_person_id ";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

Concern concern_from_row(const Row& r) {
  Concern c;
  c.id = r[0].as_int();
  c.school_id = r[1].as_int();
  c.reported_by = r[2].as_int();
  c.reported_by_name = r[3].as_text();
  c.reported_at = r[4].as_int();
  c.happened_at = r[5].as_int();
  c.what_happened = r[6].as_text();
  c.subject_kind = parse_subject_kind(r[7].as_text()).value_or(SubjectKind::kOutside);
  c.subject_person_id = r[8].as_optional_int();
  c.subject_description = r[10].as_text();
  c.subject_name = c.subject_person_id ? r[9].as_text() : c.subject_description;
  c.platform = r[11].as_text();
  c.risk_area = r[12].as_text();
  c.risk_kind = r[13].as_text();
  c.type = r[14].as_text();
  c.involves_personal_data = r[15].as_bool();
  c.about_official_accounts = r[16].as_bool();
  c.fell_back = r[17].as_bool();
  c.routing_notes = lines_of(r[18].as_text());
  c.lado_decision_needed = r[19].as_bool();
  c.status = r[20].as_text() == "closed" ? ConcernStatus::kClosed : ConcernStatus::kOpen;
  c.closed_by = r[21].as_optional_int();
  c.closed_by_name = r[22].as_text();
  c.closed_at = r[23].as_optional_int();
  c.lessons_learnt = r[24].as_text();
  c.policy_change = r[25].as_text();
  c.ico_decision_due = r[26].as_optional_int();
  if (!r[27].is_null()) c.ico_reported = r[27].as_text() == "report";
  c.ico_reason = r[28].as_text();
  c.ico_decided_by = r[29].as_optional_int();
  c.ico_decided_by_name = r[30].as_text();
  c.ico_decided_at = r[31].as_optional_int();
  return c;
}

const char* kViewerColumns =
    "v.person_id, COALESCE(p.preferred_name, p.given_name) || ' ' || p.family_name, v.via, "
    "v.routed_for, v.role, v.reason, v.added_by, v.added_by_name, v.added_at "
    "FROM concern_viewers v JOIN people p ON p.id = v.person_id ";

CaseViewer viewer_from_row(const Row& r) {
  CaseViewer v;
  v.person_id = r[0].as_int();
  v.name = r[1].as_text();
  v.added = r[2].as_text() == "added";
  v.routed_for = split_commas(r[3].as_text());
  v.role = r[4].as_text();
  v.reason = r[5].as_text();
  v.added_by = r[6].as_optional_int();
  v.added_by_name = r[7].as_text();
  v.added_at = r[8].as_int();
  return v;
}

}  // namespace

Result<Concern> load_concern(Connection& conn, int64_t school_id, int64_t concern_id) {
  Rows rows = TRY(conn.query(concern_select() + "WHERE c.id = ? AND c.school_id = ?",
                             {concern_id, school_id}));
  if (rows.empty())
    return Error::not_found("There is no concern " + std::to_string(concern_id) +
                            " at this school.");
  return concern_from_row(rows[0]);
}

Result<std::vector<ConcernParty>> load_parties(Connection& conn, int64_t concern_id) {
  Rows rows = TRY(conn.query(
      "SELECT x.person_id, " + std::string(kName) +
          ", x.description, x.involvement FROM concern_people x LEFT JOIN people p ON p.id = "
          "x.person_id WHERE x.concern_id = ? ORDER BY x.id",
      {concern_id}));
  std::vector<ConcernParty> out;
  for (const Row& r : rows) {
    ConcernParty party;
    party.person_id = r[0].as_optional_int();
    party.description = r[2].as_text();
    party.name = party.person_id ? r[1].as_text() : party.description;
    party.involvement = parse_involvement(r[3].as_text()).value_or(Involvement::kOther);
    out.push_back(std::move(party));
  }
  return out;
}

Result<std::vector<CaseViewer>> load_viewers(Connection& conn, int64_t concern_id) {
  Rows rows = TRY(conn.query(std::string("SELECT ") + kViewerColumns +
                                 "WHERE v.concern_id = ? ORDER BY v.added_at, v.via DESC, p.sort_name, "
                                 "v.person_id",
                             {concern_id}));
  std::vector<CaseViewer> out;
  for (const Row& r : rows) out.push_back(viewer_from_row(r));
  return out;
}

Result<std::optional<CaseViewer>> find_viewer(Connection& conn, int64_t concern_id,
                                              int64_t person_id) {
  Rows rows = TRY(conn.query(std::string("SELECT ") + kViewerColumns +
                                 "WHERE v.concern_id = ? AND v.person_id = ? AND p.active = 1",
                             {concern_id, person_id}));
  if (rows.empty()) return std::optional<CaseViewer>();
  return std::optional<CaseViewer>(viewer_from_row(rows[0]));
}

Result<std::vector<EvidenceItem>> load_evidence(Connection& conn, int64_t concern_id) {
  Rows rows = TRY(conn.query(
      "SELECT id, concern_id, kind, refers_to, description, address, file_sha256, file_size, "
      "file_type, file_name, added_by, added_by_name, added_at FROM concern_evidence WHERE "
      "concern_id = ? ORDER BY refers_to, id",
      {concern_id}));
  std::vector<EvidenceItem> out;
  for (const Row& r : rows) {
    EvidenceItem e;
    e.id = r[0].as_int();
    e.concern_id = r[1].as_int();
    e.kind = parse_evidence_kind(r[2].as_text()).value_or(EvidenceKind::kFile);
    e.refers_to = r[3].as_int();
    e.description = r[4].as_text();
    e.address = r[5].as_text();
    e.address_is_live = true;
    e.file_sha256 = r[6].as_optional_text();
    e.file_size = r[7].as_optional_int();
    e.file_type = r[8].as_text();
    e.file_name = r[9].as_text();
    e.added_by = r[10].as_int();
    e.added_by_name = r[11].as_text();
    e.added_at = r[12].as_int();
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<ConcernAction>> load_actions(Connection& conn, int64_t concern_id) {
  Rows rows = TRY(conn.query(
      "SELECT id, concern_id, kind, taken_at, decision, counterpart, detail, reason, "
      "recorded_by, recorded_by_name, recorded_at FROM concern_actions WHERE concern_id = ? "
      "ORDER BY taken_at, id",
      {concern_id}));
  std::vector<ConcernAction> out;
  for (const Row& r : rows) {
    ConcernAction a;
    a.id = r[0].as_int();
    a.concern_id = r[1].as_int();
    a.kind = parse_action_kind(r[2].as_text()).value_or(ActionKind::kNote);
    a.taken_at = r[3].as_int();
    std::string decision = r[4].as_text();
    if (!decision.empty()) a.decision = decision == "yes";
    a.counterpart = r[5].as_text();
    a.detail = r[6].as_text();
    a.reason = r[7].as_text();
    a.recorded_by = r[8].as_int();
    a.recorded_by_name = r[9].as_text();
    a.recorded_at = r[10].as_int();
    out.push_back(std::move(a));
  }
  return out;
}

Result<int64_t> insert_action(Connection& conn, int64_t concern_id, const ConcernAction& a) {
  std::string decision = a.decision ? (*a.decision ? "yes" : "no") : "";
  return conn.insert(
      "INSERT INTO concern_actions (concern_id, kind, taken_at, decision, counterpart, detail, "
      "reason, recorded_by, recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {concern_id, action_kind_key(a.kind), a.taken_at, decision, a.counterpart, a.detail,
       a.reason, a.recorded_by, a.recorded_by_name, a.recorded_at});
}

Result<std::string> checked_text(std::string_view text, std::string_view what, size_t max,
                                 bool one_line) {
  if (!is_valid_utf8(text))
    return Error::invalid(std::string(what) + " is not valid text; type or paste it again.");
  std::string_view t = trim(text);
  for (char ch : t) {
    auto c = static_cast<unsigned char>(ch);
    bool line_break = c == '\n' || c == '\r' || c == '\t';
    if ((c < 0x20 && !(line_break && !one_line)) || c == 0x7F)
      return Error::invalid(std::string(what) +
                            (one_line ? " should be one line of text." : " contains characters that are not text."));
  }
  if (t.size() > max)
    return Error::invalid(std::string(what) + " is " + std::to_string(t.size()) +
                          " characters long; shorten it to at most " + std::to_string(max) + ".");
  return std::string(t);
}

Result<int64_t> acting_person(const std::optional<int64_t>& person_id, std::string_view doing) {
  if (!person_id)
    return Error::forbidden("Only a signed-in person can " + std::string(doing) +
                            "; sign in, or use --as with your username.");
  return *person_id;
}

}  // namespace inloco
