// Reads structured input: NDJSON, one article per line, with the fields of
// the article JSON (article_json.h), as a CMS exports them.
//
// Each line is validated on its own: a bad line is an error naming the file,
// line and field, and the other lines are still read. Pure function;
// thread-safe.
#ifndef BAOKU_CORPUS_NDJSON_READER_H_
#define BAOKU_CORPUS_NDJSON_READER_H_

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/page_meta.h"

namespace baoku::corpus {

struct NdjsonReading {
  std::vector<Article> articles;
  std::vector<Diagnostic> warnings;  // Unknown fields, and the like.
  std::vector<Diagnostic> errors;    // Lines that were not read.
  std::optional<Diagnostic> error;   // The file could not be read at all.
};

// `defaults` fills paper and paper code where a line has none. Articles
// without an ordinal are numbered in file order per page; articles without
// an id get the stable id from paper code, date, page and ordinal.
NdjsonReading ParseNdjson(std::string_view text, const std::string& file,
                          const PageMeta& defaults);

NdjsonReading ReadNdjsonFile(const std::filesystem::path& path,
                             const PageMeta& defaults);

// True for the file names ReadNdjsonFile is for: *.ndjson, *.jsonl.
bool IsNdjsonPath(const std::filesystem::path& path);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_NDJSON_READER_H_
