// Topics: the themes of the paper (corpus/topics.json), assigned to each
// article at index time, and an editor's corrections of them.
//
// A Taxonomy lists themes, each with an ASCII id ("housing"), a Chinese name
// ("住房与物业"), aliases and weighted terms (words and phrases). It is data,
// not code: an editor adds a theme or a term by editing the JSON file. The
// indexer stores the taxonomy's JSON with the index (schema.h,
// kTopicsMetadataKey) so that the search resolves names as the indexer did.
//
// The taxonomy names a weights file ("weights": "topic_weights.tsv", beside
// it): a model fitted on labelled articles (topic_model.h) that the
// classifier applies, with the terms' score as one of its inputs (seeds an
// editor can see and edit). Without a weights file the terms decide alone
// (see TopicClassifier). The classifier keeps 1 to kMaxTopics topics.
// TopicOverrides pin or remove topics of single articles
// (corpus/topic_overrides.txt documents the format).
//
// Immutable after loading; Taxonomy, TopicClassifier and TopicOverrides are
// safe to share between threads (the TextAnalyzer they use is too).
#ifndef BAOKU_CORPUS_TOPICS_H_
#define BAOKU_CORPUS_TOPICS_H_

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/topic_features.h"
#include "baoku/corpus/topic_model.h"

namespace baoku::corpus {

class TextAnalyzer;

struct TopicTerm {
  std::string text;        // As written in the taxonomy.
  std::string normalized;  // TextAnalyzer::Normalize() of `text`.
  double weight = 0;       // > 0; 1 is a weak hint, 5 decides on its own.
};

struct Topic {
  std::string id;       // ASCII: letters, digits, '_' and '-'.
  std::string name;     // Chinese display name, e.g. "住房与物业".
  std::string name_en;  // May be empty.
  std::vector<std::string> aliases;
  std::vector<TopicTerm> terms;
};

class Taxonomy {
 public:
  // Reads a taxonomy file (empty path: DefaultTopicsPath()). On a problem (bad
  // JSON, with its line; duplicate id; a term without a positive weight; a
  // weights file that is missing, unreadable or fitted for other topics;
  // ...) returns nullopt and fills `errors` with messages naming the file
  // (both files for the weights) and line. `analyzer` normalizes the terms so
  // that traditional and full-width text matches them.
  static std::optional<Taxonomy> LoadFile(const std::filesystem::path& path,
                                          const TextAnalyzer& analyzer,
                                          std::vector<Diagnostic>& errors);
  // The same from JSON text (e.g. the copy stored in an index, which holds
  // the model itself as "model"); `name` stands for the file in messages and
  // a "weights" file is read relative to its folder.
  static std::optional<Taxonomy> FromJson(std::string_view json_text,
                                          const TextAnalyzer& analyzer,
                                          std::vector<Diagnostic>& errors,
                                          const std::string& name = "");

  // The taxonomy as JSON (the file's format), to store with an index; the
  // model, if any, inline as "model" (TopicModel::ToText()).
  std::string ToJson() const;

  // The fitted model; nullptr when the taxonomy names no weights file.
  const TopicModel* model() const { return model_.get(); }
  // Replaces the model (the trainer's candidates); returns why it does not
  // fit this taxonomy (TopicModel::MismatchWith), "" when it was taken.
  std::string SetModel(TopicModel model);
  std::vector<std::string> TopicIds() const;

  const std::vector<Topic>& topics() const { return topics_; }
  // By id, Chinese or English name or alias, in any case, simplified or
  // traditional ("住房与物业", "housing", "住房"); nullptr when unknown.
  const Topic* Find(std::string_view name_or_id) const;
  const Topic* FindById(std::string_view id) const;

 private:
  std::vector<Topic> topics_;
  // Normalized id, names and aliases → index into topics_.
  std::unordered_map<std::string, size_t> lookup_;
  const TextAnalyzer* analyzer_ = nullptr;   // Not owned; outlives this.
  std::shared_ptr<const TopicModel> model_;  // Shared by copies.
};

// The project taxonomy shipped with baoku (corpus/topics.json), or an empty
// path when the file is not where the build put it.
std::filesystem::path DefaultTopicsPath();

// A term found in an article, and what it added to its topic's score.
struct TopicTermHit {
  std::string term;
  double weight = 0;
  int title_hits = 0;  // In column, kicker, headline, subtitle.
  int body_hits = 0;   // In paragraphs (and captions).
  double contribution = 0;
};

// A topic with evidence in one article.
struct TopicEvidence {
  std::string id;
  std::string name;
  // With a model: P(topic), calibrated. Without: the seed score.
  double score = 0;
  double seed_score = 0;  // Length-normalised sum of term contributions.
  // With a model: the P a topic other than the best has to reach, its fitted
  // threshold or rule().ratio_to_best × P(best), whichever is higher.
  double threshold = 0;
  bool assigned = false;            // Kept by the classifier.
  std::vector<TopicTermHit> terms;  // Seed terms, largest contribution first.
  // With a model: the tokens that weighed most for (weight > 0) and against
  // the topic, by |weight × value| (value in title_hits/body_hits terms:
  // topic_features.h), at most kMaxTokens.
  std::vector<TopicTermHit> tokens;
  static constexpr size_t kMaxTokens = 12;
};

// Scores articles against a taxonomy (which must outlive it).
//
// With a model (Taxonomy::model()): every topic gets P(topic) from the
// model (topic_model.h), the best topic is kept whenever the article has
// any token or seed term, then, by the model's fitted TopicAssignmentRule, up
// to rule().most_topics - 1 more whose P reaches their topic's fitted
// threshold and rule().ratio_to_best × P(best).
//
// The seed score of a topic: a term contributes weight × (1 + ln(3 × title hits
// + body hits)): a title-block hit counts as kTitleFactor body hits, and
// repetition adds less and less. A topic's raw score is the sum over its terms;
// its score is the raw score divided by sqrt(max(1, characters /
// kReferenceChars)), so a long feature does not collect topics just by
// mentioning many things.
//
// Without a model, kept: the best topic whenever any term matched (an article
// without a topic is invisible when browsing by theme; an editor can remove a
// wrong one), then up to kMaxTopics - 1 more whose score is at least kMinScore
// and at least kRelativeThreshold × the best score.
class TopicClassifier {
 public:
  TopicClassifier(const Taxonomy& taxonomy, const TextAnalyzer& analyzer);

  static constexpr size_t kMaxTopics = TopicModel::kMostTopics;
  static constexpr double kTitleFactor = 3;
  static constexpr double kReferenceChars = 600;
  static constexpr double kMinScore = 2.0;
  static constexpr double kRelativeThreshold = 0.45;

  // Every topic with evidence (a seed term, or P >= kMinShownProbability),
  // best first, with `assigned` set and the tokens that weighed most.
  std::vector<TopicEvidence> Explain(const Article& article) const;
  // The kept topics, best first (scores rounded to 3 decimals): those
  // Explain() marks assigned, computed without building the evidence (the
  // indexer's call, once per article).
  std::vector<ArticleTopic> Classify(const Article& article) const;
  // The seed score of every topic of the taxonomy, in its order.
  std::vector<double> SeedScores(const TopicText& text) const;

  static constexpr double kMinShownProbability = 0.05;

 private:
  std::vector<TopicEvidence> Evaluate(const Article& article,
                                      bool with_tokens) const;
  std::vector<TopicEvidence> SeedEvidence(const TopicText& text) const;
  // Hits (title, body) of every seed term, indexed by Entry::flat.
  std::vector<std::pair<int, int>> SeedHits(const TopicText& text) const;
  // A term's contribution to its topic's seed score.
  double SeedContribution(const TopicTerm& term, std::pair<int, int> hits,
                          double length_factor) const;
  // Seed scores as SeedScores(); has_terms[t]: a term of topic t was found.
  std::vector<double> SeedScoresOf(const TopicText& text,
                                   std::vector<char>& has_terms) const;

  struct Entry {
    size_t topic;
    size_t term;
    size_t flat;  // Index of (topic, term) over all terms, in that order.
  };
  const Taxonomy& taxonomy_;
  const TextAnalyzer& analyzer_;
  size_t term_count_ = 0;  // Over all topics.
  // First code point of a normalized term → the terms starting with it.
  std::unordered_map<char32_t, std::vector<Entry>> by_first_;
  // Code points below kFirstBits that start no term: skipped without the
  // map lookup (most characters of a text start none).
  static constexpr char32_t kFirstBits = 0x10000;
  std::vector<bool> starts_term_ = std::vector<bool>(kFirstBits);
};

// An editor's corrections, by article id: topics to pin (always assigned,
// pinned = true, listed first) and topics to remove ("-*": every topic that
// is not pinned).
class TopicOverrides {
 public:
  // Reads an overrides file (format in corpus/topic_overrides.txt); topics
  // are resolved through `taxonomy` (id, name or alias). Problems name
  // file:line; lines with problems are skipped, the rest applies.
  std::vector<Diagnostic> LoadFile(const std::filesystem::path& path,
                                   const Taxonomy& taxonomy);
  // Parses one line ("yzrb-20260611-03-02 +housing -education"); returns an
  // error message, or "" when the line was taken (or is blank/comment).
  std::string AddLine(std::string_view line, const Taxonomy& taxonomy);

  // Applies the corrections for `article.id` to `topics` (the classifier's
  // choice). Pinned topics come first; the total stays at most
  // TopicClassifier::kMaxTopics unless more are pinned.
  void Apply(const std::string& article_id,
             std::vector<ArticleTopic>& topics) const;

  size_t size() const { return rules_.size(); }
  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    std::vector<std::string> pin;
    std::vector<std::string> remove;
    bool remove_all = false;
  };
  std::map<std::string, Rule> rules_;
};

// Classifies `article` and applies `overrides` (may be null): the topics the
// indexer stores.
void AssignTopics(Article& article, const TopicClassifier& classifier,
                  const TopicOverrides* overrides);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_TOPICS_H_
