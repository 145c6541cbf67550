#include "deadline_source.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "test_support.h"

namespace baoku::search::internal {
namespace {

// 300 documents holding "w", every third also "x".
struct Index {
  testing::TempDir dir;
  Xapian::Database db;
  Index() {
    Xapian::WritableDatabase writable((dir / "db").string(), Xapian::DB_CREATE);
    for (int i = 0; i < 300; ++i) {
      Xapian::Document doc;
      doc.add_term("w", 1 + i % 7);
      if (i % 3 == 0) doc.add_term("x");
      writable.add_document(doc);
    }
    writable.commit();
    db = Xapian::Database((dir / "db").string());
  }
};

Xapian::MSet Ranked(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  // As the searcher's estimated totals: every match checked, no more.
  return enquire.get_mset(0, 10, db.get_doccount());
}

TEST_CASE("Before its deadline the source changes nothing", "[search]") {
  Index index;
  Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("w"),
                      Xapian::Query("x"));
  DeadlineSource source(DeadlineSource::Clock::now() + std::chrono::hours(1));
  Xapian::MSet plain = Ranked(index.db, query);
  Xapian::MSet bounded = Ranked(
      index.db,
      Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(&source)));
  CHECK_FALSE(source.Expired());
  CHECK(bounded.get_matches_lower_bound() == 300);
  REQUIRE(bounded.size() == plain.size());
  for (Xapian::doccount i = 0; i < plain.size(); ++i) {
    CHECK(*bounded[i] == *plain[i]);
    CHECK(bounded[i].get_weight() == Approx(plain[i].get_weight()));
  }
}

TEST_CASE("At its deadline the source ends the match", "[search]") {
  Index index;
  DeadlineSource source(DeadlineSource::Clock::now());
  Xapian::MSet bounded = Ranked(
      index.db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("w"),
                              Xapian::Query(&source)));
  CHECK(source.Expired());
  // The clock is read once per 32 documents.
  CHECK(bounded.get_matches_lower_bound() < 40);
  CHECK(bounded.size() == 10);  // The best of those seen.
}

TEST_CASE("The source ends on an empty index", "[search]") {
  testing::TempDir dir;
  { Xapian::WritableDatabase((dir / "db").string(), Xapian::DB_CREATE); }
  Xapian::Database db((dir / "db").string());
  DeadlineSource source(DeadlineSource::Clock::now() + std::chrono::hours(1));
  Xapian::MSet mset =
      Ranked(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("w"),
                               Xapian::Query(&source)));
  CHECK(mset.empty());
}

}  // namespace
}  // namespace baoku::search::internal
