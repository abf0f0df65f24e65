#include "accounts/scope.hpp"

#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>

#include "platform/kept_by_generation.hpp"

namespace rw::accounts {
namespace {

using IdList = std::vector<std::int64_t>;
using IdsByOrg = std::map<std::int64_t, IdList>;

// A recursive statement that reads ids by organization: `{}` stands for a condition on the column `root`
// that chooses the organizations.
struct Subtrees {
  const char* sql;
  const char* root;
};
// Organizations and their descendants.
constexpr Subtrees kOrgSubtrees{
    "WITH RECURSIVE sub(root, id) AS (SELECT o.id, o.id FROM organizations o WHERE {} UNION ALL "
    "SELECT sub.root, o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT root, id FROM sub",
    "o.id"};
// A region (the parameter) and its sub-regions.
constexpr const char* kRegionAndSubregionIds =
    "WITH RECURSIVE rsub(id) AS (SELECT CAST(? AS BIGINT) UNION ALL "
    "SELECT r.id FROM regions r JOIN rsub ON r.parent_id = rsub.id) SELECT id FROM rsub";
// The regions of organizations and their sub-regions.
constexpr Subtrees kRegionSubtrees{
    "WITH RECURSIVE rsub(root, id) AS (SELECT o.org_id, o.region_id FROM organization_regions o WHERE {} "
    "UNION ALL SELECT rsub.root, r.id FROM regions r JOIN rsub ON r.parent_id = rsub.id) "
    "SELECT root, id FROM rsub",
    "o.org_id"};

constexpr const char* kEnterpriseRegionsGeneration = "SELECT generation FROM enterprise_regions_generation";
constexpr const char* kEnterprisePartiesGeneration = "SELECT generation FROM enterprise_parties_generation";
constexpr const char* kOrganizationRegionsGeneration =
    "SELECT generation FROM organization_regions_generation";
constexpr const char* kReachGeneration = "SELECT reach FROM reference_generations";

// Sets up to this size go to SQLite as a list of parameters; larger ones as one JSON array.
constexpr std::size_t kListedIds = 1024;

// A set of two or more ids as parameters, padded with its last id to a power of two so that a statement's
// text, and so its prepared statement, is shared by every set of that size class.
db::Params padded_ids(const std::vector<std::int64_t>& ids) {
  std::size_t listed = 2;
  while (listed < ids.size()) listed *= 2;
  db::Params params(ids.begin(), ids.end());
  params.resize(listed, db::Value{ids.back()});
  return params;
}

// `column` in the set. One id (most organizations have no sub-organizations) as `= ?`: with statistics
// the planner then reads that key of an index, while for `IN (json_each)` it cannot tell how many ids come
// and may scan the table instead (an agency's service plans: 45 -> 23 ms in the CLI at province scale).
// On SQLite a larger set is a list `IN (?, ?, …)` the planner counts, padded by padded_ids (a city's
// regulator and its 74 regions, the survey gaps: json_each made a skip-scan of every region's policies look
// cheaper than reading its own, 69 ms, where the list counts them in 3.2 ms).
SqlFilter in_set(db::Dialect dialect, std::string_view column, const std::vector<std::int64_t>& ids,
                 const std::string& ids_json) {
  if (ids.size() == 1) return SqlFilter(std::string(column) + " = ?", db::Params{ids.front()});
  if (dialect != db::Dialect::sqlite || ids.empty() || ids.size() > kListedIds)
    return in_id_set(dialect, column, ids_json);
  auto params = padded_ids(ids);
  const auto listed = params.size();
  return SqlFilter(std::string(column) + " IN (" + placeholders(listed) + ")", std::move(params));
}

// A set of up to this size is tested on one row, on SQLite, as `column = ? OR …`, which SQLite compares in
// turn; for `IN (…)` it first builds a temporary b-tree of the list each time the statement runs. A workflow
// step asks whether each of 25 subscribers sees the object, 18 such lists: a commission item's step at
// province scale 1,441-1,629 -> 1,656-1,884 req/s (bench/README, thirty-second round). A city's jurisdiction
// is 74 regions, 128 once padded; SQLite refuses an expression more than 1,000 deep, which a chain of ORs is.
constexpr std::size_t kComparedInTurn = 128;

SqlFilter any_equal(db::Dialect dialect, std::string_view column, const IdList& ids,
                    const std::string& ids_json) {
  if (dialect != db::Dialect::sqlite || ids.size() < 2 || ids.size() > kComparedInTurn)
    return in_set(dialect, column, ids, ids_json);
  auto params = padded_ids(ids);
  std::string condition = "(";
  for (std::size_t i = 0; i < params.size(); ++i)
    condition.append(i ? " OR " : "").append(column).append(" = ?");
  return SqlFilter(condition + ")", std::move(params));
}

// The ids `subtrees` gives each of the organizations, in the order read: one statement for them all.
IdsByOrg subtrees(db::Connection& db, const Subtrees& subtrees, const IdList& org_ids) {
  IdsByOrg out;
  if (org_ids.empty()) return out;
  const auto roots = in_set(db.dialect(), subtrees.root, org_ids, json_id_array(org_ids));
  std::string sql(subtrees.sql);
  sql.replace(sql.find("{}"), 2, roots.condition());
  const auto rows = db.query(sql, roots.params());
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].integer("root")].push_back(rows[i].integer("id"));
  return out;
}

Reach reach_from(IdList org_ids, IdList region_ids) {
  Reach reach{std::move(org_ids), std::move(region_ids), {}, {}};
  reach.org_ids_json = json_id_array(reach.org_ids);
  reach.region_ids_json = json_id_array(reach.region_ids);
  return reach;
}

using ReachKey = std::tuple<std::uint64_t, std::int64_t, bool>;  // database, organization, regulator

KeptByGeneration<ReachKey, Reach>& kept_reaches() {
  static KeptByGeneration<ReachKey, Reach> kept(4096);
  return kept;
}

ReachKey reach_key(const db::Connection& db, const Actor& actor) {
  return {db.database_serial(), actor.org_id, actor.org_type == "regulator"};
}

// The generation under which the actors' reaches may be looked up and kept, if any. A reading request's is
// its session statement's, of the snapshot it reads. A writing request's only while the number has not moved
// since that statement: neither another process's commit nor its own change (which may yet roll back) has
// touched what a reach is read from. Actors of one call are of one request.
std::optional<std::int64_t> usable_generation(db::Connection& db, const std::vector<const Actor*>& actors) {
  const auto& first = *actors.front();
  if (!first.reach_generation || !first.writes) return first.reach_generation;
  if (db.query(kReachGeneration)[0].integer("reach") != *first.reach_generation) return std::nullopt;
  return first.reach_generation;
}

// Gives each actor without one its reach: kept ones where the generation allows, the rest read in two
// statements for them all (one when none is a regulator) and kept for the next requests.
void read_missing(db::Connection& db, const std::vector<const Actor*>& actors) {
  std::vector<const Actor*> missing;
  for (const auto* actor : actors)
    if (!actor->reach) missing.push_back(actor);
  if (missing.empty()) return;
  const auto generation = usable_generation(db, missing);
  IdList orgs, regulators;
  std::vector<const Actor*> reading;
  for (const auto* actor : missing) {
    if (generation) actor->reach = kept_reaches().find(reach_key(db, *actor), *generation);
    if (actor->reach) continue;
    reading.push_back(actor);
    orgs.push_back(actor->org_id);
    if (actor->org_type == "regulator") regulators.push_back(actor->org_id);
  }
  auto org_ids = subtrees(db, kOrgSubtrees, orgs);
  auto region_ids = subtrees(db, kRegionSubtrees, regulators);
  for (const auto* actor : reading) {
    const bool regulator = actor->org_type == "regulator";
    actor->reach = std::make_shared<const Reach>(
        reach_from(org_ids[actor->org_id], regulator ? region_ids[actor->org_id] : IdList{}));
    if (generation) kept_reaches().keep(reach_key(db, *actor), *generation, actor->reach);
  }
}

}  // namespace

const Reach& reach_of(db::Connection& db, const Actor& user) {
  read_missing(db, {&user});
  return *user.reach;
}

void read_reaches(db::Connection& db, const std::vector<Actor>& actors) {
  std::vector<const Actor*> all;
  for (const auto& actor : actors) all.push_back(&actor);
  read_missing(db, all);
}

std::vector<std::int64_t> org_subtree_ids(db::Connection& db, std::int64_t org_id) {
  return subtrees(db, kOrgSubtrees, {org_id})[org_id];
}

std::vector<std::int64_t> region_subtree_of_org(db::Connection& db, std::int64_t org_id) {
  return subtrees(db, kRegionSubtrees, {org_id})[org_id];
}

SqlFilter own_subtree(db::Connection& db, const Actor& user, std::string_view column) {
  const auto& reach = reach_of(db, user);
  return in_set(db.dialect(), column, reach.org_ids, reach.org_ids_json);
}

SqlFilter own_subtree_on_one_row(db::Connection& db, const Actor& user, std::string_view column) {
  const auto& reach = reach_of(db, user);
  return any_equal(db.dialect(), column, reach.org_ids, reach.org_ids_json);
}

SqlFilter in_jurisdiction_on_one_row(db::Connection& db, const Actor& user, std::string_view region_column) {
  const auto& reach = reach_of(db, user);
  return any_equal(db.dialect(), region_column, reach.region_ids, reach.region_ids_json);
}

SqlFilter in_jurisdiction(db::Connection& db, const Actor& user, std::string_view region_column) {
  const auto& reach = reach_of(db, user);
  return in_set(db.dialect(), region_column, reach.region_ids, reach.region_ids_json);
}

namespace {

// `key` IN the ids `select` gives. SQLite keeps them between requests as the set `name` until the number
// `generation` reads changes.
SqlFilter in_kept_set(db::Connection& db, std::string_view key, const std::string& name,
                      const char* generation, const std::string& select, const db::Params& params) {
  std::optional<std::string> kept;
  if (db.dialect() == db::Dialect::sqlite)
    kept = db.kept_id_set(name, db.query(generation)[0].integer("generation"), select, params);
  if (kept) return SqlFilter(std::string(key) + " IN (SELECT id FROM " + *kept + ")", db::Params{});
  return SqlFilter(std::string(key) + " IN (" + select + ")", params);
}

}  // namespace

SqlFilter enterprise_in_jurisdiction(db::Connection& db, const Actor& user, std::string_view enterprise_key) {
  const auto inside = in_jurisdiction(db, user, "e.region_id");
  return in_kept_set(db, enterprise_key, "jurisdiction " + reach_of(db, user).region_ids_json,
                     kEnterpriseRegionsGeneration,
                     "SELECT e.id FROM enterprises e WHERE " + inside.condition(), inside.params());
}

// A city's regulator locates some 9,500 organizations at province scale, nearly all of them enterprises'. A
// list read that set again into every statement (its staff: 3 statements of 5-10 ms for 435 rows, 58 req/s).
SqlFilter org_in_jurisdiction(db::Connection& db, const Actor& user, std::string_view org_key) {
  const auto inside = in_jurisdiction(db, user, "jr.region_id");
  return in_kept_set(
      db, org_key, "located " + reach_of(db, user).region_ids_json, kOrganizationRegionsGeneration,
      "SELECT jr.org_id FROM organization_regions jr WHERE " + inside.condition(), inside.params());
}

SqlFilter in_party_enterprises(db::Connection& db, std::string_view enterprise_key, const std::string& name,
                               const std::string& select, const db::Params& params) {
  return in_kept_set(db, enterprise_key, name, kEnterprisePartiesGeneration, select, params);
}

// The ids first, then the filter: PostgreSQL plans a list's filter with the set's values and reads the index
// of region and order, where the recursive query inside it is a guess that makes it scan the table (an
// insurer's enterprises of a city at province scale: 95 -> 21 ms).
std::vector<std::int64_t> region_subtree_ids(db::Connection& db, std::int64_t region_id) {
  return db.query(kRegionAndSubregionIds, {region_id}).integers("id");
}

SqlFilter in_regions(db::Dialect dialect, std::string_view region_column,
                     const std::vector<std::int64_t>& ids) {
  return in_set(dialect, region_column, ids, json_id_array(ids));
}

}  // namespace rw::accounts
