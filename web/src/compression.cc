#include "compression.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>

#include "handlers.h"

namespace baoku::web::internal {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  std::string header = Lower(accept_encoding);
  std::string_view rest = header;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    size_t semi = item.find(';');
    std::string_view coding = TrimBlanks(item.substr(0, semi));
    if (coding == "gzip" || coding == "x-gzip" || coding == "*") {
      bool refused = false;
      if (semi != std::string_view::npos) {
        std::string_view params = item.substr(semi + 1);
        size_t q = params.find("q=");
        if (q != std::string_view::npos) {
          std::string_view value = TrimBlanks(params.substr(q + 2));
          // q=0, q=0.0, q=0.000: refused.
          refused = !value.empty() && value[0] == '0' &&
                    value.find_first_of("123456789") == std::string_view::npos;
        }
      }
      if (!refused) return true;
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<std::string> Gzip(std::string_view body) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer; level 6 (zlib's
  // default) gives most of the saving at a fraction of level 9's time.
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  std::string out;
  out.resize(deflateBound(&z, body.size()));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int status = deflate(&z, Z_FINISH);
  size_t written = out.size() - z.avail_out;
  deflateEnd(&z);
  if (status != Z_STREAM_END) return std::nullopt;
  out.resize(written);
  return out;
}

}  // namespace baoku::web::internal
