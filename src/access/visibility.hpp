#pragma once
// The access model's one derivation: from an entity's declaration (access/entities.hpp) and the actor,
// the SQL condition of what the actor sees and the checks of what it may change. Conditions are written
// against the declaration's `from` (its aliases), and take the actor's organizations and regions as
// parameters, never pasted into the SQL text.
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "access/entities.hpp"
#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::access {

// What the actor may read, for a list: nothing filtered for a platform admin; "1 = 0" when no grant
// applies; otherwise the OR of the actor's relations, each a test of the record's own columns against a
// set of ids computed once.
SqlFilter read_filter(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity);
// The same, for a query its own key already narrows to a few rows (one enterprise's records in its 一企一档):
// every relation as granted, none looked up. Leaving out the relations no row has helps a list's indexes, and
// here costs more than it saves (PostgreSQL plans each lookup: a regulator's archive page 1,600 -> 982
// req/s).
SqlFilter read_filter_of_few(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity);
// The same rows, for a list whose order follows no index, so it gathers every visible row to sort them
// anyway (service plans: by year and enterprise name). On SQLite, when a relation tests a set (a regulator's
// regions), the record's key is tested against the union of each relation's keys, each found through its own
// index, where the OR tests every row of the table (a regulator's 8,047 of 66,091 plans: 37 -> 20 ms to
// count; bench/README, seventh round). Relations no row has are left out, and one left alone is its own
// condition.
// PostgreSQL combines the OR's indexes itself and gets read_filter's condition.
SqlFilter read_filter_united(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity);

// The same for a list of the rows in `regions` only (a region and its sub-regions, the list's filter; none:
// every region, as read_filter): nothing when the actor regulates them all, since its relation then holds for
// each of those rows. `regions` must be of the region the relation tests: the enterprise's, or a record's
// copy of it (EntityAccess::joined). Given both the jurisdiction's and the filter's set of one column,
// PostgreSQL misjudged how many rows match both and read the rows behind the index of region and order
// instead of that index alone (a city regulator's enterprises of its city, counted: 14.7 -> 3.4 ms;
// bench/README, thirty-eighth round).
SqlFilter read_filter_in_regions(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                                 const std::vector<std::int64_t>& regions);

// The object `id` if the actor may see it: the relations as conditions on that one row.
SqlFilter one_visible(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                      std::int64_t id);

// The object exists and the actor may see it.
bool is_visible(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                std::int64_t id);
// Which of `readers` may see the object `id`, in one statement where is_visible asks once per reader (a
// workflow step tells each subscribed organization that sees the object: webhooks/webhook_outbox.cpp). true
// at a reader's place when it may.
std::vector<bool> seen_by(db::Connection& db, const std::vector<accounts::Actor>& readers,
                          const EntityAccess& entity, std::int64_t id);
// 404 unless the object exists and the actor may see it.
void require_visible(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                     std::int64_t id);
// The row `select` reads of the object `id` if the actor may see it; 404 otherwise. `select` (up to its
// WHERE) reads the entity's tables under the aliases of its `from`. One statement where require_visible and
// a read of the row are two, each a round trip to PostgreSQL.
db::Row visible_row(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                    std::string_view select, std::int64_t id);
// visible_row and the reads of the object's parts: statements by its id, needing nothing of its row (a
// hazard's notes, its history). On PostgreSQL they go out with the row and are answered in one wait
// (db::Connection::query_each): a record's page is then one round trip after the session's, where reading
// the row first made it two. There the parts of an object the actor may not see are read too, and dropped
// with the 404: nothing of them leaves. SQLite, where a statement is no round trip, reads them once the row
// is found.
struct RowWithParts {
  db::Rows rows;                // the object's row, alone
  std::vector<db::Rows> parts;  // in the order asked
  db::Row row() const { return rows[0]; }
};
RowWithParts visible_row_with(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                              std::string_view select, std::int64_t id, std::vector<db::Statement> parts);

// The actor acts for the organization: its own or below it; any existing one for a platform admin.
bool acts_for(db::Connection& db, const accounts::Actor& actor, std::int64_t org_id);

// The organizations a record names, by bare column name ("insurer_org_id"); absent ones name none.
using NamedOrgs = std::map<std::string_view, std::optional<std::int64_t>>;
// The actor may change a record of the entity naming these organizations: it acts for the organization
// in one of the entity's writer columns.
bool may_change(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                const NamedOrgs& orgs);

// Agencies commissioned to serve the enterprise `e`, for a condition on `sc.agency_org_id`.
SqlFilter served_by_agencies(const SqlFilter& agency_condition);

// Commission-item statuses in which the agency serves the enterprise, as an SQL list.
inline constexpr const char* kServingStatuses = "('pending', 'accepted', 'cancel_requested', 'completed')";

}  // namespace rw::access
