#include "baoku/search/atom_feed.h"

#include "baoku/corpus/utf8.h"

namespace baoku::search {
namespace {

std::string Updated(const corpus::Date& date) {
  return date.ToIso() + "T00:00:00+08:00";
}

// The first paragraph, cut at about 200 characters.
std::string Summary(const corpus::Article& a) {
  for (const auto& paragraph : a.paragraphs) {
    if (paragraph.empty()) continue;
    size_t cut = corpus::utf8::OffsetOfCodePoint(paragraph, 200);
    std::string summary = paragraph.substr(0, cut);
    if (cut < paragraph.size()) summary += "…";
    return summary;
  }
  return "";
}

void Element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text) {
  out += indent;
  out += "<";
  out += name;
  out += ">";
  out += XmlEscape(text);
  out += "</";
  out += name;
  out += ">\n";
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 allows no C0 controls but tab, LF and CR.
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string AtomFeed(const FeedInfo& feed,
                     const std::vector<corpus::Article>& articles) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  Element(out, "  ", "id", feed.id);
  Element(out, "  ", "title", feed.title);
  Element(out, "  ", "updated",
          articles.empty() ? "1970-01-01T00:00:00Z"
                           : Updated(articles.front().date));
  out += "  <author>\n";
  Element(out, "    ", "name", feed.author.empty() ? "报库" : feed.author);
  out += "  </author>\n";
  out += "  <generator>baoku</generator>\n";
  if (!feed.self_path.empty()) {
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
           XmlEscape(feed.base_url + feed.self_path) + "\"/>\n";
  }
  for (const auto& a : articles) {
    out += "  <entry>\n";
    Element(out, "    ", "id",
            "tag:baoku," + std::to_string(a.date.year) + ":article/" + a.id);
    std::string title = corpus::DisplayTitle(a);
    Element(out, "    ", "title", title.empty() ? "(无标题)" : title);
    Element(out, "    ", "updated", Updated(a.date));
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
           XmlEscape(feed.base_url + "/article?id=" + a.id) + "\"/>\n";
    for (const auto& name : a.reporters) {
      out += "    <author>\n";
      Element(out, "      ", "name", name);
      out += "    </author>\n";
    }
    std::string category = a.column.empty() ? a.section : a.column;
    if (!category.empty()) {
      out += "    <category term=\"" + XmlEscape(category) + "\"/>\n";
    }
    std::string summary = Summary(a);
    if (!summary.empty()) Element(out, "    ", "summary", summary);
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace baoku::search
