// An Article from a public corpus record's title and body text (paragraphs
// separated by '\n'), for the topic tools in bench/quality.
#ifndef BAOKU_BENCH_QUALITY_TITLE_TEXT_ARTICLE_H_
#define BAOKU_BENCH_QUALITY_TITLE_TEXT_ARTICLE_H_

#include <string>

#include "baoku/corpus/article.h"

namespace baoku::bench {

// The title becomes the headline; empty lines of `text` are dropped.
inline corpus::Article TitleTextArticle(const std::string& title,
                                        const std::string& text) {
  corpus::Article a;
  a.headline = title;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) a.paragraphs.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return a;
}

}  // namespace baoku::bench

#endif  // BAOKU_BENCH_QUALITY_TITLE_TEXT_ARTICLE_H_
