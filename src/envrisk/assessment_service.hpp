#pragma once
// Environmental risk assessments of an enterprise (HJ 941, issue 13): stored with their inputs and result
// (computed by the same code as 速算, with the table version in force), listed and read as the access model
// allows (invisible: 404), reviewed through assessment_flow.
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>

#include "accounts/operation.hpp"

namespace rw::envrisk {

nlohmann::json create_assessment(const accounts::Operation& op, std::int64_t enterprise_id,
                                 const nlohmann::json& body);
// GET /env-risk-assessments: the assessments the actor sees, filtered by enterprise_id and status.
nlohmann::json list_assessments(const accounts::Operation& op,
                                const std::map<std::string, std::string>& query);
// GET /enterprises/{id}/env-risk-assessments: the same for one enterprise (404 when it is not visible).
nlohmann::json list_assessments_of(const accounts::Operation& op, std::int64_t enterprise_id,
                                   std::map<std::string, std::string> query);
nlohmann::json get_assessment(const accounts::Operation& op, std::int64_t id);
// The enterprise's newest assessment the actor sees, with its inputs and result (no actions) — what its
// 环责险风险评估报告 prints; nothing when there is none.
std::optional<nlohmann::json> latest_assessment(const accounts::Operation& op, std::int64_t enterprise_id);

}  // namespace rw::envrisk
