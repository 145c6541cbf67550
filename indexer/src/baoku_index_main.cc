// baoku-index: reads newspaper pages and writes them into a baoku index.
// One subcommand per job (indexer/src/cli/), each in its own file:
//
//   baoku-index index --db DB PATHS      (also: baoku-index --db DB PATHS)
//   baoku-index explain PATHS            (also: --explain)
//   baoku-index stats --db DB
//   baoku-index compact --db DB          (also: --db DB --compact)
//   baoku-index retopic --db DB          (also: --retopic)
//   baoku-index close-shard --db DB NAME (also: --close-shard NAME)
//   baoku-index lexicon-add --db DB WORD… (also: --lexicon-add WORD…)
//
// The forms in parentheses are those of earlier versions, still accepted:
// they are rewritten into the subcommand before parsing.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

// The arguments of a command line in the old form (flags, no subcommand)
// rewritten into the subcommand they stand for; others are kept as they
// are.
std::vector<std::string> WithSubcommand(std::vector<std::string> args) {
  static const char* const kCommands[] = {
      "index",       "explain",     "stats", "compact", "retopic",
      "close-shard", "lexicon-add", "-h",    "--help"};
  if (args.empty()) return args;
  for (const char* command : kCommands) {
    if (args.front() == command) return args;
  }
  auto take_flag = [&](const std::string& flag) {
    for (auto it = args.begin(); it != args.end(); ++it) {
      if (*it == flag) {
        args.erase(it);
        return true;
      }
    }
    return false;
  };
  std::string command = "index";
  if (take_flag("--explain")) {
    command = "explain";
  } else if (take_flag("--retopic")) {
    command = "retopic";
  } else if (auto flag = std::find(args.begin(), args.end(), "--lexicon-add");
             flag != args.end()) {
    // "--lexicon-add W1 W2 …" → "lexicon-add … W1 W2 …": the words are
    // the arguments after it up to the next option.
    auto end = std::find_if(flag + 1, args.end(), [](const std::string& a) {
      return a.rfind("-", 0) == 0;
    });
    std::vector<std::string> words(flag + 1, end);
    args.erase(flag, end);
    args.insert(args.end(), words.begin(), words.end());
    command = "lexicon-add";
  } else {
    for (auto it = args.begin(); it != args.end(); ++it) {
      // "--close-shard NAME" → "close-shard ... NAME".
      if (*it == "--close-shard" && it + 1 != args.end()) {
        std::string name = *(it + 1);
        args.erase(it, it + 2);
        args.push_back(name);
        command = "close-shard";
        break;
      }
      if (it->rfind("--close-shard=", 0) == 0) {
        std::string name = it->substr(sizeof("--close-shard=") - 1);
        args.erase(it);
        args.push_back(name);
        command = "close-shard";
        break;
      }
    }
  }
  args.insert(args.begin(), command);
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "baoku-index: read newspaper pages (plain-text e-paper dumps, or NDJSON "
      "exports) and index them"};
  app.name("baoku-index");
  app.require_subcommand(1, 1);
  int status = 0;
  baoku::indexer::cli::AddIndexCommand(app, status);
  baoku::indexer::cli::AddExplainCommand(app, status);
  baoku::indexer::cli::AddStatsCommand(app, status);
  baoku::indexer::cli::AddCompactCommand(app, status);
  baoku::indexer::cli::AddRetopicCommand(app, status);
  baoku::indexer::cli::AddCloseShardCommand(app, status);
  baoku::indexer::cli::AddLexiconAddCommand(app, status);

  std::vector<std::string> args(argv + 1, argv + argc);
  args = WithSubcommand(std::move(args));
  // CLI11 parses a vector in reverse order.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return status;
}
