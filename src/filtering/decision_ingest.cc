#include "filtering/decision_ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "core/crypto.h"
#include "core/text.h"
#include "filter/url_normaliser.h"
#include "filtering/circumvention.h"
#include "filtering/filter_bans.h"
#include "filtering/network_names.h"
#include "filtering/search_flags.h"
#include "store/row_reader.h"

namespace inloco::filter {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kAverageMonth = 2629746;  // 365.2425 days / 12
constexpr size_t kReadBlock = 1 << 20;
constexpr size_t kMaxUnknownNames = 20;
constexpr size_t kRowsPerInsert = 100;
// What is kept of long fields: enough to read, bounded for storage.
constexpr size_t kKeepUrl = 2048;
constexpr size_t kKeepText = 512;

// A file descriptor that closes itself.
struct File {
  int fd = -1;
  ~File() {
    if (fd >= 0) ::close(fd);
  }
};

std::string kept(std::string_view text, size_t max) { return utf8_excerpt(text, max, "…"); }

Result<DecisionLine> bad(std::string message) { return Error::invalid(std::move(message)); }

// Reads up to `n` bytes at `offset`; fewer only at the end of the file.
Result<std::string> read_at(int fd, int64_t offset, size_t n, const std::string& path) {
  std::string out(n, '\0');
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::pread(fd, out.data() + got, n - got,
                        static_cast<off_t>(offset + static_cast<int64_t>(got)));
    if (r < 0) {
      if (errno == EINTR) continue;
      return Error::unavailable("Cannot read " + path + ": " + std::strerror(errno) + ".");
    }
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  out.resize(got);
  return out;
}

struct LogFile {
  int64_t id = 0;
  int64_t position = 0;  // as stored: the next batch must still find it
  int64_t lines = 0;
};

// The file's row, created at position 0 when it is new.
Result<LogFile> log_file_row(Database& db, const Clock& clock, int64_t school_id,
                             const std::string& path, const struct stat& st,
                             const std::string& head_hash) {
  return db.transaction([&](Connection& c) -> Result<LogFile> {
    SqlParams key{school_id, static_cast<int64_t>(st.st_dev), static_cast<int64_t>(st.st_ino),
                  head_hash};
    TRY(
        c.execute("INSERT INTO filter_log_files (school_id, device, inode, head_hash, path, "
                  "position, lines, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, 0, 0, ?) ON CONFLICT DO NOTHING",
                  {school_id, static_cast<int64_t>(st.st_dev), static_cast<int64_t>(st.st_ino),
                   head_hash, path, clock.now()}));
    Rows rows =
        TRY(c.query("SELECT id, position, lines FROM filter_log_files WHERE school_id = ? AND "
                    "device = ? AND inode = ? AND "
                    "head_hash = ?",
                    key));
    if (rows.empty()) return Error::internal("The position of " + path + " was not stored.");
    RowReader in(rows[0]);
    LogFile file;
    file.id = in.integer();
    file.position = in.integer();
    file.lines = in.integer();
    return file;
  });
}

// What ingest keeps while it reads: the school's names, the flagger, and
// the counts for the summary.
struct Reader {
  Database& db;
  const Clock& clock;
  const Actor& actor;
  int64_t school_id;
  const PolicyProfile& profile;
  std::string path;
  std::map<std::string, int64_t> names;
  SearchFlags flags;
  IngestSummary summary;
  std::set<std::string> unknown;

  void problem(int64_t line, std::string message) {
    ++summary.problem_count;
    if (summary.problems.size() < kMaxReportedProblems)
      summary.problems.push_back({line, std::move(message)});
  }
};

struct Stored {
  DecisionLine d;
  std::optional<int64_t> person;
  std::string host;
  std::string flag;
  std::optional<CircumventionSignal> signal;
};

std::string placeholders(size_t rows, size_t columns) {
  std::string one = "(";
  for (size_t c = 0; c < columns; ++c) one += c ? ", ?" : "?";
  one += ")";
  std::string out;
  for (size_t r = 0; r < rows; ++r) out += (r ? ", " : "") + one;
  return out;
}

Status insert_decisions(Connection& conn, int64_t school_id, const std::vector<Stored>& rows) {
  for (size_t start = 0; start < rows.size(); start += kRowsPerInsert) {
    size_t n = std::min(kRowsPerInsert, rows.size() - start);
    SqlParams p;
    p.reserve(n * 13);
    for (size_t i = start; i < start + n; ++i) {
      const Stored& s = rows[i];
      p.insert(p.end(), {school_id, s.d.time, s.d.user, s.person, s.d.source_address, s.d.url,
                         s.host, s.d.search_terms, s.flag, s.d.blocked, s.d.category, s.d.rule});
    }
    TRY(
        conn.execute("INSERT INTO filter_decisions (school_id, at, username, person_id, "
                     "source_address, url, host, "
                     "search_terms, search_flag, blocked, category, rule) VALUES " +
                         placeholders(n, 12),
                     p));
  }
  return {};
}

Status insert_events(Connection& conn, int64_t school_id, const std::vector<Stored>& rows) {
  for (const Stored& s : rows) {
    if (!s.signal) continue;
    TRY(
        conn.execute("INSERT INTO filter_circumvention_events (school_id, at, username, person_id, "
                     "source_address, url, host, "
                     "kind, category, blocked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     {school_id, s.d.time, s.d.user, s.person, s.d.source_address, s.d.url, s.host,
                      circumvention_kind_key(s.signal->kind), s.signal->category, s.d.blocked}));
  }
  return {};
}

// One batch in one transaction: the records, their events, the bans that
// follow, the new position and the audit entry.
Status store_batch(Reader& r, LogFile& file, std::vector<Stored>& rows, int64_t lines,
                   int64_t next_position) {
  std::set<int64_t> attempted;
  for (const Stored& s : rows)
    if (s.signal && s.person) attempted.insert(*s.person);
  int64_t events = 0;
  for (const Stored& s : rows) events += s.signal.has_value();
  std::vector<int64_t> bans;
  TRY(r.db.transaction([&](Connection& c) -> Status {
    int64_t moved = TRY(c.execute(
        "UPDATE filter_log_files SET position = ?, lines = ?, path = ?, updated_at = ? WHERE id = "
        "? AND position = ?",
        {next_position, file.lines + lines, r.path, r.clock.now(), file.id, file.position}));
    if (moved != 1)
      return Error::conflict("Another ingest of " + r.path +
                             " read on meanwhile; run one ingest at a time.");
    TRY(insert_decisions(c, r.school_id, rows));
    TRY(insert_events(c, r.school_id, rows));
    for (int64_t person : attempted)
      if (auto ban = TRY(
              ban_if_due(SchoolScope{c, r.clock, r.actor, r.school_id}, r.profile.filter, person)))
        bans.push_back(*ban);
    TRY(append_audit(
        c, r.clock, r.actor,
        AuditEvent{"filter.ingest", "filter_log_file", std::to_string(file.id), r.school_id,
                   nlohmann::json{{"from", file.position},
                                  {"to", next_position},
                                  {"lines", lines},
                                  {"decisions", rows.size()},
                                  {"events", events}}
                       .dump()}));
    return {};
  }));
  file.position = next_position;
  file.lines += lines;
  r.summary.decisions += static_cast<int64_t>(rows.size());
  r.summary.events += events;
  r.summary.bans.insert(r.summary.bans.end(), bans.begin(), bans.end());
  rows.clear();
  return {};
}

Stored prepare(Reader& r, DecisionLine d) {
  Stored s;
  for (char& ch : d.user)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  if (auto it = r.names.find(d.user); it != r.names.end()) {
    s.person = it->second;
    ++r.summary.matched;
  } else if (!d.user.empty() && r.unknown.size() < kMaxUnknownNames &&
             r.unknown.insert(d.user).second) {
    r.summary.unknown_names.push_back(d.user);
  }
  auto url = normalise_url(d.url);
  if (url.ok()) s.host = url->host;
  s.signal = circumvention_signal(d.category, url.ok() ? &*url : nullptr);
  s.flag = r.flags.flag(d.search_terms);
  d.url = kept(d.url, kKeepUrl);
  d.user = kept(d.user, kKeepText);
  d.source_address = kept(d.source_address, kKeepText);
  d.search_terms = kept(d.search_terms, kKeepText);
  d.category = kept(d.category, kKeepText);
  d.rule = kept(d.rule, kKeepText);
  s.d = std::move(d);
  return s;
}

}  // namespace

Result<DecisionLine> parse_decision_line(std::string_view line, int64_t now) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return bad("an empty line, not a decision record");
  if (!is_valid_utf8(line)) return bad("not valid UTF-8 text");
  std::vector<std::string_view> f;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    f.push_back(
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (f.size() != 8)
    return bad(
        "a decision record has 8 tab-separated fields (time, user, address, URL, search terms, "
        "verdict, "
        "category, rule); this line has " +
        std::to_string(f.size()));
  for (std::string_view v : f)
    for (char ch : v)
      if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f)
        return bad("a field holds a control character");
  auto value = [](std::string_view v) { return v == "-" ? std::string() : std::string(v); };
  DecisionLine d;
  auto [p, ec] = std::from_chars(f[0].data(), f[0].data() + f[0].size(), d.time);
  if (ec != std::errc() || p != f[0].data() + f[0].size() || d.time <= 0)
    return bad("the time \"" + std::string(f[0].substr(0, 40)) + "\" is not a number of seconds");
  if (d.time > now + kDay)
    return bad("the time " + std::to_string(d.time) + " is more than a day ahead of now");
  if (f[5] != "allow" && f[5] != "block")
    return bad("the verdict is \"" + std::string(f[5].substr(0, 40)) + "\", not allow or block");
  d.user = value(f[1]);
  d.source_address = value(f[2]);
  d.url = value(f[3]);
  if (d.url.empty()) return bad("the URL is missing");
  d.search_terms = value(f[4]);
  d.blocked = f[5] == "block";
  d.category = value(f[6]);
  d.rule = value(f[7]);
  return d;
}

Result<int64_t> purge_decisions(const SchoolScope& at, const PolicyProfile& profile) {
  int64_t months = 12;
  if (auto it = profile.retention.find("filter_logs"); it != profile.retention.end())
    months = it->second.months;
  const int64_t before = at.now() - months * kAverageMonth;
  int64_t gone = TRY(at.conn.execute("DELETE FROM filter_decisions WHERE school_id = ? AND at < ?",
                                     {at.school_id, before}));
  gone +=
      TRY(at.conn.execute("DELETE FROM filter_circumvention_events WHERE school_id = ? AND at < ?",
                          {at.school_id, before}));
  TRY(at.conn.execute("DELETE FROM filter_log_files WHERE school_id = ? AND updated_at < ?",
                      {at.school_id, before}));
  if (gone > 0)
    TRY(append_audit(
        at.conn, at.clock, at.actor,
        AuditEvent{"filter.purge", "school", std::to_string(at.school_id), at.school_id,
                   nlohmann::json{{"deleted", gone}, {"before", before}}.dump()}));
  return gone;
}

Result<IngestSummary> ingest_decision_log(Database& db, const Clock& clock, const Actor& actor,
                                          int64_t school_id, const PolicyProfile& profile,
                                          const std::string& path) {
  crypto_init();
  File file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    if (errno == ENOENT) return Error::not_found("There is no decision log " + path + ".");
    return Error::unavailable("Cannot open " + path + ": " + std::strerror(errno) + ".");
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode))
    return Error::invalid(path +
                          " is not a file; give the decision log the Squid helper writes (--log).");
  SearchFlags flags = TRY(SearchFlags::create());
  auto names = TRY(db.read([&](Connection& c) { return network_names(c, school_id); }));
  Reader r{db, clock, actor, school_id, profile, path, std::move(names), std::move(flags), {}, {}};

  // The file is known by its first line; none yet means nothing to read.
  std::string head = TRY(read_at(file.fd, 0, kMaxDecisionLineBytes, path));
  size_t head_end = head.find('\n');
  if (head_end == std::string::npos && head.size() < kMaxDecisionLineBytes) head.clear();
  if (!head.empty()) {
    head.resize(head_end == std::string::npos ? head.size() : head_end + 1);
    LogFile row = TRY(log_file_row(db, clock, school_id, path, st, sha256_hex(head)));
    const int64_t size = static_cast<int64_t>(st.st_size);
    int64_t position = row.position, line_base = row.lines;
    if (position > size) position = line_base = 0;  // truncated in place
    r.summary.from_start = position == 0;
    r.summary.from_position = position;

    std::vector<Stored> batch;
    int64_t batch_lines = 0;
    bool skipping = false;  // inside a line too long to be a record
    int64_t skipped_line = 0, skip_start = 0;
    std::string carry;
    int64_t next = position;  // the file offset of carry's first byte
    for (;;) {
      std::string block =
          TRY(read_at(file.fd, next + static_cast<int64_t>(carry.size()), kReadBlock, path));
      if (block.empty()) break;
      carry += block;
      size_t start = 0;
      for (;;) {
        size_t lf = carry.find('\n', start);
        if (lf == std::string::npos) break;
        std::string_view line(carry.data() + start, lf - start);
        const int64_t number = line_base + r.summary.lines + batch_lines + 1;
        ++batch_lines;
        if (skipping || line.size() > kMaxDecisionLineBytes) {
          r.problem(skipping ? skipped_line : number, "a line longer than " +
                                                          std::to_string(kMaxDecisionLineBytes) +
                                                          " bytes, not a decision record");
          skipping = false;
        } else if (auto d = parse_decision_line(line, clock.now()); !d.ok()) {
          r.problem(number, d.error().message);
        } else {
          batch.push_back(prepare(r, std::move(d).value()));
        }
        start = lf + 1;
        if (batch_lines >= static_cast<int64_t>(kIngestBatchLines)) {
          TRY(store_batch(r, row, batch, batch_lines, next + static_cast<int64_t>(start)));
          r.summary.lines += batch_lines;
          batch_lines = 0;
        }
      }
      next += static_cast<int64_t>(start);
      carry.erase(0, start);
      if (carry.size() > kMaxDecisionLineBytes) {
        // Drop the long line's bytes but remember it, to report when its end comes.
        if (!skipping) {
          skipped_line = line_base + r.summary.lines + batch_lines + 1;
          skip_start = next;
        }
        skipping = true;
        next += static_cast<int64_t>(carry.size());
        carry.clear();
      }
    }
    // A long line without its end yet is read again next time, from its start.
    if (batch_lines > 0) {
      TRY(store_batch(r, row, batch, batch_lines, skipping ? skip_start : next));
      r.summary.lines += batch_lines;
    }
    r.summary.to_position = row.position;
  }
  r.summary.purged = TRY(db.transaction([&](Connection& c) {
    return purge_decisions(SchoolScope{c, clock, actor, school_id}, profile);
  }));
  return std::move(r.summary);
}

}  // namespace inloco::filter
