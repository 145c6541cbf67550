# baoku_gold_support: the gold-file readers and the quality measures of the
# page reader and the topics (tests/corpus/*.cc, tests/test_support.cc).
# The tests, the command-line tools over gold files (baoku-reader-quality,
# baoku-train-reader, baoku-topic-quality) and baoku-topic-train all use
# them: one library compiles them once instead of once per executable.
# Defined whether or not the tests are built, since bench/ needs it too.
set(gold_dir "${PROJECT_SOURCE_DIR}/tests")
add_library(baoku_gold_support STATIC
  ${gold_dir}/test_support.cc
  ${gold_dir}/corpus/gold.cc
  ${gold_dir}/corpus/ingest_report_fitting.cc
  ${gold_dir}/corpus/reader_quality.cc
  ${gold_dir}/corpus/reader_training.cc
  ${gold_dir}/corpus/topic_quality.cc)
target_link_libraries(baoku_gold_support PUBLIC baoku_corpus
  nlohmann_json::nlohmann_json)
target_include_directories(baoku_gold_support PUBLIC "${gold_dir}")
# Source paths compiled in: the tests and tools find the samples, the gold
# pages, the build's tools and ../shared without being told.
target_compile_definitions(baoku_gold_support PUBLIC
  BAOKU_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  BAOKU_BINARY_DIR="${PROJECT_BINARY_DIR}"
  BAOKU_SHARED_DIR="${BAOKU_SHARED_DIR}")
