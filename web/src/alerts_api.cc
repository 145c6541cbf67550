// The saved searches (/api/saved), the Atom feeds (/api/feed) and the
// correction links of /api/article: the Api's handlers for
// search/saved_searches.h, alerts.h, atom_feed.h and corrections.h.
#include "alerts_api.h"

#include <cctype>
#include <charconv>
#include <filesystem>

#include "baoku/corpus/fields.h"
#include "baoku/search/alerts.h"
#include "baoku/search/atom_feed.h"
#include "baoku/search/corrections.h"
#include "baoku/search/index_reader.h"
#include "baoku/search/saved_searches.h"
#include "baoku/search/searcher.h"
#include "baoku/web/api.h"
#include "handlers.h"

namespace baoku::web {
namespace {

using internal::Json;
using internal::Param;

constexpr int kFeedEntries = 50;

// The saved search's filters as the API's parameters, for links.
std::string QueryString(const std::string& q,
                        const std::vector<search::SavedFilter>& filters) {
  std::string out;
  auto add = [&](const std::string& key, const std::string& value) {
    out += out.empty() ? "" : "&";
    out += key + "=" + internal::PercentEncoded(value, "-._~");
  };
  if (!q.empty()) add("q", q);
  for (const auto& f : filters) add(f.field, f.value);
  return out;
}

nlohmann::json SavedJson(const search::SavedSearch& s) {
  nlohmann::json filters = nlohmann::json::array();
  for (const auto& f : s.filters) {
    filters.push_back({{"field", f.field}, {"value", f.value}});
  }
  std::string query = QueryString(s.query, s.filters);
  return {{"id", s.id},
          {"name", s.name},
          {"q", s.query},
          {"filters", std::move(filters)},
          {"created", s.created},
          {"search", "/search" + (query.empty() ? "" : "?" + query)},
          {"feed", "/api/feed?saved=" + std::to_string(s.id)}};
}

bool IdParam(const HttpRequest& request, int64_t& id, HttpResponse& error) {
  std::string text;
  if (!internal::RequiredParam(request, "id", text, error)) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    error = ErrorResponse(400, "id", "id 应为保存的检索的编号(正整数)");
    return false;
  }
  return true;
}

HttpResponse StoreError(const search::SavedSearchStoreError& e) {
  return ErrorResponse(500, "", std::string("无法读写保存的检索:") + e.what());
}

// "http://host:port" from the request's Host header, when it is a plain
// host name or address; "" otherwise (links stay relative).
std::string BaseUrl(const HttpRequest& request) {
  if (request.host.empty() || request.host.size() > 255) return "";
  for (char c : request.host) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
          c == ':' || c == '[' || c == ']')) {
      return "";
    }
  }
  return "http://" + request.host;
}

}  // namespace

std::filesystem::path Api::SavedSearchesPath() const {
  return config_.saved_searches.empty()
             ? search::SavedSearchStore::PathBeside(config_.db)
             : config_.saved_searches;
}

HttpResponse Api::Saved(const HttpRequest& request) const {
  auto store_path = SavedSearchesPath();
  try {
    if (request.method == "POST") {
      std::string name;
      HttpResponse error;
      if (!internal::RequiredParam(request, "name", name, error)) return error;
      search::SearchRequest query;
      if (!internal::ReadSearchParams(request, query, error)) return error;
      // A query that does not run is refused now, not at every batch.
      search::IndexReader::Lease lease = reader_->Acquire();
      search::SearchRequest check = query;
      check.limit = 1;
      check.with_snippets = false;
      if (auto checked = lease->Search(check); checked.error) {
        return internal::QueryErrorResponse(*checked.error);
      }
      std::vector<search::SavedFilter> filters;
      for (const auto& f : query.filters) filters.push_back({f.field, f.value});
      search::SavedSearchStore store(store_path);
      auto saved = store.Create(name, query.query, filters);
      if (!saved) {
        return ErrorResponse(
            saved.problem().code == "saved.name_taken" ? 409 : 400, "name",
            saved.problem().message);
      }
      return Json(201, SavedJson(*saved));
    }
    if (request.method == "DELETE") return SavedDelete(request);
    // GET: the list, each with its matches and what the latest issue
    // brought. No store yet: nothing saved (none is created by reading).
    std::vector<search::SavedSearch> all;
    if (std::filesystem::exists(store_path)) {
      all = search::SavedSearchStore(store_path).List();
    }
    search::IndexReader::Lease lease = reader_->Acquire();
    search::Searcher& searcher = *lease;
    auto latest = reader_->Summary(lease)->newest;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : all) {
      nlohmann::json entry = SavedJson(s);
      search::SearchRequest everything = search::RequestFor(s);
      everything.limit = 1;
      everything.with_snippets = false;
      auto found = searcher.Search(everything);
      if (found.error) {
        entry["error"] = found.error->message;
      } else {
        entry["total"] = found.total;
      }
      entry["new"] = 0;
      if (latest) {
        auto counts = search::CountOnDay(searcher, {s}, *latest);
        entry["new"] = counts.front().count;
      }
      list.push_back(std::move(entry));
    }
    return Json(200, {{"latest_issue", latest ? latest->ToIso() : ""},
                      {"saved", std::move(list)}});
  } catch (const search::SavedSearchStoreError& e) {
    return StoreError(e);
  }
}

HttpResponse Api::SavedDelete(const HttpRequest& request) const {
  int64_t id = 0;
  HttpResponse error;
  if (!IdParam(request, id, error)) return error;
  auto store_path = SavedSearchesPath();
  try {
    if (!std::filesystem::exists(store_path) ||
        !search::SavedSearchStore(store_path).Delete(id)) {
      return ErrorResponse(
          404, "id", "没有编号为 " + std::to_string(id) + " 的保存的检索");
    }
  } catch (const search::SavedSearchStoreError& e) {
    return StoreError(e);
  }
  return Json(200, {{"deleted", id}});
}

HttpResponse Api::Feed(const HttpRequest& request) const {
  search::SearchRequest query;
  std::string title;
  std::string feed_key;
  HttpResponse error;
  if (Param(request, "saved")) {
    int64_t id = 0;
    std::string text = *Param(request, "saved");
    auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
      return ErrorResponse(400, "saved", "saved 应为保存的检索的编号(正整数)");
    }
    auto store_path = SavedSearchesPath();
    std::optional<search::SavedSearch> saved;
    try {
      if (std::filesystem::exists(store_path)) {
        saved = search::SavedSearchStore(store_path).Get(id);
      }
    } catch (const search::SavedSearchStoreError& e) {
      return StoreError(e);
    }
    if (!saved) {
      return ErrorResponse(404, "saved",
                           "没有编号为 " + text + " 的保存的检索");
    }
    query = search::RequestFor(*saved);
    title = "保存的检索:" + saved->name;
    feed_key = "saved/" + text;
  } else {
    if (!internal::ReadSearchParams(request, query, error)) return error;
    std::vector<search::SavedFilter> filters;
    for (const auto& f : query.filters) {
      const auto* field = corpus::FieldTable::Standard().Find(f.field);
      title += (title.empty() ? "" : " ") + field->label + ":" + f.value;
      filters.push_back({f.field, f.value});
    }
    if (!query.query.empty()) {
      title = query.query + (title.empty() ? "" : " " + title);
    }
    if (title.empty()) title = "最新文章";
    feed_key = "search?" + QueryString(query.query, filters);
  }
  query.sort = search::SortOrder::kNewest;
  query.offset = 0;
  query.limit = kFeedEntries;
  query.with_snippets = false;
  query.with_facets = false;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::SearchResponse found = lease->Search(query);
  if (found.error) return internal::QueryErrorResponse(*found.error);
  std::vector<corpus::Article> articles;
  for (auto& hit : found.hits) articles.push_back(std::move(hit.article));

  search::FeedInfo feed;
  feed.base_url = BaseUrl(request);
  std::string paper = articles.empty() ? "" : articles.front().paper;
  feed.author = paper.empty() ? "报库" : paper;
  feed.title = feed.author + " · " + title;
  feed.id = "tag:baoku,2026:feed/" + feed_key;
  std::string self;
  for (const auto& [key, value] : request.params) {
    self += (self.empty() ? "?" : "&") + QueryString("", {{key, value}});
  }
  feed.self_path = "/api/feed" + self;
  HttpResponse response;
  response.content_type = std::string(search::kAtomContentType);
  response.body = search::AtomFeed(feed, articles);
  return response;
}

namespace internal {

nlohmann::json CorrectionLinks(search::Searcher& searcher,
                               const corpus::TextAnalyzer& analyzer,
                               const corpus::Article& article) {
  nlohmann::json links = nlohmann::json::object();
  nlohmann::json corrections = nlohmann::json::array();
  for (const auto& notice :
       search::CorrectionsOf(searcher, analyzer, article)) {
    nlohmann::json brief = internal::BriefJson(notice, searcher.topics());
    std::string text;
    for (const auto& p : notice.paragraphs) text += p;
    brief["text"] = text;
    corrections.push_back(std::move(brief));
  }
  nlohmann::json corrects = nlohmann::json::array();
  for (const auto& original :
       search::CorrectedBy(searcher, analyzer, article)) {
    corrects.push_back(internal::BriefJson(original, searcher.topics()));
  }
  links["corrections"] = std::move(corrections);
  links["corrects"] = std::move(corrects);
  return links;
}

}  // namespace internal

}  // namespace baoku::web
