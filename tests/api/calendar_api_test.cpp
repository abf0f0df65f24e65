// The working-day calendar over HTTP: the shipped 2023–2026 years, the Monday–Friday fallback, an admin's
// corrected year overriding the shipped file until it is removed, and uploads refused field by field.
// Expected dates are worked out by hand from the 2026 notice: 国庆 off Thu 10-01 … Wed 10-07, worked
// Sat 10-10; 2031 has no data.
#include "registry_fixtures.hpp"

using namespace rw::testing;
using nlohmann::json;

namespace {

using Codes = std::vector<std::string>;

class CalendarApi : public ApiTest {
 protected:
  static Client admin() { return as("demo-admin"); }
  static json add(const std::string& from, int days) {
    auto r = admin().get("/calendar/add-working-days?from=" + from + "&days=" + std::to_string(days));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  static json between(const std::string& from, const std::string& to) {
    auto r = admin().get("/calendar/working-days-between?from=" + from + "&to=" + to);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  // A corrected 2026 with only 国庆, lengthened to 10-08, and no 调休.
  static json corrected_2026() {
    return {{"notice", "更正：国庆节延长至 10 月 8 日"},
            {"holidays",
             {{{"name", "国庆节"},
               {"name_en", "National Day"},
               {"dates",
                {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
                 "2026-10-07", "2026-10-08"}}}}},
            {"working_days", json::array()}};
  }
  static Codes errors_of(const HttpResult& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    return field_codes(r.json()["errors"]);
  }
  static Codes upload_errors(const json& changes) {
    auto body = corrected_2026();
    for (const auto& [key, value] : changes.items()) body[key] = value;
    return errors_of(admin().put("/calendar/2026", body));
  }
  static json audit_of(const std::string& year) {
    return admin().get("/audit?entity=calendar_year&entity_id=" + year).json()["items"];
  }
};

}  // namespace

TEST_F(CalendarApi, AddsAndCountsWorkingDays) {
  // Wed 2026-09-30 + 5: Thu 10-08, Fri 10-09, Sat 10-10 (调休), Mon 10-12, Tue 10-13.
  EXPECT_EQ(add("2026-09-30", 5), json({{"date", "2026-10-13"}, {"fallback", false}}));
  EXPECT_EQ(add("2026-02-17", 0), json({{"date", "2026-02-17"}, {"fallback", false}}));
  // 2031 has no data: Wed 01-01 + 5 weekdays is Wed 01-08, and the answer says it fell back.
  EXPECT_EQ(add("2031-01-01", 5), json({{"date", "2031-01-08"}, {"fallback", true}}));
  // 2025 国庆中秋: in (Fri 09-26, Sun 10-12] the working days are 09-28 (Sun), 09-29, 09-30, 10-09, 10-10,
  // 10-11 (Sat).
  EXPECT_EQ(between("2025-09-26", "2025-10-12"), json({{"days", 6}, {"fallback", false}}));
  EXPECT_EQ(between("2025-10-12", "2025-09-26"), json({{"days", -6}, {"fallback", false}}));
  // 2031 (starts on a Wednesday, 365 days): 261 weekdays.
  EXPECT_EQ(between("2030-12-31", "2031-12-31"), json({{"days", 261}, {"fallback", true}}));
  // Every signed-in user may ask; nobody else.
  EXPECT_EQ(as("demo-enterprise").get("/calendar/add-working-days?from=2026-09-30&days=5").status, 200);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/calendar/add-working-days?from=2026-09-30&days=5").status,
            401);
}

TEST_F(CalendarApi, BadQueriesAreRefused) {
  auto client = admin();
  for (const auto& days : {"1001", "-1", "abc", "1.5", ""})
    EXPECT_EQ(errors_of(client.get("/calendar/add-working-days?from=2026-09-30&days=" + std::string(days))),
              Codes{"days:invalid_query"})
        << days;
  EXPECT_EQ(errors_of(client.get("/calendar/add-working-days?days=5")), Codes{"from:invalid_query"});
  for (const auto& from : {"2026-02-30", "2026-9-30", "1999-12-31", "2101-01-01"})
    EXPECT_EQ(errors_of(client.get("/calendar/add-working-days?days=5&from=" + std::string(from))),
              Codes{"from:invalid_query"})
        << from;
  EXPECT_EQ(errors_of(client.get("/calendar/working-days-between?from=2026-01-01")),
            Codes{"to:invalid_query"});
  const auto problem = client.get("/calendar/add-working-days?from=2026-09-30&days=1001").json();
  EXPECT_EQ(problem["errors"][0]["message"], "查询参数 days 应为 0–1000 的整数");
  EXPECT_EQ(problem["errors"][0]["message_en"], "query parameter days must be an integer from 0 to 1000");
}

TEST_F(CalendarApi, ShippedYearsAndTheFallback) {
  auto reader = as("demo-regulator");
  const auto years = reader.get("/calendar").json();
  EXPECT_EQ(years["total"], 4);
  for (const auto& item : years["items"]) {
    EXPECT_EQ(item["source"], "shipped");
    EXPECT_EQ(item["has_shipped"], true);
    EXPECT_TRUE(item["updated_at"].is_null());
  }
  EXPECT_EQ(years["items"][0]["year"], 2023);
  EXPECT_EQ(years["items"][3]["year"], 2026);

  const auto y2026 = reader.get("/calendar/2026").json();
  EXPECT_EQ(y2026["source"], "shipped");
  EXPECT_EQ(y2026["fallback"], false);
  EXPECT_EQ(y2026["notice"], "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）");
  EXPECT_EQ(y2026["holidays"][1]["name"], "春节");
  EXPECT_EQ(y2026["holidays"][1]["dates"].size(), 9u);  // Sun 02-15 … Mon 02-23
  EXPECT_EQ(y2026["working_days"][1]["dates"], json({"2026-02-14", "2026-02-28"}));
  // 261 weekdays, 19 of them off, 6 weekends worked.
  EXPECT_EQ(y2026["working_day_count"], 248);

  const auto y2031 = reader.get("/calendar/2031").json();
  EXPECT_EQ(y2031["source"], "fallback");
  EXPECT_EQ(y2031["fallback"], true);
  EXPECT_EQ(y2031["has_shipped"], false);
  EXPECT_EQ(y2031["holidays"], json::array());
  EXPECT_EQ(y2031["working_days"], json::array());
  EXPECT_EQ(y2031["working_day_count"], 261);

  EXPECT_EQ(errors_of(reader.get("/calendar/1999")), Codes{"year:out_of_range"});
  EXPECT_EQ(reader.get("/calendar/next").status, 404);
}

TEST_F(CalendarApi, AnUploadOverridesTheShippedYearUntilRemoved) {
  auto client = admin();
  auto saved = client.put("/calendar/2026", corrected_2026());
  ASSERT_EQ(saved.status, 200) << saved.body;
  const auto year = saved.json();
  EXPECT_EQ(year["source"], "uploaded");
  EXPECT_EQ(year["has_shipped"], true);
  EXPECT_EQ(year["updated_by"], "平台管理员");
  EXPECT_FALSE(year["updated_at"].is_null());
  // 261 weekdays less the six of 10-01 … 10-08 (Thu, Fri, Mon … Thu), no weekend worked.
  EXPECT_EQ(year["working_day_count"], 255);
  // Wed 09-30 + 5 with 10-08 off and Sat 10-10 no longer worked: 10-09, 10-12, 10-13, 10-14, 10-15.
  EXPECT_EQ(add("2026-09-30", 5)["date"], "2026-10-15");
  EXPECT_EQ(as("demo-enterprise").get("/calendar/2026").json()["source"], "uploaded");
  EXPECT_EQ(audit_of("2026")[0]["action"], "create");

  auto changed = corrected_2026();
  changed["notice"] = "第二次更正";
  ASSERT_EQ(client.put("/calendar/2026", changed).status, 200);
  const auto entries = audit_of("2026");
  EXPECT_EQ(entries[0]["action"], "update");
  EXPECT_EQ(entries[0]["changes"]["notice"]["to"], "第二次更正");

  // A year with no shipped file: Fri 2027-01-01 is off once uploaded, so 2026-12-31 + 1 is Mon 01-04.
  EXPECT_EQ(add("2026-12-31", 1), json({{"date", "2027-01-01"}, {"fallback", true}}));
  json y2027 = {{"year", 2027},
                {"notice", "预置 2027 年元旦"},
                {"holidays", {{{"name", "元旦"}, {"dates", {"2027-01-01"}}}}},
                {"working_days", json::array()}};
  ASSERT_EQ(client.put("/calendar/2027", y2027).status, 200);
  EXPECT_EQ(add("2026-12-31", 1), json({{"date", "2027-01-04"}, {"fallback", false}}));
  EXPECT_EQ(client.get("/calendar").json()["total"], 5);
  EXPECT_EQ(client.del("/calendar/2027").status, 204);
  EXPECT_EQ(client.get("/calendar/2027").json()["source"], "fallback");

  EXPECT_EQ(client.del("/calendar/2026").status, 204);
  EXPECT_EQ(client.get("/calendar/2026").json()["source"], "shipped");
  EXPECT_EQ(add("2026-09-30", 5)["date"], "2026-10-13");
  EXPECT_EQ(audit_of("2026")[0]["action"], "delete");
  EXPECT_EQ(client.del("/calendar/2026").status, 404);  // nothing uploaded any more
}

TEST_F(CalendarApi, OnlyPlatformAdminsWrite) {
  // demo-agency is an admin, but of a service agency.
  for (const auto& user : {"demo-agency", "demo-regulator", "demo-enterprise"}) {
    auto client = as(user);
    EXPECT_EQ(client.put("/calendar/2026", corrected_2026()).status, 403) << user;
    EXPECT_EQ(client.del("/calendar/2026").status, 403) << user;
    EXPECT_EQ(client.get("/calendar/2026").status, 200) << user;
  }
  EXPECT_EQ(admin().get("/calendar/2026").json()["source"], "shipped");
  // The permissions the web app shows the page and its buttons by.
  auto permissions = [](const std::string& user) { return as(user).get("/me").json()["permissions"]; };
  auto holds = [](const json& list, const char* p) {
    return std::find(list.begin(), list.end(), p) != list.end();
  };
  EXPECT_TRUE(holds(permissions("demo-admin"), "calendar:write"));
  EXPECT_FALSE(holds(permissions("demo-agency"), "calendar:write"));
  EXPECT_TRUE(holds(permissions("demo-enterprise"), "calendar:read"));
}

TEST_F(CalendarApi, BadUploadsAreRefusedWithFieldErrorsAndNothingIsStored) {
  auto entry = [](const char* name, json dates) { return json::array({{{"name", name}, {"dates", dates}}}); };
  EXPECT_EQ(upload_errors({{"holidays", entry("国庆节", {"2025-10-01", "2026-9-30", "2026-02-30"})}}),
            (Codes{"holidays[0].dates[0]:wrong_year", "holidays[0].dates[1]:invalid_date",
                   "holidays[0].dates[2]:invalid_date"}));
  EXPECT_EQ(upload_errors({{"holidays", entry("国庆节", {"2026-10-01", "2026-10-01"})}}),
            Codes{"holidays[0].dates[1]:duplicate_date"});
  // Sun 10-04 is a holiday and cannot be worked; Fri 10-09 is no weekend.
  EXPECT_EQ(
      upload_errors({{"working_days", entry("国庆节", {"2026-10-04", "2026-10-09"})}}),
      (Codes{"working_days[0].dates[0]:holiday_and_working_day", "working_days[0].dates[1]:not_weekend"}));
  EXPECT_EQ(upload_errors({{"year", 2025}}), Codes{"year:year_mismatch"});
  EXPECT_EQ(upload_errors({{"notice", ""}, {"holidays", entry("", json::array())}}),
            (Codes{"notice:required", "holidays[0].name:required", "holidays[0].dates:wrong_type"}));
  EXPECT_EQ(upload_errors({{"holidays", json::array({json::object()})}}),
            (Codes{"holidays[0].name:required", "holidays[0].dates:wrong_type"}));
  EXPECT_EQ(upload_errors({{"holidays", json(21, {{"name", "假日"}, {"dates", {"2026-10-01"}}})}}),
            Codes{"holidays:wrong_type"});
  EXPECT_EQ(errors_of(admin().put("/calendar/2026", json::object())),
            (Codes{"notice:required", "holidays:required", "working_days:required"}));
  EXPECT_EQ(errors_of(admin().put("/calendar/1999", corrected_2026())), Codes{"year:out_of_range"});
  EXPECT_EQ(errors_of(admin().put("/calendar/2101", corrected_2026())), Codes{"year:out_of_range"});
  const auto problem = admin().put(
      "/calendar/2026",
      {{"notice", "x"}, {"holidays", entry("国庆节", {"2025-10-01"})}, {"working_days", json::array()}});
  EXPECT_EQ(problem.json()["errors"][0]["message"], "日期不在 2026 年内");
  EXPECT_EQ(problem.json()["errors"][0]["message_en"], "is not in 2026");

  auto huge = corrected_2026();
  huge["notice"] = std::string(100 * 1024, 'x');
  const auto too_large = admin().put("/calendar/2026", huge);
  EXPECT_EQ(too_large.status, 413);
  EXPECT_EQ(too_large.json()["code"], "payload_too_large");

  const auto years = admin().get("/calendar").json();
  for (const auto& item : years["items"]) EXPECT_EQ(item["source"], "shipped") << item["year"];
  EXPECT_EQ(add("2026-09-30", 5)["date"], "2026-10-13");
  EXPECT_EQ(audit_of("2026"), json::array());
}
