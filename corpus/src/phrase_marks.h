// Which punctuation a phrase runs across (term layout 4, text_analyzer.h):
// the marks a reader skips inside a sentence — quotation marks, book-title
// marks, the enumeration comma 、 and middle dots — so that 智慧物业系统
// finds the printed “智慧物业”系统, 条例草案 finds 《条例》草案 and 物业系统
// finds 物业、系统. Marks that end a sentence or a clause (。！？；，：),
// brackets, dashes and white space still break a phrase.
//
// Internal to corpus/ (the only module that includes ICU). Pure functions
// over normalized text (normalizer.h: after NFKC, so ＂ and ､ arrive as "
// and 、); thread-safe.
#ifndef BAOKU_CORPUS_PHRASE_MARKS_H_
#define BAOKU_CORPUS_PHRASE_MARKS_H_

#include <unicode/unistr.h>

#include <cstdint>

namespace baoku::corpus::analysis {

// True for a mark a phrase runs across (see above).
bool IsInSentenceMark(UChar32 c);

// True when text[begin, end) is empty or holds only such marks: two Han
// characters with only this between them form a bigram.
// REQUIRES: 0 <= begin <= end <= text.length(), both on code point
// boundaries.
bool OnlyInSentenceMarks(const icu::UnicodeString& text, int32_t begin,
                         int32_t end);

// text[begin, end) without the marks: what a phrase across them reads as.
icu::UnicodeString WithoutInSentenceMarks(const icu::UnicodeString& text,
                                          int32_t begin, int32_t end);

}  // namespace baoku::corpus::analysis

#endif  // BAOKU_CORPUS_PHRASE_MARKS_H_
