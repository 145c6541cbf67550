// baoku-bench-facets: facet counting from term postings against the stock
// ValueCountMatchSpy, in one process on one index, interleaved call by call
// so that both see the same load.
//
//   baoku-bench-facets --db DB --queries queries.tsv [--rounds 3]
//
// queries.tsv is bench/archive/make_archive.py's (class, facets, query);
// every query is asked with facets, as the web UI asks, limit 10 without
// snippets, by each method (search::FacetMethod): "values" (the stock spy
// on every match, the floor), "postings" (every facet from postings) and
// "auto" (the searcher's choice per field), plus "none" (the same search
// without facets, exact total: what the facets add to) and "budget"
// ("auto" without exact_total and with --budget-ms as the time budget, as
// the API asks; the calls whose total or facets then stopped early are
// counted: budget_inexact_totals, budget_inexact_facets). First every query
// is run once by each method with every facet value, and the lists are
// compared: a difference is printed and counted (`mismatches`), not hidden.
// Then --rounds timed rounds. Prints, per method and per size of the
// match set (matches < 1,000; < 10,000; < 50,000; ≥ 50,000; all):
//   method <m> matches <bucket> n <calls> p50_ms <x> p95_ms <x>
//     p99_ms <x> max_ms <x> mean_ms <x>
// and the cost model's inputs: the mean time per match of the spies
// (values − none) and per posting decoded or skipped to (postings − none,
// over the postings the cost model expects), in nanoseconds.
//
// Single-threaded.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "baoku/corpus/fields.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/posting_facets.h"
#include "baoku/search/searcher.h"
#include "percentile.h"

namespace baoku::bench {
namespace {

using search::FacetMethod;

std::vector<std::string> QueriesOf(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> queries;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    if (++number == 1 || line.empty()) continue;
    size_t second = line.find('\t', line.find('\t') + 1);
    if (second == std::string::npos) {
      throw std::runtime_error(path + ":" + std::to_string(number) +
                               ": expected class, facets and query");
    }
    queries.push_back(line.substr(second + 1));
  }
  return queries;
}

struct Method {
  const char* name;
  bool facets;
  FacetMethod method;
  bool budgeted = false;  // exact_total off, --budget-ms as time_budget.
};
constexpr Method kMethods[] = {{"none", false, FacetMethod::kAuto},
                               {"values", true, FacetMethod::kValues},
                               {"postings", true, FacetMethod::kPostings},
                               {"auto", true, FacetMethod::kAuto},
                               {"budget", true, FacetMethod::kAuto, true}};

search::SearchRequest RequestFor(const std::string& query, const Method& m,
                                 int budget_ms) {
  search::SearchRequest request;
  request.query = query;
  request.limit = 10;
  request.with_snippets = false;
  request.with_facets = m.facets;
  request.facet_method = m.method;
  if (m.budgeted) {
    request.exact_total = false;
    request.time_budget = std::chrono::milliseconds(budget_ms);
  }
  return request;
}

std::string Describe(const search::Facets& f) {
  std::string out;
  for (const auto& [key, values] : f.fields) {
    std::map<std::string, uint64_t> sorted;
    for (const auto& v : values) sorted[v.value + "|" + v.label] = v.count;
    out += key + ":";
    for (const auto& [v, n] : sorted) out += v + "=" + std::to_string(n) + ",";
    out += "\n";
  }
  out += f.date_granularity + ":";
  for (const auto& b : f.dates) out += b.key + "=" + std::to_string(b.count);
  return out;
}

const char* BucketOf(uint64_t matches) {
  return matches < 1000    ? "<1000"
         : matches < 10000 ? "<10000"
         : matches < 50000 ? "<50000"
                           : ">=50000";
}

// Postings the cost model expects the postings method to decode or skip
// to for this many matches (posting_facets.h), over every facet field and
// the year terms.
double ExpectedPostings(const Xapian::Database& db, uint64_t matches) {
  double postings = 0;
  std::vector<std::string> prefixes = {"Y"};
  for (const auto& field : corpus::FieldTable::Standard().fields()) {
    if (field.facet_slot && !field.prefix.empty()) {
      prefixes.push_back(field.prefix);
    }
  }
  for (const auto& prefix : prefixes) {
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix);
         ++it) {
      std::string value = (*it).substr(prefix.size());
      if (value.empty() || (value[0] >= 'A' && value[0] <= 'Z')) continue;
      postings +=
          std::min<double>(it.get_termfreq(), search::kSkipCost * matches);
    }
  }
  return postings;
}

int Main(int argc, char** argv) {
  CLI::App app{"Facets from postings against the stock match spy"};
  std::string db_path, queries_path;
  int rounds = 3;
  int budget_ms = 50;
  app.add_option("--db", db_path, "Index directory")->required();
  app.add_option("--queries", queries_path, "queries.tsv")->required();
  app.add_option("--rounds", rounds, "Timed rounds")->check(CLI::Range(1, 100));
  app.add_option("--budget-ms", budget_ms,
                 "The \"budget\" method's time budget (the API's is 150)")
      ->check(CLI::Range(1, 10000));
  CLI11_PARSE(app, argc, argv);

  corpus::TextAnalyzer analyzer;
  search::Searcher searcher(db_path, analyzer);
  Xapian::Database db(db_path);
  std::vector<std::string> queries = QueriesOf(queries_path);

  std::vector<uint64_t> matches(queries.size());
  int mismatches = 0;
  for (size_t q = 0; q < queries.size(); ++q) {
    std::string first;
    for (const Method& m : kMethods) {
      if (!m.facets || m.budgeted) continue;
      search::SearchRequest request = RequestFor(queries[q], m, budget_ms);
      request.every_facet_value = true;
      auto response = searcher.Search(request);
      if (response.error) break;
      matches[q] = response.total;
      std::string got = Describe(*response.facets);
      if (first.empty()) {
        first = got;
      } else if (got != first) {
        ++mismatches;
        std::printf("mismatch %s: %s differs from values\n", queries[q].c_str(),
                    m.name);
      }
    }
  }

  // times[method][bucket]
  std::map<std::string, std::map<std::string, std::vector<double>>> times;
  std::map<std::string, std::vector<double>> per_query;  // method → sum ms
  for (const Method& m : kMethods) {
    per_query[m.name].assign(queries.size(), 0);
  }
  int errors = 0, inexact_totals = 0, inexact_facets = 0;
  for (int round = 0; round < rounds; ++round) {
    for (size_t q = 0; q < queries.size(); ++q) {
      for (const Method& m : kMethods) {
        auto request = RequestFor(queries[q], m, budget_ms);
        auto start = std::chrono::steady_clock::now();
        auto response = searcher.Search(request);
        double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - start)
                        .count();
        if (response.error) {
          ++errors;
          continue;
        }
        if (m.budgeted) {
          inexact_totals += !response.total_exact;
          inexact_facets += !response.facets->exact;
        }
        times[m.name][BucketOf(matches[q])].push_back(ms);
        times[m.name]["all"].push_back(ms);
        per_query[m.name][q] += ms / rounds;
      }
    }
  }
  for (const Method& m : kMethods) {
    for (const char* bucket : {"<1000", "<10000", "<50000", ">=50000", "all"}) {
      const auto& v = times[m.name][bucket];
      if (v.empty()) continue;
      double sum = 0;
      for (double x : v) sum += x;
      std::printf(
          "method %s matches %s n %zu p50_ms %.3f p95_ms %.3f p99_ms %.3f "
          "max_ms %.3f mean_ms %.3f\n",
          m.name, bucket, v.size(), Percentile(v, 50), Percentile(v, 95),
          Percentile(v, 99), *std::max_element(v.begin(), v.end()),
          sum / v.size());
    }
  }
  // The cost model's inputs, over queries with at least 1,000 matches
  // (below that the fixed costs dominate).
  double spy_ms = 0, spy_reads = 0, post_ms = 0, postings = 0;
  for (size_t q = 0; q < queries.size(); ++q) {
    if (matches[q] < 1000) continue;
    spy_ms += per_query["values"][q] - per_query["none"][q];
    spy_reads += static_cast<double>(matches[q]);
    post_ms += per_query["postings"][q] - per_query["none"][q];
    postings += ExpectedPostings(db, matches[q]);
  }
  if (spy_reads > 0 && postings > 0) {
    // One spy per facet field, and the date's.
    int spies = 1;
    for (const auto& field : corpus::FieldTable::Standard().fields()) {
      if (field.facet_slot && !field.prefix.empty()) ++spies;
    }
    double per_read = spy_ms * 1e6 / spy_reads / spies;
    double per_posting = post_ms * 1e6 / postings;
    std::printf(
        "cost spy_ns_per_value_read %.1f postings_ns_per_posting %.2f "
        "value_read_cost %.2f\n",
        per_read, per_posting, per_read / per_posting);
  }
  std::printf(
      "articles %u queries %zu rounds %d errors %d mismatches %d budget_ms %d "
      "budget_inexact_totals %d budget_inexact_facets %d\n",
      db.get_doccount(), queries.size(), rounds, errors, mismatches, budget_ms,
      inexact_totals, inexact_facets);
  return mismatches == 0 ? 0 : 1;
}

}  // namespace
}  // namespace baoku::bench

int main(int argc, char** argv) {
  try {
    return baoku::bench::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "baoku-bench-facets: %s\n", e.what());
    return 2;
  }
}
