#include "baoku/search/query_parser.h"

#include <algorithm>
#include <utility>

#include "baoku/corpus/utf8.h"
#include "baoku/search/date_range.h"

namespace baoku::search {
namespace utf8 = corpus::utf8;

namespace {

// The closing quote for an opening one, or 0.
char32_t ClosingQuote(char32_t open) {
  switch (open) {
    case U'"':
      return U'"';
    case U'\u201C':  // “
      return U'\u201D';
    case U'\u300C':  // 「
      return U'\u300D';
    case U'\u300E':  // 『
      return U'\u300F';
    default:
      return 0;
  }
}

bool IsOpenParen(char32_t c) { return c == U'(' || c == U'\uFF08'; }
bool IsCloseParen(char32_t c) { return c == U')' || c == U'\uFF09'; }
bool IsColon(char32_t c) { return c == U':' || c == U'\uFF1A'; }
bool IsTilde(char32_t c) { return c == U'~' || c == U'\uFF5E'; }
bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A word typed alone that is a date or a range a reader means as one: a day
// or a month, or any range. A bare year (2026, 2026年) is more often a number
// in the text.
bool IsStandaloneDate(std::string_view text) {
  bool digit = false;
  for (char c : text) digit = digit || (c >= '0' && c <= '9');
  if (!digit) return false;
  corpus::Result<DateRange> range = ParseDateRange(text);
  if (!range) return false;
  for (const auto& point : {range->from, range->to}) {
    if (point && (point->year < 1800 || point->year > 2200)) return false;
  }
  return !(range->single && range->from->precision == DatePrecision::kYear);
}

class Parser {
 public:
  Parser(std::string_view text, const corpus::FieldTable& fields)
      : text_(text), fields_(fields) {
    size_t pos = 0;
    while (pos < text.size()) {
      starts_.push_back(pos);
      cps_.push_back(utf8::Next(text, pos));
    }
    starts_.push_back(text.size());
  }

  ParsedQuery Parse() {
    QueryNode root;
    root.kind = QueryNode::Kind::kAnd;
    root.children = Sequence(/*in_group=*/false);
    if (error_) return std::move(*error_);
    return root;
  }

 private:
  bool AtEnd() const { return i_ >= cps_.size(); }
  char32_t Peek(size_t ahead = 0) const {
    return i_ + ahead < cps_.size() ? cps_[i_ + ahead] : 0;
  }
  std::string Slice(size_t from, size_t to) const {
    return std::string(
        text_.substr(starts_[from], starts_[to] - starts_[from]));
  }
  void SkipSpace() {
    while (!AtEnd() && utf8::IsSpace(Peek())) ++i_;
  }
  bool Fail(size_t offset, std::string message, std::string code) {
    if (!error_) {
      error_ = corpus::Diagnostic::InParameter("q", offset, std::move(message),
                                               std::move(code));
    }
    return false;
  }
  bool Failed() const { return error_.has_value(); }

  // An opening quote here that starts a phrase: the ASCII quote always (an
  // unclosed one is an error), the typographic ones only when closed later —
  // text pasted from an article often holds a lone “.
  bool AtPhraseQuote() const {
    char32_t close = ClosingQuote(Peek());
    if (close == 0) return false;
    if (Peek() == U'"') return true;
    for (size_t k = i_ + 1; k < cps_.size(); ++k) {
      if (cps_[k] == close) return true;
    }
    return false;
  }

  // Whether the '(' here is closed later.
  bool HasClosingParen() const {
    int depth = 0;
    for (size_t k = i_; k < cps_.size(); ++k) {
      if (IsOpenParen(cps_[k])) ++depth;
      if (IsCloseParen(cps_[k]) && --depth == 0) return true;
    }
    return false;
  }

  // Whether a word ends before code point k: the end, white space, a
  // parenthesis or an ASCII quote.
  bool EndsWordAt(size_t k) const {
    return k >= cps_.size() || utf8::IsSpace(cps_[k]) || IsOpenParen(cps_[k]) ||
           IsCloseParen(cps_[k]) || cps_[k] == U'"';
  }

  // Whether the letters here spell `word` (upper case) in any case.
  bool Spells(std::string_view word) const {
    for (size_t k = 0; k < word.size(); ++k) {
      char32_t c = Peek(k);
      if (c >= U'a' && c <= U'z') c -= U'a' - U'A';
      if (c != static_cast<unsigned char>(word[k])) return false;
    }
    return true;
  }

  // The ASCII operator `word` (upper case) here, standing alone. Written
  // in upper case it is always the operator (and an error without its
  // operands); in any other case, or in Chinese (与 或 非), only between
  // something and something searchable after it, so that "ORACLE or", 参与,
  // 或许 and 非遗 stay words.
  bool AtKeyword(std::string_view word) const {
    if (!Spells(word) || !EndsWordAt(i_ + word.size())) return false;
    bool upper = true;
    for (size_t k = 0; k < word.size(); ++k) {
      upper = upper && Peek(k) == static_cast<unsigned char>(word[k]);
    }
    return upper || (i_ > 0 && OperandFollows(i_ + word.size()));
  }

  // Whether something other than white space follows code point k before
  // the end or a ')'.
  bool OperandFollows(size_t k) const {
    for (; k < cps_.size(); ++k) {
      if (IsCloseParen(cps_[k])) return false;
      if (!utf8::IsSpace(cps_[k])) return true;
    }
    return false;
  }

  bool AtChineseOperator(char32_t op) const {
    return Peek() == op && i_ > 0 && utf8::IsSpace(cps_[i_ - 1]) &&
           utf8::IsSpace(Peek(1)) && OperandFollows(i_ + 1);
  }

  // The length of an OR operator here ("OR", "|", "||", or 或 when
  // `chinese`), or 0.
  size_t OrLength(bool chinese) const {
    if (Peek() == U'|')
      return Peek(1) == U'|' ? 2 : (EndsWordAt(i_ + 1) ? 1 : 0);
    if (AtKeyword("OR")) return 2;
    return chinese && AtChineseOperator(U'\u6216') ? 1 : 0;  // 或
  }
  bool AtOr(bool chinese = false) const { return OrLength(chinese) > 0; }

  size_t AndLength() const {
    if (AtKeyword("AND")) return 3;
    if (Peek() == U'&' && Peek(1) == U'&' && EndsWordAt(i_ + 2)) return 2;
    return AtChineseOperator(U'\u4E0E') ? 1 : 0;  // 与
  }

  size_t NotLength() const {
    if (AtKeyword("NOT")) return 3;
    return AtChineseOperator(U'\u975E') ? 1 : 0;  // 非
  }

  // "NEAR" or "NEAR/20" here: its length and the distance, or nullopt.
  std::optional<std::pair<size_t, size_t>> AtNear() const {
    if (AtKeyword("NEAR")) return std::pair{size_t{4}, kDefaultNearDistance};
    if (!Spells("NEAR/")) return std::nullopt;
    size_t k = 5;
    size_t distance = 0;
    while (IsAsciiDigit(Peek(k)) && k < 9) {
      distance = distance * 10 + (Peek(k) - U'0');
      ++k;
    }
    if (k == 5 || !EndsWordAt(i_ + k)) return std::nullopt;
    return std::pair{k, distance};
  }

  std::vector<QueryNode> Sequence(bool in_group) {
    std::vector<QueryNode> nodes;
    while (!Failed()) {
      SkipSpace();
      if (AtEnd()) break;
      if (IsCloseParen(Peek())) {
        if (in_group) break;
        ++i_;  // A stray ')', as in pasted text: punctuation.
        continue;
      }
      if (size_t length = AndLength()) {
        size_t at = i_;
        i_ += length;
        SkipSpace();
        if (nodes.empty()) {
          Fail(at, "AND 前面缺少查询词", "query.and_without_left");
        } else if (AtEnd() || IsCloseParen(Peek())) {
          Fail(at, "AND 后面缺少查询词", "query.and_without_right");
        }
        continue;
      }
      QueryNode node = Disjunction();
      bool nothing = node.kind == QueryNode::Kind::kText && node.text.empty();
      if (!Failed() && !nothing) nodes.push_back(std::move(node));
    }
    return nodes;
  }

  QueryNode Disjunction() {
    QueryNode first = Proximity();
    if (Failed()) return first;
    QueryNode any;
    any.kind = QueryNode::Kind::kOr;
    any.offset = first.offset;
    any.children.push_back(std::move(first));
    while (!Failed()) {
      size_t before = i_;
      SkipSpace();
      size_t length = OrLength(/*chinese=*/true);
      if (length == 0) {
        i_ = before;
        break;
      }
      size_t or_offset = i_;
      i_ += length;
      SkipSpace();
      if (AtEnd() || IsCloseParen(Peek()) || AtOr()) {
        Fail(or_offset, "OR 后面缺少查询词", "query.or_without_right");
        break;
      }
      any.children.push_back(Proximity());
    }
    if (any.children.size() == 1) return std::move(any.children.front());
    return any;
  }

  // Words or phrases joined by NEAR: a kNear node; NEAR binds tightest.
  QueryNode Proximity() {
    QueryNode first = Unary();
    if (Failed()) return first;
    QueryNode near;
    near.kind = QueryNode::Kind::kNear;
    near.offset = first.offset;
    near.children.push_back(std::move(first));
    while (!Failed()) {
      size_t before = i_;
      SkipSpace();
      auto op = AtNear();
      if (!op) {
        i_ = before;
        break;
      }
      size_t at = i_;
      i_ += op->first;
      SkipSpace();
      if (AtEnd() || IsCloseParen(Peek()) || AtOr() || AtNear()) {
        Fail(at, "NEAR 后面缺少查询词", "query.near_without_right");
        break;
      }
      if (op->second > kMaxNearDistance) {
        Fail(at,
             "NEAR/" + std::to_string(op->second) + " 的距离太大：最多 " +
                 std::to_string(kMaxNearDistance) + " 个字",
             "query.near_too_far");
        break;
      }
      near.distance = std::max(near.distance, op->second);
      near.children.push_back(Unary());
    }
    if (near.children.size() == 1) return std::move(near.children.front());
    CheckNearParts(near);
    return near;
  }

  void CheckNearParts(const QueryNode& near) {
    for (const auto& part : near.children) {
      bool words = part.kind == QueryNode::Kind::kText ||
                   part.kind == QueryNode::Kind::kPhrase;
      if (!words || part.negated) {
        Fail(part.offset, "NEAR 两边只能是词或带引号的短语",
             "query.near_operand");
        return;
      }
    }
  }

  QueryNode Unary() {
    if (AtOr()) {
      Fail(i_, "OR 前面缺少查询词", "query.or_without_left");
      return {};
    }
    if (AtNear()) {
      Fail(i_, "NEAR 前面缺少查询词", "query.near_without_left");
      return {};
    }
    if (size_t length = NotLength()) {
      size_t at = i_;
      i_ += length;
      SkipSpace();
      if (AtEnd() || IsCloseParen(Peek()) || AtOr()) {
        Fail(at, "NOT 后面缺少要排除的词", "query.not_without_word");
        return {};
      }
      QueryNode node = Unary();
      node.negated = !node.negated;
      node.offset = at;
      return node;
    }
    if (Peek() == U'-' || Peek() == U'\uFF0D') {
      size_t minus = i_;
      if (i_ + 1 >= cps_.size() || utf8::IsSpace(Peek(1)) ||
          IsCloseParen(Peek(1))) {
        Fail(minus, "“-”后面缺少要排除的词", "query.minus_without_word");
        return {};
      }
      ++i_;
      QueryNode node = Primary();
      node.negated = !node.negated;
      node.offset = minus;
      return node;
    }
    return Primary();
  }

  QueryNode Primary() {
    QueryNode node;
    node.offset = i_;
    if (IsOpenParen(Peek()) && !HasClosingParen()) {
      ++i_;  // An unclosed '(', as in pasted text: punctuation.
      node.kind = QueryNode::Kind::kText;
      return node;
    }
    if (IsOpenParen(Peek())) {
      ++i_;
      node.kind = QueryNode::Kind::kAnd;
      node.children = Sequence(/*in_group=*/true);
      if (Failed()) return node;
      if (!AtEnd()) ++i_;  // ')'
      if (node.children.empty()) node.kind = QueryNode::Kind::kText;
      return node;
    }
    if (AtPhraseQuote()) {
      size_t content = i_ + 1;
      node.kind = QueryNode::Kind::kPhrase;
      node.text = Quoted();
      if (!Failed()) PhraseDistance(node, content, i_ - 1);
      return node;
    }
    size_t start = i_;
    while (!AtEnd() && !utf8::IsSpace(Peek()) && !IsOpenParen(Peek()) &&
           !IsCloseParen(Peek()) && (i_ == start || !AtPhraseQuote())) {
      if (IsColon(Peek()) && i_ > start) {
        if (const auto* field = fields_.Find(Slice(start, i_))) {
          return FieldValue(*field, start);
        }
      }
      ++i_;
    }
    node.kind = QueryNode::Kind::kText;
    node.text = Slice(start, i_);
    if (const auto* date = DateField(); date && IsStandaloneDate(node.text)) {
      node.kind = QueryNode::Kind::kField;
      node.field = date;
    }
    return node;
  }

  const corpus::FieldSpec* DateField() const {
    for (const auto& field : fields_.fields()) {
      if (field.value == corpus::FieldValue::kDate) return &field;
    }
    return nullptr;
  }

  // After a phrase whose text is code points [from, to): "~20" makes its
  // white-space-separated parts a kNear within 20 characters; one part
  // stays the phrase.
  void PhraseDistance(QueryNode& node, size_t from, size_t to) {
    if (!IsTilde(Peek()) || !IsAsciiDigit(Peek(1))) return;
    size_t at = i_;
    size_t k = 1;
    size_t distance = 0;
    while (IsAsciiDigit(Peek(k)) && k < 5) {
      distance = distance * 10 + (Peek(k) - U'0');
      ++k;
    }
    if (!EndsWordAt(i_ + k)) return;
    i_ += k;
    if (distance > kMaxNearDistance) {
      Fail(at,
           "~" + std::to_string(distance) + " 的距离太大：最多 " +
               std::to_string(kMaxNearDistance) + " 个字",
           "query.near_too_far");
      return;
    }
    std::vector<QueryNode> parts;
    for (size_t k = from; k < to;) {
      if (utf8::IsSpace(cps_[k])) {
        ++k;
        continue;
      }
      size_t start = k;
      while (k < to && !utf8::IsSpace(cps_[k])) ++k;
      QueryNode part;
      part.kind = QueryNode::Kind::kText;
      part.text = Slice(start, k);
      part.offset = start;
      parts.push_back(std::move(part));
    }
    if (parts.size() < 2) return;
    node.kind = QueryNode::Kind::kNear;
    node.distance = distance;
    node.text.clear();
    node.children = std::move(parts);
  }

  // After the colon of "name:"; the value runs to white space or ')', or is
  // quoted.
  QueryNode FieldValue(const corpus::FieldSpec& field, size_t start) {
    QueryNode node;
    node.kind = QueryNode::Kind::kField;
    node.field = &field;
    node.offset = start;
    std::string name = Slice(start, i_);
    ++i_;  // The colon.
    if (!AtEnd() && AtPhraseQuote()) {
      node.text = Quoted();
    } else {
      size_t value_start = i_;
      while (!AtEnd() && !utf8::IsSpace(Peek()) && !IsCloseParen(Peek())) ++i_;
      node.text = Slice(value_start, i_);
    }
    if (!Failed() && utf8::Trim(node.text).empty()) {
      Fail(start,
           "“" + name + ":”后面缺少要查找的值，例如 " + name + ":" +
               field.example,
           "query.field_without_value");
    }
    return node;
  }

  // At an opening quote: the text up to its closing quote.
  std::string Quoted() {
    size_t open = i_;
    char32_t close = ClosingQuote(Peek());
    ++i_;
    size_t start = i_;
    while (!AtEnd() && Peek() != close) ++i_;
    if (AtEnd()) {
      Fail(open,
           "引号没有闭合：第 " + std::to_string(open + 1) +
               " 个字符处的引号缺少配对的后引号",
           "query.unclosed_quote");
      return {};
    }
    std::string text = Slice(start, i_);
    ++i_;
    return text;
  }

  std::string_view text_;
  const corpus::FieldTable& fields_;
  std::vector<char32_t> cps_;
  std::vector<size_t> starts_;  // Byte offset of each code point, and end.
  size_t i_ = 0;
  std::optional<QueryError> error_;
};

}  // namespace

ParsedQuery ParseQuery(std::string_view text,
                       const corpus::FieldTable& fields) {
  if (!utf8::IsValid(text)) {
    return corpus::Diagnostic::InParameter("q", 0, "查询不是有效的 UTF-8 文本",
                                           "query.invalid_utf8");
  }
  if (utf8::LongerThan(text, kMaxQueryChars)) {
    return corpus::Diagnostic::InParameter(
        "q", kMaxQueryChars,
        "查询有 " + std::to_string(utf8::CodePointCount(text)) +
            " 个字符，超过了 " + std::to_string(kMaxQueryChars) +
            " 个字符的上限",
        "query.too_long");
  }
  return Parser(text, fields).Parse();
}

}  // namespace baoku::search
