// baoku-fit-ingest-report: fits the ingest report's thresholds on gold
// pages with deliberately glued stories (ingest_report_fitting.h), prints
// the leave-one-layout-out table on stderr and the thresholds fitted on all
// layouts, in the form of corpus/ingest_thresholds.txt, on stdout.
// Usage: baoku-fit-ingest-report LAYOUT_DIR... > corpus/ingest_thresholds.txt
// Each LAYOUT_DIR (a folder of gold pages) is one layout, and folders of the
// same name are one layout (corpus/gold/blank and pages rendered at run
// time into DIR/blank); arguments that are not folders are ignored, so
// `corpus/gold/*` may be given.
#include <iostream>

#include "gold.h"
#include "ingest_report_fitting.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: baoku-fit-ingest-report LAYOUT_DIR...\n"
                 "  (the shipped thresholds: baoku-fit-ingest-report "
                 "corpus/samples corpus/gold/* > corpus/ingest_thresholds.txt)"
                 "\n";
    return 2;
  }
  const baoku::corpus::PageMeta defaults =
      baoku::testing::UndatedGoldDefaults();
  try {
    std::vector<baoku::testing::GoldLayout> names;
    std::vector<std::vector<baoku::testing::FitPage>> layouts;
    for (int i = 1; i < argc; ++i) {
      std::filesystem::path dir = argv[i];
      if (!std::filesystem::is_directory(dir)) continue;
      baoku::testing::GoldLayout layout{dir.filename().string(), dir};
      auto pages = baoku::testing::GluedAndCleanPages(layout, defaults);
      if (pages.empty()) {
        std::cerr << "baoku-fit-ingest-report: " << dir.string()
                  << ": no gold pages\n";
        return 1;
      }
      size_t k = 0;
      while (k < names.size() && names[k].name != layout.name) ++k;
      if (k == names.size()) {
        names.push_back(layout);
        layouts.emplace_back();
      }
      for (auto& p : pages) layouts[k].push_back(std::move(p));
    }
    if (layouts.size() < 2) {
      std::cerr << "baoku-fit-ingest-report: need at least two layout "
                   "folders to hold one out\n";
      return 2;
    }
    std::cerr << baoku::testing::HeldOutDetectionTable(
        baoku::testing::LeaveOneLayoutOut(names, layouts));
    auto fitted = baoku::testing::FitThresholds(layouts);
    auto all = baoku::testing::Detect(layouts, fitted);
    std::cout << "# Fitted by baoku-fit-ingest-report on " << all.clean
              << " clean and " << all.glued << " glued pages of layouts:";
    for (const auto& n : names) std::cout << " " << n.name;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "\n# On them: recall %.3f, false alarms %.3f, F1 %.3f\n",
                  all.Recall(), all.FalseAlarmRate(), all.F1());
    std::cout << buf;
    // The values typed in before any fit, for comparison.
    auto typed = baoku::testing::Detect(layouts, {});
    std::snprintf(buf, sizeof buf,
                  "# Unfitted defaults (%g, %g, %g): recall %.3f, false "
                  "alarms %.3f, F1 %.3f\n",
                  baoku::corpus::IngestThresholds{}.much_longer_ratio,
                  baoku::corpus::IngestThresholds{}.doubtful_probability,
                  baoku::corpus::IngestThresholds{}.unusual_count_ratio,
                  typed.Recall(), typed.FalseAlarmRate(), typed.F1());
    std::cout << buf << fitted.ToText();
  } catch (const std::exception& e) {
    std::cerr << "baoku-fit-ingest-report: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
