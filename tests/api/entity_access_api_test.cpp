// The access model's declarations (access/entities.hpp) checked from outside, for every declared entity and
// every demo party: what the party lists and opens is exactly what the entity's grants give it. The grants
// are evaluated here, in plain C++ over the raw rows of the demo database — not by the server's SQL — so
// a derivation that widens or narrows a grant fails. Without a session nothing answers; objects outside
// the grants answer 404. A newly declared entity fails this test until it is given its route below.
#include <algorithm>
#include <map>
#include <set>

#include "access/entities.hpp"
#include "harness.hpp"
#include "platform/db/database.hpp"
#include "registry_fixtures.hpp"

using namespace rw::testing;
namespace model = rw::access;  // not `access`: POSIX has a function of that name
namespace db = rw::db;

namespace {

struct Route {
  std::string list;        // "/visits"
  std::string query;       // filters that widen the default list to every row ("status=all")
  std::string permission;  // a party without it is refused with 403
  bool detail = true;      // GET list/{id} exists
};

const std::map<std::string, Route> kRoutes = {
    {"enterprise", {"/enterprises", "", "enterprise:read"}},
    {"policy", {"/policies", "", "policy:read"}},
    {"staff", {"/staff", "", "staff:read"}},
    {"organization", {"/organizations", "", "org:read"}},
    {"user", {"/users", "", "user:read"}},
    {"commission", {"/commissions", "", "commission:read"}},
    {"commission_item", {"/commission-items", "", "commission:read"}},
    {"service_plan", {"/service-plans", "", "plan:read"}},
    {"visit", {"/visits", "", "visit:read"}},
    {"deadline", {"/deadlines", "status=all", "deadline:read", false}},
    {"inspection", {"/inspections", "", "visit:read"}},
    {"hazard", {"/hazards", "", "hazard:read"}},
    {"hazard_escalation", {"/hazard-escalations", "", "hazard:read", false}},
    {"notice", {"/notices", "", "notice:read"}},
    {"env_risk_assessment", {"/env-risk-assessments", "", "enterprise:read"}},
    {"audit_entry", {"/audit", "", "audit:read", false}},
    {"webhook_subscription", {"/webhooks", "", "webhook:manage"}},
};

// Besides the demo's parties, a regulator of one district (梁溪区, half of the demo's streets), created by
// the suite: the demo's regulator oversees the whole city and so every demo enterprise.
constexpr const char* kDistrictRegulator = "liangxi-regulator";
constexpr const char* kDistrictPassword = "Liang#Xi#Harbor7";
const std::vector<std::string> kParties = {
    "demo-admin",      "demo-regulator", "demo-viewer",     "demo-insurer", "demo-agency",
    "demo-technician", "qingyuan-admin", "demo-enterprise", "demo-park",    kDistrictRegulator};

using Ids = std::set<std::int64_t>;

// The demo's organizations, regions, enterprises and their relations, read straight from the database.
class World {
 public:
  explicit World(db::Connection& c) : db_(c) {
    for_rows("SELECT id, parent_id, type FROM organizations", [&](const db::Row& r) {
      if (auto parent = r.optional_integer("parent_id")) children_[*parent].insert(r.integer("id"));
    });
    for_rows("SELECT id, parent_id FROM regions", [&](const db::Row& r) {
      if (auto parent = r.optional_integer("parent_id")) sub_regions_[*parent].insert(r.integer("id"));
    });
    for_rows("SELECT org_id, region_id FROM organization_regions",
             [&](const db::Row& r) { org_regions_[r.integer("org_id")].insert(r.integer("region_id")); });
    for_rows("SELECT id, created_by_org_id, org_id, park_org_id, region_id, archived FROM enterprises",
             [&](const db::Row& r) { enterprises_.insert_or_assign(r.integer("id"), r); });
    for_rows("SELECT enterprise_id, insurer_org_id FROM policies", [&](const db::Row& r) {
      insurers_[r.integer("enterprise_id")].insert(r.integer("insurer_org_id"));
    });
    for_rows(
        "SELECT ci.enterprise_id, c.agency_org_id FROM commission_items ci JOIN commissions c ON c.id = "
        "ci.commission_id WHERE ci.status IN ('pending', 'accepted', 'cancel_requested', 'completed')",
        [&](const db::Row& r) { agencies_[r.integer("enterprise_id")].insert(r.integer("agency_org_id")); });
  }

  // An organization and everything below it.
  Ids subtree(std::int64_t org) const { return closure(org, children_); }
  // The regions of an organization and everything below them.
  Ids jurisdiction(std::int64_t org) const {
    Ids out;
    if (auto it = org_regions_.find(org); it != org_regions_.end())
      for (auto region : it->second) out.merge(closure(region, sub_regions_));
    return out;
  }

  // Does the grant give the party (organization `org` of type `type`) the row?
  bool grants(const model::Grant& grant, std::int64_t org, const std::string& type, const db::Row& row,
              const std::string& column_alias) const {
    if (!(grant.parties & model::party_of(type))) return false;
    const Ids mine = subtree(org);
    const auto in_mine = [&](std::optional<std::int64_t> id) { return id && mine.count(*id) > 0; };
    const auto any_in_mine = [&](const std::map<std::int64_t, Ids>& sets, std::int64_t key) {
      auto it = sets.find(key);
      if (it == sets.end()) return false;
      for (auto id : it->second)
        if (mine.count(id)) return true;
      return false;
    };
    if (grant.relation == model::Relation::named) return in_mine(row.optional_integer(column_alias));
    if (grant.relation == model::Relation::located) {
      const auto target = row.optional_integer(column_alias);
      if (!target || !org_regions_.count(*target)) return false;
      const auto ours = jurisdiction(org);
      for (auto region : org_regions_.at(*target))
        if (ours.count(region)) return true;
      return false;
    }
    const auto enterprise_id = row.integer("enterprise_id");
    const auto& e = enterprises_.at(enterprise_id);
    switch (grant.relation) {
      case model::Relation::registered_by:
        return in_mine(e.optional_integer("created_by_org_id"));
      case model::Relation::is:
        return in_mine(e.optional_integer("org_id"));
      case model::Relation::hosts:
        return in_mine(e.optional_integer("park_org_id"));
      case model::Relation::insures:
        return any_in_mine(insurers_, enterprise_id);
      case model::Relation::serves:
        return any_in_mine(agencies_, enterprise_id);
      case model::Relation::regulates: {
        const auto region = e.optional_integer("region_id");
        return region && jurisdiction(org).count(*region) > 0;
      }
      default:
        return false;
    }
  }

  bool archived_enterprise(std::int64_t id) const { return enterprises_.at(id).integer("archived") != 0; }

 private:
  template <class F>
  void for_rows(const std::string& sql, F f) {
    const auto rows = db_.query(sql);
    for (std::size_t i = 0; i < rows.size(); ++i) f(rows[i]);
  }
  static Ids closure(std::int64_t root, const std::map<std::int64_t, Ids>& below) {
    Ids out{root};
    std::vector<std::int64_t> todo{root};
    while (!todo.empty()) {
      const auto at = todo.back();
      todo.pop_back();
      if (auto it = below.find(at); it != below.end())
        for (auto child : it->second)
          if (out.insert(child).second) todo.push_back(child);
    }
    return out;
  }

  db::Connection& db_;
  std::map<std::int64_t, Ids> children_, sub_regions_, org_regions_, insurers_, agencies_;
  std::map<std::int64_t, db::Row> enterprises_;
};

bool concerns_an_enterprise(const model::EntityAccess& entity) {
  for (const auto& grant : entity.readers)
    if (grant.relation != model::Relation::named && grant.relation != model::Relation::located) return true;
  return false;
}

// Every row of the entity with the columns its grants read ("g0", "g1"… and the enterprise), and whether it
// meets each grant's own condition ("w0", "w1"…: a notice's readers but its issuer see it once issued).
db::Rows raw_rows(db::Connection& c, const model::EntityAccess& entity) {
  std::string select = "SELECT " + std::string(entity.id_column) + " AS id";
  for (std::size_t i = 0; i < entity.readers.size(); ++i) {
    const auto& grant = entity.readers[i];
    if (!grant.column.empty()) select += ", " + std::string(grant.column) + " AS g" + std::to_string(i);
    if (!grant.only_when.empty())
      select += ", CASE WHEN " + std::string(grant.only_when) + " THEN 1 ELSE 0 END AS w" + std::to_string(i);
  }
  if (concerns_an_enterprise(entity)) select += ", e.id AS enterprise_id";
  return c.query(select + " FROM " + std::string(entity.from));
}

Ids listed(const Client& client, const Route& route) {
  const auto list = client.get(route.list + "?limit=200" + (route.query.empty() ? "" : "&" + route.query));
  EXPECT_EQ(list.status, 200) << route.list << " " << list.body;
  EXPECT_LE(list.json()["total"].get<std::int64_t>(), 200) << route.list << ": the demo outgrew one page";
  const auto body = list.json();
  Ids out;
  for (const auto& item : body["items"]) out.insert(item["id"].get<std::int64_t>());
  return out;
}

bool holds(const Client& client, const std::string& permission) {
  const auto me = client.get("/me").json();
  for (const auto& p : me["permissions"])
    if (p == permission) return true;
  return false;
}

class EntityAccessApi : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    const auto admin = as("demo-admin");
    const auto district = find_id(admin.get("/regions?limit=200&q=320213"), "code", "320213");
    const auto bureau = admin.post(
        "/organizations", {{"name", "梁溪区生态环境局"}, {"type", "regulator"}, {"region_ids", {district}}});
    ASSERT_EQ(bureau.status, 201) << bureau.body;
    const auto user = admin.post("/users", {{"username", kDistrictRegulator},
                                            {"display_name", "梁监管"},
                                            {"org_id", bureau.json()["id"]},
                                            {"roles", {"manager"}},
                                            {"password", kDistrictPassword}});
    ASSERT_EQ(user.status, 201) << user.body;
  }
  static Client signed_in(const std::string& username) {
    if (username != kDistrictRegulator) return as(username);
    return Client(port(), login(port(), username, kDistrictPassword));
  }
  static void follows_a_move_out_and_back(const std::string& list);
};

}  // namespace

TEST_F(EntityAccessApi, EveryDeclaredEntityHasItsRoutes) {
  ASSERT_FALSE(model::all_entities().empty());
  for (const auto* entity : model::all_entities())
    EXPECT_TRUE(kRoutes.count(std::string(entity->name)))
        << "entity " << entity->name << " is declared but this test does not know its routes";
}

TEST_F(EntityAccessApi, WithoutASessionNothingAnswers) {
  ASSERT_FALSE(kRoutes.empty());
  for (const auto& [name, route] : kRoutes) {
    EXPECT_EQ(http_request(port(), "GET", "/api/v1" + route.list).status, 401) << name;
    if (route.detail)
      EXPECT_EQ(http_request(port(), "GET", "/api/v1" + route.list + "/1").status, 401) << name;
  }
}

TEST_F(EntityAccessApi, EachPartySeesExactlyWhatItsGrantsGive) {
  auto database = db::Database::open(server_->db_url(), 1);
  auto lease = database->acquire();
  const World world(*lease);
  int hidden = 0, shown = 0;
  for (const auto& party : kParties) {
    const auto client = signed_in(party);
    const auto org = client.org_id();
    const auto type = client.login().user["org"]["type"].get<std::string>();
    const bool admin = party == "demo-admin";
    for (const auto* entity : model::all_entities()) {
      const auto& route = kRoutes.at(std::string(entity->name));
      if (!holds(client, route.permission)) {
        EXPECT_EQ(client.get(route.list).status, 403) << party << " " << route.list;
        continue;
      }
      const auto rows = raw_rows(*lease, *entity);
      ASSERT_FALSE(rows.empty()) << entity->name << ": the demo has none";
      Ids expected, everything;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto row = rows[i];
        const auto id = row.integer("id");
        // Archived enterprises stay out of lists (they have their own filter).
        if (entity->name == "enterprise" && world.archived_enterprise(id)) continue;
        everything.insert(id);
        bool granted = admin;
        for (std::size_t g = 0; g < entity->readers.size() && !granted; ++g)
          granted = world.grants(entity->readers[g], org, type, row, "g" + std::to_string(g)) &&
                    (entity->readers[g].only_when.empty() || row.integer("w" + std::to_string(g)) == 1);
        if (granted) expected.insert(id);
      }
      EXPECT_EQ(listed(client, route), expected) << party << " lists " << route.list;
      if (!route.detail) continue;
      for (auto id : everything) {
        const auto status = client.get(route.list + "/" + std::to_string(id)).status;
        EXPECT_EQ(status, expected.count(id) ? 200 : 404) << party << " opens " << route.list << "/" << id;
        ++(expected.count(id) ? shown : hidden);
      }
    }
  }
  EXPECT_GT(hidden, 100) << "the parties should not all see everything";
  EXPECT_GT(shown, 100);
}

// A district regulator's list of an enterprise's records (`list`: "/visits") loses them when the enterprise
// moves out of the district and has them again when it returns, whichever connection answers: the list
// tests the region each record keeps of its enterprise (checklists, visits, hazards, escalations, notices,
// policies, deadlines, service plans, environmental risk assessments).
void EntityAccessApi::follows_a_move_out_and_back(const std::string& list) {
  const auto regulator = signed_in(kDistrictRegulator);
  const auto admin = as("demo-admin");
  const auto first = regulator.get(list + "?limit=1");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_FALSE(first.json()["items"].empty()) << "the district regulator sees none of " << list;
  const auto item = first.json()["items"][0];  // a policy names its enterprise by id alone
  const auto enterprise =
      (item.contains("enterprise") ? item["enterprise"]["id"] : item["enterprise_id"]).get<std::int64_t>();
  const auto path = list + "?limit=200&enterprise_id=" + std::to_string(enterprise);
  const auto records_of_it = [&] { return regulator.get(path).json()["total"].get<std::int64_t>(); };
  const auto seen = records_of_it();
  ASSERT_GT(seen, 0);

  auto database = db::Database::open(server_->db_url(), 1);
  auto lease = database->acquire();
  const World world(*lease);
  const auto district = world.jurisdiction(regulator.org_id());
  const auto streets = lease->query("SELECT id FROM regions WHERE level = 'street'").integers("id");
  const auto outside =
      std::find_if(streets.begin(), streets.end(), [&](auto id) { return !district.count(id); });
  ASSERT_NE(outside, streets.end()) << "every street is in the district";
  const auto home =
      admin.get("/enterprises/" + std::to_string(enterprise)).json()["region_id"].get<std::int64_t>();
  ASSERT_TRUE(district.count(home));

  // Every connection of the server has answered the list, and so keeps what it keeps between requests.
  for (int i = 0; i < 24; ++i) ASSERT_EQ(records_of_it(), seen);
  const auto move_to = [&](std::int64_t region) {
    const auto moved = admin.patch("/enterprises/" + std::to_string(enterprise), {{"region_id", region}});
    ASSERT_EQ(moved.status, 200) << moved.body;
  };
  move_to(*outside);
  for (int i = 0; i < 24; ++i) ASSERT_EQ(records_of_it(), 0) << "after the move, request " << i;
  move_to(home);
  for (int i = 0; i < 24; ++i) ASSERT_EQ(records_of_it(), seen) << "after the return, request " << i;
}

TEST_F(EntityAccessApi, ARegulatorsChecklistsFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/inspections");
}

TEST_F(EntityAccessApi, ARegulatorsVisitsFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/visits");
}

TEST_F(EntityAccessApi, ARegulatorsHazardsFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/hazards");
}

TEST_F(EntityAccessApi, ARegulatorsNoticesFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/notices");
}

TEST_F(EntityAccessApi, ARegulatorsEscalationsFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/hazard-escalations");
}

TEST_F(EntityAccessApi, ARegulatorsDeadlinesFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/deadlines");
}

TEST_F(EntityAccessApi, ARegulatorsServicePlansFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/service-plans");
}

TEST_F(EntityAccessApi, ARegulatorsEnvRiskAssessmentsFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/env-risk-assessments");
}

// On SQLite a list leaves out a relation no row has (access/visibility.cpp): the park has registered no
// enterprise, so its list tests only the enterprises it hosts. The enterprise it registers outside the park
// is in its list at once, on every connection, and in its search.
TEST_F(EntityAccessApi, AParksListHasAtOnceAnEnterpriseItRegistersOutsideThePark) {
  const auto park = as("demo-park");
  const auto before = park.get("/enterprises?limit=200");
  ASSERT_EQ(before.status, 200) << before.body;
  const auto items = before.json()["items"];
  ASSERT_FALSE(items.empty());
  for (const auto& e : items) ASSERT_NE(e["created_by_org_id"], park.org_id()) << "the park registered one";
  const auto total = [&](const std::string& path) {
    return park.get(path).json()["total"].get<std::int64_t>();
  };
  const auto seen = total("/enterprises");
  for (int i = 0; i < 24; ++i) ASSERT_EQ(total("/enterprises"), seen);

  const auto created = park.post("/enterprises", {{"name", "无锡市园外登记测试有限公司"},
                                                  {"credit_code", test_uscc(9200)},
                                                  {"region_id", items[0]["region_id"]}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.json()["park_org_id"].is_null());
  for (int i = 0; i < 24; ++i) ASSERT_EQ(total("/enterprises"), seen + 1) << "request " << i;
  const auto found = park.get("/enterprises?q=" + url("园外登记"));
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json()["items"].size(), 1u);
  EXPECT_EQ(found.json()["items"][0]["id"], created.json()["id"]);
}

// An insurer's lists of enterprises' records test one set of the enterprises it insures or registered, kept
// on each connection between requests: whichever connection answers, an enterprise's records leave the list
// when the insurer's policy of it moves to another enterprise, come back with a new policy, leave when that
// is removed and come back with the first.
TEST_F(EntityAccessApi, AnInsurersListsFollowItsPolicies) {
  const auto insurer = as("demo-insurer");
  const auto admin = as("demo-admin");
  const auto total = [](const Client& client, const std::string& path) {
    const auto r = client.get(path);
    EXPECT_EQ(r.status, 200) << path << " " << r.body;
    return r.json()["total"].get<std::int64_t>();
  };
  // A visited enterprise the insurer did not register and insures by one policy.
  const auto visits = admin.get("/visits?limit=200");
  ASSERT_EQ(visits.status, 200) << visits.body;
  const auto visited_items = visits.json()["items"];
  ASSERT_FALSE(visited_items.empty());
  nlohmann::json policy;
  for (const auto& visit : visited_items) {
    const auto id = std::to_string(visit["enterprise"]["id"].get<std::int64_t>());
    const auto policies = insurer.get("/policies?enterprise_id=" + id).json();
    if (admin.get("/enterprises/" + id).json()["created_by_org_id"] != insurer.org_id() &&
        policies["total"] == 1) {
      policy = policies["items"][0];
      break;
    }
  }
  ASSERT_FALSE(policy.is_null())
      << "no visited enterprise is insured by one policy of the demo insurer alone";
  const auto enterprise = policy["enterprise_id"].get<std::int64_t>();
  const auto policy_path = "/policies/" + std::to_string(policy["id"].get<std::int64_t>());
  const auto path = "/visits?limit=200&enterprise_id=" + std::to_string(enterprise);
  const auto visited = total(insurer, path);
  ASSERT_GT(visited, 0);
  const auto elsewhere = admin.post(
      "/enterprises",
      {{"name", "无锡市保单迁移测试有限公司"},
       {"credit_code", test_uscc(9100)},
       {"region_id", admin.get("/enterprises/" + std::to_string(enterprise)).json()["region_id"]}});
  ASSERT_EQ(elsewhere.status, 201) << elsewhere.body;
  const auto move_policy_to = [&](std::int64_t id) {
    const auto moved = admin.patch(policy_path, {{"enterprise_id", id}});
    ASSERT_EQ(moved.status, 200) << moved.body;
  };

  // Every connection of the server answers the list in turn, and so keeps the insurer's enterprises.
  for (int i = 0; i < 24; ++i) ASSERT_EQ(total(insurer, path), visited);
  move_policy_to(elsewhere.json()["id"].get<std::int64_t>());
  for (int i = 0; i < 24; ++i) ASSERT_EQ(total(insurer, path), 0) << "policy moved away, request " << i;
  auto another = policy;
  for (const auto* key : {"id", "created_at", "updated_at"}) another.erase(key);
  another["policy_number"] = "KEPT-SET-0001";
  const auto created = admin.post("/policies", another);
  ASSERT_EQ(created.status, 201) << created.body;
  for (int i = 0; i < 24; ++i) ASSERT_EQ(total(insurer, path), visited) << "another policy, request " << i;
  ASSERT_EQ(admin.del("/policies/" + std::to_string(created.json()["id"].get<std::int64_t>())).status, 204);
  for (int i = 0; i < 24; ++i) ASSERT_EQ(total(insurer, path), 0) << "that policy removed, request " << i;
  move_policy_to(enterprise);
  for (int i = 0; i < 24; ++i) ASSERT_EQ(total(insurer, path), visited) << "policy back, request " << i;
}

TEST_F(EntityAccessApi, ARegulatorsPoliciesFollowAnEnterpriseThatMovesOutOfItsDistrictAndBack) {
  follows_a_move_out_and_back("/policies");
}
