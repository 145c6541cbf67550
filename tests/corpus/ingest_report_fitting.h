// Fits the ingest report's thresholds (corpus/ingest_thresholds.txt) on gold
// pages with deliberately glued stories.
//
// A glued page is a gold page with two adjacent running stories merged the
// way a careless export merges them: the second story's byline dropped and
// the gap between the two closed to one paragraph break. Where the reader
// still reads the glued story apart, the report's "no-byline" flag points
// at it and no threshold is involved; where it merges the two, the page
// holds a merged story. The question the thresholds answer is "does this
// page hold a merged story?", told by the flags they govern (much-longer,
// headline-as-text, unusual-count): a merged page should be flagged, its
// unedited original should not. Thresholds are chosen on a grid by the
// best recall of that question with at most 5% of the clean pages flagged
// (a report that cries wolf daily is not read); ties go to the quieter
// thresholds. F1 is reported with precision at equal shares of merged and
// clean pages. Quality is reported leave one layout out.
#ifndef BAOKU_TESTS_CORPUS_INGEST_REPORT_FITTING_H_
#define BAOKU_TESTS_CORPUS_INGEST_REPORT_FITTING_H_

#include <string>
#include <vector>

#include "baoku/corpus/ingest_thresholds.h"
#include "baoku/corpus/page_meta.h"
#include "baoku/corpus/page_reader.h"
#include "reader_quality.h"

namespace baoku::testing {

// One page of a layout as the reader read it.
struct FitPage {
  std::string file;    // The gold page, for messages.
  bool glued = false;  // Two stories glued into one (see above).
  int glued_line = 0;  // 1-based line of the glued story's headline.
  corpus::PageReading reading;
  bool read_apart = false;  // Glued, but the reader starts an article there.
};

// The gold pages of a layout: each page as is, and one glued page per pair
// of adjacent running stories whose second one has a byline (only plain
// UTF-8 LF pages are edited).
std::vector<FitPage> GluedAndCleanPages(const GoldLayout& layout,
                                        const corpus::PageMeta& defaults);

// Page-level detection of "this page holds a merged story".
struct Detection {
  size_t glued = 0, clean = 0;  // Merged glued pages; clean originals.
  size_t read_apart = 0;        // Glued pages read apart: not scored.
  size_t glued_flagged = 0, clean_flagged = 0;
  double Recall() const;
  double FalseAlarmRate() const;
  // F1 with precision at equal shares of glued and clean pages.
  double F1() const;
};

// Whether the report flags anything on each page with `thresholds`; the
// batch for the unusual-count flag is each element of `layouts`.
Detection Detect(const std::vector<std::vector<FitPage>>& layouts,
                 const corpus::IngestThresholds& thresholds);

// The grid point with the best recall on `layouts` at a false-alarm rate
// of at most 5% (the quietest grid point when none reaches it).
corpus::IngestThresholds FitThresholds(
    const std::vector<std::vector<FitPage>>& layouts);

struct HeldOutDetection {
  std::string layout;
  corpus::IngestThresholds fitted;  // Without the layout's pages.
  Detection detection;              // On the layout's pages.
};

// For each layout: the thresholds fitted on the others, scored on it.
std::vector<HeldOutDetection> LeaveOneLayoutOut(
    const std::vector<GoldLayout>& names,
    const std::vector<std::vector<FitPage>>& layouts);

// The held-out rows as a markdown table.
std::string HeldOutDetectionTable(const std::vector<HeldOutDetection>& rows);

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_CORPUS_INGEST_REPORT_FITTING_H_
