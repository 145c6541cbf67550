#include "baoku/indexer/lexicon_update.h"

#include <algorithm>
#include <set>

#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/utf8.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/shards.h"
#include "page_state.h"

namespace baoku::indexer {
namespace {

corpus::Diagnostic BadWord(const std::string& parameter, std::string_view word,
                           const std::string& why) {
  return corpus::Diagnostic::InParameter(
      parameter, 0, "词“" + std::string(word) + "”" + why, "lexicon.bad_word");
}

bool AllHan(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (!corpus::utf8::IsHan(corpus::utf8::Next(text, pos))) return false;
  }
  return !text.empty();
}

// The documents whose characters hold `word` as a phrase: every document
// whose text may hold it, and some whose text only holds it across
// punctuation (checked against the stored text afterwards).
std::vector<Xapian::docid> PhraseCandidates(
    const Xapian::Database& db, const std::string& word,
    const corpus::TextAnalyzer& analyzer) {
  std::vector<std::string> characters;
  for (const auto& token : analyzer.Analyze(word)) {
    if (token.kind == corpus::TokenKind::kHanChar) {
      characters.push_back(token.term);
    }
  }
  if (characters.empty()) return {};
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, characters.begin(),
                                  characters.end(), characters.size()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
  std::vector<Xapian::docid> out;
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    out.push_back(*it);
  }
  return out;
}

// True when a text of `article` that the index holds contains one of
// `words` (normalized), characters side by side.
bool HoldsAnyWord(const corpus::Article& article,
                  const std::vector<std::string>& words,
                  const corpus::TextAnalyzer& analyzer) {
  bool found = false;
  ForEachIndexedText(article, [&](const std::string& text, bool) {
    if (found || text.empty()) return;
    std::string normalized = analyzer.Normalize(text);
    for (const auto& word : words) {
      if (normalized.find(word) != std::string::npos) {
        found = true;
        return;
      }
    }
  });
  return found;
}

// The same terms with the same within-document frequencies.
bool SameTerms(const Xapian::Document& a, const Xapian::Document& b) {
  auto i = a.termlist_begin();
  auto j = b.termlist_begin();
  for (; i != a.termlist_end() && j != b.termlist_end(); ++i, ++j) {
    if (*i != *j || i.get_wdf() != j.get_wdf()) return false;
  }
  return i == a.termlist_end() && j == b.termlist_end();
}

}  // namespace

corpus::Result<std::string> CheckLexiconWord(
    std::string_view word, const corpus::TextAnalyzer& analyzer,
    const std::string& parameter) {
  if (word.empty()) {
    return corpus::Diagnostic::InParameter(parameter, 0, "要加入词表的词是空的",
                                           "lexicon.bad_word");
  }
  if (!corpus::utf8::IsValid(word)) {
    return corpus::Diagnostic::InParameter(
        parameter, 0, "要加入词表的词不是有效的 UTF-8 文本",
        "lexicon.bad_word");
  }
  if (!AllHan(word)) {
    return BadWord(parameter, word,
                   "只能由汉字组成（不能有空格、标点、字母或数字；"
                   "几个词请分开写）");
  }
  std::string key = analyzer.NormalizeKey(word);
  size_t chars = corpus::utf8::CodePointCount(key);
  if (!AllHan(key) || chars < 2 || chars > corpus::Lexicon::kMaxWordChars) {
    return BadWord(parameter, word,
                   "应为 2 到 " +
                       std::to_string(corpus::Lexicon::kMaxWordChars) +
                       " 个汉字");
  }
  return key;
}

std::vector<std::string> WordsNewToIndex(const IndexWriter& writer,
                                         const corpus::Lexicon& lexicon) {
  std::vector<std::string> stored = writer.StoredLexiconWords();
  std::set<std::string> known(stored.begin(), stored.end());
  std::vector<std::string> out;
  for (auto& word : lexicon.Words()) {
    if (!known.count(word)) out.push_back(std::move(word));
  }
  return out;
}

LexiconUpdateSummary ApplyLexiconWords(IndexWriter& writer,
                                       const std::vector<std::string>& words,
                                       const corpus::Lexicon& lexicon,
                                       const corpus::TextAnalyzer& analyzer) {
  LexiconUpdateSummary summary;
  std::set<std::string> unique(words.begin(), words.end());
  summary.words.assign(unique.begin(), unique.end());
  Xapian::WritableDatabase& db = writer.database();

  // Candidates first: the loop below replaces documents.
  std::set<Xapian::docid> candidates;
  for (const auto& word : summary.words) {
    for (Xapian::docid id : PhraseCandidates(db, word, analyzer)) {
      candidates.insert(id);
    }
  }

  writer.BeginGroup();
  for (Xapian::docid id : candidates) {
    Xapian::Document stored = db.get_document(id);
    auto article = StoredArticle(stored);
    if (!article) {
      ++summary.unreadable;
      continue;
    }
    if (!HoldsAnyWord(*article, summary.words, analyzer)) continue;
    ++summary.found;
    Xapian::Document rebuilt = BuildDocument(*article, analyzer, &lexicon);
    // The text is the same, so is its reprint signature: the document
    // stays in its group (grouping anew could move it).
    rebuilt.add_value(corpus::kReprintGroupSlot,
                      stored.get_value(corpus::kReprintGroupSlot));
    if (SameTerms(stored, rebuilt)) continue;
    db.replace_document(id, rebuilt);
    ++summary.rewritten;
  }
  writer.StoreLexiconWords(lexicon.Words());
  writer.CommitGroup();
  return summary;
}

LexiconUpdateSummary AddWordsToIndex(
    const std::filesystem::path& db, const std::vector<std::string>& words,
    const std::filesystem::path& lexicon_file,
    const std::function<void(const corpus::Diagnostic&)>& report) {
  if (!std::filesystem::exists(db)) {
    throw std::runtime_error(db.string() +
                             ": no such index (build it with baoku-index "
                             "index)");
  }
  corpus::TextAnalyzer analyzer;
  ShardSet shards(db, ShardPolicy{});
  corpus::Lexicon lexicon =
      LoadIndexLexicon(lexicon_file, shards.StoredLexiconWords(), analyzer,
                       [&](const corpus::Diagnostic& d) {
                         if (report) report(d);
                       });
  for (const auto& word : words) lexicon.Add(word, analyzer);
  LexiconUpdateSummary total;
  std::set<std::string> applied;
  for (IndexWriter* writer : shards.WritableShards()) {
    std::vector<std::string> todo = WordsNewToIndex(*writer, lexicon);
    todo.insert(todo.end(), words.begin(), words.end());
    LexiconUpdateSummary s =
        ApplyLexiconWords(*writer, todo, lexicon, analyzer);
    total.found += s.found;
    total.rewritten += s.rewritten;
    total.unreadable += s.unreadable;
    applied.insert(s.words.begin(), s.words.end());
  }
  shards.Finish();
  total.words.assign(applied.begin(), applied.end());
  return total;
}

}  // namespace baoku::indexer
