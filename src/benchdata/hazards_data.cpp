#include "benchdata/hazards_data.hpp"

#include <algorithm>

#include "benchdata/words.hpp"
#include "hazards/hazard_rules.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "platform/dates.hpp"

namespace rw::benchdata {
namespace {

// Hazards recorded by hand per done visit besides its findings: 1–7, about four.
constexpr int kByHandMin = 1, kByHandMax = 7;
const std::vector<int> kDueDays = {5, 10, 15, 20, 30};
const std::vector<std::string> kLocations = {"危废仓库", "污水处理站", "事故应急池",   "雨水总排口",
                                             "生产车间", "原料罐区",   "废气处理设施", "配电室",
                                             "装卸区",   "厂界"};
const std::vector<std::string> kMeasures = {"制定整改方案并落实专人负责", "采购并安装相关设施",
                                            "完善管理制度并组织培训", "委托专业单位施工改造"};

// The classes of a domain.
const std::vector<const hazards::HazardCategory*>& categories_of(bool safety) {
  static const auto of = [](const char* domain) {
    std::vector<const hazards::HazardCategory*> out;
    for (const auto& c : hazards::hazard_categories())
      if (c.domain == domain) out.push_back(&c);
    return out;
  };
  static const auto environment = of("environment"), work_safety = of("safety");
  return safety ? work_safety : environment;
}

// The life-cycle status a hazard has reached `age` days after it was found.
std::string status_at(Random& rnd, std::int64_t age) {
  if (age < 3) return rnd.among<std::string>({"found", "notified"}, {6, 4});
  if (age < 20)
    return rnd.among<std::string>({"notified", "plan_submitted", "rectifying", "evidence_submitted"},
                                  {3, 2, 4, 1});
  if (age < 60)
    return rnd.among<std::string>({"rectifying", "evidence_submitted", "verified_closed"}, {35, 15, 50});
  return rnd.among<std::string>({"notified", "rectifying", "verified_closed"}, {5, 10, 85});
}

// Days from finding a hazard to closing it: mostly within a month, some until a later visit finds it
// rectified (rectification_data.hpp).
std::int64_t rectification_days(Random& rnd) {
  return rnd.chance(700) ? rnd.between(10, 25) : rnd.between(26, 90);
}

int rank(const std::string& status) {
  const std::vector<std::string> order = {"found",      "notified",           "plan_submitted",
                                          "rectifying", "evidence_submitted", "verified_closed"};
  return static_cast<int>(std::find(order.begin(), order.end(), status) - order.begin());
}

}  // namespace

HazardsWriter::HazardsWriter(WriteBehind& out, World& world, BulkInsert& findings)
    : w_(world),
      rnd_(world.random.fork(4)),
      hazards_(out, "hazards",
               {"id",
                "enterprise_id",
                "agency_org_id",
                "visit_id",
                "inspection_id",
                "finding_id",
                "item_id",
                "found_on",
                "found_by",
                "domain",
                "category",
                "sub_category",
                "description",
                "location",
                "grade",
                "basis",
                "suggestion",
                "status",
                "due_on",
                "due_amount",
                "due_unit",
                "plan_measures",
                "plan_due_on",
                "plan_responsible",
                "evidence_description",
                "accepted_on",
                "accepted_by",
                "acceptance_result",
                "escalated_on",
                "created_by",
                "created_at",
                "updated_at"}),
      escalations_(out, "hazard_escalations",
                   {"id", "hazard_id", "enterprise_id", "agency_org_id", "rule", "due_on",
                    "working_days_overdue", "escalated_on", "created_at"}) {
  hazards_.after(findings);
  escalations_.after(hazards_);
}

std::vector<WrittenHazard> HazardsWriter::write_visit(const WorkedVisit& v, bool safety,
                                                      const std::vector<RaisedFinding>& findings) {
  std::vector<WrittenHazard> written;
  for (const auto& f : findings) written.push_back(write_one(v, safety, &f));
  for (auto n = rnd_.between(kByHandMin, kByHandMax); n > 0; --n)
    written.push_back(write_one(v, safety, nullptr));
  return written;
}

WrittenHazard HazardsWriter::write_one(const WorkedVisit& v, bool safety, const RaisedFinding* finding) {
  const auto& e = w_.enterprises[v.enterprise];
  const auto id = w_.ids.next("hazards");
  const auto domain = std::string(safety ? "safety" : "environment");
  const auto* category = rnd_.pick(categories_of(safety));
  const auto* sub = category->subs.empty() ? nullptr : &rnd_.pick(category->subs);
  const auto grade = finding ? finding->grade : rnd_.among<std::string>({"major", "general"}, {1, 9});
  const auto description = finding ? finding->description : sub ? sub->zh : category->label.zh;
  const auto found = date_text(v.day);
  const auto age = (w_.today - v.day).count();
  const auto status = status_at(rnd_, age);
  const auto at = v.finished_at.empty() ? v.started_at : v.finished_at;
  const int r = rank(status);

  db::Value due = db::null_value(), amount = db::null_value(), unit = db::null_value();
  db::Value escalated = db::null_value();
  db::Params escalation;  // written after the hazard: a flush writes the rows it refers to first
  calendar::Date due_day{};
  int days = 0;
  if (r >= 1) {
    days = rnd_.pick(kDueDays);
    due_day = hazards::rectification_due(w_.calendar,
                                         std::chrono::year_month_day(v.day + std::chrono::days(1)), days);
    due = format_date(due_day);
    amount = std::int64_t{days};
    unit = std::string("working_days");
  }
  const bool open = status != "verified_closed";
  if (open && r >= 1) {
    const auto overdue = hazards::overdue_on(w_.calendar, due_day, std::chrono::year_month_day(w_.today));
    if (const auto rule = hazards::escalation_rule(grade, overdue)) {
      // The day the rule first held: the day after due for a 重大 one, the 11th working day after for others.
      const auto on = *rule == "major_overdue"
                          ? std::chrono::year_month_day(std::chrono::sys_days(due_day) + std::chrono::days(1))
                          : w_.calendar.add_working_days(due_day, hazards::kEscalateAfterWorkingDays + 1);
      escalated = format_date(on);
      escalation = db::Params{std::int64_t{0},
                              id,
                              e.id,
                              v.agency_org_id,
                              *rule,
                              format_date(due_day),
                              std::int64_t{overdue.working_days},
                              format_date(on),
                              moment(Day(on), 9 * 60)};
    }
  }
  const auto plan_due = r >= 2 ? db::Value(std::get<std::string>(due)) : db::null_value();
  const auto accepted_on =
      r >= 5 ? std::optional(v.day + std::chrono::days(std::min(age, rectification_days(rnd_))))
             : std::nullopt;
  const auto accepted = accepted_on ? db::Value(date_text(*accepted_on)) : db::null_value();
  hazards_.add({id,
                e.id,
                v.agency_org_id,
                v.id,
                finding ? db::Value(finding->inspection_id) : db::null_value(),
                finding ? db::Value(finding->finding_id) : db::null_value(),
                finding ? finding->item_id : std::string(),
                found,
                v.leader_name,
                domain,
                category->label.value,
                sub ? sub->value : std::string(),
                description,
                rnd_.pick(kLocations),
                grade,
                finding ? finding->basis : std::string(),
                finding ? finding->suggestion : std::string("按相关标准要求整改"),
                status,
                due,
                amount,
                unit,
                r >= 2 ? rnd_.pick(kMeasures) : std::string(),
                plan_due,
                r >= 2 ? person_name(rnd_) : std::string(),
                r >= 4 ? std::string("已按整改方案完成整改") : std::string(),
                accepted,
                r >= 5 ? v.leader_name : std::string(),
                r >= 5 ? std::string("整改到位，同意销号") : std::string(),
                escalated,
                v.worker,
                at,
                at});
  if (!escalation.empty()) {
    escalation[0] = w_.ids.next("hazard_escalations");
    escalations_.add(std::move(escalation));
  }
  return {id, r >= 1, days, grade == "major", status, accepted_on};
}

void HazardsWriter::flush() {
  hazards_.flush();
  escalations_.flush();
}

}  // namespace rw::benchdata
