#include "test_support/test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <regex>
#include <stdexcept>

#include "people/people_store.h"
#include "people/school_store.h"
#include "test_support/databases.h"
#include "web/form_data.h"

namespace inloco::test {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

template <typename T>
T must(Result<T> r, const char* what) {
  if (!r.ok()) throw std::runtime_error(std::string(what) + ": " + r.error().message);
  return std::move(r).value();
}

int64_t add_pupil(Connection& c, const Clock& clock, int64_t trust, int64_t school,
                  const std::string& ext) {
  Person p;
  p.trust_id = trust;
  p.school_id = school;
  p.kind = PersonKind::kPupil;
  p.external_id = ext;
  p.given_name = "Pupil";
  p.family_name = ext;
  p.date_of_birth = "2016-05-01";
  p.year_group = "Year 5";
  p.class_name = "5A";
  return must(create_person(c, clock, Actor::system(), p), "create pupil");
}

// The server's error log, kept for the test to read and copied to standard error
// so that a failing test still shows it.
std::shared_ptr<spdlog::logger> capturing_logger(const std::shared_ptr<std::ostringstream>& out) {
  auto both = std::make_shared<spdlog::sinks::dist_sink_mt>();
  both->add_sink(std::make_shared<spdlog::sinks::ostream_sink_mt>(*out, /*force_flush=*/true));
  both->add_sink(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  auto logger = std::make_shared<spdlog::logger>("test-server-errors", both);
  logger->set_pattern("level=%l %v");
  return logger;
}

}  // namespace

TestServer::TestServer(Dialect dialect, web::ServerOptions options) {
  char tmpl[] = "/tmp/inloco-test-media-XXXXXX";
  if (!::mkdtemp(tmpl)) throw std::runtime_error("cannot make a media folder");
  media_dir_ = tmpl;
  evidence_dir_ = media_dir_ + "/evidence";
  db_ = fresh_database(dialect);
  AuthSettings auth;
  auth.cost = PasswordCost::fast_for_tests();
  accounts_ = std::make_unique<UserAccounts>(*db_, clock_, key_, auth);
  auto f = db_->transaction([&](Connection& c) -> Result<Fixture> {
    Fixture fx;
    fx.trust_id = TRY(create_trust(c, clock_, Actor::system(), "Test Trust"));
    School a{0, fx.trust_id, "alpha", "Alpha Primary School", std::nullopt, "primary"};
    School b{0, fx.trust_id, "beta", "Beta Academy", std::nullopt, "secondary"};
    fx.school_a = TRY(create_school(c, clock_, Actor::system(), a));
    fx.school_b = TRY(create_school(c, clock_, Actor::system(), b));
    fx.pupil_a = add_pupil(c, clock_, fx.trust_id, fx.school_a, "PA1");
    fx.pupil_b = add_pupil(c, clock_, fx.trust_id, fx.school_b, "PB1");
    return fx;
  });
  fixture_ = must(std::move(f), "fixture");
  app_ = std::make_unique<web::App>(
      web::AppContext{*db_, clock_, *accounts_, key_, templates_, metrics_,
                      web::AppConfig{INLOCO_STATIC_DIR, false, media_dir_, evidence_dir_},
                      checkers_, web::RequestLog(capturing_logger(error_log_))});
  options.address = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<web::HttpServer>(
      options,
      [this](web::HttpRequest&& r, const std::string& remote) {
        return app_->handle(std::move(r), remote);
      },
      [this](unsigned s) { metrics_.record_rejected(s); });
  if (auto s = server_->start(); !s.ok()) throw std::runtime_error(s.error().message);
}

std::string TestServer::error_log() const { return error_log_->str(); }

TestServer::~TestServer() {
  server_->stop();
  std::error_code ec;
  std::filesystem::remove_all(media_dir_, ec);
}

int64_t TestServer::add_user(const std::string& username, Role role,
                             std::optional<int64_t> school_id) {
  auto id = db_->transaction([&](Connection& c) -> Result<int64_t> {
    Person p;
    p.trust_id = fixture_.trust_id;
    p.school_id = school_id;  // a trust-wide role belongs to a person of the trust itself
    p.kind = PersonKind::kStaff;
    p.given_name = "Sam";
    p.family_name = username;
    int64_t pid = TRY(create_person(c, clock_, Actor::system(), p));
    TRY(assign_role(c, clock_, Actor::system(), pid, role, school_id));
    return pid;
  });
  int64_t pid = must(std::move(id), "add user");
  auto r = accounts_->create_account(Actor::system(), pid, username, kTestPassword);
  if (!r.ok()) throw std::runtime_error("create account: " + r.error().message);
  return pid;
}

ClientResponse Client::request(const std::string& method, const std::string& target,
                               const std::string& content_type, const std::string& body,
                               const std::map<std::string, std::string>& headers) {
  boost::asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (!content_type.empty()) req.set(http::field::content_type, content_type);
  std::string cookie;
  for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie.empty()) req.set(http::field::cookie, cookie);
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(stream, buffer, parser);
  auto res = parser.release();
  ClientResponse out;
  out.status = res.result_int();
  out.body = res.body();
  for (const auto& h : res) {
    std::string name(h.name_string());
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.headers[name] = std::string(h.value());
    if (name == "set-cookie") {
      std::string v(h.value());
      auto eq = v.find('='), semi = v.find(';');
      std::string k = v.substr(0, eq), val = v.substr(eq + 1, semi - eq - 1);
      if (val.empty() || v.find("Max-Age=0") != std::string::npos)
        cookies_.erase(k);
      else
        cookies_[k] = val;
    }
  }
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return out;
}

ClientResponse Client::get(const std::string& target) { return request("GET", target, "", ""); }

ClientResponse Client::post_form(const std::string& target,
                                 const std::map<std::string, std::string>& fields, bool with_csrf) {
  std::string body;
  auto add = [&](const std::string& k, const std::string& v) {
    body += (body.empty() ? "" : "&") + web::url_encode(k) + "=" + web::url_encode(v);
  };
  for (const auto& [k, v] : fields) add(k, v);
  if (with_csrf && !fields.count("csrf_token")) add("csrf_token", csrf());
  return request("POST", target, "application/x-www-form-urlencoded", body);
}

ClientResponse Client::post_json(const std::string& target, const std::string& json) {
  std::map<std::string, std::string> h;
  if (cookies_.count(web::kSessionCookie)) h["X-CSRF-Token"] = csrf();
  return request("POST", target, "application/json", json, h);
}

ClientResponse Client::post_raw(const std::string& target, const std::string& content_type,
                                const std::string& body, bool with_csrf) {
  std::map<std::string, std::string> h;
  if (with_csrf) h["X-CSRF-Token"] = csrf();
  return request("POST", target, content_type, body, h);
}

std::string Client::csrf() {
  auto session = cookies_.find(web::kSessionCookie);
  if (session != cookies_.end() && session->second == csrf_session_ && !csrf_.empty()) return csrf_;
  // Signed in: the account page carries the session's token. Signed out: the
  // sign-in page sets the pre-session cookie, which is the token.
  std::string page =
      cookies_.count(web::kSessionCookie) ? get("/account").body : get("/sign-in").body;
  std::smatch m;
  static const std::regex re("name=\"csrf_token\" value=\"([^\"]*)\"");
  csrf_ = std::regex_search(page, m, re) ? std::string(m[1]) : std::string();
  csrf_session_ = session != cookies_.end() ? session->second : "";
  return csrf_;
}

unsigned Client::sign_in(const std::string& username, const std::string& password) {
  get("/sign-in");
  std::string token = cookies_[web::kPreSessionCookie];
  return post_form("/sign-in",
                   {{"username", username}, {"password", password}, {"csrf_token", token}}, false)
      .status;
}

std::string raw_exchange(uint16_t port, const std::string& bytes, int timeout_ms) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string out;
  char buf[4096];
  pollfd p{fd, POLLIN, 0};
  while (poll(&p, 1, timeout_ms) > 0) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

}  // namespace inloco::test
