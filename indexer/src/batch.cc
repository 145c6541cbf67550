#include "baoku/indexer/batch.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/correction.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/prominence.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/topics.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "baoku/indexer/lexicon_update.h"
#include "bulk_build.h"
#include "page_state.h"
#include "work_pool.h"

namespace baoku::indexer {
namespace fs = std::filesystem;

namespace {

bool IsInputFile(const fs::path& path) {
  return path.extension() == ".txt" || corpus::IsNdjsonPath(path);
}

// Walks `dir` folder by folder, so that a folder that cannot be read is
// named in `errors` and its siblings are still searched (an issue folder
// without read permission used to be skipped without a word).
void FindInFolder(const fs::path& dir, std::vector<fs::path>& files,
                  std::vector<corpus::Diagnostic>& errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  std::vector<fs::path> subfolders;
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code entry_ec;
    // Not through links: recursive_directory_iterator's rule, no loops.
    if (it->is_directory(entry_ec) && !it->is_symlink(entry_ec)) {
      subfolders.push_back(it->path());
    } else if (it->is_regular_file(entry_ec) && IsInputFile(it->path())) {
      files.push_back(it->path());
    }
  }
  if (ec) {
    errors.push_back({dir.string(), 0,
                      "cannot read the folder (" + ec.message() +
                          "); its pages are not indexed"});
  }
  for (const auto& sub : subfolders) FindInFolder(sub, files, errors);
}

}  // namespace

std::vector<fs::path> FindPageFiles(const std::vector<fs::path>& inputs,
                                    std::vector<corpus::Diagnostic>& errors) {
  std::vector<fs::path> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      FindInFolder(input, files, errors);
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
  // A page read without error that holds no article any more: its paper,
  // date and page (no text), so that the articles the index holds for it
  // are removed.
  std::optional<corpus::Article> empty_page;
};

// An article with only the fields PageKey() and the shards read.
corpus::Article EmptyPageOf(const corpus::PageMeta& meta,
                            const std::string& file) {
  corpus::Article a;
  a.paper_code = meta.paper_code.empty()
                     ? std::string(corpus::kDefaultPaperCode)
                     : meta.paper_code;
  a.date = *meta.date;
  a.page = *meta.page;
  a.source_file = file;
  return a;
}

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
  } else if (r.articles.empty() && page.meta.date && page.meta.page) {
    r.empty_page = EmptyPageOf(page.meta, file.string());
  }
  return r;
}

// ReadInput, with a failure of the file system (EIO: libstdc++'s
// "basic_filebuf::underflow") turned into an error naming the file: one bad
// disk block must not stop the other files of the batch.
FileResult ReadInputGuarded(const fs::path& file,
                            const corpus::PageMeta& defaults) {
  try {
    return ReadInput(file, defaults);
  } catch (const std::exception& e) {
    FileResult r;
    r.errors.push_back(
        {file.string(), 0, std::string("cannot read the file: ") + e.what()});
    r.failed = true;
    return r;
  }
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

// The file the index's articles of `page_key` were read from ("" if none).
std::string StoredSourceFile(IndexWriter& writer, const std::string& page_key) {
  Xapian::WritableDatabase& db = writer.database();
  std::string term = std::string(corpus::schema::kPageKey) + page_key;
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return "";
  auto json = nlohmann::json::parse(db.get_document(*it).get_data(), nullptr,
                                    /*allow_exceptions=*/false);
  auto stored = corpus::ArticleFromJson(json);
  if (!stored) return "";
  return stored->source_file;
}

// True when `stored` (a source file recorded in the index) still exists and
// is another file than `file`: two files give the same page, and so the
// same article ids (02.txt beside 2.txt, or a copied issue folder whose
// issue.json names the old date).
bool IsOtherExistingFile(const std::string& stored, const std::string& file) {
  std::error_code ec;
  if (stored.empty() || !fs::exists(stored, ec)) return false;
  return !fs::equivalent(stored, file, ec) && !ec;
}

std::string DuplicatePageMessage(const std::string& page_key,
                                 const std::string& other) {
  return "page " + page_key + " is also read from " + other +
         ": both give the same article ids; this file is not indexed (rename "
         "or remove one of them, or correct its date or page)";
}

// An issue (paper code + date) read in this run: its pages' keys and
// articles.
struct IssueBatch {
  std::set<std::string> page_keys;
  std::vector<const corpus::Article*> articles;
  // Its paper and date, for the shard: an issue may have no article
  // left when all its pages were emptied.
  const corpus::Article* sample = nullptr;
};

using ForEach =
    std::function<void(size_t n, const std::function<void(size_t)>& fn)>;

// Articles a bulk build is given at once per worker: enough that the
// workers' shares of Xapian's writes come out even (the pages are spread
// by size), few enough that their documents are small beside Xapian's own
// buffers.
constexpr size_t kBulkBatchArticlesPerWorker = 128;

double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9;
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
  summary.written_ids.insert(summary.written_ids.end(), ids.begin(), ids.end());
  return ids.size();
}

}  // namespace

BatchSummary IndexFiles(const fs::path& db, const std::vector<fs::path>& files,
                        const BatchOptions& options) {
  auto start = std::chrono::steady_clock::now();
  const double start_cpu = ProcessCpuSeconds();
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
  // as soon as it is written (commit_articles 1). Otherwise the one writer
  // of the index (or of each shard), each issue committed atomically.
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
  // Words the index was not built with (an edited lexicon file): the
  // articles already indexed that hold them are re-written first, in a
  // transaction of their own, and only those. A new bulk-built index holds
  // nothing to re-write.
  if (!bulk) {
    std::vector<std::string> stored = stored_lexicon();
    std::set<std::string> known(stored.begin(), stored.end());
    std::vector<std::string> words = lexicon.Words();
    bool any_new = std::any_of(words.begin(), words.end(),
                               [&](auto& w) { return known.count(w) == 0; });
    for (IndexWriter* writer :
         any_new ? writers->WritableShards() : std::vector<IndexWriter*>{}) {
      if (writer->DocumentCount() == 0) continue;
      LexiconUpdateSummary update = ApplyLexiconWords(
          *writer, WordsNewToIndex(*writer, lexicon), lexicon, analyzer);
      summary.lexicon_rewritten += update.rewritten;
      summary.lexicon_words.insert(summary.lexicon_words.end(),
                                   update.words.begin(), update.words.end());
    }
    std::sort(summary.lexicon_words.begin(), summary.lexicon_words.end());
    summary.lexicon_words.erase(
        std::unique(summary.lexicon_words.begin(), summary.lexicon_words.end()),
        summary.lexicon_words.end());
  }
  // All of it is stored, so that the search segments as the documents were.
  if (bulk) {
    bulk->Writer(0).StoreLexiconWords(lexicon.Words());
  } else {
    writers->StoreLexiconWords(lexicon.Words());
  }
  std::optional<corpus::TopicClassifier> classifier;
  if (options.taxonomy != nullptr)
    classifier.emplace(*options.taxonomy, analyzer);
  // The taxonomy goes into the first transaction that writes articles, so
  // that an index never holds topics the stored taxonomy does not know.
  bool topics_stored = options.taxonomy == nullptr;
  auto begin_group = [&] {
    if (bulk) {
      if (!topics_stored) {
        bulk->Writer(0).StoreTopics(options.taxonomy->ToJson());
      }
    } else {
      writers->BeginGroup();
      if (!topics_stored) writers->StoreTopics(options.taxonomy->ToJson());
    }
    topics_stored = true;
  };
  if (bulk) begin_group();

  BatchProgress progress;
  progress.files_total = files.size();
  std::map<std::string, std::string> page_files;  // Page key → its file.
  size_t pending = 0;  // Articles written since the last commit.
  for (const auto& group : GroupFiles(files)) {
    std::vector<FileResult> results(group.size());
    pool.ParallelFor(group.size(), [&](size_t i) {
      results[i] = ReadInputGuarded(group[i], options.defaults);
      corpus::MarkCorrectionNotices(results[i].articles);
      // After the kinds: a correction notice is no page's lead.
      corpus::MarkLeadStories(results[i].articles);
    });
    // Before the fingerprint: a new taxonomy or override re-writes the
    // pages whose topics it changes, and only those. Article by article on
    // every thread: one NDJSON file is one group of one file.
    if (classifier) {
      std::vector<corpus::Article*> all;
      for (auto& r : results) {
        for (auto& a : r.articles) all.push_back(&a);
      }
      pool.ParallelFor(all.size(), [&](size_t i) {
        corpus::AssignTopics(*all[i], *classifier, options.topic_overrides);
      });
    }

    std::map<std::string, IssueBatch> issues;
    std::vector<std::string> names;
    for (size_t i = 0; i < results.size(); ++i) {
      FileResult& r = results[i];
      const std::string file = group[i].string();
      ++summary.files;
      // Each page is read from one file in a batch: a second file with the
      // same page would silently overwrite the first one's articles.
      std::set<std::string> keys;
      for (const auto& a : r.articles) keys.insert(PageKey(a));
      if (r.empty_page) keys.insert(PageKey(*r.empty_page));
      for (const auto& key : keys) {
        auto [claimed, fresh] = page_files.emplace(key, file);
        if (!fresh && claimed->second != file && !r.failed) {
          r.errors.push_back(
              {file, 0, DuplicatePageMessage(key, claimed->second)});
          r.failed = true;
        }
      }
      if (r.failed) {
        r.articles.clear();
        r.empty_page.reset();
      }
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
        if (!issue.sample) issue.sample = &a;
        for (const auto* list :
             {&a.reporters, &a.photographers, &a.correspondents}) {
          for (const auto& name : *list) {
            names.push_back(analyzer.NormalizeKey(name));
          }
        }
      }
      if (r.empty_page) {
        const corpus::Article& page = *r.empty_page;
        IssueBatch& issue = issues[page.paper_code + " " + page.date.ToIso()];
        issue.page_keys.insert(PageKey(page));
        if (!issue.sample) issue.sample = &page;
      }
    }
    for (const auto& name : names) lexicon.Add(name, analyzer);
    if (bulk) {
      bulk->Writer(0).StoreLexiconWords(names);
    } else {
      writers->StoreLexiconWords(names);
    }

    if (bulk) {
      // The index is new, so no page of it comes from another file yet.
      // Pages in write order (issues, then their articles' order), handed
      // to the bulk build in batches of whole issues.
      std::vector<BulkBuild::Page> batch;
      size_t batch_articles = 0;
      auto write_batch = [&] {
        if (batch.empty()) return;
        ReplaceStats stats = bulk->Write(batch, analyzer, lexicon, pool);
        summary.added += stats.added;
        summary.replaced += stats.replaced;
        summary.removed += stats.removed;
        for (const auto& page : batch) {
          for (const auto* a : page.articles) {
            summary.written_ids.push_back(a->id);
          }
        }
        pending += batch_articles;
        batch.clear();
        batch_articles = 0;
        if (pending >= std::max<size_t>(1, options.commit_articles)) {
          bulk->Checkpoint(pool);
          pending = 0;
        }
      };
      for (auto& [key, issue] : issues) {
        ++summary.issues;
        std::map<std::string, size_t> index_of_page;
        for (const auto& page_key : issue.page_keys) {
          if (std::none_of(issue.articles.begin(), issue.articles.end(),
                           [&](auto* a) { return PageKey(*a) == page_key; })) {
            batch.push_back({page_key, {}});  // Emptied: its fingerprint.
          }
        }
        for (const auto* a : issue.articles) {
          auto [at, fresh] = index_of_page.emplace(PageKey(*a), batch.size());
          if (fresh) batch.push_back({at->first, {}});
          batch[at->second].articles.push_back(a);
        }
        batch_articles += issue.articles.size();
        // Enough documents for every thread, few enough to hold in memory.
        if (batch_articles >= kBulkBatchArticlesPerWorker * bulk->workers()) {
          write_batch();
        }
      }
      write_batch();
      if (!issues.empty()) progress.last_issue = issues.rbegin()->first;
    } else {
      for (auto& [key, issue] : issues) {
        // An issue is one paper on one date: all of it goes to one shard.
        IndexWriter& writer = writers->For(*issue.sample);
        // A page of this batch that the index holds from another file that
        // still exists: the same article ids, from a file of an earlier batch.
        for (auto key = issue.page_keys.begin();
             key != issue.page_keys.end();) {
          const std::string& file = page_files.at(*key);
          std::string stored = StoredSourceFile(writer, *key);
          if (!IsOtherExistingFile(stored, file)) {
            ++key;
            continue;
          }
          report({file, 0, DuplicatePageMessage(*key, stored)}, true);
          ++summary.failed_files;
          std::erase_if(issue.articles, [&](const corpus::Article* a) {
            return PageKey(*a) == *key;
          });
          key = issue.page_keys.erase(key);
        }
        if (issue.page_keys.empty()) continue;
        pending += WriteIssue(
            writer, issue, !options.force, analyzer, lexicon,
            [&](size_t n, const std::function<void(size_t)>& fn) {
              pool.ParallelFor(n, fn);
            },
            begin_group, summary);
        progress.last_issue = key;
      }
    }
    if (!bulk && pending >= std::max<size_t>(1, options.commit_articles)) {
      writers->CommitGroup();
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
  summary.threads = pool.threads();
  WorkPool::Usage usage = pool.usage();
  summary.parallel_seconds = usage.loop_seconds;
  summary.parallel_cpu_seconds = usage.loop_cpu_seconds;
  summary.cpu_seconds = ProcessCpuSeconds() - start_cpu;
  summary.critical_cpu_seconds =
      std::max(0.0, summary.cpu_seconds - usage.loop_cpu_seconds) +
      usage.longest_thread_cpu_seconds;
  return summary;
}

}  // namespace baoku::indexer
