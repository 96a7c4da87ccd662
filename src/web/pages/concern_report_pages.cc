// Reporting a concern (INC-1, INC-2, INC-8): the form any member of staff
// fills in under a minute, the quick report of contact on a personal
// account, the confirmation, and "your reports" — each report as it was
// sent, never the case as it develops.
#include "concerns/concern_reports.h"
#include "concerns/concern_routing.h"
#include "concerns/concern_views.h"
#include "people/people_store.h"
#include "web/page.h"
#include "web/pages/concern_evidence_view.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

// What was typed, kept to show the form again with a problem.
struct ReportForm {
  std::string date, time, what, subject_kind = "pupil", subject_pupil, subject_staff,
                                subject_description;
  std::string involved_pupil, involved_description, involved_how = "affected", platform, type,
                                                    risk_area, risk_kind;
  bool personal_data = false, official_accounts = false;
};

ReportForm report_form_from(const Fields& f) {
  ReportForm r;
  r.date = field(f, "happened_date");
  r.time = field(f, "happened_time");
  r.what = field(f, "what_happened");
  r.subject_kind = field(f, "subject_kind");
  r.subject_pupil = field(f, "subject_pupil");
  r.subject_staff = field(f, "subject_staff");
  r.subject_description = field(f, "subject_description");
  r.involved_pupil = field(f, "involved_pupil");
  r.involved_description = field(f, "involved_description");
  r.involved_how = field(f, "involved_how");
  r.platform = field(f, "platform");
  r.type = field(f, "type");
  r.risk_area = field(f, "risk_area");
  r.risk_kind = field(f, "risk_kind");
  r.personal_data = field(f, "personal_data") == "yes";
  r.official_accounts = field(f, "official_accounts") == "yes";
  return r;
}

std::optional<int64_t> id_of(const std::string& s) {
  long long v = std::atoll(s.c_str());
  return v > 0 ? std::optional<int64_t>(v) : std::nullopt;
}

// The form as the library's input; a date that is not a date is left empty
// (the library then asks for it), but said precisely here.
Result<ConcernReport> to_report(const ReportForm& f) {
  ConcernReport r;
  r.happened_at = parse_when(f.date, f.time);
  if (!f.date.empty() && !r.happened_at)
    return Error::invalid(
        "Enter the date as it is shown, for example 2026-11-21, and the time as 14:30.");
  r.what_happened = f.what;
  auto kind = parse_subject_kind(f.subject_kind);
  if (!kind) return Error::invalid("Choose who the concern is about.");
  r.subject_kind = *kind;
  if (*kind == SubjectKind::kPupil) r.subject_person_id = id_of(f.subject_pupil);
  if (*kind == SubjectKind::kStaff) r.subject_person_id = id_of(f.subject_staff);
  r.subject_description = f.subject_description;
  auto how = parse_involvement(f.involved_how).value_or(Involvement::kAffected);
  if (auto p = id_of(f.involved_pupil)) r.involved.push_back(InvolvedPerson{p, "", how});
  if (!f.involved_description.empty())
    r.involved.push_back(InvolvedPerson{std::nullopt, f.involved_description, how});
  r.platform = f.platform;
  r.type = f.type;
  r.risk_area = f.risk_area;
  r.risk_kind = f.risk_kind;
  r.involves_personal_data = f.personal_data;
  r.about_official_accounts = f.official_accounts;
  return r;
}

mstch::array options(const std::vector<std::string>& keys, const std::string& selected,
                     std::string (*label)(const std::string&)) {
  mstch::array out;
  for (const auto& k : keys)
    out.push_back(mstch::map{{"key", k}, {"label", label(k)}, {"selected", k == selected}});
  return out;
}

Result<mstch::array> people_options(AppContext& app, const Request& req, PersonKind kind,
                                    const std::string& selected) {
  return app.db.read([&](Connection& c) -> Result<mstch::array> {
    PeopleQuery q;
    q.school_id = req.school->id;
    q.kind = kind;
    q.limit = kMaxPeoplePageSize;
    auto page = TRY(list_people(c, q));
    mstch::array out;
    for (const auto& p : page.people) {
      std::string label = p.display_name();
      if (kind == PersonKind::kPupil && (p.class_name || p.year_group))
        label += " (" + p.class_name.value_or(p.year_group.value_or("")) + ")";
      out.push_back(mstch::map{{"id", std::to_string(p.id)},
                               {"name", label},
                               {"selected", std::to_string(p.id) == selected}});
    }
    return out;
  });
}

Result<HttpResponse> report_page(AppContext& app, Request& req, const ReportForm& f = {},
                                 const Error* error = nullptr, unsigned status = 200) {
  PolicyProfile profile = TRY(school_profile(app, req));
  const ConcernRules& rules = profile.concerns;
  mstch::array pupils = TRY(people_options(app, req, PersonKind::kPupil, f.subject_pupil));
  mstch::array staff = TRY(people_options(app, req, PersonKind::kStaff, f.subject_staff));
  mstch::array involved = TRY(people_options(app, req, PersonKind::kPupil, f.involved_pupil));
  std::vector<std::string> types;
  for (const auto& t : rules.types)
    if (t != kPersonalAccountContactType) types.push_back(t);
  mstch::array kinds;
  for (SubjectKind k : {SubjectKind::kPupil, SubjectKind::kStaff, SubjectKind::kHeadteacher,
                        SubjectKind::kParent, SubjectKind::kOutside}) {
    std::string key(subject_kind_key(k));
    kinds.push_back(mstch::map{{"key", key},
                               {"label", capitalised(std::string(subject_kind_label(k)))},
                               {"checked", key == f.subject_kind}});
  }
  mstch::array hows;
  for (Involvement i : {Involvement::kAffected, Involvement::kResponsible, Involvement::kWitness,
                        Involvement::kOther}) {
    std::string key(involvement_key(i));
    hows.push_back(
        mstch::map{{"key", key}, {"label", capitalised(key)}, {"selected", key == f.involved_how}});
  }
  mstch::map c{
      {"action", concerns_base(req) + "/report"},
      {"contact_href", concerns_base(req) + "/report/contact"},
      {"reports_href", concerns_base(req) + "/reports"},
      {"date", f.date.empty() && !error ? format_utc(app.clock.now()).substr(0, 10) : f.date},
      {"time", f.time},
      {"what", f.what},
      {"subject_kinds", kinds},
      {"pupils", std::move(pupils)},
      {"staff", std::move(staff)},
      {"involved_pupils", std::move(involved)},
      {"subject_description", f.subject_description},
      {"involved_description", f.involved_description},
      {"hows", hows},
      {"platform", f.platform},
      {"types", options(types, f.type, concern_type_label)},
      {"risk_areas", options(rules.risk_areas, f.risk_area, risk_area_label)},
      {"risk_kinds", options(rules.kinds, f.risk_kind, risk_kind_label)},
      {"personal_data", f.personal_data},
      {"official_accounts", f.official_accounts}};
  if (error) c.emplace("errors", error_list(*error, "what_happened"));
  return render_page(app, req, "Report a concern", "concern_report", std::move(c), status);
}

struct ContactForm {
  std::string date, time, contact = "friend_request", from_kind = "pupil", from_pupil,
                          from_description, platform, note;
};

Result<HttpResponse> contact_page(AppContext& app, Request& req, const ContactForm& f = {},
                                  const Error* error = nullptr, unsigned status = 200) {
  mstch::array pupils = TRY(people_options(app, req, PersonKind::kPupil, f.from_pupil));
  mstch::array contacts;
  for (ContactKind k :
       {ContactKind::kFriendRequest, ContactKind::kFollowRequest, ContactKind::kMessage}) {
    std::string key(contact_kind_key(k));
    std::string label = k == ContactKind::kFriendRequest   ? "A friend request"
                        : k == ContactKind::kFollowRequest ? "A follow request"
                                                           : "A message";
    contacts.push_back(mstch::map{{"key", key}, {"label", label}, {"checked", key == f.contact}});
  }
  mstch::array froms;
  for (SubjectKind k : {SubjectKind::kPupil, SubjectKind::kParent, SubjectKind::kOutside}) {
    std::string key(subject_kind_key(k));
    froms.push_back(mstch::map{{"key", key},
                               {"label", capitalised(std::string(subject_kind_label(k)))},
                               {"checked", key == f.from_kind}});
  }
  mstch::map c{
      {"action", concerns_base(req) + "/report/contact"},
      {"back_href", concerns_base(req) + "/report"},
      {"date", f.date.empty() && !error ? format_utc(app.clock.now()).substr(0, 10) : f.date},
      {"time", f.time},
      {"contacts", contacts},
      {"froms", froms},
      {"pupils", std::move(pupils)},
      {"from_description", f.from_description},
      {"platform", f.platform},
      {"note", f.note}};
  if (error) c.emplace("errors", error_list(*error, "platform"));
  return render_page(app, req, "Report contact on your personal account", "concern_contact",
                     std::move(c), status);
}

mstch::array parties(const std::vector<ConcernParty>& involved) {
  mstch::array out;
  for (const auto& p : involved)
    out.push_back(mstch::map{{"name", p.name.empty() ? p.description : p.name},
                             {"how", std::string(involvement_key(p.involvement))}});
  return out;
}

Result<HttpResponse> submitted_page(AppContext& app, Request& req,
                                    const Fields* evidence_values = nullptr,
                                    const Error* error = nullptr, unsigned status = 200) {
  auto id = req.int_param("concern");
  if (!id) return no_such_report_among_yours();
  const SubmittedReport r =
      TRY(view_own_report(app.db, app.clock, req.actor(), req.school->id, *id));
  mstch::map c{{"back_href", concerns_base(req) + "/reports"},
               {"sent", req.query_value("sent") == "1"},
               {"reference", std::to_string(r.concern_id)},
               {"reported_at", when_text(r.reported_at)},
               {"happened_at", when_text(r.happened_at)},
               {"what", r.what_happened},
               {"subject", capitalised(std::string(subject_kind_label(r.subject_kind))) +
                               (r.subject_name.empty() ? "" : ": " + r.subject_name)},
               {"involved", parties(r.involved)},
               {"platform", r.platform},
               {"type", concern_type_label(r.type)},
               {"risk_area", risk_area_label(r.risk_area)},
               {"risk_kind", r.risk_kind.empty() ? std::string() : risk_kind_label(r.risk_kind)},
               {"personal_data", std::string(r.involves_personal_data ? "Yes" : "No")},
               {"report_href", concerns_base(req) + "/report"},
               {"evidence", evidence_rows(r.own_evidence, "")},
               {"csrf", csrf_token(req)}};
  // INC-4: the reporter often holds the screenshots; they add them here.
  std::string href = concerns_base(req) + "/reports/" + std::to_string(r.concern_id);
  c.emplace("evidence_form",
            evidence_form(href + "/evidence", r.type, app.clock.now(), evidence_values));
  if (error) c.emplace("errors", error_list(*error, "evidence"));
  return render_page(app, req, "Your report", "concern_submitted", std::move(c), status);
}

Result<HttpResponse> reports_page(AppContext& app, Request& req) {
  std::vector<OwnReport> rows = TRY(app.db.read(
      [&](Connection& c) { return reports_by(c, req.school->id, req.user->person_id); }));
  mstch::array out;
  for (const auto& r : rows)
    out.push_back(
        mstch::map{{"href", concerns_base(req) + "/reports/" + std::to_string(r.concern_id)},
                   {"reference", std::to_string(r.concern_id)},
                   {"reported_at", when_text(r.reported_at)},
                   {"type", concern_type_label(r.type)},
                   {"about", capitalised(std::string(subject_kind_label(r.subject_kind)))}});
  mstch::map c{{"reports", out}, {"report_href", concerns_base(req) + "/report"}};
  return render_page(app, req, "Your reports", "concern_reports", std::move(c));
}

}  // namespace

void add_concern_report_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/concerns";
  router.add({V::get, root + "/report", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) { return report_page(app, req); });
  router.add({V::post, root + "/report", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) -> Result<HttpResponse> {
               ReportForm f = report_form_from(req.form());
               auto report = to_report(f);
               if (!report.ok()) return report_page(app, req, f, &report.error(), 422);
               PolicyProfile profile = TRY(school_profile(app, req));
               auto done = app.db.transaction([&](Connection& c) {
                 return report_concern(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                       profile.concerns, *report);
               });
               if (!done.ok())
                 return report_page(app, req, f, &done.error(), http_status(done.error().code));
               return redirect_response(concerns_base(req) + "/reports/" +
                                        std::to_string(done->concern_id) + "?sent=1");
             });
  router.add({V::get, root + "/report/contact", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) { return contact_page(app, req); });
  router.add({V::post, root + "/report/contact", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) -> Result<HttpResponse> {
               const Fields& in = req.form();
               ContactForm f{field(in, "happened_date"), field(in, "happened_time"),
                             field(in, "contact"),       field(in, "from_kind"),
                             field(in, "from_pupil"),    field(in, "from_description"),
                             field(in, "platform"),      field(in, "note")};
               PersonalAccountContact contact;
               contact.happened_at = parse_when(f.date, f.time);
               auto kind = parse_contact_kind(f.contact);
               auto from = parse_subject_kind(f.from_kind);
               if ((!f.date.empty() && !contact.happened_at) || !kind || !from) {
                 Error e = Error::invalid(!kind   ? "Choose what you received."
                                          : !from ? "Choose who it came from."
                                                  : "Enter the date as it is shown, for example "
                                                    "2026-11-21, and the time as 14:30.");
                 return contact_page(app, req, f, &e, 422);
               }
               contact.contact = *kind;
               contact.from_kind = *from;
               if (*from == SubjectKind::kPupil) contact.from_person_id = id_of(f.from_pupil);
               contact.from_description = f.from_description;
               contact.platform = f.platform;
               contact.note = f.note;
               PolicyProfile profile = TRY(school_profile(app, req));
               auto done = app.db.transaction([&](Connection& c) {
                 return report_personal_account_contact(
                     SchoolScope{c, app.clock, req.actor(), req.school->id}, profile.concerns,
                     contact);
               });
               if (!done.ok())
                 return contact_page(app, req, f, &done.error(), http_status(done.error().code));
               return redirect_response(concerns_base(req) + "/reports/" +
                                        std::to_string(done->concern_id) + "?sent=1");
             });
  router.add({V::get, root + "/reports", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) { return reports_page(app, req); });
  router.add({V::get, root + "/reports/{concern}", Access::kSchool, Capability::kConcernsReport},
             [&app](Request& req) { return submitted_page(app, req); });
  router.add(
      {V::post, root + "/reports/{concern}/evidence", Access::kSchool, Capability::kConcernsReport},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("concern");
        if (!id) return no_such_report_among_yours();
        auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
        if (!form.ok()) return submitted_page(app, req, nullptr, &form.error(), 422);
        Status s = [&]() -> Status {
          EvidenceInput in = TRY(evidence_input(*form));
          TRY(app.db.transaction([&](Connection& c) {
            return add_evidence(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id,
                                evidence_vault(app), in);
          }));
          return {};
        }();
        if (!s.ok()) {
          // Someone else's report, or one that is not theirs to add to: as if there were none.
          Error e = as_report_refusal(std::move(s).error());
          if (e.code == ErrorCode::kNotFound) return e;
          return submitted_page(app, req, &form->fields, &e, http_status(e.code));
        }
        return redirect_response(concerns_base(req) + "/reports/" + std::to_string(*id) +
                                 "#evidence");
      });
}

}  // namespace inloco::web
