#include "baoku/web/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "baoku/search/searcher.h"
#include "compression.h"
#include "metrics.h"

namespace baoku::web {

using Clock = std::chrono::steady_clock;

namespace {

// A search needs no request body; 64 KiB is ample for any future form.
constexpr size_t kMaxRequestBody = 64 * 1024;
// The longest request line served. httplib (a compiled library, its limit
// fixed at CPPHTTPLIB_REQUEST_URI_MAX_LENGTH, 8,192 bytes) answers 414
// past its own; a query of kMaxQueryChars Chinese characters takes 9,000
// bytes percent-encoded, so a GET line longer than httplib's is handed to
// it as a POST whose body is the query string (LiftLongRequestLine).
constexpr size_t kMaxRequestLine = 32 * 1024;
// The request line and the header lines together. A request that is larger
// still goes to httplib, which reads the rest (within the request's
// deadline) and answers 414 or 400.
constexpr size_t kMaxHeaderBytes = kMaxRequestLine + 16 * 1024;
// Marks a request LiftLongRequestLine() rewrote; ToPlain() restores GET.
constexpr const char* kLiftedHeader = "X-Baoku-Lifted-Get";
// Requests one keep-alive connection may make before it is closed: enough
// that a client (a browser, a load balancer, wrk) rarely reconnects; a
// limit all the same, so that no connection is held for ever.
constexpr int kMaxRequestsPerConnection = 1000;
// The default queue bound: requests waiting per worker. A search takes a
// few milliseconds, so 16 per worker is well inside queue_timeout.
constexpr int kQueuedPerWorker = 16;

// "%E7%94%B5" and "+" decoded; a bad escape stays as typed.
std::string PercentDecoded(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
               hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The key=value pairs of a query string (a lifted request's body: httplib
// decodes form bodies only up to 8,192 bytes).
std::vector<std::pair<std::string, std::string>> FormPairs(
    std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? "" : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    pairs.emplace_back(PercentDecoded(pair.substr(0, eq)),
                       eq == std::string_view::npos
                           ? std::string()
                           : PercentDecoded(pair.substr(eq + 1)));
  }
  return pairs;
}

HttpRequest ToPlain(const httplib::Request& req) {
  HttpRequest plain;
  plain.method = req.method;
  plain.path = req.path;
  for (const auto& [key, value] : req.params) plain.params.emplace(key, value);
  plain.if_none_match = req.get_header_value("If-None-Match");
  if (req.method == "POST" && req.has_header(kLiftedHeader)) {
    plain.method = "GET";
    for (auto& [key, value] : FormPairs(req.body)) {
      plain.params.emplace(std::move(key), std::move(value));
    }
  }
  plain.accept = req.get_header_value("Accept");
  plain.origin = req.get_header_value("Origin");
  plain.host = req.get_header_value("Host");
  return plain;
}

void Write(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  // A 304 has no body, so no Content-Type either.
  if (from.status != 304) to.set_content(from.body, from.content_type.c_str());
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
}

// On every response, also the ones httplib makes itself (414, 413, 400):
// the UI loads nothing from elsewhere and may not be framed; responses are
// never sniffed as another type; no URL (with its query) leaks to links.
httplib::Headers SecurityHeaders() {
  return {
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; "
       "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; "
       "base-uri 'none'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
  };
}

// The message of an error httplib answers before any handler runs.
std::string HttpErrorMessage(int status) {
  switch (status) {
    case 400:
      return "请求格式有误";
    case 404:
      return "没有这个页面";
    case 413:
      return "请求内容太大(超过 " + std::to_string(kMaxRequestBody / 1024) +
             " KB)";
    case 414:
      return "请求地址太长(超过 " + std::to_string(kMaxRequestLine / 1024) +
             " KB)：请缩短查询，查询最多 1000 个字";
    case 416:
      return "Range 请求头格式有误";
    default:
      return "请求被拒绝";
  }
}

// The route a request is counted under in /metrics: a bounded set, so that
// no client can add labels.
std::string RouteLabel(const std::string& path, int status) {
  if (Api::IsApiRoute(path) || path == "/healthz" || path == "/metrics") {
    return path;
  }
  if (path.rfind("/static/", 0) == 0) return "/static/";
  return status == 200 ? "ui" : "other";
}

std::string AddressOf(const sockaddr_storage& addr) {
  char text[INET6_ADDRSTRLEN] = "-";
  if (addr.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr,
              text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr,
              text, sizeof text);
  }
  return text;
}

int PortOf(const sockaddr_storage& addr) {
  if (addr.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
  }
  if (addr.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
  }
  return 0;
}

// Waits until `fd` is ready for `events`, at most until `deadline`.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - Clock::now())
                    .count();
    if (left <= 0) return false;
    pollfd p{fd, events, 0};
    int n = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (n > 0) return true;
    if (n < 0 && errno != EINTR) return false;
  }
}

// A connection between requests: its socket, the bytes read so far and
// when it must have sent its next request.
struct Connection {
  int fd = -1;
  std::string buffer;
  Clock::time_point deadline;
  Clock::time_point idle_since;
  bool started = false;  // Some bytes of the next request have come.
  int served = 0;        // Requests answered on it.
};

// httplib reads the request from what the waiting thread read, and then
// from the socket until the request's deadline; it writes to the socket
// within the write timeout.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(Connection& conn, Clock::time_point write_deadline)
      : conn_(conn), write_deadline_(write_deadline) {}

  bool is_readable() const override {
    return pos_ < conn_.buffer.size() ||
           WaitFor(conn_.fd, POLLIN, conn_.deadline);
  }
  bool is_writable() const override {
    return WaitFor(conn_.fd, POLLOUT, write_deadline_);
  }
  ssize_t read(char* ptr, size_t size) override {
    if (pos_ < conn_.buffer.size()) {
      size_t n = std::min(size, conn_.buffer.size() - pos_);
      std::memcpy(ptr, conn_.buffer.data() + pos_, n);
      pos_ += n;
      return static_cast<ssize_t>(n);
    }
    for (;;) {
      if (!WaitFor(conn_.fd, POLLIN, conn_.deadline)) return -1;
      ssize_t n = recv(conn_.fd, ptr, size, 0);
      if (n >= 0 || (errno != EAGAIN && errno != EINTR)) return n;
    }
  }
  ssize_t write(const char* ptr, size_t size) override {
    size_t done = 0;
    while (done < size) {
      ssize_t n = send(conn_.fd, ptr + done, size - done, MSG_NOSIGNAL);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        if (!WaitFor(conn_.fd, POLLOUT, write_deadline_)) return -1;
      } else {
        return -1;
      }
    }
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    AddressAndPort(getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    AddressAndPort(getsockname, ip, port);
  }
  socket_t socket() const override { return conn_.fd; }

  // The bytes read past this request (a pipelined next one).
  std::string Leftover() const { return conn_.buffer.substr(pos_); }

 private:
  void AddressAndPort(int (*get)(int, sockaddr*, socklen_t*), std::string& ip,
                      int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    get(conn_.fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ip = AddressOf(addr);
    port = PortOf(addr);
  }

  Connection& conn_;
  Clock::time_point write_deadline_;
  size_t pos_ = 0;
};

// httplib::Server, with its request processing (protected) called on
// connections this server reads.
class HttpCore : public httplib::Server {
 public:
  bool Serve(httplib::Stream& stream, bool close_connection,
             bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed,
                           [](httplib::Request& req) {
                             // Range is ignored on every answer (RFC 9110
                             // allows it): ranges make no sense for API
                             // answers, the UI files are small, and httplib
                             // built a multipart body of every range in memory
                             // (`bytes=0-,0-,...` ×2,700 on /api/export: 1.54
                             // GB answered).
                             req.ranges.clear();
                           });
  }
};

}  // namespace

bool LiftLongRequestLine(std::string& buffer) {
  size_t line_end = buffer.find("\r\n");
  if (line_end == std::string::npos ||
      line_end + 2 <= CPPHTTPLIB_REQUEST_URI_MAX_LENGTH ||
      line_end > kMaxRequestLine) {
    return false;
  }
  std::string_view line(buffer.data(), line_end);
  size_t space = line.find(' ');
  size_t last_space = line.rfind(' ');
  if (space == std::string_view::npos || last_space <= space) return false;
  std::string_view method = line.substr(0, space);
  std::string_view target = line.substr(space + 1, last_space - space - 1);
  std::string_view version = line.substr(last_space + 1);
  size_t question = target.find('?');
  if ((method != "GET" && method != "HEAD") ||
      question == std::string_view::npos) {
    return false;
  }
  size_t head_end = buffer.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  // No header lines: the request line's CRLF is the blank line's start.
  std::string headers =
      head_end > line_end ? buffer.substr(line_end + 2, head_end - line_end - 2)
                          : std::string();
  std::string lower = "\r\n" + headers;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  if (lower.find("\r\ncontent-length:") != std::string::npos ||
      lower.find("\r\ntransfer-encoding:") != std::string::npos ||
      lower.find("\r\ncontent-type:") != std::string::npos) {
    return false;  // A GET with a body: httplib judges it as sent.
  }
  std::string query(target.substr(question + 1));
  std::string rewritten = "POST " + std::string(target.substr(0, question)) +
                          " " + std::string(version) + "\r\n" + headers +
                          (headers.empty() ? "" : "\r\n") + kLiftedHeader +
                          ": 1\r\nContent-Type: text/plain\r\n"
                          "Content-Length: " +
                          std::to_string(query.size()) + "\r\n\r\n" + query;
  buffer = rewritten + buffer.substr(head_end + 4);
  return true;
}

namespace {

// The length of the request at the start of `buffer` once it is all there
// (header, and a body of Content-Length), or 0 while more must come. A
// request httplib must judge (too large, chunked) counts as complete.
size_t CompleteRequestLength(const std::string& buffer) {
  size_t end = buffer.find("\r\n\r\n");
  if (end == std::string::npos) {
    return buffer.size() >= kMaxHeaderBytes ? buffer.size() : 0;
  }
  size_t header = end + 4;
  std::string head = buffer.substr(0, header);
  for (char& c : head) c = static_cast<char>(std::tolower(c));
  if (head.find("\r\ntransfer-encoding:") != std::string::npos) return header;
  size_t at = head.find("\r\ncontent-length:");
  if (at == std::string::npos) return header;
  size_t length = std::strtoull(head.c_str() + at + 17, nullptr, 10);
  if (length > kMaxRequestBody) return header;  // httplib answers 413.
  return buffer.size() >= header + length ? header + length : 0;
}

void CloseSocket(int fd) {
  shutdown(fd, SHUT_RDWR);
  close(fd);
}

// A best-effort short answer to a connection that is being dropped.
void SendAndClose(int fd, int status, const std::string& reason,
                  const std::string& message) {
  std::string body =
      "{\"error\":{\"parameter\":\"\",\"message\":\"" + message + "\"}}";
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                     "\r\nContent-Type: application/json; charset=utf-8\r\n"
                     "Content-Length: " +
                     std::to_string(body.size()) + "\r\nConnection: close\r\n";
  for (const auto& [name, value] : SecurityHeaders()) {
    head += name + ": " + value + "\r\n";
  }
  std::string all = head + "\r\n" + body;
  ssize_t ignored = send(fd, all.data(), all.size(), MSG_NOSIGNAL);
  (void)ignored;
  CloseSocket(fd);
}

std::string Escaped(const std::string& text) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string OrDash(const std::string& text) {
  return text.empty() ? "-" : Escaped(text);
}

// The calling worker's current request: set before httplib processes it,
// read by the logger that httplib calls on the same thread.
thread_local Clock::time_point request_start;
thread_local int request_status;

// After these the rest of the connection's bytes cannot be trusted to start
// a request: close it.
bool EndsConnection(int status) {
  return status == 400 || status == 408 || status == 413 || status == 414 ||
         status == 416;
}

}  // namespace

std::string CombinedLogLine(const std::string& remote_addr,
                            std::chrono::system_clock::time_point when,
                            const std::string& request_line, int status,
                            size_t bytes, const std::string& referer,
                            const std::string& user_agent) {
  std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char time_text[40];
  std::strftime(time_text, sizeof time_text, "[%d/%b/%Y:%H:%M:%S +0000]", &utc);
  return OrDash(remote_addr) + " - - " + time_text + " \"" +
         Escaped(request_line) + "\" " + std::to_string(status) + " " +
         std::to_string(bytes) + " \"" + OrDash(referer) + "\" \"" +
         OrDash(user_agent) + "\"";
}

struct Server::Impl {
  const Api& api;
  ServerOptions options;
  HttpCore http;
  RequestMetrics metrics;
  std::mutex log_mutex;

  int listen_fd = -1;
  int wake_fd = -1;   // eventfd: Stop(), or connections given back.
  int epoll_fd = -1;  // The waiting thread's.
  std::atomic<bool> stopping{false};
  std::atomic<int> open_connections{0};

  // Complete requests waiting for a worker.
  struct Task {
    Connection conn;
    Clock::time_point queued;
  };
  std::mutex queue_mutex;
  std::condition_variable queue_ready;
  std::deque<Task> queue;
  int busy = 0;       // Workers serving a request (under queue_mutex).
  int max_queue = 0;  // Complete requests waiting at most (set by Run()).
  std::condition_variable idle;
  std::vector<std::thread> workers;

  // Connections the workers hand back for their next request.
  std::mutex back_mutex;
  std::vector<Connection> given_back;

  Impl(const Api& a, ServerOptions o) : api(a), options(std::move(o)) {}

  void Wake() {
    uint64_t one = 1;
    ssize_t ignored = ::write(wake_fd, &one, sizeof one);
    (void)ignored;
  }
  void Close(Connection& conn) {
    CloseSocket(conn.fd);
    conn.fd = -1;
    --open_connections;
  }
  void Work();
  void Serve(Task task);
  bool Loop();
};

void Server::Impl::Work() {
  for (;;) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(queue_mutex);
      queue_ready.wait(lock, [&] { return !queue.empty() || stopping; });
      if (queue.empty()) return;
      task = std::move(queue.front());
      queue.pop_front();
      ++busy;
    }
    Serve(std::move(task));
    {
      std::lock_guard<std::mutex> lock(queue_mutex);
      --busy;
    }
    idle.notify_all();
  }
}

void Server::Impl::Serve(Task task) {
  Connection& conn = task.conn;
  request_start = Clock::now();
  if (request_start - task.queued > options.queue_timeout) {
    // Shed load rather than answer a client that has long given up.
    metrics.Record("other", 503, 0);
    SendAndClose(conn.fd, 503, "Service Unavailable",
                 "server busy: try again shortly");
    --open_connections;
    return;
  }
  LiftLongRequestLine(conn.buffer);
  ConnectionStream stream(conn, request_start + options.write_timeout);
  bool closed = false;
  bool last = stopping || conn.served + 1 >= kMaxRequestsPerConnection;
  request_status = 0;
  bool ok = http.Serve(stream, last, closed);
  ++conn.served;
  if (!ok || closed || last || stopping || EndsConnection(request_status)) {
    Close(conn);
    return;
  }
  conn.buffer = stream.Leftover();
  conn.started = false;
  {
    std::lock_guard<std::mutex> lock(back_mutex);
    given_back.push_back(std::move(conn));
  }
  Wake();
}

// The waiting thread: accepts connections, reads them until a request is
// complete, drops those past their deadline.
bool Server::Impl::Loop() {
  std::unordered_map<int, Connection> waiting;
  auto watch = [&](Connection conn) {
    auto now = Clock::now();
    conn.idle_since = now;
    conn.deadline = now + options.idle_timeout;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = conn.fd;
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, conn.fd, &ev);
    int fd = conn.fd;
    waiting[fd] = std::move(conn);
  };
  auto hand_over = [&](Connection& conn) {
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, conn.fd, nullptr);
    bool full = false;
    {
      std::lock_guard<std::mutex> lock(queue_mutex);
      full = static_cast<int>(queue.size()) >= max_queue;
      if (!full) queue.push_back({std::move(conn), Clock::now()});
    }
    if (full) {
      // Past the bound a request would wait longer than clients do: say so
      // at once.
      metrics.Record("other", 503, 0);
      SendAndClose(conn.fd, 503, "Service Unavailable",
                   "server busy: try again shortly");
      conn.fd = -1;
      --open_connections;
      return;
    }
    queue_ready.notify_one();
  };
  // Whether a request of `conn` is complete (then it goes to a worker).
  auto check_complete = [&](int fd) {
    Connection& conn = waiting.at(fd);
    if (!conn.buffer.empty() && !conn.started) {
      conn.started = true;
      conn.deadline = Clock::now() + options.header_timeout;
    }
    if (CompleteRequestLength(conn.buffer) > 0) {
      hand_over(conn);
      waiting.erase(fd);
    }
  };
  auto drop = [&](int fd) {
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    Close(waiting.at(fd));
    waiting.erase(fd);
  };
  // Room for a new connection: close the longest idle one.
  auto make_room = [&] {
    int oldest = -1;
    for (const auto& [fd, conn] : waiting) {
      if (conn.started) continue;
      if (oldest < 0 || conn.idle_since < waiting.at(oldest).idle_since) {
        oldest = fd;
      }
    }
    if (oldest < 0) return false;
    drop(oldest);
    return true;
  };

  std::vector<epoll_event> events(256);
  auto last_sweep = Clock::now();
  while (!stopping) {
    int n = epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()),
                       100);
    if (n < 0 && errno != EINTR) return false;
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (fd == wake_fd) {
        uint64_t count;
        ssize_t ignored = ::read(wake_fd, &count, sizeof count);
        (void)ignored;
        std::vector<Connection> back;
        {
          std::lock_guard<std::mutex> lock(back_mutex);
          back.swap(given_back);
        }
        for (auto& conn : back) {
          int back_fd = conn.fd;
          watch(std::move(conn));
          check_complete(back_fd);
        }
      } else if (fd == listen_fd) {
        for (;;) {
          sockaddr_storage peer{};
          socklen_t len = sizeof peer;
          int client = accept4(listen_fd, reinterpret_cast<sockaddr*>(&peer),
                               &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
          if (client < 0) break;
          if (open_connections >= options.max_connections && !make_room()) {
            SendAndClose(client, 503, "Service Unavailable",
                         "too many connections: try again shortly");
            continue;
          }
          ++open_connections;
          // Without TCP_NODELAY every request after the first on a
          // keep-alive connection waited about 40 ms: the response goes out
          // in two writes and Nagle holds the second until the client's
          // delayed ACK (docs/BENCHMARKS.md).
          int on = 1;
          setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
          Connection conn;
          conn.fd = client;
          watch(std::move(conn));
        }
      } else if (auto it = waiting.find(fd); it != waiting.end()) {
        char buf[16 * 1024];
        ssize_t got = recv(fd, buf, sizeof buf, 0);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) {
          drop(fd);
          continue;
        }
        if (got > 0) {
          it->second.buffer.append(buf, static_cast<size_t>(got));
          check_complete(fd);
        }
      }
    }
    auto now = Clock::now();
    if (now - last_sweep >= std::chrono::milliseconds(100)) {
      last_sweep = now;
      std::vector<int> expired;
      for (const auto& [fd, conn] : waiting) {
        if (conn.deadline <= now) expired.push_back(fd);
      }
      for (int fd : expired) {
        Connection& conn = waiting.at(fd);
        if (conn.started) {
          // A whole header not sent in time (slowloris): say so and hang up.
          epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
          SendAndClose(fd, 408, "Request Timeout",
                       "request header not complete in time");
          --open_connections;
          waiting.erase(fd);
        } else {
          drop(fd);
        }
      }
    }
  }
  for (auto& [fd, conn] : waiting) Close(conn);
  return true;
}

Server::Server(const Api& api, ServerOptions options)
    : impl_(new Impl(api, std::move(options))) {
  Impl& impl = *impl_;
  impl.http.set_payload_max_length(kMaxRequestBody);
  impl.http.set_keep_alive_timeout(
      std::chrono::duration_cast<std::chrono::seconds>(
          impl.options.idle_timeout)
          .count());
  impl.http.set_keep_alive_max_count(kMaxRequestsPerConnection);
  impl.http.set_default_headers(SecurityHeaders());

  auto handle = [&impl](const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/metrics" &&
        (req.method == "GET" || req.method == "HEAD")) {
      std::string text = impl.metrics.Text();
      text +=
          "# HELP baoku_http_connections_open Connections open now.\n"
          "# TYPE baoku_http_connections_open gauge\n"
          "baoku_http_connections_open " +
          std::to_string(impl.open_connections.load()) + "\n";
      if (impl.options.index_metrics) text += impl.options.index_metrics();
      res.status = 200;
      res.set_content(text, "text/plain; version=0.0.4; charset=utf-8");
      return;
    }
    HttpResponse answer = impl.api.Handle(ToPlain(req));
    // JSON is gzipped here (httplib compresses only text/* itself).
    if (answer.content_type.rfind("application/json", 0) == 0) {
      answer.headers.push_back({"Vary", "Accept-Encoding"});
      if (answer.body.size() >= internal::kMinGzipBytes &&
          internal::AcceptsGzip(req.get_header_value("Accept-Encoding"))) {
        if (auto gzipped = internal::Gzip(answer.body)) {
          answer.body = std::move(*gzipped);
          answer.headers.push_back({"Content-Encoding", "gzip"});
        }
      }
    }
    Write(answer, res);
  };
  impl.http.Get(".*", handle);
  // Other methods get the Api's 405 rather than httplib's bare 404.
  impl.http.Post(".*", handle);
  impl.http.Put(".*", handle);
  impl.http.Patch(".*", handle);
  impl.http.Delete(".*", handle);
  impl.http.Options(".*", handle);
  impl.http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        // Errors the Api made carry their JSON body already.
        if (!res.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        std::string message = HttpErrorMessage(res.status);
        // A browser that followed a link gets a page, a script JSON.
        bool page = WantsHtml(req.get_header_value("Accept")) &&
                    req.path.rfind("/api/", 0) != 0;
        Write(page ? HtmlErrorPage(res.status, message, message)
                   : ErrorResponse(res.status, "", message),
              res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  impl.http.set_exception_handler([](const httplib::Request&,
                                     httplib::Response& res,
                                     std::exception_ptr error) {
    std::string what = "internal error";
    try {
      std::rethrow_exception(error);
    } catch (const search::IndexError& e) {
      what = std::string("index error: ") + e.what();
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    Write(ErrorResponse(500, "", what), res);
  });
  impl.http.set_logger([&impl](const httplib::Request& req,
                               const httplib::Response& res) {
    double seconds =
        std::chrono::duration<double>(Clock::now() - request_start).count();
    request_status = res.status;
    impl.metrics.Record(RouteLabel(req.path, res.status), res.status, seconds);
    if (!impl.options.access_log) return;
    std::string line = CombinedLogLine(
        req.remote_addr, std::chrono::system_clock::now(),
        req.method + " " + req.target + " " + req.version, res.status,
        res.body.size(), req.get_header_value("Referer"),
        req.get_header_value("User-Agent"));
    std::lock_guard<std::mutex> lock(impl.log_mutex);
    *impl.options.access_log << line << std::endl;
  });
}

Server::~Server() {
  Impl& impl = *impl_;
  impl.stopping = true;
  {
    std::lock_guard<std::mutex> lock(impl.queue_mutex);
    impl.queue_ready.notify_all();
  }
  for (auto& worker : impl.workers) {
    if (worker.joinable()) worker.join();
  }
  for (int fd : {impl.listen_fd, impl.wake_fd, impl.epoll_fd}) {
    if (fd >= 0) close(fd);
  }
}

int Server::Bind() {
  Impl& impl = *impl_;
  auto fail = [&] {
    throw std::runtime_error("cannot listen on " + impl.options.bind + ":" +
                             std::to_string(impl.options.port) +
                             " (address in use or not available)");
  };
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string port = std::to_string(impl.options.port);
  if (getaddrinfo(impl.options.bind.c_str(), port.c_str(), &hints, &found) !=
      0) {
    fail();
  }
  for (addrinfo* a = found; a != nullptr && impl.listen_fd < 0;
       a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    a->ai_protocol);
    if (fd < 0) continue;
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1024) == 0) {
      impl.listen_fd = fd;
    } else {
      close(fd);
    }
  }
  freeaddrinfo(found);
  if (impl.listen_fd < 0) fail();
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  getsockname(impl.listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
  impl.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  impl.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  for (int fd : {impl.listen_fd, impl.wake_fd}) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    epoll_ctl(impl.epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  }
  return PortOf(addr);
}

bool Server::Run() {
  Impl& impl = *impl_;
  int threads = impl.options.threads;
  if (threads <= 0) {
    // Workers only ever serve complete requests, so they are busy with CPU
    // (searching), not with waiting for clients: a few per core.
    int cores =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::max(4, 2 * cores);
  }
  impl.max_queue = impl.options.max_queue > 0 ? impl.options.max_queue
                                              : kQueuedPerWorker * threads;
  for (int i = 0; i < threads; ++i) {
    impl.workers.emplace_back([&impl] { impl.Work(); });
  }
  bool ok = impl.Loop();
  // Stopping: no new connections; the requests queued and running are
  // finished within the shutdown timeout.
  close(impl.listen_fd);
  impl.listen_fd = -1;
  std::unique_lock<std::mutex> lock(impl.queue_mutex);
  bool drained = impl.idle.wait_for(lock, impl.options.shutdown_timeout, [&] {
    return impl.queue.empty() && impl.busy == 0;
  });
  // Notified under the lock: a worker between its check of `stopping` and
  // its wait cannot miss it.
  impl.queue_ready.notify_all();
  lock.unlock();
  if (!drained) return false;
  for (auto& worker : impl.workers) worker.join();
  impl.workers.clear();
  return ok;
}

void Server::Stop() {
  impl_->stopping = true;
  impl_->Wake();
}

}  // namespace baoku::web
