#include "baoku/corpus/article.h"

#include <cstdio>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

constexpr std::pair<ArticleKind, std::string_view> kKindNames[] = {
    {ArticleKind::kNews, "news"},
    {ArticleKind::kQa, "qa"},
    {ArticleKind::kPhoto, "photo"},
    {ArticleKind::kBrief, "brief"},
    {ArticleKind::kCommentary, "commentary"},
};

}  // namespace

std::string_view KindName(ArticleKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "news";
}

std::optional<ArticleKind> KindFromName(std::string_view name) {
  for (const auto& [k, kind_name] : kKindNames) {
    if (kind_name == name) return k;
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
