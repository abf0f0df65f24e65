#include "archive/archive_service.hpp"

#include <nlohmann/json.hpp>

#include <map>

#include "access/visibility.hpp"
#include "archive/archive_chain.hpp"
#include "archive/archive_lists.hpp"
#include "archive/archive_store.hpp"
#include "audit/audit_log.hpp"
#include "files/file_record.hpp"
#include "files/file_service.hpp"
#include "platform/dates.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "services/deadline_store.hpp"

namespace rw::archive {
namespace {

constexpr const char* kDeadlineKind = "archive_expiry";
constexpr const char* kDeadlineObject = "archive_document";

std::string today_of(const accounts::Operation& op) { return china_date(op.clock.now()); }

ApiError unknown_item() {
  return {ErrorKind::not_found, "unknown_archive_item", "清单中没有该资料", "The list has no such document"};
}

// The settings that apply to documents the organization keeps: its own (a row with list_code and
// retention_years), else the defaults of its type.
std::pair<std::string, int> own_settings(const db::Row& row) {
  return {row.text("list_code"), static_cast<int>(row.integer("retention_years"))};
}
std::pair<std::string, int> defaults_of(std::string_view org_type) {
  return {default_list_code(org_type), kMinRetentionYears};
}
std::pair<std::string, int> settings_of(db::Connection& db, std::int64_t org_id) {
  if (const auto row = find_setting(db, org_id)) return own_settings(*row);
  return defaults_of(org_type(db, org_id));
}

struct Governed {
  ArchiveView view;
  std::optional<std::int64_t> enterprise_org_id;
  std::int64_t keeper_org_id = 0;
};

// The enterprise (404 unless visible) and the list and retention of the organization that registered it.
Governed governed(const accounts::Operation& op, std::int64_t enterprise_id) {
  const auto row =
      access::visible_row(op.db, op.actor, access::kEnterprise, kSelectGovernedEnterprise, enterprise_id);
  const auto [code, years] =
      row.is_null("list_code") ? defaults_of(row.text("keeper_type")) : own_settings(row);
  auto list = current_list(op.db, code);
  if (!list) list = current_list(op.db, default_list_code(""));
  return {{enterprise_id, row.text("name"), std::move(*list), years},
          row.optional_integer("org_id"),
          row.integer("created_by_org_id")};
}

// The caller files in this archive: archive:write and the enterprise visible (checked by governed()).
void require_writer(const accounts::Operation& op) {
  accounts::require_permission(op.actor, "archive:write");
}

const ListItem& item_of(const DocumentList& list, const std::string& code) {
  const auto* item = list.find(code);
  if (!item) throw unknown_item();
  return *item;
}

nlohmann::json document_json(const db::Row& d, bool current) {
  return {{"id", d.integer("id")},
          {"item_code", d.text("item_code")},
          {"version", d.integer("version")},
          {"file",
           {{"id", d.integer("file_id")},
            {"sha256", d.text("file_sha256")},
            {"media_type", d.text("media_type")},
            {"size", d.integer("file_size")}}},
          {"issued_on", json_text(d, "issued_on")},
          {"valid_until", json_text(d, "valid_until")},
          {"note", d.text("note")},
          {"retain_until", d.text("retain_until")},
          {"uploaded_by", {{"id", d.integer("uploaded_by")}, {"name", d.text("uploaded_by_name")}}},
          {"uploaded_at", d.text("uploaded_at")},
          {"withdrawn_at", json_text(d, "withdrawn_at")},
          {"current", current}};
}

// The item's newest version that is not withdrawn, from rows ordered by version.
std::optional<db::Row> current_of(const db::Rows& versions) {
  for (std::size_t i = versions.size(); i-- > 0;)
    if (versions[i].is_null("withdrawn_at")) return versions[i];
  return std::nullopt;
}

ItemFacts facts_of(const std::optional<db::Row>& current, const std::optional<db::Row>& state) {
  ItemFacts facts;
  facts.has_document = current.has_value();
  if (current) facts.valid_until = current->optional_text("valid_until");
  if (state) {
    if (const auto paper = state->optional_integer("paper_on_file")) facts.paper_on_file = *paper != 0;
    facts.applicable = state->integer("applicable") != 0;
  }
  return facts;
}

nlohmann::json item_json(const ListItem& item, const db::Rows& versions, const std::optional<db::Row>& state,
                         const ItemStatus& status, const ItemFacts& facts) {
  const auto current = current_of(versions);
  return {{"code", item.code},
          {"name_zh", item.name_zh},
          {"name_en", item.name_en},
          {"category_zh", item.category_zh},
          {"category_en", item.category_en},
          {"expiry", item.expiry},
          {"revise_years", item.revise_years ? nlohmann::json(item.revise_years) : nlohmann::json()},
          {"electronic", status.electronic},
          {"paper", status.paper},
          {"complete", status.complete},
          {"applicable", facts.applicable},
          {"paper_reason", state ? state->text("paper_reason") : ""},
          {"electronic_reason", state ? state->text("electronic_reason") : ""},
          {"versions", versions.size()},
          {"current", current ? document_json(*current, true) : nlohmann::json()}};
}

nlohmann::json completeness_json(const Completeness& c) {
  return {{"items", c.items},
          {"complete", c.complete},
          {"electronic", c.electronic},
          {"paper", c.paper},
          {"expiring", c.expiring},
          {"expired", c.expired},
          {"not_applicable", c.not_applicable},
          {"percent", c.percent}};
}

// Rows grouped by item code, each group in the order read.
std::map<std::string, db::Rows> by_item(const db::Rows& rows) {
  std::map<std::string, db::Rows> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& group = out[std::string(rows[i].text("item_code"))];
    group.columns = rows.columns;
    group.values.push_back(rows.values[i]);
  }
  return out;
}

nlohmann::json related_json(const accounts::Operation& op, std::int64_t enterprise_id) {
  nlohmann::json reports = nlohmann::json::array(), notices = nlohmann::json::array(),
                 plans = nlohmann::json::array();
  const auto parts = op.db.query_each(
      {visit_reports(enterprise_id, access::read_filter_of_few(op.db, op.actor, access::kVisit)),
       enterprise_notices(enterprise_id, access::read_filter_of_few(op.db, op.actor, access::kNotice)),
       enterprise_plans(enterprise_id, access::read_filter_of_few(op.db, op.actor, access::kServicePlan))});
  const auto& report_rows = parts[0];
  // The enterprise reads a report once it is approved (reports/report_service.cpp keeps the same rule).
  const bool enterprise_reader = op.actor.org_type == "enterprise";
  for (std::size_t i = 0; i < report_rows.size(); ++i) {
    const auto r = report_rows[i];
    if (enterprise_reader && r.text("status") != "approved") continue;
    reports.push_back({{"visit_id", r.integer("visit_id")},
                       {"version", r.integer("version")},
                       {"kind", r.text("kind")},
                       {"title", r.text("title")},
                       {"status", r.text("status")},
                       {"sha256", r.text("pdf_sha256")},
                       {"size", r.integer("pdf_size")},
                       {"submitted_at", r.text("submitted_at")},
                       {"reviewed_at", json_text(r, "reviewed_at")}});
  }
  const auto& notice_rows = parts[1];
  for (std::size_t i = 0; i < notice_rows.size(); ++i) {
    const auto n = notice_rows[i];
    notices.push_back({{"id", n.integer("id")},
                       {"kind", n.text("kind")},
                       {"status", n.text("status")},
                       {"number", n.text("number")},
                       {"issued_on", json_text(n, "issued_on")},
                       {"received_on", json_text(n, "received_on")},
                       {"receipt_kind", json_text(n, "receipt_kind")},
                       {"receipt_file_id", json_integer(n, "receipt_file_id")}});
  }
  const auto& plan_rows = parts[2];
  for (std::size_t i = 0; i < plan_rows.size(); ++i) {
    const auto p = plan_rows[i];
    plans.push_back({{"id", p.integer("id")},
                     {"year", p.integer("year")},
                     {"status", p.text("status")},
                     {"agency", p.text("agency_name")},
                     {"agreed_at", json_text(p, "agreed_at")}});
  }
  return {{"reports", std::move(reports)}, {"notices", std::move(notices)}, {"plans", std::move(plans)}};
}

// The renewal reminder of an item's new version: the earlier versions' reminders are met (superseded), and
// one opens for this version when it expires.
void renew_deadline(const accounts::Operation& op, const Governed& g, const ListItem& item,
                    const db::Rows& earlier, std::int64_t document_id,
                    const std::optional<std::string>& until) {
  const auto today = today_of(op);
  for (std::size_t i = 0; i < earlier.size(); ++i)
    services::close_deadlines(op.db, kDeadlineObject, earlier[i].integer("id"), kDeadlineKind, "met", today);
  if (!until) return;
  const auto due = renewal_due(*until, today);
  const auto responsible = g.enterprise_org_id.value_or(g.keeper_org_id);
  const auto days =
      (std::chrono::sys_days(*parse_date(due)) - std::chrono::sys_days(*parse_date(today))).count();
  const auto basis = item.expiry == "revise_years"
                         ? item.name_zh + "每" + std::to_string(item.revise_years) + "年修订，至 " + *until
                         : item.name_zh + "有效期至 " + *until;
  services::open_deadline(
      op.db,
      {kDeadlineKind, kDeadlineObject, document_id, std::nullopt, g.view.enterprise_id, responsible,
       responsible == g.keeper_org_id ? std::nullopt : std::optional(g.keeper_org_id), today, due,
       static_cast<int>(days), "calendar_days", basis + "（提前30日办理延续或修订）"},
      op.now_text());
}

nlohmann::json item_now(const accounts::Operation& op, const Governed& g, const ListItem& item) {
  const auto versions = item_documents(op.db, g.view.enterprise_id, g.view.list.code, item.code);
  const auto states = by_item(item_states(op.db, g.view.enterprise_id, g.view.list.code));
  std::optional<db::Row> state;
  if (const auto found = states.find(item.code); found != states.end()) state = found->second[0];
  const auto facts = facts_of(current_of(versions), state);
  return item_json(item, versions, state, item_status(g.view.list, facts, today_of(op)), facts);
}

ApiError retention_too_short() {
  return invalid_field("retention_years", "retention_too_short",
                       "档案保存期限不得少于5年（无锡第十八条、成都7.2）",
                       "Archives are kept at least 5 years (wuxi §18, chengdu 7.2)");
}

}  // namespace

nlohmann::json list_catalog(const accounts::Operation& op) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& list : current_lists(op.db)) items.push_back(list_json(list));
  return {{"items", std::move(items)}};
}

nlohmann::json own_settings(const accounts::Operation& op) {
  const auto [code, years] = settings_of(op.db, op.actor.org_id);
  return {{"org_id", op.actor.org_id},
          {"list_code", code},
          {"retention_years", years},
          {"chosen", find_setting(op.db, op.actor.org_id).has_value()},
          {"min_retention_years", kMinRetentionYears}};
}

nlohmann::json save_settings(const accounts::Operation& op, const nlohmann::json& body) {
  Fields fields(body);
  const auto code = fields.required_text("list_code", 1, 40);
  const auto years = fields.optional_integer("retention_years", -1000, 1000);
  fields.finish();
  if (!years) throw invalid_field("retention_years", "required", "必填", "is required");
  if (*years < kMinRetentionYears) throw retention_too_short();
  if (*years > kMaxRetentionYears)
    throw invalid_field("retention_years", "out_of_range", "保存期限最多100年", "at most 100 years");
  const auto list = current_list(op.db, code);
  if (!list || list->subject != "enterprise")
    throw invalid_field("list_code", "unknown_archive_list", "没有这个企业档案清单",
                        "No such enterprise list");
  const auto before = own_settings(op);
  save_setting(op.db, op.actor.org_id, code, static_cast<int>(*years), op.actor.id, op.now_text());
  const auto after = own_settings(op);
  audit::record_update(op, "archive_settings", op.actor.org_id, op.actor.org_id, before, after);
  return after;
}

ArchiveView visible_archive(const accounts::Operation& op, std::int64_t enterprise_id) {
  return governed(op, enterprise_id).view;
}

namespace {

// Each item of the list as the enterprise's archive holds it on `today`, in the list's order.
struct ItemReading {
  const ListItem* item;
  db::Rows versions;
  std::optional<db::Row> state;
  ItemFacts facts;
  ItemStatus status;
};
std::vector<ItemReading> read_items(db::Connection& db, std::int64_t enterprise_id, const DocumentList& list,
                                    const std::string& today) {
  const auto parts =
      db.query_each({documents_of(enterprise_id, list.code), item_states(enterprise_id, list.code)});
  const auto documents = by_item(parts[0]);
  const auto states = by_item(parts[1]);
  std::vector<ItemReading> out;
  for (const auto& item : list.items) {
    ItemReading r{&item, documents.count(item.code) ? documents.at(item.code) : db::Rows{}, {}, {}, {}};
    if (const auto found = states.find(item.code); found != states.end()) r.state = found->second[0];
    r.facts = facts_of(current_of(r.versions), r.state);
    r.status = item_status(list, r.facts, today);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

namespace {

// The electronic states of the enterprise's items of other lists, read once per list.
class OtherLists {
 public:
  OtherLists(db::Connection& db, std::int64_t enterprise_id, const std::string& today)
      : db_(db), enterprise_id_(enterprise_id), today_(today) {}

  // The best state among the items `item` is held as, and where: a document filed under any of them counts.
  void look_for(const ListItem& item, ItemCheck& check) {
    for (const auto& [code, item_codes] : item.held_as) {
      const auto* held = states_of(code);
      if (!held) continue;
      std::string found;
      for (const auto& item_code : item_codes) {
        const auto state = held->states.find(item_code);
        if (state == held->states.end() || state->second == "missing") continue;
        found += (found.empty() ? "" : "、") + item_code;
        if (better_state(state->second, check.electronic)) check.electronic = state->second;
      }
      if (!found.empty())
        check.found_as += (check.found_as.empty() ? "" : "；") + held->name_zh + " " + found;
    }
  }

 private:
  struct Held {
    std::string name_zh;
    std::map<std::string, std::string> states;  // item code → electronic state
  };

  const Held* states_of(const std::string& code) {
    if (const auto known = lists_.find(code); known != lists_.end())
      return known->second ? &*known->second : nullptr;
    auto& slot = lists_[code];
    const auto list = current_list(db_, code);
    if (!list) return nullptr;
    slot = Held{list->name_zh, {}};
    for (const auto& r : read_items(db_, enterprise_id_, *list, today_))
      slot->states.emplace(r.item->code, r.status.electronic);
    return &*slot;
  }

  db::Connection& db_;
  std::int64_t enterprise_id_;
  const std::string& today_;
  std::map<std::string, std::optional<Held>> lists_;
};

}  // namespace

std::optional<ListCheck> check_list(db::Connection& db, std::int64_t enterprise_id,
                                    const std::string& list_code, const std::string& today) {
  auto list = current_list(db, list_code);
  if (!list) return std::nullopt;
  ListCheck out{std::move(*list), {}};
  OtherLists others(db, enterprise_id, today);
  for (const auto& r : read_items(db, enterprise_id, out.list, today)) {
    ItemCheck check{r.item->code, r.item->name_zh, r.status.electronic, r.facts.applicable, {}};
    if (check.electronic == "missing" && check.applicable) others.look_for(*r.item, check);
    out.items.push_back(std::move(check));
  }
  return out;
}

nlohmann::json enterprise_archive(const accounts::Operation& op, std::int64_t enterprise_id) {
  const auto g = governed(op, enterprise_id);
  const auto& list = g.view.list;
  Completeness totals;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : read_items(op.db, enterprise_id, list, today_of(op))) {
    count(totals, r.facts, r.status);
    items.push_back(item_json(*r.item, r.versions, r.state, r.status, r.facts));
  }
  auto list_head = list_json(list);
  list_head.erase("items");
  return {{"enterprise", {{"id", enterprise_id}, {"name", g.view.enterprise_name}}},
          {"list", std::move(list_head)},
          {"retention_years", g.view.retention_years},
          {"completeness", completeness_json(totals)},
          {"items", std::move(items)},
          {"related", related_json(op, enterprise_id)},
          {"can_write", accounts::has_permission(op.actor, "archive:write")}};
}

nlohmann::json add_version(const accounts::Operation& op, std::int64_t enterprise_id,
                           const std::string& item_code, const nlohmann::json& body) {
  const auto g = governed(op, enterprise_id);
  require_writer(op);
  const auto& item = item_of(g.view.list, item_code);
  Fields fields(body);
  const auto file_id = fields.required_id("file_id");
  const auto issued_on = fields.optional_date("issued_on");
  const auto stated_until = fields.optional_date("valid_until");
  const auto note = fields.optional_text("note", 500).value_or("");
  const auto today = today_of(op);
  if (item.expiry == "valid_until" && !stated_until && fields.ok())
    fields.add_error("valid_until", "required", "该资料有有效期，请填写有效期至",
                     "this document states its end date");
  if (issued_on && *issued_on > today)
    fields.add_error("issued_on", "in_the_future", "印发日期不能晚于今天", "cannot be after today");
  fields.finish();
  const auto file = file_row(op.db, file_id);
  try {
    if (file) files::visible_file(op, file_id);
  } catch (const ApiError&) {
    throw invalid_field("file_id", "unknown_file", "文件不存在或无权使用", "no such file of yours");
  }
  if (!file) throw invalid_field("file_id", "unknown_file", "文件不存在或无权使用", "no such file of yours");
  const auto until =
      valid_until(item, item.expiry == "revise_years" ? issued_on.value_or(today) : issued_on, stated_until);
  const auto earlier = item_documents(op.db, enterprise_id, g.view.list.code, item.code);
  const auto [id, version] =
      insert_document(op.db,
                      {enterprise_id, g.view.list.code, item.code, file_id, file->text("sha256"), issued_on,
                       until, note, retain_until(today, g.view.retention_years), op.actor.id},
                      op.now_text());
  const auto row = *find_document(op.db, id);
  append_event(op, {enterprise_id, "upload", item.code, id, row.text("file_sha256"), document_detail(row)});
  renew_deadline(op, g, item, earlier, id, until);
  audit::record(op, {"archive_document", std::to_string(id), "create", g.keeper_org_id,
                     audit::created({{"item_code", item.code}, {"version", version}, {"file_id", file_id}})});
  return item_now(op, g, item);
}

nlohmann::json set_item_state(const accounts::Operation& op, std::int64_t enterprise_id,
                              const std::string& item_code, const nlohmann::json& body) {
  const auto g = governed(op, enterprise_id);
  require_writer(op);
  const auto& item = item_of(g.view.list, item_code);
  const auto states = by_item(item_states(op.db, enterprise_id, g.view.list.code));
  ItemState state;
  if (const auto found = states.find(item.code); found != states.end())
    state = item_state_of(found->second[0]);
  Fields fields(body);
  if (fields.has("paper_on_file")) state.paper_on_file = fields.optional_bool("paper_on_file");
  if (const auto reason = fields.optional_text("paper_reason", 200)) state.paper_reason = *reason;
  if (const auto reason = fields.optional_text("electronic_reason", 200)) state.electronic_reason = *reason;
  if (const auto applicable = fields.optional_bool("applicable")) state.applicable = *applicable;
  if (fields.present("paper_on_file") && !g.view.list.paper_column)
    fields.add_error("paper_on_file", "no_paper_column", "该清单不登记纸质档",
                     "this list keeps no paper copies");
  // xuzhou E.1: 未归档填“否”，并说明原因.
  if (g.view.list.reason_for_no && state.paper_on_file == false && state.paper_reason.empty())
    fields.add_error("paper_reason", "reason_required", "纸质档填“否”时应说明原因",
                     "say why the paper copy is missing");
  if (!state.applicable && state.electronic_reason.empty())
    fields.add_error("electronic_reason", "reason_required", "不适用时应说明原因",
                     "say why the item does not apply");
  fields.finish();
  if (state.paper_on_file == true) state.paper_reason.clear();
  save_item_state(op.db, enterprise_id, g.view.list.code, item.code, state, op.actor.id, op.now_text());
  const auto saved = by_item(item_states(op.db, enterprise_id, g.view.list.code)).at(item.code)[0];
  append_event(op, {enterprise_id, "status", item.code, std::nullopt, "",
                    state_detail(g.view.list.code, item_state_of(saved))});
  return item_now(op, g, item);
}

nlohmann::json item_history(const accounts::Operation& op, std::int64_t enterprise_id,
                            const std::string& item_code) {
  const auto g = governed(op, enterprise_id);
  const auto& item = item_of(g.view.list, item_code);
  const auto versions = item_documents(op.db, enterprise_id, g.view.list.code, item.code);
  const auto current = current_of(versions);
  nlohmann::json documents = nlohmann::json::array();
  for (std::size_t i = versions.size(); i-- > 0;)
    documents.push_back(
        document_json(versions[i], current && current->integer("id") == versions[i].integer("id")));
  nlohmann::json events = nlohmann::json::array();
  const auto rows = item_events(op.db, enterprise_id, item.code);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto e = rows[i];
    events.push_back({{"seq", e.integer("seq")},
                      {"kind", e.text("kind")},
                      {"document_id", json_integer(e, "document_id")},
                      {"file_sha256", e.text("file_sha256")},
                      {"detail", nlohmann::json::parse(e.text("detail"), nullptr, false)},
                      {"actor", {{"id", e.integer("actor_id")}, {"name", e.text("actor_name")}}},
                      {"at", e.text("at")},
                      {"hash", e.text("hash")}});
  }
  return {
      {"item", item_now(op, g, item)}, {"documents", std::move(documents)}, {"events", std::move(events)}};
}

DocumentContent read_document(const accounts::Operation& op, std::int64_t document_id) {
  const auto document = find_document(op.db, document_id);
  if (!document) throw not_found();
  const auto g = governed(op, document->integer("enterprise_id"));
  const auto item = document->text("item_code");
  append_event(op, {g.view.enterprise_id,
                    "read",
                    item,
                    document_id,
                    document->text("file_sha256"),
                    {{"list_code", document->text("list_code")}}});
  const auto media = document->text("media_type");
  const auto extension = media == "application/pdf" ? ".pdf" : media == "image/png" ? ".png" : ".jpg";
  return {
      document->text("file_sha256"), media,
      g.view.enterprise_name + "-" + item + "-v" + std::to_string(document->integer("version")) + extension};
}

nlohmann::json withdraw_document(const accounts::Operation& op, std::int64_t document_id) {
  const auto document = find_document(op.db, document_id);
  if (!document) throw not_found();
  const auto g = governed(op, document->integer("enterprise_id"));
  require_writer(op);
  const auto retain = document->text("retain_until");
  if (today_of(op) < retain)
    throw conflict("retention_active", "档案保存期内不得删除，保存至 " + retain,
                   "Archived documents cannot be removed before their retention ends on " + retain);
  if (!document->is_null("withdrawn_at"))
    throw conflict("already_withdrawn", "该资料已撤出", "The document was withdrawn already");
  mark_withdrawn(op.db, document_id, op.now_text());
  append_event(op, {g.view.enterprise_id,
                    "withdraw",
                    document->text("item_code"),
                    document_id,
                    document->text("file_sha256"),
                    {{"list_code", document->text("list_code")}}});
  return document_json(*find_document(op.db, document_id), false);
}

nlohmann::json verify(const accounts::Operation& op, const files::FileStore& store) {
  const auto result = verify_chain(op.db, store);
  nlohmann::json broken;
  if (result.broken) {
    const auto& b = *result.broken;
    const bool visible =
        b.enterprise_id && access::is_visible(op.db, op.actor, access::kEnterprise, b.enterprise_id);
    broken = {{"seq", b.seq},
              {"reason", b.reason},
              {"enterprise_id", visible ? nlohmann::json(b.enterprise_id) : nlohmann::json()},
              {"document_id", visible && b.document_id ? nlohmann::json(*b.document_id) : nlohmann::json()},
              {"item_code", visible ? nlohmann::json(b.item_code) : nlohmann::json()}};
  }
  return {{"ok", !result.broken},    {"entries", result.entries},   {"documents", result.documents},
          {"states", result.states}, {"checked_at", op.now_text()}, {"broken", std::move(broken)}};
}

}  // namespace rw::archive
