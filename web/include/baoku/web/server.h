// baoku-serve's HTTP server: binds the Api routes to cpp-httplib.
//
// The only place (with its .cc) that includes httplib.h. httplib parses and
// answers each request; the connections are this server's own: one thread
// waits on all of them (epoll) and hands a connection to a worker only once
// its whole request header (and body) has arrived, so slow or idle clients
// hold no worker. Each request has one deadline for its whole header; a
// connection may idle between keep-alive requests for a short time; past
// `max_connections` the longest idle one is closed for a new one.
//
// Thread-safety: Run() blocks the calling thread and serves requests on a
// pool; Stop() may be called from any thread, once Bind() has succeeded.
#ifndef BAOKU_WEB_SERVER_H_
#define BAOKU_WEB_SERVER_H_

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "baoku/web/api.h"

namespace baoku::web {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;                     // 0: any free port.
  int threads = 0;                     // 0: 2 per core, at least 4.
  std::ostream* access_log = nullptr;  // Combined Log Format, when set.
  // Lines in the Prometheus text format about the index, added to /metrics
  // (e.g. baoku_index_documents); called on a worker thread, may throw.
  std::function<std::string()> index_metrics;
  // Open connections at most; past it the longest idle one is closed.
  int max_connections = 512;
  // From a request's first byte to the end of its header (and body).
  std::chrono::milliseconds header_timeout{5000};
  // Idle time allowed before a request: a new connection's first one, and
  // the next one on a keep-alive connection.
  std::chrono::milliseconds idle_timeout{2000};
  // A complete request that waited this long for a worker gets 503.
  std::chrono::milliseconds queue_timeout{5000};
  // Complete requests waiting for a worker at most (0: 16 per worker);
  // one more is answered 503 at once.
  int max_queue = 0;
  // Writing one response.
  std::chrono::milliseconds write_timeout{10000};
  // Stop(): requests running are given this long to finish.
  std::chrono::milliseconds shutdown_timeout{10000};
};

class Server {
 public:
  // `api` must outlive the server.
  Server(const Api& api, ServerOptions options);
  // Waits for the workers to finish their requests.
  ~Server();

  // Binds the listening socket; returns the port. Throws std::runtime_error
  // naming the address when it cannot bind.
  int Bind();
  // Serves until Stop(). Returns false when the server failed, or when
  // requests were still running at the end of the shutdown timeout (the
  // caller should then exit the process).
  bool Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The Combined Log Format line of one request (without "\n"), with bytes
// outside printable ASCII, '"' and '\' escaped as \xHH, \" and \\ (as
// Apache httpd does), so that no request can write control characters
// into the log.
std::string CombinedLogLine(const std::string& remote_addr,
                            std::chrono::system_clock::time_point when,
                            const std::string& request_line, int status,
                            size_t bytes, const std::string& referer,
                            const std::string& user_agent);

}  // namespace baoku::web

#endif  // BAOKU_WEB_SERVER_H_
