// baoku-serve: the JSON API and web UI over a baoku index.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/searcher.h"
#include "baoku/web/api.h"
#include "baoku/web/server.h"

#ifndef BAOKU_DEFAULT_STATIC_DIR
#define BAOKU_DEFAULT_STATIC_DIR "web/static"
#endif

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
                 "Worker threads, one per open connection (0: 4 per core, at "
                 "least 8)")
      ->check(CLI::Range(0, 256));
  app.add_option("--static", static_dir, "Folder of the web UI files")
      ->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "No access log");
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
    baoku::web::Server server(api, options);
    int port = server.Bind();
    std::cout << "baoku-serve: serving " << db << " on http://" << options.bind
              << ":" << port << "/" << std::endl;
    std::thread signal_waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      std::cerr << "baoku-serve: signal " << sig << ", shutting down"
                << std::endl;
      server.Stop();
    });
    bool ok = server.Run();
    // Wake the signal thread if the server stopped on its own.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "baoku-serve: " << e.what() << "\n";
    return 3;
  }
}
