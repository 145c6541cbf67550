#include "baoku/search/query_builder.h"

#include <map>

#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"

namespace baoku::search {
namespace utf8 = corpus::utf8;
using corpus::Token;
using corpus::TokenKind;

namespace {

struct Part {
  std::string_view text;
  size_t offset;  // Code points from the start of the query.
};

std::vector<Part> SplitOnSpace(std::string_view text) {
  std::vector<Part> parts;
  size_t pos = 0, start = 0, cp_index = 0, start_cp = 0;
  while (pos <= text.size()) {
    size_t before = pos;
    bool end = pos == text.size();
    bool space = !end && utf8::IsSpace(utf8::Next(text, pos));
    if (end || space) {
      if (before > start)
        parts.push_back({text.substr(start, before - start), start_cp});
      if (end) break;
      start = pos;
      start_cp = cp_index + 1;
    }
    ++cp_index;
  }
  return parts;
}

// The terms that must occur at consecutive positions for `tokens` to match:
// bigrams over each Han run (plus its last character when more follows),
// lone Han characters, and words.
std::vector<std::string> PhraseTerms(const std::vector<Token>& tokens) {
  std::map<uint32_t, const Token*> han_char, bigram, word;
  for (const Token& t : tokens) {
    switch (t.kind) {
      case TokenKind::kHanChar:
        han_char[t.position] = &t;
        break;
      case TokenKind::kHanBigram:
        bigram[t.position] = &t;
        break;
      case TokenKind::kWord:
        word[t.position] = &t;
        break;
      case TokenKind::kHanWord:
      case TokenKind::kNumberUnit:
        break;
    }
  }
  std::vector<std::string> terms;
  uint32_t last = 0;
  for (const Token& t : tokens) last = std::max(last, t.position);
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord) {
      terms.push_back(t.term);
    } else if (t.kind == TokenKind::kHanChar) {
      if (bigram.count(t.position)) {
        terms.push_back(bigram[t.position]->term);
      } else {
        bool follows_bigram = t.position > 0 && bigram.count(t.position - 1);
        // The last character of a run is covered by the bigram before it,
        // unless something follows and positions must stay consecutive.
        if (!follows_bigram || t.position != last) terms.push_back(t.term);
      }
    }
  }
  return terms;
}

Xapian::Query PhraseOf(const std::vector<std::string>& terms,
                       std::string_view prefix) {
  std::vector<Xapian::Query> subs;
  for (const auto& t : terms) subs.emplace_back(std::string(prefix) + t);
  if (subs.size() == 1) return subs.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, subs.begin(), subs.end(),
                       static_cast<Xapian::termcount>(subs.size()));
}

}  // namespace

BuiltQuery BuildQuery(std::string_view text,
                      const corpus::TextAnalyzer& analyzer,
                      const corpus::Lexicon* lexicon) {
  BuiltQuery built;
  if (!utf8::IsValid(text)) {
    built.error = QueryError{"q", "query is not valid UTF-8", 0};
    return built;
  }
  size_t chars = utf8::CodePointCount(text);
  if (chars > kMaxQueryChars) {
    built.error = QueryError{"q",
                             "query is " + std::to_string(chars) +
                                 " characters long; the limit is " +
                                 std::to_string(kMaxQueryChars),
                             kMaxQueryChars};
    return built;
  }
  std::vector<Xapian::Query> required, title_boost;
  for (const Part& part : SplitOnSpace(text)) {
    auto tokens = analyzer.Analyze(part.text, 0, lexicon);
    auto terms = PhraseTerms(tokens);
    if (terms.empty()) continue;
    for (const auto& t : tokens) {
      if (t.kind == TokenKind::kHanWord || t.kind == TokenKind::kNumberUnit) {
        title_boost.emplace_back(t.term);
      }
    }
    required.push_back(PhraseOf(terms, ""));
    title_boost.push_back(PhraseOf(terms, corpus::schema::kTitle));
    built.highlight_phrases.push_back(std::move(terms));
  }
  if (required.empty()) {
    built.error = QueryError{"q", "query has no searchable words", 0};
    return built;
  }
  Xapian::Query all(Xapian::Query::OP_AND, required.begin(), required.end());
  Xapian::Query boost(Xapian::Query::OP_OR, title_boost.begin(),
                      title_boost.end());
  built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, all, boost);
  return built;
}

}  // namespace baoku::search
