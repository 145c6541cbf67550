// The Chinese text analyzer shared by indexing and querying.
//
// Text is normalized code point by code point (NFKC, case folding,
// traditional → simplified), so that 維修資金 = 维修资金 and ＧＯＨＯＭＥ =
// gohome, while every token keeps the byte span of the original text it came
// from.
//
// With a Lexicon (lexicon.h), segments that spell a lexicon word are merged
// first. Tokens, each with a position (so that phrases work across them)
// and a flag saying whether the index must store that position
// (Token::positional):
//  - every Han character (kHanChar) and every pair of adjacent Han characters
//    (kHanBigram) at the position of its first character: any contiguous
//    substring of Chinese text can be found as a phrase of these, whatever a
//    segmenter thinks of it. Two characters apart only by quotation marks,
//    book-title marks, 、 or a middle dot count as adjacent (“智慧物业”系统
//    holds 业系), so a phrase runs across the marks a reader leaves out;
//    other punctuation (。！？；，：, brackets) and white space break it;
//  - ICU dictionary words of three or more Han characters (kHanWord), which
//    help ranking (two-character words are the bigrams already);
//  - Latin words, numbers and mixed tokens ("5g", "3.47", "gohome") as kWord;
//  - a number with the unit right after it ("3.47亿", "2026年", "99.53%") as
//    kNumberUnit, at the number's position, for ranking.
// Each Han character and each kWord takes one position; punctuation takes
// none.
//
// Positional (the term layout, kTermLayoutVersion): every Han character
// and every kWord token, one per position; bigrams, kHanWord and
// kNumberUnit are stored without positions. A query finds a phrase by its
// bigrams (over each Han run, the run's last character when more follows,
// lone characters, words: all must occur) and checks their order on the
// positions of its characters and words, which an article holds in far
// fewer lists than its bigrams.
//
// Thread-safety: a TextAnalyzer is immutable; its methods may be called from
// many threads at once (ICU objects are kept per thread).
#ifndef BAOKU_CORPUS_TEXT_ANALYZER_H_
#define BAOKU_CORPUS_TEXT_ANALYZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace baoku::corpus {

// The version of what Analyze() puts into an index: the terms, their
// normalization and which of them keep positions. Bump it whenever a change
// here changes the terms or positions of any text, so that an index built
// by the old analyzer is detected (stored with the index and part of the
// page fingerprint) and re-indexed instead of silently missing phrases.
//   1: every token with its position.
//   2: positions only where a phrase needs them (Token::positional);
//      譭 folded to 毁.
//   3: positions on every Han character and word, none on bigrams.
//   4: bigrams also across quotation marks, book-title marks, 、 and middle
//      dots between two Han characters (业系 in “智慧物业”系统).
inline constexpr int kTermLayoutVersion = 4;

enum class TokenKind { kHanChar, kHanBigram, kHanWord, kWord, kNumberUnit };

struct Token {
  std::string term;  // Normalized UTF-8: the index term, without prefix.
  TokenKind kind = TokenKind::kWord;
  uint32_t position = 0;
  uint32_t begin = 0;  // Byte span in the analyzed (original) text.
  uint32_t end = 0;
  // The index stores this token's position (see above); when false the
  // term is indexed without positions, and no phrase may need it there.
  bool positional = true;
};

// A segment of text as the word segmenter sees it: [begin, end) bytes of the
// original text; `word` is false for punctuation.
struct WordSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool word = true;
};

class Lexicon;

class TextAnalyzer {
 public:
  // Throws std::runtime_error when ICU data is missing.
  TextAnalyzer();

  // Tokens in position order, positions starting at `first_position`.
  // With a lexicon, ICU segments that together spell a lexicon word become
  // one word (张|子|珂 → 张子珂); recall does not depend on it.
  std::vector<Token> Analyze(std::string_view text, uint32_t first_position = 0,
                             const Lexicon* lexicon = nullptr) const;

  // Analyze(text) (positions from 0, no lexicon) for finding phrases of
  // `terms` in a long text, e.g. a query's in an article for its snippet:
  // only the white-space-separated pieces that hold one of `terms` (or no
  // letter, digit or Han character) are analyzed. A piece left out takes a
  // position, as it does in Analyze(), so no phrase runs across it; tokens
  // of the pieces analyzed are those of Analyze(text), with positions
  // consecutive wherever Analyze()'s are.
  std::vector<Token> AnalyzeFor(std::string_view text,
                                const std::vector<std::string>& terms) const;

  // The word segmentation behind Analyze(): ICU dictionary words, merged by
  // the lexicon when given; white space left out.
  std::vector<WordSpan> Segment(std::string_view text,
                                const Lexicon* lexicon = nullptr) const;

  // The position after the last one Analyze(text, first_position) uses.
  static uint32_t NextPosition(const std::vector<Token>& tokens,
                               uint32_t first_position);

  // Normalized text (NFKC, case folded, simplified), same length semantics
  // as the tokens.
  std::string Normalize(std::string_view text) const;

  // Normalize() without white space: the form of exact-match values such as
  // reporter names and columns in boolean terms.
  std::string NormalizeKey(std::string_view text) const;

  // True when the ICU word segmentation of `before` + `after` keeps a word
  // boundary between them (judged on a few characters either side). False
  // means a word spans the join, e.g. "中华人" + "民共和国".
  bool BreaksBetween(std::string_view before, std::string_view after) const;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_TEXT_ANALYZER_H_
