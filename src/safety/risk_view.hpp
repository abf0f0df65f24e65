#pragma once
// An enterprise's risk records read once and shaped for the page and the exports: each record as JSON (an
// assessment with its level and colour, a zone with the highest level of the risks linked to it) and the
// 风险清单 (Table 7) in order of level.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "safety/risk_records.hpp"
#include "safety/risk_store.hpp"

namespace rw::safety {

struct RiskView {
  std::string enterprise_name;
  nlohmann::json activities = nlohmann::json::array();
  nlohmann::json equipment = nlohmann::json::array();
  nlohmann::json assessments = nlohmann::json::array();
  nlohmann::json zones = nlohmann::json::array();
  std::optional<SitePlanRow> plan;
};

// The view of an enterprise the actor may see (404 otherwise), read with the access test's statement
// (access::visible_row_with); `also`: more reads to answer with it, their rows in `also`'s order.
struct VisibleView {
  RiskView view;
  std::vector<db::Rows> also;
};
VisibleView visible_view(db::Connection& db, const accounts::Actor& actor, std::int64_t enterprise_id,
                         std::vector<db::Statement> also = {});

// One stored record as the API shows it.
nlohmann::json record_json(const StoredRecord& record);
// The assessments from the highest level down (then in entry order), numbered (序号) from 1, each with the
// Table 7 columns.
nlohmann::json risk_list(const nlohmann::json& assessments);
// How many assessments have each level: {major, large, general, low}.
nlohmann::json level_counts(const nlohmann::json& assessments);
// {code, label, label_en, colour, colour_label, colour_hex} of a level.
nlohmann::json level_json(Level level);

}  // namespace rw::safety
