#include "notices/notice_service.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "documents/document.hpp"
#include "notices/notice_fields.hpp"
#include "notices/notice_flow.hpp"
#include "notices/notice_kinds.hpp"
#include "notices/notice_rules.hpp"
#include "notices/notice_store.hpp"
#include "platform/errors.hpp"
#include "platform/json_rows.hpp"
#include "services/status_history.hpp"
#include "services/visit_listing.hpp"
#include "services/visit_team.hpp"
#include "workflow/engine.hpp"

namespace rw::notices {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxHazards = 200;

// The hazards a notice may list: seen by the caller, of the notice's enterprise, followed by the issuing
// agency (which takes their `notify` step at issue), not closed; each once.
void check_hazards(const accounts::Operation& op, Fields& fields, const NewNotice& notice,
                   const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return;
  if (!lists_problems(notice.kind))
    return fields.add_error("hazard_ids", "kind_lists_no_problems", "该文书不列隐患",
                            "this notice lists no hazards");
  std::map<std::int64_t, db::Row> rows;
  const auto found = hazard_rows(op.db, ids);
  for (std::size_t i = 0; i < found.size(); ++i) rows.insert_or_assign(found[i].integer("id"), found[i]);
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto key = "hazard_ids[" + std::to_string(i) + "]";
    const auto row = rows.find(ids[i]);
    if (row == rows.end() || !access::is_visible(op.db, op.actor, access::kHazard, ids[i]))
      fields.add_error(key, "unknown_hazard", "隐患不存在或无权查看", "no such hazard");
    else if (!seen.insert(ids[i]).second)
      fields.add_error(key, "duplicate", "隐患重复", "the hazard is listed twice");
    else if (row->second.integer("enterprise_id") != notice.enterprise_id)
      fields.add_error(key, "hazard_of_another_enterprise", "隐患不属于该企业",
                       "the hazard is another enterprise's");
    else if (row->second.integer("agency_org_id") != notice.issuer_org_id)
      fields.add_error(key, "hazard_not_followed_by_issuer", "隐患不由发文单位跟踪",
                       "the issuing organization does not follow this hazard");
    else if (row->second.text("status") == "verified_closed")
      fields.add_error(key, "hazard_closed", "隐患已验收销号", "the hazard is verified and closed");
  }
}

json person(const db::Row& row, const char* id, const char* name) {
  if (row.is_null(id)) return nullptr;
  return {{"id", row.integer(id)}, {"name", row.text(name)}};
}

json notice_json(const db::Row& n, const workflow::Caller& caller) {
  auto out = fields_json(fields_of(n));
  json receipt = nullptr;
  if (!n.is_null("receipt_kind"))
    receipt = {{"kind", n.text("receipt_kind")},
               {"signed_by", n.text("received_by_name")},
               {"signed_on", n.text("received_on")},
               {"file_id", n.integer("receipt_file_id")},
               {"recorded_by", person(n, "receipt_recorded_by", "receipt_recorder_name")},
               {"at", n.text("received_at")}};
  out.update({{"id", n.integer("id")},
              {"kind", n.text("kind")},
              {"status", n.text("status")},
              {"number", n.text("number").empty() ? json() : json(n.text("number"))},
              {"issuer",
               {{"id", n.integer("issuer_org_id")},
                {"name", n.text("issuer_name")},
                {"type", n.text("issuer_type")}}},
              {"enterprise", {{"id", n.integer("enterprise_id")}, {"name", n.text("enterprise_name")}}},
              {"visit_id", n.is_null("visit_id") ? json() : json(n.integer("visit_id"))},
              {"issued_on", json_text(n, "issued_on")},
              {"issued_at", json_text(n, "issued_at")},
              {"issued_by", person(n, "issued_by", "issued_by_name")},
              {"receipt", receipt},
              {"created_at", n.text("created_at")},
              {"updated_at", n.text("updated_at")}});
  const auto state = NoticeState{n.integer("id"),
                                 n.text("status"),
                                 n.text("kind"),
                                 n.integer("issuer_org_id"),
                                 n.integer("enterprise_id"),
                                 n.optional_integer("enterprise_org_id"),
                                 n};
  out["actions"] = workflow::actions(caller, notice_machine(), state);
  return out;
}

json new_notice(const accounts::Operation& op, NewNotice notice, Fields& fields,
                const std::optional<std::vector<std::int64_t>>& given_ids) {
  read_fields(fields, notice.fields);
  auto ids = given_ids.value_or(std::vector<std::int64_t>{});
  if (!given_ids && notice.visit_id && lists_problems(notice.kind))
    ids = untold_hazards_of_visit(op.db, *notice.visit_id, notice.issuer_org_id);
  check_hazards(op, fields, notice, ids);
  fields.finish();
  const auto id = insert_notice(op.db, notice, op.now_text());
  link_hazards(op.db, id, ids);
  auto record = fields_json(notice.fields);
  record.update({{"kind", notice.kind}, {"enterprise_id", notice.enterprise_id}, {"hazard_ids", ids}});
  audit::record(op, {"notice", std::to_string(id), "create", notice.issuer_org_id, audit::created(record)});
  return get_notice(op, id);
}

std::string read_kind(Fields& fields, const accounts::Actor& actor) {
  const auto kind = fields.required_choice("kind", notice_kinds().values());
  if (!kind.empty() && !may_issue(actor.org_type, kind))
    fields.add_error("kind", "kind_not_issued_by_you", "贵单位不签发此类文书",
                     "your organization does not issue notices of this kind");
  return kind;
}

documents::Image image_of(const files::FileStore& store, const db::Row& file) {
  return {store.read(file.text("sha256"))};
}

NoticeContent content_of(const accounts::Operation& op, const files::FileStore& store, const NoticeState& s) {
  const auto& row = s.row;
  const auto f = fields_of(row);
  NoticeContent n;
  n.kind = s.kind;
  n.number =
      s.status == "draft" || s.status == "cancelled" ? notice_statuses().zh(s.status) : row.text("number");
  n.issuer = row.text("issuer_name");
  n.issuer_is_regulator = row.text("issuer_type") == "regulator";
  n.issued_on = chinese_date(row.text("issued_on"));
  const auto e = enterprise_particulars(op.db, s.enterprise_id);
  n.enterprise = e.text("name");
  n.credit_code = e.text("credit_code");
  n.legal_representative = e.text("legal_representative");
  n.address = e.text("address");
  const auto visit = row.optional_integer("visit_id");
  n.staff = f.staff.empty() && visit ? services::team_names(op.db, *visit) : f.staff;
  n.visited_on = chinese_date(f.visited_on ? *f.visited_on : visit ? visit_day(op.db, *visit) : "");
  n.period = f.period;
  const auto hazards = hazards_of_notice(op.db, s.id);
  for (std::size_t i = 0; i < hazards.size(); ++i)
    n.problems.push_back(
        {hazards[i].text("description"), hazards[i].text("basis"), hazards[i].text("suggestion")});
  n.problems.insert(n.problems.end(), f.problems.begin(), f.problems.end());
  n.deadline_days = static_cast<int>(f.deadline_days.value_or(0));
  n.law = f.law;
  n.plan_due_on = chinese_date(f.plan_due_on.value_or(""));
  n.submit_to = f.submit_to;
  n.email = f.email;
  n.area = f.area;
  n.contractor = f.contractor;
  n.check_items = f.check_items;
  n.contact = f.contact;
  n.phone = f.phone;
  if (row.text("receipt_kind") == "signature")
    if (const auto file = file_of_receipt(op.db, row.integer("receipt_file_id")))
      n.receipt_signature = image_of(store, *file);
  return n;
}

}  // namespace

json list_notices(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  SqlFilter where = access::read_filter(op.db, op.actor, access::kNotice);
  if (auto v = query_choice(query, "kind", notice_kinds().values())) where.add("n.kind = ?", *v);
  if (auto v = query_choice(query, "status", notice_statuses().values())) where.add("n.status = ?", *v);
  if (auto v = query_id(query, "enterprise_id")) where.add("n.enterprise_id = ?", *v);
  if (auto v = query_id(query, "visit_id")) where.add("n.visit_id = ?", *v);
  if (auto v = query_id(query, "issuer_org_id")) where.add("n.issuer_org_id = ?", *v);
  const auto page = parse_page(query);
  auto [rows, total] = select_page(op.db, kNoticeList, where, "n.id DESC", page);
  const workflow::Caller caller(op.db, op.actor);
  json items = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(notice_json(rows[i], caller));
  return page_json(items, total, page);
}

json get_notice(const accounts::Operation& op, std::int64_t id) {
  const auto record =
      access::visible_row_with(op.db, op.actor, access::kNotice, kSelectNotice, id,
                               {hazards_of_notice(id), services::status_events_of("notice", id)});
  auto out = notice_json(record.row(), workflow::Caller(op.db, op.actor));
  json hazards = json::array();
  const auto& rows = record.parts[0];
  for (std::size_t i = 0; i < rows.size(); ++i)
    hazards.push_back({{"id", rows[i].integer("id")},
                       {"description", rows[i].text("description")},
                       {"grade", rows[i].text("grade")},
                       {"status", rows[i].text("status")},
                       {"basis", rows[i].text("basis")},
                       {"suggestion", rows[i].text("suggestion")}});
  out["hazards"] = hazards;
  out["history"] = services::status_history_json(record.parts[1]);
  return out;
}

json create_notice(const accounts::Operation& op, const json& body) {
  Fields fields(body);
  refuse_unknown_fields(fields, body, {"kind", "enterprise_id"});
  NewNotice notice{read_kind(fields, op.actor),
                   op.actor.org_id,
                   fields.required_id("enterprise_id"),
                   std::nullopt,
                   {},
                   op.actor.id};
  if (fields.ok() && !access::is_visible(op.db, op.actor, access::kEnterprise, notice.enterprise_id))
    fields.add_error("enterprise_id", "unknown_enterprise", "企业不存在或无权查看", "no such enterprise");
  const auto ids = fields.optional_ids("hazard_ids", kMaxHazards);
  return new_notice(op, std::move(notice), fields, ids);
}

json create_visit_notice(const accounts::Operation& op, std::int64_t visit_id, const json& body) {
  Fields fields(body);
  refuse_unknown_fields(fields, body, {"kind"});
  const auto kind = read_kind(fields, op.actor);
  const auto ids = fields.optional_ids("hazard_ids", kMaxHazards);
  const auto visit = services::find_visit_row(op.db, op.actor, visit_id);
  if (op.actor.org_type != "agency" || !access::acts_for(op.db, op.actor, visit.integer("agency_org_id")))
    throw forbidden();
  return new_notice(
      op, {kind, visit.integer("agency_org_id"), visit.integer("enterprise_id"), visit_id, {}, op.actor.id},
      fields, ids);
}

json update_notice(const accounts::Operation& op, std::int64_t id, const json& body) {
  const auto s = load_notice(op.db, op.actor, id);
  workflow::authorize(workflow::Caller(op.db, op.actor), notice_machine(), s, "edit");
  Fields fields(body);
  refuse_unknown_fields(fields, body, {});
  const auto before = fields_of(s.row);
  auto after = before;
  read_fields(fields, after);
  const auto ids = fields.optional_ids("hazard_ids", kMaxHazards);
  const NewNotice notice{s.kind, s.issuer_org_id, s.enterprise_id, s.row.optional_integer("visit_id"), after,
                         0};
  if (ids) check_hazards(op, fields, notice, *ids);
  fields.finish();
  update_fields(op.db, id, after, op.now_text());
  if (ids) link_hazards(op.db, id, *ids);
  auto was = fields_json(before), is = fields_json(after);
  if (ids) is["hazard_ids"] = *ids;
  audit::record_update(op, "notice", id, s.issuer_org_id, was, is);
  return get_notice(op, id);
}

RenderedNotice render_notice(const accounts::Operation& op, const files::FileStore& store, std::int64_t id,
                             const std::string& format) {
  const auto s = load_notice(op.db, op.actor, id);
  if (format != "pdf" && format != "docx")
    throw invalid_field("format", "unknown_format", "格式应为 pdf 或 docx", "format must be pdf or docx");
  const auto content = content_of(op, store, s);
  const auto document = notice_document(content);
  const bool draft = s.status == "draft" || s.status == "cancelled";
  return {format == "pdf" ? documents::render_pdf(document) : documents::render_docx(document),
          "notice-" + std::to_string(id) + (draft ? "-draft" : ""),
          document_name(notice_kinds().zh(s.kind), content.number.empty() ? "未编号" : content.number,
                        content.enterprise)};
}

}  // namespace rw::notices
