#include "notices/notice_flow.hpp"

#include "access/visibility.hpp"
#include "files/file_record.hpp"
#include "files/file_service.hpp"
#include "hazards/hazard_flow.hpp"
#include "notices/notice_kinds.hpp"
#include "notices/notice_rules.hpp"
#include "notices/notice_store.hpp"
#include "notices/number_service.hpp"
#include "notify/notification_service.hpp"
#include "platform/dates.hpp"
#include "workflow/engine.hpp"

namespace rw::notices {
namespace {

using State = NoticeState;
using Move = workflow::Move<State>;
using workflow::Caller;
using workflow::Refusal;

// The issuing organization's people who issue notices.
const workflow::Grant<State> kIssuer{
    {"agency", "regulator", "park"}, "notice:issue", [](const Caller& c, const State& s) {
      return c.acts_for(s.issuer_org_id);
    }};
// The enterprise's own users.
const workflow::Grant<State> kRecipient{{"enterprise"}, "notice:sign", [](const Caller& c, const State& s) {
                                          return c.acts_for(s.enterprise_org_id);
                                        }};

const Refusal kNotDraft{"notice_not_draft", "文书已发出或已作废，不能再修改",
                        "the notice is issued or cancelled; it can no longer change"};
const Refusal kNotIssued{"notice_not_issued", "文书尚未发出或已签收",
                         "the notice is not issued, or already received"};

void read_receipt(Fields& fields, workflow::Input& input) {
  nlohmann::json data = {{"signed_by", fields.required_text("signed_by", 1, 50)},
                         {"file_id", fields.required_id("file_id")}};
  if (const auto on = fields.optional_date("signed_on")) data["signed_on"] = *on;
  input.code = data.dump();
  input.history = "签收人：" + data["signed_by"].get<std::string>();
}

// The signed paper, scanned by the issuer's staff who upload it: an image or a PDF of their own.
void require_own_scan(const accounts::Operation& op, std::int64_t file_id) {
  const auto file = files::find_file(op.db, file_id);
  if (!file || file->uploaded_by != op.actor.id ||
      (!file->media_type.starts_with("image/") && file->media_type != "application/pdf"))
    throw invalid_field("file_id", "invalid_receipt_file", "签收单应为本人上传的图片或 PDF 扫描件",
                        "the receipt must be an image or PDF scan you uploaded");
}

// The enterprise signs with a drawing on its phone; the issuer records the scan of the signed paper.
Receipt receipt_of(Move& move) {
  const auto data = nlohmann::json::parse(move.input.code);
  const accounts::Operation op{move.db, move.user, move.clock, ""};
  Receipt r{"scan", data["signed_by"], data.value("signed_on", china_date(move.clock.now())), data["file_id"],
            move.user.id};
  if (r.signed_on > china_date(move.clock.now()))
    throw invalid_field("signed_on", "in_the_future", "签收日期不能晚于今天",
                        "the receipt cannot be dated later than today");
  if (Caller(move.db, move.user).acts_for(move.subject.enterprise_org_id)) {
    r.kind = "signature";
    files::require_own_drawing(op, r.file_id, "file_id");
  } else {
    require_own_scan(op, r.file_id);
  }
  files::link(op, r.file_id, {"notice", move.subject.id, move.subject.enterprise_id});
  return r;
}

// The number is taken only by the request that moved the draft on (store).
void issue(Move& move) {
  const auto& s = move.subject;
  const auto fields = fields_of(s.row);
  if (lists_problems(s.kind) && fields.problems.empty() && hazards_of_notice(move.db, s.id).empty())
    throw invalid_field("hazard_ids", "no_problems", "请列出至少一个隐患（问题）",
                        "list at least one hazard or problem");
  const auto number = take_number(move.db, move.clock, s.issuer_org_id, s.kind);
  set_issued(move.db, s.id, number, china_date(move.clock.now()), move.user.id, move.now);
}

// Each step first moves the row from the status it was loaded in: a request that lost a race to another
// (issue against cancel, two receipts) is refused and rolls back.
void store(Move& move) {
  if (!move_status(move.db, move.subject.id, move.subject.status, std::string(move.step.to), move.now))
    workflow::refuse(move.step.unavailable ? *move.step.unavailable : kNotDraft);
  const std::string action(move.step.action);
  if (action == "issue") issue(move);
  if (action == "receive") set_received(move.db, move.subject.id, receipt_of(move), move.now);
}

// Each linked hazard not told yet takes its own `notify` step, as if notified by hand: its history, its
// deadline on the board, the enterprise told. A hazard told before keeps its status and deadline.
void notify_hazards(Move& move, const db::Row& notice) {
  nlohmann::json body = {{"reason", notice_kinds().zh(move.subject.kind) + " " + notice.text("number")}};
  if (const auto days = notice.optional_integer("deadline_days")) body["deadline_days"] = *days;
  const auto linked = hazards_of_notice(move.db, move.subject.id);
  for (std::size_t i = 0; i < linked.size(); ++i) {
    if (linked[i].text("status") != "found") continue;
    const auto journal = workflow::take(move.db, move.user, move.clock, hazards::hazard_machine(),
                                        linked[i].integer("id"), "notify", body);
    move.journal.insert(move.journal.end(), journal.begin(), journal.end());
  }
}

void on_issued(Move& move) {
  const auto notice = *notice_row(move.db, move.subject.id);
  notify_hazards(move, notice);
  const auto org = move.subject.enterprise_org_id;
  if (!org) return;
  const auto kind = move.subject.kind;
  const auto body = notice.text("issuer_name") + " " + notice.text("number");
  notify::notify_users(move.db,
                       notify::org_users_with_roles(move.db, *org, {"enterprise_user", "admin", "manager"}),
                       {"notice_issued", "收到" + notice_kinds().zh(kind),
                        "Notice received: " + notice_kinds().en(kind), body, body, "notice", move.subject.id},
                       move.now);
}

State load(db::Connection& db, const accounts::Actor& user, const Clock&, std::int64_t id) {
  return load_notice(db, user, id);
}

}  // namespace

NoticeState load_notice(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  const auto row = access::visible_row(db, user, access::kNotice, kSelectNotice, id);
  return {row.integer("id"),
          row.text("status"),
          row.text("kind"),
          row.integer("issuer_org_id"),
          row.integer("enterprise_id"),
          row.optional_integer("enterprise_org_id"),
          row};
}

const workflow::Machine<NoticeState>& notice_machine() {
  using workflow::Reason;
  static const workflow::Machine<State> machine{
      "notice",
      notice_statuses(),
      "notice:read",
      1000,
      {
          // PATCH /notices/{id}: what the issuer writes, while a draft.
          {.action = "edit",
           .from = {"draft"},
           .who = {kIssuer},
           .reason = Reason::none,
           .unavailable = &kNotDraft},
          {.action = "issue",
           .from = {"draft"},
           .to = "issued",
           .who = {kIssuer},
           .reason = Reason::none,
           .unavailable = &kNotDraft,
           .on_enter = on_issued},
          {.action = "receive",
           .from = {"issued"},
           .to = "received",
           .who = {kRecipient, kIssuer},
           .unavailable = &kNotIssued,
           .read = read_receipt},
          {.action = "cancel",
           .from = {"draft"},
           .to = "cancelled",
           .who = {kIssuer},
           .unavailable = &kNotDraft},
      },
      load,
      store,
      [](const State& s) -> std::optional<std::int64_t> { return s.issuer_org_id; }};
  return machine;
}

void register_notice_file_kind() {
  files::register_owner_kind("notice",
                             {files::visible_as(access::kNotice),
                              // Receipts link their files themselves (receipt_of).
                              [](db::Connection&, const accounts::Actor&, std::int64_t) { return false; },
                              [](db::Connection& db, std::int64_t id) -> std::optional<files::OwnerSetting> {
                                const auto row = notice_row(db, id);
                                if (!row) return std::nullopt;
                                return files::OwnerSetting{row->integer("enterprise_id"), std::nullopt};
                              }});
}

}  // namespace rw::notices
