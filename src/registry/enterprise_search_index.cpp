#include "registry/enterprise_search_index.hpp"

#include <string>

namespace rw::registry {
namespace {

constexpr const char* kAnyWaiting = "SELECT EXISTS (SELECT 1 FROM enterprise_search_waiting) AS waiting";
constexpr const char* kLastOfPass =
    "SELECT MAX(enterprise_id) AS last FROM "
    "(SELECT enterprise_id FROM enterprise_search_waiting ORDER BY enterprise_id LIMIT ?) pass";
// The pass's enterprises, through `w.enterprise_id <= ?`. CROSS JOIN keeps the waiting list outside: SQLite's
// planner, which has no statistics of the list, otherwise walked every enterprise below the last waiting id
// and looked each up in the list (60 ms a pass).
constexpr const char* kOfPass =
    " FROM enterprise_search_waiting w CROSS JOIN enterprises e ON e.id = w.enterprise_id WHERE "
    "w.enterprise_id <= ?";
const std::string kIndexTrigrams =
    std::string(
        "INSERT INTO enterprises_search (rowid, name, credit_code, registered_address, business_address) "
        "SELECT e.id, e.name, e.credit_code, e.registered_address, e.business_address") +
    kOfPass;
const std::string kIndexPieces =
    std::string(
        "INSERT INTO enterprises_short_search (rowid, pieces) "
        "SELECT e.id, text_pieces(e.name, e.credit_code, e.registered_address, e.business_address)") +
    kOfPass;
constexpr const char* kNoLongerWaiting = "DELETE FROM enterprise_search_waiting WHERE enterprise_id <= ?";

}  // namespace

bool enterprises_wait_for_search_index(db::Connection& db) {
  return db.dialect() == db::Dialect::sqlite && db.query(kAnyWaiting)[0].integer("waiting") == 1;
}

std::int64_t index_waiting_enterprises(db::Connection& db, std::int64_t at_most) {
  if (db.dialect() != db::Dialect::sqlite) return 0;
  const auto last = db.query(kLastOfPass, {at_most})[0];
  if (last.is_null("last")) return 0;
  const auto through = last.integer("last");
  db.execute(kIndexTrigrams, {through});
  db.execute(kIndexPieces, {through});
  return db.execute(kNoLongerWaiting, {through});
}

void index_all_waiting_enterprises(db::Connection& db, std::int64_t per_pass) {
  // Read first: an idle server would otherwise take the write turn every 100 ms to find nothing.
  if (!enterprises_wait_for_search_index(db)) return;
  for (std::int64_t indexed = per_pass; indexed == per_pass;) {
    db::Transaction transaction(db, db::kLongWrite);  // up to a thousand enterprises
    indexed = index_waiting_enterprises(db, per_pass);
    transaction.commit();
  }
}

}  // namespace rw::registry
