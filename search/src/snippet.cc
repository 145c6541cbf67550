#include "baoku/search/snippet.h"

#include <algorithm>
#include <map>
#include <set>

#include "baoku/corpus/utf8.h"

namespace baoku::search {
namespace utf8 = corpus::utf8;

namespace {

constexpr std::string_view kEllipsis = "…";

// Byte offset → code point index, for offsets on code point boundaries.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
      starts_.push_back(pos);
      utf8::Next(text, pos);
    }
    starts_.push_back(text.size());
  }
  size_t ToCodePoint(size_t byte) const {
    return std::lower_bound(starts_.begin(), starts_.end(), byte) -
           starts_.begin();
  }
  size_t ToByte(size_t cp) const {
    return starts_[std::min(cp, starts_.size() - 1)];
  }
  size_t size() const { return starts_.size() - 1; }

 private:
  std::vector<size_t> starts_;
};

}  // namespace

Snippet MakeSnippet(std::string_view text,
                    const std::vector<std::vector<std::string>>& phrases,
                    const corpus::TextAnalyzer& analyzer, size_t max_chars) {
  CodePointIndex index(text);
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
  struct Match {
    Highlight span;
    size_t phrase;
  };
  std::vector<Match> matches;
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
      if (whole) {
        matches.push_back(
            {{index.ToCodePoint(first_span.first), index.ToCodePoint(end)}, p});
      }
    }
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.span.begin < b.span.begin;
  });

  // The window with the most distinct phrases, then the most matches.
  size_t best_start = 0;
  std::pair<size_t, size_t> best_score{0, 0};
  for (size_t i = 0; i < matches.size(); ++i) {
    std::set<size_t> distinct;
    size_t count = 0;
    for (size_t j = i; j < matches.size() &&
                       matches[j].span.end <= matches[i].span.begin + max_chars;
         ++j) {
      distinct.insert(matches[j].phrase);
      ++count;
    }
    std::pair<size_t, size_t> score{distinct.size(), count};
    if (score > best_score) {
      best_score = score;
      best_start = matches[i].span.begin;
    }
  }
  size_t best_count = best_score.second;
  size_t total = index.size();
  size_t begin = 0;
  if (best_count > 0) {
    // Some context before the first match.
    size_t lead = std::min<size_t>(max_chars / 5, best_start);
    begin = best_start - lead;
  }
  size_t end = std::min(total, begin + max_chars);
  if (end == total && total > max_chars) begin = total - max_chars;

  Snippet snippet;
  size_t prefix_chars = 0;
  if (begin > 0) {
    snippet.text = kEllipsis;
    prefix_chars = 1;
  }
  snippet.text +=
      text.substr(index.ToByte(begin), index.ToByte(end) - index.ToByte(begin));
  if (end < total) snippet.text += kEllipsis;
  for (const auto& match : matches) {
    const Highlight& m = match.span;
    if (m.begin < begin || m.end > end) continue;
    Highlight h{m.begin - begin + prefix_chars, m.end - begin + prefix_chars};
    if (!snippet.highlights.empty() &&
        h.begin <= snippet.highlights.back().end) {
      snippet.highlights.back().end =
          std::max(snippet.highlights.back().end, h.end);
    } else {
      snippet.highlights.push_back(h);
    }
  }
  return snippet;
}

}  // namespace baoku::search
