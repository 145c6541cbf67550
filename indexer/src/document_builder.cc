#include "baoku/indexer/document_builder.h"

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/schema.h"

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

void AddSlot(Xapian::Document& doc, unsigned slot, const std::string& value) {
  if (!value.empty()) doc.add_value(slot, value);
}

std::string JoinList(const std::vector<std::string>& entries) {
  std::string joined;
  for (const auto& entry : entries) {
    if (!joined.empty()) joined += schema::kListSeparator;
    joined += entry;
  }
  return joined;
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

Xapian::Document BuildDocument(const corpus::Article& a,
                               const corpus::TextAnalyzer& analyzer,
                               const corpus::Lexicon* lexicon) {
  Xapian::Document doc;
  TextIndexer text(doc, analyzer, lexicon);
  for (const auto* line : {&a.column, &a.kicker, &a.headline, &a.subtitle}) {
    text.Add(*line, /*title=*/true);
  }
  text.Add(JoinNames(a), /*title=*/false);
  for (const auto& paragraph : a.paragraphs) text.Add(paragraph, false);

  std::string day = a.date.ToCompact();
  AddBoolean(doc, schema::kId, a.id);
  AddBoolean(doc, schema::kPageKey, PageKey(a));
  AddBoolean(doc, schema::kDay, day);
  AddBoolean(doc, schema::kMonth, day.substr(0, 6));
  AddBoolean(doc, schema::kYear, day.substr(0, 4));
  AddBoolean(doc, schema::kKind, std::string(corpus::KindName(a.kind)));
  AddBoolean(doc, schema::kPage, std::to_string(a.page));
  AddBoolean(doc, schema::kPaper, analyzer.NormalizeKey(a.paper_code));
  AddBoolean(doc, schema::kPaper, analyzer.NormalizeKey(a.paper));
  AddBoolean(doc, schema::kSection, analyzer.NormalizeKey(a.section));
  AddBoolean(doc, schema::kSource, analyzer.NormalizeKey(a.source));
  AddBoolean(doc, schema::kColumn, analyzer.NormalizeKey(a.column));
  for (const auto& name : a.reporters) {
    AddBoolean(doc, schema::kReporter, analyzer.NormalizeKey(name));
  }
  for (const auto& name : a.photographers) {
    AddBoolean(doc, schema::kPhotographer, analyzer.NormalizeKey(name));
  }
  for (const auto& name : a.correspondents) {
    AddBoolean(doc, schema::kCorrespondent, analyzer.NormalizeKey(name));
  }

  doc.add_value(schema::kDateSlot, day);
  doc.add_value(schema::kPageSlot, Xapian::sortable_serialise(a.page));
  doc.add_value(schema::kOrdinalSlot, Xapian::sortable_serialise(a.ordinal));
  AddSlot(doc, schema::kColumnSlot, a.column);
  doc.add_value(schema::kKindSlot, std::string(corpus::KindName(a.kind)));
  AddSlot(doc, schema::kReportersSlot, JoinList(a.reporters));
  std::vector<std::string> topic_ids;
  for (const auto& topic : a.topics) {
    AddBoolean(doc, schema::kTopic, topic.id);
    topic_ids.push_back(topic.id);
  }
  AddSlot(doc, schema::kTopicsSlot, JoinList(topic_ids));
  char order[64];
  std::snprintf(order, sizeof order, "%s%03d%03d", day.c_str(), a.page,
                a.ordinal);
  doc.add_value(schema::kPrintOrderSlot, order + a.paper_code);
  std::snprintf(order, sizeof order, "%s%03d%03d", day.c_str(), 999 - a.page,
                999 - a.ordinal);
  doc.add_value(schema::kNewestOrderSlot, order + a.paper_code);
  doc.set_data(corpus::ArticleToJson(a).dump());
  return doc;
}

}  // namespace baoku::indexer
