// Files an import refuses as a whole (with the reader's error codes), the import templates, and the
// exports, which follow the list filters and the caller's scope.
#include <random>

#include "registry_fixtures.hpp"
#include "sheet_fixtures.hpp"  // make_zip: a hand-made .xlsx with a formula

using namespace rw::testing;
using nlohmann::json;

namespace {

using Rows = std::vector<std::vector<std::string>>;
using Codes = std::vector<std::string>;

const std::string kHeader = "企业名称,统一社会信用代码,区县,街道\r\n";

// Nothing is written by these tests: every import is refused.
class ImportFileApi : public RegistryApiTest {
 protected:
  // The problem code of importing `bytes` as enterprises (the admin may import anything).
  static std::string refusal(const std::string& bytes, const std::string& content_type = "text/csv") {
    auto r = upload(admin(), "enterprises", bytes, "", content_type);
    EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    return r.json().value("code", "");
  }
  static std::string worksheet(const std::string& rows_xml) {
    return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           rows_xml + "</sheetData></worksheet>";
  }
  static std::string inline_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }
};

class ExportApi : public RegistryApiTest {
 protected:
  static rw::sheet::Table download(const Client& client, const std::string& target) {
    auto r = client.get(target);
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(r.header("content-type"), kXlsxType);
    EXPECT_EQ(r.header("content-disposition").rfind("attachment; filename=", 0), 0u)
        << r.header("content-disposition");
    return rw::sheet::read_xlsx(r.body);
  }
  // The texts of one column (by its header) below the header row.
  static std::vector<std::string> column(const rw::sheet::Table& table, const std::string& header) {
    const auto headers = row_texts(table.rows.at(0));
    const auto at =
        static_cast<std::size_t>(std::find(headers.begin(), headers.end(), header) - headers.begin());
    std::vector<std::string> out;
    for (std::size_t r = 1; r < table.rows.size(); ++r)
      out.push_back(at < table.rows[r].cells.size() ? table.rows[r].cells[at].text : "");
    return out;
  }
};

}  // namespace

// ---- files refused as a whole

TEST_F(ImportFileApi, EmptyBody) { EXPECT_EQ(refusal(""), "empty_file"); }

TEST_F(ImportFileApi, StartsLikeAZipButIsNone) {
  EXPECT_EQ(refusal(std::string("PK\x03\x04", 4) + "this is not really a zip archive", kXlsxType),
            "unreadable_file");
}

TEST_F(ImportFileApi, RandomBytes) {
  std::mt19937 random(20261122);
  std::string bytes(4096, '\0');
  for (auto& b : bytes) b = static_cast<char>(random() & 0xFF);
  bytes[0] = '\x01';  // not "PK"
  EXPECT_EQ(refusal(bytes, "application/octet-stream"), "unreadable_file");
  // Bytes that are neither UTF-8 nor GB18030, without a NUL.
  EXPECT_EQ(refusal(std::string(64, '\xFF')), "unreadable_file");
}

TEST_F(ImportFileApi, OldExcelFile) {
  EXPECT_EQ(refusal(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\x01')),
            "unreadable_file");
}

TEST_F(ImportFileApi, HeaderOnly) {
  EXPECT_EQ(refusal(kHeader), "no_rows");
  EXPECT_EQ(refusal(xlsx({{"企业名称", "统一社会信用代码", "区县"}}), kXlsxType), "no_rows");
  EXPECT_EQ(refusal("\r\n\r\n"), "empty_file");
}

TEST_F(ImportFileApi, MissingRequiredColumn) {
  auto r = upload(admin(), "enterprises", "企业名称,区县\r\n无锡市缺列有限公司,新吴区\r\n");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.json()["code"], "missing_columns");
  EXPECT_NE(r.json()["detail"].get<std::string>().find("统一社会信用代码"), std::string::npos) << r.body;
  // Headers from the template, with their stars, are recognised.
  EXPECT_EQ(refusal("企业名称*,统一社会信用代码*\r\n"), "no_rows");
}

TEST_F(ImportFileApi, FormulaCellIsRefusedOnItsRow) {
  const auto sheet =
      worksheet("<row r=\"1\">" + inline_cell("A1", "企业名称") + inline_cell("B1", "统一社会信用代码") +
                inline_cell("C1", "区县") +
                "</row><row r=\"2\"><c r=\"A2\" "
                "t=\"str\"><f>CONCATENATE(\"无锡市\",\"公式有限公司\")</f><v>无锡市公式有限公司</v></c>" +
                inline_cell("B2", test_uscc(301)) + inline_cell("C2", "新吴区") + "</row>");
  auto r = upload(admin(), "enterprises", make_zip({{"xl/worksheets/sheet1.xml", sheet}}), "", kXlsxType);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json()["code"], "import_rows_invalid");
  EXPECT_EQ(row_errors(r.json()["report"]), Codes{"2:企业名称:formula_not_allowed"});
  EXPECT_EQ(total_of(admin().get("/enterprises?q=" + url("公式"))), 0);
}

TEST_F(ImportFileApi, TooManyColumns) {
  std::string wide = kHeader;
  for (int i = 0; i < 100'000; ++i) wide += i ? ",x" : "x";
  auto r = upload(admin(), "enterprises", wide + "\r\n");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.json()["code"], "too_many_columns");
  EXPECT_NE(r.json()["detail"].get<std::string>().find("第 2 行"), std::string::npos) << r.body;
  // In an .xlsx, one cell far to the right is enough.
  const auto sheet =
      worksheet("<row r=\"1\">" + inline_cell("A1", "企业名称") + inline_cell("EQXD1", "x") + "</row>");
  EXPECT_EQ(refusal(make_zip({{"xl/worksheets/sheet1.xml", sheet}}), kXlsxType), "too_many_columns");
}

TEST_F(ImportFileApi, KindModeAndPermissions) {
  const auto file = kHeader + "无锡市权限有限公司," + test_uscc(302) + ",新吴区,\r\n";
  EXPECT_EQ(upload(admin(), "things", file).status, 404);
  auto mode = upload(admin(), "enterprises", file, "?mode=some_rows");
  EXPECT_EQ(mode.status, 422);
  EXPECT_EQ(field_codes(mode.json()["errors"]), Codes{"mode:invalid_query"});
  EXPECT_EQ(upload(as("demo-regulator"), "enterprises", file).status, 403);
  EXPECT_EQ(upload(as("demo-enterprise"), "enterprises", file).status, 403);
  EXPECT_EQ(upload(as("demo-agency"), "policies", file).status, 403);
  EXPECT_EQ(upload(as("demo-expert"), "staff", file).status, 403);
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/imports/enterprises", file).status, 401);
  EXPECT_EQ(total_of(admin().get("/enterprises?q=" + url("权限"))), 0);
}

// ---- templates

TEST_F(ImportFileApi, EnterpriseTemplateIsAnXlsxWithStarredHeaders) {
  auto r = as("demo-agency").get("/imports/enterprises/template");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), kXlsxType);
  const auto disposition = r.header("content-disposition");
  EXPECT_EQ(disposition.rfind("attachment;", 0), 0u) << disposition;
  EXPECT_NE(disposition.find("filename=\"enterprises-template.xlsx\""), std::string::npos) << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''"), std::string::npos) << disposition;
  EXPECT_EQ(r.body.substr(0, 2), "PK");
  const auto table = rw::sheet::read_xlsx(r.body);
  ASSERT_EQ(table.rows.size(), 2u);  // the header and one example row
  const auto header = row_texts(table.rows[0]);
  EXPECT_EQ(header.size(), 26u);
  EXPECT_EQ(header[0], "企业名称*");
  EXPECT_EQ(header[1], "统一社会信用代码*");
  EXPECT_EQ(header[2], "法定代表人");
  EXPECT_EQ(table.rows[1].cells[0].text, "无锡市恒达化工有限公司");
}

TEST_F(ImportFileApi, PolicyAndStaffTemplates) {
  const auto policies = rw::sheet::read_xlsx(as("demo-insurer").get("/imports/policies/template").body);
  EXPECT_EQ(row_texts(policies.rows.at(0))[0], "保单号*");
  const auto staff = rw::sheet::read_xlsx(as("demo-agency").get("/imports/staff/template").body);
  const auto header = row_texts(staff.rows.at(0));
  EXPECT_EQ((std::vector<std::string>(header.begin(), header.begin() + 4)),
            (Codes{"姓名*", "手机号*", "所属机构", "人员类别*"}));
  EXPECT_EQ(as("demo-regulator").get("/imports/enterprises/template").status, 403);
  EXPECT_EQ(as("demo-agency").get("/imports/policies/template").status, 403);
  EXPECT_EQ(as("demo-agency").get("/imports/things/template").status, 404);
}

// ---- exports

TEST_F(ExportApi, EnterpriseExportFollowsTheFilter) {
  auto admin = this->admin();
  auto list = admin.get("/enterprises?risk_level=major&limit=200");
  const auto table = download(admin, "/enterprises/export?risk_level=major");
  EXPECT_EQ(static_cast<std::int64_t>(table.rows.size()), total_of(list) + 1);
  EXPECT_EQ(table.rows.size(), 4u);
  const auto header = row_texts(table.rows[0]);
  EXPECT_EQ(header[0], "企业名称");
  EXPECT_EQ(header[1], "统一社会信用代码");
  EXPECT_EQ(sorted(column(table, "企业名称")), sorted(names_of(list)));
  EXPECT_EQ(sorted(column(table, "统一社会信用代码")), sorted(names_of(list, "credit_code")));
  EXPECT_EQ(column(table, "环境风险等级"), (Codes{"重大", "重大", "重大"}));
  const auto park_names =
      column(download(admin, "/enterprises/export?park_id=" + std::to_string(org_id(kPark))), "所属园区");
  EXPECT_EQ(park_names, Codes(5, kPark));
  EXPECT_EQ(download(admin, "/enterprises/export").rows.size(), 21u);
  EXPECT_EQ(admin.get("/enterprises/export?risk_level=high").status, 422);
}

TEST_F(ExportApi, ExportsAreScopedLikeLists) {
  auto agency = as("demo-agency");
  auto list = agency.get("/enterprises?limit=200");
  const auto table = download(agency, "/enterprises/export");
  EXPECT_EQ(table.rows.size(), 10u);  // 9 served enterprises and the header
  EXPECT_EQ(sorted(column(table, "统一社会信用代码")), sorted(names_of(list, "credit_code")));
  EXPECT_EQ(sorted(column(table, "企业名称")), sorted(demo_enterprises(0, 9)));
  // A filter naming another agency's enterprises finds none of them.
  const auto other = download(agency, "/enterprises/export?agency_id=" + std::to_string(org_id(kAgencyB)));
  EXPECT_EQ(other.rows.size(), 1u);
  EXPECT_EQ(column(download(as("demo-enterprise"), "/enterprises/export"), "企业名称"),
            Codes{demo_enterprise(0)});

  const auto policies = download(insurer_b(), "/policies/export");
  EXPECT_EQ(policies.rows.size(), 9u);
  EXPECT_EQ(column(policies, "险种"), Codes(8, "安责险"));
  EXPECT_EQ(column(policies, "保险机构"), Codes(8, kInsurerB));
  const auto staff = download(agency, "/staff/export");
  EXPECT_EQ(sorted(column(staff, "姓名")), sorted({"陈专家", "周专家", "刘技术", "何初级", "马排除"}));
  EXPECT_EQ(download(as("qingyuan-admin"), "/staff/export").rows.size(), 3u);
  EXPECT_EQ(as("demo-park").get("/staff/export").status, 403);
}

TEST_F(ExportApi, ExportedValuesMatchTheRecord) {
  auto admin = this->admin();
  const auto e = admin.get(id_path("enterprises", enterprise_id(demo_enterprise(0)))).json();
  const auto table = download(admin, "/enterprises/export?q=" + url("恒达化工"));
  ASSERT_EQ(table.rows.size(), 2u);
  auto cell = [&](const std::string& name) { return column(table, name).at(0); };
  EXPECT_EQ(cell("统一社会信用代码"), e["credit_code"]);
  EXPECT_EQ(cell("行业代码"), "2614");
  EXPECT_EQ(cell("行业名称"), "有机化学原料制造");
  EXPECT_EQ(cell("企业规模"), "大型");
  EXPECT_EQ(cell("区县"), "梁溪区");
  EXPECT_EQ(cell("街道"), "崇安寺街道");
  EXPECT_EQ(cell("排污许可管理类别"), "重点管理");
  EXPECT_EQ(cell("许可证有效期止"), "2028-05-31");
  EXPECT_EQ(cell("联系人"), "钱安环");
  EXPECT_EQ(cell("周边敏感受体"), "京杭大运河；居民区（约 300 米）");
  EXPECT_EQ(cell("经度"), "120.3");
  const auto policies = download(admin, "/policies/export?q=PICC-WX-2026-1001");
  EXPECT_EQ(column(policies, "保费（元）"), Codes{"30000"});
  EXPECT_EQ(column(policies, "风险防控费用计提方式"), Codes{"保费比例"});
  EXPECT_EQ(column(policies, "风险防控费用（元或%）"), Codes{"15"});
}
