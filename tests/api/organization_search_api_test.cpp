// The organizations' picker by name or credit code (GET /organizations?q=): it finds exactly the
// organizations in the actor's scope whose name or credit code holds the text, whether SQLite takes them from
// its short-search index (V055: a text few hold) or tests each row (a text most hold: the second suite's
// count cap of 5 makes every text common), and follows renames.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Ids = std::set<std::int64_t>;

// Every organization the client sees, page by page.
std::vector<json> every_organization(const Client& client, const std::string& filter = "") {
  std::vector<json> out;
  for (;;) {
    const auto page = client.get("/organizations?limit=50&offset=" + std::to_string(out.size()) + filter);
    EXPECT_EQ(page.status, 200) << page.body;
    const auto items = page.json()["items"];
    if (page.status != 200 || items.empty()) return out;
    out.insert(out.end(), items.begin(), items.end());
  }
}

// What the search must find: the seen organizations whose name or credit code holds `text`, tested here.
Ids holding(const std::vector<json>& seen, const std::string& text) {
  Ids out;
  for (const auto& o : seen) {
    const auto code = o["credit_code"].is_string() ? o["credit_code"].get<std::string>() : "";
    if (o["name"].get<std::string>().find(text) != std::string::npos || code.find(text) != std::string::npos)
      out.insert(o["id"].get<std::int64_t>());
  }
  return out;
}

Ids ids_of(const std::vector<json>& items) {
  Ids out;
  for (const auto& o : items) out.insert(o["id"].get<std::int64_t>());
  return out;
}

// The texts searched: one character, two, and longer, of names and of credit codes.
const std::vector<std::string> kTexts = {"环",       "环保", "监测站", "滨湖环保监测站",
                                         "有限公司", "无锡", "9132"};

// One server per suite, with organizations the searches look for.
class OrganizationSearchApi : public ::testing::Test {
 protected:
  static void start(std::size_t cap, std::vector<std::string> args = {}) {
    cap_ = cap;
    server_ = std::make_unique<ServerProcess>(ServerConfig{std::move(args)});
    auto admin = as("demo-admin");
    for (const auto* name : {"滨湖环保监测站", "梁溪环境检测中心", "宜兴陶都环保设备厂"})
      ASSERT_EQ(admin.post("/organizations", {{"name", name}, {"type", "agency"}}).status, 201) << name;
  }
  static void SetUpTestSuite() { start(10'000); }
  static void TearDownTestSuite() { server_.reset(); }
  static Client as(const std::string& username) { return client_for(server_->port(), username); }

  // Each text finds, page by page and in its total, exactly the organizations in the user's scope holding it.
  static void expect_each_text_found(const std::string& username) {
    const auto client = as(username);
    const auto seen = every_organization(client);
    ASSERT_FALSE(seen.empty());
    for (const auto& text : kTexts) {
      const auto expected = holding(seen, text);
      EXPECT_EQ(ids_of(every_organization(client, "&q=" + url(text))), expected) << username << " " << text;
      EXPECT_EQ(client.get("/organizations?limit=5&q=" + url(text)).json()["total"],
                std::min(expected.size(), cap_))
          << username << " " << text;
    }
  }

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::size_t cap_ = 0;  // the server's cap of an exact total
};

// Every text is common: past a fifth of the cap (1 organization), the list tests each row.
class OrganizationSearchCommonTextApi : public OrganizationSearchApi {
 protected:
  static void SetUpTestSuite() { start(5, {"--count-cap", "5"}); }
};

}  // namespace

TEST_F(OrganizationSearchApi, FindsWhatEachPartysOrganizationsHold) {
  // The texts are held: by some organization of the platform's, and of the regulator's jurisdiction.
  const auto all = every_organization(as("demo-admin"));
  for (const auto& text : kTexts) EXPECT_FALSE(holding(all, text).empty()) << text;
  EXPECT_FALSE(holding(every_organization(as("demo-regulator")), "环").empty());
  for (const auto* username : {"demo-admin", "demo-regulator", "demo-agency", "demo-insurer"})
    expect_each_text_found(username);
  EXPECT_EQ(as("demo-admin").get("/organizations?q=" + url("滨湖环保检测站")).json()["total"], 0);
}

TEST_F(OrganizationSearchApi, FollowsRenamesAndNewCreditCodes) {
  auto admin = as("demo-admin");
  const auto id =
      find_id(admin.get("/organizations?q=" + url("梁溪环境检测中心")), "name", "梁溪环境检测中心");
  const auto path = "/organizations/" + std::to_string(id);
  ASSERT_EQ(
      admin.patch(path, {{"name", "梁溪水质化验所"}, {"credit_code", uscc("91320213MA1XYW0Q8")}}).status,
      200);
  for (const auto* gone : {"环境检测", "检"})
    EXPECT_EQ(ids_of(every_organization(admin, "&q=" + url(gone))).count(id), 0u) << gone;
  for (const auto* found : {"水质", "化验所", "梁溪水质化验所", "MA1XYW"})
    EXPECT_EQ(ids_of(every_organization(admin, "&q=" + url(found))).count(id), 1u) << found;
  expect_each_text_found("demo-admin");
}

// As SQLite's LIKE does; PostgreSQL's LIKE compared it until a text with ASCII letters was lowered on both
// sides.
TEST_F(OrganizationSearchApi, IgnoresTheCaseOfAsciiLetters) {
  auto admin = as("demo-admin");
  const auto created = admin.post(
      "/organizations",
      {{"name", "锡山ABC环保咨询站"}, {"type", "agency"}, {"credit_code", uscc("91320205MA1QRW0U4")}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["id"].get<std::int64_t>();
  for (const auto* text : {"ma1qrw", "MA1QRW", "Ma1qRw", "abc环保", "ABC环保", "aBc"})
    EXPECT_EQ(ids_of(every_organization(admin, "&q=" + url(text))).count(id), 1u) << text;
  for (const auto* text : {"ma1qrx", "abd"})
    EXPECT_EQ(ids_of(every_organization(admin, "&q=" + url(text))).count(id), 0u) << text;
}

TEST_F(OrganizationSearchCommonTextApi, FindsWhatEachPartysOrganizationsHold) {
  for (const auto* username : {"demo-admin", "demo-regulator", "demo-agency", "demo-insurer"})
    expect_each_text_found(username);
}
