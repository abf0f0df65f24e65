// Account security (issue 14): the deployment's password policy on every way a password is set, an admin
// ending all sessions of a user, and the audit log as an .xlsx scoped as its list is.
#include <filesystem>
#include <fstream>

#include "harness.hpp"
#include "spreadsheet/table.hpp"
#include "test_database.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

std::string first_code(const HttpResult& r) {
  const auto body = r.json();
  return body["errors"].empty() ? "" : body["errors"][0]["code"].get<std::string>();
}

// This deployment asks 12 characters and refuses its own word beside the shipped common passwords.
class AccountSecurityApi : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    const auto deny = make_temp_dir() + "/deny.txt";
    std::ofstream(deny) << "# our own\nWuxiHuanke#2026\n";
    server_ = std::make_unique<ServerProcess>(ServerConfig{
        {"--password-min-length", "12", "--password-min-classes", "3", "--password-deny-file", deny}});
  }
};

TEST_F(AccountSecurityApi, TheDeploymentsPolicyAppliesWhereverAPasswordIsSet) {
  const auto me = as("demo-technician");
  EXPECT_EQ(me.get("/password-policy").json(),
            (json{{"min_length", 12}, {"max_length", 128}, {"min_classes", 3}}));
  const auto change = [&](const std::string& next) {
    return me.post("/me/password", {{"current_password", kDemoPassword}, {"new_password", next}});
  };
  const auto short_one = change("Tiger#Lake9");  // 11: enough by default, not here
  EXPECT_EQ(short_one.status, 422);
  EXPECT_EQ(first_code(short_one), "password_length");
  EXPECT_EQ(short_one.json()["errors"][0]["message"], "密码长度需为 12–128 位");
  EXPECT_EQ(short_one.json()["errors"][0]["field"], "new_password");
  EXPECT_EQ(first_code(change("tigerlakeriver9")), "password_classes");
  EXPECT_EQ(first_code(change("Demo-Technician#1")), "password_personal");    // the login
  EXPECT_EQ(first_code(change("刘技术的新密码Abc12")), "password_personal");  // the name
  EXPECT_EQ(first_code(change("Admin@123456")), "password_common");
  EXPECT_EQ(first_code(change("wuxihuanke#2026")), "password_common");  // the deployment's list
  // An admin creating or resetting an account meets the same rules, naming the new user.
  const auto agency = as("demo-agency");
  const auto created = agency.post("/users", {{"username", "wang.jianguo"},
                                              {"display_name", "王建国"},
                                              {"org_id", agency.org_id()},
                                              {"roles", {"technician"}},
                                              {"password", "Wang.JianGuo#1"}});
  EXPECT_EQ(created.status, 422);
  EXPECT_EQ(first_code(created), "password_personal");
  const auto reset =
      agency.post("/users/" + std::to_string(me.user_id()) + "/password", {{"new_password", "Qwer1234!@#$"}});
  EXPECT_EQ(reset.status, 422);
  EXPECT_EQ(first_code(reset), "password_common");
  // Nothing changed: the old password still signs in; a password the rules admit is taken.
  EXPECT_EQ(login(port(), "demo-technician").user["username"], "demo-technician");
  EXPECT_EQ(agency
                .post("/users", {{"username", "wang.jianguo"},
                                 {"display_name", "王建国"},
                                 {"org_id", agency.org_id()},
                                 {"roles", {"technician"}},
                                 {"password", "Tiger#Lake#River9"}})
                .status,
            201);
}

TEST_F(AccountSecurityApi, AnAdminEndsAllSessionsOfAUserAndItIsAudited) {
  const auto expert = as("demo-expert");
  const auto on_phone = as("demo-expert");  // a second device
  const auto path = "/users/" + std::to_string(expert.user_id()) + "/sessions";
  EXPECT_EQ(as("demo-technician").del(path).status, 403);  // not an admin
  EXPECT_EQ(as("qingyuan-admin").del(path).status, 404);   // another tenant's user does not exist for them
  EXPECT_EQ(expert.get("/me").status, 200);
  const auto ended = as("demo-agency").del(path);
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_GE(ended.json()["ended"].get<int>(), 2);
  EXPECT_EQ(expert.get("/me").status, 401);
  EXPECT_EQ(on_phone.get("/me").status, 401);
  EXPECT_EQ(as("demo-expert").get("/me").status, 200);  // signing in again works
  const auto audit = as("demo-agency").get("/audit?action=end_sessions").json();
  ASSERT_EQ(audit["items"].size(), 1u);
  EXPECT_EQ(audit["items"][0]["entity_id"], std::to_string(expert.user_id()));
  EXPECT_EQ(audit["items"][0]["username"], "demo-agency");
}

TEST_F(AccountSecurityApi, TheAuditLogExportsAsItsListIsScoped) {
  const auto agency = as("demo-agency");
  ASSERT_EQ(agency.del("/users/" + std::to_string(as("demo-technician").user_id()) + "/sessions").status,
            200);
  const auto listed = agency.get("/audit?limit=200").json();
  ASSERT_FALSE(listed["items"].empty());
  const auto xlsx = agency.get("/audit/export");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(xlsx.header("content-disposition").find("audit-log-"), std::string::npos);
  const auto table = rw::sheet::read_xlsx(xlsx.body);
  ASSERT_EQ(table.rows.size(), listed["items"].size() + 1);  // the header and every entry the list has
  EXPECT_EQ(table.rows[0].cells[0].text, "时间（UTC）");
  EXPECT_EQ(table.rows[0].cells[2].text, "操作");
  // Newest first, as the list: the first row is the list's first entry, its action in Chinese.
  EXPECT_EQ(table.rows[1].cells[0].text, listed["items"][0]["at"]);
  EXPECT_EQ(table.rows[1].cells[2].text, "结束全部会话");
  // Filtered like the list.
  const auto ends = agency.get("/audit?action=end_sessions").json();
  const auto filtered = rw::sheet::read_xlsx(agency.get("/audit/export?action=end_sessions").body);
  ASSERT_FALSE(ends["items"].empty());
  ASSERT_EQ(filtered.rows.size(), ends["items"].size() + 1);
  EXPECT_EQ(filtered.rows[1].cells[1].text, "demo-agency");
  // Another tenant's admin sees none of agency A's entries; a user without audit:read none at all.
  const auto other = rw::sheet::read_xlsx(as("qingyuan-admin").get("/audit/export").body);
  for (std::size_t i = 1; i < other.rows.size(); ++i)
    EXPECT_NE(other.rows[i].cells[1].text, "demo-agency") << i;
  EXPECT_EQ(as("demo-expert").get("/audit/export").status, 403);
  EXPECT_EQ(agency.get("/audit/export?from=yesterday").status, 422);
}

}  // namespace
}  // namespace rw::testing
