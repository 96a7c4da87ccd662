#include "posts/post_workflow.h"

#include <nlohmann/json.hpp>

#include "auth/grants_store.h"
#include "core/text.h"
#include "media/media_store.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "store/row_reader.h"

namespace inloco {

namespace {

using nlohmann::json;

const char* kPostColumns =
    "p.id, p.school_id, p.account_id, p.author_id, p.objective, p.body, p.shows_images, "
    "p.shows_video, "
    "p.media_source, p.incident_id, p.status, p.revision, p.decision, p.findings, p.approved_by, "
    "p.approved_at, p.approved_revision, p.published_by, p.published_at, p.live_url, p.created_at, "
    "p.updated_at, a.given_name || ' ' || a.family_name, o.account_name";

std::string findings_json(const std::vector<PostFinding>& findings) {
  json out = json::array();
  for (const auto& f : findings) {
    json j{{"check", f.check},
           {"verdict", verdict_key(f.verdict)},
           {"message", f.message},
           {"match", f.match}};
    if (f.start) j["start"] = *f.start;
    if (f.end) j["end"] = *f.end;
    if (f.pupil_id) j["pupil_id"] = *f.pupil_id;
    out.push_back(std::move(j));
  }
  return out.dump();
}

std::vector<PostFinding> findings_from(const std::string& text) {
  std::vector<PostFinding> out;
  json arr = json::parse(text, nullptr, false);
  if (!arr.is_array()) return out;
  for (const auto& j : arr) {
    PostFinding f;
    f.check = j.value("check", "");
    f.verdict = parse_verdict(j.value("verdict", "refuse")).value_or(Verdict::kRefuse);
    f.message = j.value("message", "");
    f.match = j.value("match", "");
    if (j.contains("start")) f.start = j["start"].get<size_t>();
    if (j.contains("end")) f.end = j["end"].get<size_t>();
    if (j.contains("pupil_id")) f.pupil_id = j["pupil_id"].get<int64_t>();
    out.push_back(std::move(f));
  }
  return out;
}

Post post_from_row(const Row& r) {
  RowReader in(r);
  Post p;
  p.id = in.integer();
  p.school_id = in.integer();
  p.draft.account_id = in.integer();
  p.author_id = in.integer();
  p.draft.objective = in.text();
  p.draft.body = in.text();
  p.draft.shows_images = in.flag();
  p.draft.shows_video = in.flag();
  p.draft.media_source = in.text();
  p.draft.incident_id = in.optional_integer();
  p.status = parse_post_status(in.text()).value_or(PostStatus::kDraft);
  p.revision = in.integer();
  p.verdict = parse_verdict(in.text()).value_or(Verdict::kRefuse);
  p.findings = findings_from(in.text());
  p.approved_by = in.optional_integer();
  p.approved_at = in.optional_integer();
  p.approved_revision = in.optional_integer();
  p.published_by = in.optional_integer();
  p.published_at = in.optional_integer();
  p.live_url = in.optional_text();
  p.created_at = in.integer();
  p.updated_at = in.integer();
  p.author_name = in.text();
  p.account_name = in.text();
  return p;
}

Status validate_draft(Connection& conn, const PostCheckContext& ctx, int64_t school_id,
                      const PostDraft& d) {
  std::vector<std::string> problems;
  if (!is_valid_utf8(d.body))
    problems.push_back("The text is not valid UTF-8: paste it again as plain text.");
  else if (std::string(trim(d.body)).empty())
    problems.push_back("Write the text of the post.");
  if (d.body.size() > kMaxPostBytes)
    problems.push_back("The text is " + std::to_string(d.body.size()) +
                       " bytes long; a post may be at most " + std::to_string(kMaxPostBytes) + ".");
  const auto& allowed = ctx.post_rules.objectives;
  if (std::find(allowed.begin(), allowed.end(), d.objective) == allowed.end()) {
    std::string list;
    for (const auto& o : allowed) list += (list.empty() ? "" : ", ") + o;
    problems.push_back("Choose the post's objective: one of " + list + ".");
  }
  if (!is_valid_utf8(d.media_source)) problems.push_back("The media source is not valid UTF-8.");
  if (d.media_ids.size() > kMaxPostImages)
    problems.push_back("A post may carry at most " + std::to_string(kMaxPostImages) + " images.");
  for (int64_t id : d.media_ids) {
    auto m = get_media(conn, school_id, id);
    if (m.ok()) continue;
    if (m.error().code != ErrorCode::kNotFound) return std::move(m).error();
    problems.push_back("Image " + std::to_string(id) +
                       " is not in this school's media library, so it cannot be attached.");
  }
  for (int64_t id : d.pupil_ids) {
    auto p = get_person(conn, school_id, id);
    if (!p.ok()) {
      if (p.error().code != ErrorCode::kNotFound) return std::move(p).error();
      problems.push_back("Pupil " + std::to_string(id) +
                         " is not a pupil of this school, so cannot be tagged.");
    } else if (p->kind != PersonKind::kPupil) {
      problems.push_back(p->display_name() +
                         " is not a pupil; tag only the pupils the post shows.");
    }
  }
  if (problems.empty()) return {};
  Error e = Error::invalid("The post was not saved: " + problems.front());
  e.details.assign(problems.begin() + 1, problems.end());
  return e;
}

Result<Post> load(Connection& conn, int64_t school_id, int64_t post_id) {
  Rows rows = TRY(conn.query(
      std::string("SELECT ") + kPostColumns +
          " FROM posts p JOIN people a ON a.id = p.author_id JOIN official_accounts o ON o.id = "
          "p.account_id WHERE p.id = ? AND p.school_id = ?",
      {post_id, school_id}));
  if (rows.empty())
    return Error::not_found("There is no post " + std::to_string(post_id) + " at this school.");
  Post p = post_from_row(rows[0]);
  Rows pupils = TRY(conn.query(
      "SELECT pupil_id FROM post_pupils WHERE post_id = ? ORDER BY pupil_id", {post_id}));
  for (const Row& r : pupils) p.draft.pupil_ids.push_back(r[0].as_int());
  Rows media = TRY(
      conn.query("SELECT media_id FROM post_media WHERE post_id = ? ORDER BY position", {post_id}));
  for (const Row& r : media) p.draft.media_ids.push_back(r[0].as_int());
  return p;
}

Status audit(const SchoolScope& at, const std::string& action, int64_t post_id,
             const json& detail) {
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{action, "post", std::to_string(post_id), at.school_id, detail.dump()}));
  return {};
}

}  // namespace

Result<int64_t> save_post(const SchoolScope& at, const Grants& grants, const PostCheckContext& ctx,
                          int64_t school_trust_id, std::optional<int64_t> post_id,
                          const PostDraft& given) {
  if (!at.actor.person_id)
    return Error::forbidden("Only a signed-in member of staff can write posts.");
  int64_t author = *at.actor.person_id;
  TRY(validate_draft(at.conn, ctx, at.school_id, given));
  // An attached image is a photograph, so a withdrawal of image consent finds the post.
  PostDraft draft = given;
  if (!draft.media_ids.empty()) draft.shows_images = true;
  std::optional<Post> existing;
  if (post_id) {
    existing = TRY(load(at.conn, at.school_id, *post_id));
    if (existing->status == PostStatus::kPublished || existing->status == PostStatus::kWithdrawn)
      return Error::conflict("This post is " + std::string(post_status_label(existing->status)) +
                             " and can no longer be edited; write a new one.");
    if (existing->author_id != author)
      return Error::forbidden("Only the post's author can edit it.");
  }
  auto findings =
      TRY(run_post_checks(at.conn, ctx, grants, at.school_id, school_trust_id, author, draft));
  for (const auto& f : findings)
    if (f.check == "not_authorised" || f.check == "account_not_open")
      return Error::forbidden("The post was not saved: " + f.message);
  Verdict verdict = overall_verdict(findings);
  int64_t now = at.clock.now();
  int64_t id;
  if (!existing) {
    id = TRY(at.conn.insert(
        "INSERT INTO posts (school_id, account_id, author_id, objective, body, shows_images, "
        "shows_video, "
        "media_source, incident_id, status, revision, decision, findings, created_at, updated_at) "
        "VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?, ?, ?) RETURNING id",
        {at.school_id, draft.account_id, author, draft.objective, draft.body, draft.shows_images,
         draft.shows_video, draft.media_source, draft.incident_id,
         std::string(verdict_key(verdict)), findings_json(findings), now, now}));
  } else {
    id = existing->id;
    // An edit after approval withdraws the approval (PST-7).
    TRY(
        at.conn.execute("UPDATE posts SET account_id = ?, objective = ?, body = ?, shows_images = "
                        "?, shows_video = ?, "
                        "media_source = ?, incident_id = ?, status = 'draft', revision = revision "
                        "+ 1, decision = ?, findings = ?, "
                        "approved_by = NULL, approved_at = NULL, approved_revision = NULL, "
                        "updated_at = ? WHERE id = ?",
                        {draft.account_id, draft.objective, draft.body, draft.shows_images,
                         draft.shows_video, draft.media_source, draft.incident_id,
                         std::string(verdict_key(verdict)), findings_json(findings), now, id}));
    TRY(at.conn.execute("DELETE FROM post_pupils WHERE post_id = ?", {id}));
    TRY(at.conn.execute("DELETE FROM post_media WHERE post_id = ?", {id}));
  }
  std::vector<int64_t> pupils = draft.pupil_ids;
  std::sort(pupils.begin(), pupils.end());
  pupils.erase(std::unique(pupils.begin(), pupils.end()), pupils.end());
  for (int64_t p : pupils)
    TRY(at.conn.execute("INSERT INTO post_pupils (post_id, pupil_id) VALUES (?, ?)", {id, p}));
  std::vector<int64_t> seen;
  for (int64_t m : draft.media_ids) {
    if (std::find(seen.begin(), seen.end(), m) != seen.end()) continue;  // attached once
    seen.push_back(m);
    TRY(at.conn.execute("INSERT INTO post_media (post_id, media_id, position) VALUES (?, ?, ?)",
                        {id, m, static_cast<int64_t>(seen.size())}));
  }
  TRY(audit(at, existing ? "post.edit" : "post.draft", id,
            {{"verdict", verdict_key(verdict)},
             {"findings", findings.size()},
             {"images", seen.size()},
             {"approval_withdrawn", existing && existing->status == PostStatus::kApproved}}));
  return id;
}

Status approve_post(const SchoolScope& at, const Grants& grants, const PostCheckContext& ctx,
                    int64_t school_trust_id, int64_t post_id) {
  Post p = TRY(load(at.conn, at.school_id, post_id));
  if (p.status != PostStatus::kDraft)
    return Error::conflict("This post is " + std::string(post_status_label(p.status)) +
                           "; only a draft is approved.");
  if (!at.actor.person_id ||
      (*at.actor.person_id == p.author_id && !ctx.post_rules.author_may_approve))
    return Error::forbidden("You wrote this post, so someone else must approve it.");
  if (!grants.holds_any(ctx.post_rules.approvers, at.school_id, school_trust_id)) {
    std::string list;
    for (Role r : ctx.post_rules.approvers)
      list += (list.empty() ? "" : " or ") + std::string(role_label(r));
    return Error::forbidden("Posts here are approved by the " + list +
                            ", as the school's policy says.");
  }
  // The author's roles matter for incidents; the author is who the checks are about.
  Grants author_grants = TRY(load_grants(at.conn, p.author_id));
  auto findings = TRY(run_post_checks(at.conn, ctx, author_grants, at.school_id, school_trust_id,
                                      p.author_id, p.draft));
  Verdict verdict = overall_verdict(findings);
  TRY(at.conn.execute("UPDATE posts SET decision = ?, findings = ? WHERE id = ?",
                      {std::string(verdict_key(verdict)), findings_json(findings), post_id}));
  if (verdict == Verdict::kRefuse) {
    Error e = Error::invalid("The post cannot be approved: its checks refuse it.");
    for (const auto& f : findings)
      if (f.verdict == Verdict::kRefuse) e.details.push_back(f.message);
    return e;
  }
  int64_t now = at.clock.now();
  TRY(
      at.conn.execute("UPDATE posts SET status = 'approved', approved_by = ?, approved_at = ?, "
                      "approved_revision = revision, "
                      "updated_at = ? WHERE id = ?",
                      {*at.actor.person_id, now, now, post_id}));
  TRY(audit(at, "post.approve", post_id,
            {{"revision", p.revision}, {"reviewed_findings", findings.size()}}));
  return {};
}

Status publish_post(const SchoolScope& at, const Grants& grants, const PostCheckContext& ctx,
                    int64_t school_trust_id, int64_t post_id, const std::string& live_url) {
  Post p = TRY(load(at.conn, at.school_id, post_id));
  if (ctx.post_rules.approval_required &&
      (p.status != PostStatus::kApproved || p.approved_revision != p.revision))
    return Error::conflict(
        "This post has not been approved as it stands, so it cannot be published.");
  if (!ctx.post_rules.approval_required && p.status != PostStatus::kDraft &&
      p.status != PostStatus::kApproved)
    return Error::conflict("This post is " + std::string(post_status_label(p.status)) + ".");
  std::string url(trim(live_url));
  if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() < 12 ||
      url.size() > 2000 || url.find_first_of(" \t\r\n\"<>") != std::string::npos)
    return Error::invalid("Give the live address of the post on the platform, starting https://");
  Grants author_grants = TRY(load_grants(at.conn, p.author_id));
  auto findings = TRY(run_post_checks(at.conn, ctx, author_grants, at.school_id, school_trust_id,
                                      p.author_id, p.draft));
  if (overall_verdict(findings) == Verdict::kRefuse) {
    TRY(at.conn.execute("UPDATE posts SET decision = 'refuse', findings = ? WHERE id = ?",
                        {findings_json(findings), post_id}));
    Error e =
        Error::invalid("The post cannot be published: something changed since it was approved.");
    for (const auto& f : findings)
      if (f.verdict == Verdict::kRefuse) e.details.push_back(f.message);
    return e;
  }
  int64_t now = at.clock.now();
  TRY(at.conn.execute(
      "UPDATE posts SET status = 'published', published_by = ?, published_at = ?, live_url = ?, "
      "updated_at = ? WHERE id = ?",
      {at.actor.person_id, now, url, now, post_id}));
  TRY(audit(at, "post.publish", post_id, {{"live_url", url}}));
  return {};
}

Status withdraw_post(const SchoolScope& at, int64_t post_id, const std::string& reason) {
  Post p = TRY(load(at.conn, at.school_id, post_id));
  if (p.status == PostStatus::kWithdrawn) return {};
  TRY(at.conn.execute("UPDATE posts SET status = 'withdrawn', updated_at = ? WHERE id = ?",
                      {at.clock.now(), post_id}));
  TRY(audit(at, "post.withdraw", post_id, {{"reason", reason}}));
  return {};
}

Result<Post> get_post(Connection& conn, int64_t school_id, int64_t post_id) {
  return load(conn, school_id, post_id);
}

Result<std::vector<Post>> list_posts(Connection& conn, int64_t school_id,
                                     std::optional<PostStatus> status) {
  std::string sql = std::string("SELECT ") + kPostColumns +
                    " FROM posts p JOIN people a ON a.id = p.author_id JOIN official_accounts o ON "
                    "o.id = p.account_id "
                    "WHERE p.school_id = ?";
  SqlParams params{school_id};
  if (status) {
    sql += " AND p.status = ?";
    params.emplace_back(std::string(post_status_key(*status)));
  }
  sql += " ORDER BY p.updated_at DESC, p.id DESC LIMIT 500";
  Rows rows = TRY(conn.query(sql, params));
  std::vector<Post> out;
  for (const Row& r : rows) out.push_back(post_from_row(r));
  return out;
}

Result<std::vector<Post>> posts_using_media(Connection& conn, int64_t school_id, int64_t media_id) {
  Rows rows = TRY(conn.query(
      std::string("SELECT ") + kPostColumns +
          " FROM posts p JOIN people a ON a.id = p.author_id JOIN official_accounts o ON o.id = "
          "p.account_id JOIN post_media pm ON pm.post_id = p.id WHERE p.school_id = ? AND "
          "pm.media_id = ? ORDER BY p.updated_at DESC, p.id DESC",
      {school_id, media_id}));
  std::vector<Post> out;
  for (const Row& r : rows) out.push_back(post_from_row(r));
  return out;
}

Result<std::vector<PublishedPost>> published_posts_showing(Connection& conn, int64_t pupil_id,
                                                           std::string_view use) {
  std::string shows = use == kVideosUse ? "p.shows_video = 1" : "p.shows_images = 1";
  Rows rows = TRY(conn.query(
      "SELECT p.id, p.account_id, p.live_url, p.published_at FROM posts p JOIN post_pupils pp ON "
      "pp.post_id = p.id WHERE pp.pupil_id = ? AND p.status = 'published' AND " +
          shows + " ORDER BY p.published_at",
      {pupil_id}));
  std::vector<PublishedPost> out;
  for (const Row& r : rows) {
    RowReader in(r);
    PublishedPost post;
    post.post_id = in.integer();
    post.account_id = in.integer();
    post.live_url = in.text();
    post.published_at = in.integer();
    out.push_back(std::move(post));
  }
  return out;
}

}  // namespace inloco
