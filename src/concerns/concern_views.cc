#include "concerns/concern_views.h"

#include "people/people_store.h"

namespace inloco {

Status require_may_view_case(Database& db, int64_t person_id, int64_t concern_id) {
  return db.read(
      [&](Connection& conn) { return require_may_view_case(conn, person_id, concern_id); });
}

Result<ConcernCase> view_case(Database& db, const Clock& clock, const Actor& actor,
                              const ConcernRules& rules, const Grants& grants, int64_t school_id,
                              int64_t concern_id) {
  auto kase = db.transaction([&](Connection& conn) {
    return open_case(SchoolScope{conn, clock, actor, school_id}, rules, grants, concern_id);
  });
  if (!kase.ok()) return as_case_refusal(std::move(kase).error());
  return kase;
}

Result<EvidenceFile> view_evidence_file(Database& db, const Clock& clock, const Actor& actor,
                                        int64_t school_id, int64_t concern_id, int64_t evidence_id,
                                        const EvidenceVault& vault) {
  auto file = db.transaction([&](Connection& conn) {
    return read_evidence_file(SchoolScope{conn, clock, actor, school_id}, concern_id, evidence_id,
                              vault);
  });
  if (!file.ok()) return as_case_refusal(std::move(file).error());
  return file;
}

Result<CaseList> view_case_list(Database& db, const Clock& clock, const Actor& actor,
                                int64_t school_id) {
  CaseList list;
  list.cases = TRY(db.transaction([&](Connection& conn) {
    return cases_for(SchoolScope{conn, clock, actor, school_id});
  }));
  for (const CaseSummary& s : list.cases) {
    list.new_count += s.is_new();
    list.overdue_count += s.overdue();
  }
  return list;
}

Result<PupilChronology> view_pupil_chronology(Database& db, const Clock& clock, const Actor& actor,
                                              int64_t school_id, int64_t pupil_id) {
  return db.transaction([&](Connection& conn) -> Result<PupilChronology> {
    PupilChronology out;
    out.entries = TRY(pupil_chronology(SchoolScope{conn, clock, actor, school_id}, pupil_id));
    out.pupil = TRY(get_person(conn, school_id, pupil_id));
    return out;
  });
}

Error no_such_report_among_yours() {
  return Error::not_found("There is no such report among yours.");
}

Error as_report_refusal(Error e) {
  if (e.code == ErrorCode::kForbidden || e.code == ErrorCode::kNotFound)
    return no_such_report_among_yours();
  return e;
}

Result<SubmittedReport> view_own_report(Database& db, const Clock& clock, const Actor& actor,
                                        int64_t school_id, int64_t concern_id) {
  auto report = db.transaction([&](Connection& conn) {
    return submitted_report(SchoolScope{conn, clock, actor, school_id}, concern_id);
  });
  if (!report.ok()) return as_report_refusal(std::move(report).error());
  return report;
}

}  // namespace inloco
