#include "benchdata/assessments_data.hpp"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "audit/audit_log.hpp"
#include "envrisk/assessment_flow.hpp"
#include "envrisk/assessment_store.hpp"
#include "envrisk/evaluation_io.hpp"
#include "envrisk/grading_rules.hpp"
#include "envrisk/substance_catalog.hpp"

namespace rw::benchdata {
namespace {

using nlohmann::json;

constexpr const char* kRiskAssessment = "wuxi.screening.risk_assessment";

json indicators_json(const envrisk::GivenIndicators& given) {
  return {{"q", given.q}, {"m", given.m}, {"e", "E" + std::to_string(given.e)}};
}

}  // namespace

AssessmentsWriter::AssessmentsWriter(WriteBehind& out, World& world, Records& records)
    : out_(out),
      w_(world),
      rnd_(world.random.fork(6)),
      records_(records),
      assessments_(out, "env_risk_assessments",
                   {"id", "enterprise_id", "org_id", "table_id", "status", "level", "label", "inputs",
                    "result", "assessed_on", "created_by", "created_at", "reviewed_by", "reviewed_at"}),
      table_(envrisk::require_current_table(out.connection())),
      scores_(envrisk::score_table_of(table_)) {
  for (const auto& policy : w_.policies)
    if (policy.insurance_type == "environmental" && policy.active) {
      const auto& city = w_.cities[w_.enterprises[policy.enterprise].city];
      reviewer_of_.try_emplace(policy.enterprise, city.insurers[policy.insurer].reviewer_user_id);
    }
}

// Most enterprises store little of the listed substances (Q0 or Q1 for a medium), a few a lot, and most have
// no highly sensitive receptors (E3): about 60 % of them are graded 一般, a third 较大.
envrisk::GivenIndicators AssessmentsWriter::indicators() {
  const auto q_band = rnd_.among<int>({0, 1, 2, 3}, {60, 28, 10, 2});
  const std::int64_t tenths[][2] = {{1, 9}, {10, 99}, {100, 999}, {1000, 3000}};
  return {static_cast<double>(rnd_.between(tenths[q_band][0], tenths[q_band][1])) / 10,
          static_cast<double>(rnd_.among<int>({5, 10, 15, 20, 25, 30, 40}, {20, 25, 20, 15, 10, 6, 4})),
          rnd_.among<int>({1, 2, 3}, {1, 3, 6})};
}

void AssessmentsWriter::write_visit(const WorkedVisit& v, const std::vector<std::string>& codes) {
  if (std::find(codes.begin(), codes.end(), kRiskAssessment) == codes.end()) return;
  envrisk::EvaluationInput input;
  input.air = indicators();
  input.water = indicators();
  input.penalised_last_3_years = rnd_.chance(30);
  const auto evaluation = envrisk::evaluate(input, scores_);
  const json inputs = {{"air", indicators_json(*input.air)},
                       {"water", indicators_json(*input.water)},
                       {"penalised_last_3_years", input.penalised_last_3_years}};
  const auto id = w_.ids.next("env_risk_assessments");
  const auto enterprise_id = w_.enterprises[v.enterprise].id;
  const auto assessed_on = date_text(v.day);
  const auto& label = evaluation.enterprise.label;
  const std::string level(envrisk::level_code(evaluation.enterprise.level));
  const auto reviewer = reviewer_of_.find(v.enterprise);
  const auto review_day = v.day + std::chrono::days(rnd_.between(1, 10));
  const bool reviewed = reviewer != reviewer_of_.end() && review_day < w_.today && rnd_.chance(900);
  const auto reviewed_at = reviewed ? moment(review_day, 10 * 60 + static_cast<int>(rnd_.below(420))) : "";
  assessments_.add({id, enterprise_id, v.agency_org_id, table_.id,
                    std::string(reviewed ? "reviewed" : "submitted"), level, label, inputs.dump(),
                    envrisk::evaluation_json(evaluation, input, table_).dump(), assessed_on, v.worker,
                    v.finished_at, reviewed ? db::Value(reviewer->second) : db::null_value(),
                    reviewed ? db::Value(reviewed_at) : db::null_value()});
  records_.audit(v.finished_at, v.worker, v.agency_org_id, "env_risk_assessment", id, "create",
                 audit::created({{"enterprise_id", enterprise_id},
                                 {"label", label},
                                 {"assessed_on", assessed_on},
                                 {"table_version", table_.version}}));
  if (!reviewed) return;
  records_.step("env_risk_assessment", id, v.agency_org_id, "review", "submitted", "reviewed", "",
                reviewer->second, reviewed_at);
  Reviewed now{assessed_on, id, level, label, reviewed_at};
  auto [latest, first] = latest_.try_emplace(enterprise_id, now);
  if (!first && std::tie(now.assessed_on, now.id) > std::tie(latest->second.assessed_on, latest->second.id))
    latest->second = std::move(now);
}

void AssessmentsWriter::flush() {
  assessments_.flush();
  auto& db = out_.connection();
  for (const auto& [enterprise_id, r] : latest_)
    envrisk::set_enterprise_risk(db, enterprise_id, r.level, r.assessed_on, envrisk::risk_source(r.id),
                                 r.label, r.reviewed_at);
}

}  // namespace rw::benchdata
