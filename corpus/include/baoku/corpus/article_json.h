// The JSON form of an Article: the stored record in the index, the API's
// article object and the NDJSON/--explain output share it.
#ifndef BAOKU_CORPUS_ARTICLE_JSON_H_
#define BAOKU_CORPUS_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "baoku/corpus/article.h"

namespace baoku::corpus {

nlohmann::json ArticleToJson(const Article& article);

// Reads the JSON form back. Returns false and sets `error` (naming the field)
// when a field is missing or has the wrong type.
bool ArticleFromJson(const nlohmann::json& json, Article& article,
                     std::string& error);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_ARTICLE_JSON_H_
