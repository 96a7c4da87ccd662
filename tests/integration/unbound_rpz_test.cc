// REQ NET-1, NET-3, NET-4, LAW-8 (issue 6): `inloco filter rpz` exports a
// filter group's response policy zone, and a real Unbound (Debian's
// /usr/sbin/unbound) on loopback loads and enforces it: blocked domains and
// every name under them answer NXDOMAIN, allowed names their address,
// Google's and YouTube's hosts a CNAME to their restricted services, an
// exception for the group is answered normally, and a locked category stays
// blocked whatever exception names it.
//
// Nothing here needs the internet: Unbound's "upstream" is a set of small
// auth-zones on the same machine (for-upstream), so every name the test asks
// has an address there and only the policy zone can make it NXDOMAIN. The
// server runs with its own configuration on a free loopback port, as the
// test's user (no chroot, no privilege drop, no remote control), so the
// Unbound service Debian's package may start does not matter.
//
// The Unbound test is skipped, with a message, only when /usr/sbin/unbound
// is missing (scripts/install-deps.sh installs it). The command's own errors
// are checked without Unbound.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support/cli_runner.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kUnbound = "/usr/sbin/unbound";
constexpr uint16_t kTypeA = 1;
constexpr uint16_t kTypeCname = 5;
constexpr int kNoError = 0;
constexpr int kNxDomain = 3;

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A UDP port on loopback that nothing listens on now.
uint16_t free_udp_port() {
  int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

// One DNS answer, as much of it as the test reads (RFC 1035 section 4).
struct DnsRecord {
  std::string name;
  uint16_t type = 0;
  std::string data;  // A: dotted quad; CNAME: the target; else empty
};
struct DnsAnswer {
  int rcode = -1;  // -1: no answer
  std::vector<DnsRecord> answers;

  bool has(uint16_t type, std::string_view data) const {
    for (const DnsRecord& r : answers)
      if (r.type == type && r.data == data) return true;
    return false;
  }
  std::string text() const {
    std::string out = "rcode " + std::to_string(rcode) + ":";
    for (const DnsRecord& r : answers)
      out += " " + r.name + "/" + std::to_string(r.type) + "/" + r.data;
    return out;
  }
};

// A name at `pos` of the message, following compression pointers; advances
// `pos` past it. False when the message is malformed.
bool read_name(const std::string& msg, size_t& pos, std::string& name) {
  name.clear();
  size_t at = pos;
  bool jumped = false;
  for (int hops = 0; hops < 64; ++hops) {
    if (at >= msg.size()) return false;
    auto len = static_cast<unsigned char>(msg[at]);
    if ((len & 0xc0) == 0xc0) {
      if (at + 1 >= msg.size()) return false;
      if (!jumped) pos = at + 2;
      jumped = true;
      at = ((len & 0x3f) << 8) | static_cast<unsigned char>(msg[at + 1]);
      continue;
    }
    if (len == 0) {
      if (!jumped) pos = at + 1;
      return true;
    }
    if (at + 1 + len > msg.size()) return false;
    if (!name.empty()) name += '.';
    name.append(msg, at + 1, len);
    at += 1 + len;
  }
  return false;
}

uint16_t u16(const std::string& msg, size_t at) {
  return static_cast<uint16_t>((static_cast<unsigned char>(msg[at]) << 8) |
                               static_cast<unsigned char>(msg[at + 1]));
}

// Asks the resolver at 127.0.0.1:`port` for `name`'s records of `type`,
// recursion desired, from the loopback address `from` (the resolver tells
// the groups apart by it); tries three times, a second each.
DnsAnswer query(uint16_t port, const std::string& name, const char* from = "127.0.0.1",
                uint16_t type = kTypeA) {
  static uint16_t next_id = 0x4242;
  uint16_t id = ++next_id;
  std::string q = {static_cast<char>(id >> 8),
                   static_cast<char>(id & 0xff),
                   0x01,
                   0x00,
                   0x00,
                   0x01,
                   0x00,
                   0x00,
                   0x00,
                   0x00,
                   0x00,
                   0x00};
  for (size_t start = 0; start <= name.size();) {
    size_t dot = name.find('.', start);
    std::string label = name.substr(start, dot == std::string::npos ? dot : dot - start);
    q += static_cast<char>(label.size());
    q += label;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  q += std::string("\0", 1);
  q += {static_cast<char>(type >> 8), static_cast<char>(type & 0xff), 0x00, 0x01};

  DnsAnswer out;
  int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_in source{};
  source.sin_family = AF_INET;
  ::inet_pton(AF_INET, from, &source.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0) {
    ::close(fd);
    return out;
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  std::string msg;
  for (int attempt = 0; attempt < 3 && msg.empty(); ++attempt) {
    ::sendto(fd, q.data(), q.size(), 0, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, 1000) > 0) {
      char buf[4096];
      ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n >= 12 && u16(std::string(buf, 2), 0) == id) {
        msg.assign(buf, static_cast<size_t>(n));
        break;
      }
    }
  }
  ::close(fd);
  if (msg.empty()) return out;
  out.rcode = static_cast<unsigned char>(msg[3]) & 0x0f;
  size_t pos = 12;
  std::string owner;
  for (uint16_t i = 0, n = u16(msg, 4); i < n; ++i) {  // the question
    if (!read_name(msg, pos, owner)) return out;
    pos += 4;
  }
  for (uint16_t i = 0, n = u16(msg, 6); i < n; ++i) {
    DnsRecord r;
    if (!read_name(msg, pos, r.name) || pos + 10 > msg.size()) return out;
    r.type = u16(msg, pos);
    uint16_t length = u16(msg, pos + 8);
    pos += 10;
    if (pos + length > msg.size()) return out;
    if (r.type == kTypeA && length == 4) {
      char text[INET_ADDRSTRLEN];
      ::inet_ntop(AF_INET, msg.data() + pos, text, sizeof text);
      r.data = text;
    } else if (r.type == kTypeCname) {
      size_t at = pos;
      if (!read_name(msg, at, r.data)) return out;
    }
    pos += length;
    out.answers.push_back(std::move(r));
  }
  return out;
}

const char* kProfile = R"(
[filter]
locked_categories = ["adult"]
default_group = "pupils"

[filter.windows.lessons]
label = "Lessons"
times = ["mon-fri 09:00-12:00"]

[filter.groups.pupils]
members = ["pupil"]
blocked = ["facebook"]
blocked_categories = ["gambling"]

[filter.groups.pupils.blocked_categories_during]
lessons = ["games"]

[filter.groups.staff]
members = ["staff"]
blocked = []
blocked_categories = []
)";

// The category lists, a snapshot and the school's folder (profile and
// exceptions, as `inloco filter lists` writes them) in a test folder.
class FilterRpzCliTest : public ::testing::Test {
 protected:
  FilterRpzCliTest() : folder_("inloco-unbound-rpz") {}

  void SetUp() override {
    const fs::path& dir = folder_.path();
    write_text(dir / "lists/adult/domains", "adult.test\nbad.club.test\n");
    write_text(dir / "lists/gambling/domains",
               "bets.test\nlesson.test\nquiz.test\nclub.test\n192.0.2.99\n");
    write_text(dir / "lists/games/domains", "games.test\n");
    snapshot_ = (dir / "filter.snap").string();
    auto compiled =
        test::run_inloco("filter compile --lists " + (dir / "lists").string() + " -o " + snapshot_);
    ASSERT_EQ(compiled.exit_code, 0) << compiled.output;

    school_ = dir / "school";
    write_text(school_ / "profile.toml", kProfile);
    auto until = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count() +
                                86400);
    write_text(school_ / "exceptions",
               // For the pupils, under a blocked domain: passed through.
               "maths.lesson.test\tpupils\t\t" + until + "\n" +
                   // For everyone, a blocked domain itself: out of the zone.
                   "quiz.test\t\t\t" + until + "\n" +
                   // Above a locked domain: the locked one stays.
                   "club.test\t\t\t" + until + "\n" +
                   // A locked domain: never opened.
                   "adult.test\tpupils\t\t" + until + "\n");
    zone_ = (dir / "pupils.rpz").string();
    staff_zone_ = (dir / "staff.rpz").string();
  }

  test::CliRun export_zone(const std::string& options) {
    return test::run_inloco("filter rpz --snapshot " + snapshot_ + " --school-lists " +
                            school_.string() + " " + options);
  }

  test::TestFolder folder_;
  std::string snapshot_, zone_, staff_zone_;
  fs::path school_;
};

class UnboundRpzTest : public FilterRpzCliTest {
 protected:
  void SetUp() override {
    if (::access(kUnbound, X_OK) != 0)
      GTEST_SKIP() << kUnbound << " is missing: install Debian's unbound "
                   << "(scripts/install-deps.sh does) to run the real-Unbound test.";
    FilterRpzCliTest::SetUp();
    if (HasFatalFailure()) return;
    // One zone per group, told apart by the client's address (docs/filter.md).
    auto run = export_zone("--group pupils --zone-name pupils.rpz.inloco -o " + zone_);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    summary_ = run.output;
    auto staff = export_zone("--group staff --zone-name staff.rpz.inloco -o " + staff_zone_);
    ASSERT_EQ(staff.exit_code, 0) << staff.output;
    write_upstream_zones();
    port_ = free_udp_port();
    ASSERT_NE(port_, 0);
    write_config();
    start_unbound();
  }

  void TearDown() override { stop_unbound(); }

  // What the resolver would find upstream: every name the test asks has an
  // address, so an NXDOMAIN can only come from the policy zone.
  void write_upstream_zones() {
    const fs::path& dir = folder_.path();
    auto zone = [&](const std::string& origin, const std::string& records) {
      write_text(dir / "upstream" / (origin + "zone"),
                 "$ORIGIN " + origin +
                     "\n$TTL 60\n"
                     "@ SOA ns.test. hostmaster.test. 1 3600 600 86400 60\n@ NS ns.test.\n" +
                     records);
    };
    zone("test.",
         "ok A 192.0.2.1\n"
         "bets A 192.0.2.10\nwww.bets A 192.0.2.11\n"
         "lesson A 192.0.2.12\nmaths.lesson A 192.0.2.13\nwww.maths.lesson A 192.0.2.14\n"
         "quiz A 192.0.2.15\nclub A 192.0.2.16\nbad.club A 192.0.2.17\n"
         "adult A 192.0.2.18\nwww.adult A 192.0.2.19\ngames A 192.0.2.20\n");
    zone("google.com.", "www A 192.0.2.30\nforcesafesearch A 216.239.38.120\n");
    zone("youtube.com.",
         "www A 192.0.2.31\nrestrict A 216.239.38.120\nrestrictmoderate A 216.239.38.119\n");
    zone("facebook.com.", "www A 192.0.2.32\n");
  }

  void write_config() {
    const fs::path& dir = folder_.path();
    std::ofstream conf(dir / "unbound.conf");
    conf << "server:\n"
         << "  interface: 127.0.0.1\n  port: " << port_ << "\n"
         << "  do-ip6: no\n  do-tcp: no\n  num-threads: 1\n"
         << "  username: \"\"\n  chroot: \"\"\n"
         << "  directory: \"" << dir.string() << "\"\n"
         << "  pidfile: \"" << (dir / "unbound.pid").string() << "\"\n"
         << "  use-syslog: no\n  verbosity: 1\n"
         << "  module-config: \"respip validator iterator\"\n"
         // Pupils' machines ask from 127.0.0.1, staff's from 127.0.0.2.
         << "  define-tag: \"pupils staff\"\n"
         << "  access-control: 127.0.0.1/32 allow\n  access-control: 127.0.0.2/32 allow\n"
         << "  access-control-tag: 127.0.0.1/32 \"pupils\"\n"
         << "  access-control-tag: 127.0.0.2/32 \"staff\"\n"
         // Unbound answers .test itself (RFC 6761) unless told not to.
         << "  local-zone: \"test.\" nodefault\n";
    for (const char* origin : {"test.", "google.com.", "youtube.com.", "facebook.com."})
      conf << "auth-zone:\n  name: \"" << origin << "\"\n  zonefile: \""
           << (dir / "upstream" / (std::string(origin) + "zone")).string()
           << "\"\n  for-upstream: yes\n  for-downstream: no\n";
    conf << "remote-control:\n  control-enable: no\n";
    // The lines docs/filter.md gives a school's ICT.
    for (auto [group, file] : {std::pair{"pupils", zone_}, std::pair{"staff", staff_zone_}})
      conf << "rpz:\n  name: \"" << group << ".rpz.inloco.\"\n  zonefile: \"" << file
           << "\"\n  tags: \"" << group << "\"\n  rpz-log: yes\n  rpz-log-name: \"" << group
           << "\"\n";
  }

  void start_unbound() {
    std::string conf = (folder_.path() / "unbound.conf").string();
    std::string log = (folder_.path() / "unbound.log").string();
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // a crashed test leaves no Unbound behind
      int devnull = ::open("/dev/null", O_RDONLY);
      int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(devnull, 0);
      ::dup2(out, 1);
      ::dup2(out, 2);
      ::execl(kUnbound, kUnbound, "-d", "-c", conf.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    auto deadline = Clock::now() + std::chrono::seconds(30);
    while (Clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL() << "unbound exited at start:\n" << unbound_log();
      }
      if (query(port_, "ok.test").rcode == kNoError) return;
    }
    FAIL() << "unbound did not answer within 30 s:\n" << unbound_log();
  }

  void stop_unbound() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    auto deadline = Clock::now() + std::chrono::seconds(10);
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
  }

  std::string unbound_log() const { return read_text(folder_.path() / "unbound.log"); }

  DnsAnswer ask(const std::string& name) { return query(port_, name); }
  DnsAnswer ask_as_staff(const std::string& name) { return query(port_, name, "127.0.0.2"); }

  std::string summary_;
  uint16_t port_ = 0;
  pid_t pid_ = -1;
};

TEST_F(UnboundRpzTest, UnboundEnforcesTheGroupsZone) {
  EXPECT_NE(summary_.find("for the group 'pupils': "), std::string::npos) << summary_;
  EXPECT_NE(summary_.find(" domains blocked, 1 passthru exceptions, "), std::string::npos)
      << summary_;

  // An allowed name: its address.
  DnsAnswer ok = ask("ok.test");
  EXPECT_EQ(ok.rcode, kNoError) << ok.text();
  EXPECT_TRUE(ok.has(kTypeA, "192.0.2.1")) << ok.text();

  // REQ NET-1: a blocked domain and a name under it.
  for (const char* name : {"bets.test", "www.bets.test", "lesson.test", "deep.www.bets.test"}) {
    DnsAnswer a = ask(name);
    EXPECT_EQ(a.rcode, kNxDomain) << name << ": " << a.text();
    EXPECT_TRUE(a.answers.empty()) << name << ": " << a.text();
  }
  // A site the group blocks (the platform registry's domains).
  EXPECT_EQ(ask("www.facebook.com").rcode, kNxDomain);
  // Blocked only in lessons: DNS knows no time, the proxy applies it.
  EXPECT_TRUE(ask("games.test").has(kTypeA, "192.0.2.20"));

  // SafeSearch: Google's host is a CNAME to forcesafesearch.google.com, and
  // the resolver follows it to that host's address.
  DnsAnswer google = ask("www.google.com");
  EXPECT_EQ(google.rcode, kNoError) << google.text();
  EXPECT_TRUE(google.has(kTypeCname, "forcesafesearch.google.com")) << google.text();
  EXPECT_TRUE(google.has(kTypeA, "216.239.38.120")) << google.text();
  EXPECT_FALSE(google.has(kTypeA, "192.0.2.30")) << google.text();
  // YouTube's restricted mode, strict for pupils.
  DnsAnswer youtube = ask("www.youtube.com");
  EXPECT_TRUE(youtube.has(kTypeCname, "restrict.youtube.com")) << youtube.text();
  EXPECT_TRUE(youtube.has(kTypeA, "216.239.38.120")) << youtube.text();

  // REQ NET-3: the group's exception under a blocked domain is answered
  // normally, and so is every name under it; an exception for a blocked
  // domain itself opens it.
  for (auto [name, address] :
       {std::pair{"maths.lesson.test", "192.0.2.13"},
        std::pair{"www.maths.lesson.test", "192.0.2.14"}, std::pair{"quiz.test", "192.0.2.15"},
        std::pair{"club.test", "192.0.2.16"}}) {
    DnsAnswer a = ask(name);
    EXPECT_EQ(a.rcode, kNoError) << name << ": " << a.text();
    EXPECT_TRUE(a.has(kTypeA, address)) << name << ": " << a.text();
  }

  // REQ LAW-8: a locked category stays blocked although an exception names
  // it, and under an exception's domain.
  for (const char* name : {"adult.test", "www.adult.test", "bad.club.test"}) {
    DnsAnswer a = ask(name);
    EXPECT_EQ(a.rcode, kNxDomain) << name << ": " << a.text();
  }

  // The staff's zone for the staff's machines: gambling and Facebook are
  // theirs to use, the locked category is not, YouTube is moderate.
  EXPECT_TRUE(ask_as_staff("bets.test").has(kTypeA, "192.0.2.10"));
  EXPECT_TRUE(ask_as_staff("www.facebook.com").has(kTypeA, "192.0.2.32"));
  EXPECT_EQ(ask_as_staff("adult.test").rcode, kNxDomain);
  EXPECT_EQ(ask_as_staff("bad.club.test").rcode, kNxDomain);
  DnsAnswer moderate = ask_as_staff("www.youtube.com");
  EXPECT_TRUE(moderate.has(kTypeCname, "restrictmoderate.youtube.com")) << moderate.text();
  EXPECT_TRUE(moderate.has(kTypeA, "216.239.38.119")) << moderate.text();

  // Unbound says which policy answered.
  std::string log = unbound_log();
  EXPECT_NE(log.find("rpz: applied [pupils] bets.test. rpz-nxdomain"), std::string::npos) << log;
  EXPECT_NE(log.find("rpz: applied [pupils] maths.lesson.test. rpz-passthru"), std::string::npos)
      << log;
  EXPECT_NE(log.find("rpz: applied [staff] adult.test. rpz-nxdomain"), std::string::npos) << log;
}

TEST_F(FilterRpzCliTest, TheZoneFileSaysWhatItHoldsAndWhatItLeftOut) {
  auto run = export_zone("--group pupils --zone-name filter.school.example -o " + zone_);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::string zone = read_text(zone_);
  for (const char* want : {"for the filter group \"pupils\".\n", "the school's lists in ",
                           "\n$ORIGIN filter.school.example.\n", "\n$TTL 300\n",
                           "\n@ IN SOA localhost. hostmaster.localhost. ", "\nbets.test CNAME .\n",
                           "\n*.bets.test CNAME .\n", "\nmaths.lesson.test CNAME rpz-passthru.\n",
                           "\nwww.google.co.uk CNAME forcesafesearch.google.com.\n",
                           "The exception for adult.test is not applied",
                           "Blocked during lessons (mon-fri 09:00-12:00): games.",
                           "1 list entries that are IP addresses"})
    EXPECT_NE(zone.find(want), std::string::npos) << want << "\n---\n" << zone;
  EXPECT_EQ(zone.find("games.test"), std::string::npos);
  // Staff: only the locked list; YouTube moderate by default.
  auto staff = export_zone("--group staff -o " + zone_);
  ASSERT_EQ(staff.exit_code, 0) << staff.output;
  zone = read_text(zone_);
  EXPECT_NE(zone.find("\nadult.test CNAME .\n"), std::string::npos) << zone;
  EXPECT_EQ(zone.find("\nbets.test CNAME .\n"), std::string::npos) << zone;
  EXPECT_NE(zone.find("\nwww.youtube.com CNAME restrictmoderate.youtube.com.\n"),
            std::string::npos);
}

TEST_F(FilterRpzCliTest, RefusesWhatItCannotUseAndWritesNothing) {
  // An unknown group: the profile's groups are named.
  auto group = export_zone("--group teachers -o " + zone_);
  EXPECT_EQ(group.exit_code, 2) << group.output;
  EXPECT_NE(group.output.find("--group 'teachers' is not a filter group of the profile; its "
                              "groups are: guests, pupils, staff"),
            std::string::npos)
      << group.output;
  // A file that is not a snapshot.
  write_text(folder_.path() / "bad.snap", "not a snapshot");
  auto snap =
      test::run_inloco("filter rpz --snapshot " + (folder_.path() / "bad.snap").string() +
                       " --school-lists " + school_.string() + " --group pupils -o " + zone_);
  EXPECT_EQ(snap.exit_code, 2) << snap.output;
  EXPECT_NE(snap.output.find("Cannot read the snapshot"), std::string::npos) << snap.output;
  // An output that cannot be written.
  auto out = export_zone("--group pupils -o " + (folder_.path() / "no/such/dir/z.rpz").string());
  EXPECT_EQ(out.exit_code, 2) << out.output;
  EXPECT_NE(out.output.find("check that the folder exists"), std::string::npos) << out.output;
  // Bad option values.
  auto youtube = export_zone("--group pupils --youtube lenient -o " + zone_);
  EXPECT_EQ(youtube.exit_code, 2);
  EXPECT_NE(youtube.output.find("--youtube 'lenient' is not strict, moderate or off"),
            std::string::npos)
      << youtube.output;
  auto name = export_zone("--group pupils --zone-name 'bad name' -o " + zone_);
  EXPECT_EQ(name.exit_code, 2);
  EXPECT_NE(name.output.find("is not a DNS name"), std::string::npos) << name.output;
  auto both = export_zone("--profile " + (school_ / "profile.toml").string() +
                          " --group pupils -o " + zone_);
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.output.find("Give only one of --profile and --school-lists"), std::string::npos)
      << both.output;
  EXPECT_FALSE(fs::exists(zone_));
}

}  // namespace
}  // namespace inloco
