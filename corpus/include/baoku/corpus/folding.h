// How two spellings that the analyzer makes equal differ: which stages of
// its normalizer (text_analyzer.h: NFKC, case folding, traditional →
// simplified with the fold table) had to act for them to meet. It names the
// form through which a query's characters found an article's ("資金" found
// "资金" through the traditional/simplified folding, "ＡＢＣ" found "abc"
// through the full-width one), for "why this matched" (search/match_reasons.h).
//
// Pure functions; thread-safe (the ICU objects are kept per thread).
#ifndef BAOKU_CORPUS_FOLDING_H_
#define BAOKU_CORPUS_FOLDING_H_

#include <string_view>

namespace baoku::corpus {

struct Foldings {
  bool width = false;  // Full- or half-width forms: ＡＢＣ, １２, ｶ.
  bool compatibility = false;  // Other forms NFKC folds: ①, ㎡, ﬁ.
  bool letter_case = false;    // Upper and lower case: ABC, abc.
  bool variant = false;        // Traditional or variant Han: 資, 諮, 「.
  bool Any() const { return width || compatibility || letter_case || variant; }
  bool operator==(const Foldings&) const = default;
  Foldings& operator|=(const Foldings& more) {
    width = width || more.width;
    compatibility = compatibility || more.compatibility;
    letter_case = letter_case || more.letter_case;
    variant = variant || more.variant;
    return *this;
  }
};

// The foldings that make `typed` and `printed` (UTF-8) meet; none when they
// are the same bytes. Compared code point by code point when both have as
// many, so that a character written alike on both sides (Ａ typed and
// printed) names nothing; otherwise as wholes. Text that does not normalize
// to the same form gets the stages that changed either side, which says
// how they were read, not that they match.
Foldings FoldingsBetween(std::string_view typed, std::string_view printed);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_FOLDING_H_
