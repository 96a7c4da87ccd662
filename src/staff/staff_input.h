// The checks a staff conduct request (STF-1..4) gets before the library is
// called, shared by the pages (a form) and the JSON API (an object): the
// same input is refused in the same words either way. They run first, so an
// incomplete request is a problem to correct (kInvalid, 422) whoever sends
// it; only a complete one reaches the profile's test of who may decide
// (kForbidden, 403) in the library, which checks the text again.
//
// On a problem, `field` is set to the field it is about, named as the page's
// form names it ("staff", "decision", "platform", "people", "reason",
// "starts_on", "ends_on", "outcome", "agreed", "review_on", "channel",
// "scope", "item"): the page marks that field, the API names its own key.
// Pure functions: no database, no audit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.h"
#include "core/result.h"
#include "staff/blog_authorisations.h"
#include "staff/contact_approvals.h"
#include "staff/staff_relationships.h"

namespace inloco {

// True for empty text or text of white space only.
bool blank_text(std::string_view text);

// An optional date as typed (YYYY-MM-DD or DD/MM/YYYY); empty is none.
// kInvalid naming `what` ("the review date") when it is not a date.
Result<std::optional<CalendarDate>> optional_staff_date(std::string_view text,
                                                        std::string_view what);

// The item of one's own induction checklist: kInvalid when none is chosen.
Status induction_item_chosen(std::string_view item_key);

// A decision on a relationship as sent: outcome "agreed" or "closed", what
// was agreed (or why it is closed), the others who took part, a review date.
struct RelationshipDecisionText {
  std::string outcome, agreed, review_on;
  std::vector<int64_t> discussed_with;
};
Result<RelationshipDecisionInput> relationship_decision_input(const RelationshipDecisionText& text,
                                                              std::string& field);

// A decision on contact through personal accounts as sent: decision
// "approved" or "refused"; the people, or a described group, or both.
struct ContactDecisionText {
  int64_t staff_id = 0;
  std::string decision, platform, group, reason, starts_on, ends_on;
  std::vector<int64_t> people;
};
Result<ContactDecisionInput> contact_decision_input(const ContactDecisionText& text,
                                                    std::string& field);

// An authorisation to blog or post about the school as sent; channel is a
// key of blog_channel_key.
struct BlogAuthorisationText {
  int64_t staff_id = 0;
  std::string channel, address, scope, starts_on, ends_on;
};
Result<BlogAuthorisationInput> blog_authorisation_input(const BlogAuthorisationText& text,
                                                        std::string& field);

// The reason for revoking `what` ("approval", "authorisation"): kInvalid when
// none is given.
Status revoke_reason_given(std::string_view reason, std::string_view what);

}  // namespace inloco
