#include "baoku/corpus/ndjson_reader.h"

#include <map>
#include <nlohmann/json.hpp>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/text_decoding.h"
#include "baoku/corpus/utf8.h"

namespace baoku::corpus {

bool IsNdjsonPath(const std::filesystem::path& path) {
  return path.extension() == ".ndjson" || path.extension() == ".jsonl";
}

NdjsonReading ParseNdjson(std::string_view text, const std::string& file,
                          const PageMeta& defaults) {
  NdjsonReading reading;
  std::map<std::string, int> next_ordinal;  // Per page.
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == text.npos) end = text.size();
    std::string_view line = utf8::Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded()) {
      reading.errors.push_back({file, line_no, "not valid JSON"});
      continue;
    }
    std::vector<std::string> unknown;
    Result<Article> record = ArticleFromJson(json, &unknown);
    if (!record) {
      Diagnostic problem = record.problem();
      problem.file = file;
      problem.line = line_no;
      reading.errors.push_back(std::move(problem));
      continue;
    }
    Article& a = *record;
    for (const auto& key : unknown) {
      reading.warnings.push_back(
          {file, line_no, "unknown field '" + key + "' ignored"});
    }
    if (a.paper.empty()) a.paper = defaults.paper;
    if (a.paper_code.empty()) {
      a.paper_code = defaults.paper_code.empty()
                         ? std::string(kDefaultPaperCode)
                         : defaults.paper_code;
    }
    std::string page_key =
        a.paper_code + a.date.ToCompact() + std::to_string(a.page);
    int& ordinal = next_ordinal[page_key];
    if (a.ordinal == 0) {
      a.ordinal = ++ordinal;
    } else {
      ordinal = std::max(ordinal, a.ordinal);
    }
    if (a.id.empty()) {
      a.id = MakeArticleId(a.paper_code, a.date, a.page, a.ordinal);
    }
    if (a.source_file.empty()) a.source_file = file;
    if (a.lines.first == 0) a.lines = {line_no, line_no};
    reading.articles.push_back(std::move(a));
  }
  return reading;
}

NdjsonReading ReadNdjsonFile(const std::filesystem::path& path,
                             const PageMeta& defaults) {
  NdjsonReading reading;
  const std::string file = path.string();
  // A CMS export holds many articles: a larger limit than a page's.
  DecodedFile read = ReadTextFile(path, 1u << 30, "NDJSON file");
  if (read.error) {
    reading.error = read.error;
    return reading;
  }
  const DecodedText& decoded = read.decoded;
  reading = ParseNdjson(decoded.text, file, defaults);
  reading.warnings.insert(reading.warnings.begin(), decoded.warnings.begin(),
                          decoded.warnings.end());
  return reading;
}

}  // namespace baoku::corpus
