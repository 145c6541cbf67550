// A bounded soak of baoku-serve on loopback: 4 normal clients alone, then
// the same 4 beside 50 slow clients (a header line a second, reconnecting
// when cut off) and 200 idle sockets (reopened when closed), with /healthz
// probed every 100 ms. The normal clients' p99 must stay within 2× of their
// p99 alone (plus 20 ms for timer noise on a loaded machine), /healthz must
// always answer within 1 s, and RSS must stay under 300 MB.
//
// BAOKU_SOAK_SECONDS sets each phase's length (default 3 s in the suite);
// bench/reliability/run soak SECONDS runs it longer.
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>
#include <thread>
#include <vector>

#include "../search/search_fixture.h"
#include "serve_fixture.h"

namespace baoku::web {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One GET on a new connection; its seconds, or -1 when it failed.
double TimedGet(int port, const std::string& target) {
  auto start = Clock::now();
  std::string raw = testing::RawHttp(
      port,
      "GET " + target + " HTTP/1.1\r\nHost: l\r\nConnection: close\r\n\r\n",
      5000);
  if (raw.rfind("HTTP/1.1 200", 0) != 0) return -1;
  return Since(start);
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

// 4 normal clients for `seconds`: their latencies, and failures counted.
std::vector<double> NormalClients(int port, int seconds,
                                  std::atomic<int>& failures) {
  const char* targets[] = {"/api/search?q=%E8%AE%B0%E8%80%85", "/healthz",
                           "/static/app.js",
                           "/api/search?q=%E5%9F%8E%E5%B8%82"};
  std::vector<std::vector<double>> each(4);
  std::vector<std::thread> clients;
  auto end = Clock::now() + std::chrono::seconds(seconds);
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      for (int i = c; Clock::now() < end; ++i) {
        double s = TimedGet(port, targets[i % 4]);
        if (s < 0) {
          ++failures;
        } else {
          each[c].push_back(s);
        }
      }
    });
  }
  for (auto& t : clients) t.join();
  std::vector<double> all;
  for (auto& v : each) all.insert(all.end(), v.begin(), v.end());
  return all;
}

TEST_CASE("Soak: slow and idle clients do not slow the others", "[soak]") {
  const char* env = std::getenv("BAOKU_SOAK_SECONDS");
  const int seconds = env && *env ? std::atoi(env) : 3;
  REQUIRE(seconds > 0);
  testing::ServeProcess server(testing::SamplesIndex());
  const int port = server.port();
  std::atomic<int> failures{0};

  std::vector<double> alone = NormalClients(port, seconds, failures);

  std::atomic<bool> done{false};
  std::atomic<long> rss_max{0};
  std::atomic<int> slow_cut{0};
  std::vector<std::thread> attackers;
  for (int i = 0; i < 50; ++i) {
    attackers.emplace_back([&, i] {
      while (!done) {
        int fd = testing::ConnectLoopback(port);
        if (fd < 0) continue;
        std::string line = "GET /healthz HTTP/1.1\r\n";
        for (int k = 0; !done; ++k) {
          if (send(fd, line.data(), line.size(), MSG_NOSIGNAL) <= 0) break;
          line = "X-Slow-" + std::to_string(i) + "-" + std::to_string(k) +
                 ": a\r\n";
          pollfd p{fd, POLLIN, 0};
          if (poll(&p, 1, 1000) > 0) {
            ++slow_cut;
            break;
          }
        }
        close(fd);
      }
    });
  }
  attackers.emplace_back([&] {  // 200 idle sockets, reopened when closed.
    std::vector<int> idle(200, -1);
    while (!done) {
      for (int& fd : idle) {
        if (fd < 0) fd = testing::ConnectLoopback(port);
      }
      std::vector<pollfd> polls;
      for (int fd : idle) polls.push_back({fd, POLLIN, 0});
      poll(polls.data(), polls.size(), 100);
      for (size_t k = 0; k < idle.size(); ++k) {
        if (polls[k].revents != 0) {
          close(idle[k]);
          idle[k] = -1;
        }
      }
    }
    for (int fd : idle) {
      if (fd >= 0) close(fd);
    }
  });
  double healthz_max = 0;
  int healthz_failed = 0;
  attackers.emplace_back([&] {
    while (!done) {
      double s = TimedGet(port, "/healthz");
      if (s < 0) {
        ++healthz_failed;
      } else {
        healthz_max = std::max(healthz_max, s);
      }
      rss_max = std::max(rss_max.load(),
                         testing::ProcStatusKib(server.pid(), "VmRSS"));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  std::vector<double> attacked = NormalClients(port, seconds, failures);
  done = true;
  for (auto& t : attackers) t.join();

  const double p99_alone = Percentile(alone, 0.99);
  const double p99_attacked = Percentile(attacked, 0.99);
  std::cout << "soak: " << seconds << " s a phase; normal clients "
            << alone.size() << " requests alone (p50 "
            << Percentile(alone, 0.5) * 1000 << " ms, p99 " << p99_alone * 1000
            << " ms), " << attacked.size() << " beside 50 slow + 200 idle (p50 "
            << Percentile(attacked, 0.5) * 1000 << " ms, p99 "
            << p99_attacked * 1000 << " ms); /healthz slowest "
            << healthz_max * 1000 << " ms; slow clients cut off " << slow_cut
            << " times; peak RSS " << rss_max / 1024 << " MiB\n";
  CHECK(failures == 0);
  CHECK(healthz_failed == 0);
  CHECK(alone.size() >= 10);
  CHECK(attacked.size() >= 10);
  CHECK(p99_attacked <= 2 * p99_alone + 0.02);
  CHECK(healthz_max < 1.0);
  // The memory bound is for the build users run: a sanitizer's shadow memory
  // and quarantine multiply RSS, so there the figure is only printed.
  if (!baoku::testing::kSanitizedBuild) CHECK(rss_max < 300L * 1024);
}

}  // namespace
}  // namespace baoku::web
