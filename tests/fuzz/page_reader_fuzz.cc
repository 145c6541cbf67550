// libFuzzer target: any bytes as a page file must decode and split without a
// crash, hang or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "baoku/corpus/page_meta.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = baoku::corpus::DecodeText(bytes, "fuzz.txt");
  baoku::corpus::PageMeta meta;
  meta.date = baoku::corpus::Date{2026, 6, 11};
  meta.page = 1;
  auto reading = baoku::corpus::SplitPage(decoded.text, meta, "fuzz.txt");
  for (const auto& article : reading.articles) {
    if (article.id.empty()) __builtin_trap();
  }
  return 0;
}
