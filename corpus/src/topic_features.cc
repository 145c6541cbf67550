#include "baoku/corpus/topic_features.h"

#include <cmath>
#include <unordered_map>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

// Counts the tokens of `text` into `counts` (title or body hits).
void CountTokens(std::string_view text, bool in_title,
                 std::unordered_map<std::string, TopicFeature>& counts) {
  ForEachTopicToken(text, [&](std::string_view token) {
    TopicFeature& f = counts[std::string(token)];
    ++(in_title ? f.title_hits : f.body_hits);
  });
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
    f.value = TopicTokenValue(f.title_hits, f.body_hits);
    norm += f.value * f.value;
    out.push_back(std::move(f));
  }
  norm = std::sqrt(norm);
  for (auto& f : out) f.value /= norm;
  return out;
}

}  // namespace baoku::corpus
