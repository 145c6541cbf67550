// baoku-topic-train: fits the topic model (corpus/topic_weights.tsv, see
// baoku/corpus/topic_model.h) on labelled articles and reports its quality
// on articles it was not fitted on.
//
// Training data, read at run time (nothing of the public corpora is copied
// into the project; only the fitted weights are written):
//  - the gold topics of the sample archive (corpus/samples/*/*.gold.json),
//    with the editor's overrides (--overrides) applied to them;
//  - corpus/topic_gold.ndjson (--gold): articles written for fitting only
//    (never served, never scored), in the archive's style, with the topics
//    an editor would give them, mostly for the themes no public corpus
//    labels (urban, community, governance, people, elderly);
//  - ../shared/corpora: sina_news_2018 (full articles), tnews (headlines)
//    and sogou_smarty (by channel), their labels mapped onto the taxonomy
//    by kMappings below; labels without a counterpart are left out.
//
// Held out, never fitted on: the public articles whose FNV-1a hash of the
// id is 0 mod 5 (20% of each corpus). The samples are too few to spare 20%:
// their figure is 5-fold cross-validated (folds by the same hash), fitting
// the public training part, the written gold articles and four folds and
// scoring the fifth. The committed weights are fitted on all training data.
//
// Thresholds and the assignment rule: the training part is split again
// into 5 parts (another hash); each part is scored by the model fitted on
// the other four, each topic's threshold is the one with the best F1 on
// these scores, and the rule (ratio to the best topic's P, at most 2 or 3
// topics) the one with the best F1 on the archive's articles among them.
// The model is then fitted again on all of the training part and keeps
// these thresholds and this rule.
//
// Usage: baoku-topic-train [--out corpus/topic_weights.tsv] [--dump FILE]
//        [--no-cv] ...
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <set>
#include <unordered_map>

#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/topics.h"
#include "corpus/gold.h"
#include "test_support.h"
#include "title_text_article.h"

namespace {

namespace corpus = baoku::corpus;
namespace fs = std::filesystem;
using Json = nlohmann::json;

// Public corpus label → taxonomy topic id (docs/QUALITY.md explains the
// choices). Labels not listed (sina fashion; tnews story, military, world,
// game; sogou news and small channels) have no counterpart among the themes
// of a city daily and are left out of fitting and scoring.
const std::map<std::string, std::map<std::string, std::string>> kMappings = {
    {"sina_news_2018",
     {{"sports", "sports"},
      {"tech", "tech"},
      {"education", "education"},
      {"health", "health"},
      {"entertainment", "culture"}}},
    {"tnews",
     {{"news_culture", "culture"},
      {"news_entertainment", "culture"},
      {"news_travel", "culture"},
      {"news_sports", "sports"},
      {"news_finance", "economy"},
      {"news_stock", "finance"},
      {"news_house", "housing"},
      {"news_car", "transport"},
      {"news_edu", "education"},
      {"news_tech", "tech"},
      {"news_agriculture", "agriculture"}}},
    {"sogou_smarty", {{"gongyi", "community"}, {"biz", "economy"}}},
};

uint64_t Fnv1a(std::string_view s, uint64_t salt = 0) {
  uint64_t h = 1469598103934665603ull ^ salt;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

struct Item {
  std::string id;
  // "samples", "gold" (corpus/topic_gold.ndjson) or the public corpus.
  std::string source;
  std::set<size_t> labels;
  corpus::Article article;
  // Filled by Featurize().
  std::vector<std::pair<uint32_t, float>> x;  // Vocabulary index, value.
  std::vector<double> seeds;
  std::vector<corpus::TopicFeature> features;
  // The topics the label speaks for: all for an archive article; for a
  // public one only those its corpus's labels map to (a sina sports story
  // may also be about a city's governance; its label cannot say, so it is
  // no evidence against that topic either way).
  std::vector<bool> known;
  std::vector<uint16_t> known_topics;  // The indexes where `known` is true.
  bool held_out = false;               // Public: the 20% never fitted on.
  int fold = 0;                        // Samples: cross-validation fold.

  // An article of the archive (a sample or a written gold article): its
  // label speaks for every topic, and it weighs Settings::sample_weight.
  bool FromArchive() const { return source == "samples" || source == "gold"; }
};

// The index of topic `id` in `ids`; an unknown id is an error naming `where`.
size_t TopicIndex(const std::vector<std::string>& ids, const std::string& id,
                  const std::string& where) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) {
    throw std::runtime_error(where + ": unknown topic '" + id + "'");
  }
  return static_cast<size_t>(it - ids.begin());
}

void ForEachJsonLine(const fs::path& file,
                     const std::function<void(const Json&, size_t)>& f) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    auto j = Json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      throw std::runtime_error(file.string() + ":" + std::to_string(n + 1) +
                               ": not JSON");
    }
    f(j, n++);
  }
}

// The public corpora, labels mapped; `limit` per corpus (0: all).
void LoadPublic(const fs::path& dir, const corpus::Taxonomy& taxonomy,
                size_t limit, std::vector<Item>& items) {
  const std::vector<std::string> ids = taxonomy.TopicIds();
  auto topic_index = [&](const std::string& id) {
    return TopicIndex(ids, id, "kMappings of " + dir.string());
  };
  auto add = [&](const std::string& source, const std::string& id,
                 const std::string& label, const std::string& title,
                 const std::string& text, size_t& count) {
    const auto& mapping = kMappings.at(source);
    auto m = mapping.find(label);
    if (m == mapping.end() || (limit && count >= limit)) return;
    ++count;
    Item item;
    item.id = source + ":" + id;
    item.source = source;
    item.labels = {topic_index(m->second)};
    item.known.assign(taxonomy.topics().size(), false);
    for (const auto& [l, id] : mapping) item.known[topic_index(id)] = true;
    item.article = baoku::bench::TitleTextArticle(title, text);
    item.article.id = item.id;
    item.held_out = Fnv1a(item.id) % 5 == 0;
    items.push_back(std::move(item));
  };
  size_t count = 0;
  ForEachJsonLine(dir / "sina_news_2018" / "articles.jsonl",
                  [&](const Json& r, size_t) {
                    if (!r.value("duplicate_of", Json()).is_null()) return;
                    add("sina_news_2018", r.at("id"), r.at("category"),
                        r.at("title"), r.at("text"), count);
                  });
  count = 0;
  for (const char* name : {"dev.json", "test.json"}) {
    ForEachJsonLine(dir / "tnews" / name, [&](const Json& r, size_t n) {
      add("tnews", std::string(name) + ":" + std::to_string(n),
          r.at("label_desc"), r.at("sentence"), "", count);
    });
  }
  count = 0;
  ForEachJsonLine(dir / "sogou_smarty" / "sogou_smarty.jsonl",
                  [&](const Json& r, size_t) {
                    add("sogou_smarty", r.at("docno"), r.at("channel"),
                        r.at("title"), r.at("text"), count);
                  });
}

// The sample archive's articles with their gold topics, `overrides` applied.
void LoadSamples(const fs::path& samples, const corpus::Taxonomy& taxonomy,
                 const corpus::TopicOverrides& overrides,
                 std::vector<Item>& items) {
  auto ids = taxonomy.TopicIds();
  for (const auto& gold_file : baoku::testing::FindGoldFiles({samples})) {
    corpus::PageReading page =
        corpus::ReadPageFile(baoku::testing::GoldSourcePage(gold_file), {});
    auto gold = Json::parse(baoku::testing::ReadFile(gold_file));
    for (const auto& g : gold.at("articles")) {
      auto read =
          std::find_if(page.articles.begin(), page.articles.end(),
                       [&](const corpus::Article& a) {
                         return a.lines.first == g.at("first_line").get<int>();
                       });
      if (read == page.articles.end()) continue;
      std::vector<corpus::ArticleTopic> topics;
      for (const auto& t : baoku::testing::GoldList(g, "topics")) {
        topics.push_back({t, 1, false});
      }
      overrides.Apply(read->id, topics);
      Item item;
      item.id = read->id;
      item.source = "samples";
      for (const auto& t : topics) {
        item.labels.insert(TopicIndex(ids, t.id, gold_file.string()));
      }
      item.article = *read;
      item.known.assign(ids.size(), true);
      item.fold = static_cast<int>(Fnv1a(item.id) % 5);
      items.push_back(std::move(item));
    }
  }
}

// Articles written for fitting (NDJSON, the article JSON with "topics" as
// the gold), `overrides` applied; always in the training part, never scored.
void LoadWrittenGold(const fs::path& file, const corpus::Taxonomy& taxonomy,
                     const corpus::TopicOverrides& overrides,
                     std::vector<Item>& items) {
  corpus::PageMeta defaults;
  defaults.paper = "云州日报";
  defaults.paper_code = "yzrb";
  corpus::NdjsonReading reading = corpus::ReadNdjsonFile(file, defaults);
  if (reading.error) throw std::runtime_error(reading.error->ToString());
  if (!reading.errors.empty()) {
    throw std::runtime_error(reading.errors.front().ToString());
  }
  auto ids = taxonomy.TopicIds();
  for (auto& article : reading.articles) {
    std::vector<corpus::ArticleTopic> topics = std::move(article.topics);
    article.topics.clear();
    if (topics.empty()) {
      throw std::runtime_error(file.string() + ": article " + article.id +
                               " has no gold topics");
    }
    overrides.Apply(article.id, topics);
    Item item;
    item.id = article.id;
    item.source = "gold";
    for (const auto& t : topics) {
      item.labels.insert(TopicIndex(ids, t.id, file.string()));
    }
    item.article = std::move(article);
    item.known.assign(ids.size(), true);
    items.push_back(std::move(item));
  }
}

struct Settings {
  int epochs = 12;
  double learning_rate = 2;
  double l2 = 1e-6;
  double sample_weight = 8;
  bool adagrad = false;  // An archive article counts this many times.
  size_t min_df = 2;
  size_t max_weights = 150000;  // Entries kept in the weights file.
  int calibration_folds = 5;    // See FitCalibrated().
};

// A dense one-vs-rest logistic regression over the vocabulary.
struct Fitted {
  size_t topics = 0;
  std::vector<float> w;  // vocabulary × topics
  std::vector<double> bias, seed, threshold;
  corpus::TopicAssignmentRule rule;
};

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// --dump FILE: one line per scored article, to study assignment rules
// without fitting again: kind ("cal": the threshold calibration set, scored
// by the first fit; "test": the fold's samples or the held-out public
// articles, scored by the model evaluated on them), the fold (or "final"),
// source, id, the known-topic mask, the gold topic indexes, and P per topic.
std::FILE* g_dump = nullptr;
std::string g_dump_tag;

std::vector<double> Margins(const Fitted& f, const Item& item) {
  std::vector<double> z(f.topics);
  for (size_t t = 0; t < f.topics; ++t) {
    z[t] = f.bias[t] + f.seed[t] * std::log1p(item.seeds[t]);
  }
  for (const auto& [index, value] : item.x) {
    const float* row = &f.w[static_cast<size_t>(index) * f.topics];
    for (size_t t = 0; t < f.topics; ++t) z[t] += row[t] * value;
  }
  return z;
}

// Logistic loss, each article weighted (sample_weight for the archive's),
// over the topics its label speaks for, by SGD with a decaying step or by
// AdaGrad (a step per parameter scaled by its gradients so far).
Fitted Fit(const std::vector<const Item*>& data, size_t vocabulary,
           size_t topics, const Settings& s) {
  Fitted f;
  f.topics = topics;
  f.w.assign(vocabulary * topics, 0);
  f.bias.assign(topics, -3);
  f.seed.assign(topics, 1);
  f.threshold.assign(topics, 0.5);
  std::vector<float> w_g2(vocabulary * topics, 1e-6f);
  std::vector<double> bias_g2(topics, 1e-6), seed_g2(topics, 1e-6);
  std::vector<size_t> order(data.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(20261201);
  for (int epoch = 0; epoch < s.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    // Plain SGD decays its step; AdaGrad's own scaling does.
    const double lr =
        s.adagrad ? s.learning_rate : s.learning_rate / (1 + epoch);
    for (size_t i : order) {
      const Item& item = *data[i];
      double weight = item.FromArchive() ? s.sample_weight : 1;
      // Only the topics the label speaks for have a gradient: a public
      // article touches 2 to 11 of the 20 topics' weights.
      std::vector<double> z(topics), g(topics);
      for (size_t t : item.known_topics) {
        z[t] = f.bias[t] + f.seed[t] * std::log1p(item.seeds[t]);
      }
      for (const auto& [index, value] : item.x) {
        const float* row = &f.w[static_cast<size_t>(index) * topics];
        for (size_t t : item.known_topics) z[t] += row[t] * value;
      }
      for (size_t t : item.known_topics) {
        double y = item.labels.count(t) ? 1 : 0;
        g[t] = weight * (Sigmoid(z[t]) - y);
        if (!s.adagrad) {
          f.bias[t] -= lr * 0.1 * g[t];
          f.seed[t] -= lr * 0.1 * g[t] * std::log1p(item.seeds[t]);
          continue;
        }
        double seed_input = std::log1p(item.seeds[t]);
        bias_g2[t] += g[t] * g[t];
        f.bias[t] -= lr * g[t] / std::sqrt(bias_g2[t]);
        if (seed_input > 0) {
          double gs = g[t] * seed_input;
          seed_g2[t] += gs * gs;
          f.seed[t] -= lr * gs / std::sqrt(seed_g2[t]);
        }
      }
      for (const auto& [index, value] : item.x) {
        size_t base = static_cast<size_t>(index) * topics;
        for (size_t t : item.known_topics) {
          float& w = f.w[base + t];
          double gw = g[t] * value + s.l2 * w;
          if (!s.adagrad) {
            w -= static_cast<float>(lr * gw);
            continue;
          }
          w_g2[base + t] += static_cast<float>(gw * gw);
          w -= static_cast<float>(lr * gw / std::sqrt(w_g2[base + t]));
        }
      }
    }
  }
  return f;
}

// The assignment rule of TopicClassifier: the best topic, then others at
// P >= their threshold and >= rule.ratio_to_best × P(best), at most
// rule.most_topics.
std::vector<size_t> Assign(const std::vector<double>& p,
                           const std::vector<double>& threshold,
                           const corpus::TopicAssignmentRule& rule) {
  std::vector<size_t> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return p[a] > p[b]; });
  std::vector<size_t> out;
  for (size_t i = 0; i < order.size() && i < rule.most_topics; ++i) {
    double p_i = p[order[i]];
    if (i > 0 &&
        (p_i < threshold[order[i]] || p_i < rule.ratio_to_best * p[order[0]])) {
      break;
    }
    out.push_back(order[i]);
  }
  return out;
}

void DumpItem(const char* kind, const Item& item,
              const std::vector<double>& p) {
  std::fprintf(g_dump, "%s\t%s\t%s\t%s\t", kind, g_dump_tag.c_str(),
               item.source.c_str(), item.id.c_str());
  for (bool k : item.known) std::fputc(k ? '1' : '0', g_dump);
  std::fputc('\t', g_dump);
  for (size_t t : item.labels) std::fprintf(g_dump, "%zu,", t);
  std::fputc('\t', g_dump);
  for (double v : p) std::fprintf(g_dump, "%.5f ", v);
  std::fputc('\n', g_dump);
}

// The threshold (0.05 … 0.95) with the best F1 on `data`, counting an
// archive article `sample_weight` times as in fitting: first one for all
// topics, then per topic for those with at least 5 articles in `data`.
// (Per topic from 3 articles, the rest sharing one, gave 0.793 instead of
// 0.811 cross-validated on the samples.) Then, with these thresholds, the
// assignment rule (ratio to the best 0 … 0.95, at most 3 or 2 topics) with
// the best F1 on the archive's articles of `data`: a public label is single
// and speaks for a few topics, it cannot tell how many topics to keep.
// `probabilities[i]`: P per topic of data[i] by a model not fitted on it.
void CalibrateThresholds(Fitted& f, const std::vector<const Item*>& data,
                         const std::vector<std::vector<double>>& probabilities,
                         const Settings& s) {
  std::vector<double> weights;
  for (const Item* item : data) {
    weights.push_back(item->FromArchive() ? s.sample_weight : 1);
  }
  // Weighted F1 over `topics` with `thresholds`.
  auto f1 = [&](const std::vector<double>& thresholds,
                const std::vector<size_t>& topics,
                const corpus::TopicAssignmentRule& rule = {},
                bool archive_only = false) {
    double tp = 0, assigned = 0, gold = 0;
    for (size_t i = 0; i < data.size(); ++i) {
      if (archive_only && !data[i]->FromArchive()) continue;
      auto got = Assign(probabilities[i], thresholds, rule);
      for (size_t t : topics) {
        if (!data[i]->known[t]) continue;
        bool has = std::find(got.begin(), got.end(), t) != got.end();
        bool want = data[i]->labels.count(t) > 0;
        assigned += has * weights[i];
        gold += want * weights[i];
        tp += (has && want) * weights[i];
      }
    }
    return tp > 0 ? 2 * tp / (assigned + gold) : 0;
  };
  auto best_threshold = [&](const std::vector<size_t>& topics) {
    double best = 0.5, best_f1 = -1;
    for (int step = 1; step <= 19; ++step) {
      std::vector<double> thresholds = f.threshold;
      for (size_t t : topics) thresholds[t] = step * 0.05;
      double score = f1(thresholds, topics);
      if (score > best_f1 + 1e-9) {
        best_f1 = score;
        best = step * 0.05;
      }
    }
    return best;
  };
  std::vector<size_t> all(f.topics);
  std::iota(all.begin(), all.end(), 0);
  f.threshold.assign(f.topics, best_threshold(all));
  for (size_t t = 0; t < f.topics; ++t) {
    size_t positives = 0;
    for (const Item* item : data) positives += item->labels.count(t);
    if (positives >= 5) f.threshold[t] = best_threshold({t});
  }
  // Ties go to more topics and the lower ratio (the rule without effect
  // first), as the grid is walked.
  double best_f1 = -1;
  for (size_t most = corpus::TopicModel::kMostTopics; most >= 2; --most) {
    for (int step = 0; step <= 19; ++step) {
      corpus::TopicAssignmentRule rule{step * 0.05, most};
      double score = f1(f.threshold, all, rule, true);
      if (score > best_f1 + 1e-9) {
        best_f1 = score;
        f.rule = rule;
      }
    }
  }
}

// Fit on `data` with thresholds and rule calibrated on probabilities of
// articles the scoring model was not fitted on: with calibration_folds K >=
// 2, every article of `data`, scored by the fit on the other K - 1 parts
// (parts by another hash); with K = 1, a held-back fifth scored by the fit
// on the rest. (A fifth leaves about 55 archive articles to fit the rule
// and the archive's thresholds on; all of them, 280, vary less.)
Fitted FitCalibrated(const std::vector<const Item*>& data, size_t vocabulary,
                     size_t topics, const Settings& s) {
  const int parts = std::max(1, s.calibration_folds);
  std::vector<const Item*> calibration;
  std::vector<std::vector<double>> probabilities;
  for (int part = 0; part < parts; ++part) {
    std::vector<const Item*> fit, held_back;
    for (const Item* item : data) {
      uint64_t h = Fnv1a(item->id, 0x7f4a7c15);
      bool held = parts == 1 ? h % 5 == 0
                             : h % static_cast<uint64_t>(parts) ==
                                   static_cast<uint64_t>(part);
      (held ? held_back : fit).push_back(item);
    }
    Fitted partial = Fit(fit, vocabulary, topics, s);
    for (const Item* item : held_back) {
      auto p = Margins(partial, *item);
      for (auto& v : p) v = Sigmoid(v);
      if (g_dump) DumpItem("cal", *item, p);
      calibration.push_back(item);
      probabilities.push_back(std::move(p));
    }
  }
  Fitted f = Fit(data, vocabulary, topics, s);
  CalibrateThresholds(f, calibration, probabilities, s);
  return f;
}

// The weights file's model: the largest weights only (max_weights).
corpus::TopicModel ToModel(const Fitted& f,
                           const std::vector<std::string>& vocabulary,
                           const std::vector<std::string>& ids,
                           const Settings& s) {
  std::vector<float> sizes;
  for (float w : f.w) {
    if (w != 0) sizes.push_back(std::abs(w));
  }
  float cut = 0;
  if (sizes.size() > s.max_weights) {
    std::nth_element(sizes.begin(), sizes.end() - s.max_weights, sizes.end());
    cut = *(sizes.end() - s.max_weights);
  }
  std::vector<corpus::TopicModelTopic> topics;
  for (size_t t = 0; t < ids.size(); ++t) {
    topics.push_back({ids[t], f.bias[t], f.seed[t], f.threshold[t]});
  }
  corpus::TopicModel model(std::move(topics));
  corpus::TopicAssignmentRule rule = f.rule;
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%.4g", rule.ratio_to_best);
  rule.ratio_to_best = std::stod(ratio);
  model.set_rule(rule);
  for (size_t v = 0; v < vocabulary.size(); ++v) {
    for (size_t t = 0; t < f.topics; ++t) {
      float w = f.w[v * f.topics + t];
      // Rounded as ToText() writes them, so the model scored here is the
      // one the file holds.
      if (w != 0 && std::abs(w) >= cut) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4g", w);
        model.AddWeight(vocabulary[v], t, std::stof(buf));
      }
    }
  }
  for (auto& t : model.mutable_topics()) {
    char buf[32];
    for (double* v : {&t.bias, &t.seed, &t.threshold}) {
      std::snprintf(buf, sizeof buf, "%.4g", *v);
      *v = std::stod(buf);
    }
  }
  return model;
}

struct Counts {
  size_t correct = 0, assigned = 0, gold = 0;
  double F1() const {
    return assigned + gold ? 2.0 * correct / (assigned + gold) : 0;
  }
};

struct Score {
  size_t articles = 0;
  Counts micro;
  std::map<size_t, Counts> per_topic;
  double Macro() const {
    double sum = 0;
    for (const auto& [t, c] : per_topic) sum += c.F1();
    return per_topic.empty() ? 0 : sum / per_topic.size();
  }
};

// Scores the production classifier (with `model`) on `items`. For a public
// corpus only the topics its labels map to are counted (an education story
// may rightly also be about employment, which the label cannot say).
void ScoreWith(const corpus::TopicClassifier& classifier,
               const std::vector<std::string>& ids,
               const std::vector<const Item*>& items, Score& score) {
  std::map<std::string, std::set<size_t>> evaluated;
  for (const auto& [source, mapping] : kMappings) {
    for (const auto& [label, id] : mapping) {
      evaluated[source].insert(std::find(ids.begin(), ids.end(), id) -
                               ids.begin());
    }
  }
  for (const Item* item : items) {
    ++score.articles;
    std::set<size_t> got;
    for (const auto& t : classifier.Classify(item->article)) {
      size_t index = std::find(ids.begin(), ids.end(), t.id) - ids.begin();
      if (item->FromArchive() || evaluated[item->source].count(index)) {
        got.insert(index);
      }
    }
    for (size_t t : item->labels) ++score.per_topic[t].gold;
    for (size_t t : got) {
      ++score.per_topic[t].assigned;
      score.per_topic[t].correct += item->labels.count(t);
    }
    if (!item->FromArchive()) {
      for (size_t t : evaluated[item->source]) score.per_topic[t];
    }
  }
  for (const auto& [t, c] : score.per_topic) {
    score.micro.correct += c.correct;
    score.micro.assigned += c.assigned;
    score.micro.gold += c.gold;
  }
}

void PrintScore(const std::string& what, const Score& s,
                const std::vector<std::string>& ids, bool per_topic) {
  double p = s.micro.assigned ? 1.0 * s.micro.correct / s.micro.assigned : 0;
  double r = s.micro.gold ? 1.0 * s.micro.correct / s.micro.gold : 0;
  std::printf("| %s | %zu | %.3f | %.3f | %.3f | %.3f |\n", what.c_str(),
              s.articles, p, r, s.micro.F1(), s.Macro());
  if (!per_topic) return;
  for (const auto& [t, c] : s.per_topic) {
    std::printf("|   %s | %zu gold | assigned %zu | correct %zu | F1 %.3f |\n",
                ids[t].c_str(), c.gold, c.assigned, c.correct, c.F1());
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"baoku-topic-train: fits corpus/topic_weights.tsv"};
  std::string topics_file =
      (baoku::testing::SourceDir() / "corpus" / "topics.json").string();
  std::string corpora = (baoku::testing::SharedDir() / "corpora").string();
  std::string samples = baoku::testing::SamplesDir().string();
  std::string gold_file =
      (baoku::testing::SourceDir() / "corpus" / "topic_gold.ndjson").string();
  std::string overrides_file, out_file, dump_file;
  bool no_cv = false, no_final = false, per_topic = false;
  size_t limit = 0;
  Settings s;
  app.add_option("--topics", topics_file, "Taxonomy (its terms are seeds)");
  app.add_option("--corpora", corpora, "The public corpora (../shared)");
  app.add_option("--samples", samples, "Sample archive with gold files");
  app.add_option("--gold", gold_file,
                 "Articles written for fitting, NDJSON (\"\": none)");
  app.add_option("--overrides", overrides_file, "Editor's topic overrides");
  app.add_option("--out", out_file, "Write the fitted weights here");
  app.add_option("--limit", limit, "First N mapped articles per corpus");
  app.add_option("--epochs", s.epochs, "Passes over the data");
  app.add_option("--learning-rate", s.learning_rate, "AdaGrad step");
  app.add_option("--l2", s.l2, "L2 penalty on token weights");
  app.add_flag("--adagrad", s.adagrad, "AdaGrad instead of plain SGD");
  app.add_option("--sample-weight", s.sample_weight,
                 "Weight of an archive article");
  app.add_option("--max-weights", s.max_weights, "Weights kept in the file");
  app.add_option("--calibration-folds", s.calibration_folds,
                 "Fits whose held-back parts calibrate thresholds (1: a "
                 "fifth)");
  app.add_option("--dump", dump_file, "Write probabilities here (study)");
  app.add_flag("--no-cv", no_cv, "Skip the samples' cross-validation");
  app.add_flag("--no-final", no_final, "Only the cross-validation");
  app.add_flag("--per-topic", per_topic, "Figures per topic too");
  CLI11_PARSE(app, argc, argv);

  try {
    if (!dump_file.empty()) {
      g_dump = std::fopen(dump_file.c_str(), "w");
      if (!g_dump) throw std::runtime_error(dump_file + ": cannot be written");
    }
    auto start = std::chrono::steady_clock::now();
    auto seconds = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                           start)
          .count();
    };
    corpus::TextAnalyzer analyzer;
    // The taxonomy without its weights (they are what is being fitted).
    Json root = Json::parse(baoku::testing::ReadFile(topics_file));
    root.erase("weights");
    root.erase("model");
    std::vector<corpus::Diagnostic> errors;
    auto taxonomy =
        corpus::Taxonomy::FromJson(root.dump(), analyzer, errors, topics_file);
    for (const auto& e : errors) std::cerr << e.ToString() << "\n";
    if (!taxonomy) return 2;
    corpus::TopicOverrides overrides;
    if (!overrides_file.empty()) {
      for (const auto& e : overrides.LoadFile(overrides_file, *taxonomy)) {
        std::cerr << e.ToString() << "\n";
        return 2;
      }
    }
    const std::vector<std::string> ids = taxonomy->TopicIds();
    std::vector<Item> items;
    LoadSamples(samples, *taxonomy, overrides, items);
    if (!gold_file.empty()) {
      LoadWrittenGold(gold_file, *taxonomy, overrides, items);
    }
    LoadPublic(corpora, *taxonomy, limit, items);
    std::fprintf(stderr, "%zu articles read (%.1f s)\n", items.size(),
                 seconds());

    corpus::TopicClassifier seeds(*taxonomy, analyzer);
    for (auto& item : items) {
      corpus::TopicText text =
          corpus::NormalizedTopicText(item.article, analyzer);
      item.features = corpus::TopicFeatures(text);
      item.seeds = seeds.SeedScores(text);
      for (size_t t = 0; t < item.known.size(); ++t) {
        if (item.known[t])
          item.known_topics.push_back(static_cast<uint16_t>(t));
      }
    }
    std::fprintf(stderr, "features (%.1f s)\n", seconds());
    // Vocabulary: tokens in at least min_df training articles.
    std::unordered_map<std::string, size_t> df;
    for (const auto& item : items) {
      if (item.held_out) continue;
      for (const auto& f : item.features) ++df[f.token];
    }
    std::vector<std::string> vocabulary;
    std::unordered_map<std::string, uint32_t> index;
    for (const auto& [token, n] : df) {
      if (n >= s.min_df) {
        index[token] = static_cast<uint32_t>(vocabulary.size());
        vocabulary.push_back(token);
      }
    }
    for (auto& item : items) {
      for (const auto& f : item.features) {
        auto it = index.find(f.token);
        if (it != index.end()) {
          item.x.emplace_back(it->second, static_cast<float>(f.value));
        }
      }
      item.features.clear();
      item.features.shrink_to_fit();
    }
    std::fprintf(stderr, "vocabulary %zu (%.1f s)\n", vocabulary.size(),
                 seconds());

    auto model_of = [&](const Fitted& f) {
      return ToModel(f, vocabulary, ids, s);
    };
    std::printf(
        "| data (not fitted on) | articles | P | R | micro F1 | "
        "macro F1 |\n|---|---:|---:|---:|---:|---:|\n");
    // Samples, cross-validated.
    if (!no_cv) {
      Score cv;
      for (int fold = 0; fold < 5; ++fold) {
        std::vector<const Item*> train, test;
        for (const auto& item : items) {
          if (item.held_out) continue;
          bool in_fold = item.source == "samples" && item.fold == fold;
          (in_fold ? test : train).push_back(&item);
        }
        g_dump_tag = std::to_string(fold);
        Fitted fitted = FitCalibrated(train, vocabulary.size(), ids.size(), s);
        if (g_dump) {
          for (const Item* item : test) {
            auto z = Margins(fitted, *item);
            for (auto& v : z) v = Sigmoid(v);
            DumpItem("test", *item, z);
          }
          std::fflush(g_dump);
        }
        corpus::Taxonomy candidate = *taxonomy;
        candidate.SetModel(model_of(fitted));
        corpus::TopicClassifier classifier(candidate, analyzer);
        ScoreWith(classifier, ids, test, cv);
        std::fprintf(stderr, "fold %d (%.1f s)\n", fold, seconds());
      }
      PrintScore("samples, 5-fold cross-validated", cv, ids, per_topic);
    }
    if (no_final) return 0;
    std::vector<const Item*> train;
    std::map<std::string, std::vector<const Item*>> held_out;
    for (const auto& item : items) {
      (item.held_out ? held_out[item.source] : train).push_back(&item);
    }
    g_dump_tag = "final";
    Fitted final_fit = FitCalibrated(train, vocabulary.size(), ids.size(), s);
    if (g_dump) {
      for (const auto& [source, list] : held_out) {
        for (const Item* item : list) {
          auto z = Margins(final_fit, *item);
          for (auto& v : z) v = Sigmoid(v);
          DumpItem("test", *item, z);
        }
      }
      std::fflush(g_dump);
    }
    corpus::TopicModel model = model_of(final_fit);
    corpus::Taxonomy fitted = *taxonomy;
    fitted.SetModel(model);
    corpus::TopicClassifier classifier(fitted, analyzer);
    for (const auto& [source, list] : held_out) {
      Score score;
      ScoreWith(classifier, ids, list, score);
      PrintScore(source + ", held-out 20%", score, ids, per_topic);
    }
    std::fprintf(stderr, "final model, %zu tokens (%.1f s)\n",
                 model.token_count(), seconds());
    std::printf("\nthresholds:");
    for (const auto& t : model.topics()) {
      std::printf(" %s %.2f", t.id.c_str(), t.threshold);
    }
    std::printf("\nrule: ratio to the best %.2f, at most %zu topics\n",
                model.rule().ratio_to_best, model.rule().most_topics);
    if (!out_file.empty()) {
      size_t samples_count = 0, gold_count = 0, public_count = 0;
      for (const Item* item : train) {
        samples_count += item->source == "samples";
        gold_count += item->source == "gold";
        public_count += !item->FromArchive();
      }
      model.comments() = {
          "Topic weights of baoku, fitted by baoku-topic-train "
          "(bench/quality/topic_train.cc) for corpus/topics.json; do not "
          "edit, fit again (docs/QUALITY.md, Topics).",
          "Fitted on " + std::to_string(samples_count) +
              " sample-archive articles, " + std::to_string(gold_count) +
              " written gold articles (corpus/topic_gold.ndjson) and " +
              std::to_string(public_count) +
              " public articles (80% of sina_news_2018, tnews, sogou_smarty; "
              "labels mapped onto the taxonomy).",
          "Settings: epochs " + std::to_string(s.epochs) + ", sample weight " +
              std::to_string(s.sample_weight) + ", min df " +
              std::to_string(s.min_df) + ", " +
              std::to_string(model.token_count()) + " tokens kept."};
      std::ofstream out(out_file, std::ios::binary);
      out << model.ToText();
      if (!out) throw std::runtime_error(out_file + ": cannot be written");
    }
  } catch (const std::exception& e) {
    std::cerr << "baoku-topic-train: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
