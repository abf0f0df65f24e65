#include "safety/risk_view.hpp"

#include <algorithm>
#include <map>

#include "access/visibility.hpp"

namespace rw::safety {
namespace {

// A zone takes the colour of the highest risk linked to it; none when no linked risk is graded.
void colour_zones(nlohmann::json& zones, const nlohmann::json& assessments) {
  std::map<std::int64_t, Level> levels;
  for (const auto& a : assessments)
    if (const auto level = level_from_code(a.value("level", std::string()))) levels[a["id"]] = *level;
  for (auto& zone : zones) {
    std::optional<Level> highest;
    for (const auto& id : zone["risk_ids"]) {
      const auto found = levels.find(id.get<std::int64_t>());
      if (found != levels.end() && (!highest || found->second > *highest)) highest = found->second;
    }
    zone["level"] = highest ? nlohmann::json(level_code(*highest)) : nlohmann::json();
    zone["colour_hex"] = highest ? nlohmann::json(colour_hex(*highest)) : nlohmann::json();
  }
}

}  // namespace

nlohmann::json level_json(Level level) {
  return {{"code", level_code(level)},           {"label", level_label(level)},
          {"label_en", level_label_en(level)},   {"colour", colour_code(level)},
          {"colour_label", colour_label(level)}, {"colour_hex", colour_hex(level)}};
}

nlohmann::json record_json(const StoredRecord& record) {
  auto out = nlohmann::json::parse(record.data);
  out["id"] = record.id;
  out["updated_at"] = record.updated_at;
  if (record.kind == "assessment") {
    const auto level = level_from_code(record.level.value_or(""));
    out["score"] = record.score ? nlohmann::json(*record.score) : nlohmann::json();
    out["level"] = level ? nlohmann::json(level_code(*level)) : nlohmann::json();
    out["level_label"] = level ? nlohmann::json(level_label(*level)) : nlohmann::json();
    out["colour_hex"] = level ? nlohmann::json(colour_hex(*level)) : nlohmann::json();
    out["mapping"] = {{"code", record.mapping_code.value_or("")}, {"name", record.mapping_name.value_or("")}};
  }
  return out;
}

VisibleView visible_view(db::Connection& db, const accounts::Actor& actor, std::int64_t enterprise_id,
                         std::vector<db::Statement> also) {
  also.insert(also.begin(), {records_of(enterprise_id), site_plan_of(enterprise_id)});
  auto record = access::visible_row_with(db, actor, access::kEnterprise, "SELECT e.name FROM enterprises e",
                                         enterprise_id, std::move(also));
  VisibleView out;
  auto& view = out.view;
  view.enterprise_name = record.row().text("name");
  for (const auto& stored : stored_records(record.parts[0])) {
    auto& list = stored.kind == "activity"     ? view.activities
                 : stored.kind == "equipment"  ? view.equipment
                 : stored.kind == "assessment" ? view.assessments
                                               : view.zones;
    list.push_back(record_json(stored));
  }
  colour_zones(view.zones, view.assessments);
  view.plan = site_plan_from(record.parts[1]);
  out.also.assign(std::make_move_iterator(record.parts.begin() + 2),
                  std::make_move_iterator(record.parts.end()));
  return out;
}

nlohmann::json risk_list(const nlohmann::json& assessments) {
  std::vector<nlohmann::json> rows(assessments.begin(), assessments.end());
  const auto rank = [](const nlohmann::json& a) {
    const auto level = level_from_code(a.value("level", std::string()));
    return level ? static_cast<int>(*level) : -1;
  };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const nlohmann::json& a, const nlohmann::json& b) { return rank(a) > rank(b); });
  auto out = nlohmann::json::array();
  int number = 0;
  for (const auto& a : rows) {
    nlohmann::json row = {{"number", ++number}, {"id", a["id"]}, {"method", a["method"]}};
    for (const auto& column : risk_list_columns()) row[std::string(column.key)] = a.value(column.key, "");
    // 风险描述 defaults to the record's consequence (主要后果) or hazard; 风险源 to what was analysed.
    if (row["risk_description"] == "") row["risk_description"] = a.value("consequence", "");
    if (row["risk_source"] == "") row["risk_source"] = a.value("object", "");
    if (row["place_address"] == "") row["place_address"] = a.value("unit", "");
    row["level"] = a["level"];
    row["level_label"] = a["level_label"];
    row["colour_hex"] = a["colour_hex"];
    row["score"] = a["score"];
    row["scoring"] = a["scoring"];
    out.push_back(std::move(row));
  }
  return out;
}

nlohmann::json level_counts(const nlohmann::json& assessments) {
  nlohmann::json counts = {{"major", 0}, {"large", 0}, {"general", 0}, {"low", 0}};
  for (const auto& a : assessments)
    if (a["level"].is_string())
      counts[a["level"].get<std::string>()] = counts[a["level"].get<std::string>()].get<int>() + 1;
  return counts;
}

}  // namespace rw::safety
