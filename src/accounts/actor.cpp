#include "accounts/actor.hpp"

#include <algorithm>

#include "platform/errors.hpp"

namespace rw::accounts {

bool Actor::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::vector<std::string> permissions_for(const Actor& user) {
  std::vector<std::string> out = {"profile", "calendar:read"};
  const bool enterprise_only = user.roles.size() == 1 && user.has_role("enterprise_user");
  if (!enterprise_only) out.push_back("region:read");
  if (user.is_platform_admin()) out.insert(out.end(), {"region:write", "calendar:write", "jobs:run"});
  if (user.has_role("admin") || user.has_role("manager") || user.has_role("reviewer") ||
      user.has_role("viewer"))
    out.push_back("org:read");
  if (user.has_role("admin")) {
    // Webhook subscriptions of the organization (issue 12); the access model keeps each to its own.
    out.insert(out.end(), {"org:write", "user:read", "user:write", "audit:read", "webhook:manage"});
  }
  if (user.has_role("enterprise_user")) out.push_back("enterprise:self");
  // Registry: scopes decide which rows; these decide which actions.
  out.insert(out.end(), {"enterprise:read", "policy:read"});
  const bool leads = user.has_role("admin") || user.has_role("manager");
  const bool platform = user.org_type == "platform";
  if (leads &&
      (platform || user.org_type == "insurer" || user.org_type == "agency" || user.org_type == "park"))
    out.push_back("enterprise:write");
  if (leads && (platform || user.org_type == "insurer")) out.push_back("policy:write");
  if (!enterprise_only && user.org_type != "enterprise" && user.org_type != "park")
    out.push_back("staff:read");
  if (leads && (platform || user.org_type == "insurer" || user.org_type == "agency"))
    out.push_back("staff:write");
  // The service catalog is reference data every party reads; the platform keeps it.
  out.push_back("catalog:read");
  if (user.is_platform_admin()) out.push_back("catalog:write");
  // Services: commissions between insurers and agencies; plans agreed by the enterprise; visits made
  // by agencies (leads schedule, the team does the work) and reviewed by insurers.
  const bool insurer = user.org_type == "insurer", agency = user.org_type == "agency";
  if (platform || insurer || agency) out.push_back("commission:read");
  if (leads && (platform || insurer)) out.push_back("commission:write");
  // Suggested sum insured 建议保额: each insurer publishes its own table (issue 13); no one writes it for
  // them.
  if (leads && insurer) out.push_back("suminsured:write");
  if (leads && (platform || agency)) out.push_back("commission:decide");
  out.insert(out.end(), {"plan:read", "visit:read", "deadline:read"});
  if ((leads && (platform || insurer || agency)) || (agency && user.has_role("expert")))
    out.push_back("plan:write");
  if (user.has_role("enterprise_user")) out.push_back("plan:agree");
  if (leads && (platform || agency)) out.push_back("visit:write");
  if (agency && (leads || user.has_role("expert") || user.has_role("technician")))
    out.push_back("visit:work");
  if ((leads || user.has_role("reviewer")) && (platform || insurer)) out.push_back("visit:review");
  // A checklist the enterprise signed changes only by a reviewer: the insurer's, the agency's or the
  // platform's.
  if ((leads || user.has_role("reviewer")) && (platform || insurer || agency))
    out.push_back("inspection:review");
  // Hazards (issue 12): the agency's people record, notify and verify; the enterprise rectifies; the
  // regulators of the region comment. Who sees which hazard is the access model's.
  out.push_back("hazard:read");
  if ((platform && leads) || (agency && (leads || user.has_role("expert") || user.has_role("technician") ||
                                         user.has_role("reviewer"))))
    out.push_back("hazard:manage");
  if (user.has_role("enterprise_user") || (user.org_type == "enterprise" && leads))
    out.push_back("hazard:rectify");
  if (user.org_type == "regulator" && !user.has_role("viewer")) out.push_back("hazard:comment");
  // Notices 文书: drafted and issued by the agency's people who notify hazards, by a regulator's or a park's
  // staff (viewers only read); received by the enterprise. Which kinds each issues: notices/notice_rules.
  const auto holds = [&](std::string_view p) { return std::find(out.begin(), out.end(), p) != out.end(); };
  out.push_back("notice:read");
  if ((agency && holds("hazard:manage")) ||
      ((user.org_type == "regulator" || user.org_type == "park") && !user.has_role("viewer")))
    out.push_back("notice:issue");
  if (holds("hazard:rectify")) out.push_back("notice:sign");
  // The work-safety risk list and four-colour map (issue 13): the enterprise's people and the agency's people
  // who identify hazards keep them; which enterprises is the access model's (kSafetyRiskKeeper).
  if (holds("hazard:manage") || holds("hazard:rectify")) out.push_back("safety_risk:write");
  // One enterprise, one file (issue 13): whoever sees the enterprise reads its archive (the access model);
  // the enterprise, the agencies' people who serve it (xuzhou 一企一档整理) and the insurers' and parks'
  // leads file in it; admins choose their organization's list and retention; admins and regulators verify the
  // chain.
  out.push_back("archive:read");
  if (user.has_role("enterprise_user") || (leads && user.org_type != "regulator") ||
      (agency && (user.has_role("expert") || user.has_role("technician"))))
    out.push_back("archive:write");
  if (user.has_role("admin")) out.push_back("archive:configure");
  if (user.has_role("admin") || user.org_type == "regulator") out.push_back("archive:verify");
  // Environmental risk assessments (HJ 941, issue 13): made by the agency's people who work on site, by an
  // insurer's leads or the platform; reviewed by the insurer's leads and reviewers, a regulator's staff or
  // the platform. 速算 needs neither (catalog:read).
  if ((agency && (leads || user.has_role("expert") || user.has_role("technician"))) || (insurer && leads) ||
      user.is_platform_admin())
    out.push_back("env_risk:assess");
  if (((insurer || user.org_type == "regulator") && (leads || user.has_role("reviewer"))) ||
      user.is_platform_admin())
    out.push_back("env_risk:review");
  return out;
}

bool has_permission(const Actor& user, std::string_view permission) {
  const auto all = permissions_for(user);
  return std::find(all.begin(), all.end(), permission) != all.end();
}

void require_permission(const Actor& user, std::string_view permission) {
  if (!has_permission(user, permission)) throw forbidden();
}

}  // namespace rw::accounts
