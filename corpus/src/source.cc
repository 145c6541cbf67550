#include "baoku/corpus/source.h"

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// An agency named in `text`, or "".
std::string_view AgencyIn(std::string_view text) {
  struct Alias {
    std::string_view written;
    std::string_view category;
  };
  static constexpr Alias kAgencies[] = {
      {"新华社", "新华社"}, {"新华网", "新华社"}, {"中新社", "中新社"},
      {"中新网", "中新社"}, {"人民网", "人民网"}, {"人民日报", "人民网"},
  };
  for (const auto& agency : kAgencies) {
    if (Contains(text, agency.written)) return agency.category;
  }
  return {};
}

// "据央视新闻报道", "（据云州晚报消息）": attribution to another outlet.
bool AttributedElsewhere(std::string_view text) {
  size_t ju = text.find("据");
  if (ju == std::string_view::npos) return false;
  std::string_view rest = text.substr(ju);
  for (std::string_view end : {"报道", "消息", "电"}) {
    size_t at = rest.find(end);
    // 据 + an outlet's name of at most a dozen characters + 报道.
    if (at != std::string_view::npos && at > 3 &&
        !utf8::LongerThan(rest.substr(0, at), 14)) {
      return true;
    }
  }
  return false;
}

// A last paragraph in parentheses: "（综合新华社、人民网报道）",
// "（据新华社）".
std::string_view CreditLine(const Article& article) {
  if (article.paragraphs.empty()) return {};
  std::string_view last = utf8::Trim(article.paragraphs.back());
  for (std::string_view open : {"（", "("}) {
    if (last.substr(0, open.size()) == open && !utf8::LongerThan(last, 40)) {
      return last;
    }
  }
  return {};
}

}  // namespace

const std::vector<std::string_view>& SourceCategories() {
  static const std::vector<std::string_view> categories = {
      "本报", "新华社", "中新社", "人民网", "其他媒体", "综合"};
  return categories;
}

std::string SourceCategory(const Article& article) {
  std::string printed = article.byline + " " + article.dateline + " " +
                        std::string(CreditLine(article));
  if (Contains(printed, "综合")) return "综合";
  std::string_view agency = AgencyIn(printed);
  if (agency.empty()) agency = AgencyIn(article.source);
  if (!agency.empty()) return std::string(agency);
  if (Contains(printed, "本报") || article.source == "本报") return "本报";
  if (AttributedElsewhere(printed)) return "其他媒体";
  if (!article.reporters.empty() || !article.photographers.empty()) {
    return "本报";
  }
  return "";
}

}  // namespace baoku::corpus
