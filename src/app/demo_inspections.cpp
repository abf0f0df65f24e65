#include "app/demo_inspections.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "inspections/inspection_flow.hpp"
#include "inspections/inspection_store.hpp"
#include "inspections/template_store.hpp"

namespace rw::app {
namespace {

using nlohmann::json;

// The chosen value for each item: the seed's good answer unless `bad` names the item, then the first answer
// that raises a finding. Only choice items are filled; the others stay empty (none of them is required in the
// two forms filled here).
json demo_value(const forms::Item& item, bool bad) {
  for (const auto& o : item.options)
    if (o.finding.has_value() == bad) return item.kind == "multiple" ? json::array({o.value}) : json(o.value);
  return json(item.options.front().value);
}

}  // namespace

void seed_demo_inspections(db::Connection& db, std::int64_t done_visit, std::int64_t inspector_user_id,
                           const std::string& now) {
  inspections::open_visit_inspections(db, done_visit, now);
  const auto rows = inspections::visit_inspection_rows(db, done_visit);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto code = row.text("template_code");
    // 环境应急: two hazards found (one 重大); 噪音: monitoring not installed.
    const std::set<std::string> bad = {"em.major.05", "em.general.03", "noise.monitoring"};
    if (code != "wuxi-emergency" && code != "wuxi-noise") continue;
    const auto stored = inspections::find_template(db, row.integer("template_id"));
    forms::Answers answers;
    for (const auto& item : stored->form.items) {
      if (item.options.empty()) continue;
      answers[item.id] = {{"value", demo_value(item, bad.count(item.id) > 0)}};
      inspections::write_answer(db, row.integer("id"), item.id,
                                {answers[item.id], 1, now, inspector_user_id, now}, false);
    }
    const inspections::InspectionState state{row.integer("id"), "open", "done", row.integer("agency_org_id"),
                                             std::nullopt,      {},     row};
    inspections::settle_outcome(db, state, stored->form, answers, inspector_user_id, now);
    inspections::set_submitted(db, row.integer("id"), inspector_user_id, now);
  }
}

}  // namespace rw::app
