#include "baoku/indexer/document_builder.h"

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/prominence.h"
#include "baoku/corpus/schema.h"
#include "baoku/indexer/reprints.h"

namespace baoku::indexer {
namespace schema = corpus::schema;
namespace {

class TextIndexer {
 public:
  TextIndexer(Xapian::Document& doc, const corpus::TextAnalyzer& analyzer,
              const corpus::Lexicon* lexicon)
      : doc_(doc), analyzer_(analyzer), lexicon_(lexicon) {}

  // Adds `text` as free text; title text is also added under the title
  // prefix and weighs more.
  void Add(const std::string& text, bool title) {
    if (text.empty()) return;
    auto tokens = analyzer_.Analyze(text, position_, lexicon_);
    const Xapian::termcount weight = title ? schema::kTitleWeight : 1;
    for (const auto& token : tokens) {
      Add(token, token.term, weight);
      if (title) Add(token, std::string(schema::kTitle) + token.term, 1);
    }
    position_ = corpus::TextAnalyzer::NextPosition(tokens, position_) +
                schema::kPositionGap;
  }

 private:
  // Positions only where the analyzer says a phrase needs them: they are
  // most of an index's size.
  void Add(const corpus::Token& token, const std::string& term,
           Xapian::termcount weight) {
    if (token.positional) {
      doc_.add_posting(term, token.position, weight);
    } else {
      doc_.add_term(term, weight);
    }
  }

  Xapian::Document& doc_;
  const corpus::TextAnalyzer& analyzer_;
  const corpus::Lexicon* lexicon_;
  Xapian::termpos position_ = 1;
};

void AddBoolean(Xapian::Document& doc, std::string_view prefix,
                const std::string& value) {
  if (value.empty()) return;
  doc.add_boolean_term(std::string(prefix) + value);
}

std::string JoinList(const std::vector<std::string>& entries) {
  std::string joined;
  for (const auto& entry : entries) {
    if (entry.empty()) continue;
    if (!joined.empty()) joined += schema::kListSeparator;
    joined += entry;
  }
  return joined;
}

// A field's boolean terms and facet slot, from its row in the table.
void AddField(Xapian::Document& doc, const corpus::FieldSpec& field,
              const corpus::Article& a, const corpus::TextAnalyzer& analyzer) {
  using corpus::FieldValue;
  if (!field.values) return;  // kText, kDate: written by BuildDocument.
  std::vector<std::string> values = field.values(a);
  for (const auto& value : values) {
    // Names match however they are spelled; pages, kinds and topic ids are
    // codes, matched as they are.
    AddBoolean(doc, field.prefix,
               field.value == FieldValue::kName ? analyzer.NormalizeKey(value)
                                                : value);
  }
  if (!field.facet_slot) return;
  if (field.value == FieldValue::kPage) {
    // Sortable, so that facets list pages in order.
    if (!values.empty()) {
      doc.add_value(*field.facet_slot, Xapian::sortable_serialise(a.page));
    }
    return;
  }
  std::string joined = JoinList(values);
  if (!joined.empty()) doc.add_value(*field.facet_slot, joined);
}

std::string JoinNames(const corpus::Article& a) {
  std::string names;
  for (const auto* list : {&a.reporters, &a.photographers, &a.correspondents}) {
    for (const auto& name : *list) names += name + " ";
  }
  return names;
}

}  // namespace

std::string PageKey(const corpus::Article& a) {
  char page[8];
  std::snprintf(page, sizeof page, "%02d", a.page);
  return a.paper_code + "-" + a.date.ToCompact() + "-" + page;
}

void ForEachIndexedText(
    const corpus::Article& a,
    const std::function<void(const std::string& text, bool title)>& text) {
  for (const auto* line : {&a.column, &a.kicker, &a.headline, &a.subtitle}) {
    text(*line, /*title=*/true);
  }
  text(JoinNames(a), /*title=*/false);
  for (const auto& paragraph : a.paragraphs) text(paragraph, false);
}

Xapian::Document BuildDocument(const corpus::Article& a,
                               const corpus::TextAnalyzer& analyzer,
                               const corpus::Lexicon* lexicon,
                               const corpus::FieldTable& fields) {
  Xapian::Document doc;
  TextIndexer text(doc, analyzer, lexicon);
  ForEachIndexedText(
      a, [&](const std::string& t, bool title) { text.Add(t, title); });

  std::string day = a.date.ToCompact();
  AddBoolean(doc, schema::kId, a.id);
  AddBoolean(doc, schema::kPageKey, PageKey(a));
  AddBoolean(doc, schema::kDay, day);
  AddBoolean(doc, schema::kMonth, day.substr(0, 6));
  AddBoolean(doc, schema::kYear, day.substr(0, 4));
  for (const auto& field : fields.fields()) AddField(doc, field, a, analyzer);

  doc.add_value(schema::kDateSlot, day);
  doc.add_value(schema::kPageSlot, Xapian::sortable_serialise(a.page));
  doc.add_value(schema::kOrdinalSlot, Xapian::sortable_serialise(a.ordinal));
  char order[64];
  std::snprintf(order, sizeof order, "%s%03d%03d", day.c_str(), a.page,
                a.ordinal);
  doc.add_value(schema::kPrintOrderSlot, order + a.paper_code);
  std::snprintf(order, sizeof order, "%s%03d%03d", day.c_str(), 999 - a.page,
                999 - a.ordinal);
  doc.add_value(schema::kNewestOrderSlot, order + a.paper_code);
  // Read by the search's prominence prior (a ValueWeightPostingSource).
  doc.add_value(schema::kProminenceScoreSlot,
                Xapian::sortable_serialise(corpus::ProminenceScore(a)));
  doc.set_data(corpus::ArticleToJson(a).dump());
  AddReprintSignature(a, doc);
  return doc;
}

}  // namespace baoku::indexer
