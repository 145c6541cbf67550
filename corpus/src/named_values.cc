#include "named_values.h"

#include <cmath>
#include <cstdlib>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {

std::optional<std::string> ReadNamedValues(
    std::string_view text, std::string_view header,
    const std::function<std::optional<std::string>(const std::string& name,
                                                   double value)>& entry) {
  int line_no = 0;
  bool seen_header = false;
  size_t pos = 0;
  auto fail = [&](const std::string& what) {
    return "line " + std::to_string(line_no) + ": " + what;
  };
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == text.npos) end = text.size();
    std::string_view line = utf8::Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (!seen_header) {
      if (line != header) {
        return fail("expected '" + std::string(header) + "', got '" +
                    std::string(line) + "'");
      }
      seen_header = true;
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == line.npos) return fail("expected 'name<TAB>number'");
    std::string name(utf8::Trim(line.substr(0, tab)));
    std::string number(utf8::Trim(line.substr(tab + 1)));
    char* number_end = nullptr;
    double value = std::strtod(number.c_str(), &number_end);
    if (name.empty() || number.empty() || *number_end != '\0' ||
        !std::isfinite(value)) {
      return fail("bad number '" + number + "' for '" + name + "'");
    }
    if (auto error = entry(name, value)) return fail(*error);
  }
  if (!seen_header) {
    line_no = 0;
    return fail("empty file, expected '" + std::string(header) + "'");
  }
  return std::nullopt;
}

}  // namespace baoku::corpus
