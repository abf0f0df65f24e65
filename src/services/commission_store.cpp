#include "services/commission_store.hpp"

#include "access/visibility.hpp"
#include "platform/json_input.hpp"
#include "services/commission_listing.hpp"

namespace rw::services {
namespace {

constexpr const char* kSelectPolicyInForce =
    "SELECT id FROM policies WHERE insurer_org_id = ? AND enterprise_id = ? AND status = 'active' "
    "AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on DESC, id DESC LIMIT 1";
// + kOpenCommissionItem
constexpr const char* kSelectItemsOfInsurer =
    "SELECT ci.status FROM commission_items ci WHERE ci.enterprise_id = ? AND ci.insurer_org_id = ? AND ";
// + the commissions' condition + kTypeVersionsOrder
constexpr const char* kSelectTypeVersions =
    "SELECT commission_id, service_type_version_id FROM commission_service_types WHERE ";
constexpr const char* kTypeVersionsOrder = " ORDER BY commission_id, service_type_version_id";
// + the commissions' condition + kItemCountsGroups
constexpr const char* kSelectItemCounts =
    "SELECT commission_id, status, COUNT(*) AS n FROM commission_items WHERE ";
constexpr const char* kItemCountsGroups = " GROUP BY commission_id, status";
constexpr const char* kInsertCommission =
    "INSERT INTO commissions (insurer_org_id, agency_org_id, notes, created_by, created_at) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertType =
    "INSERT INTO commission_service_types (commission_id, service_type_version_id) VALUES (?, ?)";
constexpr const char* kInsertItem =
    "INSERT INTO commission_items (commission_id, enterprise_id, policy_id, status, updated_at) "
    "VALUES (?, ?, ?, 'pending', ?)";

constexpr const char* kCommissionOverdue =
    "EXISTS (SELECT 1 FROM commission_items oi WHERE oi.commission_id = c.id AND oi.status = 'accepted' "
    "AND oi.due_on < ?)";
constexpr const char* kCommissionPending =
    "EXISTS (SELECT 1 FROM commission_items pi WHERE pi.commission_id = c.id AND pi.status IN "
    "('pending', 'cancel_requested'))";

}  // namespace

SqlFilter commission_filter(db::Connection& db, const accounts::Actor& user,
                            const std::map<std::string, std::string>& query, const std::string& today) {
  SqlFilter where = access::read_filter(db, user, access::kCommission);
  if (auto v = query_id(query, "agency_org_id")) where.add("c.agency_org_id = ?", *v);
  if (auto v = query_id(query, "insurer_org_id")) where.add("c.insurer_org_id = ?", *v);
  if (query_bool(query, "overdue").value_or(false)) where.add(kCommissionOverdue, today);
  if (query_bool(query, "pending").value_or(false)) where.add(kCommissionPending, db::Params{});
  return where;
}

const CountFrom kCountCommission{"commissions c"};

std::string select_commission(const std::string& today) {
  return "SELECT c.*, i.name AS insurer_name, a.name AS agency_name, (SELECT COUNT(*) FROM commission_items "
         "oi "
         "WHERE oi.commission_id = c.id AND oi.status = 'accepted' AND oi.due_on < '" +
         today +
         "') AS overdue_count FROM commissions c JOIN organizations i ON i.id = c.insurer_org_id "
         "JOIN organizations a ON a.id = c.agency_org_id";
}

db::Rows find_commission_row(db::Connection& db, const accounts::Actor& user, std::int64_t id,
                             const std::string& today) {
  const auto where = access::one_visible(db, user, access::kCommission, id);
  auto rows = db.query(select_commission(today) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return rows;
}

db::Rows commission_item_rows(db::Connection& db, std::int64_t commission_id) {
  return db.query(std::string(kSelectCommissionItem) + " WHERE ci.commission_id = ? ORDER BY e.name, ci.id",
                  {commission_id});
}

std::optional<std::int64_t> policy_in_force(db::Connection& db, std::int64_t insurer, std::int64_t enterprise,
                                            const std::string& today) {
  auto rows = db.query(kSelectPolicyInForce, {insurer, enterprise, today, today});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

bool in_open_commission(db::Connection& db, std::int64_t enterprise, std::int64_t insurer) {
  return !db.query(std::string(kSelectItemsOfInsurer) + kOpenCommissionItem, {enterprise, insurer}).empty();
}

db::Rows commission_type_versions(db::Connection& db, const std::vector<std::int64_t>& commission_ids) {
  const auto of = in_id_set(db.dialect(), "commission_id", json_id_array(commission_ids));
  return db.query(kSelectTypeVersions + of.condition() + kTypeVersionsOrder, of.params());
}

db::Rows commission_item_counts(db::Connection& db, const std::vector<std::int64_t>& commission_ids) {
  const auto of = in_id_set(db.dialect(), "commission_id", json_id_array(commission_ids));
  return db.query(kSelectItemCounts + of.condition() + kItemCountsGroups, of.params());
}

std::int64_t insert_commission(db::Connection& db, std::int64_t insurer, std::int64_t agency,
                               const std::string& notes, std::int64_t created_by, const std::string& now) {
  return db.query(kInsertCommission, {insurer, agency, notes, created_by, now})[0].integer("id");
}

void insert_commission_type(db::Connection& db, std::int64_t commission_id, std::int64_t version_id) {
  db.execute(kInsertType, {commission_id, version_id});
}

void insert_commission_item(db::Connection& db, std::int64_t commission_id, std::int64_t enterprise,
                            std::int64_t policy, const std::string& now) {
  db.execute(kInsertItem, {commission_id, enterprise, policy, now});
}

}  // namespace rw::services
