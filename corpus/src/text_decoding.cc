#include "baoku/corpus/text_decoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <fstream>
#include <memory>
#include <utility>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

bool HasPrefix(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Converts with ICU; undecodable sequences become U+FFFD.
std::string ConvertToUtf8(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(
      ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status)) return {};
  std::string out(bytes.size() * 2 + 16, '\0');
  for (;;) {
    status = U_ZERO_ERROR;
    int32_t n = ucnv_toAlgorithmic(
        UCNV_UTF8, conv.get(), out.data(), static_cast<int32_t>(out.size()),
        bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(static_cast<size_t>(n) + 16);
      continue;
    }
    if (U_FAILURE(status)) return {};
    out.resize(static_cast<size_t>(n));
    return out;
  }
}

// True when every byte sequence is valid in `charset`.
bool DecodesStrictly(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(
      ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                      nullptr, &status);
  const char* src = bytes.data();
  const char* limit = bytes.data() + bytes.size();
  UChar buf[4096];
  while (src < limit && U_SUCCESS(status)) {
    UChar* target = buf;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf + 4096, &src, limit, nullptr, true,
                   &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) status = U_ZERO_ERROR;
  }
  return U_SUCCESS(status);
}

std::string GuessCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(
      ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()),
                 &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name ? name : "";
}

// Replaces invalid UTF-8 with U+FFFD, one warning per affected line.
std::string RepairUtf8(std::string_view s, const std::string& file,
                       std::vector<Diagnostic>& warnings) {
  std::string out;
  out.reserve(s.size());
  int line = 1;
  int last_warned_line = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t before = pos;
    char32_t cp = utf8::Next(s, pos);
    bool bad = cp == 0xFFFD && s.substr(before, pos - before) != "\xEF\xBF\xBD";
    if (bad && last_warned_line != line) {
      warnings.push_back({file, line,
                          "undecodable bytes replaced by U+FFFD (the rest of "
                          "the line is kept)"});
      last_warned_line = line;
    }
    if (cp == '\n') ++line;
    utf8::Append(out, cp);
  }
  return out;
}

// One warning per line of `text` (UTF-8 converted by ICU) that holds a
// U+FFFD: the converter's mark for undecodable bytes.
void WarnReplacedLines(std::string_view text, const std::string& file,
                       std::vector<Diagnostic>& warnings) {
  int line = 1;
  int last_warned_line = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '\n') {
      ++line;
    } else if (text.compare(pos, 3, "\xEF\xBF\xBD") == 0 &&
               last_warned_line != line) {
      warnings.push_back({file, line,
                          "undecodable bytes replaced by U+FFFD (the rest of "
                          "the line is kept)"});
      last_warned_line = line;
    }
  }
}

// Sequences of `bytes` read as UTF-8: well-formed multi-byte ones and
// invalid ones.
std::pair<size_t, size_t> Utf8MultiByteAndInvalid(std::string_view bytes) {
  size_t multi = 0, invalid = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t before = pos;
    char32_t cp = utf8::Next(bytes, pos);
    if (cp == 0xFFFD && bytes.substr(before, pos - before) != "\xEF\xBF\xBD") {
      ++invalid;
    } else if (pos - before > 1) {
      ++multi;
    }
  }
  return {multi, invalid};
}

// Not valid UTF-8 nor strict GB18030: GB18030 with a few undecodable
// bytes, rather than UTF-8 with a few? Chinese text in GB18030 forms few
// well-formed UTF-8 sequences, while UTF-8 text is full of them; ICU's
// detector must take it for GB18030 (random high bytes decode as rare
// characters, but are not detected as Chinese); and read as GB18030, at
// most 1 in 20 characters may be undecodable.
bool LooksLikeDamagedGb18030(std::string_view bytes) {
  auto [multi, invalid] = Utf8MultiByteAndInvalid(bytes);
  if (multi > invalid || GuessCharset(bytes) != "GB18030") return false;
  std::string converted = ConvertToUtf8(bytes, "GB18030");
  size_t replaced = 0;
  for (size_t p = converted.find("\xEF\xBF\xBD"); p != std::string::npos;
       p = converted.find("\xEF\xBF\xBD", p + 3)) {
    ++replaced;
  }
  return !converted.empty() && replaced * 20 <= utf8::CodePointCount(converted);
}

std::string NormalizeLineEnds(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

DecodedText DecodeText(std::string_view bytes, const std::string& file) {
  DecodedText result;
  std::string utf8_text;
  if (HasPrefix(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    result.encoding = "UTF-8";
  } else if (HasPrefix(bytes, "\xFF\xFE") || HasPrefix(bytes, "\xFE\xFF")) {
    result.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    utf8_text = ConvertToUtf8(bytes.substr(2), result.encoding.c_str());
  }

  if (result.encoding.empty() || result.encoding == "UTF-8") {
    if (bytes.find('\0') != std::string_view::npos) {
      result.binary = true;
      return result;
    }
    if (utf8::IsValid(bytes)) {
      result.encoding = "UTF-8";
      utf8_text = std::string(bytes);
    } else if (result.encoding.empty() && DecodesStrictly(bytes, "GB18030") &&
               GuessCharset(bytes) != "UTF-8") {
      result.encoding = "GB18030";
      utf8_text = ConvertToUtf8(bytes, "GB18030");
    } else if (result.encoding.empty() && LooksLikeDamagedGb18030(bytes)) {
      // A GB18030 page with a few bad bytes is repaired like a UTF-8 one,
      // not rejected whole.
      result.encoding = "GB18030";
      utf8_text = ConvertToUtf8(bytes, "GB18030");
      WarnReplacedLines(utf8_text, file, result.warnings);
    } else {
      result.encoding = "UTF-8";
      utf8_text = RepairUtf8(bytes, file, result.warnings);
    }
  }

  result.text = NormalizeLineEnds(utf8_text);
  if (result.text.find('\0') != std::string::npos) {
    result.binary = true;
    result.text.clear();
    return result;
  }
  // Mostly replacement characters: this is not a text page.
  size_t bad = 0;
  for (size_t p = result.text.find("\xEF\xBF\xBD"); p != std::string::npos;
       p = result.text.find("\xEF\xBF\xBD", p + 3)) {
    ++bad;
  }
  size_t chars = utf8::CodePointCount(result.text);
  if (chars > 0 && bad * 4 > chars) {
    result.binary = true;
    result.text.clear();
  }
  return result;
}

DecodedFile ReadTextFile(const std::filesystem::path& path,
                         std::uintmax_t max_bytes, const std::string& noun) {
  DecodedFile result;
  const std::string file = path.string();
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    result.error = Diagnostic{file, 0, "cannot read: " + ec.message()};
    return result;
  }
  if (size > max_bytes) {
    result.error = Diagnostic{
        file, 0,
        "file is " + std::to_string(size >> 20) + " MiB, larger than the " +
            noun + " limit of " + std::to_string(max_bytes >> 20) + " MiB"};
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    result.error = Diagnostic{file, 0, "cannot read the file"};
    return result;
  }
  if (bytes.empty()) {
    result.error = Diagnostic{file, 0, "empty file"};
    return result;
  }
  result.decoded = DecodeText(bytes, file);
  if (result.decoded.binary) {
    result.error = Diagnostic{
        file, 0, "not a text " + noun + " (binary or undecodable content)"};
  }
  return result;
}

}  // namespace baoku::corpus
