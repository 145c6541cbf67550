#include "baoku/search/snippet.h"

#include <algorithm>

#include "baoku/corpus/utf8.h"
#include "phrase_matches.h"

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

// A phrase occurrence, in code points of the text.
struct Match {
  Highlight span;
  size_t phrase;
};

// Every occurrence of `phrases` in `text`, sorted by start, in code points.
std::vector<Match> FindMatches(
    std::string_view text, const std::vector<std::vector<std::string>>& phrases,
    const corpus::TextAnalyzer& analyzer, const CodePointIndex& index) {
  std::vector<Match> matches;
  for (const auto& m : internal::FindPhraseMatches(text, phrases, analyzer)) {
    matches.push_back(
        {{index.ToCodePoint(m.begin), index.ToCodePoint(m.end)}, m.phrase});
  }
  return matches;
}

// Adds `h` to `marks`, merged with the last one when they touch.
void AddMerged(std::vector<Highlight>& marks, Highlight h) {
  if (!marks.empty() && h.begin <= marks.back().end) {
    marks.back().end = std::max(marks.back().end, h.end);
  } else {
    marks.push_back(h);
  }
}

}  // namespace

std::vector<Highlight> MarkAll(
    std::string_view text, const std::vector<std::vector<std::string>>& phrases,
    const corpus::TextAnalyzer& analyzer) {
  std::vector<Highlight> marks;
  if (phrases.empty() || text.empty()) return marks;
  std::string_view scanned = internal::ScannedPrefix(text, kMaxMarkedBytes);
  CodePointIndex index(scanned);
  for (const auto& match : FindMatches(scanned, phrases, analyzer, index)) {
    if (marks.size() == kMaxMarks) break;
    AddMerged(marks, match.span);
  }
  return marks;
}

Snippet MakeSnippet(std::string_view full_text,
                    const std::vector<std::vector<std::string>>& phrases,
                    const corpus::TextAnalyzer& analyzer, size_t max_chars) {
  // The passage is chosen from the start of a long text: a 5 MiB article
  // took 11 s and 1.1 GB for a 700-byte answer.
  std::string_view text =
      internal::ScannedPrefix(full_text, kMaxSnippetScanBytes);
  bool cut = text.size() < full_text.size();
  CodePointIndex index(text);
  std::vector<Match> matches = FindMatches(text, phrases, analyzer, index);

  // The window with the most distinct phrases, then the most matches: one
  // pass with two fronts (a window per match start took quadratic time).
  size_t best_start = 0;
  std::pair<size_t, size_t> best_score{0, 0};
  std::vector<size_t> in_window(phrases.size(), 0);
  size_t distinct = 0;
  size_t j = 0;  // One past the window's last match.
  for (size_t i = 0; i < matches.size(); ++i) {
    if (j < i) j = i;
    while (j < matches.size() &&
           matches[j].span.end <= matches[i].span.begin + max_chars) {
      if (in_window[matches[j].phrase]++ == 0) ++distinct;
      ++j;
    }
    std::pair<size_t, size_t> score{distinct, j - i};
    if (score > best_score) {
      best_score = score;
      best_start = matches[i].span.begin;
    }
    if (j > i && --in_window[matches[i].phrase] == 0) --distinct;
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
  if (end < total || cut) snippet.text += kEllipsis;
  for (const auto& match : matches) {
    const Highlight& m = match.span;
    if (m.begin < begin || m.end > end) continue;
    AddMerged(snippet.highlights,
              {m.begin - begin + prefix_chars, m.end - begin + prefix_chars});
  }
  return snippet;
}

}  // namespace baoku::search
