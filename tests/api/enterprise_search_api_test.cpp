// Enterprise search (GET /enterprises?q=): from 3 characters SQLite answers from its trigram index (V010) and
// PostgreSQL from its trigram indexes, below 3 both from their indexes of one- and two-character pieces
// (V017); the answer must be exactly LIKE's: the text anywhere in the name, credit code or either address,
// ASCII letters in any case, % _ and " taken literally. Expected sets are computed here from every
// enterprise's fields, not by the server.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "platform/db/database.hpp"
#include "platform/db/text_pieces.hpp"
#include "registry/enterprise_search_index.hpp"
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

  static bool sqlite() { return server_->db_url().rfind("sqlite:", 0) == 0; }
  // SQLite: the enterprises waiting for the text indexes (V052); PostgreSQL has no such list.
  static std::int64_t waiting() {
    if (!sqlite()) return 0;
    auto database = rw::db::Database::open(server_->db_url(), 1);
    return (*database->acquire())
        .query("SELECT COUNT(*) AS n FROM enterprise_search_waiting")[0]
        .integer("n");
  }

  // Imports three new enterprises named 无锡市<label>一…三号有限公司 in 新吴区, at 无锡市新吴区<label>路 1…3
  // 号.
  static void import_three(const std::string& label, int n) {
    std::vector<std::vector<std::string>> rows = {{"企业名称", "统一社会信用代码", "区县", "注册地址"}};
    for (int i = 0; i < 3; ++i) {
      const std::string number = std::vector<std::string>{"一", "二", "三"}[i];
      rows.push_back({"无锡市" + label + number + "号有限公司", test_uscc(n + i), "新吴区",
                      "无锡市新吴区" + label + "路 " + std::to_string(i + 1) + " 号"});
    }
    const auto r = upload(admin(), "enterprises", csv(rows));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.json()["created"], 3) << r.body;
  }

  static void create(const std::string& name, int n, const std::string& address) {
    auto body = enterprise_body(name, test_uscc(n));
    body["registered_address"] = address;
    ASSERT_EQ(admin().post("/enterprises", body).status, 201);
  }

  // The enterprises of EverySearchFindsWhatLikeFinds, created by a test of that name.
  static void create_search_cases() {
    create("无锡市ABC精细化工有限公司", 301, "无锡市梁溪区“引号”路 100% 号");
    create("无锡市abc_检索测试有限公司", 302, "无锡市新吴区 \"quoted\" 路 7 号");
    create("无锡市AxC材料有限公司", 303, "无锡市新吴区长江路 8 号");
    // Pieces at the very end of a field and a field of one character.
    create("无锡市检索精细化工", 304, "Q");
  }

  static void expect_every_search_finds_what_like_finds();
};

}  // namespace

TEST_F(EnterpriseSearchApi, EverySearchFindsWhatLikeFinds) {
  create_search_cases();
  expect_every_search_finds_what_like_finds();
}

void EnterpriseSearchApi::expect_every_search_finds_what_like_finds() {
  auto admin = EnterpriseSearchApi::admin();
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

// SQLite: an import leaves its enterprises waiting, and the server's own passes (every 100 ms by default)
// take them into the indexes after it has answered.
TEST_F(EnterpriseSearchApi, TheServerIndexesTheEnterprisesAnImportLeftWaiting) {
  import_three("服务器索引", 331);
  for (int i = 0; i < 100 && waiting() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(waiting(), 0);
  auto admin = EnterpriseSearchApi::admin();
  EXPECT_EQ(found(admin, "服务器索引"), expected(all_enterprises(admin), "服务器索引"));
  EXPECT_EQ(found(admin, "服务器索引").size(), 3u);
}

namespace {

// SQLite, V052: new and changed enterprises wait for the text indexes, which take them many at a time. This
// server never runs the pass itself (--search-index-interval-ms 0): the tests run it, so each search below
// meets the enterprises either waiting or indexed, and must find the same either way. On PostgreSQL nothing
// waits; the same searches run.
class EnterpriseSearchWaitingApi : public EnterpriseSearchApi {
 protected:
  static void SetUpTestSuite() {
    rw::testing::ServerConfig config;
    config.extra_args = {"--search-index-interval-ms", "0"};
    server_ = std::make_unique<ServerProcess>(config);
  }
  static void index_waiting() {
    auto database = rw::db::Database::open(server_->db_url(), 1);
    rw::registry::index_all_waiting_enterprises(*database->acquire(), 2);  // passes of 2: several of them
  }
  // Each index holds the enterprises that do not wait, and for each only terms of its present text: a row
  // taken out of an index with values it was not given would leave its old terms behind (FTS5's own
  // integrity-check does not compare an external-content index with its table before SQLite 3.44).
  static void expect_indexes_hold_only_present_text() {
    if (!sqlite()) return;
    auto database = rw::db::Database::open(server_->db_url(), 1);
    auto lease = database->acquire();
    auto& db = *lease;
    db.execute_script(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.trigram_terms USING fts5vocab(main, enterprises_search, "
        "instance); CREATE VIRTUAL TABLE IF NOT EXISTS temp.piece_terms USING fts5vocab(main, "
        "enterprises_short_search, instance)");
    const auto enterprises = db.query(
        "SELECT id, name, credit_code, registered_address, business_address FROM enterprises "
        "WHERE id NOT IN (SELECT enterprise_id FROM enterprise_search_waiting) ORDER BY id");
    ASSERT_GT(enterprises.size(), 20u);
    std::map<std::int64_t, std::set<std::string>> trigrams, pieces;
    for (const auto* vocab : {"trigram_terms", "piece_terms"}) {
      auto& terms = std::string(vocab) == "trigram_terms" ? trigrams : pieces;
      const auto rows = db.query(std::string("SELECT DISTINCT doc, term FROM temp.") + vocab);
      for (std::size_t i = 0; i < rows.size(); ++i)
        terms[rows[i].integer("doc")].insert(rows[i].text("term"));
    }
    // FTS5's own check of an index's structure, its row count among it.
    for (const auto* index : {"enterprises_search", "enterprises_short_search"})
      EXPECT_NO_THROW(
          db.execute(std::string("INSERT INTO ") + index + " (" + index + ") VALUES ('integrity-check')"))
          << index;
    EXPECT_EQ(trigrams.size(), enterprises.size());
    EXPECT_EQ(pieces.size(), enterprises.size());
    for (std::size_t i = 0; i < enterprises.size(); ++i) {
      const auto e = enterprises[i];
      std::vector<std::string> texts;
      for (const char* column : {"name", "credit_code", "registered_address", "business_address"})
        texts.push_back(ascii_lower(e.text(column)));
      std::set<std::string> present_trigrams;
      for (const auto& text : texts)
        for (const auto& trigram : trigrams_of(text)) present_trigrams.insert(trigram);
      const auto id = e.integer("id");
      for (const auto& term : trigrams[id]) EXPECT_TRUE(present_trigrams.count(term)) << id << " " << term;
      std::set<std::string> present_pieces;
      std::istringstream split(rw::db::text_pieces({texts[0], texts[1], texts[2], texts[3]}));
      for (std::string piece; split >> piece;) present_pieces.insert(ascii_lower(piece));
      for (const auto& term : pieces[id]) EXPECT_TRUE(present_pieces.count(term)) << id << " " << term;
    }
  }

  // Every three consecutive characters of a UTF-8 text.
  static std::vector<std::string> trigrams_of(const std::string& text) {
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t length = 1;
      while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80)
        ++length;
      characters.push_back(text.substr(i, length));
      i += length;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 <= characters.size(); ++i)
      out.push_back(characters[i] + characters[i + 1] + characters[i + 2]);
    return out;
  }
};

}  // namespace

TEST_F(EnterpriseSearchWaitingApi, EverySearchFindsWhatLikeFindsWhileTheEnterprisesWaitAndOnceIndexed) {
  // The demo's enterprises were indexed when they were seeded.
  EXPECT_EQ(waiting(), 0);
  create_search_cases();
  if (sqlite()) EXPECT_EQ(waiting(), 4);
  expect_every_search_finds_what_like_finds();
  index_waiting();
  EXPECT_EQ(waiting(), 0);
  expect_every_search_finds_what_like_finds();
  expect_indexes_hold_only_present_text();
}

TEST_F(EnterpriseSearchWaitingApi, AnImportsEnterprisesAreFoundWhileTheyWaitAndOnceIndexed) {
  auto admin = this->admin();
  const auto before = waiting();
  import_three("导入等待", 341);
  if (sqlite()) EXPECT_EQ(waiting(), before + 3);  // the import left them to the server's passes
  const std::vector<std::string> texts = {"导入等待", "等待一号", "导入", "待", "导入等待路 2"};
  auto expect_found = [&] {
    const auto all = all_enterprises(admin);
    for (const auto& text : texts) {
      EXPECT_FALSE(expected(all, text).empty()) << text;
      EXPECT_EQ(found(admin, text), expected(all, text)) << text;
    }
  };
  expect_found();
  index_waiting();
  EXPECT_EQ(waiting(), 0);
  expect_found();
  expect_indexes_hold_only_present_text();
}

TEST_F(EnterpriseSearchWaitingApi, ARenamedEnterpriseIsFoundByItsNewNameWhetherItWasIndexedOrWaiting) {
  auto admin = this->admin();
  auto rename = [&](std::int64_t id, const std::string& name) {
    ASSERT_EQ(admin.patch(id_path("enterprises", id), json{{"name", name}}).status, 200);
  };
  auto found_total = [&](const std::string& text) {
    return total_of(admin.get("/enterprises?q=" + url(text)));
  };
  create("无锡市甲乙检索等待有限公司", 321, "无锡市新吴区等待路 1 号");
  const auto id = enterprise_id("无锡市甲乙检索等待有限公司");
  // Renamed while it waits: only the last name is indexed, and nothing is taken out of the index.
  rename(id, "无锡市丙丁检索等待有限公司");
  EXPECT_EQ(found_total("甲乙检索"), 0);
  EXPECT_EQ(found_total("丙丁检索"), 1);
  EXPECT_EQ(found_total("甲乙"), 0);
  index_waiting();
  EXPECT_EQ(found_total("甲乙检索"), 0);
  EXPECT_EQ(found_total("丙丁检索"), 1);
  EXPECT_EQ(found_total("丙丁"), 1);
  // Renamed once indexed: the old name leaves the indexes at once, the new one waits.
  rename(id, "无锡市戊己检索等待有限公司");
  if (sqlite()) EXPECT_EQ(waiting(), 1);
  EXPECT_EQ(found_total("丙丁检索"), 0);
  EXPECT_EQ(found_total("丙丁"), 0);
  EXPECT_EQ(found_total("戊己检索"), 1);
  EXPECT_EQ(found_total("戊己"), 1);
  // A change that leaves the searched text alone keeps the enterprise where it was.
  ASSERT_EQ(admin.patch(id_path("enterprises", id), json{{"legal_representative", "王等待"}}).status, 200);
  index_waiting();
  EXPECT_EQ(waiting(), 0);
  ASSERT_EQ(admin.patch(id_path("enterprises", id), json{{"legal_representative", "李等待"}}).status, 200);
  EXPECT_EQ(waiting(), 0);
  EXPECT_EQ(found_total("戊己检索"), 1);
  EXPECT_EQ(found_total("丙丁检索"), 0);
  expect_indexes_hold_only_present_text();
}
