#include "app/route_table.hpp"

#include "accounts/auth_routes.hpp"
#include "accounts/user_routes.hpp"
#include "app/system_routes.hpp"
#include "archive/archive_routes.hpp"
#include "audit/audit_routes.hpp"
#include "calendar/calendar_routes.hpp"
#include "envrisk/env_risk_routes.hpp"
#include "exchange/exchange_routes.hpp"
#include "files/file_routes.hpp"
#include "hazards/hazard_routes.hpp"
#include "inspections/inspection_routes.hpp"
#include "notices/notice_routes.hpp"
#include "notify/notification_routes.hpp"
#include "registry/enterprise_routes.hpp"
#include "registry/industry_routes.hpp"
#include "registry/organization_routes.hpp"
#include "registry/policy_routes.hpp"
#include "registry/region_routes.hpp"
#include "registry/staff_routes.hpp"
#include "reports/report_routes.hpp"
#include "safety/risk_routes.hpp"
#include "services/catalog_routes.hpp"
#include "services/commission_routes.hpp"
#include "services/deadline_routes.hpp"
#include "services/plan_routes.hpp"
#include "services/survey_gap_routes.hpp"
#include "services/visit_routes.hpp"
#include "suminsured/sum_insured_routes.hpp"
#include "webhooks/webhook_routes.hpp"

namespace rw::app {

void add_all_routes(api::Routes& routes) {
  add_system_routes(routes);
  accounts::add_auth_routes(routes);
  accounts::add_user_routes(routes);
  registry::add_region_routes(routes);
  registry::add_organization_routes(routes);
  registry::add_industry_routes(routes);
  registry::add_enterprise_routes(routes);
  registry::add_policy_routes(routes);
  registry::add_staff_routes(routes);
  services::add_catalog_routes(routes);
  calendar::add_calendar_routes(routes);
  services::add_commission_routes(routes);
  services::add_plan_routes(routes);
  services::add_visit_routes(routes);
  services::add_visit_action_routes(routes);
  reports::add_report_routes(routes);
  inspections::add_inspection_routes(routes);
  notices::add_notice_routes(routes);
  hazards::add_hazard_routes(routes);
  envrisk::add_env_risk_routes(routes);
  safety::add_safety_risk_routes(routes);
  services::add_deadline_routes(routes);
  services::add_survey_gap_routes(routes);
  notify::add_notification_routes(routes);
  exchange::add_exchange_routes(routes);
  files::add_file_routes(routes);
  audit::add_routes(routes);
  webhooks::add_webhook_routes(routes);
  suminsured::add_sum_insured_routes(routes);
  archive::add_archive_routes(routes);
}

}  // namespace rw::app
