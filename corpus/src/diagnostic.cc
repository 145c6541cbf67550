#include "baoku/corpus/diagnostic.h"

namespace baoku::corpus {

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (!file.empty() && line > 0) out += ":" + std::to_string(line);
  if (!out.empty()) out += ": ";
  return out + message;
}

}  // namespace baoku::corpus
