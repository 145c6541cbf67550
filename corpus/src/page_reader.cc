#include "baoku/corpus/page_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/text_decoding.h"
#include "baoku/corpus/utf8.h"
#include "byline.h"

namespace baoku::corpus {
namespace {

using utf8::StartsWith;

// True when `s` holds something a search could find: a letter, digit or
// Han character rather than only punctuation, symbols and spaces (ICU is
// not used here; the punctuation blocks are enough for newspaper text).
bool HasSearchableText(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = utf8::Next(s, pos);
    if (cp < 0x80) {
      if ((cp >= '0' && cp <= '9') ||
          ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
        return true;
      }
    } else if (cp >= 0xFF10 && cp <= 0xFF5A) {  // Full-width forms.
      if ((cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || cp >= 0xFF41) {
        return true;
      }
    } else if (cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
               !(cp >= 0x3000 && cp <= 0x303F) &&
               !(cp >= 0xFE10 && cp <= 0xFE6F) && !(cp >= 0xFF00) &&
               !utf8::IsSpace(cp)) {
      return true;
    }
  }
  return false;
}

bool HasSearchableText(const Article& a) {
  for (const std::string* field : {&a.kicker, &a.headline, &a.subtitle}) {
    if (HasSearchableText(*field)) return true;
  }
  for (const auto* list : {&a.paragraphs, &a.subheads}) {
    for (const auto& text : *list) {
      if (HasSearchableText(text)) return true;
    }
  }
  return false;
}

// What a paragraph looks like on its own, before context decides.
enum class Shape {
  kBody,            // Running text.
  kTitleLine,       // Short, unterminated: title block line or subhead.
  kQuestion,        // "11.如何理解…?": a numbered Q&A piece.
  kByline,          // "本报记者 张子珂".
  kLead,            // "本报讯(记者宋向红)近日…".
  kPhotoCredit,     // "本报记者 刘勇 摄".
  kTrailingAuthor,  // "(孙娜娜)".
  kJump,            // "(下转第2版)".
  kNoise,           // Page header: date and editor, "第3版 综合新闻".
};

struct Paragraph {
  std::string text;
  int first_line = 0;
  int last_line = 0;
  int blank_lines_before = 0;
  Shape shape = Shape::kBody;
  bool indented = false;
  // Read as a title line from where it stands on the page (see
  // PromoteTitlesByContext), although its text alone reads as a sentence.
  bool title_by_context = false;
  // A title line by its shape where the page's conventions say an article
  // opens (see PromoteTitlesByContext).
  bool opens_article = false;
  // A sentence-like line ending in ！ or ？ right after a finished
  // paragraph: the headline of a bylineless story printed one blank line
  // after the story before, or a short exclaimed line of text. The fitted
  // model decides (see MarkHeadlineCandidates).
  bool headline_candidate = false;
};

// Lines longer than this without final punctuation are running text cut by
// a column break, not titles or subheads.
constexpr size_t kMaxTitleChars = 25;
// No printed title is longer than this.
constexpr size_t kMaxLongTitleChars = 40;
// Two or more blank lines end an article whatever follows.
constexpr int kHardBreakBlankLines = 2;

bool IsClosingMark(char32_t cp) {
  return cp == U'”' || cp == U'’' || cp == U'」' || cp == U'』' ||
         cp == U'》' || cp == U')' || cp == U'）' || cp == U'"' || cp == U'\'';
}

bool IsFinalPunctuation(char32_t cp) {
  return cp == U'。' || cp == U'!' || cp == U'！' || cp == U'?' ||
         cp == U'？' || cp == U'…' || cp == U'.' || cp == U'．' || cp == U';' ||
         cp == U'；' || cp == U':' || cp == U'：';
}

// The code points of `text` from its end backwards.
class ReverseCodePoints {
 public:
  explicit ReverseCodePoints(std::string_view text) : text_(text) {}
  // 0 when there are no more.
  char32_t Next() {
    if (text_.empty()) return 0;
    char32_t cp = utf8::Last(text_);
    size_t len = 1;
    while (len < text_.size() && len < 4 &&
           (static_cast<unsigned char>(text_[text_.size() - len]) & 0xC0) ==
               0x80) {
      ++len;
    }
    text_.remove_suffix(len);
    return cp;
  }

 private:
  std::string_view text_;
};

// True when the text ends a sentence ("…心病。", "…管得硬。”").
bool EndsSentence(std::string_view text) {
  ReverseCodePoints back(text);
  char32_t cp = back.Next();
  while (cp != 0 && IsClosingMark(cp)) cp = back.Next();
  return cp != 0 && IsFinalPunctuation(cp);
}

// Characters that never start a sentence: a paragraph starting with one
// continues the one before.
bool StartsMidSentence(std::string_view text) {
  if (text.empty()) return false;
  size_t pos = 0;
  char32_t cp = utf8::Next(text, pos);
  return cp == U'、' || cp == U',' || cp == U'，' || cp == U'。' ||
         cp == U';' || cp == U'；' || cp == U')' || cp == U'）' ||
         cp == U'》' || cp == U'」' || cp == U'』' || cp == U'!' ||
         cp == U'！' || cp == U'?' || cp == U'？' || cp == U':' || cp == U'：';
}

bool IsDashSubtitle(std::string_view text) {
  return StartsWith(text, "——") || StartsWith(text, "—") ||
         StartsWith(text, "--");
}

std::string StripDashes(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    char32_t cp = utf8::Next(text, pos);
    if (cp != U'—' && cp != U'-' && cp != U'－' && !utf8::IsSpace(cp)) {
      pos = before;
      break;
    }
  }
  return std::string(utf8::Trim(text.substr(pos)));
}

// "简讯": a banner over a run of short items.
bool IsBriefBanner(std::string_view text) {
  for (std::string_view banner :
       {"简讯", "简 讯", "本报简讯", "新闻简讯", "简讯速递", "快讯"}) {
    if (text == banner) return true;
  }
  return false;
}

// "●市图书馆…": the marker of a brief item. Returns the text without it.
std::optional<std::string> StripBullet(std::string_view text) {
  size_t pos = 0;
  if (text.empty()) return std::nullopt;
  char32_t cp = utf8::Next(text, pos);
  if (cp != U'●' && cp != U'■' && cp != U'◆' && cp != U'▲' && cp != U'★' &&
      cp != U'◇' && cp != U'□') {
    return std::nullopt;
  }
  return std::string(utf8::Trim(text.substr(pos)));
}

bool IsDigit(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９');
}

// "11.如何理解…?" / "11、…?" / "１１．…？".
bool IsNumberedQuestion(std::string_view text) {
  size_t pos = 0;
  int digits = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    cp = utf8::Next(text, pos);
    if (!IsDigit(cp)) break;
    ++digits;
  }
  if (digits == 0 || digits > 3) return false;
  if (cp != U'.' && cp != U'．' && cp != U'、') return false;
  char32_t last = utf8::Last(text);
  return (last == U'?' || last == U'？') && !utf8::LongerThan(text, 60);
}

// "(下转第2版)", "(上接第1版)".
std::optional<std::pair<bool, std::string>> ParseJump(std::string_view text) {
  text = utf8::Trim(text);
  size_t pos = 0;
  if (text.empty() || utf8::LongerThan(text, 14)) return std::nullopt;
  char32_t open = utf8::Next(text, pos);
  if (open != U'(' && open != U'（') return std::nullopt;
  std::string_view inner = text.substr(pos);
  bool to = false;
  if (StartsWith(inner, "下转") || StartsWith(inner, "转")) {
    to = true;
  } else if (!StartsWith(inner, "上接") && !StartsWith(inner, "接")) {
    return std::nullopt;
  }
  size_t di = inner.find("第");
  size_t ban = inner.find("版");
  if (di == inner.npos || ban == inner.npos || ban < di) {
    return std::nullopt;
  }
  return std::make_pair(to, std::string(inner.substr(di, ban + 3 - di)));
}

bool Contains(std::string_view text, std::string_view what) {
  return text.find(what) != text.npos;
}

bool HasDigit(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (IsDigit(utf8::Next(text, pos))) return true;
  }
  return false;
}

// Page furniture: "2026年6月11日 星期四 责任编辑:X", "第3版 综合新闻",
// "第8版：要闻　2019年3月1日　星期五", "本版责编：X　美编：Y", a contact line
// "新闻热线：0577-…". None of it ends a sentence.
bool IsPageNoise(std::string_view text) {
  if (utf8::LongerThan(text, 60) || EndsSentence(text)) return false;
  for (std::string_view editor : {"责任编辑", "版式", "责编", "美编", "校对"}) {
    if (Contains(text, editor)) return true;
  }
  if (Contains(text, "星期") && Contains(text, "年") && Contains(text, "月")) {
    size_t pos = 0;
    if (IsDigit(utf8::Next(text, pos))) return true;
  }
  if (StartsWith(text, "第")) {
    size_t ban = text.find("版");
    if (ban != text.npos && ban > 3 && ban <= 12) {
      std::string_view num = text.substr(3, ban - 3);
      size_t pos = 0;
      while (pos < num.size()) {
        if (!IsDigit(utf8::Next(num, pos))) return false;
      }
      return true;
    }
  }
  bool labelled = Contains(text, "：") || Contains(text, ":");
  for (std::string_view contact : {"热线", "邮箱", "传真"}) {
    if (labelled && Contains(text, contact) && HasDigit(text)) return true;
  }
  return false;
}

// "这座桥为何修了三年？", "这个菜场为什么这么干净！": a headline may end
// in ！ or ？. A short line that is one such clause and no quotation is
// read as a title line; context then decides (see DecideNewArticle).
bool IsExclaimedTitle(std::string_view text) {
  if (utf8::LongerThan(text, kMaxLongTitleChars) || StartsWith(text, "“")) {
    return false;
  }
  char32_t last = utf8::Last(text);
  if (last != U'！' && last != U'!' && last != U'？' && last != U'?') {
    return false;
  }
  std::string_view inner = text.substr(0, text.size() - (last < 0x80 ? 1 : 3));
  size_t pos = 0;
  while (pos < inner.size()) {
    char32_t cp = utf8::Next(inner, pos);
    if (IsFinalPunctuation(cp) || cp == U'，' || cp == U',') return false;
  }
  return true;
}

// A line longer than most titles but still one ("英国时尚协会选出100位时尚
// 行业创意者 五分之一为中国人", "上海上港留住夺冠真正大腿,徐根宝点名…"): no
// sentence punctuation inside, none at the end. Where paragraphs are blank-line
// separated, such a line may also be a paragraph cut by a column break;
// RepairBreaks decides. Commas are allowed only where each line is a paragraph:
// on blank-line pages a comma-holding line is more often a paragraph cut by a
// column break.
bool IsLongTitle(std::string_view text, bool commas_allowed) {
  if (utf8::LongerThan(text, kMaxLongTitleChars) || EndsSentence(text)) {
    return false;
  }
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::Next(text, pos);
    if (cp == U'。' || cp == U'；' || cp == U';') return false;
    if (!commas_allowed && (cp == U'，' || cp == U',' || cp == U'、')) {
      return false;
    }
  }
  return true;
}

Shape ShapeOf(std::string_view text) {
  if (IsPageNoise(text)) return Shape::kNoise;
  if (ParseJump(text)) return Shape::kJump;
  if (ParseTrailingAuthor(text)) return Shape::kTrailingAuthor;
  if (ParsePhotoCredit(text)) return Shape::kPhotoCredit;
  if (ParseBylineLine(text)) return Shape::kByline;
  if (IsNumberedQuestion(text)) return Shape::kQuestion;
  if (ParseLead(text)) return Shape::kLead;
  if (IsDashSubtitle(text)) return Shape::kTitleLine;
  if (SplitTrailingAuthor(text)) return Shape::kBody;  // "…反馈。(罗琦)"
  // "”" on its own line, closing the quotation above: text, never a title.
  if (!HasSearchableText(text)) return Shape::kBody;
  if (!EndsSentence(text) && !utf8::LongerThan(text, kMaxTitleChars)) {
    return Shape::kTitleLine;
  }
  if (IsExclaimedTitle(text)) return Shape::kTitleLine;
  if (IsLongTitle(text, false)) return Shape::kTitleLine;
  return Shape::kBody;
}

// A line as printed: its text without the white space around it, whether
// it was indented (an ideographic space or two ASCII spaces in front), and
// the blank lines above it.
struct PrintedLine {
  std::string_view text;
  int line_no = 0;
  int blanks_before = 0;
  bool indented = false;
};

bool IsIndented(std::string_view raw) {
  if (StartsWith(raw, "\xE3\x80\x80")) return true;  // U+3000.
  return StartsWith(raw, "  ") || StartsWith(raw, "\t");
}

// The page's conventions, decided from the page as a whole before any line
// is read: most pages keep one convention throughout.
struct PageConventions {
  // Paragraphs are separated by blank lines (the seed's layout); else each
  // line is a paragraph and a blank line separates articles.
  bool blank_line_paragraphs = true;
  // Paragraphs start indented; an unindented line right after an unfinished
  // indented one is that paragraph continued past a column break.
  bool indented_paragraphs = false;

  std::string Name() const {
    if (blank_line_paragraphs) return "blank-line paragraphs";
    return indented_paragraphs ? "indented paragraphs" : "one paragraph a line";
  }
};

PageConventions DecideConventions(const std::vector<PrintedLine>& lines) {
  size_t tight = 0, loose = 0, indented = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].indented) ++indented;
    if (i == 0) continue;
    (lines[i].blanks_before > 0 ? loose : tight) += 1;
  }
  PageConventions c;
  c.blank_line_paragraphs = loose >= tight;
  c.indented_paragraphs =
      !c.blank_line_paragraphs && indented >= 2 && indented * 5 >= lines.size();
  return c;
}

std::vector<PrintedLine> ReadPrintedLines(std::string_view text,
                                          int first_line) {
  std::vector<PrintedLine> out;
  int line_no = 0;
  int blanks = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == text.npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    std::string_view line = utf8::Trim(raw);
    pos = end + 1;
    ++line_no;
    if (line_no < first_line) continue;
    if (line.empty()) {
      ++blanks;
      continue;
    }
    out.push_back({line, line_no, out.empty() ? 0 : blanks, IsIndented(raw)});
    blanks = 0;
  }
  return out;
}

// A paragraph that leaves no sentence open: one ending a sentence, or one
// of punctuation only ("”" printed on its own line after the quotation it
// closes).
bool IsFinished(std::string_view text) {
  return EndsSentence(text) || !HasSearchableText(text);
}

std::vector<Paragraph> ReadParagraphs(const std::vector<PrintedLine>& lines,
                                      const PageConventions& conventions) {
  std::vector<Paragraph> out;
  bool last_indented = false;
  for (const PrintedLine& line : lines) {
    if (conventions.indented_paragraphs && !out.empty() && last_indented &&
        !line.indented && line.blanks_before == 0 &&
        (out.back().shape == Shape::kBody ||
         out.back().shape == Shape::kLead) &&
        !IsFinished(out.back().text) && !SplitTrailingAuthor(out.back().text) &&
        !IsPageNoise(line.text)) {
      // A column break: the paragraph goes on, unindented. (A lone "”" closing
      // the quotation above is finished: an unindented line after it is a
      // title, not that paragraph's rest.)
      out.back().text += line.text;
      out.back().last_line = line.line_no;
      last_indented = false;
      continue;
    }
    Paragraph p;
    p.text = std::string(line.text);
    p.first_line = p.last_line = line.line_no;
    p.indented = line.indented;
    if (conventions.blank_line_paragraphs) {
      p.blank_lines_before = line.blanks_before;
    } else {
      // One paragraph a line: any blank line separates articles.
      p.blank_lines_before = line.blanks_before > 0 ? kHardBreakBlankLines : 1;
      if (out.empty()) p.blank_lines_before = 0;
    }
    p.shape = ShapeOf(line.text);
    if (!conventions.blank_line_paragraphs && p.shape == Shape::kBody &&
        !line.indented && IsLongTitle(line.text, true)) {
      p.shape = Shape::kTitleLine;
    }
    // Title lines are not indented where paragraphs are: an indented short
    // line is text (a cut paragraph's first part, a short sentence).
    if (conventions.indented_paragraphs && line.indented &&
        p.shape == Shape::kTitleLine && !IsDashSubtitle(p.text)) {
      p.shape = Shape::kBody;
    }
    last_indented = line.indented;
    out.push_back(std::move(p));
  }
  return out;
}

// An opening quote or bracket left open: the line was cut inside it.
bool HasUnclosedQuote(std::string_view text) {
  int open = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::Next(text, pos);
    if (cp == U'“' || cp == U'《' || cp == U'「' || cp == U'『') ++open;
    if (cp == U'”' || cp == U'》' || cp == U'」' || cp == U'』') --open;
  }
  return open > 0;
}

const TextAnalyzer& WordBreaks() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

// Words that open a reporting sentence ("据…介绍", "截至5月底,…") and
// never a subhead.
bool OpensReportingSentence(std::string_view line) {
  for (std::string_view word :
       {"据", "截至", "记者", "近日", "日前", "此外", "其中", "另外", "随后"}) {
    if (StartsWith(line, word)) return true;
  }
  return false;
}

// A short unterminated line followed by text is a subhead, unless the join
// shows a cut: a quotation left open, a word spanning the two lines
// ("…高新技术企" + "业达到…"), or a reporting sentence's opening.
bool LooksCut(const std::string& line, const std::string& next) {
  return HasUnclosedQuote(line) || OpensReportingSentence(line) ||
         !WordBreaks().BreaksBetween(line, next);
}

bool IsRunningText(Shape s) {
  return s == Shape::kBody || s == Shape::kTitleLine;
}

// The shape a printed headline may have beyond kTitleLine's: up to
// kMaxLongTitleChars, commas and a ！ or ？ inside or at the end
// ("医疗困境，如何突破？", "伊藤故意惨败是日本女乒的阴谋?吸取平野教训,…"), but
// no full stop or semicolon, and not ending as a sentence otherwise would.
bool IsTitleShaped(std::string_view text) {
  if (utf8::LongerThan(text, kMaxLongTitleChars) || StartsWith(text, "“") ||
      StartsMidSentence(text)) {
    return false;
  }
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::Next(text, pos);
    if (cp == U'。' || cp == U'；' || cp == U';' || cp == U'…') return false;
  }
  ReverseCodePoints back(text);
  char32_t last = back.Next();
  return last != U'：' && last != U':' && last != U'.' && last != U'．' &&
         !IsClosingMark(last);
}

bool IsBylineShape(Shape s) { return s == Shape::kByline || s == Shape::kLead; }

// A line after which the piece above is over, so that the next line opens
// one: a photo credit ("记者 岳小川 摄"), a trailing author ("（孙娜娜）" or
// "…反馈。（罗琦）"), a jump to another page ("（下转第2版）").
bool ClosesPiece(const Paragraph& p) {
  if (p.shape == Shape::kPhotoCredit || p.shape == Shape::kTrailingAuthor) {
    return true;
  }
  if (p.shape == Shape::kJump) {
    auto jump = ParseJump(p.text);
    return jump && jump->first;
  }
  return p.shape == Shape::kBody && SplitTrailingAuthor(p.text).has_value();
}

// Where the page's conventions say a line opens an article, a sentence-like
// but title-shaped line is its headline: right above a byline or a lead
// ("医疗困境，如何突破？" over "文/陈一帆 图/邵峰"), first after an article
// break (two blank lines; a blank line where each line is a paragraph; the
// page's start), or unindented after a finished paragraph where paragraphs
// are indented (a column break's continuation was joined before). Whether
// such a line inside running text is a headline or a subhead is still the
// model's decision (DecideNewArticle).
void PromoteTitlesByContext(std::vector<Paragraph>& paras,
                            const PageConventions& conventions) {
  for (size_t i = 0; i < paras.size(); ++i) {
    Paragraph& p = paras[i];
    bool title_line = p.shape == Shape::kTitleLine;
    if (!title_line && (p.shape != Shape::kBody || !IsTitleShaped(p.text))) {
      continue;
    }
    const Paragraph* next = i + 1 < paras.size() ? &paras[i + 1] : nullptr;
    if (!next || next->blank_lines_before >= kHardBreakBlankLines ||
        next->shape == Shape::kPhotoCredit || next->shape == Shape::kJump ||
        next->shape == Shape::kTrailingAuthor) {
      continue;
    }
    if (conventions.indented_paragraphs && p.indented) continue;
    bool opens = i == 0 || p.blank_lines_before >= kHardBreakBlankLines ||
                 paras[i - 1].shape == Shape::kNoise ||
                 ClosesPiece(paras[i - 1]);
    if (title_line) {
      // Already a title line by its shape: where an article opens, it is cut
      // only where the next line could not start a sentence (RepairBreaks),
      // not where an ICU word happens to span the join ("…三年试用期" +
      // "中新网…电" reads 期中).
      p.opens_article = opens && next->shape == Shape::kBody;
      continue;
    }
    bool after_finished = i > 0 && (IsFinished(paras[i - 1].text) ||
                                    !IsRunningText(paras[i - 1].shape));
    bool promote = (IsBylineShape(next->shape) && (opens || after_finished)) ||
                   (opens && next->shape == Shape::kBody) ||
                   (conventions.indented_paragraphs && after_finished &&
                    next->shape == Shape::kBody && next->indented);
    if (promote) {
      p.shape = Shape::kTitleLine;
      p.title_by_context = true;
    }
  }
}

bool EndsExclaimedOrAsked(std::string_view text) {
  char32_t last = utf8::Last(text);
  return last == U'！' || last == U'!' || last == U'？' || last == U'?';
}

// A story without a byline printed one blank line after a finished
// paragraph of the story before looks like that story's next paragraph
// when its headline reads as a sentence ("…决胜球! 李楠的名单还真缺不了他!",
// "一碗面卖了二十年，老板为何坚持不涨价？"). Such a line, title-shaped and
// ending in ！ or ？, is marked for the model (PageSplitter::OpenerFeatures);
// being a finished sentence it is never the first part of a cut paragraph,
// so the choice is only headline or text.
void MarkHeadlineCandidates(std::vector<Paragraph>& paras,
                            const PageConventions& conventions) {
  for (size_t i = 1; i + 1 < paras.size(); ++i) {
    Paragraph& p = paras[i];
    if (p.shape != Shape::kBody || !IsTitleShaped(p.text) ||
        !EndsExclaimedOrAsked(p.text) ||
        p.blank_lines_before >= kHardBreakBlankLines ||
        (conventions.indented_paragraphs && p.indented)) {
      continue;
    }
    const Paragraph& prev = paras[i - 1];
    const Paragraph& next = paras[i + 1];
    if ((prev.shape == Shape::kBody || prev.shape == Shape::kLead) &&
        IsFinished(prev.text) && next.shape == Shape::kBody &&
        next.blank_lines_before < kHardBreakBlankLines) {
      p.headline_candidate = true;
    }
  }
}

// Rejoins paragraphs that a column or page break cut mid-sentence:
// "…打通了“排" + "查、整改…". A lead paragraph ("本报讯…") can be cut too.
std::vector<Paragraph> RepairBreaks(std::vector<Paragraph> in,
                                    bool commas_in_titles) {
  std::vector<Paragraph> out;
  for (auto& p : in) {
    if (!out.empty()) {
      Paragraph& prev = out.back();
      // A title placed by the page's shape is cut only where the next line
      // could not start a sentence.
      bool context_title = (prev.title_by_context || prev.opens_article) &&
                           !StartsMidSentence(p.text);
      bool cut = !context_title &&
                 (IsRunningText(prev.shape) || prev.shape == Shape::kLead) &&
                 !EndsSentence(prev.text) && !SplitTrailingAuthor(prev.text) &&
                 !IsDashSubtitle(prev.text) &&
                 ((utf8::LongerThan(prev.text, kMaxTitleChars) &&
                   !IsLongTitle(prev.text, commas_in_titles)) ||
                  StartsMidSentence(p.text) ||
                  (p.shape == Shape::kBody && LooksCut(prev.text, p.text)));
      if (cut && IsRunningText(p.shape) &&
          p.blank_lines_before < kHardBreakBlankLines) {
        prev.text += p.text;
        prev.last_line = p.last_line;
        if (prev.shape != Shape::kLead) prev.shape = Shape::kBody;
        continue;
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

void AppendUnique(std::vector<std::string>& to,
                  const std::vector<std::string>& from) {
  for (const auto& name : from) {
    if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
  }
}

void ApplyByline(Article& a, const Byline& b) {
  AppendUnique(a.reporters, b.reporters);
  AppendUnique(a.photographers, b.photographers);
  AppendUnique(a.correspondents, b.correspondents);
  if (a.source.empty()) a.source = b.source;
  if (a.dateline.empty()) a.dateline = b.dateline;
  if (b.commentary) a.kind = ArticleKind::kCommentary;
}

// Decides which title line is the column, kicker, headline and subtitle.
void AssignTitleBlock(Article& a, const std::vector<std::string>& lines) {
  std::vector<std::string> plain;
  for (const auto& line : lines) {
    if (IsDashSubtitle(line)) {
      a.subtitle = StripDashes(line);
    } else {
      plain.push_back(line);
    }
  }
  if (plain.empty()) return;
  if (plain.size() >= 3) {
    a.column = plain.front();
    plain.erase(plain.begin());
    while (plain.size() > 2) {  // Extra lines: keep them in the kicker.
      a.column += " " + plain.front();
      plain.erase(plain.begin());
    }
  }
  if (plain.size() == 1) {
    a.headline = plain[0];
    return;
  }
  if (!a.subtitle.empty()) {
    // Banner or kicker, headline, ——subtitle.
    a.column = a.column.empty() ? plain[0] : a.column + " " + plain[0];
    a.headline = plain[1];
    return;
  }
  // Two plain lines: the longer one is the headline.
  if (utf8::CodePointCount(plain[0]) >= utf8::CodePointCount(plain[1])) {
    a.headline = plain[0];
    a.subtitle = plain[1];
  } else {
    a.kicker = plain[0];
    a.headline = plain[1];
  }
}

// Pairs of adjacent letters (Han characters, digits, Latin letters) of a
// text: its words, near enough to tell one story's vocabulary from
// another's without a dictionary.
using Bigrams = std::unordered_set<uint64_t>;

bool IsLetter(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') ||
           ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  }
  return cp >= 0x3400 && !(cp >= 0xFE10 && cp <= 0xFE6F) &&
         !(cp >= 0xFF00 && cp <= 0xFF0F) && !(cp >= 0xFF1A && cp <= 0xFF20);
}

void AddBigrams(std::string_view text, Bigrams& to) {
  char32_t prev = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::Next(text, pos);
    if (!IsLetter(cp)) {
      prev = 0;
      continue;
    }
    if (prev != 0) to.insert((static_cast<uint64_t>(prev) << 32) | cp);
    prev = cp;
  }
}

// The share of `of` found in `in`; 0 when `of` is empty.
double SharedFraction(const Bigrams& of, const Bigrams& in) {
  if (of.empty()) return 0;
  size_t shared = 0;
  for (uint64_t b : of) shared += in.count(b);
  return static_cast<double>(shared) / of.size();
}

class PageSplitter {
 public:
  PageSplitter(const PageMeta& meta, const std::string& file,
               const ReaderOptions& options)
      : meta_(meta),
        file_(file),
        options_(options),
        model_(options.model ? *options.model : ReaderModel::Default()) {}

  PageReading Split(std::vector<Paragraph> paragraphs) {
    paras_ = std::move(paragraphs);
    for (size_t i = 0; i < paras_.size(); ++i) {
      const Paragraph& p = paras_[i];
      if (p.blank_lines_before >= kHardBreakBlankLines) {
        Close();
        in_briefs_ = false;
      }
      switch (p.shape) {
        case Shape::kNoise:
          break;
        case Shape::kJump:
          OnJump(p);
          break;
        case Shape::kTrailingAuthor:
          OnTrailingAuthor(p);
          break;
        case Shape::kPhotoCredit:
          OnPhotoCredit(p);
          break;
        case Shape::kByline:
          OnByline(p);
          break;
        case Shape::kQuestion:
          OnQuestion(p, {});
          break;
        case Shape::kLead:
          OnLead(p);
          break;
        case Shape::kTitleLine:
          i = OnTitleLines(i);
          break;
        case Shape::kBody:
          if (p.headline_candidate && HasBody() && !in_briefs_ &&
              current_->kind == ArticleKind::kNews && DecideOpensArticle(i)) {
            OpenUntitledStory(p);
          } else {
            OnBody(p);
          }
          break;
      }
    }
    Close();
    Finish();
    return std::move(result_);
  }

 private:
  bool Open() const { return current_.has_value(); }
  bool HasBody() const { return Open() && !current_->paragraphs.empty(); }

  Article& Start(const Paragraph& p) {
    Close();
    current_.emplace();
    current_->lines = {p.first_line, p.last_line};
    return *current_;
  }

  void Extend(const Paragraph& p) {
    if (Open()) current_->lines.last = p.last_line;
  }

  void Close() {
    subhead_chars_ = 0;
    article_bigrams_.clear();
    if (!current_) return;
    Article& a = *current_;
    if (a.paragraphs.empty() && a.headline.empty()) {
      result_.warnings.push_back(
          {file_, a.lines.first,
           "lines " + std::to_string(a.lines.first) + "-" +
               std::to_string(a.lines.last) +
               ": a title or byline with no text after it; not an article"});
    } else if (!HasSearchableText(a)) {
      result_.warnings.push_back(
          {file_, a.lines.first,
           "lines " + std::to_string(a.lines.first) + "-" +
               std::to_string(a.lines.last) +
               ": only punctuation and symbols; not an article"});
    } else {
      if (a.kind == ArticleKind::kQa) last_qa_column_ = a.column;
      result_.articles.push_back(std::move(a));
    }
    current_.reset();
  }

  void Warn(const Paragraph& p, const std::string& what) {
    result_.warnings.push_back({file_, p.first_line, what});
  }

  void OnJump(const Paragraph& p) {
    auto jump = ParseJump(p.text);
    if (!Open()) {
      Warn(p, "jump line '" + p.text + "' outside any article; ignored");
      return;
    }
    (jump->first ? current_->continued_to : current_->continued_from) =
        jump->second;
    Extend(p);
    // The rest of this article is on another page.
    if (jump->first) Close();
  }

  void OnTrailingAuthor(const Paragraph& p) {
    if (!HasBody()) {
      Warn(p, "author line '" + p.text + "' follows no article text; ignored");
      return;
    }
    auto byline = ParseTrailingAuthor(p.text);
    ApplyByline(*current_, *byline);
    std::string& printed = current_->byline;
    printed = printed.empty() ? byline->text : printed + " … " + byline->text;
    Extend(p);
    Close();
  }

  void OnPhotoCredit(const Paragraph& p) {
    if (!HasBody()) {
      Warn(p, "photo credit '" + p.text + "' follows no caption; ignored");
      return;
    }
    Article& a = *current_;
    bool titled = !a.headline.empty();
    if (titled && a.paragraphs.size() > 1) {
      // A captioned photo printed right after a story: its own piece.
      std::string caption = std::move(a.paragraphs.back());
      a.paragraphs.pop_back();
      int caption_line = caption_first_line_;
      a.lines.last = line_before_caption_;
      Close();
      current_.emplace();
      current_->paragraphs.push_back(std::move(caption));
      current_->lines = {caption_line, p.last_line};
      titled = false;
    }
    if (!titled) current_->kind = ArticleKind::kPhoto;
    auto byline = ParsePhotoCredit(p.text);
    ApplyByline(*current_, *byline);
    current_->byline = byline->text;
    Extend(p);
    Close();
  }

  void OnByline(const Paragraph& p) {
    if (!Open() || HasBody()) Start(p);
    auto byline = ParseBylineLine(p.text);
    ApplyByline(*current_, *byline);
    std::string& printed = current_->byline;
    printed = printed.empty() ? byline->text : printed + " " + byline->text;
    Extend(p);
  }

  void OnQuestion(const Paragraph& p, const std::vector<std::string>& banner) {
    int first = p.first_line;
    if (!banner.empty()) first = banner_first_line_;
    bool continues_series =
        banner.empty() && current_ && current_->kind == ArticleKind::kQa;
    std::string column = continues_series ? current_->column : "";
    if (banner.empty() && !continues_series && !current_) {
      column = last_qa_column_;
    }
    Article& a = Start(p);
    a.kind = ArticleKind::kQa;
    a.lines.first = first;
    for (const auto& line : banner) {
      column += (column.empty() ? "" : " ") + line;
    }
    a.column = column;
    a.headline = p.text;
  }

  void OnLead(const Paragraph& p) {
    if (!Open() || HasBody()) Start(p);
    auto lead = ParseLead(p.text);
    ApplyByline(*current_, lead->byline);
    current_->byline = lead->byline.text;
    AddText(p, lead->rest);
  }

  void OnBody(const Paragraph& p) {
    if (in_briefs_) {
      if (auto item = StripBullet(p.text)) {
        StartBrief(p, "");
        AddText(p, *item);
        return;
      }
    }
    if (!Open()) Start(p);
    AddText(p, p.text);
  }

  // A brief item under a 简讯 banner; the banner's line opens the first one.
  void StartBrief(const Paragraph& p, const std::string& headline) {
    Article& a = Start(p);
    a.kind = ArticleKind::kBrief;
    a.column = brief_banner_;
    a.headline = headline;
    if (brief_banner_line_ > 0) {
      a.lines.first = brief_banner_line_;
      brief_banner_line_ = 0;
    }
  }

  void AddText(const Paragraph& p, std::string text) {
    AddBigrams(text, article_bigrams_);
    caption_first_line_ = p.first_line;
    line_before_caption_ = current_->lines.last;
    auto author = SplitTrailingAuthor(text);
    current_->paragraphs.push_back(author ? author->rest : std::move(text));
    Extend(p);
    if (author) {
      // "…免费借阅。(韩雪)": the author closes the piece.
      ApplyByline(*current_, author->byline);
      std::string& printed = current_->byline;
      printed = printed.empty() ? author->byline.text
                                : printed + " … " + author->byline.text;
      Close();
    }
  }

  // Handles a run of title-shaped lines starting at i; returns the index of
  // the last paragraph consumed.
  size_t OnTitleLines(size_t i) {
    const Paragraph& first = paras_[i];
    if (IsBriefBanner(first.text)) {
      Close();
      in_briefs_ = true;
      brief_banner_ = first.text;
      brief_banner_line_ = first.first_line;
      return i;
    }
    if (in_briefs_) {
      if (auto title = StripBullet(first.text)) {
        StartBrief(first, *title);
        return i;
      }
      in_briefs_ = false;  // A title of an ordinary article ends the run.
    }
    size_t j = i + 1;
    while (j < paras_.size() && j - i < 5 &&
           paras_[j].shape == Shape::kTitleLine &&
           paras_[j].blank_lines_before < kHardBreakBlankLines) {
      ++j;
    }
    std::vector<std::string> lines;
    for (size_t k = i; k < j; ++k) lines.push_back(paras_[k].text);
    const Paragraph* next = j < paras_.size() ? &paras_[j] : nullptr;
    bool next_attached =
        next && next->blank_lines_before < kHardBreakBlankLines;

    if (next_attached && next->shape == Shape::kQuestion) {
      banner_first_line_ = paras_[i].first_line;
      OnQuestion(*next, lines);
      return j;
    }
    bool next_starts_text = next_attached && (next->shape == Shape::kByline ||
                                              next->shape == Shape::kLead);
    if (Open() && !HasBody() && !current_->headline.empty() &&
        !current_->byline.empty() && lines.size() == 1 &&
        !IsDashSubtitle(first.text) && next_attached &&
        next->shape == Shape::kBody) {
      // Under a titled article's byline its text begins: a short line there
      // is the first part of a paragraph cut by a column break
      // ("来源:猎云网…(文/盛丽艳)青子" + "下周要去公司上班了。"), not a
      // new article's headline.
      AddText(first, first.text);
      return i;
    }
    if (HasBody() && !next_attached && !IsDashSubtitle(first.text)) {
      // Nothing follows before the article break: a headline has text under
      // it, so these are the story's last lines ("这是一条彻头彻尾的谣言！").
      for (size_t k = i; k < j; ++k) AddText(paras_[k], paras_[k].text);
      return j - 1;
    }
    // A single title line inside running text: a subhead, or the headline
    // of a new article that has no byline. The fitted model decides.
    bool subheads = HasBody() && !next_starts_text && lines.size() == 1 &&
                    next_attached && next->shape == Shape::kBody &&
                    !DecideNewArticle(i, j);
    if (subheads) {
      for (size_t k = i; k < j; ++k) {
        current_->subheads.push_back(paras_[k].text);
        subhead_chars_ += utf8::CodePointCount(paras_[k].text);
        AddText(paras_[k], paras_[k].text);
      }
      return j - 1;
    }
    if (Open() && !HasBody() && current_->headline.empty() &&
        !current_->byline.empty()) {
      // A byline printed above the title; keep it with this article.
    } else {
      Start(paras_[i]);
    }
    AssignTitleBlock(*current_, lines);
    if (!current_->headline.empty()) {
      headline_chars_sum_ += utf8::CodePointCount(current_->headline);
      ++headline_count_;
    }
    current_->lines.last = paras_[j - 1].last_line;
    return j - 1;
  }

  // The paragraphs of running text from `from` up to the next title line,
  // byline or hard break.
  size_t TextRunLength(size_t from) const {
    size_t n = 0;
    for (size_t k = from; k < paras_.size(); ++k) {
      if (k > from && paras_[k].blank_lines_before >= kHardBreakBlankLines) {
        break;
      }
      if (paras_[k].shape != Shape::kBody) break;
      ++n;
    }
    return n;
  }

  // Features of the title line at i (the text resumes at j) and of the page
  // around it.
  FeatureVector TitleLineFeatures(size_t i, size_t j) const {
    FeatureVector f;
    auto fire = [&f](std::string name, double value = 1.0) {
      f.emplace_back(std::move(name), value);
    };
    const std::string& line = paras_[i].text;
    const Article& a = *current_;
    size_t chars = utf8::CodePointCount(line);
    fire("bias");
    fire(chars <= 6    ? "len:<=6"
         : chars <= 10 ? "len:7-10"
         : chars <= 14 ? "len:11-14"
                       : "len:15+");
    char32_t last = utf8::Last(line);
    if (last == U'！' || last == U'!' || last == U'？' || last == U'?') {
      fire("ends:exclaim-or-question");
    }
    bool comma = Contains(line, "，") || Contains(line, ",");
    // A comma in a short line is the seed's "简化流程,唤醒“沉睡钱”" subhead;
    // in a long one, a headline's two clauses.
    if (comma) fire(chars <= 14 ? "has:comma:short" : "has:comma:long");
    if (Contains(line, "“") || Contains(line, "”")) fire("has:quote");
    if (Contains(line, " ") || Contains(line, "\xE3\x80\x80")) {
      fire("has:space");
    }
    size_t before = a.paragraphs.size();
    fire(before == 1   ? "text-before:1"
         : before <= 3 ? "text-before:2-3"
                       : "text-before:4+");
    if (!a.subheads.empty()) {
      fire("article:has-subheads");
      size_t sum = 0;
      // The article's subheads only grow: their length is kept as they are
      // read, so a page of many subheads stays linear.
      sum = subhead_chars_;
      double mean = static_cast<double>(sum) / a.subheads.size();
      if (std::abs(static_cast<double>(chars) - mean) <= 2) {
        fire("len:like-article-subheads");
      }
    }
    if (!a.headline.empty()) {
      size_t headline = utf8::CodePointCount(a.headline);
      fire(chars >= headline ? "len:>=article-headline"
                             : "len:<article-headline");
    }
    if (!a.byline.empty()) fire("article:has-byline");
    if (!a.kicker.empty() || !a.subtitle.empty() || !a.column.empty()) {
      fire("article:multi-line-title");
    }
    if (a.kind != ArticleKind::kNews) fire("article:not-news");
    size_t after = TextRunLength(j);
    fire(after == 1   ? "text-after:1"
         : after == 2 ? "text-after:2"
                      : "text-after:3+");
    size_t end = j + after;
    bool title_follows = end < paras_.size() &&
                         paras_[end].shape == Shape::kTitleLine &&
                         paras_[end].blank_lines_before < kHardBreakBlankLines;
    if (title_follows) {
      // One title line over text again (a sibling subhead), or a fuller
      // title block or a byline (the next article).
      bool single = end + 1 < paras_.size() &&
                    paras_[end + 1].shape == Shape::kBody &&
                    paras_[end + 1].blank_lines_before < kHardBreakBlankLines;
      fire(single ? "next-block:single-title-line" : "next-block:title-block");
    }
    if (end < paras_.size() && paras_[end].shape == Shape::kPhotoCredit) {
      fire("next-block:photo-credit");
    }
    if (end >= paras_.size()) fire("next-block:page-end");
    const std::string& next = paras_[j].text;
    size_t pos = 0;
    if (IsDigit(utf8::Next(next, pos))) fire("text-opens:digit");
    if (StartsWith(next, "记者") || StartsWith(next, "近日") ||
        StartsWith(next, "日前")) {
      fire("text-opens:report-word");
    }
    if (StartsWith(next, "“")) fire("text-opens:quote");
    if (headline_count_ > 0 && chars * headline_count_ >= headline_chars_sum_) {
      fire("len:>=page-headline-mean");
    }
    if (i > 0 && paras_[i].blank_lines_before > 1) fire("gap:wide");
    if (paras_[i].title_by_context) fire("shape:sentence-like");
    if (chars > kMaxTitleChars) fire("len:26+");
    // A subhead's text goes on with the story; a headline's leaves it.
    Bigrams line_words, next_words;
    AddBigrams(line, line_words);
    for (size_t k = j; k < j + 2 && k < end; ++k) {
      AddBigrams(paras_[k].text, next_words);
    }
    fire("next-shares-story", SharedFraction(next_words, article_bigrams_));
    fire("line-shares-next", SharedFraction(line_words, next_words));
    return f;
  }

  // A story without a byline opening at the headline candidate p.
  void OpenUntitledStory(const Paragraph& p) {
    Start(p);
    AssignTitleBlock(*current_, {p.text});
    headline_chars_sum_ += utf8::CodePointCount(current_->headline);
    ++headline_count_;
  }

  // Features of the headline candidate at i (see MarkHeadlineCandidates):
  // its shape, the article it would end, and how the text after it reads
  // on: the paragraphs that follow a headline share its words and leave
  // the story before, those after a line of text go on with the story.
  FeatureVector OpenerFeatures(size_t i) const {
    FeatureVector f;
    auto fire = [&f](std::string name, double value = 1.0) {
      f.emplace_back("open:" + std::move(name), value);
    };
    const std::string& line = paras_[i].text;
    size_t chars = utf8::CodePointCount(line);
    fire("bias");
    // The words of the next two paragraphs: seen in the story so far, or in
    // the candidate line.
    Bigrams line_words, next_words;
    AddBigrams(line, line_words);
    for (size_t k = i + 1;
         k < i + 3 && k < paras_.size() && paras_[k].shape == Shape::kBody &&
         paras_[k].blank_lines_before < kHardBreakBlankLines;
         ++k) {
      AddBigrams(paras_[k].text, next_words);
    }
    fire("next-shares-story", SharedFraction(next_words, article_bigrams_));
    fire("line-shares-next", SharedFraction(line_words, next_words));
    fire("line-shares-story", SharedFraction(line_words, article_bigrams_));
    if (headline_count_ > 0 && chars * headline_count_ >= headline_chars_sum_) {
      fire("len:>=page-headline-mean");
    }
    return f;
  }

  bool DecideOpensArticle(size_t i) {
    return Decide(i, OpenerFeatures(i), "text");
  }

  bool DecideNewArticle(size_t i, size_t j) {
    return Decide(i, TitleLineFeatures(i, j), "subhead");
  }

  bool Decide(size_t i, FeatureVector features, const char* alternative) {
    ReaderDecision d;
    d.alternative = alternative;
    d.line = paras_[i].first_line;
    d.text = paras_[i].text;
    d.score = model_.Score(features);
    d.new_article =
        options_.decide ? options_.decide(d.line, features) : d.score > 0;
    for (const auto& [name, value] : features) {
      double c = value * model_.Weight(name);
      if (c != 0) d.contributions.emplace_back(name, c);
    }
    std::sort(d.contributions.begin(), d.contributions.end(),
              [](const auto& x, const auto& y) {
                return std::abs(x.second) > std::abs(y.second);
              });
    result_.decisions.push_back(std::move(d));
    return result_.decisions.back().new_article;
  }

  void Finish() {
    int ordinal = 0;
    for (Article& a : result_.articles) {
      a.ordinal = ++ordinal;
      a.paper = meta_.paper;
      a.paper_code = meta_.paper_code.empty() ? std::string(kDefaultPaperCode)
                                              : meta_.paper_code;
      a.date = *meta_.date;
      a.page = *meta_.page;
      a.section = meta_.section;
      a.source_file = file_;
      a.id = MakeArticleId(a.paper_code, a.date, a.page, a.ordinal);
    }
  }

  const PageMeta& meta_;
  const std::string& file_;
  const ReaderOptions& options_;
  const ReaderModel& model_;
  std::vector<Paragraph> paras_;
  std::optional<Article> current_;
  std::string last_qa_column_;
  bool in_briefs_ = false;
  std::string brief_banner_;
  int brief_banner_line_ = 0;
  int banner_first_line_ = 0;
  int caption_first_line_ = 0;
  int line_before_caption_ = 0;
  size_t subhead_chars_ = 0;  // Of the current article's subheads.
  Bigrams article_bigrams_;   // Of the current article's text.
  // The headlines read so far: their number and total length.
  size_t headline_count_ = 0, headline_chars_sum_ = 0;
  PageReading result_;
};

}  // namespace

PageReading SplitPage(std::string_view text, const PageMeta& meta,
                      const std::string& file) {
  return SplitPage(text, meta, file, ReaderOptions{});
}

PageReading SplitPage(std::string_view text, const PageMeta& meta,
                      const std::string& file, const ReaderOptions& options) {
  if (!meta.date || !meta.page) {
    PageReading reading;
    reading.error = Diagnostic{
        file, 0,
        "no issue date or page number: give them in front matter, issue.json, "
        "the path (2026-06-11/03.txt) or --date/--page"};
    return reading;
  }
  FrontMatter front = ParseFrontMatter(text, file);
  std::vector<PrintedLine> lines = ReadPrintedLines(text, front.line_count + 1);
  PageConventions conventions = DecideConventions(lines);
  std::vector<Paragraph> paragraphs = ReadParagraphs(lines, conventions);
  PromoteTitlesByContext(paragraphs, conventions);
  MarkHeadlineCandidates(paragraphs, conventions);
  // Where indentation marks paragraphs, column breaks were already mended
  // by it; elsewhere the cut is found from the text.
  if (!conventions.indented_paragraphs) {
    paragraphs =
        RepairBreaks(std::move(paragraphs), !conventions.blank_line_paragraphs);
  }
  PageReading reading =
      PageSplitter(meta, file, options).Split(std::move(paragraphs));
  reading.encoding = "UTF-8";
  reading.layout = conventions.Name();
  if (reading.articles.empty()) {
    reading.warnings.push_back({file, 0, "no article text found on the page"});
  }
  return reading;
}

PageReading ReadPageFile(const std::filesystem::path& path,
                         const PageMeta& defaults) {
  return ReadPageFile(path, defaults, ReaderOptions{});
}

PageReading ReadPageFile(const std::filesystem::path& path,
                         const PageMeta& defaults,
                         const ReaderOptions& options) {
  PageReading reading;
  const std::string file = path.string();
  DecodedFile read = ReadTextFile(path, kMaxPageBytes, "page");
  if (read.error) {
    reading.error = read.error;
    return reading;
  }
  const DecodedText& decoded = read.decoded;

  FrontMatter front = ParseFrontMatter(decoded.text, file);
  PageMeta meta = front.meta;
  std::vector<Diagnostic> meta_errors = front.errors;
  meta.FillFrom(MetaFromManifest(path, meta_errors));
  meta.FillFrom(MetaFromPath(path));
  meta.FillFrom(defaults);

  reading = SplitPage(decoded.text, meta, file, options);
  reading.encoding = decoded.encoding;
  reading.meta = meta;
  reading.warnings.insert(reading.warnings.begin(), meta_errors.begin(),
                          meta_errors.end());
  reading.warnings.insert(reading.warnings.begin(), decoded.warnings.begin(),
                          decoded.warnings.end());
  return reading;
}

}  // namespace baoku::corpus
