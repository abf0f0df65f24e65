#include "hazards/hazard_json.hpp"

#include <nlohmann/json.hpp>

#include "hazards/hazard_facts.hpp"
#include "hazards/hazard_flow.hpp"
#include "hazards/hazard_rules.hpp"
#include "platform/dates.hpp"
#include "platform/json_rows.hpp"
#include "workflow/engine.hpp"

namespace rw::hazards {
namespace {

using nlohmann::json;

json ids_of(const db::Row& row, const char* column) { return json::parse(row.text(column)); }

json deadline_json(const db::Row& r, const calendar::WorkingCalendar& calendar, calendar::Date today) {
  if (r.is_null("due_on")) return nullptr;
  const auto due = *parse_date(r.text("due_on"));
  const bool open = is_open(r.text("status"));
  const auto overdue = overdue_on(calendar, due, today);
  return {{"due_on", r.text("due_on")},
          {"amount", r.integer("due_amount")},
          {"unit", r.text("due_unit")},
          {"overdue", open && overdue.overdue},
          {"working_days_overdue", open ? json(overdue.working_days) : json()},
          {"working_days_left",
           open && !overdue.overdue ? json(calendar.working_days_between(today, due)) : json()}};
}

json plan_json(const db::Row& r) {
  if (r.is_null("plan_due_on")) return nullptr;
  return {
      {"measures", r.text("plan_measures")},
      {"due_on", r.text("plan_due_on")},
      {"responsible", r.text("plan_responsible")},
      {"funds",
       r.is_null("plan_funds_fen") ? json() : json(static_cast<double>(r.integer("plan_funds_fen")) / 100)}};
}

json acceptance_json(const db::Row& r) {
  if (r.is_null("accepted_on")) return nullptr;
  return {{"accepted_on", r.text("accepted_on")},
          {"accepted_by", r.text("accepted_by")},
          {"result", r.text("acceptance_result")},
          {"photos", ids_of(r, "acceptance_photo_file_ids")}};
}

}  // namespace

json hazard_json(const db::Row& r, const workflow::Caller& caller, const calendar::WorkingCalendar& calendar,
                 calendar::Date today) {
  json out = facts_json(facts_of(r));
  out.update({{"id", r.integer("id")},
              {"enterprise", {{"id", r.integer("enterprise_id")}, {"name", r.text("enterprise_name")}}},
              {"agency", {{"id", r.integer("agency_org_id")}, {"name", r.text("agency_name")}}},
              {"visit", {{"id", r.integer("visit_id")}, {"planned_on", r.text("visit_planned_on")}}},
              {"inspection_id", json_integer(r, "inspection_id")},
              {"finding_id", json_integer(r, "finding_id")},
              {"item_id", r.text("item_id")},
              {"found_on", r.text("found_on")},
              {"found_by", r.text("found_by")},
              {"status", r.text("status")},
              {"deadline", deadline_json(r, calendar, today)},
              {"plan", plan_json(r)},
              {"evidence", r.text("evidence_description").empty()
                               ? json()
                               : json{{"description", r.text("evidence_description")},
                                      {"photos", ids_of(r, "evidence_photo_file_ids")}}},
              {"acceptance", acceptance_json(r)},
              {"escalated_on", json_text(r, "escalated_on")},
              {"created_at", r.text("created_at")},
              {"updated_at", r.text("updated_at")},
              {"actions", workflow::actions(caller, hazard_machine(), hazard_state(r))}});
  return out;
}

}  // namespace rw::hazards
