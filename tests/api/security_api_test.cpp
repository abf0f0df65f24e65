// Regression tests for the holes an outside tester found (issue 9 §1): each failed on the main before the
// fix.
#include <filesystem>
#include <fstream>

#include "harness.hpp"

using namespace rw::testing;
using json = nlohmann::json;

namespace {

class SecurityApi : public ApiTest {};

std::int64_t province_id(const Client& admin) {
  auto provinces = admin.get("/regions?level=province");
  EXPECT_FALSE(provinces.json()["items"].empty());
  return provinces.json()["items"][0]["id"].get<std::int64_t>();
}

// The field errors of a 422 as "field:code" strings.
std::vector<std::string> error_codes(const HttpResult& result) {
  std::vector<std::string> out;
  const auto problem = result.json();
  for (const auto& e : problem["errors"])
    out.push_back(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
  return out;
}

bool has_error(const HttpResult& result, const std::string& field_and_code) {
  const auto codes = error_codes(result);
  return std::find(codes.begin(), codes.end(), field_and_code) != codes.end();
}

HttpResult login_from(unsigned short port, const std::string& username, const std::string& password,
                      const std::string& address) {
  return http_request(port, "POST", "/api/v1/auth/login",
                      json{{"username", username}, {"password", password}}.dump(),
                      {{"X-Forwarded-For", address}});
}

}  // namespace

TEST(StaticFileConfinement, NoRequestPathReachesOutsideTheWebRoot) {
  ServerProcess server({.seed_demo = false});
  const auto dir = std::filesystem::path(server.dir());
  const auto web = dir / "web";
  std::filesystem::create_directories(web / "assets");
  std::ofstream(web / "index.html") << "<html>desk</html>";
  std::ofstream(web / "assets" / "app.js") << "console.log(1)";
  std::ofstream(dir / "secret.txt") << "SECRET";
  std::filesystem::create_symlink(dir / "secret.txt", web / "assets" / "leak.txt");
  std::filesystem::create_directory_symlink(dir, web / "up");
  const auto secret = (dir / "secret.txt").string();  // absolute, begins with '/'
  const std::vector<std::string> attacks = {
      "//etc/passwd",
      "/%2fetc%2fpasswd",
      "/%2Fetc%2Fpasswd",
      "/" + secret,
      "/%2f" + secret.substr(1),
      "//proc/self/cwd/secret.txt",
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/..%5csecret.txt",
      "/%5c..%5csecret.txt",
      "/assets\\..\\..\\secret.txt",
      "/assets/app.js%00.html",
      "/assets/leak.txt",
      "/up/secret.txt",
      "/./assets/app.js",
  };
  for (const auto& target : attacks) {
    auto result = http_request(server.port(), "GET", target);
    EXPECT_EQ(result.body.find("SECRET"), std::string::npos) << target;
    EXPECT_EQ(result.body.find("root:"), std::string::npos) << target;
    EXPECT_NE(result.body, "console.log(1)") << target;
    EXPECT_TRUE(result.status == 404 || result.status == 400) << target << " → " << result.status;
  }
  // What is inside the root is still served.
  EXPECT_EQ(http_request(server.port(), "GET", "/assets/app.js").body, "console.log(1)");
  EXPECT_EQ(http_request(server.port(), "GET", "/some/app/route").body, "<html>desk</html>");
}

TEST_F(SecurityApi, EveryResponseCarriesTheSecurityHeaders) {
  const std::vector<HttpResult> responses = {
      http_request(port(), "GET", "/api/v1/health"),
      http_request(port(), "GET", "/api/v1/me"),           // 401 problem
      http_request(port(), "GET", "/api/v1/no-such-api"),  // 404 problem
      http_request(port(), "GET", "/"),                    // static (the web app is not built here: 404)
      as("demo-insurer").get("/enterprises?limit=1"),
  };
  for (const auto& r : responses) {
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << r.status;
    EXPECT_EQ(r.header("referrer-policy"), "same-origin") << r.status;
    const auto csp = r.header("content-security-policy");
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("script-src 'self' 'unsafe"), std::string::npos) << csp;
  }
}

TEST(SecurityHeaders, TransportErrorsCarryThemToo) {
  ServerProcess server({.extra_args = {"--max-body-bytes", "64"}, .seed_demo = false});
  auto big = http_request(server.port(), "POST", "/api/v1/auth/login", std::string(4096, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.header("x-content-type-options"), "nosniff");
  EXPECT_NE(big.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
}

TEST_F(SecurityApi, AnOrgAdminCreatesOnlyBranchesOfItsOwnTypeInsideItsRegions) {
  auto agency = as("demo-agency");
  const auto province = province_id(as("demo-admin"));
  const auto own = agency.org_id();
  // The escalation: a regulator child with the province as jurisdiction.
  auto regulator = agency.post(
      "/organizations",
      {{"name", "伪监管分局"}, {"type", "regulator"}, {"parent_id", own}, {"region_ids", {province}}});
  EXPECT_EQ(regulator.status, 422) << regulator.body;
  EXPECT_TRUE(has_error(regulator, "type:type_not_allowed")) << regulator.body;
  for (const std::string type : {"enterprise", "park", "platform", "insurer"}) {
    auto other = agency.post("/organizations", {{"name", "伪" + type}, {"type", type}, {"parent_id", own}});
    EXPECT_TRUE(has_error(other, "type:type_not_allowed")) << type << other.body;
  }
  // A branch of its own type, but with regions beyond its own (it has none), is refused too.
  auto wide =
      agency.post("/organizations",
                  {{"name", "越界分支"}, {"type", "agency"}, {"parent_id", own}, {"region_ids", {province}}});
  EXPECT_TRUE(has_error(wide, "region_ids:region_outside_parent")) << wide.body;
  // A plain branch is fine, and it cannot be re-typed or widened afterwards.
  auto branch = agency.post("/organizations", {{"name", "无锡分部"}, {"type", "agency"}, {"parent_id", own}});
  ASSERT_EQ(branch.status, 201) << branch.body;
  const auto branch_path = "/organizations/" + std::to_string(branch.json()["id"].get<std::int64_t>());
  auto retyped = agency.patch(branch_path, {{"type", "regulator"}});
  EXPECT_TRUE(has_error(retyped, "type:type_not_allowed")) << retyped.body;
  auto widened = agency.patch(branch_path, {{"region_ids", {province}}});
  EXPECT_TRUE(has_error(widened, "region_ids:region_outside_parent")) << widened.body;
  EXPECT_EQ(as("demo-admin").get(branch_path).json()["type"], "agency");
  EXPECT_TRUE(as("demo-admin").get(branch_path).json()["region_ids"].empty());
  // Nor can it widen its own organization's regions.
  auto self = agency.patch("/organizations/" + std::to_string(own), {{"region_ids", {province}}});
  EXPECT_TRUE(has_error(self, "region_ids:region_outside_parent")) << self.body;
  // A platform admin may create a regulator.
  auto by_admin = as("demo-admin")
                      .post("/organizations",
                            {{"name", "某区生态环境局"}, {"type", "regulator"}, {"region_ids", {province}}});
  EXPECT_EQ(by_admin.status, 201) << by_admin.body;
}

TEST_F(SecurityApi, OnlyAPlatformAdminBindsAnEnterpriseToAnOrganization) {
  auto agency = as("demo-agency");
  const auto enterprise_org = as("demo-enterprise").org_id();
  const auto list = agency.get("/enterprises?limit=100").json();
  ASSERT_FALSE(list["items"].empty());
  std::int64_t bound = 0, other = 0;
  for (const auto& e : list["items"]) {
    if (e["org_id"] != enterprise_org && !other) other = e["id"].get<std::int64_t>();
    if (e["org_id"] == enterprise_org) bound = e["id"].get<std::int64_t>();
  }
  ASSERT_NE(bound, 0) << "the demo enterprise is commissioned to agency A";
  ASSERT_NE(other, 0);
  // Take-over: point another enterprise at the real enterprise's organization, or unbind the real one.
  auto take = agency.patch("/enterprises/" + std::to_string(other), {{"org_id", enterprise_org}});
  EXPECT_TRUE(has_error(take, "org_id:org_binding_admin_only")) << take.body;
  auto unbind = agency.patch("/enterprises/" + std::to_string(bound), {{"org_id", nullptr}});
  EXPECT_TRUE(has_error(unbind, "org_id:org_binding_admin_only")) << unbind.body;
  EXPECT_EQ(as("demo-admin").get("/enterprises/" + std::to_string(bound)).json()["org_id"], enterprise_org);
  // Other edits by the agency still work, resending the binding unchanged included.
  auto edit = agency.patch("/enterprises/" + std::to_string(bound),
                           {{"org_id", enterprise_org}, {"permit_number", "91320200TEST"}});
  EXPECT_EQ(edit.status, 200) << edit.body;
  // A platform admin binds an enterprise organization of its own making.
  auto admin = as("demo-admin");
  auto org = admin.post("/organizations", {{"name", "新企业账号"}, {"type", "enterprise"}});
  ASSERT_EQ(org.status, 201) << org.body;
  auto bind = admin.patch("/enterprises/" + std::to_string(other), {{"org_id", org.json()["id"]}});
  EXPECT_EQ(bind.status, 200) << bind.body;
}

TEST_F(SecurityApi, NullForARequiredFieldIsRequiredNotEmpty) {
  auto insurer = as("demo-insurer");
  const auto enterprise = insurer.get("/enterprises?limit=1").json()["items"][0]["id"];
  auto policy = insurer.post("/policies", {{"insurance_type", "environmental"},
                                           {"policy_number", "NULL-1"},
                                           {"enterprise_id", enterprise},
                                           {"starts_on", nullptr},
                                           {"ends_on", nullptr},
                                           {"premium", nullptr},
                                           {"sum_insured", nullptr},
                                           {"fund_share_kind", "percent"},
                                           {"fund_share_value", nullptr}});
  EXPECT_EQ(policy.status, 422);
  for (const std::string field : {"starts_on", "ends_on", "premium", "sum_insured", "fund_share_value"})
    EXPECT_TRUE(has_error(policy, field + ":required")) << field << policy.body;
  auto agency = as("demo-agency");
  auto visit = agency.post("/visits", {{"enterprise_id", enterprise}, {"planned_on", nullptr}});
  EXPECT_TRUE(has_error(visit, "planned_on:required")) << visit.body;
  auto plan = agency.post("/service-plans", {{"enterprise_id", enterprise}, {"year", nullptr}});
  EXPECT_TRUE(has_error(plan, "year:required")) << plan.body;
  auto type = as("demo-admin")
                  .post("/service-types", {{"code", "x-null"},
                                           {"class_code", "x"},
                                           {"name_zh", "空交付物"},
                                           {"insurance_type", "environmental"},
                                           {"deliverables", nullptr}});
  EXPECT_TRUE(has_error(type, "deliverables:required")) << type.body;
}

TEST_F(SecurityApi, TextRefusesControlCharactersAndBidiOverrides) {
  auto me = as("demo-technician");
  for (const std::string bad : {"刘\x07技术", "刘\n技术", "刘\t技术", "刘\xe2\x80\xae技术" /* U+202E */,
                                "\xe2\x81\xa6x" /* U+2066 */, "a\x7f", "\xc2\x85x" /* U+0085 */}) {
    auto r = me.patch("/me", {{"display_name", bad}});
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_TRUE(has_error(r, "display_name:invalid_characters")) << r.body;
  }
  EXPECT_EQ(me.get("/me").json()["display_name"], "刘技术");
  EXPECT_EQ(me.get("/enterprises?q=%E2%80%AE").status, 422);  // also in query parameters
  EXPECT_EQ(me.patch("/me", {{"display_name", "刘技术"}}).status, 200);
}

TEST_F(SecurityApi, RestoringALiveEnterpriseIs409) {
  auto insurer = as("demo-insurer");
  const auto id = insurer.get("/enterprises?limit=1").json()["items"][0]["id"].get<std::int64_t>();
  const auto path = "/enterprises/" + std::to_string(id);
  auto restore = insurer.post(path + "/restore", json::object());
  EXPECT_EQ(restore.status, 409) << restore.body;
  EXPECT_EQ(restore.json()["code"], "not_archived");
  EXPECT_EQ(insurer.del(path).status, 204);
  EXPECT_EQ(insurer.del(path).json()["code"], "already_archived");
  EXPECT_EQ(insurer.post(path + "/restore", json::object()).status, 200);
}

TEST_F(SecurityApi, LogoutWithoutASessionIs204) {
  auto none = http_request(port(), "POST", "/api/v1/auth/logout");
  EXPECT_EQ(none.status, 204) << none.body;
  EXPECT_NE(none.header("set-cookie").find("Max-Age=0"), std::string::npos);
  auto stale =
      http_request(port(), "POST", "/api/v1/auth/logout", "", {{"Authorization", "Bearer nonsense"}});
  EXPECT_EQ(stale.status, 204) << stale.body;
}

TEST(LoginThrottle, KeyedByUsernameAndAddressWithAPerAddressLimit) {
  ServerProcess server({.extra_args = {"--trusted-proxy", "127.0.0.1"}});
  const auto port = server.port();
  const std::string user = "demo-expert";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login_from(port, user, "Wrong@2026", "10.0.0.1").status, 401);
  EXPECT_EQ(login_from(port, user, kDemoPassword, "10.0.0.1").status, 429);
  // The owner, elsewhere, is not locked out by someone guessing from 10.0.0.1.
  EXPECT_EQ(login_from(port, user, kDemoPassword, "10.0.0.2").status, 200);
  // Spraying: many usernames from one address lock the address.
  for (int i = 0; i < 20; ++i) login_from(port, "nobody-" + std::to_string(i), "Wrong@2026", "10.0.0.3");
  auto sprayed = login_from(port, "demo-technician", kDemoPassword, "10.0.0.3");
  EXPECT_EQ(sprayed.status, 429) << sprayed.body;
  EXPECT_EQ(login_from(port, "demo-technician", kDemoPassword, "10.0.0.4").status, 200);
}

TEST(LoginThrottle, ForwardedForIsIgnoredFromAnUntrustedPeer) {
  ServerProcess server;
  const auto port = server.port();
  // Each wrong guess claims another address; without a trusted proxy they all count for 127.0.0.1.
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(login_from(port, "demo-expert", "Wrong@2026", "10.1.0." + std::to_string(i)).status, 401);
  EXPECT_EQ(login_from(port, "demo-expert", kDemoPassword, "10.1.0.9").status, 429);
}

TEST(SecureCookies, SecureWhenATrustedProxySaysHttps) {
  ServerProcess server({.extra_args = {"--trusted-proxy", "127.0.0.1"}});
  const auto body = json{{"username", "demo-viewer"}, {"password", kDemoPassword}}.dump();
  auto tls =
      http_request(server.port(), "POST", "/api/v1/auth/login", body, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(tls.status, 200);
  EXPECT_NE(tls.header("set-cookie").find("; Secure"), std::string::npos);
  auto plain = http_request(server.port(), "POST", "/api/v1/auth/login", body);
  EXPECT_EQ(plain.header("set-cookie").find("; Secure"), std::string::npos);
}

TEST(SecureCookies, AnUntrustedPeerCannotClaimHttps) {
  ServerProcess server;
  const auto body = json{{"username", "demo-viewer"}, {"password", kDemoPassword}}.dump();
  auto claimed =
      http_request(server.port(), "POST", "/api/v1/auth/login", body, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(claimed.status, 200);
  EXPECT_EQ(claimed.header("set-cookie").find("; Secure"), std::string::npos);
}
