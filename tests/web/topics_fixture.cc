#include "topics_fixture.h"

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "baoku/corpus/schema.h"
#include "baoku/indexer/batch.h"
#include "test_support.h"

namespace baoku::testing {
namespace {

nlohmann::json Article(const char* date, int page, const char* headline,
                       std::vector<std::string> reporters, const char* column,
                       std::vector<nlohmann::json> topics,
                       const char* paragraph) {
  return {{"date", date},           {"page", page},
          {"paper", "云州日报"},    {"paper_code", "yzrb"},
          {"section", "民生"},      {"headline", headline},
          {"reporters", reporters}, {"column", column},
          {"topics", topics},       {"paragraphs", {paragraph}}};
}

}  // namespace

void WriteTopicArticles(const std::filesystem::path& folder) {
  using T = nlohmann::json;
  std::vector<nlohmann::json> articles = {
      Article("2024-06-11", 1, "老旧小区加装电梯提速", {"张子珂"}, "民生观察",
              {T{{"id", "housing"}, {"score", 0.9}}},
              "东关区今年计划为四十个老旧小区加装电梯,业主出资比例降低。"),
      Article("2025-06-11", 2, "公交站台进小区", {"张子珂", "李明"}, "民生观察",
              {T{{"id", "transport"}, {"score", 0.8}},
               T{{"id", "housing"}, {"score", 0.4}}},
              "北岳县新开三条社区公交线路,站台设在小区门口。"),
      Article("2026-06-11", 1, "夜间公交专线开通", {"李明"}, "民生观察",
              {T{{"id", "transport"}, {"score", 0.95}}},
              "云州市首条夜间公交专线星光线正式开通,末班车延至凌晨一点。"),
      Article("2026-06-12", 3, "物业费公示上墙", {"王芳"}, "",
              {T{{"id", "housing"}, {"score", 0.7}}},
              "南湖街道要求各小区物业每季度公示收支,业主可扫码查账。"),
  };
  nlohmann::json hostile =
      Article("2026-06-13", 9, kHostileHeadline, {"<b>钱多多</b>"},
              "javascript:alert(3)", {},
              "正文含有<script>alert(4)</script>和\"><img src=x "
              "onerror=alert(5)>,还有 javascript:alert(6) 链接,试探注入。");
  hostile["kicker"] = "=HYPERLINK(\"javascript:alert(7)\")";
  articles.push_back(hostile);
  std::string ndjson;
  for (const auto& a : articles) ndjson += a.dump() + "\n";
  WriteFile(folder / "topics.ndjson", ndjson);
}

void WriteTaxonomy(const std::filesystem::path& db) {
  nlohmann::json taxonomy = {
      {"topics",
       {{{"id", "housing"},
         {"name", "住房与物业"},
         {"name_en", "Housing"},
         {"aliases", {"物业"}}},
        {{"id", "transport"}, {"name", "交通出行"}, {"name_en", "Transport"}},
        {{"id", "culture"}, {"name", "文化旅游"}, {"name_en", "Culture"}}}}};
  Xapian::WritableDatabase writer(db.string(), Xapian::DB_OPEN);
  writer.set_metadata(std::string(corpus::schema::kTopicsMetadataKey),
                      taxonomy.dump());
  writer.commit();
}

const std::filesystem::path& TopicsIndex() {
  static TempDir dir;
  static const std::filesystem::path db = [] {
    WriteTopicArticles(dir.path());
    std::vector<corpus::Diagnostic> errors;
    auto files = indexer::FindPageFiles({dir.path()}, errors);
    auto summary = indexer::IndexFiles(dir / "db", files, {});
    if (!errors.empty() || summary.failed_files > 0 || summary.articles != 5) {
      throw std::runtime_error("indexing the topic fixture failed");
    }
    WriteTaxonomy(dir / "db");
    return dir / "db";
  }();
  return db;
}

}  // namespace baoku::testing
