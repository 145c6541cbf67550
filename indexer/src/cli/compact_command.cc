// baoku-index compact --db DB: compacts a read-only archive in place.
#include <cstdio>
#include <iostream>

#include "baoku/indexer/index_writer.h"
#include "baoku/indexer/maintenance.h"
#include "baoku/indexer/shards.h"
#include "commands.h"
#include "common.h"

namespace baoku::indexer::cli {
namespace {

int Compact(const std::string& db) {
  if (IsShardedIndex(db)) {
    std::cerr << "baoku-index: " << db
              << " is sharded: compact closed shards with close-shard\n";
    return 2;
  }
  // Refuses an index of another version before copying it.
  { IndexWriter check(db); }
  CompactIndex(db);
  std::printf("baoku-index: compacted %s (%s)\n", db.c_str(),
              HumanBytes(ReadIndexStats(db).bytes_on_disk).c_str());
  return 0;
}

}  // namespace

void AddCompactCommand(CLI::App& app, int& status) {
  auto db = std::make_shared<std::string>();
  auto* command = app.add_subcommand(
      "compact", "Compact the index for a read-only archive");
  command->add_option("--db", *db, "Index directory")->required();
  command->callback([db, &status] {
    status = ReportingIndexErrors(*db, [&] { return Compact(*db); });
  });
}

}  // namespace baoku::indexer::cli
