#include "baoku/indexer/shards.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>
#include <stdexcept>

#include "baoku/corpus/schema.h"

namespace baoku::indexer {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStubFile = "XAPIANDB";
constexpr std::string_view kPolicyComment = "# baoku shard-by: ";
constexpr std::string_view kShardsDir = "shards";
constexpr std::string_view kClosedSuffix = ".glass";

std::vector<std::string> StubLines(const fs::path& dir) {
  std::vector<std::string> lines;
  std::ifstream in(dir / kStubFile);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::optional<ShardPolicy> RecordedPolicy(const fs::path& dir) {
  for (const auto& line : StubLines(dir)) {
    if (line.rfind(kPolicyComment, 0) == 0) {
      auto policy = ParseShardPolicy(line.substr(kPolicyComment.size()));
      if (!policy) return std::nullopt;
      return *policy;
    }
  }
  return std::nullopt;
}

bool IsLocalShardLine(const std::string& line) {
  std::string prefix = "auto " + std::string(kShardsDir) + "/";
  return line.rfind(prefix, 0) == 0 || line.rfind(kPolicyComment, 0) == 0;
}

bool ValidShardName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name[0] == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

}  // namespace

std::string ShardPolicy::ToString() const {
  switch (by) {
    case By::kNone:
      return "none";
    case By::kPaper:
      return "paper";
    case By::kYears:
      return years == 1 ? "year" : "years:" + std::to_string(years);
  }
  return "none";
}

corpus::Result<ShardPolicy> ParseShardPolicy(std::string_view text) {
  ShardPolicy policy;
  if (text == "paper") {
    policy.by = ShardPolicy::By::kPaper;
  } else if (text == "year") {
    policy.by = ShardPolicy::By::kYears;
  } else if (text.rfind("years:", 0) == 0) {
    std::string_view n = text.substr(6);
    int years = 0;
    auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), years);
    if (ec != std::errc() || ptr != n.data() + n.size() || years < 1 ||
        years > 100) {
      return corpus::Diagnostic::InParameter(
          "--shard-by", 6,
          "--shard-by years:N needs N from 1 to 100, not '" + std::string(n) +
              "'",
          "shards.bad_years");
    }
    policy.by = ShardPolicy::By::kYears;
    policy.years = years;
  } else {
    return corpus::Diagnostic::InParameter(
        "--shard-by", 0,
        "--shard-by must be paper, year or years:N, not '" + std::string(text) +
            "'",
        "shards.bad_policy");
  }
  return policy;
}

std::string ShardName(const ShardPolicy& policy, const corpus::Article& a) {
  switch (policy.by) {
    case ShardPolicy::By::kNone:
      return "";
    case ShardPolicy::By::kPaper:
      return a.paper_code.empty() ? std::string("paper") : a.paper_code;
    case ShardPolicy::By::kYears: {
      int first = a.date.year - a.date.year % policy.years;
      if (policy.years == 1) return std::to_string(first);
      return std::to_string(first) + "-" +
             std::to_string(first + policy.years - 1);
    }
  }
  return "";
}

bool IsShardedIndex(const fs::path& dir) {
  return fs::is_regular_file(dir / kStubFile);
}

std::vector<std::string> ListShards(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / kShardsDir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > kClosedSuffix.size() && name.ends_with(kClosedSuffix)) {
      name.resize(name.size() - kClosedSuffix.size());
    }
    if (ValidShardName(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

ShardSet::ShardSet(fs::path dir, ShardPolicy policy)
    : dir_(std::move(dir)), policy_(policy) {
  bool sharded = IsShardedIndex(dir_);
  auto recorded = sharded ? RecordedPolicy(dir_) : std::nullopt;
  if (sharded && policy_.by == ShardPolicy::By::kNone) {
    if (!recorded) {
      throw std::runtime_error(dir_.string() +
                               " is a sharded index without a recorded "
                               "policy; pass --shard-by");
    }
    policy_ = *recorded;
  } else if (sharded && recorded && !(*recorded == policy_)) {
    throw std::runtime_error(
        dir_.string() + " is sharded by " + recorded->ToString() + ", not by " +
        policy_.ToString() + "; re-index into a new directory");
  } else if (!sharded && policy_.by != ShardPolicy::By::kNone &&
             fs::exists(dir_ / "iamglass")) {
    throw std::runtime_error(dir_.string() +
                             " is an unsharded index; shard into a new "
                             "directory");
  }
}

ShardSet::~ShardSet() = default;

fs::path ShardSet::ShardPath(const std::string& name) const {
  if (policy_.by == ShardPolicy::By::kNone) return dir_;
  return dir_ / kShardsDir / name;
}

IndexWriter& ShardSet::Open(const std::string& name) {
  auto it = writers_.find(name);
  if (it != writers_.end()) return *it->second;
  fs::path path = ShardPath(name);
  if (policy_.by != ShardPolicy::By::kNone) {
    if (!ValidShardName(name)) {
      throw std::runtime_error("shard name '" + name +
                               "' is not usable as a folder name");
    }
    fs::path closed = path;
    closed += kClosedSuffix;
    if (fs::exists(closed)) {
      throw std::runtime_error("shard " + name + " of " + dir_.string() +
                               " is closed (compacted read-only at " +
                               closed.string() +
                               "); its articles were not "
                               "indexed");
    }
    fs::create_directories(path.parent_path());
  }
  auto writer = std::make_unique<IndexWriter>(path);
  if (in_group_) writer->BeginGroup();
  writer->StoreLexiconWords(lexicon_);
  if (!topics_json_.empty()) writer->StoreTopics(topics_json_);
  auto& ref = *writer;
  writers_.emplace(name, std::move(writer));
  if (policy_.by != ShardPolicy::By::kNone) WriteStub();
  return ref;
}

IndexWriter& ShardSet::For(const corpus::Article& article) {
  return Open(ShardName(policy_, article));
}

std::vector<IndexWriter*> ShardSet::WritableShards() {
  if (policy_.by == ShardPolicy::By::kNone) return {&Open("")};
  std::vector<IndexWriter*> out;
  for (const auto& name : ListShards(dir_)) {
    if (fs::exists(ShardPath(name))) out.push_back(&Open(name));
  }
  return out;
}

std::vector<std::string> ShardSet::StoredLexiconWords() {
  if (policy_.by == ShardPolicy::By::kNone) {
    return Open("").StoredLexiconWords();
  }
  std::set<std::string> words;
  for (const auto& name : ListShards(dir_)) {
    fs::path path = ShardPath(name);
    if (!fs::exists(path)) path += kClosedSuffix;
    Xapian::Database db(path.string());
    for (auto& word : corpus::Lexicon::SplitStored(db.get_metadata(
             std::string(corpus::schema::kLexiconMetadataKey)))) {
      words.insert(std::move(word));
    }
  }
  return {words.begin(), words.end()};
}

void ShardSet::StoreLexiconWords(const std::vector<std::string>& words) {
  lexicon_.insert(lexicon_.end(), words.begin(), words.end());
  for (auto& [name, writer] : writers_) writer->StoreLexiconWords(words);
}

void ShardSet::StoreTopics(const std::string& taxonomy_json) {
  topics_json_ = taxonomy_json;
  for (auto& [name, writer] : writers_) writer->StoreTopics(taxonomy_json);
}

void ShardSet::BeginGroup() {
  in_group_ = true;
  for (auto& [name, writer] : writers_) writer->BeginGroup();
}

void ShardSet::CommitGroup() {
  for (auto& [name, writer] : writers_) writer->CommitGroup();
  in_group_ = false;
}

void ShardSet::Finish() {
  if (policy_.by != ShardPolicy::By::kNone) {
    // Every writable shard gets the whole lexicon: the search reads it
    // from whichever shard the stub lists first.
    std::vector<std::string> all = StoredLexiconWords();
    all.insert(all.end(), lexicon_.begin(), lexicon_.end());
    lexicon_ = all;
    for (const auto& name : ListShards(dir_)) {
      if (fs::exists(ShardPath(name))) Open(name).StoreLexiconWords(all);
    }
    WriteStub();
  }
  for (auto& [name, writer] : writers_) {
    writer->BeginGroup();
    writer->CommitGroup();
  }
  in_group_ = false;
}

void ShardSet::WriteStub() const {
  std::vector<std::string> kept;
  for (const auto& line : StubLines(dir_)) {
    if (!IsLocalShardLine(line)) kept.push_back(line);
  }
  std::vector<std::string> names = ListShards(dir_);
  // Writable (newest) shards first: the search reads the lexicon and the
  // topic taxonomy from the first database of the stub.
  std::stable_sort(names.begin(), names.end(),
                   [&](const std::string& a, const std::string& b) {
                     bool open_a = !fs::exists(ShardPath(a + ".glass"));
                     bool open_b = !fs::exists(ShardPath(b + ".glass"));
                     if (open_a != open_b) return open_a;
                     return a > b;
                   });
  fs::path tmp = dir_ / "XAPIANDB.tmp";
  {
    std::ofstream out(tmp);
    out << kPolicyComment << policy_.ToString() << "\n";
    for (const auto& name : names) {
      std::string entry = std::string(kShardsDir) + "/" + name;
      fs::path closed = ShardPath(name);
      closed += kClosedSuffix;
      if (fs::exists(closed)) entry += kClosedSuffix;
      out << "auto " << entry << "\n";
    }
    for (const auto& line : kept) out << line << "\n";
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  // Readers see the old stub or the new one, never half of one.
  fs::rename(tmp, dir_ / kStubFile);
}

void CloseShard(const fs::path& dir, const std::string& name) {
  if (!IsShardedIndex(dir)) {
    throw std::runtime_error(dir.string() + " is not a sharded index");
  }
  auto policy = RecordedPolicy(dir);
  if (!policy) {
    throw std::runtime_error(dir.string() + " records no sharding policy");
  }
  fs::path open = dir / kShardsDir / name;
  fs::path closed = open;
  closed += kClosedSuffix;
  if (!ValidShardName(name) || !fs::exists(open)) {
    throw std::runtime_error(fs::exists(closed)
                                 ? "shard " + name + " is already closed"
                                 : "no shard " + name + " in " + dir.string());
  }
  fs::path tmp = closed;
  tmp += ".tmp";
  fs::remove(tmp);
  {
    // Holding the write lock keeps an indexer out while we copy.
    Xapian::WritableDatabase lock(open.string(), Xapian::DB_OPEN);
    Xapian::Database source(open.string());
    source.compact(tmp.string(), Xapian::DBCOMPACT_SINGLE_FILE |
                                     Xapian::DBCOMPACT_NO_RENUMBER);
    if (Xapian::Database(tmp.string()).get_doccount() !=
        source.get_doccount()) {
      fs::remove(tmp);
      throw std::runtime_error("compacted copy of shard " + name +
                               " lost documents; shard left open");
    }
  }
  fs::rename(tmp, closed);
  ShardSet(dir, *policy).WriteStub();
  fs::remove_all(open);
}

}  // namespace baoku::indexer
