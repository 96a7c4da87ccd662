// Reading the Squid helper's decision log into the server (NET-5, NET-6).
// `inloco filter ingest` calls ingest_decision_log for one school and one
// file; run it every few minutes from cron.
//
// Incremental: the file is read on from where the last ingest of it stopped
// (filter_log_files, keyed by device, inode and the hash of its first line),
// so ingesting the same file twice stores nothing new. A rotated file that
// was renamed keeps its inode and is read on where it was left; a new file,
// or one truncated below the position, is read from its start. Only whole
// lines are read: a line still being written is left for next time.
//
// Each record is matched to a person by its user name (network_names.h);
// a name no person of the school has is kept, with no person. The URL is
// normalised to tell attempts to get round the filter (circumvention.h),
// which become circumvention events, and search terms of concern are flagged
// (search_flags.h). A line that is not a decision record is reported with
// its line number and skipped. Lines are stored in batches, each in one
// transaction with the new position, its events, the bans that follow
// (filter_bans.h: ban_if_due, with the notices) and an audit entry, so a
// failure part way loses nothing and repeats nothing.
//
// Decision records and events are personal data: each ingest deletes those
// older than the profile's retention of "filter_logs" (12 months by default).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco::filter {

inline constexpr size_t kMaxDecisionLineBytes = 96 * 1024;  // a URL may be 64 KiB
inline constexpr size_t kIngestBatchLines = 2000;
inline constexpr size_t kMaxReportedProblems = 100;

// One line of the log (decision_log.h), its "-" fields read as empty.
struct DecisionLine {
  int64_t time = 0;
  std::string user;
  std::string source_address;
  std::string url;
  std::string search_terms;
  bool blocked = false;
  std::string category;
  std::string rule;
};

// kInvalid, saying what is wrong, unless the line (without its LF) is eight
// tab-separated fields of UTF-8 text with a time in Unix seconds no later
// than a day after `now` and a verdict of allow or block.
Result<DecisionLine> parse_decision_line(std::string_view line, int64_t now);

struct IngestProblem {
  int64_t line = 0;  // 1-based line of the file
  std::string message;
};

struct IngestSummary {
  bool from_start = false;  // a file not read before, replaced or truncated
  int64_t from_position = 0;
  int64_t to_position = 0;
  int64_t lines = 0;                       // whole lines read this time
  int64_t decisions = 0;                   // stored
  int64_t matched = 0;                     // of which matched to a person
  std::vector<std::string> unknown_names;  // user names no person has, each once (at most 20)
  int64_t events = 0;                      // attempts to get round the filter
  std::vector<int64_t> bans;               // bans that followed
  std::vector<IngestProblem> problems;     // the first kMaxReportedProblems
  int64_t problem_count = 0;
  int64_t purged = 0;  // old decision records and events deleted
};

// Reads `path` for the school. kNotFound or kUnavailable when the file
// cannot be read; kConflict when another ingest of the same file moved on
// meanwhile (run them one at a time).
Result<IngestSummary> ingest_decision_log(Database& db, const Clock& clock, const Actor& actor,
                                          int64_t school_id, const PolicyProfile& profile,
                                          const std::string& path);

// Deletes the school's decision records and events older than the profile's
// retention of filter_logs; returns how many. Audited "filter.purge" when
// anything went. Call inside Database::transaction.
Result<int64_t> purge_decisions(const SchoolScope& at, const PolicyProfile& profile);

}  // namespace inloco::filter
