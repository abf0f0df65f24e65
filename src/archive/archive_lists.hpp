#pragma once
// The required-document lists of the archive as versioned reference data: shipped in
// data/archive/document-lists.json (xuzhou E.1, guilin E.1 and E.2, wuxi 附件3), installed at start, read
// as their newest version. An archive records which version its documents were filed under.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "archive/archive_rules.hpp"
#include "platform/db/database.hpp"

namespace rw::archive {

// Adds the shipped lists whose (code, version) the database does not have. Own transaction; safe at every
// start.
void install_shipped_lists(db::Connection& db);

std::vector<DocumentList> current_lists(db::Connection& db);
std::optional<DocumentList> current_list(db::Connection& db, const std::string& code);

// {code, version, source, subject, name_zh, name_en, reference, note_zh, paper_column, reason_for_no, items}
nlohmann::json list_json(const DocumentList& list);

}  // namespace rw::archive
