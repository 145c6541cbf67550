// baoku-index lexicon-add --db DB WORD…: adds words to the lexicon stored
// with the index and re-writes only the articles that hold them
// (lexicon_update.h); also `baoku-index --db DB --lexicon-add WORD…`.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "baoku/indexer/lexicon_update.h"
#include "commands.h"
#include "common.h"

namespace baoku::indexer::cli {
namespace {

struct LexiconAddOptions {
  std::string db;
  std::vector<std::string> words;
  std::string lexicon;
  bool quiet = false;
};

int LexiconAdd(const LexiconAddOptions& options) {
  corpus::TextAnalyzer analyzer;
  std::vector<std::string> words;
  for (const auto& typed : options.words) {
    auto word = CheckLexiconWord(typed, analyzer, "WORD");
    if (!word) {
      PrintError(word.problem());
      continue;
    }
    words.push_back(*word);
  }
  if (words.size() != options.words.size()) return 2;
  auto start = std::chrono::steady_clock::now();
  LexiconUpdateSummary s = AddWordsToIndex(
      options.db, words, options.lexicon, [&](const corpus::Diagnostic& d) {
        if (!options.quiet) {
          std::cerr << "baoku-index: warning: " << d.ToString() << "\n";
        }
      });
  std::string list;
  for (const auto& word : s.words) list += (list.empty() ? "" : " ") + word;
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "baoku-index: lexicon-add %s: %zu words (%s), %zu articles hold "
      "them, %zu re-written, %zu unreadable, %.2f s\n",
      options.db.c_str(), s.words.size(), list.c_str(), s.found, s.rewritten,
      s.unreadable, seconds);
  return s.unreadable == 0 ? 0 : 1;
}

}  // namespace

void AddLexiconAddCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<LexiconAddOptions>();
  auto* command = app.add_subcommand(
      "lexicon-add",
      "Add words to the index's lexicon and re-write only the articles "
      "that hold them");
  command->add_option("--db", options->db, "Index directory")->required();
  command
      ->add_option("WORD", options->words,
                   "Words to keep whole (2 to 12 Han characters each)")
      ->required();
  command->add_option("--lexicon", options->lexicon,
                      "Project lexicon file (default: corpus/lexicon.txt)");
  command->add_flag("-q,--quiet", options->quiet, "Print only errors");
  command->callback([options, &status] {
    status =
        ReportingIndexErrors(options->db, [&] { return LexiconAdd(*options); });
  });
}

}  // namespace baoku::indexer::cli
