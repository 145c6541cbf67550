#include "work_pool.h"

namespace baoku::indexer {

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
  for (;;) {
    size_t i;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (next_ >= n_) return;
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
  {
    std::lock_guard<std::mutex> lock(mutex_);
    fn_ = &fn;
    n_ = n;
    next_ = 0;
    failure_ = nullptr;
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
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace baoku::indexer
