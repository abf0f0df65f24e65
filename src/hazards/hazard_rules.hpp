#pragma once
// The pure rules of hazards: where each column of chengdu Table 9 lives, when a rectification falls due, when
// an overdue hazard goes to the regulator (chengdu 6.3.2.3), when the screening result must be fed back
// (chengdu 6.3.2.4), which earlier hazards a visit re-checks (wuxi 第十五条（五）), and the domain and class
// a checklist finding gives a hazard. No I/O: the calendar is passed in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/working_calendar.hpp"

namespace rw::hazards {

using calendar::Date;
using calendar::WorkingCalendar;

// chengdu App. C Table 9 隐患排查治理台账: its 17 columns in order, and the hazard's field that holds each
// (in the API's JSON). Columns 5 and 9–12 are the seed's; `derived` marks the one this platform fills from
// elsewhere (序号, the row's number in a ledger).
struct LedgerColumn {
  int number;
  const char* group;  // 隐患排查 | 隐患治理 | 隐患效果验收 | ''
  const char* zh;
  const char* field;
  bool derived = false;
};
const std::vector<LedgerColumn>& ledger_columns();

// A rectification deadline as the agency gives it: a number of working days from the day it counts from,
// or a date.
struct DueSpec {
  std::optional<int> working_days;
  std::optional<std::string> date;  // YYYY-MM-DD
};
inline constexpr int kMaxRectificationWorkingDays = 250;
// The due date counted from `from` (the day the enterprise is told); a date is kept as given.
Date rectification_due(const WorkingCalendar& calendar, Date from, int working_days);

// chengdu 6.3.2.3: an overdue 重大 hazard at once, any other once it is more than 10 working days overdue.
inline constexpr int kEscalateAfterWorkingDays = 10;
// How far past its due date a hazard is on a day: overdue from the day after (whatever day that is), and the
// working days since (a hazard due before a holiday is overdue through it, with 0 working days).
struct Overdue {
  bool overdue = false;
  int working_days = 0;
};
Overdue overdue_on(const WorkingCalendar& calendar, Date due, Date today);
// The rule that escalates an overdue hazard of `grade`, if any.
std::optional<std::string> escalation_rule(std::string_view grade, const Overdue& overdue);

// chengdu 6.3.2.4: the screening report reviewed and fed back within 7 working days of the on-site service.
inline constexpr int kScreeningFeedbackWorkingDays = 7;
inline constexpr const char* kScreeningServiceType = "chengdu.hazard_screening";

// wuxi 第十五条（五）: an enterprise's earlier hazard as the re-check rule sees it.
struct EarlierHazard {
  std::int64_t id = 0;
  std::string grade;
  std::string status;
};
// Every earlier hazard not closed, when any earlier hazard was 重大; none otherwise.
std::vector<std::int64_t> hazards_to_recheck(const std::vector<EarlierHazard>& earlier);
// What a re-check adds to the hazard's history (and, when rectified, its acceptance), such as
// "第 12 次服务复查：已整改到位，…".
std::string recheck_history(std::int64_t visit_id, std::string_view result, const std::string& note);

// The domain of a hazard raised by a checklist: chengdu's forms are work safety (安责险), the others
// environmental.
std::string domain_of_template(std::string_view template_code);

// The statuses in which a hazard is still open.
bool is_open(std::string_view status);

}  // namespace rw::hazards
