#include "baoku/corpus/prominence.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

bool IsStory(const Article& a) {
  bool story_kind =
      a.kind == ArticleKind::kNews || a.kind == ArticleKind::kCommentary;
  return story_kind && a.continued_from.empty();
}

bool HasPhoto(const Article& a) {
  return a.kind == ArticleKind::kPhoto || !a.photographers.empty();
}

}  // namespace

const std::vector<std::string_view>& ProminenceLabels() {
  static const std::vector<std::string_view> labels = {"头版", "头条", "有图"};
  return labels;
}

void MarkLeadStories(std::vector<Article>& articles) {
  using Page = std::tuple<std::string, std::string, int>;
  std::map<Page, Article*> leads;
  for (auto& a : articles) {
    a.lead_story = false;
    if (!IsStory(a)) continue;
    Article*& lead = leads[Page{a.paper_code, a.date.ToCompact(), a.page}];
    if (lead == nullptr || a.ordinal < lead->ordinal) lead = &a;
  }
  for (auto& [page, lead] : leads) lead->lead_story = true;
}

std::vector<std::string> ProminenceOf(const Article& a) {
  const auto& labels = ProminenceLabels();
  std::vector<std::string> out;
  if (a.page == 1) out.emplace_back(labels[0]);
  if (a.lead_story) out.emplace_back(labels[1]);
  if (HasPhoto(a)) out.emplace_back(labels[2]);
  return out;
}

double ProminenceScore(const Article& a) {
  size_t chars = 0;
  for (const auto& paragraph : a.paragraphs) {
    chars += utf8::CodePointCount(paragraph);
  }
  double length = std::min(1.0, static_cast<double>(chars) / kFullLengthChars);
  double front = a.page == 1 ? 1 : 0;
  double lead = a.lead_story ? 1 : 0;
  double photo = HasPhoto(a) ? 1 : 0;
  return (front + lead + photo + length) / 4;
}

}  // namespace baoku::corpus
