// Sign-in, sessions, CSRF, throttling and the own-profile endpoints.
#include <thread>

#include "harness.hpp"
#include "platform/db/database.hpp"
#include "test_database.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

HttpResult login_attempt(unsigned short port, const std::string& username, const std::string& password) {
  return http_request(port, "POST", "/api/v1/auth/login",
                      json{{"username", username}, {"password", password}}.dump());
}

std::string cookie_of(const HttpResult& login_response) {
  auto set_cookie = login_response.header("set-cookie");
  return set_cookie.substr(0, set_cookie.find(';'));
}

class AuthApi : public ApiTest {};

// The stored hash's Argon2id parameters ("m=65536,t=2,p=1"), read from the server's database.
std::string hash_parameters(const std::string& db_url, const std::string& username) {
  auto database = rw::db::Database::open(db_url, 1);
  const auto rows =
      database->acquire()->query("SELECT password_hash FROM users WHERE username = ?", {username});
  if (rows.empty()) return "no user " + username;
  const auto hash = rows[0].text("password_hash");
  if (hash.rfind("$argon2id$v=19$", 0) != 0) return "not Argon2id: " + hash;
  return hash.substr(15, hash.find('$', 15) - 15);
}

}  // namespace

TEST_F(AuthApi, HealthReportsDatabaseKind) {
  auto r = http_request(port(), "GET", "/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
  EXPECT_EQ(r.json()["db"], using_postgresql() ? "postgresql" : "sqlite");
  EXPECT_FALSE(r.json()["version"].get<std::string>().empty());
}

TEST_F(AuthApi, LoginSetsAStrictHttpOnlyCookieAndReturnsTheUser) {
  auto r = login_attempt(port(), "demo-regulator", kDemoPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  auto cookie = r.header("set-cookie");
  EXPECT_EQ(cookie.rfind("rw_session=", 0), 0u);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto body = r.json();
  EXPECT_EQ(body["user"]["username"], "demo-regulator");
  EXPECT_EQ(body["user"]["org"]["type"], "regulator");
  EXPECT_EQ(body["user"]["roles"], json::array({"manager"}));
  EXPECT_FALSE(body["token"].get<std::string>().empty());
  EXPECT_FALSE(body["csrf_token"].get<std::string>().empty());
}

TEST_F(AuthApi, UsernameIsCaseInsensitive) {
  EXPECT_EQ(login_attempt(port(), "Demo-Expert", kDemoPassword).status, 200);
}

TEST_F(AuthApi, WrongPasswordAndUnknownUserGetTheSame401) {
  auto wrong = login_attempt(port(), "demo-viewer", "Wrong@2026");
  auto unknown = login_attempt(port(), "nobody-here", "Wrong@2026");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json()["code"], "invalid_credentials");
  EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
  EXPECT_EQ(wrong.header("content-type"), "application/problem+json");
}

TEST_F(AuthApi, LoginValidatesItsBody) {
  auto r = http_request(port(), "POST", "/api/v1/auth/login", R"({"username": 12})");
  EXPECT_EQ(r.status, 422);
  auto errors = r.json()["errors"];
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0]["field"], "username");
  EXPECT_EQ(errors[1]["field"], "password");
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/auth/login", "{\"username\":").status, 400);
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/auth/login", "").status, 400);
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/auth/login", "[]").status, 400);
}

TEST_F(AuthApi, MeWorksWithBearerAndWithCookie) {
  auto session = login(port(), "demo-insurer");
  auto bearer = http_request(port(), "GET", "/api/v1/me", "", {{"Authorization", "Bearer " + session.token}});
  EXPECT_EQ(bearer.status, 200);
  EXPECT_EQ(bearer.json()["username"], "demo-insurer");
  auto cookie =
      http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", "theme=dark; rw_session=" + session.token}});
  EXPECT_EQ(cookie.status, 200);
  EXPECT_EQ(cookie.json()["csrf_token"], session.csrf);
}

TEST_F(AuthApi, NoOrBadTokenIs401) {
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/me").status, 401);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/me").json()["code"], "unauthenticated");
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/me", "", {{"Authorization", "Bearer forged"}}).status, 401);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/users", "", {{"Cookie", "rw_session=forged"}}).status, 401);
}

TEST_F(AuthApi, CookieWritesNeedTheCsrfHeader) {
  auto r = login_attempt(port(), "demo-park", kDemoPassword);
  auto cookie = cookie_of(r);
  auto csrf = r.json()["csrf_token"].get<std::string>();
  auto body = json{{"display_name", "冯园区长"}}.dump();
  auto without = http_request(port(), "PATCH", "/api/v1/me", body, {{"Cookie", cookie}});
  EXPECT_EQ(without.status, 403);
  EXPECT_EQ(without.json()["code"], "csrf_failed");
  auto wrong =
      http_request(port(), "PATCH", "/api/v1/me", body, {{"Cookie", cookie}, {"X-CSRF-Token", csrf + "x"}});
  EXPECT_EQ(wrong.status, 403);
  auto unchanged = http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}});
  EXPECT_EQ(unchanged.json()["display_name"], "冯园区");
  auto with = http_request(port(), "PATCH", "/api/v1/me", body, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(with.status, 200) << with.body;
  EXPECT_EQ(with.json()["display_name"], "冯园区长");
  auto contact = http_request(port(), "PATCH", "/api/v1/me", json{{"phone", "0510-85550000"}}.dump(),
                              {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(contact.json()["phone"], "0510-85550000");
  EXPECT_EQ(contact.json()["display_name"], "冯园区长");
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}}).json()["phone"],
            "0510-85550000");
}

TEST_F(AuthApi, LogoutEndsTheSession) {
  auto session = login(port(), "demo-technician");
  auto auth = std::map<std::string, std::string>{{"Authorization", "Bearer " + session.token}};
  auto out = http_request(port(), "POST", "/api/v1/auth/logout", "", auth);
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/me", "", auth).status, 401);
}

TEST_F(AuthApi, FiveFailuresLockTheUsernameWith429) {
  const std::string user = "qingyuan-technician";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login_attempt(port(), user, "Wrong@2026").status, 401);
  auto locked = login_attempt(port(), user, kDemoPassword);  // even the right password
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.json()["code"], "too_many_attempts");
  const int retry_after = std::stoi(locked.header("retry-after"));
  EXPECT_GT(retry_after, 14 * 60);
  EXPECT_LE(retry_after, 15 * 60);
  // Another username is not affected.
  EXPECT_EQ(login_attempt(port(), "qingyuan-expert", kDemoPassword).status, 200);
}

TEST_F(AuthApi, SuccessfulLoginResetsTheFailureCount) {
  const std::string user = "demo-expert2";
  for (int i = 0; i < 4; ++i) login_attempt(port(), user, "Wrong@2026");
  EXPECT_EQ(login_attempt(port(), user, kDemoPassword).status, 200);
  for (int i = 0; i < 4; ++i) login_attempt(port(), user, "Wrong@2026");
  EXPECT_EQ(login_attempt(port(), user, kDemoPassword).status, 200);
}

TEST_F(AuthApi, ChangePasswordChecksTheCurrentOneAndThePolicy) {
  auto me = as("qingyuan-admin");
  auto wrong = me.post("/me/password", {{"current_password", "nope"}, {"new_password", "Better@2027"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.json()["errors"][0]["field"], "current_password");
  auto weak = me.post("/me/password", {{"current_password", kDemoPassword}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.json()["errors"][0]["code"], "password_length");
  EXPECT_EQ(
      me.post("/me/password", {{"current_password", kDemoPassword}, {"new_password", "Better@2027"}}).status,
      204);
  EXPECT_EQ(login_attempt(port(), "qingyuan-admin", kDemoPassword).status, 401);
  EXPECT_EQ(login_attempt(port(), "qingyuan-admin", "Better@2027").status, 200);
  EXPECT_EQ(me.get("/me").status, 200);  // the session that changed it stays signed in
}

// A request reads its session, user and roles in one statement, a row per role: every role arrives, in order,
// a user without roles is still signed in, and a session left behind by a user deactivated outside the API
// (which ends the sessions itself) is refused.
TEST_F(AuthApi, ASessionCarriesItsUsersRolesAndNoDeactivatedUser) {
  auto admin = as("demo-admin");
  ASSERT_EQ(admin
                .post("/users", {{"username", "two-roles"},
                                 {"display_name", "two-roles"},
                                 {"org_id", admin.org_id()},
                                 {"roles", {"viewer", "admin"}},
                                 {"password", "TwoRoles@2026"}})
                .status,
            201);
  const auto session = login(port(), "two-roles", "TwoRoles@2026");
  const auto bearer = std::map<std::string, std::string>{{"Authorization", "Bearer " + session.token}};
  const auto me = http_request(port(), "GET", "/api/v1/me", "", bearer);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["roles"], json({"admin", "viewer"}));
  EXPECT_EQ(me.json()["org"]["id"], admin.org_id());

  auto database = rw::db::Database::open(server_->db_url(), 1);
  auto lease = database->acquire();
  lease->execute("DELETE FROM user_roles WHERE user_id = ?", {session.user["id"].get<std::int64_t>()});
  const auto roleless = http_request(port(), "GET", "/api/v1/me", "", bearer);
  ASSERT_EQ(roleless.status, 200) << roleless.body;
  EXPECT_EQ(roleless.json()["roles"], json::array());
  EXPECT_EQ(roleless.json()["username"], "two-roles");

  lease->execute("UPDATE users SET active = 0 WHERE id = ?", {session.user["id"].get<std::int64_t>()});
  const auto refused = http_request(port(), "GET", "/api/v1/me", "", bearer);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.json()["code"], "unauthenticated");
}

TEST_F(AuthApi, PermissionsFollowRoles) {
  auto perms = [&](const std::string& user) { return as(user).get("/me").json()["permissions"]; };
  auto contains = [](const json& list, const std::string& p) {
    return std::find(list.begin(), list.end(), p) != list.end();
  };
  auto admin = perms("demo-admin");
  EXPECT_TRUE(contains(admin, "region:write"));
  EXPECT_TRUE(contains(admin, "audit:read"));
  auto regulator = perms("demo-regulator");
  EXPECT_TRUE(contains(regulator, "org:read"));
  EXPECT_FALSE(contains(regulator, "user:read"));
  auto enterprise = perms("demo-enterprise");
  EXPECT_TRUE(contains(enterprise, "enterprise:self"));
  EXPECT_FALSE(contains(enterprise, "region:read"));
  EXPECT_FALSE(contains(enterprise, "org:read"));
}

// Test servers hash at Argon2id's minimum cost (harness.cpp); a server given the default cost, interactive,
// hashes the demo's users and a password set through the API at libsodium's interactive limits, and signs
// them in.
TEST_F(AuthApi, TestServersHashAtTheMinimumCost) {
  EXPECT_EQ(hash_parameters(server_->db_url(), "demo-admin"), "m=8,t=1,p=1");
}

TEST(PasswordCost, TheDefaultIsTheInteractiveCost) {
  ServerProcess server(ServerConfig{{"--password-cost", "interactive"}});
  const auto admin = client_for(server.port(), "demo-admin");
  auto created = admin.post("/users", {{"username", "cost-check"},
                                       {"display_name", "cost-check"},
                                       {"org_id", admin.org_id()},
                                       {"roles", {"admin"}},
                                       {"password", "Costly@2026"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(login(server.port(), "cost-check", "Costly@2026").user["username"], "cost-check");
  EXPECT_EQ(hash_parameters(server.db_url(), "demo-admin"), "m=65536,t=2,p=1");
  EXPECT_EQ(hash_parameters(server.db_url(), "cost-check"), "m=65536,t=2,p=1");
}

// On the server's clock, not the machine's: a sleep past a one-second timeout failed whenever the loaded
// machine took more than a second between signing in and the first request.
TEST(SessionExpiry, IdleSessionExpires) {
  ServerProcess server(ServerConfig{{"--session-idle-seconds", "60"}, true, "2026-06-01T02:00:00Z"});
  auto session = login(server.port(), "demo-viewer");
  auto auth = std::map<std::string, std::string>{{"Authorization", "Bearer " + session.token}};
  EXPECT_EQ(http_request(server.port(), "GET", "/api/v1/me", "", auth).status, 200);
  server.set_clock("2026-06-01T02:00:59Z");
  EXPECT_EQ(http_request(server.port(), "GET", "/api/v1/me", "", auth).status, 200);
  server.set_clock("2026-06-01T02:02:00Z");
  auto expired = http_request(server.port(), "GET", "/api/v1/me", "", auth);
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.json()["code"], "session_expired");
  EXPECT_EQ(server.terminate(), 0);
}
