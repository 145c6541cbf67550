#include "baoku/corpus/diagnostic.h"

#include <utility>

namespace baoku::corpus {

Diagnostic::Diagnostic(std::string file, int line, std::string message,
                       std::string code)
    : file(std::move(file)),
      line(line),
      message(std::move(message)),
      code(std::move(code)) {}

Diagnostic Diagnostic::InParameter(std::string parameter, size_t offset,
                                   std::string message, std::string code) {
  Diagnostic d;
  d.parameter = std::move(parameter);
  d.offset = offset;
  d.message = std::move(message);
  d.code = std::move(code);
  return d;
}

std::string Diagnostic::ToString() const {
  // Appended piece by piece: g++ 12's -Wrestrict misfires on a chain of
  // std::string operator+ here (GCC bug 105329).
  std::string out;
  if (!file.empty()) {
    out.append(file);
    if (line > 0) {
      out.push_back(':');
      out.append(std::to_string(line));
    }
  } else if (!parameter.empty()) {
    out.append(parameter);
  }
  if (!out.empty()) out.append(": ");
  out.append(message);
  return out;
}

}  // namespace baoku::corpus
