#include "baoku/indexer/index_writer.h"

#include <catch2/catch.hpp>

#include "baoku/corpus/schema.h"
#include "baoku/indexer/document_builder.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

corpus::Article MakeArticle(int page, int ordinal, const std::string& text) {
  corpus::Article a;
  a.paper_code = "yzrb";
  a.date = corpus::Date{2026, 6, 11};
  a.page = page;
  a.ordinal = ordinal;
  a.id = corpus::MakeArticleId(a.paper_code, a.date, page, ordinal);
  a.headline = "标题" + std::to_string(ordinal);
  a.paragraphs = {text};
  return a;
}

std::vector<std::string> Ids(const std::filesystem::path& db) {
  Xapian::Database reader(db.string());
  std::vector<std::string> ids;
  std::string prefix(corpus::schema::kId);
  for (auto t = reader.allterms_begin(prefix); t != reader.allterms_end(prefix);
       ++t) {
    ids.push_back((*t).substr(prefix.size()));
  }
  return ids;
}

TEST_CASE("Re-indexing the same pages changes nothing", "[indexer]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  std::vector<corpus::Article> page = {MakeArticle(1, 1, "维修资金"),
                                       MakeArticle(1, 2, "加装电梯")};
  IndexWriter writer(dir / "db");
  auto first = writer.ReplacePages({"yzrb-20260611-01"}, page, analyzer);
  CHECK(first.added == 2);
  auto second = writer.ReplacePages({"yzrb-20260611-01"}, page, analyzer);
  CHECK(second.added == 0);
  CHECK(second.replaced == 2);
  CHECK(second.removed == 0);
  CHECK(writer.DocumentCount() == 2);
  CHECK(Ids(dir / "db") ==
        std::vector<std::string>{"yzrb-20260611-01-01", "yzrb-20260611-01-02"});
}

TEST_CASE("Re-indexing a page removes articles no longer on it", "[indexer]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  IndexWriter writer(dir / "db");
  writer.ReplacePages({"yzrb-20260611-01", "yzrb-20260611-02"},
                      {MakeArticle(1, 1, "一"), MakeArticle(1, 2, "二"),
                       MakeArticle(1, 3, "三"), MakeArticle(2, 1, "四")},
                      analyzer);
  auto stats = writer.ReplacePages({"yzrb-20260611-01"},
                                   {MakeArticle(1, 1, "一改")}, analyzer);
  CHECK(stats.removed == 2);
  CHECK(stats.replaced == 1);
  // Page 2 was not part of the call and keeps its article.
  CHECK(Ids(dir / "db") ==
        std::vector<std::string>{"yzrb-20260611-01-01", "yzrb-20260611-02-01"});
}

TEST_CASE("A second writer on the same index is refused", "[indexer]") {
  testing::TempDir dir;
  IndexWriter writer(dir / "db");
  CHECK_THROWS_AS(IndexWriter(dir / "db"), Xapian::DatabaseLockError);
}

TEST_CASE("A reader sees a batch of pages all at once or not at all",
          "[indexer]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  IndexWriter writer(dir / "db");
  writer.ReplacePages({"yzrb-20260611-01"}, {MakeArticle(1, 1, "旧")},
                      analyzer);
  Xapian::Database reader((dir / "db").string());
  CHECK(reader.get_doccount() == 1);
  writer.ReplacePages({"yzrb-20260611-01", "yzrb-20260611-02"},
                      {MakeArticle(1, 1, "新"), MakeArticle(2, 1, "新"),
                       MakeArticle(2, 2, "新")},
                      analyzer);
  // The open reader still sees its snapshot until it reopens.
  CHECK(reader.get_doccount() == 1);
  reader.reopen();
  CHECK(reader.get_doccount() == 3);
}

// An index as every baoku before stored versions left it: documents and
// metadata, no versions.
void WriteUnversionedIndex(const std::filesystem::path& path) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_boolean_term(std::string(corpus::schema::kId) + "old-1");
  db.add_document(doc);
  db.set_metadata(std::string(corpus::schema::kLexiconMetadataKey), "张子珂\n");
  db.commit();
}

TEST_CASE("A new index stores this build's versions", "[indexer][version]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  {
    IndexWriter writer(dir / "db");
    writer.ReplacePages({"yzrb-20260611-01"}, {MakeArticle(1, 1, "一")},
                        analyzer);
  }
  Xapian::Database db((dir / "db").string());
  CHECK(
      db.get_metadata(std::string(corpus::schema::kSchemaVersionMetadataKey)) ==
      std::to_string(corpus::schema::kSchemaVersion));
  CHECK(db.get_metadata(
            std::string(corpus::schema::kAnalyzerVersionMetadataKey)) ==
        std::to_string(corpus::schema::kAnalyzerVersion));
  // Opened again: accepted.
  CHECK_NOTHROW(IndexWriter(dir / "db"));
}

TEST_CASE(
    "An index of the previous schema is refused with the rebuild "
    "command",
    "[indexer][version]") {
  testing::TempDir dir;
  WriteUnversionedIndex(dir / "old");
  try {
    IndexWriter writer(dir / "old");
    FAIL("the old index was opened for writing");
  } catch (const IndexVersionError& e) {
    std::string message = e.what();
    CHECK(message.find((dir / "old").string()) != std::string::npos);
    CHECK(message.find("1（未记录版本）") != std::string::npos);
    CHECK(message.find("baoku-index index --rebuild --db " +
                       (dir / "old").string()) != std::string::npos);
  }
  // Nothing was written to it.
  Xapian::Database db((dir / "old").string());
  CHECK(db.get_metadata(std::string(corpus::schema::kSchemaVersionMetadataKey))
            .empty());
}

// An index of this build whose stored version `key` then says `version`.
void WriteIndexStoringVersion(const std::filesystem::path& path,
                              std::string_view key,
                              const std::string& version) {
  {
    IndexWriter writer(path);
    writer.ReplacePages({"yzrb-20260611-01"}, {MakeArticle(1, 1, "一")},
                        corpus::TextAnalyzer());
  }
  Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
  db.set_metadata(std::string(key), version);
  db.commit();
}

TEST_CASE("An index of another analyzer version is refused",
          "[indexer][version]") {
  testing::TempDir dir;
  WriteIndexStoringVersion(dir / "db",
                           corpus::schema::kAnalyzerVersionMetadataKey, "1");
  CHECK_THROWS_AS(IndexWriter(dir / "db"), IndexVersionError);
}

TEST_CASE(
    "An index of schema 4 (reprint band terms) is refused with both "
    "versions",
    "[indexer][version]") {
  testing::TempDir dir;
  WriteIndexStoringVersion(dir / "db",
                           corpus::schema::kSchemaVersionMetadataKey, "4");
  try {
    IndexWriter writer(dir / "db");
    FAIL("the schema 4 index was opened for writing");
  } catch (const IndexVersionError& e) {
    const std::string message = e.what();
    CHECK(message.find("索引结构版本 4") != std::string::npos);
    CHECK(message.find("需要索引结构版本 5") != std::string::npos);
    CHECK(message.find("baoku-index index --rebuild --db") !=
          std::string::npos);
  }
}

}  // namespace
}  // namespace baoku::indexer
