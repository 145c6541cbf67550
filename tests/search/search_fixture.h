// An index of the bundled sample archive, built once per test run.
#ifndef BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_
#define BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_

#include <filesystem>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::testing {

// Path of an index holding every page of corpus/samples.
const std::filesystem::path& SamplesIndex();

const corpus::TextAnalyzer& SharedAnalyzer();

// Every article record stored in SamplesIndex(), read with Xapian directly
// (not through the Searcher), in docid order.
const std::vector<corpus::Article>& SampleArticles();

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_
