// A real inloco server for API and page tests: the whole App on a free
// loopback port, over a fresh database of either backend, with a fake clock
// and cheap password hashing. Plus a small HTTP client with a cookie jar.
#pragma once

#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "auth/user_accounts.h"
#include "core/clock.h"
#include "core/secret_key.h"
#include "people/role.h"
#include "store/database.h"
#include "web/app.h"
#include "web/http_server.h"

namespace inloco::test {

struct Fixture {
  int64_t trust_id = 0;
  int64_t school_a = 0;  // "alpha"
  int64_t school_b = 0;  // "beta"
  int64_t pupil_a = 0;   // a pupil at school A
  int64_t pupil_b = 0;   // a pupil at school B
};

inline constexpr const char* kTestPassword = "quiet-harbour-lantern-47";

class TestServer {
 public:
  explicit TestServer(Dialect dialect, web::ServerOptions options = {});
  ~TestServer();

  uint16_t port() const { return server_->port(); }
  Database& db() { return *db_; }
  FakeClock& clock() { return clock_; }
  UserAccounts& accounts() { return *accounts_; }
  web::App& app() { return *app_; }
  const Fixture& fixture() const { return fixture_; }
  const std::string& media_dir() const { return media_dir_; }
  const std::string& evidence_dir() const { return evidence_dir_; }
  // What the server wrote to its error log so far (also copied to standard error).
  std::string error_log() const;

  // Creates a member of staff holding `role` at `school_id` (nullopt: across
  // the trust) with a sign-in `username` / kTestPassword. Returns the person id.
  int64_t add_user(const std::string& username, Role role, std::optional<int64_t> school_id);

 private:
  std::string media_dir_;     // a temporary folder, removed with the server
  std::string evidence_dir_;  // inside it
  FakeClock clock_;
  std::unique_ptr<Database> db_;
  SecretKey key_ = SecretKey::random();
  std::unique_ptr<UserAccounts> accounts_;
  web::Templates templates_;
  web::Metrics metrics_;
  SchoolCheckers checkers_;
  std::shared_ptr<std::ostringstream> error_log_ = std::make_shared<std::ostringstream>();
  std::unique_ptr<web::App> app_;
  std::unique_ptr<web::HttpServer> server_;
  Fixture fixture_;
};

struct ClientResponse {
  unsigned status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names; last value wins
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// One connection per request; keeps cookies like a browser.
class Client {
 public:
  explicit Client(uint16_t port) : port_(port) {}
  ClientResponse get(const std::string& target);
  ClientResponse post_form(const std::string& target,
                           const std::map<std::string, std::string>& fields, bool with_csrf = true);
  ClientResponse post_json(const std::string& target, const std::string& json);
  ClientResponse post_raw(const std::string& target, const std::string& content_type,
                          const std::string& body, bool with_csrf = true);
  ClientResponse request(const std::string& method, const std::string& target,
                         const std::string& content_type, const std::string& body,
                         const std::map<std::string, std::string>& headers = {});

  // Signs in through the form; returns the final status (303 on success).
  unsigned sign_in(const std::string& username, const std::string& password = kTestPassword);
  // The CSRF token for this session (from /api/v1/me-less route: the account page).
  std::string csrf();
  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  uint16_t port_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
  std::string csrf_session_;  // the session cookie csrf_ belongs to
};

// Sends raw bytes and returns whatever comes back before the server closes
// (or timeout_ms passes).
std::string raw_exchange(uint16_t port, const std::string& bytes, int timeout_ms = 2000);

}  // namespace inloco::test
