// Atom feeds (RFC 4287) of a list of articles: a saved search, a reporter,
// a topic, a column. Served as application/atom+xml by GET /api/feed.
//
// Pure functions; thread-safe.
#ifndef BAOKU_SEARCH_ATOM_FEED_H_
#define BAOKU_SEARCH_ATOM_FEED_H_

#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"

namespace baoku::search {

inline constexpr std::string_view kAtomContentType =
    "application/atom+xml; charset=utf-8";

struct FeedInfo {
  // The feed's atom:id, an absolute IRI that never changes for this feed
  // (e.g. "tag:baoku,2026:feed/reporter/张子珂").
  std::string id;
  std::string title;  // "云州日报 · 记者:张子珂".
  // The server's base, "http://127.0.0.1:8080" (no trailing slash); links
  // are "<base>/article?id=…". Empty: links are relative ("/article?id=…").
  std::string base_url;
  // This feed's own address, from base_url; "" for none.
  std::string self_path;
  std::string author;  // Feed author (the paper); required by RFC 4287.
};

// `articles` newest first (the caller's order is kept). Each entry: id
// "tag:baoku,<year>:article/<article id>", title DisplayTitle(), updated
// the date (00:00 China time, +08:00), a link to the article, its
// reporters as authors and its first paragraph as summary. The feed's
// updated is its newest entry's (1970-01-01 for an empty feed). Text is
// XML-escaped and characters XML 1.0 forbids are dropped.
std::string AtomFeed(const FeedInfo& feed,
                     const std::vector<corpus::Article>& articles);

// &, <, >, " and ' escaped; control characters XML 1.0 forbids dropped.
std::string XmlEscape(std::string_view text);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_ATOM_FEED_H_
