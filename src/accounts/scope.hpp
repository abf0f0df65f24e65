#pragma once
// What an actor reaches — the organization subtree and, for a regulator, the jurisdiction's region
// subtree — read once per request and handed to SQL as parameters (one JSON id array each), never
// pasted into its text. The access model (access/visibility.hpp) builds every rule from these.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::accounts {

struct Reach {
  std::vector<std::int64_t> org_ids;     // the user's organization and its descendants
  std::vector<std::int64_t> region_ids;  // a regulator's regions and their sub-regions; empty otherwise
  std::string org_ids_json;              // the same as JSON arrays, the parameters of the SQL conditions
  std::string region_ids_json;
};

// The reach, on first use kept on the user for the rest of the request. It is read from the database, or
// taken from the process's kept reaches while the request's reach generation allows
// (Actor::reach_generation).
const Reach& reach_of(db::Connection& db, const Actor& user);
// The same for each actor that has none yet, those not kept read in two statements for them all (one when
// none is a regulator): a workflow step's webhook subscribers.
void read_reaches(db::Connection& db, const std::vector<Actor>& actors);

// `column` IN (the user's organization and its descendants).
SqlFilter own_subtree(db::Connection& db, const Actor& user, std::string_view column);
// The same for a statement that tests one row (the access test of one record): its form leaves SQLite no list
// to build a temporary b-tree of on every run.
SqlFilter own_subtree_on_one_row(db::Connection& db, const Actor& user, std::string_view column);
// `region_column` IN the regulator's jurisdiction.
SqlFilter in_jurisdiction(db::Connection& db, const Actor& user, std::string_view region_column);
// The same for a statement that tests one row, as own_subtree_on_one_row.
SqlFilter in_jurisdiction_on_one_row(db::Connection& db, const Actor& user, std::string_view region_column);
// `enterprise_key` (a record's key to its enterprise) IN the enterprises of the regulator's jurisdiction. On
// SQLite the set is kept on the connection between requests (db::Connection::kept_id_set) until an enterprise
// is added, removed or moves region (V039).
SqlFilter enterprise_in_jurisdiction(db::Connection& db, const Actor& user, std::string_view enterprise_key);
// `org_key` IN the organizations located in the regulator's jurisdiction (organization_regions). On SQLite
// the set is kept on the connection between requests until an organization's regions change (V054).
SqlFilter org_in_jurisdiction(db::Connection& db, const Actor& user, std::string_view org_key);
// `enterprise_key` IN the ids of the enterprises `select` gives: those a party registered, insures or serves.
// On SQLite the set is kept on the connection under `name` until an enterprise, a policy or a commission item
// changes hands (V042).
SqlFilter in_party_enterprises(db::Connection& db, std::string_view enterprise_key, const std::string& name,
                               const std::string& select, const db::Params& params);
// An existing organization and its descendants; none for an organization that does not exist.
std::vector<std::int64_t> org_subtree_ids(db::Connection& db, std::int64_t org_id);
// An organization's regions and their sub-regions.
std::vector<std::int64_t> region_subtree_of_org(db::Connection& db, std::int64_t org_id);
// A region and its sub-regions.
std::vector<std::int64_t> region_subtree_ids(db::Connection& db, std::int64_t region_id);
// `region_column` IN these regions.
SqlFilter in_regions(db::Dialect dialect, std::string_view region_column,
                     const std::vector<std::int64_t>& ids);

}  // namespace rw::accounts
