// List totals are exact up to a cap and say so beyond it (platform/paging.hpp). The server runs with a cap
// of 5, so the demo data has lists on both sides of it: below, a total must equal the rows the pages
// return, for every party and its access restrictions and for filters that read a joined table; above, the
// total is the cap with total_exact false, and paging past the cap still returns the rows.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "harness.hpp"
#include "hazards/hazard_vocabularies.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

constexpr std::int64_t kCap = 5;

class ListTotalsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<ServerProcess>(ServerConfig{{"--count-cap", std::to_string(kCap)}});
  }
  static void TearDownTestSuite() { server_.reset(); }
  static Client as(const std::string& username) { return client_for(server_->port(), username); }

  static inline std::unique_ptr<ServerProcess> server_;
};

struct Counted {
  std::int64_t total;
  bool exact;
};
Counted total_of(const HttpResult& list) {
  return {list.json()["total"].get<std::int64_t>(), list.json()["total_exact"].get<bool>()};
}

// Every item of a list, page by page, in the list's order.
std::vector<json> items_of(const Client& client, const std::string& list) {
  std::vector<json> out;
  for (;;) {
    const auto separator = list.find('?') == std::string::npos ? "?" : "&";
    const auto page = client.get(list + separator + "limit=7&offset=" + std::to_string(out.size()));
    EXPECT_EQ(page.status, 200) << list << " " << page.body;
    const auto items = page.status == 200 ? page.json()["items"] : json::array();
    if (items.empty()) return out;
    for (const auto& item : items) out.push_back(item);
  }
}

std::string ascii_lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The ids of the enterprises holding `text` in a searched field (as LIKE finds it), in the order given.
std::vector<std::int64_t> holding(const std::vector<json>& enterprises, const std::string& text) {
  std::vector<std::int64_t> out;
  for (const auto& e : enterprises)
    for (const char* field : {"name", "credit_code", "registered_address", "business_address"})
      if (ascii_lower(e[field].get<std::string>()).find(ascii_lower(text)) != std::string::npos) {
        out.push_back(e["id"].get<std::int64_t>());
        break;
      }
  return out;
}

std::vector<std::int64_t> ids_of(const std::vector<json>& items) {
  std::vector<std::int64_t> out;
  for (const auto& item : items) out.push_back(item["id"].get<std::int64_t>());
  return out;
}

}  // namespace

TEST_F(ListTotalsApi, AboveTheCapTheTotalIsTheCapAndPagingGoesOn) {
  const auto admin = as("demo-admin");
  const auto first = admin.get("/enterprises?limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["total"], kCap);
  EXPECT_EQ(first.json()["total_exact"], false);
  // The 20 demo enterprises are all there past the cap.
  const auto past = admin.get("/enterprises?limit=10&offset=15");
  EXPECT_EQ(past.json()["items"].size(), 5u);
  EXPECT_EQ(past.json()["total_exact"], false);
  EXPECT_TRUE(admin.get("/enterprises?limit=10&offset=20").json()["items"].empty());
}

TEST_F(ListTotalsApi, AtTheCapTheTotalIsExact) {
  // Agency B serves demo enterprises 10 to 14: five, the cap itself.
  const auto list = as("qingyuan-admin").get("/enterprises");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 5u);
  EXPECT_EQ(list.json()["total"], kCap);
  EXPECT_EQ(list.json()["total_exact"], true);
}

// For each party and list (some filtered through a joined table: a name search, a commission's agency), the
// total is the number of rows the pages return, or the cap when more do.
TEST_F(ListTotalsApi, TotalsMatchTheRowsEachPartySees) {
  const auto agency_a = as("demo-agency").org_id();
  const std::vector<std::string> lists = {"/enterprises",
                                          "/policies",
                                          "/policies?q=" + std::string("%E5%8C%96%E5%B7%A5"),  // 化工
                                          "/policies?q=PICC",
                                          "/staff",
                                          "/organizations",
                                          "/users",
                                          "/regions",
                                          "/commissions",
                                          "/commission-items",
                                          "/commission-items?agency_org_id=" + std::to_string(agency_a),
                                          "/commission-items?q=" + std::string("%E5%8D%B0%E6%9F%93"),  // 印染
                                          "/service-plans",
                                          "/service-plans?q=" + std::string("%E6%97%A0%E9%94%A1"),  // 无锡
                                          "/visits",
                                          "/visits?q=" + std::string("%E6%97%A0%E9%94%A1"),
                                          "/deadlines?status=all",
                                          "/notifications",
                                          "/audit",
                                          "/service-types?source=chengdu",
                                          "/survey-gaps",
                                          "/env-risk-assessments"};
  int below = 0, above = 0;
  for (const auto* username : {"demo-admin", "demo-regulator", "demo-insurer", "demo-agency",
                               "qingyuan-admin", "demo-enterprise", "demo-park", "demo-expert"}) {
    const auto client = as(username);
    for (const auto& list : lists) {
      const auto first = client.get(list);
      if (first.status == 403) continue;  // the party's roles do not read this list
      ASSERT_EQ(first.status, 200) << username << " " << list << " " << first.body;
      const auto rows = static_cast<std::int64_t>(items_of(client, list).size());
      const auto [total, exact] = total_of(first);
      if (rows <= kCap) {
        EXPECT_EQ(total, rows) << username << " " << list;
        EXPECT_TRUE(exact) << username << " " << list;
        ++below;
      } else {
        EXPECT_EQ(total, kCap) << username << " " << list << " has " << rows;
        EXPECT_FALSE(exact) << username << " " << list;
        ++above;
      }
    }
  }
  // Both sides of the cap were checked, many times each.
  EXPECT_GT(below, 40);
  EXPECT_GT(above, 30);
}

// A text that more enterprises hold than a fifth of the cap (here: more than one) is a common one: SQLite
// finds a page's ids by testing it on each row while walking the list's order, and counts the text index's
// hits (registry/enterprise_listing.cpp). Rare or common, the pages hold exactly the enterprises of the
// unsearched list that hold the text, in that list's order, and the total is theirs.
TEST_F(ListTotalsApi, ASearchFindsTheListsRowsInItsOrderWhetherTheTextIsRareOrCommon) {
  const std::vector<std::string> texts = {"无锡", "有限公司", "化工", "区",   "路",           "9132",
                                          "a",    "精细化工", "梁溪", "宜兴", "不存在的文字", "印染"};
  int common = 0, rare = 0;
  for (const auto* username : {"demo-admin", "demo-regulator", "demo-agency"}) {
    const auto client = as(username);
    for (const auto* sort : {"name", "-updated_at", "risk_level"}) {
      const std::string list = std::string("/enterprises?sort=") + sort;
      const auto all = items_of(client, list);
      ASSERT_GT(all.size(), static_cast<std::size_t>(kCap)) << username;
      for (const auto& text : texts) {
        const auto want = holding(all, text);
        EXPECT_EQ(ids_of(items_of(client, list + "&q=" + url(text))), want)
            << username << " " << sort << " " << text;
        const auto [total, exact] = total_of(client.get(list + "&q=" + url(text)));
        EXPECT_EQ(total, std::min<std::int64_t>(static_cast<std::int64_t>(want.size()), kCap)) << text;
        EXPECT_EQ(exact, static_cast<std::int64_t>(want.size()) <= kCap) << text;
        ++(want.size() > 1 ? common : rare);
      }
    }
  }
  // Both kinds of text were searched, as every party and order.
  EXPECT_GT(common, 40);
  EXPECT_GT(rare, 10);
}

// Past the cap, SQLite reads a page of hazards by walking back an index of their ids (V038, `scan_from`).
// Walked page by page, each party's hazards come newest first, once each, and they are exactly the hazards
// of the lists by status put together (each below or above the cap itself).
TEST_F(ListTotalsApi, HazardsPastTheCapAreTheSameRowsNewestFirst) {
  const auto& statuses = rw::hazards::hazard_statuses().values();
  ASSERT_FALSE(statuses.empty());
  int walked = 0;
  for (const auto* username : {"demo-admin", "demo-regulator", "demo-insurer", "demo-agency"}) {
    const auto client = as(username);
    const auto first = client.get("/hazards?limit=2");
    ASSERT_EQ(first.status, 200) << username << " " << first.body;
    if (total_of(first).exact) continue;
    ++walked;
    const auto all = ids_of(items_of(client, "/hazards"));
    ASSERT_GT(all.size(), static_cast<std::size_t>(kCap)) << username;
    EXPECT_TRUE(std::is_sorted(all.rbegin(), all.rend())) << username;
    EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << username;
    std::vector<std::int64_t> by_status;
    for (const auto& status : statuses)
      for (auto id : ids_of(items_of(client, "/hazards?status=" + status))) by_status.push_back(id);
    std::sort(by_status.rbegin(), by_status.rend());
    EXPECT_EQ(by_status, all) << username;
  }
  // The demo's hazards are more than the cap for most parties.
  EXPECT_GE(walked, 3);
}
