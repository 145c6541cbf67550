// Reads a raw newspaper page (a plain-text e-paper dump) into articles.
//
// The page text has no markup. The reader first decides the page's
// conventions: paragraphs separated by blank lines (articles by one or three),
// or one paragraph a line, marked by a two-space indent or not (articles by
// a blank line, or by nothing at all). Title blocks and bylines are plain
// lines. The reader recognises title blocks (column, kicker, headline,
// subtitle), bylines in their printed forms, photo captions, numbered Q&A
// pieces, in-body subheads, and rejoins paragraphs broken by a column break.
//
// Pure functions of their input; thread-safe.
#ifndef BAOKU_CORPUS_PAGE_READER_H_
#define BAOKU_CORPUS_PAGE_READER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/page_meta.h"
#include "baoku/corpus/reader_model.h"

namespace baoku::corpus {

struct PageReading {
  std::vector<Article> articles;
  std::vector<Diagnostic> warnings;
  // Set when the page cannot be read at all (binary, no date, unreadable);
  // `articles` is then empty.
  std::optional<Diagnostic> error;
  std::string encoding;
  // The page's metadata as resolved (front matter, issue.json, path,
  // defaults); set whenever the text was decoded.
  PageMeta meta;
  // How the page was laid out: "blank-line paragraphs", "indented
  // paragraphs" or "one paragraph a line".
  std::string layout;
  // Every decision the fitted model took, in page order (for --explain and
  // the ingest report).
  std::vector<ReaderDecision> decisions;
};

struct ReaderOptions {
  // The weights to decide with; ReaderModel::Default() when null. Must
  // outlive the call.
  const ReaderModel* model = nullptr;
  // For fitting: when set, called at each decision with its line and
  // features, and its answer (new article or not) is taken instead of the
  // model's. Called on the calling thread only.
  std::function<bool(int line, const FeatureVector& features)> decide;
};

// Splits decoded page text. `meta` must carry a date and a page; `file`
// labels diagnostics and is stored in each article. A front-matter block at
// the top of `text`, if any, is skipped.
PageReading SplitPage(std::string_view text, const PageMeta& meta,
                      const std::string& file);
PageReading SplitPage(std::string_view text, const PageMeta& meta,
                      const std::string& file, const ReaderOptions& options);

// Reads a page file: decodes it, resolves its metadata (front matter,
// issue.json, path, then `defaults`) and splits it. Never throws for bad
// input; I/O failures are reported in `error`.
PageReading ReadPageFile(const std::filesystem::path& path,
                         const PageMeta& defaults);
PageReading ReadPageFile(const std::filesystem::path& path,
                         const PageMeta& defaults,
                         const ReaderOptions& options);

// The largest page file the reader accepts: a real page is tens of KiB.
inline constexpr std::uintmax_t kMaxPageBytes = 16u << 20;

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_PAGE_READER_H_
