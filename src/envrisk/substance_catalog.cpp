#include "envrisk/substance_catalog.hpp"

#include <nlohmann/json.hpp>

#include "platform/db/startup_install.hpp"
#include "platform/embedded.hpp"

namespace rw::envrisk {
namespace {

constexpr std::int64_t kSearchLimit = 50;
constexpr const char* kShippedNote =
    "HJ 169-2018 附录B 表B.1/B.2（代 HJ 941-2018 附录A，随系统发布）；表2/表7 "
    "分值为本系统设定，待核对标准原文";

std::string text_or_empty(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : "";
}

std::string source_of(const nlohmann::json& entry) {
  if (entry.contains("hj169_b1_no"))
    return "HJ 169-2018 表B.1 第" + std::to_string(entry["hj169_b1_no"].get<int>()) + "项";
  return "HJ 169-2018 表B.2 第" + std::to_string(entry.at("hj169_b2_no").get<int>()) + "项";
}

std::vector<ControlItem> control_items(const nlohmann::json& list) {
  std::vector<ControlItem> out;
  for (const auto& item : list) {
    ControlItem c{item.at("code").get<std::string>(), item.at("zh").get<std::string>(), {}};
    for (const auto& option : item.at("options"))
      c.options.push_back({option.at("code").get<std::string>(), option.at("zh").get<std::string>(),
                           option.at("score").get<int>()});
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

void install_shipped_substance_table(db::Connection& db) {
  db::Transaction transaction(db, true);
  db::take_turn_to_install(db, db::StartupInstall::substance_table);
  if (current_table(db)) return;
  const auto table = nlohmann::json::parse(embedded::data_file("envrisk/hj169-2018-table-b1.json"));
  const auto notes = nlohmann::json::parse(embedded::data_file("envrisk/substance-notes.json"));
  const auto scores = nlohmann::json::parse(embedded::data_file("envrisk/control-scores.json"));
  std::map<std::string, std::string> states;
  for (const auto& s : notes.at("physical_states")) states[s.at("name")] = s.at("state");
  const nlohmann::json control_scores = {{"air", scores.at("air")}, {"water", scores.at("water")}};
  const auto id = insert_table(
      db, {0, 1, kShippedNote, control_scores.dump(), std::nullopt, format_utc(SystemClock().now())});
  for (const auto& e : table.at("entries")) {
    const auto name = e.at("name").get<std::string>();
    insert_substance(db, id,
                     {0, name, text_or_empty(e["cas"]), e.at("critical_t").get<double>(),
                      text_or_empty(e["part"]), states.count(name) ? states[name] : "", source_of(e)});
  }
  for (const auto& a : notes.at("aliases"))
    insert_alias(db, id, {a.at("alias"), a.at("name"), a.at("basis")});
  for (const auto& n : notes.at("not_risk_substances"))
    insert_alias(db, id, {n.at("name"), "", n.at("basis")});
  transaction.commit();
}

TableVersion require_current_table(db::Connection& db) {
  auto table = current_table(db);
  if (!table) throw std::logic_error("no HJ 941 substance table installed");
  return *table;
}

ScoreTable score_table_of(const TableVersion& table) {
  const auto scores = nlohmann::json::parse(table.control_scores);
  return {control_items(scores.at("air")), control_items(scores.at("water"))};
}

nlohmann::json table_ref_json(const TableVersion& table) {
  return {{"id", table.id},
          {"version", table.version},
          {"note", table.note},
          {"published_at", table.published_at}};
}

std::optional<SubstanceRow> resolve_substance(db::Connection& db, const TableVersion& table,
                                              const SubstanceRef& ref, Fields& fields,
                                              const std::string& field) {
  if (ref.id) {
    if (auto row = substance_by_id(db, table.id, *ref.id)) return row;
    fields.add_error(field + ".substance_id", "unknown_substance",
                     "风险物质表（第" + std::to_string(table.version) + "版）中没有该物质",
                     "no such substance in version " + std::to_string(table.version) + " of the table");
    return std::nullopt;
  }
  if (!ref.name.empty()) {
    if (auto row = substance_by_name(db, table.id, ref.name)) return row;
    if (auto alias = alias_exact(db, table.id, ref.name)) {
      if (!alias->substance_name.empty()) return substance_by_name(db, table.id, alias->substance_name);
      fields.add_error(field + ".name", "not_a_risk_substance", ref.name + "不是风险物质表中的风险物质",
                       ref.name + " is not a risk substance of the table");
      return std::nullopt;
    }
  }
  if (!ref.cas.empty()) {
    auto rows = substances_by_cas(db, table.id, ref.cas);
    if (rows.size() == 1) return rows.front();
    if (rows.size() > 1) {
      std::string names;
      for (const auto& r : rows) {
        if (!names.empty()) names += "、";
        names += r.name;
      }
      fields.add_error(field + ".cas", "ambiguous_cas",
                       "CAS 号 " + ref.cas + " 对应多个物质（" + names + "），请按名称选择",
                       "CAS " + ref.cas + " names several substances; choose one by name");
      return std::nullopt;
    }
  }
  const auto key = ref.name.empty() ? field + ".cas" : field + ".name";
  const auto what = ref.name.empty() ? ref.cas : ref.name;
  fields.add_error(key, "unknown_substance", "风险物质表中没有“" + what + "”，请从表中选择",
                   "the substance table has no \"" + what + "\"; choose one from the table");
  return std::nullopt;
}

nlohmann::json substance_json(const SubstanceRow& row) {
  const auto media = default_media(row.part, row.physical_state);
  return {{"id", row.id},         {"name", row.name},
          {"cas", row.cas},       {"critical_t", row.critical_t},
          {"part", row.part},     {"physical_state", row.physical_state},
          {"source", row.source}, {"air", media.air},
          {"water", media.water}};
}

nlohmann::json search_substances(const accounts::Operation& op,
                                 const std::map<std::string, std::string>& query) {
  const auto table = require_current_table(op.db);
  const auto q = query_text(query, "q", 100).value_or("");
  nlohmann::json items = nlohmann::json::array(), not_risk = nlohmann::json::array();
  for (const auto& row : envrisk::search_substances(op.db, table.id, q, kSearchLimit))
    items.push_back(substance_json(row));
  if (!q.empty())
    for (const auto& alias : aliases_matching(op.db, table.id, q))
      if (alias.substance_name.empty()) not_risk.push_back({{"name", alias.alias}, {"basis", alias.basis}});
  return {{"table", table_ref_json(table)}, {"items", items}, {"not_risk_substances", not_risk}};
}

}  // namespace rw::envrisk
