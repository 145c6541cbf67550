// What the indexer remembers about a page between runs, shared by the batch
// writer and the retopic pass so that both leave the same state behind.
#ifndef BAOKU_INDEXER_SRC_PAGE_STATE_H_
#define BAOKU_INDEXER_SRC_PAGE_STATE_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/result.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/indexer/index_writer.h"

namespace baoku::indexer {

// FNV-1a over the schema and analyzer versions (corpus/index_version.h) and
// the JSON records of the articles of `page_key` among `articles`, in their
// order: changes whenever what the reader made of the page changes (text,
// metadata, reader version, assigned topics) or what the index makes of it.
// The lexicon's words are not part of it: a lexicon edit re-writes only the
// articles that hold a new word (lexicon_update.h), not every page.
std::string PageFingerprintOf(
    const std::vector<const corpus::Article*>& articles,
    const std::string& page_key);

// The same from the JSON records themselves (the data of the documents
// BuildDocument made of the page's articles, in their order), so that a
// writer that has built the documents does not serialize them again.
std::string PageFingerprintOfRecords(
    const std::vector<std::string_view>& records);

// The Article record a document of the index stores as its data, or the
// problem when it does not read back (not JSON, a field missing).
corpus::Result<corpus::Article> StoredArticle(const Xapian::Document& doc);

// The lexicon documents are built with: the project's file (empty:
// corpus::DefaultLexiconPath()) and the names stored with the index.
// Problems with the file go to `report` as warnings.
corpus::Lexicon LoadIndexLexicon(
    const std::filesystem::path& lexicon_file,
    const std::vector<std::string>& stored_words,
    const corpus::TextAnalyzer& analyzer,
    const std::function<void(const corpus::Diagnostic&)>& report);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_SRC_PAGE_STATE_H_
