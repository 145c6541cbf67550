// Words that ICU's dictionary does not know: reporters' names from bylines,
// local place names, organisations and their abbreviations (张子珂, 住建局,
// 桑干河新区). The analyzer merges ICU segments that together spell a
// lexicon word, so such words become tokens of their own.
//
// Words are stored normalized (TextAnalyzer::NormalizeKey), so traditional
// and full-width spellings match too. Immutable after loading; thread-safe
// to share.
#ifndef BAOKU_CORPUS_LEXICON_H_
#define BAOKU_CORPUS_LEXICON_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "baoku/corpus/diagnostic.h"

namespace baoku::corpus {

class TextAnalyzer;

class Lexicon {
 public:
  Lexicon() = default;

  // Adds a word (normalized by `analyzer`); words of fewer than two or more
  // than kMaxWordChars characters are ignored.
  void Add(std::string_view word, const TextAnalyzer& analyzer);

  // Reads a lexicon file: one word per line, '#' starts a comment, and a
  // line may hold several words separated by spaces (a full name and its
  // abbreviations). Returns the problems found, by line.
  std::vector<Diagnostic> LoadFile(const std::filesystem::path& path,
                                   const TextAnalyzer& analyzer);

  bool Contains(std::string_view normalized_word) const {
    return words_.count(std::string(normalized_word)) > 0;
  }
  // True when some word starts with this (normalized) code point: a cheap
  // test before building candidate words.
  bool MayStartWith(char32_t first) const {
    return first_code_points_.count(first) > 0;
  }
  size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }

  // All words, sorted: for storing the lexicon with an index.
  std::vector<std::string> Words() const;

  static constexpr size_t kMaxWordChars = 12;

  // The words of a lexicon as stored with an index (metadata
  // schema::kLexiconMetadataKey): one per line, empty lines skipped.
  static std::vector<std::string> SplitStored(std::string_view stored);

 private:
  std::unordered_set<std::string> words_;
  std::unordered_set<char32_t> first_code_points_;
};

// The project lexicon shipped with baoku (corpus/lexicon.txt), or an empty
// path when the file is not where the build put it.
std::filesystem::path DefaultLexiconPath();

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_LEXICON_H_
