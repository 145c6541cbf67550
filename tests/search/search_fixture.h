// An index of the bundled sample archive, built once per test run.
#ifndef BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_
#define BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_

#include <filesystem>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::testing {

// Path of an index holding every page of corpus/samples.
const std::filesystem::path& SamplesIndex();

const corpus::TextAnalyzer& SharedAnalyzer();

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_
