// A small index whose articles carry topics (the samples have none yet),
// with the taxonomy in the index metadata as baoku-index stores it, three
// years of one reporter and one column, and one hostile article whose text
// fields hold markup and script URLs. Built once per test run.
#ifndef BAOKU_TESTS_WEB_TOPICS_FIXTURE_H_
#define BAOKU_TESTS_WEB_TOPICS_FIXTURE_H_

#include <filesystem>
#include <string>

namespace baoku::testing {

// Writes the fixture's NDJSON articles into `folder` (topics.ndjson).
void WriteTopicArticles(const std::filesystem::path& folder);
// Stores the fixture's taxonomy in the index at `db`.
void WriteTaxonomy(const std::filesystem::path& db);

// The index of WriteTopicArticles() with WriteTaxonomy().
const std::filesystem::path& TopicsIndex();

// The hostile article's id and headline.
inline constexpr const char* kHostileId = "yzrb-20260613-09-01";
inline constexpr const char* kHostileHeadline =
    "<script>alert(1)</script>标题\"><img src=x onerror=alert(2)>,a";

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_WEB_TOPICS_FIXTURE_H_
