// baoku-serve as a child process for HTTP-level tests, and raw HTTP
// exchanges for requests a well-behaved client library would not send.
#ifndef BAOKU_TESTS_WEB_SERVE_FIXTURE_H_
#define BAOKU_TESTS_WEB_SERVE_FIXTURE_H_

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace baoku::testing {

// A built tool: BinaryDir()/module/name.
std::string Tool(const std::string& module, const std::string& name);

// baoku-serve --db `db` --port 0 --quiet `extra...`, killed on destruction.
class ServeProcess {
 public:
  explicit ServeProcess(const std::filesystem::path& db,
                        const std::vector<std::string>& extra = {});
  int port() const { return port_; }
  pid_t pid() const { return child_.pid(); }
  // Sends SIGTERM and waits; returns the exit status.
  int Stop();

 private:
  ChildProcess child_;
  int port_ = 0;
};

// The baoku-serve command line (for the e2e test's own ChildProcess).
std::vector<std::string> ServeCommand(const std::filesystem::path& db);

// Reads the port from baoku-serve's first line ("... http://127.0.0.1:N/");
// 0 when the line does not come within 20 s.
int ReadServePort(ChildProcess& server);

// A figure from /proc/PID/status (VmRSS, VmHWM...), in KiB; -1 if absent.
long ProcStatusKib(pid_t pid, const std::string& field);

// A socket connected to 127.0.0.1:`port`; -1 when it cannot connect.
int ConnectLoopback(int port);

// Connects to 127.0.0.1:`port`, sends `request` as is and returns all the
// server sends until it closes the connection or `timeout_ms` pass.
std::string RawHttp(int port, const std::string& request,
                    int timeout_ms = 10000);

// How many times `what` occurs in `text`.
size_t Count(const std::string& text, const std::string& what);

// A gzip member inflated; throws std::runtime_error when it is not one.
std::string Gunzip(const std::string& data);

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_WEB_SERVE_FIXTURE_H_
