#include "services/catalog_record.hpp"

#include <algorithm>

#include "platform/embedded.hpp"

namespace rw::services {
namespace {

constexpr int kMaxUploadWorkingDays = 60;
constexpr int kMaxPeople = 20;

// Stable ASCII identifiers that other data refers to: lower-case letters, digits and . _ -
bool valid_code(const std::string& code) {
  if (code.empty() || code.front() < 'a' || code.front() > 'z') return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

}  // namespace

const Vocabulary& catalog_sources() {
  static const Vocabulary v{{"wuxi", "无锡环责险", "Wuxi environmental liability"},
                            {"chengdu", "成都安责险", "Chengdu work-safety liability"},
                            {"xuzhou", "徐州第三方", "Xuzhou third-party services"},
                            {"guilin", "桂林园区托管", "Guilin park hosting"},
                            {"custom", "自定义", "Custom"}};
  return v;
}

const Vocabulary& service_insurance_types() {
  static const Vocabulary v{{"environmental", "环责险", "Environmental liability"},
                            {"work_safety", "安责险", "Work-safety liability"},
                            {"park_hosting", "园区托管", "Park hosting"}};
  return v;
}

const Vocabulary& upload_anchors() {
  static const Vocabulary v{{"service_end", "现场服务结束后", "After the on-site service"},
                            {"filing_receipt", "取得备案表后", "After the filing receipt"}};
  return v;
}

const nlohmann::json& shipped_catalog() {
  static const nlohmann::json catalog =
      nlohmann::json::parse(embedded::data_file("catalog/service-catalog.json"));
  return catalog;
}

const Vocabulary& deliverable_kinds() {
  static const Vocabulary v = [] {
    std::vector<Label> labels;
    for (const auto& kind : shipped_catalog().at("deliverable_kinds"))
      labels.push_back({kind.at("value").get<std::string>(), kind.at("zh").get<std::string>(),
                        kind.at("en").get<std::string>()});
    return Vocabulary(std::move(labels));
  }();
  return v;
}

nlohmann::json catalog_dictionaries() {
  return {{"catalog_sources", catalog_sources().to_json()},
          {"service_insurance_types", service_insurance_types().to_json()},
          {"upload_anchors", upload_anchors().to_json()},
          {"deliverable_kinds", deliverable_kinds().to_json()}};
}

const std::vector<std::string>& service_type_keys() {
  static const std::vector<std::string> keys = {
      "code",         "class_code",    "active",       "name_zh",
      "name_en",      "description",   "reference",    "insurance_type",
      "on_site",      "annual_survey", "deliverables", "upload_working_days",
      "upload_from",  "upload_basis",  "min_people",   "min_people_large",
      "expert_always"};
  return keys;
}

ServiceTypeInput read_service_type(Fields& f, const std::set<std::string>& class_codes) {
  ServiceTypeInput input;
  auto& r = input.rules;
  r.code = f.required_text("code", 1, 60);
  if (!r.code.empty() && !valid_code(r.code))
    f.add_error("code", "invalid_code", "代码只能由小写字母、数字和 . _ - 组成，并以字母开头",
                "must be lower-case letters, digits and . _ - starting with a letter");
  r.class_code = f.required_text("class_code", 1, 60);
  if (!r.class_code.empty() && !class_codes.count(r.class_code))
    f.add_error("class_code", "unknown_class", "服务大类不存在", "the service class does not exist");
  input.active = f.optional_bool("active").value_or(true);
  r.name_zh = f.required_text("name_zh", 1, 100);
  r.name_en = f.optional_text("name_en", 200).value_or("");
  r.description = f.optional_text("description", 2000).value_or("");
  r.reference = f.optional_text("reference", 200).value_or("");
  r.insurance_type = f.required_choice("insurance_type", service_insurance_types().values());
  r.on_site = f.optional_bool("on_site").value_or(true);
  r.annual_survey = f.optional_bool("annual_survey").value_or(false);
  // The yearly survey is the visit of wuxi §15(一); done off site it would not count.
  if (r.annual_survey && !r.on_site)
    f.add_error("annual_survey", "needs_on_site", "年度现场勘查必须是现场服务",
                "the yearly survey must be done on site");
  const auto deliverables = f.optional_choices("deliverables", deliverable_kinds().values());
  if (!f.present("deliverables") || (deliverables && deliverables->empty()))
    f.add_error("deliverables", "required", "至少选择一项交付物", "at least one deliverable is required");
  r.deliverables = deliverables.value_or(std::vector<std::string>{});
  if (auto days = f.optional_integer("upload_working_days", 0, kMaxUploadWorkingDays))
    r.upload_working_days = static_cast<int>(*days);
  r.upload_from = f.optional_choice("upload_from", upload_anchors().values()).value_or("service_end");
  r.upload_basis = f.optional_text("upload_basis", 300).value_or("");
  r.min_people = static_cast<int>(f.optional_integer("min_people", 2, kMaxPeople).value_or(2));
  // Left out, a large enterprise needs no more people than any other: only wuxi §15(三) asks for 3 (for large
  // enterprises and special requests); chengdu 6.2.2.1/6.3.2.2, xuzhou and guilin ask for no more.
  const bool wuxi = r.class_code.rfind("wuxi.", 0) == 0;
  r.min_people_large = static_cast<int>(f.optional_integer("min_people_large", 2, kMaxPeople)
                                            .value_or(wuxi ? std::max(3, r.min_people) : r.min_people));
  if (r.min_people_large < r.min_people)
    f.add_error("min_people_large", "below_min_people", "大型企业的最少人数不能少于一般企业",
                "cannot be below min_people");
  r.expert_always = f.optional_bool("expert_always").value_or(false);
  return input;
}

nlohmann::json rules_json(const ServiceRules& r) {
  return {{"name_zh", r.name_zh},
          {"name_en", r.name_en},
          {"description", r.description},
          {"reference", r.reference},
          {"insurance_type", r.insurance_type},
          {"on_site", r.on_site},
          {"annual_survey", r.annual_survey},
          {"deliverables", r.deliverables},
          {"upload_working_days",
           r.upload_working_days ? nlohmann::json(*r.upload_working_days) : nlohmann::json()},
          {"upload_from", r.upload_from},
          {"upload_basis", r.upload_basis},
          {"min_people", r.min_people},
          {"min_people_large", r.min_people_large},
          {"expert_always", r.expert_always},
          {"checklists", r.checklists}};
}

nlohmann::json service_type_input_json(const ServiceTypeInput& input) {
  auto out = rules_json(input.rules);
  out.erase("checklists");  // not written through the API yet
  out["code"] = input.rules.code;
  out["class_code"] = input.rules.class_code;
  out["active"] = input.active;
  return out;
}

}  // namespace rw::services
