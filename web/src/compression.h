// gzip for the JSON and CSV answers when the client accepts it. (httplib
// compresses text/* bodies itself, the UI's HTML, CSS and JS, but not
// application/json with a charset.) Private to web/; pure functions.
#ifndef BAOKU_WEB_COMPRESSION_H_
#define BAOKU_WEB_COMPRESSION_H_

#include <optional>
#include <string>
#include <string_view>

namespace baoku::web::internal {

// Whether an Accept-Encoding header value accepts gzip (a "gzip" or "*"
// coding whose q is not 0).
bool AcceptsGzip(std::string_view accept_encoding);

// `body` as a gzip member (RFC 1952), or nullopt when zlib fails.
std::optional<std::string> Gzip(std::string_view body);

// Bodies shorter than this go out as they are: the gzip header and a
// round of deflate cost more than they save.
inline constexpr size_t kMinGzipBytes = 1024;

}  // namespace baoku::web::internal

#endif  // BAOKU_WEB_COMPRESSION_H_
