#include "benchdata/deferred_surveys.hpp"

#include <string>
#include <utility>

namespace rw::benchdata {
namespace {

// V044's triggers that keep policies.surveyed_on, with their tables.
constexpr std::pair<const char*, const char*> kSurveyTriggers[] = {
    {"policies", "policies_survey"},
    {"visits", "visits_survey"},
    {"visit_service_types", "visit_service_types_survey"}};

constexpr const char* kSetEverySurvey =
    "UPDATE policies SET surveyed_on = first_annual_survey(enterprise_id, insurance_type, starts_on, "
    "ends_on)";

}  // namespace

DeferredSurveys::DeferredSurveys(db::Connection& db)
    : db_(db), deferred_(db.dialect() == db::Dialect::postgresql) {
  if (deferred_) set_triggers("DISABLE");
}

void DeferredSurveys::count() {
  if (!deferred_) return;
  db::Transaction transaction(db_, true);
  db_.execute(kSetEverySurvey);
  transaction.commit();
  set_triggers("ENABLE");
  deferred_ = false;
}

void DeferredSurveys::set_triggers(const char* state) {
  for (const auto& [table, trigger] : kSurveyTriggers)
    db_.execute_script(std::string("ALTER TABLE ") + table + " " + state + " TRIGGER " + trigger);
}

}  // namespace rw::benchdata
