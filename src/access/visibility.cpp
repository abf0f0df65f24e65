#include "access/visibility.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <unordered_set>

#include "accounts/scope.hpp"
#include "platform/errors.hpp"

namespace rw::access {
namespace {

SqlFilter exists_with(const std::string& head, const SqlFilter& inner) {
  return SqlFilter("EXISTS (" + head + inner.condition() + ")", inner.params());
}

// How a relation through another table is written: a correlated EXISTS is cheap for one row and costly
// over a table; the set of ids (an uncorrelated IN, computed once from the other table's index) is the
// other way round.
enum class Shape { per_row, as_set };

SqlFilter in_ids_of(const std::string& column, const std::string& select, const SqlFilter& inner) {
  return SqlFilter(column + " IN (" + select + inner.condition() + ")", inner.params());
}

struct IdsSelect {
  std::string sql;
  db::Params params;
};

// PostgreSQL: the ids of a joined record a grant reaches (the enterprises a party registered, is or hosts),
// as an array of their values when there are at most this many.
constexpr std::size_t kListedJoinedIds = 1000;

// `key` among the ids `select` gives. On PostgreSQL an OR with a `key IN (SELECT …)` alternative cannot be
// served by a BitmapOr of the alternatives' indexes, so a regulator's policies (registered by it, or in its
// regions) were a sequential scan of every policy (province, a city regulator counting its survey gaps: 57
// ms; as an array, 21 ms). A set that is small (a regulator registers few enterprises, usually none) is read
// first and passed as an array. A large set stays a subquery: `= ANY` of a long array tested on each row,
// where the planner walks another index, would cost more than the subquery's hash.
SqlFilter in_joined_ids(db::Connection& db, const std::string& key, const std::string& select,
                        const SqlFilter& inner) {
  if (db.dialect() != db::Dialect::postgresql) return in_ids_of(key, select, inner);
  const auto ids =
      db.query(select + inner.condition() + " LIMIT " + std::to_string(kListedJoinedIds + 1), inner.params())
          .integers("id");
  if (ids.size() > kListedJoinedIds) return in_ids_of(key, select, inner);
  return in_id_set(db.dialect(), key, json_id_array(ids));
}

// The SELECT of the ids of the enterprises a party registered, insures or serves, by the relation.
IdsSelect enterprise_ids_of(db::Connection& db, const accounts::Actor& actor, Relation relation) {
  const auto select = [](const std::string& head, const SqlFilter& inner) {
    return IdsSelect{head + inner.condition(), inner.params()};
  };
  const auto mine = [&](std::string_view column) { return accounts::own_subtree(db, actor, column); };
  switch (relation) {
    case Relation::registered_by:
      return select("SELECT e.id FROM enterprises e WHERE ", mine("e.created_by_org_id"));
    case Relation::insures:
      return select("SELECT ip.enterprise_id FROM policies ip WHERE ", mine("ip.insurer_org_id"));
    case Relation::serves:
      return select(std::string("SELECT sci.enterprise_id FROM commission_items sci WHERE sci.status IN ") +
                        kServingStatuses + " AND ",
                    mine("sci.agency_org_id"));
    default:
      throw std::logic_error("not a relation to a set of enterprises");
  }
}

SqlFilter in_ids(const std::string& column, const IdsSelect& ids) {
  return SqlFilter(column + " IN (" + ids.sql + ")", ids.params);
}

// `enterprise_id` is what the set-shaped relations to an enterprise test: its id, or a record's key to it.
SqlFilter condition_of(db::Connection& db, const accounts::Actor& actor, const Grant& grant, Shape shape,
                       const std::string& enterprise_id = "e.id") {
  const auto mine = [&](std::string_view column) {
    return shape == Shape::per_row ? accounts::own_subtree_on_one_row(db, actor, column)
                                   : accounts::own_subtree(db, actor, column);
  };
  switch (grant.relation) {
    case Relation::named:
      return mine(grant.column);
    case Relation::located:
      return accounts::org_in_jurisdiction(db, actor, grant.column);
    case Relation::registered_by:
      return mine("e.created_by_org_id");
    case Relation::is:
      return mine("e.org_id");
    case Relation::hosts:
      return mine("e.park_org_id");
    case Relation::insures:
      if (shape == Shape::as_set) return in_ids(enterprise_id, enterprise_ids_of(db, actor, grant.relation));
      return exists_with("SELECT 1 FROM policies ip WHERE ip.enterprise_id = e.id AND ",
                         mine("ip.insurer_org_id"));
    case Relation::serves:
      if (shape == Shape::as_set) return in_ids(enterprise_id, enterprise_ids_of(db, actor, grant.relation));
      return served_by_agencies(mine("sci.agency_org_id"));
    case Relation::regulates:
      return shape == Shape::per_row ? accounts::in_jurisdiction_on_one_row(db, actor, "e.region_id")
                                     : accounts::in_jurisdiction(db, actor, "e.region_id");
  }
  throw std::logic_error("unknown relation");
}

// The table alias a grant's condition reads: its column's, or the enterprise's.
std::string_view alias_of(const Grant& grant) {
  if (grant.relation != Relation::named && grant.relation != Relation::located) return "e";
  return grant.column.substr(0, grant.column.find('.'));
}

const Joined* joined_as(const EntityAccess& entity, std::string_view alias) {
  for (const auto& join : entity.joined)
    if (join.alias == alias) return &join;
  return nullptr;
}

// A relation an enterprise has to other tables' rows, written as a set of enterprise ids.
bool is_set_of_enterprises(Relation relation) {
  return relation == Relation::insures || relation == Relation::serves;
}

// The relations to enterprises that a list of the entity tests as one set of enterprises kept between
// requests (accounts::in_party_enterprises): those through other rows, an insurer's policies and an agency's
// commission items, and, for records of enterprises, the enterprises the party registered (there a set too;
// on the enterprise's own row a test of its column, which the list's index serves). Province, in the CLI: an
// insurer's visits of a month counted 7.1 -> 2.6 ms; an agency's enterprises of a city counted 6.2 -> 2.4 ms
// and paged 6.5 -> 2.7 ms. Their grants carry one condition, tested beside the set (a notice is its insurer's
// once issued); none: no set.
struct KeptSet {
  std::vector<Relation> relations;
  std::string_view only_when;
  bool keeps(const Grant& grant) const {
    return grant.only_when == only_when &&
           std::find(relations.begin(), relations.end(), grant.relation) != relations.end();
  }
};
KeptSet kept_as_one_set(const EntityAccess& entity, unsigned party, Shape shape) {
  if (shape != Shape::as_set) return {};
  const bool of_records = joined_as(entity, "e") != nullptr;
  const auto is_mine = [&](const Grant& grant) { return (grant.parties & party) != 0; };
  const auto first_set = std::find_if(entity.readers.begin(), entity.readers.end(), [&](const Grant& grant) {
    return is_mine(grant) && is_set_of_enterprises(grant.relation);
  });
  if (first_set == entity.readers.end()) return {};
  KeptSet out{{}, first_set->only_when};
  for (const auto& grant : entity.readers)
    if (is_mine(grant) && grant.only_when == out.only_when &&
        (is_set_of_enterprises(grant.relation) || (of_records && grant.relation == Relation::registered_by)))
      out.relations.push_back(grant.relation);
  return out;
}

SqlFilter kept_enterprises(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                           const std::vector<Relation>& relations) {
  std::string select, name;
  db::Params params;
  for (const auto relation : relations) {
    const auto ids = enterprise_ids_of(db, actor, relation);
    select += (select.empty() ? "" : " UNION ") + ids.sql;
    params.insert(params.end(), ids.params.begin(), ids.params.end());
    name += std::to_string(static_cast<int>(relation)) + " ";
  }
  const auto* join = joined_as(entity, "e");
  return accounts::in_party_enterprises(db, join ? std::string(join->key) : "e.id",
                                        name + accounts::reach_of(db, actor).org_ids_json, select, params);
}

std::vector<SqlFilter> granted(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                               Shape shape) {
  const unsigned party = party_of(actor.org_type);
  const auto kept = kept_as_one_set(entity, party, shape);
  std::vector<SqlFilter> alternatives;
  if (!kept.relations.empty()) {
    alternatives.push_back(kept_enterprises(db, actor, entity, kept.relations));
    if (!kept.only_when.empty()) alternatives.back().add(std::string(kept.only_when), db::Params{});
  }
  for (const auto& grant : entity.readers) {
    if (!(grant.parties & party) || kept.keeps(grant)) continue;
    // A list tests a relation on a joined table as the record's key against a set of ids, so every
    // alternative reads the record's own table: the planner can then serve their OR with that table's
    // indexes (or test each row cheaply while it walks the index of the list's filter and order),
    // where an OR across the joined tables would join and test every record. A set of enterprises is
    // tested against the key itself, not through the enterprises' rows (an insurer's visits of a month:
    // 5,315 fewer rows read, 61 -> 37 ms in the CLI at province scale).
    const auto* join = shape == Shape::as_set ? joined_as(entity, alias_of(grant)) : nullptr;
    SqlFilter condition;
    if (join && grant.relation == Relation::regulates)
      condition = join->region.empty() ? accounts::enterprise_in_jurisdiction(db, actor, join->key)
                                       : accounts::in_jurisdiction(db, actor, join->region);
    else if (join && !is_set_of_enterprises(grant.relation))
      condition = in_joined_ids(db, std::string(join->key),
                                "SELECT " + std::string(join->alias) + ".id FROM " +
                                    std::string(join->table) + " " + std::string(join->alias) + " WHERE ",
                                condition_of(db, actor, grant, shape));
    else
      condition = condition_of(db, actor, grant, shape, join ? std::string(join->key) : "e.id");
    if (!grant.only_when.empty()) condition.add(std::string(grant.only_when), db::Params{});
    alternatives.push_back(std::move(condition));
  }
  return alternatives;
}

// Any of the alternatives; none granted: no row.
SqlFilter any_or_none(const std::vector<SqlFilter>& alternatives) {
  return alternatives.empty() ? SqlFilter("1 = 0", db::Params{}) : SqlFilter::any_of(alternatives);
}

// Which of the alternatives some row of `table` matches, in one statement: each is an indexed lookup that
// stops at the first row. Planned with its values: a plan PostgreSQL keeps for all values reads the table in
// any order until a row matches, every row of it when none does (a regulator probing the agencies' own
// inspections: 70-135 ms).
std::vector<bool> matched(db::Connection& db, const std::string& table,
                          const std::vector<SqlFilter>& alternatives) {
  if (alternatives.empty()) return {};
  const auto column = [](std::size_t i) { return "m" + std::to_string(i); };
  std::string sql = "SELECT ";
  db::Params params;
  for (std::size_t i = 0; i < alternatives.size(); ++i) {
    sql.append(i ? ", (SELECT 1 FROM " : "(SELECT 1 FROM ").append(table).append(alternatives[i].sql());
    sql.append(" LIMIT 1) AS ").append(column(i));
    params.insert(params.end(), alternatives[i].params().begin(), alternatives[i].params().end());
  }
  const db::PlanEachRun planned(db);
  const auto row = db.query(sql, params)[0];
  std::vector<bool> out;
  for (std::size_t i = 0; i < alternatives.size(); ++i) out.push_back(!row.is_null(column(i)));
  return out;
}

std::string_view bare(std::string_view column) {
  const auto dot = column.find('.');
  return dot == std::string_view::npos ? column : column.substr(dot + 1);
}

std::string own_table_of(const EntityAccess& entity) {
  return std::string(entity.from.substr(0, entity.from.find(" JOIN ")));
}

bool tests_a_set(const SqlFilter& alternative) {
  return alternative.condition().find("IN (SELECT") != std::string::npos;
}

// The actor's relations that some row has. One no row has adds nothing to the OR, and keeps the planner from
// the indexes of the others. SQLite: a regulator registers no enterprise, and its OR with the enterprises of
// its regions was counted by walking every enterprise that is not archived (bench/README, seventeenth round),
// where its regions alone are ranges of an index. PostgreSQL combines an OR of column tests itself, but
// reads each row of the bitmap it makes (a regulator's 10,000 assessments counted in 14 ms, its regions
// alone in 1.8 ms from the index), and an OR with a set not at all: an insurer's environmental risk
// assessments (made by it: none; or of the enterprises it insures) were a sequential scan of every
// assessment, counted in 90 ms, its insured enterprises' alone in 11 ms. Each relation is looked up once,
// through an index of the record's own table; on PostgreSQL a set is taken as held, since it is made whole
// before a row of it is found (an insurer's insured enterprises among the visits: 4.6 ms to look up). On
// SQLite a kept set of enterprises (granted() puts it first) is not left alone: the planner would read the
// enterprises of its ids one by one (an agency's 4,400 of a city, counted 1.3 -> 6 ms), where the OR has it
// walk the list's index testing each.
std::vector<SqlFilter> held_by_some(db::Connection& db, const accounts::Actor& actor,
                                    const EntityAccess& entity, std::vector<SqlFilter> alternatives) {
  if (alternatives.size() < 2) return alternatives;
  const bool sqlite = db.dialect() == db::Dialect::sqlite;
  const auto looked_up = [&](const SqlFilter& alternative) { return sqlite || !tests_a_set(alternative); };
  std::vector<SqlFilter> asked;
  std::copy_if(alternatives.begin(), alternatives.end(), std::back_inserter(asked), looked_up);
  const auto some = matched(db, own_table_of(entity), asked);
  std::vector<SqlFilter> held;
  bool kept_held = false;
  for (std::size_t i = 0, answer = 0; i < alternatives.size(); ++i)
    if (!looked_up(alternatives[i]) || some[answer++]) {
      held.push_back(alternatives[i]);
      kept_held = kept_held || i == 0;
    }
  const bool leads_with_kept_set =
      sqlite && !kept_as_one_set(entity, party_of(actor.org_type), Shape::as_set).relations.empty();
  if (held.size() == 1 && kept_held && leads_with_kept_set) return alternatives;
  return held;
}

// Whether the actor's relation `regulates` holds for every row in these regions: granted without a condition,
// and each region in the actor's jurisdiction.
bool regulates_all(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                   const std::vector<std::int64_t>& regions) {
  const unsigned party = party_of(actor.org_type);
  const bool granted = std::any_of(entity.readers.begin(), entity.readers.end(), [&](const Grant& grant) {
    return (grant.parties & party) && grant.relation == Relation::regulates && grant.only_when.empty();
  });
  if (!granted || regions.empty()) return false;
  const auto& jurisdiction = accounts::reach_of(db, actor).region_ids;
  const std::unordered_set<std::int64_t> regulated(jurisdiction.begin(), jurisdiction.end());
  return std::all_of(regions.begin(), regions.end(),
                     [&](std::int64_t id) { return regulated.count(id) > 0; });
}

}  // namespace

SqlFilter served_by_agencies(const SqlFilter& agency_condition) {
  return exists_with(std::string("SELECT 1 FROM commission_items sci WHERE sci.enterprise_id = e.id AND "
                                 "sci.status IN ") +
                         kServingStatuses + " AND ",
                     agency_condition);
}

SqlFilter read_filter(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity) {
  if (actor.is_platform_admin()) return {};
  return any_or_none(held_by_some(db, actor, entity, granted(db, actor, entity, Shape::as_set)));
}

SqlFilter read_filter_in_regions(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                                 const std::vector<std::int64_t>& regions) {
  if (regulates_all(db, actor, entity, regions)) return {};
  return read_filter(db, actor, entity);
}

SqlFilter read_filter_of_few(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity) {
  if (actor.is_platform_admin()) return {};
  return any_or_none(granted(db, actor, entity, Shape::as_set));
}

SqlFilter read_filter_united(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity) {
  if (actor.is_platform_admin()) return {};
  const auto held = held_by_some(db, actor, entity, granted(db, actor, entity, Shape::as_set));
  // SQLite serves an OR of `column = ?` tests with each one's index itself (MULTI-INDEX OR), but not one
  // whose alternative tests a set: that OR it tests on every row. One left alone needs no union: it is
  // tested through its own index, and a page can walk the order's index testing it (a regulator's plans:
  // no agency's or insurer's plan is its own; counting 10.6 -> 3.7 ms in the CLI, bench/README, ninth
  // round).
  if (held.size() < 2 || !std::any_of(held.begin(), held.end(), tests_a_set) ||
      db.dialect() != db::Dialect::sqlite)
    return any_or_none(held);
  return SqlFilter::key_in_union(entity.id_column, own_table_of(entity), held);
}

SqlFilter one_visible(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                      std::int64_t id) {
  SqlFilter where;
  if (!actor.is_platform_admin()) where = any_or_none(granted(db, actor, entity, Shape::per_row));
  where.add(std::string(entity.id_column) + " = ?", id);
  return where;
}

bool is_visible(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                std::int64_t id) {
  const auto where = one_visible(db, actor, entity, id);
  return !db.query("SELECT 1 AS one FROM " + std::string(entity.from) + where.sql(), where.params()).empty();
}

std::vector<bool> seen_by(db::Connection& db, const std::vector<accounts::Actor>& readers,
                          const EntityAccess& entity, std::int64_t id) {
  // A UNION ALL of one SELECT per reader. A statement takes readers while it stays well within SQLite's
  // limits (500 SELECTs in a compound, 32,766 parameters: a regulator's jurisdiction may be 1,024 of them in
  // each of its tests): a province's 25 subscribers in one statement, where 24 a statement made it two.
  constexpr std::size_t kMaxSelects = 128, kMaxParams = 16'384;
  std::vector<bool> seen(readers.size(), false);
  std::string sql;
  db::Params params;
  std::size_t selects = 0;
  const auto ask = [&] {
    const auto rows = db.query(sql, params);
    for (std::size_t r = 0; r < rows.size(); ++r)
      seen.at(static_cast<std::size_t>(rows[r].integer("reader"))) = true;
    sql.clear();
    params.clear();
    selects = 0;
  };
  for (std::size_t i = 0; i < readers.size(); ++i) {
    const auto where = one_visible(db, readers[i], entity, id);
    if (selects == kMaxSelects || (selects && params.size() + where.params().size() > kMaxParams)) ask();
    sql.append(selects++ ? " UNION ALL " : "")
        .append("SELECT " + std::to_string(i) + " AS reader FROM " + std::string(entity.from) + where.sql());
    params.insert(params.end(), where.params().begin(), where.params().end());
  }
  if (selects) ask();
  return seen;
}

void require_visible(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                     std::int64_t id) {
  if (!is_visible(db, actor, entity, id)) throw not_found();
}

db::Row visible_row(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                    std::string_view select, std::int64_t id) {
  return visible_row_with(db, actor, entity, select, id, {}).row();
}

RowWithParts visible_row_with(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                              std::string_view select, std::int64_t id, std::vector<db::Statement> parts) {
  const auto where = one_visible(db, actor, entity, id);
  db::Statement row{std::string(select) + where.sql(), where.params()};
  if (db.dialect() == db::Dialect::sqlite) {
    auto rows = db.query(row);
    if (rows.empty()) throw not_found();
    return {std::move(rows), db.query_each(parts)};
  }
  parts.insert(parts.begin(), std::move(row));
  auto answered = db.query_each(parts);
  if (answered[0].empty()) throw not_found();
  auto found = std::move(answered[0]);
  answered.erase(answered.begin());
  return {std::move(found), std::move(answered)};
}

bool acts_for(db::Connection& db, const accounts::Actor& actor, std::int64_t org_id) {
  if (actor.is_platform_admin())
    return !db.query("SELECT 1 AS one FROM organizations WHERE id = ?", {org_id}).empty();
  const auto& orgs = accounts::reach_of(db, actor).org_ids;
  return std::find(orgs.begin(), orgs.end(), org_id) != orgs.end();
}

bool may_change(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                const NamedOrgs& orgs) {
  return std::any_of(entity.writers.begin(), entity.writers.end(), [&](std::string_view column) {
    const auto org = orgs.find(bare(column));
    return org != orgs.end() && org->second && acts_for(db, actor, *org->second);
  });
}

}  // namespace rw::access
