#include "hazards/hazard_service.hpp"

#include <nlohmann/json.hpp>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "calendar/calendar_store.hpp"
#include "files/file_service.hpp"
#include "hazards/hazard_facts.hpp"
#include "hazards/hazard_flow.hpp"
#include "hazards/hazard_json.hpp"
#include "hazards/hazard_rules.hpp"
#include "hazards/hazard_store.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "inspections/inspection_flow.hpp"
#include "inspections/inspection_store.hpp"
#include "inspections/inspection_vocabularies.hpp"
#include "platform/dates.hpp"
#include "platform/json_rows.hpp"
#include "services/status_history.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_team.hpp"
#include "workflow/engine.hpp"

namespace rw::hazards {
namespace {

using nlohmann::json;

json hazards_json(const accounts::Operation& op, const db::Rows& rows) {
  const workflow::Caller caller(op.db, op.actor);
  const auto calendar = calendar::kept_calendar(op.db, op.actor.calendar_generation);
  const auto today = china_day(op.clock.now());
  json items = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i)
    items.push_back(hazard_json(rows[i], caller, *calendar, today));
  return items;
}

// The visit's agency acts: 404 when the caller cannot see the visit, 403 when it is not of that agency.
db::Row visit_of_agency(const accounts::Operation& op, std::int64_t visit_id) {
  auto visit = services::find_visit_row(op.db, op.actor, visit_id);
  const workflow::Caller caller(op.db, op.actor);
  if (!caller.has("hazard:manage") || !is_agency_for(caller, visit.integer("agency_org_id")))
    throw forbidden();
  return visit;
}

std::int64_t insert_and_link(const accounts::Operation& op, const NewHazard& hazard) {
  const auto id = insert_hazard(op.db, hazard, op.now_text());
  for (const auto photo : hazard.facts.photos) files::link(op, photo, {"hazard", id, hazard.enterprise_id});
  auto record = facts_json(hazard.facts);
  record["visit_id"] = hazard.visit_id;
  if (hazard.finding_id) record["finding_id"] = *hazard.finding_id;
  audit::record(op, {"hazard", std::to_string(id), "create", hazard.agency_org_id, audit::created(record)});
  return id;
}

// What a finding says, in a hazard's terms: its class when it names one of ours, else the domain's catch-all
// class with the finding's heading as the sub-class.
HazardFacts facts_of_finding(const db::Row& finding, const std::string& domain) {
  HazardFacts facts;
  facts.domain = domain;
  const auto heading = finding.text("category");
  const auto named = category_named(heading);
  if (named && named->first->domain == domain) {
    facts.category = named->first->label.value;
    facts.sub_category = named->second;
  } else {
    facts.category = domain == "safety" ? "safety.management" : "env.other";
    facts.sub_category = heading.substr(0, 300);
  }
  facts.description = finding.text("description");
  facts.photos = json::parse(finding.text("photo_file_ids")).get<std::vector<std::int64_t>>();
  facts.grade = finding.text("grade");
  facts.basis = finding.text("basis");
  facts.suggestion = finding.text("suggestion");
  return facts;
}

// {finding_id: edits} from [{finding_id, …}], each checked once the finding is known.
std::map<std::int64_t, json> edits_by_finding(const json& body) {
  Fields fields(body);
  for (const auto& [key, value] : body.items())
    if (key != "edits") fields.add_error(key, "unknown_field", "不认识的字段", "unknown field");
  std::map<std::int64_t, json> out;
  if (body.contains("edits") && !body["edits"].is_null()) {
    const auto& edits = body["edits"];
    if (!edits.is_array() || edits.size() > 500) {
      fields.add_error("edits", "not_a_list", "应为不超过 500 项的列表", "expected a list of at most 500");
    } else {
      for (std::size_t i = 0; i < edits.size(); ++i) {
        const auto key = "edits[" + std::to_string(i) + "]";
        if (!edits[i].is_object() || !edits[i].contains("finding_id") ||
            !edits[i]["finding_id"].is_number_integer()) {
          fields.add_error(key, "finding_id_required", "每项修改须给出 finding_id",
                           "each edit names its finding_id");
          continue;
        }
        out[edits[i]["finding_id"].get<std::int64_t>()] = edits[i];
      }
    }
  }
  fields.finish();
  return out;
}

}  // namespace

json list_hazards(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  SqlFilter where;
  if (auto v = query_choice(query, "status", hazard_statuses().values())) where.add("h.status = ?", *v);
  if (auto v = query_choice(query, "grade", inspections::finding_grades().values()))
    where.add("h.grade = ?", *v);
  if (auto v = query_choice(query, "domain", hazard_domains().values())) where.add("h.domain = ?", *v);
  if (auto v = query_id(query, "enterprise_id")) where.add("h.enterprise_id = ?", *v);
  if (auto v = query_id(query, "agency_org_id")) where.add("h.agency_org_id = ?", *v);
  if (auto v = query_id(query, "visit_id")) where.add("h.visit_id = ?", *v);
  const auto region = query_id(query, "region_id");
  const auto regions = region ? accounts::region_subtree_ids(op.db, *region) : std::vector<std::int64_t>{};
  if (region) where.add(of_regions(op.db.dialect(), regions));
  const auto today = china_date(op.clock.now());
  const auto overdue = query_bool(query, "overdue");
  if (overdue)
    where.add(*overdue ? "h.due_on < ? AND h.status <> 'verified_closed'"
                       : "(h.due_on IS NULL OR h.due_on >= ? OR h.status = 'verified_closed')",
              today);
  if (auto v = query_bool(query, "escalated"))
    where.add(*v ? "h.escalated_on IS NOT NULL" : "h.escalated_on IS NULL", db::Params{});
  // A district asked for and a regulator's jurisdiction are both sets of the hazard's region (V041): the
  // jurisdiction is not tested when it holds the district (access::read_filter_in_regions).
  where.add(access::read_filter_in_regions(op.db, op.actor, access::kHazard, regions));
  const auto page = parse_page(query);
  // The overdue longest overdue first, as a regulator follows them up; read in the order of their deadlines,
  // where newest first walked back past every hazard not yet due (a city's: 50,000 of them, 10 ms on
  // PostgreSQL).
  const auto order = overdue.value_or(false) ? "h.due_on, h.id" : "h.id DESC";
  auto [rows, total] = select_page(op.db, kHazardList, where, order, page);
  return page_json(hazards_json(op, rows), total, page);
}

json get_hazard(const accounts::Operation& op, std::int64_t id) {
  const auto record = access::visible_row_with(
      op.db, op.actor, access::kHazard, kSelectHazard, id,
      {progress_of(id), rechecks_of_hazard(id), services::status_events_of("hazard", id)});
  const workflow::Caller caller(op.db, op.actor);
  auto out = hazard_json(record.row(), caller, *calendar::kept_calendar(op.db, op.actor.calendar_generation),
                         china_day(op.clock.now()));
  json progress = json::array();
  const auto& notes = record.parts[0];
  for (std::size_t i = 0; i < notes.size(); ++i)
    progress.push_back(
        {{"id", notes[i].integer("id")},
         {"note", notes[i].text("note")},
         {"photos", json::parse(notes[i].text("photo_file_ids"))},
         {"by", {{"id", notes[i].integer("created_by")}, {"name", notes[i].text("display_name")}}},
         {"at", notes[i].text("created_at")}});
  json rechecks = json::array();
  const auto& checks = record.parts[1];
  for (std::size_t i = 0; i < checks.size(); ++i)
    rechecks.push_back({{"visit_id", checks[i].integer("visit_id")},
                        {"result", json_text(checks[i], "result")},
                        {"note", checks[i].text("note")},
                        {"checked_at", json_text(checks[i], "checked_at")}});
  out["progress"] = progress;
  out["rechecks"] = rechecks;
  out["history"] = services::status_history_json(record.parts[2]);
  return out;
}

json create_hazard(const accounts::Operation& op, std::int64_t visit_id, const json& body) {
  Fields fields(body);
  refuse_unknown_fields(fields, body, {"item_id"});
  NewHazard hazard;
  read_facts(fields, hazard.facts, true);
  hazard.item_id = fields.optional_text("item_id", 100).value_or("");
  fields.finish();
  const auto visit = visit_of_agency(op, visit_id);
  const auto status = visit.text("status");
  if (status != "in_progress" && status != "done")
    throw conflict("visit_not_started", "服务尚未开始或已取消，不能记录隐患",
                   "the visit has not started or was cancelled; no hazard can be recorded");
  hazard.enterprise_id = visit.integer("enterprise_id");
  hazard.agency_org_id = visit.integer("agency_org_id");
  hazard.visit_id = visit_id;
  hazard.found_on = china_date(op.clock.now());
  hazard.found_by = op.actor.display_name;
  hazard.created_by = op.actor.id;
  return get_hazard(op, insert_and_link(op, hazard));
}

json hazards_from_inspection(const accounts::Operation& op, std::int64_t inspection_id, const json& body) {
  auto edits = edits_by_finding(body);
  const auto s = inspections::load_inspection(op.db, op.actor, inspection_id);
  const workflow::Caller caller(op.db, op.actor);
  if (!caller.has("hazard:manage") || !is_agency_for(caller, s.agency_org_id)) throw forbidden();
  if (s.status == "open")
    throw conflict("inspection_not_submitted", "检查表尚未提交，不能生成隐患",
                   "the checklist is not submitted; its findings cannot become hazards yet");
  const auto findings = inspections::findings_of(op.db, inspection_id);
  const auto domain = domain_of_template(s.row.text("template_code"));
  const auto visit_id = s.row.integer("visit_id");
  const auto found_on =
      s.row.is_null("submitted_at") ? china_date(op.clock.now()) : s.row.text("submitted_at").substr(0, 10);
  const auto found_by = services::team_names(op.db, visit_id);  // Table 9 排查人员
  Fields fields(body);
  json created = json::array(), existing = json::array();
  std::vector<std::int64_t> made;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto finding = findings[i];
    const auto finding_id = finding.integer("id");
    const auto edit = edits.find(finding_id);
    if (const auto hazard = hazard_of_finding(op.db, finding_id)) {
      existing.push_back(*hazard);
      if (edit != edits.end()) edits.erase(edit);
      continue;
    }
    NewHazard hazard{s.row.integer("enterprise_id"),
                     s.agency_org_id,
                     visit_id,
                     inspection_id,
                     finding_id,
                     finding.text("item_id"),
                     found_on,
                     found_by,
                     facts_of_finding(finding, domain),
                     op.actor.id};
    if (edit != edits.end()) {
      Fields edit_fields(edit->second);
      refuse_unknown_fields(edit_fields, edit->second, {"finding_id"});
      read_facts(edit_fields, hazard.facts, false);
      for (const auto& e : edit_fields.errors())
        fields.add_error("edits." + std::to_string(finding_id) + "." + e.field, e.code, e.message,
                         e.message_en);
      edits.erase(edit);
    }
    if (fields.ok()) made.push_back(insert_and_link(op, hazard));
  }
  for (const auto& [finding_id, edit] : edits)
    fields.add_error("edits." + std::to_string(finding_id), "unknown_finding", "检查表没有这条隐患记录",
                     "the checklist has no such finding");
  fields.finish();  // nothing is kept when an edit is wrong: the request's transaction rolls back
  for (const auto id : made) created.push_back(get_hazard(op, id));
  return {{"created", created}, {"existing", existing}};
}

json update_hazard(const accounts::Operation& op, std::int64_t id, const json& body) {
  const auto s = load_hazard(op.db, op.actor, id);
  workflow::authorize(workflow::Caller(op.db, op.actor), hazard_machine(), s, "edit");
  Fields fields(body);
  refuse_unknown_fields(fields, body, {});
  const auto before = facts_of(s.row);
  auto after = before;
  read_facts(fields, after, false);
  fields.finish();
  for (const auto photo : after.photos)
    files::link(op, photo, {"hazard", id, s.row.integer("enterprise_id")});
  update_facts(op.db, id, after, op.now_text());
  audit::record_update(op, "hazard", id, s.agency_org_id, facts_json(before), facts_json(after));
  return get_hazard(op, id);
}

json visit_hazards(const accounts::Operation& op, std::int64_t visit_id) {
  services::find_visit_row(op.db, op.actor, visit_id);
  SqlFilter where = access::read_filter(op.db, op.actor, access::kHazard);
  where.add("h.visit_id = ?", visit_id);
  // Earlier hazards listed for re-check are shown to whoever sees this visit: the team re-checks them even
  // when another agency found them (wuxi 第十五条（五）).
  const auto parts =
      op.db.query_each({{std::string(kSelectHazard) + where.sql() + " ORDER BY h.id", where.params()},
                        rechecks_of_visit(visit_id)});
  const auto& rows = parts[0];
  json rechecks = json::array();
  const auto& checks = parts[1];
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const auto check = checks[i];
    rechecks.push_back({{"hazard",
                         {{"id", check.integer("hazard_id")},
                          {"found_on", check.text("found_on")},
                          {"visit_id", check.integer("hazard_visit_id")},
                          {"grade", check.text("grade")},
                          {"domain", check.text("domain")},
                          {"category", check.text("category")},
                          {"description", check.text("description")},
                          {"location", check.text("location")},
                          {"suggestion", check.text("suggestion")},
                          {"status", check.text("status")}}},
                        {"result", json_text(check, "result")},
                        {"note", check.text("note")},
                        {"checked_by", json_text(check, "checker")},
                        {"checked_at", json_text(check, "checked_at")}});
  }
  return {{"items", hazards_json(op, rows)}, {"rechecks", rechecks}};
}

json list_escalations(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  SqlFilter where = access::read_filter(op.db, op.actor, access::kHazardEscalation);
  if (auto v = query_id(query, "enterprise_id")) where.add("x.enterprise_id = ?", *v);
  if (auto v = query_choice(query, "rule", escalation_rules().values())) where.add("x.rule = ?", *v);
  const auto page = parse_page(query);
  auto [rows, total] = select_page(op.db, kEscalationList, where, "x.id DESC", page);
  json items = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto r = rows[i];
    items.push_back(
        {{"id", r.integer("id")},
         {"hazard",
          {{"id", r.integer("hazard_id")},
           {"grade", r.text("grade")},
           {"description", r.text("description")},
           {"status", r.text("status")}}},
         {"enterprise", {{"id", r.integer("enterprise_id")}, {"name", r.text("enterprise_name")}}},
         {"agency", {{"id", r.integer("agency_org_id")}, {"name", r.text("agency_name")}}},
         {"rule", r.text("rule")},
         {"due_on", r.text("due_on")},
         {"working_days_overdue", r.integer("working_days_overdue")},
         {"escalated_on", r.text("escalated_on")},
         {"regulators", json::parse(r.text("regulator_org_ids"))}});
  }
  return page_json(items, total, page);
}

}  // namespace rw::hazards
