#include "phrase_matches.h"

#include <algorithm>
#include <map>
#include <utility>

namespace baoku::search::internal {

std::vector<PhraseMatch> FindPhraseMatches(
    std::string_view text, const std::vector<std::vector<std::string>>& phrases,
    const corpus::TextAnalyzer& analyzer) {
  std::vector<std::string> terms;
  for (const auto& phrase : phrases) {
    terms.insert(terms.end(), phrase.begin(), phrase.end());
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  // Term at each position → its byte span, for the phrases' terms only.
  std::map<std::pair<uint32_t, std::string>, std::pair<uint32_t, uint32_t>> at;
  for (const auto& token : analyzer.AnalyzeFor(text, terms)) {
    if (!std::binary_search(terms.begin(), terms.end(), token.term)) continue;
    at.emplace(std::make_pair(token.position, token.term),
               std::make_pair(token.begin, token.end));
  }
  std::vector<PhraseMatch> matches;
  for (const auto& [key, first_span] : at) {
    for (size_t p = 0; p < phrases.size(); ++p) {
      const auto& phrase = phrases[p];
      if (phrase.empty() || phrase[0] != key.second) continue;
      uint32_t end = first_span.second;
      bool whole = true;
      for (size_t k = 1; k < phrase.size() && whole; ++k) {
        auto it = at.find({key.first + static_cast<uint32_t>(k), phrase[k]});
        whole = it != at.end();
        if (whole) end = std::max(end, it->second.second);
      }
      if (whole) matches.push_back({first_span.first, end, p});
    }
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const PhraseMatch& a, const PhraseMatch& b) {
                     return a.begin < b.begin;
                   });
  return matches;
}

std::string_view ScannedPrefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end);
}

}  // namespace baoku::search::internal
