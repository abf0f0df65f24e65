// The checklist templates shipped in data/checklists/: each loads, and its shape is the seed form's, counted
// as the field-inspection issue states it (where a seed differed, the template's notes say so).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "forms/shipped.hpp"
#include "forms/template.hpp"

namespace rw::forms {
namespace {

std::map<std::string, Template> shipped() {
  std::map<std::string, Template> out;
  for (auto& form : shipped_templates()) out.emplace(form.code, std::move(form));
  return out;
}

const Template& form(const std::string& code) {
  static const auto all = shipped();
  return all.at(code);
}

// Items of `kind` (any kind when empty) under the section `section_id`, its sub-sections included.
std::size_t items_under(const Template& t, const std::string& section_id, const std::string& kind = "") {
  std::size_t n = 0;
  for (const auto& item : t.items) {
    bool inside = false;
    for (std::optional<std::size_t> s = item.section; s && !inside; s = t.sections[*s].parent)
      inside = t.sections[*s].id == section_id;
    if (inside && (kind.empty() || item.kind == kind)) ++n;
  }
  return n;
}

std::size_t findings_of_grade(const Template& t, const std::string& grade) {
  std::size_t n = 0;
  for (const auto& item : t.items)
    for (const auto& o : item.options) n += o.finding && o.finding->grade == grade;
  return n;
}

std::vector<const Section*> top_sections(const Template& t) {
  std::vector<const Section*> out;
  for (const auto& s : t.sections)
    if (!s.parent) out.push_back(&s);
  return out;
}

const Item& only_table(const Template& t) {
  const auto found =
      std::find_if(t.items.begin(), t.items.end(), [](const Item& i) { return i.kind == "table"; });
  EXPECT_NE(found, t.items.end());
  return *found;
}

TEST(ChecklistData, EveryShippedTemplateLoadsWithAServiceTypeOrANote) {
  const auto all = shipped();
  ASSERT_EQ(all.size(), 12u);
  for (const auto& [code, t] : all) {
    EXPECT_FALSE(t.items.empty()) << code;
    EXPECT_TRUE(!t.service_types.empty() || t.body.contains("notes")) << code;
  }
}

TEST(ChecklistData, WuxiEiaAndPermitHasSixCheckPoints) {
  const auto& t = form("wuxi-eia-permit");
  std::size_t check_points = 0;
  for (const auto& item : t.items) check_points += item.kind == "yes_no" || item.kind == "single";
  EXPECT_EQ(check_points, 6u);
  const auto* status = t.item("eia.permit.status");
  ASSERT_NE(status, nullptr);
  std::vector<std::string> labels;
  for (const auto& o : status->options) labels.push_back(o.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"已办理", "尚未办理", "是否需要变更", "不涉及"}));
}

TEST(ChecklistData, WuxiWastewaterHasTwelveItems) { EXPECT_EQ(form("wuxi-wastewater").items.size(), 12u); }

TEST(ChecklistData, WuxiWasteGasHasElevenBlocksAndTheElevenByTenPollutantTable) {
  const auto& t = form("wuxi-waste-gas");
  EXPECT_EQ(top_sections(t).size(), 11u);
  const auto& table = only_table(t);
  EXPECT_EQ(table.rows.size(), 11u);
  EXPECT_EQ(table.columns.size(), 10u);
  EXPECT_EQ(table.rows.front().label, "二氧化硫");
  EXPECT_NE(t.body.dump().find("注①"), std::string::npos);
}

TEST(ChecklistData, WuxiSolidWasteHas42HazardousAnd9GeneralStatements) {
  const auto& t = form("wuxi-solid-waste");
  std::map<std::string, std::size_t> statements, groups;
  for (const auto& item : t.items) {
    if (item.kind == "yes_no") continue;  // the two 不涉及 boxes
    const auto& section = t.sections[item.section].id;
    statements[section] += item.options.size();
    ++groups[section];
  }
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements.begin()->second + std::next(statements.begin())->second, 51u);
  std::multiset<std::size_t> counts;
  for (const auto& [section, n] : statements) counts.insert(n);
  EXPECT_EQ(counts, (std::multiset<std::size_t>{9, 42}));
  std::multiset<std::size_t> group_counts;
  for (const auto& [section, n] : groups) group_counts.insert(n);
  EXPECT_EQ(group_counts, (std::multiset<std::size_t>{3, 7}));
}

TEST(ChecklistData, WuxiNoiseHasOneQuestionWithFourOptions) {
  const auto& t = form("wuxi-noise");
  ASSERT_EQ(t.items.size(), 1u);
  EXPECT_EQ(t.items[0].options.size(), 4u);
}

TEST(ChecklistData, WuxiSoilAppliesOnlyToKeySoilUnits) {
  const auto& t = form("wuxi-soil");
  EXPECT_GE(t.items.size(), 4u);
  ASSERT_FALSE(t.sections[0].visible_if.is_null());
  EXPECT_EQ(t.sections[0].visible_if.value("enterprise", ""), "tags");
  EXPECT_EQ(t.sections[0].visible_if.at("in"), nlohmann::json::array({"土壤污染重点监管单位"}));
}

TEST(ChecklistData, WuxiEmergencyHas16MajorIn3And37GeneralIn8) {
  const auto& t = form("wuxi-emergency");
  std::map<std::string, std::set<std::string>> categories;
  std::map<std::string, std::size_t> hazards;
  for (const auto& item : t.items) {
    ASSERT_EQ(item.kind, "yes_no") << item.id;
    const auto* present = item.option("yes");
    ASSERT_NE(present, nullptr) << item.id;
    EXPECT_EQ(present->label, "存在");
    ASSERT_TRUE(present->finding) << item.id;
    EXPECT_FALSE(item.option("no")->finding) << item.id;
    ++hazards[present->finding->grade];
    categories[present->finding->grade].insert(present->finding->category);
  }
  EXPECT_EQ(hazards["major"], 16u);
  EXPECT_EQ(hazards["general"], 37u);
  EXPECT_EQ(categories["major"].size(), 3u);
  EXPECT_EQ(categories["general"].size(), 8u);
}

TEST(ChecklistData, YueqingHasSevenHeaderFieldsEightSectionsOf33YesNoItemsAndAConclusion) {
  const auto& t = form("yueqing-inspect-once");
  const auto top = top_sections(t);
  ASSERT_EQ(top.size(), 10u);  // header, the 8 sections, conclusion
  EXPECT_EQ(items_under(t, top.front()->id), 7u);
  std::size_t yes_no = 0;
  for (std::size_t s = 1; s + 1 < top.size(); ++s) yes_no += items_under(t, top[s]->id, "yes_no");
  EXPECT_EQ(yes_no, 33u);
  EXPECT_EQ(yes_no, items_under(t, top[1]->id) + items_under(t, top[2]->id) + items_under(t, top[3]->id) +
                        items_under(t, top[4]->id) + items_under(t, top[5]->id) + items_under(t, top[6]->id) +
                        items_under(t, top[7]->id) + items_under(t, top[8]->id));
  // Polarity per item: 是 is the bad answer of 是否无证排污, 否 of most others.
  std::size_t bad_yes = 0, bad_no = 0;
  for (const auto& item : t.items)
    if (item.kind == "yes_no") {
      bad_yes += item.option("yes")->finding.has_value();
      bad_no += item.option("no")->finding.has_value();
    }
  EXPECT_GT(bad_yes, 0u);
  EXPECT_GT(bad_no, 0u);
  EXPECT_EQ(bad_yes + bad_no, 33u);
}

TEST(ChecklistData, XuzhouHasElevenCategoriesOfItemsEachCitingItsSentence) {
  const auto& t = form("xuzhou-status-survey");
  EXPECT_EQ(top_sections(t).size(), 11u);
  const auto& items = t.body.at("sections");
  std::size_t cited = 0;
  for (const auto& section : items)
    for (const auto& item : section.value("items", nlohmann::json::array())) {
      EXPECT_TRUE(item.contains("source") && item.contains("derived")) << item.at("id");
      ++cited;
    }
  EXPECT_EQ(cited, t.items.size());
}

TEST(ChecklistData, GuilinHasSevenClassesOfFortyItems) {
  const auto& t = form("guilin-rectification-feedback");
  EXPECT_EQ(top_sections(t).size(), 7u);
  std::size_t rows = 0;
  for (const auto& item : t.items) rows += item.kind == "yes_no";
  EXPECT_EQ(rows, 40u);
  EXPECT_EQ(findings_of_grade(t, "general"), 40u);
}

TEST(ChecklistData, ChengduInitialRiskSurveyHas13SurveyRowsOfFiveColumns) {
  const auto& t = form("chengdu-initial-risk-survey");
  const auto& table = only_table(t);
  EXPECT_EQ(table.rows.size(), 13u);
  std::vector<std::string> columns;
  for (const auto& c : table.columns) columns.push_back(c.label);
  EXPECT_EQ(columns, (std::vector<std::string>{"调查项目", "调查依据", "调查记录", "调查小结", "备注"}));
}

TEST(ChecklistData, ChengduScreeningRecordHasFourHeaderFieldsAndAddableProblemRows) {
  const auto& t = form("chengdu-hazard-screening-record");
  EXPECT_EQ(items_under(t, top_sections(t).front()->id), 4u);
  const auto& table = only_table(t);
  EXPECT_TRUE(table.rows_addable);
  std::set<std::string> columns;
  for (const auto& c : table.columns) columns.insert(c.label);
  EXPECT_TRUE(columns.count("隐患描述") && columns.count("整改建议"));
}

}  // namespace
}  // namespace rw::forms
