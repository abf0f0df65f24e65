#pragma once
// Checklist templates as reference data every party reads; the platform keeps them. An edit is a new version,
// so the inspections opened with an earlier one keep it.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "accounts/operation.hpp"

namespace rw::inspections {

// {items: [{id, code, version, name, service_types, shipped, created_at}]}: the newest version of each
// template, or every version with all_versions=true.
nlohmann::json list_templates(const accounts::Operation& op, const std::map<std::string, std::string>& query);
// The template with its whole body.
nlohmann::json get_template(const accounts::Operation& op, std::int64_t id);
// Stores a template (a new code, or a newer version of one): 422 `invalid_template` naming the JSON path;
// 409 `template_version_exists` unless its version is above the newest stored.
nlohmann::json create_template(const accounts::Operation& op, const nlohmann::json& body);

// A template as an XLSForm workbook (forms/xlsform.hpp), with what names its file.
struct TemplateWorkbook {
  std::string bytes;
  std::string code;
  std::string name;
  int version = 0;
};
TemplateWorkbook template_xlsform(const accounts::Operation& op, std::int64_t id);
// Stores the template an uploaded XLSForm describes, as create_template does; 422 `invalid_xlsform` naming
// the sheet, row and column of what cannot be mapped.
nlohmann::json create_template_from_xlsform(const accounts::Operation& op, std::string_view xlsx);

}  // namespace rw::inspections
