#include "hazards/hazard_messages.hpp"

#include "hazards/hazard_vocabularies.hpp"
#include "notify/notification_service.hpp"

namespace rw::hazards {
namespace {

notify::Message step_message(const workflow::Move<HazardState>& move) {
  const auto& row = move.subject.row;
  const auto name = row.text("enterprise_name");
  const std::string to(move.step.to);
  const auto& reason = move.input.text;
  std::string body = row.text("description");
  if (!reason.empty()) body += "\n" + reason;
  return {"hazard_" + std::string(move.step.action),
          "隐患" + hazard_statuses().zh(to) + "：" + name,
          "Hazard " + hazard_statuses().en(to) + ": " + name,
          body,
          body,
          "hazard",
          move.subject.id};
}

}  // namespace

void tell_enterprise(workflow::Move<HazardState>& move) {
  const auto org = move.subject.enterprise_org_id;
  if (!org) return;
  notify::notify_users(move.db,
                       notify::org_users_with_roles(move.db, *org, {"enterprise_user", "admin", "manager"}),
                       step_message(move), move.now);
}

void tell_agency(workflow::Move<HazardState>& move) {
  auto users =
      notify::org_users_with_roles(move.db, move.subject.agency_org_id, {"admin", "manager", "reviewer"});
  if (const auto finder = move.subject.row.optional_integer("created_by")) users.push_back(*finder);
  notify::notify_users(move.db, users, step_message(move), move.now);
}

}  // namespace rw::hazards
