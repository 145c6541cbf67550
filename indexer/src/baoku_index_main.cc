// baoku-index: reads newspaper pages and writes them into a baoku index.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/indexer/batch.h"

namespace {

using baoku::corpus::Diagnostic;

int Explain(const std::vector<std::filesystem::path>& files,
            const baoku::corpus::PageMeta& defaults) {
  int status = 0;
  for (const auto& file : files) {
    nlohmann::json out;
    out["file"] = file.string();
    if (baoku::corpus::IsNdjsonPath(file)) {
      auto records = baoku::corpus::ReadNdjsonFile(file, defaults);
      out["articles"] = nlohmann::json::array();
      for (const auto& a : records.articles) {
        out["articles"].push_back(baoku::corpus::ArticleToJson(a));
      }
      out["warnings"] = nlohmann::json::array();
      for (const auto& w : records.warnings) {
        out["warnings"].push_back(w.ToString());
      }
      out["errors"] = nlohmann::json::array();
      for (const auto& e : records.errors)
        out["errors"].push_back(e.ToString());
      if (records.error) out["errors"].push_back(records.error->ToString());
      if (!out["errors"].empty()) status = 1;
      std::cout << out.dump(2) << "\n";
      continue;
    }
    auto page = baoku::corpus::ReadPageFile(file, defaults);
    out["encoding"] = page.encoding;
    out["articles"] = nlohmann::json::array();
    for (const auto& a : page.articles) {
      out["articles"].push_back(baoku::corpus::ArticleToJson(a));
    }
    out["warnings"] = nlohmann::json::array();
    for (const auto& w : page.warnings) out["warnings"].push_back(w.ToString());
    if (page.error) {
      out["error"] = page.error->ToString();
      status = 1;
    }
    std::cout << out.dump(2) << "\n";
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "baoku-index: read newspaper pages (plain-text e-paper dumps) and "
      "index them"};
  std::string db;
  std::vector<std::string> inputs;
  std::string paper, paper_code, date, page_number;
  bool explain = false;
  bool quiet = false;
  app.add_option("--db", db, "Index directory (created if missing)");
  app.add_option("paths", inputs, "Page files or directories of pages")
      ->required();
  app.add_option("--paper", paper, "Paper name when the pages do not say");
  app.add_option("--paper-code", paper_code,
                 "Short ASCII paper code used in article ids");
  app.add_option("--date", date,
                 "Issue date (YYYY-MM-DD) when not in the path");
  app.add_option("--page", page_number, "Page number when not in the path");
  app.add_flag("--explain", explain,
               "Print how each page is split into articles (JSON); no index");
  app.add_flag("-q,--quiet", quiet, "Print only errors and the summary");
  CLI11_PARSE(app, argc, argv);

  baoku::corpus::PageMeta defaults;
  defaults.paper = paper;
  defaults.paper_code = paper_code;
  if (!date.empty()) {
    defaults.date = baoku::corpus::ParseDate(date);
    if (!defaults.date) {
      std::cerr << "baoku-index: --date '" << date
                << "' is not a valid YYYY-MM-DD date\n";
      return 2;
    }
  }
  if (!page_number.empty()) {
    try {
      defaults.page = std::stoi(page_number);
    } catch (...) {
    }
    if (!defaults.page || *defaults.page < 1 || *defaults.page > 999) {
      std::cerr << "baoku-index: --page '" << page_number
                << "' is not a page number 1..999\n";
      return 2;
    }
  }

  std::vector<Diagnostic> find_errors;
  std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
  auto files = baoku::indexer::FindPageFiles(paths, find_errors);
  for (const auto& e : find_errors) {
    std::cerr << "baoku-index: error: " << e.ToString() << "\n";
  }
  if (explain) return Explain(files, defaults) || !find_errors.empty();
  if (db.empty()) {
    std::cerr << "baoku-index: --db is required (or use --explain)\n";
    return 2;
  }

  try {
    baoku::indexer::BatchOptions options;
    options.defaults = defaults;
    options.report = [&](const Diagnostic& d, bool is_error) {
      if (is_error) {
        std::cerr << "baoku-index: error: " << d.ToString() << "\n";
      } else if (!quiet) {
        std::cerr << "baoku-index: warning: " << d.ToString() << "\n";
      }
    };
    auto s = baoku::indexer::IndexFiles(db, files, options);
    std::printf(
        "baoku-index: %zu files (%zu failed), %zu issues, %zu articles "
        "(%zu new, %zu updated, %zu removed), %zu records rejected, "
        "%zu warnings, %.2f s\n",
        s.files, s.failed_files, s.issues, s.articles, s.added, s.replaced,
        s.removed, s.failed_records, s.warnings, s.seconds);
    bool all_read =
        s.failed_files == 0 && s.failed_records == 0 && find_errors.empty();
    return all_read ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "baoku-index: error: " << e.what() << "\n";
    return 3;
  } catch (const Xapian::Error& e) {
    std::cerr << "baoku-index: error: " << db << ": " << e.get_description()
              << "\n";
    return 3;
  }
}
