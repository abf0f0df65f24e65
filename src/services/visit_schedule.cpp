#include "services/visit_schedule.hpp"

#include <set>

#include "platform/dates.hpp"

namespace rw::services {
namespace {

// The service types the agency may serve the enterprise with: those of its accepted commission items (and
// of the item the visit already answers), and those of a plan the enterprise agreed for the visit's year.
constexpr const char* kServedTypes =
    "SELECT stv.type_id FROM commission_items ci "
    "JOIN commission_service_types cst ON cst.commission_id = ci.commission_id "
    "JOIN service_type_versions stv ON stv.id = cst.service_type_version_id "
    "WHERE ci.enterprise_id = ? AND ci.agency_org_id = ? AND (ci.status = 'accepted' OR ci.id = ?) "
    "UNION SELECT stv.type_id FROM service_plans p JOIN service_plan_items pi ON pi.plan_id = p.id "
    "JOIN service_type_versions stv ON stv.id = pi.service_type_version_id "
    "WHERE p.enterprise_id = ? AND p.agency_org_id = ? AND p.status = 'agreed' AND p.year = ?";

std::set<std::int64_t> served_types(db::Connection& db, const VisitInput& input) {
  const auto year = static_cast<std::int64_t>(static_cast<int>(parse_date(input.planned_on)->year()));
  const auto rows =
      db.query(kServedTypes, {input.enterprise_id, input.agency_org_id, input.commission_item_id.value_or(0),
                              input.enterprise_id, input.agency_org_id, year})
          .integers("type_id");
  return {rows.begin(), rows.end()};
}

}  // namespace

void check_schedule(db::Connection& db, const VisitInput& input, calendar::Date today, ScheduleChange change,
                    Fields& fields) {
  if (change.date && input.planned_on < format_date(today))
    fields.add_error("planned_on", "in_the_past", "计划日期不能早于今天", "the planned day is already past");
  if (!change.types || input.planned_on.empty()) return;
  const auto served = served_types(db, input);
  if (served.empty()) {
    fields.add_error(
        "enterprise_id", "not_commissioned",
        "本机构对该企业没有已接受的委托，也没有企业同意的当年服务方案，不能安排服务",
        "the agency has no accepted commission for this enterprise and no plan it agreed for the "
        "year, so no visit can be scheduled");
    return;
  }
  for (std::size_t i = 0; i < input.service_types.size(); ++i)
    if (!served.count(input.service_types[i].type_id))
      fields.add_error(
          "service_type_ids[" + std::to_string(i) + "]", "not_commissioned_type",
          "委托和服务方案中都没有该服务项目：" + input.service_types[i].name_zh,
          "neither the commission nor the agreed plan asks for " + input.service_types[i].name_en);
}

std::vector<registry::UnmetRule> schedule_warnings(const calendar::WorkingCalendar& calendar,
                                                   const VisitInput& input) {
  std::vector<registry::UnmetRule> out;
  const auto day = parse_date(input.planned_on);
  if (!day) return out;
  const bool estimated = !calendar.has_year(static_cast<int>(day->year()));
  if (!calendar.is_working_day(*day))
    out.push_back(
        {"non_working_day", "计划日期 " + input.planned_on + " 为非工作日（周末或法定节假日），请与企业确认",
         input.planned_on + " is not a working day (weekend or public holiday); confirm it with the "
                            "enterprise"});
  if (estimated)
    out.push_back(
        {"calendar_estimated",
         std::to_string(static_cast<int>(day->year())) + " 年节假日安排尚未发布，工作日按周一至周五估算",
         "no holiday arrangement for " + std::to_string(static_cast<int>(day->year())) +
             " yet: working days are estimated as Monday to Friday"});
  return out;
}

}  // namespace rw::services
