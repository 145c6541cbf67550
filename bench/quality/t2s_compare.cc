// baoku-t2s-compare: traditional → simplified conversion, ICU against
// OpenCC, on real traditional text (the SIGHAN 2005 AS and CityU test sets).
//
// The analyzer (corpus/src/text_analyzer.cc, NormalizeCodePoint) converts
// code point by code point with ICU's "Traditional-Simplified" transliterator
// and caches each code point's result. OpenCC's t2s.json converts phrase by
// phrase (maximum matching on TSPhrases, then TSCharacters), so it can keep
// 乾 in 乾隆 and 著 in 著名 while turning 乾淨 into 干净; ICU given a whole
// line also uses some phrase rules (計畫 → 计划). This tool measures, in one
// run and one thread:
//  - speed (characters per CPU second of the thread) of ICU per code point
//  without a cache, of
//    ICU per code point with the analyzer's cache, of ICU on whole lines, and
//    of OpenCC on whole lines;
//  - agreement: the share of characters where the per-code-point ICU result
//    equals OpenCC's (on lines where OpenCC keeps the number of characters,
//    which is nearly all), and the most frequent disagreements, with
//    examples, so that a reader can judge which side is right;
//  - search consistency: whether ICU maps OpenCC's simplified character to
//    the same key as the traditional one (then a simplified query finds the
//    traditional text whatever the disagreement), and how often OpenCC
//    converts a character or a pair alone (as in a short query) differently
//    from the same character in its line;
//  - optionally (--simplified) how many characters of already simplified
//    text each converter changes: a T→S converter should leave simplified
//    text alone, so every change there is a likely error.
//
// Only the T→S step is compared (no NFKC or case folding, which the
// analyzer applies first and which would make every full-width character a
// "difference"). OpenCC is used only by this tool, never by the product.
//
// Usage:
//   baoku-t2s-compare as_test.utf8 cityu_test.utf8
//       [--simplified pku_test.utf8 --simplified msr_test.utf8] [--top 25]
//   (one command line)
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "SimpleConverter.hpp"  // OpenCC
#include "baoku/corpus/utf8.h"

namespace baoku::bench {
namespace {

namespace utf8 = corpus::utf8;

// CPU time of this thread: speed figures stay meaningful on a busy machine.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

volatile size_t g_sink = 0;

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  std::string data = out.str();
  if (utf8::StartsWith(data, "\xEF\xBB\xBF")) data.erase(0, 3);  // BOM
  return data;
}

// Non-empty lines without their line ends.
std::vector<std::string> Lines(std::string_view data) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) lines.emplace_back(line);
    pos = nl + 1;
  }
  return lines;
}

std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos < s.size();) {
    size_t before = pos;
    utf8::Next(s, pos);
    out.emplace_back(s.substr(before, pos - before));
  }
  return out;
}

// ICU Traditional-Simplified, as the analyzer applies it.
class IcuConverter {
 public:
  IcuConverter() {
    UErrorCode status = U_ZERO_ERROR;
    t2s_.reset(icu::Transliterator::createInstance("Traditional-Simplified",
                                                   UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU Traditional-Simplified: ") +
                               u_errorName(status));
    }
  }

  // One code point, no cache (what NormalizeCodePoint does on a miss).
  std::string ConvertCodePoint(char32_t cp) const {
    icu::UnicodeString s(static_cast<UChar32>(cp));
    t2s_->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    return out;
  }

  // One code point through a cache, like the analyzer.
  const std::string& ConvertCached(char32_t cp) {
    auto it = cache_.find(cp);
    if (it != cache_.end()) return it->second;
    return cache_.emplace(cp, ConvertCodePoint(cp)).first->second;
  }

  std::string ConvertLinePerCodePoint(std::string_view line, bool cached) {
    std::string out;
    for (size_t pos = 0; pos < line.size();) {
      char32_t cp = utf8::Next(line, pos);
      if (cached) {
        out += ConvertCached(cp);
      } else {
        out += ConvertCodePoint(cp);
      }
    }
    return out;
  }

  // A whole line at once: ICU then applies its phrase rules too.
  std::string ConvertLine(std::string_view line) const {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    t2s_->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    return out;
  }

  void ClearCache() { cache_.clear(); }

 private:
  std::unique_ptr<icu::Transliterator> t2s_;
  std::unordered_map<char32_t, std::string> cache_;
};

struct Timing {
  double icu_uncached = 0;
  double icu_cached = 0;
  double icu_line = 0;
  double opencc = 0;
};

// Best of `repeat` passes of `convert` over all lines, in CPU seconds.
template <typename Convert>
double Time(const std::vector<std::string>& lines, int repeat,
            Convert&& convert) {
  double best = 0;
  for (int run = 0; run < repeat; ++run) {
    double start = ThreadCpuSeconds();
    size_t bytes = 0;
    for (const std::string& line : lines) bytes += convert(line).size();
    g_sink = g_sink + bytes;  // Keeps the conversions from being elided.
    double took = ThreadCpuSeconds() - start;
    if (run == 0 || took < best) best = took;
  }
  return best;
}

struct Disagreement {
  size_t count = 0;
  std::vector<std::string> examples;  // Up to three, distinct.
};

// (original, ICU, OpenCC) for one character.
using Triple = std::tuple<std::string, std::string, std::string>;

struct Comparison {
  std::string name;
  size_t lines = 0;
  size_t chars = 0;
  size_t han = 0;
  size_t aligned_chars = 0;  // In lines where OpenCC keeps the length.
  size_t aligned_han = 0;
  size_t unaligned_lines = 0;
  size_t agree = 0;  // Per-code-point ICU = OpenCC.
  size_t agree_han = 0;
  size_t line_agree_han = 0;  // Whole-line ICU = OpenCC.
  size_t same_key_han = 0;    // ICU(original) = ICU(OpenCC's result).
  size_t icu_changed = 0;     // Characters ICU (per code point) changes.
  size_t opencc_changed = 0;  // Characters OpenCC changes (aligned lines).
  size_t opencc_alone_differs = 0;   // Han char: OpenCC alone ≠ in its line.
  size_t han_bigrams = 0;            // Adjacent Han pairs.
  size_t opencc_bigram_differs = 0;  // OpenCC of the pair ≠ in its line.
  size_t icu_line_differs = 0;       // Whole-line ICU ≠ per code point.
  Timing seconds;
  std::map<Triple, Disagreement> disagreements;
  std::map<Triple, Disagreement> icu_line_diffs;  // (orig, per cp, line).
};

std::string Context(const std::vector<std::string>& chars, size_t i) {
  size_t begin = i >= 3 ? i - 3 : 0;
  size_t end = std::min(chars.size(), i + 4);
  std::string out;
  for (size_t k = begin; k < end; ++k) {
    if (k == i) out += "[";
    out += chars[k];
    if (k == i) out += "]";
  }
  return out;
}

void Note(std::map<Triple, Disagreement>& map, Triple key,
          std::string example) {
  Disagreement& d = map[std::move(key)];
  ++d.count;
  if (d.examples.size() < 3 && std::find(d.examples.begin(), d.examples.end(),
                                         example) == d.examples.end()) {
    d.examples.push_back(std::move(example));
  }
}

bool IsHanChar(const std::string& ch) {
  size_t pos = 0;
  return utf8::IsHan(utf8::Next(ch, pos));
}

// OpenCC on short strings (a character or a pair alone), cached.
class OpenccAlone {
 public:
  explicit OpenccAlone(const opencc::SimpleConverter& opencc)
      : opencc_(opencc) {}
  const std::string& Convert(const std::string& s) {
    auto it = cache_.find(s);
    if (it != cache_.end()) return it->second;
    return cache_.emplace(s, opencc_.Convert(s)).first->second;
  }

 private:
  const opencc::SimpleConverter& opencc_;
  std::unordered_map<std::string, std::string> cache_;
};

Comparison Compare(const std::string& name,
                   const std::vector<std::string>& lines, IcuConverter& icu,
                   const opencc::SimpleConverter& opencc, int repeat) {
  Comparison c;
  c.name = name;
  c.lines = lines.size();
  icu.ClearCache();
  c.seconds.icu_uncached = Time(lines, repeat, [&](const std::string& l) {
    return icu.ConvertLinePerCodePoint(l, false);
  });
  c.seconds.icu_cached = Time(lines, repeat, [&](const std::string& l) {
    return icu.ConvertLinePerCodePoint(l, true);
  });
  c.seconds.icu_line = Time(
      lines, repeat, [&](const std::string& l) { return icu.ConvertLine(l); });
  c.seconds.opencc = Time(
      lines, repeat, [&](const std::string& l) { return opencc.Convert(l); });

  OpenccAlone alone(opencc);
  auto icu_of = [&](const std::string& ch) -> const std::string& {
    size_t pos = 0;
    return icu.ConvertCached(utf8::Next(ch, pos));
  };
  for (const std::string& line : lines) {
    std::vector<std::string> in = CodePoints(line);
    std::vector<std::string> by_icu;
    for (const std::string& ch : in) by_icu.push_back(icu_of(ch));
    std::vector<std::string> by_opencc = CodePoints(opencc.Convert(line));
    std::vector<std::string> by_icu_line = CodePoints(icu.ConvertLine(line));
    c.chars += in.size();
    for (size_t i = 0; i < in.size(); ++i) {
      if (IsHanChar(in[i])) ++c.han;
      if (by_icu[i] != in[i]) ++c.icu_changed;
    }
    if (by_icu_line.size() == in.size()) {
      for (size_t i = 0; i < in.size(); ++i) {
        if (by_icu_line[i] == by_icu[i]) continue;
        ++c.icu_line_differs;
        Note(c.icu_line_diffs, {in[i], by_icu[i], by_icu_line[i]},
             Context(in, i));
      }
    } else {
      c.icu_line_differs += in.size();
    }
    if (by_opencc.size() != in.size()) {
      ++c.unaligned_lines;
      continue;
    }
    c.aligned_chars += in.size();
    for (size_t i = 0; i < in.size(); ++i) {
      bool han = IsHanChar(in[i]);
      if (by_opencc[i] != in[i]) ++c.opencc_changed;
      if (han) {
        ++c.aligned_han;
        if (alone.Convert(in[i]) != by_opencc[i]) ++c.opencc_alone_differs;
        if (i + 1 < in.size() && IsHanChar(in[i + 1])) {
          ++c.han_bigrams;
          if (alone.Convert(in[i] + in[i + 1]) !=
              by_opencc[i] + by_opencc[i + 1]) {
            ++c.opencc_bigram_differs;
          }
        }
        if (icu_of(by_opencc[i]) == by_icu[i]) ++c.same_key_han;
        if (by_icu_line.size() == in.size() && by_icu_line[i] == by_opencc[i]) {
          ++c.line_agree_han;
        }
      }
      if (by_opencc[i] == by_icu[i]) {
        ++c.agree;
        if (han) ++c.agree_han;
        continue;
      }
      Note(c.disagreements, {in[i], by_icu[i], by_opencc[i]}, Context(in, i));
    }
  }
  return c;
}

std::string Fixed(double value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string Rate(size_t chars, double seconds) {
  return seconds > 0 ? Fixed(chars / seconds / 1e6, 2) : "-";
}

std::string Share(size_t part, size_t whole) {
  return whole ? Fixed(100.0 * part / whole, 2) + "%" : "-";
}

void Merge(std::map<Triple, Disagreement>& into,
           const std::map<Triple, Disagreement>& from) {
  for (const auto& [key, d] : from) {
    Disagreement& sum = into[key];
    sum.count += d.count;
    for (const std::string& e : d.examples) {
      if (sum.examples.size() < 3) sum.examples.push_back(e);
    }
  }
}

Comparison Sum(const std::string& name, const std::vector<Comparison>& parts) {
  Comparison t;
  t.name = name;
  for (const Comparison& c : parts) {
    t.lines += c.lines;
    t.chars += c.chars;
    t.han += c.han;
    t.aligned_chars += c.aligned_chars;
    t.aligned_han += c.aligned_han;
    t.unaligned_lines += c.unaligned_lines;
    t.agree += c.agree;
    t.agree_han += c.agree_han;
    t.line_agree_han += c.line_agree_han;
    t.same_key_han += c.same_key_han;
    t.icu_changed += c.icu_changed;
    t.opencc_changed += c.opencc_changed;
    t.opencc_alone_differs += c.opencc_alone_differs;
    t.han_bigrams += c.han_bigrams;
    t.opencc_bigram_differs += c.opencc_bigram_differs;
    t.icu_line_differs += c.icu_line_differs;
    t.seconds.icu_uncached += c.seconds.icu_uncached;
    t.seconds.icu_cached += c.seconds.icu_cached;
    t.seconds.icu_line += c.seconds.icu_line;
    t.seconds.opencc += c.seconds.opencc;
    Merge(t.disagreements, c.disagreements);
    Merge(t.icu_line_diffs, c.icu_line_diffs);
  }
  return t;
}

void PrintList(const std::map<Triple, Disagreement>& map,
               const std::string& second, const std::string& third, size_t top,
               IcuConverter* fold) {
  std::vector<std::pair<Triple, Disagreement>> list(map.begin(), map.end());
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a.second.count != b.second.count ? a.second.count > b.second.count
                                            : a.first < b.first;
  });
  if (list.size() > top) list.resize(top);
  std::cout << "| char | " << second << " | " << third << " | times |"
            << (fold ? " same ICU key |" : "")
            << " examples (char in []) |\n|---|---|---|---:|"
            << (fold ? "---|" : "") << "---|\n";
  for (const auto& [key, d] : list) {
    const auto& [orig, a, b] = key;
    std::string examples;
    for (const std::string& e : d.examples) {
      if (!examples.empty()) examples += ", ";
      examples += e;
    }
    std::cout << "| " << orig << " | " << a << " | " << b << " | " << d.count
              << " |";
    if (fold) {
      size_t pos = 0;
      std::cout << (fold->ConvertCached(utf8::Next(b, pos)) == a ? " yes |"
                                                                 : " no |");
    }
    std::cout << " " << examples << " |\n";
  }
}

void PrintTables(const std::string& title, const std::vector<Comparison>& rows,
                 size_t top, IcuConverter& icu) {
  std::cout << "### " << title << "\n\n"
            << "Speed, million characters per CPU second (thread CPU time, "
               "best of the passes, one thread):\n\n"
            << "| text | lines | characters | ICU per code point, no cache | "
               "ICU per code point, cached (analyzer) | ICU whole line | "
               "OpenCC t2s whole line |\n"
            << "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const Comparison& c : rows) {
    std::cout << "| " << c.name << " | " << c.lines << " | " << c.chars << " | "
              << Rate(c.chars, c.seconds.icu_uncached) << " | "
              << Rate(c.chars, c.seconds.icu_cached) << " | "
              << Rate(c.chars, c.seconds.icu_line) << " | "
              << Rate(c.chars, c.seconds.opencc) << " |\n";
  }
  std::cout
      << "\nAgreement: characters where per-code-point ICU (the analyzer) "
         "gives what OpenCC gives; figures in () count the characters that "
         "differ:\n\n"
      << "| text | chars | Han chars | ICU changes | OpenCC changes | ICU = "
         "OpenCC, all | ICU = OpenCC, Han | ICU whole line = OpenCC, Han |\n"
      << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const Comparison& c : rows) {
    std::cout << "| " << c.name << " | " << c.aligned_chars << " | "
              << c.aligned_han << " | " << Share(c.icu_changed, c.chars) << " ("
              << c.icu_changed << ") | "
              << Share(c.opencc_changed, c.aligned_chars) << " ("
              << c.opencc_changed << ") | " << Share(c.agree, c.aligned_chars)
              << " (" << c.aligned_chars - c.agree << ") | "
              << Share(c.agree_han, c.aligned_han) << " ("
              << c.aligned_han - c.agree_han << ") | "
              << Share(c.line_agree_han, c.aligned_han) << " ("
              << c.aligned_han - c.line_agree_han << ") |\n";
  }
  std::cout
      << "\nSearch consistency. 'Same ICU key': ICU maps OpenCC's "
         "simplification of the character to the same key as the original, "
         "so a simplified query finds the text. 'OpenCC alone ≠ in line': a "
         "Han character (pair) converted by itself, as a short query would "
         "be, differs from its conversion in context. Per-code-point ICU is "
         "context-free by construction; whole-line ICU is not:\n\n"
      << "| text | same ICU key, Han | OpenCC alone ≠ in line, chars | "
         "OpenCC alone ≠ in line, pairs | whole-line ICU ≠ per code point | "
         "lines OpenCC changes in length |\n"
      << "|---|---:|---:|---:|---:|---:|\n";
  for (const Comparison& c : rows) {
    std::cout << "| " << c.name << " | " << Share(c.same_key_han, c.aligned_han)
              << " (" << c.aligned_han - c.same_key_han << " not) | "
              << Share(c.opencc_alone_differs, c.aligned_han) << " ("
              << c.opencc_alone_differs << ") | "
              << Share(c.opencc_bigram_differs, c.han_bigrams) << " ("
              << c.opencc_bigram_differs << ") | " << c.icu_line_differs
              << " | " << c.unaligned_lines << " |\n";
  }
  const Comparison& all = rows.back();
  std::cout << "\nMost frequent disagreements (" << all.name << ", "
            << all.disagreements.size() << " distinct):\n\n";
  PrintList(all.disagreements, "ICU", "OpenCC", top, &icu);
  if (!all.icu_line_diffs.empty()) {
    std::cout << "\nWhole-line ICU against per code point (" << all.name
              << "):\n\n";
    PrintList(all.icu_line_diffs, "ICU per code point", "ICU whole line", top,
              nullptr);
  }
  std::cout << "\n";
}

int Run(int argc, char** argv) {
  CLI::App app{
      "baoku-t2s-compare: traditional → simplified, ICU (per code point, as "
      "the analyzer) against OpenCC t2s.json: speed and agreement"};
  std::vector<std::string> traditional, simplified;
  std::string config = "t2s.json";
  int repeat = 3;
  size_t top = 25;
  app.add_option("traditional", traditional, "Traditional Chinese text files")
      ->required();
  app.add_option("--simplified", simplified,
                 "Simplified text files: every change a converter makes to "
                 "them is a likely error");
  app.add_option("--config", config, "OpenCC configuration");
  app.add_option("--repeat", repeat, "Timed passes; the best one counts")
      ->check(CLI::Range(1, 100));
  app.add_option("--top", top, "Disagreements to list");
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<opencc::SimpleConverter> opencc;
  try {
    opencc = std::make_unique<opencc::SimpleConverter>(config);
  } catch (const std::exception& e) {
    std::cerr << "OpenCC " << config << ": " << e.what() << "\n";
    return 1;
  }
  IcuConverter icu;

  auto run = [&](const std::vector<std::string>& files,
                 const std::string& title) -> bool {
    std::vector<Comparison> rows;
    for (const std::string& file : files) {
      auto data = ReadFile(file);
      if (!data) {
        std::cerr << "cannot read " << file << "\n";
        return false;
      }
      rows.push_back(Compare(std::filesystem::path(file).filename().string(),
                             Lines(*data), icu, *opencc, repeat));
    }
    if (rows.size() > 1) rows.push_back(Sum("all", rows));
    PrintTables(title, rows, top, icu);
    return true;
  };
  if (!run(traditional, "Traditional text")) return 1;
  if (!simplified.empty() &&
      !run(simplified, "Simplified text (changes here are errors)")) {
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace baoku::bench

int main(int argc, char** argv) { return baoku::bench::Run(argc, argv); }
