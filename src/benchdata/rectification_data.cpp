#include "benchdata/rectification_data.hpp"

#include <algorithm>
#include <tuple>

#include "hazards/hazard_rules.hpp"

namespace rw::benchdata {
namespace {

const std::vector<std::string> kProgressNotes = {
    "已制定整改方案并明确整改责任人", "整改所需设备已采购到位，正在安装调试",
    "整改施工已完成约一半",           "已组织相关岗位人员开展专项培训",
    "已委托专业单位进场施工",         "整改工程已完工，正在整理验收资料",
    "已完善相关管理制度并张贴上墙"};

bool reached_rectifying(const std::string& status) {
  return status == "rectifying" || status == "evidence_submitted" || status == "verified_closed";
}

}  // namespace

RectificationWriter::RectificationWriter(WriteBehind& out, World& world, Records& records,
                                         BulkInsert& hazards)
    : out_(out),
      w_(world),
      rnd_(world.random.fork(8)),
      records_(records),
      progress_(out, "hazard_progress",
                {"id", "hazard_id", "note", "photo_file_ids", "created_by", "created_at"}),
      rechecks_(out, "hazard_rechecks",
                {"visit_id", "hazard_id", "result", "note", "checked_by", "checked_at", "created_at"}),
      by_enterprise_(world.enterprises.size()) {
  progress_.after(hazards);
  rechecks_.after(hazards);
}

void RectificationWriter::follow(const WorkedVisit& v, const std::vector<WrittenHazard>& hazards) {
  for (const auto& h : hazards)
    by_enterprise_[v.enterprise].push_back(
        {h.id, v.id, v.day, h.major, h.status, h.accepted_on, v.agency_org_id});
}

void RectificationWriter::finish() {
  std::vector<std::vector<const WorkedVisit*>> visits(w_.enterprises.size());
  for (const auto& v : w_.worked_visits) visits[v.enterprise].push_back(&v);
  for (std::size_t e = 0; e < visits.size(); ++e) {
    recheck_enterprise(visits[e], by_enterprise_[e]);
    if (const auto user = w_.enterprises[e].user_id)
      for (const auto& h : by_enterprise_[e]) note_progress(h, *user);
  }
  progress_.flush();
  rechecks_.flush();
  // hazard_recheck.cpp's changes to the hazards' rows, once every row queued is written.
  auto& db = out_.connection();
  for (const auto& [id, acceptance, at] : closed_) hazards::set_acceptance(db, id, acceptance, at);
  for (const auto& [id, agency, at] : carried_over_) hazards::set_agency(db, id, agency, at);
}

// Half of the enterprises' users whose hazard got to 整改中 note its progress once or twice, after the plan
// is accepted and before the hazard is closed (or today).
void RectificationWriter::note_progress(const Followed& h, std::int64_t user) {
  if (!reached_rectifying(h.status) || !rnd_.chance(500)) return;
  const auto from = h.found + std::chrono::days(3);
  const auto until = h.closed_on.value_or(w_.today + std::chrono::days(1));
  if (until <= from) return;
  std::vector<Day> days;
  for (auto n = rnd_.between(1, 2); n > 0; --n)
    days.push_back(from + std::chrono::days(rnd_.below((until - from).count())));
  std::sort(days.begin(), days.end());
  for (const auto day : days) {
    const auto note = rnd_.pick(kProgressNotes);
    const auto at = moment(day, static_cast<int>(rnd_.between(9 * 60, 17 * 60)));
    progress_.add({w_.ids.next("hazard_progress"), h.id, note, std::string("[]"), user, at});
    records_.step("hazard", h.id, h.agency_org_id, "add_progress", "rectifying", "rectifying", note, user,
                  at);
  }
}

// A hazard closed later was open on `day`; its status then is taken to be 整改中.
std::string RectificationWriter::status_on(const Followed& h, Day day) {
  if (!h.closed_on) return h.status;
  return *h.closed_on <= day ? "verified_closed" : "rectifying";
}

// In the order the visits started; the hazards each lists are hazard_store.cpp's earlier_hazards (found on
// another visit planned on or before its day) that are open then.
void RectificationWriter::recheck_enterprise(std::vector<const WorkedVisit*>& visits,
                                             std::vector<Followed>& hazards) {
  if (visits.size() < 2 || hazards.empty()) return;
  std::stable_sort(visits.begin(), visits.end(), [](const WorkedVisit* a, const WorkedVisit* b) {
    return std::tie(a->day, a->id) < std::tie(b->day, b->id);
  });
  for (const auto* v : visits) {
    const auto earlier = [v](const Followed& h) { return h.visit_id != v->id && h.found <= v->day; };
    std::vector<hazards::EarlierHazard> seen;
    for (const auto& h : hazards)
      if (earlier(h)) seen.push_back({h.id, h.major ? "major" : "general", status_on(h, v->day)});
    const auto listed = hazards::hazards_to_recheck(seen);
    for (auto& h : hazards)
      if (std::find(listed.begin(), listed.end(), h.id) != listed.end()) recheck(*v, h);
  }
}

// A visit in progress has listed the hazard and not re-checked it yet. A done one found rectified what the
// agency was to close later anyway, and not rectified what is still open.
void RectificationWriter::recheck(const WorkedVisit& v, Followed& h) {
  if (v.finished_at.empty()) {
    rechecks_.add(
        {v.id, h.id, db::null_value(), std::string(), db::null_value(), db::null_value(), v.started_at});
    return;
  }
  const bool rectified = h.closed_on.has_value();
  const std::string result = rectified ? "rectified" : "not_rectified";
  const auto history = hazards::recheck_history(v.id, result, "");
  const auto& at = v.finished_at;
  rechecks_.add({v.id, h.id, result, std::string(), v.worker, at, v.started_at});
  if (rectified) {
    h.closed_on = v.day;
    closed_.emplace_back(h.id, hazards::Acceptance{date_text(v.day), v.leader_name, history, {}}, at);
    records_.step("hazard", h.id, v.agency_org_id, "close_on_recheck", "rectifying", "verified_closed",
                  history, v.worker, at);
    return;
  }
  records_.step("hazard", h.id, v.agency_org_id, "carry_over", h.status, h.status, history, v.worker, at);
  if (h.agency_org_id == v.agency_org_id) return;
  h.agency_org_id = v.agency_org_id;
  carried_over_.emplace_back(h.id, v.agency_org_id, at);
}

}  // namespace rw::benchdata
