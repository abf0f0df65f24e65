// A user reads and marks only their own notifications; the daily sweep's overdue message is the sample.
#include "services_fixtures.hpp"

using namespace rw::testing;

namespace {

class NotificationApi : public ServicesApiTest {};

}  // namespace

TEST_F(NotificationApi, AUserMarksOnlyTheirOwnMessagesRead) {
  // The demo's commission item accepted 70 days before 2026-06-01 is past its 60 days.
  ASSERT_EQ(admin().post("/jobs/deadline-sweep", nlohmann::json::object()).status, 200);
  auto agency = as("demo-agency");
  const auto unread = agency.get("/notifications?unread=true").json();
  ASSERT_FALSE(unread["items"].empty());
  const auto before = unread["unread"].get<int>();
  const auto id = unread["items"][0]["id"].get<std::int64_t>();
  const auto target = "/notifications/" + std::to_string(id) + "/read";

  // Someone else's message does not exist for them.
  EXPECT_EQ(as("demo-insurer").post(target, nlohmann::json::object()).status, 404);
  EXPECT_EQ(agency.get("/notifications?unread=true").json()["unread"], before);

  EXPECT_EQ(agency.post(target, nlohmann::json::object()).status, 204);
  const auto unread_after = agency.get("/notifications?unread=true").json();
  EXPECT_EQ(unread_after["unread"], before - 1);
  EXPECT_EQ(unread_after["total"], before - 1);
  EXPECT_EQ(agency.get("/notifications").json()["unread"], before - 1);  // counted apart from the page
  std::string first_read;
  const auto after_read = agency.get("/notifications?limit=200").json();
  for (const auto& item : after_read["items"])
    if (item["id"] == id) first_read = item["read_at"].get<std::string>();
  EXPECT_FALSE(first_read.empty());

  // Marking again a day later keeps the first read time; an unknown id is 404.
  set_today("2026-06-02");
  auto next_day = as("demo-agency");
  EXPECT_EQ(next_day.post(target, nlohmann::json::object()).status, 204);
  std::string second_read;
  const auto read_again = next_day.get("/notifications?limit=200").json();
  for (const auto& item : read_again["items"])
    if (item["id"] == id) second_read = item["read_at"].get<std::string>();
  EXPECT_EQ(second_read, first_read);
  EXPECT_EQ(next_day.post("/notifications/999999999/read", nlohmann::json::object()).status, 404);
}
