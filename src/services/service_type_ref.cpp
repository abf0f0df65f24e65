#include "services/service_type_ref.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "platform/db/kept_when_committed.hpp"

namespace rw::services {

std::vector<nlohmann::json> service_type_refs(db::Connection& db,
                                              const std::vector<std::int64_t>& version_ids) {
  // A catalog holds dozens of versions.
  static db::KeptWhenCommitted<nlohmann::json> kept(4096);
  std::map<std::int64_t, nlohmann::json> found;
  std::vector<std::int64_t> missing;
  for (const auto id : version_ids) {
    if (found.contains(id) || std::find(missing.begin(), missing.end(), id) != missing.end()) continue;
    if (auto ref = kept.find(db, id))
      found.emplace(id, std::move(*ref));
    else
      missing.push_back(id);
  }
  if (!missing.empty())
    for (const auto& rules : service_rules_of_versions(db, missing)) {
      auto ref = service_type_ref(rules);
      kept.keep(db, rules.version_id, ref);
      found.insert_or_assign(rules.version_id, std::move(ref));
    }
  std::vector<nlohmann::json> out;
  out.reserve(version_ids.size());
  for (const auto id : version_ids) out.push_back(found.at(id));
  return out;
}

}  // namespace rw::services
