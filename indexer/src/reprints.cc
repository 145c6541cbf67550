#include "baoku/indexer/reprints.h"

#include <array>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "baoku/corpus/near_duplicate.h"

namespace baoku::indexer {
namespace {

std::string BodyText(const corpus::Article& article) {
  std::string body;
  for (const auto& paragraph : article.paragraphs) {
    body += paragraph;
    body += '\n';
  }
  return body;
}

// The best candidate so far for one document: higher similarity wins,
// then the lower band, then a document of the index before one of the
// batch, then the earlier one.
struct Best {
  double similarity = 0;
  size_t band = 0;
  bool in_batch = false;
  uint64_t order = 0;  // Document id, or the position in the batch.
  std::string group;

  bool BeatenBy(double s, size_t b, bool batch, uint64_t o) const {
    if (group.empty()) return true;
    if (s != similarity) return s > similarity;
    if (b != band) return b < band;
    if (batch != in_batch) return !batch;
    return o < order;
  }
};

struct Pending {
  corpus::MinHashSignature signature;
  Best best;
  bool done = false;  // Its group is set; no longer offered candidates.
};

using BandTable = std::unordered_map<uint64_t, std::vector<uint32_t>>;

// Offers the candidate `signature` (bands `bands`) to every pending
// document sharing a band with it; `group_of` gives its group, read only
// when it would win.
template <typename GroupOf>
void Offer(const corpus::MinHashSignature& signature,
           const std::array<uint64_t, corpus::kBandCount>& bands,
           const BandTable& table, std::vector<Pending>& pending, bool in_batch,
           uint64_t order, GroupOf group_of) {
  std::unordered_set<uint32_t> seen;
  for (size_t band = 0; band < bands.size(); ++band) {
    auto found = table.find(bands[band]);
    if (found == table.end()) continue;
    for (uint32_t p : found->second) {
      if (!seen.insert(p).second) continue;
      Pending& target = pending[p];
      if (target.done) continue;
      const double similarity =
          corpus::EstimatedJaccard(target.signature, signature);
      if (similarity < corpus::kNearDuplicateThreshold ||
          !target.best.BeatenBy(similarity, band, in_batch, order)) {
        continue;
      }
      std::string group = group_of();
      if (group.empty()) continue;
      target.best = {similarity, band, in_batch, order, std::move(group)};
    }
  }
}

}  // namespace

void AddReprintSignature(const corpus::Article& article,
                         Xapian::Document& doc) {
  const auto signature = corpus::ComputeMinHash(BodyText(article));
  if (!signature) return;
  doc.add_value(corpus::kReprintSignatureSlot,
                corpus::EncodeSignature(*signature));
}

void AssignReprintGroups(const Xapian::Database& db,
                         const std::set<Xapian::docid>& replaced,
                         const std::vector<std::string>& ids,
                         std::vector<Xapian::Document>& docs) {
  // The documents to group, and the table of their bands.
  std::vector<Pending> pending;
  std::vector<int64_t> pending_of(docs.size(), -1);
  BandTable table;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!docs[i].get_value(corpus::kReprintGroupSlot).empty()) continue;
    auto signature = corpus::DecodeSignature(
        docs[i].get_value(corpus::kReprintSignatureSlot));
    if (!signature) continue;
    const auto p = static_cast<uint32_t>(pending.size());
    pending_of[i] = p;
    for (uint64_t band : corpus::BandHashes(*signature)) {
      auto& list = table[band];
      if (list.empty() || list.back() != p) list.push_back(p);
    }
    pending.push_back({*signature, {}, false});
  }
  if (pending.empty()) return;

  // Every indexed document is a candidate for every pending one.
  for (auto it = db.valuestream_begin(corpus::kReprintSignatureSlot);
       it != db.valuestream_end(corpus::kReprintSignatureSlot); ++it) {
    const Xapian::docid docid = it.get_docid();
    if (replaced.count(docid)) continue;
    const auto signature = corpus::DecodeSignature(*it);
    if (!signature) continue;
    Offer(*signature, corpus::BandHashes(*signature), table, pending,
          /*in_batch=*/false, docid, [&] {
            return db.get_document(docid).get_value(corpus::kReprintGroupSlot);
          });
  }

  // Then in write order: each document, once grouped, is a candidate for
  // the later ones.
  for (size_t i = 0; i < docs.size(); ++i) {
    const int64_t p = pending_of[i];
    if (p >= 0) {
      pending[p].done = true;
      const Best& best = pending[p].best;
      docs[i].add_value(corpus::kReprintGroupSlot,
                        best.group.empty() ? ids[i] : best.group);
    }
    const std::string group = docs[i].get_value(corpus::kReprintGroupSlot);
    const auto signature = corpus::DecodeSignature(
        docs[i].get_value(corpus::kReprintSignatureSlot));
    if (group.empty() || !signature) continue;
    Offer(*signature, corpus::BandHashes(*signature), table, pending,
          /*in_batch=*/true, i, [&] { return group; });
  }
}

}  // namespace baoku::indexer
