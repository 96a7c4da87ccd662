// HttpServer: a Boost.Beast server that enforces the limits every request
// must respect before any application code sees it:
//   - a body limit (413) and a header limit (431), chunked bodies included;
//   - a deadline on the whole request, so a drip-fed request is closed;
//   - malformed requests answered 400 and the connection closed.
// Requests are read on the I/O thread and handled on a pool of worker
// threads, because handlers do blocking database work. stop() (and SIGTERM in
// run()) stops accepting, lets requests in progress finish, then returns.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "web/http_types.h"

namespace inloco::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (tests)
  // Room for a post's photographs (each image at most 15 MiB: media/image_type.h).
  uint64_t body_limit = 40 * 1024 * 1024;
  uint32_t header_limit = 16 * 1024;
  std::chrono::milliseconds request_deadline{15000};  // from the first byte to the last
  std::chrono::milliseconds idle_timeout{30000};      // between requests on a kept-alive connection
  int io_threads = 1;
  int worker_threads = 4;
  std::chrono::milliseconds shutdown_grace{10000};
};

// Called on a worker thread. remote is the peer's address.
using Handler = std::function<HttpResponse(HttpRequest&& request, const std::string& remote)>;
// Told of requests refused before reaching the handler (status 400/413/431).
using RejectionObserver = std::function<void(unsigned status)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler, RejectionObserver on_reject = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on background threads.
  Status start();
  uint16_t port() const;

  // Blocks until SIGTERM/SIGINT or stop(), then shuts down gracefully.
  void wait_for_signal();
  // Graceful stop; safe to call from any thread, more than once.
  void stop();

  struct Impl;  // public so the connection code in http_server.cc can name it

 private:
  std::unique_ptr<Impl> impl_;
};

// The plain response the server sends for refused requests.
HttpResponse plain_response(unsigned status, std::string_view text, unsigned version = 11);

}  // namespace inloco::web
