#include "baoku/corpus/fields.h"

#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>

#include "baoku/corpus/schema.h"

namespace baoku::corpus {
namespace {

TEST_CASE("The standard table finds fields by any of their names", "[fields]") {
  const FieldTable& table = FieldTable::Standard();
  struct Case {
    const char* name;
    const char* field;
  };
  const Case cases[] = {
      {"记者", "reporter"},
      {"記者", "reporter"},
      {"REPORTER", "reporter"},
      {"作者", "reporter"},
      {"通讯员", "correspondent"},
      {"通訊員", "correspondent"},
      {"版面名", "section"},
      {"section", "section"},
      {"版", "page"},
      {"日期", "date"},
      {"報紙", "paper"},
      {"標題", "title"},
      {"同组", "group"},
      {"REPRINTS", "group"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const FieldSpec* field = table.Find(c.name);
    REQUIRE(field);
    CHECK(field->name == c.field);
  }
  CHECK_FALSE(table.Find("正文"));
  CHECK_FALSE(table.Find(""));
}

TEST_CASE("Every standard field is complete and its prefix its own",
          "[fields]") {
  std::set<std::string> prefixes, facet_keys;
  for (const auto& field : FieldTable::Standard().fields()) {
    INFO(field.name);
    CHECK(!field.label.empty());
    CHECK(!field.example.empty());
    CHECK(prefixes.insert(field.prefix).second);
    if (field.facet_slot) CHECK(facet_keys.insert(field.facet_key).second);
  }
  // The terms that were written without a field before.
  CHECK(prefixes.count(std::string(schema::kSection)));
  CHECK(prefixes.count(std::string(schema::kCorrespondent)));
}

TEST_CASE("A table refuses a name or alias that is taken", "[fields]") {
  FieldTable table;
  FieldSpec spec;
  spec.name = "desk";
  spec.aliases = {"编辑部"};
  spec.prefix = "XDESK";
  spec.label = "编辑部";
  spec.values = [](const Article& a) {
    return std::vector<std::string>{a.section};
  };
  table.Add(spec);
  CHECK_THROWS_AS(table.Add(spec), std::invalid_argument);
  FieldSpec other = spec;
  other.name = "desk2";  // The alias is still taken.
  CHECK_THROWS_AS(table.Add(other), std::invalid_argument);
  FieldSpec no_values = spec;
  no_values.name = "desk3";
  no_values.aliases.clear();
  no_values.values = nullptr;
  CHECK_THROWS_AS(table.Add(no_values), std::invalid_argument);
  // A field matched on a value slot has no prefix, and every other one has.
  FieldSpec by_slot = no_values;
  by_slot.value = FieldValue::kReprintGroup;
  CHECK_THROWS_AS(table.Add(by_slot), std::invalid_argument);
  by_slot.prefix.clear();
  table.Add(by_slot);
  FieldSpec no_prefix = spec;
  no_prefix.name = "desk4";
  no_prefix.aliases.clear();
  no_prefix.prefix.clear();
  CHECK_THROWS_AS(table.Add(no_prefix), std::invalid_argument);
  CHECK(table.fields().size() == 2);
}

TEST_CASE("One list of kinds serves names, labels and aliases", "[fields]") {
  for (const auto& info : KindInfos()) {
    INFO(info.name);
    CHECK(KindFromName(info.name) == info.kind);
    CHECK(KindFromAlias(info.label) == info.kind);
    CHECK(KindName(info.kind) == info.name);
    CHECK(KindLabel(info.kind) == info.label);
    for (auto alias : info.aliases) CHECK(KindFromAlias(alias) == info.kind);
  }
  CHECK_FALSE(KindFromAlias("小说"));
}

}  // namespace
}  // namespace baoku::corpus
