// Near-duplicate detection for reprints: the same story printed twice (a
// later edition, wire copy run again, an abridged version) has nearly the
// same set of character shingles. A MinHash signature summarizes that set in
// kMinHashSize numbers so that the fraction of equal positions in two
// signatures estimates the Jaccard similarity of the two sets; LSH band keys
// (runs of kRowsPerBand positions) let an index find candidates sharing a
// band without comparing every pair.
//
// Text is normalized as the analyzer does (NFKC, case and width folding,
// traditional → simplified), then everything but letters and digits is
// dropped (punctuation, white space), so 資訊，2018 and 资讯2018 shingle alike.
//
// The threshold and band layout are measured, not guessed: see
// docs/QUALITY.md (Reprints) and bench/quality/near_duplicates.py.
//
// Thread-safety: free functions, safe from many threads at once. Signatures
// are deterministic (fixed seeds) across runs and machines, so they can be
// stored in an index.
#ifndef BAOKU_CORPUS_NEAR_DUPLICATE_H_
#define BAOKU_CORPUS_NEAR_DUPLICATE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baoku::corpus {

// Characters per shingle.
inline constexpr size_t kShingleLength = 5;
// Hash functions per signature.
inline constexpr size_t kMinHashSize = 64;
// Signature positions per LSH band; kMinHashSize / kRowsPerBand bands.
inline constexpr size_t kRowsPerBand = 2;
inline constexpr size_t kBandCount = kMinHashSize / kRowsPerBand;
// Estimated Jaccard at or above which two texts are the same story: the
// F1-best cut on abridged and edited copies of real articles against
// same-day same-beat articles (held-out F1 0.99; 2 rows per band find 99.9%
// of the pairs above it as candidates)
// (docs/QUALITY.md, Reprints).
inline constexpr double kNearDuplicateThreshold = 14.0 / kMinHashSize;
// Texts with fewer shingles than this get no signature: a two-line notice
// would match every other two-line notice.
inline constexpr size_t kMinShingles = 40;

// How an index holds reprint groups (indexer/reprints.h writes them, the
// search collapses on the group slot). Kept here, beside the signature they
// depend on, rather than in schema.h, so that adding them did not rebuild
// every module; slots 20 and 21 leave 9-19 to schema.h.
//   signature slot EncodeSignature()
//   group slot     the id of the first indexed article of the group
// The bands are not stored: until schema 4 each was a term
// (kReprintBandPrefix + BandKeys()[i]), 19 % of an index's distinct terms
// and 12 % of its size for one look-up per article written; the indexer
// now computes them from the signature slot when it groups
// (docs/BENCHMARKS.md, "Reprint bands without terms").
// Written by schema 4 and earlier only; kept so that no later field takes
// the prefix of terms an old index may still hold.
inline constexpr std::string_view kReprintBandPrefix = "XDUP";
inline constexpr unsigned kReprintSignatureSlot = 20;
inline constexpr unsigned kReprintGroupSlot = 21;

using MinHashSignature = std::array<uint32_t, kMinHashSize>;

// The text the shingles are taken from: normalized, letters and digits only.
std::string ShingleText(std::string_view text);

// The distinct hashed kShingleLength-character shingles of `text` (UTF-8;
// invalid bytes read as U+FFFD), sorted. Empty when the text is shorter than
// one shingle.
std::vector<uint64_t> Shingles(std::string_view text);

// The exact Jaccard similarity of two sorted shingle sets (0 when both are
// empty).
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// The MinHash signature of `text`, or nullopt when it has fewer than
// kMinShingles shingles.
std::optional<MinHashSignature> ComputeMinHash(std::string_view text);

// The MinHash signature of a shingle set. REQUIRES: !shingles.empty().
MinHashSignature MinHashOf(const std::vector<uint64_t>& shingles);

// The fraction of equal positions: an estimate of the Jaccard similarity.
double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b);

// One key per band, kBandCount in all, each 16 lower-case hex digits with
// the band number in front ("07" + hash), so equal keys mean an equal band.
std::vector<std::string> BandKeys(const MinHashSignature& signature);

// The same bands as 64-bit hashes (BandKeys spells them in hex), for
// in-memory tables: equal hashes mean an equal band of the same number.
std::array<uint64_t, kBandCount> BandHashes(const MinHashSignature& signature);

// A signature as bytes (for a value slot) and back. Decode returns nullopt
// for bytes of the wrong length (a slot written by another version).
std::string EncodeSignature(const MinHashSignature& signature);
std::optional<MinHashSignature> DecodeSignature(std::string_view bytes);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_NEAR_DUPLICATE_H_
