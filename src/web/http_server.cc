#include "web/http_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace inloco::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

HttpResponse plain_response(unsigned status, std::string_view text, unsigned version) {
  HttpResponse res{static_cast<http::status>(status), version};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.set("X-Content-Type-Options", "nosniff");
  res.set(http::field::cache_control, "no-store");
  res.body() = std::string(text) + "\n";
  res.prepare_payload();
  return res;
}

namespace {
class Session;
}

struct HttpServer::Impl {
  ServerOptions opts;
  Handler handler;
  RejectionObserver on_reject;
  // Declared before the io_context: sessions still queued in it when it is
  // destroyed unregister themselves here.
  std::mutex mu;
  std::condition_variable cv;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  bool stop_requested = false;
  std::atomic<bool> stopping{false};
  std::atomic<bool> joined{false};
  uint16_t bound_port = 0;

  asio::io_context ioc;
  // Keeps the I/O threads running while a request is on a worker thread and
  // nothing else is pending (after stop() closes the acceptor, say).
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  tcp::acceptor acceptor{asio::make_strand(ioc)};
  std::optional<asio::thread_pool> workers;
  std::vector<std::thread> io_threads;

  void do_accept();
  void session_ended(Session* s) {
    std::lock_guard lock(mu);
    sessions.erase(s);
    cv.notify_all();
  }
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "unknown" : ep.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }
  ~Session() { server_.session_ended(this); }

  void start() {
    asio::dispatch(stream_.get_executor(),
                   [self = shared_from_this()] { self->wait_for_request(); });
  }

  // Called on shutdown: a connection waiting for its next request is closed at
  // once; one in the middle of a request finishes it first.
  void close_if_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  // Waits for the first byte of the next request under the idle timeout, then
  // reads the whole request under the request deadline.
  void wait_for_request() {
    if (server_.stopping) return close();
    if (buffer_.size() > 0) return read_request();
    idle_ = true;
    stream_.expires_after(server_.opts.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->idle_ = false;
                              if (ec) return self->close();
                              self->buffer_.commit(n);
                              self->read_request();
                            });
  }

  void read_request() {
    parser_.emplace();
    parser_->body_limit(server_.opts.body_limit);
    parser_->header_limit(server_.opts.header_limit);
    stream_.expires_after(server_.opts.request_deadline);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof)
      return close();
    if (ec == http::error::body_limit) return reject(413, "Request body too large");
    if (ec == http::error::header_limit) return reject(431, "Request header fields too large");
    if (ec && ec.category() == http::make_error_code(http::error::body_limit).category())
      return reject(400, "Bad request");
    if (ec) return close();

    HttpRequest req = parser_->release();
    keep_alive_ = req.keep_alive() && !server_.stopping;
    unsigned version = req.version();
    asio::post(*server_.workers,
               [self = shared_from_this(), req = std::move(req), version]() mutable {
                 HttpResponse res;
                 try {
                   res = self->server_.handler(std::move(req), self->remote_);
                 } catch (const std::exception&) {
                   res = plain_response(500, "Internal error", version);
                 }
                 asio::post(self->stream_.get_executor(), [self, res = std::move(res)]() mutable {
                   self->write(std::move(res), self->keep_alive_);
                 });
               });
  }

  void reject(unsigned status, std::string_view text) {
    if (server_.on_reject) server_.on_reject(status);
    auto res = plain_response(status, text);
    write(std::move(res), false);
  }

  void write(HttpResponse&& res, bool keep_alive) {
    keep_alive_ = keep_alive && !server_.stopping;
    res.keep_alive(keep_alive_);
    res.prepare_payload();
    response_ = std::make_shared<HttpResponse>(std::move(res));
    stream_.expires_after(server_.opts.request_deadline);
    http::async_write(stream_, *response_,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        self->response_.reset();
                        if (ec || !self->keep_alive_) return self->close();
                        self->wait_for_request();
                      });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<HttpResponse> response_;
  HttpServer::Impl& server_;
  std::string remote_;
  bool keep_alive_ = false;
  std::atomic<bool> idle_{false};
};

}  // namespace

void HttpServer::Impl::do_accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping) return;
      return do_accept();
    }
    if (stopping) return;
    auto session = std::make_shared<Session>(std::move(socket), *this);
    {
      std::lock_guard lock(mu);
      sessions[session.get()] = session;
    }
    session->start();
    do_accept();
  });
}

HttpServer::HttpServer(ServerOptions options, Handler handler, RejectionObserver on_reject)
    : impl_(std::make_unique<Impl>()) {
  impl_->opts = std::move(options);
  impl_->handler = std::move(handler);
  impl_->on_reject = std::move(on_reject);
}

HttpServer::~HttpServer() { stop(); }

Status HttpServer::start() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->opts.address, ec);
  if (ec) return Error::invalid("'" + impl_->opts.address + "' is not an IP address to listen on");
  tcp::endpoint endpoint{address, impl_->opts.port};
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Error::unavailable("could not listen on " + impl_->opts.address + ":" +
                              std::to_string(impl_->opts.port) + ": " + ec.message());
  impl_->bound_port = acc.local_endpoint().port();
  impl_->workers.emplace(static_cast<size_t>(std::max(1, impl_->opts.worker_threads)));
  impl_->keep_running.emplace(impl_->ioc.get_executor());
  asio::post(acc.get_executor(), [this] { impl_->do_accept(); });
  for (int i = 0; i < std::max(1, impl_->opts.io_threads); ++i)
    impl_->io_threads.emplace_back([this] { impl_->ioc.run(); });
  return {};
}

uint16_t HttpServer::port() const { return impl_->bound_port; }

void HttpServer::wait_for_signal() {
  asio::io_context signals_ioc;
  asio::signal_set signals(signals_ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) {});
  std::thread waiter([&] { signals_ioc.run(); });
  {
    // Either a signal or stop() from elsewhere ends the wait.
    std::unique_lock lock(impl_->mu);
    while (!impl_->stop_requested && !signals_ioc.stopped())
      impl_->cv.wait_for(lock, std::chrono::milliseconds(100));
  }
  signals_ioc.stop();
  waiter.join();
  stop();
}

void HttpServer::stop() {
  if (impl_->joined.exchange(true)) return;
  impl_->stopping = true;
  {
    std::lock_guard lock(impl_->mu);
    impl_->stop_requested = true;
  }
  impl_->cv.notify_all();
  asio::post(impl_->acceptor.get_executor(), [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
  });
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(impl_->mu);
    for (auto& [ptr, weak] : impl_->sessions)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  for (auto& s : live) s->close_if_idle();
  live.clear();
  {
    std::unique_lock lock(impl_->mu);
    impl_->cv.wait_for(lock, impl_->opts.shutdown_grace,
                       [this] { return impl_->sessions.empty(); });
  }
  impl_->keep_running.reset();
  impl_->ioc.stop();
  for (auto& t : impl_->io_threads) t.join();
  impl_->io_threads.clear();
  if (impl_->workers) impl_->workers->join();
}

}  // namespace inloco::web
