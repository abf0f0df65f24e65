// The authorization matrix (issue 14). Every route the router has, asked by every kind of party — as the demo
// tenant whose objects the request names, as the same kind of party in another tenant, and without a
// session — must answer the status tests/api/authz_matrix.tsv gives. A route missing from the table fails
// with the row it answered, to be checked and added. Writes are sent as dry runs (X-Riskwatch-Dry-Run: 1,
// the server started with --allow-dry-run): each answers as it would and leaves the data as it was, so rows
// do not depend on each other's order. Beside the table, rules that hold for every route: no 5xx; without
// a session 401 except on the public routes; every error is problem+json; no answer to a party of another
// tenant contains the demo tenant's enterprise; and to such a party the tenant's objects — in the path or
// in the body — answer exactly as objects that do not exist (404 for a path, 422 for a body, never 403 or
// data that a missing one would not give).
#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "app/api.hpp"
#include "harness.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/directory_store.hpp"
#include "test_database.hpp"

using namespace rw::testing;
using json = nlohmann::json;

namespace {

const std::string kMatrixFile = std::string(RISKWATCH_SOURCE_DIR) + "/tests/api/authz_matrix.tsv";
const std::string kBodiesFile = std::string(RISKWATCH_SOURCE_DIR) + "/tests/api/authz_bodies.json";
constexpr const char* kPassword = "Matrix#Check2026";

// The demo tenant: enterprise 0 (恒达化工), its agency (无锡环科, commissioned by 人保无锡), its insurer
// and the city bureau. `_x` parties are of the same kind and roles in another tenant: 清源 (agency B),
// 平安无锡 (insurer B, which does not insure 恒达化工), 华润印染 (another enterprise) and a bureau of
// another city. The park's residents do not include 恒达化工.
struct Party {
  std::string column;
  std::string username;  // empty: no session
  bool other_tenant = false;
};
const std::vector<Party> kParties = {
    {"anon", ""},
    {"admin", "demo-admin"},
    {"regulator", "demo-regulator"},
    {"viewer", "demo-viewer"},
    {"regulator_x", "matrix-suzhou", true},
    {"insurer", "demo-insurer"},
    {"insurer_x", "matrix-pingan", true},
    {"agency", "demo-agency"},
    {"expert", "demo-expert"},
    {"agency_x", "qingyuan-admin", true},
    {"expert_x", "qingyuan-expert", true},
    {"enterprise", "demo-enterprise"},
    {"enterprise_x", "matrix-huarun", true},
    {"park", "demo-park", true},
};
const std::string kEnterpriseName = "无锡市恒达化工有限公司";
const std::string kEnterprise = "(SELECT id FROM enterprises WHERE name = '" + kEnterpriseName + "')";
const std::string kAgency = "(SELECT id FROM organizations WHERE name = '无锡环科风险评估有限公司')";
const std::string kDoneVisit =
    "(SELECT id FROM visits WHERE status = 'done' AND enterprise_id = " + kEnterprise +
    " ORDER BY planned_on DESC, id DESC LIMIT 1)";
// An inspection of that visit with answers, so an answered item can be named.
const std::string kInspection =
    "(SELECT MIN(a.inspection_id) FROM inspection_answers a JOIN inspections i ON i.id = a.inspection_id "
    "WHERE i.visit_id = " +
    kDoneVisit + ")";

// What a path parameter (by the literal segment before it) or an "@name" in a body stands for: a query for
// the demo tenant's object (its one column is the value), or the value itself after "=". A route with a
// parameter not listed here fails the test. Objects of a tenant are asked for once more with ids that do not
// exist: a party of another tenant must get the very same answer.
struct Fixture {
  std::string source;
  bool tenant_object = true;
};
const std::map<std::string, Fixture> kFixtures = {
    {"regions", {"SELECT id FROM regions WHERE code = '320213'", false}},
    {"city", {"SELECT id FROM regions WHERE code = '320200'", false}},
    {"organizations", {"SELECT id FROM organizations WHERE id = " + kAgency}},
    {"insurer", {"SELECT id FROM organizations WHERE name = '中国人民财产保险股份有限公司无锡市分公司'"}},
    {"users", {"SELECT id FROM users WHERE username = 'demo-expert'"}},
    {"calendar", {"=2026", false}},
    {"enterprises", {"SELECT id FROM enterprises WHERE id = " + kEnterprise}},
    {"policies", {"SELECT MIN(id) FROM policies WHERE enterprise_id = " + kEnterprise}},
    {"staff", {"SELECT id FROM staff WHERE name = '陈专家'"}},
    {"service-types", {"SELECT id FROM service_types WHERE code = 'wuxi.screening.risk_assessment'", false}},
    {"versions",
     {"SELECT current_version FROM service_types WHERE code = 'wuxi.screening.risk_assessment'", false}},
    {"type-version",
     {"SELECT v.id FROM service_type_versions v JOIN service_types t ON t.id = v.type_id AND v.version = "
      "t.current_version WHERE t.code = 'wuxi.screening.risk_assessment'",
      false}},
    {"commissions", {"SELECT MIN(commission_id) FROM commission_items WHERE enterprise_id = " + kEnterprise}},
    // A pending item of the same commission, so the agency's accept and decline reach their step.
    {"commission-items",
     {"SELECT MIN(id) FROM commission_items WHERE status = 'pending' AND commission_id = (SELECT "
      "commission_id FROM commission_items WHERE enterprise_id = " +
      kEnterprise + ")"}},
    {"service-plans", {"SELECT MIN(id) FROM service_plans WHERE enterprise_id = " + kEnterprise}},
    {"visits", {"SELECT id FROM visits WHERE id = " + kDoneVisit}},
    {"inspections", {"SELECT id FROM inspections WHERE id = " + kInspection}},
    {"answers", {"SELECT MIN(item_id) FROM inspection_answers WHERE inspection_id = " + kInspection, false}},
    {"files",
     {"SELECT MIN(file_id) FROM file_links WHERE owner_kind = 'visit' AND owner_id = " + kDoneVisit}},
    {"training-records", {"SELECT MIN(id) FROM training_records WHERE visit_id = " + kDoneVisit}},
    {"checklist-templates",
     {"SELECT MIN(template_id) FROM inspections WHERE visit_id = " + kDoneVisit, false}},
    {"notifications",
     {"SELECT MIN(id) FROM notifications WHERE user_id = (SELECT id FROM users WHERE username = "
      "'demo-expert')"}},
    {"hazards", {"SELECT MIN(id) FROM hazards WHERE status = 'found' AND enterprise_id = " + kEnterprise}},
    {"notices", {"SELECT MIN(id) FROM notices WHERE kind = 'warning' AND issuer_org_id = " + kAgency}},
    {"webhooks", {"SELECT MIN(id) FROM webhook_subscriptions WHERE org_id = " + kAgency}},
    {"deliveries", {"SELECT MIN(id) FROM webhook_deliveries"}},
    {"submissions", {"=1", false}},
    {"first", {"=1", false}},
    {"imports", {"=enterprises", false}},
    {"notice-numbering", {"=warning", false}},
    // The work-safety risk records (issue 13): the kind in the path, one of the enterprise's JHA/SCL records,
    // and its site plan's file.
    {"safety-risk", {"=assessments", false}},
    {"safety-risk-assessment",
     {"SELECT MIN(id) FROM safety_risk_records WHERE kind = 'assessment' AND enterprise_id = " +
      kEnterprise}},
    {"site-plan", {"SELECT file_id FROM safety_site_plans WHERE enterprise_id = " + kEnterprise}},
    // 一企一档: an item of the list (xuzhou 表E.1 营业执照) and a document the demo filed for the enterprise.
    {"items", {"=1", false}},
    // A list a platform admin publishes the next version of: guilin 表E.2 (a park's list; nothing is filed
    // under it in the demo).
    {"lists", {"=guilin_e2", false}},
    {"documents", {"SELECT MIN(id) FROM archive_documents WHERE enterprise_id = " + kEnterprise}},
    // The enterprise's HJ 941 assessment awaiting the insurer's review (issue 13).
    {"env-risk-assessments",
     {"SELECT MIN(id) FROM env_risk_assessments WHERE status = 'submitted' AND enterprise_id = " +
      kEnterprise}},
};
// Stands in for every tenant object when asking for one that does not exist.
constexpr const char* kMissingId = "987654321";

std::string row_key(const std::string& method, const std::string& pattern) { return method + " " + pattern; }

struct Answer {
  int status = 0;
  std::string content_type;
  std::string body;
};

class AuthzMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerConfig config;
    config.extra_args = {"--allow-dry-run"};
    config.clock = "2026-06-01T02:00:00Z";
    server_ = std::make_unique<ServerProcess>(config);
    database_ = rw::db::Database::open(server_->db_url(), 1);
    add_other_tenants();
    // One after another: a sign-in holds the write turn while it checks the Argon2id hash, so many at once
    // on a loaded machine wait past the busy timeout (see the report of issue 14).
    for (const auto& party : kParties)
      if (!party.username.empty())
        tokens_[party.column] = login(server_->port(), party.username, password_of(party)).token;
  }
  static void TearDownTestSuite() {
    database_.reset();
    server_.reset();
  }

  static std::string password_of(const Party& party) {
    return party.username.rfind("matrix-", 0) == 0 ? kPassword : kDemoPassword;
  }

  // The parties of other tenants the demo has no user for, made the way an administrator would.
  static void add_other_tenants() {
    const auto admin = client_for(server_->port(), "demo-admin");
    const auto province = id_of("SELECT id FROM regions WHERE code = '320000'");
    auto region = admin.post(
        "/regions",
        {{"code", "320500"}, {"name", "苏州市"}, {"level", "city"}, {"parent_id", std::stoll(province)}});
    ASSERT_EQ(region.status, 201) << region.body;
    auto bureau = admin.post(
        "/organizations",
        {{"name", "苏州市生态环境局"}, {"type", "regulator"}, {"region_ids", {region.json()["id"]}}});
    ASSERT_EQ(bureau.status, 201) << bureau.body;
    const std::vector<std::tuple<std::string, std::int64_t, std::vector<std::string>>> users = {
        {"matrix-suzhou", bureau.json()["id"].get<std::int64_t>(), {"manager"}},
        {"matrix-pingan",
         std::stoll(id_of("SELECT id FROM organizations WHERE name LIKE '%平安%'")),
         {"manager", "reviewer"}},
        {"matrix-huarun",
         std::stoll(id_of("SELECT id FROM organizations WHERE name = '无锡市华润印染有限公司'")),
         {"enterprise_user"}},
    };
    for (const auto& [username, org, roles] : users) {
      auto made = admin.post("/users", {{"username", username},
                                        {"display_name", username},
                                        {"org_id", org},
                                        {"roles", roles},
                                        {"password", kPassword}});
      ASSERT_EQ(made.status, 201) << made.body;
    }
  }

  static std::string id_of(const std::string& sql) {
    auto lease = database_->acquire();
    auto rows = lease->query(sql);
    if (rows.empty() || rows.columns->empty()) return "";
    return rows[0].text(rows.columns->front());
  }

  // The value of every fixture, looked up once; an empty value means the demo lacks the object.
  static const std::string& fixture(const std::string& name, bool missing) {
    static const auto values = [] {
      std::map<std::string, std::string> out;
      for (const auto& [name, f] : kFixtures)
        out[name] = f.source.rfind('=', 0) == 0 ? f.source.substr(1) : id_of(f.source);
      return out;
    }();
    static const std::string missing_id = kMissingId;
    const auto it = values.find(name);
    if (it == values.end()) throw std::out_of_range("no fixture " + name + " (add one to kFixtures)");
    if (it->second.empty()) throw std::out_of_range("the demo has no object for fixture " + name);
    return missing && kFixtures.at(name).tenant_object ? missing_id : it->second;
  }

  // What a request names: the path with its parameters filled and the body or query string from
  // authz_bodies.json, "@name" replaced by the fixture's value (a number when it is one); `missing` puts ids
  // that do not exist in place of the tenant's objects; `in_path` and `in_body` tell where it names any. An
  // entry's "$path" member names the fixture of a parameter where the segment before it does not (an
  // insurer's table under /organizations/{id}).
  struct Request {
    std::string target, body;
    bool in_path = false, in_body = false;
  };
  static Request request_for(const std::string& method, const std::string& pattern, bool missing) {
    static const json bodies = [] {
      std::ifstream in(kBodiesFile);
      return json::parse(in);
    }();
    const auto key = row_key(method, pattern);
    json given = bodies.contains(key) ? bodies.at(key) : json();
    const json paths = given.is_object() && given.contains("$path") ? given["$path"] : json::object();
    if (given.is_object()) given.erase("$path");
    Request request;
    bool* tenant_objects = &request.in_path;
    auto value_of = [&](const std::string& name) -> const std::string& {
      *tenant_objects |= kFixtures.at(name).tenant_object;
      return fixture(name, missing);
    };
    std::string previous;
    std::istringstream parts(pattern.substr(1));
    for (std::string part; std::getline(parts, part, '/');) {
      if (part.size() > 2 && part.front() == '{') {
        const auto param = part.substr(1, part.size() - 2);
        part = value_of(paths.contains(param) ? paths[param].get<std::string>() : previous);
      }
      previous = part;
      request.target += "/" + part;
    }
    tenant_objects = &request.in_body;
    std::function<json(const json&)> resolve = [&](const json& value) -> json {
      if (value.is_string() && value.get<std::string>().rfind('@', 0) == 0) {
        const auto& text = value_of(value.get<std::string>().substr(1));
        const bool number = std::all_of(text.begin(), text.end(), ::isdigit);
        return number ? json(std::stoll(text)) : json(text);
      }
      json out = value;
      if (value.is_structured())
        for (auto& item : out.items()) item.value() = resolve(item.value());
      return out;
    };
    const auto resolved = resolve(given);         // kept: items() of a temporary would dangle
    if (method == "GET" || method == "DELETE") {  // a query: {"name": value}
      std::string query;
      if (resolved.is_object())
        for (const auto& [name, value] : resolved.items())
          query += (query.empty() ? "?" : "&") + name + "=" +
                   (value.is_string() ? value.get<std::string>() : value.dump());
      request.target += query;
    } else {
      request.body = resolved.is_null() ? "{}" : resolved.dump();
    }
    return request;
  }

  static Answer ask(const Party& party, const std::string& method, const Request& request) {
    std::map<std::string, std::string> headers = {{"X-Riskwatch-Dry-Run", "1"}};
    if (!party.username.empty()) headers["Authorization"] = "Bearer " + tokens_.at(party.column);
    auto result = http_request(server_->port(), method, request.target, request.body, headers);
    return {result.status, result.header("content-type"), result.body};
  }

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::unique_ptr<rw::db::Database> database_;
  static inline std::map<std::string, std::string> tokens_;
};

struct Table {
  std::vector<std::string> columns;
  std::map<std::string, std::vector<std::string>> rows;  // "GET /api/v1/x" → status per party
};

Table read_table() {
  Table table;
  std::ifstream in(kMatrixFile);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    if (table.columns.empty()) {
      table.columns.assign(cells.begin() + 2, cells.end());
      continue;
    }
    table.rows[row_key(cells.at(0), cells.at(1))] = {cells.begin() + 2, cells.end()};
  }
  return table;
}

std::string join(const std::vector<std::string>& cells) {
  std::string out;
  for (const auto& cell : cells) out += (out.empty() ? "" : "\t") + cell;
  return out;
}

TEST_F(AuthzMatrix, EveryRouteAsEveryPartyAnswersWhatTheTableSays) {
  const auto table = read_table();
  std::vector<std::string> columns;
  for (const auto& party : kParties) columns.push_back(party.column);
  ASSERT_EQ(table.columns, columns) << "authz_matrix.tsv's header names other parties than the test";

  // The routes as the server registers them.
  rw::SystemClock clock;
  rw::files::DirectoryStore files(make_temp_dir());
  rw::app::Api api(*database_, clock, {}, files, "/nonexistent");
  const auto routes = api.declared_routes();
  ASSERT_GT(routes.size(), 150u);

  // What every party answers, asked from a few threads (the server has workers to spare; PostgreSQL
  // answers each request in a few milliseconds, but the test must finish well within ctest's timeout).
  struct Asked {
    Request request, missing;
    std::string error;                     // no request could be made
    std::vector<Answer> answers, unknown;  // per party; `unknown` for another tenant's missing objects
  };
  std::vector<Asked> asked_routes(routes.size());
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const auto& route = routes[i].route;
    try {
      asked_routes[i].request = request_for(route.method, route.pattern, false);
      asked_routes[i].missing = request_for(route.method, route.pattern, true);
    } catch (const std::out_of_range& error) {
      asked_routes[i].error = error.what();
    }
  }
  std::atomic<std::size_t> next{0}, requests{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < routes.size();) {
      auto& a = asked_routes[i];
      if (!a.error.empty()) continue;
      const auto& method = routes[i].route.method;
      for (const auto& party : kParties) {
        a.answers.push_back(ask(party, method, a.request));
        const bool compare = party.other_tenant && (a.request.in_path || a.request.in_body);
        a.unknown.push_back(compare ? ask(party, method, a.missing) : Answer{});
        requests += compare ? 2 : 1;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(work);
  for (auto& thread : threads) thread.join();

  std::set<std::string> asked;
  std::vector<std::string> observed_rows, problems;
  for (std::size_t r = 0; r < routes.size(); ++r) {
    const auto& [route, permission] = routes[r];
    const auto key = row_key(route.method, route.pattern);
    asked.insert(key);
    const auto& a = asked_routes[r];
    if (!a.error.empty()) {
      ADD_FAILURE() << key << ": " << a.error;
      continue;
    }
    std::map<std::string, Answer> answers;
    std::vector<std::string> statuses;
    for (std::size_t p = 0; p < kParties.size(); ++p) {
      const auto& party = kParties[p];
      const auto& answer = a.answers[p];
      statuses.push_back(std::to_string(answer.status));
      const auto where = key + " as " + party.column + " (" + a.request.target + ")";
      EXPECT_LT(answer.status, 500) << where << ": " << answer.body;
      if (answer.status >= 400 && answer.status != 405)
        EXPECT_EQ(answer.content_type, "application/problem+json") << where;
      if (party.username.empty() && permission != rw::api::kPublic) EXPECT_EQ(answer.status, 401) << where;
      if (party.other_tenant) {
        EXPECT_EQ(answer.body.find(kEnterpriseName), std::string::npos)
            << where << " shows the demo tenant's enterprise to another tenant";
        if (a.request.in_path || a.request.in_body)
          EXPECT_EQ(answer.status, a.unknown[p].status)
              << where << ": another tenant's object must answer as one that does not exist ("
              << a.missing.target << ")\n"
              << answer.body << "\n"
              << a.unknown[p].body;
        // An id in a body is a field of the request: a wrong one is 422 (403 when the route is not theirs).
        if (a.request.in_body && !a.request.in_path && route.method != "GET")
          EXPECT_TRUE(answer.status == 422 || answer.status == 403) << where << ": " << answer.status;
      }
      answers[party.column] = answer;
    }
    observed_rows.push_back(route.method + "\t" + route.pattern + "\t" + join(statuses));
    auto expected = table.rows.find(key);
    if (expected == table.rows.end()) {
      problems.push_back(key + " is not in authz_matrix.tsv; it answered:\n" + observed_rows.back());
      continue;
    }
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (expected->second.at(i) != statuses[i])
        problems.push_back(key + " as " + columns[i] + ": expected " + expected->second.at(i) + ", got " +
                           statuses[i] + " " + answers[columns[i]].body.substr(0, 200));
  }
  for (const auto& [key, cells] : table.rows)
    if (!asked.count(key))
      problems.push_back(key + " is in authz_matrix.tsv but the server has no such route");
  if (const char* out = std::getenv("RISKWATCH_AUTHZ_MATRIX_OUT")) {
    std::ofstream file(out);
    file << "method\troute\t" << join(columns) << "\n";
    for (const auto& row : observed_rows) file << row << "\n";
  }
  EXPECT_GT(requests.load(), 2000u);
  std::string report;
  for (const auto& problem : problems) report += problem + "\n";
  EXPECT_TRUE(problems.empty()) << problems.size() << " differences from authz_matrix.tsv:\n" << report;
}

}  // namespace

// Administration never widens anyone's reach: an organization admin cannot re-type its organization, move it
// under another tenant, give it regions, or make a user reach further by roles; no user changes their own
// roles or organization. (Branches inside the own tree are in SecurityApi.*.)
class AdministrationReach : public ApiTest {};

TEST_F(AdministrationReach, OrganizationAndUserAdministrationCannotWidenReach) {
  const auto agency = as("demo-agency");
  const auto own = "/organizations/" + std::to_string(agency.org_id());
  const auto codes = [](const HttpResult& r) {
    std::set<std::string> out;
    const auto body = r.json();
    for (const auto& e : body.value("errors", json::array()))
      out.insert(e["field"].get<std::string>() + ":" + e["code"].get<std::string>());
    return out;
  };
  for (const auto* type : {"regulator", "insurer", "platform"}) {
    const auto retyped = agency.patch(own, {{"type", type}});
    EXPECT_EQ(retyped.status, 422) << type;
    EXPECT_EQ(codes(retyped), std::set<std::string>{"type:type_not_allowed"}) << retyped.body;
  }
  const auto admin = as("demo-admin");
  const auto orgs = admin.get("/organizations?limit=100");
  const auto insurer = find_id(orgs, "name", "中国人民财产保险股份有限公司无锡市分公司");
  const auto bureau = find_id(orgs, "name", "无锡市生态环境局");
  EXPECT_EQ(agency.patch(own, {{"parent_id", insurer}}).status, 422);  // another tenant is not a parent
  const auto regions = admin.get("/regions?limit=100");
  const auto wuxi = find_id(regions, "code", "320200");
  EXPECT_EQ(codes(agency.patch(own, {{"region_ids", {wuxi}}})),
            std::set<std::string>{"region_ids:region_outside_parent"});
  EXPECT_EQ(
      as("demo-regulator").patch("/organizations/" + std::to_string(bureau), {{"region_ids", {wuxi}}}).status,
      403);  // a regulator's manager is no admin
  const auto after = agency.get(own).json();
  EXPECT_EQ(after["type"], "agency");
  EXPECT_TRUE(after["parent_id"].is_null());

  // Every role at once gives an agency user the agency's reach, not an enterprise's nor an insurer's.
  const auto made = agency.post("/users", {{"username", "matrix-all-roles"},
                                           {"display_name", "全角色"},
                                           {"org_id", agency.org_id()},
                                           {"roles", {"manager", "reviewer", "viewer", "enterprise_user"}},
                                           {"password", kPassword}});
  ASSERT_EQ(made.status, 201) << made.body;
  const Client all_roles(port(), login(port(), "matrix-all-roles", kPassword));
  const auto listed = [](const Client& c) {
    return c.get("/enterprises?limit=200").json()["total"].get<int>();
  };
  EXPECT_EQ(listed(all_roles), listed(agency));
  const auto plans = admin.get("/service-plans?status=proposed").json();
  ASSERT_FALSE(plans["items"].empty());
  const auto plan = "/service-plans/" + std::to_string(plans["items"][0]["id"].get<std::int64_t>());
  EXPECT_EQ(all_roles.post(plan + "/agree", json::object()).status, 403);  // only the enterprise agrees
  const auto visits = admin.get("/visits?status=done").json();
  ASSERT_FALSE(visits["items"].empty());
  for (const auto& visit : visits["items"]) {
    const auto path = "/visits/" + std::to_string(visit["id"].get<std::int64_t>()) + "/report/approve";
    const auto approved = all_roles.post(path, json::object());
    EXPECT_TRUE(approved.status == 403 || approved.status == 409) << path << " " << approved.body;
  }

  // Nobody changes their own roles or organization.
  const auto expert = as("demo-expert");
  const auto me = expert.get("/me").json();
  // PATCH /me takes the display name, phone and e-mail; roles and organization in its body change nothing.
  expert.patch("/me", {{"roles", {"admin"}}, {"org_id", insurer}});
  const auto again = expert.get("/me").json();
  EXPECT_EQ(again["roles"], me["roles"]);
  EXPECT_EQ(again["org"]["id"], me["org"]["id"]);
  EXPECT_EQ(expert.patch("/users/" + std::to_string(expert.user_id()), {{"roles", {"admin"}}}).status, 403);
}
