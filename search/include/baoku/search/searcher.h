// Searches a baoku index.
//
// A Searcher holds an open Xapian database. Not thread-safe: use one per
// thread (opening is cheap). Each Search() first reopens the database so that
// it sees the latest commit of a concurrent baoku-index; commits are per
// issue, so a search never sees half an issue. A search whose revision a
// concurrent commit discards starts again on the newest one.
#ifndef BAOKU_SEARCH_SEARCHER_H_
#define BAOKU_SEARCH_SEARCHER_H_

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/query_builder.h"
#include "baoku/search/snippet.h"

namespace baoku::search {

struct SearchRequest {
  std::string query;
  int offset = 0;
  int limit = 10;
  bool with_snippets = true;  // False: hits carry no snippet (cheaper).
};

inline constexpr int kMaxLimit = 100;

struct Hit {
  corpus::Article article;
  double score = 0;
  Snippet snippet;
};

struct SearchResponse {
  uint64_t total = 0;  // Exact number of matching articles.
  int offset = 0;
  std::vector<Hit> hits;
  std::optional<QueryError> error;  // Set for bad input; hits are empty.
};

class Searcher {
 public:
  // Opens the index at `path`. Throws Xapian::Error when it cannot.
  // `analyzer` must outlive the Searcher.
  Searcher(const std::filesystem::path& path,
           const corpus::TextAnalyzer& analyzer);

  SearchResponse Search(const SearchRequest& request);

  // The article with this id, or nullopt.
  std::optional<corpus::Article> FindArticle(const std::string& id);

  Xapian::doccount ArticleCount() const { return db_.get_doccount(); }

 private:
  Xapian::Database db_;
  const corpus::TextAnalyzer& analyzer_;
  corpus::Lexicon lexicon_;  // The project's and the index's words.
};

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_SEARCHER_H_
