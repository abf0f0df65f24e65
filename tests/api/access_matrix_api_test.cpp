// The access model seen from outside, for every entity a client can list and open, each party of the demo:
// without a session nothing answers; a party without the read permission is refused; with it, every object
// of its list opens, and every object the platform admin sees but the party's list leaves out is 404 —
// list scope and object scope are one rule, and invisible objects do not leak.
#include <set>

#include "harness.hpp"

using namespace rw::testing;

namespace {

struct Entity {
  std::string list;  // "/enterprises"
  std::string permission;
};

const std::vector<Entity> kEntities = {
    {"/enterprises", "enterprise:read"},
    {"/policies", "policy:read"},
    {"/staff", "staff:read"},
    {"/organizations", "org:read"},
    {"/users", "user:read"},
    {"/commissions", "commission:read"},
    {"/commission-items", "commission:read"},
    {"/service-plans", "plan:read"},
    {"/visits", "visit:read"},
};

const std::vector<std::string> kParties = {"demo-regulator",  "demo-viewer",     "demo-insurer",
                                           "demo-agency",     "demo-technician", "qingyuan-admin",
                                           "demo-enterprise", "demo-park"};

std::set<std::int64_t> ids_of(const HttpResult& list) {
  std::set<std::int64_t> out;
  const auto body = list.json();
  for (const auto& item : body["items"]) out.insert(item["id"].get<std::int64_t>());
  return out;
}

bool holds(const Client& client, const std::string& permission) {
  const auto me = client.get("/me").json();
  for (const auto& p : me["permissions"])
    if (p == permission) return true;
  return false;
}

class AccessMatrixApi : public ApiTest {};

}  // namespace

TEST_F(AccessMatrixApi, WithoutASessionNothingAnswers) {
  ASSERT_FALSE(kEntities.empty());
  const auto admin = as("demo-admin");
  for (const auto& entity : kEntities) {
    EXPECT_EQ(http_request(port(), "GET", "/api/v1" + entity.list).status, 401) << entity.list;
    const auto all = ids_of(admin.get(entity.list + "?limit=200"));
    ASSERT_FALSE(all.empty()) << entity.list;
    EXPECT_EQ(
        http_request(port(), "GET", "/api/v1" + entity.list + "/" + std::to_string(*all.begin())).status, 401)
        << entity.list;
  }
}

TEST_F(AccessMatrixApi, EachPartyOpensWhatItListsAndNothingElse) {
  ASSERT_FALSE(kParties.empty());
  const auto admin = as("demo-admin");
  std::map<std::string, std::set<std::int64_t>> everything;
  for (const auto& entity : kEntities) {
    const auto list = admin.get(entity.list + "?limit=200");
    ASSERT_EQ(list.status, 200) << entity.list;
    ASSERT_LE(list.json()["total"].get<std::int64_t>(), 200) << entity.list << ": the demo outgrew one page";
    everything[entity.list] = ids_of(list);
    ASSERT_FALSE(everything[entity.list].empty()) << entity.list;
  }
  int hidden_checked = 0;
  for (const auto& party : kParties) {
    const auto client = as(party);
    for (const auto& entity : kEntities) {
      const auto list = client.get(entity.list + "?limit=200");
      if (!holds(client, entity.permission)) {
        EXPECT_EQ(list.status, 403) << party << " " << entity.list;
        continue;
      }
      ASSERT_EQ(list.status, 200) << party << " " << entity.list << " " << list.body;
      const auto visible = ids_of(list);
      for (auto id : visible)
        EXPECT_EQ(client.get(entity.list + "/" + std::to_string(id)).status, 200)
            << party << " cannot open " << entity.list << "/" << id << " from its own list";
      for (auto id : everything[entity.list]) {
        if (visible.count(id)) continue;
        const auto detail = client.get(entity.list + "/" + std::to_string(id));
        // An enterprise user may open its own organization, which no list of organizations offers it.
        if (entity.list == "/organizations" && id == client.org_id()) continue;
        EXPECT_EQ(detail.status, 404)
            << party << " opens " << entity.list << "/" << id << " it does not list";
        ++hidden_checked;
      }
    }
  }
  EXPECT_GT(hidden_checked, 50) << "the parties should not all see everything";
}
