// A message about the input, tied to the file and line it concerns.
#ifndef BAOKU_CORPUS_DIAGNOSTIC_H_
#define BAOKU_CORPUS_DIAGNOSTIC_H_

#include <string>

namespace baoku::corpus {

struct Diagnostic {
  std::string file;  // May be empty for text that came from memory.
  int line = 0;      // 1-based; 0 when the message concerns the whole file.
  std::string message;

  // "file:line: message" (parts that are unknown are left out).
  std::string ToString() const;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_DIAGNOSTIC_H_
