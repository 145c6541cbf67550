#include "baoku/search/searcher.h"

#include <stdexcept>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/schema.h"

namespace baoku::search {
namespace {

corpus::Article ArticleOf(const Xapian::Document& doc) {
  corpus::Article article;
  std::string error;
  auto json = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (!corpus::ArticleFromJson(json, article, error)) {
    throw std::runtime_error("document " + std::to_string(doc.get_docid()) +
                             " has a bad record: " + error);
  }
  return article;
}

std::string BodyText(const corpus::Article& a) {
  std::string text;
  for (const auto& p : a.paragraphs) {
    if (!text.empty()) text += " ";
    text += p;
  }
  return text;
}

}  // namespace

namespace {

// The project lexicon file, read once per process.
const corpus::Lexicon& ProjectLexicon(const corpus::TextAnalyzer& analyzer) {
  static const corpus::Lexicon lexicon = [&] {
    corpus::Lexicon l;
    if (auto path = corpus::DefaultLexiconPath(); !path.empty()) {
      l.LoadFile(path, analyzer);
    }
    return l;
  }();
  return lexicon;
}

// Runs `read` on the latest revision of `db`. A reader can only read the
// newest revisions: when a busy indexer commits twice while a search runs,
// the search's revision is discarded (DatabaseModifiedError). It then
// starts again on the newest one, which holds whole issues as ever.
template <typename Read>
auto Reading(Xapian::Database& db, Read read) {
  constexpr int kAttempts = 10;
  for (int attempt = 1;; ++attempt) {
    try {
      db.reopen();
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttempts) throw;
    }
  }
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& path,
                   const corpus::TextAnalyzer& analyzer)
    : db_(path.string()),
      analyzer_(analyzer),
      lexicon_(ProjectLexicon(analyzer)) {
  std::string stored =
      db_.get_metadata(std::string(corpus::schema::kLexiconMetadataKey));
  size_t pos = 0;
  while (pos < stored.size()) {
    size_t end = stored.find('\n', pos);
    if (end == std::string::npos) end = stored.size();
    lexicon_.Add(std::string_view(stored).substr(pos, end - pos), analyzer_);
    pos = end + 1;
  }
}

SearchResponse Searcher::Search(const SearchRequest& request) {
  SearchResponse response;
  response.offset = request.offset;
  if (request.offset < 0) {
    response.error = QueryError{"offset", "offset must be 0 or more", 0};
    return response;
  }
  if (request.limit < 1 || request.limit > kMaxLimit) {
    response.error = QueryError{
        "limit", "limit must be between 1 and " + std::to_string(kMaxLimit), 0};
    return response;
  }
  BuiltQuery built = BuildQuery(request.query, analyzer_, &lexicon_);
  if (built.error) {
    response.error = built.error;
    return response;
  }
  // Only the index reads are retried; snippets are made afterwards from the
  // articles read, so that a retry's window is as short as can be.
  SearchResponse found = Reading(db_, [&] {
    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    Xapian::MSet mset =
        enquire.get_mset(request.offset, request.limit, db_.get_doccount());
    SearchResponse read = response;
    read.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.article = ArticleOf(it.get_document());
      hit.score = it.get_weight();
      read.hits.push_back(std::move(hit));
    }
    return read;
  });
  if (request.with_snippets) {
    for (Hit& hit : found.hits) {
      hit.snippet = MakeSnippet(BodyText(hit.article), built.highlight_phrases,
                                analyzer_);
    }
  }
  return found;
}

std::optional<corpus::Article> Searcher::FindArticle(const std::string& id) {
  return Reading(db_, [&]() -> std::optional<corpus::Article> {
    std::string term = std::string(corpus::schema::kId) + id;
    auto it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return ArticleOf(db_.get_document(*it));
  });
}

}  // namespace baoku::search
