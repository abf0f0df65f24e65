#include "hazards/hazard_deadlines.hpp"

#include <nlohmann/json.hpp>

#include "calendar/calendar_store.hpp"
#include "hazards/hazard_rules.hpp"
#include "hazards/hazard_store.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "notify/notification_service.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"
#include "platform/json_rows.hpp"
#include "services/deadline_store.hpp"

namespace rw::hazards {
namespace {

constexpr const char* kDeadlineKind = "hazard_rectification";
constexpr const char* kDeadlineBasis = "chengdu 6.3.2.3：服务机构确定的隐患整改期限";

struct Due {
  std::string due_on;
  int amount = 0;
  std::string unit;  // working_days | date
};

Due due_of(const workflow::Move<HazardState>& move, const nlohmann::json& data,
           const calendar::WorkingCalendar& cal, calendar::Date today) {
  const auto& row = move.subject.row;
  if (data.contains("days")) {
    const int days = data["days"];
    return {format_date(rectification_due(cal, today, days)), days, "working_days"};
  }
  if (data.contains("date")) {
    const std::string date = data["date"];
    if (date < format_date(today))
      throw invalid_field("due_on", "in_the_past", "整改期限不能早于今天", "the deadline is already past");
    const auto days = (std::chrono::sys_days(*parse_date(date)) - std::chrono::sys_days(today)).count();
    return {date, static_cast<int>(days), "date"};
  }
  if (row.text("due_unit") == "working_days") {
    const auto days = static_cast<int>(row.integer("due_amount"));
    return {format_date(rectification_due(cal, today, days)), days, "working_days"};
  }
  if (row.text("due_unit") == "date")
    return {row.text("due_on"), static_cast<int>(row.integer("due_amount")), "date"};
  throw invalid_field("deadline_days", "deadline_required", "告知企业时须给出整改期限",
                      "the enterprise is told with a rectification deadline");
}

}  // namespace

void apply_deadline(workflow::Move<HazardState>& move, const nlohmann::json& data, bool notifying) {
  const auto& s = move.subject;
  const auto today = china_day(move.clock.now());
  const auto today_text = format_date(today);
  const auto cal = calendar::load_calendar(move.db);
  const auto due = due_of(move, data, cal, today);
  set_due(move.db, s.id, due.due_on, due.amount, due.unit, move.now);
  move.journal.push_back({"hazard",
                          s.id,
                          s.agency_org_id,
                          {{"due_on", {{"from", json_text(s.row, "due_on")}, {"to", due.due_on}}}}});
  if (!notifying && s.status == "found") return;
  services::close_deadlines(move.db, "hazard", s.id, kDeadlineKind, "cancelled", today_text);
  services::open_deadline(
      move.db,
      {kDeadlineKind, "hazard", s.id, std::nullopt, s.row.integer("enterprise_id"),
       s.enterprise_org_id.value_or(s.agency_org_id), s.agency_org_id, today_text, due.due_on, due.amount,
       due.unit == "date" ? "calendar_days" : "working_days", kDeadlineBasis},
      move.now);
}

void close_rectification_deadline(workflow::Move<HazardState>& move) {
  services::close_deadlines(move.db, "hazard", move.subject.id, kDeadlineKind, "met",
                            china_date(move.clock.now()));
}

EscalationResult escalate_overdue(db::Connection& db, const calendar::WorkingCalendar& calendar,
                                  calendar::Date today, const std::string& now) {
  EscalationResult result;
  const auto today_text = format_date(today);
  const auto rows = hazards_past_due(db, today_text);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto h = rows[i];
    const auto overdue = overdue_on(calendar, *parse_date(h.text("due_on")), today);
    const auto rule = escalation_rule(h.text("grade"), overdue);
    if (!rule) continue;
    const auto regulators = regulators_over(db, h.integer("region_id"));
    insert_escalation(db,
                      {h.integer("id"), h.integer("enterprise_id"), h.integer("agency_org_id"), *rule,
                       h.text("due_on"), overdue.working_days, today_text, regulators},
                      now);
    ++result.escalated;
    const auto name = h.text("enterprise_name");
    const notify::Message message{
        "hazard_escalated",
        "隐患逾期未整改：" + name,
        "Hazard not rectified: " + name,
        escalation_rules().zh(*rule) + "，整改期限 " + h.text("due_on") + "：" + h.text("description"),
        escalation_rules().en(*rule) + ", due " + h.text("due_on") + ": " + h.text("description"),
        "hazard",
        h.integer("id")};
    std::vector<std::int64_t> users;
    for (const auto regulator : regulators) {
      const auto of = notify::org_users_with_roles(db, regulator, {"admin", "manager", "reviewer", "viewer"});
      users.insert(users.end(), of.begin(), of.end());
    }
    const auto agency = notify::org_users_with_roles(db, h.integer("agency_org_id"), {"admin", "manager"});
    users.insert(users.end(), agency.begin(), agency.end());
    result.notifications += static_cast<int>(notify::notify_users(db, users, message, now));
  }
  return result;
}

}  // namespace rw::hazards
