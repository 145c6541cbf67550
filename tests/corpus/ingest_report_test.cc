#include "baoku/corpus/ingest_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gold.h"
#include "test_support.h"

namespace baoku::corpus {
namespace {

std::vector<std::filesystem::path> SamplePages() {
  std::vector<std::filesystem::path> pages;
  for (const auto& gold : testing::FindGoldFiles({testing::SamplesDir()})) {
    pages.push_back(testing::GoldSourcePage(gold));
  }
  return pages;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == text.npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

TEST_CASE("The ingest report is quiet on the sample pages", "[report]") {
  IngestReport report = MakeIngestReport(SamplePages(), {});
  CHECK(report.pages.size() >= 27);
  INFO(report.ToText());
  CHECK(report.FlagCount() == 0);
  auto json = report.ToJson();
  CHECK(json.at("version") == 1);
  CHECK(json.at("pages").size() == report.pages.size());
}

// Glues each sample story that has a byline line to the story before it:
// its byline is dropped and the gap closed to one blank line, as a careless
// export does. Whatever the reader makes of it, the report must point at
// the story: a new article flagged without a byline, or a flag on the
// article it was merged into. A glued story whose headline reads like a
// subhead can slip through; at most one in ten may.
TEST_CASE("The ingest report flags every story glued to the one before",
          "[report]") {
  size_t glued = 0, flagged = 0;
  for (const auto& gold_file :
       testing::FindGoldFiles({testing::SamplesDir()})) {
    auto gold = nlohmann::json::parse(testing::ReadFile(gold_file));
    auto page = testing::GoldSourcePage(gold_file);
    auto raw = testing::ReadFile(page);
    if (raw.find('\r') != raw.npos || raw.rfind("\n\n", 2) != 0) {
      continue;  // Only the plain UTF-8 LF pages are edited here.
    }
    auto lines = SplitLines(raw);
    const auto& articles = gold.at("articles");
    for (size_t k = 1; k < articles.size(); ++k) {
      const auto& a = articles[k];
      if (a.at("kind") != "news" || testing::GoldString(a, "byline").empty() ||
          !testing::GoldString(a, "kicker").empty() ||
          !testing::GoldString(a, "subtitle").empty() ||
          !testing::GoldString(a, "column").empty()) {
        continue;
      }
      int head = a.at("first_line").get<int>();  // 1-based.
      int byline = head + 2;
      if (byline > static_cast<int>(lines.size()) ||
          lines[byline - 1] != testing::GoldString(a, "byline")) {
        continue;
      }
      std::vector<std::string> edited;
      int new_head = 0;
      for (int n = 1; n <= static_cast<int>(lines.size()); ++n) {
        if (n == byline || n == byline + 1) continue;
        // Close the gap above the headline to one blank line.
        if (n < head && n >= head - 3 && lines[n - 1].empty() &&
            !edited.empty() && edited.back().empty()) {
          continue;
        }
        if (n == head) new_head = static_cast<int>(edited.size()) + 1;
        edited.push_back(lines[n - 1]);
      }
      std::string text;
      for (const auto& l : edited) text += l + "\n";
      testing::TempDir dir;
      auto file = dir / page.parent_path().filename().string();
      std::filesystem::create_directories(file);
      file /= page.filename();
      testing::WriteFile(file, text);
      PageReading reading = ReadPageFile(file, {});
      PageReport report = ReportPage(reading, file.string());
      INFO(page.string() << ": story at line " << head << " glued");
      bool pointed = false;
      for (const auto& article : reading.articles) {
        if (article.lines.first > new_head || article.lines.last < new_head) {
          continue;
        }
        for (const auto& f : report.flags) {
          if (f.article_id == article.id) pointed = true;
        }
      }
      if (!pointed) WARN("not flagged");
      flagged += pointed;
      ++glued;
    }
  }
  CHECK(glued >= 20);
  CHECK(flagged * 10 >= glued * 9);
}

TEST_CASE("The ingest report is written as JSON, or refused naming the file",
          "[report]") {
  testing::TempDir dir;
  auto pages = SamplePages();
  pages.resize(3);
  auto file = dir / "report.json";
  REQUIRE(PrintIngestReport(pages, {}, file.string(), true));
  auto json = nlohmann::json::parse(testing::ReadFile(file));
  CHECK(json.at("pages").size() == 3);
  CHECK(json.at("pages")[0].at("articles").get<int>() > 0);
  CHECK_FALSE(PrintIngestReport(
      pages, {}, (dir / "no" / "such" / "r.json").string(), true));
}

TEST_CASE("The ingest report names a page it could not read", "[report]") {
  testing::TempDir dir;
  auto file = dir / "2026-06-11" / "01.txt";
  std::filesystem::create_directories(file.parent_path());
  testing::WriteFile(file, std::string("\0\1\2binary", 9));
  IngestReport report = MakeIngestReport({file}, {});
  REQUIRE(report.pages.size() == 1);
  REQUIRE(report.pages[0].flags.size() >= 1);
  CHECK(report.pages[0].flags[0].kind == "unusual-count");
}

}  // namespace
}  // namespace baoku::corpus
