// inloco serve: runs the web server until SIGTERM or Ctrl-C.
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "web/app.h"
#include "web/http_server.h"
#include "web/request_log.h"

namespace inloco::cli {

namespace {
struct ServeOptions {
  std::string db = default_db();
  std::string listen = "127.0.0.1:8080";
  std::string static_dir = "build/static";
  std::string key = default_key_path();
  std::string media_dir = default_media_dir();
  std::string evidence_dir = default_evidence_dir();
  bool secure_cookies = false;
  int workers = 4;
  std::string access_log;  // empty: none
};
}  // namespace

void add_serve_command(CLI::App& app, const Clock& clock) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web pages and the JSON API");
  cmd->add_option("--db", opts->db, "Database: sqlite:PATH or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--listen", opts->listen, "Address and port to listen on (port 0: any free port)")
      ->capture_default_str();
  cmd->add_option("--static", opts->static_dir, "Folder of built web assets")
      ->capture_default_str();
  cmd->add_option("--key", opts->key, "Secret key file (created if missing)")
      ->capture_default_str();
  cmd->add_option("--media", opts->media_dir, "Folder of the media library's images")
      ->capture_default_str();
  cmd->add_option("--evidence", opts->evidence_dir,
                  "Folder of the files kept as evidence on concerns")
      ->capture_default_str();
  cmd->add_flag("--secure-cookies", opts->secure_cookies,
                "Mark cookies Secure (when served over HTTPS)");
  cmd->add_option("--workers", opts->workers, "Threads for request handling")
      ->capture_default_str();
  cmd->add_option("--access-log", opts->access_log,
                  "Write a line per request (method, route, status, duration, request id) to FILE, "
                  "or - for standard output");
  cmd->callback([opts, &clock] {
    auto colon = opts->listen.rfind(':');
    if (colon == std::string::npos) {
      std::cerr << "error: --listen needs ADDRESS:PORT, e.g. 127.0.0.1:8080\n";
      return set_exit_code(2);
    }
    web::ServerOptions server_opts;
    server_opts.address = opts->listen.substr(0, colon);
    server_opts.port = static_cast<uint16_t>(std::atoi(opts->listen.c_str() + colon + 1));
    server_opts.worker_threads = opts->workers;

    auto db = open_database(opts->db);
    auto key = load_key(opts->key);
    if (!db || !key) return set_exit_code(2);
    std::shared_ptr<spdlog::logger> access_log;
    if (!opts->access_log.empty()) {
      auto opened = web::RequestLog::access_log_file(opts->access_log);
      if (!opened.ok()) {
        print_error(opened.error());
        return set_exit_code(2);
      }
      access_log = std::move(opened).value();
    }
    UserAccounts accounts(*db, clock, *key, AuthSettings{});
    web::Templates templates;
    web::Metrics metrics;
    SchoolCheckers checkers;
    web::App app(web::AppContext{
        *db, clock, accounts, *key, templates, metrics,
        web::AppConfig{opts->static_dir, opts->secure_cookies, opts->media_dir, opts->evidence_dir},
        checkers, web::RequestLog(nullptr, access_log)});
    web::HttpServer server(
        server_opts,
        [&app](web::HttpRequest&& r, const std::string& remote) {
          return app.handle(std::move(r), remote);
        },
        [&metrics](unsigned status) { metrics.record_rejected(status); });
    if (auto s = server.start(); !s.ok()) {
      print_error(s.error());
      return set_exit_code(2);
    }
    std::cout << "inloco is serving " << db->describe() << " on http://" << server_opts.address
              << ":" << server.port() << "/ (Ctrl-C to stop)" << std::endl;
    server.wait_for_signal();
    std::cout << "inloco stopped." << std::endl;
  });
}

}  // namespace inloco::cli
