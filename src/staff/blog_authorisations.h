// Authorisation to blog or post about the school (STF-3): one of the
// profile's authorisers (StaffRules::blog_authorisers, by default the
// headteacher) records who may post about the school, where (a blog, a
// personal account, a professional network), what about, from when and
// until when; an authorisation can be revoked with a reason, and stops
// counting from that day. Nothing is deleted; only the revocation columns are
// written after the insert, once. That lifetime is a DatedGrant
// (dated_grant.h), the same as a contact approval's.
//
// Whether an authorisation is needed at all is the profile's
// StaffRules::blogging (not_needed, advised, required); recording one is
// allowed under every setting, and blogging_authorised_on says which applies.
//
// Functions take a Connection; those that write must be called inside
// Database::transaction and append their audit entry there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "staff/dated_grant.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

enum class BlogChannel { kBlog, kPersonalAccount, kProfessionalNetwork };
std::string_view blog_channel_key(BlogChannel c);    // "blog", ... (stored)
std::string_view blog_channel_label(BlogChannel c);  // "A blog", "A personal account", ...
std::optional<BlogChannel> parse_blog_channel(std::string_view key);  // exact key only

struct BlogAuthorisationInput {
  int64_t staff_id = 0;
  BlogChannel channel = BlogChannel::kBlog;
  std::string address;                    // the blog's address or the account's name; optional
  std::string scope;                      // required: what they may post about the school
  std::optional<CalendarDate> starts_on;  // default today; may be earlier (a paper record)
  std::optional<CalendarDate> ends_on;    // on or after starts_on
};

// Records an authorisation by the actor; returns its id. kForbidden: the
// actor holds none of rules.blog_authorisers, or authorises themselves.
// kInvalid: no scope, an end before the start, bad text. kNotFound: a member
// of staff not of this school. Audited "staff.blog.authorise".
Result<int64_t> authorise_blogging(const SchoolScope& at, const Grants& grants,
                                   const StaffRules& rules, const BlogAuthorisationInput& input);

// Revokes from today with a reason. kForbidden as above; kNotFound for
// another school's; kConflict when already revoked or ended; kInvalid for no
// reason. Audited "staff.blog.revoke".
Status revoke_blogging(const SchoolScope& at, const Grants& grants, const StaffRules& rules,
                       int64_t authorisation_id, std::string_view reason);

struct BlogAuthorisation {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t staff_id = 0;
  std::string staff_name;
  BlogChannel channel = BlogChannel::kBlog;
  std::string address;
  std::string scope;
  std::optional<int64_t> authorised_by;
  std::string authorised_by_name;
  int64_t authorised_at = 0;
  DatedGrant grant;  // from when, until when, and its revocation

  bool in_force_on(const CalendarDate& day) const { return grant.in_force_on(day); }
  // Can still be revoked on the day: not revoked, not ended.
  bool revocable_on(const CalendarDate& day) const { return grant.revocable_on(day); }
};

// kNotFound for another school's. Not audited: who may post about the school
// is not a sensitive record.
Result<BlogAuthorisation> get_blog_authorisation(Connection& conn, int64_t school_id,
                                                 int64_t authorisation_id);

// The school's authorisations (or one member of staff's), newest first; with
// `in_force_on`, only those in force that day.
Result<std::vector<BlogAuthorisation>> list_blog_authorisations(
    Connection& conn, int64_t school_id, std::optional<int64_t> staff_id = std::nullopt,
    std::optional<CalendarDate> in_force_on = std::nullopt);

struct BlogCheck {
  Authorisation needed = Authorisation::kRequired;  // the profile's setting
  bool authorised = false;
  std::optional<int64_t> authorisation_id;
  std::string explanation;
};

// Is the member of staff authorised to post about the school on this kind
// of channel on this day? kNotFound for a member of staff not of this school.
Result<BlogCheck> blogging_authorised_on(Connection& conn, const StaffRules& rules,
                                         int64_t school_id, int64_t staff_id, BlogChannel channel,
                                         const CalendarDate& on);

}  // namespace inloco
