// baoku-bench-xapian-floor: how fast Xapian itself indexes, fed terms that
// are already made — the floor under baoku's indexing speed target.
//
//   baoku-bench-xapian-floor --tokens TOKENS.tsv --db DIR --text-bytes N
//                            [--no-positions] [--flush DOCS]
//
// TOKENS.tsv is what Lucene's CJKAnalyzer makes of the same articles
// (`java LucenePeer tokens`, bench/peers/LucenePeer.java):
// "id<TAB>term<TAB>position..." a line. The whole file is read into memory
// first; then, timed, every article becomes a Xapian document with its
// terms (with their positions, or without any with --no-positions), its
// id as a boolean term ("Q" + id) and its id as the document data — what
// Lucene's peer stores — and is added to a new database at DIR, committed
// once at the end. No ICU, no page reading, no baoku code: the analysis is
// free here, so no indexer on Xapian can be faster than this.
//
// --flush sets XAPIAN_FLUSH_THRESHOLD (documents buffered before Xapian
// merges them into its tables; Xapian 1.4 reads it from the environment
// when the database is opened); without it the environment's value, else
// Xapian's default (10,000), applies.
//
// Prints "key value" lines: articles, postings, the CPU seconds of the
// load and of the indexing (user+sys of this process, getrusage), wall
// seconds of the indexing, and MB/s per CPU second of the indexing
// (--text-bytes: the text's bytes, `bench/peers/peers.py text-bytes`, the
// denominator Lucene's figure in bench/peers/run uses).
//
// Bad input (a missing file, a line without an id, a position that is not
// a number) stops with a message naming the file and line, exit 1.
#include <sys/resource.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace baoku::bench {
namespace {

struct Posting {
  std::string term;
  Xapian::termpos position;
};

struct Article {
  std::string id;
  std::vector<Posting> postings;
};

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::vector<Article> ReadTokens(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::vector<Article> articles;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto fields = SplitTabs(line);
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (fields[0].empty()) throw std::runtime_error(where + "no article id");
    if (fields.size() % 2 == 0) {
      throw std::runtime_error(where + "a term without its position");
    }
    Article article{std::string(fields[0]), {}};
    for (size_t i = 1; i + 1 < fields.size(); i += 2) {
      const std::string position(fields[i + 1]);
      char* end = nullptr;
      const unsigned long value = std::strtoul(position.c_str(), &end, 10);
      if (position.empty() || *end != '\0' || value == 0) {
        throw std::runtime_error(where + "position '" + position +
                                 "' is not a number from 1");
      }
      article.postings.push_back(
          {std::string(fields[i]), static_cast<Xapian::termpos>(value)});
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

int Run(int argc, char** argv) {
  CLI::App app{"Xapian's indexing floor on precomputed CJKAnalyzer terms"};
  std::string tokens;
  std::string db;
  uint64_t text_bytes = 0;
  bool no_positions = false;
  std::string flush;
  app.add_option("--tokens", tokens, "LucenePeer tokens output")->required();
  app.add_option("--db", db, "new database directory (must not exist)")
      ->required();
  app.add_option("--text-bytes", text_bytes,
                 "bytes of the articles' text (peers.py text-bytes)")
      ->required()
      ->check(CLI::PositiveNumber);
  app.add_flag("--no-positions", no_positions,
               "terms without positions (add_term)");
  app.add_option("--flush", flush,
                 "XAPIAN_FLUSH_THRESHOLD, documents (default: Xapian's)")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  const double load_start = CpuSeconds();
  const std::vector<Article> articles = ReadTokens(tokens);
  const double load_cpu = CpuSeconds() - load_start;

  if (!flush.empty()) setenv("XAPIAN_FLUSH_THRESHOLD", flush.c_str(), 1);
  const double index_start = CpuSeconds();
  const auto wall_start = std::chrono::steady_clock::now();
  size_t postings = 0;
  {
    Xapian::WritableDatabase database(db, Xapian::DB_CREATE);
    for (const Article& article : articles) {
      Xapian::Document doc;
      for (const Posting& p : article.postings) {
        if (no_positions) {
          doc.add_term(p.term);
        } else {
          doc.add_posting(p.term, p.position);
        }
      }
      postings += article.postings.size();
      doc.add_boolean_term("Q" + article.id);
      doc.set_data(article.id);
      database.add_document(doc);
    }
    database.commit();
  }
  const double index_cpu = CpuSeconds() - index_start;
  const double wall = std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - wall_start)
                          .count();
  const char* threshold = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  std::printf("articles %zu\n", articles.size());
  std::printf("postings %zu\n", postings);
  std::printf("positions %s\n", no_positions ? "no" : "yes");
  std::printf("flush_threshold %s\n", threshold ? threshold : "default");
  std::printf("load_cpu_s %.2f\n", load_cpu);
  std::printf("index_cpu_s %.2f\n", index_cpu);
  std::printf("index_wall_s %.2f\n", wall);
  std::printf("mb_per_cpu_s %.3f\n",
              static_cast<double>(text_bytes) / 1e6 / index_cpu);
  return 0;
}

}  // namespace
}  // namespace baoku::bench

int main(int argc, char** argv) {
  try {
    return baoku::bench::Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "baoku-bench-xapian-floor: " << e.what() << "\n";
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "baoku-bench-xapian-floor: " << e.get_description() << "\n";
    return 1;
  }
}
