#include "benchdata/notices_data.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "benchdata/words.hpp"
#include "notices/notice_kinds.hpp"
#include "notices/number_rules.hpp"

namespace rw::benchdata {
namespace {

constexpr int kDraftWarningPerMille = 600;  // of visits whose hazards are all still found
constexpr int kReminderPerMille = 700;      // of done visits
constexpr int kReminderIssuedPerMille = 850;

}  // namespace

NoticesWriter::NoticesWriter(WriteBehind& out, World& world, Records& records, BulkInsert& hazards)
    : w_(world),
      rnd_(world.random.fork(5)),
      records_(records),
      notices_(out, "notices",
               {"id",         "kind",      "status",     "number",        "issuer_org_id", "enterprise_id",
                "visit_id",   "staff",     "visited_on", "deadline_days", "problems",      "check_items",
                "contact",    "phone",     "issued_on",  "issued_at",     "issued_by",     "created_by",
                "created_at", "updated_at"}),
      links_(out, "notice_hazards", {"notice_id", "hazard_id", "position"}),
      counters_(out, "notice_number_counters", {"org_id", "pattern", "year", "last_sequence"}) {
  links_.after(notices_);
  links_.after(hazards);
  for (const auto& city : world.cities)
    for (const auto& agency : city.agencies) agency_names_[agency.org_id] = agency.name;
}

void NoticesWriter::write_visit(const WorkedVisit& v, const std::vector<WrittenHazard>& hazards) {
  std::vector<const WrittenHazard*> told, found;
  for (const auto& h : hazards) (h.told ? told : found).push_back(&h);
  if (!told.empty())
    write_notice(v, "warning", true, told);
  else if (!found.empty() && rnd_.chance(kDraftWarningPerMille))
    write_notice(v, "warning", false, found);
  if (rnd_.chance(kReminderPerMille))
    write_notice(v, "reminder", v.day < w_.today && rnd_.chance(kReminderIssuedPerMille), {});
}

void NoticesWriter::write_notice(const WorkedVisit& v, const std::string& kind, bool issued,
                                 const std::vector<const WrittenHazard*>& listed) {
  const auto& e = w_.enterprises[v.enterprise];
  const auto id = w_.ids.next("notices");
  const auto issue_day = std::min(w_.today, v.day + std::chrono::days(1));
  const int issue_minute = 9 * 60 + static_cast<int>(rnd_.between(0, 8 * 60));
  const auto issued_at = moment(issue_day, issue_minute);
  int deadline = 0;
  std::vector<std::int64_t> hazard_ids;
  for (const auto* h : listed) {
    deadline = std::max(deadline, h->due_days);
    hazard_ids.push_back(h->id);
  }
  const auto number = issued ? next_number(kind, v.agency_org_id, issue_day) : std::string();
  const auto contact = person_name(rnd_);
  notices_.add({id,
                kind,
                std::string(issued ? "issued" : "draft"),
                number,
                v.agency_org_id,
                e.id,
                v.id,
                v.leader_name,
                date_text(v.day),
                deadline > 0 ? db::Value(std::int64_t{deadline}) : db::null_value(),
                std::string("[]"),
                std::string("[]"),
                contact,
                mobile_phone(rnd_),
                issued ? db::Value(date_text(issue_day)) : db::null_value(),
                issued ? db::Value(issued_at) : db::null_value(),
                issued ? db::Value(v.worker) : db::null_value(),
                v.worker,
                v.finished_at,
                issued ? issued_at : v.finished_at});
  // After the notice: a full batch of links writes the notices buffered before it.
  for (std::size_t i = 0; i < hazard_ids.size(); ++i)
    links_.add({id, hazard_ids[i], static_cast<std::int64_t>(i + 1)});
  records_.audit(v.finished_at, v.worker, v.agency_org_id, "notice", id, "create",
                 audit::created({{"kind", kind},
                                 {"enterprise_id", e.id},
                                 {"hazard_ids", hazard_ids},
                                 {"staff", v.leader_name},
                                 {"visited_on", date_text(v.day)},
                                 {"contact", contact}}));
  if (!issued) return;
  records_.step("notice", id, v.agency_org_id, "issue", "draft", "issued", "", v.worker, issued_at);
  if (e.user_id) {
    const auto body = agency_names_.at(v.agency_org_id) + " " + number;
    records_.notify({*e.user_id},
                    {"notice_issued", "收到" + notices::notice_kinds().zh(kind),
                     "Notice received: " + notices::notice_kinds().en(kind), body, body, "notice", id},
                    issue_day, issue_minute);
  }
}

std::string NoticesWriter::next_number(const std::string& kind, std::int64_t org_id, Day day) {
  const auto pattern = notices::default_pattern(kind);
  if (pattern.empty()) return "";  // only the warning notice is numbered
  const int year = static_cast<int>(std::chrono::year_month_day(day).year());
  return notices::format_number(pattern, year, ++last_sequence_[{org_id, pattern, year}]);
}

void NoticesWriter::flush() {
  notices_.flush();
  links_.flush();
  for (const auto& [key, last] : last_sequence_) {
    const auto& [org_id, pattern, year] = key;
    counters_.add({org_id, pattern, std::int64_t{year}, last});
  }
  counters_.flush();
}

}  // namespace rw::benchdata
