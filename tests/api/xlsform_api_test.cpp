// Checklist templates as XLSForm workbooks over the API: a shipped template downloads as an .xlsx that,
// with its version raised, uploads back as the next version of the same template; only platform admins
// upload; a broken workbook is refused naming the sheet, row and column.
#include "registry_fixtures.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

class XlsformApi : public RegistryApiTest {
 protected:
  static std::int64_t template_id(const std::string& code) {
    // Held here: a range-for over json()["items"] would iterate a destroyed temporary.
    const json list = admin().get("/checklist-templates").json();
    for (const auto& t : list["items"])
      if (t["code"] == code) return t["id"].get<std::int64_t>();
    return 0;
  }

  // The workbook with the settings sheet's version cell set to `version`.
  static std::string with_version(const std::string& xlsx, int version) {
    std::vector<sheet::SheetData> sheets;
    for (const char* name : {"survey", "choices", "settings"}) {
      const auto table = sheet::read_xlsx_sheet(xlsx, name);
      EXPECT_TRUE(table.has_value()) << name;
      sheet::SheetData data{name, {}, {}};
      for (const auto& header : table->rows.at(0).cells) data.columns.push_back({header.text, 14});
      for (std::size_t r = 1; r < table->rows.size(); ++r) {
        std::vector<sheet::Value> row;
        for (std::size_t c = 0; c < data.columns.size(); ++c) {
          const auto& cells = table->rows[r].cells;
          std::string text = c < cells.size() ? cells[c].text : "";
          if (data.columns[c].header == "version" && data.name == "settings") text = std::to_string(version);
          row.emplace_back(text);
        }
        data.rows.push_back(std::move(row));
      }
      sheets.push_back(std::move(data));
    }
    return sheet::write_xlsx(sheets);
  }
};

TEST_F(XlsformApi, AShippedTemplateGoesOutAndComesBackAsItsNextVersion) {
  const auto id = template_id("wuxi-waste-gas");
  ASSERT_NE(id, 0);
  const json original = admin().get(id_path("checklist-templates", id)).json()["body"];
  ASSERT_EQ(original["version"], 1);

  const auto download = as("demo-viewer").get(id_path("checklist-templates", id) + "/xlsform");
  ASSERT_EQ(download.status, 200) << download.body.substr(0, 300);
  EXPECT_EQ(download.header("content-type"), kXlsxType);
  EXPECT_EQ(
      download.header("content-disposition").rfind("attachment; filename=\"wuxi-waste-gas-v1.xlsx\"", 0), 0u)
      << download.header("content-disposition");
  EXPECT_NE(download.header("content-disposition").find("filename*=UTF-8''"), std::string::npos);

  // The same version again is the existing template.
  const auto again = admin().post_raw("/checklist-templates/xlsform", download.body, kXlsxType);
  EXPECT_EQ(again.status, 409) << again.body.substr(0, 300);
  EXPECT_EQ(again.json()["code"], "template_version_exists");

  const auto stored =
      admin().post_raw("/checklist-templates/xlsform", with_version(download.body, 2), kXlsxType);
  ASSERT_EQ(stored.status, 201) << stored.body.substr(0, 500);
  EXPECT_EQ(stored.json()["code"], "wuxi-waste-gas");
  EXPECT_EQ(stored.json()["version"], 2);
  json expected = original;
  expected["version"] = 2;
  const json body = admin().get(id_path("checklist-templates", stored.json()["id"])).json()["body"];
  EXPECT_EQ(body, expected) << json::diff(expected, body).dump().substr(0, 1000);
}

TEST_F(XlsformApi, OnlyPlatformAdminsUploadAndABrokenWorkbookNamesItsCell) {
  const auto id = template_id("wuxi-noise");
  ASSERT_NE(id, 0);
  const auto download = admin().get(id_path("checklist-templates", id) + "/xlsform");
  ASSERT_EQ(download.status, 200);
  const auto next = with_version(download.body, 7);
  EXPECT_EQ(as("demo-agency").post_raw("/checklist-templates/xlsform", next, kXlsxType).status, 403);
  EXPECT_EQ(as("demo-viewer").post_raw("/checklist-templates/xlsform", next, kXlsxType).status, 403);

  // A survey whose relevant names no earlier question.
  const auto broken = sheet::write_xlsx(
      {{"survey",
        {{"type"}, {"name"}, {"label"}, {"relevant"}},
        {{std::string("begin_group"), std::string("g"), std::string("组")},
         {std::string("text"), std::string("t"), std::string("说明"), std::string("${nothing} = 'yes'")},
         {std::string("end_group")}}},
       {"settings", {{"form_id"}}, {{std::string("broken-form")}}}});
  const auto refused = admin().post_raw("/checklist-templates/xlsform", broken, kXlsxType);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  const auto problem = refused.json();
  EXPECT_EQ(problem["code"], "invalid_xlsform");
  EXPECT_EQ(problem["errors"][0]["field"], "survey.relevant");
  EXPECT_EQ(problem["errors"][0]["row"], 3);
  // Not a workbook at all: the spreadsheet reader's refusal.
  const auto garbage = admin().post_raw("/checklist-templates/xlsform", "type,name\ntext,a\n", "text/csv");
  EXPECT_EQ(garbage.status, 422);
  EXPECT_EQ(garbage.json()["code"], "unreadable_file");
  // A missing template is 404.
  EXPECT_EQ(admin().get("/checklist-templates/999999/xlsform").status, 404);
}

}  // namespace
}  // namespace rw::testing
