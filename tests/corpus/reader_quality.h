// Measures the page reader against gold files (the seed's schema): article
// boundaries, bylines, title blocks, body text and kinds.
#ifndef BAOKU_TESTS_CORPUS_READER_QUALITY_H_
#define BAOKU_TESTS_CORPUS_READER_QUALITY_H_

#include <filesystem>
#include <string>
#include <vector>

#include "baoku/corpus/page_reader.h"

namespace baoku::testing {

struct ReaderQuality {
  size_t pages = 0;
  size_t gold_articles = 0;
  size_t read_articles = 0;
  // An article boundary is its first line; precision/recall over all pages.
  double boundary_precision = 0, boundary_recall = 0, boundary_f1 = 0;
  // (article first line, name) pairs.
  double reporter_f1 = 0, photographer_f1 = 0;
  // Share of gold articles whose title block (column, kicker, headline,
  // subtitle in print order) was read exactly.
  double title_block_exact = 0;
  // 1 - edit distance / gold length, over all gold body text.
  double body_char_accuracy = 0;
  double kind_accuracy = 0;

  std::string ToTable() const;
};

class ReaderQualityCounter {
 public:
  void AddPage(const corpus::PageReading& reading,
               const std::filesystem::path& gold_file);
  ReaderQuality Result() const;

 private:
  size_t pages_ = 0, gold_ = 0, read_ = 0, boundary_tp_ = 0;
  size_t reporter_tp_ = 0, reporter_pred_ = 0, reporter_gold_ = 0;
  size_t photo_tp_ = 0, photo_pred_ = 0, photo_gold_ = 0;
  size_t title_exact_ = 0, kind_correct_ = 0;
  double body_chars_ = 0, body_errors_ = 0;
};

// Reads every page that has a *.gold.json under `roots` and measures.
// `defaults` supplies date and page for gold pages without them (the seed).
ReaderQuality MeasureReader(const std::vector<std::filesystem::path>& roots,
                            const corpus::PageMeta& defaults);
ReaderQuality MeasureReader(const std::vector<std::filesystem::path>& roots,
                            const corpus::PageMeta& defaults,
                            const corpus::ReaderOptions& options);

// Gold pages of one layout, e.g. corpus/gold/indented.
struct GoldLayout {
  std::string name;
  std::filesystem::path root;
};

struct HeldOutQuality {
  std::string layout;
  std::string conventions;  // The page conventions the reader found.
  size_t training_decisions = 0;
  ReaderQuality quality;
};

// Leave one layout out: for each layout, the model is fitted on the gold of
// every layout whose pages the reader finds in other conventions (so the
// seed-style samples are not trained on when the seed-style layout is held
// out), then the held-out layout is read with it and scored.
std::vector<HeldOutQuality> LeaveOneLayoutOut(
    const std::vector<GoldLayout>& layouts, const corpus::PageMeta& defaults);

// As LeaveOneLayoutOut, and story-disjoint: the gold layouts are rendered
// from the same stories, so each held-out page is read with a model fitted
// only on the other conventions' pages that share none of its stories (by
// headline, or a photo's caption). `training_decisions` is the fewest any
// held-out page was read with.
std::vector<HeldOutQuality> LeaveOneLayoutAndStoryOut(
    const std::vector<GoldLayout>& layouts, const corpus::PageMeta& defaults);

// The subfolders of `gold_root` as layouts, sorted by name.
std::vector<GoldLayout> LayoutsUnder(const std::filesystem::path& gold_root);

// A markdown table, one row per held-out layout.
std::string HeldOutTable(const std::vector<HeldOutQuality>& rows);

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_CORPUS_READER_QUALITY_H_
