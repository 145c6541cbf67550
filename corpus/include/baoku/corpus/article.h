// The newspaper text model: one article of one printed page.
//
// An Article is what the page reader produces and what the indexer stores and
// the search returns for display. Plain value type; copy and share freely.
#ifndef BAOKU_CORPUS_ARTICLE_H_
#define BAOKU_CORPUS_ARTICLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/date.h"

namespace baoku::corpus {

// kCorrection: a correction notice (更正, 更正启事, 致歉), set by
// corpus::IsCorrectionNotice() (correction.h) when the article is indexed.
enum class ArticleKind { kNews, kQa, kPhoto, kBrief, kCommentary, kCorrection };

// The one list of kinds: the name stored and used in the API, the Chinese
// label readers see, and the other words a query may use for it.
struct KindInfo {
  ArticleKind kind;
  std::string_view name;                  // "news"
  std::string_view label;                 // "消息"
  std::vector<std::string_view> aliases;  // "新闻", "报道"
};
const std::vector<KindInfo>& KindInfos();

// "news", "qa", "photo", "brief", "commentary", "correction".
std::string_view KindName(ArticleKind kind);
// "消息", "问答", "图片", "简讯", "评论", "更正".
std::string_view KindLabel(ArticleKind kind);
std::optional<ArticleKind> KindFromName(std::string_view name);
// By name, label or alias (as TextAnalyzer::NormalizeKey() leaves them).
std::optional<ArticleKind> KindFromAlias(std::string_view word);

// 1-based, inclusive line numbers in the source file.
struct LineSpan {
  int first = 0;
  int last = 0;
};

// A theme of the taxonomy (corpus/topics.json) assigned to an article.
struct ArticleTopic {
  std::string id;  // e.g. "housing".
  double score = 0;
  bool pinned = false;  // Set by an editor's override, not by the scorer.

  bool operator==(const ArticleTopic&) const = default;
};

struct Article {
  // Stable id from paper, date, page and ordinal: "yzrb-20260611-03-02".
  std::string id;
  std::string paper;       // Display name, e.g. "云州日报".
  std::string paper_code;  // Short ASCII code used in ids, e.g. "yzrb".
  Date date;
  int page = 0;
  std::string section;  // Page name, e.g. "综合新闻"; may be empty.
  int ordinal = 0;      // 1-based position of the article on its page.
  ArticleKind kind = ArticleKind::kNews;

  std::string column;    // Series banner the piece runs under.
  std::string kicker;    // 引题: title line above the headline.
  std::string headline;  // Empty for a photo without a title.
  std::string subtitle;  // 副题, leading dash removed.

  std::string byline;  // As printed, e.g. "本报讯(记者宋向红)".
  std::vector<std::string> reporters;
  std::vector<std::string> photographers;
  std::vector<std::string> correspondents;
  std::string source;    // "本报", "新华社", ...
  std::string dateline;  // "新华社北京6月10日电" and the like.

  std::vector<std::string> subheads;
  // Reading order, subheads included, breaks repaired, byline removed.
  std::vector<std::string> paragraphs;

  std::string source_file;
  LineSpan lines;
  std::string continued_from;  // e.g. "第1版"; empty when not continued.
  std::string continued_to;

  // Assigned at index time, best first; empty until then.
  std::vector<ArticleTopic> topics;
  // The first story of its page (头条), set at index time by
  // MarkLeadStories() (prominence.h); false until then.
  bool lead_story = false;
};

// Builds the stable id "code-YYYYMMDD-PP-NN".
std::string MakeArticleId(std::string_view paper_code, const Date& date,
                          int page, int ordinal);

// The text a reader sees as the title: headline, or for an untitled photo the
// start of its caption.
std::string DisplayTitle(const Article& article);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_ARTICLE_H_
