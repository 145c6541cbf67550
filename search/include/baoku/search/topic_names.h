// Topic ids and their names, as the index was built with them (the taxonomy
// JSON stored in the index metadata under schema::kTopicsMetadataKey), so
// that `主题:住房与物业` and `topic:housing` both find "housing".
//
// Value type; immutable after construction, safe to share between threads.
#ifndef BAOKU_SEARCH_TOPIC_NAMES_H_
#define BAOKU_SEARCH_TOPIC_NAMES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::search {

struct TopicName {
  std::string id;       // "housing"
  std::string name;     // "住房与物业"
  std::string name_en;  // "Housing"; may be empty.
};

class TopicNames {
 public:
  TopicNames() = default;
  // Reads the taxonomy JSON ({"topics": [{"id", "name", "name_en",
  // "aliases"}]}); entries it cannot read are skipped, an unreadable text
  // gives no topics (the index then has none to filter by either).
  static TopicNames FromTaxonomyJson(std::string_view json,
                                     const corpus::TextAnalyzer& analyzer);

  // The id for an id, a name, an English name or an alias, in any case,
  // simplified or traditional, full- or half-width.
  std::optional<std::string> Resolve(std::string_view name_or_id) const;
  // The Chinese name of `id`, or `id` itself when unknown.
  std::string Label(std::string_view id) const;

  const std::vector<TopicName>& all() const { return topics_; }

 private:
  std::vector<TopicName> topics_;
  std::map<std::string, std::string, std::less<>> by_key_;  // key → id
  std::map<std::string, size_t, std::less<>> by_id_;
  const corpus::TextAnalyzer* analyzer_ = nullptr;
};

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_TOPIC_NAMES_H_
