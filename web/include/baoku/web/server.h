// baoku-serve's HTTP server: binds the Api routes to cpp-httplib.
//
// The only place (with its .cc) that includes httplib.h. Thread-safety: Run()
// blocks the calling thread and serves requests on a pool; Stop() may be
// called from any thread, once Bind() has succeeded.
#ifndef BAOKU_WEB_SERVER_H_
#define BAOKU_WEB_SERVER_H_

#include <memory>
#include <ostream>
#include <string>

#include "baoku/web/api.h"

namespace baoku::web {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;                     // 0: any free port.
  int threads = 0;                     // 0: 4 per core, at least 8.
  std::ostream* access_log = nullptr;  // One line per request when set.
};

class Server {
 public:
  // `api` must outlive the server.
  Server(const Api& api, ServerOptions options);
  ~Server();

  // Binds the listening socket; returns the port. Throws std::runtime_error
  // naming the address when it cannot bind.
  int Bind();
  // Serves until Stop(). Returns false when the server failed.
  bool Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace baoku::web

#endif  // BAOKU_WEB_SERVER_H_
