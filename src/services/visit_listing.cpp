#include "services/visit_listing.hpp"

#include <map>

#include "access/visibility.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "services/service_type_ref.hpp"
#include "services/status_history.hpp"
#include "services/visit_flow.hpp"
#include "services/workflow_vocabularies.hpp"
#include "workflow/engine.hpp"

namespace rw::services {

const char* const kSelectVisit =
    "SELECT v.*, e.name AS enterprise_name, e.business_address, e.scale, e.risk_level, "
    "e.org_id AS enterprise_org_id, a.name AS agency_name, "
    "(SELECT ci.insurer_org_id FROM commission_items ci WHERE ci.id = v.commission_item_id) AS "
    "commission_insurer_org_id, "
    "(SELECT r.status FROM report_submissions r WHERE r.visit_id = v.id ORDER BY r.version DESC LIMIT 1) "
    "AS report_status "
    "FROM visits v JOIN enterprises e ON e.id = v.enterprise_id JOIN organizations a ON a.id = "
    "v.agency_org_id";
// kSelectTeamUsers + the visit + kTeamUsersOrder.
const char* const kSelectTeamUsers =
    "SELECT s.user_id FROM visit_team t JOIN staff s ON s.id = t.staff_id WHERE s.user_id IS NOT NULL AND "
    "t.visit_id = ";
const char* const kTeamUsersOrder = " ORDER BY s.user_id";
namespace {

const CountFrom kVisitsFrom{"visits v", {{"e", "JOIN enterprises e ON e.id = v.enterprise_id"}}};
const DeferredList kVisitList{kSelectVisit, kVisitsFrom, "v.id"};
// From 2,000 matches, a page walks the days from the first, testing each visit: an insurer's 2,343 visits of
// a month among the province's 46,320 took 4.3 ms gathered through its enterprises and sorted, 0.2 ms walked.
// Never without a first day: the walk would start at the oldest visit, and the matches of a filter such as
// `status=planned` are the last.
const DeferredList kVisitListFromADay{
    kSelectVisit, kVisitsFrom, "v.id", "visits v INDEXED BY visits_planned", "v.planned_on", 2'000};

}  // namespace

const DeferredList& visit_list(const std::map<std::string, std::string>& query) {
  return query.contains("from") ? kVisitListFromADay : kVisitList;
}

SqlFilter visit_filter(db::Connection& db, const accounts::Actor& user,
                       const std::map<std::string, std::string>& query) {
  SqlFilter where = access::read_filter(db, user, access::kVisit);
  if (auto v = query_date(query, "from")) where.add("v.planned_on >= ?", *v);
  if (auto v = query_date(query, "to")) where.add("v.planned_on <= ?", *v);
  if (auto v = query_choice(query, "status", visit_statuses().values())) where.add("v.status = ?", *v);
  if (auto v = query_id(query, "enterprise_id")) where.add("v.enterprise_id = ?", *v);
  if (auto v = query_id(query, "agency_org_id")) where.add("v.agency_org_id = ?", *v);
  if (auto v = query_id(query, "staff_id"))
    where.add("EXISTS (SELECT 1 FROM visit_team t WHERE t.visit_id = v.id AND t.staff_id = ?)", *v);
  if (query_bool(query, "mine").value_or(false))
    where.add(
        "EXISTS (SELECT 1 FROM visit_team t JOIN staff s ON s.id = t.staff_id WHERE t.visit_id = v.id "
        "AND s.user_id = ?)",
        user.id);
  if (auto q = query_text(query, "q"))
    where.add_on_joined("e", any_column_holds(db.dialect(), {"e.name"}, *q));
  return where;
}

namespace {

// What a visit's JSON reads beside its row: its service types, then its team.
std::vector<db::Statement> parts_of_visits(db::Dialect dialect, const std::vector<std::int64_t>& ids) {
  const auto page_ids = json_id_array(ids);
  const auto of_types = in_id_set(dialect, "visit_id", page_ids);
  const auto of_team = in_id_set(dialect, "t.visit_id", page_ids);
  return {
      {"SELECT visit_id, service_type_version_id FROM visit_service_types WHERE " + of_types.condition() +
           " ORDER BY visit_id, service_type_version_id",
       of_types.params()},
      {"SELECT t.visit_id, t.staff_id, t.leader, s.name, s.kind, s.title_level, s.user_id FROM visit_team t "
       "JOIN staff s ON s.id = t.staff_id WHERE " +
           of_team.condition() + " ORDER BY t.visit_id, t.leader DESC, s.name",
       of_team.params()}};
}

// `parts`: the rows of parts_of_visits.
nlohmann::json visits_json(db::Connection& db, const accounts::Actor& user, const db::Rows& rows,
                           const std::vector<db::Rows>& parts) {
  const workflow::Caller caller(db, user);
  std::map<std::int64_t, nlohmann::json> types, teams;
  std::map<std::int64_t, std::vector<std::int64_t>> team_users;
  const auto& type_rows = parts.at(0);
  const auto refs = service_type_refs(db, type_rows.integers("service_type_version_id"));
  for (std::size_t i = 0; i < type_rows.size(); ++i)
    types[type_rows[i].integer("visit_id")].push_back(refs[i]);
  const auto& team_rows = parts.at(1);
  for (std::size_t i = 0; i < team_rows.size(); ++i) {
    const auto row = team_rows[i];
    if (!row.is_null("user_id")) team_users[row.integer("visit_id")].push_back(row.integer("user_id"));
    teams[row.integer("visit_id")].push_back({{"staff_id", row.integer("staff_id")},
                                              {"name", row.text("name")},
                                              {"kind", row.text("kind")},
                                              {"title_level", row.text("title_level")},
                                              {"user_id", json_integer(row, "user_id")},
                                              {"leader", row.integer("leader") != 0}});
  }
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto id = row.integer("id");
    out.push_back(
        {{"id", id},
         {"enterprise",
          {{"id", row.integer("enterprise_id")},
           {"name", row.text("enterprise_name")},
           {"business_address", row.text("business_address")},
           {"scale", row.text("scale")},
           {"risk_level", row.text("risk_level")}}},
         {"agency", {{"id", row.integer("agency_org_id")}, {"name", row.text("agency_name")}}},
         {"commission_item_id", json_integer(row, "commission_item_id")},
         {"plan_id", json_integer(row, "plan_id")},
         {"planned_on", row.text("planned_on")},
         {"duration_days", row.integer("duration_days")},
         {"special_request", row.integer("special_request") != 0},
         {"status", row.text("status")},
         {"not_entered_reason", row.text("not_entered_reason")},
         {"status_note", row.text("status_note")},
         {"notes", row.text("notes")},
         {"started_at", json_text(row, "started_at")},
         {"done_on", json_text(row, "done_on")},
         {"data_uploaded_on", json_text(row, "data_uploaded_on")},
         {"reviewed_on", json_text(row, "reviewed_on")},
         {"report_status", row.optional_text("report_status").value_or("none")},
         {"service_types", types.count(id) ? types[id] : nlohmann::json::array()},
         {"team", teams.count(id) ? teams[id] : nlohmann::json::array()},
         {"created_at", row.text("created_at")},
         {"updated_at", row.text("updated_at")},
         {"actions", workflow::actions(caller, visit_machine(), visit_state(row, team_users[id]))}});
  }
  return out;
}

}  // namespace

nlohmann::json visits_json(db::Connection& db, const accounts::Actor& user, const db::Rows& rows) {
  return visits_json(db, user, rows, db.query_each(parts_of_visits(db.dialect(), rows.integers("id"))));
}

db::Row find_visit_row(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  return access::visible_row(db, user, access::kVisit, kSelectVisit, id);
}

nlohmann::json find_visit(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  const auto record = access::visible_row_with(db, user, access::kVisit, kSelectVisit, id,
                                               parts_of_visits(db.dialect(), {id}));
  return visits_json(db, user, record.rows, record.parts)[0];
}

nlohmann::json find_visit_with_history(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  auto reads = parts_of_visits(db.dialect(), {id});
  reads.push_back(status_events_of("visit", id));
  const auto record = access::visible_row_with(db, user, access::kVisit, kSelectVisit, id, std::move(reads));
  auto out = visits_json(db, user, record.rows, record.parts)[0];
  out["history"] = status_history_json(record.parts.at(2));
  return out;
}

db::Statement team_users_of(const std::string& visit, db::Params params) {
  return {kSelectTeamUsers + visit + kTeamUsersOrder, std::move(params)};
}

std::vector<std::int64_t> team_user_ids(db::Connection& db, std::int64_t visit_id) {
  return db.query(team_users_of("?", {visit_id})).integers("user_id");
}

}  // namespace rw::services
