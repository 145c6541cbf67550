#include "baoku/search/topic_names.h"

#include <nlohmann/json.hpp>

namespace baoku::search {

TopicNames TopicNames::FromTaxonomyJson(std::string_view json,
                                        const corpus::TextAnalyzer& analyzer) {
  TopicNames names;
  names.analyzer_ = &analyzer;
  auto root = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json* list = nullptr;
  if (root.is_array()) list = &root;
  if (root.is_object() && root.contains("topics") &&
      root["topics"].is_array()) {
    list = &root["topics"];
  }
  if (!list) return names;
  auto text = [](const nlohmann::json& entry, const char* key) {
    auto it = entry.find(key);
    return it != entry.end() && it->is_string() ? it->get<std::string>()
                                                : std::string();
  };
  for (const auto& entry : *list) {
    if (!entry.is_object()) continue;
    TopicName topic{text(entry, "id"), text(entry, "name"),
                    text(entry, "name_en")};
    if (topic.id.empty() || names.by_id_.count(topic.id)) continue;
    std::vector<std::string> keys = {topic.id, topic.name, topic.name_en};
    if (auto aliases = entry.find("aliases");
        aliases != entry.end() && aliases->is_array()) {
      for (const auto& alias : *aliases) {
        if (alias.is_string()) keys.push_back(alias.get<std::string>());
      }
    }
    for (const auto& key : keys) {
      if (!key.empty()) {
        names.by_key_.emplace(analyzer.NormalizeKey(key), topic.id);
      }
    }
    names.by_id_.emplace(topic.id, names.topics_.size());
    names.topics_.push_back(std::move(topic));
  }
  return names;
}

std::optional<std::string> TopicNames::Resolve(
    std::string_view name_or_id) const {
  if (!analyzer_) return std::nullopt;
  auto it = by_key_.find(analyzer_->NormalizeKey(name_or_id));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::string TopicNames::Label(std::string_view id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end() || topics_[it->second].name.empty()) {
    return std::string(id);
  }
  return topics_[it->second].name;
}

}  // namespace baoku::search
