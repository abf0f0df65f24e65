#pragma once
// The SQL of hazards: the record with its enterprise, agency and visit; its life-cycle fields; progress
// notes; the re-checks of later visits; the escalations to regulators.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/paging.hpp"

namespace rw::hazards {

// What is found on site (Table 9 columns 2–8 and what the issue adds: location, legal basis, suggestion).
struct HazardFacts {
  std::string domain;
  std::string category;
  std::string sub_category;
  std::string description;
  std::string location;
  std::vector<std::int64_t> photos;
  std::string grade;
  std::string basis;
  std::string suggestion;
  std::string remarks;
};

struct NewHazard {
  std::int64_t enterprise_id = 0;
  std::int64_t agency_org_id = 0;
  std::int64_t visit_id = 0;
  std::optional<std::int64_t> inspection_id;
  std::optional<std::int64_t> finding_id;
  std::string item_id;
  std::string found_on;
  std::string found_by;
  HazardFacts facts;
  std::int64_t created_by = 0;
};

std::int64_t insert_hazard(db::Connection& db, const NewHazard& hazard, const std::string& now);
void update_facts(db::Connection& db, std::int64_t id, const HazardFacts& facts, const std::string& now);

// The hazard with its enterprise (name, organization, region), agency and visit.
extern const char* const kSelectHazard;
extern const DeferredList kHazardList;
// A condition on hazards `h`: in these regions (a region and its sub-regions; the region the hazard keeps of
// its enterprise).
SqlFilter of_regions(db::Dialect dialect, const std::vector<std::int64_t>& region_ids);
std::optional<db::Row> hazard_row(db::Connection& db, std::int64_t id);
db::Rows hazards_of_visit(db::Connection& db, std::int64_t visit_id);
// The hazard a finding became, if it did.
std::optional<std::int64_t> hazard_of_finding(db::Connection& db, std::int64_t finding_id);

void set_status(db::Connection& db, std::int64_t id, const std::string& status, const std::string& now);
void set_due(db::Connection& db, std::int64_t id, const std::string& due_on, int amount,
             const std::string& unit, const std::string& now);
struct Plan {
  std::string measures;
  std::string due_on;
  std::string responsible;
  std::optional<std::int64_t> funds_fen;
};
void set_plan(db::Connection& db, std::int64_t id, const Plan& plan, const std::string& now);
void set_evidence(db::Connection& db, std::int64_t id, const std::string& description,
                  const std::vector<std::int64_t>& photos, const std::string& now);
struct Acceptance {
  std::string accepted_on;
  std::string accepted_by;
  std::string result;
  std::vector<std::int64_t> photos;
};
void set_acceptance(db::Connection& db, std::int64_t id, const Acceptance& acceptance,
                    const std::string& now);
// A carried-over hazard is followed by the agency of the visit that found it not rectified.
void set_agency(db::Connection& db, std::int64_t id, std::int64_t agency_org_id, const std::string& now);

void insert_progress(db::Connection& db, std::int64_t hazard_id, const std::string& note,
                     const std::vector<std::int64_t>& photos, std::int64_t by, const std::string& now);
db::Statement progress_of(std::int64_t hazard_id);

// wuxi 第十五条（五）.
db::Rows earlier_hazards(db::Connection& db, std::int64_t enterprise_id, std::int64_t visit_id);
void list_for_recheck(db::Connection& db, std::int64_t visit_id, const std::vector<std::int64_t>& hazard_ids,
                      const std::string& now);
// The hazards listed for re-check on a visit, each with the re-check's columns and the hazard's own.
db::Statement rechecks_of_visit(std::int64_t visit_id);
db::Statement rechecks_of_hazard(std::int64_t hazard_id);
std::optional<db::Row> recheck_row(db::Connection& db, std::int64_t visit_id, std::int64_t hazard_id);
void set_recheck_result(db::Connection& db, std::int64_t visit_id, std::int64_t hazard_id,
                        const std::string& result, const std::string& note, std::int64_t by,
                        const std::string& now);

// chengdu 6.3.2.3: open hazards past due and not yet escalated.
db::Rows hazards_past_due(db::Connection& db, const std::string& today);
struct NewEscalation {
  std::int64_t hazard_id = 0;
  std::int64_t enterprise_id = 0;
  std::int64_t agency_org_id = 0;
  std::string rule;
  std::string due_on;
  int working_days_overdue = 0;
  std::string escalated_on;
  std::vector<std::int64_t> regulator_org_ids;
};
void insert_escalation(db::Connection& db, const NewEscalation& escalation, const std::string& now);
// The active regulators whose jurisdiction holds the region (one of its regions is the region or above it).
std::vector<std::int64_t> regulators_over(db::Connection& db, std::int64_t region_id);
// The escalations with their enterprise, agency and hazard; a page's ids are chosen before the joins.
extern const DeferredList kEscalationList;

// The name a ledger is titled with: of the enterprise, region or organization `id` (kind: enterprise |
// region | organization).
std::optional<std::string> subject_name(db::Connection& db, const std::string& kind, std::int64_t id);

}  // namespace rw::hazards
