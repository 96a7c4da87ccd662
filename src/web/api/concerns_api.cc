// JSON API for the concern log (INC-1..8, LAW-1..5): report a concern or a
// contact on a personal account (INC-8), list one's own reports and add
// evidence to them, list the cases one may open, get a case (each view
// audited by the library), add an action, add evidence (a multipart form),
// record the ICO decision, add someone to a case, close with the debrief,
// reopen, and a pupil's chronology. Times are Unix seconds. Anyone who may
// not open a case gets 404 "There is no such concern among yours", never its
// content.
#include "concerns/case_access.h"
#include "concerns/concern_actions.h"
#include "concerns/concern_evidence.h"
#include "concerns/concern_reports.h"
#include "concerns/concern_views.h"
#include "web/api/json_fields.h"
#include "web/page.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

using nlohmann::json;

Result<ConcernReport> report_of(const std::string& body) {
  json b = json::parse(body, nullptr, false);
  if (b.is_discarded() || !b.is_object())
    return Error::invalid("Send the concern as a JSON object.");
  ConcernReport r;
  r.happened_at = int_field(b, "happened_at");
  r.what_happened = text_field(b, "what_happened");
  std::string kind = text_field(b, "subject_kind");
  if (!kind.empty()) {
    auto k = parse_subject_kind(kind);
    if (!k)
      return Error::invalid("\"subject_kind\" is pupil, staff, headteacher, parent or outside.");
    r.subject_kind = *k;
  }
  r.subject_person_id = int_field(b, "subject_person_id");
  r.subject_description = text_field(b, "subject_description");
  if (b.contains("involved") && b["involved"].is_array())
    for (const auto& p : b["involved"]) {
      if (!p.is_object()) continue;
      InvolvedPerson i{int_field(p, "person_id"), text_field(p, "description"),
                       Involvement::kAffected};
      if (auto how = parse_involvement(text_field(p, "involvement"))) i.involvement = *how;
      r.involved.push_back(std::move(i));
    }
  r.platform = text_field(b, "platform");
  r.risk_area = text_field(b, "risk_area");
  r.risk_kind = text_field(b, "risk_kind");
  r.type = text_field(b, "type");
  r.involves_personal_data = flag_field(b, "involves_personal_data");
  r.about_official_accounts = flag_field(b, "about_official_accounts");
  return r;
}

json evidence_json(const EvidenceItem& e) {
  return {{"id", e.id},
          {"kind", evidence_kind_key(e.kind)},
          {"refers_to", e.refers_to},
          {"description", e.description},
          {"address", e.address},
          {"address_is_live", e.address_is_live},
          {"sha256", e.file_sha256 ? json(*e.file_sha256) : json(nullptr)},
          {"bytes", or_null(e.file_size)},
          {"file_type", e.file_type},
          {"added_by", e.added_by_name},
          {"added_at", e.added_at}};
}

json action_json(const ConcernAction& a) {
  return {{"id", a.id},
          {"kind", action_kind_key(a.kind)},
          {"taken_at", a.taken_at},
          {"decision", a.decision ? json(*a.decision) : json(nullptr)},
          {"counterpart", a.counterpart},
          {"detail", a.detail},
          {"reason", a.reason},
          {"recorded_by", a.recorded_by_name},
          {"recorded_at", a.recorded_at}};
}

json case_json(const ConcernCase& k) {
  const Concern& c = k.concern;
  json involved = json::array(), viewers = json::array(), evidence = json::array(),
       actions = json::array();
  for (const auto& p : k.involved)
    involved.push_back({{"person_id", or_null(p.person_id)},
                        {"name", p.name},
                        {"description", p.description},
                        {"involvement", involvement_key(p.involvement)}});
  for (const auto& v : k.viewers)
    viewers.push_back({{"person_id", v.person_id},
                       {"name", v.name},
                       {"added", v.added},
                       {"routed_for", v.routed_for},
                       {"role", v.role},
                       {"reason", v.reason}});
  for (const auto& e : k.evidence) evidence.push_back(evidence_json(e));
  for (const auto& a : k.actions) actions.push_back(action_json(a));
  return {{"id", c.id},
          {"status", concern_status_key(c.status)},
          {"reported_at", c.reported_at},
          {"reported_by", c.reported_by_name},
          {"happened_at", c.happened_at},
          {"what_happened", c.what_happened},
          {"subject_kind", subject_kind_key(c.subject_kind)},
          {"subject_person_id", or_null(c.subject_person_id)},
          {"subject_name", c.subject_name},
          {"platform", c.platform},
          {"type", c.type},
          {"risk_area", c.risk_area},
          {"risk_kind", c.risk_kind},
          {"involves_personal_data", c.involves_personal_data},
          {"fell_back", c.fell_back},
          {"routing_notes", c.routing_notes},
          {"lado_decision_needed", c.lado_decision_needed},
          {"lado_decision_due", c.lado_decision_needed && !k.lado_decision_recorded()
                                    ? json(lado_decision_due(c.reported_at))
                                    : json(nullptr)},
          {"ico_decision_due", or_null(c.ico_decision_due)},
          {"ico_reported", c.ico_reported ? json(*c.ico_reported) : json(nullptr)},
          {"lessons_learnt", c.lessons_learnt},
          {"policy_change", c.policy_change},
          {"involved", involved},
          {"viewers", viewers},
          {"evidence", evidence},
          {"actions", actions}};
}

// A multipart form: kind, refers_to (Unix seconds), description, address, file.
Result<EvidenceInput> evidence_of(const Request& req) {
  auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
  if (!form.ok())
    return Error::invalid(
        "Send the evidence as a multipart form: kind, refers_to, description, address, file.");
  const Fields& f = form->fields;
  auto kind = parse_evidence_kind(field(f, "kind"));
  if (!kind)
    return Error::invalid(
        "\"kind\" is message, email, voicemail_note, web_address, screenshot or file.");
  EvidenceInput in;
  in.kind = *kind;
  if (long long t = std::atoll(field(f, "refers_to").c_str()); t > 0) in.refers_to = t;
  in.description = field(f, "description");
  in.address = field(f, "address");
  if (auto file = form->files.find("file"); file != form->files.end()) {
    in.file_name = file->second.filename;
    in.declared_type = file->second.content_type;
    in.bytes = file->second.data;
  }
  return in;
}

// Adds evidence; the library decides who may (the case's viewers, and its
// reporter while it is open).
Result<HttpResponse> evidence_response(AppContext& app, Request& req, int64_t concern_id) {
  EvidenceInput in = TRY(evidence_of(req));
  auto item = app.db.transaction([&](Connection& c) {
    return add_evidence(SchoolScope{c, app.clock, req.actor(), req.school->id}, concern_id,
                        evidence_vault(app), in);
  });
  if (!item.ok()) return as_case_refusal(std::move(item).error());
  return json_response(201, evidence_json(*item));
}

// What the reporter is told of a concern they raised: where to follow their own report, never
// where it went.
json reported_json(const Request& req, const ReportedConcern& done) {
  return {{"id", done.concern_id},
          {"reported_at", done.reported_at},
          {"report", "/api/v1/schools/" + std::to_string(req.school->id) + "/concerns/mine/" +
                         std::to_string(done.concern_id)}};
}

}  // namespace

void add_concerns_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/api/v1/schools/{school}/concerns";
  router.add({V::post, root, Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) -> Result<HttpResponse> {
               ConcernReport report = TRY(report_of(req.raw.body()));
               PolicyProfile profile = TRY(school_profile(app, req));
               ReportedConcern done = TRY(app.db.transaction([&](Connection& c) {
                 return report_concern(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                       profile.concerns, report);
               }));
               // Never where it went: the reporter may not learn who has a concern about a
               // colleague.
               return json_response(201, reported_json(req, done));
             });
  router.add({V::get, root + "/mine", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) -> Result<HttpResponse> {
               std::vector<OwnReport> rows = TRY(app.db.read([&](Connection& c) {
                 return reports_by(c, req.school->id, req.user->person_id);
               }));
               json out = json::array();
               for (const auto& r : rows)
                 out.push_back({{"id", r.concern_id},
                                {"reported_at", r.reported_at},
                                {"type", r.type},
                                {"subject_kind", subject_kind_key(r.subject_kind)}});
               return json_response(200, {{"reports", out}});
             });
  router.add({V::get, root + "/mine/{concern}", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_report_among_yours();
               SubmittedReport r =
                   TRY(view_own_report(app.db, app.clock, req.actor(), req.school->id, *id));
               json involved = json::array(), own = json::array();
               for (const auto& p : r.involved)
                 involved.push_back({{"name", p.name},
                                     {"description", p.description},
                                     {"involvement", involvement_key(p.involvement)}});
               for (const auto& e : r.own_evidence) own.push_back(evidence_json(e));
               return json_response(200, {{"id", r.concern_id},
                                          {"reported_at", r.reported_at},
                                          {"happened_at", r.happened_at},
                                          {"what_happened", r.what_happened},
                                          {"subject_kind", subject_kind_key(r.subject_kind)},
                                          {"subject_name", r.subject_name},
                                          {"involved", involved},
                                          {"platform", r.platform},
                                          {"type", r.type},
                                          {"risk_area", r.risk_area},
                                          {"risk_kind", r.risk_kind},
                                          {"involves_personal_data", r.involves_personal_data},
                                          {"evidence", own}});
             });
  // The reporter often holds the screenshots: they may add them while the case is open.
  router.add(
      {V::post, root + "/mine/{concern}/evidence", Access::kSchool, Capability::kConcernsReport},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("concern");
        if (!id) return no_such_report_among_yours();
        return evidence_response(app, req, *id);
      });
  // INC-8: a message or a friend or follow request received on a personal account.
  router.add({V::post, root + "/contact", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) -> Result<HttpResponse> {
               json b = json_body(req);
               if (b.is_discarded() || !b.is_object())
                 return Error::invalid("Send the contact as a JSON object.");
               auto contact = parse_contact_kind(text_field(b, "contact"));
               if (!contact)
                 return Error::invalid("\"contact\" is message, friend_request or follow_request.");
               auto from = parse_subject_kind(text_field(b, "from_kind"));
               if (!from) return Error::invalid("\"from_kind\" is pupil, parent or outside.");
               PersonalAccountContact in;
               in.happened_at = int_field(b, "happened_at");
               in.contact = *contact;
               in.from_kind = *from;
               in.from_person_id = int_field(b, "from_person_id");
               in.from_description = text_field(b, "from_description");
               in.platform = text_field(b, "platform");
               in.note = text_field(b, "note");
               PolicyProfile profile = TRY(school_profile(app, req));
               ReportedConcern done = TRY(app.db.transaction([&](Connection& c) {
                 return report_personal_account_contact(
                     SchoolScope{c, app.clock, req.actor(), req.school->id}, profile.concerns, in);
               }));
               return json_response(201, reported_json(req, done));
             });
  // LAW-1: a pupil's chronology, only the concerns the caller may open.
  router.add({V::get, root + "/pupils/{pupil}", Access::kSchool, Capability::kConcernsChronology},
             [&app](Request& req) -> Result<HttpResponse> {
               auto pupil = req.int_param("pupil");
               if (!pupil) return Error::not_found("There is no such pupil.");
               PupilChronology chronology = TRY(
                   view_pupil_chronology(app.db, app.clock, req.actor(), req.school->id, *pupil));
               json out = json::array();
               for (const auto& e : chronology.entries) {
                 json actions = json::array();
                 for (const auto& a : e.actions) actions.push_back(action_json(a));
                 out.push_back({{"concern_id", e.concern.id},
                                {"happened_at", e.concern.happened_at},
                                {"reported_at", e.concern.reported_at},
                                {"type", e.concern.type},
                                {"pupil_is", e.pupil_is},
                                {"what_happened", e.concern.what_happened},
                                {"status", concern_status_key(e.concern.status)},
                                {"actions", actions}});
               }
               return json_response(200, {{"pupil_id", *pupil}, {"concerns", out}});
             });
  router.add({V::get, root, Access::kSchool, Capability::kConcernsCases},
             [&app](Request& req) -> Result<HttpResponse> {
               CaseList list = TRY(view_case_list(app.db, app.clock, req.actor(), req.school->id));
               json out = json::array();
               for (const auto& r : list.cases)
                 out.push_back({{"id", r.concern_id},
                                {"reported_at", r.reported_at},
                                {"happened_at", r.happened_at},
                                {"type", r.type},
                                {"subject_kind", subject_kind_key(r.subject_kind)},
                                {"subject_name", r.subject_name},
                                {"status", concern_status_key(r.status)},
                                {"actions", r.actions},
                                {"new", r.is_new()},
                                {"ico_decision_due", or_null(r.ico_decision_due)},
                                {"ico_decided", r.ico_decided},
                                {"ico_decision_overdue", r.ico_decision_overdue},
                                {"lado_decision_due", or_null(r.lado_decision_due)},
                                {"lado_decision_overdue", r.lado_decision_overdue}});
               return json_response(200, {{"concerns", out}});
             });
  router.add({V::get, root + "/{concern}", Access::kSchool, Capability::kConcernsCases},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_case_among_yours();
               PolicyProfile profile = TRY(school_profile(app, req));
               ConcernCase k = TRY(view_case(app.db, app.clock, req.actor(), profile.concerns,
                                             req.grants, req.school->id, *id));
               return json_response(200, case_json(k));
             });
  router.add({V::post, root + "/{concern}/actions", Access::kSchool, Capability::kConcernsCases},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_case_among_yours();
               TRY(require_may_view_case(app.db, req.user->person_id, *id));
               json b = json::parse(req.raw.body(), nullptr, false);
               if (b.is_discarded() || !b.is_object())
                 return Error::invalid("Send the action as a JSON object.");
               auto kind = parse_action_kind(text_field(b, "kind"));
               if (!kind)
                 return Error::invalid(
                     "\"kind\" names the action: note, platform_contacted, ceop, police, "
                     "parents_informed, sanction, support_offered, information_shared, "
                     "lado_referral or low_level_concern.");
               ActionInput in;
               in.kind = *kind;
               in.taken_at = int_field(b, "taken_at");
               if (b.contains("decision") && b["decision"].is_boolean())
                 in.decision = b["decision"].get<bool>();
               in.counterpart = text_field(b, "counterpart");
               in.detail = text_field(b, "detail");
               in.reason = text_field(b, "reason");
               PolicyProfile profile = TRY(school_profile(app, req));
               Actor actor = req.actor();
               int64_t action = TRY(app.db.transaction([&](Connection& c) {
                 return add_action(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                   profile.concerns, *id, in);
               }));
               return json_response(201, {{"id", action}});
             });
  router.add({V::post, root + "/{concern}/evidence", Access::kSchool, Capability::kConcernsCases},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_case_among_yours();
               TRY(require_may_view_case(app.db, req.user->person_id, *id));
               return evidence_response(app, req, *id);
             });
  router.add({V::post, root + "/{concern}/close", Access::kSchool, Capability::kConcernsCases},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_case_among_yours();
               TRY(require_may_view_case(app.db, req.user->person_id, *id));
               json b = json::parse(req.raw.body(), nullptr, false);
               if (b.is_discarded() || !b.is_object())
                 return Error::invalid("Send the debrief as a JSON object.");
               PolicyProfile profile = TRY(school_profile(app, req));
               Debrief d{text_field(b, "lessons_learnt"), text_field(b, "policy_change")};
               TRY(app.db.transaction([&](Connection& c) {
                 return close_concern(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                      profile.concerns, *id, d);
               }));
               return json_response(200, {{"id", *id}, {"status", "closed"}});
             });
  // LAW-4: the DPO's decision on reporting to the ICO, with the reason.
  router.add(
      {V::post, root + "/{concern}/ico", Access::kSchool, Capability::kConcernsCases},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("concern");
        if (!id) return no_such_case_among_yours();
        TRY(require_may_view_case(app.db, req.user->person_id, *id));
        json b = json_body(req);
        if (b.is_discarded() || !b.is_object() || !b.contains("report_to_ico") ||
            !b["report_to_ico"].is_boolean())
          return Error::invalid("Send {\"report_to_ico\": true or false, \"reason\": \"...\"}.");
        TRY(app.db.transaction([&](Connection& c) {
          return record_ico_decision(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id,
                                     b["report_to_ico"].get<bool>(), text_field(b, "reason"));
        }));
        return json_response(200, {{"id", *id}, {"report_to_ico", b["report_to_ico"]}});
      });
  // IAM-2: someone who can open the case adds a person, with the reason.
  router.add({V::post, root + "/{concern}/access", Access::kSchool, Capability::kConcernsCases},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_case_among_yours();
               TRY(require_may_view_case(app.db, req.user->person_id, *id));
               json b = json_body(req);
               auto person = b.is_object() ? int_field(b, "person_id") : std::nullopt;
               if (!person)
                 return Error::invalid(
                     "Send {\"person_id\": the person to add, \"reason\": why they need it}.");
               TRY(app.db.transaction([&](Connection& c) {
                 return grant_case_access(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                          *id, *person, text_field(b, "reason"));
               }));
               return json_response(201, {{"id", *id}, {"person_id", *person}});
             });
  router.add({V::post, root + "/{concern}/reopen", Access::kSchool, Capability::kConcernsCases},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_case_among_yours();
               TRY(require_may_view_case(app.db, req.user->person_id, *id));
               json b = json_body(req);
               if (b.is_discarded() || !b.is_object())
                 return Error::invalid("Send {\"reason\": why it is reopened}.");
               TRY(app.db.transaction([&](Connection& c) {
                 return reopen_concern(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id,
                                       text_field(b, "reason"));
               }));
               return json_response(200, {{"id", *id}, {"status", "open"}});
             });
}

}  // namespace inloco::web
