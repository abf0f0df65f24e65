#include "registry/staff_service.hpp"

#include "audit/audit_log.hpp"
#include "platform/paging.hpp"
#include "registry/staff_listing.hpp"
#include "registry/staff_record.hpp"

namespace rw::registry {
namespace {

StaffRecord checked_staff(const accounts::Operation& op, const nlohmann::json& object, std::int64_t self_id) {
  Fields fields(object);
  auto record = read_staff(fields, op.actor);
  fields.finish();
  check_staff(op.db, op.actor, fields, record, self_id);
  fields.finish();
  return record;
}

}  // namespace

nlohmann::json list_staff(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto where = staff_filter(op.db, op.actor, query);
  auto [rows, total] = select_page(op.db, kSelectStaff, kCountStaff, where, "s.name, s.id", page);
  return page_json(staff_items(op.db, rows), total, page);
}

nlohmann::json get_staff(const accounts::Operation& op, std::int64_t id) {
  return staff_items(op.db, find_staff_rows(op.db, op.actor, id))[0];
}

nlohmann::json create_staff(const accounts::Operation& op, const nlohmann::json& fields) {
  const auto record = checked_staff(op, overlay(nlohmann::json::object(), fields, staff_keys()), 0);
  const auto id = insert_staff(op.db, record, op.now_text());
  auto created = get_staff(op, id);
  audit::record(op, {"staff", std::to_string(id), "create", record.org_id, audit::created(created)});
  return created;
}

nlohmann::json update_staff(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes) {
  auto before = get_staff(op, id);
  if (!may_write_staff_of(op.db, op.actor, before["org_id"].get<std::int64_t>())) throw forbidden();
  const auto record = checked_staff(op, overlay(before, changes, staff_keys()), id);
  update_staff_row(op.db, id, record, op.now_text());
  audit::record_update(op, "staff", id, record.org_id, before, staff_record_json(record));
  return get_staff(op, id);
}

}  // namespace rw::registry
