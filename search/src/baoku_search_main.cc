// baoku-search: searches a baoku index from the command line.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/result_json.h"
#include "baoku/search/searcher.h"

namespace {

// Wraps the highlighted spans in 【】 for a terminal.
std::string MarkSnippet(const baoku::search::Snippet& snippet) {
  std::u32string cps;
  std::string out;
  size_t pos = 0;
  size_t index = 0;
  auto h = snippet.highlights.begin();
  while (pos < snippet.text.size()) {
    if (h != snippet.highlights.end() && index == h->begin) out += "【";
    size_t before = pos;
    baoku::corpus::utf8::Next(snippet.text, pos);
    out += snippet.text.substr(before, pos - before);
    ++index;
    if (h != snippet.highlights.end() && index == h->end) {
      out += "】";
      ++h;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"baoku-search: search a baoku index"};
  std::string db;
  std::vector<std::string> words;
  bool json = false;
  int limit = 10;
  int offset = 0;
  app.add_option("--db", db, "Index directory")->required();
  app.add_option("query", words, "Query words")->required();
  app.add_flag("--json", json, "Print the results as JSON");
  app.add_option("--limit", limit, "Results per page (1-100)");
  app.add_option("--offset", offset, "Results to skip");
  CLI11_PARSE(app, argc, argv);

  baoku::search::SearchRequest request;
  for (const auto& w : words) {
    request.query += (request.query.empty() ? "" : " ") + w;
  }
  request.limit = limit;
  request.offset = offset;
  try {
    baoku::corpus::TextAnalyzer analyzer;
    baoku::search::Searcher searcher(db, analyzer);
    auto response = searcher.Search(request);
    if (response.error) {
      if (json) {
        std::cout << baoku::search::QueryErrorToJson(*response.error).dump(2)
                  << "\n";
      } else {
        std::cerr << "baoku-search: bad " << response.error->parameter << ": "
                  << response.error->message << "\n";
      }
      return 2;
    }
    if (json) {
      std::cout << baoku::search::SearchResponseToJson(response).dump(2)
                << "\n";
      return 0;
    }
    std::cout << "共 " << response.total << " 篇\n";
    int rank = response.offset;
    for (const auto& hit : response.hits) {
      const auto& a = hit.article;
      std::cout << "\n"
                << ++rank << ". " << baoku::corpus::DisplayTitle(a) << "\n   "
                << a.date.ToIso() << " 第" << a.page << "版";
      for (const auto& r : a.reporters) std::cout << " " << r;
      std::cout << "  [" << a.id << "]\n   " << MarkSnippet(hit.snippet)
                << "\n";
    }
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << "baoku-search: " << db << ": " << e.get_description() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "baoku-search: " << e.what() << "\n";
    return 3;
  }
}
