// Webhooks through the API (issue 12): a receiver on loopback, a tiny HTTP server of the test's own, gets a
// hazard's transitions signed with the subscription's secret (checked here with OpenSSL's HMAC, not the
// server's code); a receiver that answers 500 is tried again after the backoff (the test moves the server's
// clock) and every attempt is logged; a replay sends the same event again; an organization's subscription
// never receives events of objects it may not see, nor sees another organization's subscriptions; bad input
// is refused with nothing written; a replay, a transition and a deletion of the same subscription at once all
// finish, the later one after the earlier.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "platform/db/database.hpp"
#include "services_fixtures.hpp"
#include "webhooks/webhook_store.hpp"

namespace rw::testing {
namespace {

using nlohmann::json;

struct Received {
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// Answers each POST with the next of `statuses` (then 200) and keeps what it got.
class Receiver {
 public:
  explicit Receiver(std::vector<int> statuses = {}) : statuses_(std::move(statuses)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&address), size) != 0 || listen(fd_, 8) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) != 0)
      throw std::runtime_error("receiver cannot listen");
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~Receiver() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hooks/riskwatch"; }
  // What arrived once `n` requests have (or after 10 s).
  std::vector<Received> wait_for(std::size_t n) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, std::chrono::seconds(10), [&] { return received_.size() >= n; });
    return received_;
  }
  std::size_t count() {
    std::lock_guard lock(mutex_);
    return received_.size();
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd waiting{fd_, POLLIN, 0};
      if (poll(&waiting, 1, 50) <= 0) continue;
      const int connection = accept(fd_, nullptr, nullptr);
      if (connection < 0) continue;
      auto request = read_request(connection);
      int status = 200;
      {
        std::lock_guard lock(mutex_);
        if (received_.size() < statuses_.size()) status = statuses_[received_.size()];
      }
      const auto answer =
          "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      (void)!write(connection, answer.data(), answer.size());
      close(connection);
      std::lock_guard lock(mutex_);
      received_.push_back(std::move(request));
      arrived_.notify_all();
    }
  }
  static Received read_request(int connection) {
    std::string data;
    char buffer[4096];
    std::size_t header_end = std::string::npos, length = 0;
    while (true) {
      const auto n = read(connection, buffer, sizeof buffer);
      if (n <= 0) break;
      data.append(buffer, static_cast<std::size_t>(n));
      if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
        const auto at = data.find("Content-Length: ");
        length = at < header_end ? std::stoul(data.substr(at + 16)) : 0;
      }
      if (header_end != std::string::npos && data.size() >= header_end + 4 + length) break;
    }
    Received out;
    if (header_end == std::string::npos) return out;
    std::size_t line = data.find("\r\n") + 2;
    while (line < header_end) {
      const auto end = data.find("\r\n", line);
      const auto colon = data.find(':', line);
      std::string name = data.substr(line, colon - line);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = data.substr(colon + 2, end - colon - 2);
      line = end + 2;
    }
    out.body = data.substr(header_end + 4, length);
    return out;
  }

  std::vector<int> statuses_;
  int fd_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stop_ = false;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<Received> received_;
};

// The receiver's own check of a signature: HMAC-SHA256 of "<timestamp>.<body>" with OpenSSL.
std::string expected_signature(const std::string& secret, const std::string& timestamp,
                               const std::string& body) {
  const auto text = timestamp + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), mac, &size);
  static const char* hex = "0123456789abcdef";
  std::string out = "sha256=";
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[mac[i] >> 4];
    out += hex[mac[i] & 15];
  }
  return out;
}

class WebhookApi : public ServicesApiTest {
 protected:
  static void SetUpTestSuite() {
    ServerConfig config;
    config.clock = kServicesStart;
    config.extra_args = {"--job-interval-seconds", "0", "--webhook-loopback-http", "--webhook-interval-ms",
                         "50"};
    server_ = std::make_unique<ServerProcess>(config);
  }
  static json subscribe(const Client& admin, const std::string& url, const json& types) {
    auto created =
        admin.post("/webhooks", {{"url", url}, {"event_types", types}, {"description", "测试接收"}});
    if (created.status != 201) throw std::runtime_error(created.body);
    return created.json();
  }
  // The demo hazard whose plan waits for agency A (src/app/demo_hazards.cpp).
  static std::int64_t waiting_plan() {
    return find_id(as("demo-expert").get("/hazards?status=plan_submitted&limit=200"), "description",
                   "危废贮存设施未配备照明设施和消防设施");
  }
  // Two transitions that leave the hazard as it was: agency A returns the plan, the enterprise submits it
  // again.
  static void return_and_resubmit(std::int64_t hazard) {
    auto returned = return_plan(hazard);
    if (returned.status != 200) throw std::runtime_error(returned.body);
    resubmit_plan(hazard);
  }
  static HttpResult return_plan(std::int64_t hazard) {
    return as("demo-expert")
        .post(id_path("hazards", hazard) + "/return-plan", {{"reason", "请补充资金来源"}});
  }
  static void resubmit_plan(std::int64_t hazard) {
    const auto path = id_path("hazards", hazard);
    auto submitted = as("demo-enterprise")
                         .post(path + "/submit-plan", {{"measures", "配备防爆照明和灭火器"},
                                                       {"responsible", "钱安环"},
                                                       {"due_on", "2026-06-30"},
                                                       {"funds", 3000}});
    if (submitted.status != 200) throw std::runtime_error(submitted.body);
  }
  static json deliveries(const Client& admin, std::int64_t subscription) {
    return admin.get(id_path("webhooks", subscription) + "/deliveries").json();
  }
  // Polls the deliveries (the worker records an attempt after the receiver has answered) until `done` holds.
  template <class Done>
  static json deliveries_when(const Client& admin, std::int64_t subscription, Done done) {
    json list;
    for (int i = 0; i < 200; ++i) {
      list = deliveries(admin, subscription);
      if (done(list)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return list;
  }
  // A subscription of agency A with one delivery (of a hazard's plan submitted again): {subscription,
  // delivery, event}.
  static std::array<std::int64_t, 3> subscription_with_a_delivery(const Receiver& receiver) {
    const auto agency = as("demo-agency");
    const auto id = subscribe(agency, receiver.url(), {"hazard.submit_plan"})["id"].get<std::int64_t>();
    return_and_resubmit(waiting_plan());
    const auto list = deliveries_when(agency, id, [](const json& l) { return !l["items"].empty(); });
    if (list["items"].empty()) throw std::runtime_error("no delivery");
    const auto& delivery = list["items"][0];
    return {id, delivery["id"].get<std::int64_t>(), delivery["event"]["id"].get<std::int64_t>()};
  }
  // Sends `request` while the test's own transaction (`hold`, on the server's database) is open, commits it
  // once the server's request waits for it, and answers what the server answered then.
  template <class Hold, class Request>
  static HttpResult answered_after(Hold hold, Request request) {
    auto database = db::Database::open(server_->db_url(), 2);
    auto lease = database->acquire();
    db::Transaction transaction(*lease, true);
    hold(*lease);
    HttpResult answer;
    std::thread asking([&] { answer = request(); });
    if (database->dialect() == db::Dialect::postgresql) {
      auto watcher = database->acquire();
      for (int i = 0; i < 500; ++i) {
        if ((*watcher).query("SELECT COUNT(*) AS n FROM pg_locks WHERE NOT granted")[0].integer("n") > 0)
          break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // SQLite: the server waits for its turn
    }
    transaction.commit();
    asking.join();
    return answer;
  }
};

TEST_F(WebhookApi, ATransitionArrivesSignedWithTheSecret) {
  Receiver receiver;
  const auto agency = as("demo-agency");
  const auto subscription = subscribe(agency, receiver.url(), {"hazard.return_plan"});
  const std::string secret = subscription["secret"];
  ASSERT_EQ(secret.size(), 64u);
  EXPECT_FALSE(agency.get(id_path("webhooks", subscription["id"])).json().contains("secret"));
  const auto hazard = waiting_plan();
  return_and_resubmit(hazard);

  const auto got = receiver.wait_for(1);
  ASSERT_EQ(got.size(), 1u) << "only the subscribed type arrives (not hazard.submit_plan)";
  const auto& request = got[0];
  EXPECT_EQ(request.headers.at("x-riskwatch-event"), "hazard.return_plan");
  EXPECT_EQ(request.headers.at("content-type"), "application/json");
  const auto timestamp = request.headers.at("x-riskwatch-timestamp");
  EXPECT_EQ(timestamp, "1780279200");  // 2026-06-01T02:00:00Z, the server's clock
  EXPECT_EQ(request.headers.at("x-riskwatch-signature"), expected_signature(secret, timestamp, request.body));
  EXPECT_NE(request.headers.at("x-riskwatch-signature"),
            expected_signature("wrong", timestamp, request.body));
  const auto event = json::parse(request.body);
  EXPECT_EQ(event["type"], "hazard.return_plan");
  EXPECT_EQ(event["object"], json({{"type", "hazard"}, {"id", hazard}}));
  EXPECT_EQ(event["from_status"], "plan_submitted");
  EXPECT_EQ(event["to_status"], "notified");
  EXPECT_EQ(event["actor"]["user_id"], as("demo-expert").user_id());
  EXPECT_EQ(event["occurred_at"], kServicesStart);

  const auto list = deliveries_when(agency, subscription["id"], [](const json& l) {
    return !l["items"].empty() && l["items"][0]["status"] == "succeeded";
  });
  ASSERT_EQ(list["total"], 1);
  const auto delivery = list["items"][0];
  EXPECT_EQ(std::to_string(delivery["id"].get<std::int64_t>()), request.headers.at("x-riskwatch-delivery"));
  EXPECT_EQ(delivery["event"]["id"], event["id"]);
  EXPECT_EQ(delivery["attempts"], 1);
  ASSERT_EQ(delivery["attempt_log"].size(), 1u);
  EXPECT_EQ(delivery["attempt_log"][0]["status_code"], 200);
  EXPECT_EQ(delivery["attempt_log"][0]["error"], "");
}

TEST_F(WebhookApi, AFailedDeliveryIsTriedAgainAfterTheBackoffAndCanBeReplayed) {
  Receiver receiver({500});
  const auto agency = as("demo-agency");
  const auto subscription = subscribe(agency, receiver.url(), {"hazard.submit_plan"});
  return_and_resubmit(waiting_plan());
  ASSERT_EQ(receiver.wait_for(1).size(), 1u);
  auto list = deliveries_when(agency, subscription["id"], [](const json& l) {
    return !l["items"].empty() && l["items"][0]["attempts"] == 1;
  });
  ASSERT_EQ(list["total"], 1);
  auto delivery = list["items"][0];
  EXPECT_EQ(delivery["status"], "pending");
  EXPECT_EQ(delivery["last_status_code"], 500);
  EXPECT_EQ(delivery["next_attempt_at"], "2026-06-01T02:01:00Z");  // one minute after the first attempt
  EXPECT_EQ(receiver.count(), 1u) << "not again before the minute is over";

  server_->set_clock("2026-06-01T02:01:00Z");
  const auto got = receiver.wait_for(2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].body, got[0].body);
  EXPECT_EQ(got[1].headers.at("x-riskwatch-delivery"), got[0].headers.at("x-riskwatch-delivery"));
  EXPECT_EQ(got[1].headers.at("x-riskwatch-timestamp"), "1780279260");
  list = deliveries_when(agency, subscription["id"],
                         [](const json& l) { return l["items"][0]["status"] == "succeeded"; });
  delivery = list["items"][0];
  EXPECT_EQ(delivery["status"], "succeeded");
  EXPECT_EQ(delivery["attempts"], 2);
  const auto log = delivery["attempt_log"];
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0]["status_code"], 500);
  EXPECT_EQ(log[0]["error"], "HTTP 500");
  EXPECT_EQ(log[0]["at"], "2026-06-01T02:00:00Z");
  EXPECT_EQ(log[1]["status_code"], 200);
  EXPECT_EQ(log[1]["at"], "2026-06-01T02:01:00Z");

  // Replayed: a new delivery of the same event, sent at once.
  const auto path = id_path("webhooks", subscription["id"]) + "/deliveries/";
  auto replay =
      agency.post(path + std::to_string(delivery["id"].get<std::int64_t>()) + "/replay", json::object());
  ASSERT_EQ(replay.status, 202) << replay.body;
  EXPECT_EQ(replay.json()["replay_of"], delivery["id"]);
  EXPECT_EQ(replay.json()["event"]["id"], delivery["event"]["id"]);
  const auto again = receiver.wait_for(3);
  ASSERT_EQ(again.size(), 3u);
  EXPECT_EQ(json::parse(again[2].body)["id"], delivery["event"]["id"]);
  EXPECT_EQ(again[2].headers.at("x-riskwatch-delivery"),
            std::to_string(replay.json()["id"].get<std::int64_t>()));
  EXPECT_EQ(agency.post(path + "999999/replay", json::object()).status, 404);
}

TEST_F(WebhookApi, AnOrganizationReceivesOnlyEventsOfObjectsItMaySee) {
  Receiver mine, theirs;
  const auto agency_a = as("demo-agency"), agency_b = as("qingyuan-admin"), platform = as("demo-admin");
  const auto a = subscribe(agency_a, mine.url(), {"*"});
  const auto b = subscribe(agency_b, theirs.url(), {"*"});
  const auto all = subscribe(platform, mine.url(), {"hazard.return_plan"});
  return_and_resubmit(waiting_plan());  // agency A's hazard: agency B does not see it
  // Deliveries are written with the transition, so the answer is known as soon as it returns.
  EXPECT_EQ(deliveries(agency_a, a["id"])["total"], 2);
  EXPECT_EQ(deliveries(platform, all["id"])["total"], 1);
  EXPECT_EQ(deliveries(agency_b, b["id"])["total"], 0);
  EXPECT_EQ(mine.wait_for(3).size(), 3u);
  EXPECT_EQ(theirs.count(), 0u);

  // Another organization's subscription does not exist for agency B; the platform sees both.
  const auto other = id_path("webhooks", a["id"]);
  EXPECT_EQ(agency_b.get(other).status, 404);
  EXPECT_EQ(agency_b.patch(other, {{"active", false}}).status, 404);
  EXPECT_EQ(agency_b.del(other).status, 404);
  EXPECT_EQ(agency_b.get(other + "/deliveries").status, 404);
  const auto listed = agency_b.get("/webhooks?limit=200").json();
  ASSERT_FALSE(listed["items"].empty());
  for (const auto& item : listed["items"]) EXPECT_EQ(item["org"]["id"], agency_b.org_id());
  EXPECT_EQ(platform.get(other).status, 200);
  EXPECT_EQ(as("demo-expert").get("/webhooks").status, 403) << "admins only";
  EXPECT_EQ(agency_a.patch(other, {{"active", false}}).json()["active"], false);
  EXPECT_EQ(agency_a.del(other).status, 204);
  EXPECT_EQ(agency_a.get(other).status, 404);
}

TEST_F(WebhookApi, BadInputIsRefusedWithNothingWritten) {
  const auto agency = as("demo-agency");
  const auto before = agency.get("/webhooks").json()["total"];
  const auto refused = [&](const json& body, const std::string& field, const std::string& code) {
    auto r = agency.post("/webhooks", body);
    EXPECT_EQ(r.status, 422) << body.dump() << " " << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    const auto errors = r.json()["errors"];
    ASSERT_FALSE(errors.empty()) << body.dump();
    EXPECT_EQ(errors[0]["field"], field) << body.dump();
    EXPECT_EQ(errors[0]["code"], code) << body.dump();
  };
  const json all = {"*"};
  refused({{"url", "http://example.com/hooks"}, {"event_types", all}}, "url", "https_required");
  refused({{"url", "http://127.0.0.2:8080/hooks"}, {"event_types", all}}, "url", "https_required");
  refused({{"url", "ftp://example.com/hooks"}, {"event_types", all}}, "url", "https_required");
  for (const char* url : {"https://10.0.0.8/hooks", "https://127.0.0.1/hooks", "https://192.168.1.2/x",
                          "https://169.254.169.254/latest/meta-data", "https://[::1]/x",
                          "https://[fd00::1]/x", "https://[::ffff:10.0.0.1]/x", "https://localhost/x",
                          "https://127.1/x", "https://2130706433/x", "https://intranet/x"})
    refused({{"url", url}, {"event_types", all}}, "url", "private_address");
  refused({{"url", "https://user:pass@example.com/x"}, {"event_types", all}}, "url", "url_invalid");
  refused({{"url", "https://example.com/x\u0001"}, {"event_types", all}}, "url", "invalid_characters");
  refused({{"url", "https://example.com/" + std::string(3000, 'a')}, {"event_types", all}}, "url",
          "too_long");
  refused({{"url", 42}, {"event_types", all}}, "url", "wrong_type");
  refused({{"event_types", all}}, "url", "required");
  refused({{"url", "https://example.com/x"}, {"event_types", {"hazard.explode"}}}, "event_types",
          "invalid_choice");
  refused({{"url", "https://example.com/x"}, {"event_types", json::array()}}, "event_types", "required");
  refused({{"url", "https://example.com/x"}, {"event_types", "*"}}, "event_types", "wrong_type");
  refused({{"url", "https://example.com/x"}}, "event_types", "required");
  EXPECT_EQ(agency.get("/webhooks").json()["total"], before);
  // A public https URL is taken; its changes are checked the same way.
  auto good =
      agency.post("/webhooks", {{"url", "https://hooks.example.com/riskwatch"}, {"event_types", all}});
  ASSERT_EQ(good.status, 201) << good.body;
  const auto path = id_path("webhooks", good.json()["id"]);
  EXPECT_EQ(agency.patch(path, {{"url", "https://10.1.2.3/x"}}).status, 422);
  EXPECT_EQ(agency.get(path).json()["url"], "https://hooks.example.com/riskwatch");
  EXPECT_EQ(agency.del(path).status, 204);
}

// A subscription deleted while one of its deliveries is replayed: on PostgreSQL the two took their locks in
// opposite orders (the deliveries, then the subscription; the subscription, then the replayed delivery) and
// one of them failed, a deadlock (500) or a broken reference (409), found by the authorization matrix's
// parallel requests. Each now holds the subscription first, so the later one waits and finds what the
// earlier left.
TEST_F(WebhookApi, AReplayWhileTheSubscriptionIsDeletedFindsItGone) {
  Receiver receiver;
  const auto [subscription, delivery, event] = subscription_with_a_delivery(receiver);
  const auto agency = as("demo-agency");
  const auto replay =
      answered_after([&](db::Connection& db) { webhooks::delete_subscription(db, subscription); },
                     [&] {
                       return agency.post(id_path("webhooks", subscription) + "/deliveries/" +
                                              std::to_string(delivery) + "/replay",
                                          json::object());
                     });
  EXPECT_EQ(replay.status, 404) << replay.body;
  EXPECT_EQ(agency.get(id_path("webhooks", subscription)).status, 404);
}

TEST_F(WebhookApi, ADeletionWhileADeliveryIsReplayedTakesTheReplayToo) {
  Receiver receiver;
  const auto [subscription, delivery, event] = subscription_with_a_delivery(receiver);
  const auto agency = as("demo-agency");
  const auto deleted = answered_after(
      [&](db::Connection& db) {
        ASSERT_TRUE(webhooks::share_subscription(db, subscription));
        webhooks::insert_delivery(db, event, subscription, delivery, "2026-06-01T02:00:00Z");
      },
      [&] { return agency.del(id_path("webhooks", subscription)); });
  EXPECT_EQ(deleted.status, 204) << deleted.body;
  auto database = db::Database::open(server_->db_url(), 1);
  auto lease = database->acquire();
  EXPECT_EQ(
      (*lease)
          .query("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = ?", {subscription})[0]
          .integer("n"),
      0);
}

// A transition whose event a subscription being deleted would take: it waits for the deletion and goes on
// without the subscription (on PostgreSQL its delivery broke the deleted subscription's reference: 409).
TEST_F(WebhookApi, ATransitionWhileASubscriptionIsDeletedGoesOnWithoutIt) {
  Receiver receiver;
  const auto agency = as("demo-agency");
  const auto subscription =
      subscribe(agency, receiver.url(), {"hazard.return_plan"})["id"].get<std::int64_t>();
  const auto hazard = waiting_plan();
  const auto returned =
      answered_after([&](db::Connection& db) { webhooks::delete_subscription(db, subscription); },
                     [&] { return return_plan(hazard); });
  EXPECT_EQ(returned.status, 200) << returned.body;
  if (returned.status == 200) resubmit_plan(hazard);  // as it was for the other tests
  EXPECT_EQ(agency.get(id_path("webhooks", subscription)).status, 404);
}

TEST_F(WebhookApi, EveryEventTheDemoWroteHasAKnownType) {
  const auto types = as("demo-admin").get("/webhook-event-types").json()["items"];
  ASSERT_FALSE(types.empty());
  std::set<std::string> known;
  for (const auto& t : types) known.insert(t["type"].get<std::string>());
  EXPECT_TRUE(known.count("hazard.notify") && known.count("visit.start") &&
              known.count("commission_item.accept"));
  auto database = rw::db::Database::open(server_->db_url(), 1);
  auto lease = database->acquire();
  const auto written = (*lease).query("SELECT DISTINCT type FROM webhook_events");
  ASSERT_GT(written.size(), 5u);
  for (std::size_t i = 0; i < written.size(); ++i)
    EXPECT_TRUE(known.count(written[i].text("type"))) << written[i].text("type");
}

}  // namespace
}  // namespace rw::testing
