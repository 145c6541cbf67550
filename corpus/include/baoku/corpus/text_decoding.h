// Turns the bytes of a page file into UTF-8 text with LF line ends.
//
// Newsroom exports come as UTF-8 (with or without BOM), UTF-16 with BOM, or
// GB18030/GBK. Pure function; thread-safe.
#ifndef BAOKU_CORPUS_TEXT_DECODING_H_
#define BAOKU_CORPUS_TEXT_DECODING_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/diagnostic.h"

namespace baoku::corpus {

struct DecodedText {
  std::string text;      // UTF-8, "\n" line ends, no BOM.
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030".
  bool binary = false;   // NUL bytes or mostly undecodable: not a text page.
  // One per line with bytes that could not be decoded (replaced by U+FFFD).
  std::vector<Diagnostic> warnings;
};

// `file` only labels the diagnostics.
DecodedText DecodeText(std::string_view bytes, const std::string& file);

struct DecodedFile {
  DecodedText decoded;
  // Set when the file is unreadable, larger than the limit, empty or not
  // text; the message names the file.
  std::optional<Diagnostic> error;
};

// Reads and decodes a whole file of at most `max_bytes`. `noun` names what
// the file should be in messages ("page", "NDJSON file").
DecodedFile ReadTextFile(const std::filesystem::path& path,
                         std::uintmax_t max_bytes, const std::string& noun);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_TEXT_DECODING_H_
