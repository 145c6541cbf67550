// Searches a baoku index: results, facets, related articles, keywords and
// an article's neighbours in print.
//
// A Searcher holds an open Xapian database (a directory, or a stub file
// listing shards, local or remote). Not thread-safe: use one per thread
// (opening is cheap). Each call first reopens the database so that it sees
// the latest commit of a concurrent baoku-index; commits are per issue, so a
// search never sees half an issue. A search whose revision a concurrent
// commit discards starts again on the newest one.
#ifndef BAOKU_SEARCH_SEARCHER_H_
#define BAOKU_SEARCH_SEARCHER_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/facets.h"
#include "baoku/search/match_reasons.h"
#include "baoku/search/prominence_prior.h"
#include "baoku/search/query_builder.h"
#include "baoku/search/snippet.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

enum class SortOrder {
  kRelevance,  // Best first; ties (e.g. filters only) newest first.
  kNewest,     // By date, newest first; within a day in print order.
  kOldest,     // By date, oldest first; within a day in print order.
  kPrint,      // Date, page, position on the page: an issue as printed.
  // Relevance with the prominence prior (prominence_prior.h): 头版 and
  // 头条 stories first among those that match about as well.
  kProminence,
};

// "relevance", "newest", "oldest", "print", "prominence"; nullopt for
// anything else.
std::optional<SortOrder> SortOrderFromName(std::string_view name);

struct SearchRequest {
  std::string query;                 // The query language (query_parser.h).
  std::vector<FieldFilter> filters;  // ANDed with the query.
  SortOrder sort = SortOrder::kRelevance;
  int offset = 0;
  int limit = 10;
  bool with_snippets = true;  // False: hits carry no snippet (cheaper).
  bool with_facets = false;
  int facet_limit = 20;  // Values per facet list, 1..kMaxFacetValues.
  // Every value in each facet list, facet_limit ignored: for listings of
  // all reporters or columns of an archive, which run to thousands.
  bool every_facet_value = false;
  // How the facets are counted (facets.h); the counts are the same.
  FacetMethod facet_method = FacetMethod::kAuto;
  // Non-empty: only these articles (by id) may match, e.g. those a batch
  // of baoku-index wrote (alerts.h).
  std::vector<std::string> within_ids;
  // False: the total may be estimated, so that a broad OR or a long pasted
  // passage stops early: matches are checked until `estimate_after` (or
  // offset + limit, if more) have been, and the ranking pass stops at
  // `time_budget` (0: no budget) with the best hits found by then. Fewer
  // matches than that are still counted exactly. With facets every match
  // is counted unless the counting stops at `time_budget`: then the total
  // and the facets (Facets::exact, Facets::counted) say they are not exact.
  bool exact_total = true;
  int estimate_after = 10000;
  std::chrono::milliseconds time_budget{0};
  // One hit per reprint group (indexer/reprints.h): the best-ranked article
  // of each group stands for it, with Hit::similar_count the number of
  // others that matched. `total` then counts groups, not articles.
  bool collapse_reprints = false;
  // Each hit returned says why it matched (Hit::why, match_reasons.h):
  // made for the hits of this page only, at about a snippet's cost.
  bool explain_matches = false;
  // With SortOrder::kProminence: the prior's strength (BM25 units); the
  // fitted default, other values for measuring it.
  double prominence_strength = kProminencePriorStrength;
};

inline constexpr int kMaxLimit = 100;
inline constexpr int kMaxOffset = 100000;

struct Hit {
  corpus::Article article;
  double score = 0;
  Snippet snippet;  // The best body passage, matches marked.
  Snippet title;    // DisplayTitle() with the matches marked.
  // With collapse_reprints: how many other matching articles of the same
  // reprint group this hit stands for ("另有 N 篇相同或相近报道").
  int similar_count = 0;
  // With explain_matches: which parts of the query matched where, and
  // through which form (match_reasons.h).
  std::optional<std::vector<MatchReason>> why;
  // The reprint group the article belongs to (indexer/reprints.h), for the
  // filter 同组:<group> (group=) that lists its other articles; empty when
  // the article is too short to be grouped.
  std::string reprint_group;
};

struct SearchResponse {
  uint64_t total = 0;       // Number of matching articles...
  bool total_exact = true;  // ...or an estimate (when not exact_total).
  int offset = 0;
  std::vector<Hit> hits;
  std::optional<Facets> facets;     // When requested.
  std::optional<QueryError> error;  // Set for bad input; nothing else is.
  // Partial names resolved, and close names offered (query_builder.h).
  std::vector<NameResolution> names;
};

// An article's neighbours in print.
struct Neighbours {
  std::vector<Hit> same_page;   // In print order, the article included.
  std::vector<Hit> same_issue;  // Every article of the issue, print order.
};

// A shard of a sharded index could not be reached (a remote shard's
// xapian-tcpsrv is down or timed out). The search does not answer with the
// other shards alone: a partial result would look complete.
class ShardUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The index cannot be read: missing, not an index, corrupt. Carries
// Xapian's description, so that callers need not include Xapian.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Searcher {
 public:
  // Opens the index at `path`. Throws ShardUnavailable when a remote shard
  // cannot be reached, IndexError for other failures, among them an index
  // built by another schema or analyzer version (the message names the
  // versions and the command that rebuilds it: corpus/index_version.h). Every
  // method below throws ShardUnavailable when a shard goes away, IndexError
  // when the index cannot be read. `analyzer` must outlive the Searcher.
  Searcher(const std::filesystem::path& path,
           const corpus::TextAnalyzer& analyzer);

  SearchResponse Search(const SearchRequest& request);

  // The article with this id, or nullopt.
  std::optional<corpus::Article> FindArticle(const std::string& id);

  // Articles most like this one (from its significant terms), itself
  // excluded; nullopt when there is no such article.
  std::optional<std::vector<Hit>> Related(const std::string& id, int limit);

  // The words that set this article apart from the archive (Xapian's ESet
  // of the article against the whole index), most significant first;
  // nullopt when there is no such article.
  std::optional<std::vector<std::string>> Keywords(const std::string& id,
                                                   int limit);

  Neighbours NeighboursOf(const corpus::Article& article);

  // The topic names the index was built with.
  const TopicNames& topics() const { return *topics_; }

  Xapian::doccount ArticleCount() const { return db_.get_doccount(); }
  // The revision read (0 for a sharded index, which has one per shard).
  uint64_t Revision() const;
  // Reopens on the newest commit and returns a key that changes with every
  // commit: "r<revision>" of one database; of a sharded index (one
  // revision per shard) its article count, last docid and total length.
  std::string RevisionKey();

 private:
  SearchResponse DoSearch(const SearchRequest& request);
  std::optional<std::vector<Hit>> DoRelated(const std::string& id, int limit);
  std::optional<Xapian::docid> DocidOf(const std::string& id);
  std::vector<std::string> SignificantTerms(Xapian::docid docid, int count);
  std::vector<std::string> SignificantWords(Xapian::docid docid, int limit);

  Xapian::Database db_;
  const corpus::TextAnalyzer& analyzer_;
  corpus::Lexicon lexicon_;  // The words the index was built with.
  std::shared_ptr<const TopicNames> topics_;  // Shared by searchers.
  // A shard is served by xapian-tcpsrv, which knows no custom match spies.
  bool has_remote_shards_ = false;
};

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_SEARCHER_H_
