// Files shipped in the source tree (corpus/lexicon.txt, corpus/topics.json)
// whose paths the build compiles in.
#ifndef BAOKU_CORPUS_SRC_PROJECT_PATH_H_
#define BAOKU_CORPUS_SRC_PROJECT_PATH_H_

#include <filesystem>

namespace baoku::corpus {

// `path` when that file exists, else an empty path (the binary runs where
// the source tree is not).
inline std::filesystem::path ExistingOrEmpty(const char* path) {
  std::error_code ec;
  if (path != nullptr && std::filesystem::exists(path, ec)) return path;
  return {};
}

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_SRC_PROJECT_PATH_H_
