#include "baoku/indexer/batch.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"

namespace baoku::indexer {
namespace fs = std::filesystem;

std::vector<fs::path> FindPageFiles(const std::vector<fs::path>& inputs,
                                    std::vector<corpus::Diagnostic>& errors) {
  std::vector<fs::path> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && (it->path().extension() == ".txt" ||
                                        corpus::IsNdjsonPath(it->path()))) {
          files.push_back(it->path());
        }
      }
      if (ec) errors.push_back({input.string(), 0, ec.message()});
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      errors.push_back({input.string(), 0, "no such file or directory"});
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

BatchSummary IndexFiles(const fs::path& db, const std::vector<fs::path>& files,
                        const BatchOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto report = [&](const corpus::Diagnostic& d, bool is_error) {
    if (options.report) options.report(d, is_error);
  };
  BatchSummary summary;
  corpus::TextAnalyzer analyzer;

  // Issue (paper code + date) → its pages' keys and articles.
  struct IssueBatch {
    std::set<std::string> page_keys;
    std::vector<corpus::Article> articles;
  };
  std::map<std::string, IssueBatch> issues;
  auto add = [&](std::vector<corpus::Article>& articles) {
    for (auto& a : articles) {
      IssueBatch& issue = issues[a.paper_code + "-" + a.date.ToCompact()];
      issue.page_keys.insert(PageKey(a));
      issue.articles.push_back(std::move(a));
    }
  };
  for (const auto& file : files) {
    ++summary.files;
    if (corpus::IsNdjsonPath(file)) {
      corpus::NdjsonReading records =
          corpus::ReadNdjsonFile(file, options.defaults);
      for (const auto& w : records.warnings) report(w, false);
      for (const auto& e : records.errors) report(e, true);
      summary.warnings += records.warnings.size();
      summary.failed_records += records.errors.size();
      if (records.error) {
        report(*records.error, true);
        ++summary.failed_files;
      }
      add(records.articles);
      continue;
    }
    corpus::PageReading page = corpus::ReadPageFile(file, options.defaults);
    for (const auto& w : page.warnings) report(w, false);
    summary.warnings += page.warnings.size();
    if (page.error) {
      report(*page.error, true);
      ++summary.failed_files;
      continue;
    }
    add(page.articles);
  }

  IndexWriter writer(db);
  // The lexicon: the project's file, the names already stored with the
  // index, and the names in this batch's bylines (stored for the search).
  corpus::Lexicon lexicon;
  std::filesystem::path lexicon_file = options.lexicon_file.empty()
                                           ? corpus::DefaultLexiconPath()
                                           : options.lexicon_file;
  if (!lexicon_file.empty()) {
    for (const auto& problem : lexicon.LoadFile(lexicon_file, analyzer)) {
      report(problem, false);
    }
  }
  std::vector<std::string> names = writer.StoredLexiconWords();
  for (const auto& [key, issue] : issues) {
    for (const auto& a : issue.articles) {
      for (const auto* list :
           {&a.reporters, &a.photographers, &a.correspondents}) {
        for (const auto& name : *list) {
          names.push_back(analyzer.NormalizeKey(name));
        }
      }
    }
  }
  for (const auto& name : names) lexicon.Add(name, analyzer);
  writer.StoreLexiconWords(names);

  for (const auto& [key, issue] : issues) {
    ReplaceStats stats =
        writer.ReplacePages({issue.page_keys.begin(), issue.page_keys.end()},
                            issue.articles, analyzer, &lexicon);
    ++summary.issues;
    summary.articles += issue.articles.size();
    summary.added += stats.added;
    summary.replaced += stats.replaced;
    summary.removed += stats.removed;
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return summary;
}

}  // namespace baoku::indexer
