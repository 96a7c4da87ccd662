// The consent register (CON-1..8, LAW-9): removal tasks after withdrawals,
// a class grid for entering paper forms quickly, renewals and the log. A
// pupil's page shows what the API shows (consent/pupil_consent_view.h).
#include <set>

#include "consent/consent_log.h"
#include "consent/consent_register.h"
#include "consent/pupil_consent_view.h"
#include "consent/removal_tasks.h"
#include "core/academic_year.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "posts/post_context.h"
#include "profile/policy_document.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/consent";
}

// Parents and carers with parental responsibility, then the pupil when judged
// competent: who a form may name as giving consent.
mstch::array givers_of(const std::vector<GuardianLink>& responsible, int64_t pupil_id,
                       bool competent_to_consent) {
  mstch::array givers;
  for (const auto& g : responsible)
    givers.push_back(mstch::map{{"id", std::to_string(g.other.id)},
                                {"label", g.other.display_name() + " (" + g.relationship + ")"}});
  if (competent_to_consent)
    givers.push_back(
        mstch::map{{"id", std::to_string(pupil_id)}, {"label", std::string("The pupil")}});
  return givers;
}

Result<HttpResponse> home(AppContext& app, Request& req, const Error* error = nullptr,
                          unsigned status = 200) {
  ConsentRules rules = TRY(school_profile(app, req)).consent;
  CalendarDate today = date_of(app.clock.now());
  AcademicYear year = academic_year_of(today);
  mstch::map c{{"year", year.label()},
               {"grid_action", base(req) + "/grid"},
               {"renewals_href", base(req) + "/renewals"},
               {"renewals_csv_href", base(req) + "/renewals.csv"},
               {"log_csv_href", base(req) + "/log.csv"}};
  bool resolves = req.can(Capability::kRemovalsResolve);
  TRY(app.db.read([&](Connection& conn) -> Status {
    auto removals = TRY(outstanding_removals(conn, req.school->id));
    mstch::array rows;
    for (const auto& t : removals) {
      std::string assigned;
      for (const auto& a : t.assigned_to) assigned += (assigned.empty() ? "" : ", ") + a.name;
      mstch::map m{
          {"id", std::to_string(t.id)},
          {"pupil", t.pupil_name},
          {"account", t.account_name},
          {"url", t.live_url},
          {"due", long_date(t.due_on)},
          {"overdue", t.due_on < today},
          {"assigned",
           assigned.empty() ? std::string("Nobody: the account has no administrator") : assigned},
          {"csrf", csrf_token(req)}};
      if (resolves) m.emplace("resolve_action", base(req) + "/removals/" + std::to_string(t.id));
      rows.push_back(m);
    }
    c["removals"] = rows;
    c["can_resolve"] = resolves;
    if (req.can(Capability::kConsentRecord)) c["import_href"] = base(req) + "/import";
    PeopleQuery q;
    q.school_id = req.school->id;
    q.kind = PersonKind::kPupil;
    q.limit = 500;
    std::set<std::string> classes;
    for (int64_t offset = 0;; offset += q.limit) {
      q.offset = offset;
      auto page = TRY(list_people(conn, q));
      for (const auto& p : page.people)
        if (p.class_name) classes.insert(*p.class_name);
      if (offset + q.limit >= page.total) break;
    }
    c["classes"] = mstch::array(classes.begin(), classes.end());
    auto missing = TRY(pupils_without_decision(conn, rules, req.school->id, year));
    c["missing"] = std::to_string(missing.size());
    return {};
  }));
  if (error) c.emplace("errors", error_list(*error));
  return render_page(app, req, "Consent", "consent_home", std::move(c), status);
}

Result<HttpResponse> grid_page(AppContext& app, Request& req, const std::string& report = "",
                               const Error* error = nullptr, unsigned status = 200) {
  ConsentRules rules = TRY(school_profile(app, req)).consent;
  std::string cls = req.query_value("class");
  if (cls.empty()) {
    Error e = Error::invalid("Choose a class.");
    return home(app, req, &e, 422);
  }
  CalendarDate today = date_of(app.clock.now());
  AcademicYear year = academic_year_of(today);
  mstch::map c{{"back_href", base(req)},
               {"class", cls},
               {"year", year.label()},
               {"today", today.iso()},
               {"action", base(req) + "/grid?class=" + url_encode(cls)}};
  TRY(app.db.read([&](Connection& conn) -> Status {
    auto grid = TRY(class_grid(SchoolScope{conn, app.clock, req.actor(), req.school->id}, rules,
                               PupilGroup{cls, std::nullopt}, year));
    mstch::array uses;
    for (const auto& u : grid.uses)
      uses.push_back(mstch::map{{"label", consent_use_label(rules, u)}});
    mstch::array rows;
    for (const auto& r : grid.rows) {
      std::vector<GuardianLink> responsible;
      for (auto& g : TRY(guardians_of(conn, r.pupil_id)))
        if (g.parental_responsibility) responsible.push_back(std::move(g));
      mstch::array givers = givers_of(responsible, r.pupil_id, r.competent_to_consent);
      mstch::array cells;
      for (size_t i = 0; i < r.cells.size(); ++i) {
        ConsentState s = r.cells[i].state;
        cells.push_back(mstch::map{{"pupil", std::to_string(r.pupil_id)},
                                   {"use", grid.uses[i]},
                                   {"use_label", consent_use_label(rules, grid.uses[i])},
                                   {"name", r.name},
                                   {"none", s == ConsentState::kNone},
                                   {"granted", s == ConsentState::kGranted},
                                   {"refused", s == ConsentState::kRefused}});
      }
      rows.push_back(mstch::map{{"pupil", std::to_string(r.pupil_id)},
                                {"name", r.name},
                                {"givers", givers},
                                {"cells", cells},
                                {"href", base(req) + "/pupils/" + std::to_string(r.pupil_id)}});
    }
    c["uses"] = uses;
    c["rows"] = rows;
    return {};
  }));
  if (!report.empty()) c.emplace("report", report);
  if (error) c.emplace("errors", error_list(*error));
  return render_page(app, req, "Consent for " + cls, "consent_grid", std::move(c), status);
}

Result<HttpResponse> save_grid(AppContext& app, Request& req) {
  ConsentRules rules = TRY(school_profile(app, req)).consent;
  std::string cls = req.query_value("class");
  const Fields& f = req.form();
  CalendarDate today = date_of(app.clock.now());
  AcademicYear year = academic_year_of(today);
  auto given_on = parse_date(field(f, "given_on"));
  if (!given_on.ok()) {
    Error e = Error::invalid("Give the date on the forms, as a real date.");
    return grid_page(app, req, "", &e, 422);
  }
  auto result = app.db.transaction([&](Connection& conn) -> Result<GridReport> {
    auto grid = TRY(class_grid(SchoolScope{conn, app.clock, req.actor(), req.school->id}, rules,
                               PupilGroup{cls, std::nullopt}, year));
    std::vector<ConsentEntry> entries;
    for (const auto& r : grid.rows) {
      int64_t by = std::atoll(field(f, "by_" + std::to_string(r.pupil_id)).c_str());
      for (size_t i = 0; i < grid.uses.size(); ++i) {
        std::string v = field(f, "c_" + std::to_string(r.pupil_id) + "_" + grid.uses[i]);
        if (v.empty()) continue;  // a decision is never taken back to "none": history stays
        ConsentState want = v == "granted" ? ConsentState::kGranted : ConsentState::kRefused;
        if (want == r.cells[i].state) continue;
        ConsentEntry e;
        e.pupil_id = r.pupil_id;
        e.use = grid.uses[i];
        e.decision = want;
        e.given_by_person_id = by;
        e.given_on = *given_on;
        e.form_reference = field(f, "form_reference");
        entries.push_back(std::move(e));
      }
    }
    if (entries.empty()) return GridReport{};  // nothing changed on the page
    return record_grid(SchoolScope{conn, app.clock, req.actor(), req.school->id}, rules, year,
                       entries, published_posts_finder());
  });
  if (!result.ok())
    return grid_page(app, req, "", &result.error(), http_status(result.error().code));
  std::string report = std::to_string(result->recorded) + " decisions recorded";
  if (result->withdrawals)
    report += ", including " + std::to_string(result->withdrawals) + " withdrawals (" +
              std::to_string(result->removal_tasks) + " posts to take down)";
  report += ".";
  return grid_page(app, req, report);
}

Result<HttpResponse> pupil_page(AppContext& app, Request& req, const Error* error = nullptr,
                                unsigned status = 200) {
  auto id = req.int_param("pupil");
  if (!id) return Error::not_found("There is no such pupil.");
  ConsentRules rules = TRY(school_profile(app, req)).consent;
  CalendarDate today = date_of(app.clock.now());
  Actor actor = req.actor();
  PupilConsentView view = TRY(app.db.transaction([&](Connection& conn) {
    return view_pupil_consent(SchoolScope{conn, app.clock, actor, req.school->id}, rules, *id,
                              today);
  }));
  const Person& pupil = view.pupil;
  mstch::array current, uses;
  for (const auto& u : view.current) {
    current.push_back(mstch::map{{"use", consent_use_label(rules, u.use)},
                                 {"year", u.status.year.label()},
                                 {"state", std::string(consent_state_label(u.status.state))}});
    uses.push_back(mstch::map{{"key", u.use}, {"label", consent_use_label(rules, u.use)}});
  }
  mstch::array history;
  for (const auto& d : view.history)
    history.push_back(
        mstch::map{{"year", d.year.label()},
                   {"use", consent_use_label(rules, d.use)},
                   {"decision", std::string(consent_state_label(d.decision)) +
                                    (d.kind == DecisionKind::kWithdrawal ? " (withdrawal)" : "")},
                   {"by", d.given_by_name},
                   {"from", long_date(d.effective_from)},
                   {"form", d.form_reference}});
  mstch::map c{{"back_href", base(req)},
               {"today", today.iso()},
               {"name", pupil.display_name()},
               {"class", pupil.class_name.value_or(pupil.year_group.value_or(""))},
               {"current", current},
               {"uses", uses},
               {"givers", givers_of(view.responsible, pupil.id, pupil.competent_to_consent)},
               {"history", history}};
  if (req.can(Capability::kConsentRecord))
    c.emplace("record_action", base(req) + "/pupils/" + std::to_string(*id));
  if (error) c.emplace("errors", error_list(*error));
  return render_page(app, req, "Consent", "consent_pupil", std::move(c), status);
}

Result<HttpResponse> record_one(AppContext& app, Request& req) {
  auto id = req.int_param("pupil");
  if (!id) return Error::not_found("There is no such pupil.");
  ConsentRules rules = TRY(school_profile(app, req)).consent;
  const Fields& f = req.form();
  auto s = app.db.transaction([&](Connection& conn) -> Status {
    std::string decision = field(f, "decision");
    if (decision != "granted" && decision != "refused")
      return Error::invalid("Choose granted, or refused or withdrawn.");
    ConsentEntry e;
    e.pupil_id = *id;
    e.use = field(f, "use");
    e.decision = decision == "granted" ? ConsentState::kGranted : ConsentState::kRefused;
    e.given_by_person_id = std::atoll(field(f, "given_by").c_str());
    auto on = parse_date(field(f, "given_on"));
    if (!on.ok()) return Error::invalid("Give the date on the form, as a real date.");
    e.given_on = *on;
    e.form_reference = field(f, "form_reference");
    e.note = field(f, "note");
    TRY(record_consent(SchoolScope{conn, app.clock, req.actor(), req.school->id}, rules, e,
                       published_posts_finder()));
    return {};
  });
  if (!s.ok()) return pupil_page(app, req, &s.error(), http_status(s.error().code));
  return redirect_response(base(req) + "/pupils/" + std::to_string(*id));
}

}  // namespace

void add_consent_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/consent";
  router.add({V::get, root, Access::kSchool, Capability::kConsentView},
             [&app](Request& req) { return home(app, req); });
  router.add({V::get, root + "/grid", Access::kSchool, Capability::kConsentRecord},
             [&app](Request& req) { return grid_page(app, req); });
  router.add({V::post, root + "/grid", Access::kSchool, Capability::kConsentRecord},
             [&app](Request& req) { return save_grid(app, req); });
  router.add({V::get, root + "/pupils/{pupil}", Access::kSchool, Capability::kConsentView},
             [&app](Request& req) { return pupil_page(app, req); });
  router.add({V::post, root + "/pupils/{pupil}", Access::kSchool, Capability::kConsentRecord},
             [&app](Request& req) { return record_one(app, req); });
  router.add({V::get, root + "/renewals", Access::kSchool, Capability::kConsentView},
             [&app](Request& req) -> Result<HttpResponse> {
               ConsentRules rules = TRY(school_profile(app, req)).consent;
               AcademicYear year = academic_year_of(date_of(app.clock.now()));
               auto rows = TRY(app.db.read([&](Connection& c) {
                 return pupils_without_decision(c, rules, req.school->id, year);
               }));
               mstch::array list;
               for (const auto& r : rows) {
                 std::string missing;
                 for (const auto& u : r.missing_uses)
                   missing += (missing.empty() ? "" : "; ") + consent_use_label(rules, u);
                 list.push_back(
                     mstch::map{{"name", r.name}, {"class", r.class_name}, {"missing", missing}});
               }
               return render_page(app, req, "Renewals", "consent_renewals",
                                  mstch::map{{"back_href", base(req)},
                                             {"year", year.label()},
                                             {"rows", list},
                                             {"count", std::to_string(rows.size())}});
             });
  router.add({V::get, root + "/renewals.csv", Access::kSchool, Capability::kConsentView},
             [&app](Request& req) -> Result<HttpResponse> {
               ConsentRules rules = TRY(school_profile(app, req)).consent;
               AcademicYear year = academic_year_of(date_of(app.clock.now()));
               auto rows = TRY(app.db.read([&](Connection& c) {
                 return pupils_without_decision(c, rules, req.school->id, year);
               }));
               return csv_response("consent-renewals-" + req.school->code + ".csv",
                                   renewals_csv(rows, rules));
             });
  router.add({V::get, root + "/log.csv", Access::kSchool, Capability::kConsentView},
             [&app](Request& req) -> Result<HttpResponse> {
               ConsentRules rules = TRY(school_profile(app, req)).consent;
               ConsentLogQuery q;
               q.school_id = req.school->id;
               q.limit = kMaxConsentLogPageSize;
               std::string csv = TRY(app.db.transaction([&](Connection& c) {
                 return consent_log_csv(c, app.clock, req.actor(), rules, q);
               }));
               return csv_response("consent-log-" + req.school->code + ".csv", csv);
             });
  router.add({V::post, root + "/removals/{task}", Access::kSchool, Capability::kRemovalsResolve},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("task");
               if (!id) return Error::not_found("There is no such task.");
               auto outcome = parse_removal_status(field(req.form(), "outcome"));
               std::string reason = field(req.form(), "reason");
               auto s = app.db.transaction([&](Connection& c) -> Status {
                 if (!outcome || *outcome == RemovalStatus::kOpen)
                   return Error::invalid("Choose taken down or not practicable.");
                 return resolve_removal(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id,
                                        *outcome, reason);
               });
               if (!s.ok()) return home(app, req, &s.error(), http_status(s.error().code));
               return redirect_response(base(req));
             });
}

}  // namespace inloco::web
