#include "workflow/engine.hpp"

#include <stdexcept>
#include "platform/errors.hpp"

#include "webhooks/webhook_outbox.hpp"
#include "workflow/object_types.hpp"

namespace rw::workflow {
namespace {

constexpr const char* kInsertStatusEvent =
    "INSERT INTO status_events (object_type, object_id, action, from_status, to_status, reason, user_id, at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

void refuse(const Refusal& refusal) { throw conflict(refusal.code, refusal.zh, refusal.en); }

Refusal invalid_transition(const Vocabulary& statuses, std::string_view from, std::string_view action) {
  return {"invalid_transition", "当前状态为“" + statuses.zh(from) + "”，不能执行此操作",
          "the status is " + statuses.en(from) + "; '" + std::string(action) + "' is not allowed"};
}

Input read_input(const nlohmann::json& body, Reason reason, std::size_t max_chars,
                 void (*read)(Fields&, Input&), std::string_view missing_zh, std::string_view missing_en) {
  Input input;
  Fields fields(body);
  if (read) {
    read(fields, input);
  } else if (reason != Reason::none) {
    input.text = fields.optional_text("reason", max_chars).value_or("");
    if (fields.ok() && reason == Reason::required && input.text.empty())
      fields.add_error("reason", "required", std::string(missing_zh), std::string(missing_en));
    input.history = input.text;
  }
  fields.finish();
  return input;
}

void record_status(Act& act, std::string_view object_type, std::int64_t id,
                   std::optional<std::int64_t> org_id, std::string_view action, std::string_view from,
                   std::string_view to, const std::string& reason) {
  if (!is_object_type(object_type))
    throw std::logic_error("status history of an unlisted object type: " + std::string(object_type));
  act.db.execute(kInsertStatusEvent, {std::string(object_type), id, std::string(action), std::string(from),
                                      std::string(to), reason, act.user.id, act.now});
  const auto known = [](std::int64_t id) { return id > 0 ? std::optional(id) : std::nullopt; };
  webhooks::record_transition(act.db,
                              {std::string(object_type), id, std::string(action), std::string(from),
                               std::string(to), known(act.user.id), known(act.user.org_id), org_id, act.now},
                              act.user.reach_generation);
  nlohmann::json changes = {{"status", {{"from", from}, {"to", to}}}};
  if (!reason.empty()) changes["reason"] = {{"from", nullptr}, {"to", reason}};
  act.journal.push_back({std::string(object_type), id, org_id, std::move(changes)});
}

}  // namespace rw::workflow
