// A problem with the input, as a value: what is wrong (a Chinese or English
// message for the person who gave the input, and a stable code for
// programs) and where — a file and line for pages, lexicons and
// taxonomies, a parameter and code point offset for queries and options.
//
// Every expected failure in corpus/, indexer/ and search/ (a bad page, a bad
// query, a bad file) is reported as a Diagnostic, alone or inside a
// corpus::Result<T> (result.h). Value type; safe to copy and share.
#ifndef BAOKU_CORPUS_DIAGNOSTIC_H_
#define BAOKU_CORPUS_DIAGNOSTIC_H_

#include <cstddef>
#include <string>

namespace baoku::corpus {

struct Diagnostic {
  Diagnostic() = default;
  // A problem at `line` of `file` (the form {file, line, message}).
  Diagnostic(std::string file, int line, std::string message,
             std::string code = {});

  // Where, for input from a file. `file` may be empty for text that came
  // from memory.
  std::string file;
  int line = 0;  // 1-based; 0 when the message concerns the whole file.
  std::string message;
  // Where, for a request: the parameter ("q", "limit", "reporter",
  // "--shard-by") and the code point offset into its value.
  std::string parameter;
  size_t offset = 0;
  // Stable and ASCII ("query.unclosed_quote"), for programs and tests that
  // must not depend on the wording; may be empty.
  std::string code;

  // A problem at code point `offset` of request parameter `parameter`.
  static Diagnostic InParameter(std::string parameter, size_t offset,
                                std::string message, std::string code = {});

  // "file:line: message" or "parameter: message" (parts that are unknown
  // are left out).
  std::string ToString() const;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_DIAGNOSTIC_H_
