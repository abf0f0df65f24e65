// Photos and files: uploads sniffed from their bytes and stored once, EXIF and thumbnails, idempotent offline
// uploads, who sees a file, and the authenticity flags across enterprises.
#include <filesystem>
#include <set>
#include <thread>

#include "photo_fixtures.hpp"
#include "platform/db/database.hpp"
#include "services_fixtures.hpp"
#include "test_database.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

// Near enterprise A's registered location (31.5000 N, 120.3000 E): 31°30'0.36" N is 11 m north of it.
const PhotoExif kAtSiteOnVisitDay{"2026:06:03 10:20:30", "N", "31/1 30/1 36/100", "E", "120/1 18/1 0/1"};
// The visit's day, without a position (the demo enterprises' locations are not the test's).
const PhotoExif kOnVisitDay{"2026:06:03 10:20:30"};

class FileApi : public ServicesApiTest {
 protected:
  static HttpResult upload_file(const Client& client, const std::string& bytes,
                                const std::string& query = "") {
    return client.post_raw("/files" + query, bytes, "image/jpeg");  // the type claimed is never believed
  }
  static json uploaded(const Client& client, const std::string& bytes, const std::string& query = "") {
    const auto r = upload_file(client, bytes, query);
    if (r.status != 201 && r.status != 200) throw std::runtime_error(r.body);
    return r.json();
  }
  static std::int64_t enterprise_at(const std::string& name, int n, double latitude, double longitude) {
    auto body = enterprise_body(name, test_uscc(n));
    body["latitude"] = latitude;
    body["longitude"] = longitude;
    const auto r = as("demo-insurer").post("/enterprises", body);
    if (r.status != 201) throw std::runtime_error(r.body);
    return r.json()["id"];
  }
  static HttpResult attach(const Client& client, std::int64_t file, const std::string& kind,
                           std::int64_t owner) {
    return client.post("/files/" + std::to_string(file) + "/links",
                       {{"owner_kind", kind}, {"owner_id", owner}});
  }
  static std::vector<std::string> flags(const Client& client, std::int64_t file, const std::string& kind,
                                        std::int64_t owner) {
    const auto r = client.get("/files/" + std::to_string(file) + "/flags?owner_kind=" + kind +
                              "&owner_id=" + std::to_string(owner));
    if (r.status != 200) throw std::runtime_error(r.body);
    // The body is kept: a range-for over r.json()["flags"] would walk a destroyed temporary.
    const auto body = r.json();
    std::vector<std::string> codes;
    for (const auto& f : body["flags"]) codes.push_back(f["code"]);
    return codes;
  }
  static std::string path_of(std::int64_t file, const std::string& rest = "") {
    return "/files/" + std::to_string(file) + rest;
  }
  static std::size_t stored_objects() {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(server_->dir()) / "data/files/sha256"))
      n += entry.is_regular_file();
    return n;
  }
  static int status_of(const std::string& raw) { return raw.size() > 12 ? std::stoi(raw.substr(9, 3)) : 0; }
};

using Codes = std::vector<std::string>;

}  // namespace

TEST_F(FileApi, AJpegAnswersItsExifTimeAndPlaceAndHasBothThumbnails) {
  const auto technician = as("demo-technician");
  const auto photo = make_photo_jpeg(1, 2000, 1500, kAtSiteOnVisitDay);
  const auto r = upload_file(technician, photo);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto file = r.json();
  EXPECT_EQ(file["type"], "jpeg");
  EXPECT_EQ(file["size"], photo.size());
  EXPECT_EQ(file["width"], 2000);
  EXPECT_EQ(file["height"], 1500);
  EXPECT_EQ(file["taken_at"], "2026-06-03T02:20:30Z");  // 10:20:30 in China
  EXPECT_NEAR(file["lat"].get<double>(), 31.5001, 1e-6);
  EXPECT_NEAR(file["lon"].get<double>(), 120.3, 1e-9);
  EXPECT_EQ(file["sha256"].get<std::string>().size(), 64u);
  const std::int64_t id = file["id"];
  EXPECT_EQ(technician.get(path_of(id)).json()["taken_at"], "2026-06-03T02:20:30Z");

  const auto content = technician.get(path_of(id, "/content"));
  ASSERT_EQ(content.status, 200);
  EXPECT_EQ(content.body, photo);
  EXPECT_EQ(content.header("content-type"), "image/jpeg");

  const auto small = technician.get(path_of(id, "/thumbnail?size=320"));
  ASSERT_EQ(small.status, 200) << small.body;
  EXPECT_EQ(small.header("content-type"), "image/jpeg");
  EXPECT_EQ(small.header("cache-control"), "private, max-age=31536000, immutable");
  EXPECT_EQ(image_size(small.body), (std::pair{320, 240}));
  const auto large = technician.get(path_of(id, "/thumbnail?size=1280"));
  EXPECT_EQ(image_size(large.body), (std::pair{1280, 960}));
  EXPECT_NE(small.header("etag"), large.header("etag"));
  // A client holding the thumbnail asks again with its ETag and gets no body.
  rw::testing::HttpResult again = http_request(
      port(), "GET", "/api/v1" + path_of(id, "/thumbnail?size=320"), "",
      {{"Authorization", "Bearer " + technician.login().token}, {"If-None-Match", small.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(technician.get(path_of(id, "/thumbnail?size=640")).json()["errors"][0]["code"], "invalid_query");
}

TEST_F(FileApi, BytesAreSniffedNotTrusted) {
  const auto technician = as("demo-technician");
  const auto photo = make_photo_jpeg(2, 640, 480);
  const auto truncated = upload_file(technician, photo.substr(0, photo.size() / 2));
  EXPECT_EQ(truncated.status, 422);
  EXPECT_EQ(truncated.json()["code"], "corrupt_image");

  const auto png = upload_file(technician, make_photo_png(3, 300, 200));  // sent as image/jpeg, "x.jpg"
  ASSERT_EQ(png.status, 201) << png.body;
  EXPECT_EQ(png.json()["type"], "png");
  EXPECT_EQ(png.json()["media_type"], "image/png");
  EXPECT_EQ(png.json()["taken_at"], nullptr);

  std::string elf(
      "\x7F"
      "ELF\x02\x01\x01\x00",
      8);
  elf += std::string(4000, '\0');
  const auto executable = upload_file(technician, elf);
  EXPECT_EQ(executable.status, 415);
  EXPECT_EQ(executable.header("content-type"), "application/problem+json");
  EXPECT_EQ(executable.json()["code"], "unsupported_file_type");

  const auto pdf = upload_file(technician, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
  ASSERT_EQ(pdf.status, 201) << pdf.body;
  EXPECT_EQ(pdf.json()["type"], "pdf");
  EXPECT_EQ(pdf.json()["thumbnails"], json::array());
  EXPECT_EQ(technician.get(path_of(pdf.json()["id"], "/thumbnail")).json()["code"], "no_thumbnail");
}

TEST_F(FileApi, ABodyOverThePhotoCapIs413BeforeItIsReadWhileOneOverTheJsonCapIsTaken) {
  const auto technician = as("demo-technician");
  RawConnection connection(port());
  connection.send("POST /api/v1/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                  technician.login().token + "\r\nContent-Type: image/jpeg\r\nContent-Length: " +
                  std::to_string(21u << 20) + "\r\nExpect: 100-continue\r\n\r\n");
  const auto raw = connection.read_all(5000);
  EXPECT_EQ(status_of(raw), 413) << raw;
  EXPECT_NE(raw.find("\"code\":\"payload_too_large\""), std::string::npos);
  // 11 MiB is over the 10 MiB of JSON bodies, under the 20 MiB of photos (and spooled to a file).
  const auto big = upload_file(technician, "%PDF-1.7\n" + std::string(11u << 20, ' '));
  EXPECT_EQ(big.status, 201) << big.body.substr(0, 300);
}

TEST_F(FileApi, TheSameBytesAreStoredOnceAndTheSameUploaderGetsTheSameFile) {
  const auto photo = make_photo_jpeg(4, 800, 600, kAtSiteOnVisitDay);
  const auto first = upload_file(as("demo-technician"), photo);
  ASSERT_EQ(first.status, 201);
  const auto objects = stored_objects();
  const auto again = upload_file(as("demo-technician"), photo);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["id"], first.json()["id"]);
  // Another uploader gets a file of their own, made from the stored bytes: nothing new is stored.
  const auto other = upload_file(as("demo-expert"), photo);
  EXPECT_EQ(other.status, 201);
  EXPECT_NE(other.json()["id"], first.json()["id"]);
  EXPECT_EQ(other.json()["sha256"], first.json()["sha256"]);
  EXPECT_EQ(other.json()["taken_at"], first.json()["taken_at"]);
  EXPECT_EQ(stored_objects(), objects);
}

TEST_F(FileApi, AClientIdMakesAnOfflineUploadIdempotent) {
  const auto technician = as("demo-technician");
  const auto photo = make_photo_jpeg(5, 640, 480);
  const auto first = upload_file(technician, photo, "?client_id=phone-7f3a-0001");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto retry = upload_file(technician, photo, "?client_id=phone-7f3a-0001");
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(retry.json()["id"], first.json()["id"]);
  const auto reused = upload_file(technician, make_photo_jpeg(6, 640, 480), "?client_id=phone-7f3a-0001");
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(reused.json()["code"], "client_id_reused");
  EXPECT_EQ(upload_file(technician, photo, "?client_id=has%20space").json()["errors"][0]["code"],
            "invalid_client_id");
  // Another user's client id is their own.
  EXPECT_EQ(upload_file(as("demo-expert"), make_photo_jpeg(7, 320, 240), "?client_id=phone-7f3a-0001").status,
            201);
}

// A phone that sends a photo again while its first try is still being decoded: one file, and every try is
// answered with it (before, the second insert met the unique constraint: 409).
TEST_F(FileApi, SimultaneousUploadsOfTheSameBytesByOneUserGetOneFile) {
  const auto technician = as("demo-technician");
  const auto photo = make_photo_jpeg(8, 2400, 1800);
  for (const std::string query : {"", "?client_id=phone-7f3a-0002"}) {
    const auto bytes = query.empty() ? photo : make_photo_jpeg(9, 2400, 1800);
    std::vector<HttpResult> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results)
      threads.emplace_back([&, query] { result = upload_file(technician, bytes, query); });
    for (auto& thread : threads) thread.join();
    int created = 0;
    std::set<std::int64_t> ids;
    for (const auto& result : results) {
      ASSERT_TRUE(result.status == 201 || result.status == 200) << result.status << " " << result.body;
      created += result.status == 201;
      ids.insert(result.json()["id"].get<std::int64_t>());
    }
    EXPECT_EQ(created, 1) << query;
    EXPECT_EQ(ids.size(), 1u) << query;
  }
}

// The row of a new upload cannot be written (here a trigger refuses it): the bytes and thumbnails it stored
// are removed again, not left in the store with no row naming them.
TEST_F(FileApi, AnUploadWhoseRowIsNotWrittenLeavesNoBytesStored) {
  auto database = rw::db::Database::open(server_->db_url(), 1);
  const auto refuse = [&](bool on) {
    auto lease = database->acquire();
    if (!using_postgresql()) {
      lease->execute_script(on ? "CREATE TRIGGER refuse_upload BEFORE INSERT ON files WHEN NEW.client_id = "
                                 "'refused' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                               : "DROP TRIGGER refuse_upload");
    } else {
      lease->execute_script(
          on ? "CREATE FUNCTION refuse_upload() RETURNS trigger AS $$ BEGIN IF NEW.client_id = 'refused' "
               "THEN "
               "RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; "
               "CREATE TRIGGER refuse_upload BEFORE INSERT ON files FOR EACH ROW EXECUTE FUNCTION "
               "refuse_upload()"
             : "DROP TRIGGER refuse_upload ON files; DROP FUNCTION refuse_upload()");
    }
  };
  const auto technician = as("demo-technician");
  const auto photo = make_photo_jpeg(10, 900, 600);
  const auto objects = stored_objects();
  refuse(true);
  const auto refused = upload_file(technician, photo, "?client_id=refused");
  refuse(false);
  EXPECT_EQ(refused.status, 500) << refused.body;
  EXPECT_EQ(stored_objects(), objects);
  // The same bytes later: stored and recorded as any new upload.
  EXPECT_EQ(upload_file(technician, photo).status, 201);
  EXPECT_EQ(stored_objects(), objects + 3);  // the photo and its two thumbnails
}

TEST_F(FileApi, AFileIsSeenByItsUploaderThenByWhoeverSeesItsOwners) {
  const auto technician = as("demo-technician"), insurer = as("demo-insurer"),
             other = as("qingyuan-technician");
  const std::int64_t id = uploaded(technician, make_photo_jpeg(8, 640, 480, kOnVisitDay))["id"];
  const auto not_seen = [&](const Client& client) {
    return client.get(path_of(id)).status == 404 && client.get(path_of(id, "/content")).status == 404 &&
           client.get(path_of(id, "/thumbnail?size=320")).status == 404;
  };
  EXPECT_TRUE(not_seen(insurer));  // not attached to anything yet
  const auto visit =
      as("demo-agency")
          .post("/visits", {{"enterprise_id", demo_id(3)},
                            {"service_type_ids", {service_type("wuxi.screening.risk_assessment")}},
                            {"planned_on", "2026-06-03"},
                            {"staff_ids", {staff_id("陈专家"), staff_id("刘技术")}}});
  ASSERT_EQ(visit.status, 201) << visit.body;
  const std::int64_t visit_id = visit.json()["id"];
  EXPECT_EQ(attach(other, id, "visit", visit_id).status, 404);  // agency B does not see agency A's visit
  ASSERT_EQ(attach(technician, id, "visit", visit_id).status, 201);
  EXPECT_EQ(attach(technician, id, "visit", visit_id).status, 200);  // already attached
  EXPECT_EQ(insurer.get(path_of(id)).status, 200);                   // it insures the enterprise
  EXPECT_EQ(insurer.get(path_of(id, "/thumbnail?size=1280")).status, 200);
  EXPECT_EQ(insurer.get(path_of(id)).json()["links"][0]["owner_kind"], "visit");
  EXPECT_TRUE(not_seen(other));
  EXPECT_EQ(other.get(path_of(id, "/flags?owner_kind=visit&owner_id=" + std::to_string(visit_id))).status,
            404);
  // An insurer reviews the visit but does not work on it: it may not attach files to it.
  const std::int64_t insurers = uploaded(insurer, make_photo_jpeg(9, 320, 240))["id"];
  EXPECT_EQ(attach(insurer, insurers, "visit", visit_id).status, 403);
  // Nobody attaches a file they cannot see.
  EXPECT_EQ(attach(as("demo-expert"), insurers, "visit", visit_id).status, 404);
  EXPECT_EQ(attach(technician, id, "inspection_nonexistent_kind", visit_id).status, 404);

  // The visit's days decide the time flag; its reviewer sees the flags.
  PhotoExif earlier = kOnVisitDay;
  earlier.taken = "2026:05:20 09:00:00";
  const std::int64_t old_photo = uploaded(technician, make_photo_jpeg(10, 640, 480, earlier))["id"];
  ASSERT_EQ(attach(technician, old_photo, "visit", visit_id).status, 201);
  EXPECT_EQ(flags(insurer, id, "visit", visit_id), Codes{});
  EXPECT_EQ(flags(insurer, old_photo, "visit", visit_id), Codes{"taken_outside_visit"});
  const auto listed = insurer.get("/files?owner_kind=visit&owner_id=" + std::to_string(visit_id));
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json()["items"].size(), 2u);
}

TEST_F(FileApi, PhotosReusedForAnotherEnterpriseAreFlaggedAndDifferentOnesAreNot) {
  const auto insurer = as("demo-insurer"), admin_user = admin();
  const auto a = enterprise_at("无锡市照片甲有限公司", 881, 31.5000, 120.3000);
  const auto b = enterprise_at("无锡市照片乙有限公司", 882, 31.6000, 120.4000);
  const auto photo = make_photo_jpeg(20, 1600, 1200, kAtSiteOnVisitDay);
  const std::int64_t original = uploaded(insurer, photo)["id"];
  ASSERT_EQ(attach(insurer, original, "enterprise", a).status, 201);
  EXPECT_EQ(flags(insurer, original, "enterprise", a), Codes{});

  // The very same file, uploaded by someone else for enterprise B.
  const std::int64_t same = uploaded(admin_user, photo)["id"];
  ASSERT_EQ(attach(admin_user, same, "enterprise", b).status, 201);
  EXPECT_EQ(flags(insurer, same, "enterprise", b), (Codes{"far_from_site", "same_file_other_enterprise"}));
  // … and, seen from A, the original is now used elsewhere too.
  EXPECT_EQ(flags(insurer, original, "enterprise", a), Codes{"same_file_other_enterprise"});

  // A copy halved and recompressed: other bytes, the same picture.
  const auto copy = recompressed_copy(photo, 0.5, 70);
  ASSERT_NE(copy, photo);
  const std::int64_t resized = uploaded(insurer, copy)["id"];
  ASSERT_EQ(attach(insurer, resized, "enterprise", b).status, 201);
  EXPECT_EQ(flags(insurer, resized, "enterprise", b), Codes{"near_duplicate_other_enterprise"});

  // A different photo for B is not a duplicate of anything; one taken 5 km from A is flagged there.
  const std::int64_t different = uploaded(insurer, make_photo_jpeg(21, 1600, 1200))["id"];
  ASSERT_EQ(attach(insurer, different, "enterprise", b).status, 201);
  EXPECT_EQ(flags(insurer, different, "enterprise", b), Codes{});
  PhotoExif away = kAtSiteOnVisitDay;
  away.latitude = "31/1 32/1 42/1";  // 31.545 N: 5 km north of A
  const std::int64_t far = uploaded(insurer, make_photo_jpeg(22, 640, 480, away))["id"];
  ASSERT_EQ(attach(insurer, far, "enterprise", a).status, 201);
  EXPECT_EQ(flags(insurer, far, "enterprise", a), Codes{"far_from_site"});
  // Flags are read through an owner the file is attached to.
  EXPECT_EQ(insurer.get(path_of(far, "/flags?owner_kind=enterprise&owner_id=" + std::to_string(b))).status,
            404);
  EXPECT_EQ(insurer.get(path_of(far, "/flags?owner_kind=enterprise")).json()["errors"][0]["code"],
            "required");
}
