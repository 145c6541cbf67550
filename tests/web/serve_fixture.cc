#include "serve_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace baoku::testing {

std::string Tool(const std::string& module, const std::string& name) {
  return (BinaryDir() / module / name).string();
}

std::vector<std::string> ServeCommand(const std::filesystem::path& db) {
  return {Tool("web", "baoku-serve"),
          "--db",
          db.string(),
          "--port",
          "0",
          "--quiet"};
}

int ReadServePort(ChildProcess& server) {
  std::string line = server.ReadLine(20000);
  std::smatch m;
  if (!std::regex_search(line, m,
                         std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) {
    return 0;
  }
  return std::stoi(m[1]);
}

namespace {
std::vector<std::string> WithExtra(std::vector<std::string> argv,
                                   const std::vector<std::string>& extra) {
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}
}  // namespace

ServeProcess::ServeProcess(const std::filesystem::path& db,
                           const std::vector<std::string>& extra)
    : child_(WithExtra(ServeCommand(db), extra)) {
  port_ = ReadServePort(child_);
  if (port_ == 0) throw std::runtime_error("baoku-serve did not start");
}

int ServeProcess::Stop() { return child_.Stop(SIGTERM); }

int ConnectLoopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

std::string RawHttp(int port, const std::string& request, int timeout_ms) {
  int fd = ConnectLoopback(port);
  if (fd < 0) {
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  // The server may answer (and close) before it has read everything.
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n =
        send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string response;
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) break;
    char buf[4096];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    response.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return response;
}

// A figure from /proc/PID/status, in KiB.
long ProcStatusKib(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0)
      return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

std::string Gunzip(const std::string& data) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) {
    throw std::runtime_error("inflateInit2 failed");
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  int status = Z_OK;
  while (status == Z_OK) {
    char chunk[16 * 1024];
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - z.avail_out);
  }
  inflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("not a gzip member");
  return out;
}

}  // namespace baoku::testing
