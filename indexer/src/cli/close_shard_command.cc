// baoku-index close-shard --db DB NAME: compacts one shard of a sharded
// index into a single read-only file.
#include <cstdio>

#include "baoku/indexer/shards.h"
#include "commands.h"
#include "common.h"

namespace baoku::indexer::cli {
namespace {

struct CloseShardOptions {
  std::string db;
  std::string shard;
};

}  // namespace

void AddCloseShardCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<CloseShardOptions>();
  auto* command = app.add_subcommand(
      "close-shard",
      "Compact this shard of a sharded index into one read-only file; later "
      "writes to it are refused");
  command->add_option("--db", options->db, "Sharded index directory")
      ->required();
  command->add_option("shard", options->shard, "Shard name, e.g. 2010-2019")
      ->required();
  command->callback([options, &status] {
    status = ReportingIndexErrors(options->db, [&] {
      CloseShard(options->db, options->shard);
      std::printf("baoku-index: closed shard %s of %s\n",
                  options->shard.c_str(), options->db.c_str());
      return 0;
    });
  });
}

}  // namespace baoku::indexer::cli
