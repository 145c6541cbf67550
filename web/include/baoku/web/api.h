// The HTTP API and UI routes of baoku-serve as plain functions: a request
// struct in, a response struct out. No sockets here, so handlers are tested
// directly; web/src/server.cc binds them to cpp-httplib. docs/API.md
// documents every route with curl examples.
//
// Thread-safety: Api is immutable after construction; Handle() may be called
// from many threads at once. Requests share one long-lived index reader
// (search/index_reader.h), which hands each a searcher on the latest commit
// and keeps the archive-wide lists per revision; copies of an Api share it.
#ifndef BAOKU_WEB_API_H_
#define BAOKU_WEB_API_H_

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::search {
class IndexReader;
class Searcher;
}  // namespace baoku::search

namespace baoku::web {

struct HttpRequest {
  std::string method = "GET";
  std::string path;
  std::multimap<std::string, std::string> params;  // Decoded query string.
  std::string if_none_match;  // The If-None-Match header, when sent.
  std::string accept;  // The Accept header: a browser's asks for text/html.
  std::string origin;  // The Origin header of a cross-origin request.
  std::string host;    // The Host header, for links in feeds and exports.
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  // Extra headers (e.g. Content-Disposition of an export).
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ApiConfig {
  std::filesystem::path db;
  std::filesystem::path static_dir;  // The web UI's files.
  // Origins ("http://intranet.example:8080") whose pages may read the API
  // from a browser (CORS); empty: none, same-origin only.
  std::vector<std::string> cors_origins = {};
  // The saved-search store (search/saved_searches.h); empty: beside the
  // index (SavedSearchStore::PathBeside(db)). Its folder must be writable:
  // under systemd's ProtectSystem=strict the index is read-only, so the
  // shipped unit puts the store in its StateDirectory (docs/DEPLOY.md).
  std::filesystem::path saved_searches = {};
};

// Limits on what one request may ask for.
inline constexpr size_t kMaxParamChars = 1000;  // Any one parameter value.
inline constexpr int kMaxExportRows = 1000;
inline constexpr size_t kMaxFilters = 50;  // reporter=, topic=, ... together.
// Articles a listing (issue, column, topic ranking) reads at most.
inline constexpr int kMaxListed = 1000;
// The ranking pass of /api/search stops after this (docs/API.md: 约).
inline constexpr std::chrono::milliseconds kSearchTimeBudget{150};

class Api {
 public:
  explicit Api(ApiConfig config);

  // Routes (all GET; docs/API.md): /healthz; /api/search, /api/facets,
  // /api/export, /api/article, /api/related, /api/topics, /api/topic,
  // /api/reporters, /api/reporter, /api/columns, /api/column,
  // /api/calendar, /api/issue, /api/page, /api/onthisday, /api/suggest,
  // /api/fields, /api/examples; /api/saved (GET lists, POST saves, DELETE
  // deletes; also POST /api/saved/delete), /api/feed (Atom);
  // the UI's pages (/, /article, /topics, ...: index.html) and
  // /static/<file>. Bad input is a 400 with a JSON error naming the
  // parameter, a missing article/reporter/... a 404, unknown paths 404
  // (a Chinese HTML page when the request accepts text/html and the path is
  // not under /api/, else JSON). A request whose Origin is one of
  // cors_origins gets Access-Control-Allow-Origin (and OPTIONS, the
  // preflight, a 204).
  // Throws only for infrastructure failures (index missing or corrupt),
  // which the server turns into 500. An unreachable shard of a sharded
  // index is a 503 naming the shard.
  // Answers that depend only on the URL and the index revision carry
  // ETag W/"<revision>" and Cache-Control: no-cache, the UI's files an ETag
  // of their size and time; an If-None-Match that matches gets a 304
  // without a body (docs/API.md, caching).
  HttpResponse Handle(const HttpRequest& request) const;

  // Whether `path` is one of the /api/ routes above.
  static bool IsApiRoute(std::string_view path);

 private:
  using Handler = HttpResponse (Api::*)(const HttpRequest&) const;
  static const std::map<std::string, Handler, std::less<>>& Routes();
  HttpResponse Checked(const HttpRequest& request) const;
  HttpResponse Route(const HttpRequest& request) const;
  // Route() with ETag/Cache-Control, or a 304 on a matching If-None-Match.
  HttpResponse Validated(const HttpRequest& request) const;
  HttpResponse Search(const HttpRequest& request) const;
  HttpResponse FacetsOnly(const HttpRequest& request) const;
  HttpResponse Export(const HttpRequest& request) const;
  HttpResponse Article(const HttpRequest& request) const;
  HttpResponse Related(const HttpRequest& request) const;
  HttpResponse Fields(const HttpRequest& request) const;
  HttpResponse Health() const;
  HttpResponse StaticFile(const std::string& name) const;

  // Browsing (browse.cc).
  HttpResponse Topics(const HttpRequest& request) const;
  HttpResponse Topic(const HttpRequest& request) const;
  HttpResponse Reporters(const HttpRequest& request) const;
  HttpResponse Reporter(const HttpRequest& request) const;
  HttpResponse Columns(const HttpRequest& request) const;
  HttpResponse Column(const HttpRequest& request) const;
  HttpResponse Calendar(const HttpRequest& request) const;
  HttpResponse Issue(const HttpRequest& request) const;
  HttpResponse Page(const HttpRequest& request) const;
  HttpResponse OnThisDay(const HttpRequest& request) const;
  HttpResponse Suggest(const HttpRequest& request) const;
  HttpResponse Examples(const HttpRequest& request) const;

  // Saved searches and feeds (alerts_api.cc).
  HttpResponse Saved(const HttpRequest& request) const;
  HttpResponse SavedDelete(const HttpRequest& request) const;
  HttpResponse Feed(const HttpRequest& request) const;
  std::filesystem::path SavedSearchesPath() const;

  ApiConfig config_;
  std::shared_ptr<search::IndexReader> reader_;  // Shared by copies.
  const corpus::TextAnalyzer& analyzer_;         // The reader's.
};

// {"error": {"parameter", "message"}} with the given status.
HttpResponse ErrorResponse(int status, const std::string& parameter,
                           const std::string& message);

// Whether an Accept header asks for a page (a browser's does).
bool WantsHtml(std::string_view accept);

// True when ORIGIN (an Origin header, "http://host:port") names HOST (a Host
// header, "host:port"), over http or https.
bool SameOrigin(std::string_view origin, std::string_view host);

// A small zh-CN HTML page with `title`, `message` (both escaped here) and a
// link to the start page, with the given status.
HttpResponse HtmlErrorPage(int status, const std::string& title,
                           const std::string& message);

}  // namespace baoku::web

#endif  // BAOKU_WEB_API_H_
