#include "envrisk/table_publishing.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <map>
#include <set>

#include "audit/audit_log.hpp"
#include "envrisk/substance_catalog.hpp"
#include "envrisk/substance_store.hpp"
#include "platform/json_nested.hpp"

namespace rw::envrisk {
namespace {

constexpr std::size_t kMaxRows = 2000;
constexpr std::size_t kMaxControlItems = 30;
constexpr std::size_t kMaxOptions = 10;
// risk-methods.md: each medium's control items add up to 70, so M reaches 100 with the process part's 30.
constexpr int kControlTotal = 70;

const std::set<std::string> kParts{"", "1", "2", "3", "4", "5", "6", "7", "8", "1|2"};
const std::set<std::string> kStates{"", "gas", "liquid", "solid"};

std::string at(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }

// A CAS registry number: digits-2 digits-check digit, the check digit the weighted sum of the others mod 10.
bool valid_cas(const std::string& cas) {
  const auto first = cas.find('-'), last = cas.rfind('-');
  if (first == std::string::npos || first < 2 || first > 7 || last != first + 3 || last + 2 != cas.size())
    return false;
  int sum = 0, weight = 1;
  for (std::size_t i = last; i-- > 0;) {
    if (cas[i] == '-') continue;
    if (!std::isdigit(static_cast<unsigned char>(cas[i]))) return false;
    sum += (cas[i] - '0') * weight++;
  }
  return std::isdigit(static_cast<unsigned char>(cas.back())) && sum % 10 == cas.back() - '0';
}

// The array under `key`, or nullptr when absent; an error when it is not a list of at most kMaxRows.
const nlohmann::json* list_at(const nlohmann::json& body, const char* key, std::vector<FieldError>& errors) {
  const auto found = body.find(key);
  if (found == body.end() || found->is_null()) return nullptr;
  if (found->is_array() && found->size() <= kMaxRows) return &*found;
  errors.push_back({key, "wrong_type", "应为不超过 2000 项的列表", "must be a list of at most 2000 entries"});
  return nullptr;
}

struct Draft {
  std::map<std::string, SubstanceRow> substances;
  std::map<std::string, AliasRow> aliases;
  std::string control_scores;
  std::vector<FieldError> errors;
};

void correct_substances(const nlohmann::json& rows, Draft& draft) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Fields f(object_or_empty(rows[i]));
    const auto name = f.required_text("name", 1, 100);
    // A correction starts from the row in force; a new substance from nothing but its name.
    SubstanceRow row;
    if (const auto found = draft.substances.find(name); found != draft.substances.end()) row = found->second;
    row.name = name;
    if (const auto cas = f.optional_text("cas", 20)) row.cas = *cas;
    if (const auto t = f.optional_number("critical_t", 0, 1e6)) row.critical_t = *t;
    if (const auto part = f.optional_choice("part", kParts)) row.part = *part;
    if (const auto state = f.optional_choice("physical_state", kStates)) row.physical_state = *state;
    if (const auto source = f.optional_text("source", 200)) row.source = *source;
    if (row.critical_t <= 0 && !f.present("critical_t"))
      f.add_error("critical_t", "required", "新物质应给出临界量（吨）",
                  "a new substance needs its critical quantity");
    else if (f.present("critical_t") && row.critical_t <= 0 && f.ok())
      f.add_error("critical_t", "out_of_range", "临界量应大于 0（吨）", "must be above 0 t");
    if (!name.empty() && !seen.insert(name).second)
      f.add_error("name", "duplicate_substance", "同一物质出现两次", "names a substance twice");
    if (!row.cas.empty() && !valid_cas(row.cas))
      f.add_error("cas", "invalid_cas", "CAS 号格式或校验位不对", "not a valid CAS number");
    add_nested_errors(at("substances", i), f, draft.errors);
    if (f.ok()) draft.substances[name] = row;
  }
}

void correct_aliases(const nlohmann::json& rows, Draft& draft) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Fields f(object_or_empty(rows[i]));
    const auto alias = f.required_text("alias", 1, 100);
    f.require("name");
    AliasRow row{alias, f.optional_text("name", 100).value_or(""),
                 f.optional_text("basis", 500).value_or("")};
    if (!alias.empty() && !seen.insert(alias).second)
      f.add_error("alias", "duplicate_alias", "同一写法出现两次", "gives a name twice");
    else if (draft.substances.count(alias))
      f.add_error("alias", "alias_is_a_substance", "该写法就是表中的物质名称", "is a substance's own name");
    if (!row.substance_name.empty() && !draft.substances.count(row.substance_name))
      f.add_error("name", "unknown_substance", "新版本中没有该物质", "no such substance in the new version");
    add_nested_errors(at("aliases", i), f, draft.errors);
    if (f.ok()) draft.aliases[alias] = row;
  }
}

void remove_names(const nlohmann::json& rows, const char* list, bool substances, Draft& draft) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto name = rows[i].is_string() ? rows[i].get<std::string>() : std::string();
    const bool known = substances ? draft.substances.erase(name) > 0 : draft.aliases.erase(name) > 0;
    if (!known)
      draft.errors.push_back({at(list, i), "unknown_name", "当前版本中没有“" + name + "”",
                              "the version in force has no \"" + name + "\""});
  }
}

// After removals: every alias still names a substance of the new version.
void check_aliases_point(Draft& draft) {
  for (const auto& [alias, row] : draft.aliases)
    if (!row.substance_name.empty() && !draft.substances.count(row.substance_name))
      draft.errors.push_back(
          {"remove_substances", "still_aliased",
           "“" + alias + "”仍指向被删除的" + row.substance_name + "，请同时修改或删除该写法",
           "\"" + alias + "\" still names the removed " + row.substance_name});
}

// One medium's items of 表2 or 表7: codes unique, options scored 0..70, the worst answers adding up to 70 at
// most.
void check_medium(const nlohmann::json& items, const std::string& path, std::vector<FieldError>& errors) {
  if (!items.is_array() || items.empty() || items.size() > kMaxControlItems) {
    errors.push_back({path, "wrong_size", "应为 1 至 30 项的列表", "must be a list of 1 to 30 items"});
    return;
  }
  std::set<std::string> codes;
  int worst_total = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto item_path = path + "[" + std::to_string(i) + "]";
    Fields f(object_or_empty(items[i]));
    const auto code = f.required_text("code", 1, 60);
    f.required_text("zh", 1, 200);
    if (!code.empty() && !codes.insert(code).second)
      f.add_error("code", "duplicate_code", "编号重复", "repeats a code");
    add_nested_errors(item_path, f, errors);
    const auto& options = member(items[i], "options");
    if (!options.is_array() || options.empty() || options.size() > kMaxOptions) {
      errors.push_back(
          {item_path + ".options", "wrong_size", "应为 1 至 10 个选项", "must be 1 to 10 options"});
      continue;
    }
    int worst = 0;
    std::set<std::string> option_codes;
    for (std::size_t o = 0; o < options.size(); ++o) {
      Fields of(object_or_empty(options[o]));
      const auto option_code = of.required_text("code", 1, 60);
      of.required_text("zh", 1, 200);
      of.require("score");
      const auto score = of.optional_integer("score", 0, kControlTotal);
      if (!option_code.empty() && !option_codes.insert(option_code).second)
        of.add_error("code", "duplicate_code", "选项编号重复", "repeats an option's code");
      add_nested_errors(item_path + ".options[" + std::to_string(o) + "]", of, errors);
      worst = std::max(worst, static_cast<int>(score.value_or(0)));
    }
    worst_total += worst;
  }
  if (worst_total > kControlTotal)
    errors.push_back({path, "scores_exceed_70", "各项最高分合计不得超过 70 分（M 值最高 100）",
                      "the items' highest scores add up to more than 70 (M reaches at most 100)"});
}

void replace_scores(const nlohmann::json& body, Draft& draft) {
  const auto found = body.find("control_scores");
  if (found == body.end() || found->is_null()) return;
  if (!found->is_object()) {
    draft.errors.push_back({"control_scores", "wrong_type", "应为 {air, water}", "must be {air, water}"});
    return;
  }
  const auto before = draft.errors.size();
  const auto &air = member(*found, "air"), &water = member(*found, "water");
  check_medium(air, "control_scores.air", draft.errors);
  check_medium(water, "control_scores.water", draft.errors);
  if (draft.errors.size() == before)
    draft.control_scores = nlohmann::json{{"air", air}, {"water", water}}.dump();
}

Draft draft_of(db::Connection& db, const TableVersion& current) {
  Draft draft;
  for (auto& row : all_substances(db, current.id)) draft.substances[row.name] = row;
  for (auto& row : all_aliases(db, current.id)) draft.aliases[row.alias] = row;
  draft.control_scores = current.control_scores;
  return draft;
}

}  // namespace

nlohmann::json publish_table(const accounts::Operation& op, const nlohmann::json& body) {
  accounts::require_permission(op.actor, "catalog:write");
  const auto current = require_current_table(op.db);
  auto draft = draft_of(op.db, current);
  Fields fields(body);
  const auto note = fields.required_text("note", 1, 500);
  draft.errors = fields.errors();
  const auto* substances = list_at(body, "substances", draft.errors);
  const auto* removed = list_at(body, "remove_substances", draft.errors);
  const auto* aliases = list_at(body, "aliases", draft.errors);
  const auto* removed_aliases = list_at(body, "remove_aliases", draft.errors);
  if (removed) remove_names(*removed, "remove_substances", true, draft);
  if (substances) correct_substances(*substances, draft);
  if (removed_aliases) remove_names(*removed_aliases, "remove_aliases", false, draft);
  if (aliases) correct_aliases(*aliases, draft);
  check_aliases_point(draft);
  replace_scores(body, draft);
  if (!substances && !removed && !aliases && !removed_aliases && !body.contains("control_scores"))
    draft.errors.push_back({"", "nothing_to_publish", "没有任何更正", "no correction given"});
  if (draft.substances.empty())
    draft.errors.push_back(
        {"remove_substances", "table_empty", "新版本不能没有物质", "the table cannot be empty"});
  if (!draft.errors.empty()) throw validation_failed(std::move(draft.errors));

  const TableVersion table{0, current.version + 1, note, draft.control_scores, op.actor.id, op.now_text()};
  const auto id = insert_table(op.db, table);
  for (const auto& [name, row] : draft.substances) insert_substance(op.db, id, row);
  for (const auto& [alias, row] : draft.aliases) insert_alias(op.db, id, row);
  auto out = table_ref_json(*table_by_id(op.db, id));
  out.update({{"substances", draft.substances.size()},
              {"aliases", draft.aliases.size()},
              {"previous_version", current.version}});
  audit::record(op, {"env_risk_table",
                     std::to_string(id),
                     "create",
                     op.actor.org_id,
                     {{"version", table.version}, {"note", note}, {"previous_version", current.version}}});
  return out;
}

}  // namespace rw::envrisk
