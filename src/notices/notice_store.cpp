#include "notices/notice_store.hpp"

#include <nlohmann/json.hpp>

namespace rw::notices {
namespace {

using nlohmann::json;

constexpr const char* kInsertNotice =
    "INSERT INTO notices (kind, issuer_org_id, enterprise_id, visit_id, staff, visited_on, period, "
    "deadline_days, law, plan_due_on, submit_to, email, area, contractor, check_items, problems, contact, "
    "phone, created_by, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateFields =
    "UPDATE notices SET staff = ?, visited_on = ?, period = ?, deadline_days = ?, law = ?, plan_due_on = ?, "
    "submit_to = ?, email = ?, area = ?, contractor = ?, check_items = ?, problems = ?, contact = ?, "
    "phone = ?, updated_at = ? WHERE id = ?";
constexpr const char* kDeleteLinks = "DELETE FROM notice_hazards WHERE notice_id = ?";
constexpr const char* kInsertLink =
    "INSERT INTO notice_hazards (notice_id, hazard_id, position) VALUES (?, ?, ?)";
constexpr const char* kHazardColumns =
    "SELECT h.id, h.description, h.basis, h.suggestion, h.grade, h.status, h.enterprise_id, h.agency_org_id "
    "FROM hazards h";
constexpr const char* kUntoldOfVisit =
    "SELECT id FROM hazards WHERE visit_id = ? AND agency_org_id = ? AND status = 'found' ORDER BY id";
constexpr const char* kMoveStatus =
    "UPDATE notices SET status = ?, updated_at = ? WHERE id = ? AND status = ?";
constexpr const char* kSetIssued =
    "UPDATE notices SET number = ?, issued_on = ?, issued_at = ?, issued_by = ?, updated_at = ? WHERE id = ?";
constexpr const char* kSetReceived =
    "UPDATE notices SET receipt_kind = ?, received_by_name = ?, received_on = ?, "
    "receipt_file_id = ?, receipt_recorded_by = ?, received_at = ?, updated_at = ? WHERE id = ?";
constexpr const char* kEnterprise =
    "SELECT name, credit_code, legal_representative, CASE WHEN business_address <> '' THEN business_address "
    "ELSE registered_address END AS address FROM enterprises WHERE id = ?";
constexpr const char* kVisitDay = "SELECT planned_on FROM visits WHERE id = ?";
constexpr const char* kReceiptFile = "SELECT sha256, media_type FROM files WHERE id = ?";

json problems_json(const std::vector<NoticeProblem>& problems) {
  json out = json::array();
  for (const auto& p : problems)
    out.push_back({{"description", p.description}, {"basis", p.basis}, {"suggestion", p.suggestion}});
  return out;
}

db::Params field_params(const NoticeFields& f) {
  return {f.staff,
          db::optional_value(f.visited_on),
          f.period,
          db::optional_value(f.deadline_days),
          f.law,
          db::optional_value(f.plan_due_on),
          f.submit_to,
          f.email,
          f.area,
          f.contractor,
          json(f.check_items).dump(),
          problems_json(f.problems).dump(),
          f.contact,
          f.phone};
}

}  // namespace

const char* const kSelectNotice =
    "SELECT n.*, o.name AS issuer_name, o.type AS issuer_type, e.name AS enterprise_name, "
    "e.org_id AS enterprise_org_id, iu.display_name AS issued_by_name, ru.display_name AS "
    "receipt_recorder_name "
    "FROM notices n JOIN organizations o ON o.id = n.issuer_org_id JOIN enterprises e ON e.id = "
    "n.enterprise_id "
    "LEFT JOIN users iu ON iu.id = n.issued_by LEFT JOIN users ru ON ru.id = n.receipt_recorded_by";
// The filters and the access sets read the notice's own columns, so the page's ids come from its indexes;
// when 3,000 notices or more match, the newest are a short walk back through the table (a regulator's
// issued notices: gathering its 41,000 to sort them took 65 ms, the walk 0.1 ms; an insurer's 6,333
// reminders, in the CLI: 6.9 -> 1.5 ms). With fewer, the walk would pass more notices than sorting reads.
const DeferredList kNoticeList{.select = kSelectNotice,
                               .from = {"notices n"},
                               .id = "n.id",
                               .scan_from = "notices n NOT INDEXED",
                               .scan_at_total = 3'000};

std::int64_t insert_notice(db::Connection& db, const NewNotice& n, const std::string& now) {
  db::Params params = {n.kind, n.issuer_org_id, n.enterprise_id, db::optional_value(n.visit_id)};
  for (auto& p : field_params(n.fields)) params.push_back(std::move(p));
  params.insert(params.end(), {n.created_by, now, now});
  return db.query(kInsertNotice, params)[0].integer("id");
}

void update_fields(db::Connection& db, std::int64_t id, const NoticeFields& fields, const std::string& now) {
  auto params = field_params(fields);
  params.insert(params.end(), {now, id});
  db.execute(kUpdateFields, params);
}

NoticeFields fields_of(const db::Row& n) {
  NoticeFields f;
  f.staff = n.text("staff");
  f.visited_on = n.optional_text("visited_on");
  f.period = n.text("period");
  f.deadline_days = n.optional_integer("deadline_days");
  f.law = n.text("law");
  f.plan_due_on = n.optional_text("plan_due_on");
  f.submit_to = n.text("submit_to");
  f.email = n.text("email");
  f.area = n.text("area");
  f.contractor = n.text("contractor");
  f.check_items = json::parse(n.text("check_items")).get<std::vector<std::string>>();
  for (const auto& p : json::parse(n.text("problems")))
    f.problems.push_back({p.value("description", ""), p.value("basis", ""), p.value("suggestion", "")});
  f.contact = n.text("contact");
  f.phone = n.text("phone");
  return f;
}

std::optional<db::Row> notice_row(db::Connection& db, std::int64_t id) {
  auto rows = db.query(std::string(kSelectNotice) + " WHERE n.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

void link_hazards(db::Connection& db, std::int64_t notice_id, const std::vector<std::int64_t>& hazard_ids) {
  db.execute(kDeleteLinks, {notice_id});
  for (std::size_t i = 0; i < hazard_ids.size(); ++i)
    db.execute(kInsertLink, {notice_id, hazard_ids[i], static_cast<std::int64_t>(i)});
}

db::Statement hazards_of_notice(std::int64_t notice_id) {
  return {std::string(kHazardColumns) +
              " JOIN notice_hazards nh ON nh.hazard_id = h.id WHERE nh.notice_id = ? ORDER BY nh.position",
          {notice_id}};
}

db::Rows hazards_of_notice(db::Connection& db, std::int64_t notice_id) {
  return db.query(hazards_of_notice(notice_id));
}

db::Rows hazard_rows(db::Connection& db, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  std::string marks;
  db::Params params;
  for (const auto id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(id);
  }
  return db.query(std::string(kHazardColumns) + " WHERE h.id IN (" + marks + ")", params);
}

std::vector<std::int64_t> untold_hazards_of_visit(db::Connection& db, std::int64_t visit_id,
                                                  std::int64_t agency_org_id) {
  return db.query(kUntoldOfVisit, {visit_id, agency_org_id}).integers("id");
}

bool move_status(db::Connection& db, std::int64_t id, const std::string& from, const std::string& to,
                 const std::string& now) {
  return db.execute(kMoveStatus, {to, now, id, from}) == 1;
}

void set_issued(db::Connection& db, std::int64_t id, const std::string& number, const std::string& issued_on,
                std::int64_t by, const std::string& now) {
  db.execute(kSetIssued, {number, issued_on, now, by, now, id});
}

void set_received(db::Connection& db, std::int64_t id, const Receipt& r, const std::string& now) {
  db.execute(kSetReceived, {r.kind, r.signed_by, r.signed_on, r.file_id, r.recorded_by, now, now, id});
}

db::Row enterprise_particulars(db::Connection& db, std::int64_t enterprise_id) {
  return db.query(kEnterprise, {enterprise_id})[0];
}

std::string visit_day(db::Connection& db, std::int64_t visit_id) {
  const auto rows = db.query(kVisitDay, {visit_id});
  return rows.empty() ? "" : rows[0].text("planned_on");
}

std::optional<db::Row> file_of_receipt(db::Connection& db, std::int64_t file_id) {
  auto rows = db.query(kReceiptFile, {file_id});
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

}  // namespace rw::notices
