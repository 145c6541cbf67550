#include "baoku/corpus/topic_features.h"

#include <cmath>
#include <unordered_map>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

bool IsAsciiLetter(char32_t c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiAlnum(char32_t c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9');
}

// Counts the tokens of `text` into `counts` (title or body hits).
void CountTokens(std::string_view text, bool in_title,
                 std::unordered_map<std::string, TopicFeature>& counts) {
  auto add = [&](std::string_view token) {
    TopicFeature& f = counts[std::string(token)];
    ++(in_title ? f.title_hits : f.body_hits);
  };
  size_t pos = 0;
  size_t han_start = std::string_view::npos;  // Start of the previous Han.
  size_t word_start = std::string_view::npos;
  bool word_has_letter = false;
  while (pos < text.size()) {
    size_t at = pos;
    char32_t c = utf8::Next(text, pos);
    if (IsAsciiAlnum(c)) {
      if (word_start == std::string_view::npos) {
        word_start = at;
        word_has_letter = false;
      }
      word_has_letter = word_has_letter || IsAsciiLetter(c);
    } else if (word_start != std::string_view::npos) {
      if (word_has_letter) add(text.substr(word_start, at - word_start));
      word_start = std::string_view::npos;
    }
    if (utf8::IsHan(c)) {
      if (han_start != std::string_view::npos) {
        add(text.substr(han_start, pos - han_start));
      }
      han_start = at;
    } else {
      han_start = std::string_view::npos;
    }
  }
  if (word_start != std::string_view::npos && word_has_letter) {
    add(text.substr(word_start));
  }
}

}  // namespace

TopicText NormalizedTopicText(const Article& article,
                              const TextAnalyzer& analyzer) {
  std::string title, body;
  for (const auto* line : {&article.column, &article.kicker, &article.headline,
                           &article.subtitle}) {
    if (!line->empty()) title += *line + "\n";
  }
  for (const auto& p : article.paragraphs) body += p + "\n";
  TopicText out;
  out.chars = utf8::CodePointCount(title) + utf8::CodePointCount(body);
  out.title = analyzer.Normalize(title);
  out.body = analyzer.Normalize(body);
  return out;
}

std::vector<TopicFeature> TopicFeatures(const TopicText& text) {
  std::unordered_map<std::string, TopicFeature> counts;
  CountTokens(text.title, true, counts);
  CountTokens(text.body, false, counts);
  std::vector<TopicFeature> out;
  out.reserve(counts.size());
  double norm = 0;
  for (auto& [token, f] : counts) {
    f.token = token;
    f.value = 1 + std::log(kTopicTitleFactor * f.title_hits + f.body_hits);
    norm += f.value * f.value;
    out.push_back(std::move(f));
  }
  norm = std::sqrt(norm);
  for (auto& f : out) f.value /= norm;
  return out;
}

}  // namespace baoku::corpus
