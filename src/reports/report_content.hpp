#pragma once
// Gathers what a visit's report prints (report_document.hpp) through the stores of the capabilities it
// reads — the visit as the actor may see it (404 otherwise), the enterprise, the service types, the
// checklists with their answers and findings, the hazards with their photos, the signatures — as text and
// image bytes. No HTTP.
#include <cstdint>

#include "accounts/operation.hpp"
#include "platform/files/file_store.hpp"
#include "reports/report_document.hpp"

namespace rw::reports {

ReportContent gather_report(const accounts::Operation& op, const files::FileStore& files,
                            std::int64_t visit_id);

}  // namespace rw::reports
