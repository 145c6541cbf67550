// The features of an article that the fitted topic model (topic_model.h)
// weighs: the tokens of its normalized text, counted.
//
// One function for indexing and for fitting (bench/quality/topic_train.cc),
// so the tokens the weights were fitted on are the tokens scored.
//
// Tokens: every pair of adjacent Han characters of the normalized text (the
// analyzer's kHanBigram terms) and every run of ASCII letters and digits
// holding a letter (its kWord terms without the numbers), both taken from
// TextAnalyzer::Normalize() so that traditional, full-width and upper-case
// text count as their simplified, half-width, lower-case forms. Bigrams
// rather than segmented words: Normalize() is the cheap part of the
// analyzer, ICU word segmentation the dear one, and the indexer already pays
// for it once (scoring must stay a small share of indexing time).
//
// Value of a token: 1 + ln(kTopicTitleFactor × title hits + body hits),
// then the vector is scaled to unit length, so a headline and a long
// feature about the same thing look alike.
//
// Stateless functions; thread-safe as TextAnalyzer is.
#ifndef BAOKU_CORPUS_TOPIC_FEATURES_H_
#define BAOKU_CORPUS_TOPIC_FEATURES_H_

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/utf8.h"

namespace baoku::corpus {

class TextAnalyzer;

// A title-block token counts as this many body tokens.
inline constexpr double kTopicTitleFactor = 3;

// Names the settings above; a weights file records it and is refused when
// it differs (weights fitted on other features mean nothing).
inline constexpr std::string_view kTopicFeatureSettings =
    "han-bigram+ascii-word title=3 log-tf l2";

// The article's title block (column, kicker, headline, subtitle) and body
// (paragraphs), each normalized.
struct TopicText {
  std::string title;
  std::string body;
  size_t chars = 0;  // Code points of both, before normalizing.
};
TopicText NormalizedTopicText(const Article& article,
                              const TextAnalyzer& analyzer);

// The value of a token before scaling: 1 + ln(kTopicTitleFactor × title
// hits + body hits).
inline double TopicTokenValue(int title_hits, int body_hits) {
  return 1 + std::log(kTopicTitleFactor * title_hits + body_hits);
}

struct TopicFeature {
  std::string token;
  int title_hits = 0;
  int body_hits = 0;
  double value = 0;  // See above; the values' squares sum to 1.
};

// The tokens of `text`, in no particular order; empty for text without a
// Han pair or a word.
std::vector<TopicFeature> TopicFeatures(const TopicText& text);

// Calls visit(std::string_view token) for every token occurrence of one
// normalized text (TopicText::title or ::body), in text order; the tokens
// are views into `text`. TopicFeatures() counts these, and so does the
// indexer's scoring (TopicModel::Margins of a TopicText), so both see the
// same tokens.
template <class Visit>
void ForEachTopicToken(std::string_view text, Visit&& visit) {
  auto is_letter = [](char32_t c) { return c >= 'a' && c <= 'z'; };
  auto is_alnum = [&](char32_t c) {
    return is_letter(c) || (c >= '0' && c <= '9');
  };
  size_t pos = 0;
  size_t han_start = std::string_view::npos;  // Start of the previous Han.
  size_t word_start = std::string_view::npos;
  bool word_has_letter = false;
  while (pos < text.size()) {
    size_t at = pos;
    char32_t c = utf8::Next(text, pos);
    if (is_alnum(c)) {
      if (word_start == std::string_view::npos) {
        word_start = at;
        word_has_letter = false;
      }
      word_has_letter = word_has_letter || is_letter(c);
    } else if (word_start != std::string_view::npos) {
      if (word_has_letter) visit(text.substr(word_start, at - word_start));
      word_start = std::string_view::npos;
    }
    if (utf8::IsHan(c)) {
      if (han_start != std::string_view::npos) {
        visit(text.substr(han_start, pos - han_start));
      }
      han_start = at;
    } else {
      han_start = std::string_view::npos;
    }
  }
  if (word_start != std::string_view::npos && word_has_letter) {
    visit(text.substr(word_start));
  }
}

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_TOPIC_FEATURES_H_
