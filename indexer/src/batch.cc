#include "baoku/indexer/batch.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/topics.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "bulk_build.h"
#include "page_state.h"
#include "work_pool.h"

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

namespace {

// What one input file gave: articles, and diagnostics to report in order.
struct FileResult {
  std::vector<corpus::Article> articles;
  std::vector<corpus::Diagnostic> warnings;
  std::vector<corpus::Diagnostic> errors;
  bool failed = false;     // The whole file could not be read.
  size_t bad_records = 0;  // NDJSON lines not read.
};

FileResult ReadInput(const fs::path& file, const corpus::PageMeta& defaults) {
  FileResult r;
  if (corpus::IsNdjsonPath(file)) {
    corpus::NdjsonReading records = corpus::ReadNdjsonFile(file, defaults);
    r.articles = std::move(records.articles);
    r.warnings = std::move(records.warnings);
    r.errors = std::move(records.errors);
    r.bad_records = r.errors.size();
    if (records.error) {
      r.errors.push_back(*records.error);
      r.failed = true;
    }
    return r;
  }
  corpus::PageReading page = corpus::ReadPageFile(file, defaults);
  r.articles = std::move(page.articles);
  r.warnings = std::move(page.warnings);
  if (page.error) {
    r.errors.push_back(*page.error);
    r.failed = true;
  }
  return r;
}

// Files that belong together: the issue date of a dated path, else the
// folder. Each group is read, analyzed and committed before the next.
std::vector<std::vector<fs::path>> GroupFiles(
    const std::vector<fs::path>& files) {
  std::map<std::string, std::vector<fs::path>> groups;
  for (const auto& f : files) {
    corpus::PageMeta meta = corpus::MetaFromPath(f);
    std::string key = meta.date ? "date:" + meta.date->ToCompact()
                                : "dir:" + f.parent_path().string();
    groups[key].push_back(f);
  }
  std::vector<std::vector<fs::path>> out;
  for (auto& [key, group] : groups) out.push_back(std::move(group));
  return out;
}

// An issue (paper code + date) read in this run: its pages' keys and
// articles.
struct IssueBatch {
  std::set<std::string> page_keys;
  std::vector<const corpus::Article*> articles;
};

using ForEach =
    std::function<void(size_t n, const std::function<void(size_t)>& fn)>;

void SerialFor(size_t n, const std::function<void(size_t)>& fn) {
  for (size_t i = 0; i < n; ++i) fn(i);
}

void AddCounts(BatchSummary& to, const BatchSummary& from) {
  to.issues += from.issues;
  to.added += from.added;
  to.replaced += from.replaced;
  to.removed += from.removed;
  to.unchanged += from.unchanged;
}

// Writes one issue's changed pages (all of them unless `skip_unchanged`)
// with `writer` in one ReplacePages, building the documents with
// `for_each`; counts into `summary`. Returns the articles written.
size_t WriteIssue(IndexWriter& writer, IssueBatch& issue, bool skip_unchanged,
                  const corpus::TextAnalyzer& analyzer,
                  const corpus::Lexicon& lexicon, const ForEach& for_each,
                  const std::function<void()>& before_write,
                  BatchSummary& summary) {
  ++summary.issues;
  // Pages whose articles are exactly what the index already holds for
  // them are left alone: re-running a batch is cheap.
  std::map<std::string, std::string> fingerprints;
  for (const auto& page_key : issue.page_keys) {
    fingerprints[page_key] = PageFingerprintOf(issue.articles, page_key);
  }
  if (skip_unchanged) {
    std::set<std::string> unchanged;
    for (const auto& [page_key, fingerprint] : fingerprints) {
      if (writer.PageFingerprint(page_key) == fingerprint) {
        unchanged.insert(page_key);
      }
    }
    std::erase_if(issue.articles, [&](const corpus::Article* a) {
      bool skip = unchanged.count(PageKey(*a)) > 0;
      summary.unchanged += skip;
      return skip;
    });
    for (const auto& page_key : unchanged) {
      issue.page_keys.erase(page_key);
      fingerprints.erase(page_key);
    }
    if (issue.page_keys.empty()) return 0;
  }
  const auto& articles = issue.articles;
  std::vector<Xapian::Document> docs(articles.size());
  for_each(docs.size(), [&](size_t i) {
    docs[i] = BuildDocument(*articles[i], analyzer, &lexicon);
  });
  std::vector<std::string> ids;
  for (const auto* a : articles) ids.push_back(a->id);
  before_write();
  ReplaceStats stats =
      writer.ReplacePages({issue.page_keys.begin(), issue.page_keys.end()}, ids,
                          docs, fingerprints);
  summary.added += stats.added;
  summary.replaced += stats.replaced;
  summary.removed += stats.removed;
  return ids.size();
}

}  // namespace

BatchSummary IndexFiles(const fs::path& db, const std::vector<fs::path>& files,
                        const BatchOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
        .count();
  };
  auto report = [&](const corpus::Diagnostic& d, bool is_error) {
    if (options.report) options.report(d, is_error);
  };
  int threads =
      options.threads > 0
          ? options.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  BatchSummary summary;
  corpus::TextAnalyzer analyzer;
  WorkPool pool(threads);
  // A new unsharded index on several threads: one sub-database per worker,
  // merged at the end (bulk_build.h), unless every issue is to be visible
  // as soon as it is written (commit_articles 1). Otherwise the one writer of
  // the index (or of each shard), each issue committed atomically.
  std::optional<BulkBuild> bulk;
  std::optional<ShardSet> writers;
  if (threads > 1 && options.commit_articles > 1 &&
      BulkBuild::Applies(db, options.shards.by != ShardPolicy::By::kNone ||
                                 IsShardedIndex(db))) {
    bulk.emplace(db, threads);
  } else {
    writers.emplace(db, options.shards);
  }
  // The metadata (lexicon, topics) of a bulk build goes to its first
  // sub-database; the merge keeps it.
  auto stored_lexicon = [&] {
    return bulk ? std::vector<std::string>{} : writers->StoredLexiconWords();
  };

  // The lexicon: the project's file, the names already stored with the
  // index, and the names in the bylines read (stored for the search).
  corpus::Lexicon lexicon =
      LoadIndexLexicon(options.lexicon_file, stored_lexicon(), analyzer,
                       [&](const corpus::Diagnostic& d) { report(d, false); });
  std::optional<corpus::TopicClassifier> classifier;
  if (options.taxonomy != nullptr)
    classifier.emplace(*options.taxonomy, analyzer);
  // The taxonomy goes into the first transaction that writes articles, so
  // that an index never holds topics the stored taxonomy does not know.
  bool topics_stored = options.taxonomy == nullptr;
  auto begin_group = [&] {
    if (bulk) {
      if (!topics_stored)
        bulk->Writer(0).StoreTopics(options.taxonomy->ToJson());
    } else {
      writers->BeginGroup();
      if (!topics_stored) writers->StoreTopics(options.taxonomy->ToJson());
    }
    topics_stored = true;
  };
  if (bulk) begin_group();

  BatchProgress progress;
  progress.files_total = files.size();
  size_t pending = 0;  // Articles written since the last commit.
  for (const auto& group : GroupFiles(files)) {
    std::vector<FileResult> results(group.size());
    pool.ParallelFor(group.size(), [&](size_t i) {
      results[i] = ReadInput(group[i], options.defaults);
      // Before the fingerprint: a new taxonomy or override re-writes the
      // pages whose topics it changes, and only those.
      if (classifier) {
        for (auto& a : results[i].articles) {
          corpus::AssignTopics(a, *classifier, options.topic_overrides);
        }
      }
    });

    std::map<std::string, IssueBatch> issues;
    std::vector<std::string> names;
    for (auto& r : results) {
      ++summary.files;
      for (const auto& w : r.warnings) report(w, false);
      for (const auto& e : r.errors) report(e, true);
      summary.warnings += r.warnings.size();
      summary.failed_records += r.bad_records;
      if (r.failed) ++summary.failed_files;
      summary.articles += r.articles.size();
      for (const auto& a : r.articles) {
        IssueBatch& issue = issues[a.paper_code + " " + a.date.ToIso()];
        issue.page_keys.insert(PageKey(a));
        issue.articles.push_back(&a);
        for (const auto* list :
             {&a.reporters, &a.photographers, &a.correspondents}) {
          for (const auto& name : *list) {
            names.push_back(analyzer.NormalizeKey(name));
          }
        }
      }
    }
    for (const auto& name : names) lexicon.Add(name, analyzer);
    if (bulk) {
      bulk->Writer(0).StoreLexiconWords(names);
    } else {
      writers->StoreLexiconWords(names);
    }

    if (bulk) {
      // Each worker analyzes and writes its own issues into its own
      // sub-database: Xapian's work runs on every core too.
      std::vector<std::vector<IssueBatch*>> work(bulk->workers());
      for (auto& [key, issue] : issues) {
        work[bulk->WorkerOf(key)].push_back(&issue);
      }
      std::vector<BatchSummary> parts(work.size());
      pool.ParallelFor(work.size(), [&](size_t w) {
        for (IssueBatch* issue : work[w]) {
          WriteIssue(
              bulk->Writer(static_cast<int>(w)), *issue,
              /*skip_unchanged=*/false, analyzer, lexicon, SerialFor, [] {},
              parts[w]);
        }
      });
      for (const auto& part : parts) AddCounts(summary, part);
      for (const auto& [key, issue] : issues) pending += issue.articles.size();
      if (!issues.empty()) progress.last_issue = issues.rbegin()->first;
    } else {
      for (auto& [key, issue] : issues) {
        // An issue is one paper on one date: all of it goes to one shard.
        IndexWriter& writer = writers->For(*issue.articles.front());
        pending += WriteIssue(
            writer, issue, !options.force, analyzer, lexicon,
            [&](size_t n, const std::function<void(size_t)>& fn) {
              pool.ParallelFor(n, fn);
            },
            begin_group, summary);
        progress.last_issue = key;
      }
    }
    if (pending >= std::max<size_t>(1, options.commit_articles)) {
      if (bulk) {
        bulk->Checkpoint();
      } else {
        writers->CommitGroup();
      }
      pending = 0;
    }
    progress.files_done += group.size();
    progress.articles = summary.articles;
    progress.seconds = elapsed();
    if (options.progress) options.progress(progress);
  }
  if (bulk) {
    bulk->Finish();
  } else {
    if (!topics_stored) begin_group();  // Every page was unchanged.
    writers->Finish();
  }
  summary.seconds = elapsed();
  return summary;
}

}  // namespace baoku::indexer
