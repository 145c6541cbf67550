#include "baoku/corpus/topics.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/text_decoding.h"
#include "baoku/corpus/utf8.h"
#include "project_path.h"

namespace baoku::corpus {
namespace {

using Json = nlohmann::ordered_json;

// Taxonomies and override lists are small hand-edited files.
constexpr std::uintmax_t kMaxFileBytes = 4u << 20;
// A weights file is pruned to well under this when fitted.
constexpr std::uintmax_t kMaxWeightsBytes = 16u << 20;

int LineAt(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + byte, '\n'));
}

// The line of the last of `needles` found one after the other (each a JSON
// string as written, quotes included); 0 when one is not found (e.g. it
// was written with \u escapes).
int LineOf(std::string_view text, std::initializer_list<std::string> needles) {
  size_t pos = 0, found = 0;
  for (const auto& n : needles) {
    std::string quoted = Json(n).dump();
    found = text.find(quoted, pos);
    if (found == std::string_view::npos) return 0;
    pos = found + quoted.size();
  }
  return LineAt(text, found);
}

bool IsAsciiId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

const char* TypeName(const Json& j) { return j.type_name(); }

// Reads the "model" (inline, as stored in an index) or "weights" (a file
// relative to the taxonomy's) of `root` into `taxonomy`; false on a problem.
bool LoadModel(const Json& root, const std::string& name, Taxonomy& taxonomy,
               std::vector<Diagnostic>& errors) {
  std::string model_text, model_name;
  if (root.contains("model")) {
    if (!root["model"].is_string()) {
      errors.push_back({name, 0, "\"model\" must be a string"});
      return false;
    }
    model_text = root["model"].get<std::string>();
    model_name = name + " (model)";
  } else if (root.contains("weights")) {
    if (!root["weights"].is_string() ||
        root["weights"].get<std::string>().empty()) {
      errors.push_back({name, 0, "\"weights\" must name a file"});
      return false;
    }
    std::filesystem::path file = root["weights"].get<std::string>();
    if (file.is_relative()) {
      file = std::filesystem::path(name).parent_path() / file;
    }
    model_name = file.string();
    DecodedFile decoded = ReadTextFile(file, kMaxWeightsBytes, "topic weights");
    if (decoded.error) {
      errors.push_back({name, 0,
                        "the weights file it names, " + model_name +
                            ", cannot be read: " + decoded.error->message});
      return false;
    }
    model_text = std::move(decoded.decoded.text);
  } else {
    return true;  // Seed terms only.
  }
  auto model = TopicModel::Parse(model_text, model_name, errors);
  if (!model) return false;
  std::string mismatch = taxonomy.SetModel(std::move(*model));
  if (!mismatch.empty()) {
    errors.push_back({model_name, 0,
                      "does not match the taxonomy " + name + " (" + mismatch +
                          "); fit the weights again (docs/QUALITY.md, "
                          "Topics)"});
    return false;
  }
  return true;
}

}  // namespace

std::optional<Taxonomy> Taxonomy::LoadFile(const std::filesystem::path& path,
                                           const TextAnalyzer& analyzer,
                                           std::vector<Diagnostic>& errors) {
  if (path.empty() && DefaultTopicsPath().empty()) {
    errors.push_back({"corpus/topics.json", 0,
                      "no taxonomy given and the project's is not installed"});
    return std::nullopt;
  }
  DecodedFile file = ReadTextFile(path.empty() ? DefaultTopicsPath() : path,
                                  kMaxFileBytes, "topic taxonomy");
  if (file.error) {
    errors.push_back(*file.error);
    return std::nullopt;
  }
  return FromJson(file.decoded.text, analyzer, errors,
                  path.empty() ? DefaultTopicsPath().string() : path.string());
}

std::optional<Taxonomy> Taxonomy::FromJson(std::string_view text,
                                           const TextAnalyzer& analyzer,
                                           std::vector<Diagnostic>& errors,
                                           const std::string& name) {
  size_t errors_before = errors.size();
  auto error = [&](int line, const std::string& message) {
    errors.push_back({name, line, message});
  };
  // nlohmann keeps the last of duplicate keys silently; a term listed
  // twice with different weights is an editing mistake worth naming.
  std::vector<std::set<std::string>> keys;
  auto callback = [&](int, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) keys.emplace_back();
    if (event == Json::parse_event_t::object_end && !keys.empty()) {
      keys.pop_back();
    }
    if (event == Json::parse_event_t::key && !keys.empty()) {
      std::string key = parsed.get<std::string>();
      if (!keys.back().insert(key).second) {
        error(LineOf(text, {key, key}), "duplicate key '" + key + "'");
      }
    }
    return true;
  };
  Json root;
  try {
    root = Json::parse(text.begin(), text.end(), callback);
  } catch (const Json::parse_error& e) {
    error(LineAt(text, e.byte == 0 ? 0 : e.byte - 1),
          std::string("not valid JSON: ") + e.what());
    return std::nullopt;
  }
  if (errors.size() > errors_before) return std::nullopt;

  Taxonomy taxonomy;
  taxonomy.analyzer_ = &analyzer;
  if (root.is_object()) {
    for (const auto& [key, value] : root.items()) {
      if (key != "note" && key != "topics" && key != "weights" &&
          key != "model") {
        error(LineOf(text, {key}), "unknown key '" + key + "'");
      }
    }
  }
  const Json* list =
      root.is_object() && root.contains("topics") ? &root["topics"] : nullptr;
  if (list == nullptr || !list->is_array()) {
    error(0, "expected an object with a list \"topics\"");
    return std::nullopt;
  }
  static const std::set<std::string> kKeys = {"id",      "name",  "name_en",
                                              "aliases", "terms", "note"};
  for (const auto& item : *list) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
      error(0, "every topic needs a string \"id\"");
      continue;
    }
    Topic topic;
    topic.id = item["id"].get<std::string>();
    const std::string& id = topic.id;
    int line = LineOf(text, {id});
    if (!IsAsciiId(id)) {
      error(line, "topic id '" + id +
                      "' must be lower-case ASCII letters, digits, _ or -");
      continue;
    }
    for (const auto& [key, value] : item.items()) {
      if (!kKeys.count(key)) {
        error(LineOf(text, {id, key}),
              "topic '" + id + "': unknown key '" + key + "'");
      }
    }
    if (!item.contains("name") || !item["name"].is_string() ||
        item["name"].get<std::string>().empty()) {
      error(line, "topic '" + id + "' needs a Chinese \"name\"");
      continue;
    }
    topic.name = item["name"].get<std::string>();
    if (item.contains("name_en")) {
      if (!item["name_en"].is_string()) {
        error(line, "topic '" + id + "': \"name_en\" must be a string");
      } else {
        topic.name_en = item["name_en"].get<std::string>();
      }
    }
    if (item.contains("aliases")) {
      const Json& aliases = item["aliases"];
      if (!aliases.is_array()) {
        error(line, "topic '" + id + "': \"aliases\" must be a list");
      }
      for (const auto& a : aliases) {
        if (!a.is_string() || a.get<std::string>().empty()) {
          error(line, "topic '" + id + "': aliases must be non-empty strings");
        } else {
          topic.aliases.push_back(a.get<std::string>());
        }
      }
    }
    const Json* terms = item.contains("terms") ? &item["terms"] : nullptr;
    if (terms == nullptr || !terms->is_object() || terms->empty()) {
      error(line,
            "topic '" + id + "' needs \"terms\": an object of term → weight");
      continue;
    }
    for (const auto& [term, weight] : terms->items()) {
      int term_line = LineOf(text, {id, term});
      std::string normalized = analyzer.Normalize(term);
      if (utf8::Trim(normalized).empty()) {
        error(term_line, "topic '" + id + "': empty term");
        continue;
      }
      if (!weight.is_number() || weight.get<double>() <= 0) {
        error(term_line,
              "topic '" + id + "': term '" + term +
                  "' needs a positive number as weight, not " +
                  (weight.is_number() ? weight.dump() : TypeName(weight)));
        continue;
      }
      topic.terms.push_back({term, normalized, weight.get<double>()});
    }
    // Every way to name the topic must lead to one topic only.
    size_t index = taxonomy.topics_.size();
    std::vector<std::string> names = {topic.id, topic.name};
    if (!topic.name_en.empty()) names.push_back(topic.name_en);
    names.insert(names.end(), topic.aliases.begin(), topic.aliases.end());
    for (size_t i = 0; i < names.size(); ++i) {
      std::string key = analyzer.NormalizeKey(names[i]);
      auto [it, fresh] = taxonomy.lookup_.emplace(key, index);
      if (!fresh && it->second != index) {
        const std::string& other = taxonomy.topics_[it->second].id;
        error(i == 0 ? line : LineOf(text, {id, names[i]}),
              i == 0 ? "duplicate topic id '" + id + "'"
                     : "topic '" + id + "': name '" + names[i] +
                           "' already names topic '" + other + "'");
      }
    }
    taxonomy.topics_.push_back(std::move(topic));
  }
  if (taxonomy.topics_.empty() && errors.size() == errors_before) {
    error(0, "no topics");
  }
  if (errors.size() > errors_before) return std::nullopt;
  if (!LoadModel(root, name, taxonomy, errors)) return std::nullopt;
  return taxonomy;
}

std::string Taxonomy::SetModel(TopicModel model) {
  std::string mismatch = model.MismatchWith(TopicIds());
  if (mismatch.empty()) {
    model.BuildIndex();
    model_ = std::make_shared<const TopicModel>(std::move(model));
  }
  return mismatch;
}

std::vector<std::string> Taxonomy::TopicIds() const {
  std::vector<std::string> ids;
  for (const auto& t : topics_) ids.push_back(t.id);
  return ids;
}

std::string Taxonomy::ToJson() const {
  Json list = Json::array();
  for (const auto& t : topics_) {
    Json j{{"id", t.id}, {"name", t.name}};
    if (!t.name_en.empty()) j["name_en"] = t.name_en;
    if (!t.aliases.empty()) j["aliases"] = t.aliases;
    Json terms = Json::object();
    for (const auto& term : t.terms) terms[term.text] = term.weight;
    j["terms"] = std::move(terms);
    list.push_back(std::move(j));
  }
  Json root{{"topics", std::move(list)}};
  if (model_) root["model"] = model_->ToText();
  return root.dump();
}

const Topic* Taxonomy::Find(std::string_view name_or_id) const {
  if (analyzer_ == nullptr) return nullptr;
  auto it = lookup_.find(analyzer_->NormalizeKey(name_or_id));
  return it == lookup_.end() ? nullptr : &topics_[it->second];
}

const Topic* Taxonomy::FindById(std::string_view id) const {
  for (const auto& t : topics_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::filesystem::path DefaultTopicsPath() {
#ifdef BAOKU_TOPICS_PATH
  return ExistingOrEmpty(BAOKU_TOPICS_PATH);
#else
  return {};
#endif
}

TopicClassifier::TopicClassifier(const Taxonomy& taxonomy,
                                 const TextAnalyzer& analyzer)
    : taxonomy_(taxonomy), analyzer_(analyzer) {
  const auto& topics = taxonomy.topics();
  for (size_t t = 0; t < topics.size(); ++t) {
    for (size_t i = 0; i < topics[t].terms.size(); ++i) {
      size_t pos = 0;
      char32_t first = utf8::Next(topics[t].terms[i].normalized, pos);
      by_first_[first].push_back({t, i, term_count_++});
      if (first < kFirstBits) starts_term_[first] = true;
    }
  }
}

std::vector<std::pair<int, int>> TopicClassifier::SeedHits(
    const TopicText& text) const {
  const auto& topics = taxonomy_.topics();
  std::vector<std::pair<int, int>> hits(term_count_);
  for (bool in_title : {true, false}) {
    const std::string& normalized = in_title ? text.title : text.body;
    size_t pos = 0;
    while (pos < normalized.size()) {
      size_t at = pos;
      char32_t c = utf8::Next(normalized, pos);
      if (c < kFirstBits && !starts_term_[c]) continue;
      auto it = by_first_.find(c);
      if (it == by_first_.end()) continue;
      for (const Entry& e : it->second) {
        const std::string& term = topics[e.topic].terms[e.term].normalized;
        if (normalized.compare(at, term.size(), term) == 0) {
          auto& h = hits[e.flat];
          (in_title ? h.first : h.second)++;
        }
      }
    }
  }
  return hits;
}

double TopicClassifier::SeedContribution(const TopicTerm& term,
                                         std::pair<int, int> hits,
                                         double length_factor) const {
  double count = kTitleFactor * hits.first + hits.second;
  return term.weight * (1 + std::log(count)) / length_factor;
}

namespace {

double LengthFactor(const TopicText& text) {
  return std::sqrt(std::max(
      1.0, static_cast<double>(text.chars) / TopicClassifier::kReferenceChars));
}

}  // namespace

std::vector<TopicEvidence> TopicClassifier::SeedEvidence(
    const TopicText& text) const {
  const auto& topics = taxonomy_.topics();
  std::vector<std::pair<int, int>> hits = SeedHits(text);
  double length_factor = LengthFactor(text);
  std::vector<TopicEvidence> by_topic(topics.size());
  size_t flat = 0;
  for (size_t t = 0; t < topics.size(); ++t) {
    TopicEvidence& ev = by_topic[t];
    ev.id = topics[t].id;
    ev.name = topics[t].name;
    for (const TopicTerm& term : topics[t].terms) {
      auto h = hits[flat++];
      if (h.first == 0 && h.second == 0) continue;
      double contribution = SeedContribution(term, h, length_factor);
      ev.terms.push_back(
          {term.text, term.weight, h.first, h.second, contribution});
      ev.seed_score += contribution;
    }
    std::sort(ev.terms.begin(), ev.terms.end(),
              [](const TopicTermHit& a, const TopicTermHit& b) {
                return a.contribution > b.contribution;
              });
    ev.score = ev.seed_score;
  }
  return by_topic;
}

std::vector<double> TopicClassifier::SeedScoresOf(
    const TopicText& text, std::vector<char>& has_terms) const {
  const auto& topics = taxonomy_.topics();
  std::vector<std::pair<int, int>> hits = SeedHits(text);
  double length_factor = LengthFactor(text);
  std::vector<double> out(topics.size());
  has_terms.assign(topics.size(), false);
  size_t flat = 0;
  for (size_t t = 0; t < topics.size(); ++t) {
    for (const TopicTerm& term : topics[t].terms) {
      auto h = hits[flat++];
      if (h.first == 0 && h.second == 0) continue;
      out[t] += SeedContribution(term, h, length_factor);
      has_terms[t] = true;
    }
  }
  return out;
}

std::vector<double> TopicClassifier::SeedScores(const TopicText& text) const {
  std::vector<char> has_terms;
  return SeedScoresOf(text, has_terms);
}

namespace {

// One topic's standing for ChooseTopics().
struct Candidate {
  size_t topic = 0;
  double score = 0;
  double threshold = 0;
  bool has_terms = false;
  bool assigned = false;
};

// The shown topics, best first, and which are kept (see TopicClassifier):
// one place for Explain() and Classify().
std::vector<Candidate> ChooseTopics(const std::vector<Candidate>& all,
                                    bool any_evidence,
                                    const TopicModel* model) {
  // The best topic is shown (and kept) however weak, when there is any
  // evidence at all.
  auto best = std::max_element(
      all.begin(), all.end(),
      [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
  std::vector<Candidate> out;
  for (auto it = all.begin(); it != all.end(); ++it) {
    bool shown =
        it->has_terms || (model != nullptr &&
                          (it->score >= TopicClassifier::kMinShownProbability ||
                           (it == best && any_evidence)));
    if (shown) out.push_back(*it);
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (!any_evidence) return out;
  size_t most = TopicClassifier::kMaxTopics;
  if (model != nullptr) {
    most = model->rule().most_topics;
    for (size_t i = 1; i < out.size(); ++i) {
      out[i].threshold = std::max(out[i].threshold,
                                  model->rule().ratio_to_best * out[0].score);
    }
  }
  for (size_t i = 0; i < out.size() && i < most; ++i) {
    if (i == 0) {
      out[i].assigned = true;
    } else if (model != nullptr) {
      out[i].assigned = out[i].score >= out[i].threshold;
    } else {
      out[i].assigned =
          out[i].score >= TopicClassifier::kMinScore &&
          out[i].score >= TopicClassifier::kRelativeThreshold * out[0].score;
    }
    if (!out[i].assigned) break;
  }
  return out;
}

}  // namespace

std::vector<TopicEvidence> TopicClassifier::Evaluate(const Article& article,
                                                     bool with_tokens) const {
  TopicText text = NormalizedTopicText(article, analyzer_);
  std::vector<TopicEvidence> all = SeedEvidence(text);
  const TopicModel* model = taxonomy_.model();
  bool any_evidence =
      std::any_of(all.begin(), all.end(),
                  [](const TopicEvidence& ev) { return !ev.terms.empty(); });
  if (model != nullptr) {
    std::vector<TopicFeature> features = TopicFeatures(text);
    any_evidence = any_evidence || !features.empty();
    std::vector<double> seeds;
    for (const auto& ev : all) seeds.push_back(ev.seed_score);
    std::vector<double> margins = model->Margins(features, seeds);
    for (size_t t = 0; t < all.size(); ++t) {
      all[t].score = TopicModel::Probability(margins[t]);
      all[t].threshold = model->topics()[t].threshold;
    }
    if (with_tokens) {
      for (const auto& f : features) {
        for (const auto& w : model->WeightsOf(f.token)) {
          all[w.topic].tokens.push_back({f.token, w.weight, f.title_hits,
                                         f.body_hits, w.weight * f.value});
        }
      }
      for (auto& ev : all) {
        auto by_size = [](const TopicTermHit& a, const TopicTermHit& b) {
          return std::abs(a.contribution) > std::abs(b.contribution);
        };
        size_t keep = std::min(ev.tokens.size(), TopicEvidence::kMaxTokens);
        std::partial_sort(ev.tokens.begin(), ev.tokens.begin() + keep,
                          ev.tokens.end(), by_size);
        ev.tokens.resize(keep);
      }
    }
  }
  std::vector<Candidate> candidates;
  for (size_t t = 0; t < all.size(); ++t) {
    candidates.push_back(
        {t, all[t].score, all[t].threshold, !all[t].terms.empty()});
  }
  std::vector<TopicEvidence> out;
  for (const Candidate& c : ChooseTopics(candidates, any_evidence, model)) {
    out.push_back(std::move(all[c.topic]));
    out.back().threshold = c.threshold;
    out.back().assigned = c.assigned;
  }
  return out;
}

std::vector<TopicEvidence> TopicClassifier::Explain(
    const Article& article) const {
  return Evaluate(article, true);
}

// What Evaluate() keeps, without the evidence: no term lists, no strings
// per topic or per token (the indexer calls this for every article).
std::vector<ArticleTopic> TopicClassifier::Classify(
    const Article& article) const {
  TopicText text = NormalizedTopicText(article, analyzer_);
  std::vector<char> has_terms;
  std::vector<double> seeds = SeedScoresOf(text, has_terms);
  const TopicModel* model = taxonomy_.model();
  bool any_evidence =
      std::find(has_terms.begin(), has_terms.end(), true) != has_terms.end();
  std::vector<Candidate> candidates;
  for (size_t t = 0; t < seeds.size(); ++t) {
    candidates.push_back({t, seeds[t], 0, has_terms[t] != 0});
  }
  if (model != nullptr) {
    bool any_token = false;
    std::vector<double> margins = model->Margins(text, seeds, any_token);
    any_evidence = any_evidence || any_token;
    for (size_t t = 0; t < candidates.size(); ++t) {
      candidates[t].score = TopicModel::Probability(margins[t]);
      candidates[t].threshold = model->topics()[t].threshold;
    }
  }
  std::vector<ArticleTopic> out;
  for (const Candidate& c : ChooseTopics(candidates, any_evidence, model)) {
    if (!c.assigned) break;
    // Rounded so that the stored record (and the page fingerprint) does not
    // change with the last bits of floating point arithmetic.
    out.push_back({taxonomy_.topics()[c.topic].id,
                   std::round(c.score * 1000) / 1000, false});
  }
  return out;
}

std::vector<Diagnostic> TopicOverrides::LoadFile(
    const std::filesystem::path& path, const Taxonomy& taxonomy) {
  std::vector<Diagnostic> problems;
  DecodedFile file = ReadTextFile(path, kMaxFileBytes, "topic overrides");
  if (file.error) {
    problems.push_back(*file.error);
    return problems;
  }
  std::string_view text = file.decoded.text;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++line_no;
    std::string message = AddLine(text.substr(pos, end - pos), taxonomy);
    if (!message.empty()) problems.push_back({path.string(), line_no, message});
    pos = end + 1;
  }
  return problems;
}

std::string TopicOverrides::AddLine(std::string_view line,
                                    const Taxonomy& taxonomy) {
  if (size_t hash = line.find('#'); hash != std::string_view::npos) {
    line = line.substr(0, hash);
  }
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t start = line.find_first_not_of(" \t\r", pos);
    if (start == std::string_view::npos) break;
    size_t end = line.find_first_of(" \t\r", start);
    if (end == std::string_view::npos) end = line.size();
    words.push_back(line.substr(start, end - start));
    pos = end;
  }
  if (words.empty()) return "";
  std::string id(words[0]);
  if (id[0] == '+' || id[0] == '-') {
    return "a line starts with an article id, e.g. yzrb-20260611-03-02";
  }
  if (words.size() == 1) return "no +topic or -topic after '" + id + "'";
  Rule rule;
  for (size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w == "-*") {
      rule.remove_all = true;
      continue;
    }
    if (w.size() < 2 || (w[0] != '+' && w[0] != '-')) {
      return "'" + std::string(w) + "' is not +topic or -topic";
    }
    const Topic* topic = taxonomy.Find(w.substr(1));
    if (topic == nullptr) {
      return "unknown topic '" + std::string(w.substr(1)) + "'";
    }
    (w[0] == '+' ? rule.pin : rule.remove).push_back(topic->id);
  }
  Rule& r = rules_[id];
  r.pin.insert(r.pin.end(), rule.pin.begin(), rule.pin.end());
  r.remove.insert(r.remove.end(), rule.remove.begin(), rule.remove.end());
  r.remove_all = r.remove_all || rule.remove_all;
  return "";
}

void TopicOverrides::Apply(const std::string& article_id,
                           std::vector<ArticleTopic>& topics) const {
  auto it = rules_.find(article_id);
  if (it == rules_.end()) return;
  const Rule& rule = it->second;
  auto listed = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  std::vector<ArticleTopic> out;
  for (const auto& id : rule.pin) {
    if (std::any_of(out.begin(), out.end(),
                    [&](const ArticleTopic& t) { return t.id == id; })) {
      continue;
    }
    ArticleTopic pinned{id, 0, true};
    for (const auto& t : topics) {
      if (t.id == id) pinned.score = t.score;
    }
    out.push_back(std::move(pinned));
  }
  size_t limit = std::max(TopicClassifier::kMaxTopics, out.size());
  for (const auto& t : topics) {
    if (out.size() >= limit) break;
    if (rule.remove_all || listed(rule.pin, t.id) ||
        listed(rule.remove, t.id)) {
      continue;
    }
    out.push_back(t);
  }
  topics = std::move(out);
}

void AssignTopics(Article& article, const TopicClassifier& classifier,
                  const TopicOverrides* overrides) {
  article.topics = classifier.Classify(article);
  if (overrides != nullptr) overrides->Apply(article.id, article.topics);
}

}  // namespace baoku::corpus
