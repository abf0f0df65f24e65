#include "inspections/training_service.hpp"

#include <nlohmann/json.hpp>

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "files/file_service.hpp"
#include "inspections/training_store.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "services/visit_flow.hpp"
#include "workflow/engine.hpp"

namespace rw::inspections {
namespace {

using nlohmann::json;

json training_json(const db::Row& r) {
  return {{"id", r.integer("id")},
          {"visit_id", r.integer("visit_id")},
          {"topic", r.text("topic")},
          {"trainer", r.text("trainer")},
          {"attendees", json::parse(r.text("attendees"))},
          {"duration_minutes", r.integer("duration_minutes")},
          {"sign_in_sheet_file_id", json_integer(r, "sign_in_sheet_file_id")},
          {"photos", json::parse(r.text("photo_file_ids"))},
          {"feedback", r.text("feedback")},
          {"created_at", r.text("created_at")},
          {"created_by", r.integer("created_by")},
          {"updated_at", r.text("updated_at")}};
}

// Attendees: 1–500 people, each with a name; a role and the file of a drawn signature are optional.
json read_attendees(Fields& fields) {
  const auto& list = fields.object().value("attendees", json());
  if (!list.is_array() || list.empty() || list.size() > 500) {
    fields.add_error("attendees", "invalid", "参训人员应为 1 至 500 人的列表",
                     "attendees must list 1 to 500 people");
    return json::array();
  }
  json out = json::array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto field = "attendees[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      fields.add_error(field, "invalid", "参训人员应为对象", "an attendee is an object");
      continue;
    }
    Fields person(list[i]);
    const auto name = person.required_text("name", 1, 50);
    const auto role = person.optional_text("role", 50).value_or("");
    const auto signature = person.optional_id("signature_file_id");
    for (const auto& e : person.errors())
      fields.add_error(field + "." + e.field, e.code, e.message, e.message_en);
    out.push_back(
        {{"name", name}, {"role", role}, {"signature_file_id", signature ? json(*signature) : json()}});
  }
  return out;
}

TrainingRecord read_record(Fields& fields) {
  TrainingRecord r;
  r.topic = fields.required_text("topic", 1, 200);
  r.trainer = fields.required_text("trainer", 1, 100);
  r.attendees = read_attendees(fields);
  fields.require("duration_minutes");
  r.duration_minutes = fields.optional_integer("duration_minutes", 1, 24 * 60).value_or(0);
  r.sign_in_sheet_file_id = fields.optional_id("sign_in_sheet_file_id");
  r.photo_file_ids = fields.optional_ids("photos", 50).value_or(std::vector<std::int64_t>{});
  r.feedback = fields.optional_text("feedback", 4000).value_or("");
  return r;
}

// The visit's team or agency, while the visit is under way or done (the visit's workflow table says who).
services::VisitState require_recorder(const accounts::Operation& op, std::int64_t visit_id) {
  return workflow::require(op.db, op.actor, op.clock, services::visit_machine(), visit_id, "record_training");
}

// The record's photos and drawn signatures go with its visit: whoever sees the visit sees them.
void link_record_files(const accounts::Operation& op, const services::VisitState& visit,
                       const TrainingRecord& r) {
  const files::OwnerRef owner{"visit", visit.id, visit.row.integer("enterprise_id")};
  files::link_named(op, r.photo_file_ids, owner, "photos");
  if (r.sign_in_sheet_file_id)
    files::link_named(op, {*r.sign_in_sheet_file_id}, owner, "sign_in_sheet_file_id");
  for (std::size_t i = 0; i < r.attendees.size(); ++i)
    if (const auto& signature = r.attendees[i]["signature_file_id"]; !signature.is_null())
      files::link_named(op, {signature.get<std::int64_t>()}, owner,
                        "attendees[" + std::to_string(i) + "].signature_file_id");
}

json audit_view(const TrainingRecord& r) {
  return {{"topic", r.topic},
          {"trainer", r.trainer},
          {"attendees", r.attendees.size()},
          {"duration_minutes", r.duration_minutes},
          {"feedback", r.feedback}};
}

}  // namespace

json list_training_records(const accounts::Operation& op, std::int64_t visit_id) {
  access::require_visible(op.db, op.actor, access::kVisit, visit_id);
  json items = json::array();
  const auto rows = training_rows_of_visit(op.db, visit_id);
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(training_json(rows[i]));
  return {{"items", items}};
}

json create_training_record(const accounts::Operation& op, std::int64_t visit_id, const json& body) {
  Fields fields(body);
  const auto record = read_record(fields);
  const auto client_id = fields.optional_nonempty_text("client_id", 100);
  fields.finish();
  const auto visit = require_recorder(op, visit_id);
  auto id = client_id ? training_of_client(op.db, visit_id, *client_id) : std::nullopt;
  if (!id) {  // not stored by an earlier try of the same sync
    link_record_files(op, visit, record);
    id = insert_training(op.db, visit_id, record, client_id, op.actor.id, op.now_text());
    audit::record(op, {"training_record", std::to_string(*id), "create", visit.agency_org_id,
                       audit::created(audit_view(record))});
  }
  return training_json(*training_row(op.db, *id));
}

json update_training_record(const accounts::Operation& op, std::int64_t id, const json& body) {
  Fields fields(body);
  const auto record = read_record(fields);
  fields.finish();
  const auto before = training_row(op.db, id);
  if (!before) throw not_found();
  const auto visit = require_recorder(op, before->integer("visit_id"));
  link_record_files(op, visit, record);
  update_training(op.db, id, record, op.now_text());
  const auto old = training_json(*before);
  audit::record_update(op, "training_record", id, visit.agency_org_id,
                       {{"topic", old["topic"]},
                        {"trainer", old["trainer"]},
                        {"attendees", old["attendees"].size()},
                        {"duration_minutes", old["duration_minutes"]},
                        {"feedback", old["feedback"]}},
                       audit_view(record));
  return training_json(*training_row(op.db, id));
}

}  // namespace rw::inspections
