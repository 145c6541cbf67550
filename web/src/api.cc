#include "baoku/web/api.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "alerts_api.h"
#include "baoku/corpus/article_json.h"
#include "baoku/corpus/fields.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/atom_feed.h"
#include "baoku/search/index_reader.h"
#include "baoku/search/query_builder.h"
#include "baoku/search/result_json.h"
#include "baoku/search/searcher.h"
#include "caching.h"
#include "handlers.h"

namespace baoku::web {
namespace {

using internal::Json;
using internal::Param;

std::string ContentTypeFor(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  return "application/octet-stream";
}

// The UI is one page that reads its view from the path, so that every view
// has a plain link (and the back button works).
const std::set<std::string, std::less<>>& UiPaths() {
  static const std::set<std::string, std::less<>> paths = {
      "/",         "/index.html", "/search",   "/article",   "/topics",
      "/topic",    "/reporters",  "/reporter", "/columns",   "/column",
      "/calendar", "/issue",      "/page",     "/onthisday", "/saved"};
  return paths;
}

// One CSV field: quoted when it holds a separator, quote or line break,
// quotes doubled (RFC 4180). A leading =, +, - or @ would make Excel read
// the field as a formula; a leading apostrophe keeps it text.
std::string CsvField(const std::string& value) {
  std::string v = value;
  if (!v.empty() && std::string_view("=+-@").find(v[0]) != std::string::npos) {
    v = "'" + v;
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// RFC 5987's attr-chars besides letters and digits (a filename*).
constexpr std::string_view kAttrChars = "!#$&+-.^_`|~";

// "attachment; filename=\"baoku.csv\"; filename*=UTF-8''报库-维修资金.csv"
// (encoded): the file is named after the query, without the characters a
// file name may not hold, at most 40 characters of it; ASCII-only clients
// get baoku.csv.
std::string ExportDisposition(const HttpRequest& request,
                              const std::string& extension) {
  std::string name;
  if (const std::string* q = Param(request, "q")) {
    size_t pos = 0;
    size_t chars = 0;
    while (pos < q->size() && chars < 40) {
      size_t start = pos;
      char32_t c = corpus::utf8::Next(*q, pos);
      if (c < 0x20 || c == 0x7F ||
          std::u32string_view(U"/\\:*?\"<>|").find(c) !=
              std::u32string_view::npos) {
        c = U' ';
      }
      if (corpus::utf8::IsSpace(c)) {
        if (!name.empty() && name.back() != '_') name += '_';
      } else {
        name += q->substr(start, pos - start);
      }
      ++chars;
    }
    while (!name.empty() && name.back() == '_') name.pop_back();
  }
  std::string utf8_name =
      (name.empty() ? std::string("报库导出") : "报库-" + name) + "." +
      extension;
  return "attachment; filename=\"baoku." + extension + "\"; filename*=UTF-8''" +
         internal::PercentEncoded(utf8_name, kAttrChars);
}

// The article's address: absolute when the request named its host.
std::string ArticleLink(const std::string& host, const std::string& id) {
  bool plain_host = !host.empty();
  for (char c : host) {
    plain_host = plain_host &&
                 (std::isalnum(static_cast<unsigned char>(c)) ||
                  std::string_view(".-:[]").find(c) != std::string_view::npos);
  }
  std::string path = "/article?id=" + internal::PercentEncoded(id, "-._~");
  return plain_host ? "http://" + host + path : path;
}

// States the export's row limit: X-Baoku-Row-Limit always, and
// X-Baoku-Truncated when more articles matched than were written.
void AddExportLimit(HttpResponse& r, uint64_t total, size_t rows) {
  r.headers.push_back({"X-Baoku-Row-Limit", std::to_string(kMaxExportRows)});
  if (total > rows) {
    r.headers.push_back({"X-Baoku-Truncated", std::to_string(total)});
  }
}

// A newspaper article as GB/T 7714-2015 cites it: "作者. 题名[N]. 报纸名,
// 出版日期(版次)." with at most three authors, then "等".
std::string Gbt7714Citation(const corpus::Article& a) {
  std::string out;
  for (size_t i = 0; i < a.reporters.size() && i < 3; ++i) {
    out += (i ? ", " : "") + a.reporters[i];
  }
  if (a.reporters.size() > 3) out += ", 等";
  if (!out.empty()) out += ". ";
  return out + corpus::DisplayTitle(a) + "[N]. " +
         (a.paper.empty() ? a.paper_code : a.paper) + ", " + a.date.ToIso() +
         "(" + std::to_string(a.page) + ").";
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Highlights of `text` for the query's phrases (bounded: search::MarkAll).
nlohmann::json MarksIn(const std::string& text,
                       const std::vector<std::vector<std::string>>& phrases,
                       const corpus::TextAnalyzer& analyzer) {
  nlohmann::json marks = nlohmann::json::array();
  for (const auto& h : search::MarkAll(text, phrases, analyzer)) {
    marks.push_back({h.begin, h.end});
  }
  return marks;
}

// "12,345", or "约 12,000" for an estimate (to its leading figures).
std::string TotalLabel(uint64_t total, bool exact) {
  if (!exact) {
    uint64_t unit = 1;
    while (total / unit >= 100) unit *= 10;
    total = (total + unit / 2) / unit * unit;
  }
  std::string digits = std::to_string(total);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return exact ? out : "约 " + out;
}

}  // namespace

bool SameOrigin(std::string_view origin, std::string_view host) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (origin.size() == scheme.size() + host.size() &&
        origin.substr(0, scheme.size()) == scheme &&
        origin.substr(scheme.size()) == host) {
      return true;
    }
  }
  return false;
}

bool WantsHtml(std::string_view accept) {
  return accept.find("text/html") != std::string_view::npos;
}

HttpResponse HtmlErrorPage(int status, const std::string& title,
                           const std::string& message) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\"><title>" +
      search::XmlEscape(title) + " · 报库</title></head><body><h1>" +
      search::XmlEscape(title) + "</h1><p>" + search::XmlEscape(message) +
      "</p><p><a href=\"/\">回到报库首页</a></p></body></html>\n";
  return r;
}

// Lets the page of `origin` read the response (CORS).
static void AllowOrigin(HttpResponse& response, const std::string& origin) {
  response.headers.emplace_back("Access-Control-Allow-Origin", origin);
  response.headers.emplace_back("Vary", "Origin");
}

HttpResponse ErrorResponse(int status, const std::string& parameter,
                           const std::string& message) {
  return Json(status,
              {{"error", {{"parameter", parameter}, {"message", message}}}});
}

Api::Api(ApiConfig config)
    : config_(std::move(config)),
      reader_(std::make_shared<search::IndexReader>(config_.db)),
      analyzer_(reader_->analyzer()) {}

HttpResponse Api::Handle(const HttpRequest& request) const {
  bool cors =
      !request.origin.empty() &&
      std::find(config_.cors_origins.begin(), config_.cors_origins.end(),
                request.origin) != config_.cors_origins.end();
  if (cors && request.method == "OPTIONS") {
    HttpResponse preflight;
    preflight.status = 204;
    preflight.content_type = "text/plain; charset=utf-8";
    AllowOrigin(preflight, request.origin);
    preflight.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD");
    preflight.headers.emplace_back("Access-Control-Max-Age", "600");
    return preflight;
  }
  HttpResponse response = Checked(request);
  if (cors) AllowOrigin(response, request.origin);
  return response;
}

HttpResponse Api::Checked(const HttpRequest& request) const {
  // Saved searches are written with POST (and DELETE); all else is read.
  bool writes_saved =
      (request.path == "/api/saved" &&
       (request.method == "POST" || request.method == "DELETE")) ||
      (request.path == "/api/saved/delete" && request.method == "POST");
  if (request.method != "GET" && request.method != "HEAD" && !writes_saved) {
    return ErrorResponse(405, "", "只支持 GET 请求");
  }
  // A page of another site may POST a form to a server on the newsroom's
  // network (cross-site request forgery); browsers name that page in Origin.
  // A write is taken only from this server's own pages, a page on the CORS
  // allow-list or a client that sends no Origin (curl, scripts).
  if (writes_saved && !request.origin.empty() &&
      !SameOrigin(request.origin, request.host) &&
      std::find(config_.cors_origins.begin(), config_.cors_origins.end(),
                request.origin) == config_.cors_origins.end()) {
    return ErrorResponse(403, "Origin",
                         "不接受来自 " + request.origin + " 的写入请求");
  }
  for (const auto& [key, value] : request.params) {
    if (!corpus::utf8::IsValid(value)) {
      return ErrorResponse(400, key, "参数 " + key + " 不是有效的 UTF-8 文本");
    }
    if (key != "q" && corpus::utf8::LongerThan(value, kMaxParamChars)) {
      return ErrorResponse(400, key,
                           "参数 " + key + " 过长(最多 " +
                               std::to_string(kMaxParamChars) + " 字)");
    }
  }
  try {
    return Validated(request);
  } catch (const search::ShardUnavailable& e) {
    // A shard server is down: say so rather than answer from the others.
    return ErrorResponse(503, "", e.what());
  }
}

HttpResponse Api::Validated(const HttpRequest& request) const {
  const std::string& path = request.path;
  // "On this day" without a date answers for today: not per revision.
  bool per_revision = IsApiRoute(path) &&
                      !(path == "/api/onthisday" && !Param(request, "date"));
  std::string tag;
  if (per_revision) {
    tag = internal::RevisionTag(reader_->Acquire().revision_key());
    if (internal::NoneMatchHits(request.if_none_match, tag)) {
      return internal::NotModified(tag);
    }
  }
  HttpResponse r = Route(request);
  if (r.status != 200) return r;
  if (!per_revision) {
    // The UI's files: tagged only once StaticFile() has accepted the name.
    if (UiPaths().count(path)) {
      tag = internal::FileTag(config_.static_dir / "index.html");
    } else if (path.rfind("/static/", 0) == 0) {
      tag = internal::FileTag(config_.static_dir / path.substr(8));
    }
    if (internal::NoneMatchHits(request.if_none_match, tag)) {
      return internal::NotModified(tag);
    }
  }
  internal::AddValidators(r, tag);
  return r;
}

// The /api/ routes: path → handler.
const std::map<std::string, Api::Handler, std::less<>>& Api::Routes() {
  static const std::map<std::string, Handler, std::less<>> routes = {
      {"/api/search", &Api::Search},
      {"/api/facets", &Api::FacetsOnly},
      {"/api/export", &Api::Export},
      {"/api/article", &Api::Article},
      {"/api/related", &Api::Related},
      {"/api/topics", &Api::Topics},
      {"/api/topic", &Api::Topic},
      {"/api/reporters", &Api::Reporters},
      {"/api/reporter", &Api::Reporter},
      {"/api/columns", &Api::Columns},
      {"/api/column", &Api::Column},
      {"/api/calendar", &Api::Calendar},
      {"/api/issue", &Api::Issue},
      {"/api/page", &Api::Page},
      {"/api/onthisday", &Api::OnThisDay},
      {"/api/suggest", &Api::Suggest},
      {"/api/fields", &Api::Fields},
      {"/api/examples", &Api::Examples},
      {"/api/saved", &Api::Saved},
      {"/api/saved/delete", &Api::SavedDelete},
      {"/api/feed", &Api::Feed},
  };
  return routes;
}

bool Api::IsApiRoute(std::string_view path) {
  return Routes().find(path) != Routes().end();
}

HttpResponse Api::Route(const HttpRequest& request) const {
  const auto& routes = Routes();
  const std::string& path = request.path;
  if (auto it = routes.find(path); it != routes.end()) {
    return (this->*(it->second))(request);
  }
  if (path == "/healthz") return Health();
  if (UiPaths().count(path)) return StaticFile("index.html");
  if (path.rfind("/static/", 0) == 0) return StaticFile(path.substr(8));
  if (path.rfind("/api/", 0) != 0 && WantsHtml(request.accept)) {
    return HtmlErrorPage(404, "没有这个页面", "地址 " + path + " 不存在。");
  }
  return ErrorResponse(404, "", "没有这个页面:" + path);
}

// The field table (corpus/fields.h) and the kinds, for the UI: its filter
// chips, facets and form read names and labels from here.
HttpResponse Api::Fields(const HttpRequest&) const {
  static const char* const kValueNames[] = {"name", "text",  "page", "kind",
                                            "date", "topic", "group"};
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& field : corpus::FieldTable::Standard().fields()) {
    nlohmann::json f = {
        {"name", field.name},
        {"label", field.label},
        {"aliases", field.aliases},
        {"value", kValueNames[static_cast<int>(field.value)]},
        {"free_text", field.value == corpus::FieldValue::kText},
        {"example", field.example},
        {"facet", field.facet_slot ? nlohmann::json(field.facet_key)
                                   : nlohmann::json(nullptr)}};
    fields.push_back(std::move(f));
  }
  nlohmann::json kinds = nlohmann::json::array();
  for (const auto& info : corpus::KindInfos()) {
    kinds.push_back({{"value", info.name}, {"label", info.label}});
  }
  return Json(200, {{"fields", fields}, {"kinds", kinds}});
}

HttpResponse Api::Health() const {
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  return Json(200, {{"status", "ok"}, {"articles", searcher.ArticleCount()}});
}

HttpResponse Api::Search(const HttpRequest& request) const {
  search::SearchRequest query;
  HttpResponse error;
  if (!internal::ReadSearchParams(request, query, error)) return error;
  // A bounded worst case: the total is estimated past 10,000 matches and a
  // search stops after its budget, unless exact=1 asks for the count.
  const std::string* exact = Param(request, "exact");
  query.exact_total = exact && (*exact == "1" || *exact == "true");
  query.time_budget = kSearchTimeBudget;
  // Each hit of the page says why it matched (为什么匹配).
  query.explain_matches = true;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  search::SearchResponse response = searcher.Search(query);
  if (response.error) return internal::QueryErrorResponse(*response.error);
  // An offset past the end (an old link, a shorter result list since)
  // shows the last page; the body's offset says which.
  if (response.hits.empty() && response.total > 0 && query.offset > 0 &&
      query.limit > 0) {
    query.offset =
        static_cast<int>((response.total - 1) / query.limit * query.limit);
    response = searcher.Search(query);
    if (response.error) return internal::QueryErrorResponse(*response.error);
  }
  nlohmann::json body =
      search::SearchResponseToJson(response, searcher.topics());
  body["limit"] = query.limit;
  body["total_exact"] = response.total_exact;
  body["total_label"] = TotalLabel(response.total, response.total_exact);
  // The filters in force, so that a client shows (and can drop) each one.
  body["filters"] =
      internal::ActiveFiltersJson(query.filters, searcher.topics());
  return Json(200, body);
}

HttpResponse Api::FacetsOnly(const HttpRequest& request) const {
  search::SearchRequest query;
  HttpResponse error;
  if (!internal::ReadSearchParams(request, query, error)) return error;
  query.offset = 0;
  query.limit = 1;
  query.with_snippets = false;
  query.with_facets = true;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  search::SearchResponse response = searcher.Search(query);
  if (response.error) return internal::QueryErrorResponse(*response.error);
  return Json(200, {{"total", response.total},
                    {"total_exact", response.total_exact},
                    {"facets", search::FacetsToJson(*response.facets)},
                    {"facets_exact", response.facets->exact},
                    {"facets_counted", response.facets->counted}});
}

HttpResponse Api::Export(const HttpRequest& request) const {
  search::SearchRequest query;
  HttpResponse error;
  if (!internal::ReadSearchParams(request, query, error)) return error;
  std::string format = "csv";
  if (const std::string* f = Param(request, "format")) format = *f;
  if (format != "csv" && format != "json") {
    return ErrorResponse(400, "format", "format 应为 csv 或 json");
  }
  int rows = kMaxExportRows;
  if (!internal::IntParam(request, "limit", rows, error)) return error;
  if (rows < 1 || rows > kMaxExportRows) {
    return ErrorResponse(
        400, "limit",
        "limit 应在 1 到 " + std::to_string(kMaxExportRows) + " 之间");
  }
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  internal::Collected all = internal::SearchAll(searcher, query, rows);
  if (all.error) return internal::QueryErrorResponse(*all.error);

  HttpResponse r;
  const auto& topics = searcher.topics();
  if (format == "json") {
    nlohmann::json articles = internal::BriefsJson(all.hits, topics);
    for (size_t i = 0; i < all.hits.size(); ++i) {
      articles[i]["url"] = ArticleLink(request.host, all.hits[i].article.id);
    }
    r = Json(200, {{"total", all.total},
                   {"rows", all.hits.size()},
                   {"row_limit", kMaxExportRows},
                   {"articles", std::move(articles)}});
    r.headers.push_back(
        {"Content-Disposition", ExportDisposition(request, "json")});
    AddExportLimit(r, all.total, all.hits.size());
    return r;
  }
  // A BOM, so that Excel reads the file as UTF-8; CRLF as RFC 4180 says.
  // Chinese headings for the newsroom's spreadsheet; headers=ascii for
  // scripts.
  const std::string* headings = Param(request, "headers");
  if (headings && *headings != "ascii" && *headings != "zh") {
    return ErrorResponse(400, "headers", "headers 应为 zh 或 ascii");
  }
  bool ascii = headings && *headings == "ascii";
  std::string csv =
      ascii ? "\xEF\xBB\xBFid,date,page,title,reporters,column,topics,url,"
              "lead\r\n"
            : "\xEF\xBB\xBF编号,日期,版次,标题,记者,栏目,主题,链接,导语\r\n";
  for (const auto& hit : all.hits) {
    const corpus::Article& a = hit.article;
    std::vector<std::string> topic_names;
    for (const auto& t : a.topics) topic_names.push_back(topics.Label(t.id));
    csv += CsvField(a.id) + "," + a.date.ToIso() + "," +
           std::to_string(a.page) + "," + CsvField(corpus::DisplayTitle(a)) +
           "," + CsvField(Join(a.reporters, " ")) + "," + CsvField(a.column) +
           "," + CsvField(Join(topic_names, " ")) + "," +
           CsvField(ArticleLink(request.host, a.id)) + "," +
           CsvField(internal::LeadParagraph(a)) + "\r\n";
  }
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(csv);
  r.headers.push_back(
      {"Content-Disposition", ExportDisposition(request, "csv")});
  AddExportLimit(r, all.total, all.hits.size());
  return r;
}

HttpResponse Api::Article(const HttpRequest& request) const {
  std::string id;
  HttpResponse error;
  if (!internal::RequiredParam(request, "id", id, error)) return error;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  auto article = searcher.FindArticle(id);
  if (!article) return ErrorResponse(404, "id", "没有这篇文章:" + id);
  const auto& topics = searcher.topics();

  nlohmann::json body = corpus::ArticleToJson(*article);
  body["topics"] = search::TopicsToJson(*article, topics);
  body["title"] = corpus::DisplayTitle(*article);
  body["keywords"] =
      searcher.Keywords(id, 12).value_or(std::vector<std::string>{});
  nlohmann::json related = nlohmann::json::array();
  for (const auto& hit :
       searcher.Related(id, 6).value_or(std::vector<search::Hit>{})) {
    related.push_back(internal::BriefJson(hit.article, topics));
  }
  body["related"] = related;
  search::Neighbours neighbours = searcher.NeighboursOf(*article);
  body["neighbours"] = {
      {"same_page", internal::BriefsJson(neighbours.same_page, topics)},
      {"same_issue", internal::BriefsJson(neighbours.same_issue, topics)}};
  body["correction_links"] =
      internal::CorrectionLinks(searcher, analyzer_, *article);
  body["citation"] = Gbt7714Citation(*article);

  // The query's words marked in the title block and paragraphs, as offsets
  // like a snippet's, for the reader who came from a search.
  if (const std::string* q = Param(request, "q"); q && !q->empty()) {
    auto built = search::BuildQuery(*q, analyzer_, nullptr, &topics);
    // A query that does not parse marks nothing.
    std::vector<std::vector<std::string>> phrases;
    if (built) phrases = built->highlight_phrases;
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const auto& p : article->paragraphs) {
      paragraphs.push_back(MarksIn(p, phrases, analyzer_));
    }
    body["highlights"] = {
        {"headline", MarksIn(article->headline, phrases, analyzer_)},
        {"kicker", MarksIn(article->kicker, phrases, analyzer_)},
        {"subtitle", MarksIn(article->subtitle, phrases, analyzer_)},
        {"paragraphs", paragraphs}};
  }
  return Json(200, body);
}

HttpResponse Api::Related(const HttpRequest& request) const {
  std::string id;
  HttpResponse error;
  if (!internal::RequiredParam(request, "id", id, error)) return error;
  int limit = 10;
  if (!internal::IntParam(request, "limit", limit, error)) return error;
  if (limit < 1 || limit > search::kMaxLimit) {
    return ErrorResponse(400, "limit", "limit 应在 1 到 100 之间");
  }
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  auto hits = searcher.Related(id, limit);
  if (!hits) return ErrorResponse(404, "id", "没有这篇文章:" + id);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& hit : *hits) {
    out.push_back(search::HitToJson(hit, searcher.topics()));
  }
  return Json(200, {{"id", id}, {"hits", out}});
}

HttpResponse Api::StaticFile(const std::string& name) const {
  // Only plain file names from the UI folder: no traversal, no listing.
  // A NUL would cut the name short when opened ("app.js%00.css").
  bool plain = !name.empty() && name.find('/') == std::string::npos &&
               name.find('\\') == std::string::npos && name[0] != '.' &&
               name.find('\0') == std::string::npos;
  std::filesystem::path file = config_.static_dir / name;
  std::error_code ec;
  if (!plain || !std::filesystem::is_regular_file(file, ec)) {
    return ErrorResponse(404, "", "没有这个文件:" + name);
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return ErrorResponse(404, "", "没有这个文件:" + name);
  std::stringstream body;
  body << in.rdbuf();
  HttpResponse r;
  r.content_type = ContentTypeFor(file);
  r.body = body.str();
  return r;
}

}  // namespace baoku::web
