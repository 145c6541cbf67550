#include "baoku/corpus/lexicon.h"

#include <algorithm>
#include <fstream>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/utf8.h"
#include "project_path.h"

namespace baoku::corpus {

void Lexicon::Add(std::string_view word, const TextAnalyzer& analyzer) {
  std::string key = analyzer.NormalizeKey(word);
  size_t chars = utf8::CodePointCount(key);
  if (chars < 2 || chars > kMaxWordChars) return;
  size_t pos = 0;
  first_code_points_.insert(utf8::Next(key, pos));
  words_.insert(std::move(key));
}

std::vector<Diagnostic> Lexicon::LoadFile(const std::filesystem::path& path,
                                          const TextAnalyzer& analyzer) {
  std::vector<Diagnostic> problems;
  std::ifstream in(path);
  if (!in) {
    problems.push_back({path.string(), 0, "cannot read the lexicon"});
    return problems;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string::npos) {
      line.resize(hash);
    }
    if (!utf8::IsValid(line)) {
      problems.push_back({path.string(), line_no, "not valid UTF-8"});
      continue;
    }
    size_t pos = 0;
    std::string_view rest = line;
    while (pos < rest.size()) {
      size_t start = rest.find_first_not_of(" \t\r", pos);
      if (start == std::string_view::npos) break;
      size_t end = rest.find_first_of(" \t\r", start);
      if (end == std::string_view::npos) end = rest.size();
      std::string_view word = rest.substr(start, end - start);
      size_t chars = utf8::CodePointCount(word);
      if (chars < 2 || chars > kMaxWordChars) {
        problems.push_back(
            {path.string(), line_no,
             "'" + std::string(word) + "' is not 2 to 12 characters; ignored"});
      } else {
        Add(word, analyzer);
      }
      pos = end;
    }
  }
  return problems;
}

std::vector<std::string> Lexicon::Words() const {
  std::vector<std::string> out(words_.begin(), words_.end());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Lexicon::SplitStored(std::string_view stored) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < stored.size()) {
    size_t end = stored.find('\n', pos);
    if (end == std::string_view::npos) end = stored.size();
    if (end > pos) words.emplace_back(stored.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

std::filesystem::path DefaultLexiconPath() {
#ifdef BAOKU_LEXICON_PATH
  return ExistingOrEmpty(BAOKU_LEXICON_PATH);
#else
  return {};
#endif
}

}  // namespace baoku::corpus
