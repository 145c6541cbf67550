// The segmenter stage of the text analyzer (text_analyzer.h): ICU's word
// break iterator over normalized text, then runs of Han segments that spell
// a lexicon word merged into one (张|子|珂 → 张子珂).
//
// Internal to corpus/ (the only module that includes ICU). Thread-safety:
// free functions, safe from many threads at once (the break iterator is
// kept per thread).
#ifndef BAOKU_CORPUS_SEGMENTER_H_
#define BAOKU_CORPUS_SEGMENTER_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace baoku::corpus {
class Lexicon;
}

namespace baoku::corpus::analysis {

// A word segment, [start, limit) in UTF-16 units of the segmented text.
struct IcuSegment {
  int32_t start;
  int32_t limit;
  bool word;  // False for spaces and punctuation.
  bool han;   // Every character is Han.
};

// The segments of `text`, which starts at `offset` of the text the
// segments index; with a non-empty `lexicon`, merged by it (longest word
// first). `full_text` is the text `offset` refers to.
std::vector<IcuSegment> SegmentWords(const icu::UnicodeString& full_text,
                                     int32_t begin, int32_t end,
                                     const Lexicon* lexicon);

// True when ICU's word segmentation of `before` + `after` (UTF-8) keeps a
// boundary between them, judged on a few characters either side.
bool BreaksBetween(std::string_view before, std::string_view after);

// Throws std::runtime_error when ICU's word break data is missing.
void CheckSegmenterData();

}  // namespace baoku::corpus::analysis

#endif  // BAOKU_CORPUS_SEGMENTER_H_
