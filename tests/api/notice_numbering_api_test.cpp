// Notice numbering settings through the API: an organization's admin sets the pattern of a notice kind,
// sees the next number, and bad patterns, unknown kinds and other organizations are refused.
#include "services_fixtures.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

class NoticeNumberingApi : public ServicesApiTest {};

json kind_of(const json& numbering, const std::string& kind) {
  for (const auto& item : numbering["items"])
    if (item["kind"] == kind) return item;
  return nullptr;
}

TEST_F(NoticeNumberingApi, AnAdminSetsAPatternAndSeesTheNextNumber) {
  auto agency = as("demo-agency");
  const std::string path = "/organizations/" + std::to_string(agency.org_id()) + "/notice-numbering";
  const auto before = agency.get(path).json();
  ASSERT_EQ(before["items"].size(), 4u);
  EXPECT_EQ(kind_of(before, "warning")["pattern"], "锡环科预警〔{year}〕{seq:4}号");  // the demo data's
  EXPECT_EQ(kind_of(before, "warning")["is_default"], false);
  // The demo issued 0001 and 0002 (src/app/demo_notices.cpp).
  EXPECT_EQ(kind_of(before, "warning")["next_number"], "锡环科预警〔2026〕0003号");
  EXPECT_EQ(kind_of(before, "rectification")["pattern"], "");
  EXPECT_EQ(kind_of(before, "rectification")["is_default"], true);
  EXPECT_TRUE(kind_of(before, "rectification")["next_number"].is_null());

  const auto set = agency.put(path + "/warning", {{"pattern", "锡环科提示〔{year}〕第{seq:3}号"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(kind_of(set.json(), "warning")["next_number"], "锡环科提示〔2026〕第001号");
  EXPECT_EQ(agency.put(path + "/reminder", {{"pattern", ""}}).status, 200);
  EXPECT_EQ(kind_of(agency.get(path).json(), "reminder")["is_default"], false);

  // An organization that has set nothing numbers its warning notices with the default pattern.
  auto other = as("qingyuan-admin");
  const auto defaults =
      other.get("/organizations/" + std::to_string(other.org_id()) + "/notice-numbering").json();
  EXPECT_EQ(kind_of(defaults, "warning")["pattern"], "预警〔{year}〕{seq:4}号");
  EXPECT_EQ(kind_of(defaults, "warning")["is_default"], true);
  EXPECT_EQ(kind_of(defaults, "warning")["next_number"], "预警〔2026〕0001号");

  const auto bad = agency.put(path + "/warning", {{"pattern", "预警〔{month}〕{seq}"}});
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["code"], "pattern_unknown_placeholder");
  EXPECT_EQ(agency.put(path + "/warning", json::object()).json()["errors"][0]["code"], "required");
  EXPECT_EQ(agency.put(path + "/warning", {{"pattern", 5}}).status, 422);
  EXPECT_EQ(agency.put(path + "/warning", {{"pattern", std::string(300, 'x')}}).status, 422);
  EXPECT_EQ(agency.put(path + "/no-such-kind", {{"pattern", "{seq}"}}).status, 404);
  EXPECT_EQ(kind_of(agency.get(path).json(), "warning")["pattern"], "锡环科提示〔{year}〕第{seq:3}号");
}

TEST_F(NoticeNumberingApi, OthersCannotChangeIt) {
  const auto agency_a = as("demo-agency").org_id();
  const std::string path = "/organizations/" + std::to_string(agency_a) + "/notice-numbering";
  EXPECT_EQ(as("demo-expert").put(path + "/warning", {{"pattern", "{seq}"}}).status, 403);  // no org:write
  EXPECT_EQ(as("qingyuan-admin").put(path + "/warning", {{"pattern", "{seq}"}}).status, 404);
  EXPECT_EQ(as("qingyuan-admin").get(path).status, 404);
  EXPECT_EQ(as("demo-enterprise").get(path).status, 403);
  EXPECT_EQ(as("demo-admin").put(path + "/inspection", {{"pattern", "核查〔{year}〕{seq}号"}}).status, 200);
}

}  // namespace
}  // namespace rw::testing
