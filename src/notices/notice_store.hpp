#pragma once
// The only SQL of notices: the record with its issuer and enterprise, its linked hazards, the steps' writes,
// and what a document reads of the enterprise and the visit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "notices/notice_document.hpp"
#include "platform/db/database.hpp"
#include "platform/paging.hpp"

namespace rw::notices {

// What people write on a notice (the rest comes from the enterprise, the visit and the hazards).
struct NoticeFields {
  std::string staff;                      // warning: 我局工作人员 (the visit's team when empty)
  std::optional<std::string> visited_on;  // warning: the day of the visit (the visit's when absent)
  std::string period;                     // rectification: 现场检查 from … to …
  std::optional<std::int64_t> deadline_days;
  std::string law;
  std::optional<std::string> plan_due_on;
  std::string submit_to, email;
  std::string area, contractor;
  std::vector<std::string> check_items;
  std::vector<NoticeProblem> problems;  // written by hand, after the hazards'
  std::string contact, phone;
};

struct NewNotice {
  std::string kind;
  std::int64_t issuer_org_id = 0;
  std::int64_t enterprise_id = 0;
  std::optional<std::int64_t> visit_id;
  NoticeFields fields;
  std::int64_t created_by = 0;
};

std::int64_t insert_notice(db::Connection& db, const NewNotice& notice, const std::string& now);
void update_fields(db::Connection& db, std::int64_t id, const NoticeFields& fields, const std::string& now);
NoticeFields fields_of(const db::Row& notice);

// The notice with issuer_name, issuer_type, enterprise_name, enterprise_org_id, issued_by_name,
// receipt_recorder_name.
extern const char* const kSelectNotice;
extern const DeferredList kNoticeList;
std::optional<db::Row> notice_row(db::Connection& db, std::int64_t id);

// Replaces the linked hazards, in the order given.
void link_hazards(db::Connection& db, std::int64_t notice_id, const std::vector<std::int64_t>& hazard_ids);
// id, description, basis, suggestion, grade, status, enterprise_id, agency_org_id — in the notice's order.
db::Rows hazards_of_notice(db::Connection& db, std::int64_t notice_id);
db::Statement hazards_of_notice(std::int64_t notice_id);
// The hazards with these ids (same columns), for checking a request's hazard_ids.
db::Rows hazard_rows(db::Connection& db, const std::vector<std::int64_t>& ids);
// Hazards of the visit the agency follows that no one has told the enterprise of yet (status found).
std::vector<std::int64_t> untold_hazards_of_visit(db::Connection& db, std::int64_t visit_id,
                                                  std::int64_t agency_org_id);

// from → to when the notice is still in `from`; false when another request moved it first (on PostgreSQL
// the row stays locked until the transaction ends, so a number is taken once and an issued notice is never
// cancelled by a request that loaded it as a draft).
bool move_status(db::Connection& db, std::int64_t id, const std::string& from, const std::string& to,
                 const std::string& now);
void set_issued(db::Connection& db, std::int64_t id, const std::string& number, const std::string& issued_on,
                std::int64_t by, const std::string& now);
struct Receipt {
  std::string kind;  // receipt_kinds()
  std::string signed_by;
  std::string signed_on;
  std::int64_t file_id = 0;
  std::int64_t recorded_by = 0;
};
void set_received(db::Connection& db, std::int64_t id, const Receipt& receipt, const std::string& now);

// What a document prints of the enterprise: name, credit_code, legal_representative, address.
db::Row enterprise_particulars(db::Connection& db, std::int64_t enterprise_id);
// The visit's day (planned_on).
std::string visit_day(db::Connection& db, std::int64_t visit_id);
// The stored bytes' key of a file (its SHA-256) and media type.
std::optional<db::Row> file_of_receipt(db::Connection& db, std::int64_t file_id);

}  // namespace rw::notices
