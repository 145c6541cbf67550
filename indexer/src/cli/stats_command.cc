// baoku-index stats --db DB: counts per year, kinds, reporters, the size
// and the versions the index was built with.
#include <xapian.h>

#include <cstdio>

#include "baoku/corpus/index_version.h"
#include "baoku/corpus/schema.h"
#include "baoku/indexer/maintenance.h"
#include "commands.h"
#include "common.h"

namespace baoku::indexer::cli {
namespace {

int PrintStats(const std::string& db) {
  auto stats = ReadIndexStats(db);
  std::printf("index          %s\n", db.c_str());
  std::printf("articles       %llu\n",
              static_cast<unsigned long long>(stats.articles));
  std::printf("size on disk   %s\n", HumanBytes(stats.bytes_on_disk).c_str());
  std::printf("dates          %s .. %s\n", stats.first_date.c_str(),
              stats.last_date.c_str());
  // The versions, also of an index this build refuses: what to rebuild.
  auto shown = [](const std::string& v) {
    return v.empty() ? "1 (none stored)" : v;
  };
  std::printf("schema         %s (this baoku: %s)\n",
              shown(stats.schema_version).c_str(),
              corpus::SchemaVersionValue().c_str());
  std::printf("analyzer       %s (this baoku: %s)\n",
              shown(stats.analyzer_version).c_str(),
              corpus::AnalyzerVersionValue().c_str());
  std::printf("per year\n");
  for (const auto& [year, n] : stats.per_year) {
    std::printf("  %s  %llu\n", year.c_str(),
                static_cast<unsigned long long>(n));
  }
  std::printf("kinds\n");
  for (const auto& [kind, n] : stats.kinds) {
    std::printf("  %-10s %llu\n", kind.c_str(),
                static_cast<unsigned long long>(n));
  }
  std::printf("reporters (top %zu)\n", stats.reporters.size());
  for (const auto& [name, n] : stats.reporters) {
    std::printf("  %s  %llu\n", name.c_str(),
                static_cast<unsigned long long>(n));
  }
  return 0;
}

}  // namespace

void AddStatsCommand(CLI::App& app, int& status) {
  auto db = std::make_shared<std::string>();
  auto* command = app.add_subcommand(
      "stats",
      "Counts per year, kinds, reporters, the index size and the "
      "versions it was built with");
  command->add_option("--db", *db, "Index directory")->required();
  command->callback([db, &status] {
    status = ReportingIndexErrors(*db, [&] { return PrintStats(*db); });
  });
}

}  // namespace baoku::indexer::cli
