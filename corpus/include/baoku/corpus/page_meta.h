// Where a page's paper, date, page number and section come from.
//
// In order of precedence: a front-matter block at the top of the file, the
// issue.json manifest in the page's folder, the file's path, and finally the
// defaults given by the caller (baoku-index --paper --date --page).
// Pure functions; thread-safe.
#ifndef BAOKU_CORPUS_PAGE_META_H_
#define BAOKU_CORPUS_PAGE_META_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/date.h"
#include "baoku/corpus/diagnostic.h"

namespace baoku::corpus {

struct PageMeta {
  std::string paper;
  std::string paper_code;
  std::optional<Date> date;
  std::optional<int> page;
  std::string section;

  // Fills the fields that are unset here from `fallback`.
  void FillFrom(const PageMeta& fallback);
};

// The paper code used when no source names one.
inline constexpr std::string_view kDefaultPaperCode = "paper";

struct FrontMatter {
  PageMeta meta;
  // Number of lines the block occupies (0 when there is none); the page text
  // starts after them.
  int line_count = 0;
  std::vector<Diagnostic> errors;
};

// Reads a block "---\nkey: value\n...\n---" at the very top of the text.
// Keys: paper, paper_code, date, page, section. Bad values are errors naming
// the line.
FrontMatter ParseFrontMatter(std::string_view text, const std::string& file);

// Date and page from paths like 2026-06-11/03.txt, 2026/06/11/03.txt,
// 20260611_03.txt and 2026-06-11_03.txt.
PageMeta MetaFromPath(const std::filesystem::path& path);

// Reads issue.json beside the page, if present: paper, paper_code, date and
// sections (page number → section name). Errors name the file.
PageMeta MetaFromManifest(const std::filesystem::path& page_path,
                          std::vector<Diagnostic>& errors);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_PAGE_META_H_
