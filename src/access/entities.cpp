#include "access/entities.hpp"

#include "access/keepers.hpp"

namespace rw::access {

unsigned party_of(std::string_view org_type) {
  if (org_type == "platform") return party::platform;
  if (org_type == "regulator") return party::regulator;
  if (org_type == "insurer") return party::insurer;
  if (org_type == "agency") return party::agency;
  if (org_type == "enterprise") return party::enterprise;
  if (org_type == "park") return party::park;
  return 0;
}

// Everyone who relates to the enterprise itself.
const EntityAccess kEnterprise{"enterprise",
                               "enterprises e",
                               "e.id",
                               {{party::any, Relation::registered_by},
                                {party::enterprise, Relation::is},
                                {party::park, Relation::hosts},
                                {party::insurer, Relation::insures},
                                {party::agency, Relation::serves},
                                {party::regulator, Relation::regulates}},
                               {}};

// An insurer sees its own policies only, not another insurer's policy of an enterprise both insure.
const EntityAccess kPolicy{"policy",
                           "policies p JOIN enterprises e ON e.id = p.enterprise_id",
                           "p.id",
                           {{party::any, Relation::named, "p.insurer_org_id"},
                            {party::any & ~party::insurer, Relation::registered_by},
                            {party::enterprise, Relation::is},
                            {party::park, Relation::hosts},
                            {party::agency, Relation::serves},
                            {party::regulator, Relation::regulates}},
                           {"p.insurer_org_id"},
                           {{"e", "enterprises", "p.enterprise_id", "p.region_id"}}};

const EntityAccess kStaff{
    "staff",
    "staff s",
    "s.id",
    {{party::any, Relation::named, "s.org_id"}, {party::regulator, Relation::located, "s.org_id"}},
    {"s.org_id"}};

const EntityAccess kOrganization{
    "organization",
    "organizations o",
    "o.id",
    {{party::any, Relation::named, "o.id"}, {party::regulator, Relation::located, "o.id"}},
    {"o.id"}};

// Accounts are managed inside the organization tree only; a regulator does not see the users of the
// organizations in its jurisdiction.
const EntityAccess kUser{
    "user", "users u", "u.id", {{party::any, Relation::named, "u.org_id"}}, {"u.org_id"}};

const EntityAccess kCommission{
    "commission",
    "commissions c",
    "c.id",
    {{party::any, Relation::named, "c.insurer_org_id"}, {party::any, Relation::named, "c.agency_org_id"}},
    {"c.insurer_org_id"}};

// An item carries its commission's parties (V057), so a party's items are an index range of the item's table.
const EntityAccess kCommissionItem{
    "commission_item",
    "commission_items ci",
    "ci.id",
    {{party::any, Relation::named, "ci.insurer_org_id"}, {party::any, Relation::named, "ci.agency_org_id"}},
    {"ci.insurer_org_id", "ci.agency_org_id"}};

const EntityAccess kServicePlan{"service_plan",
                                "service_plans sp JOIN enterprises e ON e.id = sp.enterprise_id",
                                "sp.id",
                                {{party::any, Relation::named, "sp.agency_org_id"},
                                 {party::any, Relation::named, "sp.insurer_org_id"},
                                 {party::enterprise, Relation::is},
                                 {party::regulator, Relation::regulates}},
                                {"sp.agency_org_id", "sp.insurer_org_id"},
                                {{"e", "enterprises", "sp.enterprise_id", "sp.region_id"}}};

// An agency sees its own visits, not a competitor's visits to an enterprise both serve.
const EntityAccess kVisit{"visit",
                          "visits v JOIN enterprises e ON e.id = v.enterprise_id",
                          "v.id",
                          {{party::any, Relation::named, "v.agency_org_id"},
                           {party::any & ~party::agency, Relation::registered_by},
                           {party::enterprise, Relation::is},
                           {party::park, Relation::hosts},
                           {party::insurer, Relation::insures},
                           {party::regulator, Relation::regulates}},
                          {"v.agency_org_id"},
                          {{"e", "enterprises", "v.enterprise_id", "v.region_id"}}};

// The organization that must act, the one that follows it, the enterprise and its regulators.
const EntityAccess kDeadline{"deadline",
                             "deadlines d JOIN enterprises e ON e.id = d.enterprise_id",
                             "d.id",
                             {{party::any, Relation::named, "d.responsible_org_id"},
                              {party::any, Relation::named, "d.watcher_org_id"},
                              {party::enterprise, Relation::is},
                              {party::regulator, Relation::regulates}},
                             {"d.responsible_org_id"},
                             {{"e", "enterprises", "d.enterprise_id", "d.region_id"}}};

// Whoever sees a visit sees its checklists: the agency's own, not a competitor's.
const EntityAccess kInspection{"inspection",
                               "inspections i JOIN enterprises e ON e.id = i.enterprise_id",
                               "i.id",
                               {{party::any, Relation::named, "i.agency_org_id"},
                                {party::any & ~party::agency, Relation::registered_by},
                                {party::enterprise, Relation::is},
                                {party::park, Relation::hosts},
                                {party::insurer, Relation::insures},
                                {party::regulator, Relation::regulates}},
                               {"i.agency_org_id"},
                               {{"e", "enterprises", "i.enterprise_id", "i.region_id"}}};

// A hazard 隐患: the agency that found it and follows it (its inspectors and reviewers), the enterprise
// itself, its insurers and the regulators of its region (issue 12). Nobody else, not a competing agency.
const EntityAccess kHazard{"hazard",
                           "hazards h JOIN enterprises e ON e.id = h.enterprise_id",
                           "h.id",
                           {{party::agency, Relation::named, "h.agency_org_id"},
                            {party::enterprise, Relation::is},
                            {party::insurer, Relation::insures},
                            {party::regulator, Relation::regulates}},
                           {"h.agency_org_id"},
                           {{"e", "enterprises", "h.enterprise_id", "h.region_id"}}};

// An escalation of an enterprise that does not rectify (chengdu 6.3.2.3): the regulators it went to and the
// agency that follows the hazard.
const EntityAccess kHazardEscalation{
    "hazard_escalation",
    "hazard_escalations x JOIN enterprises e ON e.id = x.enterprise_id",
    "x.id",
    {{party::agency, Relation::named, "x.agency_org_id"}, {party::regulator, Relation::regulates}},
    {},
    {{"e", "enterprises", "x.enterprise_id", "x.region_id"}}};

// A notice 文书 (issue 12): the organization that issues it (an agency, a regulator or a park), and once it
// is issued, as for hazards, the enterprise itself, its insurers and the regulators of its region; not a
// competing agency. A draft is the issuer's work in progress (also once cancelled): nobody else sees it.
// Issued is told by the status, which the indexes hold (issued_at is set by the same transition; only a
// draft is cancelled): a regulator's count of its region's notices then reads no notice (16 -> 3 ms).
constexpr std::string_view kIssued = "n.status IN ('issued', 'received')";
const EntityAccess kNotice{
    "notice",
    "notices n JOIN enterprises e ON e.id = n.enterprise_id",
    "n.id",
    {{party::agency | party::regulator | party::park, Relation::named, "n.issuer_org_id"},
     {party::enterprise, Relation::is, {}, kIssued},
     {party::insurer, Relation::insures, {}, kIssued},
     {party::regulator, Relation::regulates, {}, kIssued}},
    {"n.issuer_org_id"},
    {{"e", "enterprises", "n.enterprise_id", "n.region_id"}}};

const EntityAccess kAuditEntry{
    "audit_entry", "audit_log a", "a.id", {{party::any, Relation::named, "a.org_id"}}, {}};

// A webhook subscription (issue 12) belongs to the organization that made it: its admins (and those of the
// organizations above it) manage it; nobody else learns that it exists.
const EntityAccess kWebhookSubscription{"webhook_subscription",
                                        "webhook_subscriptions ws",
                                        "ws.id",
                                        {{party::any, Relation::named, "ws.org_id"}},
                                        {"ws.org_id"}};

// The enterprise identifies its own risks (chengdu App. C 3.2: the insurer's service helps it); the agencies
// commissioned to serve it do the identification with it. Not an insurer, a park or a regulator: they read.
const EntityAccess kSafetyRiskKeeper{"safety_risk_keeper",
                                     "enterprises e",
                                     "e.id",
                                     {{party::enterprise, Relation::is}, {party::agency, Relation::serves}},
                                     {}};

// An environmental risk assessment (HJ 941): the organization that made it, the enterprise itself, its park,
// its insurers and the regulators of its region (issue 13). Not another agency serving the enterprise.
const EntityAccess kEnvRiskAssessment{"env_risk_assessment",
                                      "env_risk_assessments ra JOIN enterprises e ON e.id = ra.enterprise_id",
                                      "ra.id",
                                      {{party::any, Relation::named, "ra.org_id"},
                                       {party::enterprise, Relation::is},
                                       {party::park, Relation::hosts},
                                       {party::insurer, Relation::insures},
                                       {party::regulator, Relation::regulates}},
                                      {"ra.org_id"},
                                      {{"e", "enterprises", "ra.enterprise_id", "ra.region_id"}}};

const std::vector<const EntityAccess*>& all_entities() {
  static const std::vector<const EntityAccess*> entities = {&kEnterprise,
                                                            &kPolicy,
                                                            &kStaff,
                                                            &kOrganization,
                                                            &kUser,
                                                            &kCommission,
                                                            &kCommissionItem,
                                                            &kServicePlan,
                                                            &kVisit,
                                                            &kDeadline,
                                                            &kInspection,
                                                            &kHazard,
                                                            &kHazardEscalation,
                                                            &kNotice,
                                                            &kEnvRiskAssessment,
                                                            &kAuditEntry,
                                                            &kWebhookSubscription};
  return entities;
}

}  // namespace rw::access
