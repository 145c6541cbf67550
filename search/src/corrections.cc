#include "baoku/search/corrections.h"

#include <chrono>

#include "baoku/corpus/correction.h"

namespace baoku::search {
namespace {

corpus::Date PlusDays(const corpus::Date& d, int days) {
  namespace chrono = std::chrono;
  chrono::year_month_day start{chrono::year{d.year},
                               chrono::month{static_cast<unsigned>(d.month)},
                               chrono::day{static_cast<unsigned>(d.day)}};
  chrono::year_month_day later{chrono::sys_days{start} + chrono::days{days}};
  return {static_cast<int>(later.year()),
          static_cast<int>(static_cast<unsigned>(later.month())),
          static_cast<int>(static_cast<unsigned>(later.day()))};
}

// Every article of `request` (newest or print order), at most
// kMaxCorrectionCandidates.
std::vector<corpus::Article> Candidates(Searcher& searcher,
                                        SearchRequest request) {
  request.with_snippets = false;
  request.limit = kMaxLimit;
  std::vector<corpus::Article> found;
  for (request.offset = 0; request.offset < kMaxCorrectionCandidates;
       request.offset += kMaxLimit) {
    SearchResponse page = searcher.Search(request);
    if (page.error) break;
    for (auto& hit : page.hits) found.push_back(std::move(hit.article));
    if (page.hits.size() < static_cast<size_t>(kMaxLimit)) break;
  }
  return found;
}

}  // namespace

std::vector<corpus::Article> CorrectionsOf(Searcher& searcher,
                                           const corpus::TextAnalyzer& analyzer,
                                           const corpus::Article& article) {
  std::vector<corpus::Article> notices;
  if (article.kind == corpus::ArticleKind::kCorrection) return notices;
  SearchRequest request;
  request.sort = SortOrder::kPrint;
  request.filters = {
      {"kind", "correction"},
      {"date", article.date.ToIso() + ".." +
                   PlusDays(article.date, kCorrectionWindowDays).ToIso()}};
  for (auto& notice : Candidates(searcher, request)) {
    for (const auto& target : corpus::ParseCorrections(notice)) {
      if (corpus::Corrects(target, article, analyzer)) {
        notices.push_back(std::move(notice));
        break;
      }
    }
  }
  return notices;
}

std::vector<corpus::Article> CorrectedBy(Searcher& searcher,
                                         const corpus::TextAnalyzer& analyzer,
                                         const corpus::Article& notice) {
  std::vector<corpus::Article> corrected;
  if (notice.kind != corpus::ArticleKind::kCorrection) return corrected;
  for (const auto& target : corpus::ParseCorrections(notice)) {
    if (!target.date) continue;
    SearchRequest request;
    request.sort = SortOrder::kPrint;
    request.filters = {{"date", target.date->ToIso()}};
    if (target.page) {
      request.filters.push_back({"page", std::to_string(target.page)});
    }
    for (auto& article : Candidates(searcher, request)) {
      if (article.kind == corpus::ArticleKind::kCorrection) continue;
      bool seen = false;
      for (const auto& c : corrected) seen = seen || c.id == article.id;
      if (!seen && corpus::Corrects(target, article, analyzer)) {
        corrected.push_back(std::move(article));
      }
    }
  }
  return corrected;
}

}  // namespace baoku::search
