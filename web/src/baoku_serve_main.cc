// baoku-serve: the JSON API and web UI over a baoku index.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/searcher.h"
#include "baoku/web/api.h"
#include "baoku/web/server.h"

#ifndef BAOKU_DEFAULT_STATIC_DIR
#define BAOKU_DEFAULT_STATIC_DIR "web/static"
#endif

namespace {

// The index part of /metrics: its revision, its articles and the time of its
// last commit (the newest file in the index folder: a batch commits at its
// end), in the Prometheus text format.
std::string IndexMetrics(baoku::search::Searcher& searcher,
                         const std::filesystem::path& db) {
  std::filesystem::file_time_type newest{};
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(db, ec);
       !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    std::error_code time_ec;
    auto t = it->last_write_time(time_ec);
    if (!time_ec) newest = std::max(newest, t);
  }
  auto commit = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::file_clock::to_sys(newest).time_since_epoch())
                    .count();
  return "# HELP baoku_index_revision Revision of the index read.\n"
         "# TYPE baoku_index_revision gauge\n"
         "baoku_index_revision " +
         std::to_string(searcher.Revision()) +
         "\n# HELP baoku_index_documents Articles in the index.\n"
         "# TYPE baoku_index_documents gauge\n"
         "baoku_index_documents " +
         std::to_string(searcher.ArticleCount()) +
         "\n# HELP baoku_index_last_commit_timestamp_seconds When the last "
         "batch committed (Unix time).\n"
         "# TYPE baoku_index_last_commit_timestamp_seconds gauge\n"
         "baoku_index_last_commit_timestamp_seconds " +
         std::to_string(commit) + "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"baoku-serve: search API and web UI for a baoku index"};
  baoku::web::ApiConfig config;
  baoku::web::ServerOptions options;
  std::string db;
  std::string static_dir = BAOKU_DEFAULT_STATIC_DIR;
  bool quiet = false;
  app.add_option("--db", db, "Index directory")->required();
  app.add_option("--bind", options.bind, "Address to listen on")
      ->capture_default_str();
  app.add_option("--port", options.port, "Port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--threads", options.threads,
                 "Worker threads, each serving one complete request at a time "
                 "(0: 2 per core, at least 4)")
      ->check(CLI::Range(0, 256));
  app.add_option("--max-connections", options.max_connections,
                 "Open connections at most; past it the longest idle one is "
                 "closed")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  app.add_option("--max-queue", options.max_queue,
                 "Complete requests waiting for a worker at most; past it a "
                 "request is answered 503 at once (0: 16 per worker)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  app.add_option("--static", static_dir, "Folder of the web UI files")
      ->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "No access log");
  app.add_option("--cors-origin", config.cors_origins,
                 "An origin (scheme://host[:port]) whose pages may call the "
                 "API from a browser; repeat for several (default: none)")
      ->check([](const std::string& origin) -> std::string {
        size_t scheme = origin.find("://");
        bool ok = (origin.rfind("http://", 0) == 0 ||
                   origin.rfind("https://", 0) == 0) &&
                  origin.size() > scheme + 3 &&
                  origin.find('/', scheme + 3) == std::string::npos;
        return ok ? ""
                  : "not an origin such as http://intranet:8080: " + origin;
      });
  app.add_option("--saved-searches", config.saved_searches,
                 "The saved-search store, an SQLite file in a writable "
                 "folder (default: beside the index, DB.searches.sqlite)")
      ->check([](const std::string& path) -> std::string {
        auto folder = std::filesystem::absolute(path).parent_path();
        return std::filesystem::is_directory(folder)
                   ? ""
                   : "no such folder for the saved searches: " +
                         folder.string();
      });
  CLI11_PARSE(app, argc, argv);
  config.db = db;
  config.static_dir = static_dir;
  if (!quiet) options.access_log = &std::cerr;

  // Signals are taken by a thread of their own so that shutdown runs
  // ordinary code, not a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  try {
    baoku::corpus::TextAnalyzer analyzer;
    {
      baoku::search::Searcher check(db, analyzer);  // Fails fast on a bad db.
    }
    baoku::web::Api api(config);
    options.index_metrics = [&db, &analyzer] {
      baoku::search::Searcher searcher(db, analyzer);
      return IndexMetrics(searcher, db);
    };
    baoku::web::Server server(api, options);
    int port = server.Bind();
    std::cout << "baoku-serve: serving " << db << " on http://" << options.bind
              << ":" << port << "/" << std::endl;
    std::atomic<bool> stop_requested{false};
    std::thread signal_waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      std::cerr << "baoku-serve: signal " << sig << ", shutting down"
                << std::endl;
      stop_requested = true;
      server.Stop();
    });
    bool ok = server.Run();
    if (!ok && stop_requested) {
      // Requests still running past the shutdown deadline: leave without
      // waiting for them (the server's destructor would).
      std::cerr << "baoku-serve: requests still running after the shutdown "
                   "timeout; exiting"
                << std::endl;
      std::_Exit(1);
    }
    // Wake the signal thread if the server stopped on its own.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "baoku-serve: " << e.what() << "\n";
    return 3;
  }
}
