#include "safety/risk_service.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "access/keepers.hpp"
#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "files/file_record.hpp"
#include "files/file_service.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"
#include "safety/risk_view.hpp"

namespace rw::safety {
namespace {

using nlohmann::json;

bool keeps(const accounts::Operation& op, std::int64_t enterprise_id) {
  return accounts::has_permission(op.actor, "safety_risk:write") &&
         access::is_visible(op.db, op.actor, access::kSafetyRiskKeeper, enterprise_id);
}

// 404 for an enterprise the caller does not see, 403 when it sees but does not keep its risk list.
void require_keeper(const accounts::Operation& op, std::int64_t enterprise_id) {
  access::require_visible(op.db, op.actor, access::kEnterprise, enterprise_id);
  if (!keeps(op, enterprise_id)) throw forbidden();
}

Kind kind_of(std::string_view segment) {
  const auto kind = kind_from_path(segment);
  if (!kind) throw not_found();
  return *kind;
}

// The organization's own mapping (as stored), else the default.
Mapping mapping_or_default(const std::optional<std::string>& own) {
  return own ? parse_mapping(json::parse(*own)) : default_mapping();
}
Mapping mapping_for(const accounts::Operation& op) {
  return mapping_or_default(find_mapping(op.db, op.actor.org_id));
}

std::optional<PlanSize> plan_size(db::Connection& db, std::int64_t enterprise_id) {
  const auto plan = find_site_plan(db, enterprise_id);
  if (!plan) return std::nullopt;
  return PlanSize{plan->width, plan->height};
}

// A record's body validated, graded and checked against the enterprise's other records.
RecordWrite write_of(const accounts::Operation& op, std::int64_t enterprise_id, Kind kind, const json& body) {
  const auto mapping = mapping_for(op);
  const auto parsed = parse_record(kind, body, mapping, plan_size(op.db, enterprise_id));
  if (kind == Kind::zone) {
    const auto known = assessments_among(op.db, enterprise_id, parsed.risk_ids);
    if (known.size() != parsed.risk_ids.size())
      throw invalid_field("risk_ids", "unknown_risk", "所选风险不属于该企业的风险清单",
                          "a risk named is not on this enterprise's risk list");
  }
  return record_write(parsed, mapping);
}

StoredRecord existing(const accounts::Operation& op, std::int64_t enterprise_id, Kind kind, std::int64_t id) {
  auto record = find_record(op.db, enterprise_id, std::string(kind_code(kind)), id);
  if (!record) throw not_found();
  return *record;
}

}  // namespace

json get_safety_risk(const accounts::Operation& op, std::int64_t enterprise_id) {
  auto [view, also] = visible_view(op.db, op.actor, enterprise_id, {mapping_of(op.actor.org_id)});
  auto levels = json::array();
  for (auto level : {Level::major, Level::large, Level::general, Level::low})
    levels.push_back(level_json(level));
  return {{"enterprise", {{"id", enterprise_id}, {"name", view.enterprise_name}}},
          {"may_edit", keeps(op, enterprise_id)},
          {"mapping", mapping_json(mapping_or_default(mapping_from(also[0])))},
          {"levels", levels},
          {"activities", view.activities},
          {"equipment", view.equipment},
          {"assessments", view.assessments},
          {"risk_list", risk_list(view.assessments)},
          {"counts", level_counts(view.assessments)},
          {"site_plan", view.plan ? json{{"file_id", view.plan->file_id},
                                         {"width", view.plan->width},
                                         {"height", view.plan->height}}
                                  : json()},
          {"zones", view.zones}};
}

json create_record(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view kind_segment,
                   const json& body) {
  const auto kind = kind_of(kind_segment);
  require_keeper(op, enterprise_id);
  const auto write = write_of(op, enterprise_id, kind, body);
  const std::string code(kind_code(kind));
  if (count_records(op.db, enterprise_id, code) >= static_cast<std::int64_t>(kMaxRecordsPerKind))
    throw invalid_field("kind", "too_many_records", "记录数已达上限（2000 条）",
                        "this list holds at most 2,000 records");
  const auto id = insert_record(op.db, enterprise_id, code, write, op.actor.id, op.now_text());
  audit::record(op, {audit_entity(kind), std::to_string(id), "create", op.actor.org_id,
                     audit::created(json::parse(write.data))});
  return record_json(existing(op, enterprise_id, kind, id));
}

json update_record(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view kind_segment,
                   std::int64_t id, const json& body) {
  const auto kind = kind_of(kind_segment);
  require_keeper(op, enterprise_id);
  const auto before = existing(op, enterprise_id, kind, id);
  const auto write = write_of(op, enterprise_id, kind, body);
  update_record(op.db, id, write, op.actor.id, op.now_text());
  audit::record_update(op, audit_entity(kind), id, op.actor.org_id, json::parse(before.data),
                       json::parse(write.data));
  return record_json(existing(op, enterprise_id, kind, id));
}

void delete_record(const accounts::Operation& op, std::int64_t enterprise_id, std::string_view kind_segment,
                   std::int64_t id) {
  const auto kind = kind_of(kind_segment);
  require_keeper(op, enterprise_id);
  const auto before = existing(op, enterprise_id, kind, id);
  delete_record(op.db, id);
  audit::record(op, {audit_entity(kind), std::to_string(id), "delete", op.actor.org_id,
                     audit::deleted(json::parse(before.data))});
}

json set_site_plan(const accounts::Operation& op, std::int64_t enterprise_id, const json& body) {
  require_keeper(op, enterprise_id);
  Fields fields(body);
  const auto file_id = fields.required_id("file_id");
  fields.finish();
  // An image the caller sees: link_named refuses anything else as bad input (422), never as a missing page.
  files::link_named(op, {file_id}, {"enterprise", enterprise_id, enterprise_id}, "file_id");
  const auto file = files::find_file(op.db, file_id);
  if (!file || !file->width || !file->height)
    throw invalid_field("file_id", "not_an_image", "平面图须为图片", "the site plan must be an image");
  const SitePlanRow plan{file_id, *file->width, *file->height, op.now_text()};
  save_site_plan(op.db, enterprise_id, plan, op.actor.id);
  audit::record(op, {"safety_site_plan",
                     std::to_string(enterprise_id),
                     "update",
                     op.actor.org_id,
                     {{"file_id", {{"to", file_id}}}}});
  return {{"file_id", plan.file_id}, {"width", plan.width}, {"height", plan.height}};
}

json evaluate(const accounts::Operation& op, const json& body) {
  // Only the scoring is read: the record's other fields are given placeholders.
  json record = {{"method", "jha"}, {"item", "-"}, {"hazard", "-"}};
  for (const char* key : {"scoring", "l", "s", "e", "c"})
    if (body.contains(key)) record[key] = body[key];
  const auto mapping = mapping_for(op);
  const auto parsed = parse_record(Kind::assessment, record, mapping, std::nullopt);
  auto out = level_json(parsed.grade->level);
  out.update({{"scoring", parsed.data["scoring"]},
              {"score", parsed.grade->value},
              {"level", level_code(parsed.grade->level)},
              {"level_label", level_label(parsed.grade->level)},
              {"mapping", {{"code", mapping.code}, {"name", mapping.name}}}});
  return out;
}

json organization_mapping(const accounts::Operation& op) {
  const bool own = find_mapping(op.db, op.actor.org_id).has_value();
  auto out = mapping_json(mapping_for(op));
  out["own"] = own;
  return out;
}

json set_organization_mapping(const accounts::Operation& op, const json& body) {
  const auto mapping = parse_mapping(body);
  const auto before = mapping_json(mapping_for(op));
  save_mapping(op.db, op.actor.org_id, mapping_json(mapping).dump(), op.actor.id, op.now_text());
  audit::record_update(op, "safety_risk_mapping", op.actor.org_id, op.actor.org_id, before,
                       mapping_json(mapping));
  return organization_mapping(op);
}

}  // namespace rw::safety
