#include "baoku/search/query_parser.h"

#include <utility>

#include "baoku/corpus/utf8.h"

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

  // An OR operator at the current position: "OR" or "|" standing alone.
  bool AtOr() const {
    auto ends_word = [&](size_t k) {
      return i_ + k >= cps_.size() || utf8::IsSpace(cps_[i_ + k]) ||
             IsOpenParen(cps_[i_ + k]) || IsCloseParen(cps_[i_ + k]) ||
             cps_[i_ + k] == U'"';
    };
    if (Peek() == U'|') return ends_word(1) || Peek(1) == U'|';
    return Peek() == U'O' && Peek(1) == U'R' && ends_word(2);
  }
  void SkipOr() {
    i_ += (Peek() == U'|' && Peek(1) == U'|') ? 2 : (Peek() == U'|' ? 1 : 2);
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
      QueryNode node = Disjunction();
      bool nothing = node.kind == QueryNode::Kind::kText && node.text.empty();
      if (!Failed() && !nothing) nodes.push_back(std::move(node));
    }
    return nodes;
  }

  QueryNode Disjunction() {
    QueryNode first = Unary();
    if (Failed()) return first;
    QueryNode any;
    any.kind = QueryNode::Kind::kOr;
    any.offset = first.offset;
    any.children.push_back(std::move(first));
    while (!Failed()) {
      size_t before = i_;
      SkipSpace();
      if (!AtOr()) {
        i_ = before;
        break;
      }
      size_t or_offset = i_;
      SkipOr();
      SkipSpace();
      if (AtEnd() || IsCloseParen(Peek()) || AtOr()) {
        Fail(or_offset, "OR 后面缺少查询词", "query.or_without_right");
        break;
      }
      any.children.push_back(Unary());
    }
    if (any.children.size() == 1) return std::move(any.children.front());
    return any;
  }

  QueryNode Unary() {
    if (AtOr()) {
      Fail(i_, "OR 前面缺少查询词", "query.or_without_left");
      return {};
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
      node.kind = QueryNode::Kind::kPhrase;
      node.text = Quoted();
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
    return node;
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
