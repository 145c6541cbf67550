#include "baoku/web/api.h"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/result_json.h"
#include "baoku/search/searcher.h"

namespace baoku::web {
namespace {

HttpResponse Json(int status, const nlohmann::json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

const std::string* Param(const HttpRequest& request, const std::string& key) {
  auto it = request.params.find(key);
  return it == request.params.end() ? nullptr : &it->second;
}

// Reads an integer parameter; nullopt + error response when malformed.
bool IntParam(const HttpRequest& request, const std::string& key, int& out,
              HttpResponse& error) {
  const std::string* value = Param(request, key);
  if (!value) return true;
  int parsed = 0;
  auto [ptr, ec] =
      std::from_chars(value->data(), value->data() + value->size(), parsed);
  if (ec != std::errc() || ptr != value->data() + value->size()) {
    error = ErrorResponse(400, key, "'" + *value + "' is not a whole number");
    return false;
  }
  out = parsed;
  return true;
}

std::string ContentTypeFor(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

HttpResponse ErrorResponse(int status, const std::string& parameter,
                           const std::string& message) {
  return Json(status,
              {{"error", {{"parameter", parameter}, {"message", message}}}});
}

Api::Api(ApiConfig config) : config_(std::move(config)) {}

HttpResponse Api::Handle(const HttpRequest& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    return ErrorResponse(405, "", "only GET is supported");
  }
  for (const auto& [key, value] : request.params) {
    if (!corpus::utf8::IsValid(value)) {
      return ErrorResponse(400, key, "parameter is not valid UTF-8");
    }
  }
  const std::string& path = request.path;
  if (path == "/healthz") return Health();
  if (path == "/api/search") return Search(request);
  if (path == "/api/article") return Article(request);
  if (path == "/" || path == "/index.html") return StaticFile("index.html");
  if (path.rfind("/static/", 0) == 0) return StaticFile(path.substr(8));
  return ErrorResponse(404, "", "no such page: " + path);
}

HttpResponse Api::Health() const {
  search::Searcher searcher(config_.db, analyzer_);
  return Json(200, {{"status", "ok"}, {"articles", searcher.ArticleCount()}});
}

HttpResponse Api::Search(const HttpRequest& request) const {
  search::SearchRequest query;
  const std::string* q = Param(request, "q");
  if (!q || q->empty()) return ErrorResponse(400, "q", "missing query 'q'");
  query.query = *q;
  HttpResponse error;
  if (!IntParam(request, "offset", query.offset, error) ||
      !IntParam(request, "limit", query.limit, error)) {
    return error;
  }
  search::Searcher searcher(config_.db, analyzer_);
  search::SearchResponse response = searcher.Search(query);
  if (response.error) {
    return Json(400, search::QueryErrorToJson(*response.error));
  }
  return Json(200, search::SearchResponseToJson(response));
}

HttpResponse Api::Article(const HttpRequest& request) const {
  const std::string* id = Param(request, "id");
  if (!id || id->empty()) return ErrorResponse(400, "id", "missing 'id'");
  search::Searcher searcher(config_.db, analyzer_);
  auto article = searcher.FindArticle(*id);
  if (!article) return ErrorResponse(404, "id", "no article with id " + *id);
  return Json(200, corpus::ArticleToJson(*article));
}

HttpResponse Api::StaticFile(const std::string& name) const {
  // Only plain file names from the UI folder: no traversal, no listing.
  // A NUL would cut the name short when opened ("app.js%00.css").
  bool plain = !name.empty() && name.find('/') == std::string::npos &&
               name.find('\\') == std::string::npos && name[0] != '.' &&
               name.find('\0') == std::string::npos;
  std::filesystem::path file = config_.static_dir / name;
  std::ifstream in(file, std::ios::binary);
  if (!plain || !in) return ErrorResponse(404, "", "no such file: " + name);
  std::stringstream body;
  body << in.rdbuf();
  HttpResponse r;
  r.content_type = ContentTypeFor(file);
  r.body = body.str();
  return r;
}

}  // namespace baoku::web
