// Commissions, service plans, visits, deadlines and notifications of the generated province, as the
// workflow tables (services/*_flow.cpp) would have left them after a year of use:
// every step a status event and an audit entry, every hook's deadline and notification, and the daily
// deadline sweep's flags and messages up to today.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "audit/audit_log.hpp"
#include "benchdata/records.hpp"
#include "benchdata/world.hpp"
#include "services/catalog.hpp"
#include "services/deadline_rules.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::benchdata {
namespace {

using std::chrono::days;

// What an insurance type commissions, surveys yearly, and what plans add to it.
struct TypeCodes {
  const char* survey;
  const char* survey_extra;
  std::vector<const char*> plan_extra;
};
const TypeCodes kEnvironmental{
    "wuxi.screening.risk_assessment",
    "wuxi.screening.emergency_hazard",
    {"wuxi.screening.wastewater", "wuxi.screening.waste_gas", "wuxi.training.emergency",
     "wuxi.emergency.drill", "wuxi.on_site.consulting"}};
const TypeCodes kWorkSafety{"chengdu.hazard_screening",
                            "chengdu.risk_assessment",
                            {"chengdu.standardization", "chengdu.emergency_plan_drill", "chengdu.training"}};

struct Types {
  std::int64_t survey = 0;
  std::int64_t survey_extra = 0;
  std::vector<std::int64_t> plan_extra;
};

const std::vector<std::string> kDeclineReasons = {"超出本机构服务区域", "本机构近期服务人员不足",
                                                  "企业所属行业超出本机构服务能力"};
const std::vector<std::string> kCancelReasons = {"企业实际经营地址与登记信息不符，无法联系",
                                                 "企业已停产，联系人电话无人接听",
                                                 "企业名称与统一社会信用代码不一致"};
const std::vector<std::string> kWithdrawReasons = {"超过 60 日未完成现场服务，改派其他机构",
                                                   "企业反映服务未按时开展，改派其他机构"};
const std::vector<std::string> kVisitCancelReasons = {"企业临时停产检修，改期", "服务人员临时调整，另行安排",
                                                      "企业要求改期"};
const std::vector<std::string> kNotEnteredNotes = {"门卫拒绝入内，联系人未到场", "企业已停产",
                                                   "企业已搬迁至新地址", ""};
const std::vector<std::string> kReturnComments = {"培训计划时间与企业生产计划冲突，请调整",
                                                  "请补充危废贮存设施的检查内容", "请明确每次服务的人员安排"};

struct Item {
  std::int64_t id = 0;
  std::size_t policy = 0;
  std::size_t agency = 0;  // index into the city's agencies
  std::int64_t commission_id = 0;
  Day created;  // the commission's day
  std::string status = "pending";
  std::optional<Day> accepted, due, completed, closed;  // closed: declined, cancelled or withdrawn
  std::string reason;
  std::string updated_at;
  std::string completed_at;         // the moment the serving visit was finished
  std::optional<std::size_t> plan;  // index into plans_
};

struct Plan {
  std::int64_t id = 0;
  std::string status;
  Day agreed;
  std::vector<std::int64_t> types;
};

struct Deadline {
  const char* kind;
  const char* object_type;
  std::int64_t object_id = 0;
  std::optional<std::int64_t> version;
  std::int64_t enterprise_id = 0;
  std::string enterprise_name;
  std::int64_t responsible = 0;
  std::optional<std::int64_t> watcher;
  Day starts, due;
  int amount = 0;
  const char* unit;
  std::string basis;
  std::vector<std::int64_t> recipients;  // the responsible organization's leads (and the visit's team)
};

class ServicesWriter {
 public:
  ServicesWriter(WriteBehind& out, World& world)
      : out_(out),
        w_(world),
        rnd_(world.random.fork(2)),
        records_(out, world),
        commissions_(out, "commissions",
                     {"id", "insurer_org_id", "agency_org_id", "notes", "created_by", "created_at"}),
        commission_types_(out, "commission_service_types", {"commission_id", "service_type_version_id"}),
        items_(out, "commission_items",
               {"id", "commission_id", "enterprise_id", "policy_id", "status", "accepted_on", "due_on",
                "completed_on", "reason", "updated_at"}),
        plans_out_(out, "service_plans",
                   {"id", "enterprise_id", "year", "insurer_org_id", "agency_org_id", "policy_id", "status",
                    "enterprise_overview", "facilities_and_processes", "accident_history", "training_plan",
                    "safeguards", "notes", "return_comments", "created_by_org_id", "created_at", "updated_at",
                    "agreed_at"}),
        plan_items_(
            out, "service_plan_items",
            {"plan_id", "position", "service_type_version_id", "measures", "frequency", "expected_results"}),
        plan_staff_(out, "service_plan_staff", {"plan_id", "staff_id"}),
        visits_(out, "visits",
                {"id", "enterprise_id", "agency_org_id", "commission_item_id", "plan_id", "planned_on",
                 "duration_days", "special_request", "status", "not_entered_reason", "status_note", "notes",
                 "started_at", "done_on", "data_uploaded_on", "reviewed_on", "created_at", "updated_at"}),
        visit_types_(out, "visit_service_types", {"visit_id", "service_type_version_id"}),
        visit_team_(out, "visit_team", {"visit_id", "staff_id", "leader"}),
        deadlines_(out, "deadlines",
                   {"id", "kind", "object_type", "object_id", "service_type_version_id", "enterprise_id",
                    "responsible_org_id", "watcher_org_id", "starts_on", "due_on", "amount", "unit", "basis",
                    "status", "met_on", "overdue", "reminded", "overdue_notified", "created_at"}) {
    commission_types_.after(commissions_);
    items_.after(commissions_);
    plan_items_.after(plans_out_);
    plan_staff_.after(plans_out_);
    visits_.after(items_);
    visits_.after(plans_out_);
    visit_types_.after(visits_);
    visit_team_.after(visits_);
    environmental_ = load_types(kEnvironmental);
    work_safety_ = load_types(kWorkSafety);
  }

  void run() {
    choose_items();
    write_commissions();
    for (std::size_t i = 0; i < items_list_.size(); ++i) write_item(i);
    for (std::size_t i = 0; i < items_list_.size(); ++i) add_plan(i);
    add_visits();
    for (auto* table : {&commissions_, &commission_types_, &items_, &plans_out_, &plan_items_, &plan_staff_,
                        &visits_, &visit_types_, &visit_team_, &deadlines_})
      table->flush();
    records_.flush();
    // The sweep above ran up to today: the server's daily job has nothing left to do today.
    out_.execute(
        "INSERT INTO job_runs (job, last_run_on) VALUES ('deadline_sweep', ?) "
        "ON CONFLICT (job) DO UPDATE SET last_run_on = excluded.last_run_on",
        {date_text(w_.today)});
  }

 private:
  Types load_types(const TypeCodes& codes) {
    Types out;
    out.survey = version_of(codes.survey);
    out.survey_extra = version_of(codes.survey_extra);
    for (const auto* code : codes.plan_extra) out.plan_extra.push_back(version_of(code));
    return out;
  }

  std::int64_t version_of(const char* code) {
    const auto rows = out_.connection().query(
        "SELECT v.id FROM service_type_versions v JOIN service_types t ON t.id = v.type_id "
        "WHERE t.code = ? AND v.version = t.current_version",
        {std::string(code)});
    if (rows.empty()) throw std::runtime_error(std::string("service type missing from the catalog: ") + code);
    const auto id = rows[0].integer("id");
    rules_.emplace(id, services::service_rules_of_versions(out_.connection(), {id})[0]);
    return id;
  }

  // --- shortcuts -------------------------------------------------------------------------------------
  const Policy& policy(const Item& item) const { return w_.policies[item.policy]; }
  const Enterprise& enterprise(const Item& item) const { return w_.enterprises[policy(item).enterprise]; }
  City& city(const Item& item) { return w_.cities[enterprise(item).city]; }
  InsurerBranch& insurer(const Item& item) { return city(item).insurers[policy(item).insurer]; }
  Agency& agency(const Item& item) { return city(item).agencies[item.agency]; }
  bool environmental(const Item& item) const { return policy(item).insurance_type == "environmental"; }
  const Types& types(const Item& item) const { return environmental(item) ? environmental_ : work_safety_; }
  int minute(int from_hour, int to_hour) {
    return static_cast<int>(rnd_.between(from_hour * 60, to_hour * 60));
  }
  std::string at(Day day, int from_hour = 9, int to_hour = 17) {
    return moment(day, minute(from_hour, to_hour));
  }
  Day add_working_days(Day day, int n) const {
    return Day(w_.calendar.add_working_days(calendar::Date(day), n));
  }
  std::vector<std::int64_t> insurer_leads(const Item& item) { return {insurer(item).manager_user_id}; }
  Day clamp_today(Day day) const { return std::min(day, w_.today); }

  // --- commissions ---------------------------------------------------------------------------------------
  // Each insurer commissions the enterprises it insures now, at most once per enterprise; an enterprise
  // insured by two insurers is served by two different agencies.
  void choose_items() {
    std::map<std::size_t, std::vector<std::size_t>> agencies_of_enterprise;
    std::set<std::pair<std::size_t, std::size_t>> commissioned;  // (enterprise, insurer)
    for (std::size_t p = 0; p < w_.policies.size(); ++p) {
      const auto& pol = w_.policies[p];
      const auto& e = w_.enterprises[pol.enterprise];
      const bool in_force = pol.active && pol.starts_on < w_.today;
      if (!in_force || !(e.featured || rnd_.chance(900))) continue;
      if (!commissioned.insert({pol.enterprise, pol.insurer}).second) continue;
      auto& agencies = w_.cities[e.city].agencies;
      std::vector<int> weights;
      for (const auto& a : agencies) weights.push_back(a.weight);
      auto& taken = agencies_of_enterprise[pol.enterprise];
      std::optional<std::size_t> chosen;
      for (int attempt = 0; attempt < 10 && !chosen; ++attempt) {
        const auto a = e.featured ? 0 : rnd_.weighted(weights);
        if (std::find(taken.begin(), taken.end(), a) == taken.end()) chosen = a;
      }
      if (!chosen) continue;
      taken.push_back(*chosen);
      Item item;
      item.policy = p;
      item.agency = *chosen;
      items_list_.push_back(item);
    }
  }

  // Items go out in batches per insurer, agency and insurance type, each batch once its policies are in
  // force.
  void write_commissions() {
    std::map<std::tuple<std::size_t, std::size_t, std::size_t, bool>, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < items_list_.size(); ++i) {
      const auto& item = items_list_[i];
      // demo-enterprise's item goes out alone, soon after its policy starts, so it is long served.
      buckets[{enterprise(item).featured ? w_.cities.size() : enterprise(item).city, policy(item).insurer,
               item.agency, environmental(item)}]
          .push_back(i);
    }
    // An insurer sends what its policies of the last month call for: each item is due a few days to weeks
    // after its policy starts, and the items of one month go out together, at most 500 (the API's limit).
    constexpr std::size_t kMaxBatch = 500;
    for (auto& [key, members] : buckets) {
      std::vector<std::pair<Day, std::size_t>> wanted;
      for (auto i : members)
        wanted.push_back(
            {std::min(w_.today - days(1), policy(items_list_[i]).starts_on + days(rnd_.between(3, 30))), i});
      std::stable_sort(wanted.begin(), wanted.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (std::size_t start = 0; start < wanted.size();) {
        std::size_t end = start;
        while (end < wanted.size() && end - start < kMaxBatch &&
               wanted[end].first - wanted[start].first < days(30))
          ++end;
        std::vector<std::size_t> batch;
        for (auto k = start; k < end; ++k) batch.push_back(wanted[k].second);
        write_commission(batch, wanted[end - 1].first);
        start = end;
      }
    }
  }

  void write_commission(const std::vector<std::size_t>& batch, Day created) {
    const auto& first = items_list_[batch.front()];
    const auto id = w_.ids.next("commissions");
    auto& branch = insurer(first);
    auto& agency_ = agency(first);
    const auto& t = types(first);
    const std::string notes = environmental(first) ? "年度环责险风险评估，请于接受后 60 日内完成现场服务。"
                                                   : "安责险事故预防服务，请按成都标准开展隐患排查。";
    const auto when = at(created, 9, 12);
    commissions_.add({id, branch.org_id, agency_.org_id, notes, branch.manager_user_id, when});
    std::vector<std::int64_t> versions = {t.survey, t.survey_extra};
    std::sort(versions.begin(), versions.end());
    for (auto v : versions) commission_types_.add({id, v});
    std::vector<std::int64_t> enterprise_ids;
    for (auto i : batch) {
      auto& item = items_list_[i];
      item.id = w_.ids.next("commission_items");
      item.commission_id = id;
      item.created = created;
      item.updated_at = when;
      enterprise_ids.push_back(w_.enterprises[policy(item).enterprise].id);
    }
    records_.audit(
        when, branch.manager_user_id, branch.org_id, "commission", id, "create",
        audit::created(
            {{"agency_org_id", agency_.org_id}, {"enterprise_ids", enterprise_ids}, {"notes", notes}}));
    const auto count = std::to_string(batch.size());
    records_.notify({agency_.lead_user_id},
                    {"commission_received", "收到新的服务委托", "New commission received",
                     branch.name + "委托了 " + count + " 家企业，请确认企业信息并逐一接受或拒绝。",
                     branch.name + " commissioned " + count +
                         " enterprises; check their data and accept or decline each.",
                     "commission", id},
                    created, minute(9, 12));
  }

  // Where one commissioned enterprise stands now, with the steps that brought it there.
  void write_item(std::size_t index) {
    auto& item = items_list_[index];
    const auto age = (w_.today - item.created).count();
    const bool featured = enterprise(item).featured;
    const std::vector<const char*> outcomes = {"pending",          "accepted",  "declined",
                                               "cancel_requested", "cancelled", "withdrawn"};
    const auto outcome = featured
                             ? std::string("accepted")
                             : std::string(outcomes[age < 15 ? rnd_.weighted({550, 350, 40, 40, 0, 20})
                                                             : rnd_.weighted({15, 880, 50, 15, 25, 15})]);
    const auto decided = clamp_today(item.created + days(rnd_.between(1, 10)));
    auto& branch = insurer(item);
    const auto lead = agency(item).lead_user_id;
    if (outcome == "declined" || outcome == "cancel_requested" || outcome == "cancelled") {
      const bool decline = outcome == "declined";
      item.reason = rnd_.pick(decline ? kDeclineReasons : kCancelReasons);
      step(item, decline ? "decline" : "request_cancel", decline ? "declined" : "cancel_requested", lead,
           decided);
      const auto& name = enterprise(item).name;
      records_.notify(insurer_leads(item),
                      {decline ? "commission_declined" : "commission_cancel_requested",
                       (decline ? "委托被拒绝：" : "申请取消委托：") + name,
                       (decline ? "Commission declined: " : "Cancellation requested: ") + name,
                       agency(item).name + "：" + item.reason, agency(item).name + ": " + item.reason,
                       "commission_item", item.id},
                      decided, minute(9, 17));
      if (outcome == "cancelled") {
        item.reason.clear();
        step(item, "approve_cancel", "cancelled", branch.manager_user_id,
             clamp_today(decided + days(rnd_.between(1, 5))));
      }
      if (outcome != "cancel_requested") item.closed = decided;
    } else if (outcome == "withdrawn") {
      step(item, "withdraw", "withdrawn", branch.manager_user_id, decided);
      item.closed = decided;
    } else if (outcome == "accepted") {
      accept(item, decided, featured);
    }
    items_.add({item.id, item.commission_id, enterprise(item).id, policy(item).id, item.status,
                item.accepted ? db::Value(date_text(*item.accepted)) : db::null_value(),
                item.due ? db::Value(date_text(*item.due)) : db::null_value(),
                item.completed ? db::Value(date_text(*item.completed)) : db::null_value(), item.reason,
                item.updated_at});
  }

  void step(Item& item, const char* action, const char* to, std::int64_t user_id, Day day) {
    item.updated_at = at(day);
    records_.step("commission_item", item.id, insurer(item).org_id, action, item.status, to, item.reason,
                  user_id, item.updated_at);
    item.status = to;
  }

  // Accepted: the on-site service is due 60 days later (wuxi §15(二)); served by a done visit, or
  // withdrawn once overdue.
  void accept(Item& item, Day accepted, bool featured) {
    item.accepted = accepted;
    item.due = Day(services::commission_on_site_due(w_.calendar, calendar::Date(accepted)));
    step(item, "accept", "accepted", agency(item).lead_user_id, accepted);
    const auto& e = enterprise(item);
    const Day due = *item.due;
    const Day last = w_.today - days(1);
    const bool can_complete = accepted + days(3) <= last;
    std::optional<Day> completed;
    if (can_complete) {
      const bool overdue_now = due < w_.today;
      const bool complete = featured || (overdue_now ? rnd_.chance(900)
                                                     : rnd_.chance(static_cast<int>(std::min<std::int64_t>(
                                                           900, (w_.today - accepted).count() * 15))));
      if (complete) {
        const bool late = !featured && due + days(2) <= last && rnd_.chance(80);
        completed = late ? due + days(rnd_.between(1, std::min<std::int64_t>(20, (last - due).count())))
                         : accepted + days(rnd_.between(3, std::max<std::int64_t>(
                                                               3, (std::min(due, last) - accepted).count())));
      } else if (overdue_now && rnd_.chance(400)) {
        item.reason = rnd_.pick(kWithdrawReasons);
        const auto withdrawn = clamp_today(due + days(rnd_.between(1, 20)));
        step(item, "withdraw", "withdrawn", insurer(item).manager_user_id, withdrawn);
        item.closed = withdrawn;
      }
    }
    const auto accepted_at = item.updated_at;
    if (completed) {
      // The visit that serves it completes it (visit_flow.cpp on_done): its status event is written with
      // that visit's finish.
      item.completed = completed;
      item.completed_at = item.updated_at = at(*completed, 15, 18);
      item.status = "completed";
    }
    Deadline d{"commission_on_site",
               "commission_item",
               item.id,
               std::nullopt,
               e.id,
               e.name,
               agency(item).org_id,
               insurer(item).org_id,
               accepted,
               due,
               services::kCommissionOnSiteDays,
               "calendar_days",
               "wuxi §15(二)",
               {agency(item).lead_user_id}};
    write_deadline(d, item.completed ? item.completed : item.closed, item.completed ? "met" : "cancelled",
                   accepted_at);
  }

  // --- deadlines -----------------------------------------------------------------------------------------
  // `closed`: the day it was met or cancelled (status `closed_as`); open when absent. The daily sweep ran
  // every day: it reminded the responsible people 2 working days ahead and flagged it once past due.
  void write_deadline(const Deadline& d, std::optional<Day> closed, const char* closed_as,
                      const std::string& created_at) {
    const auto open_on = [&](Day day) { return day <= w_.today && (!closed || *closed >= day); };
    std::optional<Day> remind_day;
    for (Day day = std::max(d.starts, d.due - days(7)); day <= d.due; day += days(1))
      if (add_working_days(day, 2) >= d.due) {
        remind_day = day;
        break;
      }
    const bool reminded = remind_day && open_on(*remind_day) && *remind_day > d.starts;
    const bool overdue = open_on(d.due + days(1)) && (!closed || *closed > d.due);
    const auto kind = std::string(d.kind);
    const auto what = services::deadline_kinds().zh(kind) + "：" + d.enterprise_name;
    const auto what_en = services::deadline_kinds().en(kind) + ": " + d.enterprise_name;
    const auto due = date_text(d.due);
    if (reminded)
      records_.notify(d.recipients,
                      {"deadline_due_soon", "即将到期 · " + what, "Due soon · " + what_en,
                       "期限为 " + due + "。", "It is due on " + due + ".", d.object_type, d.object_id},
                      *remind_day, 5);
    if (overdue)
      records_.notify(
          d.recipients,
          {"deadline_overdue", "已逾期 · " + what, "Overdue · " + what_en, "期限为 " + due + "，请尽快处理。",
           "It was due on " + due + ".", d.object_type, d.object_id},
          d.due + days(1), 5);
    const bool met = closed && std::string(closed_as) == "met";
    deadlines_.add({w_.ids.next("deadlines"), kind, std::string(d.object_type), d.object_id,
                    db::optional_value(d.version), d.enterprise_id, d.responsible,
                    db::optional_value(d.watcher), date_text(d.starts), due, std::int64_t{d.amount},
                    std::string(d.unit), d.basis, std::string(closed ? closed_as : "open"),
                    met ? db::Value(date_text(*closed)) : db::null_value(), std::int64_t{overdue},
                    std::int64_t{reminded}, std::int64_t{overdue}, created_at});
  }

  // --- plans -----------------------------------------------------------------------------------------------
  void add_plan(std::size_t index);
  // --- visits ----------------------------------------------------------------------------------------------
  struct Team {
    std::vector<std::int64_t> staff;  // the leader first
    std::int64_t worker = 0;          // who records the team's steps: a member who signs in, else the lead
    std::vector<std::int64_t> users;  // the members who sign in
    std::string leader_name;
  };
  // A team the staffing rule admits anywhere: a titled expert leading titled members, three of them for
  // a large enterprise or a special request (wuxi §15(三)), all safety-qualified (chengdu 5.2.4).
  Team pick_team(const Agency& agency, bool large);

  enum class Kind { survey, attempt, follow_up };
  struct Draft {
    std::size_t item = 0;
    Kind kind = Kind::survey;
    Day day;
    std::string status;
  };
  void add_visits();
  void draft_surveys(std::size_t index, std::vector<Draft>& out);
  void draft_follow_ups(std::vector<Draft>& out);
  std::string status_on(Day day);
  void write_visit(const Draft& draft);
  void write_done(const Draft& draft, std::int64_t id, const std::vector<std::int64_t>& versions,
                  const Team& team, bool special_request, std::string& uploaded_on, std::string& reviewed_on,
                  std::string& updated_at);

  WriteBehind& out_;
  World& w_;
  Random rnd_;
  Records records_;
  BulkInsert commissions_, commission_types_, items_, plans_out_, plan_items_, plan_staff_, visits_,
      visit_types_, visit_team_, deadlines_;
  Types environmental_, work_safety_;
  std::map<std::int64_t, services::ServiceRules> rules_;  // by version id
  std::vector<Item> items_list_;
  std::vector<Plan> plans_;
  std::map<std::int64_t, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>>
      pools_;  // experts, others
};

std::string scale_zh(const std::string& scale) {
  if (scale == "large") return "大型";
  if (scale == "medium") return "中型";
  if (scale == "small") return "小型";
  if (scale == "micro") return "微型";
  return "规模未填报的";
}

// A service plan of the year for a served enterprise (chengdu App. C), written by the agency (or the
// insurer) and proposed, agreed or returned by the enterprise when it is on the platform.
void ServicesWriter::add_plan(std::size_t index) {
  auto& item = items_list_[index];
  if (item.status != "accepted" && item.status != "completed") return;
  const auto& e = enterprise(item);
  if (!e.featured && !rnd_.chance(e.user_id ? 950 : 500)) return;
  std::string status =
      e.featured  ? "agreed"
      : e.user_id ? rnd_.among<std::string>({"agreed", "proposed", "returned", "draft"}, {75, 10, 6, 9})
                  : "draft";
  const Day created = clamp_today(*item.accepted + days(rnd_.between(1, 10)));
  const Day proposed = created + days(rnd_.between(1, 7));
  const Day answered = proposed + days(rnd_.between(1, 10));
  if (status != "draft" && proposed > w_.today) status = "draft";
  if ((status == "agreed" || status == "returned") && answered > w_.today) status = "proposed";

  Plan plan;
  plan.id = w_.ids.next("service_plans");
  plan.status = status;
  plan.agreed = answered;
  const auto& t = types(item);
  plan.types = {t.survey};
  if (rnd_.chance(500)) plan.types.push_back(t.survey_extra);
  for (auto n = rnd_.between(1, 2); n > 0; --n) {
    const auto v = rnd_.pick(t.plan_extra);
    if (std::find(plan.types.begin(), plan.types.end(), v) == plan.types.end()) plan.types.push_back(v);
  }
  auto& agency_ = agency(item);
  auto& branch = insurer(item);
  const bool by_insurer = rnd_.chance(100);
  const auto writer_org = by_insurer ? branch.org_id : agency_.org_id;
  const auto writer = by_insurer ? branch.manager_user_id : agency_.lead_user_id;
  const int year = static_cast<int>(std::chrono::year_month_day(w_.today).year());
  const auto created_at = at(created);
  std::string updated_at = created_at, return_comments;
  records_.audit(created_at, writer, agency_.org_id, "service_plan", plan.id, "create",
                 audit::created({{"enterprise_id", e.id},
                                 {"year", year},
                                 {"agency_org_id", agency_.org_id},
                                 {"insurer_org_id", branch.org_id},
                                 {"status", "draft"}}));
  if (status != "draft") {
    updated_at = at(proposed);
    records_.step("service_plan", plan.id, agency_.org_id, "propose", "draft", "proposed", "", writer,
                  updated_at);
    records_.notify({*e.user_id},
                    {"plan_proposed", std::to_string(year) + " 年度服务方案待确认",
                     "Service plan " + std::to_string(year) + " to agree",
                     agency_.name + "提交了服务方案，请确认或退回修改。",
                     agency_.name + " proposed a service plan; agree or return it.", "service_plan", plan.id},
                    proposed, minute(9, 17));
  }
  if (status == "agreed" || status == "returned") {
    const bool agreed = status == "agreed";
    if (!agreed) return_comments = rnd_.pick(kReturnComments);
    updated_at = at(answered);
    records_.step("service_plan", plan.id, agency_.org_id, agreed ? "agree" : "return", "proposed", status,
                  return_comments, *e.user_id, updated_at);
    const auto writer_leads = by_insurer ? std::vector<std::int64_t>{branch.manager_user_id}
                                         : std::vector<std::int64_t>{agency_.lead_user_id};
    records_.notify(writer_leads,
                    {agreed ? "plan_agreed" : "plan_returned",
                     (agreed ? "企业已同意服务方案：" : "企业退回服务方案：") + e.name,
                     (agreed ? "Plan agreed: " : "Plan returned: ") + e.name, return_comments,
                     return_comments, "service_plan", plan.id},
                    answered, minute(9, 17));
  }
  const nlohmann::json training = nlohmann::json::array(
      {{{"topic", environmental(item) ? "突发环境事件应急预案演练" : "安全生产主体责任与隐患排查"},
        {"audience", "企业管理人员及一线员工"},
        {"form", "现场授课"},
        {"kind", "专项培训"},
        {"materials", "培训课件、签到表"},
        {"time", "第" + std::string(rnd_.chance(500) ? "二" : "三") + "季度"}}});
  plans_out_.add(
      {plan.id, e.id, std::int64_t{year}, branch.org_id, agency_.org_id, policy(item).id, status,
       e.name + "，主要从事" + e.industry_word + "相关生产，" + scale_zh(e.scale) + "企业。",
       rnd_.pick(std::vector<std::string>{"主要生产设施包括生产车间、原料仓库、危废暂存间及污水预处理设施。",
                                          "涉及有机溶剂使用，配套建设废气收集处理设施（活性炭吸附）。",
                                          "设有危险化学品仓库一座，配套事故应急池及雨污切换阀。"}),
       rnd_.chance(900) ? std::string("近三年未发生突发环境事件或生产安全事故。")
                        : std::string("2024 年发生一起少量物料泄漏，已妥善处置，未造成环境影响。"),
       training.dump(), std::string("服务小组一对一服务，现场服务前与企业确认时间。"), std::string(),
       return_comments, writer_org, created_at, updated_at,
       status == "agreed" ? db::Value(updated_at) : db::null_value()});
  for (std::size_t i = 0; i < plan.types.size(); ++i) {
    const auto& rules = rules_.at(plan.types[i]);
    // A draft may still lack measures; a proposed plan has them for every item (plan_flow.cpp).
    const bool measured = status != "draft" || rnd_.chance(700);
    plan_items_.add({plan.id, static_cast<std::int64_t>(i), plan.types[i],
                     measured ? "查阅" + rules.name_zh + "相关台账与记录，现场检查设施运行情况，提出整改建议"
                              : std::string(),
                     rnd_.among<std::string>({"每年 1 次", "每半年 1 次", "每季度 1 次"}, {5, 3, 2}),
                     rules.name_zh + "报告及隐患整改建议清单"});
  }
  for (const auto staff_id : pick_team(agency_, false).staff) plan_staff_.add({plan.id, staff_id});
  item.plan = plans_.size();
  plans_.push_back(std::move(plan));
}

ServicesWriter::Team ServicesWriter::pick_team(const Agency& agency, bool large) {
  auto& [experts, others] = pools_[agency.org_id];
  if (experts.empty()) {
    for (std::size_t i = 0; i < agency.staff.size(); ++i)
      if (agency.staff[i].qualified) (agency.staff[i].expert ? experts : others).push_back(i);
  }
  Team team;
  std::vector<std::size_t> members = {rnd_.pick(experts)};
  const std::size_t size =
      std::min<std::size_t>((large ? 3 : 2) + (rnd_.chance(200) ? 1 : 0), experts.size() + others.size());
  while (members.size() < size) {
    const auto m = rnd_.chance(700) ? rnd_.pick(others) : rnd_.pick(experts);
    if (std::find(members.begin(), members.end(), m) == members.end()) members.push_back(m);
  }
  for (auto m : members) {
    const auto& person = agency.staff[m];
    team.staff.push_back(person.id);
    if (person.user_id) team.users.push_back(*person.user_id);
  }
  team.worker = team.users.empty() ? agency.lead_user_id : team.users.front();
  team.leader_name = agency.staff[members.front()].name;
  return team;
}

// What a visit on `day` has become by today.
std::string ServicesWriter::status_on(Day day) {
  if (day < w_.today)
    return rnd_.among<std::string>({"done", "could_not_enter", "cancelled", "planned", "confirmed"},
                                   {85, 5, 6, 2, 2});
  if (day == w_.today) return rnd_.among<std::string>({"in_progress", "confirmed", "planned"}, {5, 3, 2});
  return rnd_.among<std::string>({"planned", "confirmed", "cancelled"}, {60, 35, 5});
}

// The visits a commission item led to: the one that served it (and failed tries before), or the one
// being arranged.
void ServicesWriter::draft_surveys(std::size_t index, std::vector<Draft>& out) {
  const auto& item = items_list_[index];
  const Day accepted = *item.accepted;
  const auto attempt = [&](Day from, Day to) {
    if (from <= to)
      out.push_back({index, Kind::attempt, from + days(rnd_.between(0, (to - from).count())),
                     rnd_.chance(600) ? "could_not_enter" : "cancelled"});
  };
  if (item.status == "completed") {
    if (rnd_.chance(120)) attempt(accepted + days(1), *item.completed - days(1));
    out.push_back({index, Kind::survey, *item.completed, "done"});
    return;
  }
  if (item.status != "accepted") return;
  const bool overdue = *item.due < w_.today;
  const auto roll = rnd_.below(100);
  if (roll < (overdue ? 40 : 20)) return;  // not arranged yet
  if (overdue && roll < 70 && accepted + days(1) < w_.today) {
    // Arranged and never updated: a stale plan the overdue lists show.
    out.push_back({index, Kind::survey, accepted + days(rnd_.between(1, (w_.today - accepted).count() - 1)),
                   "planned"});
    return;
  }
  if (!overdue && roll < 35) attempt(accepted + days(1), w_.today - days(1));
  const Day from = std::max(accepted + days(1), w_.today);
  const Day to = std::max(from, std::min(*item.due, w_.today + days(30)));
  const Day day = from + days(rnd_.between(0, (to - from).count()));
  out.push_back({index, Kind::survey, day,
                 day == w_.today ? rnd_.among<std::string>({"in_progress", "confirmed"}, {1, 1})
                                 : rnd_.among<std::string>({"planned", "confirmed"}, {3, 2})});
}

// The rest of the year's visits follow the agreed plans of served enterprises, spread over the year up to
// two months ahead.
void ServicesWriter::draft_follow_ups(std::vector<Draft>& out) {
  const auto needed = w_.scale.visits - static_cast<std::int64_t>(out.size());
  if (needed <= 0) return;
  const std::chrono::year_month_day today(w_.today);
  const Day year_start(today.year() / std::chrono::January / 1),
      year_end(today.year() / std::chrono::December / 31);
  struct Window {
    std::size_t item;
    Day from;
    std::int64_t length;
  };
  std::vector<Window> windows;
  std::vector<std::int64_t> cumulative;
  for (std::size_t i = 0; i < items_list_.size(); ++i) {
    const auto& item = items_list_[i];
    if (item.status != "completed" || !item.plan || plans_[*item.plan].status != "agreed") continue;
    const Day from = std::max({*item.completed, plans_[*item.plan].agreed, year_start - days(1)}) + days(1);
    const Day to = std::min(w_.today + days(60), year_end);
    if (from > to) continue;
    windows.push_back({i, from, (to - from).count() + 1});
    cumulative.push_back((cumulative.empty() ? 0 : cumulative.back()) + windows.back().length);
  }
  if (windows.empty()) throw std::runtime_error("no agreed plans to schedule the remaining visits on");
  for (std::int64_t n = 0; n < needed; ++n) {
    const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), rnd_.below(cumulative.back()));
    const auto& window = windows[static_cast<std::size_t>(at - cumulative.begin())];
    const Day day = window.from + days(rnd_.below(window.length));
    out.push_back({window.item, Kind::follow_up, day, status_on(day)});
  }
}

void ServicesWriter::add_visits() {
  std::vector<Draft> drafts;
  for (std::size_t i = 0; i < items_list_.size(); ++i) draft_surveys(i, drafts);
  // Fewer visits asked for than items served: drop what is optional (failed tries, visits being arranged).
  for (std::size_t i = drafts.size(); i-- > 0 && static_cast<std::int64_t>(drafts.size()) > w_.scale.visits;)
    if (drafts[i].status != "done") drafts.erase(drafts.begin() + static_cast<std::ptrdiff_t>(i));
  if (static_cast<std::int64_t>(drafts.size()) > w_.scale.visits)
    throw std::runtime_error("more commissions were served than visits asked for");
  draft_follow_ups(drafts);
  // Ids grow with the planned day, as they do when visits are arranged over the year.
  std::stable_sort(drafts.begin(), drafts.end(),
                   [](const Draft& a, const Draft& b) { return a.day < b.day; });
  for (const auto& draft : drafts) write_visit(draft);
}

void ServicesWriter::write_visit(const Draft& d) {
  auto& item = items_list_[d.item];
  const auto& e = enterprise(item);
  auto& agency_ = agency(item);
  const auto id = w_.ids.next("visits");
  const bool follow_up = d.kind == Kind::follow_up;
  const bool special_request = rnd_.chance(30);
  const bool large = e.scale == "large" || special_request;
  const auto team = pick_team(agency_, large);
  std::vector<std::int64_t> versions;
  if (follow_up) {
    const auto& plan_types = plans_[*item.plan].types;
    versions = {rnd_.pick(plan_types)};
    if (rnd_.chance(300)) versions.push_back(rnd_.pick(plan_types));
  } else {
    versions = {types(item).survey};
    if (rnd_.chance(400)) versions.push_back(types(item).survey_extra);
  }
  std::sort(versions.begin(), versions.end());
  versions.erase(std::unique(versions.begin(), versions.end()), versions.end());

  // Arranged a few days to weeks ahead, once the commission was accepted or the plan agreed.
  const Day earliest = follow_up ? std::max(*item.completed, plans_[*item.plan].agreed) : *item.accepted;
  const Day created_day = std::clamp(d.day - days(rnd_.between(2, 20)), earliest, std::min(d.day, w_.today));
  // Arranged on the day itself: early, before the team sets off.
  const auto created_at = created_day == d.day ? at(created_day, 6, 6) : at(created_day, 8, 12);
  std::string updated_at = created_at, reason_code, status_note, started_at, uploaded_on, reviewed_on;
  std::string status = "planned";
  const auto lead = agency_.lead_user_id;
  const auto walk = [&](const char* action, const char* to, std::int64_t user, const std::string& when,
                        const std::string& reason = "") {
    records_.step("visit", id, agency_.org_id, action, status, to, reason, user, when);
    status = to;
    updated_at = when;
  };
  const bool progressed = d.status == "in_progress" || d.status == "done" || d.status == "could_not_enter";
  if (d.status == "confirmed" || (progressed && rnd_.chance(600))) {
    const auto by = e.user_id && rnd_.chance(200) ? *e.user_id : team.worker;
    const Day confirm_day =
        d.day > created_day ? created_day + days(rnd_.below((d.day - created_day).count())) : d.day;
    walk("confirm", "confirmed", by, confirm_day == d.day ? at(d.day, 7, 7) : at(confirm_day, 13, 18));
  }
  if (d.status == "in_progress" || d.status == "done") {
    started_at = at(d.day, 8, 10);
    walk("start", "in_progress", team.worker, started_at);
  }
  if (d.status == "could_not_enter") {
    reason_code =
        rnd_.among<std::string>({"refused", "not_operating", "address_changed", "other"}, {35, 30, 20, 15});
    status_note = rnd_.pick(kNotEnteredNotes);
    if (reason_code == "other" && status_note.empty()) status_note = "企业正在接受其他检查，无法配合";
    const auto history =
        services::not_entered_reasons().zh(reason_code) + (status_note.empty() ? "" : "：" + status_note);
    walk("could_not_enter", "could_not_enter", team.worker, at(d.day, 9, 11), history);
    if (!follow_up) {
      const auto note_en =
          services::not_entered_reasons().en(reason_code) + (status_note.empty() ? "" : ": " + status_note);
      records_.notify(insurer_leads(item),
                      {"visit_not_entered", "无法入场：" + e.name, "Could not enter: " + e.name, history,
                       note_en, "visit", id},
                      d.day, minute(11, 17));
    }
  }
  if (d.status == "cancelled") {
    status_note = rnd_.pick(kVisitCancelReasons);
    walk("cancel", "cancelled", lead, at(std::min(d.day, w_.today), 13, 18), status_note);
  }
  if (d.status == "in_progress" || d.status == "done")
    w_.worked_visits.push_back({id, policy(item).enterprise, agency_.org_id, versions, d.day, started_at, "",
                                team.worker, team.leader_name});
  if (d.status == "done") {
    walk("finish", "done", team.worker,
         item.completed_at.empty() || follow_up ? at(d.day, 15, 18) : item.completed_at);
    w_.worked_visits.back().finished_at = updated_at;
    if (!follow_up)
      records_.step("commission_item", item.id, insurer(item).org_id, "complete", "accepted", "completed", "",
                    team.worker, updated_at);
    write_done(d, id, versions, team, special_request, uploaded_on, reviewed_on, updated_at);
  }
  const auto duration = large && rnd_.chance(400) ? 2 : 1;
  visits_.add({id, e.id, agency_.org_id, follow_up ? db::null_value() : db::Value(item.id),
               follow_up ? db::Value(plans_[*item.plan].id) : db::null_value(), date_text(d.day),
               std::int64_t{duration}, std::int64_t{special_request}, d.status, reason_code, status_note,
               std::string(), started_at.empty() ? db::null_value() : db::Value(started_at),
               d.status == "done" ? db::Value(date_text(d.day)) : db::null_value(),
               uploaded_on.empty() ? db::null_value() : db::Value(uploaded_on),
               reviewed_on.empty() ? db::null_value() : db::Value(reviewed_on), created_at, updated_at});
  for (auto v : versions) visit_types_.add({id, v});
  for (std::size_t m = 0; m < team.staff.size(); ++m)
    visit_team_.add({id, team.staff[m], std::int64_t{m == 0}});
  records_.audit(
      created_at, lead, agency_.org_id, "visit", id, "create",
      audit::created({{"enterprise_id", e.id},
                      {"planned_on", date_text(d.day)},
                      {"service_type_version_ids", versions},
                      {"staff_ids", team.staff},
                      {"commission_item_id", follow_up ? nlohmann::json() : nlohmann::json(item.id)},
                      {"plan_id", follow_up ? nlohmann::json(plans_[*item.plan].id) : nlohmann::json()}}));
}

// A done visit: the upload deadline of each service type (visit_flow.cpp on_done, or a date agreed with
// the enterprise), the upload, and for a commissioned visit the insurer's review within 10 working days.
void ServicesWriter::write_done(const Draft& d, std::int64_t id, const std::vector<std::int64_t>& versions,
                                const Team& team, bool special_request, std::string& uploaded_on,
                                std::string& reviewed_on, std::string& updated_at) {
  auto& item = items_list_[d.item];
  const auto& e = enterprise(item);
  auto& agency_ = agency(item);
  const bool commissioned = d.kind != Kind::follow_up;
  const std::optional<std::int64_t> insurer_org =
      commissioned ? std::optional(insurer(item).org_id) : std::nullopt;
  std::vector<std::int64_t> recipients = team.users;
  recipients.push_back(agency_.lead_user_id);
  std::vector<Deadline> uploads;
  std::optional<Day> upload_target;
  for (auto v : versions) {
    const auto& rules = rules_.at(v);
    const auto due = services::upload_due(rules, e.scale, special_request);
    if (due == services::UploadDue::after_visit) {
      const auto wd = *rules.upload_working_days;
      uploads.push_back({"data_upload", "visit", id, v, e.id, e.name, agency_.org_id, insurer_org, d.day,
                         add_working_days(d.day, wd), wd, "working_days", rules.upload_basis, recipients});
      // Most teams upload within a few days, some near the deadline, a few late.
      const auto lag =
          rnd_.among<std::int64_t>({rnd_.between(1, std::max(1, wd - 3)),
                                    rnd_.between(std::max(1, wd - 2), wd), rnd_.between(wd + 1, wd + 4)},
                                   {60, 25, 15});
      const auto target = add_working_days(d.day, static_cast<int>(lag));
      upload_target = upload_target ? std::min(*upload_target, target) : target;
    } else if (due == services::UploadDue::agreed && rnd_.chance(850)) {
      // PUT /visits/{id}/upload-due: the date the agency agreed with the enterprise.
      const Day set_on = clamp_today(d.day + days(rnd_.between(1, 3)));
      const auto length = rnd_.between(14, 30);
      uploads.push_back({"data_upload", "visit", id, v, e.id, e.name, agency_.org_id, insurer_org, set_on,
                         set_on + days(length), static_cast<int>(length), "calendar_days",
                         services::kAgreedUploadBasis, recipients});
      const auto target = set_on + days(rnd_.between(3, length + 5));
      upload_target = upload_target ? std::min(*upload_target, target) : target;
    }
  }
  if (!upload_target && rnd_.chance(800))
    upload_target = add_working_days(d.day, static_cast<int>(rnd_.between(2, 10)));
  const bool uploaded = upload_target && *upload_target <= w_.today;
  for (const auto& u : uploads)
    write_deadline(u, uploaded ? upload_target : std::nullopt, "met", at(u.starts, 15, 18));
  if (!uploaded) return;
  const Day upload_day = *upload_target;
  uploaded_on = date_text(upload_day);
  updated_at = at(upload_day);
  records_.audit(updated_at, team.worker, agency_.org_id, "visit", id, "update",
                 {{"data_uploaded_on", {{"from", nullptr}, {"to", uploaded_on}}}});
  if (!insurer_org) return;
  auto& branch = insurer(item);
  records_.notify({branch.manager_user_id, branch.reviewer_user_id},
                  {"review_requested", "待审核服务资料：" + e.name, "Service data to review: " + e.name,
                   "请在 10 个工作日内审核。", "Review within 10 working days.", "visit", id},
                  upload_day, minute(9, 17));
  const Day review_day = add_working_days(upload_day, static_cast<int>(rnd_.between(2, 12)));
  const bool reviewed = review_day <= w_.today;
  Deadline review{"report_review",
                  "visit",
                  id,
                  std::nullopt,
                  e.id,
                  e.name,
                  branch.org_id,
                  agency_.org_id,
                  upload_day,
                  add_working_days(upload_day, services::kReviewWorkingDays),
                  services::kReviewWorkingDays,
                  "working_days",
                  "wuxi att.1 一(一)7",
                  {branch.manager_user_id, branch.reviewer_user_id}};
  write_deadline(review, reviewed ? std::optional(review_day) : std::nullopt, "met", updated_at);
  if (!reviewed) return;
  reviewed_on = date_text(review_day);
  updated_at = at(review_day);
  records_.audit(updated_at, branch.reviewer_user_id, branch.org_id, "visit", id, "update",
                 {{"reviewed_on", {{"from", nullptr}, {"to", reviewed_on}}}});
}

}  // namespace

void write_services(WriteBehind& out, World& world) { ServicesWriter(out, world).run(); }

}  // namespace rw::benchdata
