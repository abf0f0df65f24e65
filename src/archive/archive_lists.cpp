#include "archive/archive_lists.hpp"

#include <nlohmann/json.hpp>

#include "archive/archive_store.hpp"
#include "audit/audit_log.hpp"
#include "platform/clock.hpp"
#include "platform/db/startup_install.hpp"
#include "platform/embedded.hpp"

namespace rw::archive {
namespace {

DocumentList from_row(const db::Row& row) {
  auto list = parse_list(nlohmann::json::parse(row.text("body")));
  list.id = row.integer("id");
  return list;
}

ApiError unknown_list() {
  return {ErrorKind::not_found, "unknown_archive_list", "没有这个档案清单", "No such archive list"};
}

}  // namespace

void install_shipped_lists(db::Connection& db) {
  const auto shipped = nlohmann::json::parse(embedded::data_file("archive/document-lists.json"));
  const auto now = format_utc(SystemClock().now());
  db::Transaction transaction(db, true);
  db::take_turn_to_install(db, db::StartupInstall::archive_lists);
  for (const auto& body : shipped.at("lists")) {
    const auto list = parse_list(body);
    if (!list_version_exists(db, list.code, list.version)) insert_list(db, list, body.dump(), now);
  }
  transaction.commit();
}

std::vector<DocumentList> current_lists(db::Connection& db) {
  std::vector<DocumentList> out;
  const auto rows = current_list_rows(db);
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(from_row(rows[i]));
  return out;
}

std::optional<DocumentList> current_list(db::Connection& db, const std::string& code) {
  const auto row = current_list_row(db, code);
  if (!row) return std::nullopt;
  return from_row(*row);
}

nlohmann::json list_json(const DocumentList& list) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : list.items)
    items.push_back(
        {{"code", item.code},
         {"name_zh", item.name_zh},
         {"name_en", item.name_en},
         {"category_zh", item.category_zh},
         {"category_en", item.category_en},
         {"expiry", item.expiry},
         {"revise_years", item.revise_years ? nlohmann::json(item.revise_years) : nlohmann::json()},
         {"held_as", item.held_as}});
  return {{"code", list.code},
          {"version", list.version},
          {"source", list.source},
          {"subject", list.subject},
          {"name_zh", list.name_zh},
          {"name_en", list.name_en},
          {"reference", list.reference},
          {"note_zh", list.note_zh},
          {"paper_column", list.paper_column},
          {"reason_for_no", list.reason_for_no},
          {"items", std::move(items)}};
}

nlohmann::json publish_list(const accounts::Operation& op, const std::string& code,
                            const nlohmann::json& body) {
  accounts::require_permission(op.actor, "catalog:write");
  const auto current = current_list(op.db, code);
  if (!current) throw unknown_list();
  // The code and the version are the path's and the next; the body is stored as the version's text.
  auto stored = body;
  stored["code"] = code;
  stored["version"] = current->version + 1;
  auto read = read_list(stored);
  if (read.errors.empty() && read.list.subject != current->subject)
    read.errors.push_back({"subject", "subject_changed", "清单的适用对象不能改变（企业或园区）",
                           "a list stays about enterprises or about parks"});
  // Nothing filed may be hidden (wuxi 第十八条): every item with documents or a recorded state stays.
  if (read.errors.empty())
    for (const auto& item : recorded_item_codes(op.db, code))
      if (!read.list.find(item))
        read.errors.push_back({"categories", "filed_item_removed",
                               "资料 " + item + " 已有归档记录，新版本不能删除该项",
                               "item " + item + " has filed records; the new version must keep it"});
  if (!read.errors.empty()) throw validation_failed(std::move(read.errors));
  insert_list(op.db, read.list, stored.dump(), op.now_text());
  auto published = list_json(*current_list(op.db, code));
  audit::record(op, {"archive_list",
                     code + ":" + std::to_string(read.list.version),
                     "create",
                     op.actor.org_id,
                     {{"code", code}, {"version", read.list.version}, {"items", read.list.items.size()}}});
  return published;
}

}  // namespace rw::archive
