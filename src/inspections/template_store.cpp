#include "inspections/template_store.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <set>
#include <utility>

#include "accounts/password.hpp"
#include "forms/shipped.hpp"
#include "platform/clock.hpp"
#include "platform/db/kept_when_committed.hpp"
#include "platform/db/startup_install.hpp"
#include "platform/json_with_raw.hpp"

namespace rw::inspections {
namespace {

constexpr const char* kSelectTemplateToken =
    "SELECT body_token, shipped, created_at FROM checklist_templates WHERE id = ?";
constexpr const char* kSelectTemplateBody = "SELECT body FROM checklist_templates WHERE id = ?";
constexpr const char* kSelectNewest =
    "SELECT t.id, t.code, t.version, t.name, t.service_types, t.shipped, t.created_at FROM "
    "checklist_templates t "
    "WHERE t.version = (SELECT MAX(n.version) FROM checklist_templates n WHERE n.code = t.code) "
    "ORDER BY t.code";
constexpr const char* kSelectEvery =
    "SELECT t.id, t.code, t.version, t.name, t.service_types, t.shipped, t.created_at FROM "
    "checklist_templates t "
    "ORDER BY t.code, t.version";
constexpr const char* kSelectNewestVersion =
    "SELECT MAX(version) AS v FROM checklist_templates WHERE code = ?";
constexpr const char* kSelectVersions = "SELECT code, version FROM checklist_templates";
constexpr const char* kInsertTemplate =
    "INSERT INTO checklist_templates (code, version, name, body, body_token, service_types, shipped, "
    "created_at, created_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// The codes of the visit's service types; the templates' links are matched in C++ (a handful of rows).
constexpr const char* kSelectVisitTypeCodes =
    "SELECT t.code FROM visit_service_types vst "
    "JOIN service_type_versions v ON v.id = vst.service_type_version_id "
    "JOIN service_types t ON t.id = v.type_id WHERE vst.visit_id = ?";

}  // namespace

std::shared_ptr<const StoredTemplate> find_template(db::Connection& db, std::int64_t id) {
  static db::KeptWhenCommitted<std::shared_ptr<const StoredTemplate>> committed(4096);
  if (auto kept = committed.find(db, id)) return *kept;
  // Read inside a transaction: used again while the row's token is the same.
  using Key = std::pair<std::uint64_t, std::int64_t>;  // the database, the template
  struct Parsed {
    std::string token;
    std::shared_ptr<const StoredTemplate> stored;
  };
  static std::mutex mutex;
  static std::map<Key, Parsed> by_token;
  const Key key{db.database_serial(), id};
  const auto rows = db.query(kSelectTemplateToken, {id});
  if (rows.empty()) return nullptr;
  const auto token = rows[0].text("body_token");
  std::shared_ptr<const StoredTemplate> stored;
  {
    std::lock_guard lock(mutex);
    if (const auto found = by_token.find(key); found != by_token.end() && found->second.token == token)
      stored = found->second.stored;
  }
  if (!stored) {
    auto form =
        forms::parse_template(nlohmann::json::parse(db.query(kSelectTemplateBody, {id})[0].text("body")));
    auto body_json = std::make_shared<const std::string>(api_dump(form.body));
    stored = std::make_shared<const StoredTemplate>(
        StoredTemplate{id, std::move(form), rows[0].integer("shipped") != 0, rows[0].text("created_at"),
                       std::move(body_json)});
  }
  if (!committed.keep(db, id, stored)) {
    std::lock_guard lock(mutex);
    by_token.insert_or_assign(key, Parsed{token, stored});
  }
  return stored;
}

db::Rows template_rows(db::Connection& db, bool every_version) {
  return db.query(every_version ? kSelectEvery : kSelectNewest, {});
}

std::optional<int> newest_version(db::Connection& db, const std::string& code) {
  auto rows = db.query(kSelectNewestVersion, {code});
  if (rows.empty() || rows[0].is_null("v")) return std::nullopt;
  return static_cast<int>(rows[0].integer("v"));
}

std::int64_t insert_template(db::Connection& db, const forms::Template& form, bool shipped,
                             std::optional<std::int64_t> created_by, const std::string& now) {
  return db
      .query(kInsertTemplate, {form.code, std::int64_t{form.version}, form.name, form.body.dump(),
                               accounts::random_token(), nlohmann::json(form.service_types).dump(),
                               std::int64_t{shipped}, now, db::optional_value(created_by)})[0]
      .integer("id");
}

std::vector<std::int64_t> templates_for_visit(db::Connection& db, std::int64_t visit_id) {
  std::set<std::string> codes;
  const auto type_rows = db.query(kSelectVisitTypeCodes, {visit_id});
  for (std::size_t i = 0; i < type_rows.size(); ++i) codes.insert(type_rows[i].text("code"));
  std::vector<std::int64_t> out;
  if (codes.empty()) return out;
  const auto rows = template_rows(db, false);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (const auto& type : nlohmann::json::parse(rows[i].text("service_types")))
      if (codes.count(type.get<std::string>())) {
        out.push_back(rows[i].integer("id"));
        break;
      }
  return out;
}

void install_shipped_templates(db::Connection& db) {
  const auto now = format_utc(SystemClock().now());
  db::Transaction transaction(db, true);
  db::take_turn_to_install(db, db::StartupInstall::checklist_templates);
  std::set<std::pair<std::string, std::int64_t>> present;
  const auto rows = db.query(kSelectVersions, {});
  for (std::size_t i = 0; i < rows.size(); ++i)
    present.emplace(rows[i].text("code"), rows[i].integer("version"));
  for (const auto& form : forms::shipped_templates())
    if (!present.count({form.code, form.version})) insert_template(db, form, true, std::nullopt, now);
  transaction.commit();
}

}  // namespace rw::inspections
