// Compares the page reader's output with a gold file (the seed's schema).
#ifndef BAOKU_TESTS_CORPUS_GOLD_H_
#define BAOKU_TESTS_CORPUS_GOLD_H_

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "baoku/corpus/page_reader.h"

namespace baoku::testing {

// A string field of a gold article; "" when missing or null.
std::string GoldString(const nlohmann::json& article, const char* key);
// A list field of a gold article; empty when missing or null.
std::vector<std::string> GoldList(const nlohmann::json& article,
                                  const char* key);
// Column, kicker, headline, subtitle as one comparable string (the gold
// files call the split between them ambiguous).
std::string TitleBlock(const std::vector<std::string>& lines);

// Date and page for gold pages whose path names neither (the seed page), as
// the command-line tools use them.
corpus::PageMeta UndatedGoldDefaults();

// The *.gold.json files under `roots` (files as given, folders searched
// recursively), sorted.
std::vector<std::filesystem::path> FindGoldFiles(
    const std::vector<std::filesystem::path>& roots);
// The page a gold file describes (its "source", beside it).
std::filesystem::path GoldSourcePage(const std::filesystem::path& gold);

// One line per difference ("article 3: reporters [..] vs gold [..]"); empty
// when the reading matches the gold exactly.
std::vector<std::string> CompareWithGold(const corpus::PageReading& reading,
                                         const std::filesystem::path& gold);

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_CORPUS_GOLD_H_
