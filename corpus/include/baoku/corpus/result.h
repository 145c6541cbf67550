// The one shape of an expected outcome across corpus/, indexer/ and
// search/: a value, or the Diagnostic (diagnostic.h) that says why there is
// none. A bad page, a bad query, a bad option value or a missing record are
// expected and come back as a Result; infrastructure failures (the disk, the
// index, ICU) throw and are caught only at the per-file loop, the
// per-request guard and main().
//
//   Result<ShardPolicy> policy = ParseShardPolicy(text);
//   if (!policy) return Report(policy.problem());
//   Use(*policy);
//
// Value type, like std::optional; as thread-safe as T. Reading the value
// of a failed Result (or the problem of a successful one) is a programming
// error and throws std::bad_variant_access.
#ifndef BAOKU_CORPUS_RESULT_H_
#define BAOKU_CORPUS_RESULT_H_

#include <optional>
#include <utility>
#include <variant>

#include "baoku/corpus/diagnostic.h"

namespace baoku::corpus {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Diagnostic problem)
      : state_(std::in_place_index<1>, std::move(problem)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !ok().
  const Diagnostic& problem() const { return std::get<1>(state_); }

  // The problem, or nullopt when there is a value: for callers that keep
  // the first problem of several steps.
  std::optional<Diagnostic> ProblemOrNone() const {
    if (ok()) return std::nullopt;
    return problem();
  }

 private:
  std::variant<T, Diagnostic> state_;
};

// A step with no value: success, or the problem.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Diagnostic problem) : problem_(std::move(problem)) {}

  bool ok() const { return !problem_.has_value(); }
  explicit operator bool() const { return ok(); }
  // REQUIRES: !ok().
  const Diagnostic& problem() const { return problem_.value(); }
  std::optional<Diagnostic> ProblemOrNone() const { return problem_; }

 private:
  std::optional<Diagnostic> problem_;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_RESULT_H_
