#include "baoku/search/match_reasons.h"

#include <algorithm>
#include <utility>

#include "baoku/corpus/fields.h"
#include "baoku/corpus/folding.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/snippet.h"
#include "phrase_matches.h"

namespace baoku::search {
namespace utf8 = corpus::utf8;
using corpus::FieldValue;

namespace {

// Names longer than this are not searched for the part a partial name
// matched (the search is quadratic in the name's length).
constexpr size_t kMaxNameChars = 32;

// The names and labels of the forms, in the order of MatchForm.
struct FormNames {
  MatchForm form;
  std::string_view name;
  std::string_view label;
};
constexpr FormNames kForms[] = {
    {MatchForm::kExact, "exact", "原文"},
    {MatchForm::kVariant, "variant", "繁简转换"},
    {MatchForm::kWidth, "width", "全角半角"},
    {MatchForm::kCase, "case", "大小写"},
    {MatchForm::kCompatibility, "compatibility", "兼容字符"},
    {MatchForm::kPartialName, "partial_name", "部分姓名"},
    {MatchForm::kAlias, "alias", "同义写法"},
    {MatchForm::kDateRange, "date_range", "日期范围"},
};
static_assert(kForms[static_cast<size_t>(MatchForm::kDateRange)].form ==
              MatchForm::kDateRange);

std::vector<MatchForm> FormsOf(const corpus::Foldings& f) {
  std::vector<MatchForm> forms;
  if (f.variant) forms.push_back(MatchForm::kVariant);
  if (f.width) forms.push_back(MatchForm::kWidth);
  if (f.letter_case) forms.push_back(MatchForm::kCase);
  if (f.compatibility) forms.push_back(MatchForm::kCompatibility);
  if (forms.empty()) forms.push_back(MatchForm::kExact);
  return forms;
}

class Explainer {
 public:
  Explainer(const corpus::Article& article,
            const corpus::TextAnalyzer& analyzer, const TopicNames& topics)
      : a_(article), analyzer_(analyzer), topics_(topics) {}

  void Explain(const QueryPart& part) {
    part_ = &part;
    first_of_part_ = reasons_.size();
    if (!part.field) return FreeText(/*title_only=*/false);
    switch (part.field->value) {
      case FieldValue::kText:
        return FreeText(/*title_only=*/true);
      case FieldValue::kName:
        return Names();
      case FieldValue::kTopic:
        for (const auto& topic : a_.topics) {
          if (Holds(part.values, topic.id)) {
            AddValue(topics_.Label(topic.id));
          }
        }
        return;
      case FieldValue::kPage:
        if (Holds(part.values, std::to_string(a_.page))) {
          AddValue(std::to_string(a_.page));
        }
        return;
      case FieldValue::kKind:
        if (Holds(part.values, std::string(corpus::KindName(a_.kind)))) {
          AddValue(std::string(corpus::KindLabel(a_.kind)));
        }
        return;
      case FieldValue::kDate:
        return Dates();
      case FieldValue::kReprintGroup:
        // The group id is matched on its slot, not held by the article:
        // a hit of this part is in the group as typed.
        return AddValue(std::string(Typed()));
    }
  }

  std::vector<MatchReason> Take() { return std::move(reasons_); }

 private:
  static bool Holds(const std::vector<std::string>& values,
                    const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
  }

  std::string_view Typed() const { return utf8::Trim(part_->typed); }

  // One occurrence: counted with an earlier one printed the same in the
  // same place, or a new reason while the place has fewer than
  // kMaxSpellingsPerPlace.
  void Add(std::string_view where, std::string where_label, std::string printed,
           std::vector<MatchForm> forms) {
    size_t in_place = 0;
    for (size_t i = first_of_part_; i < reasons_.size(); ++i) {
      MatchReason& r = reasons_[i];
      if (r.where != where) continue;
      if (r.printed == printed) {
        ++r.count;
        return;
      }
      ++in_place;
    }
    if (in_place >= kMaxSpellingsPerPlace) return;
    MatchReason r;
    r.part =
        part_->field ? part_->field->label + ":" + part_->typed : part_->typed;
    r.parameter = part_->parameter;
    r.offset = part_->offset;
    r.where = std::string(where);
    r.where_label = std::move(where_label);
    r.printed = std::move(printed);
    r.forms = std::move(forms);
    reasons_.push_back(std::move(r));
  }

  // A field's value the article holds, compared with the value typed: the
  // same after normalization, or another name of it.
  void AddValue(std::string printed) {
    std::vector<MatchForm> forms{MatchForm::kAlias};
    if (analyzer_.NormalizeKey(Typed()) == analyzer_.NormalizeKey(printed)) {
      forms = FormsOf(corpus::FoldingsBetween(Typed(), printed));
    }
    Add(part_->field->name, part_->field->label, std::move(printed),
        std::move(forms));
  }

  // The folds between the typed words and the printed ones: token by
  // token (characters and words, the positions of a phrase), so that
  // spaces and punctuation between them count for nothing.
  corpus::Foldings TextFoldings(std::string_view printed) const {
    auto positional = [&](std::string_view text) {
      std::vector<corpus::Token> tokens;
      for (auto& t : analyzer_.Analyze(text)) {
        if (t.positional) tokens.push_back(std::move(t));
      }
      return tokens;
    };
    std::string_view typed = part_->typed;
    auto a = positional(typed), b = positional(printed);
    bool aligned = a.size() == b.size();
    for (size_t i = 0; aligned && i < a.size(); ++i) {
      aligned = a[i].term == b[i].term;
    }
    if (!aligned) return corpus::FoldingsBetween(Typed(), printed);
    corpus::Foldings f;
    for (size_t i = 0; i < a.size(); ++i) {
      f |= corpus::FoldingsBetween(
          typed.substr(a[i].begin, a[i].end - a[i].begin),
          printed.substr(b[i].begin, b[i].end - b[i].begin));
    }
    return f;
  }

  void Scan(std::string_view text, std::string_view where,
            const std::string& where_label) {
    if (text.empty()) return;
    for (const auto& m :
         internal::FindPhraseMatches(text, {part_->terms}, analyzer_)) {
      std::string_view printed = text.substr(m.begin, m.end - m.begin);
      Add(where, where_label, std::string(printed),
          FormsOf(TextFoldings(printed)));
    }
  }

  static const std::string& Label(std::string_view field) {
    return corpus::FieldTable::Standard().Find(field)->label;
  }

  // Where free text is indexed (indexer/document_builder.cc): the title
  // block (the column banner among it), the byline's names, the text.
  void FreeText(bool title_only) {
    Scan(a_.column, "column", Label("column"));
    for (const auto* line : {&a_.kicker, &a_.headline, &a_.subtitle}) {
      Scan(*line, "title", Label("title"));
    }
    if (title_only) return;
    const std::pair<std::string_view, const std::vector<std::string>*> names[] =
        {{"reporter", &a_.reporters},
         {"photographer", &a_.photographers},
         {"correspondent", &a_.correspondents}};
    for (const auto& [field, list] : names) {
      for (const auto& name : *list) Scan(name, field, Label(field));
    }
    size_t budget = kMaxMarkedBytes;
    for (const auto& paragraph : a_.paragraphs) {
      if (budget == 0) break;
      std::string_view read = internal::ScannedPrefix(paragraph, budget);
      Scan(read, "body", "正文");
      budget -= std::min(budget, paragraph.size());
    }
  }

  // The span of `name` whose normalized form is `key`, or empty.
  std::string_view HeldSpan(std::string_view name,
                            const std::string& key) const {
    if (utf8::LongerThan(name, kMaxNameChars)) return {};
    for (size_t begin = 0; begin < name.size();) {
      for (size_t end = begin; end < name.size();) {
        utf8::Next(name, end);
        std::string_view span = name.substr(begin, end - begin);
        if (analyzer_.NormalizeKey(span) == key) return span;
      }
      utf8::Next(name, begin);
    }
    return {};
  }

  void Names() {
    const corpus::FieldSpec& field = *part_->field;
    if (!field.values) return;
    std::string key = analyzer_.NormalizeKey(Typed());
    for (const auto& value : field.values(a_)) {
      if (value.empty()) continue;
      if (!Holds(part_->values, analyzer_.NormalizeKey(value))) continue;
      std::vector<MatchForm> forms;
      if (part_->partial_name) {
        forms.push_back(MatchForm::kPartialName);
        std::string_view held = HeldSpan(value, key);
        if (!held.empty()) {
          for (MatchForm form :
               FormsOf(corpus::FoldingsBetween(Typed(), held))) {
            if (form != MatchForm::kExact) forms.push_back(form);
          }
        }
      } else {
        forms = FormsOf(corpus::FoldingsBetween(Typed(), value));
      }
      Add(field.name, field.label, value, std::move(forms));
    }
  }

  void Dates() {
    if (!part_->dates) return;
    const DateRange& range = *part_->dates;
    std::string day = a_.date.ToCompact();
    const std::optional<DatePoint>& last = range.single ? range.from : range.to;
    if (range.from && day < range.from->FirstDay()) return;
    if (last && day > last->LastDay()) return;
    if (range.single && range.from->precision == DatePrecision::kDay) {
      AddValue(a_.date.ToIso());
      return;
    }
    Add(part_->field->name, part_->field->label, a_.date.ToIso(),
        {MatchForm::kDateRange});
  }

  const corpus::Article& a_;
  const corpus::TextAnalyzer& analyzer_;
  const TopicNames& topics_;
  const QueryPart* part_ = nullptr;
  size_t first_of_part_ = 0;
  std::vector<MatchReason> reasons_;
};

}  // namespace

std::string_view MatchFormName(MatchForm form) {
  return kForms[static_cast<size_t>(form)].name;
}

std::string_view MatchFormLabel(MatchForm form) {
  return kForms[static_cast<size_t>(form)].label;
}

std::vector<MatchReason> ExplainMatch(const corpus::Article& article,
                                      const std::vector<QueryPart>& parts,
                                      const corpus::TextAnalyzer& analyzer,
                                      const TopicNames& topics) {
  Explainer explainer(article, analyzer, topics);
  for (const auto& part : parts) explainer.Explain(part);
  return explainer.Take();
}

}  // namespace baoku::search
