// REQ NET-1, NET-5 (issue 6 section 3): inloco-squid-helper behind a real
// Squid (Debian's /usr/sbin/squid) on loopback. Shows an allowed page served,
// a blocked domain answered 403 with the school's block page, a blocked HTTPS
// CONNECT refused, and a reload (SIGHUP to the helper processes) while a
// client streams requests, with every request answered correctly.
//
// Skipped, with a message, only when /usr/sbin/squid is missing
// (scripts/install-deps.sh installs it). Squid runs as the `proxy` user when
// the test runs as root, so its folders are chowned to it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "filter/filter_test_support.h"
#include "filter/list_compiler.h"
#include "filter/snapshot_writer.h"
#include "profile/shipped_profiles.h"

#ifndef INLOCO_SQUID_HELPER
#error "INLOCO_SQUID_HELPER (the helper binary) must be defined by the build"
#endif

namespace inloco {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kSquid = "/usr/sbin/squid";
constexpr const char* kOriginBody = "origin page: hello from the allowed site";
constexpr const char* kBlockPageText = "Oakfield Primary School has blocked this site";
constexpr const char* kBlockPageUrl = "http://inloco.school.test/blocked";

// A file descriptor, closed on destruction.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) {
      reset();
      fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

Fd listen_loopback(uint16_t& port) {
  Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  int one = 1;
  setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(fd.get(), 128) != 0)
    return Fd();
  socklen_t len = sizeof addr;
  getsockname(fd.get(), reinterpret_cast<sockaddr*>(&addr), &len);
  port = ntohs(addr.sin_port);
  return fd;
}

Fd connect_loopback(uint16_t port) {
  Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  timeval tv{10, 0};
  setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd.get(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return Fd();
  return fd;
}

bool send_all(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::send(fd, s.data(), s.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    s.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// A tiny origin server on loopback: answers every request with 200 and
// kOriginBody, one request per connection.
class Origin {
 public:
  Origin() {
    listener_ = listen_loopback(port_);
    thread_ = std::thread([this] { serve(); });
  }
  ~Origin() {
    stop_ = true;
    thread_.join();
  }
  uint16_t port() const { return port_; }
  int requests() const { return requests_.load(); }

 private:
  void serve() {
    while (!stop_) {
      pollfd p{listener_.get(), POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      Fd conn(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
      if (conn.get() < 0) continue;
      timeval tv{5, 0};
      setsockopt(conn.get(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
      std::string request;
      char buf[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::recv(conn.get(), buf, sizeof buf, 0);
        if (n <= 0) break;
        request.append(buf, static_cast<size_t>(n));
      }
      ++requests_;
      std::string body = kOriginBody;
      send_all(conn.get(), "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" +
                               body);
    }
  }

  Fd listener_;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

struct Response {
  int status = 0;  // 0: no answer (connection failed or closed early)
  std::string body;
  std::string raw;
};

// One request through the proxy on a fresh connection; reads to the close.
Response through_proxy(uint16_t proxy_port, const std::string& request) {
  Response r;
  Fd fd = connect_loopback(proxy_port);
  if (fd.get() < 0 || !send_all(fd.get(), request)) return r;
  char buf[8192];
  while (true) {
    ssize_t n = ::recv(fd.get(), buf, sizeof buf, 0);
    if (n <= 0) break;
    r.raw.append(buf, static_cast<size_t>(n));
    // A refused CONNECT may leave the connection open: stop at the end of
    // the body when Content-Length says where it is.
    size_t end = r.raw.find("\r\n\r\n");
    if (end != std::string::npos) {
      std::string head = r.raw.substr(0, end);
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t cl = head.find("content-length:");
      if (cl != std::string::npos && r.raw.size() >= end + 4 + std::stoul(head.substr(cl + 15)))
        break;
    }
  }
  if (r.raw.rfind("HTTP/1.", 0) == 0 && r.raw.size() > 12) r.status = std::stoi(r.raw.substr(9, 3));
  size_t end = r.raw.find("\r\n\r\n");
  if (end != std::string::npos) r.body = r.raw.substr(end + 4);
  return r;
}

Response get(uint16_t proxy_port, const std::string& url, const std::string& host) {
  return through_proxy(proxy_port, "GET " + url + " HTTP/1.1\r\nHost: " + host +
                                       "\r\nUser-Agent: inloco-test\r\nConnection: close\r\n\r\n");
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void compile_snapshot(const filter::testing::TempDir& dir, const std::string& name,
                      const std::string& urls, const fs::path& snapshot) {
  dir.write(name + "/social_networks/domains", "blocked.test\nfacebook.com\n");
  dir.write(name + "/social_networks/urls", urls);
  auto lists = filter::compile_lists(std::vector<fs::path>{dir.path() / name});
  ASSERT_TRUE(lists.ok()) << lists.error().message;
  auto written = filter::write_snapshot(*lists, snapshot.string());
  ASSERT_TRUE(written.ok()) << written.error().message;
}

// The pids of helper processes started for `snapshot` (argv holds it).
std::vector<pid_t> helper_pids(const std::string& snapshot) {
  std::vector<pid_t> pids;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = read_text(entry.path() / "cmdline");
    if (cmdline.find("inloco-squid-helper") != std::string::npos &&
        cmdline.find(snapshot) != std::string::npos)
      pids.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return pids;
}

class SquidFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::access(kSquid, X_OK) != 0)
      GTEST_SKIP() << kSquid << " is missing: install Debian's squid "
                   << "(scripts/install-deps.sh does) to run the real-Squid test.";
    root_ = dir_.path() / "squid";
    for (const char* sub : {"logs", "run", "errors"}) fs::create_directories(root_ / sub);
    snapshot_ = dir_.path() / "filter.snap";
    before_compile();
    compile_snapshot(dir_, "v1", "127.0.0.1/old\n", snapshot_);
    write_error_page();
    squid_port_ = free_port();
    write_config();
    if (::getuid() == 0) chown_to_proxy();
    start_squid();
  }

  void TearDown() override { stop_squid(); }
  // url_rewrite_program instead of external_acl_type.
  virtual bool rewrite_mode() const { return false; }
  // More lists for the first snapshot, and the school's folder, if any.
  virtual void before_compile() {}
  // Added to the helper's command line.
  virtual std::string helper_options() const { return ""; }

  static uint16_t free_port() {
    uint16_t port = 0;
    Fd fd = listen_loopback(port);
    return port;
  }

  void write_error_page() {
    // Squid's own templates for its other errors, then the school's page;
    // %o is the helper's message, %U the address asked for.
    for (const auto& t : fs::directory_iterator("/usr/share/squid/errors/templates"))
      fs::copy_file(t.path(), root_ / "errors" / t.path().filename(),
                    fs::copy_options::overwrite_existing);
    std::ofstream(root_ / "errors" / "ERR_SCHOOL_BLOCK")
        << "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Blocked</title></head><body>\n"
        << "<h1>" << kBlockPageText << "</h1>\n<p>%o</p>\n<p>Address: %U</p>\n"
        << "<p>If you need it for your work, ask for it to be unblocked.</p>\n</body></html>\n";
  }

  void write_config() {
    std::ofstream conf(root_ / "squid.conf");
    conf << "http_port 127.0.0.1:" << squid_port_ << "\n"
         << "visible_hostname inloco-test\n"
         << "pid_filename " << (root_ / "run" / "squid.pid").string() << "\n"
         << "cache_log " << (root_ / "logs" / "cache.log").string() << "\n"
         << "access_log " << (root_ / "logs" / "access.log").string() << "\n"
         << "cache_store_log none\n"
         << "coredump_dir " << (root_ / "run").string() << "\n"
         << "cache deny all\ncache_mem 8 MB\n"
         << "shutdown_lifetime 0 seconds\npinger_enable off\n"
         << "error_directory " << (root_ / "errors").string() << "\n";
    if (::getuid() == 0) conf << "cache_effective_user proxy\n";
    if (rewrite_mode()) {
      conf << "url_rewrite_program " << INLOCO_SQUID_HELPER << " --mode rewrite --snapshot "
           << snapshot_.string() << " --block-page " << kBlockPageUrl << "\n"
           << "url_rewrite_children 4 startup=1 idle=1 concurrency=16\n"
           << "http_access allow localhost\nhttp_access deny all\n";
      return;
    }
    conf << "external_acl_type urlfilter ttl=0 negative_ttl=0 concurrency=16 children-max=4 "
            "children-startup=1 %URI "
         << INLOCO_SQUID_HELPER << " --snapshot " << snapshot_.string() << " --log "
         << (root_ / "logs" / "decisions.log").string() << helper_options() << "\n"
         << "acl url_ok external urlfilter\n"
         << "deny_info ERR_SCHOOL_BLOCK url_ok\n"
         << "http_access deny !url_ok\n"
         << "http_access allow localhost\n"
         << "http_access deny all\n";
  }

  void chown_to_proxy() {
    passwd* pw = ::getpwnam("proxy");
    ASSERT_NE(pw, nullptr) << "the proxy user is missing (Debian's squid package creates it)";
    // The helper runs as proxy: it must reach the snapshot and the logs.
    ::chmod(dir_.path().c_str(), 0755);
    for (const auto& e : fs::recursive_directory_iterator(dir_.path()))
      ASSERT_EQ(::lchown(e.path().c_str(), pw->pw_uid, pw->pw_gid), 0) << e.path();
    ASSERT_EQ(::chown(dir_.path().c_str(), pw->pw_uid, pw->pw_gid), 0);
  }

  void start_squid() {
    std::string conf = (root_ / "squid.conf").string();
    squid_pid_ = ::fork();
    ASSERT_GE(squid_pid_, 0);
    if (squid_pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // a crashed test leaves no Squid behind
      int devnull = ::open("/dev/null", O_RDWR);
      ::dup2(devnull, 0);
      ::dup2(devnull, 1);
      ::execl(kSquid, kSquid, "-N", "-f", conf.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    auto deadline = Clock::now() + std::chrono::seconds(20);
    while (Clock::now() < deadline) {
      int status = 0;
      if (::waitpid(squid_pid_, &status, WNOHANG) == squid_pid_) {
        squid_pid_ = -1;
        FAIL() << "squid exited at start; cache.log:\n" << read_text(root_ / "logs/cache.log");
      }
      if (connect_loopback(squid_port_).get() >= 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "squid did not accept connections within 20 s; cache.log:\n"
           << read_text(root_ / "logs/cache.log");
  }

  void stop_squid() {
    if (squid_pid_ <= 0) return;
    ::kill(squid_pid_, SIGTERM);
    auto deadline = Clock::now() + std::chrono::seconds(10);
    int status = 0;
    while (::waitpid(squid_pid_, &status, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        ::kill(squid_pid_, SIGKILL);
        ::waitpid(squid_pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    squid_pid_ = -1;
    // Helpers end when Squid closes their input; make sure none outlives us.
    for (pid_t pid : helper_pids(snapshot_.string())) ::kill(pid, SIGKILL);
  }

  std::string cache_log() const { return read_text(root_ / "logs" / "cache.log"); }

  filter::testing::TempDir dir_;
  fs::path root_, snapshot_;
  uint16_t squid_port_ = 0;
  pid_t squid_pid_ = -1;
  Origin origin_;
};

TEST_F(SquidFilterTest, AllowsServesBlocksRefusesConnectAndReloadsUnderLoad) {
  const std::string origin = "127.0.0.1:" + std::to_string(origin_.port());
  const std::string allowed_url = "http://" + origin + "/lesson";

  // An allowed page is fetched from the origin.
  Response allowed = get(squid_port_, allowed_url, origin);
  EXPECT_EQ(allowed.status, 200) << allowed.raw << cache_log();
  EXPECT_EQ(allowed.body, kOriginBody);

  // A blocked domain (and a subdomain) gets the school's block page.
  for (std::string host : {"blocked.test", "www.blocked.test"}) {
    Response blocked = get(squid_port_, "http://" + host + "/some/page", host);
    EXPECT_EQ(blocked.status, 403) << blocked.raw;
    EXPECT_NE(blocked.body.find(kBlockPageText), std::string::npos) << blocked.body;
    EXPECT_NE(blocked.body.find("This site is blocked on the school network (social networks)."),
              std::string::npos)
        << blocked.body;
  }
  // A url entry of the first snapshot.
  EXPECT_EQ(get(squid_port_, "http://" + origin + "/old/page", origin).status, 403);
  EXPECT_EQ(get(squid_port_, "http://" + origin + "/new/page", origin).status, 200);

  // HTTPS to a blocked domain: the CONNECT is refused.
  Response connect = through_proxy(
      squid_port_, "CONNECT blocked.test:443 HTTP/1.1\r\nHost: blocked.test:443\r\n\r\n");
  EXPECT_EQ(connect.status, 403) << connect.raw;
  int origin_requests_before = origin_.requests();

  // A stream of requests while the snapshot is replaced and the helpers are
  // told to reload: every request gets the right answer.
  std::atomic<bool> stop{false};
  std::atomic<int> sent{0}, wrong{0};
  std::string first_wrong;
  std::thread client([&] {
    while (!stop) {
      bool want_block = sent % 2 == 1;
      Response r = want_block ? get(squid_port_, "http://facebook.com/feed", "facebook.com")
                              : get(squid_port_, allowed_url, origin);
      bool right = want_block
                       ? (r.status == 403 && r.body.find(kBlockPageText) != std::string::npos)
                       : (r.status == 200 && r.body == kOriginBody);
      if (!right && wrong++ == 0) first_wrong = r.raw.empty() ? "(no answer)" : r.raw;
      ++sent;
    }
  });
  auto wait_for_sent = [&](int n) {
    auto deadline = Clock::now() + std::chrono::seconds(10);
    while (sent < n && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  };
  wait_for_sent(20);
  compile_snapshot(dir_, "v2", "127.0.0.1/new\n", snapshot_);
  if (::getuid() == 0) {
    passwd* pw = ::getpwnam("proxy");
    ::chown(snapshot_.c_str(), pw->pw_uid, pw->pw_gid);
  }
  std::vector<pid_t> helpers = helper_pids(snapshot_.string());
  ASSERT_FALSE(helpers.empty()) << cache_log();
  for (pid_t pid : helpers) ASSERT_EQ(::kill(pid, SIGHUP), 0);
  int at_reload = sent;
  wait_for_sent(at_reload + 40);
  stop = true;
  client.join();

  EXPECT_GE(sent.load(), at_reload + 40) << "the stream stalled after the reload";
  EXPECT_EQ(wrong.load(), 0) << "of " << sent << " requests; first wrong answer:\n" << first_wrong;
  EXPECT_GE(origin_.requests() - origin_requests_before, sent / 2 - 1);

  // The new snapshot is in use: /old is allowed now and /new blocked.
  auto deadline = Clock::now() + std::chrono::seconds(5);
  Response now_blocked;
  while (Clock::now() < deadline) {
    now_blocked = get(squid_port_, "http://" + origin + "/new/page", origin);
    if (now_blocked.status == 403) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(now_blocked.status, 403) << cache_log();
  EXPECT_EQ(get(squid_port_, "http://" + origin + "/old/page", origin).status, 200);
  EXPECT_NE(cache_log().find("inloco-squid-helper: reloaded"), std::string::npos) << cache_log();

  // Every request left a decision record.
  stop_squid();
  std::string decisions = read_text(root_ / "logs" / "decisions.log");
  EXPECT_NE(decisions.find("\thttp://blocked.test/some/page\t-\tblock\tsocial_networks\t"
                           "domain:blocked.test\n"),
            std::string::npos)
      << decisions;
  EXPECT_NE(decisions.find("\tblocked.test:443\t-\tblock\tsocial_networks\t"), std::string::npos);
  EXPECT_GE(std::count(decisions.begin(), decisions.end(), '\n'), sent.load());
}

// The url_rewrite_program mode: a blocked request is redirected to the
// school's block page with the address and category, an allowed one served.
class SquidRewriteTest : public SquidFilterTest {
 protected:
  bool rewrite_mode() const override { return true; }
};

TEST_F(SquidRewriteTest, RedirectsBlockedRequestsToTheBlockPage) {
  const std::string origin = "127.0.0.1:" + std::to_string(origin_.port());
  Response allowed = get(squid_port_, "http://" + origin + "/lesson", origin);
  EXPECT_EQ(allowed.status, 200) << allowed.raw << cache_log();
  EXPECT_EQ(allowed.body, kOriginBody);

  Response blocked = get(squid_port_, "http://blocked.test/some/page?x=1", "blocked.test");
  EXPECT_EQ(blocked.status, 302) << blocked.raw << cache_log();
  EXPECT_NE(blocked.raw.find("\r\nLocation: " + std::string(kBlockPageUrl) +
                             "?url=http%3A%2F%2Fblocked.test%2Fsome%2Fpage%3Fx%3D1"
                             "&category=social_networks\r\n"),
            std::string::npos)
      << blocked.raw;

  // A CONNECT cannot be redirected in a way a browser follows, but it must
  // not open the tunnel either.
  Response connect = through_proxy(
      squid_port_, "CONNECT blocked.test:443 HTTP/1.1\r\nHost: blocked.test:443\r\n\r\n");
  EXPECT_EQ(connect.status, 302) << connect.raw;
}

// REQ NET-2, NET-3, LAW-8: the helper with the school's folder from
// `inloco filter lists`: the profile's rules decide and their sentence is
// on the block page; an exception written after an approval reaches the
// filter on SIGHUP; a locked category stays blocked whatever the exception.
class SquidSchoolRulesTest : public SquidFilterTest {
 protected:
  void before_compile() override {
    dir_.write("v1/gambling/urls", "127.0.0.1/bet\n");
    dir_.write("v1/adult/urls", "127.0.0.1/adult\n");
    auto shipped = find_shipped_profile("default");
    ASSERT_TRUE(shipped.ok());
    // Requests come without a user name: the default group, the pupils'.
    dir_.write("school/profile.toml", std::string(shipped->text));
    dir_.write("school/exceptions", "");
  }
  std::string helper_options() const override {
    return " --school-lists " + (dir_.path() / "school").string();
  }
};

TEST_F(SquidSchoolRulesTest, TheSchoolsRulesDecideAndAnApprovedExceptionReachesTheFilter) {
  const std::string origin = "127.0.0.1:" + std::to_string(origin_.port());
  EXPECT_EQ(get(squid_port_, "http://" + origin + "/lesson", origin).status, 200) << cache_log();
  Response bet = get(squid_port_, "http://" + origin + "/bet/odds", origin);
  EXPECT_EQ(bet.status, 403) << bet.raw << cache_log();
  EXPECT_NE(bet.body.find("This kind of site is blocked for pupils on the school network."),
            std::string::npos)
      << bet.body;
  EXPECT_EQ(get(squid_port_, "http://" + origin + "/adult/x", origin).status, 403);
  EXPECT_NE(cache_log().find("filtering with"), std::string::npos) << cache_log();

  // The head approves an unblock: `inloco filter lists` writes the
  // exception and the helpers are told to reload.
  int64_t until = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count() +
                  3600;
  dir_.write("school/exceptions", "127.0.0.1\tpupils\t\t" + std::to_string(until) + "\n");
  std::vector<pid_t> helpers = helper_pids(snapshot_.string());
  ASSERT_FALSE(helpers.empty()) << cache_log();
  for (pid_t pid : helpers) ASSERT_EQ(::kill(pid, SIGHUP), 0);
  auto deadline = Clock::now() + std::chrono::seconds(5);
  Response opened;
  while (Clock::now() < deadline) {
    opened = get(squid_port_, "http://" + origin + "/bet/odds", origin);
    if (opened.status == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(opened.status, 200) << opened.raw << cache_log();
  EXPECT_EQ(opened.body, kOriginBody);
  Response locked = get(squid_port_, "http://" + origin + "/adult/x", origin);
  EXPECT_EQ(locked.status, 403) << locked.raw;
  EXPECT_NE(locked.body.find(kBlockPageText), std::string::npos);

  stop_squid();
  std::string decisions = read_text(root_ / "logs" / "decisions.log");
  EXPECT_NE(decisions.find("\tallow\tgambling\texception:127.0.0.1\n"), std::string::npos)
      << decisions;
  EXPECT_NE(decisions.find("\tblock\tadult\tlocked:adult\n"), std::string::npos) << decisions;
}

}  // namespace
}  // namespace inloco
