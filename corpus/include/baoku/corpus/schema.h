// The index schema, defined once for the indexer and the search: term
// prefixes, value slots and position layout. Both sides include this header,
// so what is written and what is asked for cannot drift apart.
//
// Free-text terms carry no prefix; they are the analyzer's tokens (see
// text_analyzer.h). Boolean filter terms carry the prefixes below followed by
// the analyzer's NormalizeKey() of the value.
#ifndef BAOKU_CORPUS_SCHEMA_H_
#define BAOKU_CORPUS_SCHEMA_H_

#include <cstdint>
#include <string_view>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::corpus::schema {

// Free text, with positions.
inline constexpr std::string_view kTitle =
    "S";  // Title block (also unprefixed).

// Boolean filters.
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kReporter = "A";
inline constexpr std::string_view kPhotographer = "XP";
inline constexpr std::string_view kCorrespondent = "XCOR";
inline constexpr std::string_view kColumn = "XCOL";
inline constexpr std::string_view kKind = "K";
inline constexpr std::string_view kDay = "D";    // D20260611
inline constexpr std::string_view kMonth = "M";  // M202606
inline constexpr std::string_view kYear = "Y";   // Y2026
inline constexpr std::string_view kPage = "XPAGE";
inline constexpr std::string_view kSection = "XSEC";
inline constexpr std::string_view kPaper = "XPAPER";
inline constexpr std::string_view kSource = "XSRC";
// Prominence labels (prominence.h: 头版, 头条, 有图): "XPROM头条".
inline constexpr std::string_view kProminence = "XPROM";
// One page of one issue: "yzrb-20260611-03". Re-indexing a page replaces
// every document carrying its key.
inline constexpr std::string_view kPageKey = "XPK";
// Topic id from corpus/topics.json, e.g. "XThousing".
inline constexpr std::string_view kTopic = "XT";

// Value slots.
inline constexpr unsigned kDateSlot = 0;     // "20260611", sorts as text.
inline constexpr unsigned kPageSlot = 1;     // Xapian::sortable_serialise.
inline constexpr unsigned kOrdinalSlot = 2;  // Xapian::sortable_serialise.
// Facet slots hold the value as displayed, so that Xapian's stock
// ValueCountMatchSpy counts them exactly, also on remote shards served by
// xapian-tcpsrv (which knows no custom match spies). A list (reporters,
// topics) is one value, its entries joined by kListSeparator: the spy counts
// each combination once per article, and splitting the combinations gives
// exact per-entry counts because an entry occurs once per article.
inline constexpr unsigned kColumnSlot = 3;
inline constexpr unsigned kKindSlot = 4;       // KindName().
inline constexpr unsigned kReportersSlot = 5;  // Names as printed.
inline constexpr unsigned kTopicsSlot = 6;     // Topic ids, best first.
inline constexpr char kListSeparator = '\n';
// Sort keys as text, because remote shards accept no KeyMaker: the date,
// page and position on the page ("20260611" "003" "002") then the paper
// code, so that no two articles tie. Ascending: printed order. The
// newest-first key holds 999 - page and 999 - position, so that sorted in
// reverse it gives the newest day first and each day in printed order.
inline constexpr unsigned kPrintOrderSlot = 7;
inline constexpr unsigned kNewestOrderSlot = 8;
// The source category (source.h: 本报, 新华社, …), a facet.
inline constexpr unsigned kSourceSlot = 9;
// The prominence labels (prominence.h), a facet; and ProminenceScore() as
// Xapian::sortable_serialise, which the search's prominence prior reads
// (Xapian's ValueWeightPostingSource). Numbered after the reprint slots
// (near_duplicate.h: 20, 21), away from the facet slots other fields take.
inline constexpr unsigned kProminenceSlot = 22;
inline constexpr unsigned kProminenceScoreSlot = 23;

// Versions of what an index holds, stored in its metadata when it is
// created and checked whenever it is opened (index_version.h): an index
// built under other versions is refused, naming the command that rebuilds
// it. Both are part of every page fingerprint, so that a rebuild with
// --force (or a version bump) re-indexes every page.
//
// kSchemaVersion: the terms, prefixes, value slots and records an article
// becomes (this file, the field table in fields.cc, document_builder.cc).
// 1 was every index before versions were stored (none is stored there).
// 3: the kind "correction" (correction.h), the source category
// (source.h) in XSRC and kSourceSlot.
// 4: prominence (prominence.h): XPROM terms, kProminenceSlot,
// kProminenceScoreSlot and the record's "lead_story".
// 5: no reprint band terms (XDUP, near_duplicate.h); the bands are
// computed from the signature slot when the indexer groups.
inline constexpr int kSchemaVersion = 5;
// kAnalyzerVersion: the terms the analyzer makes of a text (normalization,
// the fold table, segmentation, tokens and which keep positions). The
// analyzer owns it (kTermLayoutVersion in text_analyzer.h, bumped with any
// change to its stages); it is stored under its own key.
inline constexpr int kAnalyzerVersion = kTermLayoutVersion;
inline constexpr std::string_view kSchemaVersionMetadataKey =
    "baoku:schema_version";
inline constexpr std::string_view kAnalyzerVersionMetadataKey =
    "baoku:analyzer_version";

// Database metadata: every lexicon word documents were built with (the
// project's file and the names harvested from bylines), one per line, so
// that the search segments queries as the indexer segmented text.
inline constexpr std::string_view kLexiconMetadataKey = "baoku:lexicon";
// The topic taxonomy (corpus/topics.json) the index was built with, as JSON,
// so that the search resolves topic names and ids as the indexer assigned
// them.
inline constexpr std::string_view kTopicsMetadataKey = "baoku:topics";
// Metadata "baoku:page:" + page key: a fingerprint of the articles last
// indexed for that page, so an unchanged page is skipped on re-indexing.
inline constexpr std::string_view kPageFingerprintPrefix = "baoku:page:";

// Positions: each field and paragraph starts this far after the previous
// one ends, so that a phrase never matches across them.
inline constexpr uint32_t kPositionGap = 100;
// Title-block terms count this many times in the unprefixed text.
inline constexpr uint32_t kTitleWeight = 3;
// Xapian limits terms to 245 bytes; longer tokens are not indexed.
inline constexpr size_t kMaxTermBytes = 120;

}  // namespace baoku::corpus::schema

#endif  // BAOKU_CORPUS_SCHEMA_H_
