#pragma once
// The required-document lists of the archive as versioned reference data: shipped in
// data/archive/document-lists.json (xuzhou E.1, guilin E.1 and E.2, wuxi 附件3), installed at start, read
// as their newest version. An archive records which version its documents were filed under.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "accounts/operation.hpp"
#include "archive/archive_rules.hpp"
#include "platform/db/database.hpp"

namespace rw::archive {

// Adds the shipped lists whose (code, version) the database does not have. Own transaction; safe at every
// start.
void install_shipped_lists(db::Connection& db);

std::vector<DocumentList> current_lists(db::Connection& db);
std::optional<DocumentList> current_list(db::Connection& db, const std::string& code);

// POST /archive/lists/{code}/versions (platform admins, catalog:write): the list's next version, from a body
// shaped as a shipped list without code and version. 422 naming the JSON path of every fault; a version may
// not drop an item with filed records (nothing hidden) nor change the subject. Returns the new version.
nlohmann::json publish_list(const accounts::Operation& op, const std::string& code,
                            const nlohmann::json& body);

// {code, version, source, subject, name_zh, name_en, reference, note_zh, paper_column, reason_for_no, items}
nlohmann::json list_json(const DocumentList& list);

}  // namespace rw::archive
