#include "services/catalog.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include "platform/clock.hpp"
#include "platform/db/startup_install.hpp"
#include "platform/errors.hpp"
#include "services/catalog_store.hpp"

namespace rw::services {
namespace {

// The versions matching `filter` whose `column` is one of `ids`, by their `key`.
std::map<std::int64_t, ServiceRules> rules_by(db::Connection& db, SqlFilter filter, const std::string& column,
                                              std::int64_t ServiceRules::*key,
                                              const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, ServiceRules> out;
  if (ids.empty()) return out;
  filter.add(column + " IN (" + placeholders(ids.size()) + ")", db::Params(ids.begin(), ids.end()));
  auto rows = db.query(std::string(kSelectTypeVersions) + filter.sql(), filter.params());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto rules = rules_from_row(rows[i]);
    out[rules.*key] = std::move(rules);
  }
  return out;
}

}  // namespace

std::vector<ServiceRules> current_service_rules(db::Connection& db, const std::vector<std::int64_t>& type_ids,
                                                std::string_view field) {
  auto active = current_versions();
  active.add("t.active = 1", db::Params{});
  const auto found = rules_by(db, active, "t.id", &ServiceRules::type_id, type_ids);
  std::vector<ServiceRules> out;
  std::string unknown;
  for (const auto id : type_ids) {
    if (auto it = found.find(id); it != found.end())
      out.push_back(it->second);
    else
      unknown += (unknown.empty() ? "" : ", ") + std::to_string(id);
  }
  if (!unknown.empty())
    throw invalid_field(std::string(field), "unknown_service_type", "服务类型不存在或已停用：" + unknown,
                        "unknown or inactive service types: " + unknown);
  return out;
}

std::vector<ServiceRules> service_rules_of_versions(db::Connection& db,
                                                    const std::vector<std::int64_t>& version_ids) {
  const auto found = rules_by(db, SqlFilter(), "v.id", &ServiceRules::version_id, version_ids);
  std::vector<ServiceRules> out;
  for (const auto id : version_ids) {
    auto it = found.find(id);
    if (it == found.end()) throw std::out_of_range("no service type version " + std::to_string(id));
    out.push_back(it->second);
  }
  return out;
}

void install_shipped_catalog(db::Connection& db) {
  const auto& catalog = shipped_catalog();
  const auto now = format_utc(SystemClock().now());
  db::Transaction transaction(db, true);
  db::take_turn_to_install(db, db::StartupInstall::service_catalog);
  auto classes = class_ids(db);
  for (const auto& c : catalog.at("classes")) {
    const auto code = c.at("code").get<std::string>();
    if (classes.count(code)) continue;
    classes[code] =
        insert_service_class(db,
                             {code, c.at("source").get<std::string>(), c.at("name_zh").get<std::string>(),
                              c.at("name_en").get<std::string>(), c.at("reference").get<std::string>()},
                             now);
  }
  std::set<std::string> class_codes;
  for (const auto& [code, id] : classes) class_codes.insert(code);
  for (auto type : catalog.at("types")) {
    // The file names the class "class"; the API, whose checks the file must pass too, "class_code".
    type["class_code"] = type.at("class");
    if (type_with_code(db, type.at("code").get<std::string>())) continue;
    Fields fields(type);
    auto input = read_service_type(fields, class_codes);
    if (!fields.ok())
      throw std::logic_error("data/catalog/service-catalog.json: type " + input.rules.code + ": " +
                             fields.errors().front().field + " " + fields.errors().front().message_en);
    input.rules.checklists = type.at("checklists").get<std::vector<std::int64_t>>();
    insert_service_type(db, input, classes.at(input.rules.class_code), std::nullopt, now);
  }
  transaction.commit();
}

}  // namespace rw::services
