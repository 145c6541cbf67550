#include "baoku/corpus/topic_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <unordered_map>

namespace baoku::corpus {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

// The non-empty pieces of `s` between spaces.
std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t space = s.find(' ', pos);
    if (space == std::string_view::npos) space = s.size();
    if (space > pos) out.push_back(s.substr(pos, space - pos));
    pos = space + 1;
  }
  return out;
}

bool ParseDouble(std::string_view s, double& out) {
  // std::from_chars for double: exact and locale-free.
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

std::string Join(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

}  // namespace

std::optional<TopicModel> TopicModel::Parse(std::string_view text,
                                            const std::string& name,
                                            std::vector<Diagnostic>& errors) {
  size_t errors_before = errors.size();
  auto error = [&](int line, const std::string& message) {
    errors.push_back({name, line, message});
  };
  TopicModel model;
  std::vector<std::string> declared;  // The "taxonomy" line.
  bool seen_format = false, seen_features = false, seen_rule = false;
  int version = kFormatVersion;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size() && errors.size() - errors_before < 10) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line[0] == '#') {
      std::string_view c = line.substr(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      model.comments_.emplace_back(c);
      continue;
    }
    auto fields = SplitTabs(line);
    if (!seen_format) {
      if (fields.size() != 2 || fields[0] != "baoku-topic-weights") {
        error(line_no,
              "not a baoku topic weights file (expected "
              "\"baoku-topic-weights<TAB>" +
                  std::to_string(kFormatVersion) + "\" first)");
        return std::nullopt;
      }
      if (fields[1] == "1") {
        version = 1;
      } else if (fields[1] != std::to_string(kFormatVersion)) {
        error(line_no, "format version " + std::string(fields[1]) +
                           ", this baoku reads versions 1 to " +
                           std::to_string(kFormatVersion));
        return std::nullopt;
      }
      seen_format = true;
      continue;
    }
    if (fields[0] == "features") {
      if (fields.size() != 2 || fields[1] != kTopicFeatureSettings) {
        error(line_no, "fitted on features '" +
                           std::string(fields.size() > 1 ? fields[1] : "") +
                           "', this baoku computes '" +
                           std::string(kTopicFeatureSettings) +
                           "': fit it again");
      }
      seen_features = true;
    } else if (fields[0] == "taxonomy") {
      if (fields.size() > 1) {
        for (auto id : SplitSpaces(fields[1])) declared.emplace_back(id);
      }
    } else if (fields[0] == "rule" && version >= 2) {
      double ratio = 0, most = 0;
      if (seen_rule || fields.size() != 3 || !ParseDouble(fields[1], ratio) ||
          ratio < 0 || ratio > 1 || !ParseDouble(fields[2], most) ||
          most != std::floor(most) || most < 1 ||
          most > static_cast<double>(kMostTopics)) {
        error(line_no,
              "expected one rule<TAB>ratio to the best (0..1)<TAB>most "
              "topics (1.." +
                  std::to_string(kMostTopics) + ")");
        continue;
      }
      model.rule_ = {ratio, static_cast<size_t>(most)};
      seen_rule = true;
    } else if (fields[0] == "topic") {
      TopicModelTopic t;
      if (fields.size() != 5 || !ParseDouble(fields[2], t.bias) ||
          !ParseDouble(fields[3], t.seed) ||
          !ParseDouble(fields[4], t.threshold) || t.threshold < 0 ||
          t.threshold > 1) {
        error(line_no,
              "expected topic<TAB>id<TAB>bias<TAB>seed<TAB>threshold (0..1)");
        continue;
      }
      t.id = fields[1];
      model.topics_.push_back(std::move(t));
    } else {
      if (fields.size() != 2 || fields[0].empty()) {
        error(line_no, "expected token<TAB>topic:weight ...");
        continue;
      }
      std::string token(fields[0]);
      if (model.weights_.count(token)) {
        error(line_no, "token '" + token + "' listed twice");
        continue;
      }
      for (std::string_view item : SplitSpaces(fields[1])) {
        size_t colon = item.find(':');
        unsigned topic = 0;
        double weight = 0;
        auto [end_ptr, ec] = std::from_chars(
            item.data(), item.data() + std::min(colon, item.size()), topic);
        if (colon == std::string_view::npos || ec != std::errc() ||
            end_ptr != item.data() + colon ||
            !ParseDouble(item.substr(colon + 1), weight) ||
            topic >= model.topics_.size()) {
          error(line_no, "token '" + token + "': bad weight '" +
                             std::string(item) + "' (topic index:weight)");
          break;
        }
        model.AddWeight(token, topic, static_cast<float>(weight));
      }
    }
  }
  if (!seen_format) error(0, "empty weights file");
  if (seen_format && !seen_features) error(0, "no \"features\" line");
  if (seen_format && version >= 2 && !seen_rule) {
    error(0, "no \"rule\" line (format version 2)");
  }
  if (model.topics_.empty() && seen_format) error(0, "no \"topic\" lines");
  std::vector<std::string> listed;
  for (const auto& t : model.topics_) listed.push_back(t.id);
  if (listed != declared) {
    error(0, "the \"taxonomy\" line (" + Join(declared) +
                 ") does not match the \"topic\" lines (" + Join(listed) + ")");
  }
  if (errors.size() > errors_before) return std::nullopt;
  model.BuildIndex();
  return model;
}

std::string TopicModel::ToText() const {
  std::string out;
  for (const auto& c : comments_) out += "# " + c + "\n";
  out += "baoku-topic-weights\t" + std::to_string(kFormatVersion) + "\n";
  out += "features\t" + std::string(kTopicFeatureSettings) + "\n";
  std::vector<std::string> ids;
  for (const auto& t : topics_) ids.push_back(t.id);
  out += "taxonomy\t" + Join(ids) + "\n";
  out += "rule\t" + Number(rule_.ratio_to_best) + "\t" +
         std::to_string(rule_.most_topics) + "\n";
  for (const auto& t : topics_) {
    out += "topic\t" + t.id + "\t" + Number(t.bias) + "\t" + Number(t.seed) +
           "\t" + Number(t.threshold) + "\n";
  }
  std::vector<const std::string*> tokens;
  for (const auto& [token, list] : weights_) tokens.push_back(&token);
  std::sort(tokens.begin(), tokens.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  for (const auto* token : tokens) {
    out += *token + "\t";
    bool first = true;
    for (const auto& w : weights_.at(*token)) {
      out +=
          (first ? "" : " ") + std::to_string(w.topic) + ":" + Number(w.weight);
      first = false;
    }
    out += "\n";
  }
  return out;
}

std::string TopicModel::MismatchWith(
    const std::vector<std::string>& taxonomy_ids) const {
  std::vector<std::string> fitted;
  for (const auto& t : topics_) fitted.push_back(t.id);
  if (fitted == taxonomy_ids) return "";
  std::set<std::string> a(fitted.begin(), fitted.end());
  std::set<std::string> b(taxonomy_ids.begin(), taxonomy_ids.end());
  std::vector<std::string> only_taxonomy, only_weights;
  for (const auto& id : b) {
    if (!a.count(id)) only_taxonomy.push_back(id);
  }
  for (const auto& id : a) {
    if (!b.count(id)) only_weights.push_back(id);
  }
  std::string why;
  if (!only_taxonomy.empty()) {
    why += "not fitted for " + Join(only_taxonomy);
  }
  if (!only_weights.empty()) {
    why += std::string(why.empty() ? "" : "; ") + "fitted for topics the " +
           "taxonomy does not have: " + Join(only_weights);
  }
  if (why.empty()) why = "topics in another order";
  return why;
}

void TopicModel::AddWeight(const std::string& token, size_t topic,
                           float weight) {
  weights_[token].push_back({static_cast<uint16_t>(topic), weight});
  short_slots_.clear();
  short_weights_.clear();
}

namespace {

// The bytes of a token of 1..8 bytes as a number (UTF-8 has no 0 byte, so
// distinct tokens give distinct keys, never 0); 0 for longer tokens.
uint64_t ShortKey(std::string_view token) {
  if (token.empty() || token.size() > 8) return 0;
  uint64_t key = 0;
  std::memcpy(&key, token.data(), token.size());
  return key;
}

size_t SlotOf(uint64_t key, size_t mask) {
  return static_cast<size_t>((key * 0x9e3779b97f4a7c15ull) >> 20) & mask;
}

}  // namespace

void TopicModel::BuildIndex() {
  size_t size = 16;
  while (size < 2 * weights_.size()) size *= 2;
  short_slots_.assign(size, ShortSlot{});
  short_weights_.clear();
  for (const auto& [token, list] : weights_) {
    uint64_t key = ShortKey(token);
    if (key == 0) continue;
    size_t slot = SlotOf(key, size - 1);
    while (short_slots_[slot].key != 0) slot = (slot + 1) & (size - 1);
    short_slots_[slot] = {key, static_cast<uint32_t>(short_weights_.size()),
                          static_cast<uint32_t>(list.size())};
    short_weights_.insert(short_weights_.end(), list.begin(), list.end());
  }
}

std::span<const TopicWeight> TopicModel::WeightsOfShort(uint64_t key) const {
  size_t mask = short_slots_.size() - 1;
  for (size_t slot = SlotOf(key, mask); short_slots_[slot].key != 0;
       slot = (slot + 1) & mask) {
    const ShortSlot& s = short_slots_[slot];
    if (s.key == key) return {short_weights_.data() + s.begin, s.count};
  }
  return {};
}

std::span<const TopicWeight> TopicModel::WeightsOf(
    const std::string& token) const {
  uint64_t key = ShortKey(token);
  if (key != 0 && !short_slots_.empty()) return WeightsOfShort(key);
  auto it = weights_.find(token);
  if (it == weights_.end()) return {};
  return it->second;
}

std::vector<double> TopicModel::Margins(
    const std::vector<TopicFeature>& features,
    const std::vector<double>& seed_scores) const {
  std::vector<double> z = SeedMargins(seed_scores);
  for (const auto& f : features) {
    for (const auto& w : WeightsOf(f.token)) z[w.topic] += w.weight * f.value;
  }
  return z;
}

std::vector<double> TopicModel::SeedMargins(
    const std::vector<double>& seed_scores) const {
  std::vector<double> z(topics_.size());
  for (size_t t = 0; t < topics_.size(); ++t) {
    z[t] = topics_[t].bias + topics_[t].seed * std::log1p(seed_scores[t]);
  }
  return z;
}

namespace {

// The tokens of a text counted as TopicFeatures() counts them: tokens of up
// to 8 bytes by their ShortKey in an open-addressing table, longer ones
// (long ASCII words, rare) in a map.
class TokenCounts {
 public:
  struct Count {
    uint64_t key = 0;  // 0: empty slot.
    int title_hits = 0;
    int body_hits = 0;
  };

  explicit TokenCounts(const TopicText& text) {
    // At most one token per byte of text; a Han pair takes 3 or more.
    size_t size = 16;
    while (size < (text.title.size() + text.body.size()) / 2) size *= 2;
    slots_.assign(size, Count{});
    Add(text.title, true);
    Add(text.body, false);
  }

  const std::vector<Count>& slots() const { return slots_; }
  const std::unordered_map<std::string, std::pair<int, int>>& long_tokens()
      const {
    return long_tokens_;
  }
  bool empty() const { return used_ == 0 && long_tokens_.empty(); }

 private:
  void Add(std::string_view text, bool in_title) {
    ForEachTopicToken(text, [&](std::string_view token) {
      uint64_t key = ShortKey(token);
      if (key == 0) {
        auto& hits = long_tokens_[std::string(token)];
        ++(in_title ? hits.first : hits.second);
        return;
      }
      if (2 * (used_ + 1) > slots_.size()) Grow();
      Count& c = Find(key);
      if (c.key == 0) {
        c.key = key;
        ++used_;
      }
      ++(in_title ? c.title_hits : c.body_hits);
    });
  }

  Count& Find(uint64_t key) {
    size_t mask = slots_.size() - 1;
    size_t slot = SlotOf(key, mask);
    while (slots_[slot].key != 0 && slots_[slot].key != key) {
      slot = (slot + 1) & mask;
    }
    return slots_[slot];
  }

  void Grow() {
    std::vector<Count> old = std::move(slots_);
    slots_.assign(old.size() * 2, Count{});
    for (const Count& c : old) {
      if (c.key != 0) Find(c.key) = c;
    }
  }

  std::vector<Count> slots_;
  size_t used_ = 0;
  std::unordered_map<std::string, std::pair<int, int>> long_tokens_;
};

}  // namespace

std::vector<double> TopicModel::Margins(const TopicText& text,
                                        const std::vector<double>& seed_scores,
                                        bool& any_token) const {
  std::vector<double> z = SeedMargins(seed_scores);
  TokenCounts counts(text);
  any_token = !counts.empty();
  if (!any_token) return z;
  double norm = 0;
  for (const auto& c : counts.slots()) {
    if (c.key == 0) continue;
    double v = TopicTokenValue(c.title_hits, c.body_hits);
    norm += v * v;
  }
  for (const auto& [token, hits] : counts.long_tokens()) {
    double v = TopicTokenValue(hits.first, hits.second);
    norm += v * v;
  }
  norm = std::sqrt(norm);
  // The weights are looked up only now, for distinct tokens.
  auto add = [&](std::span<const TopicWeight> weights, double v) {
    double value = v / norm;
    for (const auto& w : weights) z[w.topic] += w.weight * value;
  };
  if (!short_slots_.empty()) {
    // The lookups miss the cache (the table is megabytes): the slots are
    // prefetched a few tokens ahead, then the weights of each token found
    // are prefetched before any is added.
    std::vector<const TokenCounts::Count*> present;
    for (const auto& c : counts.slots()) {
      if (c.key != 0) present.push_back(&c);
    }
    size_t mask = short_slots_.size() - 1;
    constexpr size_t kAhead = 8;
    auto prefetch_slot = [&](size_t i) {
      if (i < present.size()) {
        __builtin_prefetch(&short_slots_[SlotOf(present[i]->key, mask)]);
      }
    };
    for (size_t i = 0; i < kAhead; ++i) prefetch_slot(i);
    std::vector<std::span<const TopicWeight>> found(present.size());
    for (size_t i = 0; i < present.size(); ++i) {
      prefetch_slot(i + kAhead);
      found[i] = WeightsOfShort(present[i]->key);
      if (!found[i].empty()) __builtin_prefetch(found[i].data());
    }
    for (size_t i = 0; i < present.size(); ++i) {
      if (found[i].empty()) continue;
      add(found[i],
          TopicTokenValue(present[i]->title_hits, present[i]->body_hits));
    }
  } else {
    // Not indexed (the trainer's models before BuildIndex()): by string.
    for (const auto& c : counts.slots()) {
      if (c.key == 0) continue;
      std::string token(reinterpret_cast<const char*>(&c.key),
                        strnlen(reinterpret_cast<const char*>(&c.key), 8));
      add(WeightsOf(token), TopicTokenValue(c.title_hits, c.body_hits));
    }
  }
  for (const auto& [token, hits] : counts.long_tokens()) {
    add(WeightsOf(token), TopicTokenValue(hits.first, hits.second));
  }
  return z;
}

double TopicModel::Probability(double margin) {
  return 1 / (1 + std::exp(-margin));
}

}  // namespace baoku::corpus
