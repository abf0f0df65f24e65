// Crash safety (issue 14): a write load — photo uploads, hazards with their photos, notices issued with
// their numbers, inspection answers — runs against the server while it is killed with SIGKILL at a seeded
// random moment, round after round, each time restarted on the same database and data directory. After
// every restart: each write the server acknowledged is there; no object is half-written (a hazard without
// its photo links or its audit entry, a file row without its bytes or thumbnails, an answer version without
// its audit entry); the notice series has no gap and no repeat; every status history ends in its object's
// status. At the end the objects that uploads killed before their row committed left on disk are swept
// away by `riskwatch sweep-files`, and nothing a row names with them.
//
// `make test` runs RISKWATCH_CRASH_ROUNDS (default 4) rounds per database; `make test-crash ROUNDS=N` soaks.
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "files/named_objects_store.hpp"
#include "hazard_fixtures.hpp"
#include "photo_fixtures.hpp"
#include "platform/db/database.hpp"
#include "platform/files/directory_store.hpp"
#include "server_launch.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

const std::string kSeriesPrefix = "崩溃测试";
const std::string kAnswerItem = "noise.monitoring";

// Every hazard's photos are linked to it, and its creation is in the audit log.
constexpr const char* kHazardsMissingLinks =
    "SELECT h.id, h.photo_file_ids, (SELECT COUNT(*) FROM file_links l WHERE l.owner_kind = 'hazard' AND "
    "l.owner_id = h.id) AS links, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'hazard' AND "
    "a.entity_id = CAST(h.id AS TEXT) AND a.action = 'create') AS audited FROM hazards h WHERE h.id > ?";
constexpr const char* kFilesSince =
    "SELECT id, sha256, size, small_sha256, large_sha256, media_type FROM files WHERE id > ?";
constexpr const char* kSeriesNumbers = "SELECT number, status FROM notices WHERE number LIKE ? ORDER BY id";
constexpr const char* kSeriesCounter =
    "SELECT last_sequence FROM notice_number_counters WHERE org_id = ? AND pattern = ?";
constexpr const char* kAnswer =
    "SELECT version, value FROM inspection_answers WHERE inspection_id = ? AND item_id = ?";
constexpr const char* kAnswerAudits =
    "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'inspection' AND entity_id = ? AND action = 'answer'";
constexpr const char* kIssuedNoticeHazardsNotNotified =
    "SELECT n.id AS notice, h.id AS hazard, h.status FROM notices n JOIN notice_hazards nh ON nh.notice_id = "
    "n.id JOIN hazards h ON h.id = nh.hazard_id WHERE n.status = 'issued' AND n.id > ? AND h.status <> "
    "'notified'";

// Objects of `table` whose status history disagrees with them: a history whose last step does not end in
// the object's status, a step that does not start where the one before ended, or (for objects after
// `since`) an object moved past its first status with no history at all.
std::string history_disagreements(const std::string& type, const std::string& table,
                                  const std::string& first_status) {
  const std::string of_object =
      "FROM status_events e WHERE e.object_type = '" + type + "' AND e.object_id = o.id";
  return "SELECT * FROM (SELECT o.id, o.status, (SELECT e.to_status " + of_object +
         " ORDER BY e.id DESC LIMIT 1) AS last_to, (SELECT COUNT(*) " + of_object +
         ") AS events, (SELECT COUNT(*) " + of_object +
         " AND e.from_status <> (SELECT p.to_status FROM status_events p WHERE p.object_type = e.object_type "
         "AND "
         "p.object_id = e.object_id AND p.id < e.id ORDER BY p.id DESC LIMIT 1)) AS broken FROM " +
         table + " o) x WHERE (x.id > ? AND x.events = 0 AND x.status <> '" + first_status +
         "') OR (x.events > 0 AND x.status <> x.last_to) OR x.broken > 0";
}

int rounds_asked() {
  const char* value = std::getenv("RISKWATCH_CRASH_ROUNDS");
  return value ? std::max(1, std::atoi(value)) : 4;
}

// `riskwatch serve` on the database and data directory of the suite's server (stopped first), killed with
// SIGKILL and started again as often as the test likes.
class KillableServer {
 public:
  explicit KillableServer(const ServerProcess& made) : dir_(made.dir()) {
    args_ = {RISKWATCH_BINARY,
             "serve",
             "--db",
             made.db_url(),
             "--listen",
             "127.0.0.1:0",
             "--data-dir",
             dir_ + "/data",
             "--web-dir",
             dir_ + "/web",
             "--port-file",
             port_file(),
             "--clock-file",
             dir_ + "/clock",
             "--job-interval-seconds",
             "0"};
    start();
  }
  ~KillableServer() { kill(); }
  unsigned short port() const { return port_; }
  void kill_and_restart() {
    kill();
    start();
  }
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  std::string port_file() const { return dir_ + "/crash-port"; }
  void start() {
    std::filesystem::remove(port_file());
    pid_ = launch_server(args_, dir_ + "/server.log");
    port_ = wait_for_port(port_file(), dir_ + "/server.log");
  }

  std::string dir_;
  std::vector<std::string> args_;
  int pid_ = -1;
  unsigned short port_ = 0;
};

// What the server acknowledged: written by one load thread each, read after they are joined.
struct Acknowledged {
  std::vector<std::int64_t> files;
  std::map<std::int64_t, std::int64_t> hazard_photo;
  std::map<std::int64_t, std::string> issued;  // notice id → number
  std::int64_t answer_version = 0;
  std::vector<std::string> unexpected;  // answers no write of the load should get
  std::atomic<int> writes = 0;          // so far: the kill waits until every load thread has written
};

class CrashSafety : public HazardApiTest {
 protected:
  static std::int64_t id_of(const HttpResult& r) { return r.json()["id"].get<std::int64_t>(); }
  static bool created(const HttpResult& r) { return r.status == 200 || r.status == 201; }
  static void note(Acknowledged& ack, const std::string& what, const HttpResult& r) {
    ack.unexpected.push_back(what + " " + std::to_string(r.status) + " " + r.body.substr(0, 300));
  }

  // Expert: a photo, a hazard showing it, a warning notice telling the enterprise of it, issued.
  static void record_hazards(const Client& expert, std::int64_t visit, int& seed,
                             const std::atomic<bool>& stop, Acknowledged& ack) {
    while (!stop) {
      const auto photo = expert.post_raw("/files", make_photo_jpeg(seed++, 200, 150), "image/jpeg");
      if (!created(photo)) return note(ack, "upload", photo);
      ack.files.push_back(id_of(photo));
      auto facts = found("general", "崩溃测试隐患 " + std::to_string(seed));
      facts["photos"] = {id_of(photo)};
      const auto hazard = expert.post(id_path("visits", visit) + "/hazards", facts);
      if (hazard.status != 201) return note(ack, "hazard", hazard);
      ack.hazard_photo[id_of(hazard)] = id_of(photo);
      const auto notice =
          expert.post(id_path("visits", visit) + "/notices",
                      {{"kind", "warning"}, {"deadline_days", 5}, {"hazard_ids", {id_of(hazard)}}});
      if (notice.status != 201) return note(ack, "notice", notice);
      const auto issued = expert.post(id_path("notices", id_of(notice)) + "/issue", json::object());
      if (issued.status != 200) return note(ack, "issue", issued);
      ack.issued[id_of(notice)] = issued.json()["number"];
      ++ack.writes;
    }
  }

  // Technician: photos of the site, each new bytes (thumbnails made).
  static void upload_photos(const Client& technician, int& seed, const std::atomic<bool>& stop,
                            Acknowledged& ack) {
    while (!stop) {
      const auto photo = technician.post_raw("/files", make_photo_jpeg(seed++, 240, 180), "image/jpeg");
      if (!created(photo)) return note(ack, "upload", photo);
      ack.files.push_back(id_of(photo));
      ++ack.writes;
    }
  }

  // Technician on another device: one answer changed back and forth, each change a new version. After a
  // restart the version it knows may be behind one that committed unacknowledged: the conflict names it.
  static void answer(const Client& technician, std::int64_t inspection, std::int64_t& version,
                     const std::atomic<bool>& stop, Acknowledged& ack) {
    const auto path = id_path("inspections", inspection) + "/answers/" + kAnswerItem;
    while (!stop) {
      const auto value = version % 2 ? "installed_connected" : "not_installed";
      const auto put = technician.put(
          path, {{"value", value}, {"version", version}, {"edited_at", "2026-06-01T10:05:00+08:00"}});
      if (put.status == 409 && put.json()["code"] == "answer_conflict") {
        version = put.json()["current"]["version"];
        continue;
      }
      if (put.status != 200) return note(ack, "answer", put);
      version = put.json()["version"];
      ack.answer_version = version;
      ++ack.writes;
    }
  }
};

// A load thread ends at the first request the killed server cannot answer.
template <class F>
std::thread load(F work) {
  return std::thread([work = std::move(work)]() mutable {
    try {
      work();
    } catch (const std::exception&) {  // the connection broke: the server is gone
    }
  });
}

TEST_F(CrashSafety, KilledUnderAWriteLoadItLosesNothingAcknowledgedAndLeavesNothingHalfWritten) {
  const int rounds = rounds_asked();
  const char* seed_text = std::getenv("RISKWATCH_CRASH_SEED");
  const unsigned seed = seed_text ? static_cast<unsigned>(std::atoi(seed_text)) : 14u;
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kill_after_ms(0, 400);

  const auto agency = as("demo-agency");
  ASSERT_EQ(agency
                .put("/organizations/" + std::to_string(agency.org_id()) + "/notice-numbering/warning",
                     {{"pattern", kSeriesPrefix + "{seq:4}"}})
                .status,
            200);
  auto database = db::Database::open(server_->db_url(), 1);
  const auto before = [&](const std::string& table) {
    return database->acquire()->query("SELECT COALESCE(MAX(id), 0) AS m FROM " + table)[0].integer("m");
  };
  const auto files_before = before("files"), hazards_before = before("hazards"),
             notices_before = before("notices"), visits_before = before("visits"),
             inspections_before = before("inspections");
  const auto visit = started_visit(3, "2026-06-01");
  std::int64_t inspection = 0;
  {
    const auto listed = agency.get("/inspections?visit_id=" + std::to_string(visit)).json();
    for (const auto& i : listed["items"])
      if (i["template"]["code"] == "wuxi-noise") inspection = i["id"];
  }
  ASSERT_NE(inspection, 0);

  files::DirectoryStore store(server_->dir() + "/data/files");
  server_->terminate();
  KillableServer server(*server_);
  const auto expert_login = login(server.port(), "demo-expert"),
             technician_login = login(server.port(), "demo-technician");

  Acknowledged all;
  std::int64_t version = 0;
  int expert_seed = 100'000, technician_seed = 200'000;
  for (int round = 1; round <= rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round) + " of seed " + std::to_string(seed));
    // Sessions live in the database: the sign-ins outlive the restarts.
    const Client expert(server.port(), expert_login), technician(server.port(), technician_login);
    std::atomic<bool> stop = false;
    Acknowledged hazards, photos, answers;
    std::vector<std::thread> threads;
    threads.push_back(load([&] { record_hazards(expert, visit, expert_seed, stop, hazards); }));
    threads.push_back(load([&] { upload_photos(technician, technician_seed, stop, photos); }));
    threads.push_back(load([&] { answer(technician, inspection, version, stop, answers); }));
    const auto waited_until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while ((hazards.writes == 0 || photos.writes == 0 || answers.writes == 0) &&
           std::chrono::steady_clock::now() < waited_until)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(random)));
    stop = true;
    server.kill_and_restart();
    for (auto& t : threads) t.join();

    for (auto* part : {&hazards, &photos, &answers}) {
      EXPECT_EQ(part->unexpected, std::vector<std::string>{});
      all.files.insert(all.files.end(), part->files.begin(), part->files.end());
      all.hazard_photo.insert(part->hazard_photo.begin(), part->hazard_photo.end());
      all.issued.insert(part->issued.begin(), part->issued.end());
    }
    all.answer_version = std::max(all.answer_version, answers.answer_version);
    auto db = database->acquire();

    // Every acknowledged write is there.
    ASSERT_FALSE(all.files.empty());
    for (const auto id : all.files)
      EXPECT_EQ(db->query("SELECT id FROM files WHERE id = ?", {id}).size(), 1u) << "file " << id;
    for (const auto& [hazard, photo] : all.hazard_photo) {
      const auto rows = db->query(
          "SELECT l.file_id FROM hazards h JOIN file_links l ON l.owner_kind = 'hazard' AND l.owner_id = "
          "h.id "
          "WHERE h.id = ?",
          {hazard});
      ASSERT_EQ(rows.size(), 1u) << "hazard " << hazard;
      EXPECT_EQ(rows[0].integer("file_id"), photo) << "hazard " << hazard;
    }
    for (const auto& [notice, number] : all.issued) {
      const auto rows = db->query("SELECT number, status FROM notices WHERE id = ?", {notice});
      ASSERT_EQ(rows.size(), 1u) << "notice " << notice;
      EXPECT_EQ(rows[0].text("number"), number);
      EXPECT_EQ(rows[0].text("status"), "issued");
    }
    const auto answer_rows = db->query(kAnswer, {inspection, kAnswerItem});
    if (all.answer_version > 0) {
      ASSERT_EQ(answer_rows.size(), 1u);
      EXPECT_GE(answer_rows[0].integer("version"), all.answer_version);
    }

    // Nothing is half-written.
    const auto hazard_rows = db->query(kHazardsMissingLinks, {hazards_before});
    for (std::size_t i = 0; i < hazard_rows.size(); ++i) {
      const auto photos_named = json::parse(hazard_rows[i].text("photo_file_ids")).size();
      EXPECT_EQ(hazard_rows[i].integer("links"), static_cast<std::int64_t>(photos_named))
          << "hazard " << hazard_rows[i].integer("id");
      EXPECT_EQ(hazard_rows[i].integer("audited"), 1) << "hazard " << hazard_rows[i].integer("id");
    }
    const auto file_rows = db->query(kFilesSince, {files_before});
    EXPECT_GE(file_rows.size(), all.files.size());
    for (std::size_t i = 0; i < file_rows.size(); ++i) {
      const auto f = file_rows[i];
      const auto sha = f.text("sha256");
      ASSERT_TRUE(store.exists(sha)) << "file " << f.integer("id") << " has no bytes";
      EXPECT_EQ(static_cast<std::int64_t>(store.size(sha)), f.integer("size"));
      EXPECT_NO_THROW(store.read(sha)) << "file " << f.integer("id") << " is damaged";
      ASSERT_FALSE(f.is_null("small_sha256")) << "image " << f.integer("id") << " without thumbnails";
      EXPECT_TRUE(store.exists(f.text("small_sha256"))) << "file " << f.integer("id");
      EXPECT_TRUE(store.exists(f.text("large_sha256"))) << "file " << f.integer("id");
    }
    if (!answer_rows.empty()) {
      const auto audits = db->query(kAnswerAudits, {std::to_string(inspection)})[0].integer("n");
      EXPECT_EQ(audits, answer_rows[0].integer("version")) << "answer versions without their audit entry";
    }
    EXPECT_TRUE(db->query(kIssuedNoticeHazardsNotNotified, {notices_before}).empty());

    // The notice series: 1, 2, 3 … up to the counter, each once.
    const auto numbers = db->query(kSeriesNumbers, {kSeriesPrefix + "%"});
    std::set<int> sequence;
    for (std::size_t i = 0; i < numbers.size(); ++i)
      EXPECT_TRUE(sequence.insert(std::stoi(numbers[i].text("number").substr(kSeriesPrefix.size()))).second)
          << "repeated " << numbers[i].text("number");
    const auto counter = db->query(kSeriesCounter, {agency.org_id(), kSeriesPrefix + "{seq:4}"});
    const auto last = counter.empty() ? 0 : counter[0].integer("last_sequence");
    EXPECT_EQ(static_cast<std::int64_t>(sequence.size()), last);
    if (!sequence.empty()) {
      EXPECT_EQ(*sequence.begin(), 1);
      EXPECT_EQ(*sequence.rbegin(), last);
    }

    // Every status history ends in its object's status.
    for (const auto& [type, table, first, since] :
         std::vector<std::tuple<std::string, std::string, std::string, std::int64_t>>{
             {"hazard", "hazards", "found", hazards_before},
             {"notice", "notices", "draft", notices_before},
             {"inspection", "inspections", "open", inspections_before},
             {"visit", "visits", "planned", visits_before}}) {
      const auto wrong = db->query(history_disagreements(type, table, first), {since});
      for (std::size_t i = 0; i < wrong.size(); ++i)
        ADD_FAILURE() << type << " " << wrong[i].integer("id") << " is " << wrong[i].text("status")
                      << ", its history (" << wrong[i].integer("events") << " steps, "
                      << wrong[i].integer("broken") << " not starting where the one before ended) ends in "
                      << wrong[i].text("last_to");
    }
    if (HasFatalFailure()) return;
  }
  // What the kills left on disk: objects whose upload died between storing them and committing its row, and
  // one such object made here, so that the sweep surely has one to remove. A young one stays (a server
  // sharing the store may be about to record it); `riskwatch sweep-files` removes them by age.
  server.kill();
  const auto orphan = store.put("bytes of an upload whose row never committed").sha256;
  const auto unnamed = [&] {
    const auto named = files::named_objects(*database->acquire());
    int count = 0;
    for (const auto& sha : store.objects_written_before(std::filesystem::file_time_type::max()))
      count += !named.count(sha);
    return count;
  };
  const int left_by_kills = unnamed() - 1;
  const auto sweep = [&](const std::string& min_age) {
    const std::string command = std::string(RISKWATCH_BINARY) + " sweep-files --db '" + server_->db_url() +
                                "' --data-dir '" + server_->dir() + "/data' --min-age-seconds " + min_age +
                                " >>'" + server_->dir() + "/server.log' 2>&1";
    return std::system(command.c_str());
  };
  ASSERT_EQ(sweep("3600"), 0);
  EXPECT_TRUE(store.exists(orphan));
  ASSERT_EQ(sweep("0"), 0);
  EXPECT_FALSE(store.exists(orphan));
  EXPECT_EQ(unnamed(), 0);
  const auto named = files::named_objects(*database->acquire());
  ASSERT_FALSE(named.empty());
  for (const auto& sha : named) EXPECT_TRUE(store.exists(sha)) << "swept a named object " << sha;

  std::cout << "[ crash    ] " << left_by_kills << " objects left by the kills and swept; " << rounds
            << " rounds, seed " << seed << ": " << all.files.size() << " uploads, " << all.hazard_photo.size()
            << " hazards, " << all.issued.size() << " notices issued, answer version " << all.answer_version
            << " acknowledged\n";
}

}  // namespace
}  // namespace rw::testing
