#pragma once
// Checklist templates in the database: each (code, version) stored once and never changed.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "forms/template.hpp"
#include "platform/db/database.hpp"

namespace rw::inspections {

struct StoredTemplate {
  std::int64_t id = 0;
  forms::Template form;
  bool shipped = false;
  std::string created_at;
  std::shared_ptr<const std::string> body_json;  // form.body as the API serializes it, once
};

// Parsed once per process and database and kept: parsing and checking a template against its JSON Schema
// took most of an answer's time, and reading its body (up to 94 KB) each time a tenth of it. A template row
// never changes once committed, so one read outside a transaction is kept outright and later uses send no
// statement. One read inside a transaction may roll back and leave its id to another: it is used again only
// while the row's random body token (V032) is the same.
std::shared_ptr<const StoredTemplate> find_template(db::Connection& db, std::int64_t id);
// The newest version of each code (all versions when `every_version`), by code then version.
db::Rows template_rows(db::Connection& db, bool every_version);
std::optional<int> newest_version(db::Connection& db, const std::string& code);
std::int64_t insert_template(db::Connection& db, const forms::Template& form, bool shipped,
                             std::optional<std::int64_t> created_by, const std::string& now);
// The newest version of every template linked to one of the visit's service types.
std::vector<std::int64_t> templates_for_visit(db::Connection& db, std::int64_t visit_id);

// Adds each shipped template (data/checklists/) whose code and version the database lacks.
void install_shipped_templates(db::Connection& db);

}  // namespace rw::inspections
