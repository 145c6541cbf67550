#include "baoku/web/server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "baoku/search/searcher.h"

namespace baoku::web {

struct Server::Impl {
  const Api& api;
  ServerOptions options;
  httplib::Server http;
  std::mutex log_mutex;
};

namespace {

// A search needs no request body; 64 KiB is ample for any future form.
constexpr size_t kMaxRequestBody = 64 * 1024;

HttpRequest ToPlain(const httplib::Request& req) {
  HttpRequest plain;
  plain.method = req.method;
  plain.path = req.path;
  for (const auto& [key, value] : req.params) plain.params.emplace(key, value);
  return plain;
}

void Write(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  to.set_content(from.body, from.content_type.c_str());
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
      return "malformed request";
    case 404:
      return "no such page";
    case 413:
      return "request body larger than " + std::to_string(kMaxRequestBody) +
             " bytes";
    case 414:
      return "request line longer than " +
             std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH) +
             " bytes: shorten the query";
    default:
      return "request refused";
  }
}

}  // namespace

Server::Server(const Api& api, ServerOptions options)
    : impl_(new Impl{api, std::move(options), {}, {}}) {
  Impl& impl = *impl_;
  int threads = impl.options.threads;
  if (threads <= 0) {
    // A connection holds its worker while it idles between keep-alive
    // requests or stalls mid-request, so the pool is larger than the cores:
    // a few slow clients must not stop everyone else being served.
    int cores =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::max(8, 4 * cores);
  }
  impl.http.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  impl.http.set_payload_max_length(kMaxRequestBody);
  // A client that stalls mid-request, or idles between keep-alive requests,
  // holds a worker thread: release it soon (slowloris).
  impl.http.set_read_timeout(5, 0);
  impl.http.set_write_timeout(10, 0);
  impl.http.set_keep_alive_timeout(2);
  // Without TCP_NODELAY every request after the first on a keep-alive
  // connection waited about 40 ms: the response goes out in two writes and
  // Nagle holds the second until the client's delayed ACK (measured: 4.4 ms
  // on a new connection, 44 ms on a reused one; docs/BENCHMARKS.md).
  impl.http.set_tcp_nodelay(true);
  impl.http.set_default_headers(SecurityHeaders());

  auto handle = [&impl](const httplib::Request& req, httplib::Response& res) {
    Write(impl.api.Handle(ToPlain(req)), res);
  };
  impl.http.Get(".*", handle);
  // Other methods get the Api's 405 rather than httplib's bare 404.
  impl.http.Post(".*", handle);
  impl.http.Put(".*", handle);
  impl.http.Patch(".*", handle);
  impl.http.Delete(".*", handle);
  impl.http.Options(".*", handle);
  impl.http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        // Errors the Api made carry their JSON body already.
        if (!res.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        Write(ErrorResponse(res.status, "", HttpErrorMessage(res.status)), res);
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
  if (impl.options.access_log) {
    impl.http.set_logger(
        [&impl](const httplib::Request& req, const httplib::Response& res) {
          std::lock_guard<std::mutex> lock(impl.log_mutex);
          *impl.options.access_log << req.remote_addr << " " << req.method
                                   << " " << req.target << " " << res.status
                                   << " " << res.body.size() << std::endl;
        });
  }
}

Server::~Server() = default;

int Server::Bind() {
  Impl& impl = *impl_;
  if (impl.options.port == 0) {
    int port = impl.http.bind_to_any_port(impl.options.bind);
    if (port > 0) return port;
  } else if (impl.http.bind_to_port(impl.options.bind, impl.options.port)) {
    return impl.options.port;
  }
  throw std::runtime_error("cannot listen on " + impl.options.bind + ":" +
                           std::to_string(impl.options.port) +
                           " (address in use or not available)");
}

bool Server::Run() { return impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace baoku::web
