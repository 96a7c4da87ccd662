// The register of official accounts (ACC-1..10): the list (whole register or
// one's own accounts), registering with the purpose and risk assessment, the
// decision, authorisations, conditions, the password vault, reviews, closing,
// and the account log as CSV and as a printable page. Who sees which
// accounts is the register's own rule (accounts/account_visibility.h),
// shared with the API.
#include "accounts/access_reviews.h"
#include "accounts/account_log_export.h"
#include "accounts/account_register.h"
#include "accounts/account_visibility.h"
#include "accounts/credential_vault.h"
#include "accounts/platform.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "profile/policy_document.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/accounts";
}
std::string account_href(const Request& req, int64_t id) {
  return base(req) + "/" + std::to_string(id);
}

std::string status_class(AccountStatus s) {
  switch (s) {
    case AccountStatus::kOpen:
      return "govuk-tag--green";
    case AccountStatus::kProposed:
      return "govuk-tag--yellow";
    case AccountStatus::kRejected:
      return "govuk-tag--red";
    case AccountStatus::kClosed:
      return "govuk-tag--grey";
  }
  return "";
}

std::string names_of(const std::vector<AccountAuthorisation>& list, AuthorisationKind kind) {
  std::string out;
  for (const auto& a : list) {
    if (!a.live() || a.kind != kind) continue;
    if (!out.empty()) out += ", ";
    out += a.person_name;
  }
  return out;
}

// "the headteacher or the deputy headteacher", for sentences.
std::string role_list(const std::vector<Role>& roles) {
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i) out += i + 1 == roles.size() ? " or " : ", ";
    std::string label(role_label(roles[i]));
    if (label.size() > 1 && std::islower(static_cast<unsigned char>(label[1])))
      label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    out += "the " + label;
  }
  return out.empty() ? "the headteacher" : out;
}

Result<HttpResponse> list_page(AppContext& ctx, Request& req, const Error* error = nullptr,
                               unsigned status = 200) {
  AccountRules rules = TRY(school_profile(ctx, req)).accounts;
  AccountViewer viewer = req.viewer();
  bool full = sees_whole_register(viewer, *req.school);
  auto entries =
      TRY(ctx.db.read([&](Connection& c) { return register_for(c, *req.school, rules, viewer); }));

  mstch::array accounts;
  for (const auto& e : entries) {
    mstch::array problems;
    for (const auto& p : e.problems) problems.push_back(p.why);
    accounts.push_back(mstch::map{
        {"name", e.account.account_name},
        {"href", account_href(req, e.account.id)},
        {"platform", platform_label(e.account.platform)},
        {"affiliated", e.account.affiliated},
        {"run_by", e.account.run_by.value_or("")},
        {"status", std::string(account_status_label(e.account.status))},
        {"status_class", status_class(e.account.status)},
        {"posters", e.account.affiliated ? std::string("Not run by the school")
                                         : names_of(e.authorisations, AuthorisationKind::kPost)},
        {"problems", problems}});
  }
  mstch::map c{{"heading", std::string(full ? "Account register" : "My school accounts")},
               {"school", req.school->name},
               {"full_register", full},
               {"accounts", accounts}};
  if (full) {
    CalendarDate today = date_of(ctx.clock.now());
    auto due = TRY(ctx.db.read(
        [&](Connection& conn) { return list_due(conn, req.school->id, today, rules); }));
    mstch::array items;
    for (const auto& d : due)
      items.push_back(
          mstch::map{{"what", std::string(review_kind_label(d.kind)) + " of " + d.account_name},
                     {"href", account_href(req, d.account_id)},
                     {"due_on", long_date(d.due_on)},
                     {"overdue", d.overdue}});
    c.emplace("due", items);
    c.emplace("export_href", base(req) + "/log.csv");
    c.emplace("print_href", base(req) + "/log");
  }
  if (req.can(Capability::kAccountsPropose)) c.emplace("propose_href", base(req) + "/new");
  if (!rules.official_accounts_allowed)
    c.emplace("not_allowed",
              std::string("This school's policy does not allow official school accounts. "
                          "Channels run by others, such as a PTA page, can be registered so that "
                          "leaders check them."));
  if (error) c.emplace("errors", error_list(*error));
  return render_page(ctx, req, full ? "Account register" : "My school accounts", "accounts_list",
                     std::move(c), status);
}

Result<HttpResponse> new_page(AppContext& ctx, Request& req, const Fields* f = nullptr,
                              const Error* error = nullptr, unsigned status = 200) {
  AccountRules rules = TRY(school_profile(ctx, req)).accounts;
  auto v = [&](const std::string& k) { return f ? field(*f, k) : std::string(); };
  mstch::array platforms;
  for (const auto& p : known_platforms()) {
    if (!check_platform_allowed(p, rules).ok()) continue;
    platforms.push_back(mstch::map{{"key", std::string(p.key)},
                                   {"label", std::string(p.label)},
                                   {"selected", v("platform") == p.key}});
  }
  mstch::array roles;
  std::string chosen = v("master_role").empty() ? "headteacher" : v("master_role");
  for (Role r : all_roles())
    roles.push_back(mstch::map{{"key", std::string(role_key(r))},
                               {"label", std::string(role_label(r))},
                               {"selected", chosen == role_key(r)}});
  mstch::array contributors;
  auto checked = [&](const std::string& k) {
    if (!f) return k == "staff";
    auto range = f->equal_range("contributors");
    for (auto it = range.first; it != range.second; ++it)
      if (it->second == k) return true;
    return false;
  };
  for (auto [k, label] : {std::pair{"pupils", "Pupils"},
                          {"staff", "Staff"},
                          {"parents", "Parents and carers"},
                          {"public", "The public"}})
    contributors.push_back(mstch::map{
        {"key", std::string(k)}, {"label", std::string(label)}, {"checked", checked(k)}});
  mstch::map c{{"back_href", base(req)},
               {"action", base(req)},
               {"platforms", platforms},
               {"roles", roles},
               {"contributors", contributors},
               {"affiliated", v("affiliated") == "yes"},
               {"run_by", v("run_by")},
               {"name", v("name")},
               {"official_email", v("official_email")},
               {"purpose", v("purpose")},
               {"investment", v("investment")},
               {"interaction", v("interaction")},
               {"staff_time", v("staff_time")},
               {"success", v("success")},
               {"approvers", role_list(rules.account_approvers)}};
  if (error) c.emplace("errors", error_list(*error));
  return render_page(ctx, req, "Register an account", "account_new", std::move(c), status);
}

// The form's free-text answer about interaction, read as a level.
InteractionLevel interaction_from(const std::string& text) {
  std::string t = text;
  for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (auto parsed = parse_interaction(t)) return *parsed;
  if (t.find("message") != std::string::npos || t.find("conversation") != std::string::npos ||
      t.find("reply") != std::string::npos)
    return InteractionLevel::kConversation;
  if (t.find("comment") != std::string::npos) return InteractionLevel::kModeratedComments;
  return InteractionLevel::kBroadcast;
}

Result<HttpResponse> create(AppContext& ctx, Request& req) {
  const Fields& f = req.form();
  AccountRules rules = TRY(school_profile(ctx, req)).accounts;
  AccountProposal p;
  p.platform = field(f, "platform");
  p.account_name = field(f, "name");
  p.purpose = field(f, "purpose");
  p.affiliated = field(f, "affiliated") == "yes";
  if (!field(f, "run_by").empty()) p.run_by = field(f, "run_by");
  if (!p.affiliated) p.master_admin_role = parse_role(field(f, "master_role"));
  if (!field(f, "official_email").empty()) p.official_email = field(f, "official_email");
  p.assessment.investment_achieves = field(f, "investment");
  p.assessment.interaction = interaction_from(field(f, "interaction"));
  p.assessment.staff_contribute = false;
  auto range = f.equal_range("contributors");
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second == "pupils") p.assessment.pupils_contribute = true;
    if (it->second == "staff") p.assessment.staff_contribute = true;
    if (it->second == "parents") p.assessment.parents_contribute = true;
    if (it->second == "public") p.assessment.public_contribute = true;
  }
  std::string minutes = field(f, "staff_time");
  int number = std::atoi(minutes.c_str());
  bool hours = minutes.find("hour") != std::string::npos || minutes.find(" h") != std::string::npos;
  p.assessment.staff_minutes_per_week = hours ? number * 60 : number;
  p.assessment.success_measures = field(f, "success");
  auto id = ctx.db.transaction([&](Connection& c) {
    return propose_account(SchoolScope{c, ctx.clock, req.actor(), req.school->id}, rules, p);
  });
  if (!id.ok()) return new_page(ctx, req, &f, &id.error(), http_status(id.error().code));
  return redirect_response(account_href(req, *id));
}

Result<HttpResponse> detail_page(AppContext& ctx, Request& req, const Error* error = nullptr,
                                 unsigned status = 200, const std::string& revealed = "") {
  auto id = req.int_param("account");
  if (!id) return Error::not_found("There is no such account.");
  AccountRules rules = TRY(school_profile(ctx, req)).accounts;
  AccountViewer viewer = req.viewer();
  RegisterEntry entry = TRY(
      ctx.db.read([&](Connection& c) { return account_for(c, *req.school, *id, rules, viewer); }));
  const OfficialAccount& a = entry.account;
  bool full = sees_whole_register(viewer, *req.school);

  mstch::array problems;
  for (const auto& p : entry.problems) problems.push_back(p.why);
  mstch::array rows;
  auto row = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) rows.push_back(mstch::map{{"key", k}, {"value", v}});
  };
  row("Platform", platform_label(a.platform));
  row("Purpose", a.purpose);
  if (a.master_admin_role)
    row("Master administration role", std::string(role_label(*a.master_admin_role)));
  row("Official email", a.official_email.value_or(""));
  row("Web address", a.url.value_or(""));
  row("Date opened", a.date_opened ? long_date(*a.date_opened) : "");
  row("Date closed", a.date_closed ? long_date(*a.date_closed) : "");
  if (a.status == AccountStatus::kClosed) row("Why it closed", a.close_reason);

  mstch::map c{{"back_href", base(req)},
               {"name", a.account_name},
               {"platform", platform_label(a.platform)},
               {"affiliated", a.affiliated},
               {"run_by", a.run_by.value_or("")},
               {"status", std::string(account_status_label(a.status))},
               {"status_class", status_class(a.status)},
               {"problems", problems},
               {"rows", rows},
               {"school_holds_master", a.school_holds_master_access},
               {"editorial_oversight", a.school_has_editorial_oversight},
               {"privacy_notice", a.listed_in_privacy_notice},
               {"has_credential", entry.has_credential}};
  std::string self = account_href(req, a.id);
  bool open = a.status == AccountStatus::kOpen;
  bool closed = a.status == AccountStatus::kClosed;

  if (full) {
    const AccountAssessment& s = a.assessment;
    mstch::array arows;
    auto arow = [&](const std::string& k, const std::string& v) {
      if (!v.empty()) arows.push_back(mstch::map{{"key", k}, {"value", v}});
    };
    arow("Does the investment achieve the purpose?", s.investment_achieves);
    arow("Interaction", std::string(interaction_label(s.interaction)));
    std::vector<std::string> who;
    if (s.pupils_contribute) who.push_back("pupils");
    if (s.staff_contribute) who.push_back("staff");
    if (s.parents_contribute) who.push_back("parents and carers");
    if (s.public_contribute) who.push_back("the public");
    std::string whos;
    for (size_t i = 0; i < who.size(); ++i) whos += (i ? ", " : "") + who[i];
    arow("Who may contribute", whos.empty() ? "Nobody but the account's posters" : whos);
    if (s.staff_minutes_per_week > 0)
      arow("Staff time each week", std::to_string(s.staff_minutes_per_week) + " minutes");
    arow("How success is judged", s.success_measures);
    arow("Asked for", format_utc(s.requested_at).substr(0, 10));
    if (s.approved) {
      arow("Decision", std::string(*s.approved ? "Approved" : "Rejected") +
                           (s.decided_at ? " on " + format_utc(*s.decided_at).substr(0, 10) : ""));
      arow("Decision note", s.decision_note);
    }
    c.emplace("assessment", mstch::map{{"rows", arows}});
    if (a.status == AccountStatus::kProposed && req.can(Capability::kAccountsApprove))
      c.emplace("decide_action", self + "/decision");
    if (req.can(Capability::kAccountsManage) && !closed)
      c.emplace("flags_action", self + "/conditions");
  }

  bool authorise = req.can(Capability::kAccountsAuthorise) && open && !a.affiliated;
  mstch::array auths, removable;
  for (const auto& au : entry.authorisations) {
    if (!au.live()) continue;
    mstch::map m{{"id", std::to_string(au.id)},
                 {"person", au.person_name},
                 {"kind", std::string(authorisation_kind_label(au.kind))},
                 {"granted", format_utc(au.granted_at).substr(0, 10)},
                 {"csrf", csrf_token(req)}};
    if (authorise) m.emplace("revoke_action", self + "/authorisations/revoke");
    auths.push_back(m);
    removable.push_back(mstch::map{{"id", std::to_string(au.id)},
                                   {"person", au.person_name},
                                   {"kind", std::string(authorisation_kind_label(au.kind))}});
  }
  c.emplace("authorisations", auths);
  c.emplace("can_authorise", authorise);
  if (authorise) {
    PeopleQuery q;
    q.school_id = req.school->id;
    q.kind = PersonKind::kStaff;
    q.limit = 500;
    auto staff = TRY(ctx.db.read([&](Connection& conn) { return list_people(conn, q); }));
    mstch::array options;
    for (const auto& p : staff.people)
      if (p.active)
        options.push_back(mstch::map{{"id", std::to_string(p.id)}, {"name", p.display_name()}});
    c.emplace("staff", options);
    c.emplace("grant_action", self + "/authorisations");
  }
  // Only an administrator of this account stores and reveals its password (credential_vault.h).
  bool administers = is_authorised_on(entry, req.user->person_id, AuthorisationKind::kAdmin);
  if (!a.affiliated && !closed && administers) {
    if (entry.has_credential) {
      c.emplace("reveal_action", self + "/password/reveal");
      bool code = TRY(ctx.accounts.totp_enabled(req.user->person_id));
      c.emplace("needs_code", code);
    }
    c.emplace("set_credential_action", self + "/password");
  }
  if (!revealed.empty()) c.emplace("revealed", revealed);

  if (full) {
    auto reviews = TRY(
        ctx.db.read([&](Connection& conn) { return list_reviews(conn, req.school->id, a.id); }));
    mstch::array list;
    for (const auto& r : reviews) {
      std::string removed;
      for (const auto& x : r.access_removed)
        removed += (removed.empty() ? "" : ", ") + x.person_name + " (" +
                   std::string(authorisation_kind_label(x.kind)) + ")";
      list.push_back(mstch::map{{"on", format_utc(r.reviewed_at).substr(0, 10)},
                                {"by", r.reviewer_name},
                                {"findings", r.findings},
                                {"removed", removed.empty() ? std::string("None") : removed}});
    }
    c.emplace("reviews", list);
    auto due = TRY(ctx.db.read([&](Connection& conn) {
      return list_due(conn, req.school->id, date_of(ctx.clock.now()), rules, 100000);
    }));
    for (const auto& d : due)
      if (d.account_id == a.id) {
        c.emplace("next_due", long_date(d.due_on));
        c.emplace("overdue", d.overdue);
      }
    if (open && req.can(Capability::kAccountsReview)) {
      c.emplace("review_action", self + "/reviews");
      c.emplace("removable", removable);
    }
    if (!closed && req.can(Capability::kAccountsManage)) c.emplace("close_action", self + "/close");
  }
  if (error) c.emplace("errors", error_list(*error));
  return render_page(ctx, req, a.account_name, "account_detail", std::move(c), status);
}

// Runs one change to an account in a transaction; shows the account again
// with the refusal, or goes back to it.
template <typename F>
Result<HttpResponse> change(AppContext& ctx, Request& req, F&& fn) {
  auto id = req.int_param("account");
  if (!id) return Error::not_found("There is no such account.");
  AccountRules rules = TRY(school_profile(ctx, req)).accounts;
  Status s = ctx.db.transaction([&](Connection& c) -> Status { return fn(c, rules, *id); });
  if (!s.ok()) return detail_page(ctx, req, &s.error(), http_status(s.error().code));
  return redirect_response(account_href(req, *id));
}

std::optional<int64_t> to_id(const std::string& text) {
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

void add_account_register_routes(Router& router, AppContext& ctx) {
  using V = http::verb;
  const std::string root = "/schools/{school}/accounts";
  router.add({V::get, root, Access::kSchool, Capability::kAccountsOwn},
             [&ctx](Request& req) { return list_page(ctx, req); });
  router.add({V::get, root + "/new", Access::kSchool, Capability::kAccountsPropose},
             [&ctx](Request& req) { return new_page(ctx, req); });
  router.add({V::post, root, Access::kSchool, Capability::kAccountsPropose},
             [&ctx](Request& req) { return create(ctx, req); });

  router.add(
      {V::get, root + "/log.csv", Access::kSchool, Capability::kAccountsView},
      [&ctx](Request& req) -> Result<HttpResponse> {
        auto rows =
            TRY(ctx.db.transaction([&](Connection& c) -> Result<std::vector<AccountLogRow>> {
              auto out = TRY(account_log(c, req.school->id));
              TRY(append_audit(c, ctx.clock, req.actor(),
                               AuditEvent{"account.log_export", "school",
                                          std::to_string(req.school->id), req.school->id, "{}"}));
              return out;
            }));
        return csv_response(
            "account-log-" + req.school->code + "-" + date_of(ctx.clock.now()).iso() + ".csv",
            account_log_csv(rows));
      });

  router.add({V::get, root + "/log", Access::kSchool, Capability::kAccountsView},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto rows =
                   TRY(ctx.db.read([&](Connection& c) { return account_log(c, req.school->id); }));
               mstch::array list;
               for (const auto& r : rows) {
                 std::string posters;
                 for (size_t i = 0; i < r.posting_users.size(); ++i)
                   posters += (i ? ", " : "") + r.posting_users[i];
                 list.push_back(mstch::map{
                     {"platform", r.platform},
                     {"name", r.account_name},
                     {"master", r.master_admin_role},
                     {"posters", posters},
                     {"opened", r.date_opened ? long_date(*r.date_opened) : std::string()},
                     {"closed", r.date_closed ? long_date(*r.date_closed) : std::string()}});
               }
               return render_page(ctx, req, "Account log", "account_log_print",
                                  mstch::map{{"rows", list},
                                             {"school", req.school->name},
                                             {"printed", long_date(date_of(ctx.clock.now()))}});
             });

  router.add({V::get, root + "/{account}", Access::kSchool, Capability::kAccountsOwn},
             [&ctx](Request& req) { return detail_page(ctx, req); });

  router.add({V::post, root + "/{account}/decision", Access::kSchool, Capability::kAccountsApprove},
             [&ctx](Request& req) {
               std::string decision = field(req.form(), "decision");
               std::string note = field(req.form(), "note");
               return change(ctx, req,
                             [&](Connection& c, const AccountRules& rules, int64_t id) -> Status {
                               if (decision != "approve" && decision != "reject")
                                 return Error::invalid("Choose approve or reject.");
                               return decide_assessment(
                                   SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                   req.grants, rules, id, decision == "approve", note);
                             });
             });

  router.add({V::post, root + "/{account}/authorisations", Access::kSchool,
              Capability::kAccountsAuthorise},
             [&ctx](Request& req) {
               auto person = to_id(field(req.form(), "person"));
               auto kind = parse_authorisation_kind(field(req.form(), "kind"));
               return change(
                   ctx, req, [&](Connection& c, const AccountRules& rules, int64_t id) -> Status {
                     if (!person) return Error::invalid("Choose the member of staff to authorise.");
                     if (!kind)
                       return Error::invalid("Choose whether they may post or administer.");
                     TRY(grant_authorisation(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                             req.grants, rules, id, *person, *kind));
                     return {};
                   });
             });

  router.add(
      {V::post, root + "/{account}/authorisations/revoke", Access::kSchool,
       Capability::kAccountsAuthorise},
      [&ctx](Request& req) {
        auto which = to_id(field(req.form(), "authorisation"));
        return change(ctx, req, [&](Connection& c, const AccountRules& rules, int64_t) -> Status {
          if (!which) return Error::invalid("Choose the authorisation to revoke.");
          return revoke_authorisation(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                      req.grants, rules, *which, "revoked on the account page");
        });
      });

  router.add(
      {V::post, root + "/{account}/conditions", Access::kSchool, Capability::kAccountsManage},
      [&ctx](Request& req) {
        AccountChanges ch;
        ch.school_holds_master_access = field(req.form(), "school_holds_master") == "yes";
        ch.school_has_editorial_oversight = field(req.form(), "editorial_oversight") == "yes";
        ch.listed_in_privacy_notice = field(req.form(), "privacy_notice") == "yes";
        return change(ctx, req, [&](Connection& c, const AccountRules&, int64_t id) -> Status {
          return update_account(SchoolScope{c, ctx.clock, req.actor(), req.school->id}, id, ch);
        });
      });

  router.add({V::post, root + "/{account}/password", Access::kSchool, Capability::kAccountsManage},
             [&ctx](Request& req) {
               std::string secret = field(req.form(), "secret");
               return change(
                   ctx, req, [&](Connection& c, const AccountRules&, int64_t id) -> Status {
                     return set_credential(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                           ctx.key, id, secret);
                   });
             });

  // ACC-6: the person's own password (and code) again, then the reveal, audited.
  router.add(
      {V::post, root + "/{account}/password/reveal", Access::kSchool, Capability::kAccountsOwn},
      [&ctx](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("account");
        if (!id) return Error::not_found("There is no such account.");
        auto who =
            ctx.accounts.confirm_identity(req.actor(), req.user->person_id,
                                          field(req.form(), "password"), field(req.form(), "code"));
        if (!who.ok()) return detail_page(ctx, req, &who.error(), http_status(who.error().code));
        auto secret =
            reveal_credential(ctx.db, ctx.clock, req.actor(), ctx.key, req.school->id, *id);
        if (!secret.ok())
          return detail_page(ctx, req, &secret.error(), http_status(secret.error().code));
        return detail_page(ctx, req, nullptr, 200, *secret);
      });

  router.add({V::post, root + "/{account}/reviews", Access::kSchool, Capability::kAccountsReview},
             [&ctx](Request& req) {
               ReviewRecord record;
               record.findings = field(req.form(), "findings");
               auto range = req.form().equal_range("remove");
               for (auto it = range.first; it != range.second; ++it)
                 if (auto v = to_id(it->second)) record.revoke_authorisation_ids.push_back(*v);
               return change(
                   ctx, req, [&](Connection& c, const AccountRules& rules, int64_t id) -> Status {
                     TRY(record_review(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                       req.grants, rules, id, record));
                     return {};
                   });
             });

  router.add({V::post, root + "/{account}/close", Access::kSchool, Capability::kAccountsManage},
             [&ctx](Request& req) {
               std::string reason = field(req.form(), "reason");
               return change(
                   ctx, req, [&](Connection& c, const AccountRules& rules, int64_t id) -> Status {
                     return close_account(SchoolScope{c, ctx.clock, req.actor(), req.school->id},
                                          req.grants, rules, id, reason);
                   });
             });
}

}  // namespace inloco::web
