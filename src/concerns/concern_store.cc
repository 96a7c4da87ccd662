#include "concerns/concern_store.h"

#include <sstream>

#include "core/text.h"
#include "people/person_fields.h"
#include "people/role.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

constexpr std::string_view kName =
    "COALESCE(p.preferred_name, p.given_name) || ' ' || p.family_name";

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
  RowReader in(r);
  Concern c;
  c.id = in.integer();
  c.school_id = in.integer();
  c.reported_by = in.integer();
  c.reported_by_name = in.text();
  c.reported_at = in.integer();
  c.happened_at = in.integer();
  c.what_happened = in.text();
  c.subject_kind = parse_subject_kind(in.text()).value_or(SubjectKind::kOutside);
  c.subject_person_id = in.optional_integer();
  std::string subject_person_name = in.text();  // empty when no person is linked
  c.subject_description = in.text();
  c.subject_name = c.subject_person_id ? subject_person_name : c.subject_description;
  c.platform = in.text();
  c.risk_area = in.text();
  c.risk_kind = in.text();
  c.type = in.text();
  c.involves_personal_data = in.flag();
  c.about_official_accounts = in.flag();
  c.fell_back = in.flag();
  c.routing_notes = lines_of(in.text());
  c.lado_decision_needed = in.flag();
  c.status = in.text() == "closed" ? ConcernStatus::kClosed : ConcernStatus::kOpen;
  c.closed_by = in.optional_integer();
  c.closed_by_name = in.text();
  c.closed_at = in.optional_integer();
  c.lessons_learnt = in.text();
  c.policy_change = in.text();
  c.ico_decision_due = in.optional_integer();
  if (std::optional<std::string> ico_decision = in.optional_text())
    c.ico_reported = *ico_decision == "report";
  c.ico_reason = in.text();
  c.ico_decided_by = in.optional_integer();
  c.ico_decided_by_name = in.text();
  c.ico_decided_at = in.optional_integer();
  return c;
}

const char* kViewerColumns =
    "v.person_id, COALESCE(p.preferred_name, p.given_name) || ' ' || p.family_name, v.via, "
    "v.routed_for, v.role, v.reason, v.added_by, v.added_by_name, v.added_at "
    "FROM concern_viewers v JOIN people p ON p.id = v.person_id ";

CaseViewer viewer_from_row(const Row& r) {
  RowReader in(r);
  CaseViewer v;
  v.person_id = in.integer();
  v.name = in.text();
  v.added = in.text() == "added";
  v.routed_for = split_commas(in.text());
  v.role = in.text();
  v.reason = in.text();
  v.added_by = in.optional_integer();
  v.added_by_name = in.text();
  v.added_at = in.integer();
  return v;
}

}  // namespace

Result<Concern> load_concern(Connection& conn, int64_t school_id, int64_t concern_id) {
  Rows rows = TRY(
      conn.query(concern_select() + "WHERE c.id = ? AND c.school_id = ?", {concern_id, school_id}));
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
    RowReader in(r);
    ConcernParty party;
    party.person_id = in.optional_integer();
    std::string person_name = in.text();  // empty when no person is linked
    party.description = in.text();
    party.name = party.person_id ? person_name : party.description;
    party.involvement = parse_involvement(in.text()).value_or(Involvement::kOther);
    out.push_back(std::move(party));
  }
  return out;
}

Result<std::vector<CaseViewer>> load_viewers(Connection& conn, int64_t concern_id) {
  Rows rows =
      TRY(conn.query(std::string("SELECT ") + kViewerColumns +
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
    RowReader in(r);
    EvidenceItem e;
    e.id = in.integer();
    e.concern_id = in.integer();
    e.kind = parse_evidence_kind(in.text()).value_or(EvidenceKind::kFile);
    e.refers_to = in.integer();
    e.description = in.text();
    e.address = in.text();
    e.address_is_live = true;
    e.file_sha256 = in.optional_text();
    e.file_size = in.optional_integer();
    e.file_type = in.text();
    e.file_name = in.text();
    e.added_by = in.integer();
    e.added_by_name = in.text();
    e.added_at = in.integer();
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
    RowReader in(r);
    ConcernAction a;
    a.id = in.integer();
    a.concern_id = in.integer();
    a.kind = parse_action_kind(in.text()).value_or(ActionKind::kNote);
    a.taken_at = in.integer();
    std::string decision = in.text();
    if (!decision.empty()) a.decision = decision == "yes";
    a.counterpart = in.text();
    a.detail = in.text();
    a.reason = in.text();
    a.recorded_by = in.integer();
    a.recorded_by_name = in.text();
    a.recorded_at = in.integer();
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
      {concern_id, action_kind_key(a.kind), a.taken_at, decision, a.counterpart, a.detail, a.reason,
       a.recorded_by, a.recorded_by_name, a.recorded_at});
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
      return Error::invalid(std::string(what) + (one_line
                                                     ? " should be one line of text."
                                                     : " contains characters that are not text."));
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
