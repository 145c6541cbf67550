#include "metrics.h"

#include <sstream>

namespace baoku::web {

void RequestMetrics::Record(const std::string& route, int status,
                            double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = durations_[route];
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  if (bucket < kBuckets.size()) ++h.counts[bucket];
  ++h.total;
  h.sum += seconds;
}

std::string RequestMetrics::Text() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::ostringstream out;
  out << "# HELP baoku_http_requests_total Requests answered, by route and "
         "status.\n"
         "# TYPE baoku_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "baoku_http_requests_total{route=\"" << key.first << "\",status=\""
        << key.second << "\"} " << count << "\n";
  }
  out << "# HELP baoku_http_request_duration_seconds Time from a complete "
         "request to its answer written.\n"
         "# TYPE baoku_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out << "baoku_http_request_duration_seconds_bucket{route=\"" << route
          << "\",le=\"" << kBuckets[i] << "\"} " << cumulative << "\n";
    }
    out << "baoku_http_request_duration_seconds_bucket{route=\"" << route
        << "\",le=\"+Inf\"} " << h.total << "\n"
        << "baoku_http_request_duration_seconds_sum{route=\"" << route << "\"} "
        << h.sum << "\n"
        << "baoku_http_request_duration_seconds_count{route=\"" << route
        << "\"} " << h.total << "\n";
  }
  return out.str();
}

}  // namespace baoku::web
