#include "baoku/corpus/ingest_report.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>

#include "baoku/corpus/correction.h"
#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

size_t BodyChars(const Article& a) {
  size_t n = 0;
  for (const auto& p : a.paragraphs) n += utf8::CodePointCount(p);
  return n;
}

std::string Lines(const Article& a) {
  return "lines " + std::to_string(a.lines.first) + "-" +
         std::to_string(a.lines.last);
}

bool NamesARole(std::string_view text) {
  for (std::string_view role : {"记者", "通讯员", "实习生", "摄影", "评论员"}) {
    if (text.find(role) != text.npos) return true;
  }
  return utf8::EndsWith(text, "摄");
}

// A short line naming a role without a sentence: a byline the reader did
// not understand ("本报记者：X", "记者/X").
bool LooksLikeUnreadByline(std::string_view text) {
  return !utf8::LongerThan(text, 30) && NamesARole(text) &&
         text.find("。") == text.npos && text.find("，") == text.npos &&
         text.find(",") == text.npos;
}

// The median of `sorted` without one element equal to `value` (which it
// holds), in constant time after the sort.
double MedianWithout(const std::vector<size_t>& sorted, size_t value) {
  size_t removed = static_cast<size_t>(
      std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin());
  size_t m = sorted.size() - 1;
  if (m == 0) return 0;
  auto at = [&](size_t k) { return sorted[k < removed ? k : k + 1]; };
  return m % 2 ? at(m / 2) : (at(m / 2 - 1) + at(m / 2)) / 2.0;
}

double Median(std::vector<size_t> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2.0;
}

}  // namespace

PageReport ReportPage(const PageReading& reading, const std::string& file,
                      const IngestThresholds& thresholds) {
  PageReport page;
  page.file = file;
  page.layout = reading.layout;
  page.articles = reading.articles.size();
  auto flag = [&](const char* kind, const Article* a, int line,
                  std::string detail) {
    page.flags.push_back(
        {kind, a ? a->id : std::string(), line, std::move(detail)});
  };
  if (reading.error) {
    flag("unusual-count", nullptr, 0,
         "page not read: " + reading.error->message);
    return page;
  }
  // Lengths of the running stories; briefs, photos and Q&A items are short
  // by design and not compared.
  auto running = [](const Article& a) {
    return a.kind == ArticleKind::kNews || a.kind == ArticleKind::kCommentary;
  };
  std::vector<size_t> lengths;
  for (const auto& a : reading.articles) {
    if (running(a)) lengths.push_back(BodyChars(a));
  }
  size_t running_index = 0;
  std::vector<size_t> sorted_lengths = lengths;
  std::sort(sorted_lengths.begin(), sorted_lengths.end());
  for (size_t i = 0; i < reading.articles.size(); ++i) {
    const Article& a = reading.articles[i];
    // A correction notice (correction.h) carries no byline.
    if (a.kind == ArticleKind::kNews && a.byline.empty() && a.source.empty() &&
        a.continued_from.empty() && !IsCorrectionNotice(a)) {
      flag("no-byline", &a, a.lines.first,
           Lines(a) + ": a news article with no byline");
    }
    if (running(a) && lengths.size() >= 3) {
      size_t length = lengths[running_index];
      double median = MedianWithout(sorted_lengths, length);
      if (median > 0 && length > thresholds.much_longer_ratio * median) {
        flag("much-longer", &a, a.lines.first,
             Lines(a) + ": " + std::to_string(length) +
                 " characters, the page's other stories a median of " +
                 std::to_string(static_cast<long>(median)));
      }
    }
    if (running(a)) ++running_index;
    if (!running(a) && !a.subheads.empty()) {
      // A Q&A item, brief or photo has no subheads: a story ran into it.
      flag("headline-as-text", &a, a.lines.first,
           Lines(a) + ": '" + a.subheads.front() + "' read as a subhead of a " +
               std::string(KindName(a.kind)) + " piece");
    }
    std::vector<const std::string*> texts = {&a.column, &a.kicker, &a.headline,
                                             &a.subtitle};
    for (const auto& p : a.paragraphs) texts.push_back(&p);
    for (const std::string* t : texts) {
      if (!t->empty() && LooksLikeUnreadByline(*t)) {
        flag("byline-not-read", &a, a.lines.first,
             Lines(a) + ": '" + *t + "' looks like a byline");
      }
    }
  }
  // Decisions and articles are both in page order: one pass over each.
  size_t next_article = 0;
  for (const auto& d : reading.decisions) {
    while (next_article < reading.articles.size() &&
           reading.articles[next_article].lines.last < d.line) {
      ++next_article;
    }
    double p = 1.0 / (1.0 + std::exp(-d.score));
    if (d.new_article || p < thresholds.doubtful_probability) continue;
    const Article* owner = nullptr;
    if (next_article < reading.articles.size() &&
        reading.articles[next_article].lines.first <= d.line) {
      owner = &reading.articles[next_article];
    }
    char prob[16];
    std::snprintf(prob, sizeof prob, "%.2f", p);
    flag("headline-as-text", owner, d.line,
         "line " + std::to_string(d.line) + ": '" + d.text + "' read as " +
             (d.alternative == "text" ? "text" : "a subhead") +
             "; a new article's headline with p=" + prob);
  }
  return page;
}

void FlagUnusualCounts(IngestReport& report,
                       const IngestThresholds& thresholds) {
  std::vector<size_t> counts;
  for (const auto& p : report.pages) counts.push_back(p.articles);
  double median = Median(counts);
  for (auto& p : report.pages) {
    bool unusual = p.articles == 0 ||
                   (report.pages.size() >= 5 &&
                    (p.articles > thresholds.unusual_count_ratio * median ||
                     thresholds.unusual_count_ratio * p.articles < median));
    if (!unusual) continue;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "%zu articles on the page; the batch's median is %.1f",
                  p.articles, median);
    p.flags.push_back({"unusual-count", "", 0, buf});
  }
}

IngestReport MakeIngestReport(const std::vector<std::filesystem::path>& files,
                              const PageMeta& defaults) {
  IngestReport report;
  for (const auto& file : files) {
    if (IsNdjsonPath(file)) continue;
    report.pages.push_back(ReportPage(ReadPageFile(file, defaults),
                                      file.string(),
                                      IngestThresholds::Default()));
  }
  FlagUnusualCounts(report, IngestThresholds::Default());
  return report;
}

size_t IngestReport::FlagCount() const {
  size_t n = 0;
  for (const auto& p : pages) n += p.flags.size();
  return n;
}

std::string IngestReport::ToText() const {
  std::string out;
  size_t articles = 0, flagged = 0;
  for (const auto& p : pages) {
    articles += p.articles;
    if (!p.flags.empty()) ++flagged;
    for (const auto& f : p.flags) {
      out += "ingest report: " + p.file + ": " + f.kind;
      if (!f.article_id.empty()) out += " " + f.article_id;
      out += ": " + f.detail + "\n";
    }
  }
  out += "ingest report: " + std::to_string(pages.size()) + " pages, " +
         std::to_string(articles) + " articles, " +
         std::to_string(FlagCount()) + " flags on " + std::to_string(flagged) +
         " pages\n";
  return out;
}

nlohmann::json IngestReport::ToJson() const {
  nlohmann::json out = {{"version", 1}, {"pages", nlohmann::json::array()}};
  for (const auto& p : pages) {
    nlohmann::json flags = nlohmann::json::array();
    for (const auto& f : p.flags) {
      flags.push_back({{"kind", f.kind},
                       {"article", f.article_id},
                       {"line", f.line},
                       {"detail", f.detail}});
    }
    out["pages"].push_back({{"file", p.file},
                            {"layout", p.layout},
                            {"articles", p.articles},
                            {"flags", std::move(flags)}});
  }
  out["flags"] = FlagCount();
  return out;
}

bool PrintIngestReport(const std::vector<std::filesystem::path>& files,
                       const PageMeta& defaults, const std::string& json_file,
                       bool quiet, const nlohmann::json& extra) {
  IngestReport report = MakeIngestReport(files, defaults);
  std::string text = report.ToText();
  if (quiet) text = text.substr(text.rfind("ingest report:"));
  std::cout << text;
  if (json_file.empty()) return true;
  std::ofstream out(json_file, std::ios::binary | std::ios::trunc);
  nlohmann::json json = report.ToJson();
  for (const auto& [key, value] : extra.items()) json[key] = value;
  out << json.dump(1) << "\n";
  out.close();
  if (!out) {
    std::cerr << "baoku-index: --report " << json_file
              << ": cannot write the ingest report\n";
    return false;
  }
  return true;
}

nlohmann::json DecisionsJson(const std::vector<ReaderDecision>& decisions) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : decisions) {
    // Largest contribution first, as the reader sorted them.
    nlohmann::json features = nlohmann::json::array();
    for (const auto& [name, contribution] : d.contributions) {
      features.push_back(
          {{"feature", name},
           {"contribution", std::round(contribution * 1000) / 1000}});
    }
    out.push_back({{"line", d.line},
                   {"text", d.text},
                   {"label", d.new_article ? "headline" : d.alternative},
                   {"score", std::round(d.score * 1000) / 1000},
                   {"features", std::move(features)}});
  }
  return out;
}

}  // namespace baoku::corpus
