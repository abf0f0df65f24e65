#include "files/owner_kinds.hpp"

#include <algorithm>
#include <map>

#include "access/visibility.hpp"
#include "files/file_record.hpp"
#include "platform/dates.hpp"

namespace rw::files {
namespace {

// Midnight at the start of a China date, in Unix seconds.
std::optional<Seconds> china_midnight(const std::string& date) {
  Seconds utc_midnight = 0;
  if (!parse_utc(date, utc_midnight)) return std::nullopt;
  return utc_midnight - 8 * 3600;
}

std::optional<OwnerSetting> enterprise_setting(db::Connection& db, std::int64_t enterprise_id) {
  if (!enterprise_exists(db, enterprise_id)) return std::nullopt;
  return OwnerSetting{enterprise_id, std::nullopt};
}

// The visit's agency acts through its field staff and leads.
bool may_attach_to_visit(db::Connection& db, const accounts::Actor& actor, std::int64_t visit_id) {
  if (!accounts::has_permission(actor, "visit:work") && !accounts::has_permission(actor, "visit:write"))
    return false;
  const auto agency = visit_agency(db, visit_id);
  return agency && visible_as(access::kVisit)(db, actor, visit_id) && access::acts_for(db, actor, *agency);
}

// Those who keep the enterprise's record, and the enterprise itself.
bool may_attach_to_enterprise(db::Connection& db, const accounts::Actor& actor, std::int64_t enterprise_id) {
  return (accounts::has_permission(actor, "enterprise:write") ||
          accounts::has_permission(actor, "enterprise:self")) &&
         visible_as(access::kEnterprise)(db, actor, enterprise_id);
}

std::map<std::string, OwnerKind, std::less<>>& registry() {
  static std::map<std::string, OwnerKind, std::less<>> kinds = {
      {"visit", {visible_as(access::kVisit), may_attach_to_visit, visit_setting}},
      {"enterprise", {visible_as(access::kEnterprise), may_attach_to_enterprise, enterprise_setting}},
  };
  return kinds;
}

}  // namespace

// A visit's days: from the start of its planned day to the end of its last planned day, or of the day it
// was done when that was later.
std::optional<OwnerSetting> visit_setting(db::Connection& db, std::int64_t visit_id) {
  const auto visit = find_visit_days(db, visit_id);
  if (!visit) return std::nullopt;
  OwnerSetting setting{visit->enterprise_id, std::nullopt};
  const auto start = china_midnight(visit->planned_on);
  if (!start) return setting;
  Seconds end = *start + visit->duration_days * 86400;
  if (const auto done = visit->done_on ? china_midnight(*visit->done_on) : std::nullopt)
    end = std::max(end, *done + 86400);
  setting.visit = TimeWindow{*start, end};
  return setting;
}

OwnerCheck visible_as(const access::EntityAccess& entity) {
  return [&entity](db::Connection& db, const accounts::Actor& actor, std::int64_t id) {
    return exists_where(db, entity.from, access::one_visible(db, actor, entity, id));
  };
}

void register_owner_kind(std::string kind, OwnerKind how) { registry()[std::move(kind)] = std::move(how); }

const OwnerKind* find_owner_kind(std::string_view kind) {
  const auto& kinds = registry();
  const auto found = kinds.find(kind);
  return found == kinds.end() ? nullptr : &found->second;
}

}  // namespace rw::files
