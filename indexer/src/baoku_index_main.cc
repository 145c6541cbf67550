// baoku-index: reads newspaper pages and writes them into a baoku index.
#include <unistd.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/ingest_report.h"
#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/topics.h"
#include "baoku/indexer/batch.h"
#include "baoku/indexer/maintenance.h"
#include "baoku/indexer/retopic.h"

namespace {

using baoku::corpus::Diagnostic;

nlohmann::json DiagnosticsJson(const std::vector<Diagnostic>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : list) out.push_back(d.ToString());
  return out;
}

// The topic setup of a run: the taxonomy (none when no file was given and
// the project's is not installed) and the editor's overrides.
struct TopicSetup {
  std::optional<baoku::corpus::Taxonomy> taxonomy;
  baoku::corpus::TopicOverrides overrides;
  std::optional<baoku::corpus::TopicClassifier> classifier;
};

// Loads --topics and --topic-overrides; prints the problems and returns
// false when either has any (a typo must not silently mis-file articles).
bool LoadTopics(const std::string& topics_file,
                const std::string& overrides_file,
                const baoku::corpus::TextAnalyzer& analyzer,
                TopicSetup& setup) {
  // "none": assign no topics; articles keep those their input carries
  // (NDJSON exports from a system where editors tagged them).
  std::filesystem::path path =
      topics_file.empty()     ? baoku::corpus::DefaultTopicsPath()
      : topics_file == "none" ? std::filesystem::path()
                              : std::filesystem::path(topics_file);
  std::vector<Diagnostic> errors;
  if (!path.empty()) {
    setup.taxonomy = baoku::corpus::Taxonomy::LoadFile(path, analyzer, errors);
  }
  if (setup.taxonomy && !overrides_file.empty()) {
    errors = setup.overrides.LoadFile(overrides_file, *setup.taxonomy);
  } else if (!overrides_file.empty() && errors.empty()) {
    errors.push_back({overrides_file, 0, "overrides need a topic taxonomy"});
  }
  for (const auto& e : errors) {
    std::cerr << "baoku-index: error: " << e.ToString() << "\n";
  }
  if (setup.taxonomy) setup.classifier.emplace(*setup.taxonomy, analyzer);
  return errors.empty();
}

nlohmann::json ArticlesJson(std::vector<baoku::corpus::Article> list,
                            const TopicSetup& topics) {
  nlohmann::json out = nlohmann::json::array();
  for (auto& a : list) {
    if (!topics.classifier) {
      out.push_back(baoku::corpus::ArticleToJson(a));
      continue;
    }
    baoku::corpus::AssignTopics(a, *topics.classifier, &topics.overrides);
    nlohmann::json j = baoku::corpus::ArticleToJson(a);
    // Why: every topic with evidence, the seed terms and the tokens that
    // weighed most.
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& ev : topics.classifier->Explain(a)) {
      nlohmann::json terms = nlohmann::json::array();
      for (const auto& t : ev.terms) {
        terms.push_back(
            {{"term", t.term},
             {"weight", t.weight},
             {"title", t.title_hits},
             {"body", t.body_hits},
             {"contribution", std::round(t.contribution * 1000) / 1000}});
      }
      nlohmann::json tokens = nlohmann::json::array();
      for (const auto& t : ev.tokens) {
        tokens.push_back(
            {{"token", t.term},
             {"weight", std::round(t.weight * 1000) / 1000},
             {"title", t.title_hits},
             {"body", t.body_hits},
             {"contribution", std::round(t.contribution * 1000) / 1000}});
      }
      evidence.push_back(
          {{"id", ev.id},
           {"name", ev.name},
           {"score", std::round(ev.score * 1000) / 1000},
           {"threshold", ev.threshold},
           {"seed_score", std::round(ev.seed_score * 1000) / 1000},
           {"assigned", ev.assigned},
           {"terms", std::move(terms)},
           {"tokens", std::move(tokens)}});
    }
    j["topic_evidence"] = std::move(evidence);
    out.push_back(std::move(j));
  }
  return out;
}

// --explain: how each file was read, as JSON; nothing is indexed.
int Explain(const std::vector<std::filesystem::path>& files,
            const baoku::corpus::PageMeta& defaults, const TopicSetup& topics) {
  int status = 0;
  for (const auto& file : files) {
    nlohmann::json out;
    out["file"] = file.string();
    if (baoku::corpus::IsNdjsonPath(file)) {
      auto records = baoku::corpus::ReadNdjsonFile(file, defaults);
      if (records.error) records.errors.push_back(*records.error);
      out["articles"] = ArticlesJson(records.articles, topics);
      out["warnings"] = DiagnosticsJson(records.warnings);
      out["errors"] = DiagnosticsJson(records.errors);
      if (!records.errors.empty()) status = 1;
    } else {
      auto page = baoku::corpus::ReadPageFile(file, defaults);
      out["encoding"] = page.encoding;
      out["layout"] = page.layout;
      out["decisions"] = baoku::corpus::DecisionsJson(page.decisions);
      out["articles"] = ArticlesJson(page.articles, topics);
      out["warnings"] = DiagnosticsJson(page.warnings);
      if (page.error) {
        out["error"] = page.error->ToString();
        status = 1;
      }
    }
    std::cout << out.dump(2) << "\n";
  }
  return status;
}

// A progress bar on a terminal, a log line per group otherwise.
class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(isatty(STDERR_FILENO) == 1) {}

  void operator()(const baoku::indexer::BatchProgress& p) {
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

std::string HumanBytes(uint64_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / 1048576.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / 1024.0);
  }
  return buf;
}

int PrintStats(const std::string& db) {
  auto stats = baoku::indexer::ReadIndexStats(db);
  std::printf("index          %s\n", db.c_str());
  std::printf("articles       %llu\n",
              static_cast<unsigned long long>(stats.articles));
  std::printf("size on disk   %s\n", HumanBytes(stats.bytes_on_disk).c_str());
  std::printf("dates          %s .. %s\n", stats.first_date.c_str(),
              stats.last_date.c_str());
  std::printf("per year\n");
  for (const auto& [year, n] : stats.per_year) {
    std::printf("  %s  %llu\n", year.c_str(),
                static_cast<unsigned long long>(n));
  }
  std::printf("kinds\n");
  for (const auto& [kind, n] : stats.kinds) {
    std::printf("  %-10s %llu\n", kind.c_str(),
                static_cast<unsigned long long>(n));
  }
  std::printf("reporters (top %zu)\n", stats.reporters.size());
  for (const auto& [name, n] : stats.reporters) {
    std::printf("  %s  %llu\n", name.c_str(),
                static_cast<unsigned long long>(n));
  }
  return 0;
}

// Runs `work` and returns its exit status; an index failure (Xapian's or
// another exception) is reported naming `db` and gives 3. The one place
// the tool's commands catch infrastructure errors.
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "baoku-index: read newspaper pages (plain-text e-paper dumps, or NDJSON "
      "exports) and index them"};
  app.require_subcommand(0, 1);
  std::string db;
  std::vector<std::string> inputs;
  std::string paper, paper_code, date, page_number, lexicon;
  bool explain = false, quiet = false, compact = false;
  int threads = 0;
  app.add_option("--db", db, "Index directory (created if missing)");
  app.add_option("paths", inputs, "Page files or directories of pages");
  app.add_option("--paper", paper, "Paper name when the pages do not say");
  app.add_option("--paper-code", paper_code,
                 "Short ASCII paper code used in article ids");
  app.add_option("--date", date,
                 "Issue date (YYYY-MM-DD) when not in the path");
  app.add_option("--page", page_number, "Page number when not in the path");
  app.add_option("--lexicon", lexicon,
                 "Project lexicon file (default: corpus/lexicon.txt)");
  std::string topics_file, overrides_file;
  bool retopic = false;
  app.add_option("--topics", topics_file,
                 "Topic taxonomy (default: corpus/topics.json)");
  app.add_option("--topic-overrides", overrides_file,
                 "Editor's topic corrections per article id (see "
                 "corpus/topic_overrides.txt); default: none");
  app.add_flag("--retopic", retopic,
               "Re-assign topics to every article of --db from the stored "
               "records (after editing the taxonomy or overrides)");
  app.add_option("--threads", threads,
                 "Threads reading and analyzing pages (0: one per core)")
      ->check(CLI::Range(0, 256));
  app.add_flag("--explain", explain,
               "Print how each page is split into articles (JSON); no index");
  app.add_flag("--compact", compact,
               "Compact the index for a read-only archive (after indexing "
               "the paths, if any)");
  app.add_flag("-q,--quiet", quiet, "Print only errors and the summary");
  std::string report_file;
  app.add_option("--report", report_file,
                 "Write the ingest report (articles per page, what looks "
                 "wrong) to this JSON file");
  bool force = false;
  size_t commit_articles = 2000;
  app.add_option("--commit-every", commit_articles,
                 "Commit after at least this many articles (whole issues "
                 "only; 1: after every issue)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  app.add_flag("--force", force,
               "Re-index pages even when unchanged since last indexed");
  std::string shard_by, close_shard;
  app.add_option("--shard-by", shard_by,
                 "Split the index into shards searched through a stub: "
                 "paper, year or years:N (see docs/DEPLOY.md)");
  app.add_option("--close-shard", close_shard,
                 "Compact this shard of a sharded index into one read-only "
                 "file; later writes to it are refused");
  std::string stats_db;
  auto* stats = app.add_subcommand("stats",
                                   "Counts per year, kinds, "
                                   "reporters and the index size");
  stats->add_option("--db", stats_db, "Index directory")->required();
  CLI11_PARSE(app, argc, argv);

  try {
    if (*stats) return PrintStats(stats_db);
  } catch (const Xapian::Error& e) {
    std::cerr << "baoku-index: " << stats_db << ": " << e.get_description()
              << "\n";
    return 3;
  }

  baoku::corpus::PageMeta defaults;
  defaults.paper = paper;
  defaults.paper_code = paper_code;
  if (!date.empty()) {
    defaults.date = baoku::corpus::ParseDate(date);
    if (!defaults.date) {
      std::cerr << "baoku-index: --date '" << date
                << "' is not a valid YYYY-MM-DD date\n";
      return 2;
    }
  }
  if (!page_number.empty()) {
    try {
      defaults.page = std::stoi(page_number);
    } catch (...) {
    }
    if (!defaults.page || *defaults.page < 1 || *defaults.page > 999) {
      std::cerr << "baoku-index: --page '" << page_number
                << "' is not a page number 1..999\n";
      return 2;
    }
  }
  baoku::indexer::ShardPolicy shard_policy;
  if (!shard_by.empty()) {
    std::string error;
    auto parsed = baoku::indexer::ParseShardPolicy(shard_by, error);
    if (!parsed) {
      std::cerr << "baoku-index: " << error << "\n";
      return 2;
    }
    shard_policy = *parsed;
  }
  if (!close_shard.empty()) {
    if (db.empty()) {
      std::cerr << "baoku-index: --close-shard needs --db\n";
      return 2;
    }
    return ReportingIndexErrors(db, [&] {
      baoku::indexer::CloseShard(db, close_shard);
      std::printf("baoku-index: closed shard %s of %s\n", close_shard.c_str(),
                  db.c_str());
      return 0;
    });
  }
  TopicSetup topics;
  std::optional<baoku::corpus::TextAnalyzer> analyzer;
  try {
    analyzer.emplace();
  } catch (const std::exception& e) {
    std::cerr << "baoku-index: error: " << e.what() << "\n";
    return 3;
  }
  if (!LoadTopics(topics_file, overrides_file, *analyzer, topics)) return 2;
  if (retopic) {
    if (db.empty() || !inputs.empty()) {
      std::cerr << "baoku-index: --retopic takes --db and no paths\n";
      return 2;
    }
    if (!topics.taxonomy) {
      std::cerr << "baoku-index: --retopic needs a taxonomy (--topics)\n";
      return 2;
    }
    return ReportingIndexErrors(db, [&] {
      baoku::indexer::RetopicOptions options;
      options.lexicon_file = lexicon;
      options.overrides = &topics.overrides;
      options.commit_articles = commit_articles;
      options.report = [&](const Diagnostic& d) {
        if (!quiet)
          std::cerr << "baoku-index: warning: " << d.ToString() << "\n";
      };
      // A sharded index: every shard that takes writes, in turn.
      std::vector<std::filesystem::path> targets = {db};
      if (baoku::indexer::IsShardedIndex(db)) {
        targets.clear();
        for (const auto& name : baoku::indexer::ListShards(db)) {
          auto shard = std::filesystem::path(db) / "shards" / name;
          if (std::filesystem::is_directory(shard)) targets.push_back(shard);
        }
      }
      bool all_read = true;
      for (const auto& target : targets) {
        auto s =
            baoku::indexer::RetopicIndex(target, *topics.taxonomy, options);
        std::printf(
            "baoku-index: retopic %s: %zu articles, %zu changed, %zu "
            "unreadable, %.2f s\n",
            target.c_str(), s.articles, s.changed, s.unreadable, s.seconds);
        all_read = all_read && s.unreadable == 0;
      }
      return all_read ? 0 : 1;
    });
  }
  if (inputs.empty() && !compact) {
    std::cerr << "baoku-index: give page files or directories to index "
                 "(see --help)\n";
    return 2;
  }

  std::vector<Diagnostic> find_errors;
  std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
  auto files = baoku::indexer::FindPageFiles(paths, find_errors);
  for (const auto& e : find_errors) {
    std::cerr << "baoku-index: error: " << e.ToString() << "\n";
  }
  if (explain) return Explain(files, defaults, topics) || !find_errors.empty();
  if (db.empty()) {
    std::cerr << "baoku-index: --db is required (or use --explain)\n";
    return 2;
  }

  return ReportingIndexErrors(db, [&] {
    bool all_read = find_errors.empty();
    if (!inputs.empty()) {
      baoku::indexer::BatchOptions options;
      options.defaults = defaults;
      options.lexicon_file = lexicon;
      options.threads = threads;
      options.force = force;
      options.commit_articles = commit_articles;
      options.shards = shard_policy;
      if (topics.taxonomy) options.taxonomy = &*topics.taxonomy;
      options.topic_overrides = &topics.overrides;
      options.report = [&](const Diagnostic& d, bool is_error) {
        if (is_error) {
          std::cerr << "baoku-index: error: " << d.ToString() << "\n";
        } else if (!quiet) {
          std::cerr << "baoku-index: warning: " << d.ToString() << "\n";
        }
      };
      ProgressPrinter printer;
      if (!quiet) options.progress = std::ref(printer);
      auto s = baoku::indexer::IndexFiles(db, files, options);
      std::printf(
          "baoku-index: %zu files (%zu failed), %zu issues, %zu articles "
          "(%zu new, %zu updated, %zu removed, %zu unchanged), "
          "%zu records rejected, %zu warnings, %.2f s\n",
          s.files, s.failed_files, s.issues, s.articles, s.added, s.replaced,
          s.removed, s.unchanged, s.failed_records, s.warnings, s.seconds);
      all_read = all_read && s.failed_files == 0 && s.failed_records == 0;
      if (!baoku::corpus::PrintIngestReport(files, defaults, report_file,
                                            quiet)) {
        return 2;
      }
    }
    if (compact && baoku::indexer::IsShardedIndex(db)) {
      std::cerr << "baoku-index: " << db
                << " is sharded: compact closed shards with --close-shard\n";
      return 2;
    }
    if (compact) {
      baoku::indexer::CompactIndex(db);
      std::printf(
          "baoku-index: compacted %s (%s)\n", db.c_str(),
          HumanBytes(baoku::indexer::ReadIndexStats(db).bytes_on_disk).c_str());
    }
    return all_read ? 0 : 1;
  });
}
