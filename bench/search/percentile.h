// The percentile the search benchmarks report: the smallest value with at
// least p% of the values at or below it (nearest rank); NaN for none.
#ifndef BAOKU_BENCH_SEARCH_PERCENTILE_H_
#define BAOKU_BENCH_SEARCH_PERCENTILE_H_

#include <algorithm>
#include <cmath>
#include <vector>

namespace baoku::bench {

inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(std::ceil(p / 100.0 * v.size()));
  return v[std::min(v.size() - 1, i == 0 ? 0 : i - 1)];
}

}  // namespace baoku::bench

#endif  // BAOKU_BENCH_SEARCH_PERCENTILE_H_
