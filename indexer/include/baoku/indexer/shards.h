// Sharded indexes: one Xapian database per paper or per range of years,
// searched together through a Xapian stub database.
//
// Layout of a sharded index directory DIR:
//   DIR/XAPIANDB             the stub: "auto shards/NAME" per local shard,
//                            plus any lines an operator added (e.g.
//                            "remote tcp HOST PORT"), which are kept
//   DIR/shards/NAME/         a shard that takes writes
//   DIR/shards/NAME.glass    a closed shard: compacted to one read-only file
// Xapian opens DIR itself as the stub, so `baoku-search --db DIR` and
// `baoku-serve --db DIR` need nothing else. The stub's first line is a
// comment recording the sharding policy, so later runs route the same way.
//
// Not thread-safe: one ShardSet per index directory, used from one thread
// (it holds the shards' write locks).
#ifndef BAOKU_INDEXER_SHARDS_H_
#define BAOKU_INDEXER_SHARDS_H_

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/result.h"
#include "baoku/indexer/index_writer.h"

namespace baoku::indexer {

struct ShardPolicy {
  enum class By { kNone, kPaper, kYears };
  By by = By::kNone;
  int years = 1;  // kYears: shards of this many years, aligned (2020-2024).

  // "paper", "year", "years:N".
  std::string ToString() const;
  bool operator==(const ShardPolicy&) const = default;
};

// Parses --shard-by: "paper", "year" or "years:N" (N in 1..100); anything
// else is a problem naming the parameter "--shard-by".
corpus::Result<ShardPolicy> ParseShardPolicy(std::string_view text);

// The shard an article belongs to: its paper code, "2026" or "2025-2029".
std::string ShardName(const ShardPolicy& policy, const corpus::Article& a);

// True when `dir` is a sharded index (holds a stub file).
bool IsShardedIndex(const std::filesystem::path& dir);

// The writers of an index: the database at `dir` itself (policy kNone on an
// unsharded directory), or one per shard, opened when first written.
class ShardSet {
 public:
  // Throws std::runtime_error when `policy` conflicts with the policy the
  // directory was built with, or when `dir` is sharded and no policy is
  // given and none is recorded.
  ShardSet(std::filesystem::path dir, ShardPolicy policy);
  ~ShardSet();

  // The writer for the article's shard. Throws std::runtime_error naming
  // the shard when it is closed (read-only).
  IndexWriter& For(const corpus::Article& article);

  // The writers of every shard that takes writes (the database itself
  // when unsharded), opened now; closed shards are left out.
  std::vector<IndexWriter*> WritableShards();

  // The names stored with every shard (union).
  std::vector<std::string> StoredLexiconWords();
  // Stores `words` with every shard written from now on, and at Finish()
  // with every writable shard, so that each shard can segment queries alike.
  void StoreLexiconWords(const std::vector<std::string>& words);

  // Stores the topic taxonomy (JSON) with every shard, as the lexicon.
  void StoreTopics(const std::string& taxonomy_json);

  void BeginGroup();
  void CommitGroup();
  // Commits, writes the lexicon to every writable shard and rewrites the
  // stub.
  void Finish();

  const ShardPolicy& policy() const { return policy_; }

 private:
  friend void CloseShard(const std::filesystem::path& dir,
                         const std::string& name);
  IndexWriter& Open(const std::string& name);
  std::filesystem::path ShardPath(const std::string& name) const;
  void WriteStub() const;

  std::filesystem::path dir_;
  ShardPolicy policy_;
  std::map<std::string, std::unique_ptr<IndexWriter>> writers_;
  std::vector<std::string> lexicon_;
  std::string topics_json_;
  bool in_group_ = false;
};

// Names of the shards of a sharded index, closed ones included.
std::vector<std::string> ListShards(const std::filesystem::path& dir);

// Compacts shard `name` of the sharded index `dir` into one read-only file
// and points the stub at it; later writes to the shard are refused. Throws
// std::runtime_error (unknown or already closed shard) or Xapian::Error.
void CloseShard(const std::filesystem::path& dir, const std::string& name);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_SHARDS_H_
