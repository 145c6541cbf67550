#include "baoku/corpus/article.h"

#include <cstdio>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

const KindInfo& InfoOf(ArticleKind kind) {
  for (const auto& info : KindInfos()) {
    if (info.kind == kind) return info;
  }
  return KindInfos().front();
}

}  // namespace

const std::vector<KindInfo>& KindInfos() {
  static const std::vector<KindInfo> kinds = {
      {ArticleKind::kNews, "news", "消息", {"新闻", "报道"}},
      {ArticleKind::kQa, "qa", "问答", {}},
      {ArticleKind::kPhoto, "photo", "图片", {"摄影", "图片新闻"}},
      {ArticleKind::kBrief, "brief", "简讯", {"短讯"}},
      {ArticleKind::kCommentary, "commentary", "评论", {"言论"}},
      {ArticleKind::kCorrection, "correction", "更正", {"更正启事", "致歉"}},
  };
  return kinds;
}

std::string_view KindName(ArticleKind kind) { return InfoOf(kind).name; }

std::string_view KindLabel(ArticleKind kind) { return InfoOf(kind).label; }

std::optional<ArticleKind> KindFromName(std::string_view name) {
  for (const auto& info : KindInfos()) {
    if (info.name == name) return info.kind;
  }
  return std::nullopt;
}

std::optional<ArticleKind> KindFromAlias(std::string_view word) {
  for (const auto& info : KindInfos()) {
    if (info.name == word || info.label == word) return info.kind;
    for (auto alias : info.aliases) {
      if (alias == word) return info.kind;
    }
  }
  return std::nullopt;
}

std::string MakeArticleId(std::string_view paper_code, const Date& date,
                          int page, int ordinal) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%02d-%02d", page, ordinal);
  return std::string(paper_code) + "-" + date.ToCompact() + buf;
}

std::string DisplayTitle(const Article& article) {
  if (!article.headline.empty()) return article.headline;
  if (article.paragraphs.empty()) return {};
  constexpr size_t kCaptionChars = 24;
  const std::string& caption = article.paragraphs.front();
  size_t cut = utf8::OffsetOfCodePoint(caption, kCaptionChars);
  return cut < caption.size() ? caption.substr(0, cut) + "…" : caption;
}

}  // namespace baoku::corpus
