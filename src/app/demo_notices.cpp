#include "app/demo_notices.hpp"

#include <nlohmann/json.hpp>

#include <deque>

#include "accounts/sessions.hpp"
#include "files/file_service.hpp"
#include "files/sample_photos.hpp"
#include "notices/notice_flow.hpp"
#include "notices/notice_service.hpp"
#include "services/step_service.hpp"

namespace rw::app {
namespace {

using nlohmann::json;

struct Demo {
  db::Connection& db;
  const Clock& clock;

  accounts::Operation as(const std::string& username) {
    const auto id = db.query("SELECT id FROM users WHERE username = ?", {username}).integers("id").at(0);
    users.push_back(*accounts::load_user(db, id));
    return {db, users.back(), clock, "seed-demo"};
  }
  std::int64_t draft(const accounts::Operation& op, const json& body,
                     std::optional<std::int64_t> visit = {}) {
    return (visit ? notices::create_visit_notice(op, *visit, body) : notices::create_notice(op, body))["id"];
  }
  void step(const accounts::Operation& op, std::int64_t notice, const char* action,
            const json& body = json::object()) {
    services::take_step(op, notices::notice_machine(), notice, action, body);
  }
  std::deque<accounts::Actor> users;  // the operations refer to them
};

std::string org_name_of(db::Connection& db, const std::string& username) {
  return db
      .query("SELECT o.name FROM organizations o JOIN users u ON u.org_id = o.id WHERE u.username = ?",
             {username})[0]
      .text("name");
}

std::vector<std::int64_t> ids(db::Connection& db, const std::string& sql, const db::Params& params) {
  return db.query(sql, params).integers("id");
}

}  // namespace

void seed_demo_notices(db::Connection& db, const Clock& clock, files::FileStore& store) {
  notices::register_notice_file_kind();
  Demo d{db, clock, {}};
  const auto expert = d.as("demo-expert"), enterprise = d.as("demo-enterprise"), park = d.as("demo-park"),
             regulator = d.as("demo-regulator");
  const auto visit =
      ids(db, "SELECT id FROM visits WHERE status = 'done' ORDER BY planned_on DESC, id DESC LIMIT 1", {})
          .at(0);
  const auto enterprise_id =
      db.query("SELECT enterprise_id FROM visits WHERE id = ?", {visit})[0].integer("enterprise_id");
  const auto told =
      ids(db,
          "SELECT id FROM hazards WHERE visit_id = ? AND status NOT IN ('found', 'verified_closed') "
          "ORDER BY id",
          {visit});
  const auto untold =
      ids(db, "SELECT id FROM hazards WHERE visit_id = ? AND status = 'found' ORDER BY id", {visit});

  // The agency's warning notices (锡环科预警〔year〕0001号, 0002号) listing the hazards it told the
  // enterprise of; the first came back signed on the enterprise user's phone.
  const auto half = told.begin() + static_cast<std::ptrdiff_t>(told.size() / 2);
  const auto received = d.draft(expert,
                                {{"kind", "warning"},
                                 {"deadline_days", 10},
                                 {"hazard_ids", std::vector<std::int64_t>(told.begin(), half)}},
                                visit);
  d.step(expert, received, "issue");
  const auto signature = files::upload_file(enterprise, store, files::make_signature_png(480, 160),
                                            std::nullopt, files::RowTransaction::callers)
                             .id;
  d.step(enterprise, received, "receive", {{"signed_by", "钱安环"}, {"file_id", signature}});
  const auto waiting = d.draft(expert,
                               {{"kind", "warning"},
                                {"deadline_days", 5},
                                {"hazard_ids", std::vector<std::int64_t>(half, told.end())}},
                               visit);
  d.step(expert, waiting, "issue");
  // A draft listing the hazards not told yet: they stay `found` until it is issued.
  if (!untold.empty())
    d.draft(expert, {{"kind", "warning"}, {"deadline_days", 10}, {"hazard_ids", untold}}, visit);
  // att.3's 温馨提示单 handed out on the same visit (unnumbered, as in the seed).
  d.step(expert, d.draft(expert, {{"kind", "reminder"}}, visit), "issue");

  // The regulator's own warning notice after its 综合查一次 visit (锡环预警〔year〕0001号).
  const auto by_regulator = d.draft(
      regulator,
      {{"kind", "warning"},
       {"enterprise_id", enterprise_id},
       {"staff", "王监管、赵查看"},
       {"visited_on", db.query("SELECT planned_on FROM visits WHERE id = ?", {visit})[0].text("planned_on")},
       {"deadline_days", 15},
       {"problems", {{{"description", "雨水排放口未设置环境保护图形标志牌"}}}}});
  d.step(regulator, by_regulator, "issue");

  // The park's notices to an enterprise in it: J.1 after the hosting service's inspection, and B.1.
  const auto in_park = ids(db,
                           "SELECT e.id FROM enterprises e JOIN users u ON u.org_id = e.park_org_id "
                           "WHERE u.username = 'demo-park' ORDER BY e.id LIMIT 1",
                           {});
  if (in_park.empty()) return;
  d.step(park,
         d.draft(park, {{"kind", "rectification"},
                        {"enterprise_id", in_park[0]},
                        {"period", "2026年5月20日9时30分至11时20分"},
                        {"problems",
                         {{{"description", "危险废物贮存场所未按规定设置警示标志"},
                           {"basis", "《中华人民共和国固体废物污染环境防治法》第七十七条、第一百一十二条"},
                           {"suggestion", "按 GB 15562.2 设置危险废物贮存场所警示标志"}},
                          {{"description", "废气处理设施运行台账缺失"},
                           {"basis", "《排污许可管理条例》第二十一条、第三十七条"},
                           {"suggestion", "建立废气处理设施运行台账，逐日记录"}}}},
                        {"law", "《中华人民共和国环境保护法》《排污许可管理条例》等"},
                        {"plan_due_on", "2026-06-15"},
                        {"submit_to", "园区环保办公室"},
                        {"email", "hb@park.example.cn"},
                        {"contact", "冯园区"},
                        {"phone", "0510-88886666"}}),
         "issue");
  d.step(
      park,
      d.draft(park, {{"kind", "inspection"},
                     {"enterprise_id", in_park[0]},
                     {"area", org_name_of(db, "demo-park")},
                     {"contractor", org_name_of(db, "demo-expert")},
                     {"check_items", {"环保手续履行情况", "污染防治设施运行情况", "危险废物规范化管理情况"}},
                     {"contact", "冯园区"},
                     {"phone", "0510-88886666"}}),
      "issue");
}

}  // namespace rw::app
