// The audit of an import (issue 10): one entry for the file (its SHA-256 and counts) and, under it, per
// record only what changed — a created record's values once, an updated record's changed fields, nothing for
// an unchanged one.
#include <sodium.h>

#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kHeader = {"企业名称", "统一社会信用代码", "区县",
                                          "街道",     "环境风险等级",     "联系人"};

// Computed here, not by the server's code, so a wrong hash there cannot agree with itself.
std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

class ImportAuditApi : public RegistryApiTest {
 protected:
  static json import_entries() { return admin().get("/audit?entity=import&action=import&limit=200").json(); }
  // The newest import entry, its changes as {field: value}.
  static json last_import() {
    const auto list = import_entries();
    EXPECT_GT(list["total"].get<int>(), 0);
    json facts = json::object();
    for (const auto& [key, change] : list["items"][0]["changes"].items()) facts[key] = change["to"];
    facts["id"] = list["items"][0]["id"];
    return facts;
  }
  static json batch_rows(std::int64_t batch_id) {
    return admin().get("/audit?limit=200&batch_id=" + std::to_string(batch_id)).json();
  }
  static Rows three_new(int n) {
    return {kHeader,
            {"无锡市审计导入一号有限公司", test_uscc(n), "新吴区", "旺庄街道", "重大", "张三"},
            {"无锡市审计导入二号有限公司", test_uscc(n + 1), "梁溪区", "", "一般", ""},
            {"无锡市审计导入三号有限公司", test_uscc(n + 2), "新吴区", "旺庄街道", "", ""}};
  }
};

}  // namespace

TEST_F(ImportAuditApi, OneEntryWithTheFileHashAndCountsAndEachCreatedRecordsValuesOnce) {
  auto rows = three_new(801);
  rows.push_back({"无锡市审计导入坏行有限公司", "not-a-code", "新吴区", "", "", ""});
  const auto file = csv(rows);
  const auto imports_before = import_entries()["total"].get<int>();
  auto r = upload(admin(), "enterprises", file, "?mode=valid_rows");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["created"], 3);

  EXPECT_EQ(import_entries()["total"], imports_before + 1);
  auto entry = last_import();
  EXPECT_EQ(entry["file_sha256"], sha256_hex(file));
  EXPECT_EQ(entry["kind"], "enterprises");
  EXPECT_EQ(entry["mode"], "valid_rows");
  EXPECT_EQ(entry["total_rows"], 4);
  EXPECT_EQ(entry["created"], 3);
  EXPECT_EQ(entry["updated"], 0);
  EXPECT_EQ(entry["unchanged"], 0);
  EXPECT_EQ(entry["failed"], 1);

  const auto rows_of_import = batch_rows(entry["id"].get<std::int64_t>());
  ASSERT_EQ(rows_of_import["total"], 3);
  for (const auto& item : rows_of_import["items"]) {
    EXPECT_EQ(item["entity"], "enterprise");
    EXPECT_EQ(item["action"], "create");
    EXPECT_EQ(item["batch_id"], entry["id"]);
    EXPECT_FALSE(item["changes"].contains("legal_representative")) << "an empty field is not recorded";
  }
  // A record's own history still shows the change, as the other entries' {from, to}.
  const auto id = enterprise_id("无锡市审计导入一号有限公司");
  auto history = admin().get("/audit?entity=enterprise&entity_id=" + std::to_string(id)).json();
  ASSERT_EQ(history["total"], 1);
  EXPECT_EQ(history["items"][0]["batch_id"], entry["id"]);
  EXPECT_EQ(history["items"][0]["changes"]["name"],
            (json{{"from", nullptr}, {"to", "无锡市审计导入一号有限公司"}}));
  EXPECT_EQ(history["items"][0]["changes"]["risk_level"], (json{{"from", nullptr}, {"to", "major"}}));
  EXPECT_EQ(history["items"][0]["changes"]["contacts"]["to"],
            json::array({{{"name", "张三"}, {"phone", ""}, {"role", ""}}}));
}

TEST_F(ImportAuditApi, AnUpdateRecordsOnlyTheChangedFieldsAndTheSameFileAgainNoRecordChanges) {
  auto rows = three_new(811);
  ASSERT_EQ(upload(admin(), "enterprises", csv(rows)).status, 200);

  rows[1][4] = "一般";  // 重大 → 一般 in the first record only
  const auto file = csv(rows);
  ASSERT_EQ(upload(admin(), "enterprises", file).json()["updated"], 3);
  auto entry = last_import();
  EXPECT_EQ(entry["file_sha256"], sha256_hex(file));
  EXPECT_EQ(entry["created"], 0);
  EXPECT_EQ(entry["updated"], 1);
  EXPECT_EQ(entry["unchanged"], 2);
  EXPECT_EQ(entry["failed"], 0);
  auto changed = batch_rows(entry["id"].get<std::int64_t>());
  ASSERT_EQ(changed["total"], 1);
  EXPECT_EQ(changed["items"][0]["action"], "update");
  EXPECT_EQ(changed["items"][0]["entity_id"], std::to_string(enterprise_id("无锡市审计导入一号有限公司")));
  EXPECT_EQ(changed["items"][0]["changes"], (json{{"risk_level", {{"from", "major"}, {"to", "general"}}}}));

  ASSERT_EQ(upload(admin(), "enterprises", file).status, 200);
  auto again = last_import();
  EXPECT_NE(again["id"], entry["id"]);
  EXPECT_EQ(again["file_sha256"], entry["file_sha256"]);
  EXPECT_EQ(again["updated"], 0);
  EXPECT_EQ(again["unchanged"], 3);
  EXPECT_EQ(batch_rows(again["id"].get<std::int64_t>())["total"], 0);
}

TEST_F(ImportAuditApi, ARefusedImportLeavesNoEntry) {
  auto rows = three_new(821);
  rows[2][1] = "not-a-code";
  const auto imports_before = import_entries()["total"];
  ASSERT_EQ(upload(admin(), "enterprises", csv(rows)).status, 422);
  EXPECT_EQ(import_entries()["total"], imports_before);
}

TEST_F(ImportAuditApi, BatchFilterIsChecked) { EXPECT_EQ(admin().get("/audit?batch_id=abc").status, 422); }
