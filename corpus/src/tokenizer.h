// The tokenizer stage of the text analyzer (text_analyzer.h): from the
// word segments of normalized text, the index tokens — Han characters and
// bigrams, dictionary words of three or more Han characters, Latin words
// and numbers, number+unit — with positions and whether a phrase needs
// them (Token::positional).
//
// Internal to corpus/ (the only module that includes ICU). Pure functions;
// thread-safe.
#ifndef BAOKU_CORPUS_TOKENIZER_H_
#define BAOKU_CORPUS_TOKENIZER_H_

#include <cstdint>
#include <vector>

#include "baoku/corpus/text_analyzer.h"
#include "normalizer.h"
#include "segmenter.h"

namespace baoku::corpus::analysis {

// Appends the tokens of the segments (of norm.text, from SegmentWords) to
// `tokens` in position order, positions from `position` on (advanced past
// the last one used). Terms longer than schema::kMaxTermBytes are left out.
void Tokenize(const NormalizedText& norm,
              const std::vector<IcuSegment>& segments, uint32_t& position,
              std::vector<Token>& tokens);

// If the number at norm.text[start, limit) is directly followed by a unit
// or measure word (3.47亿, 2026年, 99.53%), the limit past the unit, else
// `limit`.
int32_t NumberUnitLimit(const icu::UnicodeString& text, int32_t start,
                        int32_t limit);

}  // namespace baoku::corpus::analysis

#endif  // BAOKU_CORPUS_TOKENIZER_H_
