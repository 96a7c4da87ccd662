// JSON API for the account register and the policy (ACC-1..10, RPT-3). Same
// permissions as the pages and the same accounts shown
// (accounts/account_visibility.h); listings never carry stored passwords.
#include "accounts/access_reviews.h"
#include "accounts/account_log_export.h"
#include "accounts/account_register.h"
#include "accounts/account_visibility.h"
#include "accounts/credential_vault.h"
#include "accounts/platform.h"
#include "core/calendar_date.h"
#include "profile/policy_document.h"
#include "store/stored_dates.h"
#include "web/api/json_fields.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& v) { return v ? json(*v) : json(); }

json account_json(const RegisterEntry& e) {
  const OfficialAccount& a = e.account;
  json auths = json::array();
  for (const auto& au : e.authorisations) {
    if (!au.live()) continue;
    auths.push_back({{"id", au.id},
                     {"person_id", au.person_id},
                     {"person", au.person_name},
                     {"kind", authorisation_kind_key(au.kind)},
                     {"granted_at", format_utc(au.granted_at)}});
  }
  json problems = json::array();
  for (const auto& p : e.problems)
    problems.push_back({{"code", p.code}, {"requirement", p.requirement}, {"why", p.why}});
  return {
      {"id", a.id},
      {"platform", a.platform},
      {"account_name", a.account_name},
      {"url", optional_json(a.url)},
      {"purpose", a.purpose},
      {"master_admin_role", a.master_admin_role ? json(role_key(*a.master_admin_role)) : json()},
      {"official_email", optional_json(a.official_email)},
      {"status", account_status_key(a.status)},
      {"date_opened", optional_json(optional_iso(a.date_opened))},
      {"date_closed", optional_json(optional_iso(a.date_closed))},
      {"affiliated", a.affiliated},
      {"run_by", optional_json(a.run_by)},
      {"school_holds_master_access", a.school_holds_master_access},
      {"school_has_editorial_oversight", a.school_has_editorial_oversight},
      {"listed_in_privacy_notice", a.listed_in_privacy_notice},
      {"has_stored_password", e.has_credential},
      {"authorisations", auths},
      {"official_problems", problems}};
}

Result<json> body_of(const Request& req) {
  json body = json::parse(req.raw.body(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) return Error::invalid("Send a JSON object.");
  return body;
}

// One change in one transaction, answered with the account as it now is.
template <typename F>
Result<HttpResponse> change(AppContext& ctx, Request& req, F&& fn) {
  auto id = req.int_param("account");
  if (!id) return Error::not_found("There is no such account.");
  AccountRules rules = TRY(school_profile(ctx, req)).accounts;
  json body = TRY(body_of(req));
  TRY(ctx.db.transaction([&](Connection& c) -> Status { return fn(c, rules, *id, body); }));
  RegisterEntry e =
      TRY(ctx.db.read([&](Connection& c) { return get_account(c, req.school->id, *id, rules); }));
  return json_response(200, account_json(e));
}

}  // namespace

void add_accounts_api_routes(Router& router, AppContext& ctx) {
  using V = http::verb;
  const std::string root = "/api/v1/schools/{school}/accounts";

  router.add({V::get, root, Access::kSchool, Capability::kAccountsOwn},
             [&ctx](Request& req) -> Result<HttpResponse> {
               AccountRules rules = TRY(school_profile(ctx, req)).accounts;
               auto list = TRY(ctx.db.read([&](Connection& c) {
                 return register_for(c, *req.school, rules, req.viewer());
               }));
               json out = json::array();
               for (const auto& e : list) out.push_back(account_json(e));
               return json_response(200, {{"accounts", out}});
             });

  router.add({V::get, root + "/due", Access::kSchool, Capability::kAccountsView},
             [&ctx](Request& req) -> Result<HttpResponse> {
               AccountRules rules = TRY(school_profile(ctx, req)).accounts;
               auto due = TRY(ctx.db.read([&](Connection& c) {
                 return list_due(c, req.school->id, date_of(ctx.clock.now()), rules);
               }));
               json out = json::array();
               for (const auto& d : due)
                 out.push_back({{"account_id", d.account_id},
                                {"account_name", d.account_name},
                                {"kind", review_kind_key(d.kind)},
                                {"due_on", d.due_on.iso()},
                                {"overdue", d.overdue}});
               return json_response(200, {{"due", out}});
             });

  router.add({V::get, root + "/log", Access::kSchool, Capability::kAccountsView},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto rows =
                   TRY(ctx.db.read([&](Connection& c) { return account_log(c, req.school->id); }));
               json out = json::array();
               for (const auto& r : rows)
                 out.push_back({{"platform", r.platform},
                                {"account_name", r.account_name},
                                {"master_administration_role", r.master_admin_role},
                                {"approved_posting_users", r.posting_users},
                                {"date_opened", optional_iso(r.date_opened).value_or("")},
                                {"date_closed", optional_json(optional_iso(r.date_closed))}});
               return json_response(200, {{"account_log", out}});
             });

  router.add(
      {V::post, root, Access::kSchool, Capability::kAccountsPropose},
      [&ctx](Request& req) -> Result<HttpResponse> {
        AccountRules rules = TRY(school_profile(ctx, req)).accounts;
        const json b = TRY(body_of(req));
        AccountProposal p;
        p.platform = text_field(b, "platform");
        p.account_name = text_field(b, "account_name");
        p.purpose = text_field(b, "purpose");
        p.affiliated = flag_field(b, "affiliated");
        if (!text_field(b, "run_by").empty()) p.run_by = text_field(b, "run_by");
        if (!text_field(b, "url").empty()) p.url = text_field(b, "url");
        if (!text_field(b, "master_admin_role").empty()) {
          p.master_admin_role = parse_role(text_field(b, "master_admin_role"));
          if (!p.master_admin_role)
            return Error::invalid("'" + text_field(b, "master_admin_role") + "' is not a role.");
        }
        if (!text_field(b, "official_email").empty())
          p.official_email = text_field(b, "official_email");
        p.school_holds_master_access = flag_field(b, "school_holds_master_access");
        p.school_has_editorial_oversight = flag_field(b, "school_has_editorial_oversight");
        p.listed_in_privacy_notice = flag_field(b, "listed_in_privacy_notice");
        if (b.contains("assessment") && b["assessment"].is_object()) {
          const json& a = b["assessment"];
          p.assessment.investment_achieves = text_field(a, "investment_achieves");
          if (auto level = parse_interaction(text_field(a, "interaction")))
            p.assessment.interaction = *level;
          p.assessment.pupils_contribute = flag_field(a, "pupils_contribute");
          p.assessment.staff_contribute = flag_field(a, "staff_contribute");
          p.assessment.parents_contribute = flag_field(a, "parents_contribute");
          p.assessment.public_contribute = flag_field(a, "public_contribute");
          if (a.contains("staff_minutes_per_week") &&
              a["staff_minutes_per_week"].is_number_integer())
            p.assessment.staff_minutes_per_week = a["staff_minutes_per_week"].get<int>();
          p.assessment.success_measures = text_field(a, "success_measures");
        }
        int64_t id = TRY(ctx.db.transaction([&](Connection& c) {
          return propose_account(SchoolScope{c, ctx.clock, req.actor(), req.school->id}, rules, p);
        }));
        RegisterEntry e = TRY(
            ctx.db.read([&](Connection& c) { return get_account(c, req.school->id, id, rules); }));
        return json_response(201, account_json(e));
      });

  router.add({V::get, root + "/{account}", Access::kSchool, Capability::kAccountsOwn},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("account");
               if (!id) return Error::not_found("There is no such account.");
               AccountRules rules = TRY(school_profile(ctx, req)).accounts;
               RegisterEntry e = TRY(ctx.db.read([&](Connection& c) {
                 return account_for(c, *req.school, *id, rules, req.viewer());
               }));
               return json_response(200, account_json(e));
             });

  router.add(
      {V::post, root + "/{account}/decision", Access::kSchool, Capability::kAccountsApprove},
      [&ctx](Request& req) {
        return change(
            ctx, req,
            [&](Connection& c, const AccountRules& rules, int64_t id, const json& b) -> Status {
              if (!b.contains("approve") || !b["approve"].is_boolean())
                return Error::invalid("Send {\"approve\": true or false, \"note\": \"why\"}.");
              return decide_assessment(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                       req.grants, rules, id, b["approve"].get<bool>(),
                                       text_field(b, "note"));
            });
      });

  router.add(
      {V::post, root + "/{account}/authorisations", Access::kSchool,
       Capability::kAccountsAuthorise},
      [&ctx](Request& req) {
        return change(
            ctx, req,
            [&](Connection& c, const AccountRules& rules, int64_t id, const json& b) -> Status {
              auto kind = parse_authorisation_kind(text_field(b, "kind"));
              if (!b.contains("person_id") || !b["person_id"].is_number_integer() || !kind)
                return Error::invalid("Send {\"person_id\": N, \"kind\": \"post\" or \"admin\"}.");
              TRY(grant_authorisation(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                      req.grants, rules, id, b["person_id"].get<int64_t>(), *kind));
              return {};
            });
      });

  router.add(
      {V::post, root + "/{account}/authorisations/revoke", Access::kSchool,
       Capability::kAccountsAuthorise},
      [&ctx](Request& req) {
        return change(
            ctx, req,
            [&](Connection& c, const AccountRules& rules, int64_t, const json& b) -> Status {
              if (!b.contains("authorisation_id") || !b["authorisation_id"].is_number_integer())
                return Error::invalid("Send {\"authorisation_id\": N, \"reason\": \"why\"}.");
              return revoke_authorisation(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                          req.grants, rules, b["authorisation_id"].get<int64_t>(),
                                          text_field(b, "reason"));
            });
      });

  router.add(
      {V::post, root + "/{account}/reviews", Access::kSchool, Capability::kAccountsReview},
      [&ctx](Request& req) {
        return change(
            ctx, req,
            [&](Connection& c, const AccountRules& rules, int64_t id, const json& b) -> Status {
              ReviewRecord r;
              r.findings = text_field(b, "findings");
              if (b.contains("revoke_authorisation_ids") &&
                  b["revoke_authorisation_ids"].is_array())
                for (const auto& v : b["revoke_authorisation_ids"])
                  if (v.is_number_integer()) r.revoke_authorisation_ids.push_back(v.get<int64_t>());
              TRY(record_review(SchoolScope{c, ctx.clock, req.actor(), req.school->id}, req.grants,
                                rules, id, r));
              return {};
            });
      });

  router.add(
      {V::post, root + "/{account}/close", Access::kSchool, Capability::kAccountsManage},
      [&ctx](Request& req) {
        return change(
            ctx, req,
            [&](Connection& c, const AccountRules& rules, int64_t id, const json& b) -> Status {
              return close_account(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                   req.grants, rules, id, text_field(b, "reason"));
            });
      });

  router.add({V::post, root + "/{account}/password", Access::kSchool, Capability::kAccountsManage},
             [&ctx](Request& req) {
               return change(
                   ctx, req,
                   [&](Connection& c, const AccountRules&, int64_t id, const json& b) -> Status {
                     return set_credential(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                           ctx.key, id, text_field(b, "password"));
                   });
             });

  router.add(
      {V::post, root + "/{account}/password/reveal", Access::kSchool, Capability::kAccountsOwn},
      [&ctx](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("account");
        if (!id) return Error::not_found("There is no such account.");
        const json body = TRY(body_of(req));
        TRY(ctx.accounts.confirm_identity(req.actor(), req.user->person_id,
                                          text_field(body, "your_password"),
                                          text_field(body, "code")));
        std::string secret =
            TRY(reveal_credential(ctx.db, ctx.clock, req.actor(), ctx.key, req.school->id, *id));
        return json_response(200, {{"password", secret}});
      });

  router.add(
      {V::get, "/api/v1/schools/{school}/policy", Access::kSchool, Capability::kPolicyView},
      [&ctx](Request& req) -> Result<HttpResponse> {
        PolicyProfile profile = TRY(school_profile(ctx, req));
        PolicyDocument doc = policy_document(profile, req.school->name);
        json sections = json::array();
        for (const auto& s : doc.sections)
          sections.push_back(
              {{"heading", s.heading}, {"paragraphs", s.paragraphs}, {"bullets", s.bullets}});
        return json_response(200, {{"profile", profile.key},
                                   {"title", doc.title},
                                   {"version_line", doc.version_line},
                                   {"sections", sections}});
      });
}

}  // namespace inloco::web
