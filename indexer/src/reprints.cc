#include "baoku/indexer/reprints.h"

#include <set>

#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/schema.h"

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

std::string IdOf(const Xapian::Document& doc) {
  auto t = doc.termlist_begin();
  t.skip_to(std::string(corpus::schema::kId));
  if (t != doc.termlist_end() && (*t).rfind(corpus::schema::kId, 0) == 0) {
    return (*t).substr(corpus::schema::kId.size());
  }
  return {};
}

}  // namespace

void AddReprintSignature(const corpus::Article& article,
                         Xapian::Document& doc) {
  const auto signature = corpus::ComputeMinHash(BodyText(article));
  if (!signature) return;
  doc.add_value(corpus::kReprintSignatureSlot,
                corpus::EncodeSignature(*signature));
  for (const auto& key : corpus::BandKeys(*signature)) {
    doc.add_boolean_term(std::string(corpus::kReprintBandPrefix) + key);
  }
}

void AssignReprintGroup(const Xapian::Database& db, const std::string& id,
                        Xapian::Document& doc) {
  const auto signature =
      corpus::DecodeSignature(doc.get_value(corpus::kReprintSignatureSlot));
  if (!signature) return;
  std::string group = id;
  double best = 0;
  std::set<Xapian::docid> seen;
  for (const auto& key : corpus::BandKeys(*signature)) {
    const std::string term = std::string(corpus::kReprintBandPrefix) + key;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (!seen.insert(*it).second) continue;
      const Xapian::Document other = db.get_document(*it);
      const auto other_signature = corpus::DecodeSignature(
          other.get_value(corpus::kReprintSignatureSlot));
      if (!other_signature || IdOf(other) == id) continue;
      const double similarity =
          corpus::EstimatedJaccard(*signature, *other_signature);
      const std::string other_group =
          other.get_value(corpus::kReprintGroupSlot);
      if (similarity >= corpus::kNearDuplicateThreshold && similarity > best &&
          !other_group.empty()) {
        best = similarity;
        group = other_group;
      }
    }
  }
  doc.add_value(corpus::kReprintGroupSlot, group);
}

}  // namespace baoku::indexer
