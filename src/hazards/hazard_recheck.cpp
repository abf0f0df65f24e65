#include "hazards/hazard_recheck.hpp"

#include <nlohmann/json.hpp>

#include "hazards/hazard_flow.hpp"
#include "hazards/hazard_rules.hpp"
#include "hazards/hazard_service.hpp"
#include "hazards/hazard_store.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "platform/dates.hpp"
#include "services/step_service.hpp"
#include "services/visit_listing.hpp"
#include "workflow/engine.hpp"

namespace rw::hazards {

void list_rechecks_on_start(db::Connection& db, std::int64_t visit_id, std::int64_t enterprise_id,
                            const std::string& now) {
  const auto rows = earlier_hazards(db, enterprise_id, visit_id);
  std::vector<EarlierHazard> earlier;
  for (std::size_t i = 0; i < rows.size(); ++i)
    earlier.push_back({rows[i].integer("id"), rows[i].text("grade"), rows[i].text("status")});
  list_for_recheck(db, visit_id, hazards_to_recheck(earlier), now);
}

nlohmann::json recheck_hazard(const accounts::Operation& op, std::int64_t visit_id, std::int64_t hazard_id,
                              const nlohmann::json& body) {
  Fields fields(body);
  const auto result = fields.required_choice("result", recheck_results().values());
  const auto note = fields.optional_text("note", 1000).value_or("");
  fields.finish();
  const auto visit = services::find_visit_row(op.db, op.actor, visit_id);
  const auto check = recheck_row(op.db, visit_id, hazard_id);
  if (!check) throw not_found();
  const workflow::Caller caller(op.db, op.actor);
  const auto agency = visit.integer("agency_org_id");
  if (!caller.has("hazard:manage") || !is_agency_for(caller, agency)) throw forbidden();
  if (visit.text("status") != "in_progress" && visit.text("status") != "done")
    throw conflict("visit_not_started", "服务尚未开始，不能复查",
                   "the visit has not started; nothing can be re-checked");
  if (!check->is_null("result"))
    throw conflict("recheck_done", "该隐患本次已复查", "this hazard is already re-checked on this visit");
  const auto state = hazard_state(*hazard_row(op.db, hazard_id));
  if (!is_open(state.status))
    throw conflict("hazard_closed", "隐患已验收销号", "the hazard is verified and closed");

  workflow::Journal journal;
  workflow::Act act{op.db, op.actor, op.clock, op.now_text(), journal};
  const auto today = china_date(op.clock.now());
  const auto history = recheck_history(visit_id, result, note);
  if (result == "rectified") {
    set_acceptance(op.db, hazard_id, {today, op.actor.display_name, history, {}}, act.now);
    const auto& machine = hazard_machine();
    workflow::Move<HazardState> move{
        act, state, *workflow::step_from(machine, "close_on_recheck", state.status), {"", history, history}};
    workflow::apply(move, machine);
  } else {
    if (state.agency_org_id != agency) set_agency(op.db, hazard_id, agency, act.now);
    workflow::record_status(act, "hazard", hazard_id, agency, "carry_over", state.status, state.status,
                            history);
  }
  set_recheck_result(op.db, visit_id, hazard_id, result, note, op.actor.id, act.now);
  services::audit_journal(op, journal);
  return visit_hazards(op, visit_id);
}

}  // namespace rw::hazards
