#include "baoku/corpus/text_decoding.h"

#include <iconv.h>

#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

// Encodes UTF-8 text in another charset with glibc's iconv.
std::string Encode(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string in = utf8;
  std::string out(in.size() * 4 + 16, '\0');
  char* src = in.data();
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  REQUIRE(iconv(cd, &src, &src_left, &dst, &dst_left) !=
          static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

const std::string kText = "住宅专项维修资金\n本报记者 张子珂\n";

TEST_CASE("DecodeText handles the encodings of newsroom exports",
          "[decoding]") {
  struct Case {
    std::string bytes;
    const char* encoding;
  };
  const Case cases[] = {
      {kText, "UTF-8"},
      {"\xEF\xBB\xBF" + kText, "UTF-8"},
      {"\xFF\xFE" + Encode(kText, "UTF-16LE"), "UTF-16LE"},
      {"\xFE\xFF" + Encode(kText, "UTF-16BE"), "UTF-16BE"},
      {Encode(kText + "維修資金的使用流程将进一步简化,业主可以通过手机申请。\n",
              "GB18030"),
       "GB18030"},
  };
  for (const auto& c : cases) {
    INFO(c.encoding);
    DecodedText d = DecodeText(c.bytes, "page.txt");
    CHECK(d.encoding == c.encoding);
    CHECK_FALSE(d.binary);
    CHECK(d.warnings.empty());
    CHECK(d.text.rfind(kText, 0) == 0);
  }
}

TEST_CASE("DecodeText normalizes CRLF and CR line ends", "[decoding]") {
  CHECK(DecodeText("一\r\n二\r三\n", "x").text == "一\n二\n三\n");
}

TEST_CASE("Undecodable bytes are warned about by line, the rest kept",
          "[decoding]") {
  std::string bytes = "第一行正常\n第二行\xFF\xFE坏了但其余照读\n第三行\n";
  DecodedText d = DecodeText(bytes, "bad.txt");
  CHECK(d.encoding == "UTF-8");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].line == 2);
  CHECK(d.warnings[0].file == "bad.txt");
  CHECK(d.text.find("坏了但其余照读") != std::string::npos);
  CHECK(d.text.find("第三行") != std::string::npos);
}

TEST_CASE("A GB18030 page with a bad byte is repaired like a UTF-8 one",
          "[decoding]") {
  std::string bytes =
      Encode("第一行正常\n第二行", "GB18030") + "\xFF" +
      Encode("坏了但其余照读\n第三行也是简体中文,第四行还有更多的字。\n",
             "GB18030");
  DecodedText d = DecodeText(bytes, "gb.txt");
  CHECK(d.encoding == "GB18030");
  CHECK_FALSE(d.binary);
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].line == 2);
  CHECK(d.warnings[0].file == "gb.txt");
  CHECK(d.warnings[0].message.find("U+FFFD") != std::string::npos);
  CHECK(d.text.rfind("第一行正常\n第二行", 0) == 0);
  CHECK(d.text.find("坏了但其余照读\n第三行也是简体中文,") !=
        std::string::npos);
}

TEST_CASE("Binary content is recognised as not a page", "[decoding]") {
  CHECK(DecodeText(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), "a.png").binary);
  std::string noise;
  for (int i = 0; i < 400; ++i) noise += static_cast<char>(0x80 + (i * 7) % 64);
  CHECK(DecodeText(noise, "noise.bin").binary);
}

}  // namespace
}  // namespace baoku::corpus
