#include "baoku/corpus/index_version.h"

#include "baoku/corpus/schema.h"

namespace baoku::corpus {

std::string SchemaVersionValue() {
  return std::to_string(schema::kSchemaVersion);
}

std::string AnalyzerVersionValue() {
  return std::to_string(schema::kAnalyzerVersion);
}

std::string RebuildCommand(std::string_view index) {
  return "baoku-index index --rebuild --db " + std::string(index) +
         " <页面文件或目录…>";
}

Result<void> CheckIndexVersions(std::string_view index,
                                std::string_view stored_schema,
                                std::string_view stored_analyzer) {
  // An index from before versions were stored: schema 1, analyzer 1.
  std::string schema_seen =
      stored_schema.empty() ? "1（未记录版本）" : std::string(stored_schema);
  std::string analyzer_seen = stored_analyzer.empty()
                                  ? "1（未记录版本）"
                                  : std::string(stored_analyzer);
  if (stored_schema == SchemaVersionValue() &&
      stored_analyzer == AnalyzerVersionValue()) {
    return {};
  }
  return Diagnostic(std::string(index), 0,
                    "索引由另一版本的 baoku 建立（索引结构版本 " + schema_seen +
                        "，分析器版本 " + analyzer_seen +
                        "；本程序需要索引结构版本 " + SchemaVersionValue() +
                        "，分析器版本 " + AnalyzerVersionValue() +
                        "），不能使用。请重建索引：" + RebuildCommand(index),
                    "index.version_mismatch");
}

}  // namespace baoku::corpus
