// The URL filter as a Squid helper (issue 6 section 3; NET-1, NET-5):
// `inloco-squid-helper` is a thin main around this class.
//
// Modes:
//   - kAcl, for external_acl_type (the recommended set-up): an allowed URL is
//     answered "OK"; a blocked one "ERR message=... tag=CATEGORY log=RULE",
//     where the message is a sentence for the person who sees the block page
//     (Squid shows it as %o), tag is the category and log the rule (%ea in
//     access.log). squid.conf then denies !acl and deny_info names the page.
//   - kRewrite, for url_rewrite_program: a blocked URL is answered
//     "OK status=302 url=BLOCK_PAGE?url=...&category=..." (Squid 5's
//     documented redirect; a rewrite-url= would make Squid fetch the page
//     itself and break relative links), an allowed one "OK" (keep the request
//     as it is).
// A URL that cannot be read is blocked (fail closed) with the rule
// "invalid:<why>"; an empty line is answered "BH" (helper error).
//
// Rules: with the school's profile the SchoolPolicy decides (groups, times,
// ages, locked categories, exceptions) and its sentence is the message; a
// user banned after attempts to get round the filter (NET-6) is refused
// everything, rule "ban:circumvention", unless a member of staff is
// supervising them now. The decision record of an allowed URL that is
// listed names the list's category, so monitoring sees what was visited.
//
// Reload: reload() opens the snapshot file again (a new mapping; the writer
// renames a new file into place, so it is the old file or the new one) and
// reads the school's files again, then swaps all of it in at once; when any
// of it fails the old snapshot and rules stay and the error is returned. run() checks a flag (set
// by the SIGHUP handler, which does nothing else) before every request line, so a reload happens
// between requests: the request being answered finishes on the snapshot it started with, and the
// next one uses the new snapshot. No request is dropped or waits longer than the load itself (a few
// milliseconds).
//
// Thread-safety: a SquidHelper belongs to one thread (a helper process
// answers its lines in order; Squid gets its concurrency from channel IDs
// and from running several processes). Ownership: it owns its snapshot,
// policy and decision log.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "filter/decision_log.h"
#include "filter/matcher.h"
#include "filter/policy.h"
#include "filter/snapshot.h"

namespace inloco::filter {

enum class HelperMode { kAcl, kRewrite };

struct SquidHelperOptions {
  std::string snapshot_path;
  // The school's rules (school_policy.h). With neither, every listed URL is
  // blocked. profile_path: a policy profile file alone; school_lists_dir:
  // the folder `inloco filter lists` writes (the profile, the exceptions in
  // force, each person's group and the bans), read again on every reload.
  std::string profile_path;
  std::string school_lists_dir;
  HelperMode mode = HelperMode::kAcl;
  std::string block_page;                   // kRewrite: where blocked requests go
  std::vector<std::string> category_order;  // names, most important first
  // Which request values (1 = the URL, 2 = the next, ...) hold the user name
  // (%un, %LOGIN) and the client address (%>a, %SRC); 0 when not passed.
  int user_token = 0;
  int src_token = 0;
};

// "social_networks" -> "This site is blocked on the school network (social
// networks)."
std::string block_message(std::string_view category);

class SquidHelper {
 public:
  // Opens the snapshot; fails when it cannot be read, a category in the
  // order is not in it, or rewrite mode has no block page. `log` may be
  // empty (no decision log). `clock` must outlive the helper.
  [[nodiscard]] static Result<std::unique_ptr<SquidHelper>> create(SquidHelperOptions options,
                                                                   std::optional<DecisionLog> log,
                                                                   const Clock& clock);

  // The answer to one request line (without its LF), with its LF; adds the
  // decision record to the log's buffer.
  std::string answer(std::string_view line);

  // Loads the snapshot file again and swaps it in; on failure keeps the
  // snapshot in use and returns why.
  Status reload();

  // Writes the buffered decision records.
  Status flush_log();

  // Reads request lines from `in_fd` until end of input, answering each
  // batch read on `out_fd` at once (Squid waits for the answers) and then
  // flushing the log. Before each line, when `*reload_requested` is set it
  // is cleared and reload() runs; each reload (done or failed) and a failed
  // log write is reported through `warn` (Squid's cache.log is the helper's
  // stderr). Returns an error only when input or output fails.
  Status run(int in_fd, int out_fd, std::atomic<bool>* reload_requested,
             const std::function<void(const std::string&)>& warn);

  const Snapshot& snapshot() const { return engine_->snapshot(); }
  size_t reloads() const { return reloads_; }
  // What the last load found worth telling ICT (category names the lists
  // lack), one sentence each.
  const std::vector<std::string>& load_warnings() const { return engine_->warnings(); }
  // A one-line account of what is loaded, for cache.log.
  std::string loaded_summary() const;

 private:
  // A snapshot with what is built on it. Matcher refers to the snapshot, so
  // the two live and die together.
  class Engine {
   public:
    [[nodiscard]] static Result<std::unique_ptr<Engine>> load(const SquidHelperOptions& options);
    const Snapshot& snapshot() const { return *snapshot_; }
    const Matcher& matcher() const { return *matcher_; }
    const Policy& policy() const { return *policy_; }
    const std::vector<std::string>& warnings() const { return warnings_; }
    // The group of the user's kind; empty when the people file lacks them.
    // `user` in lower case, as here and below.
    std::string_view kind_group(std::string_view user) const;
    // Whether the user is banned and not supervised at `now`.
    bool banned(std::string_view user, int64_t now) const;
    size_t people() const { return people_.size(); }
    size_t bans() const { return bans_.size(); }
    size_t exceptions() const { return exceptions_; }
    bool has_profile() const { return has_profile_; }

   private:
    std::unique_ptr<Snapshot> snapshot_;
    std::unique_ptr<Matcher> matcher_;
    std::unique_ptr<Policy> policy_;
    std::vector<std::string> warnings_;
    std::vector<std::pair<std::string, std::string>> people_;  // lower-case user -> group, sorted
    std::vector<std::pair<std::string, int64_t>> bans_;  // lower-case user -> supervised until
    size_t exceptions_ = 0;
    bool has_profile_ = false;
  };

  SquidHelper(SquidHelperOptions options, std::optional<DecisionLog> log, const Clock& clock,
              std::unique_ptr<Engine> engine)
      : options_(std::move(options)),
        log_(std::move(log)),
        clock_(clock),
        engine_(std::move(engine)) {}

  std::string blocked_answer(std::optional<std::string_view> channel, std::string_view raw_url,
                             std::string_view category, const std::string& rule,
                             std::string_view message = {}) const;

  SquidHelperOptions options_;
  std::optional<DecisionLog> log_;
  const Clock& clock_;
  std::unique_ptr<Engine> engine_;
  size_t reloads_ = 0;
};

}  // namespace inloco::filter
