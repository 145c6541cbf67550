#include "weight_bonus.h"

#include <string>

namespace baoku::search::internal {

Xapian::Query WithBonus(const Xapian::Query& query,
                        const Xapian::Query& bonus) {
  // The empty term matches every document (a fresh query each time).
  Xapian::Query everything_unweighted(Xapian::Query::OP_SCALE_WEIGHT,
                                      Xapian::Query(std::string()), 0);
  return Xapian::Query(
      Xapian::Query::OP_AND, query,
      Xapian::Query(Xapian::Query::OP_OR, bonus, everything_unweighted));
}

}  // namespace baoku::search::internal
