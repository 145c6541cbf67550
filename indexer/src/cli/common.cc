#include "common.h"

#include <cstdio>

namespace baoku::indexer::cli {

void AddTopicOptions(CLI::App& command, TopicOptions& options) {
  command.add_option("--topics", options.topics_file,
                     "Topic taxonomy (default: corpus/topics.json; none: "
                     "assign no topics)");
  command.add_option("--topic-overrides", options.overrides_file,
                     "Editor's topic corrections per article id (see "
                     "corpus/topic_overrides.txt); default: none");
}

bool LoadTopics(const TopicOptions& options,
                const corpus::TextAnalyzer& analyzer, TopicSetup& setup) {
  // "none": assign no topics; articles keep those their input carries
  // (NDJSON exports from a system where editors tagged them).
  std::filesystem::path path = options.topics_file.empty()
                                   ? corpus::DefaultTopicsPath()
                               : options.topics_file == "none"
                                   ? std::filesystem::path()
                                   : std::filesystem::path(options.topics_file);
  std::vector<corpus::Diagnostic> errors;
  if (!path.empty()) {
    setup.taxonomy = corpus::Taxonomy::LoadFile(path, analyzer, errors);
  }
  if (setup.taxonomy && !options.overrides_file.empty()) {
    errors = setup.overrides.LoadFile(options.overrides_file, *setup.taxonomy);
  } else if (!options.overrides_file.empty() && errors.empty()) {
    errors.push_back(
        {options.overrides_file, 0, "overrides need a topic taxonomy"});
  }
  for (const auto& e : errors) PrintError(e);
  if (setup.taxonomy) setup.classifier.emplace(*setup.taxonomy, analyzer);
  return errors.empty();
}

void AddPageMetaOptions(CLI::App& command, PageMetaOptions& options) {
  command.add_option("--paper", options.paper,
                     "Paper name when the pages do not say");
  command.add_option("--paper-code", options.paper_code,
                     "Short ASCII paper code used in article ids");
  command.add_option("--date", options.date,
                     "Issue date (YYYY-MM-DD) when not in the path");
  command.add_option("--page", options.page,
                     "Page number when not in the path");
}

corpus::Result<corpus::PageMeta> PageMetaDefaults(
    const PageMetaOptions& options) {
  corpus::PageMeta defaults;
  defaults.paper = options.paper;
  defaults.paper_code = options.paper_code;
  if (!options.date.empty()) {
    defaults.date = corpus::ParseDate(options.date);
    if (!defaults.date) {
      return corpus::Diagnostic::InParameter(
          "--date", 0,
          "--date '" + options.date + "' is not a valid YYYY-MM-DD date",
          "cli.bad_date");
    }
  }
  if (!options.page.empty()) {
    try {
      defaults.page = std::stoi(options.page);
    } catch (const std::exception&) {
      // Not a number (or out of int's range): the message below.
    }
    if (!defaults.page || *defaults.page < 1 || *defaults.page > 999) {
      return corpus::Diagnostic::InParameter(
          "--page", 0,
          "--page '" + options.page + "' is not a page number 1..999",
          "cli.bad_page");
    }
  }
  return defaults;
}

void PrintError(const corpus::Diagnostic& problem) {
  std::cerr << "baoku-index: error: " << problem.ToString() << "\n";
}

std::string HumanBytes(uint64_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / 1048576.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / 1024.0);
  }
  return buf;
}

}  // namespace baoku::indexer::cli
