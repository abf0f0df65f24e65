#include "notices/number_service.hpp"

#include <nlohmann/json.hpp>

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "notices/notice_kinds.hpp"
#include "notices/number_rules.hpp"
#include "notices/number_store.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"

namespace rw::notices {
namespace {

int china_year(const Clock& clock) { return static_cast<int>(china_day(clock.now()).year()); }

std::string pattern_for(const std::map<std::string, std::string>& stored, const std::string& kind) {
  const auto found = stored.find(kind);
  return found != stored.end() ? found->second : default_pattern(kind);
}

void require_readable(const accounts::Operation& op, std::int64_t org_id) {
  if (org_id != op.actor.org_id) accounts::require_permission(op.actor, "org:read");
  access::require_visible(op.db, op.actor, access::kOrganization, org_id);
}

}  // namespace

std::string take_number(db::Connection& db, const Clock& clock, std::int64_t org_id,
                        const std::string& kind) {
  const std::string pattern = pattern_for(stored_patterns(db, org_id), kind);
  if (pattern.empty()) return "";
  const int year = china_year(clock);
  return format_number(pattern, year, advance_counter(db, org_id, pattern, year));
}

nlohmann::json numbering_of(const accounts::Operation& op, std::int64_t org_id) {
  require_readable(op, org_id);
  const auto stored = stored_patterns(op.db, org_id);
  const int year = china_year(op.clock);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& kind : notice_kinds().values()) {
    const std::string pattern = pattern_for(stored, kind);
    nlohmann::json next;
    if (!pattern.empty())
      next = format_number(pattern, year, counter_value(op.db, org_id, pattern, year) + 1);
    items.push_back({{"kind", kind},
                     {"pattern", pattern},
                     {"is_default", !stored.contains(kind)},
                     {"next_number", next}});
  }
  return {{"items", items}};
}

nlohmann::json set_numbering(const accounts::Operation& op, std::int64_t org_id, const std::string& kind,
                             const nlohmann::json& body) {
  require_readable(op, org_id);
  if (!access::may_change(op.db, op.actor, access::kOrganization, {{"id", org_id}})) throw forbidden();
  if (!notice_kinds().values().contains(kind)) throw not_found();
  Fields fields(body);
  fields.require("pattern");
  const auto pattern = fields.optional_text("pattern", kMaxPatternChars * 4).value_or("");
  fields.finish();
  if (auto error = pattern_error(pattern)) {
    fields.add_error(error->field, error->code, error->message, error->message_en);
    fields.finish();
  }
  const std::string before = pattern_for(stored_patterns(op.db, org_id), kind);
  save_pattern(op.db, org_id, kind, pattern, op.now_text(), op.actor.id);
  audit::record(op, {"notice_numbering", std::to_string(org_id) + ":" + kind, "update", org_id,
                     audit::diff({{"pattern", before}}, {{"pattern", pattern}})});
  return numbering_of(op, org_id);
}

}  // namespace rw::notices
