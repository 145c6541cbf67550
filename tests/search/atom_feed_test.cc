#include "baoku/search/atom_feed.h"

#include <catch2/catch.hpp>

namespace baoku::search {
namespace {

corpus::Article Sample(std::string id, corpus::Date date,
                       std::string headline) {
  corpus::Article a;
  a.id = std::move(id);
  a.date = date;
  a.headline = std::move(headline);
  a.reporters = {"张子珂"};
  a.paragraphs = {"第一段 <b>&\"引号\"</b>\x01。"};
  return a;
}

TEST_CASE("XmlEscape escapes markup and drops forbidden controls", "[atom]") {
  CHECK(XmlEscape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(XmlEscape("x\x01y\tz\n") == "xy\tz\n");
  CHECK(XmlEscape("维修资金") == "维修资金");
}

TEST_CASE("A feed has the parts RFC 4287 requires", "[atom]") {
  FeedInfo info{"tag:baoku,2026:feed/reporter/张子珂", "云州日报 · 记者:张子珂",
                "http://127.0.0.1:8080", "/api/feed?reporter=x", "云州日报"};
  std::string xml = AtomFeed(
      info, {Sample("yzrb-20260611-03-02", {2026, 6, 11}, "维修资金<新规>"),
             Sample("yzrb-20260609-01-01", {2026, 6, 9}, "")});
  CHECK(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\"") !=
        std::string::npos);
  CHECK(xml.find("<id>tag:baoku,2026:feed/reporter/张子珂</id>") !=
        std::string::npos);
  // The feed is as new as its newest entry, which comes first.
  CHECK(xml.find("<updated>2026-06-11T00:00:00+08:00</updated>") <
        xml.find("<entry>"));
  CHECK(xml.find("<title>维修资金&lt;新规&gt;</title>") <
        xml.find("<title>(无标题)</title>"));
  CHECK(xml.find(
            "href=\"http://127.0.0.1:8080/article?id=yzrb-20260611-03-02\"") !=
        std::string::npos);
  CHECK(xml.find("<id>tag:baoku,2026:article/yzrb-20260611-03-02</id>") !=
        std::string::npos);
  CHECK(xml.find("&lt;b&gt;&amp;&quot;引号&quot;") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("rel=\"self\"") != std::string::npos);

  std::string empty = AtomFeed(info, {});
  CHECK(empty.find("<updated>1970-01-01T00:00:00Z</updated>") !=
        std::string::npos);
  CHECK(empty.find("<entry>") == std::string::npos);
}

}  // namespace
}  // namespace baoku::search
