#include "reports/report_content.hpp"

#include <nlohmann/json.hpp>

#include "files/file_record.hpp"
#include "hazards/hazard_store.hpp"
#include "hazards/hazard_vocabularies.hpp"
#include "inspections/inspection_store.hpp"
#include "inspections/inspection_vocabularies.hpp"
#include "inspections/template_store.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"
#include "registry/industries.hpp"
#include "registry/vocabularies.hpp"
#include "reports/report_env_risk.hpp"
#include "reports/report_rules.hpp"
#include "reports/report_store.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_store.hpp"

namespace rw::reports {
namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& parts, const char* separator = "、") {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

std::vector<std::pair<std::string, std::string>> particulars_of(const db::Row& e) {
  std::vector<std::string> contacts;
  for (const auto& c : json::parse(e.text("contacts")))
    contacts.push_back(joined({c.value("name", ""), c.value("role", ""), c.value("phone", "")}, " "));
  return {{"企业名称", e.text("name")},
          {"统一社会信用代码", e.text("credit_code")},
          {"法定代表人", e.text("legal_representative")},
          {"所属行业", registry::industry_name_of(e.text("industry_code"))},
          {"注册地址", e.text("registered_address")},
          {"经营地址", e.text("business_address")},
          {"企业规模", registry::enterprise_scales().zh(e.text("scale"))},
          {"环境风险等级", registry::risk_levels().zh(e.text("risk_level"))},
          {"联系人及电话", joined(contacts, "；")}};
}

std::vector<TeamMember> team_of(const json& visit) {
  std::vector<TeamMember> team;
  for (const auto& m : visit["team"])
    team.push_back({m["name"], registry::staff_kinds().zh(m["kind"].get<std::string>()),
                    registry::title_levels().zh(m["title_level"].get<std::string>()), m["leader"]});
  return team;
}

// An image for a document: the 1280 px view the file store keeps of a photo, else the original when it
// is a JPEG or PNG (a signature); nothing when the bytes are not in the store.
std::optional<documents::Image> image_of(db::Connection& db, const files::FileStore& store, std::int64_t id) {
  const auto file = files::find_file(db, id);
  if (!file) return std::nullopt;
  const bool embeddable = file->media_type == "image/jpeg" || file->media_type == "image/png";
  const auto sha = file->large_sha256 ? *file->large_sha256 : embeddable ? file->sha256 : std::string();
  if (sha.empty() || !store.exists(sha)) return std::nullopt;
  return documents::Image{store.read(sha)};
}

ChecklistReport checklist_of(db::Connection& db, const files::FileStore& store, const db::Row& row) {
  const auto id = row.integer("id");
  const auto stored = inspections::find_template(db, row.integer("template_id"));
  const auto& form = stored->form;
  const auto saved = inspections::answers_of(db, id);
  const auto shown =
      forms::visibility(form, inspections::answer_values(saved), inspections::enterprise_facts(row));
  ChecklistReport list;
  list.name = form.name;
  list.status = inspections::inspection_statuses().zh(row.text("status"));
  if (!row.is_null("score")) list.score = value_text("number", {}, row.real("score"), json());
  std::vector<std::optional<std::size_t>> part_of(form.sections.size());
  for (std::size_t s = 0; s < form.sections.size(); ++s) {
    if (!shown.sections[s]) continue;
    part_of[s] = list.parts.size();
    list.parts.push_back({form.sections[s].title, form.sections[s].parent ? 1 : 0, {}});
  }
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const auto& item = form.items[i];
    if (!shown.items[i] || !part_of[item.section]) continue;
    ChecklistLine line{item.label, "", "", {}};
    if (const auto a = saved.find(item.id); a != saved.end()) {
      const auto& answer = a->second.answer;
      line.note = answer.value("note", "");
      if (item.kind == "table")
        line.table = table_answer(item, answer);
      else
        line.answer = value_text(item.kind, item.options, answer.value("value", json()),
                                 answer.value("detail", json()));
    }
    list.parts[*part_of[item.section]].lines.push_back(std::move(line));
  }
  const auto findings = inspections::findings_of(db, id);
  for (std::size_t f = 0; f < findings.size(); ++f)
    list.findings.push_back({findings[f].text("description"),
                             inspections::finding_grades().zh(findings[f].text("grade")),
                             findings[f].text("suggestion"), findings[f].text("basis")});
  list.signer = row.text("signer_name");
  if (!row.is_null("signature_file_id"))
    list.signature = image_of(db, store, row.integer("signature_file_id"));
  if (!row.is_null("signed_at")) list.signed_on = chinese_date(row.text("signed_at"));
  return list;
}

std::string category_of(const db::Row& h) {
  const auto* category = hazards::find_category(h.text("category"));
  if (!category) return h.text("category");
  const auto sub = h.text("sub_category");
  for (const auto& label : category->subs)
    if (label.value == sub) return category->label.zh + " / " + label.zh;
  return category->label.zh + (sub.empty() ? "" : " / " + sub);
}

HazardEntry hazard_of(db::Connection& db, const files::FileStore& store, const db::Row& h) {
  HazardEntry entry{h.text("description"),
                    category_of(h),
                    inspections::finding_grades().zh(h.text("grade")),
                    h.text("location"),
                    h.text("basis"),
                    h.text("suggestion"),
                    chinese_date(h.text("found_on")),
                    h.text("found_by"),
                    h.is_null("due_on") ? "" : chinese_date(h.text("due_on")),
                    hazards::hazard_statuses().zh(h.text("status")),
                    {}};
  for (const auto& id : json::parse(h.text("photo_file_ids")))
    if (auto image = image_of(db, store, id.get<std::int64_t>())) entry.photos.push_back(std::move(*image));
  return entry;
}

}  // namespace

ReportContent gather_report(const accounts::Operation& op, const files::FileStore& store,
                            std::int64_t visit_id) {
  auto& db = op.db;
  const auto visit = services::find_visit(db, op.actor, visit_id);
  const auto enterprise = enterprise_particulars(db, visit["enterprise"]["id"].get<std::int64_t>());
  if (!enterprise) throw not_found();
  const auto types = services::service_rules_of_versions(db, services::visit_type_versions(db, visit_id));
  std::vector<std::string> scope;
  for (const auto& type : types) scope.push_back(type.name_zh);
  ReportContent c;
  c.kind = report_kind(types);
  if (assesses_env_risk(types))
    c.env_risk = gather_env_risk(op, visit["enterprise"]["id"].get<std::int64_t>());
  c.enterprise = enterprise->text("name");
  c.agency = visit["agency"]["name"];
  c.report_date = chinese_date(china_date(op.clock.now()));
  c.particulars = particulars_of(*enterprise);
  const auto& done_on = visit["done_on"];
  c.service = {
      {"服务机构", c.agency},
      {"服务日期",
       chinese_date(visit["planned_on"].get<std::string>()) +
           (done_on.is_string() ? "（完成于 " + chinese_date(done_on.get<std::string>()) + "）" : "")},
      {"服务内容", joined(scope)}};
  c.team = team_of(visit);
  const auto inspections = inspections::visit_inspection_rows(db, visit_id);
  for (std::size_t i = 0; i < inspections.size(); ++i)
    c.checklists.push_back(checklist_of(db, store, inspections[i]));
  const auto hazards = hazards::hazards_of_visit(db, visit_id);
  for (std::size_t i = 0; i < hazards.size(); ++i) c.hazards.push_back(hazard_of(db, store, hazards[i]));
  return c;
}

}  // namespace rw::reports
