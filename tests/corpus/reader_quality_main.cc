// baoku-reader-quality: measures the page reader against gold files.
// Usage: baoku-reader-quality [--model FILE] DIR_OR_GOLD_FILE...
//        baoku-reader-quality --diff [--model FILE] DIR_OR_GOLD_FILE...
//        baoku-reader-quality --leave-one-layout-out GOLD_DIR [NAME=DIR...]
//        baoku-reader-quality --leave-one-layout-and-story-out GOLD_DIR
//                             [NAME=DIR...]
//   (the same, each held-out page read with a model fitted on no page that
//   holds any of its stories)
//   (each subfolder of GOLD_DIR is a layout; NAME=DIR adds one more, e.g.
//   samples=corpus/samples)
#include <iostream>

#include "gold.h"
#include "reader_quality.h"
#include "test_support.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: baoku-reader-quality DIR_OR_GOLD_FILE...\n";
    return 2;
  }
  std::vector<std::filesystem::path> roots(argv + 1, argv + argc);
  const baoku::corpus::PageMeta defaults =
      baoku::testing::UndatedGoldDefaults();
  try {
    if (std::string(argv[1]) == "--diff") {
      // Every difference from the gold, page by page; "--model FILE" first
      // reads with those weights instead of the shipped ones.
      int first = 2;
      std::optional<baoku::corpus::ReaderModel> model;
      baoku::corpus::ReaderOptions options;
      if (argc > 3 && std::string(argv[2]) == "--model") {
        std::string error;
        model = baoku::corpus::ReaderModel::Parse(
            baoku::testing::ReadFile(argv[3]), &error);
        if (!model) {
          std::cerr << "baoku-reader-quality: " << argv[3] << ": " << error
                    << "\n";
          return 2;
        }
        options.model = &*model;
        first = 4;
      }
      std::vector<std::filesystem::path> diff_roots(argv + first, argv + argc);
      for (const auto& gold : baoku::testing::FindGoldFiles(diff_roots)) {
        auto reading = baoku::corpus::ReadPageFile(
            baoku::testing::GoldSourcePage(gold), defaults, options);
        for (const auto& d : baoku::testing::CompareWithGold(reading, gold)) {
          std::cout << gold.string() << ": " << d << "\n";
        }
      }
      return 0;
    }
    bool story_disjoint =
        std::string(argv[1]) == "--leave-one-layout-and-story-out";
    if (std::string(argv[1]) == "--leave-one-layout-out" || story_disjoint) {
      if (argc < 3) {
        std::cerr << "baoku-reader-quality: --leave-one-layout-out needs "
                     "GOLD_DIR\n";
        return 2;
      }
      auto layouts = baoku::testing::LayoutsUnder(argv[2]);
      for (int i = 3; i < argc; ++i) {
        std::string arg = argv[i];
        size_t eq = arg.find('=');
        if (eq == arg.npos || eq == 0) {
          std::cerr << "baoku-reader-quality: expected NAME=DIR, got '" << arg
                    << "'\n";
          return 2;
        }
        layouts.push_back({arg.substr(0, eq), arg.substr(eq + 1)});
      }
      std::cout << baoku::testing::HeldOutTable(
          story_disjoint
              ? baoku::testing::LeaveOneLayoutAndStoryOut(layouts, defaults)
              : baoku::testing::LeaveOneLayoutOut(layouts, defaults));
      return 0;
    }
    if (std::string(argv[1]) == "--model" && argc > 3) {
      // The measures with those weights instead of the shipped ones.
      std::string error;
      auto model = baoku::corpus::ReaderModel::Parse(
          baoku::testing::ReadFile(argv[2]), &error);
      if (!model) {
        std::cerr << "baoku-reader-quality: " << argv[2] << ": " << error
                  << "\n";
        return 2;
      }
      baoku::corpus::ReaderOptions options;
      options.model = &*model;
      std::vector<std::filesystem::path> model_roots(argv + 3, argv + argc);
      std::cout << baoku::testing::MeasureReader(model_roots, defaults, options)
                       .ToTable();
      return 0;
    }
    std::cout << baoku::testing::MeasureReader(roots, defaults).ToTable();
  } catch (const std::exception& e) {
    std::cerr << "baoku-reader-quality: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
