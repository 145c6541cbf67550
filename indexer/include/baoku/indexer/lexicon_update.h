// A lexicon fix applied to an index in place, re-writing only what it
// touches. The documents whose text holds a word are found through the
// index itself (a phrase query over the word's characters, each candidate
// then checked against its stored text), analyzed again with the whole
// lexicon (BuildDocument) and replaced under the same docid when their
// terms change; every other document is left as it is. The lexicon is
// stored with the index (schema::kLexiconMetadataKey) in the same
// transaction, so that the search segments the words at once and a second
// run over the same words re-writes nothing.
//
// Page fingerprints hold the analyzer version but not the lexicon's words
// (page_state.h), so a lexicon edit does not re-index every page: the
// stored lexicon is what the index was built with, and the words of a
// lexicon that it does not hold yet (WordsNewToIndex) are applied here.
//
// Not thread-safe: runs on the index's single writer (outside a group).
#ifndef BAOKU_INDEXER_LEXICON_UPDATE_H_
#define BAOKU_INDEXER_LEXICON_UPDATE_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/result.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/indexer/index_writer.h"

namespace baoku::indexer {

struct LexiconUpdateSummary {
  std::vector<std::string> words;  // Applied: normalized, sorted.
  size_t found = 0;                // Documents whose stored text holds a word.
  size_t rewritten = 0;   // Of those, the documents whose terms changed.
  size_t unreadable = 0;  // Candidates whose stored record is unreadable
                          // (kept as they are).
};

// A word typed for the lexicon (baoku-index lexicon-add WORD…): UTF-8, 2 to
// corpus::Lexicon::kMaxWordChars Han characters (traditional and
// full-width forms are folded), no space or punctuation. Returns it
// normalized (TextAnalyzer::NormalizeKey), or a problem (code
// "lexicon.bad_word") naming `parameter` and the word.
corpus::Result<std::string> CheckLexiconWord(
    std::string_view word, const corpus::TextAnalyzer& analyzer,
    const std::string& parameter);

// The words of `lexicon` that the index of `writer` does not store, sorted.
std::vector<std::string> WordsNewToIndex(const IndexWriter& writer,
                                         const corpus::Lexicon& lexicon);

// Applies `words` (normalized, each in `lexicon`) to the index of `writer`
// as described above, and stores all of `lexicon` with it, in one
// transaction committed before returning. A crash before the commit leaves
// the index as it was, so a new run does the whole job. Throws Xapian::Error
// on a failure of the index (nothing of the update is kept).
// REQUIRES: `writer` is not in a group (BeginGroup()).
LexiconUpdateSummary ApplyLexiconWords(IndexWriter& writer,
                                       const std::vector<std::string>& words,
                                       const corpus::Lexicon& lexicon,
                                       const corpus::TextAnalyzer& analyzer);

// baoku-index lexicon-add: adds `words` (each passed by CheckLexiconWord)
// to the lexicon of the index at `db`, in every shard that takes writes
// (closed shards keep theirs), and applies them with ApplyLexiconWords —
// the words given even when stored already (a name from a byline is stored
// for the articles indexed after it), and any word of the project lexicon
// (`lexicon_file`; empty: corpus::DefaultLexiconPath()) that the index
// does not hold yet. Problems with the lexicon file go to `report`. The
// summary adds up the shards. Throws as IndexWriter and ApplyLexiconWords;
// std::runtime_error when `db` does not exist.
LexiconUpdateSummary AddWordsToIndex(
    const std::filesystem::path& db, const std::vector<std::string>& words,
    const std::filesystem::path& lexicon_file,
    const std::function<void(const corpus::Diagnostic&)>& report);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_LEXICON_UPDATE_H_
