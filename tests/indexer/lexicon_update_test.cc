#include "baoku/indexer/lexicon_update.h"

#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "baoku/corpus/schema.h"
#include "baoku/indexer/batch.h"
#include "lexicon_fixture.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

namespace schema = corpus::schema;

const std::string& kWord = testing::kLexiconWord;

BatchOptions Options(const testing::TempDir& dir) {
  BatchOptions options;
  options.lexicon_file = dir / "lexicon.txt";
  options.threads = 1;
  return options;
}

void IndexPages(const testing::TempDir& dir) {
  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({dir / "in"}, errors);
  REQUIRE(errors.empty());
  BatchSummary s = IndexFiles(dir / "db", files, Options(dir));
  REQUIRE(s.articles == 4);
}

struct StoredDoc {
  Xapian::docid docid = 0;
  std::string data;
  std::string marker;
  std::vector<std::pair<std::string, Xapian::termcount>> terms;
};

constexpr unsigned kMarkerSlot = 250;

// Every article by id, as stored.
std::map<std::string, StoredDoc> Snapshot(const std::filesystem::path& db) {
  Xapian::Database d(db.string());
  std::map<std::string, StoredDoc> out;
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
    Xapian::Document doc = d.get_document(*it);
    StoredDoc s;
    s.docid = *it;
    s.data = doc.get_data();
    s.marker = doc.get_value(kMarkerSlot);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      s.terms.emplace_back(*t, t.get_wdf());
    }
    out[nlohmann::json::parse(s.data)["id"].get<std::string>()] = s;
  }
  return out;
}

// Marks every document, so that a document written again loses the mark.
void MarkAll(const std::filesystem::path& db) {
  Xapian::WritableDatabase d(db.string(), Xapian::DB_OPEN);
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
    Xapian::Document doc = d.get_document(*it);
    doc.add_value(kMarkerSlot, "untouched");
    d.replace_document(*it, doc);
  }
  d.commit();
}

// The pages indexed into `dir`/db, every document marked.
std::filesystem::path MarkedIndex(const testing::TempDir& dir) {
  testing::WriteLexiconPages(dir);
  IndexPages(dir);
  const auto db = dir / "db";
  // ICU alone splits the word: no document holds it as a term.
  REQUIRE_FALSE(Xapian::Database(db.string()).term_exists(kWord));
  MarkAll(db);
  return db;
}

TEST_CASE("lexicon-add re-writes only the articles that hold the word",
          "[indexer][lexicon]") {
  testing::TempDir dir;
  const auto db = MarkedIndex(dir);
  const auto before = Snapshot(db);
  Xapian::Database opened(db.string());
  const Xapian::rev revision = opened.get_revision();
  const Xapian::docid last_docid = opened.get_lastdocid();

  LexiconUpdateSummary s =
      AddWordsToIndex(db, {kWord}, dir / "lexicon.txt", nullptr);
  CHECK(s.words == std::vector<std::string>{kWord});
  CHECK(s.found == 2);  // Not the page with 梧桐溪,湾头村.
  CHECK(s.rewritten == 2);

  Xapian::Database d(db.string());
  CHECK(d.get_revision() == revision + 1);  // One transaction.
  CHECK(d.get_lastdocid() == last_docid);   // Nothing added or deleted.
  auto lexicon = corpus::Lexicon::SplitStored(
      d.get_metadata(std::string(schema::kLexiconMetadataKey)));
  CHECK(std::count(lexicon.begin(), lexicon.end(), kWord) == 1);
  const auto after = Snapshot(db);
  REQUIRE(after.size() == before.size());
  const std::set<std::string>& touched = testing::kArticlesWithLexiconWord;
  for (const auto& [id, doc] : after) {
    INFO(id);
    const StoredDoc& old = before.at(id);
    CHECK(doc.docid == old.docid);
    CHECK(doc.data == old.data);
    bool has_word = std::count_if(doc.terms.begin(), doc.terms.end(),
                                  [](auto& t) { return t.first == kWord; });
    if (touched.count(id)) {
      CHECK(doc.marker.empty());  // Written again.
      CHECK(has_word);
    } else {
      CHECK(doc.marker == "untouched");
      CHECK(doc.terms == old.terms);
      CHECK_FALSE(has_word);
    }
  }

  // Idempotent: the second run finds the articles and re-writes none.
  LexiconUpdateSummary again =
      AddWordsToIndex(db, {kWord}, dir / "lexicon.txt", nullptr);
  CHECK(again.found == 2);
  CHECK(again.rewritten == 0);
  CHECK(Xapian::Database(db.string()).get_revision() == revision + 1);
  CHECK(Snapshot(db).at("paper-20260611-02-01").marker == "untouched");
}

TEST_CASE("An edited lexicon file re-writes only what it touches",
          "[indexer][lexicon]") {
  testing::TempDir dir;
  const auto db = MarkedIndex(dir);

  // The editor adds the word to the file; the pages have not changed.
  testing::WriteFile(dir / "lexicon.txt", "桐溪湾 桐溪\n");
  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({dir / "in"}, errors);
  BatchSummary s = IndexFiles(db, files, Options(dir));
  CHECK(s.unchanged == 4);  // No page is indexed again...
  CHECK(s.lexicon_words == std::vector<std::string>{"桐溪", kWord});
  CHECK(s.lexicon_rewritten == 2);  // ...only the two articles.
  auto after = Snapshot(db);
  CHECK(after.at("paper-20260611-01-01").marker.empty());
  CHECK(after.at("paper-20260612-01-01").marker.empty());
  CHECK(after.at("paper-20260611-02-01").marker == "untouched");
  CHECK(after.at("paper-20260612-02-01").marker == "untouched");

  BatchSummary again = IndexFiles(db, files, Options(dir));
  CHECK(again.lexicon_words.empty());
  CHECK(again.lexicon_rewritten == 0);
}

TEST_CASE("lexicon-add refuses a word that is not one", "[indexer][lexicon]") {
  corpus::TextAnalyzer analyzer;
  for (std::string bad :
       {std::string(""), std::string("住建 局"), std::string("住建局，"),
        std::string("住\xff局"), std::string("5G"), std::string("住"),
        std::string("一二三四五六七八九十百千万")}) {
    INFO(bad);
    auto checked = CheckLexiconWord(bad, analyzer, "WORD");
    REQUIRE_FALSE(checked);
    CHECK(checked.problem().parameter == "WORD");
    CHECK(checked.problem().code == "lexicon.bad_word");
  }
  // Traditional characters are folded: the stored form is simplified.
  auto good = CheckLexiconWord("住建局", analyzer, "WORD");
  REQUIRE(good);
  CHECK(*good == "住建局");
  auto folded = CheckLexiconWord("桐溪灣", analyzer, "WORD");
  REQUIRE(folded);
  CHECK(*folded == "桐溪湾");
}

}  // namespace
}  // namespace baoku::indexer
