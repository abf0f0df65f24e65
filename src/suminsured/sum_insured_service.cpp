#include "suminsured/sum_insured_service.hpp"

#include <nlohmann/json.hpp>

#include "access/entities.hpp"
#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"
#include "registry/industries.hpp"
#include "registry/vocabularies.hpp"
#include "suminsured/sum_insured_store.hpp"

namespace rw::suminsured {
namespace {

constexpr std::int64_t kMaxVersion = 1'000'000;  // path ids beyond any real version are simply absent

bool shipped_industry(std::string_view code) {
  return registry::IndustryTable::shipped().find(code) != nullptr;
}

// Only insurers keep a table; another organization's is read by who sees that organization.
void require_insurer_visible(const accounts::Operation& op, std::int64_t org_id) {
  access::require_visible(op.db, op.actor, access::kOrganization, org_id);
  if (organization_type(op.db, org_id) != "insurer") throw not_found();
}

Table stored_table(const db::Row& row) {
  return read_table({{"name", row.text("name")},
                     {"note", row.text("note")},
                     {"bands", nlohmann::json::parse(row.text("bands"))}},
                    shipped_industry)
      .table;
}

TableRef example_ref() {
  const auto& table = example_table();
  return {std::nullopt, "", std::nullopt, table.name, table.note, true};
}

// The organization's latest table, or the example while it has none.
std::pair<Table, TableRef> table_in_use(db::Connection& db, std::optional<std::int64_t> org_id) {
  const auto row = org_id ? latest_version(db, *org_id) : std::nullopt;
  if (!row) return {example_table(), example_ref()};
  auto table = stored_table(*row);
  return {table,
          {org_id, row->text("org_name"), static_cast<int>(row->integer("version")), table.name, table.note,
           false}};
}

nlohmann::json ref_json(const TableRef& ref) {
  return {{"org_id", ref.org_id ? nlohmann::json(*ref.org_id) : nlohmann::json()},
          {"org_name", ref.org_name},
          {"version", ref.version ? nlohmann::json(*ref.version) : nlohmann::json()},
          {"name", ref.name},
          {"note", ref.note},
          {"is_example", ref.is_example},
          {"label", ref.is_example ? nlohmann::json(kExampleLabel) : nlohmann::json()}};
}

nlohmann::json version_json(const db::Row& row) {
  auto out = table_json(stored_table(row));
  out["version"] = row.integer("version");
  out["is_example"] = false;
  out["label"] = nullptr;
  out["published_at"] = row.text("published_at");
  out["published_by"] = {{"id", row.integer("published_by")}, {"name", row.text("publisher_name")}};
  return out;
}

nlohmann::json versions_json(db::Connection& db, std::int64_t org_id) {
  nlohmann::json out = nlohmann::json::array();
  const auto rows = versions_of(db, org_id);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out.push_back({{"version", rows[i].integer("version")},
                   {"name", rows[i].text("name")},
                   {"published_at", rows[i].text("published_at")},
                   {"published_by",
                    {{"id", rows[i].integer("published_by")}, {"name", rows[i].text("publisher_name")}}}});
  return out;
}

std::string risk_level_choice(Fields& fields) {
  static const std::set<std::string> levels{"general", "larger", "major"};
  return fields.required_choice("level", levels);
}

}  // namespace

nlohmann::json current_table(const accounts::Operation& op, std::int64_t org_id) {
  require_insurer_visible(op, org_id);
  const auto row = latest_version(op.db, org_id);
  nlohmann::json out;
  if (row) {
    out = version_json(*row);
  } else {
    out = table_json(example_table());
    out.update({{"version", nullptr},
                {"is_example", true},
                {"label", kExampleLabel},
                {"published_at", nullptr},
                {"published_by", nullptr}});
  }
  out["org_id"] = org_id;
  out["versions"] = versions_json(op.db, org_id);
  return out;
}

nlohmann::json table_version(const accounts::Operation& op, std::int64_t org_id, std::int64_t version) {
  require_insurer_visible(op, org_id);
  if (version > kMaxVersion) throw not_found();
  const auto row = version_of(op.db, org_id, static_cast<int>(version));
  if (!row) throw not_found();
  auto out = version_json(*row);
  out["org_id"] = org_id;
  return out;
}

nlohmann::json example(const accounts::Operation&) {
  auto out = table_json(example_table());
  out["label"] = kExampleLabel;
  return out;
}

nlohmann::json publish_table(const accounts::Operation& op, std::int64_t org_id, const nlohmann::json& body) {
  require_insurer_visible(op, org_id);
  // An insurer edits its own table only: neither the platform nor a head office writes for another.
  if (op.actor.org_type != "insurer" || org_id != op.actor.org_id) throw forbidden();
  auto read = read_table(body, shipped_industry);
  if (!read.errors.empty()) throw validation_failed(std::move(read.errors));
  const auto bands = table_json(read.table)["bands"];
  nlohmann::json stored = nlohmann::json::array();
  for (const auto& band : bands)
    stored.push_back({{"level", band["level"]},
                      {"scale", band["scale"]},
                      {"industry", band["industry"]},
                      {"min_wan", band["min_wan"]},
                      {"max_wan", band["max_wan"]}});
  const int version = insert_version(
      op.db, {org_id, read.table.name, read.table.note, stored.dump(), op.actor.id}, op.now_text());
  audit::record(op, {"sum_insured_table",
                     std::to_string(org_id) + ":" + std::to_string(version),
                     "create",
                     org_id,
                     {{"name", read.table.name}, {"bands", read.table.bands.size()}}});
  return current_table(op, org_id);
}

Suggestion suggest_for_enterprise(const accounts::Operation& op, std::int64_t enterprise_id,
                                  const std::string& level) {
  // The enterprise is a field of the request: one the caller may not see is as unknown as a missing one.
  const auto enterprise = access::is_visible(op.db, op.actor, access::kEnterprise, enterprise_id)
                              ? enterprise_for_suggestion(op.db, enterprise_id)
                              : std::nullopt;
  if (!enterprise)
    throw invalid_field("enterprise_id", "unknown_enterprise", "企业不存在或无权查看", "no such enterprise");
  const auto [table, ref] = table_in_use(op.db, enterprise->optional_integer("insurer_org_id"));
  const auto code = enterprise->text("industry_code");
  return {pick_band(table.bands, level, enterprise->text("scale"), code,
                    registry::IndustryTable::shipped().section_of(code)),
          ref};
}

nlohmann::json suggest(const accounts::Operation& op, const nlohmann::json& body) {
  Fields fields(body);
  const auto level = risk_level_choice(fields);
  const auto enterprise_id = fields.optional_id("enterprise_id");
  std::optional<std::string> scale;
  if (!enterprise_id) scale = fields.required_choice("scale", registry::enterprise_scales().values());
  const auto industry = fields.optional_text("industry_code", 10).value_or("");
  if (!industry.empty() && !shipped_industry(industry))
    fields.add_error("industry_code", "unknown_industry", "不是国民经济行业分类（GB/T 4754）的行业代码",
                     "is not a GB/T 4754 class code");
  fields.finish();
  if (enterprise_id) return suggestion_json(suggest_for_enterprise(op, *enterprise_id, level));
  const bool insurer = op.actor.org_type == "insurer";
  const auto [table, ref] = table_in_use(op.db, insurer ? std::optional(op.actor.org_id) : std::nullopt);
  return suggestion_json({pick_band(table.bands, level, *scale, industry,
                                    registry::IndustryTable::shipped().section_of(industry)),
                          ref});
}

nlohmann::json suggestion_json(const Suggestion& suggestion) {
  return {{"band", suggestion.band ? band_json(*suggestion.band) : nlohmann::json()},
          {"table", ref_json(suggestion.table)}};
}

}  // namespace rw::suminsured
