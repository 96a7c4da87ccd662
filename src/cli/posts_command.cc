// inloco posts ...: posts on the command line (PST-1..9).
//   list --school CODE [--status draft|approved|published|withdrawn]
//   show ID --school CODE         the post, its status and every finding with the words and their
//   byte span check ID --school CODE        the checks again on the current text; exit 0 pass, 1
//   review or refuse approve ID --school CODE --as USERNAME            PST-7: the profile's
//   approver, not the author publish ID --school CODE --as USERNAME --url URL  PST-8: the live
//   address, checked again
// --as acts as the person who holds that sign-in, with their roles: the same
// permission table as the web (Grants) and the same refusals from the post
// workflow. The audit log names the person and says it came from the command
// line. Exit status: 0 done, 1 refused or not found, 2 the database cannot be opened.
#include <functional>
#include <iostream>

#include "auth/grants_store.h"
#include "auth/permissions.h"
#include "auth/user_accounts.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/calendar_date.h"
#include "core/text.h"
#include "people/people_store.h"
#include "posts/post_context.h"
#include "posts/post_workflow.h"
#include "posts/school_checkers.h"

namespace inloco::cli {

namespace {

void fail(const Error& e) {
  print_error(e);
  set_exit_code(1);
}

std::string excerpt(const std::string& text, size_t max_bytes) {
  return utf8_excerpt(text, max_bytes, "...");
}

std::string one_line(std::string text) {
  for (char& ch : text)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return text;
}

std::string verdict_text(Verdict v) {
  return v == Verdict::kPass     ? "pass"
         : v == Verdict::kReview ? "review (a person must look)"
                                 : "refuse";
}

std::string name_of(Connection& c, std::optional<int64_t> person_id) {
  if (!person_id) return "the command line";
  auto p = get_person_by_id(c, *person_id);
  return p.ok() ? p->display_name() : "person " + std::to_string(*person_id);
}

void print_findings(const std::vector<PostFinding>& findings) {
  if (findings.empty()) {
    std::cout << "No findings.\n";
    return;
  }
  std::vector<TableRow> table;
  for (const PostFinding& f : findings) {
    std::string span =
        f.start && f.end ? std::to_string(*f.start) + "-" + std::to_string(*f.end) : "";
    table.push_back({f.check, std::string(verdict_key(f.verdict)),
                     f.match.empty() ? "" : "\"" + f.match + "\"", span, f.message});
  }
  print_table(std::cout, {"check", "verdict", "words", "bytes", "message"}, table);
}

// A post of the school by id; kNotFound names the id.
Result<Post> find_post(Connection& c, int64_t school_id, int64_t id) {
  auto p = get_post(c, school_id, id);
  if (!p.ok() && p.error().code == ErrorCode::kNotFound)
    return Error::not_found("There is no post " + std::to_string(id) +
                            " at this school; see inloco posts list.");
  return p;
}

// The person a sign-in belongs to, with their roles, acting from the command line.
struct ActingPerson {
  Actor actor;
  Grants grants;
};

Result<ActingPerson> acting_as(Database& db, const std::string& username, const School& school,
                               Capability needed, const std::string& doing) {
  std::string name = TRY(normalise_username(username));
  return db.read([&](Connection& c) -> Result<ActingPerson> {
    SignInHolder h = TRY(find_sign_in_holder(c, name));
    if (h.disabled)
      return Error::forbidden("The sign-in " + h.username + " is disabled, so it cannot " + doing +
                              ".");
    Grants grants = TRY(load_grants(c, h.person.id));
    // The same permission table the web's access check uses for this action.
    if (!grants.can(needed, school.id, school.trust_id))
      return Error::forbidden(h.person.display_name() + " (" + h.username + ") may not " + doing +
                              " at " + school.name + ": none of their roles there allows it.");
    // Named as the web names a signed-in person; the source says where it came from.
    Actor actor{h.person.id, h.person.display_name() + " (" + h.username + ")", "cli"};
    return ActingPerson{std::move(actor), std::move(grants)};
  });
}

struct PostArgs {
  std::string db = default_db();
  std::string school;
  int64_t id = 0;
  std::string as;
  std::string url;
  std::string status;
};

void add_common(CLI::App& cmd, PostArgs& a, bool with_id) {
  if (with_id) cmd.add_option("ID", a.id, "The post's number (see inloco posts list)")->required();
  cmd.add_option("--school", a.school, "The school's code")->required();
  cmd.add_option("--db", a.db, "Database")->capture_default_str();
}

void add_list(CLI::App& posts) {
  auto a = std::make_shared<PostArgs>();
  auto* cmd = posts.add_subcommand("list", "List the school's posts, the newest first");
  add_common(*cmd, *a, false);
  cmd->add_option("--status", a->status, "Only posts in this state")
      ->check(CLI::IsMember({"draft", "approved", "published", "withdrawn"}));
  cmd->callback([a] {
    auto s = open_school_or_report(a->db, a->school);
    if (!s) return;
    std::optional<PostStatus> status;
    if (!a->status.empty()) status = parse_post_status(a->status);
    auto posts = s->db->read([&](Connection& c) { return list_posts(c, s->school.id, status); });
    if (!posts.ok()) return fail(posts.error());
    if (posts->empty()) {
      std::cout << "No posts" << (status ? " in that state" : "") << " at " << s->school.name
                << ".\n";
      return;
    }
    std::vector<TableRow> table;
    for (const Post& p : *posts)
      table.push_back({std::to_string(p.id), std::string(post_status_key(p.status)),
                       std::string(verdict_key(p.verdict)), p.account_name, p.author_name,
                       format_utc(p.updated_at).substr(0, 10),
                       one_line(excerpt(p.draft.body, 60))});
    print_table(std::cout, {"id", "status", "checks", "account", "author", "updated", "text"},
                table);
  });
}

void add_show(CLI::App& posts) {
  auto a = std::make_shared<PostArgs>();
  auto* cmd =
      posts.add_subcommand("show", "Show a post, its status and every finding of its checks");
  add_common(*cmd, *a, true);
  cmd->callback([a] {
    auto s = open_school_or_report(a->db, a->school);
    if (!s) return;
    struct Shown {
      Post post;
      std::vector<std::string> pupils;
      std::string approver;
      std::string publisher;
    };
    auto got = s->db->read([&](Connection& c) -> Result<Shown> {
      Shown out{TRY(find_post(c, s->school.id, a->id)), {}, {}, {}};
      for (int64_t id : out.post.draft.pupil_ids) {
        auto p = get_person(c, s->school.id, id);
        if (!p.ok()) {
          out.pupils.push_back("person " + std::to_string(id));
          continue;
        }
        out.pupils.push_back(p->display_name() +
                             (p->external_id ? " (" + *p->external_id + ")" : ""));
      }
      if (out.post.approved_at) out.approver = name_of(c, out.post.approved_by);
      if (out.post.published_at) out.publisher = name_of(c, out.post.published_by);
      return out;
    });
    if (!got.ok()) return fail(got.error());
    const Post& p = got->post;
    std::vector<std::string> shows;
    if (p.draft.shows_images) shows.push_back("images");
    if (p.draft.shows_video) shows.push_back("video");
    std::cout << "Post " << p.id << " at " << s->school.name << "\n"
              << "status:     " << post_status_key(p.status) << " (revision " << p.revision << ")\n"
              << "account:    " << p.account_name << "\n"
              << "author:     " << p.author_name << "\n"
              << "objective:  " << p.draft.objective << "\n"
              << "shows:      " << (shows.empty() ? "text only" : join(shows, " and ")) << "\n";
    if (!got->pupils.empty()) std::cout << "pupils:     " << join(got->pupils, ", ") << "\n";
    if (!p.draft.media_ids.empty()) {
      std::vector<std::string> ids;
      for (int64_t id : p.draft.media_ids) ids.push_back(std::to_string(id));
      std::cout << "images:     " << join(ids, ", ") << " (the school's media library)\n";
    }
    if (!p.draft.media_source.empty()) std::cout << "media from: " << p.draft.media_source << "\n";
    if (p.approved_at)
      std::cout << "approved:   " << format_utc(*p.approved_at) << " by " << got->approver
                << " (revision " << p.approved_revision.value_or(0) << ")\n";
    if (p.published_at)
      std::cout << "published:  " << format_utc(*p.published_at) << " by " << got->publisher
                << "\n";
    if (p.live_url) std::cout << "live at:    " << *p.live_url << "\n";
    std::cout << "checks:     " << verdict_text(p.verdict) << "\n\n" << p.draft.body << "\n\n";
    print_findings(p.findings);
  });
}

void add_check(CLI::App& posts, const Clock& clock) {
  auto a = std::make_shared<PostArgs>();
  auto* cmd = posts.add_subcommand(
      "check",
      "Run the checks again on the post's current text; exit 0 when it passes, 1 when it does not");
  add_common(*cmd, *a, true);
  cmd->callback([a, &clock] {
    auto s = open_school_or_report(a->db, a->school);
    if (!s) return;
    SchoolCheckers checkers;
    auto ctx =
        load_school_post_context(*s->db, checkers, s->profile, s->school.id, date_of(clock.now()));
    if (!ctx.ok()) return fail(ctx.error());
    auto findings = s->db->read([&](Connection& c) -> Result<std::vector<PostFinding>> {
      Post p = TRY(find_post(c, s->school.id, a->id));
      Grants author_grants = TRY(load_grants(c, p.author_id));
      return run_post_checks(c, *ctx->checks, author_grants, s->school.id, s->school.trust_id,
                             p.author_id, p.draft);
    });
    if (!findings.ok()) return fail(findings.error());
    Verdict v = overall_verdict(*findings);
    std::cout << "Post " << a->id << ": " << verdict_text(v) << "\n\n";
    print_findings(*findings);
    set_exit_code(v == Verdict::kPass ? 0 : 1);
  });
}

// Approve and publish alike: as the named person (their roles, as the web
// route would check them), with the school's checks, on one post, in one
// transaction; `done` prints the outcome.
void act_on_post(const PostArgs& a, const Clock& clock, Capability capability, const char* what,
                 const std::function<Status(const SchoolScope&, const Grants&,
                                            const PostCheckContext&, const School&)>& act,
                 const std::function<void(const Actor&)>& done) {
  auto s = open_school_or_report(a.db, a.school);
  if (!s) return;
  auto who = acting_as(*s->db, a.as, s->school, capability, what);
  if (!who.ok()) return fail(who.error());
  SchoolCheckers checkers;
  auto ctx =
      load_school_post_context(*s->db, checkers, s->profile, s->school.id, date_of(clock.now()));
  if (!ctx.ok()) return fail(ctx.error());
  auto result = s->db->transaction([&](Connection& c) -> Status {
    TRY(find_post(c, s->school.id, a.id));
    return act(SchoolScope{c, clock, who->actor, s->school.id}, who->grants, *ctx->checks,
               s->school);
  });
  if (!result.ok()) return fail(result.error());
  done(who->actor);
}

void add_approve(CLI::App& posts, const Clock& clock) {
  auto a = std::make_shared<PostArgs>();
  auto* cmd = posts.add_subcommand(
      "approve",
      "Approve a draft as a named person: the profile's approver, not its author (PST-7)");
  add_common(*cmd, *a, true);
  cmd->add_option("--as", a->as, "The username of the person approving")->required();
  cmd->callback([a, &clock] {
    act_on_post(
        *a, clock, Capability::kPostsApprove, "approve posts",
        [&](const SchoolScope& at, const Grants& grants, const PostCheckContext& checks,
            const School& school) {
          return approve_post(at, grants, checks, school.trust_id, a->id);
        },
        [&](const Actor& who) {
          std::cout << "Post " << a->id << " approved by " << who.name << ".\n";
        });
  });
}

void add_publish(CLI::App& posts, const Clock& clock) {
  auto a = std::make_shared<PostArgs>();
  auto* cmd = posts.add_subcommand(
      "publish",
      "Record that an approved post is live, with its address; the checks run again (PST-8)");
  add_common(*cmd, *a, true);
  cmd->add_option("--as", a->as, "The username of the person publishing")->required();
  cmd->add_option("--url", a->url, "The post's live address, https://...")->required();
  cmd->callback([a, &clock] {
    act_on_post(
        *a, clock, Capability::kPostsWrite, "publish posts",
        [&](const SchoolScope& at, const Grants& grants, const PostCheckContext& checks,
            const School& school) {
          return publish_post(at, grants, checks, school.trust_id, a->id, a->url);
        },
        [&](const Actor& who) {
          std::cout << "Post " << a->id << " published at " << a->url << ", recorded by "
                    << who.name << ".\n";
        });
  });
}

}  // namespace

void add_posts_command(CLI::App& app, const Clock& clock) {
  auto* posts = app.add_subcommand(
      "posts", "Posts on the official accounts: list, show, check, approve, publish");
  posts->require_subcommand(1);
  add_list(*posts);
  add_show(*posts);
  add_check(*posts, clock);
  add_approve(*posts, clock);
  add_publish(*posts, clock);
}

}  // namespace inloco::cli
