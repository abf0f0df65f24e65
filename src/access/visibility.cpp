#include "access/visibility.hpp"

#include <algorithm>
#include <string>

#include "accounts/scope.hpp"
#include "platform/errors.hpp"

namespace rw::access {
namespace {

SqlFilter exists_with(const std::string& head, const SqlFilter& inner) {
  return SqlFilter("EXISTS (" + head + inner.condition() + ")", inner.params());
}

SqlFilter condition_of(db::Connection& db, const accounts::Actor& actor, const Grant& grant) {
  const auto mine = [&](std::string_view column) { return accounts::own_subtree(db, actor, column); };
  switch (grant.relation) {
    case Relation::named:
      return mine(grant.column);
    case Relation::located: {
      const auto inside = accounts::in_jurisdiction(db, actor, "jr.region_id");
      return SqlFilter(std::string(grant.column) +
                           " IN (SELECT jr.org_id FROM organization_regions jr WHERE " + inside.condition() +
                           ")",
                       inside.params());
    }
    case Relation::registered_by:
      return mine("e.created_by_org_id");
    case Relation::is:
      return mine("e.org_id");
    case Relation::hosts:
      return mine("e.park_org_id");
    case Relation::insures:
      return exists_with("SELECT 1 FROM policies ip WHERE ip.enterprise_id = e.id AND ",
                         mine("ip.insurer_org_id"));
    case Relation::serves:
      return served_by_agencies(mine("sc.agency_org_id"));
    case Relation::regulates:
      return accounts::in_jurisdiction(db, actor, "e.region_id");
  }
  throw std::logic_error("unknown relation");
}

std::string_view bare(std::string_view column) {
  const auto dot = column.find('.');
  return dot == std::string_view::npos ? column : column.substr(dot + 1);
}

}  // namespace

SqlFilter served_by_agencies(const SqlFilter& agency_condition) {
  return exists_with(std::string("SELECT 1 FROM commission_items sci JOIN commissions sc ON sc.id = "
                                 "sci.commission_id WHERE sci.enterprise_id = e.id AND sci.status IN ") +
                         kServingStatuses + " AND ",
                     agency_condition);
}

SqlFilter read_filter(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity) {
  if (actor.is_platform_admin()) return {};
  const unsigned party = party_of(actor.org_type);
  std::vector<SqlFilter> alternatives;
  for (const auto& grant : entity.readers)
    if (grant.parties & party) alternatives.push_back(condition_of(db, actor, grant));
  if (alternatives.empty()) return SqlFilter("1 = 0", db::Params{});
  return SqlFilter::any_of(alternatives);
}

void require_visible(db::Connection& db, const accounts::Actor& actor, const EntityAccess& entity,
                     std::int64_t id) {
  SqlFilter where = read_filter(db, actor, entity);
  where.add(std::string(entity.id_column) + " = ?", id);
  if (db.query("SELECT 1 AS one FROM " + std::string(entity.from) + where.sql(), where.params()).empty())
    throw not_found();
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
