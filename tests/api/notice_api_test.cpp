// Notices 文书 through the API (issue 12): drafted from a visit's hazards, edited while a draft, issued with
// the issuer's next number — the hazards listed then take their `notify` step with the notice's deadline —
// and signed for on the enterprise user's phone; rendered as PDF and Word from the stored record; seen only
// by the issuer, the enterprise, its insurers and its regulators; numbered without gaps or repeats under 50
// concurrent issues.
#include <filesystem>
#include <set>
#include <thread>

#include "hazard_fixtures.hpp"
#include "pdf_checks.hpp"
#include "photo_fixtures.hpp"
#include "test_database.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

class NoticeApi : public HazardApiTest {
 protected:
  static std::int64_t upload(const Client& client, const std::string& bytes) {
    const auto r = client.post_raw("/files", bytes, "application/octet-stream");
    if (r.status != 201 && r.status != 200) throw std::runtime_error(r.body);
    return r.json()["id"];
  }
  static std::string next_number(const Client& issuer, const std::string& kind) {
    const auto items =
        issuer.get("/organizations/" + std::to_string(issuer.org_id()) + "/notice-numbering").json()["items"];
    for (const auto& item : items)
      if (item["kind"] == kind) return item["next_number"];
    throw std::runtime_error("no numbering for " + kind);
  }
  // The document's bytes written to a temporary file.
  static std::filesystem::path saved(const HttpResult& document, const std::string& name) {
    const auto path = std::filesystem::path(make_temp_dir()) / name;
    write_file(path, document.body);
    return path;
  }
  static std::string docx_text(const std::filesystem::path& docx) {
    auto xml = run_command("unzip -p '" + docx.string() + "' word/document.xml");
    std::string text;
    bool in_tag = false;
    for (const char c : xml) {
      if (c == '<') in_tag = true;
      if (!in_tag) text += c;
      if (c == '>') in_tag = false;
    }
    return text;
  }
};

TEST_F(NoticeApi, AWarningFromAVisitsHazardsIsIssuedNumberedAndSignedForOnThePhone) {
  const auto visit = started_visit(0, "2026-06-03");
  const auto expert = as("demo-expert"), enterprise = as("demo-enterprise");
  const auto major = recorded(visit, "major", "危废暂存间防渗层破损，地面有明显渗漏痕迹");
  const auto general = recorded(visit, "general", "雨水排放口未设置环境保护图形标志牌");

  // Drafted from the visit: it lists the visit's hazards not told yet.
  auto created =
      expert.post(id_path("visits", visit) + "/notices", {{"kind", "warning"}, {"deadline_days", 5}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto n = created.json();
  const auto id = n["id"].get<std::int64_t>();
  const auto path = id_path("notices", id);
  EXPECT_EQ(n["status"], "draft");
  EXPECT_TRUE(n["number"].is_null());
  ASSERT_EQ(n["hazards"].size(), 2u);
  EXPECT_EQ(n["hazards"][0]["id"], major);
  EXPECT_EQ(n["hazards"][1]["id"], general);
  EXPECT_EQ(n["actions"], json::array({"edit", "issue", "cancel"}));
  // A draft is the issuer's alone: the enterprise, its insurer and the regulator do not see it yet.
  for (const auto* party : {"demo-enterprise", "demo-insurer", "demo-regulator"})
    EXPECT_EQ(as(party).get(path).status, 404) << party;
  EXPECT_EQ(enterprise.patch(path, {{"staff", "x"}}).status, 403);  // no notice:manage at all

  auto edited = expert.patch(path, {{"staff", "陈专家、周专家"}, {"deadline_days", 7}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["deadline_days"], 7);
  EXPECT_EQ(edited.json()["staff"], "陈专家、周专家");

  // A draft renders as 草稿, with no number.
  const auto draft_pdf = expert.get(path + "/document?format=pdf");
  ASSERT_EQ(draft_pdf.status, 200);
  const auto draft_text = pdf_text(saved(draft_pdf, "draft.pdf"));
  EXPECT_NE(draft_text.find("草稿"), std::string::npos);
  EXPECT_EQ(draft_text.find("锡环科预警"), std::string::npos);

  // Issued: the next number of the agency's pattern, today's date; each hazard notified with 7 working days
  // from Monday 6-1 (due Wednesday 6-10), its history naming the notice.
  const auto expected_number = next_number(as("demo-agency"), "warning");
  EXPECT_EQ(expected_number.substr(0, std::string("锡环科预警〔2026〕").size()), "锡环科预警〔2026〕");
  auto issued = expert.post(path + "/issue", json::object());
  ASSERT_EQ(issued.status, 200) << issued.body;
  n = issued.json();
  EXPECT_EQ(n["status"], "issued");
  EXPECT_EQ(n["number"], expected_number);
  EXPECT_EQ(n["issued_on"], "2026-06-01");
  EXPECT_EQ(n["issued_by"]["name"], "陈专家");
  EXPECT_EQ(n["actions"], json::array({"receive"}));
  for (const auto* party : {"demo-enterprise", "demo-insurer", "demo-regulator"})
    EXPECT_EQ(as(party).get(path).status, 200) << party;
  EXPECT_EQ(enterprise.get(path).json()["actions"], json::array({"receive"}));
  for (const auto hazard : {major, general}) {
    const auto h = expert.get(id_path("hazards", hazard)).json();
    EXPECT_EQ(h["status"], "notified") << hazard;
    EXPECT_EQ(h["deadline"]["due_on"], "2026-06-10") << hazard;
    ASSERT_FALSE(h["history"].empty());
    EXPECT_EQ(h["history"].back()["action"], "notify");
    EXPECT_EQ(h["history"].back()["reason"], "环境隐患（问题）整改预警提示单 " + expected_number);
  }
  EXPECT_EQ(expert.post(path + "/issue", json::object()).json()["code"], "notice_not_draft");
  EXPECT_EQ(expert.patch(path, {{"staff", "x"}}).status, 409);
  const auto inbox = enterprise.get("/notifications?limit=200").json();
  int told = 0;
  for (const auto& m : inbox["items"]) told += m["object_type"] == "notice" && m["object_id"] == id;
  EXPECT_EQ(told, 1);

  // Signed for on the phone: the drawing must be the enterprise user's own PNG.
  const auto drawing = upload(enterprise, make_signature_png(400, 150));
  const auto someone_elses = upload(expert, make_signature_png(300, 120));
  auto refused = enterprise.post(path + "/receipt", {{"signed_by", "钱安环"}, {"file_id", someone_elses}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["errors"][0]["code"], "invalid_signature_file");
  EXPECT_EQ(enterprise.post(path + "/receipt", {{"file_id", drawing}}).json()["errors"][0]["field"],
            "signed_by");
  auto signed_for = enterprise.post(path + "/receipt", {{"signed_by", "钱安环"}, {"file_id", drawing}});
  ASSERT_EQ(signed_for.status, 200) << signed_for.body;
  n = signed_for.json();
  EXPECT_EQ(n["status"], "received");
  EXPECT_EQ(n["receipt"]["kind"], "signature");
  EXPECT_EQ(n["receipt"]["signed_by"], "钱安环");
  EXPECT_EQ(n["receipt"]["signed_on"], "2026-06-01");
  EXPECT_EQ(n["receipt"]["file_id"], drawing);
  ASSERT_EQ(n["history"].size(), 2u);
  EXPECT_EQ(n["history"][0]["action"], "issue");
  EXPECT_EQ(n["history"][1]["action"], "receive");
  EXPECT_EQ(n["history"][1]["reason"], "签收人：钱安环");
  EXPECT_EQ(expert.get("/files/" + std::to_string(drawing)).status, 200);  // the issuer sees the signature

  // The document: the enterprise's name, the number and a hazard's description; named in Chinese.
  const auto pdf = enterprise.get(path + "/document?format=pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_NE(pdf.header("content-disposition").find("filename=\"notice-" + std::to_string(id) + ".pdf\""),
            std::string::npos);
  EXPECT_NE(pdf.header("content-disposition").find("filename*=UTF-8''%E7%8E%AF%E5%A2%83"), std::string::npos);
  const auto pdf_file = saved(pdf, "warning.pdf");
  const auto text = pdf_text(pdf_file);
  EXPECT_NE(text.find(demo_enterprise(0)), std::string::npos) << text;
  EXPECT_NE(text.find(expected_number), std::string::npos);
  EXPECT_NE(text.find("危废暂存间防渗层破损，地面有明显渗漏痕迹"), std::string::npos);
  EXPECT_NE(text.find("7日内消除环境隐患"), std::string::npos);
  EXPECT_NE(text.find("无锡环科风险评估有限公司2026年6月1日"),
            std::string::npos);       // the issuer, the day issued
  EXPECT_EQ(pdf_pages(pdf_file), 2);  // 一式两份
  const auto out = std::filesystem::path(RISKWATCH_SOURCE_DIR) / "test-output";
  std::filesystem::create_directories(out);
  run_command("pdftoppm -png -r 100 -singlefile -f 1 -l 1 '" + pdf_file.string() + "' '" +
              (out / "notice-warning-issued-page1").string() + "'");
  EXPECT_TRUE(std::filesystem::exists(out / "notice-warning-issued-page1.png"));

  const auto docx = enterprise.get(path + "/document?format=docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header("content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const auto words = docx_text(saved(docx, "warning.docx"));
  EXPECT_NE(words.find(demo_enterprise(0)), std::string::npos) << words;
  EXPECT_NE(words.find(expected_number), std::string::npos);
  EXPECT_NE(words.find("雨水排放口未设置环境保护图形标志牌"), std::string::npos);

  const auto unknown = enterprise.get(path + "/document?format=xls");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  EXPECT_EQ(unknown.json()["errors"][0]["code"], "unknown_format");
}

TEST_F(NoticeApi, EachPartySeesOnlyTheNoticesItsRelationGives) {
  // Enterprise 1: insured by insurer A only, served by agency A; demo-enterprise is enterprise 0's user.
  const auto visit = started_visit(1, "2026-06-04");
  const auto expert = as("demo-expert");
  const auto hazard = recorded(visit, "general", "危废标签信息不全");
  auto created =
      expert.post(id_path("visits", visit) + "/notices", {{"kind", "warning"}, {"hazard_ids", {hazard}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["id"].get<std::int64_t>();
  const auto path = id_path("notices", id);
  // Signed in once each (signing in is slow).
  const auto admin = as("demo-admin"), insurer = as("demo-insurer"), regulator = as("demo-regulator"),
             qingyuan = as("qingyuan-admin"), pingan = insurer_b();
  const auto enterprise = [&](std::size_t i) {
    return find_id(admin.get("/enterprises?limit=200&q=" + url(demo_enterprise(i))), "name",
                   demo_enterprise(i));
  };
  // A draft is the issuer's: the insurer and the regulator see it once issued (below).
  for (const auto& who : {as("demo-agency"), admin})
    EXPECT_EQ(who.get(path).status, 200) << who.login().user["username"];
  for (const auto& other : {as("demo-enterprise"), pingan, qingyuan, as("demo-park"), insurer, regulator}) {
    EXPECT_EQ(other.get(path).status, 404) << other.login().user["username"];
    EXPECT_EQ(other.get(path + "/document").status, 404);
    EXPECT_EQ(other.post(path + "/issue", json::object()).status, 404);
    EXPECT_EQ(total_of(other.get("/notices?visit_id=" + std::to_string(visit))), 0);
  }

  // Another agency cannot list this visit's hazards.
  auto foreign = qingyuan.post(id_path("visits", visit) + "/notices", {{"kind", "warning"}});
  EXPECT_EQ(foreign.status, 404);
  // A hazard of another enterprise, a kind the issuer does not issue, unknown fields: 422, nothing written.
  const auto before = total_of(admin.get("/notices"));
  auto bad = expert.post("/notices", {{"kind", "inspection"},
                                      {"enterprise_id", enterprise(0)},
                                      {"hazard_ids", {hazard}},
                                      {"colour", "red"},
                                      {"problems", {{{"basis", "x"}}}}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(
      field_codes(bad.json()["errors"]),
      (std::vector<std::string>{"colour:unknown_field", "kind:kind_not_issued_by_you",
                                "problems[0].description:required", "hazard_ids:kind_lists_no_problems"}));
  auto other_enterprise = expert.post(
      "/notices", {{"kind", "warning"}, {"enterprise_id", enterprise(0)}, {"hazard_ids", {hazard}}});
  EXPECT_EQ(field_codes(other_enterprise.json()["errors"]),
            (std::vector<std::string>{"hazard_ids[0]:hazard_of_another_enterprise"}));
  EXPECT_EQ(expert.post("/notices", {{"kind", "warning"}, {"enterprise_id", enterprise(15)}})
                .json()["errors"][0]["code"],
            "unknown_enterprise");  // in the park, served by nobody: agency A does not see it
  EXPECT_EQ(total_of(admin.get("/notices")), before);
  // A warning without any problem is not issued.
  auto empty =
      expert.post("/notices", {{"kind", "warning"}, {"enterprise_id", created.json()["enterprise"]["id"]}});
  ASSERT_EQ(empty.status, 201) << empty.body;
  auto not_issued = expert.post(id_path("notices", empty.json()["id"]) + "/issue", json::object());
  EXPECT_EQ(not_issued.status, 422);
  EXPECT_EQ(not_issued.json()["errors"][0]["code"], "no_problems");
  EXPECT_EQ(expert.get(id_path("notices", empty.json()["id"])).json()["status"], "draft");
  auto cancelled = expert.post(id_path("notices", empty.json()["id"]) + "/cancel", {{"reason", "重复起草"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_EQ(cancelled.json()["actions"], json::array());
  EXPECT_EQ(cancelled.json()["history"][0]["reason"], "重复起草");
  for (const auto& who : {insurer, regulator})  // a cancelled draft was never issued
    EXPECT_EQ(who.get(id_path("notices", empty.json()["id"])).status, 404) << who.login().user["username"];

  // Bad edits: each field named, nothing written.
  auto wrong = expert.patch(path, {{"deadline_days", "x"},
                                   {"staff", std::string(201, 'a')},
                                   {"check_items", {{1}}},
                                   {"problems", {{{"description", "a"}, {"extra", 1}}}},
                                   {"visited_on", "2026-13-01"}});
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  const auto errors = wrong.json()["errors"];
  std::set<std::string> fields;
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"deadline_days", "staff", "check_items", "problems[0].extra",
                                           "visited_on"}));
  EXPECT_EQ(expert.get(path).json()["staff"], "");

  // Issued, and the signed paper's scan recorded by the agency: its own upload, an image or a PDF.
  ASSERT_EQ(expert.patch(path, {{"deadline_days", 10}}).status, 200);
  ASSERT_EQ(expert.post(path + "/issue", json::object()).status, 200);
  for (const auto& who : {insurer, regulator}) {
    EXPECT_EQ(who.get(path).status, 200) << who.login().user["username"];
    EXPECT_EQ(total_of(who.get("/notices?visit_id=" + std::to_string(visit))), 1);
  }
  EXPECT_EQ(regulator.post(path + "/receipt", {{"signed_by", "x"}}).status, 403);  // sees, does not act
  for (const auto& other : {as("demo-enterprise"), pingan, qingyuan})
    EXPECT_EQ(other.get(path).status, 404) << other.login().user["username"];
  const auto scan = upload(expert, expert.get(path + "/document").body);
  auto future = expert.post(path + "/receipt",
                            {{"signed_by", "孙经理"}, {"signed_on", "2026-06-02"}, {"file_id", scan}});
  EXPECT_EQ(future.json()["errors"][0]["code"], "in_the_future");
  EXPECT_EQ(expert
                .post(path + "/receipt",
                      {{"signed_by", "孙经理"}, {"file_id", upload(insurer, make_signature_png(200, 80))}})
                .json()["errors"][0]["code"],
            "invalid_receipt_file");
  auto scanned = expert.post(path + "/receipt",
                             {{"signed_by", "孙经理"}, {"signed_on", "2026-05-29"}, {"file_id", scan}});
  ASSERT_EQ(scanned.status, 200) << scanned.body;
  EXPECT_EQ(scanned.json()["receipt"]["kind"], "scan");
  EXPECT_EQ(scanned.json()["receipt"]["signed_on"], "2026-05-29");
  EXPECT_EQ(scanned.json()["receipt"]["recorded_by"]["name"], "陈专家");
  for (const auto& who : {insurer, regulator}) {  // received is still issued
    EXPECT_EQ(who.get(path).status, 200) << who.login().user["username"];
    EXPECT_EQ(total_of(who.get("/notices?visit_id=" + std::to_string(visit))), 1);
  }
  EXPECT_EQ(insurer.get("/files/" + std::to_string(scan)).status, 200);  // with the notice
  EXPECT_EQ(pingan.get("/files/" + std::to_string(scan)).status, 404);
}

// 50 issues at once of the same organization's notices: numbers 001–050, each once (SQLite serializes the
// writers; PostgreSQL queues them on the counter's row). Meanwhile ten warning drafts are each issued twice
// and cancelled at once: one request wins, the others are refused, and the warnings issued carry numbers
// 1…k of their own pattern, none skipped.
TEST_F(NoticeApi, FiftyConcurrentIssuesTakeNumbersOneToFiftyWithoutGapsOrRepeats) {
  const auto issuer = as("qingyuan-admin");
  const auto numbering = "/organizations/" + std::to_string(issuer.org_id()) + "/notice-numbering/reminder";
  ASSERT_EQ(issuer.put(numbering, {{"pattern", "清源提示〔{year}〕{seq:3}号"}}).status, 200);
  std::vector<std::int64_t> served;  // agency B serves demo enterprises 10–14
  for (std::size_t i = 10; i < 15; ++i)
    served.push_back(find_id(issuer.get("/enterprises?limit=200&q=" + url(demo_enterprise(i))), "name",
                             demo_enterprise(i)));
  std::vector<std::int64_t> drafts, raced;
  for (std::size_t i = 0; i < 50; ++i) {
    auto r = issuer.post("/notices", {{"kind", "reminder"}, {"enterprise_id", served[i % served.size()]}});
    ASSERT_EQ(r.status, 201) << r.body;
    drafts.push_back(r.json()["id"]);
  }
  for (int i = 0; i < 10; ++i) {
    auto r = issuer.post("/notices", {{"kind", "warning"},
                                      {"enterprise_id", served[0]},
                                      {"problems", {{{"description", "危废未分类贮存"}}}}});
    ASSERT_EQ(r.status, 201) << r.body;
    raced.push_back(r.json()["id"]);
  }
  std::vector<HttpResult> results(drafts.size()), race(raced.size() * 3);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < drafts.size(); ++i)
    threads.emplace_back(
        [&, i] { results[i] = issuer.post(id_path("notices", drafts[i]) + "/issue", json::object()); });
  for (std::size_t i = 0; i < race.size(); ++i)
    threads.emplace_back([&, i] {
      race[i] =
          issuer.post(id_path("notices", raced[i / 3]) + (i % 3 == 2 ? "/cancel" : "/issue"), json::object());
    });
  for (auto& t : threads) t.join();
  std::set<std::string> numbers;
  for (const auto& r : results) {
    ASSERT_EQ(r.status, 200) << r.body;
    numbers.insert(r.json()["number"].get<std::string>());
  }
  std::set<std::string> expected;
  for (int i = 1; i <= 50; ++i) {
    const auto seq = std::to_string(i);
    expected.insert("清源提示〔2026〕" + std::string(3 - seq.size(), '0') + seq + "号");
  }
  EXPECT_EQ(numbers, expected);
  EXPECT_EQ(next_number(issuer, "reminder"), "清源提示〔2026〕051号");

  std::set<std::string> warnings;
  for (std::size_t n = 0; n < raced.size(); ++n) {
    int won = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      const auto& r = race[n * 3 + k];
      won += r.status == 200;
      EXPECT_TRUE(r.status == 200 || r.status == 409) << r.status << " " << r.body;
    }
    EXPECT_EQ(won, 1) << raced[n];
    const auto notice = issuer.get(id_path("notices", raced[n])).json();
    EXPECT_EQ(notice["history"].size(), 1u) << notice.dump();
    if (notice["status"] == "issued")
      warnings.insert(notice["number"].get<std::string>());
    else
      EXPECT_TRUE(notice["status"] == "cancelled" && notice["number"].is_null()) << notice.dump();
  }
  std::set<std::string> first;
  for (std::size_t i = 1; i <= warnings.size(); ++i) {
    const auto seq = std::to_string(i);
    first.insert("预警〔2026〕" + std::string(4 - seq.size(), '0') + seq + "号");
  }
  EXPECT_EQ(warnings, first);
}

}  // namespace
}  // namespace rw::testing
