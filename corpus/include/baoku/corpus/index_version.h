// Which schema and analyzer built an index, and whether this build of
// baoku can read it. Pure functions over the values stored in the index's
// metadata (schema::kSchemaVersionMetadataKey, kAnalyzerVersionMetadataKey);
// the indexer and the search read and write the metadata. Thread-safe.
#ifndef BAOKU_CORPUS_INDEX_VERSION_H_
#define BAOKU_CORPUS_INDEX_VERSION_H_

#include <string>
#include <string_view>

#include "baoku/corpus/result.h"

namespace baoku::corpus {

// The stored form of this build's versions: "2".
std::string SchemaVersionValue();
std::string AnalyzerVersionValue();

// The command that rebuilds the index at `index` from its pages.
std::string RebuildCommand(std::string_view index);

// Checks the versions stored in the index at `index` (`index` names it in
// the message; empty values: none stored). A problem (code
// "index.version_mismatch", file `index`) names the index, the stored and
// the expected versions and RebuildCommand(); an index without versions is
// one built before they were stored, by schema version 1.
Result<void> CheckIndexVersions(std::string_view index,
                                std::string_view stored_schema,
                                std::string_view stored_analyzer);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_INDEX_VERSION_H_
