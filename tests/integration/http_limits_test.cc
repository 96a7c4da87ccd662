// No requirement ID: the web server limits of issue 2, section 7, which every page relies on.
// The server's limits hold before any application code runs: oversized body
// (413), oversized headers (431), malformed requests (400), a drip-fed request
// closed at its deadline; security headers on every response.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "test_support/test_server.h"

namespace inloco {
namespace {

using test::raw_exchange;
using test::TestServer;

web::ServerOptions small_limits() {
  web::ServerOptions o;
  o.body_limit = 64 * 1024;
  o.header_limit = 4 * 1024;
  o.request_deadline = std::chrono::milliseconds(400);
  o.idle_timeout = std::chrono::milliseconds(2000);
  return o;
}

class HttpLimitsTest : public ::testing::Test {
 protected:
  TestServer server_{Dialect::kSqlite, small_limits()};
};

TEST_F(HttpLimitsTest, OversizedBodyIs413) {
  std::string body(100 * 1024, 'x');
  std::string req =
      "POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  EXPECT_TRUE(raw_exchange(server_.port(), req).starts_with("HTTP/1.1 413"));
}

TEST_F(HttpLimitsTest, OversizedChunkedBodyIs413) {
  std::string chunk(32 * 1024, 'y');
  char size[16];
  snprintf(size, sizeof size, "%zx", chunk.size());
  std::string req = "POST /sign-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) req += std::string(size) + "\r\n" + chunk + "\r\n";
  req += "0\r\n\r\n";
  EXPECT_TRUE(raw_exchange(server_.port(), req).starts_with("HTTP/1.1 413"));
}

TEST_F(HttpLimitsTest, OversizedHeadersAre431) {
  std::string req =
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8 * 1024, 'h') + "\r\n\r\n";
  EXPECT_TRUE(raw_exchange(server_.port(), req).starts_with("HTTP/1.1 431"));
}

TEST_F(HttpLimitsTest, MalformedRequestsAre400) {
  for (const char* bad : {"GARBAGE\r\n\r\n", "GET /healthz HTTP/9.9\r\n\r\n",
                          "GET /healthz HTTP/1.1\r\nBad Header Without Colon\r\n\r\n",
                          "POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"}) {
    std::string reply = raw_exchange(server_.port(), bad);
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << bad << " → " << reply.substr(0, 40);
  }
}

TEST_F(HttpLimitsTest, DripFedRequestIsClosedAtItsDeadline) {
  // Sends one byte every 100 ms; the 400 ms deadline closes the connection
  // long before the request could be complete.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(server_.port());
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string req =
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(100, 'a') + "\r\n\r\n";
  auto start = std::chrono::steady_clock::now();
  bool closed = false;
  for (char c : req) {
    if (send(fd, &c, 1, MSG_NOSIGNAL) <= 0) {
      closed = true;
      break;
    }
    char buf[64];
    ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n == 0) {
      closed = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(5)) break;
  }
  close(fd);
  EXPECT_TRUE(closed) << "the server kept a drip-fed request open";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST_F(HttpLimitsTest, SecurityHeadersOnEveryResponse) {
  test::Client c(server_.port());
  for (const char* path : {"/sign-in", "/healthz", "/no-such-page", "/dashboard"}) {
    auto r = c.get(path);
    EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos)
        << path;
    EXPECT_EQ(r.header("content-security-policy").find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << path;
    EXPECT_FALSE(r.header("referrer-policy").empty()) << path;
  }
}

TEST_F(HttpLimitsTest, HealthAndMetrics) {
  test::Client c(server_.port());
  EXPECT_EQ(c.get("/healthz").status, 200u);
  c.get("/no-such-page");
  raw_exchange(server_.port(), "GARBAGE\r\n\r\n");
  auto m = c.get("/metrics");
  EXPECT_EQ(m.status, 200u);
  EXPECT_NE(
      m.body.find("inloco_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"),
      std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("inloco_http_request_duration_seconds_bucket{le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(m.body.find("inloco_http_rejected_total{status=\"400\"} 1"), std::string::npos);
  EXPECT_NE(m.body.find("route=\"unmatched\",status=\"404\""), std::string::npos);
}

TEST(HttpServerStop, FinishesRequestsInProgressThenRefusesConnections) {
  std::atomic<bool> entered{false};
  web::ServerOptions o;
  o.port = 0;
  web::HttpServer server(o, [&](web::HttpRequest&&, const std::string&) {
    entered = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return web::plain_response(200, "finished");
  });
  ASSERT_TRUE(server.start().ok());
  uint16_t port = server.port();
  std::string reply;
  std::thread client(
      [&] { reply = raw_exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 3000); });
  while (!entered) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server.stop();  // as SIGTERM does
  client.join();
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 200")) << reply;
  EXPECT_NE(reply.find("finished"), std::string::npos);
  EXPECT_EQ(raw_exchange(port, "GET / HTTP/1.1\r\n\r\n", 300), "");
}

}  // namespace
}  // namespace inloco
