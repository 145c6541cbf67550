// Compares the page reader's output with a gold file (the seed's schema).
#ifndef BAOKU_TESTS_CORPUS_GOLD_H_
#define BAOKU_TESTS_CORPUS_GOLD_H_

#include <filesystem>
#include <string>
#include <vector>

#include "baoku/corpus/page_reader.h"

namespace baoku::testing {

// One line per difference ("article 3: reporters [..] vs gold [..]"); empty
// when the reading matches the gold exactly.
std::vector<std::string> CompareWithGold(const corpus::PageReading& reading,
                                         const std::filesystem::path& gold);

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_CORPUS_GOLD_H_
