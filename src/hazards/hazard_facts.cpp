#include "hazards/hazard_facts.hpp"

#include <nlohmann/json.hpp>

#include "hazards/hazard_vocabularies.hpp"
#include "inspections/inspection_vocabularies.hpp"

namespace rw::hazards {
namespace {

const std::set<std::string> kFactFields = {"domain", "category", "sub_category", "description", "location",
                                           "photos", "grade",    "basis",        "suggestion",  "remarks"};

void check_category(Fields& fields, const HazardFacts& facts) {
  const auto* category = find_category(facts.category);
  if (!category || category->domain != facts.domain) {
    fields.add_error("category", "unknown_category", "隐患类别不存在或不属于该领域",
                     "no such class of hazards in this domain");
    return;
  }
  if (facts.sub_category.empty() || category->subs.empty()) return;
  for (const auto& sub : category->subs)
    if (sub.value == facts.sub_category) return;
  fields.add_error("sub_category", "unknown_sub_category", "隐患细类不属于该类别",
                   "not a sub-class of the class");
}

}  // namespace

void refuse_unknown_fields(Fields& fields, const nlohmann::json& body, const std::set<std::string>& others) {
  for (const auto& [key, value] : body.items())
    if (!kFactFields.count(key) && !others.count(key))
      fields.add_error(key, "unknown_field", "不认识的字段", "unknown field");
}

void read_facts(Fields& fields, HazardFacts& facts, bool create) {
  const auto text = [&](const char* key, std::string& into, std::size_t max) {
    if (auto v = fields.optional_text(key, max)) into = *v;
  };
  if (create) {
    facts.domain = fields.required_choice("domain", hazard_domains().values());
    facts.category = fields.required_text("category", 1, 100);
    facts.grade = fields.required_choice("grade", inspections::finding_grades().values());
    facts.description = fields.required_text("description", 1, 2000);
  } else {
    if (auto v = fields.optional_choice("domain", hazard_domains().values())) facts.domain = *v;
    if (auto v = fields.optional_nonempty_text("category", 100)) facts.category = *v;
    if (auto v = fields.optional_choice("grade", inspections::finding_grades().values())) facts.grade = *v;
    if (auto v = fields.optional_nonempty_text("description", 2000)) facts.description = *v;
  }
  text("sub_category", facts.sub_category, 100);
  text("location", facts.location, 200);
  text("basis", facts.basis, 2000);
  text("suggestion", facts.suggestion, 2000);
  text("remarks", facts.remarks, 2000);
  if (auto v = fields.optional_ids("photos", 50)) facts.photos = *v;
  if (fields.ok()) check_category(fields, facts);
}

nlohmann::json facts_json(const HazardFacts& f) {
  return {{"domain", f.domain},
          {"category", f.category},
          {"sub_category", f.sub_category},
          {"description", f.description},
          {"location", f.location},
          {"photos", f.photos},
          {"grade", f.grade},
          {"basis", f.basis},
          {"suggestion", f.suggestion},
          {"remarks", f.remarks}};
}

HazardFacts facts_of(const db::Row& r) {
  return {r.text("domain"),
          r.text("category"),
          r.text("sub_category"),
          r.text("description"),
          r.text("location"),
          nlohmann::json::parse(r.text("photo_file_ids")).get<std::vector<std::int64_t>>(),
          r.text("grade"),
          r.text("basis"),
          r.text("suggestion"),
          r.text("remarks")};
}

}  // namespace rw::hazards
