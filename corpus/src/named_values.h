// The text form of the fitted files compiled into the library
// (corpus/reader_model.txt, corpus/ingest_thresholds.txt): a version line,
// then "name<TAB>number" lines; blank lines and '#' comments are skipped.
// Internal to corpus/.
#ifndef BAOKU_CORPUS_SRC_NAMED_VALUES_H_
#define BAOKU_CORPUS_SRC_NAMED_VALUES_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace baoku::corpus {

// Calls `entry(name, value)` for each "name<TAB>number" line after the
// first non-comment line, which must equal `header`. `entry` returns an
// error ("unknown name …") or nullopt. Returns nullopt on success, else
// what is wrong, starting "line N: " (N = 0 when `header` is missing).
std::optional<std::string> ReadNamedValues(
    std::string_view text, std::string_view header,
    const std::function<std::optional<std::string>(const std::string& name,
                                                   double value)>& entry);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_SRC_NAMED_VALUES_H_
