// One enterprise, one file 一企一档 through the API (issue 13; xuzhou 表E.1, wuxi 附件3 and 第十八条,
// chengdu 7.2–7.3): the checklist and its completeness as documents are filed, paper copies with their
// reasons, versions that supersede and stay, the renewal deadline of a permit, retention (no withdrawal
// inside it, no setting below 5 years), the hash chain caught by verify when a stored file's bytes or a
// database row are changed behind the server's back, every read logged, the .zip export, and who sees what
// (404 for an invisible enterprise).
#include <filesystem>
#include <fstream>

#include "pdf_checks.hpp"
#include "platform/db/database.hpp"
#include "services_fixtures.hpp"
#include "sheet_fixtures.hpp"  // zip_entry
#include "test_database.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

// A small PDF the file store accepts, different for every `n`.
std::string pdf_bytes(const std::string& n) {
  return "%PDF-1.4\n% riskwatch archive test " + n + "\n%%EOF\n";
}

class ArchiveApi : public ServicesApiTest {
 protected:
  static std::int64_t upload(const Client& client, const std::string& n) {
    auto file = client.post_raw("/files", pdf_bytes(n), "application/pdf");
    if (file.status != 201 && file.status != 200) throw std::runtime_error(file.body);
    return file.json()["id"].get<std::int64_t>();
  }
  static std::string archive_path(std::int64_t enterprise) {
    return id_path("enterprises", enterprise) + "/archive";
  }
  static HttpResult file_item(const Client& client, std::int64_t enterprise, const std::string& code,
                              json body) {
    return client.post(archive_path(enterprise) + "/items/" + code + "/versions", body);
  }
  static json item_of(const json& archive, const std::string& code) {
    for (const auto& item : archive["items"])
      if (item["code"] == code) return item;
    throw std::out_of_range(code);
  }
  static json verify() {
    auto result = as("demo-regulator").get("/archive/verify");
    if (result.status != 200) throw std::runtime_error(result.body);
    return result.json();
  }
  static std::unique_ptr<db::Database> database() { return db::Database::open(server_->db_url(), 1); }
};

TEST_F(ArchiveApi, CompletenessFollowsFilingAndPaperCopies) {
  const auto enterprise = demo_id(5);  // registered by the platform: xuzhou 表E.1
  const auto agency = as("demo-expert");
  auto before = agency.get(archive_path(enterprise));
  ASSERT_EQ(before.status, 200) << before.body;
  const auto start = before.json();
  EXPECT_EQ(start["list"]["code"], "xuzhou_e1");
  ASSERT_EQ(start["items"].size(), 35u);
  EXPECT_EQ(item_of(start, "1")["electronic"], "missing");

  auto filed =
      file_item(agency, enterprise, "1", {{"file_id", upload(agency, "licence-5")}, {"note", "副本"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(filed.json()["electronic"], "present");
  EXPECT_EQ(filed.json()["paper"], "unknown");
  EXPECT_FALSE(filed.json()["complete"].get<bool>());

  // 否 needs a reason (xuzhou E.1: 未归档填“否”，并说明原因).
  auto no_reason = agency.put(archive_path(enterprise) + "/items/1/state", {{"paper_on_file", false}});
  ASSERT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(no_reason.json()["errors"][0]["code"], "reason_required");
  auto paper = agency.put(archive_path(enterprise) + "/items/1/state", {{"paper_on_file", true}});
  ASSERT_EQ(paper.status, 200) << paper.body;
  EXPECT_TRUE(paper.json()["complete"].get<bool>());

  const auto after = agency.get(archive_path(enterprise)).json();
  EXPECT_EQ(after["completeness"]["complete"], start["completeness"]["complete"].get<int>() + 1);
  EXPECT_EQ(after["completeness"]["electronic"], start["completeness"]["electronic"].get<int>() + 1);
  EXPECT_EQ(after["completeness"]["percent"], after["completeness"]["complete"].get<int>() * 100 / 35);

  // A new version supersedes; the old one stays in the history.
  auto second = file_item(agency, enterprise, "1", {{"file_id", upload(agency, "licence-5b")}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()["current"]["version"], 2);
  const auto history = agency.get(archive_path(enterprise) + "/items/1/history").json();
  ASSERT_EQ(history["documents"].size(), 2u);
  EXPECT_TRUE(history["documents"][0]["current"].get<bool>());
  EXPECT_FALSE(history["documents"][1]["current"].get<bool>());
  ASSERT_GE(history["events"].size(), 3u);
  EXPECT_EQ(history["events"][0]["kind"], "upload");
}

TEST_F(ArchiveApi, PermitExpiryOpensARenewalDeadline) {
  const auto insurer = as("demo-insurer");
  const auto enterprise = insured_enterprise_by(insurer, "无锡市档案许可测试有限公司", 9301);
  const auto archive = insurer.get(archive_path(enterprise)).json();
  EXPECT_EQ(archive["list"]["code"], "wuxi_att3");  // registered by an insurer
  ASSERT_EQ(archive["items"].size(), 13u);
  // 排污许可证副本 states its end: required.
  auto missing = file_item(insurer, enterprise, "8", {{"file_id", upload(insurer, "permit-9301")}});
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(missing.json()["errors"][0]["field"], "valid_until");
  auto filed = file_item(insurer, enterprise, "8",
                         {{"file_id", upload(insurer, "permit-9301")}, {"valid_until", "2026-12-31"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(filed.json()["current"]["valid_until"], "2026-12-31");
  auto deadlines =
      insurer.get("/deadlines?kind=archive_expiry&enterprise_id=" + std::to_string(enterprise)).json();
  ASSERT_EQ(deadlines["items"].size(), 1u);
  EXPECT_EQ(deadlines["items"][0]["due_on"], "2026-12-01");
  EXPECT_EQ(deadlines["items"][0]["object_type"], "archive_document");
  // The emergency plan is revised every 3 years from its issue.
  auto plan = file_item(insurer, enterprise, "3",
                        {{"file_id", upload(insurer, "plan-9301")}, {"issued_on", "2023-07-01"}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  EXPECT_EQ(plan.json()["current"]["valid_until"], "2026-07-01");
  EXPECT_EQ(plan.json()["electronic"], "expiring");
  const auto all =
      insurer.get("/deadlines?kind=archive_expiry&enterprise_id=" + std::to_string(enterprise)).json();
  EXPECT_EQ(all["items"].size(), 2u);
  // The plan's renewal falls due today (30 days before 2026-07-01): the day's sweep reminds the keeper.
  ASSERT_EQ(as("demo-admin").post("/jobs/deadline-sweep", json::object()).status, 200);
  const auto notes = insurer.get("/notifications?limit=200").json();
  int reminders = 0;
  for (const auto& n : notes["items"])
    if (n["kind"] == "deadline_due_soon" &&
        n["title"] == "即将到期 · 档案资料到期续办：无锡市档案许可测试有限公司")
      ++reminders;
  EXPECT_EQ(reminders, 1) << notes.dump();
}

TEST_F(ArchiveApi, RetentionRefusesWithdrawalAndShortSettings) {
  const auto admin = as("demo-agency");
  auto short_setting = admin.put("/archive/settings", {{"list_code", "xuzhou_e1"}, {"retention_years", 4}});
  ASSERT_EQ(short_setting.status, 422) << short_setting.body;
  EXPECT_EQ(short_setting.json()["errors"][0]["code"], "retention_too_short");
  auto ok = admin.put("/archive/settings", {{"list_code", "xuzhou_e1"}, {"retention_years", 5}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.json()["chosen"].get<bool>());
  EXPECT_EQ(admin.put("/archive/settings", {{"list_code", "guilin_e2"}, {"retention_years", 6}}).status, 422);

  const auto agency = as("demo-expert");
  const auto enterprise = demo_id(6);
  auto filed = file_item(agency, enterprise, "2-2", {{"file_id", upload(agency, "acceptance-6")}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  const auto document = filed.json()["current"]["id"].get<std::int64_t>();
  EXPECT_EQ(filed.json()["current"]["retain_until"], "2031-06-01");
  auto refused = agency.del("/archive/documents/" + std::to_string(document));
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.json()["code"], "retention_active");
  const auto item = agency.get(archive_path(enterprise)).json();
  EXPECT_EQ(item_of(item, "2-2")["current"]["id"], document);
}

TEST_F(ArchiveApi, VerifyCatchesChangedBytesAndRows) {
  const auto agency = as("demo-expert");
  const auto enterprise = demo_id(7);
  const auto bytes = pdf_bytes("tamper-7");
  auto filed = file_item(agency, enterprise, "8-2", {{"file_id", upload(agency, "tamper-7")}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  const auto document = filed.json()["current"]["id"].get<std::int64_t>();
  const auto sha = filed.json()["current"]["file"]["sha256"].get<std::string>();
  auto sound = verify();
  ASSERT_TRUE(sound["ok"].get<bool>()) << sound.dump();
  EXPECT_GE(sound["entries"].get<int>(), 1);

  // The stored file's bytes changed on disk.
  const auto object = std::filesystem::path(server_->dir()) / "data" / "files" / "sha256" / sha.substr(0, 2) /
                      sha.substr(2, 2) / sha;
  ASSERT_TRUE(std::filesystem::exists(object));
  std::filesystem::permissions(object, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  write_file(object, pdf_bytes("tampered-7"));
  auto caught = verify();
  EXPECT_FALSE(caught["ok"].get<bool>());
  EXPECT_EQ(caught["broken"]["reason"], "file_changed");
  EXPECT_EQ(caught["broken"]["document_id"], document);
  write_file(object, bytes);
  ASSERT_TRUE(verify()["ok"].get<bool>());

  // A row changed by SQL: the document's retention shortened, then a chain entry's detail.
  auto db = database();
  auto lease = db->acquire();
  const auto retain = filed.json()["current"]["retain_until"].get<std::string>();
  lease->execute("UPDATE archive_documents SET retain_until = '2020-01-01' WHERE id = ?", {document});
  auto row_caught = verify();
  EXPECT_FALSE(row_caught["ok"].get<bool>());
  EXPECT_EQ(row_caught["broken"]["reason"], "document_altered");
  EXPECT_EQ(row_caught["broken"]["document_id"], document);
  lease->execute("UPDATE archive_documents SET retain_until = ? WHERE id = ?", {retain, document});
  ASSERT_TRUE(verify()["ok"].get<bool>());

  const auto seq =
      lease->query("SELECT MIN(seq) AS seq FROM archive_events WHERE document_id = ?", {document})[0].integer(
          "seq");
  const auto detail =
      lease->query("SELECT detail FROM archive_events WHERE seq = ?", {seq})[0].text("detail");
  lease->execute("UPDATE archive_events SET detail = '{}' WHERE seq = ?", {seq});
  auto entry_caught = verify();
  EXPECT_FALSE(entry_caught["ok"].get<bool>());
  EXPECT_EQ(entry_caught["broken"]["reason"], "entry_altered");
  EXPECT_EQ(entry_caught["broken"]["seq"], seq);
  lease->execute("UPDATE archive_events SET detail = ? WHERE seq = ?", {detail, seq});
  EXPECT_TRUE(verify()["ok"].get<bool>());
}

TEST_F(ArchiveApi, ReadsAreLoggedAndTheExportIsAZipWithItsCoverSheet) {
  const auto agency = as("demo-expert");
  const auto enterprise = demo_id(8);
  auto filed = file_item(agency, enterprise, "9-3", {{"file_id", upload(agency, "layout-8")}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  const auto document = filed.json()["current"]["id"].get<std::int64_t>();
  auto content = as("demo-regulator").get("/archive/documents/" + std::to_string(document) + "/content");
  ASSERT_EQ(content.status, 200);
  EXPECT_EQ(content.body, pdf_bytes("layout-8"));
  const auto history = agency.get(archive_path(enterprise) + "/items/9-3/history").json();
  const auto& events = history["events"];
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1]["kind"], "read");
  EXPECT_EQ(events[1]["actor"]["name"], "王监管");

  auto exported = agency.get(archive_path(enterprise) + "/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.header("content-type"), "application/zip");
  const auto cover = zip_entry(exported.body, "00-一企一档资料存档表.pdf");
  ASSERT_TRUE(cover.has_value());
  const auto pdf = std::filesystem::path(make_temp_dir()) / "cover.pdf";
  write_file(pdf, *cover);
  const auto text = pdf_text(pdf);
  EXPECT_NE(text.find("一企一档资料存档表"), std::string::npos);
  EXPECT_NE(text.find("平面布置图"), std::string::npos);
  const auto filed_copy = zip_entry(exported.body, "一企一档/9-图片资料/9-3 平面布置图/v1-2026-06-01.pdf");
  ASSERT_TRUE(filed_copy.has_value());
  EXPECT_EQ(*filed_copy, pdf_bytes("layout-8"));
}

// The other capabilities' records go into the .zip by themselves: the demo's received warning notice with
// the signature drawn on the phone, the other notices of the visit, and the enterprise's service plan.
TEST_F(ArchiveApi, TheExportFilesNoticesTheirReceiptsAndPlansAutomatically) {
  const auto agency = as("demo-expert");
  const auto received = agency.get("/notices?status=received&kind=warning").json();
  ASSERT_FALSE(received["items"].empty());
  const auto notice = received["items"][0];
  const auto enterprise = notice["enterprise"]["id"].get<std::int64_t>();
  const auto related = agency.get(archive_path(enterprise)).json()["related"];
  ASSERT_GE(related["notices"].size(), 2u);
  ASSERT_FALSE(related["plans"].empty());

  auto exported = agency.get(archive_path(enterprise) + "/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  const auto names = zip_names(exported.body);
  const auto entry_like = [&](const std::string& prefix, const std::string& suffix) {
    for (const auto& name : names)
      if (name.rfind(prefix, 0) == 0 && name.size() >= suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        return name;
    return std::string();
  };
  const auto id = std::to_string(notice["id"].get<std::int64_t>());
  const auto notice_pdf = entry_like("文书/" + id + "-", ".pdf");
  ASSERT_FALSE(notice_pdf.empty()) << ::testing::PrintToString(names);
  const auto receipt = entry_like("文书/" + id + "-", "-回执.png");
  ASSERT_FALSE(receipt.empty()) << ::testing::PrintToString(names);
  EXPECT_EQ(zip_entry(exported.body, receipt)->substr(1, 3), "PNG");
  const auto dir = std::filesystem::path(make_temp_dir());
  write_file(dir / "notice.pdf", *zip_entry(exported.body, notice_pdf));
  EXPECT_NE(pdf_text(dir / "notice.pdf").find(notice["number"].get<std::string>()), std::string::npos);

  const auto plan_id = std::to_string(related["plans"][0]["id"].get<std::int64_t>());
  const auto plan_pdf = entry_like("服务方案/" + plan_id + "-", ".pdf");
  ASSERT_FALSE(plan_pdf.empty()) << ::testing::PrintToString(names);
  write_file(dir / "plan.pdf", *zip_entry(exported.body, plan_pdf));
  const auto plan_text = pdf_text(dir / "plan.pdf");
  EXPECT_NE(plan_text.find(std::to_string(related["plans"][0]["year"].get<int>()) + "年度服务方案"),
            std::string::npos);
  EXPECT_NE(plan_text.find("三、培训计划"), std::string::npos);
  EXPECT_NE(plan_text.find(related["plans"][0]["agency"].get<std::string>()), std::string::npos);
  // Every notice the archive lists is in the .zip, each once.
  int notices = 0;
  for (const auto& name : names)
    if (name.rfind("文书/", 0) == 0 && name.find("-回执.") == std::string::npos) ++notices;
  EXPECT_EQ(notices, static_cast<int>(related["notices"].size()));
}

// A platform admin corrects a list by publishing its next version (validated, errors named by their JSON
// path); filed items cannot be dropped; the enterprise's archive then names the new version.
TEST_F(ArchiveApi, AdminsPublishANewListVersion) {
  const auto admin = as("demo-admin"), insurer = as("demo-insurer");
  json list;
  const auto catalog = admin.get("/archive/lists").json();
  for (const auto& l : catalog["items"])
    if (l["code"] == "wuxi_att3") list = l;
  ASSERT_EQ(list["version"], 1);
  ASSERT_EQ(list["items"].size(), 13u);
  // The body as the shipped list has it: wuxi 附件3 is one category of 13 items.
  json items = json::array();
  for (const auto& item : list["items"]) {
    json entry = {{"code", item["code"]}, {"name_zh", item["name_zh"]}, {"name_en", item["name_en"]}};
    if (item["expiry"] != "") entry["expiry"] = item["expiry"];
    if (item["revise_years"].is_number()) entry["revise_years"] = item["revise_years"];
    items.push_back(entry);
  }
  json body = {{"source", list["source"]},
               {"subject", list["subject"]},
               {"name_zh", list["name_zh"]},
               {"name_en", list["name_en"]},
               {"reference", list["reference"]},
               {"note_zh", list["note_zh"]},
               {"paper_column", false},
               {"reason_for_no", false},
               {"categories",
                {{{"name_zh", list["items"][0]["category_zh"]},
                  {"name_en", list["items"][0]["category_en"]},
                  {"items", items}}}}};

  EXPECT_EQ(as("demo-agency").post("/archive/lists/wuxi_att3/versions", body).status, 403);
  EXPECT_EQ(admin.post("/archive/lists/no_such_list/versions", body).status, 404);
  auto bad = body;
  bad["categories"][0]["items"][1]["code"] = "../1";
  bad["categories"][0]["items"][0]["expiry"] = "revise_years";
  bad["paper_column"] = "yes";
  auto refused = admin.post("/archive/lists/wuxi_att3/versions", bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  const auto errors = refused.json()["errors"];
  ASSERT_EQ(errors.size(), 3u) << errors.dump();
  EXPECT_EQ(errors[0]["field"], "paper_column");
  EXPECT_EQ(errors[1]["field"], "categories[0].items[0].revise_years");
  EXPECT_EQ(errors[2]["field"], "categories[0].items[1].code");
  EXPECT_EQ(errors[2]["code"], "bad_code");
  bad = body;
  bad["subject"] = "park";
  EXPECT_EQ(admin.post("/archive/lists/wuxi_att3/versions", bad).json()["errors"][0]["code"],
            "subject_changed");

  // An item someone filed under stays: a record is never hidden.
  const auto enterprise = insured_enterprise_by(insurer, "无锡市清单版本测试有限公司", 9303);
  ASSERT_EQ(file_item(insurer, enterprise, "13", {{"file_id", upload(insurer, "rules-9303")}}).status, 201);
  bad = body;
  bad["categories"][0]["items"].erase(12);
  auto dropped = admin.post("/archive/lists/wuxi_att3/versions", bad);
  ASSERT_EQ(dropped.status, 422) << dropped.body;
  EXPECT_EQ(dropped.json()["errors"][0]["code"], "filed_item_removed");

  body["categories"][0]["items"][0]["name_zh"] = "建设项目环境影响评价报告及批复";
  auto published = admin.post("/archive/lists/wuxi_att3/versions", body);
  ASSERT_EQ(published.status, 201) << published.body;
  EXPECT_EQ(published.json()["version"], 2);
  EXPECT_EQ(published.json()["items"].size(), 13u);
  const auto archive = insurer.get(archive_path(enterprise)).json();
  EXPECT_EQ(archive["list"]["version"], 2);
  EXPECT_EQ(archive["items"][0]["name_zh"], "建设项目环境影响评价报告及批复");
  EXPECT_EQ(item_of(archive, "13")["electronic"], "present");
}

}  // namespace
}  // namespace rw::testing
