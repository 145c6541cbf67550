#include "ingest_report_fitting.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "baoku/corpus/ingest_report.h"
#include "baoku/corpus/utf8.h"
#include "gold.h"
#include "test_support.h"

namespace baoku::testing {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == text.npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

bool Running(const nlohmann::json& article) {
  return article.at("kind") == "news" || article.at("kind") == "commentary";
}

// The page with story `k` glued to story `k - 1`, or "" when story `k`'s
// byline is not on a line of its own or at the start of one.
std::string GlueStories(const std::vector<std::string>& lines,
                        const nlohmann::json& articles, size_t k,
                        int* new_head) {
  const auto& before = articles[k - 1];
  const auto& story = articles[k];
  std::string byline = GoldString(story, "byline");
  if (byline.empty()) return "";
  int prev_last = before.at("last_line").get<int>();
  int head = story.at("first_line").get<int>();
  int last = story.at("last_line").get<int>();
  if (prev_last < 1 || head <= prev_last ||
      last > static_cast<int>(lines.size())) {
    return "";
  }
  // The story before separates its paragraphs with a blank line or not.
  bool blank_paragraphs = false;
  for (int n = before.at("first_line").get<int>(); n < prev_last; ++n) {
    if (corpus::utf8::Trim(lines[n - 1]).empty()) blank_paragraphs = true;
  }
  std::vector<std::string> edited(lines.begin(), lines.begin() + prev_last);
  if (blank_paragraphs) edited.emplace_back();
  bool dropped = false;
  for (int n = head; n <= static_cast<int>(lines.size()); ++n) {
    std::string line = lines[n - 1];
    if (!dropped && n <= last) {
      std::string_view trimmed = corpus::utf8::Trim(line);
      if (trimmed == byline) {
        dropped = true;
        // A blank line after a byline of its own goes with it.
        if (n < last && corpus::utf8::Trim(lines[n]).empty()) ++n;
        continue;
      }
      if (corpus::utf8::StartsWith(trimmed, byline)) {
        dropped = true;
        line = std::string(line.substr(0, line.find(byline))) +
               std::string(trimmed.substr(byline.size()));
      }
    }
    if (n == head) *new_head = static_cast<int>(edited.size()) + 1;
    edited.push_back(std::move(line));
  }
  if (!dropped) return "";
  std::string text;
  for (const auto& l : edited) text += l + "\n";
  return text;
}

// The flags that say a story may have run into another: those the
// thresholds govern. ("no-byline" is the other signal of a glued story, when
// the reader reads it apart; it needs no threshold.)
bool MergeFlag(const FitPage& page, const corpus::IngestThresholds& t) {
  for (const auto& f : corpus::ReportPage(page.reading, page.file, t).flags) {
    if (f.kind == "much-longer" || f.kind == "headline-as-text") return true;
  }
  return false;
}

bool StartsAnArticle(const corpus::PageReading& reading, int line) {
  for (const auto& a : reading.articles) {
    if (a.lines.first == line) return true;
  }
  return false;
}

// The grid, quietest first: ties keep the quieter thresholds.
const std::vector<double> kLongerRatios = {8, 6, 5, 4, 3.5, 3, 2.5, 2, 1.5};
// 0.5: the reader itself starts an article there, so the flag never fires.
const std::vector<double> kProbabilities = {0.5,  0.45, 0.4,  0.35, 0.3,
                                            0.25, 0.2,  0.15, 0.1,  0.05};
const std::vector<double> kCountRatios = {4, 3, 2.5, 2, 1.75, 1.5, 1.25};
// The share of clean pages the staff may find flagged for nothing.
constexpr double kMaxFalseAlarms = 0.02;

}  // namespace

std::vector<FitPage> GluedAndCleanPages(const GoldLayout& layout,
                                        const corpus::PageMeta& defaults) {
  std::vector<FitPage> out;
  for (const auto& gold_file : FindGoldFiles({layout.root})) {
    auto page = GoldSourcePage(gold_file);
    out.push_back(
        {page.string(), false, 0, corpus::ReadPageFile(page, defaults), false});
    std::string raw = ReadFile(page);
    if (raw.find('\r') != raw.npos || !corpus::utf8::IsValid(raw) ||
        raw.rfind("---", 0) == 0) {
      continue;  // Only plain UTF-8 LF pages without front matter.
    }
    auto gold = nlohmann::json::parse(ReadFile(gold_file));
    const auto& articles = gold.at("articles");
    auto lines = SplitLines(raw);
    corpus::PageMeta meta = corpus::MetaFromPath(page);
    meta.FillFrom(defaults);
    for (size_t k = 1; k < articles.size(); ++k) {
      if (!Running(articles[k - 1]) || !Running(articles[k])) continue;
      int new_head = 0;
      std::string text = GlueStories(lines, articles, k, &new_head);
      if (text.empty()) continue;
      FitPage glued{page.string(), true, new_head,
                    corpus::SplitPage(text, meta, page.string()), false};
      glued.read_apart = StartsAnArticle(glued.reading, new_head);
      out.push_back(std::move(glued));
    }
  }
  return out;
}

double Detection::Recall() const {
  return glued ? static_cast<double>(glued_flagged) / glued : 0;
}

double Detection::FalseAlarmRate() const {
  return clean ? static_cast<double>(clean_flagged) / clean : 0;
}

double Detection::F1() const {
  double r = Recall(), fa = FalseAlarmRate();
  if (r == 0) return 0;
  double precision = r / (r + fa);
  return 2 * precision * r / (precision + r);
}

namespace {

// Detection with the count flag's ratio varied over pages whose other
// flags are already known (`flagged`, parallel to `layouts`).
Detection DetectWith(const std::vector<std::vector<FitPage>>& layouts,
                     const std::vector<std::vector<bool>>& flagged,
                     double count_ratio) {
  Detection d;
  for (size_t l = 0; l < layouts.size(); ++l) {
    const auto& pages = layouts[l];
    // The batch: the layout's clean pages, as a day's pages would be.
    std::vector<size_t> counts;
    for (const auto& p : pages) {
      if (!p.glued) counts.push_back(p.reading.articles.size());
    }
    std::sort(counts.begin(), counts.end());
    double median = 0;
    if (!counts.empty()) {
      size_t m = counts.size() / 2;
      median =
          counts.size() % 2 ? counts[m] : (counts[m - 1] + counts[m]) / 2.0;
    }
    for (size_t i = 0; i < pages.size(); ++i) {
      size_t n = pages[i].reading.articles.size();
      bool unusual =
          n == 0 || (counts.size() >= 5 &&
                     (n > count_ratio * median || count_ratio * n < median));
      bool hit = flagged[l][i] || unusual;
      if (pages[i].read_apart) {
        ++d.read_apart;
      } else if (pages[i].glued) {
        ++d.glued;
        d.glued_flagged += hit;
      } else {
        ++d.clean;
        d.clean_flagged += hit;
      }
    }
  }
  return d;
}

std::vector<std::vector<bool>> PageFlags(
    const std::vector<std::vector<FitPage>>& layouts,
    const corpus::IngestThresholds& t) {
  std::vector<std::vector<bool>> flagged;
  for (const auto& pages : layouts) {
    auto& row = flagged.emplace_back();
    for (const auto& p : pages) row.push_back(MergeFlag(p, t));
  }
  return flagged;
}

}  // namespace

Detection Detect(const std::vector<std::vector<FitPage>>& layouts,
                 const corpus::IngestThresholds& thresholds) {
  return DetectWith(layouts, PageFlags(layouts, thresholds),
                    thresholds.unusual_count_ratio);
}

corpus::IngestThresholds FitThresholds(
    const std::vector<std::vector<FitPage>>& layouts) {
  corpus::IngestThresholds best;
  best.much_longer_ratio = kLongerRatios.front();
  best.doubtful_probability = kProbabilities.front();
  best.unusual_count_ratio = kCountRatios.front();
  double best_recall = -1;
  for (double ratio : kLongerRatios) {
    for (double p : kProbabilities) {
      corpus::IngestThresholds t;
      t.much_longer_ratio = ratio;
      t.doubtful_probability = p;
      auto flagged = PageFlags(layouts, t);
      for (double count : kCountRatios) {
        Detection d = DetectWith(layouts, flagged, count);
        if (d.FalseAlarmRate() > kMaxFalseAlarms + 1e-12) continue;
        if (d.Recall() > best_recall + 1e-12) {
          best_recall = d.Recall();
          best = t;
          best.unusual_count_ratio = count;
        }
      }
    }
  }
  return best;
}

std::vector<HeldOutDetection> LeaveOneLayoutOut(
    const std::vector<GoldLayout>& names,
    const std::vector<std::vector<FitPage>>& layouts) {
  std::vector<HeldOutDetection> rows;
  for (size_t held = 0; held < layouts.size(); ++held) {
    std::vector<std::vector<FitPage>> training;
    for (size_t k = 0; k < layouts.size(); ++k) {
      if (k != held) training.push_back(layouts[k]);
    }
    HeldOutDetection row;
    row.layout = names[held].name;
    row.fitted = FitThresholds(training);
    row.detection = Detect({layouts[held]}, row.fitted);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string HeldOutDetectionTable(const std::vector<HeldOutDetection>& rows) {
  std::string out =
      "| held-out layout | clean pages | glued, merged | glued, read apart | "
      "fitted: much longer × | doubtful p | unusual count × | recall | "
      "false alarms | F1 |\n"
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  char buf[256];
  for (const auto& r : rows) {
    const Detection& d = r.detection;
    std::snprintf(buf, sizeof buf,
                  "| %s | %zu | %zu | %zu | %.2f | %.2f | %.2f | %.3f | %.3f "
                  "| %.3f |\n",
                  r.layout.c_str(), d.clean, d.glued, d.read_apart,
                  r.fitted.much_longer_ratio, r.fitted.doubtful_probability,
                  r.fitted.unusual_count_ratio, d.Recall(), d.FalseAlarmRate(),
                  d.F1());
    out += buf;
  }
  return out;
}

}  // namespace baoku::testing
