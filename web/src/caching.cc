#include "caching.h"

#include <chrono>
#include <system_error>

#include "handlers.h"

namespace baoku::web::internal {

std::string RevisionTag(std::string_view revision_key) {
  return "W/\"" + std::string(revision_key) + "\"";
}

std::string FileTag(const std::filesystem::path& file) {
  std::error_code size_ec;
  std::error_code time_ec;
  auto size = std::filesystem::file_size(file, size_ec);
  auto time = std::filesystem::last_write_time(file, time_ec);
  if (size_ec || time_ec) return "";
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                time.time_since_epoch())
                .count();
  return "W/\"" + std::to_string(size) + "-" + std::to_string(ns) + "\"";
}

namespace {

// The opaque part of a tag: W/"x" and "x" compare equal (weak comparison).
std::string_view Opaque(std::string_view tag) {
  if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
  return tag;
}

}  // namespace

bool NoneMatchHits(std::string_view if_none_match, std::string_view tag) {
  if (tag.empty()) return false;
  if (TrimBlanks(if_none_match) == "*") return true;
  // Tags hold no commas here (revision keys and file figures).
  while (!if_none_match.empty()) {
    size_t comma = if_none_match.find(',');
    std::string_view one = TrimBlanks(if_none_match.substr(0, comma));
    if (!one.empty() && Opaque(one) == Opaque(tag)) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

HttpResponse NotModified(const std::string& tag) {
  HttpResponse r;
  r.status = 304;
  r.content_type.clear();
  AddValidators(r, tag);
  return r;
}

void AddValidators(HttpResponse& response, const std::string& tag) {
  if (tag.empty()) return;
  response.headers.push_back({"ETag", tag});
  response.headers.push_back({"Cache-Control", "no-cache"});
}

}  // namespace baoku::web::internal
