// Article → Xapian document, following corpus/schema.h and the field table
// (corpus/fields.h): each field's values become its boolean terms and, for a
// facet, its value slot.
//
// Pure function of its inputs; thread-safe as long as each thread builds its
// own documents.
#ifndef BAOKU_INDEXER_DOCUMENT_BUILDER_H_
#define BAOKU_INDEXER_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <functional>
#include <string>

#include "baoku/corpus/article.h"
#include "baoku/corpus/fields.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::indexer {

// "yzrb-20260611-03": the key shared by every article of one printed page.
std::string PageKey(const corpus::Article& article);

// Calls `text(t, title)` for each free text BuildDocument indexes of
// `article`, in its order: the title block (column, kicker, headline,
// subtitle; `title` true), the names of the byline, the paragraphs.
void ForEachIndexedText(
    const corpus::Article& article,
    const std::function<void(const std::string& text, bool title)>& text);

// The document's data is the article's JSON record (corpus/article_json.h).
// `lexicon` (may be null) merges known words for ranking. `fields` must be
// the table the search reads the index with.
Xapian::Document BuildDocument(
    const corpus::Article& article, const corpus::TextAnalyzer& analyzer,
    const corpus::Lexicon* lexicon = nullptr,
    const corpus::FieldTable& fields = corpus::FieldTable::Standard());

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_DOCUMENT_BUILDER_H_
