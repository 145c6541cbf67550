// baoku-bench-search: in-process search latency and known-item ranks.
//
//   baoku-bench-search --db DB --queries queries.tsv [--rounds 5]
//                      [--ok ok.tsv] [--known known_items.tsv --ranks
//                      ranks.tsv]
//
// queries.tsv (from bench/archive/make_archive.py): "class<TAB>facets<TAB>
// query" lines after a header. Each query is run once to warm the caches,
// then --rounds times; every timed call counts. Prints one line per class:
//   class <name> n <calls> errors <e> p50_ms <x> p95_ms <x> p99_ms <x>
//     mean_ms <x> hits_mean <x> zero_hits <calls> first_error <text>
// and an "all" line over every class without errors. A query that the search
// rejects (QueryError) or that throws counts as an error of its class and is
// not timed; nothing is skipped silently.
//
// With --known, every known item (qid, class, chars, query, target, relevant)
// is searched once (limit 10, no snippets) and ranks.tsv gets
// "qid<TAB>rank<TAB>ms<TAB>error<TAB>hits": rank is the 1-based position of
// the first relevant article (by id) in the top 10, 0 when none is there;
// hits lists each hit's id, date, page and headline (separated by 0x1f,
// hits by 0x1e) for known_report.py --truth.
//
// Single-threaded; the Searcher reopens the database per call as in
// production.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/searcher.h"
#include "percentile.h"

namespace baoku::bench {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

// Rows of a TSV file after its header line.
std::vector<std::vector<std::string>> ReadTsv(const std::string& path,
                                              size_t min_fields) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    if (++line_number == 1 || line.empty()) continue;
    auto fields = SplitTabs(line);
    if (fields.size() < min_fields) {
      throw std::runtime_error(path + ":" + std::to_string(line_number) +
                               ": expected " + std::to_string(min_fields) +
                               " tab-separated fields");
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

struct ClassStats {
  std::vector<double> ms;
  std::vector<double> hits;
  int errors = 0;
  int zero_hits = 0;  // Calls without error that found nothing.
  int estimated = 0;  // Calls whose total is an estimate (--budget-ms).
  std::string first_error;
};

struct Outcome {
  bool ok = false;
  std::string error;
  search::SearchResponse response;
  double ms = 0;
};

// > 0: searches as /api/search makes them without exact=1, the total
// estimated past 10,000 matches and this time budget (web/api.h).
int budget_ms = 0;

Outcome RunOne(search::Searcher& searcher, const std::string& query,
               bool facets, int limit, bool snippets) {
  Outcome out;
  search::SearchRequest request;
  request.query = query;
  if (budget_ms > 0) {
    request.exact_total = false;
    request.time_budget = std::chrono::milliseconds(budget_ms);
  }
  request.limit = limit;
  request.with_snippets = snippets;
  request.with_facets = facets;
  auto start = std::chrono::steady_clock::now();
  try {
    out.response = searcher.Search(request);
  } catch (const std::exception& e) {
    out.error = std::string("exception: ") + e.what();
    return out;
  }
  out.ms = std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now() - start)
               .count();
  if (out.response.error) {
    out.error =
        out.response.error->parameter + ": " + out.response.error->message;
    return out;
  }
  out.ok = true;
  return out;
}

void PrintClass(const std::string& name, const ClassStats& s) {
  double hits = 0;
  for (double h : s.hits) hits += h;
  double mean = 0;
  for (double m : s.ms) mean += m;
  std::printf(
      "class %s n %zu errors %d p50_ms %.3f p95_ms %.3f p99_ms %.3f mean_ms "
      "%.3f hits_mean %.1f zero_hits %d first_error %s\n",
      name.c_str(), s.ms.size() + s.errors, s.errors, Percentile(s.ms, 50),
      Percentile(s.ms, 95), Percentile(s.ms, 99),
      s.ms.empty() ? NAN : mean / s.ms.size(),
      s.hits.empty() ? 0 : hits / s.hits.size(), s.zero_hits,
      s.first_error.empty() ? "-" : s.first_error.c_str());
}

int Main(int argc, char** argv) {
  CLI::App app{"In-process search latency and known-item ranks"};
  std::string db, queries, known, ranks, ok_out;
  int rounds = 5;
  app.add_option("--db", db, "Index directory")->required();
  app.add_option("--queries", queries, "queries.tsv (class, facets, query)");
  app.add_option("--rounds", rounds, "Timed passes over the mix")
      ->check(CLI::PositiveNumber);
  app.add_option("--ok", ok_out,
                 "Where to write the queries that ran without error "
                 "(class<TAB>query), for the HTTP benchmark");
  app.add_option("--known", known, "known_items.tsv");
  app.add_option("--ranks", ranks, "Where to write the known-item ranks");
  app.add_option("--budget-ms", budget_ms,
                 "Estimated totals and this time budget per search, as "
                 "/api/search without exact=1 (150); 0: exact totals")
      ->check(CLI::NonNegativeNumber);
  CLI11_PARSE(app, argc, argv);
  if (!known.empty() && ranks.empty()) {
    std::cerr << "baoku-bench-search: --known needs --ranks\n";
    return 2;
  }

  corpus::TextAnalyzer analyzer;
  search::Searcher searcher(db, analyzer);
  std::printf("articles %u\n", searcher.ArticleCount());

  if (!queries.empty()) {
    auto rows = ReadTsv(queries, 3);
    std::map<std::string, ClassStats> stats;
    ClassStats all;
    // Warm-up: one untimed pass (page cache, Xapian block cache).
    std::ofstream ok;
    if (!ok_out.empty()) {
      ok.open(ok_out);
      if (!ok) throw std::runtime_error("cannot write " + ok_out);
    }
    for (const auto& r : rows) {
      if (RunOne(searcher, r[2], r[1] == "facets", 10, true).ok && ok) {
        ok << r[0] << '\t' << r[2] << '\n';
      }
    }
    for (int round = 0; round < rounds; ++round) {
      for (const auto& r : rows) {
        Outcome o = RunOne(searcher, r[2], r[1] == "facets", 10, true);
        ClassStats& s = stats[r[0]];
        if (!o.ok) {
          ++s.errors;
          if (s.first_error.empty()) s.first_error = o.error;
          continue;
        }
        s.ms.push_back(o.ms);
        if (!o.response.total_exact) ++s.estimated;
        if (o.response.total == 0) ++s.zero_hits, ++all.zero_hits;
        s.hits.push_back(static_cast<double>(o.response.total));
        all.ms.push_back(o.ms);
        if (!o.response.total_exact) ++all.estimated;
        all.hits.push_back(static_cast<double>(o.response.total));
      }
    }
    for (const auto& [name, s] : stats) PrintClass(name, s);
    PrintClass("all_ok", all);
    // Apart, so that the class lines keep their fields (bench/run reads
    // them by position).
    if (budget_ms > 0) {
      std::printf("estimated_totals %d of %zu budget_ms %d\n", all.estimated,
                  all.ms.size(), budget_ms);
    }
  }

  if (!known.empty()) {
    auto rows = ReadTsv(known, 6);
    std::ofstream out(ranks);
    if (!out) throw std::runtime_error("cannot write " + ranks);
    out << "qid\trank\tms\terror\thits\n";
    for (const auto& r : rows) {
      std::set<std::string> relevant;
      std::stringstream in(r[5]);
      std::string id;
      while (std::getline(in, id, ',')) relevant.insert(id);
      Outcome o = RunOne(searcher, r[3], false, 10, false);
      int rank = 0;
      for (size_t i = 0; o.ok && i < o.response.hits.size(); ++i) {
        if (relevant.count(o.response.hits[i].article.id)) {
          rank = static_cast<int>(i) + 1;
          break;
        }
      }
      // The hits as date, page and headline too: when the page reader
      // splits a page differently from the generator, ordinals (and so ids)
      // shift, and known_report.py can still recognise the article.
      std::string hits;
      for (size_t i = 0; o.ok && i < o.response.hits.size(); ++i) {
        const corpus::Article& a = o.response.hits[i].article;
        if (i > 0) hits += '\x1e';
        hits += a.id + '\x1f' + a.date.ToIso() + '\x1f' +
                std::to_string(a.page) + '\x1f' + a.headline;
      }
      out << r[0] << '\t' << rank << '\t' << o.ms << '\t'
          << (o.ok ? "-" : o.error) << '\t' << hits << '\n';
    }
  }
  return 0;
}

}  // namespace
}  // namespace baoku::bench

int main(int argc, char** argv) {
  try {
    return baoku::bench::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "baoku-bench-search: " << e.what() << '\n';
    return 1;
  }
}
