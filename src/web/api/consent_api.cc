// JSON API for the consent register (CON-1..8): a pupil's current decisions
// and history, recording a form (grant, change or withdrawal), renewals and
// the removal tasks a withdrawal opened.
#include "consent/consent_import.h"
#include "consent/consent_register.h"
#include "consent/removal_tasks.h"
#include "core/academic_year.h"
#include "core/calendar_date.h"
#include "posts/post_context.h"
#include "profile/profile_store.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

using nlohmann::json;

Result<ConsentRules> rules_of(AppContext& app, const Request& req) {
  auto p = app.db.read([&](Connection& c) { return profile_for_school(c, req.school->id); });
  if (!p.ok()) return std::move(p).error();
  return p->consent;
}

}  // namespace

void add_consent_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/api/v1/schools/{school}/consent";

  router.add({V::get, root + "/pupils/{pupil}", Access::kSchool, Capability::kConsentView}, [&app](Request& req) {
    auto id = req.int_param("pupil");
    if (!id) return error_response(app, req, Error::not_found("There is no such pupil."));
    auto rules = rules_of(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    CalendarDate today = date_of(app.clock.now());
    auto out = app.db.transaction([&](Connection& c) -> Result<json> {
      json current = json::object();
      for (const auto& u : consent_uses(*rules)) {
        ConsentStatus s = TRY(consent_for(c, *id, u, today));
        current[u] = consent_state_key(s.state);
      }
      json history = json::array();
      for (const auto& d : TRY(consent_history(c, app.clock, req.actor(), req.school->id, *id)))
        history.push_back({{"id", d.id}, {"year", d.year.label()}, {"use", d.use}, {"decision", consent_state_key(d.decision)},
                           {"kind", decision_kind_key(d.kind)}, {"given_by", d.given_by_name}, {"given_as", d.given_as},
                           {"given_on", d.given_on}, {"effective_from", d.effective_from}, {"form_reference", d.form_reference}});
      return json{{"pupil_id", *id}, {"year", academic_year_of(today).label()}, {"current", current}, {"history", history}};
    });
    if (!out.ok()) return error_response(app, req, out.error());
    return json_response(200, *out);
  });

  router.add({V::post, root + "/pupils/{pupil}", Access::kSchool, Capability::kConsentRecord}, [&app](Request& req) {
    auto id = req.int_param("pupil");
    if (!id) return error_response(app, req, Error::not_found("There is no such pupil."));
    auto rules = rules_of(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    json b = json::parse(req.raw.body(), nullptr, false);
    if (b.is_discarded() || !b.is_object())
      return error_response(app, req, Error::invalid("Send {\"use\", \"decision\", \"given_by_person_id\", \"given_on\", \"form_reference\"} as JSON."));
    auto outcome = app.db.transaction([&](Connection& c) -> Result<RecordOutcome> {
      auto state = parse_consent_state(b.value("decision", ""));
      if (!state) return Error::invalid("\"decision\" must be \"granted\" or \"refused\".");
      auto on = parse_date(b.value("given_on", ""));
      if (!on.ok()) return Error::invalid("\"given_on\" must be a date, YYYY-MM-DD.");
      ConsentEntry e;
      e.pupil_id = *id;
      e.use = b.value("use", "");
      e.decision = *state;
      e.given_by_person_id = b.contains("given_by_person_id") && b["given_by_person_id"].is_number_integer()
                                 ? b["given_by_person_id"].get<int64_t>() : 0;
      e.given_on = *on;
      e.form_reference = b.value("form_reference", "");
      e.note = b.value("note", "");
      return record_consent(c, app.clock, req.actor(), *rules, req.school->id, e, published_posts_finder());
    });
    if (!outcome.ok()) return error_response(app, req, outcome.error());
    return json_response(outcome->recorded ? 201 : 200,
                         {{"decision_id", outcome->decision_id}, {"kind", decision_kind_key(outcome->kind)},
                          {"recorded", outcome->recorded}, {"removal_task_ids", outcome->removal_task_ids}});
  });

  router.add({V::get, root + "/renewals", Access::kSchool, Capability::kConsentView}, [&app](Request& req) {
    auto rules = rules_of(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    AcademicYear year = academic_year_of(date_of(app.clock.now()));
    auto rows = app.db.read([&](Connection& c) { return pupils_without_decision(c, *rules, req.school->id, year); });
    if (!rows.ok()) return error_response(app, req, rows.error());
    json out = json::array();
    for (const auto& r : *rows)
      out.push_back({{"pupil_id", r.pupil_id}, {"name", r.name}, {"class", r.class_name}, {"missing_uses", r.missing_uses}});
    return json_response(200, {{"year", year.label()}, {"pupils", out}});
  });

  // A CSV of forms (the body, text/csv), all or nothing; see consent_import.h.
  router.add({V::post, root + "/import", Access::kSchool, Capability::kConsentRecord}, [&app](Request& req) {
    auto rules = rules_of(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    AcademicYear year = academic_year_of(date_of(app.clock.now()));
    auto report = import_consent_csv(app.db, app.clock, req.actor(), *rules, req.school->id, year, req.raw.body(),
                                     published_posts_finder());
    if (!report.ok()) return error_response(app, req, report.error());
    return json_response(200, {{"rows", report->rows}, {"recorded", report->recorded}, {"unchanged", report->unchanged},
                               {"withdrawals", report->withdrawals}, {"removal_tasks", report->removal_tasks}});
  });

  // {"outcome": "removed" | "not_practicable", "reason": "..."} (CON-5).
  router.add({V::post, root + "/removals/{task}", Access::kSchool, Capability::kRemovalsResolve}, [&app](Request& req) {
    auto id = req.int_param("task");
    if (!id) return error_response(app, req, Error::not_found("There is no such task."));
    json b = json::parse(req.raw.body(), nullptr, false);
    auto text = [&](const char* key) {
      return b.is_object() && b.contains(key) && b[key].is_string() ? b[key].get<std::string>() : std::string();
    };
    auto outcome = parse_removal_status(text("outcome"));
    if (!outcome || *outcome == RemovalStatus::kOpen)
      return error_response(app, req, Error::invalid("\"outcome\" is removed or not_practicable."));
    auto s = app.db.transaction(
        [&](Connection& c) { return resolve_removal(c, app.clock, req.actor(), req.school->id, *id, *outcome, text("reason")); });
    if (!s.ok()) return error_response(app, req, s.error());
    auto task = app.db.read([&](Connection& c) { return get_removal_task(c, req.school->id, *id); });
    if (!task.ok()) return error_response(app, req, task.error());
    return json_response(200, {{"id", task->id}, {"status", removal_status_key(task->status)}});
  });

  router.add({V::get, root + "/removals", Access::kSchool, Capability::kConsentView}, [&app](Request& req) {
    auto tasks = app.db.read([&](Connection& c) { return outstanding_removals(c, req.school->id); });
    if (!tasks.ok()) return error_response(app, req, tasks.error());
    json out = json::array();
    for (const auto& t : *tasks)
      out.push_back({{"id", t.id}, {"pupil_id", t.pupil_id}, {"post_id", t.post_id}, {"account", t.account_name},
                     {"live_url", t.live_url}, {"due_on", t.due_on}, {"status", removal_status_key(t.status)}});
    return json_response(200, {{"removals", out}});
  });
}

}  // namespace inloco::web
