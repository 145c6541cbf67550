// HTTP validators of the Api's answers: an ETag from the index revision for
// the per-revision /api/ routes and from size and modification time for the
// UI's files, Cache-Control, and 304 Not Modified on If-None-Match
// (RFC 9110 §13.1.2, weak comparison). Private to web/; pure functions.
#ifndef BAOKU_WEB_CACHING_H_
#define BAOKU_WEB_CACHING_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "baoku/web/api.h"

namespace baoku::web::internal {

// W/"<revision key>": the answer of a route that depends only on its URL
// and the index revision. Weak, as the gzip and plain bodies share it.
std::string RevisionTag(std::string_view revision_key);

// W/"<size>-<mtime>" of a file; empty when it cannot be read.
std::string FileTag(const std::filesystem::path& file);

// Whether an If-None-Match header value ("*", or a list of tags, weak or
// strong) matches `tag` by weak comparison.
bool NoneMatchHits(std::string_view if_none_match, std::string_view tag);

// The 304 for `tag`: no body, the tag and the same Cache-Control.
HttpResponse NotModified(const std::string& tag);

// Adds ETag `tag` and Cache-Control "no-cache" (a client may keep the
// answer but asks again each time, and gets a 304 while it holds).
void AddValidators(HttpResponse& response, const std::string& tag);

}  // namespace baoku::web::internal

#endif  // BAOKU_WEB_CACHING_H_
