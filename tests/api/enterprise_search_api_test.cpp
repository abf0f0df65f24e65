// Enterprise search (GET /enterprises?q=): from 3 characters SQLite answers from its trigram index (V010) and
// PostgreSQL from its trigram indexes, below 3 both from their indexes of one- and two-character pieces
// (V017); the answer must be exactly LIKE's: the text anywhere in the name, credit code or either address,
// ASCII letters in any case, % _ and " taken literally. Expected sets are computed here from every
// enterprise's fields, not by the server.
#include <algorithm>
#include <cctype>

#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

class EnterpriseSearchApi : public RegistryApiTest {
 protected:
  // Every enterprise (archived or not) as the platform admin sees it.
  static std::vector<json> all_enterprises(const Client& admin) {
    std::vector<json> out;
    for (const char* archived : {"false", "true"})
      for (int offset = 0;; offset += 100) {
        const auto page = admin
                              .get("/enterprises?limit=100&archived=" + std::string(archived) +
                                   "&offset=" + std::to_string(offset))
                              .json();
        for (const auto& item : page["items"]) out.push_back(item);
        if (page["items"].size() < 100) break;
      }
    return out;
  }

  static std::string ascii_lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  }

  // Names of the live enterprises holding `text` in one of the searched fields, as LIKE finds them.
  static std::vector<std::string> expected(const std::vector<json>& all, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : all) {
      if (e["archived"].get<bool>()) continue;
      for (const char* field : {"name", "credit_code", "registered_address", "business_address"})
        if (ascii_lower(e[field].get<std::string>()).find(ascii_lower(text)) != std::string::npos) {
          out.push_back(e["name"]);
          break;
        }
    }
    return sorted(out);
  }

  static std::vector<std::string> found(const Client& admin, const std::string& text) {
    return sorted(names_of(admin.get("/enterprises?limit=200&q=" + url(text))));
  }

  void create(const std::string& name, int n, const std::string& address) {
    auto body = enterprise_body(name, test_uscc(n));
    body["registered_address"] = address;
    ASSERT_EQ(admin().post("/enterprises", body).status, 201);
  }
};

}  // namespace

TEST_F(EnterpriseSearchApi, EverySearchFindsWhatLikeFinds) {
  create("无锡市ABC精细化工有限公司", 301, "无锡市梁溪区“引号”路 100% 号");
  create("无锡市abc_检索测试有限公司", 302, "无锡市新吴区 \"quoted\" 路 7 号");
  create("无锡市AxC材料有限公司", 303, "无锡市新吴区长江路 8 号");
  // Pieces at the very end of a field and a field of one character.
  create("无锡市检索精细化工", 304, "Q");
  auto admin = this->admin();
  const auto all = all_enterprises(admin);
  ASSERT_GT(all.size(), 10u);
  const std::vector<std::string> texts = {
      "ABC", "abc", "abc_", "a_c", "精细化工", "检索测试有限", "“引号”", "\"quoted\"", "100%", "梁溪区",
      "长江路 8", "化工", "有", "91320214MA50003", "不存在的企业", "%%%", "___", "AxC材料",
      // One and two characters: the pieces' index (V017), not the trigrams.
      "工", "Q", "q", "Ab", "c_", "_", "%", "\"", "区“", "8", "号", "91", "精", "化", "亿", "x"};
  for (const auto& text : texts) {
    const auto want = expected(all, text);
    EXPECT_EQ(found(admin, text), want) << text;
  }
  // The cases that matter are really there: both cases of ABC, _ only as itself, quotes inside the text.
  EXPECT_EQ(found(admin, "ABC"), sorted({"无锡市ABC精细化工有限公司", "无锡市abc_检索测试有限公司"}));
  EXPECT_EQ(found(admin, "abc_"), std::vector<std::string>{"无锡市abc_检索测试有限公司"});
  EXPECT_EQ(found(admin, "\"quoted\""), std::vector<std::string>{"无锡市abc_检索测试有限公司"});
  EXPECT_TRUE(found(admin, "%%%").empty());
  EXPECT_EQ(found(admin, "c_"), std::vector<std::string>{"无锡市abc_检索测试有限公司"});
  // A field of one character, and two characters that end a field.
  auto holds = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  EXPECT_TRUE(holds(found(admin, "q"), "无锡市检索精细化工"));
  EXPECT_TRUE(holds(found(admin, "化工"), "无锡市检索精细化工"));
  EXPECT_TRUE(holds(found(admin, "工"), "无锡市检索精细化工"));
}

TEST_F(EnterpriseSearchApi, ARenamedOrArchivedEnterpriseIsFoundByWhatItIsNow) {
  create("无锡市旧名称检索有限公司", 311, "无锡市新吴区旧址路 1 号");
  auto admin = this->admin();
  const auto id =
      admin.get("/enterprises?q=" + url("旧名称检索")).json()["items"][0]["id"].get<std::int64_t>();
  ASSERT_EQ(admin
                .patch(id_path("enterprises", id), json{{"name", "无锡市新名称检索有限公司"},
                                                        {"registered_address", "无锡市新吴区新址路 2 号"}})
                .status,
            200);
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("旧名称检索"))), 0);
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("旧址路"))), 0);
  EXPECT_EQ(names_of(admin.get("/enterprises?q=" + url("新名称检索"))),
            std::vector<std::string>{"无锡市新名称检索有限公司"});
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("新址路"))), 1);
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("旧址"))), 0);  // the two-character index too
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("新址"))), 1);
  ASSERT_EQ(admin.del(id_path("enterprises", id)).status, 204);  // archived
  EXPECT_EQ(total_of(admin.get("/enterprises?q=" + url("新名称检索"))), 0);
  EXPECT_EQ(total_of(admin.get("/enterprises?archived=true&q=" + url("新名称检索"))), 1);
}
