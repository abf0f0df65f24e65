#include "app/demo_reports.hpp"

#include <nlohmann/json.hpp>

#include "app/demo_data.hpp"
#include "app/demo_env_risk.hpp"
#include "reports/report_service.hpp"
#include "services/step_service.hpp"
#include "services/visit_flow.hpp"

namespace rw::app {
namespace {

// The technician on the visit's team submits its report as the server renders it now.
void submit(db::Connection& db, const Clock& clock, files::FileStore& store, std::int64_t visit) {
  const auto technician = demo_user(db, "demo-technician");
  const accounts::Operation op{db, technician, clock, "seed-demo"};
  reports::record_submission(op, reports::prepare_submission(op, store, visit));
}

void review(db::Connection& db, const Clock& clock, const char* reviewer, std::int64_t visit,
            const char* action, const nlohmann::json& body) {
  const auto user = demo_user(db, reviewer);
  services::take_step({db, user, clock, "seed-demo"}, services::visit_machine(), visit, action, body);
}

}  // namespace

void seed_demo_reports(db::Connection& db, const Clock& clock, files::FileStore& store) {
  const auto done = db.query("SELECT id FROM visits WHERE status = 'done' ORDER BY planned_on");
  if (done.size() < 2) return;
  // Last year's visit answers no commission: a platform admin reviews it (the visit's workflow).
  const auto last_year = done[0].integer("id");
  submit(db, clock, store, last_year);
  review(db, clock, "demo-admin", last_year, "approve_report", {{"reason", "报告内容完整，同意定稿。"}});
  const auto this_year = done[done.size() - 1].integer("id");
  seed_demo_pending_assessment(
      db, clock,
      db.query("SELECT enterprise_id FROM visits WHERE id = ?", {this_year})[0].integer("enterprise_id"));
  submit(db, clock, store, this_year);
  review(db, clock, "demo-insurer", this_year, "return_report",
         {{"reason", "请补充危废仓库泄漏收集装置的现场照片，并写明事故应急池容积的核算依据后重新提交。"}});
  submit(db, clock, store, this_year);
}

}  // namespace rw::app
