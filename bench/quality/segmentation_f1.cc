// baoku-segmentation-f1: scores baoku's word segmentation
// (TextAnalyzer::Segment, what the indexer uses) against a SIGHAN 2005 gold
// segmentation, with the standard bakeoff metric: a predicted word is correct
// when its character span equals the span of a gold word; precision, recall
// and F1 over words, plus recall of out-of-vocabulary gold words (words not in
// the training word list) when a word list is given.
//
// Each gold line is segmented with its spaces removed (not the raw test line:
// in MSR, 16 opening quotes sit on a different line in the test file).
// Punctuation segments count as words, as in the gold.
//
// Configurations: raw ICU, ICU + the project lexicon (corpus/lexicon.txt),
// and ICU + the training word list as lexicon (the closed-track dictionary).
// Speed is characters per CPU second of Segment() in this run (thread CPU
// time, best of --repeat passes over the whole file, one thread).
//
// Usage:
//   baoku-segmentation-f1 --gold pku_test_gold.utf8
//       --words pku_training_words.utf8 [--name PKU] [--tsv] [--errors 20]
//   (one command line)
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/utf8.h"

namespace baoku::bench {
namespace {

namespace utf8 = corpus::utf8;

// A word as a span of code points [begin, end) of its line.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  auto operator<=>(const Span&) const = default;
};

struct GoldLine {
  std::string text;  // The gold line without its spaces.
  uint32_t chars = 0;
  std::vector<Span> words;
};

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  std::string data = out.str();
  if (utf8::StartsWith(data, "\xEF\xBB\xBF")) data.erase(0, 3);  // BOM
  return data;
}

std::vector<std::string_view> Lines(std::string_view data) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

// Gold words are separated by white space (two spaces in PKU and MSR, one in
// parts of CityU, U+3000 in AS). Lines without words are left out.
std::vector<GoldLine> ParseGold(std::string_view data) {
  std::vector<GoldLine> out;
  for (std::string_view line : Lines(data)) {
    GoldLine gold;
    size_t pos = 0;
    bool in_word = false;
    while (pos < line.size()) {
      size_t before = pos;
      char32_t cp = utf8::Next(line, pos);
      if (utf8::IsSpace(cp)) {
        in_word = false;
        continue;
      }
      if (!in_word) gold.words.push_back({gold.chars, gold.chars});
      in_word = true;
      gold.text.append(line.substr(before, pos - before));
      gold.words.back().end = ++gold.chars;
    }
    if (!gold.words.empty()) out.push_back(std::move(gold));
  }
  return out;
}

std::string WordText(const GoldLine& line, Span span) {
  size_t begin = utf8::OffsetOfCodePoint(line.text, span.begin);
  size_t end = utf8::OffsetOfCodePoint(line.text, span.end);
  return line.text.substr(begin, end - begin);
}

// Segments every line; byte spans become code point spans.
std::vector<std::vector<Span>> SegmentAll(const corpus::TextAnalyzer& analyzer,
                                          const std::vector<GoldLine>& gold,
                                          const corpus::Lexicon* lexicon) {
  std::vector<std::vector<Span>> out;
  out.reserve(gold.size());
  std::vector<uint32_t> char_at;  // Byte offset → code point index.
  for (const GoldLine& line : gold) {
    char_at.assign(line.text.size() + 1, 0);
    uint32_t chars = 0;
    for (size_t pos = 0; pos < line.text.size();) {
      size_t before = pos;
      utf8::Next(line.text, pos);
      for (size_t b = before; b < pos; ++b) char_at[b] = chars;
      ++chars;
    }
    char_at[line.text.size()] = chars;
    std::vector<Span> spans;
    for (const corpus::WordSpan& w : analyzer.Segment(line.text, lexicon)) {
      spans.push_back({char_at[w.begin], char_at[w.end]});
    }
    out.push_back(std::move(spans));
  }
  return out;
}

// Misses are grouped by the kind of gold word.
enum class WordClass { kNumber, kHan, kOther };

WordClass Classify(std::string_view word) {
  bool all_han = true;
  for (size_t pos = 0; pos < word.size();) {
    char32_t cp = utf8::Next(word, pos);
    if ((cp >= '0' && cp <= '9') || (cp >= U'０' && cp <= U'９') ||
        cp == U'○' || cp == U'〇' || cp == U'％' || cp == U'．') {
      return WordClass::kNumber;
    }
    if (!utf8::IsHan(cp)) all_han = false;
  }
  return all_han ? WordClass::kHan : WordClass::kOther;
}

struct Score {
  std::string system;
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  size_t oov_gold = 0;
  size_t oov_correct = 0;
  size_t chars = 0;
  double seconds = 0;
  size_t lexicon_words = 0;
  // Per word class: gold words and those found.
  std::map<WordClass, std::pair<size_t, size_t>> by_class;
  // Gold words not found: how often, and how they were segmented (the
  // predicted segments that overlap them) with counts.
  struct Miss {
    size_t count = 0;
    std::unordered_map<std::string, size_t> segmented_as;
  };
  std::unordered_map<std::string, Miss> misses;
  // Misses by shape: inside one longer segment, split into several segments
  // within the word, or crossed by segments that overlap its edges.
  size_t miss_inside = 0;
  size_t miss_split = 0;
  size_t miss_crossing = 0;

  double Precision() const {
    return predicted ? static_cast<double>(correct) / predicted : 0;
  }
  double Recall() const {
    return gold ? static_cast<double>(correct) / gold : 0;
  }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double OovRecall() const {
    return oov_gold ? static_cast<double>(oov_correct) / oov_gold : 0;
  }
  double CharsPerSecond() const { return seconds > 0 ? chars / seconds : 0; }
};

// How the segmenter split the gold word `span`: the predicted segments that
// overlap it, separated by '/'.
std::string SplitShown(const GoldLine& line, const std::vector<Span>& predicted,
                       Span span) {
  std::string out;
  for (const Span& p : predicted) {
    if (p.end <= span.begin || p.begin >= span.end) continue;
    if (!out.empty()) out += '/';
    out += WordText(line, p);
  }
  return out;
}

void CountShape(Score& score, const std::vector<Span>& predicted, Span w) {
  uint32_t first = w.end, last = w.begin;
  for (const Span& p : predicted) {
    if (p.end <= w.begin || p.begin >= w.end) continue;
    if (p.begin <= w.begin && p.end >= w.end) {
      ++score.miss_inside;
      return;
    }
    first = std::min(first, p.begin);
    last = std::max(last, p.end);
  }
  if (first == w.begin && last == w.end) {
    ++score.miss_split;
  } else {
    ++score.miss_crossing;
  }
}

// CPU time of this thread: speed figures stay meaningful on a busy machine.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

Score Evaluate(const std::string& system, const corpus::TextAnalyzer& analyzer,
               const std::vector<GoldLine>& gold,
               const corpus::Lexicon* lexicon,
               const std::unordered_set<std::string>* vocabulary, int repeat) {
  Score score;
  score.system = system;
  score.lexicon_words = lexicon ? lexicon->size() : 0;
  std::vector<std::vector<Span>> predicted;
  for (int run = 0; run < std::max(1, repeat); ++run) {
    double start = ThreadCpuSeconds();
    predicted = SegmentAll(analyzer, gold, lexicon);
    double took = ThreadCpuSeconds() - start;
    if (run == 0 || took < score.seconds) score.seconds = took;
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    const GoldLine& line = gold[i];
    score.chars += line.chars;
    std::vector<Span> pred = predicted[i];
    std::sort(pred.begin(), pred.end());
    pred.erase(std::unique(pred.begin(), pred.end()), pred.end());
    score.predicted += predicted[i].size();
    score.gold += line.words.size();
    for (const Span& w : line.words) {
      bool found = std::binary_search(pred.begin(), pred.end(), w);
      std::string text = WordText(line, w);
      auto& cls = score.by_class[Classify(text)];
      ++cls.first;
      if (found) {
        ++score.correct;
        ++cls.second;
      }
      if (vocabulary && !vocabulary->count(text)) {
        ++score.oov_gold;
        if (found) ++score.oov_correct;
      }
      if (!found) {
        Score::Miss& miss = score.misses[text];
        ++miss.count;
        ++miss.segmented_as[SplitShown(line, predicted[i], w)];
        CountShape(score, predicted[i], w);
      }
    }
  }
  return score;
}

std::string Fixed(double value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string Percent(double value) { return Fixed(100 * value, 1); }

void PrintMarkdown(const std::string& name, const std::vector<Score>& scores,
                   bool has_vocabulary) {
  std::cout << "| " << name << " | lexicon words | P | R | F1 |"
            << (has_vocabulary ? " R(OOV) |" : "") << " chars/s |\n"
            << "|---|---:|---:|---:|---:|" << (has_vocabulary ? "---:|" : "")
            << "---:|\n";
  for (const Score& s : scores) {
    std::cout << "| " << s.system << " | " << s.lexicon_words << " | "
              << Percent(s.Precision()) << " | " << Percent(s.Recall()) << " | "
              << Percent(s.F1()) << " |";
    if (has_vocabulary) std::cout << " " << Percent(s.OovRecall()) << " |";
    std::cout << " " << Fixed(s.CharsPerSecond(), 0) << " |\n";
  }
  if (!scores.empty()) {
    const Score& s = scores.front();
    std::cout << "\n" << s.gold << " gold words, " << s.chars << " characters";
    if (has_vocabulary) std::cout << ", " << s.oov_gold << " OOV gold words";
    std::cout << ".\n";
  }
}

// One line per system: corpus, system, P, R, F1, R_oov, chars/s, gold words,
// predicted, correct, lexicon words, characters (tab-separated, fractions).
void PrintTsv(const std::string& name, const std::vector<Score>& scores) {
  for (const Score& s : scores) {
    std::cout << name << '\t' << s.system << '\t' << Fixed(s.Precision(), 4)
              << '\t' << Fixed(s.Recall(), 4) << '\t' << Fixed(s.F1(), 4)
              << '\t' << Fixed(s.OovRecall(), 4) << '\t'
              << Fixed(s.CharsPerSecond(), 0) << '\t' << s.gold << '\t'
              << s.predicted << '\t' << s.correct << '\t' << s.lexicon_words
              << '\t' << s.chars << '\n';
  }
}

void PrintErrors(const Score& s, size_t top) {
  static const std::map<WordClass, const char*> kClassNames = {
      {WordClass::kNumber, "numbers, dates (contain a digit, ○ or 〇)"},
      {WordClass::kHan, "Han words"},
      {WordClass::kOther, "punctuation, Latin, mixed"}};
  std::cout << "\n"
            << s.system << ": recall by kind of gold word\n\n"
            << "| kind | gold words | found | recall |\n|---|---:|---:|---:|\n";
  for (const auto& [cls, counts] : s.by_class) {
    std::cout << "| " << kClassNames.at(cls) << " | " << counts.first << " | "
              << counts.second << " | "
              << Percent(counts.first
                             ? static_cast<double>(counts.second) / counts.first
                             : 0)
              << " |\n";
  }
  size_t missed = s.miss_inside + s.miss_split + s.miss_crossing;
  std::cout << "\n"
            << s.system << ": " << missed
            << " missed gold words: " << s.miss_inside
            << " inside a longer segment, " << s.miss_split
            << " split into shorter segments, " << s.miss_crossing
            << " crossed by segment boundaries.\n";
  std::vector<std::pair<std::string, const Score::Miss*>> misses;
  for (const auto& [word, miss] : s.misses) misses.push_back({word, &miss});
  std::sort(misses.begin(), misses.end(), [](const auto& a, const auto& b) {
    return a.second->count != b.second->count
               ? a.second->count > b.second->count
               : a.first < b.first;
  });
  if (misses.size() > top) misses.resize(top);
  std::cout << "\n"
            << s.system << ": most frequent missed gold words\n\n"
            << "| gold word | misses | most often segmented as (times) |\n"
            << "|---|---:|---|\n";
  for (const auto& [word, miss] : misses) {
    std::vector<std::pair<std::string, size_t>> ways(miss->segmented_as.begin(),
                                                     miss->segmented_as.end());
    std::sort(ways.begin(), ways.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::string shown;
    for (size_t k = 0; k < ways.size() && k < 3; ++k) {
      if (!shown.empty()) shown += ", ";
      shown += ways[k].first + " (" + std::to_string(ways[k].second) + ")";
    }
    std::cout << "| " << word << " | " << miss->count << " | " << shown
              << " |\n";
  }
}

int Run(int argc, char** argv) {
  CLI::App app{
      "baoku-segmentation-f1: word precision, recall and F1 of baoku's "
      "segmentation (ICU, ICU + lexicon) against a SIGHAN 2005 gold file"};
  std::string gold_path, words_path, lexicon_path, name;
  int repeat = 3;
  size_t errors = 0;
  bool tsv = false;
  app.add_option("--gold", gold_path,
                 "Gold segmentation (words separated by white space)")
      ->required();
  app.add_option("--words", words_path,
                 "Training word list (one word per line): the third "
                 "configuration's lexicon, and the vocabulary for OOV recall");
  app.add_option("--lexicon", lexicon_path,
                 "Project lexicon (default: corpus/lexicon.txt)");
  app.add_option("--name", name, "Corpus name for the output (default: file)");
  app.add_option("--repeat", repeat,
                 "Segment the file this many times; speed is the best pass")
      ->check(CLI::Range(1, 100));
  app.add_option("--errors", errors,
                 "Also print recall by word kind and the N most frequent "
                 "gold words raw ICU misses");
  app.add_flag("--tsv", tsv, "Tab-separated output, one line per system");
  CLI11_PARSE(app, argc, argv);

  if (name.empty()) name = std::filesystem::path(gold_path).stem().string();
  auto gold_data = ReadFile(gold_path);
  if (!gold_data) {
    std::cerr << "cannot read " << gold_path << "\n";
    return 1;
  }
  std::vector<GoldLine> gold = ParseGold(*gold_data);

  corpus::TextAnalyzer analyzer;
  if (lexicon_path.empty()) lexicon_path = corpus::DefaultLexiconPath();
  if (lexicon_path.empty()) {
    std::cerr << "project lexicon not found; pass --lexicon\n";
    return 1;
  }
  corpus::Lexicon project;
  for (const auto& problem : project.LoadFile(lexicon_path, analyzer)) {
    if (problem.line == 0) {
      std::cerr << problem.ToString() << "\n";
      return 1;
    }
  }

  std::unordered_set<std::string> vocabulary;
  corpus::Lexicon training;
  if (!words_path.empty()) {
    auto words = ReadFile(words_path);
    if (!words) {
      std::cerr << "cannot read " << words_path << "\n";
      return 1;
    }
    for (std::string_view line : Lines(*words)) {
      std::string_view word = utf8::Trim(line);
      if (word.empty()) continue;
      vocabulary.emplace(word);
      training.Add(word, analyzer);  // Ignores 1 and > 12 characters.
    }
  }
  const auto* vocab = words_path.empty() ? nullptr : &vocabulary;

  std::vector<Score> scores;
  scores.push_back(Evaluate("ICU raw", analyzer, gold, nullptr, vocab, repeat));
  scores.push_back(Evaluate("ICU + project lexicon", analyzer, gold, &project,
                            vocab, repeat));
  if (vocab) {
    scores.push_back(Evaluate("ICU + training words", analyzer, gold, &training,
                              vocab, repeat));
  }
  if (tsv) {
    PrintTsv(name, scores);
  } else {
    PrintMarkdown(name, scores, vocab != nullptr);
  }
  if (errors > 0) {
    PrintErrors(scores.front(), errors);
    if (vocab) PrintErrors(scores.back(), errors);
  }
  return 0;
}

}  // namespace
}  // namespace baoku::bench

int main(int argc, char** argv) { return baoku::bench::Run(argc, argv); }
