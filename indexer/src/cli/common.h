// What several baoku-index subcommands share: the topic setup, the page
// metadata defaults, error reporting.
#ifndef BAOKU_INDEXER_SRC_CLI_COMMON_H_
#define BAOKU_INDEXER_SRC_CLI_COMMON_H_

#include <xapian.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>

#include "baoku/corpus/page_meta.h"
#include "baoku/corpus/result.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/topics.h"

namespace baoku::indexer::cli {

// The topic setup of a run: the taxonomy (none when no file was given and
// the project's is not installed) and the editor's overrides.
struct TopicSetup {
  std::optional<corpus::Taxonomy> taxonomy;
  corpus::TopicOverrides overrides;
  std::optional<corpus::TopicClassifier> classifier;
};

struct TopicOptions {
  std::string topics_file;
  std::string overrides_file;
};
// --topics, --topic-overrides.
void AddTopicOptions(CLI::App& command, TopicOptions& options);

// Loads the files of `options`; prints the problems and returns false when
// either has any (a typo must not silently mis-file articles).
bool LoadTopics(const TopicOptions& options,
                const corpus::TextAnalyzer& analyzer, TopicSetup& setup);

// --paper, --paper-code, --date, --page as typed.
struct PageMetaOptions {
  std::string paper, paper_code, date, page;
};
void AddPageMetaOptions(CLI::App& command, PageMetaOptions& options);
// The defaults they give, or the problem naming the bad option.
corpus::Result<corpus::PageMeta> PageMetaDefaults(
    const PageMetaOptions& options);

// "baoku-index: error: file:line: message".
void PrintError(const corpus::Diagnostic& problem);

// "12.3 MiB".
std::string HumanBytes(uint64_t bytes);

// Runs `work` and returns its exit status; an index failure (Xapian's or
// another exception, an index of another version) is reported naming `db`
// and gives 3. The one place the tool's commands catch infrastructure
// errors.
template <typename Work>
int ReportingIndexErrors(const std::string& db, Work work) {
  try {
    return work();
  } catch (const Xapian::Error& e) {
    std::cerr << "baoku-index: error: " << db << ": " << e.get_description()
              << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "baoku-index: error: " << e.what() << "\n";
    return 3;
  }
}

}  // namespace baoku::indexer::cli

#endif  // BAOKU_INDEXER_SRC_CLI_COMMON_H_
