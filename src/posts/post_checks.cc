#include "posts/post_checks.h"

#include <algorithm>

#include "accounts/account_register.h"
#include "media/media_store.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "posts/incident_store.h"

namespace inloco {

namespace {

PostFinding refusal(std::string check, std::string message) {
  PostFinding f;
  f.check = std::move(check);
  f.verdict = Verdict::kRefuse;
  f.message = std::move(message);
  return f;
}

Verdict verdict_of(const PostRules& rules, std::string_view check) {
  return rules.action_for(check) == CheckAction::kReview ? Verdict::kReview : Verdict::kRefuse;
}

// Every place the pupil's full name (given or preferred, then family) is in the text.
void find_full_name(const Person& pupil, const std::string& lower_text, const PostRules& rules,
                    std::vector<PostFinding>& out) {
  std::vector<std::string> names = {ascii_lower(pupil.given_name + " " + pupil.family_name)};
  if (pupil.preferred_name && !pupil.preferred_name->empty())
    names.push_back(ascii_lower(*pupil.preferred_name + " " + pupil.family_name));
  for (const auto& name : names) {
    for (size_t pos = lower_text.find(name); pos != std::string::npos;
         pos = lower_text.find(name, pos + 1)) {
      PostFinding f;
      f.check = "pupil_full_name_with_image";
      f.verdict = verdict_of(rules, f.check);
      f.message = "The text names " + pupil.display_name() +
                  " in full and the post shows pupils: use a first name only, or a general label "
                  "such as \"Year 5\".";
      f.start = pos;
      f.end = pos + name.size();
      f.pupil_id = pupil.id;
      out.push_back(std::move(f));
    }
  }
}

}  // namespace

Verdict overall_verdict(const std::vector<PostFinding>& findings) {
  Verdict v = Verdict::kPass;
  for (const auto& f : findings) {
    if (f.verdict == Verdict::kRefuse) return Verdict::kRefuse;
    if (f.verdict == Verdict::kReview) v = Verdict::kReview;
  }
  return v;
}

Result<std::vector<PostFinding>> run_post_checks(Connection& conn, const PostCheckContext& ctx,
                                                 const Grants& author_grants, int64_t school_id,
                                                 int64_t school_trust_id, int64_t author_id,
                                                 const PostDraft& draft) {
  std::vector<PostFinding> out;

  // The account: open, the school's own, and the author authorised to post to it.
  auto entry = get_account(conn, school_id, draft.account_id, ctx.account_rules);
  if (!entry.ok()) {
    if (entry.error().code != ErrorCode::kNotFound) return std::move(entry).error();
    out.push_back(refusal("account_not_open", "There is no such account at this school."));
  } else {
    if (entry->account.status != AccountStatus::kOpen || entry->account.affiliated)
      out.push_back(refusal(
          "account_not_open",
          entry->account.account_name +
              " is not an open official account of the school, so nothing can be posted to it."));
    bool authorised =
        std::any_of(entry->authorisations.begin(), entry->authorisations.end(), [&](const auto& a) {
          return a.live() && a.person_id == author_id && a.kind == AuthorisationKind::kPost;
        });
    if (!authorised)
      out.push_back(refusal("not_authorised",
                            "The author is not authorised to post to " +
                                entry->account.account_name +
                                ". The headteacher can authorise them on the account's page."));
  }

  // Consent of every tagged pupil for what the post shows (PST-5), and names (PST-4).
  // An attached image is a photograph, whatever the author ticked.
  const bool shows_images = draft.shows_images || !draft.media_ids.empty();
  std::string lower_text = ascii_lower(draft.body);
  for (int64_t pupil_id : draft.pupil_ids) {
    Person pupil = TRY(get_person(conn, school_id, pupil_id));
    auto need = [&](bool shown, std::string_view use, const char* what) -> Status {
      if (!shown) return {};
      bool ok = TRY(ctx.has_consent(conn, pupil_id, use, ctx.today));
      if (!ok) {
        PostFinding f = refusal("consent", pupil.display_name() + " has no consent for " + what +
                                               " on the school's accounts this academic year.");
        f.pupil_id = pupil_id;
        out.push_back(std::move(f));
      }
      return {};
    };
    TRY(need(shows_images, kImagesUse, "photographs"));
    TRY(need(draft.shows_video, kVideosUse, "videos"));
    if (shows_images || draft.shows_video) find_full_name(pupil, lower_text, ctx.post_rules, out);
  }
  // The attached images (PST-10): taken on a device the school approved, as
  // the register stands today (a device retired since counts as unknown).
  for (int64_t media_id : draft.media_ids) {
    MediaItem item = TRY(get_media(conn, school_id, media_id));
    if (!ctx.post_rules.approved_devices_only ||
        (item.device_make.empty() && item.device_model.empty()))
      continue;
    std::vector<std::string> serials;
    for (std::string_view rest = item.device_serial; !rest.empty();) {
      size_t comma = rest.find(", ");
      serials.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 2);
    }
    DeviceMatch match =
        TRY(match_device(conn, school_id, item.device_make, item.device_model, serials));
    if (match.kind != DeviceMatchKind::kUnknown) continue;
    PostFinding f;
    f.check = "media_device";
    f.verdict = Verdict::kReview;
    f.message = "\"" + item.original_name + "\" was taken on a " + item.device_make + " " +
                item.device_model +
                ", which is not one of the school's approved devices: check where it came from "
                "before approving.";
    out.push_back(std::move(f));
  }

  // PST-6: library images carry their own source and owner; video and images
  // from elsewhere need the author to say.
  bool unrecorded_media = draft.shows_video || (draft.shows_images && draft.media_ids.empty());
  if (unrecorded_media && ctx.post_rules.media_source_required &&
      std::string(trim(draft.media_source)).empty())
    out.push_back(refusal("media_source",
                          "Say where the photographs or video came from and who owns them (for "
                          "example \"taken by Mrs Khan on the school iPad\")."));

  // A declared critical incident: only its designated people post about it (PST-9).
  if (draft.incident_id) {
    auto incident = TRY(find_incident(conn, school_id, *draft.incident_id));
    if (!incident) {
      out.push_back(refusal("incident", "There is no such incident at this school."));
    } else if (incident->open() && !author_grants.holds_any(ctx.post_rules.incident_posters,
                                                            school_id, school_trust_id)) {
      out.push_back(refusal(
          "incident", "While \"" + incident->title +
                          "\" is open, only the people the policy designates may post about it."));
    }
  }

  // Any other post while an incident is open: the approver makes sure it is not about it.
  if (!draft.incident_id) {
    for (const auto& incident : TRY(open_incidents(conn, school_id))) {
      PostFinding f;
      f.check = "incident";
      f.verdict = Verdict::kReview;
      f.message = "\"" + incident.title +
                  "\" is a declared critical incident: make sure this post is not about it.";
      out.push_back(std::move(f));
    }
  }

  // The words (PST-2, PST-3).
  auto text = TRY(ctx.check_text(draft.body, shows_images || draft.shows_video));
  out.insert(out.end(), text.begin(), text.end());
  return out;
}

}  // namespace inloco
