#include "baoku/web/server.h"

#include <httplib.h>
#include <xapian.h>

#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace baoku::web {

struct Server::Impl {
  const Api& api;
  ServerOptions options;
  httplib::Server http;
  std::mutex log_mutex;
};

namespace {

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
  to.set_header("X-Content-Type-Options", "nosniff");
  to.set_header("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; "
                "style-src 'self' 'unsafe-inline'");
}

}  // namespace

Server::Server(const Api& api, ServerOptions options)
    : impl_(new Impl{api, std::move(options), {}, {}}) {
  Impl& impl = *impl_;
  int threads = impl.options.threads;
  if (threads <= 0) {
    threads =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  impl.http.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  impl.http.set_payload_max_length(64 * 1024);
  impl.http.set_read_timeout(10, 0);
  impl.http.set_write_timeout(10, 0);

  auto handle = [&impl](const httplib::Request& req, httplib::Response& res) {
    Write(impl.api.Handle(ToPlain(req)), res);
  };
  impl.http.Get(".*", handle);
  impl.http.set_exception_handler([](const httplib::Request&,
                                     httplib::Response& res,
                                     std::exception_ptr error) {
    std::string what = "internal error";
    try {
      std::rethrow_exception(error);
    } catch (const Xapian::Error& e) {
      what = "index error: " + e.get_description();
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
