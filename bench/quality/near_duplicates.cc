// Scores text pairs with corpus/near_duplicate.h, for
// bench/quality/near_duplicates.py (docs/QUALITY.md, Reprints).
//
// Reads JSON lines {"kind": "...", "a": "...", "b": "..."} on stdin and
// writes one tab-separated line per pair:
//   kind  exact_jaccard  estimated_jaccard  equal_positions_as_bits
// where the last column is kMinHashSize characters, 1 where the two
// signatures agree, so the script can evaluate any band layout. A pair with
// a text too short for a signature gets estimated -1. A malformed line is
// an error naming its line number.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "baoku/corpus/near_duplicate.h"

int main() {
  using namespace baoku::corpus;
  std::string line;
  size_t line_number = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::string kind, a, b;
    try {
      const auto pair = nlohmann::json::parse(line);
      kind = pair.at("kind").get<std::string>();
      a = pair.at("a").get<std::string>();
      b = pair.at("b").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "baoku-near-duplicates: stdin line " << line_number << ": "
                << e.what() << "\n";
      return 1;
    }
    const auto sa = Shingles(a);
    const auto sb = Shingles(b);
    std::cout << kind << '\t' << Jaccard(sa, sb) << '\t';
    if (sa.size() < kMinShingles || sb.size() < kMinShingles) {
      std::cout << "-1\t-\n";
      continue;
    }
    const MinHashSignature ha = MinHashOf(sa);
    const MinHashSignature hb = MinHashOf(sb);
    std::cout << EstimatedJaccard(ha, hb) << '\t';
    for (size_t i = 0; i < kMinHashSize; ++i) std::cout << (ha[i] == hb[i]);
    std::cout << '\n';
  }
  return 0;
}
