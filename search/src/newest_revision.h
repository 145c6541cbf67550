// Reading the newest revision of an index that an indexer commits to.
#ifndef BAOKU_SEARCH_SRC_NEWEST_REVISION_H_
#define BAOKU_SEARCH_SRC_NEWEST_REVISION_H_

#include <xapian.h>

namespace baoku::search {

// Runs `f` again while a concurrent commit changes the revision under it: a
// Xapian reader can only read the newest revisions, and a busy indexer that
// commits twice meanwhile discards the one opened (DatabaseModifiedError)
// or overwrites its blocks as it is read (DatabaseCorruptError, "Expected
// block 53 to be level 1, not 0": 1 request in about 25,000 while
// re-indexing with --commit-every 1). Up to `attempts` times; then the last
// error is thrown, so a truly corrupt index is still reported. The newest
// revision holds whole issues as ever.
template <typename F>
auto OnNewestRevision(F f, int attempts = 10) {
  for (int attempt = 1;; ++attempt) {
    try {
      return f();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= attempts) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt >= attempts) throw;
    }
  }
}

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_SRC_NEWEST_REVISION_H_
