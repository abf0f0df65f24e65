#include "registry/staff.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/paging.hpp"
#include "registry/staff_listing.hpp"
#include "registry/staff_record.hpp"

namespace rw::registry {
namespace {

nlohmann::json find_staff(api::Context& context, std::int64_t id) {
  SqlFilter where = access::read_filter(context.db, context.me(), access::kStaff);
  where.add("s.id = ?", id);
  auto rows = context.db.query(std::string(kSelectStaff) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return staff_items(context.db, rows)[0];
}

StaffRecord checked_staff(api::Context& context, const nlohmann::json& object, std::int64_t self_id) {
  Fields fields(object);
  auto record = read_staff(fields, context.me());
  fields.finish();
  check_staff(context.db, context.me(), fields, record, self_id);
  fields.finish();
  return record;
}

http::Response list_staff(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  const auto where = staff_filter(context.db, context.me(), query);
  auto [rows, total] = select_page(context.db, kSelectStaff, kCountStaff, where, "s.name, s.id", page);
  return api::json_ok(page_json(staff_items(context.db, rows), total, page));
}

http::Response get_staff(api::Context& context) { return api::json_ok(find_staff(context, context.id())); }

http::Response create_staff(api::Context& context) {
  const auto record =
      checked_staff(context, overlay(nlohmann::json::object(), context.body(), staff_keys()), 0);
  const auto id = insert_staff(context.db, record, context.now_text());
  auto created = find_staff(context, id);
  audit::record(context.op(),
                {"staff", std::to_string(id), "create", record.org_id, audit::created(created)});
  return api::json_ok(created, 201);
}

http::Response update_staff_route(api::Context& context) {
  const auto id = context.id();
  auto before = find_staff(context, id);
  // Regulators may see staff in their jurisdiction; only the staff's own organization changes them.
  if (!may_write_staff_of(context.db, context.me(), before["org_id"].get<std::int64_t>())) throw forbidden();
  const auto record = checked_staff(context, overlay(before, context.body(), staff_keys()), id);
  update_staff(context.db, id, record, context.now_text());
  audit::record_update(context.op(), "staff", id, record.org_id, before, staff_record_json(record));
  return api::json_ok(find_staff(context, id));
}

}  // namespace

void add_staff_routes(api::Routes& routes) {
  routes.get("/staff", "staff:read", list_staff);
  routes.get("/staff/{id}", "staff:read", get_staff);
  routes.post("/staff", "staff:write", create_staff);
  routes.patch("/staff/{id}", "staff:write", update_staff_route);
}

}  // namespace rw::registry
