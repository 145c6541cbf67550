#include "baoku/corpus/page_meta.h"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

std::optional<int> ParsePageNumber(std::string_view s) {
  // Accepts "3", "03", "A03"-style prefixes are not pages.
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || value < 1 ||
      value > 999) {
    return std::nullopt;
  }
  return value;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == s.npos;
}

}  // namespace

void PageMeta::FillFrom(const PageMeta& fallback) {
  if (paper.empty()) paper = fallback.paper;
  if (paper_code.empty()) paper_code = fallback.paper_code;
  if (!date) date = fallback.date;
  if (!page) page = fallback.page;
  if (section.empty()) section = fallback.section;
}

FrontMatter ParseFrontMatter(std::string_view text, const std::string& file) {
  FrontMatter result;
  auto next_line = [&](size_t& pos) {
    size_t end = text.find('\n', pos);
    if (end == text.npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end < text.size() ? end + 1 : end;
    return utf8::Trim(line);
  };
  size_t pos = 0;
  if (text.empty() || next_line(pos) != "---") return result;
  int line_no = 1;
  while (pos < text.size()) {
    std::string_view line = next_line(pos);
    ++line_no;
    if (line == "---") {
      result.line_count = line_no;
      return result;
    }
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == line.npos) {
      result.errors.push_back(
          {file, line_no, "front matter line is not 'key: value'"});
      continue;
    }
    std::string key(utf8::Trim(line.substr(0, colon)));
    std::string value(utf8::Trim(line.substr(colon + 1)));
    if (key == "paper") {
      result.meta.paper = value;
    } else if (key == "paper_code") {
      result.meta.paper_code = value;
    } else if (key == "section") {
      result.meta.section = value;
    } else if (key == "date") {
      result.meta.date = ParseDate(value);
      if (!result.meta.date) {
        result.errors.push_back({file, line_no,
                                 "front matter date '" + value +
                                     "' is not a valid YYYY-MM-DD date"});
      }
    } else if (key == "page") {
      result.meta.page = ParsePageNumber(value);
      if (!result.meta.page) {
        result.errors.push_back(
            {file, line_no,
             "front matter page '" + value + "' is not a page number 1..999"});
      }
    } else {
      result.errors.push_back(
          {file, line_no, "unknown front matter key '" + key + "'"});
    }
  }
  // No closing marker: not front matter after all.
  return FrontMatter{};
}

PageMeta MetaFromPath(const std::filesystem::path& path) {
  PageMeta meta;
  std::string stem = path.stem().string();
  std::string parent = path.parent_path().filename().string();

  // 20260611_03 or 2026-06-11_03.
  size_t underscore = stem.rfind('_');
  if (underscore != std::string::npos) {
    if (auto date = ParseDate(stem.substr(0, underscore))) {
      meta.date = date;
      meta.page = ParsePageNumber(stem.substr(underscore + 1));
      return meta;
    }
  }
  if (!IsDigits(stem) || stem.size() > 3) return meta;
  // 2026-06-11/03.txt
  if (auto date = ParseDate(parent)) {
    meta.date = date;
    meta.page = ParsePageNumber(stem);
    return meta;
  }
  // 2026/06/11/03.txt
  std::filesystem::path dir = path.parent_path();
  std::string day = dir.filename().string();
  std::string month = dir.parent_path().filename().string();
  std::string year = dir.parent_path().parent_path().filename().string();
  if (IsDigits(year) && IsDigits(month) && IsDigits(day)) {
    if (auto date = ParseDate(year + "-" + month + "-" + day)) {
      meta.date = date;
      meta.page = ParsePageNumber(stem);
    }
  }
  return meta;
}

PageMeta MetaFromManifest(const std::filesystem::path& page_path,
                          std::vector<Diagnostic>& errors) {
  PageMeta meta;
  std::filesystem::path manifest = page_path.parent_path() / "issue.json";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(manifest, ec)) return meta;
  std::ifstream in(manifest, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(buffer.str(), nullptr, false);
  std::string file = manifest.string();
  if (doc.is_discarded() || !doc.is_object()) {
    errors.push_back({file, 0, "issue.json is not a JSON object"});
    return meta;
  }
  auto get_string = [&](const char* key) -> std::string {
    auto it = doc.find(key);
    if (it == doc.end()) return {};
    if (!it->is_string()) {
      errors.push_back(
          {file, 0, std::string("field '") + key + "' must be a string"});
      return {};
    }
    return it->get<std::string>();
  };
  meta.paper = get_string("paper");
  meta.paper_code = get_string("paper_code");
  if (std::string date = get_string("date"); !date.empty()) {
    meta.date = ParseDate(date);
    if (!meta.date) {
      errors.push_back(
          {file, 0, "field 'date' '" + date + "' is not a valid date"});
    }
  }
  if (auto it = doc.find("sections"); it != doc.end() && it->is_object()) {
    std::optional<int> page = MetaFromPath(page_path).page;
    if (!page) page = ParsePageNumber(page_path.stem().string());
    for (const auto& [key, value] : it->items()) {
      if (page && ParsePageNumber(key) == page && value.is_string()) {
        meta.section = value.get<std::string>();
      }
    }
  }
  return meta;
}

}  // namespace baoku::corpus
