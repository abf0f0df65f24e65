// Field inspections of the visits that started, as the product leaves them (inspections/inspection_flow.cpp):
// one inspection per newest template of the visit's service types, opened when the visit started; on a done
// visit the team filled the smallest of them item by item, submitted them (findings raised by forms::
// raised_findings, the score by forms::score) and the enterprise's representative mostly signed; the photo
// consent of the visit and, for a share of visits, the training given on site; then the visit's hazards
// (hazards_data.hpp), the notices about them (notices_data.hpp), their rectification's progress notes and
// the later visits' re-checks (rectification_data.hpp) and the work-safety risk lists (safety_data.hpp).
#include <algorithm>
#include <set>

#include "audit/audit_log.hpp"
#include "benchdata/assessments_data.hpp"
#include "benchdata/checklist_answers.hpp"
#include "benchdata/hazards_data.hpp"
#include "benchdata/notices_data.hpp"
#include "benchdata/records.hpp"
#include "benchdata/rectification_data.hpp"
#include "benchdata/safety_data.hpp"
#include "benchdata/words.hpp"
#include "inspections/template_store.hpp"

namespace rw::benchdata {
namespace {

using nlohmann::json;

// Checklists a done visit's team filled, the smallest first: all of them (131 items for an environmental
// risk survey) would be 13 million answers at province scale. The others stay open and empty.
constexpr std::size_t kFilledPerVisit = 3;

const std::set<std::string> kTrainingTypes = {"wuxi.training.emergency", "chengdu.training"};
const std::vector<std::string> kEnvironmentTopics = {"突发环境事件应急预案与处置", "危险废物规范化管理",
                                                     "废气治理设施运行维护", "环境风险隐患排查"};
const std::vector<std::string> kSafetyTopics = {"安全生产主体责任", "有限空间作业安全",
                                                "危险化学品储存与使用", "事故隐患排查治理"};
const std::vector<std::string> kRoles = {"车间主任", "操作工", "安全员", "环保专员", "班组长", "仓库管理员"};
const std::vector<std::string> kFeedback = {"企业人员参与积极，培训效果良好", "建议增加现场实操演示",
                                            "部分一线员工对应急物资位置不熟悉", ""};

using Checklist = inspections::StoredTemplate;

// China minutes into the day of a moment() text ("…T01:30:00Z" → 9:30).
int china_minute(const std::string& utc) {
  return (std::stoi(utc.substr(11, 2)) * 60 + std::stoi(utc.substr(14, 2)) + 8 * 60) % (24 * 60);
}

forms::EnterpriseFacts facts_of(const Enterprise& e) {
  return {{"tags", e.tags},
          {"permit_type", {e.permit_type}},
          {"scale", {e.scale}},
          {"industry_code", {e.industry_code}},
          {"production_status", {e.production_status}},
          {"risk_level", {e.risk_level}}};
}

class InspectionsWriter {
 public:
  InspectionsWriter(WriteBehind& out, World& world)
      : w_(world),
        rnd_(world.random.fork(3)),
        records_(out, world),
        inspections_(
            out, "inspections",
            {"id", "visit_id", "template_id", "enterprise_id", "agency_org_id", "status", "score",
             "submitted_at", "submitted_by", "signer_name", "signed_at", "created_at", "updated_at"}),
        answers_(out, "inspection_answers",
                 {"inspection_id", "item_id", "value", "version", "edited_at", "answered_by", "updated_at"}),
        findings_(out, "inspection_findings",
                  {"id", "inspection_id", "enterprise_id", "item_id", "option_value", "category", "grade",
                   "description", "suggestion", "basis", "created_at", "created_by"}),
        consents_(out, "visit_photo_consents",
                  {"visit_id", "consenting_person", "recorded_by", "recorded_at"}),
        trainings_(out, "training_records",
                   {"id", "visit_id", "topic", "trainer", "attendees", "duration_minutes", "feedback",
                    "created_at", "created_by", "updated_at"}),
        hazards_(out, world, findings_),
        notices_(out, world, records_, hazards_.table()),
        assessments_(out, world, records_),
        safety_risks_(out, world, records_),
        rectification_(out, world, records_, hazards_.table()) {
    answers_.after(inspections_);
    findings_.after(inspections_);
    load_checklists(out.connection());
  }

  void run() {
    for (const auto& visit : w_.worked_visits) write_visit(visit);
    for (auto* table : {&inspections_, &answers_, &findings_, &consents_, &trainings_}) table->flush();
    hazards_.flush();
    rectification_.finish();
    notices_.flush();
    assessments_.flush();
    safety_risks_.flush();
    records_.flush();
  }

 private:
  void load_checklists(db::Connection& db) {
    const auto rows = inspections::template_rows(db, false);  // by code, as templates_for_visit reads them
    for (std::size_t i = 0; i < rows.size(); ++i) {
      checklists_.push_back(inspections::find_template(db, rows[i].integer("id")));
    }
    const auto types =
        db.query("SELECT v.id, t.code FROM service_type_versions v JOIN service_types t ON t.id = v.type_id");
    for (std::size_t i = 0; i < types.size(); ++i)
      type_codes_[types[i].integer("id")] = types[i].text("code");
  }

  std::vector<std::string> codes_of(const WorkedVisit& v) const {
    std::vector<std::string> out;
    for (auto version : v.service_type_version_ids) out.push_back(type_codes_.at(version));
    return out;
  }

  // inspections::templates_for_visit: the newest template linked to one of the visit's service types.
  std::vector<const Checklist*> checklists_of(const std::vector<std::string>& codes) const {
    std::vector<const Checklist*> out;
    for (const auto& c : checklists_)
      if (std::any_of(c->form.service_types.begin(), c->form.service_types.end(), [&](const std::string& t) {
            return std::find(codes.begin(), codes.end(), t) != codes.end();
          }))
        out.push_back(c.get());
    return out;
  }

  void write_visit(const WorkedVisit& v) {
    const auto codes = codes_of(v);
    const auto opened = checklists_of(codes);
    std::vector<const Checklist*> filled;
    if (!v.finished_at.empty()) {
      filled = opened;
      std::stable_sort(filled.begin(), filled.end(), [](const Checklist* a, const Checklist* b) {
        return a->form.items.size() < b->form.items.size();
      });
      filled.resize(std::min(filled.size(), kFilledPerVisit));
    }
    const auto representative = person_name(rnd_);
    raised_.clear();
    for (const auto* checklist : opened) {
      const auto id = w_.ids.next("inspections");
      const auto index = std::find(filled.begin(), filled.end(), checklist) - filled.begin();
      if (static_cast<std::size_t>(index) < filled.size())
        write_filled(v, id, *checklist, static_cast<int>(index), representative);
      else
        inspections_.add({id, v.id, checklist->id, w_.enterprises[v.enterprise].id, v.agency_org_id,
                          std::string("open"), db::null_value(), db::null_value(), db::null_value(),
                          std::string(), db::null_value(), v.started_at, v.started_at});
    }
    if (v.finished_at.empty()) return;
    const bool safety = std::any_of(codes.begin(), codes.end(),
                                    [](const std::string& c) { return c.rfind("chengdu.", 0) == 0; });
    const auto hazards = hazards_.write_visit(v, safety, raised_);
    notices_.write_visit(v, hazards);
    rectification_.follow(v, hazards);
    assessments_.write_visit(v, codes);
    safety_risks_.write_visit(v, safety);
    const int start = china_minute(v.started_at);
    if (rnd_.chance(900))
      consents_.add(
          {v.id, representative, v.worker, moment(v.day, start + static_cast<int>(rnd_.between(5, 20)))});
    const bool training = std::any_of(codes.begin(), codes.end(),
                                      [](const std::string& c) { return kTrainingTypes.count(c) > 0; });
    if (training || rnd_.chance(150)) write_training(v, codes);
  }

  // Answered between the start and the last half hour, submitted, then signed (or left for the signature).
  void write_filled(const WorkedVisit& v, std::int64_t id, const Checklist& checklist, int index,
                    const std::string& representative) {
    const auto& e = w_.enterprises[v.enterprise];
    const auto facts = facts_of(e);
    const int bad_per_mille = rnd_.among<int>({0, 60, 250}, {45, 40, 15});
    const auto answers = fill_checklist(checklist.form, facts, rnd_, bad_per_mille, v.day);
    const int start = china_minute(v.started_at), finish = china_minute(v.finished_at);
    const auto submitted_at = moment(v.day, finish - 40 + 3 * index);
    const auto signed_at = moment(v.day, finish - 30 + 3 * index);
    const bool signed_ = rnd_.chance(850);
    const auto score = forms::score(checklist.form, answers, facts);
    // The inspection before its answers and findings: a child row's insert flushes its parent's rows first.
    inspections_.add(
        {id, v.id, checklist.id, e.id, v.agency_org_id, std::string(signed_ ? "signed" : "submitted"),
         score ? db::Value(score->total) : db::null_value(), submitted_at, v.worker,
         signed_ ? representative : std::string(), signed_ ? db::Value(signed_at) : db::null_value(),
         v.started_at, signed_ ? signed_at : submitted_at});
    for (const auto& [item, answer] : answers) {
      const auto when =
          moment(v.day, start + 5 + static_cast<int>(rnd_.below(std::max(1, finish - start - 50))));
      answers_.add({id, item, answer.dump(), std::int64_t{1}, when, v.worker, when});
    }
    for (const auto& raised : forms::raised_findings(checklist.form, answers, facts)) {
      const auto& f = raised.finding;
      const auto finding_id = w_.ids.next("inspection_findings");
      findings_.add({finding_id, id, e.id, raised.item_id, raised.option_value, f.category, f.grade,
                     f.description, f.suggestion, f.basis, submitted_at, v.worker});
      raised_.push_back({id, finding_id, raised.item_id, f.grade, f.description, f.suggestion, f.basis});
    }
    // The workflow's steps (inspection_flow.cpp): a status event and its audit entry each.
    records_.step("inspection", id, v.agency_org_id, "submit", "open", "submitted", "", v.worker,
                  submitted_at);
    if (signed_)
      records_.step("inspection", id, v.agency_org_id, "sign", "submitted", "signed",
                    "签字人：" + representative, v.worker, signed_at);
  }

  // 检训合一: the training the team gave during the visit, recorded before it finished.
  void write_training(const WorkedVisit& v, const std::vector<std::string>& codes) {
    const bool environmental = std::any_of(codes.begin(), codes.end(),
                                           [](const std::string& c) { return c.rfind("wuxi.", 0) == 0; });
    const auto topic = rnd_.pick(environmental ? kEnvironmentTopics : kSafetyTopics);
    json attendees = json::array();
    for (auto n = rnd_.between(3, 15); n > 0; --n)
      attendees.push_back(
          {{"name", person_name(rnd_)}, {"role", rnd_.pick(kRoles)}, {"signature_file_id", nullptr}});
    const auto minutes = rnd_.among<std::int64_t>({30, 45, 60, 90, 120}, {2, 3, 4, 2, 1});
    const auto feedback = rnd_.pick(kFeedback);
    const auto id = w_.ids.next("training_records");
    const auto at = moment(v.day, china_minute(v.finished_at) - 15);
    trainings_.add({id, v.id, topic, v.leader_name, attendees.dump(), minutes, feedback, at, v.worker, at});
    records_.audit(at, v.worker, v.agency_org_id, "training_record", id, "create",
                   audit::created({{"topic", topic},
                                   {"trainer", v.leader_name},
                                   {"attendees", attendees.size()},
                                   {"duration_minutes", minutes},
                                   {"feedback", feedback}}));
  }

  World& w_;
  Random rnd_;
  Records records_;
  BulkInsert inspections_, answers_, findings_, consents_, trainings_;
  HazardsWriter hazards_;
  NoticesWriter notices_;
  AssessmentsWriter assessments_;
  SafetyRisksWriter safety_risks_;
  RectificationWriter rectification_;
  std::vector<RaisedFinding> raised_;  // of the visit being written
  std::vector<std::shared_ptr<const Checklist>> checklists_;
  std::map<std::int64_t, std::string> type_codes_;  // service type version id → code
};

}  // namespace

void write_inspections(WriteBehind& out, World& world) { InspectionsWriter(out, world).run(); }

}  // namespace rw::benchdata
