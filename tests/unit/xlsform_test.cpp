// Templates as XLSForm workbooks: every shipped template goes out and comes back as the same JSON, a plain
// XLSForm made in Excel or KoboToolbox comes in with defaults, and what cannot be mapped is refused naming
// the sheet, row and column.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "forms/shipped.hpp"
#include "forms/xlsform.hpp"
#include "platform/errors.hpp"
#include "spreadsheet/table.hpp"

namespace rw::forms {
namespace {

using nlohmann::json;
using Rows = std::vector<std::vector<std::string>>;

// A sheet whose first row is the header.
sheet::SheetData sheet_of(const std::string& name, const Rows& rows) {
  sheet::SheetData out{name, {}, {}};
  for (const auto& header : rows.front()) out.columns.push_back({header, 14});
  for (std::size_t r = 1; r < rows.size(); ++r) out.rows.emplace_back(rows[r].begin(), rows[r].end());
  return out;
}

std::string workbook(const Rows& survey, const Rows& choices, const Rows& settings) {
  std::vector<sheet::SheetData> sheets = {sheet_of("survey", survey)};
  if (!choices.empty()) sheets.push_back(sheet_of("choices", choices));
  if (!settings.empty()) sheets.push_back(sheet_of("settings", settings));
  return sheet::write_xlsx(sheets);
}

std::vector<std::string> column(const sheet::Table& table, const std::string& header) {
  const auto& names = table.rows.at(0).cells;
  const auto at = static_cast<std::size_t>(
      std::find_if(names.begin(), names.end(), [&](const sheet::Cell& c) { return c.text == header; }) -
      names.begin());
  std::vector<std::string> out;
  for (std::size_t r = 1; r < table.rows.size(); ++r)
    out.push_back(at < table.rows[r].cells.size() ? table.rows[r].cells[at].text : "");
  return out;
}

TEST(Xlsform, EveryShippedTemplateComesBackAsTheSameJson) {
  const auto shipped = shipped_templates();
  ASSERT_EQ(shipped.size(), 12u);
  for (const auto& form : shipped) {
    const json back = xlsform_to_template_json(template_to_xlsform(form));
    EXPECT_EQ(back, form.body) << form.code << ": " << json::diff(form.body, back).dump(1).substr(0, 2000);
    EXPECT_NO_THROW(parse_template(back)) << form.code;
  }
}

TEST(Xlsform, WritesSurveyChoicesAndSettingsAsXlsformHasThem) {
  const auto shipped = shipped_templates();
  const auto noise =
      std::find_if(shipped.begin(), shipped.end(), [](const Template& t) { return t.code == "wuxi-noise"; });
  ASSERT_NE(noise, shipped.end());
  const std::string bytes = template_to_xlsform(*noise);
  const auto survey = sheet::read_xlsx_sheet(bytes, "survey");
  ASSERT_TRUE(survey.has_value());
  const auto types = column(*survey, "type");
  ASSERT_FALSE(types.empty());
  EXPECT_EQ(types.front(), "begin_group");
  EXPECT_EQ(types.back(), "end_group");
  const auto names = column(*survey, "name");
  const auto monitoring = std::find(names.begin(), names.end(), "noise.monitoring") - names.begin();
  ASSERT_LT(static_cast<std::size_t>(monitoring), names.size());
  EXPECT_EQ(types[monitoring], "select_one noise.monitoring");
  EXPECT_EQ(column(*survey, "label::中文 (zh)")[monitoring], noise->item("noise.monitoring")->label);
  const auto choices = sheet::read_xlsx_sheet(bytes, "choices");
  ASSERT_TRUE(choices.has_value());
  const auto lists = column(*choices, "list_name");
  EXPECT_EQ(std::count(lists.begin(), lists.end(), "noise.monitoring"),
            static_cast<long>(noise->item("noise.monitoring")->options.size()));
  const auto settings = sheet::read_xlsx_sheet(bytes, "settings");
  ASSERT_TRUE(settings.has_value());
  EXPECT_EQ(column(*settings, "form_id"), std::vector<std::string>{"wuxi-noise"});
  EXPECT_EQ(column(*settings, "version"), std::vector<std::string>{std::to_string(noise->version)});
  EXPECT_EQ(column(*settings, "riskwatch::source.seed").at(0), noise->body["source"]["seed"]);
}

// A form as Excel or KoboToolbox users write one: no riskwatch:: columns, questions outside groups,
// metadata rows, a repeat.
const Rows kKoboSurvey = {
    {"type", "name", "label", "hint", "required", "relevant", "constraint", "appearance", "repeat_count"},
    {"start", "start"},
    {"select_one yn", "has_permit", "Has a discharge permit?"},
    {"text", "permit_no", "Permit number", "As printed", "", "${has_permit} = 'yes'"},
    {"begin group", "site", "Site"},
    {"integer", "staff", "Staff", "", "no", "", ". >= 0 and . <= 5000"},
    {"select_multiple waste", "waste", "Waste kinds"},
    {"text", "remarks", "Remarks", "", "false", "", "", "multiline"},
    {"image", "outlet_photo", "Photo of the outlet", "", "", "not(selected(${waste}, 'none'))"},
    {"end group"},
    {"begin_repeat", "outlets", "Outlets"},
    {"text", "code", "Code"},
    {"select_one yn", "monitored", "Monitored", "", "no"},
    {"end_repeat"},
    {"begin_repeat", "tanks", "Tanks", "", "", "", "", "", "2"},
    {"decimal", "volume", "Volume"},
    {"end_repeat"},
};
const Rows kKoboChoices = {{"list_name", "name", "label"},
                           {"yn", "yes", "Yes"},
                           {"yn", "no", "No"},
                           {"waste", "ww", "Waste water"},
                           {"waste", "none", "None"}};

TEST(Xlsform, APlainKoboFormComesInWithDefaults) {
  const json form = xlsform_to_template_json(workbook(
      kKoboSurvey, kKoboChoices, {{"form_title", "form_id", "version"}, {"Site visit", "Site_Visit", "3"}}));
  EXPECT_EQ(form["code"], "site_visit");
  EXPECT_EQ(form["name"], "Site visit");
  EXPECT_EQ(form["version"], 3);
  EXPECT_EQ(form["source"], json({{"seed", "XLSForm"}, {"place", "form_id site_visit"}}));
  ASSERT_EQ(form["sections"].size(), 2u);
  // The questions outside any group form one section where the first of them stands.
  const json& main = form["sections"][0];
  EXPECT_EQ(main["id"], "main");
  EXPECT_EQ(main["title"], "Site visit");
  ASSERT_EQ(main["items"].size(), 4u);
  EXPECT_EQ(main["items"][0],
            json::parse(R"({"id": "has_permit", "kind": "yes_no", "label": "Has a discharge permit?",
      "required": true, "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]})"));
  EXPECT_EQ(main["items"][1], json::parse(R"({"id": "permit_no", "kind": "text", "label": "Permit number",
      "help": "As printed", "required": true, "visible_if": {"answer": "has_permit", "in": ["yes"]}})"));
  EXPECT_EQ(main["items"][2]["kind"], "table");
  EXPECT_EQ(main["items"][2]["rows_addable"], true);
  EXPECT_EQ(main["items"][2]["columns"], json::parse(R"([
      {"id": "code", "kind": "text", "label": "Code", "required": true},
      {"id": "monitored", "kind": "yes_no", "label": "Monitored", "required": false,
       "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]}])"));
  EXPECT_EQ(main["items"][3]["rows"],
            json::parse(R"([{"id": "r1", "label": "1"}, {"id": "r2", "label": "2"}])"));
  EXPECT_FALSE(main["items"][3].contains("rows_addable"));
  const json& site = form["sections"][1];
  EXPECT_EQ(site["id"], "site");
  EXPECT_EQ(site["title"], "Site");
  ASSERT_EQ(site["items"].size(), 4u);
  EXPECT_EQ(site["items"][0],
            json::parse(R"({"id": "staff", "kind": "number", "label": "Staff", "required": false,
      "integer": true, "min": 0, "max": 5000})"));
  EXPECT_EQ(site["items"][1]["kind"], "multiple");
  EXPECT_EQ(site["items"][2]["multiline"], true);
  EXPECT_EQ(site["items"][2]["required"], false);
  EXPECT_EQ(site["items"][3]["kind"], "photo");
  EXPECT_EQ(site["items"][3]["visible_if"], json::parse(R"({"answer": "waste", "not_in": ["none"]})"));
  // And it is a template the form engine takes.
  EXPECT_NO_THROW(parse_template(form));
}

TEST(Xlsform, WithoutASettingsVersionTheVersionIsOne) {
  const json form = xlsform_to_template_json(workbook(kKoboSurvey, kKoboChoices, {{"form_id"}, {"visit"}}));
  EXPECT_EQ(form["version"], 1);
  EXPECT_EQ(form["name"], "visit");
}

// The field error of a refused workbook: "<sheet>.<column>" and the row.
std::pair<std::string, std::size_t> refused_at(const std::string& bytes) {
  try {
    xlsform_to_template_json(bytes);
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind, ErrorKind::invalid);
    EXPECT_EQ(e.code, "invalid_xlsform");
    if (e.errors.empty()) return {"(no field)", 0};
    EXPECT_NE(e.detail_en.find("row " + std::to_string(e.errors[0].row)), std::string::npos) << e.detail_en;
    return {e.errors[0].field, e.errors[0].row};
  }
  return {"(accepted)", 0};
}

using Where = std::pair<std::string, std::size_t>;

// kKoboSurvey with row `at` (1 = the first row below the header) replaced, or removed when `row` is empty.
std::string kobo_with(std::size_t at, const std::vector<std::string>& row,
                      const Rows& choices = kKoboChoices) {
  Rows survey = kKoboSurvey;
  if (row.empty())
    survey.erase(survey.begin() + at);
  else
    survey[at] = row;
  return workbook(survey, choices, {{"form_id"}, {"visit"}});
}

TEST(Xlsform, RefusesWhatItCannotMapNamingSheetRowAndColumn) {
  // Sheet rows: the header is row 1, kKoboSurvey[1] is row 2.
  EXPECT_EQ(refused_at(kobo_with(2, {"geopoint", "where", "Where"})), Where("survey.type", 3));
  EXPECT_EQ(refused_at(kobo_with(9, {})), Where("survey.type", 5));  // begin group without end group
  EXPECT_EQ(refused_at(kobo_with(13, {"end_group"})), Where("survey.type", 14));
  EXPECT_EQ(refused_at(kobo_with(3, {"text", "permit_no", "Permit", "", "", "${permit} = 'yes'"})),
            Where("survey.relevant", 4));
  EXPECT_EQ(refused_at(kobo_with(3, {"text", "permit_no", "Permit", "", "", "${has_permit} = 'maybe'"})),
            Where("survey.relevant", 4));
  EXPECT_EQ(refused_at(kobo_with(6, {"select_multiple wastes", "waste", "Waste kinds"})),
            Where("survey.type", 7));
  EXPECT_EQ(refused_at(kobo_with(5, {"integer", "staff", "Staff", "", "", "", ". > 0"})),
            Where("survey.constraint", 6));
  EXPECT_EQ(refused_at(kobo_with(5, {"integer", "Staff", "Staff"})), Where("survey.name", 6));
  EXPECT_EQ(refused_at(kobo_with(5, {"integer", "has_permit", "Staff"})), Where("survey.name", 6));
  EXPECT_EQ(refused_at(kobo_with(5, {"integer", "staff", "", "", "maybe"})), Where("survey.label", 6));
  EXPECT_EQ(refused_at(kobo_with(5, {"integer", "staff", "Staff", "", "maybe"})),
            Where("survey.required", 6));
  EXPECT_EQ(refused_at(kobo_with(11, {"image", "code", "Code"})), Where("survey.type", 12));
  EXPECT_EQ(refused_at(kobo_with(2, {"select_one yn", "has_permit", "Permit?"},
                                 {{"list_name", "name", "label"}, {"yn", "Yes", "Yes"}})),
            Where("choices.name", 2));
  EXPECT_EQ(refused_at(workbook(kKoboSurvey, kKoboChoices, {{"form_id", "version"}, {"visit", "1.0"}})),
            Where("settings.version", 2));
  EXPECT_EQ(refused_at(workbook(kKoboSurvey, kKoboChoices, {})), Where("settings.form_id", 2));
  EXPECT_EQ(refused_at(sheet::write_xlsx({sheet_of("questions", kKoboSurvey)})), Where("survey.type", 1));
}

TEST(Xlsform, AnUnreadableFileIsTheReadersRefusal) {
  try {
    xlsform_to_template_json("not a workbook");
    FAIL() << "accepted";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code, "unreadable_file");
  }
}

}  // namespace
}  // namespace rw::forms
