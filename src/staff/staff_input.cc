#include "staff/staff_input.h"

namespace inloco {

namespace {

template <typename T>
Result<T> problem(std::string& field, const char* at, std::string message) {
  field = at;
  return Error::invalid(std::move(message));
}

}  // namespace

bool blank_text(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Result<std::optional<CalendarDate>> optional_staff_date(std::string_view text,
                                                        std::string_view what) {
  if (blank_text(text)) return std::optional<CalendarDate>{};
  auto d = parse_date(text);
  if (!d.ok())
    return Error::invalid("Enter " + std::string(what) + " as a date, for example 31/03/2027: \"" +
                          std::string(text) + "\" is not a date.");
  return std::optional<CalendarDate>{*d};
}

Status induction_item_chosen(std::string_view item_key) {
  if (blank_text(item_key))
    return Error::invalid("Choose the item of your induction checklist you have done.");
  return {};
}

Result<RelationshipDecisionInput> relationship_decision_input(const RelationshipDecisionText& text,
                                                              std::string& field) {
  using R = RelationshipDecisionInput;
  if (text.outcome != "agreed" && text.outcome != "closed")
    return problem<R>(field, "outcome",
                      "Choose whether an arrangement was agreed or the relationship is closed.");
  RelationshipDecisionInput in;
  in.outcome =
      text.outcome == "closed" ? RelationshipOutcome::kClosed : RelationshipOutcome::kAgreed;
  in.agreed = text.agreed;
  in.discussed_with = text.discussed_with;
  auto review = optional_staff_date(text.review_on, "the review date");
  if (!review.ok()) return problem<R>(field, "review_on", review.error().message);
  in.review_on = *review;
  if (blank_text(in.agreed))
    return problem<R>(
        field, "agreed",
        in.outcome == RelationshipOutcome::kClosed
            ? "Say why no arrangement is needed any more."
            : "Say what was agreed, for example \"no contact through personal accounts; "
              "messages about school go through the office\".");
  return in;
}

Result<ContactDecisionInput> contact_decision_input(const ContactDecisionText& text,
                                                    std::string& field) {
  using R = ContactDecisionInput;
  if (text.staff_id <= 0) return problem<R>(field, "staff", "Choose the member of staff.");
  if (text.decision != "approved" && text.decision != "refused")
    return problem<R>(field, "decision", "Choose whether the contact is approved or refused.");
  if (blank_text(text.platform))
    return problem<R>(field, "platform",
                      "Say which platform or channel, for example WhatsApp or personal email.");
  if (text.people.empty() && blank_text(text.group))
    return problem<R>(
        field, "people",
        "Choose the pupils or parents the contact is with, or describe the group (for example "
        "\"parents of the Year 6 football team\").");
  if (blank_text(text.reason))
    return problem<R>(field, "reason", "Say why this contact is " + text.decision + ".");
  auto starts = optional_staff_date(text.starts_on, "the day it starts");
  if (!starts.ok()) return problem<R>(field, "starts_on", starts.error().message);
  auto ends = optional_staff_date(text.ends_on, "the day it ends");
  if (!ends.ok()) return problem<R>(field, "ends_on", ends.error().message);
  ContactDecisionInput in;
  in.staff_id = text.staff_id;
  in.decision = text.decision == "refused" ? ContactDecision::kRefused : ContactDecision::kApproved;
  in.people = text.people;
  in.group_description = text.group;
  in.platform = text.platform;
  in.reason = text.reason;
  in.starts_on = *starts;
  in.ends_on = *ends;
  return in;
}

Result<BlogAuthorisationInput> blog_authorisation_input(const BlogAuthorisationText& text,
                                                        std::string& field) {
  using R = BlogAuthorisationInput;
  if (text.staff_id <= 0) return problem<R>(field, "staff", "Choose the member of staff.");
  auto channel = parse_blog_channel(text.channel);
  if (!channel)
    return problem<R>(
        field, "channel",
        "Choose where they will post: a blog, a personal account or a professional network.");
  if (blank_text(text.scope))
    return problem<R>(
        field, "scope",
        "Say what they may post about the school, for example \"curriculum articles about outdoor "
        "learning, without pupils' names or photographs\".");
  auto starts = optional_staff_date(text.starts_on, "the day it starts");
  if (!starts.ok()) return problem<R>(field, "starts_on", starts.error().message);
  auto ends = optional_staff_date(text.ends_on, "the day it ends");
  if (!ends.ok()) return problem<R>(field, "ends_on", ends.error().message);
  return BlogAuthorisationInput{text.staff_id, *channel, text.address, text.scope, *starts, *ends};
}

Status revoke_reason_given(std::string_view reason, std::string_view what) {
  if (blank_text(reason))
    return Error::invalid("Say why the " + std::string(what) + " is revoked.");
  return {};
}

}  // namespace inloco
