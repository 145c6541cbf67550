#include "weight_bonus.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "test_support.h"

namespace baoku::search::internal {
namespace {

// Every match of `query` with its weight, by docid.
std::map<Xapian::docid, double> Weights(const Xapian::Database& db,
                                        const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::map<Xapian::docid, double> weights;
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    weights[*it] = it.get_weight();
  }
  return weights;
}

TEST_CASE("A bonus weighs like AND_MAYBE and adds no match", "[search]") {
  testing::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  const std::vector<std::vector<std::string>> docs = {
      {"bus"},  {"bus", "Sbus"},        {"Sbus"},
      {"tram"}, {"bus", "bus", "Sbus"}, {"bus", "tram"}};
  for (const auto& terms : docs) {
    Xapian::Document doc;
    for (const auto& term : terms) doc.add_term(term);
    db.add_document(doc);
  }
  db.commit();
  Xapian::Query query("bus");
  Xapian::Query bonus(Xapian::Query::OP_OR, Xapian::Query("Sbus"),
                      Xapian::Query("tram"));
  auto expected =
      Weights(db, Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, bonus));
  auto got = Weights(db, WithBonus(query, bonus));
  REQUIRE(got.size() == 4);  // The articles holding "bus", no other.
  REQUIRE(got.size() == expected.size());
  for (const auto& [docid, weight] : expected) {
    INFO(docid);
    REQUIRE(got.count(docid));
    CHECK(got[docid] == Approx(weight));
  }
  // The bonus counts: the article with both outweighs the one without.
  CHECK(got[2] > got[1]);
}

}  // namespace
}  // namespace baoku::search::internal
