// Recognises the printed forms of bylines on a page. Internal to corpus/.
#ifndef BAOKU_CORPUS_SRC_BYLINE_H_
#define BAOKU_CORPUS_SRC_BYLINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baoku::corpus {

struct Byline {
  std::string text;  // As printed.
  std::vector<std::string> reporters;
  std::vector<std::string> photographers;
  std::vector<std::string> correspondents;
  std::string source;       // "本报", "新华社", ...
  std::string dateline;     // "新华社北京6月10日电".
  bool commentary = false;  // 本报评论员: an editorial voice, no name.
};

// A line that is only a byline: "本报记者 张子珂", "本报记者 李佳 赵明远",
// "本报通讯员 孟凡", "见习记者 苏畅", "文/图 本报记者 杨帆", "本报评论员".
std::optional<Byline> ParseBylineLine(std::string_view line);

// A photo credit: "本报记者 刘勇 摄", "孙立新 摄".
std::optional<Byline> ParsePhotoCredit(std::string_view line);

// A last line naming the author: "(孙娜娜)", "(记者 王一)".
std::optional<Byline> ParseTrailingAuthor(std::string_view line);

// A paragraph that ends with its author: "…免费借阅。(韩雪)". The parenthesis
// must follow final punctuation, so "(区、市)" inside a sentence is not one.
struct TrailingAuthor {
  std::string rest;  // The paragraph without the author.
  Byline byline;
};
std::optional<TrailingAuthor> SplitTrailingAuthor(std::string_view paragraph);

struct Lead {
  Byline byline;
  std::string rest;  // The paragraph text after the byline.
};

// A first paragraph opening with a byline: "本报讯(记者宋向红)近日…",
// "本报讯 近日…", "新华社北京6月10日电(记者 X Y)…".
std::optional<Lead> ParseLead(std::string_view paragraph);

// 2–4 Han characters, or a name with a middle dot (e.g. 买买提·艾力).
bool LooksLikeName(std::string_view s);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_SRC_BYLINE_H_
