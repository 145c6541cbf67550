// The search segments a word as soon as a lexicon fix has stored it with the
// index (indexer/lexicon_update.h): the articles that hold it then match it
// as a word, not only as characters.
#include <catch2/catch.hpp>
#include <map>

#include "baoku/indexer/batch.h"
#include "baoku/indexer/lexicon_update.h"
#include "baoku/search/searcher.h"
#include "lexicon_fixture.h"
#include "test_support.h"

namespace baoku::search {
namespace {

// Score of each hit of `query`, by article id.
std::map<std::string, double> Scores(const std::filesystem::path& db,
                                     const std::string& query) {
  corpus::TextAnalyzer analyzer;
  Searcher searcher(db, analyzer);
  SearchRequest request;
  request.query = query;
  SearchResponse response = searcher.Search(request);
  REQUIRE_FALSE(response.error);
  std::map<std::string, double> scores;
  for (const Hit& hit : response.hits) scores[hit.article.id] = hit.score;
  return scores;
}

TEST_CASE("After lexicon-add a search finds the word as a word",
          "[search][lexicon]") {
  testing::TempDir dir;
  testing::WriteLexiconPages(dir);
  std::vector<corpus::Diagnostic> errors;
  indexer::BatchOptions options;
  options.lexicon_file = dir / "lexicon.txt";
  options.threads = 1;
  REQUIRE(indexer::IndexFiles(
              dir / "db", indexer::FindPageFiles({dir / "in"}, errors), options)
              .articles == 4);
  const std::string& word = testing::kLexiconWord;
  // Before: the characters match (a phrase), the word is no term.
  auto before = Scores(dir / "db", word);
  std::set<std::string> found;
  for (const auto& [id, score] : before) found.insert(id);
  REQUIRE(found == testing::kArticlesWithLexiconWord);

  indexer::AddWordsToIndex(dir / "db", {word}, dir / "lexicon.txt", nullptr);
  // After: the same articles, now also through the word's own term, which
  // the query holds because the searcher segments it with the stored
  // lexicon, and the re-written documents hold.
  auto after = Scores(dir / "db", word);
  REQUIRE(after.size() == before.size());
  for (const auto& [id, score] : after) {
    INFO(id);
    CHECK(score > before.at(id));
  }
}

}  // namespace
}  // namespace baoku::search
