// Shared helpers for baoku's tests: temporary folders, project paths and
// child processes.
#ifndef BAOKU_TESTS_TEST_SUPPORT_H_
#define BAOKU_TESTS_TEST_SUPPORT_H_

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace baoku::testing {

// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

std::filesystem::path SourceDir();   // The repository root.
std::filesystem::path SamplesDir();  // corpus/samples.
std::filesystem::path SharedDir();   // ../shared; may not exist.
std::filesystem::path BinaryDir();   // The build tree root.
// ../shared/seed/000_300ea7ac26b2dcfe.txt, or empty when absent.
std::filesystem::path SeedPage();

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

// Runs a program to completion; returns its exit status, stdout in `out`.
int Run(const std::vector<std::string>& argv, std::string* out = nullptr);

// A program running in the background, killed (SIGTERM) on destruction.
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next line the child writes to stdout; empty on EOF or after
  // `timeout_ms`.
  std::string ReadLine(int timeout_ms);
  // Sends `signal` and waits; returns the exit status (128+n if killed).
  int Stop(int signal);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffer_;
};

// True in an ASan or TSan build, where code runs several times slower:
// tests that measure nothing by their size scale their loops down.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BAOKU_TESTING_SANITIZED 1
#endif
#endif
#ifdef BAOKU_TESTING_SANITIZED
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif

// Test exit code that CTest reports as "skipped" (SKIP_RETURN_CODE).
inline constexpr int kSkipExitCode = 77;

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_TEST_SUPPORT_H_
