// The HTTP API and UI routes of baoku-serve as plain functions: a request
// struct in, a response struct out. No sockets here, so handlers are tested
// directly; web/src/server.cc binds them to cpp-httplib.
//
// Thread-safety: Api is immutable after construction; Handle() may be called
// from many threads at once (each call opens its own index reader, which
// also makes every request see the latest commit).
#ifndef BAOKU_WEB_API_H_
#define BAOKU_WEB_API_H_

#include <filesystem>
#include <map>
#include <string>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::web {

struct HttpRequest {
  std::string method = "GET";
  std::string path;
  std::multimap<std::string, std::string> params;  // Decoded query string.
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

struct ApiConfig {
  std::filesystem::path db;
  std::filesystem::path static_dir;  // The web UI's files.
};

class Api {
 public:
  explicit Api(ApiConfig config);

  // Routes: GET /healthz, /api/search?q=&offset=&limit=, /api/article?id=,
  // / and /static/<file> (the UI). Bad input is a 400 with a JSON error
  // naming the parameter; unknown paths 404. Throws only for infrastructure
  // failures (index missing or corrupt), which the server turns into 500.
  // An unreachable shard of a sharded index is a 503 naming the shard.
  HttpResponse Handle(const HttpRequest& request) const;

 private:
  HttpResponse Route(const HttpRequest& request) const;
  HttpResponse Search(const HttpRequest& request) const;
  HttpResponse Article(const HttpRequest& request) const;
  HttpResponse Health() const;
  HttpResponse StaticFile(const std::string& name) const;

  ApiConfig config_;
  corpus::TextAnalyzer analyzer_;
};

// {"error": {"parameter", "message"}} with the given status.
HttpResponse ErrorResponse(int status, const std::string& parameter,
                           const std::string& message);

}  // namespace baoku::web

#endif  // BAOKU_WEB_API_H_
