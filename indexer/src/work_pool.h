// A fixed set of threads that run parallel loops for the batch indexer.
//
// The threads live as long as the pool, so per-thread state (the analyzer's
// ICU objects) is built once per thread, not once per loop. One loop at a
// time: ParallelFor is called from one thread.
#ifndef BAOKU_INDEXER_SRC_WORK_POOL_H_
#define BAOKU_INDEXER_SRC_WORK_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace baoku::indexer {

class WorkPool {
 public:
  // `threads` counts the calling thread, which works too.
  explicit WorkPool(int threads);
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Runs fn(i) for every i in [0, n) and returns when all are done. The
  // first exception thrown by fn stops the loop and is rethrown here.
  void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

  int threads() const { return static_cast<int>(threads_.size()) + 1; }

  // Where the time of the loops so far went: wall seconds inside
  // ParallelFor; the CPU seconds the threads spent running items in them,
  // summed over the threads; and, summed over the loops, the CPU seconds of
  // the thread that worked longest in each (a loop lasts at least that on
  // idle cores: a loop of one item, or of unequal items, keeps the others
  // waiting). CPU, not wall: on a loaded machine a thread also waits for a
  // core, which is no fault of the program. Call between loops, from the
  // calling thread.
  struct Usage {
    double loop_seconds = 0;
    double loop_cpu_seconds = 0;
    double longest_thread_cpu_seconds = 0;
  };
  Usage usage() const;

 private:
  void Work();
  void RunItems();

  mutable std::mutex mutex_;
  std::condition_variable start_;
  std::condition_variable done_;
  const std::function<void(size_t)>* fn_ = nullptr;
  size_t n_ = 0;
  size_t next_ = 0;
  size_t running_ = 0;  // Workers inside the current loop.
  uint64_t generation_ = 0;
  bool stop_ = false;
  std::exception_ptr failure_;
  Usage usage_;
  double loop_longest_ = 0;  // The current loop's longest thread, CPU s.
  std::vector<std::thread> threads_;
};

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_SRC_WORK_POOL_H_
