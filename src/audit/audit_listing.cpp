#include "audit/audit_listing.hpp"

#include <set>

#include "access/visibility.hpp"
#include "audit/audit_batch.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"
#include "spreadsheet/table.hpp"

namespace rw::audit {
namespace {

constexpr const char* kSelectEntries =
    "SELECT id, at, user_id, username, org_id, entity, entity_id, action, changes, request_id, batch_id "
    "FROM audit_log a";

constexpr const char* kSelectRecordHistory =
    "SELECT a.at, a.user_id, u.display_name, a.changes FROM audit_log a LEFT JOIN users u ON u.id = "
    "a.user_id "
    "WHERE a.entity = ? AND a.entity_id = ? AND a.action = ? ORDER BY a.id";

// The export holds at most this many entries, newest first; a narrower period gives older ones.
constexpr std::size_t kExportLimit = 100'000;

// The entries the actor may see (the access model's kAuditEntry) that the query's filters select.
SqlFilter entry_filter(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  static const auto actions = [] {
    std::set<std::string> out;
    for (const auto& entry : audit_actions().to_json()) out.insert(entry["value"].get<std::string>());
    return out;
  }();
  SqlFilter where;
  where.add(access::read_filter(op.db, op.actor, access::kAuditEntry));
  if (auto entity = query_text(query, "entity", 40)) where.add("a.entity = ?", *entity);
  if (auto entity_id = query_text(query, "entity_id", 40)) where.add("a.entity_id = ?", *entity_id);
  if (auto user_id = query_id(query, "user_id")) where.add("a.user_id = ?", *user_id);
  if (auto batch_id = query_id(query, "batch_id")) where.add("a.batch_id = ?", *batch_id);
  if (auto action = query_choice(query, "action", actions)) where.add("a.action = ?", *action);
  for (const auto& [key, op] : {std::pair{"from", ">="}, std::pair{"to", "<"}}) {
    if (auto text = query_text(query, key, 20)) {
      Seconds t;
      if (!parse_utc(*text, t))
        throw invalid_field(key, "invalid_query", "应为 YYYY-MM-DD 或 ISO 时间",
                            "must be YYYY-MM-DD or an ISO time");
      where.add(std::string("a.at ") + op + " ?", format_utc(t));
    }
  }
  return where;
}

nlohmann::json changes_of(const db::Row& row) {
  auto changes = nlohmann::json::parse(row.text("changes"), nullptr, false);
  if (changes.is_discarded()) changes = nlohmann::json::object();
  if (!row.is_null("batch_id")) changes = expand_batch_changes(row.text("action"), changes);
  return changes;
}

}  // namespace

const Vocabulary& audit_actions() {
  static const Vocabulary vocabulary({{"create", "新增", "Create"},
                                      {"update", "修改", "Update"},
                                      {"delete", "删除", "Delete"},
                                      {"login", "登录", "Sign in"},
                                      {"logout", "退出", "Sign out"},
                                      {"password", "修改密码", "Password change"},
                                      {"end_sessions", "结束全部会话", "End all sessions"},
                                      {"archive", "归档", "Archive"},
                                      {"restore", "恢复", "Restore"},
                                      {"import", "导入", "Import"}});
  return vocabulary;
}

nlohmann::json list_entries(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto where = entry_filter(op, query);
  auto [rows, total] = select_page(op.db, kSelectEntries, CountFrom{"audit_log a"}, where, "a.id DESC", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows[i];
    const auto changes = changes_of(row);
    const auto batch_id = row.optional_integer("batch_id");
    items.push_back(
        {{"id", row.integer("id")},
         {"at", row.text("at")},
         {"user_id", row.is_null("user_id") ? nlohmann::json() : nlohmann::json(row.integer("user_id"))},
         {"username", row.text("username")},
         {"org_id", row.is_null("org_id") ? nlohmann::json() : nlohmann::json(row.integer("org_id"))},
         {"entity", row.text("entity")},
         {"entity_id", row.text("entity_id")},
         {"action", row.text("action")},
         {"changes", changes},
         {"request_id", row.text("request_id")},
         {"batch_id", batch_id ? nlohmann::json(*batch_id) : nlohmann::json()}});
  }
  return page_json(items, total, page);
}

std::string entries_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto where = entry_filter(op, query);
  const db::PlanEachRun planned(op.db);  // a party's rows: planned with its filter's values
  const auto rows = op.db.query(
      std::string(kSelectEntries) + where.sql() + " ORDER BY a.id DESC LIMIT " + std::to_string(kExportLimit),
      where.params());
  sheet::SheetData sheet{"操作日志",
                         {{"时间（UTC）", 22},
                          {"用户", 18},
                          {"操作", 12},
                          {"对象", 18},
                          {"对象编号", 12},
                          {"变更内容", 80},
                          {"请求编号", 20}},
                         {}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto changes = changes_of(row);
    sheet.rows.push_back({row.text("at"), row.text("username"), audit_actions().zh(row.text("action")),
                          row.text("entity"), row.text("entity_id"),
                          changes.empty() ? std::string() : changes.dump(), row.text("request_id")});
  }
  return sheet::write_xlsx({sheet});
}

nlohmann::json record_history(db::Connection& db, std::string_view entity, std::int64_t entity_id,
                              std::string_view action) {
  return record_history_json(db.query(record_history_of(entity, entity_id, action)));
}

db::Statement record_history_of(std::string_view entity, std::int64_t entity_id, std::string_view action) {
  return {kSelectRecordHistory, {std::string(entity), std::to_string(entity_id), std::string(action)}};
}

nlohmann::json record_history_json(const db::Rows& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto user = row.optional_integer("user_id");
    out.push_back({{"at", row.text("at")},
                   {"user", user ? nlohmann::json{{"id", *user}, {"name", row.text("display_name")}}
                                 : nlohmann::json()},
                   {"changes", nlohmann::json::parse(row.text("changes"), nullptr, false)}});
  }
  return out;
}

}  // namespace rw::audit
