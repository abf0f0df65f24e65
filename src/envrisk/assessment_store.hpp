#pragma once
// The only SQL of environmental risk assessments (V027 env_risk_assessments) and of the enterprise's risk
// level they set.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/db/database.hpp"
#include "platform/paging.hpp"

namespace rw::envrisk {

struct NewAssessment {
  std::int64_t enterprise_id = 0;
  std::int64_t org_id = 0;
  std::int64_t table_id = 0;
  std::string level;  // general | larger | major
  std::string label;
  std::string inputs;  // JSON text
  std::string result;  // JSON text
  std::string assessed_on;
  std::int64_t created_by = 0;
  std::string created_at;
};
std::int64_t insert_assessment(db::Connection& db, const NewAssessment& a);

// One assessment with its enterprise, organization and people's names, and the latest report submission that
// printed it (report_visit_id, report_version, report_status, report_title; NULL without); nullopt when
// absent.
extern const char* const kSelectAssessment;
std::optional<db::Row> assessment_row(db::Connection& db, std::int64_t id);
// A page of the assessments `where` lets through (written on ra and e, with the access model's read filter),
// newest first, with their total.
PageOfRows assessment_page(db::Connection& db, const SqlFilter& where, const Page& page);
// The newest of them, without counting them; nullopt when none.
std::optional<db::Row> newest_assessment(db::Connection& db, const SqlFilter& where);

void set_reviewed(db::Connection& db, std::int64_t id, std::int64_t by, const std::string& at);
// The enterprise's reviewed assessment assessed last (the later id on the same day).
std::optional<db::Row> latest_reviewed(db::Connection& db, std::int64_t enterprise_id);
void set_enterprise_risk(db::Connection& db, std::int64_t enterprise_id, const std::string& level,
                         const std::string& assessed_on, const std::string& source, const std::string& label,
                         const std::string& now);

}  // namespace rw::envrisk
