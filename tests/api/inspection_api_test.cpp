// Field inspection through the API: starting a visit opens its checklists, answers are saved item by item
// with versions (a stale write is 409 with the current answer, a retried one is accepted once), submitting
// checks required items and raises findings, the enterprise's signature freezes the checklist for everyone
// but reviewers, who must say why; photo consent once per visit; templates validated on upload.
#include <latch>
#include <set>
#include <thread>

#include "photo_fixtures.hpp"
#include "services_fixtures.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

// The templates of data/checklists/ that name wuxi.screening.risk_assessment among their service types.
const std::set<std::string> kAssessmentForms = {"wuxi-eia-permit",  "wuxi-wastewater", "wuxi-waste-gas",
                                                "wuxi-solid-waste", "wuxi-noise",      "wuxi-soil",
                                                "wuxi-emergency"};

class InspectionApi : public ServicesApiTest {
 protected:
  // A visit of agency A to demo enterprise `n` (0–4 have insurer A's accepted commission) on `day` for the
  // environmental risk assessment, started by the technician on its team; its inspections by template code.
  static std::map<std::string, std::int64_t> started_visit(std::size_t n, const std::string& day,
                                                           std::int64_t* visit_id = nullptr) {
    auto agency = as("demo-agency");
    auto created =
        agency.post("/visits", {{"enterprise_id", demo_id(n)},
                                {"service_type_ids", {service_type("wuxi.screening.risk_assessment")}},
                                {"planned_on", day},
                                {"staff_ids", {staff_id("陈专家"), staff_id("刘技术")}}});
    if (created.status != 201) throw std::runtime_error(created.body);
    const auto id = created.json()["id"].get<std::int64_t>();
    if (visit_id) *visit_id = id;
    auto started = as("demo-technician").post(id_path("visits", id) + "/start", json::object());
    if (started.status != 200) throw std::runtime_error(started.body);
    std::map<std::string, std::int64_t> out;
    const auto listed = agency.get("/inspections?visit_id=" + std::to_string(id)).json();
    for (const auto& i : listed["items"])
      out[i["template"]["code"].get<std::string>()] = i["id"].get<std::int64_t>();
    return out;
  }

  static json answer(const json& value, std::int64_t version,
                     const std::string& edited = "2026-06-01T10:05:00+08:00") {
    return {{"value", value}, {"version", version}, {"edited_at", edited}};
  }
  static std::string answer_path(std::int64_t inspection, const std::string& item) {
    return id_path("inspections", inspection) + "/answers/" + item;
  }
  // The id of a file the client uploads.
  static std::int64_t upload(const Client& client, const std::string& bytes) {
    const auto r = client.post_raw("/files", bytes, "application/octet-stream");
    if (r.status != 201 && r.status != 200) throw std::runtime_error(r.body);
    return r.json()["id"];
  }
  static std::string file_path(std::int64_t file, const std::string& rest = "") {
    return id_path("files", file) + rest;
  }
};

TEST_F(InspectionApi, StartingAVisitOpensOneInspectionPerTemplateOfItsServiceTypes) {
  std::int64_t visit = 0;
  const auto opened = started_visit(1, "2026-06-02", &visit);
  std::set<std::string> codes;
  for (const auto& [code, id] : opened) codes.insert(code);
  EXPECT_EQ(codes, kAssessmentForms);
  const auto noise = as("demo-technician").get(id_path("inspections", opened.at("wuxi-noise")));
  ASSERT_EQ(noise.status, 200) << noise.body;
  const auto body = noise.json();
  EXPECT_EQ(body["status"], "open");
  EXPECT_EQ(body["visit_id"], visit);
  EXPECT_EQ(body["template"]["body"]["sections"][0]["items"][0]["id"], "noise.monitoring");
  EXPECT_EQ(body["gaps"], json::array({{{"item_id", "noise.monitoring"}, {"code", "required"}}}));
  EXPECT_EQ(body["actions"], json::array({"answer", "record_finding", "submit"}));
  // Another agency's user and a stranger see nothing of it.
  EXPECT_EQ(as("qingyuan-admin").get(id_path("inspections", opened.at("wuxi-noise"))).status, 404);
  EXPECT_EQ(as("qingyuan-admin")
                .put(answer_path(opened.at("wuxi-noise"), "noise.monitoring"), answer("not_installed", 0))
                .status,
            404);
}

TEST_F(InspectionApi, AnswersCarryVersionsAndAStaleWriteIsAConflictNotALoss) {
  const auto noise = started_visit(2, "2026-06-03").at("wuxi-noise");
  const auto tech = as("demo-technician"), expert = as("demo-expert");
  const auto path = answer_path(noise, "noise.monitoring");
  auto first = tech.put(path, answer("not_installed", 0));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["version"], 1);
  EXPECT_EQ(first.json()["value"], "not_installed");
  // The same write again (a sync retried after a lost answer): accepted, nothing changes.
  auto retried = tech.put(path, answer("not_installed", 0));
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json()["version"], 1);
  // The expert edited offline from the empty form: conflict, with the technician's answer.
  auto stale = expert.put(path, answer("installed_connected", 0, "2026-06-01T10:04:00+08:00"));
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json()["code"], "answer_conflict");
  EXPECT_EQ(stale.json()["current"]["value"], "not_installed");
  EXPECT_EQ(stale.json()["current"]["version"], 1);
  // Based on the current version, the change goes in.
  auto second = expert.put(path, answer("installed_connected", 1));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json()["version"], 2);
  const auto read = tech.get(id_path("inspections", noise)).json();
  ASSERT_EQ(read["answers"].size(), 1u);
  EXPECT_EQ(read["answers"][0]["value"], "installed_connected");
  EXPECT_EQ(read["answers"][0]["edited_at"], "2026-06-01T10:05:00+08:00");
  EXPECT_EQ(read["gaps"], json::array());
}

// The checks of an answer run before its write transaction; the transaction reads the answer again, so of
// eight devices changing one answer from the same version at once exactly one wins and the others see it.
TEST_F(InspectionApi, EightDevicesChangingOneAnswerAtOnceGiveOneWinner) {
  const auto noise = started_visit(2, "2026-06-17").at("wuxi-noise");
  const auto tech = as("demo-technician");
  const auto path = answer_path(noise, "noise.monitoring");
  ASSERT_EQ(tech.put(path, answer("not_installed", 0)).status, 200);
  // Ten rounds, each from the version the round before left.
  for (int version = 1; version <= 10; ++version) {
    std::vector<HttpResult> results(8);
    std::vector<std::thread> threads;
    std::latch ready(static_cast<std::ptrdiff_t>(results.size()));  // all eight go at once
    for (std::size_t i = 0; i < results.size(); ++i)
      threads.emplace_back([&, i] {
        ready.arrive_and_wait();
        results[i] = tech.put(path, {{"value", "installed_connected"},
                                     {"note", "第" + std::to_string(version) + "轮设备" + std::to_string(i)},
                                     {"version", version},
                                     {"edited_at", "2026-06-01T10:06:00+08:00"}});
      });
    for (auto& t : threads) t.join();
    std::vector<std::string> won;
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (results[i].status == 200) {
        won.push_back("第" + std::to_string(version) + "轮设备" + std::to_string(i));
      } else {
        EXPECT_EQ(results[i].status, 409) << results[i].body;
        EXPECT_EQ(results[i].json()["code"], "answer_conflict");
        EXPECT_EQ(results[i].json()["current"]["version"], version + 1);
      }
    }
    ASSERT_EQ(won.size(), 1u) << "round " << version;
    const auto read = tech.get(id_path("inspections", noise)).json();
    ASSERT_EQ(read["answers"].size(), 1u);
    EXPECT_EQ(read["answers"][0]["version"], version + 1);
    EXPECT_EQ(read["answers"][0]["note"], won[0]);
  }
}

TEST_F(InspectionApi, BadAnswersAreRefusedWithTheirReason) {
  const auto forms = started_visit(3, "2026-06-04");
  const auto tech = as("demo-technician");
  const auto noise = forms.at("wuxi-noise");
  EXPECT_EQ(tech.put(answer_path(noise, "noise.monitoring"), answer("maybe", 0)).json()["errors"][0]["code"],
            "unknown_option");
  EXPECT_EQ(tech.put(answer_path(noise, "noise.monitoring"), answer(42, 0)).status, 422);
  EXPECT_EQ(tech.put(answer_path(noise, "no.such.item"), answer("na", 0)).status, 404);
  auto no_time = tech.put(answer_path(noise, "noise.monitoring"), {{"value", "na"}, {"version", 0}});
  EXPECT_EQ(no_time.status, 422);
  EXPECT_EQ(no_time.json()["errors"][0]["field"], "edited_at");
  EXPECT_EQ(tech.put(answer_path(noise, "noise.monitoring"), answer("na", 0, "yesterday")).status, 422);
  EXPECT_EQ(tech.put(answer_path(noise, "noise.monitoring"),
                     {{"value", "na"}, {"version", -1}, {"edited_at", "2026-06-01T10:05:00Z"}})
                .status,
            422);
  auto extra = answer("na", 0);
  extra["values"] = "na";
  EXPECT_EQ(tech.put(answer_path(noise, "noise.monitoring"), extra).json()["errors"][0]["code"],
            "unknown_field");
  // A multiple choice refuses an exclusive option beside another (wuxi 固废: the compliant statement).
  const auto& solid = forms.at("wuxi-solid-waste");
  const auto body = tech.get(id_path("inspections", solid)).json()["template"]["body"];
  std::string item, exclusive, other;
  for (const auto& section : body["sections"])
    for (const auto& sub : section.value("sections", json::array()))
      for (const auto& it : sub.value("items", json::array()))
        if (item.empty() && it["kind"] == "multiple")
          for (const auto& o : it["options"]) {
            if (o.value("exclusive", false) && exclusive.empty())
              exclusive = o["value"];
            else if (!o.value("exclusive", false) && other.empty())
              other = o["value"];
            if (!exclusive.empty() && !other.empty()) item = it["id"];
          }
  ASSERT_FALSE(item.empty());
  EXPECT_EQ(tech.put(answer_path(solid, item), answer(json::array({exclusive, other}), 0))
                .json()["errors"][0]["code"],
            "exclusive_option");
  EXPECT_EQ(tech.put(answer_path(solid, item), answer(json::array({other}), 0)).status, 200);
}

TEST_F(InspectionApi, SubmitChecksRequiredItemsAndRaisesFindingsThenTheSignatureFreezes) {
  std::int64_t visit = 0;
  const auto noise = started_visit(4, "2026-06-05", &visit).at("wuxi-noise");
  const auto tech = as("demo-technician");
  const auto path = id_path("inspections", noise);
  auto missing = tech.post(path + "/submit", json::object());
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(missing.json()["errors"][0]["field"], "noise.monitoring");
  EXPECT_EQ(missing.json()["errors"][0]["code"], "required");

  ASSERT_EQ(tech.put(answer_path(noise, "noise.monitoring"), answer("not_installed", 0)).status, 200);
  auto submitted = tech.post(path + "/submit", json::object());
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json()["status"], "submitted");
  const auto findings = submitted.json()["findings"];
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0]["item_id"], "noise.monitoring");
  EXPECT_EQ(findings[0]["raised_by_option"], "not_installed");
  EXPECT_EQ(findings[0]["grade"], "general");
  EXPECT_EQ(findings[0]["category"], "噪声");
  EXPECT_EQ(findings[0]["description"], "噪声重点排污单位未安装噪声自动监测设备");
  // Submitted: no more answers until reopened.
  EXPECT_EQ(tech.put(answer_path(noise, "noise.monitoring"), answer("na", 1)).status, 409);

  // The enterprise's representative signs; the checklist is frozen.
  EXPECT_EQ(tech.post(path + "/sign", json::object()).status, 422);
  const auto signature = upload(tech, make_signature_png(300, 120));
  auto signed_ = tech.post(path + "/sign", {{"signer_name", "王厂长"}, {"signature_file_id", signature}});
  ASSERT_EQ(signed_.status, 200) << signed_.body;
  EXPECT_EQ(signed_.json()["status"], "signed");
  EXPECT_EQ(signed_.json()["signer_name"], "王厂长");
  EXPECT_EQ(tech.post(path + "/reopen", json::object()).status, 409);
  auto frozen = tech.put(answer_path(noise, "noise.monitoring"), answer("na", 1));
  EXPECT_EQ(frozen.status, 403) << frozen.body;

  // A reviewer of the commissioning insurer changes it, only with a reason; the findings follow.
  const auto reviewer = as("demo-insurer");
  auto no_reason = reviewer.put(answer_path(noise, "noise.monitoring"), answer("installed_connected", 1));
  EXPECT_EQ(no_reason.status, 422) << no_reason.body;
  auto amend = answer("installed_connected", 1);
  amend["reason"] = "企业提供了联网证明";
  auto amended = reviewer.put(answer_path(noise, "noise.monitoring"), amend);
  ASSERT_EQ(amended.status, 200) << amended.body;
  const auto after = tech.get(path).json();
  EXPECT_EQ(after["findings"], json::array());
  EXPECT_EQ(after["status"], "signed");
  const auto audit = admin().get("/audit?entity=inspection&entity_id=" + std::to_string(noise)).json();
  bool reason_recorded = false;
  for (const auto& e : audit["items"])
    reason_recorded = reason_recorded || e.dump().find("企业提供了联网证明") != std::string::npos;
  EXPECT_TRUE(reason_recorded) << audit.dump();
}

// A finding the agency made into a hazard is the hazard's record of where it came from: an amend after
// signing drops the findings its new answer no longer raises, but not that one, and raises no twin of it.
TEST_F(InspectionApi, AnAmendKeepsTheFindingsThatBecameHazards) {
  std::int64_t visit = 0;
  const auto noise = started_visit(2, "2026-06-15", &visit).at("wuxi-noise");
  const auto tech = as("demo-technician"), agency = as("demo-agency"), reviewer = as("demo-insurer");
  const auto path = id_path("inspections", noise);
  ASSERT_EQ(tech.put(answer_path(noise, "noise.monitoring"), answer("not_installed", 0)).status, 200);
  ASSERT_EQ(tech.post(path + "/submit", json::object()).status, 200);
  const auto made = agency.post(path + "/hazards", json::object());
  ASSERT_EQ(made.status, 200) << made.body;
  const auto hazards = made.json()["created"];
  ASSERT_EQ(hazards.size(), 1u);
  const auto finding = hazards[0]["finding_id"].get<std::int64_t>();
  const auto signature = upload(tech, make_signature_png(300, 120));
  ASSERT_EQ(tech.post(path + "/sign", {{"signer_name", "王厂长"}, {"signature_file_id", signature}}).status,
            200);

  auto amend = answer("installed_connected", 1);
  amend["reason"] = "企业提供了联网证明";
  ASSERT_EQ(reviewer.put(answer_path(noise, "noise.monitoring"), amend).status, 200);
  const auto after = tech.get(path).json()["findings"];
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["id"], finding);
  EXPECT_EQ(agency.get(id_path("hazards", hazards[0]["id"])).json()["finding_id"], finding);

  auto back = answer("not_installed", 2);
  back["reason"] = "联网证明为其他设备";
  ASSERT_EQ(reviewer.put(answer_path(noise, "noise.monitoring"), back).status, 200);
  const auto again = tech.get(path).json()["findings"];
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0]["id"], finding);
  EXPECT_EQ(total_of(agency.get("/hazards?visit_id=" + std::to_string(visit))), 1);
}

TEST_F(InspectionApi, ItsPhotosAndSignatureAreSeenExactlyByThoseWhoSeeTheInspection) {
  std::int64_t visit = 0;
  const auto noise = started_visit(3, "2026-06-10", &visit).at("wuxi-noise");
  const auto tech = as("demo-technician");
  const auto answer_photo = upload(tech, make_photo_jpeg(41, 640, 480));
  const auto finding_photo = upload(tech, make_photo_jpeg(42, 640, 480));
  const auto signature = upload(tech, make_signature_png(300, 120));
  auto with_photo = answer("not_installed", 0);
  with_photo["photos"] = {answer_photo};
  ASSERT_EQ(tech.put(answer_path(noise, "noise.monitoring"), with_photo).status, 200);
  const auto finding =
      tech.post(id_path("inspections", noise) + "/findings", {{"item_id", "noise.monitoring"},
                                                              {"category", "噪声"},
                                                              {"grade", "general"},
                                                              {"description", "厂界噪声监测点位标识缺失"},
                                                              {"photos", {finding_photo}}});
  ASSERT_EQ(finding.status, 201) << finding.body;
  ASSERT_EQ(tech.post(id_path("inspections", noise) + "/submit", json::object()).status, 200);
  ASSERT_EQ(tech.post(id_path("inspections", noise) + "/sign",
                      {{"signer_name", "王厂长"}, {"signature_file_id", signature}})
                .status,
            200);

  // The commissioning insurer sees every one, each linked to what it belongs to.
  const auto insurer = as("demo-insurer");
  const std::map<std::int64_t, std::string> owners = {{answer_photo, "inspection"},
                                                      {finding_photo, "inspection_finding"},
                                                      {signature, "inspection_signature"}};
  for (const auto& [file, kind] : owners) {
    const auto seen = insurer.get(file_path(file));
    ASSERT_EQ(seen.status, 200) << seen.body;
    const auto body = seen.json();
    ASSERT_EQ(body["links"].size(), 1u) << body.dump();
    EXPECT_EQ(body["links"][0]["owner_kind"], kind);
    EXPECT_EQ(body["links"][0]["enterprise_id"], demo_id(3));
    EXPECT_EQ(insurer.get(file_path(file, "/content")).status, 200);
  }
  // Another agency, and the user of another enterprise, see none of them.
  for (const auto* stranger : {"qingyuan-admin", "demo-enterprise"})
    for (const auto& [file, kind] : owners) {
      EXPECT_EQ(as(stranger).get(file_path(file)).status, 404) << stranger << " " << kind;
      EXPECT_EQ(as(stranger).get(file_path(file, "/thumbnail?size=320")).status, 404)
          << stranger << " " << kind;
    }
  // The reviewer reads the photos' flags through the inspection (no EXIF here: none raised).
  const auto flags = insurer.get(id_path("inspections", noise) + "/photo-flags");
  ASSERT_EQ(flags.status, 200) << flags.body;
  const auto items = flags.json()["items"];
  ASSERT_EQ(items.size(), 2u) << items.dump();
  EXPECT_EQ(items[0]["file_id"], answer_photo);
  EXPECT_EQ(items[0]["owner_kind"], "inspection");
  EXPECT_EQ(items[1]["file_id"], finding_photo);
  EXPECT_EQ(items[1]["owner_kind"], "inspection_finding");
  EXPECT_EQ(items[1]["flags"], json::array());
  EXPECT_EQ(as("qingyuan-admin").get(id_path("inspections", noise) + "/photo-flags").status, 404);
}

TEST_F(InspectionApi, FilesNamedInABodyMustBeTheCallersImagesAndASignatureItsOwnDrawing) {
  const auto noise = started_visit(4, "2026-06-11").at("wuxi-noise");
  const auto tech = as("demo-technician");
  const auto path = id_path("inspections", noise);
  const auto expert_drawing = upload(as("demo-expert"), make_signature_png(300, 120));
  const auto other_agency_photo = upload(as("qingyuan-admin"), make_photo_jpeg(43, 320, 240));
  const auto pdf = upload(tech, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

  // Another tenant's file, an unknown id, a document as a photo: 422, and the answer is not written.
  for (const auto& [file, code] : std::vector<std::pair<std::int64_t, std::string>>{
           {other_agency_photo, "unknown_file"}, {999999, "unknown_file"}, {pdf, "not_an_image"}}) {
    auto body = answer("not_installed", 0);
    body["photos"] = {file};
    const auto refused = tech.put(answer_path(noise, "noise.monitoring"), body);
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.json()["errors"][0]["field"], "photos");
    EXPECT_EQ(refused.json()["errors"][0]["code"], code);
  }
  EXPECT_EQ(tech.get(path).json()["answers"], json::array());
  EXPECT_EQ(as("qingyuan-admin").get(file_path(other_agency_photo)).json()["links"], json::array());
  const auto finding = tech.post(path + "/findings", {{"item_id", "noise.monitoring"},
                                                      {"category", "噪声"},
                                                      {"grade", "general"},
                                                      {"description", "x"},
                                                      {"photos", {other_agency_photo}}});
  EXPECT_EQ(finding.status, 422) << finding.body;
  EXPECT_EQ(tech.get(path).json()["findings"], json::array());

  ASSERT_EQ(tech.put(answer_path(noise, "noise.monitoring"), answer("na", 0)).status, 200);
  ASSERT_EQ(tech.post(path + "/submit", json::object()).status, 200);
  // The signature: a PNG or JPEG the signing user uploaded — not a teammate's drawing, another tenant's
  // photo, a PDF or an unknown id.
  for (const auto file : {expert_drawing, other_agency_photo, pdf, std::int64_t{999999}}) {
    const auto refused = tech.post(path + "/sign", {{"signer_name", "王厂长"}, {"signature_file_id", file}});
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.json()["errors"][0]["field"], "signature_file_id");
    EXPECT_EQ(refused.json()["errors"][0]["code"], "invalid_signature_file");
  }
  EXPECT_EQ(tech.get(path).json()["status"], "submitted");
  const auto own = upload(tech, make_photo_jpeg(44, 320, 240));  // a JPEG drawing is fine too
  EXPECT_EQ(tech.post(path + "/sign", {{"signer_name", "王厂长"}, {"signature_file_id", own}}).status, 200);
}

TEST_F(InspectionApi, PhotoConsentIsRecordedOncePerVisit) {
  std::int64_t visit = 0;
  const auto forms = started_visit(1, "2026-06-08", &visit);
  const auto tech = as("demo-technician");
  const auto path = id_path("visits", visit) + "/photo-consent";
  EXPECT_EQ(tech.post(path, json::object()).status, 422);
  ASSERT_EQ(tech.post(path, {{"consenting_person", "王厂长"}}).status, 200);
  EXPECT_EQ(tech.post(path, {{"consenting_person", "李主任"}}).json()["code"], "photo_consent_recorded");
  const auto inspection = tech.get(id_path("inspections", forms.at("wuxi-noise"))).json();
  EXPECT_EQ(inspection["photo_consent"]["consenting_person"], "王厂长");
}

TEST_F(InspectionApi, TrainingOnSiteIsRecordedOnceAndSeenWithTheVisit) {
  std::int64_t visit = 0;
  started_visit(2, "2026-06-09", &visit);
  const auto tech = as("demo-technician");
  const auto path = id_path("visits", visit) + "/training-records";
  const json record = {{"topic", "危险废物规范化管理"},
                       {"trainer", "陈专家"},
                       {"attendees", {{{"name", "王厂长"}, {"role", "负责人"}}, {{"name", "李四"}}}},
                       {"duration_minutes", 45},
                       {"feedback", "讲解清楚"},
                       {"client_id", "phone-7-1"}};
  auto empty = record;
  empty["attendees"] = json::array();
  EXPECT_EQ(tech.post(path, empty).json()["errors"][0]["field"], "attendees");
  auto nameless = record;
  nameless["attendees"] = {{{"role", "员工"}}};
  EXPECT_EQ(tech.post(path, nameless).json()["errors"][0]["field"], "attendees[0].name");
  auto created = tech.post(path, record);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["attendees"][1]["name"], "李四");
  // The phone retries the same record: stored once.
  auto retried = tech.post(path, record);
  ASSERT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(retried.json()["id"], created.json()["id"]);
  const auto listed = as("demo-insurer").get(path);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["items"].size(), 1u);
  EXPECT_EQ(listed.json()["items"][0]["topic"], "危险废物规范化管理");
  // Someone who sees the visit but is not on its team may not record; a stranger sees nothing.
  EXPECT_EQ(as("demo-insurer").post(path, record).status, 403);
  EXPECT_EQ(as("qingyuan-admin").get(path).status, 404);
  auto changed = record;
  changed["duration_minutes"] = 60;
  auto updated = tech.put(id_path("training-records", created.json()["id"]), changed);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json()["duration_minutes"], 60);
  EXPECT_EQ(as("qingyuan-admin").put(id_path("training-records", created.json()["id"]), changed).status, 404);
}

TEST_F(InspectionApi, TemplatesAreValidatedOnUploadAndVersioned) {
  const auto templates = admin().get("/checklist-templates").json()["items"];
  ASSERT_EQ(templates.size(), 12u);
  std::int64_t noise_id = 0;
  for (const auto& t : templates)
    if (t["code"] == "wuxi-noise") noise_id = t["id"];
  ASSERT_NE(noise_id, 0);
  auto body = admin().get(id_path("checklist-templates", noise_id)).json()["body"];
  // Not a platform admin: no.
  EXPECT_EQ(as("demo-agency").post("/checklist-templates", body).status, 403);
  // The same version again: conflict.
  EXPECT_EQ(admin().post("/checklist-templates", body).json()["code"], "template_version_exists");
  // A broken template names its JSON path.
  auto broken = body;
  broken["version"] = 2;
  broken["sections"][0]["items"][0]["kind"] = "slider";
  auto refused = admin().post("/checklist-templates", broken);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json()["errors"][0]["field"], "/sections/0/items/0/kind");
  // A new version is stored beside the old; the list shows the newest.
  auto next = body;
  next["version"] = 2;
  next["name"] = "噪音调查表（修订）";
  auto stored = admin().post("/checklist-templates", next);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(stored.json()["version"], 2);
  std::size_t noise_versions = 0;
  const auto every_version = admin().get("/checklist-templates?all_versions=true").json();
  for (const auto& t : every_version["items"]) noise_versions += t["code"] == "wuxi-noise";
  EXPECT_EQ(noise_versions, 2u);
}

}  // namespace
}  // namespace rw::testing
