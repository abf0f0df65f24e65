// Spreadsheet imports that write: enterprises from UTF-8 CSV, GBK CSV and .xlsx (upsert by credit
// code), all_or_nothing versus valid_rows, policies (upsert by number) and staff (upsert by phone).
#include "platform/db/database.hpp"
#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Rows = std::vector<std::vector<std::string>>;
using Codes = std::vector<std::string>;

const std::vector<std::string> kEnterpriseHeader = {"企业名称", "统一社会信用代码", "区县",         "街道",
                                                    "行业代码", "企业规模",         "环境风险等级", "联系人",
                                                    "联系电话", "周边敏感受体"};

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class ImportApi : public RegistryApiTest {
 protected:
  static json enterprise_by_code(const std::string& code) {
    auto list = admin().get("/enterprises?q=" + code);
    EXPECT_EQ(total_of(list), 1) << code;
    return list.json()["items"][0];
  }
  static std::int64_t enterprise_count() { return total_of(admin().get("/enterprises")); }
  // Five new enterprises named 无锡市<label>一…五有限公司, with codes from test_uscc(n); rows 3 and 5 of the
  // sheet (the 2nd and 4th data rows) are wrong.
  static Rows two_bad_of_five(const std::string& label, int n) {
    std::string wrong_check = test_uscc(n + 1);
    wrong_check.back() = wrong_check.back() == '0' ? '1' : '0';
    auto name = [&](const char* number) { return "无锡市" + label + number + "有限公司"; };
    Rows rows = {kEnterpriseHeader};
    rows.push_back({name("一"), test_uscc(n), "新吴区", "旺庄街道", "", "", "", "", "", ""});
    rows.push_back({name("二"), wrong_check, "新吴区", "旺庄街道", "", "", "", "", "", ""});
    rows.push_back({name("三"), test_uscc(n + 2), "梁溪区", "", "", "", "", "", "", ""});
    rows.push_back({name("四"), test_uscc(n + 3), "梁溪区", "通江街道", "", "巨型", "", "", "", ""});
    rows.push_back({name("五"), test_uscc(n + 4), "", "硕放街道", "", "", "", "", "", ""});
    return rows;
  }
};

}  // namespace

TEST_F(ImportApi, Utf8CsvCreatesThenUpdatesWithoutDuplicates) {
  auto agency = as("demo-agency");
  const auto agency_before = total_of(agency.get("/enterprises"));
  const auto all_before = enterprise_count();
  Rows rows = {kEnterpriseHeader};
  rows.push_back({"无锡市导入一号化工有限公司", test_uscc(201), "新吴区", "旺庄街道", "2614", "大型", "重大",
                  "张三", "13800000001", "京杭大运河；居民区"});
  rows.push_back({"无锡市导入二号有限公司", test_uscc(202), "梁溪区", "", "3360 金属表面处理及热处理加工",
                  "小型", "较大环境风险", "", "", ""});
  rows.push_back({"无锡市导入三号有限公司", lower(test_uscc(203)), "", "硕放街道", "有机化学原料制造", "", "",
                  "", "", ""});
  const auto file = "\xEF\xBB\xBF" + csv(rows);  // with the BOM Excel writes
  auto r = upload(agency, "enterprises", file);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), (json{{"kind", "enterprises"},
                            {"mode", "all_or_nothing"},
                            {"total_rows", 3},
                            {"valid_rows", 3},
                            {"invalid_rows", 0},
                            {"created", 3},
                            {"updated", 0},
                            {"written", true},
                            {"errors", json::array()}}));
  EXPECT_EQ(total_of(agency.get("/enterprises")), agency_before + 3);  // the importer sees what it registered

  auto first = enterprise_by_code(test_uscc(201));
  EXPECT_EQ(first["name"], "无锡市导入一号化工有限公司");
  EXPECT_EQ(first["region_name"], "旺庄街道");
  EXPECT_EQ(first["industry_code"], "2614");
  EXPECT_EQ(first["scale"], "large");
  EXPECT_EQ(first["risk_level"], "major");
  EXPECT_EQ(first["contacts"], json::array({{{"name", "张三"}, {"phone", "13800000001"}, {"role", ""}}}));
  EXPECT_EQ(first["sensitive_receptors"], json::array({"京杭大运河", "居民区"}));
  EXPECT_EQ(first["created_by_org_id"], agency.org_id());
  auto second = enterprise_by_code(test_uscc(202));
  EXPECT_EQ(second["region_name"], "梁溪区");
  EXPECT_EQ(second["industry_code"], "3360");
  EXPECT_EQ(second["risk_level"], "larger");
  EXPECT_EQ(second["contacts"], json::array());
  auto third = enterprise_by_code(test_uscc(203));
  EXPECT_EQ(third["credit_code"], test_uscc(203));
  EXPECT_EQ(third["industry_code"], "2614");
  EXPECT_EQ(third["risk_level"], "unknown");

  auto again = upload(agency, "enterprises", file);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["created"], 0);
  EXPECT_EQ(again.json()["updated"], 3);
  EXPECT_EQ(total_of(agency.get("/enterprises")), agency_before + 3);
  EXPECT_EQ(enterprise_count(), all_before + 3);

  rows[1][6] = "一般";
  ASSERT_EQ(upload(agency, "enterprises", csv(rows)).json()["updated"], 3);
  EXPECT_EQ(enterprise_by_code(test_uscc(201))["risk_level"], "general");
  EXPECT_EQ(enterprise_count(), all_before + 3);
}

TEST_F(ImportApi, GbkCsvKeepsChineseText) {
  Rows rows = {kEnterpriseHeader};
  rows.push_back({"无锡市滨湖精细化工有限公司", test_uscc(211), "新吴区", "硕放街道", "2614", "中型", "较大",
                  "钱多多", "13800000002", "太湖；蠡湖"});
  rows.push_back({"无锡市锡山纺织印染有限公司", test_uscc(212), "梁溪区", "崇安寺街道", "1713", "小型",
                  "一般", "", "", ""});
  const auto file = to_gbk(csv(rows));
  ASSERT_NE(file, csv(rows));
  auto r = upload(admin(), "enterprises", file);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["created"], 2);
  auto first = enterprise_by_code(test_uscc(211));
  EXPECT_EQ(first["name"], "无锡市滨湖精细化工有限公司");
  EXPECT_EQ(first["region_name"], "硕放街道");
  EXPECT_EQ(first["contacts"][0]["name"], "钱多多");
  EXPECT_EQ(first["sensitive_receptors"], json::array({"太湖", "蠡湖"}));
  EXPECT_EQ(enterprise_by_code(test_uscc(212))["name"], "无锡市锡山纺织印染有限公司");
  EXPECT_EQ(total_of(admin().get("/enterprises?q=" + url("滨湖精细化工"))), 1);
}

TEST_F(ImportApi, XlsxImport) {
  Rows rows = {kEnterpriseHeader};
  rows.push_back({"无锡市表格导入化工有限公司", test_uscc(231), "新吴区", "旺庄街道", "2614", "大型", "重大",
                  "", "", ""});
  rows.push_back(
      {"无锡市表格导入电镀有限公司", test_uscc(232), "梁溪区", "通江街道", "3360", "微型", "", "", "", ""});
  auto r = upload(as("demo-insurer"), "enterprises", xlsx(rows), "", kXlsxType);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["created"], 2);
  EXPECT_EQ(r.json()["total_rows"], 2);
  auto first = enterprise_by_code(test_uscc(231));
  EXPECT_EQ(first["name"], "无锡市表格导入化工有限公司");
  EXPECT_EQ(first["risk_level"], "major");
  EXPECT_EQ(enterprise_by_code(test_uscc(232))["scale"], "micro");
  EXPECT_EQ(as("demo-insurer").get(id_path("enterprises", first["id"])).status, 200);
}

TEST_F(ImportApi, AllOrNothingRefusesAFileWithBadRows) {
  const auto before = enterprise_count();
  auto r = upload(admin(), "enterprises", csv(two_bad_of_five("整体", 220)));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json()["code"], "import_rows_invalid");
  const auto report = r.json()["report"];
  EXPECT_EQ(report["total_rows"], 5);
  EXPECT_EQ(report["valid_rows"], 3);
  EXPECT_EQ(report["invalid_rows"], 2);
  EXPECT_EQ(report["created"], 0);
  EXPECT_EQ(report["written"], false);
  // Row numbers as the spreadsheet shows them (the header is row 1), fields as the column headers.
  EXPECT_EQ(row_errors(report), (Codes{"3:统一社会信用代码:invalid_uscc", "5:企业规模:invalid_choice"}));
  EXPECT_EQ(enterprise_count(), before);
  EXPECT_EQ(total_of(admin().get("/enterprises?q=" + url("整体"))), 0);
}

TEST_F(ImportApi, ValidRowsModeWritesTheGoodRows) {
  const auto before = enterprise_count();
  auto r = upload(admin(), "enterprises", csv(two_bad_of_five("部分", 250)), "?mode=valid_rows");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto report = r.json();
  EXPECT_EQ(report["mode"], "valid_rows");
  EXPECT_EQ(report["created"], 3);
  EXPECT_EQ(report["invalid_rows"], 2);
  EXPECT_EQ(report["written"], true);
  EXPECT_EQ(row_errors(report), (Codes{"3:统一社会信用代码:invalid_uscc", "5:企业规模:invalid_choice"}));
  EXPECT_EQ(enterprise_count(), before + 3);
  EXPECT_EQ(sorted(names_of(admin().get("/enterprises?q=" + url("部分")))),
            sorted({"无锡市部分一有限公司", "无锡市部分三有限公司", "无锡市部分五有限公司"}));
}

TEST_F(ImportApi, RowErrorsNameTheColumn) {
  Rows rows = {kEnterpriseHeader};
  rows.push_back({"无锡市火星有限公司", test_uscc(241), "火星区", "", "", "", "", "", "", ""});
  rows.push_back({"无锡市重复有限公司", test_uscc(242), "新吴区", "", "", "", "", "", "", ""});
  rows.push_back({"无锡市重复有限公司", test_uscc(242), "新吴区", "", "", "", "", "", "", ""});
  rows.push_back({"", test_uscc(243), "新吴区", "", "", "", "", "", "", ""});
  rows.push_back({"无锡市行业有限公司", test_uscc(244), "新吴区", "", "9999", "", "特大", "", "", ""});
  auto r = upload(admin(), "enterprises", csv(rows));
  ASSERT_EQ(r.status, 422) << r.body;
  const auto errors = row_errors(r.json()["report"]);
  auto has = [&](const std::string& e) { return std::find(errors.begin(), errors.end(), e) != errors.end(); };
  EXPECT_TRUE(has("2:区县:unknown_region")) << r.body;
  EXPECT_TRUE(has("4:统一社会信用代码:duplicate_in_file")) << r.body;
  EXPECT_TRUE(has("5:企业名称:required")) << r.body;
  EXPECT_TRUE(has("6:行业代码:unknown_industry")) << r.body;
  EXPECT_TRUE(has("6:环境风险等级:invalid_choice")) << r.body;
  EXPECT_EQ(r.json()["report"]["invalid_rows"], 4);
}

TEST_F(ImportApi, AnotherTenantsEnterpriseIsNotOverwritten) {
  const auto theirs =
      admin().get(id_path("enterprises", enterprise_id(demo_enterprise(10)))).json();  // agency B's
  Rows rows = {kEnterpriseHeader,
               {"无锡市冒名有限公司", lower(theirs["credit_code"].get<std::string>()), "新吴区", "", "", "",
                "", "", "", ""}};
  auto r = upload(as("demo-agency"), "enterprises", csv(rows));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(row_errors(r.json()["report"]), Codes{"2:统一社会信用代码:duplicate_uscc"});
  EXPECT_EQ(admin().get(id_path("enterprises", theirs["id"])).json()["name"], demo_enterprise(10));
  EXPECT_EQ(as("demo-agency").get(id_path("enterprises", theirs["id"])).status, 404);
}

TEST_F(ImportApi, ExportedFileImportsAgainUnchanged) {
  auto admin = this->admin();
  auto list = admin.get("/enterprises?risk_level=major").json()["items"];
  auto exported = admin.get("/enterprises/export?risk_level=major");
  ASSERT_EQ(exported.status, 200);
  auto r = upload(admin, "enterprises", exported.body, "", kXlsxType);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["created"], 0);
  EXPECT_EQ(r.json()["updated"], list.size());  // 3 demo enterprises, and any an earlier test imported
  for (const auto& before : list) {
    auto after = admin.get(id_path("enterprises", before["id"])).json();
    for (const auto& [key, value] : before.items()) {
      if (key == "updated_at") continue;
      if (value.is_number_float())  // a coordinate may come back in its shortest spelling (31.58,
                                    // not 31.580000000000002)
        EXPECT_NEAR(after[key].get<double>(), value.get<double>(), 1e-9) << before["name"] << " " << key;
      else
        EXPECT_EQ(after[key], value) << before["name"] << " " << key;
    }
  }
}

TEST_F(ImportApi, PolicyImportNeedsARegisteredEnterprise) {
  auto insurer = as("demo-insurer");
  const auto code =
      admin().get(id_path("enterprises", enterprise_id(demo_enterprise(0)))).json()["credit_code"];
  const std::vector<std::string> header = {"保单号",
                                           "险种",
                                           "统一社会信用代码",
                                           "保险起期",
                                           "保险止期",
                                           "保费（元）",
                                           "保额（元）",
                                           "风险防控费用计提方式",
                                           "风险防控费用（元或%）"};
  Rows rows = {header,
               {"PICC-IMP-0001", "环境污染责任保险", code, "2026/1/1", "2026年12月31日", "30,000.00",
                "2000000", "保费比例", "15%"},
               {"PICC-IMP-0002", "环责险", test_uscc(299), "2026-01-01", "2026-12-31", "1000", "100000",
                "固定金额", "100"}};
  auto refused = upload(insurer, "policies", csv(rows));
  ASSERT_EQ(refused.status, 422) << refused.body;
  const auto errors = row_errors(refused.json()["report"]);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0], "3:统一社会信用代码:unknown_enterprise");
  EXPECT_EQ(refused.json()["report"]["invalid_rows"], 1);
  EXPECT_EQ(total_of(insurer.get("/policies?q=PICC-IMP")), 0);

  auto partial = upload(insurer, "policies", csv(rows), "?mode=valid_rows");
  ASSERT_EQ(partial.status, 200) << partial.body;
  EXPECT_EQ(partial.json()["created"], 1);
  auto policy = insurer.get("/policies?q=PICC-IMP").json()["items"][0];
  EXPECT_EQ(policy["insurer_org_id"], insurer.org_id());
  EXPECT_EQ(policy["enterprise_name"], demo_enterprise(0));
  EXPECT_EQ(policy["starts_on"], "2026-01-01");
  EXPECT_EQ(policy["ends_on"], "2026-12-31");
  EXPECT_EQ(policy["premium"], 30000.0);
  EXPECT_EQ(policy["prevention_fund"], 4500.0);
  rows.pop_back();
  rows[1][5] = "36000";
  auto again = upload(insurer, "policies", csv(rows));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["updated"], 1);
  EXPECT_EQ(insurer.get(id_path("policies", policy["id"])).json()["premium"], 36000.0);
  EXPECT_EQ(total_of(insurer.get("/policies?q=PICC-IMP")), 1);
}

TEST_F(ImportApi, StaffImportUpsertsByPhone) {
  auto agency = as("demo-agency");
  const auto before = total_of(agency.get("/staff"));
  Rows rows = {
      {"姓名", "手机号", "人员类别", "职称", "专家库级别", "专业领域", "证书名称", "证书编号",
       "证书有效期至"},
      {"刘技术", "13912340003", "技术人员", "高级", "", "水污染防治；噪声", "", "", ""},
      {"林导入", "13700009999", "专家", "高级", "市级", "环境应急", "注册环保工程师", "HB001", "2027/12/31"}};
  auto r = upload(agency, "staff", csv(rows));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["created"], 1);
  EXPECT_EQ(r.json()["updated"], 1);
  EXPECT_EQ(total_of(agency.get("/staff")), before + 1);
  auto liu = agency.get(id_path("staff", staff_id("刘技术"))).json();
  EXPECT_EQ(liu["title_level"], "senior");
  EXPECT_EQ(liu["user_id"], as("demo-technician").user_id());  // the link to the account stays
  auto lin = agency.get(id_path("staff", staff_id("林导入"))).json();
  EXPECT_EQ(lin["org_id"], agency.org_id());
  EXPECT_EQ(lin["expert_pool_level"], "city");
  EXPECT_EQ(lin["specialties"], json::array({"emergency"}));
  EXPECT_EQ(lin["certificates"],
            json::array({{{"name", "注册环保工程师"}, {"number", "HB001"}, {"expires_on", "2027-12-31"}}}));
  auto again = upload(agency, "staff", csv(rows));
  EXPECT_EQ(again.json()["created"], 0);
  EXPECT_EQ(again.json()["updated"], 2);
  EXPECT_EQ(total_of(agency.get("/staff")), before + 1);
  // The same phone in another agency is another person.
  EXPECT_EQ(upload(as("qingyuan-admin"), "staff", csv(rows)).json()["created"], 2);
}

TEST_F(ImportApi, StaffImportRequiresThePoolLevelOfExperts) {
  Rows rows = {{"姓名", "手机号", "人员类别", "职称", "专家库级别"},
               {"缺级别", "13700008888", "专家", "高级", ""}};
  auto r = upload(as("demo-agency"), "staff", csv(rows));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(row_errors(r.json()["report"]), Codes{"2:专家库级别:required"});
  Rows no_phone = {{"姓名", "手机号", "人员类别"}, {"无手机", "", "技术人员"}};
  EXPECT_EQ(row_errors(upload(as("demo-agency"), "staff", csv(no_phone)).json()["report"]),
            Codes{"2:手机号:required"});
}

TEST_F(ImportApi, ManyChangedRowsEachTakeTheirOwnChanges) {
  // Changed rows are written many to a statement (250), grouped by the columns they change: 600 rows span two
  // chunks and more than one statement, half renamed and half given another risk level.
  Rows rows = {kEnterpriseHeader};
  for (int i = 0; i < 600; ++i)
    rows.push_back({"无锡市批改" + std::to_string(i) + "号有限公司", test_uscc(7000 + i), "梁溪区", "", "",
                    "", "一般", "", "", ""});
  ASSERT_EQ(upload(admin(), "enterprises", csv(rows)).json()["created"], 600);
  for (int i = 0; i < 600; ++i) {
    auto& row = rows[static_cast<std::size_t>(i) + 1];
    if (i % 2 == 0)
      row[0] = "无锡市新批改" + std::to_string(i) + "号有限公司";
    else
      row[6] = "重大";
  }
  auto r = upload(admin(), "enterprises", csv(rows));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["updated"], 600);

  // The search indexes follow the new names; the levels are each row's own.
  EXPECT_EQ(total_of(admin().get("/enterprises?q=新批改")), 300);
  EXPECT_EQ(total_of(admin().get("/enterprises?q=批改&risk_level=major")), 300);
  EXPECT_EQ(total_of(admin().get("/enterprises?q=批改&risk_level=general")), 300);
  for (const int i : {0, 1, 250, 251, 598, 599}) {
    const auto e = enterprise_by_code(test_uscc(7000 + i));
    EXPECT_EQ(e["name"], (i % 2 ? "无锡市批改" : "无锡市新批改") + std::to_string(i) + "号有限公司") << i;
    EXPECT_EQ(e["risk_level"], i % 2 ? "major" : "general") << i;
    EXPECT_EQ(e["region_name"], "梁溪区") << i;
  }
}

TEST_F(ImportApi, AFileOfSeveralPreloadChunksUpdatesAndFindsRepeatsAcrossThem) {
  // The driver prepares rows in chunks of 500; the repeat and the update below lie in other chunks than
  // the rows they concern.
  Rows existing = {kEnterpriseHeader,
                   {"无锡市分块已有有限公司", test_uscc(5000), "新吴区", "旺庄街道", "", "", "", "", "", ""}};
  ASSERT_EQ(upload(admin(), "enterprises", csv(existing)).json()["created"], 1);
  const auto before = enterprise_count();
  Rows rows = {kEnterpriseHeader};
  for (int i = 0; i < 1200; ++i)
    rows.push_back({"无锡市分块" + std::to_string(i) + "号有限公司", test_uscc(5001 + i), "梁溪区", "", "",
                    "", "", "", "", ""});
  rows[701][1] = test_uscc(5000);   // sheet row 702 updates the enterprise registered above
  rows[1200][1] = test_uscc(5002);  // sheet row 1201 repeats row 3
  auto refused = upload(admin(), "enterprises", csv(rows));
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(row_errors(refused.json()["report"]), Codes{"1201:统一社会信用代码:duplicate_in_file"});
  EXPECT_EQ(enterprise_count(), before);

  auto r = upload(admin(), "enterprises", csv(rows), "?mode=valid_rows");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["total_rows"], 1200);
  EXPECT_EQ(r.json()["invalid_rows"], 1);
  EXPECT_EQ(r.json()["created"], 1198);
  EXPECT_EQ(r.json()["updated"], 1);
  EXPECT_EQ(enterprise_count(), before + 1198);
  EXPECT_EQ(enterprise_by_code(test_uscc(5000))["name"], "无锡市分块700号有限公司");
  // SQLite: twice the enterprises the planner's statistics counted and 1,000 more, and they are taken again
  // (sampled, so about the count: the demo's few enterprises before).
  if (server_->db_url().rfind("sqlite:", 0) == 0) {
    auto database = rw::db::Database::open(server_->db_url(), 1);
    const auto stat =
        (*database->acquire())
            .query("SELECT stat FROM sqlite_stat1 WHERE idx = 'sqlite_autoindex_enterprises_1'");
    ASSERT_EQ(stat.size(), 1u);
    EXPECT_GT(std::stoll(stat[0].text("stat")), 500) << stat[0].text("stat");
  }
}

TEST_F(ImportApi, AFileThatTurnsUnreadableAfterSeveralChunksLeavesNothingWritten) {
  // The file is read on a second thread while the chunks before are written: the first two chunks of 500 are
  // in the request's transaction when the reader meets the unclosed quote of sheet row 1,202.
  const auto before = enterprise_count();
  Rows rows = {kEnterpriseHeader};
  for (int i = 0; i < 1200; ++i)
    rows.push_back({"无锡市读坏" + std::to_string(i) + "号有限公司", test_uscc(30001 + i), "梁溪区", "", "",
                    "", "", "", "", ""});
  const auto file = csv(rows) + "\"无锡市引号没有闭合有限公司," + test_uscc(31300) + ",梁溪区\r\n";
  for (const char* mode : {"", "?mode=valid_rows"}) {
    auto r = upload(admin(), "enterprises", file, mode);
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.json()["code"], "unreadable_file") << mode;
    EXPECT_EQ(enterprise_count(), before) << mode;
  }
  // The same rows without the broken one go in.
  auto r = upload(admin(), "enterprises", csv(rows), "?mode=valid_rows");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["created"], 1200);
  EXPECT_EQ(enterprise_count(), before + 1200);
}
