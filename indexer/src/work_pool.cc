#include "work_pool.h"

#include <time.h>

#include <algorithm>
#include <chrono>

namespace baoku::indexer {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9;
}

}  // namespace

WorkPool::WorkPool(int threads) {
  for (int t = 1; t < threads; ++t) threads_.emplace_back([this] { Work(); });
}

WorkPool::~WorkPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  start_.notify_all();
  for (auto& t : threads_) t.join();
}

void WorkPool::RunItems() {
  const double start = ThreadCpuSeconds();
  for (;;) {
    size_t i;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (next_ >= n_) {
        const double cpu = ThreadCpuSeconds() - start;
        usage_.loop_cpu_seconds += cpu;
        loop_longest_ = std::max(loop_longest_, cpu);
        return;
      }
      i = next_++;
    }
    try {
      (*fn_)(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
      next_ = n_;
    }
  }
}

void WorkPool::Work() {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      start_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      ++running_;
    }
    RunItems();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --running_;
    }
    done_.notify_all();
  }
}

void WorkPool::ParallelFor(size_t n, const std::function<void(size_t)>& fn) {
  const Clock::time_point start = Clock::now();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    fn_ = &fn;
    n_ = n;
    next_ = 0;
    failure_ = nullptr;
    loop_longest_ = 0;
    ++generation_;
  }
  start_.notify_all();
  RunItems();
  std::exception_ptr failure;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return running_ == 0 && next_ >= n_; });
    failure = failure_;
    fn_ = nullptr;
    usage_.loop_seconds += SecondsSince(start);
    usage_.longest_thread_cpu_seconds += loop_longest_;
  }
  if (failure) std::rethrow_exception(failure);
}

WorkPool::Usage WorkPool::usage() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return usage_;
}

}  // namespace baoku::indexer
