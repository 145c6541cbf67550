#include "reader_quality.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "baoku/corpus/utf8.h"
#include "gold.h"
#include "reader_training.h"
#include "test_support.h"

namespace baoku::testing {
namespace {

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) out += (out.empty() ? "" : "\n") + p;
  return out;
}

std::u32string CodePoints(const std::string& s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(corpus::utf8::Next(s, pos));
  return out;
}

size_t EditDistance(const std::string& a8, const std::string& b8) {
  if (a8 == b8) return 0;
  std::u32string a = CodePoints(a8), b = CodePoints(b8);
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1,
                         prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double F1(size_t tp, size_t predicted, size_t gold) {
  double p = predicted ? double(tp) / predicted : 1.0;
  double r = gold ? double(tp) / gold : 1.0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

using NameKey = std::pair<int, std::string>;

void CountNames(const std::set<NameKey>& pred, const std::set<NameKey>& gold,
                size_t& tp, size_t& n_pred, size_t& n_gold) {
  n_pred += pred.size();
  n_gold += gold.size();
  for (const auto& k : pred) tp += gold.count(k);
}

}  // namespace

void ReaderQualityCounter::AddPage(const corpus::PageReading& reading,
                                   const std::filesystem::path& gold_file) {
  auto gold = nlohmann::json::parse(ReadFile(gold_file)).at("articles");
  ++pages_;
  gold_ += gold.size();
  read_ += reading.articles.size();
  std::map<int, const corpus::Article*> by_start;
  std::set<NameKey> pred_rep, pred_photo, gold_rep, gold_photo;
  for (const auto& a : reading.articles) {
    by_start[a.lines.first] = &a;
    for (const auto& n : a.reporters) pred_rep.insert({a.lines.first, n});
    for (const auto& n : a.photographers) pred_photo.insert({a.lines.first, n});
  }
  for (const auto& g : gold) {
    int start = g.at("first_line").get<int>();
    for (const auto& n : GoldList(g, "reporters")) gold_rep.insert({start, n});
    for (const auto& n : GoldList(g, "photographers"))
      gold_photo.insert({start, n});
    std::string gold_body = Join(GoldList(g, "body"));
    body_chars_ += corpus::utf8::CodePointCount(gold_body);
    auto it = by_start.find(start);
    if (it == by_start.end()) {
      body_errors_ += corpus::utf8::CodePointCount(gold_body);
      continue;
    }
    const corpus::Article& a = *it->second;
    ++boundary_tp_;
    if (TitleBlock({a.column, a.kicker, a.headline, a.subtitle}) ==
        TitleBlock({GoldString(g, "column"), GoldString(g, "kicker"),
                    GoldString(g, "headline"), GoldString(g, "subtitle")})) {
      ++title_exact_;
    }
    if (corpus::KindName(a.kind) == GoldString(g, "kind")) ++kind_correct_;
    body_errors_ += std::min(EditDistance(Join(a.paragraphs), gold_body),
                             corpus::utf8::CodePointCount(gold_body));
  }
  CountNames(pred_rep, gold_rep, reporter_tp_, reporter_pred_, reporter_gold_);
  CountNames(pred_photo, gold_photo, photo_tp_, photo_pred_, photo_gold_);
}

ReaderQuality ReaderQualityCounter::Result() const {
  ReaderQuality q;
  q.pages = pages_;
  q.gold_articles = gold_;
  q.read_articles = read_;
  q.boundary_precision = read_ ? double(boundary_tp_) / read_ : 1.0;
  q.boundary_recall = gold_ ? double(boundary_tp_) / gold_ : 1.0;
  q.boundary_f1 = F1(boundary_tp_, read_, gold_);
  q.reporter_f1 = F1(reporter_tp_, reporter_pred_, reporter_gold_);
  q.photographer_f1 = F1(photo_tp_, photo_pred_, photo_gold_);
  q.title_block_exact = gold_ ? double(title_exact_) / gold_ : 1.0;
  q.body_char_accuracy =
      body_chars_ > 0 ? 1.0 - body_errors_ / body_chars_ : 1.0;
  q.kind_accuracy = gold_ ? double(kind_correct_) / gold_ : 1.0;
  return q;
}

std::string ReaderQuality::ToTable() const {
  char buf[1024];
  std::snprintf(
      buf, sizeof buf,
      "| measure | value |\n|---|---|\n"
      "| pages | %zu |\n| gold articles | %zu |\n| read articles | %zu |\n"
      "| boundary precision | %.4f |\n| boundary recall | %.4f |\n"
      "| boundary F1 | %.4f |\n| reporter F1 | %.4f |\n"
      "| photographer F1 | %.4f |\n| title block exact | %.4f |\n"
      "| body character accuracy | %.4f |\n| kind accuracy | %.4f |\n",
      pages, gold_articles, read_articles, boundary_precision, boundary_recall,
      boundary_f1, reporter_f1, photographer_f1, title_block_exact,
      body_char_accuracy, kind_accuracy);
  return buf;
}

ReaderQuality MeasureReader(const std::vector<std::filesystem::path>& roots,
                            const corpus::PageMeta& defaults) {
  return MeasureReader(roots, defaults, corpus::ReaderOptions{});
}

ReaderQuality MeasureReader(const std::vector<std::filesystem::path>& roots,
                            const corpus::PageMeta& defaults,
                            const corpus::ReaderOptions& options) {
  ReaderQualityCounter counter;
  for (const auto& gold : FindGoldFiles(roots)) {
    counter.AddPage(
        corpus::ReadPageFile(GoldSourcePage(gold), defaults, options), gold);
  }
  return counter.Result();
}

namespace {

// The conventions the reader finds on most of a layout's pages.
std::string ConventionsOf(const GoldLayout& layout,
                          const corpus::PageMeta& defaults) {
  std::map<std::string, int> votes;
  for (const auto& gold : FindGoldFiles({layout.root})) {
    ++votes[corpus::ReadPageFile(GoldSourcePage(gold), defaults).layout];
  }
  std::string best;
  int most = 0;
  for (const auto& [name, n] : votes) {
    if (n > most) best = name, most = n;
  }
  return best;
}

}  // namespace

std::vector<HeldOutQuality> LeaveOneLayoutOut(
    const std::vector<GoldLayout>& layouts, const corpus::PageMeta& defaults) {
  std::vector<std::string> conventions;
  // The decisions are taken the gold's way whatever the model, so each
  // layout's examples are collected once and reused by every fold.
  std::vector<std::vector<TrainingExample>> examples;
  for (const auto& l : layouts) {
    conventions.push_back(ConventionsOf(l, defaults));
    examples.push_back(CollectExamples(FindGoldFiles({l.root}), defaults));
  }
  std::vector<HeldOutQuality> rows;
  for (size_t held = 0; held < layouts.size(); ++held) {
    std::vector<TrainingExample> training;
    for (size_t k = 0; k < layouts.size(); ++k) {
      if (conventions[k] != conventions[held]) {
        training.insert(training.end(), examples[k].begin(), examples[k].end());
      }
    }
    HeldOutQuality row;
    row.layout = layouts[held].name;
    row.conventions = conventions[held];
    row.training_decisions = training.size();
    corpus::ReaderModel model = FitReaderModel(training);
    corpus::ReaderOptions options;
    options.model = &model;
    row.quality = MeasureReader({layouts[held].root}, defaults, options);
    rows.push_back(std::move(row));
  }
  return rows;
}

namespace {

// A gold page's stories: each article's headline, or its first paragraph
// where it has none (a photo's caption).
std::set<std::string> StoriesOf(const std::filesystem::path& gold) {
  std::set<std::string> out;
  const auto json = nlohmann::json::parse(ReadFile(gold));
  for (const auto& a : json.at("articles")) {
    if (a.contains("headline") && a["headline"].is_string()) {
      out.insert(a["headline"].get<std::string>());
    } else if (a.contains("body") && !a["body"].empty()) {
      out.insert(a["body"][0].get<std::string>());
    }
  }
  return out;
}

bool Disjoint(const std::set<std::string>& x, const std::set<std::string>& y) {
  for (const auto& s : x) {
    if (y.count(s)) return false;
  }
  return true;
}

struct GoldPage {
  std::filesystem::path gold;
  std::set<std::string> stories;
  std::vector<TrainingExample> examples;
};

}  // namespace

std::vector<HeldOutQuality> LeaveOneLayoutAndStoryOut(
    const std::vector<GoldLayout>& layouts, const corpus::PageMeta& defaults) {
  std::vector<std::string> conventions;
  std::vector<std::vector<GoldPage>> pages;
  for (const auto& l : layouts) {
    conventions.push_back(ConventionsOf(l, defaults));
    auto& layout_pages = pages.emplace_back();
    for (const auto& gold : FindGoldFiles({l.root})) {
      layout_pages.push_back(
          {gold, StoriesOf(gold), CollectExamples({gold}, defaults)});
    }
  }
  std::vector<HeldOutQuality> rows;
  for (size_t held = 0; held < layouts.size(); ++held) {
    HeldOutQuality row;
    row.layout = layouts[held].name;
    row.conventions = conventions[held];
    row.training_decisions = SIZE_MAX;
    ReaderQualityCounter counter;
    for (const GoldPage& page : pages[held]) {
      std::vector<TrainingExample> training;
      for (size_t k = 0; k < layouts.size(); ++k) {
        if (conventions[k] == conventions[held]) continue;
        for (const GoldPage& other : pages[k]) {
          if (!Disjoint(page.stories, other.stories)) continue;
          training.insert(training.end(), other.examples.begin(),
                          other.examples.end());
        }
      }
      row.training_decisions =
          std::min(row.training_decisions, training.size());
      corpus::ReaderModel model = FitReaderModel(training);
      corpus::ReaderOptions options;
      options.model = &model;
      counter.AddPage(
          corpus::ReadPageFile(GoldSourcePage(page.gold), defaults, options),
          page.gold);
    }
    if (pages[held].empty()) row.training_decisions = 0;
    row.quality = counter.Result();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<GoldLayout> LayoutsUnder(const std::filesystem::path& gold_root) {
  std::vector<GoldLayout> out;
  for (const auto& e : std::filesystem::directory_iterator(gold_root)) {
    if (e.is_directory()) {
      out.push_back({e.path().filename().string(), e.path()});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::string HeldOutTable(const std::vector<HeldOutQuality>& rows) {
  std::string out =
      "| held-out layout | conventions found | pages | articles | "
      "training decisions | boundary F1 | reporter F1 | photographer F1 | "
      "title block exact | body chars | kind |\n"
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  char buf[512];
  for (const auto& r : rows) {
    const ReaderQuality& q = r.quality;
    std::snprintf(buf, sizeof buf,
                  "| %s | %s | %zu | %zu | %zu | %.4f | %.4f | %.4f | %.4f | "
                  "%.4f | %.4f |\n",
                  r.layout.c_str(), r.conventions.c_str(), q.pages,
                  q.gold_articles, r.training_decisions, q.boundary_f1,
                  q.reporter_f1, q.photographer_f1, q.title_block_exact,
                  q.body_char_accuracy, q.kind_accuracy);
    out += buf;
  }
  return out;
}

}  // namespace baoku::testing
