#include "baoku/search/searcher.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/index_version.h"
#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/posting_facets.h"
#include "deadline_source.h"
#include "newest_revision.h"

namespace baoku::search {
namespace schema = corpus::schema;

namespace {

corpus::Article ArticleOf(const Xapian::Document& doc) {
  auto json = nlohmann::json::parse(doc.get_data(), nullptr, false);
  auto article = corpus::ArticleFromJson(json);
  // A record the indexer wrote that does not read back: the index is
  // damaged, an infrastructure failure.
  if (!article) {
    throw std::runtime_error("document " + std::to_string(doc.get_docid()) +
                             " has a bad record: " + article.problem().message);
  }
  return std::move(*article);
}

std::string BodyText(const corpus::Article& a) {
  std::string text;
  for (const auto& p : a.paragraphs) {
    if (!text.empty()) text += " ";
    text += p;
  }
  return text;
}

// The topic names of a taxonomy text, parsed once while it stays the same:
// the web server opens a searcher per request, and parsing (with every
// alias normalized) took about 6% of its CPU time on the 200,000-article
// benchmark. Thread-safe.
std::shared_ptr<const TopicNames> CachedTopicNames(
    const std::string& taxonomy_json, const corpus::TextAnalyzer& analyzer) {
  static std::mutex mutex;
  static std::string cached_json;
  static std::shared_ptr<const TopicNames> cached;
  std::lock_guard<std::mutex> lock(mutex);
  if (!cached || cached_json != taxonomy_json) {
    cached = std::make_shared<const TopicNames>(
        TopicNames::FromTaxonomyJson(taxonomy_json, analyzer));
    cached_json = taxonomy_json;
  }
  return cached;
}

// Free-text terms only (prefixed terms start with an upper-case letter),
// and of at least two characters: single characters say nothing.
class TextTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    return corpus::utf8::LongerThan(term, 1);
  }
};

// Ties are broken by date (newest first), page and position on the page,
// so that an order never depends on docids — which differ between one
// database and the same articles in shards. Plain value slots, because
// remote shards accept no KeyMaker.
void SetSort(Xapian::Enquire& enquire, SortOrder sort) {
  switch (sort) {
    case SortOrder::kRelevance:
    case SortOrder::kProminence:  // The prior is part of the weight.
      enquire.set_sort_by_relevance_then_value(schema::kNewestOrderSlot, true);
      break;
    case SortOrder::kNewest:
      enquire.set_sort_by_value_then_relevance(schema::kNewestOrderSlot, true);
      break;
    case SortOrder::kOldest:
    case SortOrder::kPrint:
      enquire.set_sort_by_value_then_relevance(schema::kPrintOrderSlot, false);
      break;
  }
}

[[noreturn]] void ThrowUnavailable(const Xapian::NetworkError& e) {
  throw ShardUnavailable("索引分片不可用（" + e.get_description() +
                         "），检索未完成；请检查各分片的 xapian-tcpsrv");
}

// Runs `f`, turning a lost remote shard into ShardUnavailable.
template <typename F>
auto Guarded(F&& f, const std::string& where = "") {
  try {
    return f();
  } catch (const Xapian::NetworkError& e) {
    ThrowUnavailable(e);
  } catch (const Xapian::Error& e) {
    throw IndexError((where.empty() ? "" : where + ": ") + e.get_description());
  }
}

// Runs `read` on the latest revision of `db`.
template <typename Read>
auto Reading(Xapian::Database& db, Read read) {
  return OnNewestRevision([&] {
    db.reopen();
    return read();
  });
}

// Opening reads the newest revision too (seen as HTTP 500s under load while
// re-indexing with --commit-every 1).
Xapian::Database OpenDatabase(const std::filesystem::path& path) {
  return Guarded(
      [&] {
        return OnNewestRevision(
            [&] { return Xapian::Database(path.string()); });
      },
      path.string());
}

// Whether the stub file at `path` (or a sharded index's XAPIANDB) lists a
// remote database ("remote host:port", "remote :program"), nested stubs
// included.
bool ListsRemoteShards(const std::filesystem::path& path, int depth = 0) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path stub = fs::is_directory(path, error) ? path / "XAPIANDB" : path;
  if (depth > 4 || !fs::is_regular_file(stub, error)) return false;
  std::ifstream in(stub);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("remote", 0) == 0) return true;
    size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    fs::path listed = line.substr(space + 1);
    if (listed.is_relative()) listed = stub.parent_path() / listed;
    if (line.rfind("auto", 0) == 0 && ListsRemoteShards(listed, depth + 1)) {
      return true;
    }
  }
  return false;
}

// Xapian's time limit is a POSIX timer whose expiry glibc reports on a
// helper thread of its own (SIGEV_THREAD). ThreadSanitizer does not see that
// thread start, and crashes in its allocator when the thread allocates
// (baoku-serve under TSan, a query past its budget). Under TSan the budget is
// therefore not set: the searches are exact, the threads still checked.
#if defined(__SANITIZE_THREAD__)
#define BAOKU_NO_XAPIAN_TIME_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BAOKU_NO_XAPIAN_TIME_LIMIT 1
#endif
#endif

// Used only where a shard is remote (the limit then runs in xapian-tcpsrv):
// locally a DeadlineSource ends a pass instead. Besides stopping too little
// (deadline_source.h), Xapian 1.4.22's limit keeps its expired flag on the
// stack of get_mset() and sets it from the timer's thread, which
// timer_delete() does not wait for: a search that ends as the timer fires
// has the flag written into a stack frame since reused ("stack smashing
// detected", baoku-bench-search --budget-ms 150 on 22,186 articles).
void SetTimeLimit(Xapian::Enquire& enquire, double seconds) {
#ifdef BAOKU_NO_XAPIAN_TIME_LIMIT
  (void)enquire;
  (void)seconds;
#else
  enquire.set_time_limit(seconds);
#endif
}

// The total of a pass cut at its deadline (deadline_source.h), which saw
// `seen` matches: Xapian's estimate from the term frequencies, which reads
// no postings, and at least what was seen.
uint64_t EstimatedTotal(Xapian::Database& db, const Xapian::Query& query,
                        Xapian::doccount seen) {
  Xapian::Enquire estimating(db);
  estimating.set_query(query);
  return std::max<uint64_t>(
      seen,
      estimating.get_mset(0, 0, Xapian::doccount{0}).get_matches_estimated());
}

}  // namespace

std::optional<SortOrder> SortOrderFromName(std::string_view name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "newest") return SortOrder::kNewest;
  if (name == "oldest") return SortOrder::kOldest;
  if (name == "print") return SortOrder::kPrint;
  if (name == "prominence") return SortOrder::kProminence;
  return std::nullopt;
}

Searcher::Searcher(const std::filesystem::path& path,
                   const corpus::TextAnalyzer& analyzer)
    : db_(OpenDatabase(path)),
      analyzer_(analyzer),
      has_remote_shards_(ListsRemoteShards(path)) {
  // Read like everything else: an indexer that commits twice meanwhile
  // discards the revision opened (DatabaseModifiedError), seen as HTTP 500s
  // under load while re-indexing.
  // Of a sharded index, the metadata of its first shard: the indexer
  // checks every shard's versions when it opens it.
  auto [versions, lexicon_words, taxonomy] = Guarded([&] {
    return Reading(db_, [&] {
      return std::tuple{
          corpus::CheckIndexVersions(
              path.string(),
              db_.get_metadata(std::string(schema::kSchemaVersionMetadataKey)),
              db_.get_metadata(
                  std::string(schema::kAnalyzerVersionMetadataKey))),
          db_.get_metadata(std::string(schema::kLexiconMetadataKey)),
          db_.get_metadata(std::string(schema::kTopicsMetadataKey))};
    });
  });
  if (!versions) throw IndexError(versions.problem().ToString());
  // The lexicon the index was built with, all of it, so that queries are
  // segmented as the articles were.
  for (const auto& word : corpus::Lexicon::SplitStored(lexicon_words)) {
    lexicon_.Add(word, analyzer_);
  }
  topics_ = CachedTopicNames(taxonomy, analyzer_);
}

SearchResponse Searcher::Search(const SearchRequest& request) {
  return Guarded([&] { return DoSearch(request); });
}

SearchResponse Searcher::DoSearch(const SearchRequest& request) {
  SearchResponse response;
  response.offset = request.offset;
  if (request.offset < 0 || request.offset > kMaxOffset) {
    response.error = QueryError::InParameter(
        "offset", 0, "offset 应在 0 到 " + std::to_string(kMaxOffset) + " 之间",
        "request.bad_offset");
    return response;
  }
  if (request.limit < 1 || request.limit > kMaxLimit) {
    response.error = QueryError::InParameter(
        "limit", 0, "limit 应在 1 到 " + std::to_string(kMaxLimit) + " 之间",
        "request.bad_limit");
    return response;
  }
  if (request.facet_limit < 1 || request.facet_limit > kMaxFacetValues) {
    response.error = QueryError::InParameter(
        "facet_limit", 0,
        "facet_limit 应在 1 到 " + std::to_string(kMaxFacetValues) + " 之间",
        "request.bad_facet_limit");
    return response;
  }
  QueryContext context{analyzer_, &lexicon_, topics_.get()};
  context.db = &db_;
  corpus::Result<BuiltQuery> built_or = Reading(db_, [&] {
    return BuildQuery(ParseQuery(request.query), request.filters, context);
  });
  if (!built_or) {
    response.error = built_or.problem();
    return response;
  }
  BuiltQuery& built = *built_or;
  response.names = built.names;
  if (!request.within_ids.empty()) {
    std::vector<Xapian::Query> ids;
    for (const auto& id : request.within_ids) {
      ids.emplace_back(std::string(corpus::schema::kId) + id);
    }
    built.query = Xapian::Query(
        Xapian::Query::OP_FILTER, built.query,
        Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
  }
  // Only the index reads are retried, hits and facets together so that they
  // come from one revision; snippets are made afterwards from the articles
  // read, so that a retry's window is as short as can be.
  SearchResponse found = Reading(db_, [&] {
    SearchResponse read = response;
    Xapian::Enquire enquire(db_);
    // The counting pass below takes the query without the prior: it
    // matches the same articles and weighs nothing.
    Xapian::Query ranked =
        request.sort == SortOrder::kProminence
            ? WithProminencePrior(built.query, request.prominence_strength)
            : built.query;
    // Within a time budget the ranking pass ends at it, with the best hits
    // found by then (deadline_source.h); not on remote shards, which know
    // no custom posting source (there Xapian's time limit alone applies).
    std::optional<internal::DeadlineSource> deadline;
    if (!request.exact_total && request.time_budget.count() > 0 &&
        !has_remote_shards_) {
      deadline.emplace(internal::DeadlineSource::Clock::now() +
                       request.time_budget);
      ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked,
                             Xapian::Query(&*deadline));
    }
    enquire.set_query(ranked);
    SetSort(enquire, request.sort);
    if (request.collapse_reprints) {
      enquire.set_collapse_key(corpus::kReprintGroupSlot);
    }
    // The total is exact: every match is checked, either by the ranking
    // pass or by a counting pass of its own. A counting pass is unweighted
    // and wants no hits, so it is much cheaper unless matches are checked
    // for phrases; then ranking every match is the cheaper of the two
    // (bench/run, docs/BENCHMARKS.md). The facets always count apart.
    // Without exact_total both passes stop at the time budget, and the
    // total and the facets then say they are estimates.
    const bool may_estimate = !request.exact_total;
    bool estimate = may_estimate && !request.with_facets;
    // Collapsed, the total counts groups, which only the ranking pass
    // knows; it then checks every match (or, estimated, as many as above).
    bool count_apart = !estimate && !request.collapse_reprints &&
                       (request.with_facets || !built.has_phrase);
    Xapian::doccount check_at_least = count_apart ? 0 : db_.get_doccount();
    if (estimate) {
      check_at_least = static_cast<Xapian::doccount>(std::max(
          {1, request.estimate_after, request.offset + request.limit}));
    }
    // With the prior every match is ranked (until the time budget): Xapian
    // 1.4.22, stopping early, still lost the best article of 社区 服务 on
    // the samples once the prior met the NEAR boost (weight_bonus.h, "The
    // first hits do not depend on how many are asked for").
    if (request.sort == SortOrder::kProminence) {
      check_at_least = db_.get_doccount();
    }
    const bool budgeted = may_estimate && request.time_budget.count() > 0;
    const double budget_seconds =
        std::chrono::duration<double>(request.time_budget).count();
    if (budgeted && !deadline) SetTimeLimit(enquire, budget_seconds);
    Xapian::MSet mset =
        enquire.get_mset(request.offset, request.limit, check_at_least);
    read.total = mset.get_matches_estimated();
    // Without the estimate every match was checked (here or below).
    read.total_exact = !may_estimate || mset.get_matches_lower_bound() ==
                                            mset.get_matches_upper_bound();
    if (deadline && deadline->Expired()) {
      read.total =
          EstimatedTotal(db_, built.query, mset.get_matches_lower_bound());
      read.total_exact = false;
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      Xapian::Document doc = it.get_document();
      hit.article = ArticleOf(doc);
      hit.score = it.get_weight();
      hit.similar_count = static_cast<int>(it.get_collapse_count());
      hit.reprint_group = doc.get_value(corpus::kReprintGroupSlot);
      read.hits.push_back(std::move(hit));
    }
    if (count_apart || request.with_facets) {
      // With hits asked for, spies on remote shards count some documents
      // twice (seen with xapian-tcpsrv 1.4.22 and 20 hits sorted by value),
      // one more reason for a pass without hits.
      FacetPlan plan;
      if (request.with_facets) {
        plan = PlanFacets(db_, corpus::FieldTable::Standard(),
                          mset.get_matches_estimated(), request.facet_method);
      }
      FacetCounter spies(plan.by_values,
                         request.with_facets && !plan.dates_by_postings);
      Xapian::Enquire counting(db_);
      std::optional<internal::DeadlineSource> counting_deadline;
      Xapian::Query counted = built.query;
      if (budgeted && request.with_facets) {
        if (has_remote_shards_) {
          SetTimeLimit(counting, budget_seconds);
        } else {
          counting_deadline.emplace(internal::DeadlineSource::Clock::now() +
                                    request.time_budget);
          counted = Xapian::Query(Xapian::Query::OP_FILTER, counted,
                                  Xapian::Query(&*counting_deadline));
        }
      }
      counting.set_query(counted);
      counting.set_weighting_scheme(Xapian::BoolWeight());
      if (request.with_facets) spies.Attach(counting);
      // The postings' intersections need the matches' ids: collected by a
      // spy on local databases, so that the pass still stops at its time
      // limit; from an unweighted MSet of every match, in id order, where
      // a shard is remote (xapian-tcpsrv knows no custom spies).
      const bool docids = request.with_facets && plan.NeedsDocids();
      // Over several databases (shards) the spies, ours and the stock ones,
      // saw only part of the matches of a pass that asked for no hits
      // (tests/search/remote_shards_test.cc): there the pass asks for every
      // match.
      const bool several = has_remote_shards_ || db_.size() > 1;
      const bool ids_by_mset = docids && several;
      MatchIds match_ids;
      if (docids && !ids_by_mset) counting.add_matchspy(&match_ids);
      Xapian::MSet all = counting.get_mset(
          0, several && request.with_facets ? db_.get_doccount() : 0,
          db_.get_doccount());
      const bool cut = counting_deadline && counting_deadline->Expired();
      const bool all_counted = !cut && all.get_matches_lower_bound() ==
                                           all.get_matches_upper_bound();
      if (count_apart) {
        read.total = cut ? EstimatedTotal(db_, built.query,
                                          all.get_matches_lower_bound())
                         : all.get_matches_estimated();
        read.total_exact = all_counted;
      }
      if (request.with_facets) {
        const int limit = request.every_facet_value
                              ? std::numeric_limits<int>::max()
                              : request.facet_limit;
        Facets facets;
        spies.CollectInto(*topics_, limit, facets);
        std::vector<Xapian::docid> ids;
        if (ids_by_mset) {
          ids.reserve(all.size());
          for (auto it = all.begin(); it != all.end(); ++it) {
            ids.push_back(*it);
          }
          if (!std::is_sorted(ids.begin(), ids.end())) {
            std::sort(ids.begin(), ids.end());
          }
        } else if (docids) {
          ids = match_ids.Take();
        }
        if (docids) {
          CountFromPostings(db_, ids, plan, *topics_, analyzer_, limit, facets);
        }
        facets.exact = all_counted;
        facets.counted = all_counted ? all.get_matches_estimated()
                         : docids    ? ids.size()
                                     : spies.Counted();
        read.facets = std::move(facets);
      }
    }
    return read;
  });
  for (Hit& hit : found.hits) {
    std::string title = corpus::DisplayTitle(hit.article);
    if (request.with_snippets) {
      hit.snippet = MakeSnippet(BodyText(hit.article), built.highlight_phrases,
                                analyzer_);
      hit.title = MakeSnippet(title, built.highlight_phrases, analyzer_,
                              title.size() + 1);
    } else {
      hit.title.text = title;
    }
    if (request.explain_matches) {
      hit.why = ExplainMatch(hit.article, built.parts, analyzer_, *topics_);
    }
  }
  return found;
}

uint64_t Searcher::Revision() const {
  try {
    return db_.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    return 0;  // Several databases (shards).
  }
}

std::string Searcher::RevisionKey() {
  return Guarded([&] {
    return Reading(db_, [&]() -> std::string {
      try {
        return "r" + std::to_string(db_.get_revision());
      } catch (const Xapian::InvalidOperationError&) {
        return "d" + std::to_string(db_.get_doccount()) + ":" +
               std::to_string(db_.get_lastdocid()) + ":" +
               std::to_string(db_.get_total_length());
      }
    });
  });
}

std::optional<Xapian::docid> Searcher::DocidOf(const std::string& id) {
  std::string term = std::string(schema::kId) + id;
  auto it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  return *it;
}

std::optional<corpus::Article> Searcher::FindArticle(const std::string& id) {
  return Guarded([&] {
    return Reading(db_, [&]() -> std::optional<corpus::Article> {
      auto docid = DocidOf(id);
      if (!docid) return std::nullopt;
      return ArticleOf(db_.get_document(*docid));
    });
  });
}

std::vector<std::string> Searcher::SignificantTerms(Xapian::docid docid,
                                                    int count) {
  Xapian::Enquire enquire(db_);
  Xapian::RSet rset;
  rset.add_document(docid);
  TextTermDecider decider;
  // Exact term frequencies: on a sharded index the significance of a word
  // is measured against the whole archive, as on one database.
  Xapian::ESet eset = enquire.get_eset(
      count, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  return {eset.begin(), eset.end()};
}

std::optional<std::vector<Hit>> Searcher::Related(const std::string& id,
                                                  int limit) {
  return Guarded(
      [&] { return Reading(db_, [&] { return DoRelated(id, limit); }); });
}

std::optional<std::vector<Hit>> Searcher::DoRelated(const std::string& id,
                                                    int limit) {
  auto docid = DocidOf(id);
  if (!docid) return std::nullopt;
  std::vector<std::string> terms = SignificantWords(*docid, 16);
  std::vector<Hit> hits;
  if (terms.empty()) return hits;
  Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
  Xapian::Enquire enquire(db_);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT, like,
                    Xapian::Query(std::string(schema::kId) + id)));
  Xapian::MSet mset = enquire.get_mset(0, std::clamp(limit, 1, kMaxLimit));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.article = ArticleOf(it.get_document());
    hit.score = it.get_weight();
    hit.title.text = corpus::DisplayTitle(hit.article);
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::vector<std::string> Searcher::SignificantWords(Xapian::docid docid,
                                                    int limit) {
  // Keep the terms that are words on their own (住房, 维修资金), not
  // bigrams that straddle two words (金的), nor a part of a word kept
  // already (混凝 beside 混凝土).
  // A two-character term must also be a word where the article uses it:
  // 房主 is a word, but not in 站房主体 (站房|主体).
  std::set<std::string> words_in_text;
  corpus::Article article = ArticleOf(db_.get_document(docid));
  std::string body = corpus::DisplayTitle(article) + " " + BodyText(article);
  for (const auto& span : analyzer_.Segment(body, &lexicon_)) {
    if (span.word) {
      words_in_text.insert(analyzer_.Normalize(
          std::string_view(body).substr(span.begin, span.end - span.begin)));
    }
  }
  std::vector<std::string> candidates;
  for (const auto& term : SignificantTerms(docid, limit * 4)) {
    if (!corpus::utf8::IsHan(corpus::utf8::Last(term))) continue;
    // Han terms of three or more characters are words by construction
    // (the analyzer's segmenter or lexicon made them).
    if (words_in_text.count(term) || corpus::utf8::LongerThan(term, 2)) {
      candidates.push_back(term);
    }
  }
  std::vector<std::string> words;
  for (const auto& term : candidates) {
    bool part_of_another = false;
    for (const auto& other : candidates) {
      part_of_another =
          part_of_another ||
          (other != term && other.find(term) != std::string::npos);
    }
    if (!part_of_another) words.push_back(term);
    if (static_cast<int>(words.size()) >= limit) break;
  }
  return words;
}

std::optional<std::vector<std::string>> Searcher::Keywords(
    const std::string& id, int limit) {
  return Guarded([&] {
    return Reading(db_, [&]() -> std::optional<std::vector<std::string>> {
      auto docid = DocidOf(id);
      if (!docid) return std::nullopt;
      return SignificantWords(*docid, std::clamp(limit, 1, kMaxLimit));
    });
  });
}

Neighbours Searcher::NeighboursOf(const corpus::Article& article) {
  Neighbours neighbours;
  SearchRequest request;
  request.sort = SortOrder::kPrint;
  request.limit = kMaxLimit;
  request.with_snippets = false;
  request.filters = {{"date", article.date.ToIso()}};
  if (!article.paper_code.empty()) {
    request.filters.push_back({"paper", article.paper_code});
  }
  auto issue = Search(request);
  for (auto& hit : issue.hits) {
    if (hit.article.page == article.page) neighbours.same_page.push_back(hit);
    neighbours.same_issue.push_back(std::move(hit));
  }
  return neighbours;
}

}  // namespace baoku::search
