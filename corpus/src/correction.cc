#include "baoku/corpus/correction.h"

#include <algorithm>
#include <string_view>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

using std::string_view;

bool StartsWith(string_view s, string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Full-width digits to ASCII, so that "６月１０日" reads as "6月10日".
std::string AsciiDigits(string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    // U+FF10..U+FF19 are EF BC 90..99.
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
        static_cast<unsigned char>(text[i + 1]) == 0xBC &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (text[i + 2] - '\x90'));
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// A reading position over UTF-8 text.
class Cursor {
 public:
  Cursor(string_view text, size_t at) : text_(text), at_(at) {}

  size_t at() const { return at_; }
  string_view rest() const { return text_.substr(at_); }

  bool Take(string_view word) {
    if (!StartsWith(rest(), word)) return false;
    at_ += word.size();
    return true;
  }
  bool TakeAny(std::initializer_list<string_view> words) {
    for (string_view w : words) {
      if (Take(w)) return true;
    }
    return false;
  }
  void SkipSpace() {
    while (TakeAny({" ", "\u3000"})) {
    }
  }
  // An ASCII or Chinese number ("12", "十二", "二十"), or nullopt.
  std::optional<int> Number() {
    int value = 0;
    size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9' &&
           at_ - start < 4) {
      value = value * 10 + (text_[at_++] - '0');
    }
    if (at_ > start) return value;
    static constexpr string_view kDigits[] = {"〇", "一", "二", "三", "四",
                                              "五", "六", "七", "八", "九"};
    int tens = 0, units = -1;
    bool any = false;
    for (bool more = true; more;) {
      more = false;
      if (Take("十")) {
        tens = units > 0 ? units : 1;
        units = 0;
        more = any = true;
        continue;
      }
      for (int d = 0; d < 10; ++d) {
        if (Take(kDigits[d])) {
          units = d;
          more = any = true;
          break;
        }
      }
    }
    if (!any) return std::nullopt;
    return tens * 10 + std::max(units, 0);
  }

 private:
  string_view text_;
  size_t at_;
};

// The text inside a pair of quotes starting at the cursor, or nullopt.
std::optional<std::string> Quoted(Cursor& c) {
  static constexpr std::pair<string_view, string_view> kQuotes[] = {
      {"“", "”"}, {"\"", "\""}, {"「", "」"}, {"‘", "’"}};
  for (auto [open, close] : kQuotes) {
    if (!c.Take(open)) continue;
    string_view rest = c.rest();
    size_t end = rest.find(close);
    if (end == string_view::npos || utf8::LongerThan(rest.substr(0, end), 60)) {
      return std::nullopt;
    }
    std::string inside(rest.substr(0, end));
    c.Take(rest.substr(0, end + close.size()));
    return inside;
  }
  return std::nullopt;
}

// “X”应为“Y” in the sentence that starts at `from`.
void ReadWrongRight(string_view text, size_t from, CorrectionTarget& target) {
  size_t stop = text.find("。", from);
  string_view sentence = text.substr(
      from, stop == string_view::npos ? string_view::npos : stop - from);
  size_t should = sentence.find("应为");
  if (should == string_view::npos) return;
  // The last quote closing before 应为 (an optional comma between).
  string_view before = sentence.substr(0, should);
  for (string_view close : {"”", "\"", "」", "’"}) {
    if (before.size() < close.size()) continue;
    size_t end = before.rfind(close);
    if (end == string_view::npos) continue;
    string_view tail = utf8::Trim(before.substr(end + close.size()));
    if (!tail.empty() && tail != "，" && tail != ",") continue;
    string_view open = close == "”"    ? "“"
                       : close == "」" ? "「"
                       : close == "’"  ? "‘"
                                       : "\"";
    size_t start = before.rfind(open, end == 0 ? 0 : end - 1);
    if (start == string_view::npos || start >= end) continue;
    target.wrong = std::string(
        before.substr(start + open.size(), end - start - open.size()));
    break;
  }
  Cursor after(sentence, should + string_view("应为").size());
  after.SkipSpace();
  if (auto right = Quoted(after)) target.right = *right;
}

// "[本报][YYYY年]M月D日[出版的|刊发的|的][第N版][刊发的|刊登的|的]《H》"
// at `from`, or nullopt.
std::optional<CorrectionTarget> ReadReference(string_view text, size_t from,
                                              const Date& notice) {
  Cursor c(text, from);
  c.Take("本报");
  c.SkipSpace();
  auto first = c.Number();
  if (!first) return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (c.Take("年")) {
    year = *first;
    auto m = c.Number();
    if (!m) return std::nullopt;
    month = *m;
  } else {
    month = *first;
  }
  if (!c.Take("月")) return std::nullopt;
  auto d = c.Number();
  if (!d || !c.TakeAny({"日", "号"})) return std::nullopt;
  day = *d;
  if (year == 0) {
    year = notice.year;
    if (Date{year, month, day} > notice) --year;
  }
  if (!IsValidDate(year, month, day)) return std::nullopt;
  CorrectionTarget target;
  target.date = Date{year, month, day};
  c.TakeAny({"出版的", "刊发的", "刊登的", "的"});
  c.SkipSpace();
  if (c.Take("第")) {
    auto page = c.Number();
    if (!page || !c.Take("版")) return std::nullopt;
    target.page = *page;
  }
  c.TakeAny({"刊发的", "刊登的", "发表的", "的", "上的"});
  c.SkipSpace();
  if (c.Take("《")) {
    string_view rest = c.rest();
    size_t end = rest.find("》");
    if (end == string_view::npos || utf8::LongerThan(rest.substr(0, end), 60)) {
      return std::nullopt;
    }
    target.headline = std::string(utf8::Trim(rest.substr(0, end)));
    c.Take(rest.substr(0, end + string_view("》").size()));
  }
  ReadWrongRight(text, c.at(), target);
  if (target.headline.empty() && target.wrong.empty()) return std::nullopt;
  return target;
}

std::string NoticeText(const Article& article) {
  std::string text;
  for (const auto& paragraph : article.paragraphs) text += paragraph;
  return AsciiDigits(text);
}

}  // namespace

void MarkCorrectionNotices(std::vector<Article>& articles) {
  for (auto& a : articles) {
    if (IsCorrectionNotice(a)) a.kind = ArticleKind::kCorrection;
  }
}

bool IsCorrectionNotice(const Article& article) {
  string_view title = utf8::Trim(article.headline);
  for (string_view word :
       {"更正", "更正启事", "更正启示", "致歉", "致歉声明", "更正与致歉",
        "更正和致歉", "更正及致歉", "致歉与更正", "更正说明"}) {
    if (title == word) return true;
  }
  std::string text = NoticeText(article);
  if (utf8::LongerThan(text, 400)) return false;
  return text.find("一文") != std::string::npos &&
         text.find("应为") != std::string::npos &&
         !ParseCorrections(article).empty();
}

std::vector<CorrectionTarget> ParseCorrections(const Article& notice) {
  std::string text = NoticeText(notice);
  std::vector<CorrectionTarget> targets;
  for (size_t at = 0; (at = text.find("本报", at)) != std::string::npos;
       at += string_view("本报").size()) {
    if (auto target = ReadReference(text, at, notice.date)) {
      targets.push_back(std::move(*target));
    }
  }
  if (!targets.empty()) return targets;
  // No 本报: "6月10日第2版《…》" at the start of a sentence.
  for (size_t at = 0; at < text.size(); ++at) {
    bool digit = text[at] >= '0' && text[at] <= '9';
    bool boundary = at == 0 || !(text[at - 1] >= '0' && text[at - 1] <= '9');
    if (!digit || !boundary) continue;
    auto target = ReadReference(text, at, notice.date);
    // "2026年6月9日…" reads again from its "6月9日".
    if (target && (targets.empty() || !(targets.back() == *target))) {
      targets.push_back(std::move(*target));
    }
  }
  return targets;
}

bool Corrects(const CorrectionTarget& target, const Article& article,
              const TextAnalyzer& analyzer) {
  if (target.date && *target.date != article.date) return false;
  if (target.page != 0 && target.page != article.page) return false;
  if (!target.headline.empty()) {
    std::string named = analyzer.NormalizeKey(target.headline);
    std::string title = analyzer.NormalizeKey(
        article.kicker + article.headline + article.subtitle);
    std::string headline = analyzer.NormalizeKey(article.headline);
    if (named.empty()) return false;
    // The notice may cite the headline alone or with its kicker/subtitle.
    return title.find(named) != std::string::npos ||
           (!headline.empty() && named.find(headline) != std::string::npos);
  }
  if (target.wrong.empty()) return false;
  std::string wrong = analyzer.NormalizeKey(target.wrong);
  for (const auto& paragraph : article.paragraphs) {
    if (analyzer.NormalizeKey(paragraph).find(wrong) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace baoku::corpus
