// The ingest report: what the reader found on each page of a batch and what
// looks wrong, for the staff who re-index every day, so that a bad split is
// seen the day it happens.
//
// Flags (each names the article and line):
//   no-byline          a news article with no byline, author or source
//   much-longer        an article far longer than the page's others
//   headline-as-text   a title line read as a subhead although the reader's
//                      model gave a new article a fair chance
//   byline-not-read    a short line naming a reporter's role (记者, 通讯员,
//                      摄…) left in the title or text
//                      or a subhead in a Q&A item, brief or photo
//   unusual-count      a page with no articles, or far more or fewer than
//                      the batch's usual count
// "Far", "fair" and "far more" are the fitted IngestThresholds
// (ingest_thresholds.h), chosen on gold pages with glued stories.
//
// Plain values; build one per batch on one thread.
#ifndef BAOKU_CORPUS_INGEST_REPORT_H_
#define BAOKU_CORPUS_INGEST_REPORT_H_

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "baoku/corpus/ingest_thresholds.h"
#include "baoku/corpus/page_meta.h"
#include "baoku/corpus/page_reader.h"

namespace baoku::corpus {

struct IngestFlag {
  std::string kind;        // "no-byline", "much-longer", ...
  std::string article_id;  // Empty for a page-level flag.
  int line = 0;            // 1-based line of the page; 0 for the page.
  std::string detail;      // What looks wrong, for a person to read.
};

struct PageReport {
  std::string file;
  std::string layout;  // PageReading::layout.
  size_t articles = 0;
  std::vector<IngestFlag> flags;
};

struct IngestReport {
  std::vector<PageReport> pages;

  size_t FlagCount() const;
  // One line per flag and a summary line.
  std::string ToText() const;
  nlohmann::json ToJson() const;
};

// The flags of one page read by the reader (page-level counts need the
// batch: see MakeIngestReport).
PageReport ReportPage(
    const PageReading& reading, const std::string& file,
    const IngestThresholds& thresholds = IngestThresholds::Default());

// Reads each page file (NDJSON exports are skipped: they carry no layout)
// and reports on the batch. Never throws for bad pages: an unreadable page
// is reported with an "unusual-count" flag naming its error.
IngestReport MakeIngestReport(const std::vector<std::filesystem::path>& files,
                              const PageMeta& defaults);

// Adds the batch-level flags (unusual article counts) to `report`.
void FlagUnusualCounts(
    IngestReport& report,
    const IngestThresholds& thresholds = IngestThresholds::Default());

// For baoku-index after a batch: reports on `files`, prints the flags and a
// summary to stdout (only the summary when `quiet`), and writes the JSON to
// `json_file` unless it is empty. Returns false, with a message on stderr
// naming the file, when the JSON cannot be written. `extra`'s members (an
// object, e.g. {"saved_searches": […]}) are added to the JSON's top level.
bool PrintIngestReport(const std::vector<std::filesystem::path>& files,
                       const PageMeta& defaults, const std::string& json_file,
                       bool quiet,
                       const nlohmann::json& extra = nlohmann::json::object());

// The reader's model decisions as JSON, for --explain: line, text, label,
// score and the deciding features.
nlohmann::json DecisionsJson(const std::vector<ReaderDecision>& decisions);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_INGEST_REPORT_H_
