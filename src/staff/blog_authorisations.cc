#include "staff/blog_authorisations.h"

#include <nlohmann/json.hpp>

#include "people/people_store.h"
#include "people/person_fields.h"
#include "staff/staff_members.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

// The grant's columns last, in dated_grant_from_row's order.
const char* kBlogSelect =
    "SELECT b.id, b.school_id, b.staff_id, COALESCE(s.preferred_name, s.given_name) || ' ' || "
    "s.family_name, b.channel, b.address, b.scope, b.authorised_by, b.authorised_by_name, "
    "b.authorised_at, b.starts_on, b.ends_on, b.revoked_by, b.revoked_by_name, b.revoked_at, "
    "b.revoked_on, b.revoke_reason FROM staff_blog_authorisations b "
    "JOIN people s ON s.id = b.staff_id ";

Result<BlogAuthorisation> from_row(const Row& r) {
  RowReader in(r);
  BlogAuthorisation b;
  b.id = in.integer();
  b.school_id = in.integer();
  b.staff_id = in.integer();
  b.staff_name = in.text();
  b.channel = parse_blog_channel(in.text()).value_or(BlogChannel::kBlog);
  b.address = in.text();
  b.scope = in.text();
  b.authorised_by = in.optional_integer();
  b.authorised_by_name = in.text();
  b.authorised_at = in.integer();
  b.grant = TRY(dated_grant_from_row(r, in.position()));
  return b;
}

Result<std::vector<BlogAuthorisation>> load(Connection& conn, const std::string& where,
                                            const SqlParams& params) {
  Rows rows = TRY(conn.query(
      std::string(kBlogSelect) + "WHERE " + where + " ORDER BY b.authorised_at DESC, b.id DESC",
      params));
  std::vector<BlogAuthorisation> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(TRY(from_row(r)));
  return out;
}

}  // namespace

std::string_view blog_channel_key(BlogChannel c) {
  switch (c) {
    case BlogChannel::kBlog:
      return "blog";
    case BlogChannel::kPersonalAccount:
      return "personal_account";
    case BlogChannel::kProfessionalNetwork:
      return "professional_network";
  }
  return "blog";
}

std::string_view blog_channel_label(BlogChannel c) {
  switch (c) {
    case BlogChannel::kBlog:
      return "A blog";
    case BlogChannel::kPersonalAccount:
      return "A personal social media account";
    case BlogChannel::kProfessionalNetwork:
      return "A professional network";
  }
  return "A blog";
}

std::optional<BlogChannel> parse_blog_channel(std::string_view key) {
  for (BlogChannel c :
       {BlogChannel::kBlog, BlogChannel::kPersonalAccount, BlogChannel::kProfessionalNetwork})
    if (blog_channel_key(c) == key) return c;
  return std::nullopt;
}

Result<int64_t> authorise_blogging(const SchoolScope& at, const Grants& grants,
                                   const StaffRules& rules, const BlogAuthorisationInput& in) {
  School school = TRY(get_school(at.conn, at.school_id));
  TRY(require_one_of(grants, rules.blog_authorisers, school,
                     "authorise staff to blog or post about the school"));
  Person staff = TRY(load_staff_member(at.conn, at.school_id, in.staff_id));
  if (!at.actor.person_id || *at.actor.person_id == staff.id)
    return Error::forbidden(
        "You cannot authorise yourself to post about the school; someone "
        "else who is " +
        roles_phrase(rules.blog_authorisers) + " must.");
  std::string address =
      TRY(optional_text(in.address, "address or account name", kMaxStaffShortText, false));
  std::string scope = TRY(required_text(
      in.scope, "description of what may be posted",
      "Say what they may post about the school, for example \"curriculum articles about "
      "outdoor learning, without pupils' names or photographs\".",
      kMaxStaffLongText, true));
  const CalendarDate starts = in.starts_on.value_or(staff_today(at.clock));
  TRY(check_end_date(starts, in.ends_on, "authorisation"));
  const std::optional<std::string> ends = optional_iso(in.ends_on);
  const int64_t now = at.now();
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO staff_blog_authorisations (school_id, staff_id, channel, address, scope, "
      "starts_on, ends_on, authorised_by, authorised_by_name, authorised_at) VALUES (?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?) RETURNING id",
      {at.school_id, staff.id, blog_channel_key(in.channel), address, scope, starts.iso(), ends,
       at.actor.person_id, at.actor.name, now}));
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"staff.blog.authorise", "staff_blog_authorisation",
                              std::to_string(id), at.school_id,
                              nlohmann::json{{"staff", staff.id},
                                             {"channel", blog_channel_key(in.channel)},
                                             {"starts_on", starts.iso()},
                                             {"ends_on", ends.value_or("")}}
                                  .dump()}));
  return id;
}

Status revoke_blogging(const SchoolScope& at, const Grants& grants, const StaffRules& rules,
                       int64_t authorisation_id, std::string_view reason) {
  School school = TRY(get_school(at.conn, at.school_id));
  BlogAuthorisation b = TRY(get_blog_authorisation(at.conn, at.school_id, authorisation_id));
  TRY(require_one_of(grants, rules.blog_authorisers, school,
                     "revoke an authorisation to post about the school"));
  if (!at.actor.person_id || *at.actor.person_id == b.staff_id)
    return Error::forbidden("You cannot revoke your own authorisation; someone else who is " +
                            roles_phrase(rules.blog_authorisers) + " must.");
  return revoke_dated_grant(at, GrantKind::kBlogAuthorisation, authorisation_id, b.staff_id,
                            b.grant, reason);
}

Result<BlogAuthorisation> get_blog_authorisation(Connection& conn, int64_t school_id,
                                                 int64_t authorisation_id) {
  auto found = TRY(load(conn, "b.id = ? AND b.school_id = ?", {authorisation_id, school_id}));
  if (found.empty())
    return Error::not_found("There is no authorisation to post about the school " +
                            std::to_string(authorisation_id) + " at this school.");
  return std::move(found[0]);
}

Result<std::vector<BlogAuthorisation>> list_blog_authorisations(
    Connection& conn, int64_t school_id, std::optional<int64_t> staff_id,
    std::optional<CalendarDate> in_force_on) {
  std::vector<BlogAuthorisation> all;
  if (staff_id)
    all = TRY(load(conn, "b.school_id = ? AND b.staff_id = ?", {school_id, *staff_id}));
  else
    all = TRY(load(conn, "b.school_id = ?", {school_id}));
  if (!in_force_on) return all;
  std::vector<BlogAuthorisation> out;
  for (BlogAuthorisation& b : all)
    if (b.in_force_on(*in_force_on)) out.push_back(std::move(b));
  return out;
}

Result<BlogCheck> blogging_authorised_on(Connection& conn, const StaffRules& rules,
                                         int64_t school_id, int64_t staff_id, BlogChannel channel,
                                         const CalendarDate& on) {
  auto staff = get_person(conn, school_id, staff_id);
  if (!staff.ok() || staff->kind != PersonKind::kStaff)
    return Error::not_found("There is no member of staff " + std::to_string(staff_id) +
                            " at this school.");
  BlogCheck check;
  check.needed = rules.blogging;
  std::vector<BlogAuthorisation> all =
      TRY(load(conn, "b.school_id = ? AND b.staff_id = ? AND b.channel = ?",
               {school_id, staff_id, blog_channel_key(channel)}));
  for (const BlogAuthorisation& b : all)
    if (b.in_force_on(on)) {
      check.authorised = true;
      check.authorisation_id = b.id;
      check.explanation =
          staff->display_name() + " is authorised to post about the school (" +
          std::string(blog_channel_label(channel)) + ") by " + b.authorised_by_name +
          (b.grant.ends_on ? " until " + b.grant.ends_on->iso() : std::string()) + ".";
      return check;
    }
  check.explanation = staff->display_name() + " is not authorised to post about the school on " +
                      ascii_lower(blog_channel_label(channel)) + " on " + on.iso() + ".";
  if (rules.blogging == Authorisation::kNotNeeded)
    check.explanation += " Your school's policy does not require an authorisation.";
  else if (rules.blogging == Authorisation::kAdvised)
    check.explanation += " Your school's policy advises seeking one.";
  else
    check.explanation += " Your school's policy requires one before posting.";
  return check;
}

}  // namespace inloco
