// Reprint groups at index time (corpus/near_duplicate.h): each document
// carries its MinHash signature and LSH band terms; when it is written, the
// indexed documents sharing a band are checked and, if one is similar
// enough (kNearDuplicateThreshold), the new document joins its group.
// Otherwise it starts its own group, named by its id.
//
// Thread-safety: as Xapian's: one writer thread per database.
#ifndef BAOKU_INDEXER_REPRINTS_H_
#define BAOKU_INDEXER_REPRINTS_H_

#include <xapian.h>

#include <string>

#include "baoku/corpus/article.h"

namespace baoku::indexer {

// Adds the signature slot and band terms of `article`'s body to `doc`.
// A body too short for a signature (kMinShingles) gets neither and is never
// grouped.
void AddReprintSignature(const corpus::Article& article, Xapian::Document& doc);

// Sets `doc`'s group slot (kReprintGroupSlot) before it is written as the
// article `id`: the group of the indexed document (other than `id` itself)
// sharing a band with the highest estimated Jaccard at or above the
// threshold, else `id`. Leaves a document without a signature ungrouped.
// REQUIRES: `doc` came from BuildDocument (AddReprintSignature).
void AssignReprintGroup(const Xapian::Database& db, const std::string& id,
                        Xapian::Document& doc);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_REPRINTS_H_
