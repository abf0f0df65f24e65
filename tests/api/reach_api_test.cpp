// A user's reach (their organization's subtree, a regulator's regions and sub-regions) is kept in the server
// between reading requests while the database's reach generation stays the same (V058). These change it
// between two requests of the same user and check that the second sees the change: without the triggers
// that bump the generation, the reach kept from the first request answers the second.
#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

// Changes regions and the organization tree: a suite (and server) of its own.
class ReachApi : public RegistryApiTest {
 protected:
  static std::int64_t created(const HttpResult& response) {
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json()["id"].get<std::int64_t>();
  }
  static std::int64_t region(const std::string& code, const std::string& name, const std::string& level,
                             std::int64_t parent) {
    return created(
        admin().post("/regions", {{"code", code}, {"name", name}, {"level", level}, {"parent_id", parent}}));
  }
  static std::string enterprise_in(const std::string& name, const std::string& credit_code,
                                   std::int64_t region) {
    return id_path(
        "enterprises",
        created(admin().post("/enterprises",
                             {{"name", name}, {"credit_code", credit_code}, {"region_id", region}})));
  }
};

TEST_F(ReachApi, ARegulatorSeesWhatItsRegionsAndTheirNewSubRegionsHold) {
  auto regulator = as("demo-regulator");
  const auto bureau = id_path("organizations", org_id("无锡市生态环境局"));
  const auto suzhou = region("320500", "苏州市", "city", region_id("320000"));
  const auto in_gusu =
      enterprise_in("姑苏区辖区测试有限公司", test_uscc(301), region("320508", "姑苏区", "district", suzhou));
  EXPECT_EQ(regulator.get(in_gusu).status, 404);  // 无锡市 only

  // The bureau is given 苏州市 too: a regulator's regions changed.
  ASSERT_EQ(admin().patch(bureau, {{"region_ids", {region_id("320200"), suzhou}}}).status, 200);
  EXPECT_EQ(regulator.get(in_gusu).status, 200);

  // A district is added under 苏州市: the region tree changed.
  const auto in_wuzhong =
      enterprise_in("吴中区辖区测试有限公司", test_uscc(302), region("320506", "吴中区", "district", suzhou));
  EXPECT_EQ(regulator.get(in_wuzhong).status, 200);
  EXPECT_EQ(total_of(regulator.get("/enterprises?region_id=" + std::to_string(suzhou))), 2);

  // 苏州市 is taken away again.
  ASSERT_EQ(admin().patch(bureau, {{"region_ids", {region_id("320200")}}}).status, 200);
  EXPECT_EQ(regulator.get(in_gusu).status, 404);
  EXPECT_EQ(regulator.get(in_wuzhong).status, 404);
}

// A list by region leaves out the regulator's own test of its jurisdiction only when the region lies inside
// it (access::read_filter_in_regions): a wider region, or one outside, still shows it only what it regulates.
TEST_F(ReachApi, AListByRegionShowsARegulatorOnlyWhatItRegulates) {
  auto regulator = as("demo-regulator");
  const auto changzhou = region("320400", "常州市", "city", region_id("320000"));
  enterprise_in("常州辖区外测试有限公司", test_uscc(303), region("320402", "天宁区", "district", changzhou));
  const auto list = [](const Client& client, const std::string& path, std::int64_t region) {
    return total_of(client.get(path + "?limit=1&region_id=" + std::to_string(region)));
  };
  const auto province = region_id("320000"), wuxi = region_id("320200"), xinwu = region_id("320214");

  EXPECT_EQ(list(admin(), "/enterprises", changzhou), 1);
  EXPECT_EQ(list(regulator, "/enterprises", changzhou), 0);
  const auto all_seen = total_of(regulator.get("/enterprises?limit=1"));
  ASSERT_GT(all_seen, 0);
  EXPECT_EQ(list(regulator, "/enterprises", province), all_seen);
  EXPECT_EQ(list(admin(), "/enterprises", province), list(admin(), "/enterprises", wuxi) + 1);
  // Inside the jurisdiction: what the platform's administrator finds there.
  EXPECT_EQ(list(regulator, "/enterprises", wuxi), list(admin(), "/enterprises", wuxi));
  EXPECT_EQ(list(regulator, "/enterprises", xinwu), list(admin(), "/enterprises", xinwu));

  const auto hazards_seen = total_of(regulator.get("/hazards?limit=1"));
  ASSERT_GT(hazards_seen, 0);
  EXPECT_EQ(list(regulator, "/hazards", province), hazards_seen);
  EXPECT_EQ(list(regulator, "/hazards", wuxi), list(admin(), "/hazards", wuxi));
  EXPECT_EQ(list(regulator, "/hazards", changzhou), 0);
}

TEST_F(ReachApi, AnInsurerSeesWhatABranchMovedUnderItInsures) {
  auto insurer_a = as("demo-insurer");
  const auto branch = id_path("organizations", org_id(kInsurerB));
  const auto insured_by_b = id_path("enterprises", enterprise_id(demo_enterprise(12)));  // insurer B's only
  EXPECT_EQ(insurer_a.get(insured_by_b).status, 404);

  ASSERT_EQ(admin().patch(branch, {{"parent_id", org_id(kInsurerA)}}).status, 200);
  EXPECT_EQ(insurer_a.get(insured_by_b).status, 200);

  ASSERT_EQ(admin().patch(branch, {{"parent_id", nullptr}}).status, 200);
  EXPECT_EQ(insurer_a.get(insured_by_b).status, 404);
}

}  // namespace
