#pragma once
// The parts only the 环责险风险评估报告 prints (report_document.hpp EnvRiskPart), gathered through the
// capabilities that keep them: the wuxi 附件3 documents as the enterprise's archive holds them, the
// enterprise's newest HJ 941 assessment the actor sees (its result and explanation as computed then), and the
// suggested sum insured at that level from the table of the enterprise's insurer. No HTTP.
#include <cstdint>

#include "accounts/operation.hpp"
#include "reports/report_document.hpp"

namespace rw::reports {

// wuxi 附件3 企业现场勘查与评估需配合提供相关资料清单 (data/archive/document-lists.json).
inline constexpr const char* kCheckedDocumentsList = "wuxi_att3";

EnvRiskPart gather_env_risk(const accounts::Operation& op, std::int64_t enterprise_id);

}  // namespace rw::reports
