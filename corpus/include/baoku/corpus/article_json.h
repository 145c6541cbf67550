// The JSON form of an Article: the stored record in the index, the API's
// article object and the NDJSON/--explain output share it.
#ifndef BAOKU_CORPUS_ARTICLE_JSON_H_
#define BAOKU_CORPUS_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/result.h"

namespace baoku::corpus {

nlohmann::json ArticleToJson(const Article& article);

// Reads the JSON form back (also a CMS export's article). "date", "page" and
// "paragraphs" are required, every other field is optional; a field of the
// wrong type or value is a problem naming it (the first one; no file or
// line: the caller knows where the record came from). Keys that are not
// fields go to `unknown_fields`.
Result<Article> ArticleFromJson(
    const nlohmann::json& json,
    std::vector<std::string>* unknown_fields = nullptr);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_ARTICLE_JSON_H_
