#include "baoku/search/query_builder.h"

#include <algorithm>
#include <map>

#include "baoku/corpus/article.h"
#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/date_range.h"
#include "weight_bonus.h"

namespace baoku::search {
namespace schema = corpus::schema;
namespace utf8 = corpus::utf8;
using corpus::Token;
using corpus::TokenKind;

namespace {

// The terms that must occur at consecutive positions for `tokens` to match:
// bigrams over each Han run (plus its last character when more follows),
// lone Han characters, and words.
std::vector<std::string> PhraseTerms(const std::vector<Token>& tokens) {
  std::map<uint32_t, const Token*> bigram;
  uint32_t last = 0;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kHanBigram) bigram[t.position] = &t;
    last = std::max(last, t.position);
  }
  std::vector<std::string> terms;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord) {
      terms.push_back(t.term);
    } else if (t.kind == TokenKind::kHanChar) {
      if (bigram.count(t.position)) {
        terms.push_back(bigram[t.position]->term);
      } else {
        bool follows_bigram = t.position > 0 && bigram.count(t.position - 1);
        // The last character of a run is covered by the bigram before it,
        // unless something follows and positions must stay consecutive.
        if (!follows_bigram || t.position != last) terms.push_back(t.term);
      }
    }
  }
  return terms;
}

// The terms that hold positions in the index (text_analyzer.h), one per
// position of `tokens`: every Han character and word. A phrase is checked on
// these.
std::vector<std::string> PositionalTerms(const std::vector<Token>& tokens) {
  std::vector<std::string> terms;
  for (const Token& t : tokens) {
    if (t.positional) terms.push_back(t.term);
  }
  return terms;
}

// A phrase under the term layout: its PhraseTerms() (ranked) must all
// occur, and its PositionalTerms() at consecutive positions (unweighted: a
// check, not more evidence). One term is exact without positions.
Xapian::Query PhraseOf(const std::vector<std::string>& terms,
                       const std::vector<std::string>& positional,
                       std::string_view prefix) {
  std::vector<Xapian::Query> subs;
  for (const auto& t : terms) subs.emplace_back(std::string(prefix) + t);
  if (subs.size() == 1) return subs.front();
  std::vector<Xapian::Query> in_order;
  for (const auto& t : positional) {
    in_order.emplace_back(std::string(prefix) + t);
  }
  return Xapian::Query(
      Xapian::Query::OP_FILTER,
      Xapian::Query(Xapian::Query::OP_AND, subs.begin(), subs.end()),
      Xapian::Query(Xapian::Query::OP_PHRASE, in_order.begin(), in_order.end(),
                    static_cast<Xapian::termcount>(in_order.size())));
}

// A part of a NEAR: its phrase, and its position-bearing terms.
struct NearPart {
  Xapian::Query phrase;
  std::vector<std::string> positional;
};

// Proximity under the term layout (text_analyzer.h): documents where the
// parts occur with at most `distance` characters between them, in any
// order: each part as its phrase, and all their position-bearing terms
// (one per character or word) within one window of positions, which spans
// the parts' own positions plus the distance. A change of the layout is
// met here and in PhraseOf().
Xapian::Query PositionalNear(const std::vector<NearPart>& parts,
                             size_t distance, std::string_view prefix) {
  std::vector<Xapian::Query> terms, all;
  size_t span = distance;
  for (const auto& part : parts) {
    for (const auto& t : part.positional) {
      terms.emplace_back(std::string(prefix) + t);
    }
    span += part.positional.size();
    all.push_back(part.phrase);
  }
  all.emplace_back(Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                   static_cast<Xapian::termcount>(span));
  return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

// A fresh query matching every document. Never Xapian::Query::MatchAll:
// that is one static object whose reference count is not atomic, and
// queries are built on many server threads at once (xapian/query.h).
Xapian::Query MatchEverything() { return Xapian::Query(std::string()); }

Xapian::Query Unweighted(Xapian::Query query) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0);
}

Xapian::Query Term(std::string_view prefix, std::string_view value) {
  return Xapian::Query(std::string(prefix) + std::string(value));
}

Xapian::Query Combine(Xapian::Query::op op,
                      const std::vector<Xapian::Query>& queries) {
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(op, queries.begin(), queries.end());
}

// "消息(news)、问答(qa)、…": the kinds a 类型: filter takes.
std::string KindChoices() {
  std::string out;
  for (const auto& info : corpus::KindInfos()) {
    if (!out.empty()) out += "、";
    out += std::string(info.label) + "(" + std::string(info.name) + ")";
  }
  return out;
}

class Builder {
 public:
  explicit Builder(const QueryContext& context) : context_(context) {}

  corpus::Result<BuiltQuery> Build(const ParsedQuery& parsed,
                                   const std::vector<FieldFilter>& filters) {
    if (!parsed) return parsed.problem();
    std::optional<Xapian::Query> main = Node(*parsed, false);
    std::optional<Xapian::Query> filter = Filters(filters);
    if (error_) return *error_;
    if (!main && !parsed->children.empty() && !filter) {
      return corpus::Diagnostic::InParameter("q", 0, "查询中没有可检索的字词",
                                             "query.nothing_searchable");
    }
    BuiltQuery built;
    Xapian::Query query = main ? *main : MatchEverything();
    if (filter) query = Xapian::Query(Xapian::Query::OP_FILTER, query, *filter);
    if (near_.size() >= 2) {
      boosts_.emplace_back(Xapian::Query::OP_NEAR, near_.begin(), near_.end(),
                           static_cast<Xapian::termcount>(near_span_ + 10));
    }
    if (!boosts_.empty()) {
      query =
          internal::WithBonus(query, Combine(Xapian::Query::OP_OR, boosts_));
    }
    built.query = query;
    built.highlight_phrases = std::move(highlights_);
    built.has_free_text = has_free_text_;
    built.has_phrase = has_phrase_;
    built.names = std::move(names_);
    built.parts = std::move(parts_);
    return built;
  }

 private:
  // nullopt: the node matches nothing in particular (e.g. only
  // punctuation), so it neither narrows nor widens.
  std::optional<Xapian::Query> Node(const QueryNode& node, bool excluded) {
    excluded = excluded != node.negated;
    std::optional<Xapian::Query> query;
    switch (node.kind) {
      case QueryNode::Kind::kText:
      case QueryNode::Kind::kPhrase:
        query =
            Text(node.text, excluded, "", nullptr, PartAt("q", node.offset));
        break;
      case QueryNode::Kind::kField:
        query = FieldQuery(*node.field, node.text, "q", node.offset, excluded);
        break;
      case QueryNode::Kind::kAnd:
        query = All(node.children, excluded);
        break;
      case QueryNode::Kind::kNear:
        query = Near(node, excluded);
        break;
      case QueryNode::Kind::kOr: {
        std::vector<Xapian::Query> any;
        for (const auto& child : node.children) {
          auto q = Node(child, excluded);
          if (!q) continue;
          if (child.negated) {
            q = Xapian::Query(Xapian::Query::OP_AND_NOT, MatchEverything(), *q);
          }
          any.push_back(*q);
        }
        if (!any.empty()) query = Combine(Xapian::Query::OP_OR, any);
        break;
      }
    }
    return query;
  }

  // Children joined by AND, the negated ones excluded. A node's own
  // negation is applied by its parent.
  std::optional<Xapian::Query> All(const std::vector<QueryNode>& children,
                                   bool excluded) {
    std::vector<Xapian::Query> include, exclude;
    for (const auto& child : children) {
      auto q = Node(child, excluded);
      if (!q) continue;
      (child.negated ? exclude : include).push_back(*q);
    }
    if (include.empty() && exclude.empty()) return std::nullopt;
    Xapian::Query query = include.empty()
                              ? MatchEverything()
                              : Combine(Xapian::Query::OP_AND, include);
    if (!exclude.empty()) {
      query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                            Combine(Xapian::Query::OP_OR, exclude));
    }
    return query;
  }

  // The parts of a NEAR (parsed as words or phrases) within its distance.
  // A part with nothing searchable drops out; one part left is itself.
  std::optional<Xapian::Query> Near(const QueryNode& node, bool excluded) {
    std::vector<NearPart> parts;
    for (const auto& child : node.children) {
      std::vector<std::string> positional;
      auto phrase = Text(child.text, excluded, "", &positional,
                         PartAt("q", child.offset));
      if (!phrase) continue;
      parts.push_back({*phrase, std::move(positional)});
    }
    if (parts.empty()) return std::nullopt;
    has_phrase_ = true;
    if (parts.size() == 1) return parts.front().phrase;
    return PositionalNear(parts, node.distance, "");
  }

  static QueryPart PartAt(const std::string& parameter, size_t offset) {
    QueryPart part;
    part.parameter = parameter;
    part.offset = offset;
    return part;
  }

  // `positional_out`, when given, receives the position-bearing terms;
  // `part` is where the text is from, recorded in parts_ unless excluded.
  std::optional<Xapian::Query> Text(std::string_view text, bool excluded,
                                    std::string_view prefix,
                                    std::vector<std::string>* positional_out,
                                    QueryPart part) {
    auto tokens = context_.analyzer.Analyze(text, 0, context_.lexicon);
    auto terms = PhraseTerms(tokens);
    if (terms.empty()) return std::nullopt;
    auto positional = PositionalTerms(tokens);
    if (positional_out) *positional_out = positional;
    has_phrase_ = has_phrase_ || terms.size() > 1;
    if (!excluded) {
      has_free_text_ = true;
      for (const auto& t : tokens) {
        if (t.kind == TokenKind::kHanWord || t.kind == TokenKind::kNumberUnit) {
          boosts_.emplace_back(std::string(prefix) + t.term);
        }
      }
      if (prefix.empty()) {
        boosts_.push_back(PhraseOf(terms, positional, schema::kTitle));
      }
      // NEAR needs positions: the texts' first positional terms.
      if (!positional.empty()) {
        near_.emplace_back(std::string(prefix) + positional.front());
        near_span_ += positional.size();
      }
      highlights_.push_back(terms);
      part.typed = std::string(text);
      part.terms = terms;
      parts_.push_back(std::move(part));
    }
    return PhraseOf(terms, positional, prefix);
  }

  std::optional<Xapian::Query> Filters(
      const std::vector<FieldFilter>& filters) {
    // In table order, so that equal filters give equal queries.
    std::map<const corpus::FieldSpec*, std::vector<Xapian::Query>> by_field;
    for (const auto& filter : filters) {
      const corpus::FieldSpec* field = context_.fields->Find(filter.field);
      if (!field) {
        Fail(filter.field, 0, "没有名为“" + filter.field + "”的筛选字段");
        continue;
      }
      auto q = FieldQuery(*field, filter.value, field->name, 0, false);
      if (q) by_field[field].push_back(*q);
    }
    std::vector<Xapian::Query> all;
    for (const auto& [field, any] : by_field) {
      all.push_back(Combine(Xapian::Query::OP_OR, any));
    }
    if (all.empty()) return std::nullopt;
    return Combine(Xapian::Query::OP_AND, all);
  }

  std::optional<Xapian::Query> Fail(const std::string& parameter, size_t offset,
                                    std::string message) {
    if (!error_) {
      error_ = corpus::Diagnostic::InParameter(
          parameter, offset, std::move(message), "query.bad_field_value");
    }
    return std::nullopt;
  }

  std::optional<Xapian::Query> FieldQuery(const corpus::FieldSpec& field,
                                          std::string_view value,
                                          const std::string& parameter,
                                          size_t offset, bool excluded) {
    using corpus::FieldValue;
    value = utf8::Trim(value);
    if (value.empty()) {
      return Fail(parameter, offset, "“" + field.name + "”缺少要查找的值");
    }
    QueryPart part = PartAt(parameter, offset);
    part.typed = std::string(value);
    part.field = &field;
    std::optional<Xapian::Query> query;
    switch (field.value) {
      case FieldValue::kName:
        query = Name(field, value, part);
        break;
      case FieldValue::kText: {
        // Text() records the part itself.
        auto q = Text(value, excluded, field.prefix, nullptr, part);
        if (!q) {
          return Fail(
              parameter, offset,
              field.label + "“" + std::string(value) + "”中没有可检索的字词");
        }
        return q;
      }
      case FieldValue::kTopic: {
        std::optional<std::string> id;
        if (context_.topics) id = context_.topics->Resolve(value);
        if (!id) {
          return Fail(parameter, offset,
                      "没有名为“" + std::string(value) +
                          "”的主题；主题可以写中文名或英文标识，如 "
                          "主题:住房与物业 或 topic:housing");
        }
        part.values = {*id};
        query = Unweighted(Term(field.prefix, *id));
        break;
      }
      case FieldValue::kPage:
        query = Page(field, value, parameter, offset, part);
        break;
      case FieldValue::kKind:
        query = Kind(field, value, parameter, offset, part);
        break;
      case FieldValue::kDate:
        query = Date(value, parameter, offset, part);
        break;
      case FieldValue::kReprintGroup: {
        // The group's id exactly: a range of one value on its slot.
        const std::string group(value);
        query = Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
                              corpus::kReprintGroupSlot, group, group);
        break;
      }
    }
    if (query && !excluded) parts_.push_back(std::move(part));
    return query;
  }

  // The name as typed when an article holds it; else (with an index) the
  // names containing it, recorded in names_, with close names offered
  // when there are none.
  // `part` receives the names the query takes.
  std::optional<Xapian::Query> Name(const corpus::FieldSpec& field,
                                    std::string_view value, QueryPart& part) {
    std::string key = context_.analyzer.NormalizeKey(value);
    Xapian::Query exact = Unweighted(Term(field.prefix, key));
    part.values = {key};
    const Xapian::Database* db = context_.db;
    if (!db || key.empty() ||
        db->get_termfreq(std::string(field.prefix) + key) > 0) {
      return exact;
    }
    std::vector<std::pair<Xapian::doccount, std::string>> containing;
    std::vector<std::pair<size_t, std::string>> close;
    std::vector<char32_t> typed = CodePoints(key);
    for (auto it = db->allterms_begin(field.prefix);
         it != db->allterms_end(field.prefix); ++it) {
      std::string name = (*it).substr(field.prefix.size());
      // A longer prefix sharing this one's start (XP, XPAGE): its values
      // start with an upper-case letter, which normalized names never do.
      if (name.empty() || (name[0] >= 'A' && name[0] <= 'Z')) continue;
      if (name.find(key) != std::string::npos) {
        containing.emplace_back(it.get_termfreq(), name);
      } else if (containing.empty()) {
        size_t shared = SharedCodePoints(typed, CodePoints(name));
        if (shared * 2 >= typed.size() && shared > 0) {
          close.emplace_back(shared, name);
        }
      }
    }
    NameResolution resolution{field.name, std::string(value), {}, {}};
    auto by_count = [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    std::vector<Xapian::Query> any;
    if (!containing.empty()) {
      std::sort(containing.begin(), containing.end(), by_count);
      if (containing.size() > kMaxNamesUsed) containing.resize(kMaxNamesUsed);
      for (const auto& [count, name] : containing) {
        resolution.used.push_back(name);
        any.push_back(Term(field.prefix, name));
      }
    } else {
      std::sort(close.begin(), close.end(), by_count);
      for (size_t i = 0; i < close.size() && i < kMaxNameSuggestions; ++i) {
        resolution.suggestions.push_back(close[i].second);
      }
    }
    if (!resolution.used.empty()) {
      part.values = resolution.used;
      part.partial_name = true;
    }
    names_.push_back(std::move(resolution));
    if (any.empty()) return exact;
    return Unweighted(Combine(Xapian::Query::OP_OR, any));
  }

  static std::vector<char32_t> CodePoints(std::string_view text) {
    std::vector<char32_t> out;
    for (size_t pos = 0; pos < text.size();)
      out.push_back(utf8::Next(text, pos));
    return out;
  }

  // How many of `typed`'s code points `name` holds (each used once).
  static size_t SharedCodePoints(const std::vector<char32_t>& typed,
                                 std::vector<char32_t> name) {
    size_t shared = 0;
    for (char32_t c : typed) {
      auto at = std::find(name.begin(), name.end(), c);
      if (at != name.end()) {
        ++shared;
        name.erase(at);
      }
    }
    return shared;
  }

  std::optional<Xapian::Query> Page(const corpus::FieldSpec& field,
                                    std::string_view value,
                                    const std::string& parameter, size_t offset,
                                    QueryPart& part) {
    std::string key = context_.analyzer.NormalizeKey(value);
    std::string_view digits = key;
    if (utf8::StartsWith(digits, "第")) digits.remove_prefix(3);
    if (utf8::EndsWith(digits, "版")) digits.remove_suffix(3);
    bool numeric = !digits.empty() && digits.size() <= 3;
    for (char c : digits) numeric = numeric && c >= '0' && c <= '9';
    int page = numeric ? std::stoi(std::string(digits)) : 0;
    if (page < 1 || page > 999) {
      return Fail(parameter, offset,
                  "版面“" + std::string(value) + "”无效：应为 1 到 999 的版次");
    }
    part.values = {std::to_string(page)};
    return Unweighted(Term(field.prefix, part.values.front()));
  }

  std::optional<Xapian::Query> Kind(const corpus::FieldSpec& field,
                                    std::string_view value,
                                    const std::string& parameter, size_t offset,
                                    QueryPart& part) {
    auto kind = corpus::KindFromAlias(context_.analyzer.NormalizeKey(value));
    if (!kind) {
      return Fail(
          parameter, offset,
          "类型“" + std::string(value) + "”无效：可选 " + KindChoices());
    }
    part.values = {std::string(corpus::KindName(*kind))};
    return Unweighted(Term(field.prefix, part.values.front()));
  }

  std::optional<Xapian::Query> Date(std::string_view value,
                                    const std::string& parameter, size_t offset,
                                    QueryPart& part) {
    corpus::Result<DateRange> parsed =
        ParseDateRange(context_.analyzer.NormalizeKey(value));
    if (!parsed) return Fail(parameter, offset, parsed.problem().message);
    const DateRange& range = *parsed;
    part.dates = range;
    if (range.single) {
      const DatePoint& p = *range.from;
      std::string day = p.FirstDay();
      switch (p.precision) {
        case DatePrecision::kDay:
          return Unweighted(Term(schema::kDay, day));
        case DatePrecision::kMonth:
          return Unweighted(Term(schema::kMonth, day.substr(0, 6)));
        case DatePrecision::kYear:
          return Unweighted(Term(schema::kYear, day.substr(0, 4)));
      }
    }
    if (range.from && range.to) {
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                           range.from->FirstDay(), range.to->LastDay());
    }
    if (range.from) {
      return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                           range.from->FirstDay());
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                         range.to->LastDay());
  }

  const QueryContext& context_;
  std::vector<Xapian::Query> boosts_;
  std::vector<Xapian::Query> near_;
  size_t near_span_ = 0;
  std::vector<std::vector<std::string>> highlights_;
  std::vector<NameResolution> names_;
  std::vector<QueryPart> parts_;
  bool has_free_text_ = false;
  bool has_phrase_ = false;
  std::optional<QueryError> error_;
};

}  // namespace

corpus::Result<BuiltQuery> BuildQuery(const ParsedQuery& parsed,
                                      const std::vector<FieldFilter>& filters,
                                      const QueryContext& context) {
  return Builder(context).Build(parsed, filters);
}

corpus::Result<BuiltQuery> BuildQuery(std::string_view text,
                                      const corpus::TextAnalyzer& analyzer,
                                      const corpus::Lexicon* lexicon,
                                      const TopicNames* topics) {
  QueryContext context{analyzer, lexicon, topics};
  return BuildQuery(ParseQuery(text), {}, context);
}

}  // namespace baoku::search
