// baoku-reader-quality: measures the page reader against gold files.
// Usage: baoku-reader-quality DIR_OR_GOLD_FILE...
#include <iostream>

#include "reader_quality.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: baoku-reader-quality DIR_OR_GOLD_FILE...\n";
    return 2;
  }
  std::vector<std::filesystem::path> roots(argv + 1, argv + argc);
  baoku::corpus::PageMeta defaults;  // For gold pages without a dated path.
  defaults.date = baoku::corpus::Date{2000, 1, 1};
  defaults.page = 1;
  try {
    std::cout << baoku::testing::MeasureReader(roots, defaults).ToTable();
  } catch (const std::exception& e) {
    std::cerr << "baoku-reader-quality: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
