// Reprint groups kept in memory for a run that writes a new index (the bulk
// build, bulk_build.h): every article the run writes is grouped against the
// articles written before it, as AssignReprintGroups (reprints.h) does
// against a database, but without a pass over its signatures, and across
// the sub-databases of all workers (a reprint whose original another
// worker wrote still joins its group).
//
// The rule is AssignReprintGroups': the best candidate sharing a band, at
// or above corpus::kNearDuplicateThreshold, other than the article itself;
// candidates in band order, then in the order they were assigned, so a run
// that assigns in write order groups as the one-writer path does.
//
// Not thread-safe: one thread assigns, in the order the articles are to be
// written (the groups depend on that order, so it must not be the order
// threads happen to finish in).
#ifndef BAOKU_INDEXER_SRC_REPRINT_GROUPS_H_
#define BAOKU_INDEXER_SRC_REPRINT_GROUPS_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "baoku/corpus/near_duplicate.h"

namespace baoku::indexer {

class ReprintGroups {
 public:
  // The group of the article `id` with `signature`: the group of the most
  // similar earlier article, else `id` itself. Recorded, so that later
  // articles can join it; assigning an `id` again replaces its entry.
  std::string Assign(const std::string& id,
                     const corpus::MinHashSignature& signature);

  // Sets `doc`'s group slot from its signature slot (BuildDocument's), as
  // AssignReprintGroups would before it is written as `id`; a document
  // without a signature stays ungrouped.
  void AssignTo(const std::string& id, Xapian::Document& doc);

  size_t size() const { return by_id_.size(); }

 private:
  struct Entry {
    std::string id;
    std::string group;
    corpus::MinHashSignature signature;
    bool live = true;  // False once its id was assigned again.
  };
  std::vector<Entry> entries_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_band_;  // BandHashes
  std::unordered_map<std::string, uint32_t> by_id_;
};

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_SRC_REPRINT_GROUPS_H_
