// The daily deadline sweep runs by itself when the server starts and then once per China day.
#include <thread>

#include "services_fixtures.hpp"

using namespace rw::testing;

namespace {

class DailyJobApi : public RegistryApiTest {
 protected:
  static void SetUpTestSuite() {
    ServerConfig config;
    config.clock = kServicesStart;
    config.extra_args = {"--job-interval-seconds", "1"};
    server_ = std::make_unique<ServerProcess>(config);
  }
};

int overdue_notifications(const Client& client) {
  int n = 0;
  const auto list = client.get("/notifications?limit=200").json();
  for (const auto& item : list["items"])
    if (item["kind"] == "deadline_overdue") ++n;
  return n;
}

}  // namespace

TEST_F(DailyJobApi, MarksOverdueDeadlinesAndNotifiesOncePerDay) {
  // The demo's commission item accepted 70 days before 2026-06-01 is past its 60 days.
  auto agency = as("demo-agency");
  for (int i = 0; i < 50 && overdue_notifications(agency) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(overdue_notifications(agency), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // two more checks the same day
  EXPECT_EQ(overdue_notifications(agency), 1);
  // The admin's manual run finds nothing new on the same day.
  EXPECT_EQ(as("demo-admin").post("/jobs/deadline-sweep", nlohmann::json::object()).json()["marked_overdue"],
            0);
}
