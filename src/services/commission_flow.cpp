#include "services/commission_flow.hpp"

#include "calendar/calendar_store.hpp"
#include "notify/notification_service.hpp"
#include "platform/dates.hpp"
#include "services/commission_listing.hpp"
#include "services/deadline_rules.hpp"
#include "services/deadline_store.hpp"
#include "services/workflow_vocabularies.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

using Item = CommissionItemState;
using Move = workflow::Move<Item>;

constexpr const char* kUpdateStatus =
    "UPDATE commission_items SET status = ?, reason = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdateAccepted =
    "UPDATE commission_items SET accepted_on = ?, due_on = ? WHERE id = ?";
constexpr const char* kUpdateCompleted = "UPDATE commission_items SET completed_on = ? WHERE id = ?";
constexpr const char* kSelectAcceptedItems =
    " WHERE ci.enterprise_id = ? AND ci.agency_org_id = ? AND ci.status = 'accepted'";

const workflow::Grant<Item> kAgency{
    {"agency", "platform"}, "commission:decide", [](const workflow::Caller& caller, const Item& item) {
      return caller.acts_for(item.agency_org_id);
    }};
const workflow::Grant<Item> kInsurer{
    {"insurer", "platform"}, "commission:write", [](const workflow::Caller& caller, const Item& item) {
      return caller.acts_for(item.insurer_org_id);
    }};

std::string today_of(const workflow::Act& act) { return china_date(act.clock.now()); }

void store(Move& move) {
  move.db.execute(kUpdateStatus, {std::string(move.step.to), move.input.text, move.now, move.subject.id});
}

// Accepted: the on-site service is due 60 days later (wuxi §15(二)).
void on_accepted(Move& move) {
  const auto& item = move.subject;
  const auto today_day = china_day(move.clock.now());
  const auto today = format_date(today_day);
  const auto due = format_date(commission_on_site_due(calendar::load_calendar(move.db), today_day));
  move.db.execute(kUpdateAccepted, {today, due, item.id});
  open_deadline(
      move.db,
      {"commission_on_site", "commission_item", item.id, std::nullopt, item.enterprise_id, item.agency_org_id,
       item.insurer_org_id, today, due, kCommissionOnSiteDays, "calendar_days", "wuxi §15(二)"},
      move.now);
}

// Declined or sent back: the insurer hears why.
void tell_insurer(Move& move) {
  const auto& item = move.subject;
  const auto& name = item.enterprise_name;
  const auto& reason = move.input.text;
  const bool declined = move.step.action == "decline";
  notify::notify_users(
      move.db, notify::org_users_with_roles(move.db, item.insurer_org_id, {"admin", "manager"}),
      {declined ? "commission_declined" : "commission_cancel_requested",
       declined ? "委托被拒绝：" + name : "申请取消委托：" + name,
       declined ? "Commission declined: " + name : "Cancellation requested: " + name,
       item.agency_name + "：" + reason, item.agency_name + ": " + reason, "commission_item", item.id},
      move.now);
}

void on_withdrawn_after_acceptance(Move& move) {
  close_deadlines(move.db, "commission_item", move.subject.id, "commission_on_site", "cancelled",
                  today_of(move));
}

void on_completed(Move& move) {
  const auto today = today_of(move);
  move.db.execute(kUpdateCompleted, {today, move.subject.id});
  close_deadlines(move.db, "commission_item", move.subject.id, "commission_on_site", "met", today);
}

std::optional<workflow::Refusal> overdue(const Item& item) {
  if (item.overdue) return std::nullopt;
  return workflow::Refusal{"not_overdue", "现场服务期限（" + item.due_on + "）未到，不能撤回",
                           "the on-site service is due on " + item.due_on + "; it is not overdue yet"};
}

Item load(db::Connection& db, const accounts::Actor& user, const Clock& clock, std::int64_t id) {
  return commission_item_state(find_commission_item(db, user, id), china_date(clock.now()));
}

}  // namespace

CommissionItemState commission_item_state(const db::Row& row, const std::string& today) {
  const auto status = row.text("status");
  const auto due_on = row.text("due_on");
  return {row.integer("id"),
          status,
          row.integer("insurer_org_id"),
          row.integer("agency_org_id"),
          row.integer("enterprise_id"),
          row.text("enterprise_name"),
          row.text("agency_name"),
          due_on,
          status == "accepted" && due_on < today};
}

const workflow::Machine<CommissionItemState>& commission_machine() {
  using workflow::Reason;
  static const workflow::Machine<Item> machine{
      "commission_item",
      commission_item_statuses(),
      "commission:read",
      1000,
      {
          {.action = "accept",
           .from = {"pending"},
           .to = "accepted",
           .who = {kAgency},
           .reason = Reason::none,
           .on_enter = on_accepted},
          {.action = "decline",
           .from = {"pending"},
           .to = "declined",
           .who = {kAgency},
           .reason = Reason::required,
           .on_enter = tell_insurer},
          {.action = "request_cancel",
           .from = {"pending"},
           .to = "cancel_requested",
           .who = {kAgency},
           .reason = Reason::required,
           .on_enter = tell_insurer},
          {.action = "approve_cancel", .from = {"cancel_requested"}, .to = "cancelled", .who = {kInsurer}},
          {.action = "reject_cancel",
           .from = {"cancel_requested"},
           .to = "pending",
           .who = {kInsurer},
           .reason = Reason::required},
          {.action = "withdraw", .from = {"pending"}, .to = "withdrawn", .who = {kInsurer}},
          {.action = "withdraw",
           .from = {"accepted"},
           .to = "withdrawn",
           .who = {kInsurer},
           .reason = Reason::required,
           .guard = overdue,
           .on_enter = on_withdrawn_after_acceptance},
          {.action = "complete",
           .from = {"accepted"},
           .to = "completed",
           .who = {},
           .reason = Reason::none,
           .on_enter = on_completed},
      },
      load,
      store,
      [](const Item& item) -> std::optional<std::int64_t> { return item.insurer_org_id; }};
  return machine;
}

void complete_commission_items(workflow::Act& act, std::int64_t enterprise_id, std::int64_t agency_org_id) {
  const auto rows =
      act.db.query(std::string(kSelectCommissionItem) + kSelectAcceptedItems, {enterprise_id, agency_org_id});
  const auto today = today_of(act);
  for (std::size_t i = 0; i < rows.size(); ++i)
    workflow::follow(act, commission_machine(), commission_item_state(rows[i], today), "complete");
}

}  // namespace rw::services
