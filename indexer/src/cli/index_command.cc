// baoku-index index --db DB PATHS: reads pages and writes them into the
// index (the default command: `baoku-index --db DB PATHS` is this).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "baoku/corpus/ingest_report.h"
#include "baoku/indexer/batch.h"
#include "baoku/indexer/maintenance.h"
#include "commands.h"
#include "common.h"
#include "saved_search_counts.h"

namespace baoku::indexer::cli {
namespace {

namespace fs = std::filesystem;
using corpus::Diagnostic;

// A progress bar on a terminal, a log line per group otherwise.
class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(isatty(STDERR_FILENO) == 1) {}

  void operator()(const BatchProgress& p) {
    double rate = p.seconds > 0 ? p.articles / p.seconds : 0;
    double files_rate = p.seconds > 0 ? p.files_done / p.seconds : 0;
    double eta =
        files_rate > 0 ? (p.files_total - p.files_done) / files_rate : 0;
    if (!tty_) {
      std::fprintf(stderr,
                   "baoku-index: %s done, %zu/%zu files, %zu articles, "
                   "%.0f articles/s\n",
                   p.last_issue.c_str(), p.files_done, p.files_total,
                   p.articles, rate);
      return;
    }
    constexpr int kWidth = 30;
    int filled = p.files_total
                     ? static_cast<int>(kWidth * p.files_done / p.files_total)
                     : kWidth;
    std::string bar(filled, '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr,
                 "\r[%s] %zu/%zu files  %zu articles  %.0f/s  ETA %d:%02d ",
                 bar.c_str(), p.files_done, p.files_total, p.articles, rate,
                 static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    if (p.files_done == p.files_total) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  bool tty_;
};

struct IndexOptions {
  std::string db;
  std::vector<std::string> inputs;
  PageMetaOptions meta;
  TopicOptions topics;
  std::string lexicon;
  int threads = 0;
  bool quiet = false;
  bool compact = false;
  bool force = false;
  bool rebuild = false;
  size_t commit_articles = 2000;
  std::string shard_by;
  std::string report_file;
  bool no_report = false;
  bool timings = false;
  std::string saved_searches;
};

// Indexes `files` into `db`; the exit status.
int IndexInto(const fs::path& db, const std::vector<fs::path>& files,
              const IndexOptions& options, const corpus::PageMeta& defaults,
              const ShardPolicy& shards, const TopicSetup& topics) {
  // `db` is options.db, or the new index a --rebuild fills beside it.
  BatchOptions batch;
  batch.defaults = defaults;
  batch.lexicon_file = options.lexicon;
  batch.threads = options.threads;
  batch.force = options.force;
  batch.commit_articles = options.commit_articles;
  batch.shards = shards;
  if (topics.taxonomy) batch.taxonomy = &*topics.taxonomy;
  batch.topic_overrides = &topics.overrides;
  batch.report = [&](const Diagnostic& d, bool is_error) {
    if (is_error) {
      PrintError(d);
    } else if (!options.quiet) {
      std::cerr << "baoku-index: warning: " << d.ToString() << "\n";
    }
  };
  ProgressPrinter printer;
  if (!options.quiet) batch.progress = std::ref(printer);
  auto s = IndexFiles(db, files, batch);
  std::printf(
      "baoku-index: %zu files (%zu failed), %zu issues, %zu articles "
      "(%zu new, %zu updated, %zu removed, %zu unchanged), "
      "%zu records rejected, %zu warnings, %.2f s\n",
      s.files, s.failed_files, s.issues, s.articles, s.added, s.replaced,
      s.removed, s.unchanged, s.failed_records, s.warnings, s.seconds);
  if (options.timings) {
    // What more cores cannot shorten (Amdahl), in CPU time: the figures to
    // compare on a machine too loaded to time one thread against two.
    double serial = std::max(0.0, s.cpu_seconds - s.parallel_cpu_seconds);
    std::printf(
        "baoku-index: timings: %d threads, %.2f s wall, %.2f CPU s (%.2f s "
        "serial, %.2f s in parallel loops), critical path %.2f CPU s "
        "(serial + each loop's busiest thread)\n",
        s.threads, s.seconds, s.cpu_seconds, serial, s.parallel_cpu_seconds,
        s.critical_cpu_seconds);
  }
  if (!s.lexicon_words.empty()) {
    std::string list;
    for (const auto& w : s.lexicon_words) list += (list.empty() ? "" : " ") + w;
    std::printf(
        "baoku-index: lexicon: %zu new words (%s), %zu articles re-written\n",
        s.lexicon_words.size(), list.c_str(), s.lexicon_rewritten);
  }
  bool saved_failed = false;
  nlohmann::json extra = nlohmann::json::object();
  if (auto counts =
          CountSavedSearches(db, options.db, options.saved_searches,
                             s.written_ids, options.quiet, saved_failed)) {
    extra["saved_searches"] = std::move(*counts);
  }
  if (!options.no_report &&
      !corpus::PrintIngestReport(files, defaults, options.report_file,
                                 options.quiet, extra)) {
    return 2;
  }
  return s.failed_files == 0 && s.failed_records == 0 && !saved_failed ? 0 : 1;
}

int Index(const IndexOptions& options) {
  auto defaults = PageMetaDefaults(options.meta);
  if (!defaults) {
    std::cerr << "baoku-index: " << defaults.problem().message << "\n";
    return 2;
  }
  ShardPolicy shards;
  if (!options.shard_by.empty()) {
    auto parsed = ParseShardPolicy(options.shard_by);
    if (!parsed) {
      std::cerr << "baoku-index: " << parsed.problem().message << "\n";
      return 2;
    }
    shards = *parsed;
  }
  if (options.inputs.empty() && !options.compact) {
    std::cerr << "baoku-index: give page files or directories to index "
                 "(see --help)\n";
    return 2;
  }
  if (options.rebuild && options.inputs.empty()) {
    std::cerr << "baoku-index: --rebuild needs the page files or "
                 "directories to rebuild from\n";
    return 2;
  }
  corpus::TextAnalyzer analyzer;
  TopicSetup topics;
  if (!LoadTopics(options.topics, analyzer, topics)) return 2;

  std::vector<Diagnostic> find_errors;
  std::vector<fs::path> paths(options.inputs.begin(), options.inputs.end());
  auto files = FindPageFiles(paths, find_errors);
  for (const auto& e : find_errors) PrintError(e);

  int status = find_errors.empty() ? 0 : 1;
  if (options.rebuild) {
    // A new index beside the old one, swapped in when complete: the old
    // one keeps serving until then, and survives a failed rebuild.
    fs::path fresh = options.db + ".rebuilding";
    fs::remove_all(fresh);
    status = std::max(
        status, IndexInto(fresh, files, options, *defaults, shards, topics));
    ReplaceIndex(options.db, fresh);
    std::printf("baoku-index: rebuilt %s\n", options.db.c_str());
  } else if (!options.inputs.empty()) {
    status = std::max(status, IndexInto(options.db, files, options, *defaults,
                                        shards, topics));
  }
  if (options.compact && IsShardedIndex(options.db)) {
    std::cerr << "baoku-index: " << options.db
              << " is sharded: compact closed shards with close-shard\n";
    return 2;
  }
  if (options.compact) {
    CompactIndex(options.db);
    std::printf("baoku-index: compacted %s (%s)\n", options.db.c_str(),
                HumanBytes(ReadIndexStats(options.db).bytes_on_disk).c_str());
  }
  return status;
}

}  // namespace

void AddIndexCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<IndexOptions>();
  auto* command = app.add_subcommand(
      "index",
      "Read page files (plain-text e-paper dumps, or NDJSON exports) and "
      "index them");
  command
      ->add_option("--db", options->db,
                   "Index directory (created if "
                   "missing)")
      ->required();
  command->add_option("paths", options->inputs,
                      "Page files or directories of pages");
  AddPageMetaOptions(*command, options->meta);
  command->add_option("--lexicon", options->lexicon,
                      "Project lexicon file (default: corpus/lexicon.txt)");
  AddTopicOptions(*command, options->topics);
  command
      ->add_option("--threads", options->threads,
                   "Threads reading and analyzing pages (0: one per core)")
      ->check(CLI::Range(0, 256));
  command->add_flag("--compact", options->compact,
                    "Compact the index for a read-only archive (after "
                    "indexing the paths, if any)");
  command->add_flag("-q,--quiet", options->quiet,
                    "Print only errors and the summary");
  command->add_option("--report", options->report_file,
                      "Write the ingest report (articles per page, what "
                      "looks wrong) to this JSON file");
  command->add_option("--saved-searches", options->saved_searches,
                      "The saved-search store whose new matches are counted "
                      "(default: beside the index, DB.searches.sqlite)");
  command->add_flag("--timings", options->timings,
                    "Also print where the wall time went: serial, and in "
                    "loops on every thread (docs/BENCHMARKS.md)");
  command->add_flag("--no-report", options->no_report,
                    "Skip the ingest report (it reads the pages once more)");
  command
      ->add_option("--commit-every", options->commit_articles,
                   "Commit after at least this many articles (whole issues "
                   "only; 1: after every issue)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  command->add_flag("--force", options->force,
                    "Re-index pages even when unchanged since last indexed");
  command->add_flag("--rebuild", options->rebuild,
                    "Build the index anew from the paths, beside the old "
                    "one, and replace it when done (after a new baoku "
                    "version refuses the old index)");
  command->add_option("--shard-by", options->shard_by,
                      "Split the index into shards searched through a stub: "
                      "paper, year or years:N (see docs/DEPLOY.md)");
  command->callback([options, &status] {
    status = ReportingIndexErrors(options->db, [&] { return Index(*options); });
  });
}

}  // namespace baoku::indexer::cli
