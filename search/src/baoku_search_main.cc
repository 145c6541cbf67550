// baoku-search: searches a baoku index from the command line.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/fields.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/atom_feed.h"
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

// "为什么匹配：資金 → 正文「资金」繁简转换 ×2；…" (match_reasons.h).
std::string WhyLine(const std::vector<baoku::search::MatchReason>& reasons) {
  std::string out;
  for (const auto& r : reasons) {
    out += out.empty() ? "为什么匹配：" : "；";
    out += r.part + " → " + r.where_label + "「" + r.printed + "」";
    for (size_t i = 0; i < r.forms.size(); ++i) {
      out += (i ? "、" : "");
      out += baoku::search::MatchFormLabel(r.forms[i]);
    }
    if (r.count > 1) out += " ×" + std::to_string(r.count);
  }
  return out;
}

void PrintValues(const char* name,
                 const std::vector<baoku::search::FacetValue>& values) {
  if (values.empty()) return;
  std::cout << name << ":";
  for (const auto& v : values)
    std::cout << " " << v.label << "(" << v.count << ")";
  std::cout << "\n";
}

void PrintFacets(const baoku::search::Facets& facets) {
  for (const auto& field : baoku::corpus::FieldTable::Standard().fields()) {
    if (field.facet_slot) {
      PrintValues(field.label.c_str(), facets.Of(field.facet_key));
    }
  }
  if (!facets.dates.empty()) {
    std::cout << "日期:";
    for (const auto& b : facets.dates) {
      std::cout << " " << b.key << "(" << b.count << ")";
    }
    std::cout << "\n";
  }
}

int ShowArticle(baoku::search::Searcher& searcher, const std::string& id,
                bool json) {
  namespace search = baoku::search;
  auto article = searcher.FindArticle(id);
  if (!article) {
    std::cerr << "baoku-search: no article with id " << id << "\n";
    return 2;
  }
  auto keywords =
      searcher.Keywords(id, 12).value_or(std::vector<std::string>{});
  auto related = searcher.Related(id, 5).value_or(std::vector<search::Hit>{});
  auto neighbours = searcher.NeighboursOf(*article);
  if (json) {
    nlohmann::json out = baoku::corpus::ArticleToJson(*article);
    out["keywords"] = keywords;
    out["related"] = nlohmann::json::array();
    for (const auto& hit : related) {
      out["related"].push_back(search::HitToJson(hit, searcher.topics()));
    }
    out["same_page"] = nlohmann::json::array();
    for (const auto& hit : neighbours.same_page) {
      out["same_page"].push_back(hit.article.id);
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << baoku::corpus::DisplayTitle(*article) << "\n"
            << article->date.ToIso() << " 第" << article->page << "版  [" << id
            << "]\n关键词:";
  for (const auto& k : keywords) std::cout << " " << k;
  std::cout << "\n\n相关文章:\n";
  for (const auto& hit : related) {
    std::cout << "  " << hit.article.date.ToIso() << " "
              << baoku::corpus::DisplayTitle(hit.article) << " ["
              << hit.article.id << "]\n";
  }
  std::cout << "\n同版文章:\n";
  for (const auto& hit : neighbours.same_page) {
    std::cout << "  " << hit.article.ordinal << ". "
              << baoku::corpus::DisplayTitle(hit.article) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"baoku-search: search a baoku index"};
  std::string db;
  std::vector<std::string> words;
  bool json = false;
  int limit = 10;
  int offset = 0;
  std::string sort = "relevance";
  bool facets = false;
  std::string article_id;
  app.add_option("--db", db, "Index directory or stub file")->required();
  std::string fields_help;
  for (const auto& field : baoku::corpus::FieldTable::Standard().fields()) {
    fields_help += (fields_help.empty() ? "" : ", ") + field.label + ":/" +
                   field.name + ":";
  }
  app.add_option("query", words,
                 "Query: words, \"phrases\", -exclude, OR, (groups), " +
                     fields_help + " (see docs/SEARCH.md)");
  app.add_option("--sort", sort,
                 "relevance, newest, oldest, print or prominence (relevance "
                 "with the 头版/头条 prior)")
      ->check(CLI::IsMember(
          {"relevance", "newest", "oldest", "print", "prominence"}));
  double prior_strength = baoku::search::kProminencePriorStrength;
  app.add_option("--prior-strength", prior_strength,
                 "With --sort prominence: the prior's strength in BM25 units "
                 "(default: the fitted one; for measuring it)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--facets", facets, "Also count reporters, topics, dates...");
  app.add_option("--article", article_id,
                 "Show one article by id: keywords, related articles and "
                 "its page (no query needed)");
  app.add_flag("--json", json, "Print the results as JSON");
  std::string atom_base;
  bool atom = false;
  app.add_flag("--atom", atom,
               "Print the results, newest first, as an Atom feed");
  app.add_option("--atom-base", atom_base,
                 "With --atom: the server the links point to, e.g. "
                 "http://127.0.0.1:8080");
  app.add_option("--limit", limit, "Results per page (1-100)");
  app.add_option("--offset", offset, "Results to skip");
  CLI11_PARSE(app, argc, argv);

  baoku::search::SearchRequest request;
  for (const auto& w : words) {
    request.query += (request.query.empty() ? "" : " ") + w;
  }
  request.limit = limit;
  request.sort = *baoku::search::SortOrderFromName(sort);
  request.prominence_strength = prior_strength;
  // A feed is newest first, whatever --sort says.
  if (atom) request.sort = baoku::search::SortOrder::kNewest;
  request.with_facets = facets;
  request.offset = offset;
  request.explain_matches = !atom;
  try {
    baoku::corpus::TextAnalyzer analyzer;
    baoku::search::Searcher searcher(db, analyzer);
    if (!article_id.empty()) return ShowArticle(searcher, article_id, json);
    auto response = searcher.Search(request);
    if (response.error) {
      if (json) {
        std::cout << baoku::search::QueryErrorToJson(*response.error).dump(2)
                  << "\n";
      } else {
        const auto& e = *response.error;
        std::cerr << "baoku-search: " << e.parameter;
        if (e.parameter == "q")
          std::cerr << " (第 " << e.offset + 1 << " 个字符)";
        std::cerr << ": " << e.message << "\n";
      }
      return 2;
    }
    if (atom) {
      std::vector<baoku::corpus::Article> articles;
      for (auto& hit : response.hits)
        articles.push_back(std::move(hit.article));
      baoku::search::FeedInfo feed;
      feed.id = "tag:baoku,2026:feed/search?q=" + request.query;
      feed.title = "报库 · " + request.query;
      feed.base_url = atom_base;
      feed.author = articles.empty() ? "报库" : articles.front().paper;
      std::cout << baoku::search::AtomFeed(feed, articles);
      return 0;
    }
    if (json) {
      std::cout << baoku::search::SearchResponseToJson(response,
                                                       searcher.topics())
                       .dump(2)
                << "\n";
      return 0;
    }
    std::cout << "共 " << response.total << " 篇\n";
    if (response.facets) PrintFacets(*response.facets);
    int rank = response.offset;
    for (const auto& hit : response.hits) {
      const auto& a = hit.article;
      std::cout << "\n"
                << ++rank << ". " << baoku::corpus::DisplayTitle(a) << "\n   "
                << a.date.ToIso() << " 第" << a.page << "版";
      for (const auto& r : a.reporters) std::cout << " " << r;
      for (const auto& t : a.topics) {
        std::cout << " #" << searcher.topics().Label(t.id);
      }
      std::cout << "  [" << a.id << "]\n   " << MarkSnippet(hit.snippet)
                << "\n";
      if (hit.why && !hit.why->empty()) {
        std::cout << "   " << WhyLine(*hit.why) << "\n";
      }
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
