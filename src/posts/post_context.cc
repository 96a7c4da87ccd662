#include "posts/post_context.h"

#include "consent/consent_register.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "posts/post_workflow.h"
#include "profile/vocabulary.h"

namespace inloco {

PostCheckContext post_check_context(const PolicyProfile& profile,
                                    const checks::TextChecker& checker, const CalendarDate& today) {
  const PostRules& rules = profile.posts;
  return PostCheckContext{
      rules, profile.accounts, today,
      [](Connection& conn, int64_t pupil, std::string_view use,
         const CalendarDate& on) -> Result<bool> {
        ConsentStatus s = TRY(consent_for(conn, pupil, use, on));
        return s.granted();
      },
      [&checker, &rules](std::string_view text,
                         bool with_media) -> Result<std::vector<PostFinding>> {
        auto found = TRY(checker.find(text, checks::CheckOptions{with_media}));
        std::vector<PostFinding> out;
        for (const auto& f : found) {
          PostFinding p;
          p.check = f.check;
          p.verdict = rules.action_for(f.check) == CheckAction::kReview ? Verdict::kReview
                                                                        : Verdict::kRefuse;
          p.message = "\"" + f.match + "\" reads as " +
                      std::string(check_vocabulary().label(f.check).value_or(f.category)) + ".";
          p.start = f.start;
          p.end = f.end;
          p.match = f.match;
          out.push_back(std::move(p));
        }
        return out;
      }};
}

Result<SchoolPostContext> load_school_post_context(Database& db, SchoolCheckers& checkers,
                                                   PolicyProfile profile, int64_t school_id,
                                                   const CalendarDate& today) {
  SchoolPostContext out;
  out.profile = std::make_unique<PolicyProfile>(std::move(profile));
  TRY(db.read([&](Connection& c) -> Status {
    out.checker = TRY(checkers.for_school(c, school_id));
    return {};
  }));
  out.checks =
      std::make_unique<PostCheckContext>(post_check_context(*out.profile, *out.checker, today));
  return out;
}

PublishedPostsFinder published_posts_finder() {
  return [](Connection& conn, int64_t pupil,
            std::string_view use) -> Result<std::vector<PublishedPostRef>> {
    auto posts = TRY(published_posts_showing(conn, pupil, use));
    std::vector<PublishedPostRef> out;
    for (const auto& p : posts)
      out.push_back({p.post_id, p.account_id, p.live_url, date_of(p.published_at)});
    return out;
  };
}

}  // namespace inloco
