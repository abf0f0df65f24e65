// The shipped service catalog (data/catalog/service-catalog.json) against the seeds it transcribes:
// wuxi §8–§12 and att.1, chengdu §6, xuzhou B-1 and guilin A.1.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "services/catalog_record.hpp"

using nlohmann::json;
using namespace rw::services;

namespace {

const json& classes() { return shipped_catalog().at("classes"); }
const json& types() { return shipped_catalog().at("types"); }

std::string source_of_class(const std::string& code) {
  for (const auto& c : classes())
    if (c.at("code") == code) return c.at("source");
  return "";
}

const json& type(const std::string& code) {
  for (const auto& t : types())
    if (t.at("code") == code) return t;
  throw std::out_of_range(code);
}

std::set<std::string> codes_where(bool (*pick)(const json&)) {
  std::set<std::string> out;
  for (const auto& t : types())
    if (pick(t)) out.insert(t.at("code"));
  return out;
}

}  // namespace

TEST(CatalogData, CountsPerSourceFollowTheSeeds) {
  std::map<std::string, int> classes_per_source, types_per_source, types_per_class;
  for (const auto& c : classes()) ++classes_per_source[c.at("source")];
  for (const auto& t : types()) {
    ++types_per_source[source_of_class(t.at("class"))];
    ++types_per_class[t.at("class")];
  }
  // wuxi §8: four classes; chengdu §6 one set of items; xuzhou B-1 four project stages; guilin A.1 regular
  // and custom hosting; one class for the platform's own types.
  EXPECT_EQ(
      classes_per_source,
      (std::map<std::string, int>{{"wuxi", 4}, {"chengdu", 1}, {"xuzhou", 4}, {"guilin", 2}, {"custom", 1}}));
  EXPECT_EQ(types_per_source,
            (std::map<std::string, int>{{"wuxi", 17}, {"chengdu", 6}, {"xuzhou", 19}, {"guilin", 20}}));
  // wuxi §9 (一)–(五), §10 (一)–(五), §11 (一)–(四), §12 (一)–(三).
  EXPECT_EQ(types_per_class["wuxi.screening"], 5);
  EXPECT_EQ(types_per_class["wuxi.training"], 5);
  EXPECT_EQ(types_per_class["wuxi.on_site"], 4);
  EXPECT_EQ(types_per_class["wuxi.emergency"], 3);
  // xuzhou B-1: items 1–4 before construction, 5–7 construction, 8–17 operation, 18–19 exit.
  EXPECT_EQ(types_per_class["xuzhou.pre_construction"], 4);
  EXPECT_EQ(types_per_class["xuzhou.construction"], 3);
  EXPECT_EQ(types_per_class["xuzhou.operation"], 10);
  EXPECT_EQ(types_per_class["xuzhou.exit"], 2);
  // guilin A.1: items 1–13 regular, 14–20 custom.
  EXPECT_EQ(types_per_class["guilin.regular"], 13);
  EXPECT_EQ(types_per_class["guilin.custom"], 7);
}

TEST(CatalogData, CodesAreUniqueAndEveryReferenceResolves) {
  std::set<std::string> class_codes, type_codes;
  for (const auto& c : classes()) {
    EXPECT_TRUE(class_codes.insert(c.at("code")).second) << c.at("code");
    EXPECT_TRUE(catalog_sources().values().count(c.at("source"))) << c.at("code");
  }
  for (const auto& t : types()) {
    EXPECT_TRUE(type_codes.insert(t.at("code")).second) << t.at("code");
    EXPECT_TRUE(class_codes.count(t.at("class"))) << t.at("code");
    // A type's code starts with its source, so codes stay unique when more seeds arrive.
    EXPECT_EQ(t.at("code").get<std::string>().rfind(source_of_class(t.at("class")) + ".", 0), 0u)
        << t.at("code");
  }
  std::set<std::string> kinds;
  for (const auto& k : shipped_catalog().at("deliverable_kinds"))
    EXPECT_TRUE(kinds.insert(k.at("value")).second);
  EXPECT_EQ(kinds, deliverable_kinds().values());
}

// The installer reads each type through the API's own checks: unknown deliverables, bad counts, missing
// names and the like would stop the server from starting.
TEST(CatalogData, EveryTypePassesTheApisChecks) {
  std::set<std::string> class_codes;
  for (const auto& c : classes()) class_codes.insert(c.at("code"));
  for (auto t : types()) {
    t["class_code"] = t.at("class");
    rw::Fields fields(t);
    const auto input = read_service_type(fields, class_codes);
    std::string errors;
    for (const auto& e : fields.errors()) errors += e.field + ":" + e.code + " ";
    EXPECT_TRUE(fields.ok()) << t.at("code") << " " << errors;
    EXPECT_FALSE(input.rules.name_en.empty()) << t.at("code");
    EXPECT_FALSE(input.rules.description.empty()) << t.at("code");
    EXPECT_FALSE(input.rules.reference.empty()) << t.at("code");
    // A deadline always says where it comes from, and no basis is given without one.
    EXPECT_EQ(input.rules.upload_working_days.has_value(), !input.rules.upload_basis.empty()) << t.at("code");
    EXPECT_TRUE(t.at("checklists").empty()) << t.at("code");
  }
}

TEST(CatalogData, UploadDeadlinesAreTheSeeds) {
  // wuxi att.1: 排查 5 working days after the visit.
  for (const auto* code :
       {"wuxi.screening.risk_assessment", "wuxi.screening.wastewater", "wuxi.screening.waste_gas",
        "wuxi.screening.solid_waste", "wuxi.screening.emergency_hazard"})
    EXPECT_EQ(type(code).at("upload_working_days"), 5) << code;
  // Trainings: the water training 3 working days, the others one week.
  EXPECT_EQ(type("wuxi.training.water").at("upload_working_days"), 3);
  for (const auto* code :
       {"wuxi.training.air", "wuxi.training.solid_waste", "wuxi.training.emergency", "wuxi.training.law"})
    EXPECT_EQ(type(code).at("upload_working_days"), 5) << code;
  // On-site and emergency services 3 working days, where att.1 gives a number at all.
  for (const auto* code : {"wuxi.on_site.hazardous_waste_plan", "wuxi.on_site.consulting",
                           "wuxi.emergency.plan", "wuxi.emergency.drill", "wuxi.emergency.supplies"})
    EXPECT_EQ(type(code).at("upload_working_days"), 3) << code;
  EXPECT_TRUE(type("wuxi.on_site.ledger_design").at("upload_working_days").is_null());
  EXPECT_TRUE(type("wuxi.on_site.permit_registration").at("upload_working_days").is_null());
  // The emergency plan is uploaded 3 working days after the filing form arrives.
  EXPECT_EQ(codes_where([](const json& t) { return t.at("upload_from") != "service_end"; }),
            std::set<std::string>{"wuxi.emergency.plan"});
  EXPECT_EQ(type("wuxi.emergency.plan").at("upload_from"), "filing_receipt");
  // chengdu 5.3.3: the service record within 7 working days, for every item.
  for (const auto& t : types())
    if (source_of_class(t.at("class")) == "chengdu")
      EXPECT_EQ(t.at("upload_working_days"), 7) << t.at("code");
  // xuzhou and guilin set no upload deadline.
  for (const auto& t : types()) {
    const auto source = source_of_class(t.at("class"));
    if (source == "xuzhou" || source == "guilin")
      EXPECT_TRUE(t.at("upload_working_days").is_null()) << t.at("code");
  }
}

TEST(CatalogData, StaffingAndYearlySurveyFollowTheSeeds) {
  for (const auto& t : types()) {
    const auto source = source_of_class(t.at("class"));
    // wuxi §15(三): every visit at least 2 people, 3 for large enterprises and special requests.
    if (source == "wuxi") {
      EXPECT_TRUE(t.at("on_site").get<bool>()) << t.at("code");
      EXPECT_EQ(t.at("min_people"), 2) << t.at("code");
      EXPECT_EQ(t.at("min_people_large"), 3) << t.at("code");
    }
    EXPECT_GE(t.at("min_people_large").get<int>(), t.at("min_people").get<int>()) << t.at("code");
  }
  // att.1: the special screenings, trainings and on-site consulting need an expert in every team; the risk
  // assessment only for enterprises of larger risk (the staffing rule decides that from the enterprise).
  EXPECT_EQ(
      codes_where([](const json& t) { return t.at("expert_always").get<bool>(); }),
      (std::set<std::string>{"wuxi.screening.wastewater", "wuxi.screening.waste_gas",
                             "wuxi.screening.solid_waste", "wuxi.screening.emergency_hazard",
                             "wuxi.training.water", "wuxi.training.air", "wuxi.training.solid_waste",
                             "wuxi.training.emergency", "wuxi.training.law", "wuxi.on_site.consulting"}));
  // wuxi §15(一) one on-site survey a year: the risk assessment and screenings; chengdu §6 the yearly risk
  // assessment or hazard screening of high-risk enterprises.
  EXPECT_EQ(codes_where([](const json& t) { return t.at("annual_survey").get<bool>(); }),
            (std::set<std::string>{"wuxi.screening.risk_assessment", "wuxi.screening.wastewater",
                                   "wuxi.screening.waste_gas", "wuxi.screening.solid_waste",
                                   "wuxi.screening.emergency_hazard", "chengdu.risk_assessment",
                                   "chengdu.hazard_screening"}));
  // chengdu 6.2.2.1 and 6.3.2.2: not fewer than 2 people on site.
  EXPECT_EQ(type("chengdu.risk_assessment").at("min_people"), 2);
  EXPECT_EQ(type("chengdu.hazard_screening").at("min_people"), 2);
}

TEST(CatalogData, InsuranceTypeFollowsTheSource) {
  const std::map<std::string, std::string> expected = {{"wuxi", "environmental"},
                                                       {"chengdu", "work_safety"},
                                                       {"xuzhou", "environmental"},
                                                       {"guilin", "park_hosting"}};
  for (const auto& t : types())
    EXPECT_EQ(t.at("insurance_type"), expected.at(source_of_class(t.at("class")))) << t.at("code");
}

TEST(CatalogData, DictionariesLabelEverySourceAndDeliverable) {
  const auto all = catalog_dictionaries();
  for (const auto* key :
       {"catalog_sources", "deliverable_kinds", "service_insurance_types", "upload_anchors"})
    EXPECT_TRUE(all.contains(key)) << key;
  EXPECT_EQ(catalog_sources().zh("wuxi"), "无锡环责险");
  EXPECT_EQ(deliverable_kinds().zh("sign_in_sheet"), "签到表");
}
