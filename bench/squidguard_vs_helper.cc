// make bench: squidGuard (Debian's 1.6) and inloco-squid-helper side by side,
// on the same lists with every category blocked and the same stream of URLs,
// each through its own Squid line protocol (not a test).
//
// 1. Lists: the UT1 lists (../shared/data/ut1, or --lists DIR) are compiled to
//    a snapshot in process, and copied for squidGuard into a temporary
//    dbhome, one `dest` per category folder (domainlist, urllist and
//    expressionlist as the folder has them) and one acl that passes none of
//    them: `pass !cat1 !cat2 ... all; redirect http://blocked.example/`.
//    squidGuard's .db files are built first (`squidGuard -C all`), outside
//    the timed part, and that time is printed.
// 2. Stream: --urls (200,000) URLs from a fixed seed, about half listed:
//    listed domains and hosts under them with paths, queries and ports, url
//    entries, CONNECT host:443 lines, hosts that are not listed, and paths
//    that match the lists' expressions. It leaves out the URLs on which the
//    two are known to differ because of squidGuard's faults (docs/filter.md,
//    "Benchmark"); the program prints what it left out.
// 3. Each filter runs as Squid runs it, pinned to one core (--cpu, by default
//    the last; sched_setaffinity, as taskset does), with this program's
//    threads on the other cores:
//      squidGuard, as url_rewrite_program, in Squid 5's request format
//        "URL client/fqdn user method myip=... myport=..." with no channel
//        ID (squidGuard 1.6 has no concurrency support); it answers
//        `OK rewrite-url="..."` to block and `ERR` to allow.
//      inloco-squid-helper, as external_acl_type with concurrency: "ID URL
//        client user"; it answers "ID OK" to allow and "ID ERR ..." to block.
//        No decision log (as the timed figure), then once more with --log.
//    A first request is answered before the clock starts (the time to it is
//    the start-up: squidGuard opening its .db files, the helper mapping its
//    snapshot); then the whole stream is written while the answers are read.
//    Throughput is URLs per second of wall time; the CPU time is the filter
//    process's own (/proc/PID/schedstat); peak memory is its VmHWM.
// 4. Prints both throughputs, the ratio (target >= 50x), the peak memory,
//    squidGuard's .db build time and the snapshot's load time, and the number
//    of URLs on which the verdicts differ (must be 0), with the first few.
//    Exits 1 when any verdict differs.
//
// Usage: squidguard_vs_helper --helper PATH [--lists DIR] [--squidguard PATH]
//          [--urls N] [--seed N] [--cpu N] [--helper-runs N] [--squidguard-runs N]
//          [--keep DIR]
// --keep DIR works in DIR and keeps it: squidGuard.conf, the .db files, the
// snapshot, and squidguard.in and helper.in, the requests as each filter
// reads them, to run either by hand.
#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "filter/list_compiler.h"
#include "filter/snapshot.h"
#include "filter/snapshot_writer.h"
#include "filter/url_normaliser.h"

namespace fs = std::filesystem;
using namespace inloco::filter;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

const char* meets(bool ok) { return ok ? "MEETS" : "MISSES"; }

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// ---- The stream --------------------------------------------------------

enum class Kind { kListedDomain, kUrlEntry, kConnectListed, kConnectOther, kOther, kExpression };
constexpr int kKinds = 6;
const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kListedDomain:
      return "listed domains and hosts under them";
    case Kind::kUrlEntry:
      return "url entries (with more path after some)";
    case Kind::kConnectListed:
      return "CONNECT host:443 of listed domains";
    case Kind::kConnectOther:
      return "CONNECT host:443 of other hosts";
    case Kind::kOther:
      return "other hosts (a few of them listed)";
    case Kind::kExpression:
      return "paths the lists' expressions match";
  }
  return "";
}

struct StreamUrl {
  std::string url;
  bool connect = false;
  Kind kind = Kind::kOther;
};

const char* kWords[] = {"news",   "home",  "media", "shop",  "photo", "video", "learn",
                        "school", "city",  "local", "green", "blue",  "north", "river",
                        "cloud",  "smart", "open",  "daily", "world", "data",  "maths",
                        "travel", "sport", "music", "art",   "book",  "garden"};
const char* kTlds[] = {"com", "net", "org", "co.uk", "org.uk", "ac.uk", "io", "de", "fr", "info"};
const char* kSubs[] = {"www.", "m.", "cdn.", "static.", "api.", "img.", "en."};
const char* kSegments[] = {"index.html", "about", "news",   "2024", "article",  "images",  "search",
                           "p",          "watch", "static", "js",   "css",      "assets",  "view",
                           "profile",    "login", "home",   "blog", "category", "page.php"};

// Picks an element; rng() % n is uniform enough for a benchmark.
template <typename T, size_t N>
const T& pick(std::mt19937_64& rng, const T (&a)[N]) {
  return a[rng() % N];
}

std::string random_path(std::mt19937_64& rng) {
  std::string p;
  int segments = static_cast<int>(rng() % 4);
  for (int i = 0; i < segments; ++i) {
    p += '/';
    p += pick(rng, kSegments);
  }
  if (p.empty() || rng() % 3 == 0) p += '/';
  if (rng() % 4 == 0)
    p += "?id=" + std::to_string(rng() % 100000) + "&q=" + pick(rng, kWords) + "+" +
         pick(rng, kWords);
  return p;
}

std::string other_host(std::mt19937_64& rng) {
  std::string h = pick(rng, kWords);
  h += pick(rng, kWords);
  if (rng() % 2 == 0) h += std::to_string(rng() % 1000);
  h += '.';
  h += pick(rng, kTlds);
  if (rng() % 3 == 0) h = pick(rng, kSubs) + h;
  return h;
}

bool is_ipv4(std::string_view host) {
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string_view::npos;
}

// What the stream leaves out, and how many url entries each rule dropped.
struct Exclusions {
  size_t with_www = 0;            // squidGuard keeps www. in the entry: never matches
  size_t with_escape = 0;         // squidGuard decodes the request, not the entry
  size_t with_double_slash = 0;   // squidGuard merges the request's "//", not the entry's
  size_t with_dot_slash = 0;      // squidGuard rewrites the request's "./", not the entry's
  size_t with_backslash = 0;      // browsers send a backslash in a path as "/"; squidGuard keeps it
  size_t url_other_form = 0;      // written otherwise than inloco reads it (a port...)
  size_t domain_leading_dot = 0;  // squidGuard puts another "." in front: never matches
  size_t domain_other_form = 0;   // not written as requests carry it (UTF-8, trailing dot...)
  size_t prefix_of_other = 0;     // requested only as they are (B-tree neighbour)
};

// The url entries as squidGuard has them (the first word of each line, in
// lower case), and the compiled keys of those it can never match, with why.
// squidGuard 1.6 compares the request after dropping its www label,
// decoding its escapes, merging "//" into "/" and rewriting "./" in its path
// ("a./b" is read as "a/b"), with the entry exactly as written, so an entry
// written with any of these is dead there, while inloco reads the entry the
// same way as the request. An entry with a backslash in its path (a regular
// expression's escapes in a urls file) is read by inloco as browsers send
// it, with "/"; squidGuard keeps the backslash. Such entries are left out of
// the stream.
struct RawUrlEntries {
  std::set<std::string> as_squidguard_has_them;
  // key -> 1 www, 2 escape, 3 "//", 4 "./" or a dot segment, 5 backslash, 6 other
  std::map<std::string, int> dead;
};

RawUrlEntries read_raw_url_entries(const fs::path& lists) {
  RawUrlEntries out;
  for (const auto& entry : fs::directory_iterator(lists)) {
    if (!entry.is_directory() || entry.is_symlink()) continue;
    std::ifstream in(entry.path() / "urls");
    std::string line;
    while (std::getline(in, line)) {
      std::string word = line.substr(0, line.find_first_of(" \t\r"));
      if (word.empty() || word[0] == '#') continue;
      std::string lower = word;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.as_squidguard_has_them.insert(lower);
      // inloco refuses entries with a fragment (list_compiler.h); to squidGuard they are
      // B-tree neighbours only.
      if (word.find('#') != std::string::npos) continue;
      auto url = normalise_url(word);
      if (!url.ok()) continue;
      std::string_view path(word);
      path.remove_prefix(std::min(path.size(), path.find_first_of("/\\")));
      path = path.substr(0, path.find('?'));
      int reason = 0;
      if (url->host_kind == HostKind::kName && strip_www(url->host).size() != url->host.size())
        reason = 1;
      else if (word.find('%') != std::string::npos)
        reason = 2;
      else if (path.find("//") != std::string_view::npos)
        reason = 3;
      else if (path.find("./") != std::string_view::npos || path.ends_with("/.") ||
               path.ends_with("/.."))
        reason = 4;
      else if (path.find('\\') != std::string_view::npos)
        reason = 5;
      else if (std::string key = url->url_key(); lower != key && lower + "/" != key)
        reason = 6;  // any other change inloco's reading makes (a port, a host's form...)
      if (reason != 0) out.dead.emplace(url->url_key(), reason);
    }
  }
  return out;
}

// The url entries a URL may be made from, and the ones a longer URL may
// extend. squidGuard finds a url entry by its neighbour in a B-tree ordered
// by the whole key, so a request "a.com/foo/x" is missed by the entry
// "a.com/foo" when another entry "a.com/foo#top" or "a.com/foo/a" sorts
// between them; inloco tries every entry of the host. Entries that are a
// prefix of another entry (as squidGuard has them, "#" ones included) are
// therefore requested only as they are, never extended.
struct UrlEntryPool {
  std::vector<std::string> as_is;  // may be requested exactly
  std::vector<bool> extendable;    // may have more path added
};

UrlEntryPool url_entry_pool(const CompiledLists& lists, const RawUrlEntries& raw, Exclusions& ex) {
  std::set<std::string> keys;
  for (const auto& c : lists.categories)
    for (const auto& u : c.urls) keys.insert(u);
  std::set<std::string> all = raw.as_squidguard_has_them;
  all.insert(keys.begin(), keys.end());
  UrlEntryPool pool;
  for (const std::string& key : keys) {
    if (auto d = raw.dead.find(key); d != raw.dead.end()) {
      size_t* counts[] = {&ex.with_www,       &ex.with_escape,    &ex.with_double_slash,
                          &ex.with_dot_slash, &ex.with_backslash, &ex.url_other_form};
      ++*counts[d->second - 1];
      continue;
    }
    auto next = all.upper_bound(key);
    bool prefix_of_other = next != all.end() && next->starts_with(key);
    if (prefix_of_other) ++ex.prefix_of_other;
    pool.as_is.push_back(key);
    pool.extendable.push_back(!prefix_of_other);
  }
  return pool;
}

// The listed domains a request may be made from: those written in a
// domains file as a request carries them (lower-case ASCII, no leading or
// trailing dot), at least once. squidGuard 1.6 compares the entry as
// written: ".example.org" never matches (not even example.org), and a name
// in UTF-8 or with a trailing dot never equals a request's host. inloco
// normalises entries like hosts, so it matches all of these.
std::vector<std::string> domains_as_written(const CompiledLists& lists, const fs::path& dir,
                                            Exclusions& ex) {
  std::set<std::string> written, leading_dot;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_directory() || entry.is_symlink()) continue;
    std::ifstream in(entry.path() / "domains");
    std::string line;
    while (std::getline(in, line)) {
      std::string word = line.substr(0, line.find_first_of(" \t\r"));
      if (word.empty() || word[0] == '#') continue;
      auto host = normalise_host(word[0] == '.' ? word.substr(1) : word);
      if (!host.ok()) continue;
      std::string lower = word;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == *host)
        written.insert(*host);
      else if (word[0] == '.')
        leading_dot.insert(*host);
    }
  }
  std::set<std::string> all;
  for (const auto& c : lists.categories) all.insert(c.domains.begin(), c.domains.end());
  std::vector<std::string> out;
  for (const auto& d : all) {
    if (written.count(d))
      out.push_back(d);
    else
      ++(leading_dot.count(d) ? ex.domain_leading_dot : ex.domain_other_form);
  }
  return out;
}

std::vector<StreamUrl> make_stream(const std::vector<std::string>& domains,
                                   const UrlEntryPool& urls, size_t count, uint64_t seed) {
  std::vector<std::string> expression_paths = {"/banner/top.gif", "/sponsor/", "/ads/adverts/1",
                                               "/event.ng/x", "/download/ymsgr.exe"};
  std::mt19937_64 rng(seed);
  std::vector<StreamUrl> out;
  out.reserve(count);
  while (out.size() < count) {
    unsigned roll = static_cast<unsigned>(rng() % 100);
    StreamUrl s;
    std::string scheme = rng() % 5 < 3 ? "http://" : "https://";
    if (roll < 36 && !domains.empty()) {  // a listed domain, perhaps a host under it
      s.kind = Kind::kListedDomain;
      std::string host = domains[rng() % domains.size()];
      if (!is_ipv4(host) && rng() % 5 < 2) host = pick(rng, kSubs) + host;
      std::string port = rng() % 20 == 0 ? ":8080" : "";
      s.url = scheme + host + port + random_path(rng);
    } else if (roll < 44 && !urls.as_is.empty()) {  // a url entry
      s.kind = Kind::kUrlEntry;
      size_t i = rng() % urls.as_is.size();
      std::string key = urls.as_is[i];
      if (urls.extendable[i] && rng() % 2 == 0) {
        // More path, never making a "//" or "./" (see RawUrlEntries).
        if (key.back() == '/')
          key += "x.html";
        else if (key.back() != '.' && rng() % 2 == 0)
          key += "/x.html";
        else
          key += "?ref=school";
      }
      // Sometimes with www. in front, which both drop (not before an address).
      std::string_view host = std::string_view(key).substr(0, key.find_first_of("/?"));
      bool name = !is_ipv4(host) && !host.starts_with('[');
      std::string www = name && rng() % 4 == 0 ? "www." : "";
      s.url = "http://" + www + key;
    } else if (roll < 47 && !domains.empty()) {  // CONNECT to a listed domain
      s.kind = Kind::kConnectListed;
      s.connect = true;
      s.url = domains[rng() % domains.size()] + ":443";
    } else if (roll < 50) {  // CONNECT elsewhere
      s.kind = Kind::kConnectOther;
      s.connect = true;
      s.url = other_host(rng) + ":443";
    } else if (roll < 51) {  // an expression's path on another host
      s.kind = Kind::kExpression;
      s.url = scheme + other_host(rng) + expression_paths[rng() % expression_paths.size()];
    } else {
      s.kind = Kind::kOther;
      std::string port = rng() % 20 == 0 ? ":8443" : "";
      s.url = scheme + other_host(rng) + port + random_path(rng);
    }
    out.push_back(std::move(s));
  }
  return out;
}

// ---- Running a filter process ------------------------------------------

struct Child {
  pid_t pid = -1;
  int in = -1;   // we write requests
  int out = -1;  // we read answers
};

void pin_to(int cpu, pid_t pid) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  sched_setaffinity(pid, sizeof set, &set);
}

// This process's threads on every core but `cpu` (when there is another).
void keep_off(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  int n = static_cast<int>(std::thread::hardware_concurrency());
  for (int c = 0; c < n; ++c)
    if (c != cpu) CPU_SET(c, &set);
  if (CPU_COUNT(&set) > 0) sched_setaffinity(0, sizeof set, &set);
}

std::optional<Child> spawn(const std::vector<std::string>& argv, int cpu, const fs::path& err) {
  int to_child[2], from_child[2];
  if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) return std::nullopt;
  pid_t pid = fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    pin_to(cpu, 0);
    dup2(to_child[0], 0);
    dup2(from_child[1], 1);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (e >= 0) dup2(e, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  return Child{pid, to_child[1], from_child[0]};
}

// Nanoseconds the process has run on a CPU (its only thread).
double cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/schedstat");
  double ns = 0;
  in >> ns;
  return ns / 1e9;
}

// Peak resident memory (VmHWM) in bytes.
size_t peak_rss(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("VmHWM:")) return std::stoull(line.substr(6)) * 1024;
  return 0;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Reads answer lines from fd.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  bool next(std::string& line) {
    for (;;) {
      size_t lf = buffer_.find('\n', start_);
      if (lf != std::string::npos) {
        line.assign(buffer_, start_, lf - start_);
        start_ = lf + 1;
        return true;
      }
      buffer_.erase(0, start_);
      start_ = 0;
      char chunk[1 << 16];
      ssize_t n = read(fd_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }

 private:
  int fd_;
  std::string buffer_;
  size_t start_ = 0;
};

enum class Verdict { kAllow, kBlock, kError };

struct RunResult {
  bool ok = false;
  std::string error;
  double startup_ms = 0;  // spawn to the first answer
  double wall_s = 0;      // the stream, first request written to last answer read
  double cpu_s = 0;       // the filter's CPU time over the stream
  size_t peak_bytes = 0;  // VmHWM
  std::vector<Verdict> verdicts;
  std::vector<std::string> answers;  // kept for the differing URLs' report
};

// Runs one filter over the stream: `request(i)` is the line for URL i (with
// its LF), `verdict(i, answer)` reads an answer.
template <typename Request, typename Read>
RunResult run_filter(const std::vector<std::string>& argv, int cpu, const fs::path& err,
                     const std::string& warmup, size_t count, Request request, Read read_verdict,
                     bool keep_answers) {
  RunResult r;
  auto t_spawn = Clock::now();
  auto child = spawn(argv, cpu, err);
  if (!child) {
    r.error = "cannot start " + argv[0];
    return r;
  }
  LineReader reader(child->out);
  std::string line;
  if (!write_all(child->in, warmup) || !reader.next(line)) {
    r.error = argv[0] + " gave no answer (see " + err.string() + ")";
    close(child->in);
    close(child->out);
    waitpid(child->pid, nullptr, 0);
    return r;
  }
  r.startup_ms = ms_since(t_spawn);
  std::string requests;
  for (size_t i = 0; i < count; ++i) requests += request(i);
  double cpu0 = cpu_seconds(child->pid);
  auto t0 = Clock::now();
  std::thread writer([&] { write_all(child->in, requests); });
  r.verdicts.reserve(count);
  size_t got = 0;
  for (; got < count && reader.next(line); ++got) {
    r.verdicts.push_back(read_verdict(got, line));
    if (keep_answers) r.answers.push_back(line);
  }
  r.wall_s = ms_since(t0) / 1000;
  r.cpu_s = cpu_seconds(child->pid) - cpu0;
  r.peak_bytes = peak_rss(child->pid);
  writer.join();
  close(child->in);
  while (reader.next(line)) {
  }
  close(child->out);
  int status = 0;
  waitpid(child->pid, &status, 0);
  if (got < count) {
    r.error = argv[0] + " answered " + std::to_string(got) + " of " + std::to_string(count) +
              " requests (see " + err.string() + ")";
    return r;
  }
  r.ok = true;
  return r;
}

// ---- squidGuard's set-up -------------------------------------------------

struct SquidGuardSetup {
  fs::path conf;
  size_t categories = 0;
  double build_ms = 0;
  size_t db_bytes = 0;
};

bool is_list_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && fs::file_size(p, ec) > 0;
}

std::optional<SquidGuardSetup> set_up_squidguard(const std::string& squidguard,
                                                 const fs::path& lists, const fs::path& work) {
  SquidGuardSetup s;
  fs::path db = work / "sgdb";
  fs::create_directories(db);
  fs::create_directories(work / "sglog");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(lists)) {
    // A category folder (an alias is a symbolic link or a one-line file
    // naming its target, and adds no entries).
    if (!entry.is_directory() || entry.is_symlink()) continue;
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  std::ostringstream conf;
  conf << "dbhome " << db.string() << "\nlogdir " << (work / "sglog").string() << "\n\n";
  std::vector<std::string> dests;
  for (const auto& name : names) {
    std::string body;
    for (const char* file : {"domains", "urls", "expressions"}) {
      fs::path from = lists / name / file;
      if (!is_list_file(from)) continue;
      fs::create_directories(db / name);
      fs::copy_file(from, db / name / file, fs::copy_options::overwrite_existing);
      fs::permissions(db / name / file, fs::perms::owner_read | fs::perms::owner_write,
                      fs::perm_options::add);
      std::string kind = std::string(file) == "domains" ? "domainlist"
                         : std::string(file) == "urls"  ? "urllist"
                                                        : "expressionlist";
      body += "  " + kind + " " + name + "/" + file + "\n";
    }
    if (body.empty()) continue;
    conf << "dest " << name << " {\n" << body << "}\n\n";
    dests.push_back(name);
  }
  conf << "acl {\n  default {\n    pass";
  for (const auto& d : dests) conf << " !" << d;
  conf << " all\n    redirect http://blocked.example/\n  }\n}\n";
  s.conf = work / "squidGuard.conf";
  std::ofstream(s.conf) << conf.str();
  s.categories = dests.size();

  auto t = Clock::now();
  std::string cmd = squidguard + " -C all -c " + s.conf.string() + " > " +
                    (work / "sg-build.err").string() + " 2>&1";
  int rc = std::system(cmd.c_str());
  s.build_ms = ms_since(t);
  if (rc != 0) {
    std::cerr << "squidGuard -C all failed (exit " << rc << "); see " << (work / "sglog").string()
              << "\n";
    return std::nullopt;
  }
  for (const auto& e : fs::recursive_directory_iterator(db))
    if (e.path().extension() == ".db") s.db_bytes += fs::file_size(e.path());
  return s;
}

// ---- Answers ---------------------------------------------------------------

// squidGuard 1.6: `OK rewrite-url="..."` (or `OK status=30x url="..."`) to
// block, `ERR` (or an empty line, before 1.5) to allow, `BH ...` on error.
Verdict squidguard_verdict(std::string_view a) {
  if (a.starts_with("OK")) return Verdict::kBlock;
  if (a.empty() || a == "ERR" || a.starts_with("ERR ")) return Verdict::kAllow;
  return Verdict::kError;
}

// inloco-squid-helper, external ACL: "ID OK" to allow, "ID ERR ..." to block.
Verdict helper_verdict(size_t i, std::string_view a) {
  std::string id = std::to_string(i);
  if (!a.starts_with(id) || a.size() <= id.size() || a[id.size()] != ' ') return Verdict::kError;
  a.remove_prefix(id.size() + 1);
  if (a == "OK" || a.starts_with("OK ")) return Verdict::kAllow;
  if (a == "ERR" || a.starts_with("ERR ")) return Verdict::kBlock;
  return Verdict::kError;
}

const char* verdict_text(Verdict v) {
  return v == Verdict::kAllow ? "allow" : v == Verdict::kBlock ? "block" : "error";
}

}  // namespace

int main(int argc, char** argv) {
  std::string lists_dir, helper, keep;
  std::string squidguard = "/usr/bin/squidGuard";
  size_t url_count = 200000;
  uint64_t seed = 6;
  int cpu = static_cast<int>(std::thread::hardware_concurrency()) - 1;
  int helper_runs = 5, squidguard_runs = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--lists")
      lists_dir = v;
    else if (a == "--helper")
      helper = v;
    else if (a == "--squidguard")
      squidguard = v;
    else if (a == "--urls")
      url_count = std::stoul(v);
    else if (a == "--seed")
      seed = std::stoull(v);
    else if (a == "--cpu")
      cpu = std::stoi(v);
    else if (a == "--helper-runs")
      helper_runs = std::max(1, std::stoi(v));
    else if (a == "--squidguard-runs")
      squidguard_runs = std::max(1, std::stoi(v));
    else if (a == "--keep")
      keep = v;
    else {
      std::cerr << "Unknown option " << a << ".\n";
      return 2;
    }
  }
  if (cpu < 0) cpu = 0;
  std::signal(SIGPIPE, SIG_IGN);  // a filter that stops early: write() fails, reported below
  if (lists_dir.empty())
    for (std::string c : {"../shared/data/ut1", "../../shared/data/ut1"})
      if (fs::is_directory(c)) lists_dir = c;
  if (lists_dir.empty()) {
    std::cerr << "No lists: pass --lists DIR (the UT1 lists are in ../shared/data/ut1).\n";
    return 2;
  }
  if (helper.empty() || access(helper.c_str(), X_OK) != 0) {
    std::cerr << "Give the built helper with --helper PATH (build/inloco-squid-helper).\n";
    return 2;
  }
  if (access(squidguard.c_str(), X_OK) != 0) {
    std::cerr << squidguard
              << " is not installed: run scripts/install-deps.sh (Debian package squidguard).\n";
    return 2;
  }
  fs::path work = keep.empty()
                      ? fs::temp_directory_path() / ("inloco-sg-bench-" + std::to_string(getpid()))
                      : fs::path(keep);
  fs::create_directories(work);
  keep_off(cpu);

  // 1. The lists, both ways.
  auto t = Clock::now();
  auto lists = compile_lists(std::vector<fs::path>{lists_dir});
  if (!lists.ok()) {
    std::cerr << lists.error().message << "\n";
    return 2;
  }
  std::string snapshot = (work / "lists.snap").string();
  auto stats = write_snapshot(*lists, snapshot);
  if (!stats.ok()) {
    std::cerr << stats.error().message << "\n";
    return 2;
  }
  double compile_ms = ms_since(t);
  std::vector<double> loads;
  for (int i = 0; i < 7; ++i) {
    auto t1 = Clock::now();
    auto s = Snapshot::open(snapshot);
    loads.push_back(ms_since(t1));
    if (!s.ok()) {
      std::cerr << s.error().message << "\n";
      return 2;
    }
  }
  auto sg = set_up_squidguard(squidguard, lists_dir, work);
  if (!sg) return 2;
  std::printf(
      "lists: %s, every category blocked: %zu categories for squidGuard, %zu in the "
      "snapshot (%zu unique domains, %zu url entries, %zu expressions)\n",
      lists_dir.c_str(), sg->categories, stats->categories, stats->domains, stats->urls,
      stats->expressions);
  std::printf("squidGuard -C all (.db build): %.0f ms, %.1f MB of .db files\n", sg->build_ms,
              sg->db_bytes / 1e6);
  std::printf(
      "inloco filter compile: %.0f ms, snapshot %.1f MB; load (mmap, checksums): median "
      "%.2f ms   target < 50 ms: %s\n",
      compile_ms, stats->bytes / 1e6, median(loads), meets(median(loads) < 50));

  // 2. The stream.
  Exclusions ex;
  UrlEntryPool pool = url_entry_pool(*lists, read_raw_url_entries(lists_dir), ex);
  std::vector<std::string> domains = domains_as_written(*lists, lists_dir, ex);
  std::vector<StreamUrl> stream = make_stream(domains, pool, url_count, seed);
  size_t kind_counts[kKinds] = {};
  for (const auto& s : stream) ++kind_counts[static_cast<int>(s.kind)];
  std::printf("stream: %zu URLs (seed %llu):", stream.size(),
              static_cast<unsigned long long>(seed));
  for (int k = 0; k < kKinds; ++k)
    std::printf("%s %zu %s", k ? "," : "", kind_counts[k], kind_name(static_cast<Kind>(k)));
  std::printf("\n");
  std::printf(
      "left out, as squidGuard can never match them (its faults, docs/filter.md \"Benchmark\"): "
      "domain entries written with a leading dot (%zu) or in another form than requests carry "
      "(%zu); url entries written with www. (%zu), with a %%-escape (%zu), with \"//\" (%zu), "
      "\"./\" or a dot segment (%zu) or a backslash (%zu) in the path, or otherwise not as "
      "inloco reads them (%zu); %zu url entries that are a prefix of another entry are "
      "requested only as they are (squidGuard compares a request with one B-tree neighbour)\n",
      ex.domain_leading_dot, ex.domain_other_form, ex.with_www, ex.with_escape,
      ex.with_double_slash, ex.with_dot_slash, ex.with_backslash, ex.url_other_form,
      ex.prefix_of_other);

  // 3. The two filters.
  const std::string client = "10.20.3.4";
  auto sg_request = [&](size_t i) {
    const auto& s = stream[i];
    return s.url + " " + client + "/- - " + (s.connect ? "CONNECT" : "GET") +
           " myip=127.0.0.1 myport=3128\n";
  };
  auto helper_request = [&](size_t i) {
    return std::to_string(i) + " " + stream[i].url + " " + client + " -\n";
  };
  if (!keep.empty()) {  // the requests as each filter reads them, to rerun by hand
    std::ofstream sg_in(work / "squidguard.in"), helper_in(work / "helper.in");
    for (size_t i = 0; i < stream.size(); ++i) {
      sg_in << sg_request(i);
      helper_in << helper_request(i);
    }
  }
  std::vector<std::string> sg_argv = {squidguard, "-c", sg->conf.string()};
  std::vector<std::string> helper_argv = {
      helper, "--snapshot", snapshot, "--mode", "acl", "--src-token", "2", "--user-token", "3"};
  std::printf("running: each filter pinned to CPU %d; squidGuard %d run(s), the helper %d\n", cpu,
              squidguard_runs, helper_runs);
  std::fflush(stdout);

  std::vector<RunResult> sg_runs, helper_runs_v;
  for (int r = 0; r < squidguard_runs; ++r) {
    sg_runs.push_back(run_filter(
        sg_argv, cpu, work / "squidguard.err",
        "http://warmup.example/ " + client + "/- - GET myip=127.0.0.1 myport=3128\n", stream.size(),
        sg_request, [](size_t, std::string_view a) { return squidguard_verdict(a); }, r == 0));
    if (!sg_runs.back().ok) {
      std::cerr << sg_runs.back().error << "\n";
      return 2;
    }
  }
  for (int r = 0; r < helper_runs; ++r) {
    helper_runs_v.push_back(run_filter(helper_argv, cpu, work / "helper.err",
                                       "warmup http://warmup.example/ " + client + " -\n",
                                       stream.size(), helper_request, helper_verdict, r == 0));
    if (!helper_runs_v.back().ok) {
      std::cerr << helper_runs_v.back().error << "\n";
      return 2;
    }
  }
  // Once with the decision log on.
  std::vector<std::string> logged_argv = helper_argv;
  fs::path log_path = work / "decisions.log";
  fs::remove(log_path);
  logged_argv.insert(logged_argv.end(), {"--log", log_path.string()});
  RunResult logged = run_filter(logged_argv, cpu, work / "helper.err",
                                "warmup http://warmup.example/ " + client + " -\n", stream.size(),
                                helper_request, helper_verdict, false);
  size_t log_bytes = fs::exists(log_path) ? fs::file_size(log_path) : 0;

  // 4. Figures.
  auto per_s = [&](const RunResult& r) { return static_cast<double>(stream.size()) / r.wall_s; };
  auto per_cpu_s = [&](const RunResult& r) { return static_cast<double>(stream.size()) / r.cpu_s; };
  std::vector<double> sg_rate, sg_cpu_rate, h_rate, h_cpu_rate;
  for (const auto& r : sg_runs) sg_rate.push_back(per_s(r)), sg_cpu_rate.push_back(per_cpu_s(r));
  for (const auto& r : helper_runs_v)
    h_rate.push_back(per_s(r)), h_cpu_rate.push_back(per_cpu_s(r));
  const RunResult& sg0 = sg_runs.front();
  const RunResult& h0 = helper_runs_v.front();

  size_t sg_blocked = 0, h_blocked = 0, errors = 0, differ = 0, unstable = 0;
  std::vector<size_t> differing;
  for (size_t i = 0; i < stream.size(); ++i) {
    sg_blocked += sg0.verdicts[i] == Verdict::kBlock;
    h_blocked += h0.verdicts[i] == Verdict::kBlock;
    errors += sg0.verdicts[i] == Verdict::kError || h0.verdicts[i] == Verdict::kError;
    if (sg0.verdicts[i] != h0.verdicts[i]) {
      ++differ;
      if (differing.size() < 10) differing.push_back(i);
    }
    for (const auto& r : sg_runs) unstable += r.verdicts[i] != sg0.verdicts[i];
    for (const auto& r : helper_runs_v) unstable += r.verdicts[i] != h0.verdicts[i];
    if (logged.ok) unstable += logged.verdicts[i] != h0.verdicts[i];
  }
  double n = static_cast<double>(stream.size());
  std::printf("listed: squidGuard blocked %zu (%.1f%%), the helper blocked %zu (%.1f%%)\n",
              sg_blocked, 100.0 * sg_blocked / n, h_blocked, 100.0 * h_blocked / n);
  std::printf(
      "squidGuard 1.6 (url_rewrite format, one request at a time): %.0f URLs/s wall, %.0f URLs/s "
      "of its CPU; first answer after %.0f ms; peak memory (VmHWM) %.1f MB\n",
      median(sg_rate), median(sg_cpu_rate), sg0.startup_ms, sg0.peak_bytes / 1e6);
  std::printf(
      "inloco-squid-helper (external ACL, channel IDs, no decision log): %.0f URLs/s wall, %.0f "
      "URLs/s of its CPU (median of %d); first answer after %.1f ms; peak memory (VmHWM) %.1f "
      "MB\n",
      median(h_rate), median(h_cpu_rate), helper_runs, h0.startup_ms, h0.peak_bytes / 1e6);
  if (logged.ok)
    std::printf(
        "inloco-squid-helper with --log: %.0f URLs/s wall, %.0f URLs/s of its CPU; log "
        "%.1f MB\n",
        per_s(logged), per_cpu_s(logged), log_bytes / 1e6);
  double ratio = median(h_rate) / median(sg_rate);
  double cpu_ratio = median(h_cpu_rate) / median(sg_cpu_rate);
  std::printf("ratio helper / squidGuard: %.0fx wall, %.0fx CPU   target >= 50x: %s\n", ratio,
              cpu_ratio, meets(ratio >= 50));
  std::printf("verdicts that differ: %zu of %zu   must be 0: %s\n", differ, stream.size(),
              differ == 0 ? "MEETS" : "MISSES");
  for (size_t i : differing)
    std::printf("  %s  squidGuard %s (%s), helper %s (%s)\n", stream[i].url.c_str(),
                verdict_text(sg0.verdicts[i]), sg0.answers[i].c_str(), verdict_text(h0.verdicts[i]),
                h0.answers[i].c_str());
  if (errors > 0) std::printf("answers that were errors (BH or unreadable): %zu\n", errors);
  if (unstable > 0) std::printf("answers that changed between runs: %zu\n", unstable);
  if (keep.empty()) {
    std::error_code ec;
    fs::remove_all(work, ec);
  }
  return differ == 0 && errors == 0 && unstable == 0 ? 0 : 1;
}
