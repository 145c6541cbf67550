// Reprint groups at index time (corpus/near_duplicate.h): each document
// carries its MinHash signature in a value slot; when documents are
// written, the indexed ones sharing an LSH band with them are checked and,
// if one is similar enough (kNearDuplicateThreshold), the new document
// joins its group. Otherwise it starts its own group, named by its id.
//
// The bands are not stored as terms (schema 5): they are computed from the
// signature slot, in one pass over it per batch of documents, which costs
// far less than a term per band (docs/BENCHMARKS.md, "Reprint bands
// without terms").
//
// Thread-safety: as Xapian's: one writer thread per database.
#ifndef BAOKU_INDEXER_REPRINTS_H_
#define BAOKU_INDEXER_REPRINTS_H_

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "baoku/corpus/article.h"

namespace baoku::indexer {

// Adds the signature slot of `article`'s body to `doc`. A body too short
// for a signature (kMinShingles) gets none and is never grouped.
void AddReprintSignature(const corpus::Article& article, Xapian::Document& doc);

// Sets the group slot (kReprintGroupSlot) of each of `docs` that has a
// signature and no group yet, before they are written, in this order, as
// the articles `ids`: the group of the most similar document sharing a
// band, at or above the threshold, among the documents of `db` other than
// `replaced` and the earlier ones of `docs` (with a group); else its own
// id. Ties go to the candidate sharing the lowest-numbered band, then to a
// document of `db` (in document-id order) before one of `docs` (in order).
// Reads `db`'s signature slot once, and only when some document needs a
// group; a candidate's group is read only when it is the best so far.
// REQUIRES: ids.size() == docs.size(); `replaced` holds every document of
// `db` this batch deletes or overwrites (the old versions of `ids`
// included), so that no article joins its own old text.
void AssignReprintGroups(const Xapian::Database& db,
                         const std::set<Xapian::docid>& replaced,
                         const std::vector<std::string>& ids,
                         std::vector<Xapian::Document>& docs);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_REPRINTS_H_
