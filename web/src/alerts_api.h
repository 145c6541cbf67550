// The correction links of GET /api/article (alerts_api.cc). Private to web/.
#ifndef BAOKU_WEB_ALERTS_API_H_
#define BAOKU_WEB_ALERTS_API_H_

#include <nlohmann/json.hpp>

#include "baoku/corpus/article.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/searcher.h"

namespace baoku::web::internal {

// {"corrections": [brief + "text"], "corrects": [brief]}: the notices that
// correct `article` ("此文有更正") and, for a notice, what it corrects.
nlohmann::json CorrectionLinks(search::Searcher& searcher,
                               const corpus::TextAnalyzer& analyzer,
                               const corpus::Article& article);

}  // namespace baoku::web::internal

#endif  // BAOKU_WEB_ALERTS_API_H_
