// The ingest report's thresholds (ingest_report.h), fitted on gold pages
// with deliberately glued stories by baoku-fit-ingest-report
// (tests/corpus/ingest_report_fitting.h) and shipped as
// corpus/ingest_thresholds.txt, compiled into the library.
//
// Value type; const methods are thread-safe.
#ifndef BAOKU_CORPUS_INGEST_THRESHOLDS_H_
#define BAOKU_CORPUS_INGEST_THRESHOLDS_H_

#include <optional>
#include <string>
#include <string_view>

namespace baoku::corpus {

struct IngestThresholds {
  // "much-longer": a running story longer than this many times the median
  // of the page's other running stories. > 1.
  double much_longer_ratio = 4.0;
  // "headline-as-text": a title-shaped line the reader kept in an article
  // although its model gave a new article at least this probability.
  // In (0, 0.5]: at 0.5 or more the reader starts the article itself.
  double doubtful_probability = 0.35;
  // "unusual-count": a page with more than this many times, or fewer than
  // 1/this of, the batch's median article count. > 1.
  double unusual_count_ratio = 3.0;

  // The fitted values (corpus/ingest_thresholds.txt).
  static const IngestThresholds& Default();

  // Reads the text form written by ToText(): a first line
  // "baoku-ingest-thresholds 1", then "name<TAB>value" lines for each of
  // the three names above; '#' comments. Returns nullopt and sets `error`
  // (naming the line or the missing name) on bad input.
  static std::optional<IngestThresholds> Parse(std::string_view text,
                                               std::string* error);
  std::string ToText() const;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_INGEST_THRESHOLDS_H_
