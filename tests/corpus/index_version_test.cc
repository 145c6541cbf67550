#include "baoku/corpus/index_version.h"

#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

TEST_CASE("An index of this build's versions is accepted", "[index-version]") {
  CHECK(CheckIndexVersions("db", SchemaVersionValue(), AnalyzerVersionValue()));
}

TEST_CASE(
    "Other versions are refused naming the index, both versions and "
    "the rebuild command",
    "[index-version]") {
  struct Case {
    const char* schema;
    const char* analyzer;
    const char* seen;  // In the message.
  };
  const Case cases[] = {
      {"", "", "1（未记录版本）"},  // Built before versions were stored.
      {"1", "2", "索引结构版本 1"},
      {"2", "99", "分析器版本 99"},
  };
  for (const auto& c : cases) {
    INFO(c.schema << "/" << c.analyzer);
    auto checked = CheckIndexVersions("/srv/archive.db", c.schema, c.analyzer);
    REQUIRE_FALSE(checked);
    const Diagnostic& problem = checked.problem();
    CHECK(problem.file == "/srv/archive.db");
    CHECK(problem.code == "index.version_mismatch");
    CHECK(problem.message.find(c.seen) != std::string::npos);
    CHECK(problem.message.find("索引结构版本 " + SchemaVersionValue()) !=
          std::string::npos);
    CHECK(problem.message.find(RebuildCommand("/srv/archive.db")) !=
          std::string::npos);
  }
}

}  // namespace
}  // namespace baoku::corpus
