// The concerns routed to a person and each case (INC-3..7, LAW-1..5,
// IAM-2 §3): what is new and overdue, the report, where it went and why, the
// evidence with its SHA-256, the chronology of actions, the ICO decision,
// access granted with a reason, closing with the debrief; and a pupil's
// chronology. Anyone who may not open a case is told there is no such
// concern among theirs, and nothing of it.
#include "concerns/case_access.h"
#include "concerns/concern_actions.h"
#include "concerns/concern_evidence.h"
#include "concerns/concern_views.h"
#include "core/text.h"
#include "people/people_store.h"
#include "web/page.h"
#include "web/pages/concern_evidence_view.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

std::string case_href(const Request& req, int64_t id) {
  return concerns_base(req) + "/" + std::to_string(id);
}

std::string decision_text(const ConcernAction& a) {
  if (!a.decision) return "";
  switch (a.kind) {
    case ActionKind::kCeop:
      return *a.decision ? "Report made to CEOP" : "No report to CEOP";
    case ActionKind::kPolice:
      return *a.decision ? "Police involved" : "Police not involved";
    case ActionKind::kLadoReferral:
      return *a.decision ? "Referred to the LADO" : "Not referred to the LADO";
    case ActionKind::kIcoDecision:
      return *a.decision ? "Reported to the ICO" : "Not reported to the ICO";
    default:
      return *a.decision ? "Yes" : "No";
  }
}

mstch::array action_rows(const std::vector<ConcernAction>& actions) {
  mstch::array out;
  for (const auto& a : actions)
    out.push_back(mstch::map{{"kind", std::string(action_kind_label(a.kind))},
                             {"taken_at", when_text(a.taken_at)},
                             {"decision", decision_text(a)},
                             {"counterpart", a.counterpart},
                             {"detail", a.detail},
                             {"reason", a.reason},
                             {"by", a.recorded_by_name},
                             {"recorded_at", when_text(a.recorded_at)}});
  return out;
}

std::string subject_text(const Concern& c) {
  return capitalised(std::string(subject_kind_label(c.subject_kind))) +
         (c.subject_name.empty() ? "" : ": " + c.subject_name);
}

// The form values kept when a form on the case page is refused.
struct CaseForms {
  std::string form;  // which form the error belongs to: "evidence", "action", "ico", "access",
                     // "close", "reopen"
  Fields values;
};

Result<mstch::array> staff_options(AppContext& app, const Request& req) {
  return app.db.read([&](Connection& c) -> Result<mstch::array> {
    PeopleQuery q;
    q.school_id = req.school->id;
    q.kind = PersonKind::kStaff;
    q.limit = kMaxPeoplePageSize;
    auto page = TRY(list_people(c, q));
    mstch::array out;
    for (const auto& p : page.people)
      out.push_back(mstch::map{{"id", std::to_string(p.id)}, {"name", p.display_name()}});
    return out;
  });
}

Result<HttpResponse> case_page(AppContext& app, Request& req, const CaseForms* forms = nullptr,
                               const Error* error = nullptr, unsigned status = 200) {
  auto id = req.int_param("concern");
  if (!id) return no_such_case_among_yours();
  PolicyProfile profile = TRY(school_profile(app, req));
  ConcernCase kase = TRY(
      view_case(app.db, app.clock, req.actor(), profile.concerns, req.grants, req.school->id, *id));
  const Concern& k = kase.concern;
  const std::string href = case_href(req, k.id);
  int64_t now = app.clock.now();
  bool open = k.status == ConcernStatus::kOpen;

  mstch::array notes, viewers, involved;
  for (const auto& n : k.routing_notes) notes.push_back(mstch::map{{"note", n}});
  for (const auto& v : kase.viewers) {
    std::string why;
    for (const auto& r : v.routed_for) why += (why.empty() ? "" : ", ") + r;
    viewers.push_back(mstch::map{
        {"name", v.name},
        {"added", v.added},
        {"why", v.added
                    ? "Added by " + v.added_by_name + ": " + v.reason
                    : "Routed (" + why + ")" +
                          (parse_role(v.role) ? " as " + role_title(profile, *parse_role(v.role))
                                              : std::string())}});
  }
  for (const auto& p : kase.involved)
    involved.push_back(
        mstch::map{{"name", p.name.empty() ? p.description : p.name},
                   {"how", capitalised(std::string(involvement_key(p.involvement)))}});

  auto val = [&](const std::string& form, const std::string& name) {
    return forms && forms->form == form ? field(forms->values, name) : std::string();
  };
  mstch::map c{{"back_href", concerns_base(req)},
               {"reference", std::to_string(k.id)},
               {"status", capitalised(std::string(concern_status_key(k.status)))},
               {"open", open},
               {"type", concern_type_label(k.type)},
               {"risk_area", risk_area_label(k.risk_area)},
               {"risk_kind", k.risk_kind.empty() ? std::string() : risk_kind_label(k.risk_kind)},
               {"subject", subject_text(k)},
               {"what", k.what_happened},
               {"happened_at", when_text(k.happened_at)},
               {"reported", when_text(k.reported_at) + " by " + k.reported_by_name},
               {"platform", k.platform},
               {"personal_data", std::string(k.involves_personal_data ? "Yes" : "No")},
               {"fell_back", k.fell_back},
               {"notes", notes},
               {"viewers", viewers},
               {"involved", involved},
               {"evidence", evidence_rows(kase.evidence, href + "/evidence")},
               {"actions", action_rows(kase.actions)},
               {"csrf", csrf_token(req)}};
  if (k.lado_decision_needed) {
    bool decided = kase.lado_decision_recorded();
    c.emplace("lado", mstch::map{{"decided", decided},
                                 {"due", decided ? std::string()
                                                 : when_text(lado_decision_due(k.reported_at))},
                                 {"overdue", open && kase.lado_decision_overdue(now)}});
  }
  if (k.ico_decision_due) {
    mstch::map ico{{"due", when_text(*k.ico_decision_due)},
                   {"overdue", k.ico_decision_overdue(now)},
                   {"decided", k.ico_reported.has_value()}};
    if (k.ico_reported) {
      ico.emplace("decision",
                  std::string(*k.ico_reported ? "Reported to the ICO" : "Not reported to the ICO"));
      ico.emplace("reason", k.ico_reason);
      ico.emplace("by", k.ico_decided_by_name +
                            (k.ico_decided_at ? ", " + when_text(*k.ico_decided_at) : ""));
    } else {
      ico.emplace("action", href + "/ico");
      ico.emplace("reason_value", val("ico", "reason"));
    }
    c.emplace("ico", ico);
  }
  if (!open) {
    c.emplace("closed_by", k.closed_by_name + (k.closed_at ? ", " + when_text(*k.closed_at) : ""));
    c.emplace("lessons", k.lessons_learnt);
    c.emplace("policy_change", k.policy_change);
    c.emplace("reopen_action", href + "/reopen");
  } else {
    c.emplace("evidence_form",
              evidence_form(href + "/evidence", k.type, now,
                            forms && forms->form == "evidence" ? &forms->values : nullptr));
    c.emplace("action_action", href + "/actions");
    c.emplace("close_action", href + "/close");
    mstch::array kinds;
    std::string chosen = val("action", "kind");
    for (ActionKind a : {ActionKind::kNote, ActionKind::kPlatformContacted, ActionKind::kCeop,
                         ActionKind::kPolice, ActionKind::kParentsInformed, ActionKind::kSanction,
                         ActionKind::kSupportOffered, ActionKind::kInformationShared,
                         ActionKind::kLadoReferral, ActionKind::kLowLevelConcern}) {
      std::string key(action_kind_key(a));
      kinds.push_back(mstch::map{
          {"key", key}, {"label", std::string(action_kind_label(a))}, {"selected", key == chosen}});
    }
    c.emplace("action_kinds", kinds);
  }
  mstch::array staff = TRY(staff_options(app, req));
  c.emplace("access_action", href + "/access");
  c.emplace("csv_href", href + "/csv");
  c.emplace("printed", when_text(now));
  c.emplace("printed_by", req.user->display_name);
  c.emplace("staff", std::move(staff));
  for (const char* f : {"counterpart", "detail", "reason"})
    c.emplace(std::string("action_") + f, val("action", f));
  c.emplace("access_reason", val("access", "reason"));
  c.emplace("lessons_value", val("close", "lessons_learnt"));
  c.emplace("policy_value", val("close", "policy_change"));
  if (k.subject_kind == SubjectKind::kPupil && k.subject_person_id &&
      req.can(Capability::kConcernsChronology))
    c.emplace("chronology_href",
              concerns_base(req) + "/pupils/" + std::to_string(*k.subject_person_id));
  if (error) c.emplace("errors", error_list(*error, forms ? forms->form : ""));
  return render_page(app, req, "Concern " + std::to_string(k.id), "concern_case", std::move(c),
                     status);
}

// Runs a change to the case, then shows the case again (or the problem beside the form).
// Someone who may not open the case is refused first, as if it did not exist; a
// case of another school is refused by the change's own school check.
template <typename F>
Result<HttpResponse> case_change(AppContext& app, Request& req, const std::string& form_name,
                                 const Fields& values, F change) {
  auto id = req.int_param("concern");
  if (!id) return no_such_case_among_yours();
  TRY(require_may_view_case(app.db, req.user->person_id, *id));
  PolicyProfile profile = TRY(school_profile(app, req));
  Status s = change(*id, profile.concerns);
  if (!s.ok()) {
    CaseForms forms{form_name, values};
    return case_page(app, req, &forms, &s.error(), http_status(s.error().code));
  }
  return redirect_response(case_href(req, *id) + "#" + form_name);
}

std::optional<bool> yes_no(const std::string& v) {
  if (v == "yes") return true;
  if (v == "no") return false;
  return std::nullopt;
}

// The clocks of a case in the list: the ICO decision (LAW-4) and the LADO
// decision (LAW-3), each with its due time while it is still to be made.
mstch::array decisions_due(const CaseSummary& r) {
  mstch::array out;
  if (r.ico_decision_due && !r.ico_decided)
    out.push_back(mstch::map{{"what", std::string("ICO")},
                             {"due", when_text(*r.ico_decision_due)},
                             {"overdue", r.ico_decision_overdue}});
  if (r.lado_decision_due)
    out.push_back(mstch::map{{"what", std::string("LADO")},
                             {"due", when_text(*r.lado_decision_due)},
                             {"overdue", r.lado_decision_overdue}});
  return out;
}

Result<HttpResponse> list_page(AppContext& app, Request& req) {
  CaseList list = TRY(view_case_list(app.db, app.clock, req.actor(), req.school->id));
  mstch::array out;
  for (const auto& r : list.cases) {
    out.push_back(
        mstch::map{{"href", case_href(req, r.concern_id)},
                   {"reference", std::to_string(r.concern_id)},
                   {"reported_at", when_text(r.reported_at)},
                   {"type", concern_type_label(r.type)},
                   {"about", capitalised(std::string(subject_kind_label(r.subject_kind))) +
                                 (r.subject_name.empty() ? "" : ": " + r.subject_name)},
                   {"status", capitalised(std::string(concern_status_key(r.status)))},
                   {"closed", r.status == ConcernStatus::kClosed},
                   {"new", r.is_new()},
                   {"decisions_due", decisions_due(r)}});
  }
  mstch::map c{{"cases", out},
               {"new_count", std::to_string(list.new_count)},
               {"overdue_count", std::to_string(list.overdue_count)},
               {"any_overdue", list.overdue_count > 0}};
  if (req.can(Capability::kConcernsReport)) {
    c.emplace("report_href", concerns_base(req) + "/report");
    c.emplace("reports_href", concerns_base(req) + "/reports");
  }
  return render_page(app, req, "Concerns", "concern_list", std::move(c));
}

Result<HttpResponse> chronology_page(AppContext& app, Request& req) {
  auto pupil = req.int_param("pupil");
  if (!pupil) return Error::not_found("There is no such pupil.");
  PupilChronology chronology =
      TRY(view_pupil_chronology(app.db, app.clock, req.actor(), req.school->id, *pupil));
  mstch::array out;
  for (const auto& e : chronology.entries)
    out.push_back(
        mstch::map{{"href", case_href(req, e.concern.id)},
                   {"reference", std::to_string(e.concern.id)},
                   {"happened_at", when_text(e.concern.happened_at)},
                   {"type", concern_type_label(e.concern.type)},
                   {"pupil_is", capitalised(e.pupil_is)},
                   {"what", e.concern.what_happened},
                   {"status", capitalised(std::string(concern_status_key(e.concern.status)))},
                   {"actions", action_rows(e.actions)}});
  mstch::map c{{"entries", out},
               {"back_href", concerns_base(req)},
               {"csv_href", concerns_base(req) + "/pupils/" + std::to_string(*pupil) + "/csv"},
               {"printed", when_text(app.clock.now())},
               {"printed_by", req.user->display_name},
               {"name", chronology.pupil.display_name()}};
  return render_page(app, req, "Safeguarding chronology", "concern_chronology", std::move(c));
}

// The case file or a chronology as CSV (every cell formula-safe), for those
// who may see it; like every personal page it is sent with no-store.
std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
  return out + "\r\n";
}

const std::vector<std::string> kCsvHeader = {
    "concern", "happened", "type",      "about",  "what happened", "status",     "action taken",
    "action",  "decision", "with whom", "detail", "reason",        "recorded by"};

std::string csv_rows(const Concern& k, const std::string& about,
                     const std::vector<ConcernAction>& actions) {
  std::vector<std::string> head = {std::to_string(k.id),
                                   when_text(k.happened_at),
                                   concern_type_label(k.type),
                                   about,
                                   k.what_happened,
                                   std::string(concern_status_key(k.status))};
  if (actions.empty()) {
    auto row = head;
    row.resize(kCsvHeader.size());
    return csv_line(row);
  }
  std::string out;
  for (const auto& a : actions) {
    auto row = head;
    for (const std::string& v :
         {when_text(a.taken_at), std::string(action_kind_label(a.kind)), decision_text(a),
          a.counterpart, a.detail, a.reason, a.recorded_by_name})
      row.push_back(v);
    out += csv_line(row);
  }
  return out;
}

Result<HttpResponse> case_csv(AppContext& app, Request& req) {
  auto id = req.int_param("concern");
  if (!id) return no_such_case_among_yours();
  PolicyProfile profile = TRY(school_profile(app, req));
  ConcernCase kase = TRY(
      view_case(app.db, app.clock, req.actor(), profile.concerns, req.grants, req.school->id, *id));
  return csv_response(
      "concern-" + std::to_string(*id) + ".csv",
      csv_line(kCsvHeader) + csv_rows(kase.concern, subject_text(kase.concern), kase.actions));
}

Result<HttpResponse> chronology_csv(AppContext& app, Request& req) {
  auto pupil = req.int_param("pupil");
  if (!pupil) return Error::not_found("There is no such pupil.");
  PupilChronology chronology =
      TRY(view_pupil_chronology(app.db, app.clock, req.actor(), req.school->id, *pupil));
  std::string body = csv_line(kCsvHeader);
  for (const auto& e : chronology.entries)
    body += csv_rows(e.concern, capitalised(e.pupil_is), e.actions);
  return csv_response("chronology-" + std::to_string(*pupil) + ".csv", std::move(body));
}

}  // namespace

void add_concern_case_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/concerns";
  const Capability cases = Capability::kConcernsCases;
  router.add({V::get, root, Access::kSchool, cases},
             [&app](Request& req) { return list_page(app, req); });
  router.add({V::get, root + "/pupils/{pupil}", Access::kSchool, Capability::kConcernsChronology},
             [&app](Request& req) { return chronology_page(app, req); });
  router.add(
      {V::get, root + "/pupils/{pupil}/csv", Access::kSchool, Capability::kConcernsChronology},
      [&app](Request& req) { return chronology_csv(app, req); });
  router.add({V::get, root + "/{concern}", Access::kSchool, cases},
             [&app](Request& req) { return case_page(app, req); });
  router.add({V::get, root + "/{concern}/csv", Access::kSchool, cases},
             [&app](Request& req) { return case_csv(app, req); });
  router.add({V::post, root + "/{concern}/evidence", Access::kSchool, cases},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("concern");
               if (!id) return no_such_case_among_yours();
               TRY(require_may_view_case(app.db, req.user->person_id, *id));
               auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
               if (!form.ok()) {
                 CaseForms forms{"evidence", {}};
                 return case_page(app, req, &forms, &form.error(), 422);
               }
               Status s = [&]() -> Status {
                 EvidenceInput in = TRY(evidence_input(*form));
                 TRY(app.db.transaction([&](Connection& c) {
                   return add_evidence(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id,
                                       evidence_vault(app), in);
                 }));
                 return {};
               }();
               if (!s.ok()) {
                 CaseForms forms{"evidence", form->fields};
                 return case_page(app, req, &forms, &s.error(), http_status(s.error().code));
               }
               return redirect_response(case_href(req, *id) + "#evidence");
             });
  router.add(
      {V::get, root + "/{concern}/evidence/{evidence}/file", Access::kSchool, cases},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("concern");
        auto item = req.int_param("evidence");
        if (!id || !item) return no_such_case_among_yours();
        EvidenceFile file = TRY(view_evidence_file(app.db, app.clock, req.actor(), req.school->id,
                                                   *id, *item, evidence_vault(app)));
        HttpResponse res{http::status::ok, 11};
        res.set(http::field::content_type, std::string(evidence_content_type(file.file_type)));
        res.set(http::field::content_disposition,
                "attachment; filename=\"evidence-" + std::to_string(*item) + "\"");
        res.set(http::field::cache_control, "no-store");
        res.set("X-Content-SHA256", file.sha256);
        res.body() = std::move(file.bytes);
        res.prepare_payload();
        return res;
      });
  router.add({V::post, root + "/{concern}/actions", Access::kSchool, cases}, [&app](Request& req) {
    const Fields& f = req.form();
    return case_change(app, req, "action", f, [&](int64_t id, const ConcernRules& rules) -> Status {
      ActionInput in;
      auto kind = parse_action_kind(field(f, "kind"));
      if (!kind) return Error::invalid("Choose what was done.");
      in.kind = *kind;
      std::string date = field(f, "taken_date");
      if (!date.empty()) {
        in.taken_at = parse_when(date, field(f, "taken_time"));
        if (!in.taken_at)
          return Error::invalid(
              "Enter the date as it is shown, for example 2026-11-21, and the time as 14:30.");
      }
      in.decision = yes_no(field(f, "decision"));
      in.counterpart = field(f, "counterpart");
      in.detail = field(f, "detail");
      in.reason = field(f, "reason");
      Actor actor = req.actor();
      TRY(app.db.transaction([&](Connection& c) {
        return add_action(SchoolScope{c, app.clock, actor, req.school->id}, req.grants, rules, id,
                          in);
      }));
      return {};
    });
  });
  router.add({V::post, root + "/{concern}/ico", Access::kSchool, cases}, [&app](Request& req) {
    const Fields& f = req.form();
    return case_change(app, req, "ico", f, [&](int64_t id, const ConcernRules&) -> Status {
      auto decision = yes_no(field(f, "report_to_ico"));
      if (!decision) return Error::invalid("Choose whether the breach is reported to the ICO.");
      return app.db.transaction([&](Connection& c) {
        return record_ico_decision(SchoolScope{c, app.clock, req.actor(), req.school->id}, id,
                                   *decision, field(f, "reason"));
      });
    });
  });
  router.add({V::post, root + "/{concern}/access", Access::kSchool, cases}, [&app](Request& req) {
    const Fields& f = req.form();
    return case_change(app, req, "access", f, [&](int64_t id, const ConcernRules&) -> Status {
      long long person = std::atoll(field(f, "person").c_str());
      if (person <= 0) return Error::invalid("Choose the person to give access to.");
      return app.db.transaction([&](Connection& c) {
        return grant_case_access(SchoolScope{c, app.clock, req.actor(), req.school->id}, id, person,
                                 field(f, "reason"));
      });
    });
  });
  router.add({V::post, root + "/{concern}/close", Access::kSchool, cases}, [&app](Request& req) {
    const Fields& f = req.form();
    return case_change(app, req, "close", f, [&](int64_t id, const ConcernRules& rules) -> Status {
      Debrief d{field(f, "lessons_learnt"), field(f, "policy_change")};
      return app.db.transaction([&](Connection& c) {
        return close_concern(SchoolScope{c, app.clock, req.actor(), req.school->id}, rules, id, d);
      });
    });
  });
  router.add({V::post, root + "/{concern}/reopen", Access::kSchool, cases}, [&app](Request& req) {
    const Fields& f = req.form();
    return case_change(app, req, "reopen", f, [&](int64_t id, const ConcernRules&) -> Status {
      return app.db.transaction([&](Connection& c) {
        return reopen_concern(SchoolScope{c, app.clock, req.actor(), req.school->id}, id,
                              field(f, "reason"));
      });
    });
  });
}

}  // namespace inloco::web
