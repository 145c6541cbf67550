// baoku-bench-icu-floor: the floor that indexing throughput is compared with.
//
// Reads every *.txt under a directory into memory, then measures, best of
// --runs passes each, on the same bytes:
//  - icu: raw ICU word segmentation. Each file's UTF-8 is converted to a
//    UnicodeString and a word BreakIterator (locale zh) walks all of its
//    boundaries; nothing else. This is the floor.
//  - icu_lines: the same, with one setText() per non-empty line, the unit the
//    indexer analyzes (headline, byline, paragraph).
//  - segment: baoku's TextAnalyzer::Segment() on each non-empty line.
//  - analyze: baoku's TextAnalyzer::Analyze() on each non-empty line, with
//    the project lexicon, as the indexer calls it.
// Throughput is MB (10^6 bytes) of page files per second, wall time, so all
// figures share one denominator; process CPU time is reported too (less
// sensitive to other load on the machine). Passes are interleaved. With
// --threads N the files are shared out among N threads (one BreakIterator per
// thread; the analyzer is shared, as in the indexer).
//
// Output: a human-readable report, then one "key value" line per figure for
// scripts (bench/indexing/run).
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::bench {
namespace {

namespace fs = std::filesystem;

struct Pages {
  std::vector<std::string> texts;
  std::vector<std::vector<std::string_view>> lines;  // Non-empty lines.
  uint64_t bytes = 0;
};

Pages ReadPages(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  Pages pages;
  pages.texts.reserve(files.size());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + file.string());
    pages.texts.push_back(std::move(text).str());
    pages.bytes += pages.texts.back().size();
  }
  // After all pushes: string_views into the final strings.
  for (const auto& text : pages.texts) {
    std::vector<std::string_view> lines;
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + begin, end - begin);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty()) lines.push_back(line);
      begin = end + 1;
    }
    pages.lines.push_back(std::move(lines));
  }
  return pages;
}

// Counts the word boundaries of `text` with `words`.
uint64_t CountBoundaries(icu::BreakIterator& words, std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  words.setText(u);
  uint64_t count = 0;
  for (int32_t p = words.first(); p != icu::BreakIterator::DONE;
       p = words.next()) {
    ++count;
  }
  return count;
}

std::unique_ptr<icu::BreakIterator> NewWordIterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !it) {
    throw std::runtime_error(std::string("ICU word break iterator: ") +
                             u_errorName(status));
  }
  return it;
}

struct Measurement {
  std::string name;
  std::function<uint64_t(int, size_t)> work;  // (thread, page) → count.
  double best_seconds = 0;                    // Wall.
  double best_cpu_seconds = 0;                // Process CPU time, all threads.
  uint64_t count = 0;  // Boundaries or tokens: keeps the work observable.
};

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// One pass of `m.work` over all pages on `threads` threads (pages handed out
// one at a time); keeps the fastest wall and CPU times.
void TimePass(int threads, const Pages& pages, bool first, Measurement& m) {
  std::atomic<size_t> next{0};
  std::vector<uint64_t> counts(threads, 0);
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ProcessCpuSeconds();
  auto loop = [&](int t) {
    uint64_t count = 0;
    for (size_t i = next++; i < pages.texts.size(); i = next++) {
      count += m.work(t, i);
    }
    counts[t] = count;
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(loop, t);
  loop(0);
  for (auto& thread : pool) thread.join();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  double cpu_seconds = ProcessCpuSeconds() - cpu_start;
  uint64_t count = 0;
  for (uint64_t c : counts) count += c;
  if (first || seconds < m.best_seconds) m.best_seconds = seconds;
  if (first || cpu_seconds < m.best_cpu_seconds) {
    m.best_cpu_seconds = cpu_seconds;
  }
  m.count = count;
}

double MegabytesPerSecond(uint64_t bytes, double seconds) {
  return seconds > 0 ? bytes / 1e6 / seconds : 0;
}

int Run(const fs::path& dir, int runs, int threads) {
  Pages pages = ReadPages(dir);
  if (pages.texts.empty()) {
    std::fprintf(stderr, "baoku-bench-icu-floor: no *.txt files under %s\n",
                 dir.c_str());
    return 1;
  }
  size_t line_count = 0;
  for (const auto& lines : pages.lines) line_count += lines.size();

  std::vector<std::unique_ptr<icu::BreakIterator>> iterators;
  for (int t = 0; t < threads; ++t) iterators.push_back(NewWordIterator());
  corpus::TextAnalyzer analyzer;
  corpus::Lexicon lexicon;
  fs::path lexicon_file = corpus::DefaultLexiconPath();
  if (!lexicon_file.empty()) {
    auto problems = lexicon.LoadFile(lexicon_file, analyzer);
    if (!problems.empty()) {
      std::fprintf(stderr, "baoku-bench-icu-floor: %zu lexicon problems\n",
                   problems.size());
    }
  }

  std::vector<Measurement> ms;
  ms.push_back({"raw ICU word breaks, per file", [&](int t, size_t i) {
                  return CountBoundaries(*iterators[t], pages.texts[i]);
                }});
  ms.push_back({"raw ICU word breaks, per line", [&](int t, size_t i) {
                  uint64_t count = 0;
                  for (std::string_view line : pages.lines[i]) {
                    count += CountBoundaries(*iterators[t], line);
                  }
                  return count;
                }});
  ms.push_back({"TextAnalyzer::Segment, per line", [&](int, size_t i) {
                  uint64_t count = 0;
                  for (std::string_view line : pages.lines[i]) {
                    count += analyzer.Segment(line, &lexicon).size();
                  }
                  return count;
                }});
  ms.push_back({"TextAnalyzer::Analyze, per line", [&](int, size_t i) {
                  uint64_t count = 0;
                  for (std::string_view line : pages.lines[i]) {
                    count += analyzer.Analyze(line, 0, &lexicon).size();
                  }
                  return count;
                }});
  // Passes interleaved, so that a change in the machine's load affects all
  // measurements alike.
  for (int run = 0; run < runs; ++run) {
    for (auto& m : ms) TimePass(threads, pages, run == 0, m);
  }

  std::printf(
      "baoku-bench-icu-floor: %zu files, %zu lines, %.2f MB, %d thread(s), "
      "best of %d, lexicon %zu words\n",
      pages.texts.size(), line_count, pages.bytes / 1e6, threads, runs,
      lexicon.size());
  std::printf("  %-33s %9s %9s %13s\n", "", "wall MB/s", "CPU MB/s", "count");
  for (const auto& m : ms) {
    std::printf("  %-33s %9.2f %9.2f %13llu\n", m.name.c_str(),
                MegabytesPerSecond(pages.bytes, m.best_seconds),
                MegabytesPerSecond(pages.bytes, m.best_cpu_seconds),
                static_cast<unsigned long long>(m.count));
  }
  auto ratio = [&](const Measurement& a, const Measurement& b, bool cpu) {
    double x = cpu ? a.best_cpu_seconds : a.best_seconds;
    double y = cpu ? b.best_cpu_seconds : b.best_seconds;
    return x > 0 ? y / x : 0;
  };
  std::printf("  Analyze / raw ICU: %.3f (wall), %.3f (CPU)\n",
              ratio(ms[3], ms[0], false), ratio(ms[3], ms[0], true));
  std::printf("input_bytes %llu\n",
              static_cast<unsigned long long>(pages.bytes));
  std::printf("threads %d\n", threads);
  const char* keys[] = {"icu", "icu_lines", "segment", "analyze"};
  for (size_t i = 0; i < ms.size(); ++i) {
    std::printf("%s_mb_s %.3f\n", keys[i],
                MegabytesPerSecond(pages.bytes, ms[i].best_seconds));
    std::printf("%s_cpu_mb_s %.3f\n", keys[i],
                MegabytesPerSecond(pages.bytes, ms[i].best_cpu_seconds));
  }
  return 0;
}

}  // namespace
}  // namespace baoku::bench

int main(int argc, char** argv) {
  CLI::App app{
      "baoku-bench-icu-floor: raw ICU word segmentation and baoku's "
      "TextAnalyzer on the same page files (MB/s)"};
  std::string dir;
  int runs = 3;
  int threads = 1;
  app.add_option("dir", dir, "Directory of page files (*.txt, recursive)")
      ->required();
  app.add_option("--runs", runs, "Passes per measurement; the best counts")
      ->check(CLI::Range(1, 100));
  app.add_option("--threads", threads, "Threads sharing the files")
      ->check(CLI::Range(1, 256));
  CLI11_PARSE(app, argc, argv);
  try {
    return baoku::bench::Run(dir, runs, threads);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "baoku-bench-icu-floor: error: %s\n", e.what());
    return 2;
  }
}
