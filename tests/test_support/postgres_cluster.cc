#include "test_support/postgres_cluster.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <stdexcept>

namespace inloco::test {
namespace fs = std::filesystem;

namespace {

std::string pg_bin() {
  std::string best;
  if (fs::exists("/usr/lib/postgresql")) {
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql")) {
      std::string bin = e.path().string() + "/bin";
      if (fs::exists(bin + "/initdb") && bin > best) best = bin;
    }
  }
  if (best.empty())
    throw std::runtime_error("PostgreSQL server binaries not found (apt-get install postgresql)");
  return best;
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

// PostgreSQL refuses to run as root: run its tools as the postgres user then.
std::string as_server_user(const std::string& cmd) {
  if (geteuid() != 0) return cmd;
  return "runuser -u postgres -- sh -c '" + cmd + "'";
}

void run(const std::string& cmd) {
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("command failed: " + cmd);
}

}  // namespace

PostgresCluster::PostgresCluster(std::string dir) : dir_(std::move(dir)) {
  std::string bin = pg_bin();
  fs::create_directories(dir_);
  if (geteuid() == 0) {
    passwd* pw = getpwnam("postgres");
    if (!pw) throw std::runtime_error("there is no postgres user (apt-get install postgresql)");
    if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0)
      throw std::runtime_error("could not hand " + dir_ + " to the postgres user");
  }
  int port = free_port();
  run(as_server_user(bin + "/initdb -D " + dir_ +
                     "/data -U postgres -A trust -E UTF8 --no-locale --no-sync > " + dir_ +
                     "/initdb.log 2>&1"));
  run(as_server_user(bin + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -o \"-p " +
                     std::to_string(port) + " -k " + dir_ +
                     " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c "
                     "full_page_writes=off\" start > /dev/null"));
  url_ = "postgresql://postgres@127.0.0.1:" + std::to_string(port) + "/postgres";
}

PostgresCluster::~PostgresCluster() { stop(dir_); }

void PostgresCluster::stop(const std::string& dir) {
  if (!fs::exists(dir + "/data")) return;
  std::string cmd = as_server_user(pg_bin() + "/pg_ctl -D " + dir +
                                   "/data -m immediate -w stop > /dev/null 2>&1");
  if (std::system(cmd.c_str()) != 0) { /* already stopped */
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

std::string new_postgres_database() {
  static std::mutex mu;
  static std::unique_ptr<PostgresCluster> own;
  static std::string admin_url;
  static std::atomic<int> counter{0};
  std::lock_guard lock(mu);
  if (admin_url.empty()) {
    const char* file = std::getenv("INLOCO_TEST_PG_URL_FILE");
    if (file && fs::exists(file)) {
      std::ifstream in(file);
      std::getline(in, admin_url);
    }
    if (admin_url.empty()) {
      std::string dir =
          (fs::temp_directory_path() / ("inloco-pg-" + std::to_string(getpid()))).string();
      own = std::make_unique<PostgresCluster>(dir);
      admin_url = own->admin_url();
      // Remove the cluster at exit even if the test binary never destroys statics in order.
      static struct Reaper {
        ~Reaper() { own.reset(); }
      } reaper;
    }
  }
  std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  pqxx::connection admin(admin_url);
  pqxx::nontransaction tx(admin);
  tx.exec("CREATE DATABASE " + name);
  auto at = admin_url.rfind('/');
  return admin_url.substr(0, at + 1) + name;
}

}  // namespace inloco::test
