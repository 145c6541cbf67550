#include "reprint_groups.h"

#include <unordered_set>

namespace baoku::indexer {

std::string ReprintGroups::Assign(const std::string& id,
                                  const corpus::MinHashSignature& signature) {
  const auto bands = corpus::BandHashes(signature);
  std::string group = id;
  double best = 0;
  std::unordered_set<uint32_t> seen;
  for (uint64_t band : bands) {
    auto found = by_band_.find(band);
    if (found == by_band_.end()) continue;
    for (uint32_t candidate : found->second) {
      if (!seen.insert(candidate).second) continue;
      const Entry& other = entries_[candidate];
      if (!other.live || other.id == id) continue;
      const double similarity =
          corpus::EstimatedJaccard(signature, other.signature);
      if (similarity >= corpus::kNearDuplicateThreshold && similarity > best) {
        best = similarity;
        group = other.group;
      }
    }
  }
  const auto index = static_cast<uint32_t>(entries_.size());
  auto [previous, fresh] = by_id_.emplace(id, index);
  if (!fresh) {
    entries_[previous->second].live = false;
    previous->second = index;
  }
  entries_.push_back({id, group, signature});
  for (uint64_t band : bands) by_band_[band].push_back(index);
  return group;
}

void ReprintGroups::AssignTo(const std::string& id, Xapian::Document& doc) {
  const auto signature =
      corpus::DecodeSignature(doc.get_value(corpus::kReprintSignatureSlot));
  if (!signature) return;
  doc.add_value(corpus::kReprintGroupSlot, Assign(id, *signature));
}

}  // namespace baoku::indexer
