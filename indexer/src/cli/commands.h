// The subcommands of baoku-index, one file each. Each Add*Command() adds
// its subcommand to `app`; when it is given, CLI11 runs it after parsing
// and its exit status lands in `status`:
//   0 done, 1 some input could not be read (the rest is indexed),
//   2 bad command line or configuration, 3 the index failed.
#ifndef BAOKU_INDEXER_SRC_CLI_COMMANDS_H_
#define BAOKU_INDEXER_SRC_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace baoku::indexer::cli {

void AddIndexCommand(CLI::App& app, int& status);
void AddExplainCommand(CLI::App& app, int& status);
void AddStatsCommand(CLI::App& app, int& status);
void AddCompactCommand(CLI::App& app, int& status);
void AddRetopicCommand(CLI::App& app, int& status);
void AddCloseShardCommand(CLI::App& app, int& status);
void AddLexiconAddCommand(CLI::App& app, int& status);

}  // namespace baoku::indexer::cli

#endif  // BAOKU_INDEXER_SRC_CLI_COMMANDS_H_
