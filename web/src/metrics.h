// Counters of baoku-serve's requests, shown at /metrics in the Prometheus
// text format (version 0.0.4).
//
// Thread-safety: Record() and Text() may be called from any thread.
#ifndef BAOKU_WEB_SRC_METRICS_H_
#define BAOKU_WEB_SRC_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace baoku::web {

class RequestMetrics {
 public:
  // One answered request. `route` must come from a bounded set (RouteLabel
  // in server.cc), so that clients cannot grow the counters without end.
  void Record(const std::string& route, int status, double seconds);

  // baoku_http_requests_total{route,status} and
  // baoku_http_request_duration_seconds{route} (a histogram).
  std::string Text() const;

  // Histogram bucket bounds, in seconds.
  static constexpr std::array<double, 12> kBuckets = {
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  // Not cumulative.
    uint64_t total = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> durations_;
};

}  // namespace baoku::web

#endif  // BAOKU_WEB_SRC_METRICS_H_
