// JSON API for the consent register (CON-1..8): a pupil's current decisions
// and history, recording a form (grant, change or withdrawal), renewals and
// the removal tasks a withdrawal opened. A pupil's consent is what the
// pupil's page shows (consent/pupil_consent_view.h).
#include "consent/consent_import.h"
#include "consent/consent_register.h"
#include "consent/pupil_consent_view.h"
#include "consent/removal_tasks.h"
#include "core/academic_year.h"
#include "core/calendar_date.h"
#include "posts/post_context.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

using nlohmann::json;

}  // namespace

void add_consent_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/api/v1/schools/{school}/consent";

  router.add({V::get, root + "/pupils/{pupil}", Access::kSchool, Capability::kConsentView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("pupil");
               if (!id) return Error::not_found("There is no such pupil.");
               ConsentRules rules = TRY(school_profile(app, req)).consent;
               CalendarDate today = date_of(app.clock.now());
               Actor actor = req.actor();
               PupilConsentView view = TRY(app.db.transaction([&](Connection& c) {
                 return view_pupil_consent(SchoolScope{c, app.clock, actor, req.school->id}, rules,
                                           *id, today);
               }));
               json current = json::object();
               for (const auto& u : view.current)
                 current[u.use] = consent_state_key(u.status.state);
               json history = json::array();
               for (const auto& d : view.history)
                 history.push_back({{"id", d.id},
                                    {"year", d.year.label()},
                                    {"use", d.use},
                                    {"decision", consent_state_key(d.decision)},
                                    {"kind", decision_kind_key(d.kind)},
                                    {"given_by", d.given_by_name},
                                    {"given_as", d.given_as},
                                    {"given_on", d.given_on.iso()},
                                    {"effective_from", d.effective_from.iso()},
                                    {"form_reference", d.form_reference}});
               return json_response(200, {{"pupil_id", *id},
                                          {"year", academic_year_of(today).label()},
                                          {"current", current},
                                          {"history", history}});
             });

  router.add({V::post, root + "/pupils/{pupil}", Access::kSchool, Capability::kConsentRecord},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("pupil");
               if (!id) return Error::not_found("There is no such pupil.");
               ConsentRules rules = TRY(school_profile(app, req)).consent;
               json b = json::parse(req.raw.body(), nullptr, false);
               if (b.is_discarded() || !b.is_object())
                 return Error::invalid(
                     "Send {\"use\", \"decision\", \"given_by_person_id\", \"given_on\", "
                     "\"form_reference\"} as JSON.");
               RecordOutcome outcome =
                   TRY(app.db.transaction([&](Connection& c) -> Result<RecordOutcome> {
                     auto state = parse_consent_state(b.value("decision", ""));
                     if (!state)
                       return Error::invalid("\"decision\" must be \"granted\" or \"refused\".");
                     auto on = parse_date(b.value("given_on", ""));
                     if (!on.ok())
                       return Error::invalid("\"given_on\" must be a date, YYYY-MM-DD.");
                     ConsentEntry e;
                     e.pupil_id = *id;
                     e.use = b.value("use", "");
                     e.decision = *state;
                     e.given_by_person_id = b.contains("given_by_person_id") &&
                                                    b["given_by_person_id"].is_number_integer()
                                                ? b["given_by_person_id"].get<int64_t>()
                                                : 0;
                     e.given_on = *on;
                     e.form_reference = b.value("form_reference", "");
                     e.note = b.value("note", "");
                     return record_consent(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                           rules, e, published_posts_finder());
                   }));
               return json_response(outcome.recorded ? 201 : 200,
                                    {{"decision_id", outcome.decision_id},
                                     {"kind", decision_kind_key(outcome.kind)},
                                     {"recorded", outcome.recorded},
                                     {"removal_task_ids", outcome.removal_task_ids}});
             });

  router.add({V::get, root + "/renewals", Access::kSchool, Capability::kConsentView},
             [&app](Request& req) -> Result<HttpResponse> {
               ConsentRules rules = TRY(school_profile(app, req)).consent;
               AcademicYear year = academic_year_of(date_of(app.clock.now()));
               auto rows = TRY(app.db.read([&](Connection& c) {
                 return pupils_without_decision(c, rules, req.school->id, year);
               }));
               json out = json::array();
               for (const auto& r : rows)
                 out.push_back({{"pupil_id", r.pupil_id},
                                {"name", r.name},
                                {"class", r.class_name},
                                {"missing_uses", r.missing_uses}});
               return json_response(200, {{"year", year.label()}, {"pupils", out}});
             });

  // A CSV of forms (the body, text/csv), all or nothing; see consent_import.h.
  router.add({V::post, root + "/import", Access::kSchool, Capability::kConsentRecord},
             [&app](Request& req) -> Result<HttpResponse> {
               ConsentRules rules = TRY(school_profile(app, req)).consent;
               AcademicYear year = academic_year_of(date_of(app.clock.now()));
               auto report = TRY(app.db.transaction([&](Connection& c) {
                 return import_consent_csv(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                           rules, year, req.raw.body(), published_posts_finder());
               }));
               return json_response(200, {{"rows", report.rows},
                                          {"recorded", report.recorded},
                                          {"unchanged", report.unchanged},
                                          {"withdrawals", report.withdrawals},
                                          {"removal_tasks", report.removal_tasks}});
             });

  // {"outcome": "removed" | "not_practicable", "reason": "..."} (CON-5).
  router.add(
      {V::post, root + "/removals/{task}", Access::kSchool, Capability::kRemovalsResolve},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("task");
        if (!id) return Error::not_found("There is no such task.");
        json b = json::parse(req.raw.body(), nullptr, false);
        auto text = [&](const char* key) {
          return b.is_object() && b.contains(key) && b[key].is_string() ? b[key].get<std::string>()
                                                                        : std::string();
        };
        auto outcome = parse_removal_status(text("outcome"));
        if (!outcome || *outcome == RemovalStatus::kOpen)
          return Error::invalid("\"outcome\" is removed or not_practicable.");
        TRY(app.db.transaction([&](Connection& c) {
          return resolve_removal(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id,
                                 *outcome, text("reason"));
        }));
        auto task = TRY(
            app.db.read([&](Connection& c) { return get_removal_task(c, req.school->id, *id); }));
        return json_response(200, {{"id", task.id}, {"status", removal_status_key(task.status)}});
      });

  router.add({V::get, root + "/removals", Access::kSchool, Capability::kConsentView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto tasks = TRY(app.db.read(
                   [&](Connection& c) { return outstanding_removals(c, req.school->id); }));
               json out = json::array();
               for (const auto& t : tasks)
                 out.push_back({{"id", t.id},
                                {"pupil_id", t.pupil_id},
                                {"post_id", t.post_id},
                                {"account", t.account_name},
                                {"live_url", t.live_url},
                                {"due_on", t.due_on.iso()},
                                {"status", removal_status_key(t.status)}});
               return json_response(200, {{"removals", out}});
             });
}

}  // namespace inloco::web
