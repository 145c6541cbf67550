// An index of the bundled sample archive, built once per test run.
#ifndef BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_
#define BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_

#include <filesystem>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::testing {

// Path of an index holding every page of corpus/samples, private to this
// process (in a temporary folder removed at exit). When the environment
// names a prebuilt one (kSharedSamplesIndexVariable, set by CTest) it is a
// copy of that; otherwise it is built on first use.
const std::filesystem::path& SamplesIndex();

// The prebuilt index SamplesIndex() copies, and where the hidden
// "[.samples-index]" test case writes it.
inline constexpr char kSharedSamplesIndexVariable[] = "BAOKU_SAMPLES_INDEX";
inline constexpr char kSharedSamplesIndexOutVariable[] =
    "BAOKU_SAMPLES_INDEX_OUT";

const corpus::TextAnalyzer& SharedAnalyzer();

// Every article record stored in SamplesIndex(), read with Xapian directly
// (not through the Searcher), in docid order.
const std::vector<corpus::Article>& SampleArticles();

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_SEARCH_SEARCH_FIXTURE_H_
