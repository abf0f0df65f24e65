#include "app/demo_inspections.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "accounts/sessions.hpp"
#include "app/demo_data.hpp"
#include "files/file_service.hpp"
#include "files/sample_photos.hpp"
#include "inspections/inspection_files.hpp"
#include "inspections/inspection_flow.hpp"
#include "inspections/inspection_service.hpp"
#include "inspections/inspection_store.hpp"
#include "inspections/template_store.hpp"
#include "inspections/training_service.hpp"
#include "services/step_service.hpp"

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

std::int64_t upload(const accounts::Operation& op, files::FileStore& store, const std::string& bytes) {
  return files::upload_file(op, store, bytes, std::nullopt, files::RowTransaction::callers).id;
}

// Fills the form's choice items (`bad` ones raising their findings, `photos` attached to theirs) and submits
// it.
void fill_and_submit(const accounts::Operation& op, const db::Row& inspection,
                     const std::set<std::string>& bad, const std::map<std::string, std::int64_t>& photos) {
  const auto id = inspection.integer("id");
  const auto stored = inspections::find_template(op.db, inspection.integer("template_id"));
  for (const auto& item : stored->form.items) {
    if (item.options.empty()) continue;
    json answer = {{"value", demo_value(item, bad.count(item.id) > 0)}};
    if (const auto photo = photos.find(item.id); photo != photos.end()) answer["photos"] = {photo->second};
    inspections::link_answer_files(op, id, inspection.integer("enterprise_id"), item, answer);
    inspections::write_answer(op.db, id, item.id, {answer, 1, op.now_text(), op.actor.id, op.now_text()},
                              false);
  }
  services::take_step(op, inspections::inspection_machine(), id, "submit", json::object());
}

}  // namespace

void seed_demo_inspections(db::Connection& db, const Clock& clock, files::FileStore& store,
                           std::int64_t done_visit, std::int64_t inspector_user_id) {
  inspections::register_inspection_file_kinds();
  const auto inspector = *accounts::load_user(db, inspector_user_id);
  const accounts::Operation op{db, inspector, clock, "seed-demo"};
  inspections::open_visit_inspections(db, done_visit, op.now_text());
  inspections::record_photo_consent(db, done_visit, "王建国", inspector.id, op.now_text());

  // Photos taken on site: one on the visit's day; one whose EXIF says it was taken long before, and whose
  // very bytes were also uploaded for another enterprise — the authenticity checks flag it for reviewers.
  const auto visit_day =
      db.query("SELECT planned_on FROM visits WHERE id = ?", {done_visit})[0].text("planned_on");
  const auto exif_day = visit_day.substr(0, 4) + ":" + visit_day.substr(5, 2) + ":" + visit_day.substr(8, 2);
  const auto on_site = upload(op, store, files::make_photo_jpeg(21, 1024, 768, {exif_day + " 10:20:30"}));
  const auto reused = upload(op, store, files::make_photo_jpeg(22, 1024, 768, {"2025:03:14 09:30:00"}));
  const auto elsewhere = db.query(
                               "SELECT id FROM enterprises WHERE id <> (SELECT enterprise_id FROM visits "
                               "WHERE id = ?) ORDER BY id",
                               {done_visit})
                             .integers("id")
                             .at(0);
  files::link(op, reused, {"enterprise", elsewhere, elsewhere});
  // The representative's signature, drawn on the phone.
  const auto signature = upload(op, store, files::make_signature_png(480, 160));

  const auto rows = inspections::visit_inspection_rows(db, done_visit);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = rows[i];
    const auto code = row.text("template_code");
    if (code == "wuxi-noise") fill_and_submit(op, row, {"noise.monitoring"}, {});
    if (code != "wuxi-emergency") continue;
    // 环境应急: two hazards found (one 重大), each with its photo; the representative signs; the insurer's
    // reviewer later corrects one answer after looking at the photos.
    const auto id = row.integer("id");
    fill_and_submit(op, row, {"em.major.05", "em.general.03"},
                    {{"em.major.05", on_site}, {"em.general.03", reused}});
    services::take_step(op, inspections::inspection_machine(), id, "sign",
                        {{"signer_name", "王建国"}, {"signature_file_id", signature}});
    const auto reviewer = demo_user(db, "demo-insurer");
    inspections::put_answer({db, reviewer, clock, "seed-demo"}, id, "em.general.19",
                            {{"value", "yes"},
                             {"version", 1},
                             {"edited_at", op.now_text()},
                             {"reason", "复核现场照片：事故应急池未设置液位标识"}});
  }

  // 检训合一: the training given on site, with its photo and the attendees' sign-in.
  const auto training_photo =
      upload(op, store, files::make_photo_jpeg(23, 1024, 768, {exif_day + " 15:05:00"}));
  inspections::create_training_record(
      op, done_visit,
      {{"topic", "突发环境事件应急预案与隐患排查培训"},
       {"trainer", inspector.display_name},
       {"attendees",
        {{{"name", "王建国"}, {"role", "企业负责人"}, {"signature_file_id", signature}},
         {{"name", "李明"}, {"role", "安全环保员"}}}},
       {"duration_minutes", 45},
       {"photos", {training_photo}},
       {"feedback", "讲解清楚，已明确应急预案修订和演练要求"}});
}

}  // namespace rw::app
