#include "baoku/corpus/reader_model.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace baoku::corpus {
namespace {

TEST_CASE("A reader model reads back what it writes", "[reader][model]") {
  ReaderModel model;
  model.weights = {{"bias", -0.5}, {"len:<=6", 1.25}};
  std::string error;
  auto back = ReaderModel::Parse(model.ToText(), &error);
  REQUIRE(back.has_value());
  CHECK(back->weights == model.weights);
  CHECK(back->Score({{"bias", 1}, {"len:<=6", 1}, {"unknown", 1}}) == 0.75);
}

TEST_CASE("A bad reader model file is refused naming the line",
          "[reader][model]") {
  std::string error;
  CHECK_FALSE(ReaderModel::Parse("", &error));
  CHECK(error.find("line 0") != std::string::npos);
  CHECK_FALSE(ReaderModel::Parse("weights 2\n", &error));
  CHECK(error.find("line 1") != std::string::npos);
  CHECK_FALSE(
      ReaderModel::Parse("baoku-reader-model 1\nbias\t-0.5\nx 1\n", &error));
  CHECK(error.find("line 3") != std::string::npos);
  CHECK_FALSE(ReaderModel::Parse("baoku-reader-model 1\nbias\tnan\n", &error));
  CHECK_FALSE(ReaderModel::Parse("baoku-reader-model 1\nbias\t1.5x\n", &error));
  CHECK(error.find("line 2") != std::string::npos);
}

TEST_CASE("The shipped reader model is the compiled-in file",
          "[reader][model]") {
  std::string error;
  auto file = ReaderModel::Parse(
      testing::ReadFile(testing::SourceDir() / "corpus" / "reader_model.txt"),
      &error);
  REQUIRE(file.has_value());
  CHECK(file->weights == ReaderModel::Default().weights);
  CHECK(file->weights.size() >= 10);
}

}  // namespace
}  // namespace baoku::corpus
