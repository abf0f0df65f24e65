#include "services/visits.hpp"

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "platform/dates.hpp"
#include "platform/paging.hpp"
#include "services/status_history.hpp"
#include "services/visit_flow.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_schedule.hpp"
#include "services/visit_team.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

constexpr std::size_t kMaxTeam = 20;

// The agency a visit is made by: the user's own organization, or any agency for a platform admin.
std::int64_t visit_agency(api::Context& context, Fields& fields) {
  const auto& me = context.me();
  if (!me.is_platform_admin()) return me.org_id;
  const auto id = fields.optional_id("agency_org_id");
  if (!id || context.db.query("SELECT 1 AS one FROM organizations WHERE id = ? AND type = 'agency'", {*id})
                 .empty()) {
    fields.add_error("agency_org_id", "unknown_agency", "请选择服务机构", "choose the agency");
    return 0;
  }
  return *id;
}

std::vector<std::int64_t> type_ids_of(const std::vector<ServiceRules>& rules) {
  std::vector<std::int64_t> out;
  for (const auto& r : rules) out.push_back(r.type_id);
  return out;
}

// How a body is read: as a new visit, as changes to a stored one, or as a team to check (POST
// /staffing-check and /visits/team-check), where only the enterprise is required.
enum class VisitRead { create, update, check };

// The visit as the body describes it over `base` (for a PATCH, the stored visit), and its team. Field
// errors first, then the service types and the team; each stage throws 422 with everything it found.
VisitInput read_visit(api::Context& context, const nlohmann::json& body, const VisitInput* base,
                      VisitRead mode, std::vector<registry::TeamMember>& team) {
  Fields fields(body);
  VisitInput input = base ? *base : VisitInput{};
  if (!base) {
    input.enterprise_id = fields.required_id("enterprise_id");
    input.agency_org_id = visit_agency(context, fields);
  }
  std::optional<std::vector<std::int64_t>> type_ids = fields.optional_ids("service_type_ids", 20);
  if (mode == VisitRead::create && (!type_ids || type_ids->empty()))
    fields.add_error("service_type_ids", "required", "请选择至少一项服务",
                     "choose at least one service type");
  if (auto v = fields.optional_date("planned_on")) input.planned_on = *v;
  if (mode == VisitRead::create && !fields.present("planned_on"))
    fields.add_error("planned_on", "required", "必填", "is required");
  if (auto v = fields.optional_number("duration_days", 1, 10)) {
    if (*v != static_cast<int>(*v))
      fields.add_error("duration_days", "not_whole_days", "应为整天数", "must be whole days");
    input.duration_days = static_cast<int>(*v);
  }
  if (auto v = fields.optional_bool("special_request")) input.special_request = *v;
  if (auto v = fields.optional_ids("staff_ids", kMaxTeam)) input.staff_ids = *v;
  if (fields.has("leader_staff_id")) input.leader_staff_id = fields.optional_id("leader_staff_id");
  if (fields.has("plan_id")) input.plan_id = fields.optional_id("plan_id");
  if (auto v = fields.optional_text("notes", 2000)) input.notes = *v;
  fields.finish();

  if (!base) {
    try {
      access::require_visible(context.db, context.me(), access::kEnterprise, input.enterprise_id);
    } catch (const ApiError&) {
      throw invalid_field("enterprise_id", "unknown_enterprise", "企业不存在",
                          "the enterprise does not exist");
    }
  }
  if (type_ids && !type_ids->empty() && (!base || *type_ids != type_ids_of(input.service_types)))
    input.service_types = current_service_rules(context.db, *type_ids, "service_type_ids");
  if (input.plan_id &&
      context.db
          .query(
              "SELECT 1 AS one FROM service_plans WHERE id = ? AND enterprise_id = ? AND agency_org_id = ?",
              {*input.plan_id, input.enterprise_id, input.agency_org_id})
          .empty())
    fields.add_error("plan_id", "unknown_plan", "服务方案不存在", "the service plan does not exist");
  team = load_team(context.db, input, fields);
  fields.finish();
  return input;
}

// The checks of a save: the scheduling rules of what changed, then the staffing rule and duration. Returns
// what the user should see anyway (a non-working day, an enterprise of unknown scale).
std::vector<registry::UnmetRule> check_save(api::Context& context, const VisitInput& input,
                                            const std::vector<registry::TeamMember>& team,
                                            const VisitInput* base) {
  Fields fields(nlohmann::json::object());
  const ScheduleChange change{!base || type_ids_of(base->service_types) != type_ids_of(input.service_types),
                              !base || base->planned_on != input.planned_on};
  check_schedule(context.db, input, china_day(context.clock.now()), change, fields);
  fields.finish();
  auto check = check_visit(context.db, input, team);
  if (!check.violations.empty()) throw_violations(check.violations);
  auto warnings = schedule_warnings(calendar::load_calendar(context.db), input);
  warnings.insert(warnings.end(), check.warnings.begin(), check.warnings.end());
  return warnings;
}

// The accepted commission item this visit answers, if any.
std::optional<std::int64_t> commission_item_for(db::Connection& db, const VisitInput& input) {
  auto rows = db.query(
      "SELECT ci.id FROM commission_items ci JOIN commissions c ON c.id = ci.commission_id "
      "WHERE ci.enterprise_id = ? AND c.agency_org_id = ? AND ci.status = 'accepted' ORDER BY ci.id DESC "
      "LIMIT 1",
      {input.enterprise_id, input.agency_org_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer("id");
}

void write_team_and_types(db::Connection& db, std::int64_t id, const VisitInput& input) {
  db.execute("DELETE FROM visit_team WHERE visit_id = ?", {id});
  db.execute("DELETE FROM visit_service_types WHERE visit_id = ?", {id});
  const auto leader = input.leader_staff_id.value_or(input.staff_ids.empty() ? 0 : input.staff_ids.front());
  for (auto staff : input.staff_ids)
    db.execute("INSERT INTO visit_team (visit_id, staff_id, leader) VALUES (?, ?, ?)",
               {id, staff, std::int64_t{staff == leader}});
  for (const auto& type : input.service_types)
    db.execute("INSERT INTO visit_service_types (visit_id, service_type_version_id) VALUES (?, ?)",
               {id, type.version_id});
}

VisitInput stored_input(db::Connection& db, const nlohmann::json& visit) {
  VisitInput input;
  input.enterprise_id = visit["enterprise"]["id"];
  input.agency_org_id = visit["agency"]["id"];
  std::vector<std::int64_t> versions;
  for (const auto& t : visit["service_types"]) versions.push_back(t["version_id"]);
  input.service_types = service_rules_of_versions(db, versions);
  input.planned_on = visit["planned_on"];
  input.duration_days = visit["duration_days"];
  input.special_request = visit["special_request"];
  for (const auto& m : visit["team"]) {
    input.staff_ids.push_back(m["staff_id"]);
    if (m["leader"]) input.leader_staff_id = m["staff_id"];
  }
  if (!visit["plan_id"].is_null()) input.plan_id = visit["plan_id"].get<std::int64_t>();
  if (!visit["commission_item_id"].is_null())
    input.commission_item_id = visit["commission_item_id"].get<std::int64_t>();
  input.notes = visit["notes"];
  return input;
}

nlohmann::json visit_with_history(api::Context& context, std::int64_t id) {
  auto out = find_visit(context.db, context.me(), id);
  out["history"] = status_history(context.db, "visit", id);
  return out;
}

http::Response list_visits(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  const auto where = visit_filter(context.db, context.me(), query);
  auto [rows, total] = select_page(context.db, kSelectVisit, kCountVisit, where, "v.planned_on, v.id", page);
  return api::json_ok(page_json(visits_json(context.db, context.me(), rows), total, page));
}

http::Response get_visit(api::Context& context) {
  return api::json_ok(visit_with_history(context, context.id()));
}

http::Response create_visit(api::Context& context) {
  std::vector<registry::TeamMember> team;
  const auto input = read_visit(context, context.body(), nullptr, VisitRead::create, team);
  const auto warnings = check_save(context, input, team, nullptr);
  const auto now = context.now_text();
  const auto item = commission_item_for(context.db, input);
  const auto id =
      context.db
          .query(
              "INSERT INTO visits (enterprise_id, agency_org_id, commission_item_id, plan_id, planned_on, "
              "duration_days, special_request, notes, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {input.enterprise_id, input.agency_org_id, db::optional_value(item),
               db::optional_value(input.plan_id), input.planned_on, std::int64_t{input.duration_days},
               std::int64_t{input.special_request}, input.notes, now, now})[0]
          .integer("id");
  write_team_and_types(context.db, id, input);
  auto created = find_visit(context.db, context.me(), id);
  audit::record(context.op(),
                {"visit", std::to_string(id), "create", input.agency_org_id, audit::created(created)});
  created["warnings"] = warnings_json(warnings);
  return api::json_ok(created, 201);
}

http::Response update_visit(api::Context& context) {
  const auto id = context.id();
  workflow::require(context.db, context.me(), context.clock, visit_machine(), id, "edit");
  const auto before = find_visit(context.db, context.me(), id);
  const auto base = stored_input(context.db, before);
  std::vector<registry::TeamMember> team;
  const auto input = read_visit(context, context.body(), &base, VisitRead::update, team);
  const auto warnings = check_save(context, input, team, &base);
  context.db.execute(
      "UPDATE visits SET plan_id = ?, planned_on = ?, duration_days = ?, special_request = ?, notes = ?, "
      "updated_at = ? WHERE id = ?",
      {db::optional_value(input.plan_id), input.planned_on, std::int64_t{input.duration_days},
       std::int64_t{input.special_request}, input.notes, context.now_text(), id});
  write_team_and_types(context.db, id, input);
  auto after = find_visit(context.db, context.me(), id);
  audit::record_update(context.op(), "visit", id, input.agency_org_id, before, after);
  after["history"] = status_history(context.db, "visit", id);
  after["warnings"] = warnings_json(warnings);
  return api::json_ok(after);
}

// POST /visits/team-check and POST /staffing-check: the rules a team would break at the enterprise, and
// the warnings, without saving. One answer for both: the picker of a visit and a plain team check read the
// body the same way (staffing-check needs no service types; without on-site types the wuxi rule holds).
nlohmann::json team_check_answer(api::Context& context) {
  std::vector<registry::TeamMember> team;
  const auto input = read_visit(context, context.body(), nullptr, VisitRead::check, team);
  return visit_check_json(check_visit(context.db, input, team));
}

http::Response team_check(api::Context& context) { return api::json_ok(team_check_answer(context)); }

http::Response staffing_check(api::Context& context) { return api::json_ok(team_check_answer(context)); }

// GET /visits/team-suggestions?planned_on=: the agency's staff who may go, best graded first, with
// whether each is already on another visit that day.
http::Response team_suggestions(api::Context& context) {
  const auto& query = context.request.query;
  const auto agency = query_id(query, "agency_org_id").value_or(context.me().org_id);
  if (!access::acts_for(context.db, context.me(), agency)) throw not_found();
  const auto day = query_date(query, "planned_on").value_or("");
  const auto agency_staff = in_id_set(context.db.dialect(), "s.org_id",
                                      json_id_array(accounts::org_subtree_ids(context.db, agency)));
  auto rows = context.db.query(
      "SELECT s.id, s.name, s.kind, s.title_level, s.evaluation_grade, s.specialties, "
      "(SELECT COUNT(*) FROM visit_team t JOIN visits v ON v.id = t.visit_id WHERE t.staff_id = s.id "
      "AND v.planned_on = ? AND v.status IN ('planned', 'confirmed', 'in_progress')) AS busy "
      "FROM staff s WHERE " +
          agency_staff.condition() +
          " AND s.active = 1 AND s.excluded = 0 AND s.evaluation_grade <> 'unqualified' "
          "ORDER BY CASE s.evaluation_grade WHEN 'excellent' THEN 0 WHEN 'good' THEN 1 WHEN 'fair' THEN 2 "
          "ELSE 3 END, "
          "CASE s.kind WHEN 'expert' THEN 0 ELSE 1 END, "
          "CASE s.title_level WHEN 'full_senior' THEN 0 WHEN 'senior' THEN 1 WHEN 'intermediate' THEN 2 ELSE "
          "3 END, s.name",
      [&] {
        db::Params params{day};  // the busy count's day comes first in the statement
        params.insert(params.end(), agency_staff.params().begin(), agency_staff.params().end());
        return params;
      }());
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    items.push_back({{"id", row.integer("id")},
                     {"name", row.text("name")},
                     {"kind", row.text("kind")},
                     {"title_level", row.text("title_level")},
                     {"evaluation_grade", row.text("evaluation_grade")},
                     {"specialties", nlohmann::json::parse(row.text("specialties"))},
                     {"busy", row.integer("busy") > 0}});
  }
  return api::json_ok({{"items", items}});
}

}  // namespace

void add_visit_routes(api::Routes& routes) {
  routes.get("/visits", "visit:read", list_visits);
  routes.post("/visits", "visit:write", create_visit);
  routes.post("/visits/team-check", "visit:write", team_check);
  routes.post("/staffing-check", "staff:read", staffing_check);
  routes.get("/visits/team-suggestions", "visit:write", team_suggestions);
  routes.get("/visits/{id}", "visit:read", get_visit);
  routes.patch("/visits/{id}", "visit:write", update_visit);
}

}  // namespace rw::services
