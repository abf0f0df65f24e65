#include "services/visit_service.hpp"

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "platform/dates.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "registry/party_store.hpp"
#include "services/status_history.hpp"
#include "services/visit_flow.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_schedule.hpp"
#include "services/visit_store.hpp"
#include "services/visit_team.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

constexpr std::size_t kMaxTeam = 20;

// The agency a visit is made by: the actor's own organization, or any agency for a platform admin.
std::int64_t visit_agency(const accounts::Operation& op, Fields& fields) {
  if (!op.actor.is_platform_admin()) return op.actor.org_id;
  const auto id = fields.optional_id("agency_org_id");
  if (!id || !registry::is_org_of_type(op.db, *id, "agency")) {
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

// How fields are read: as a new visit, as changes to a stored one, or as a team to check (POST
// /staffing-check and /visits/team-check), where only the enterprise is required.
enum class VisitRead { create, update, check };

// The visit as the fields describe it over `base` (for a PATCH, the stored visit), and its team. Field
// errors first, then the service types and the team; each stage throws 422 with everything it found.
VisitInput read_visit(const accounts::Operation& op, const nlohmann::json& body, const VisitInput* base,
                      VisitRead mode, std::vector<registry::TeamMember>& team) {
  Fields fields(body);
  VisitInput input = base ? *base : VisitInput{};
  if (!base) {
    input.enterprise_id = fields.required_id("enterprise_id");
    input.agency_org_id = visit_agency(op, fields);
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
      access::require_visible(op.db, op.actor, access::kEnterprise, input.enterprise_id);
    } catch (const ApiError&) {
      throw invalid_field("enterprise_id", "unknown_enterprise", "企业不存在",
                          "the enterprise does not exist");
    }
  }
  if (type_ids && !type_ids->empty() && (!base || *type_ids != type_ids_of(input.service_types)))
    input.service_types = current_service_rules(op.db, *type_ids, "service_type_ids");
  if (input.plan_id && !plan_of(op.db, *input.plan_id, input.enterprise_id, input.agency_org_id))
    fields.add_error("plan_id", "unknown_plan", "服务方案不存在", "the service plan does not exist");
  team = load_team(op.db, input, fields);
  fields.finish();
  return input;
}

// The checks of a save: the scheduling rules of what changed, then the staffing rule and duration. Returns
// what the user should see anyway (a non-working day, an enterprise of unknown scale).
std::vector<registry::UnmetRule> check_save(const accounts::Operation& op, const VisitInput& input,
                                            const std::vector<registry::TeamMember>& team,
                                            const VisitInput* base) {
  Fields fields(nlohmann::json::object());
  const ScheduleChange change{!base || type_ids_of(base->service_types) != type_ids_of(input.service_types),
                              !base || base->planned_on != input.planned_on};
  check_schedule(op.db, input, china_day(op.clock.now()), change, fields);
  fields.finish();
  auto check = check_visit(op.db, input, team);
  if (!check.violations.empty()) throw_violations(check.violations);
  auto warnings = schedule_warnings(calendar::load_calendar(op.db), input);
  warnings.insert(warnings.end(), check.warnings.begin(), check.warnings.end());
  return warnings;
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

// What a new visit's audit entry records: its fields as written, with the ids of what they refer to. Built
// from the input, so the write reads nothing back in the writers' turn.
nlohmann::json stored_visit_json(const VisitInput& input) {
  std::vector<std::int64_t> versions;
  for (const auto& t : input.service_types) versions.push_back(t.version_id);
  return {{"enterprise_id", input.enterprise_id},
          {"agency_org_id", input.agency_org_id},
          {"status", "planned"},
          {"planned_on", input.planned_on},
          {"duration_days", input.duration_days},
          {"special_request", input.special_request},
          {"service_type_version_ids", versions},
          {"staff_ids", input.staff_ids},
          {"leader_staff_id", optional_json(input.leader_staff_id)},
          {"plan_id", optional_json(input.plan_id)},
          {"commission_item_id", optional_json(input.commission_item_id)},
          {"notes", input.notes}};
}

}  // namespace

nlohmann::json list_visits(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto where = visit_filter(op.db, op.actor, query);
  auto [rows, total] = select_page(op.db, visit_list(query), where, "v.planned_on, v.id", page);
  return page_json(visits_json(op.db, op.actor, rows), total, page);
}

nlohmann::json get_visit(const accounts::Operation& op, std::int64_t id) {
  return find_visit(op.db, op.actor, id);
}

nlohmann::json visit_with_history(const accounts::Operation& op, std::int64_t id) {
  return find_visit_with_history(op.db, op.actor, id);
}

ScheduledVisit create_visit(const accounts::Operation& op, const nlohmann::json& fields) {
  std::vector<registry::TeamMember> team;
  auto input = read_visit(op, fields, nullptr, VisitRead::create, team);
  auto warnings = check_save(op, input, team, nullptr);
  input.commission_item_id = accepted_commission_item(op.db, input.enterprise_id, input.agency_org_id);
  const auto id = insert_visit(op.db, input, op.now_text());
  write_team_and_types(op.db, id, input);
  audit::record(op, {"visit", std::to_string(id), "create", input.agency_org_id,
                     audit::created(stored_visit_json(input))});
  return {id, std::move(warnings)};
}

nlohmann::json scheduled_visit_json(const accounts::Operation& op, const ScheduledVisit& visit) {
  auto out = get_visit(op, visit.id);
  out["warnings"] = warnings_json(visit.warnings);
  return out;
}

nlohmann::json update_visit(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes) {
  workflow::require(op.db, op.actor, op.clock, visit_machine(), id, "edit");
  const auto before = get_visit(op, id);
  const auto base = stored_input(op.db, before);
  std::vector<registry::TeamMember> team;
  const auto input = read_visit(op, changes, &base, VisitRead::update, team);
  const auto warnings = check_save(op, input, team, &base);
  update_visit_row(op.db, id, input, op.now_text());
  write_team_and_types(op.db, id, input);
  auto after = get_visit(op, id);
  audit::record_update(op, "visit", id, input.agency_org_id, before, after);
  after["history"] = status_history(op.db, "visit", id);
  after["warnings"] = warnings_json(warnings);
  return after;
}

// One answer for POST /visits/team-check and /staffing-check: the picker of a visit and a plain team check
// read the fields the same way (staffing-check needs no service types; without on-site types the wuxi rule
// holds).
nlohmann::json check_team(const accounts::Operation& op, const nlohmann::json& fields) {
  std::vector<registry::TeamMember> team;
  const auto input = read_visit(op, fields, nullptr, VisitRead::check, team);
  return visit_check_json(check_visit(op.db, input, team));
}

nlohmann::json suggest_team(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto agency = query_id(query, "agency_org_id").value_or(op.actor.org_id);
  if (!access::acts_for(op.db, op.actor, agency)) throw not_found();
  const auto day = query_date(query, "planned_on").value_or("");
  auto rows = team_candidates(op.db, json_id_array(accounts::org_subtree_ids(op.db, agency)), day);
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
  return {{"items", items}};
}

}  // namespace rw::services
