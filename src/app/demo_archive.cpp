#include "app/demo_archive.hpp"

#include <nlohmann/json.hpp>

#include "accounts/sessions.hpp"
#include "app/demo_data.hpp"
#include "archive/archive_rules.hpp"
#include "archive/archive_service.hpp"
#include "documents/document.hpp"
#include "files/file_service.hpp"
#include "platform/dates.hpp"

namespace rw::app {
namespace {

std::int64_t enterprise_named(db::Connection& db, const std::string& name) {
  return db.query("SELECT id FROM enterprises WHERE name = ?", {name})[0].integer("id");
}

// A one-page PDF standing for the scanned document.
std::int64_t scanned(const accounts::Operation& op, files::FileStore& store, const std::string& enterprise,
                     const std::string& title, int version) {
  documents::Document doc;
  doc.title = title;
  doc.subtitle = enterprise;
  doc.organization = enterprise;
  doc.blocks.push_back(documents::text("（演示数据：扫描件第 " + std::to_string(version) + " 版）"));
  return files::upload_file(op, store, documents::render_pdf(doc), std::nullopt,
                            files::RowTransaction::callers)
      .id;
}

struct Filing {
  const char* code;
  const char* title;
  nlohmann::json fields;  // issued_on, valid_until, note
  std::optional<bool> paper_on_file = std::nullopt;
  const char* paper_reason = "";
};

void file_all(const accounts::Operation& op, files::FileStore& store, std::int64_t enterprise,
              const std::string& name, const std::vector<Filing>& filings) {
  for (const auto& f : filings) {
    auto body = f.fields;
    body["file_id"] = scanned(op, store, name, f.title, 1);
    archive::add_version(op, enterprise, f.code, body);
    if (f.paper_on_file)
      archive::set_item_state(op, enterprise, f.code,
                              {{"paper_on_file", *f.paper_on_file}, {"paper_reason", f.paper_reason}});
  }
}

}  // namespace

void seed_demo_archive(db::Connection& db, const Clock& clock, files::FileStore& store) {
  const auto today = china_date(clock.now());
  const auto in_days = [&](int days) { return archive::add_days(today, days); };
  const auto years_ago = [&](int years, int days) {
    return archive::add_days(archive::add_years(today, -years), -days);
  };

  const std::string own_name = "无锡市恒达化工有限公司";
  const auto own = enterprise_named(db, own_name);
  const auto staff = demo_user(db, "demo-enterprise");
  const accounts::Operation op{db, staff, clock, "seed-demo"};
  file_all(op, store, own, own_name,
           {{"1", "营业执照", {{"note", "正本复印件"}}, true},
            {"2-1", "环境影响评价报告书及批复", {{"issued_on", years_ago(6, 0)}}, true},
            {"2-2", "竣工环境保护验收报告", nlohmann::json::object(), true},
            {"3-1", "排污许可证副本", {{"valid_until", in_days(20)}, {"issued_on", years_ago(5, -20)}}, true},
            {"4-1",
             "突发环境事件应急预案及专家意见",
             {{"issued_on", years_ago(3, 60)}},
             false,
             "预案修订中，纸质版待专家评审后归档"},
            {"4-2", "突发环境事件应急预案备案表", nlohmann::json::object(), true},
            {"6-1", "危险废物管理计划表", nlohmann::json::object()},
            {"6-3", "危险废物经营许可证（接收单位）", {{"valid_until", in_days(240)}}},
            {"9-3", "平面布置图", nlohmann::json::object(), true},
            {"9-10", "企业正门照片", nlohmann::json::object()}});
  // The licence was renewed: version 2 supersedes version 1, which stays.
  archive::add_version(op, own, "1",
                       {{"file_id", scanned(op, store, own_name, "营业执照", 2)}, {"note", "变更后换发"}});
  archive::set_item_state(op, own, "9-14",
                          {{"applicable", false}, {"electronic_reason", "现场未发现污染痕迹"}});
  archive::read_document(op, db.query("SELECT MAX(id) AS id FROM archive_documents")[0].integer("id"));

  const std::string other_name = "无锡市华润印染有限公司";
  const auto other = enterprise_named(db, other_name);
  const auto admin = demo_user(db, "demo-admin");
  const accounts::Operation platform{db, admin, clock, "seed-demo"};
  file_all(platform, store, other, other_name,
           {{"1", "营业执照", nlohmann::json::object(), true},
            {"3-1", "排污许可证副本", {{"valid_until", in_days(-10)}}, false, "正本在环保局办理延续"},
            {"3-2", "排污许可执行报告（年报）", nlohmann::json::object()},
            {"8-2", "环境监测报告", nlohmann::json::object()}});
}

}  // namespace rw::app
