#include "baoku/corpus/fields.h"

#include <cctype>
#include <stdexcept>
#include <utility>

#include "baoku/corpus/prominence.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/source.h"

namespace baoku::corpus {
namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

using Values = std::vector<std::string>;
using ValuesOf = std::function<Values(const Article&)>;

FieldSpec Row(std::string name, std::vector<std::string> aliases,
              std::string_view prefix, FieldValue value, std::string label,
              std::string example, ValuesOf values = {}) {
  FieldSpec spec;
  spec.name = std::move(name);
  spec.aliases = std::move(aliases);
  spec.prefix = std::string(prefix);
  spec.value = value;
  spec.label = std::move(label);
  spec.example = std::move(example);
  spec.values = std::move(values);
  return spec;
}

FieldSpec Row(std::string name, std::vector<std::string> aliases,
              std::string_view prefix, FieldValue value, std::string label,
              std::string example, ValuesOf values, unsigned facet_slot,
              std::string facet_key) {
  FieldSpec spec = Row(std::move(name), std::move(aliases), prefix, value,
                       std::move(label), std::move(example), std::move(values));
  spec.facet_slot = facet_slot;
  spec.facet_key = std::move(facet_key);
  return spec;
}

namespace schema = corpus::schema;

FieldTable MakeStandard() {
  using V = FieldValue;
  FieldTable t;
  // name, other names, prefix, normalizer, label, example, values[, facet].
  t.Add(Row(
      "reporter", {"记者", "作者", "記者", "author"}, schema::kReporter,
      V::kName, "记者", "张子珂", [](const Article& a) { return a.reporters; },
      schema::kReportersSlot, "reporters"));
  t.Add(Row("photographer", {"摄影", "攝影"}, schema::kPhotographer, V::kName,
            "摄影", "张子珂",
            [](const Article& a) { return a.photographers; }));
  t.Add(Row("correspondent", {"通讯员", "通訊員"}, schema::kCorrespondent,
            V::kName, "通讯员", "李明",
            [](const Article& a) { return a.correspondents; }));
  t.Add(Row(
      "column", {"栏目", "欄目"}, schema::kColumn, V::kName, "栏目",
      "学习辅导百问", [](const Article& a) { return Values{a.column}; },
      schema::kColumnSlot, "columns"));
  t.Add(Row("title", {"标题", "標題"}, schema::kTitle, V::kText, "标题",
            "维修资金"));
  t.Add(Row(
      "topic", {"主题", "主題"}, schema::kTopic, V::kTopic, "主题",
      "住房与物业",
      [](const Article& a) {
        Values ids;
        for (const auto& topic : a.topics) ids.push_back(topic.id);
        return ids;
      },
      schema::kTopicsSlot, "topics"));
  t.Add(Row(
      "page", {"版", "版面", "版次"}, schema::kPage, V::kPage, "版面", "3",
      [](const Article& a) { return Values{std::to_string(a.page)}; },
      schema::kPageSlot, "pages"));
  t.Add(Row("section", {"版面名", "版名"}, schema::kSection, V::kName, "版面名",
            "综合新闻", [](const Article& a) { return Values{a.section}; }));
  t.Add(Row(
      "kind", {"类型", "類型"}, schema::kKind, V::kKind, "类型", "news",
      [](const Article& a) { return Values{std::string(KindName(a.kind))}; },
      schema::kKindSlot, "kinds"));
  // The category of SourceCategory() (source.h), not the source as printed.
  t.Add(Row(
      "source", {"来源", "來源"}, schema::kSource, V::kName, "来源", "本报",
      [](const Article& a) { return Values{SourceCategory(a)}; },
      schema::kSourceSlot, "sources"));
  t.Add(Row("date", {"日期"}, schema::kDay, V::kDate, "日期", "2026-06-11"));
  // The paper's code ("yzrb") or its name ("云州日报").
  t.Add(Row("paper", {"报纸", "報紙"}, schema::kPaper, V::kName, "报纸", "yzrb",
            [](const Article& a) {
              return Values{a.paper_code, a.paper};
            }));
  // 头版, 头条, 有图 (prominence.h): where and how the story was printed.
  t.Add(Row(
      "prominence", {"版位"}, schema::kProminence, V::kName, "版位", "头条",
      [](const Article& a) { return ProminenceOf(a); }, schema::kProminenceSlot,
      "prominence"));
  // The other articles of a reprint group (另有 N 篇相同或相近报道); the id
  // is the group's as search results give it (Hit::reprint_group).
  t.Add(Row("group", {"同组", "reprints"}, "", V::kReprintGroup, "同组",
            "yzrb-20260611-03-02"));
  return t;
}

}  // namespace

const FieldTable& FieldTable::Standard() {
  static const FieldTable table = MakeStandard();
  return table;
}

void FieldTable::Add(FieldSpec spec) {
  bool by_slot = spec.value == FieldValue::kReprintGroup;
  if (spec.name.empty() || spec.prefix.empty() != by_slot ||
      spec.label.empty()) {
    throw std::invalid_argument(
        "field '" + spec.name +
        "' needs a name, a prefix (none when matched on a value slot) and a "
        "label");
  }
  bool computed = spec.value == FieldValue::kText ||
                  spec.value == FieldValue::kDate || by_slot;
  if (!computed && !spec.values) {
    throw std::invalid_argument("field '" + spec.name +
                                "' needs the values an article holds");
  }
  if (spec.facet_slot.has_value() == spec.facet_key.empty()) {
    throw std::invalid_argument("field '" + spec.name +
                                "': a facet needs both a slot and a key");
  }
  spec.name = AsciiLower(spec.name);
  for (auto& alias : spec.aliases) alias = AsciiLower(alias);
  if (Find(spec.name)) {
    throw std::invalid_argument("field name '" + spec.name + "' is taken");
  }
  for (const auto& alias : spec.aliases) {
    if (Find(alias) || alias == spec.name) {
      throw std::invalid_argument("field alias '" + alias + "' is taken");
    }
  }
  fields_.push_back(std::move(spec));
}

const FieldSpec* FieldTable::Find(std::string_view name) const {
  std::string lower = AsciiLower(name);
  for (const auto& field : fields_) {
    if (field.name == lower) return &field;
    for (const auto& alias : field.aliases) {
      if (alias == lower) return &field;
    }
  }
  return nullptr;
}

}  // namespace baoku::corpus
