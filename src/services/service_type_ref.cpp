#include "services/service_type_ref.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

namespace rw::services {
namespace {

// A catalog holds dozens of versions; a process that reaches this many (tests opening many databases)
// starts again.
constexpr std::size_t kKeptRefs = 4096;

class KeptRefs {
 public:
  // The kept refs among `ids`, by id.
  std::map<std::int64_t, nlohmann::json> find(std::uint64_t database, const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, nlohmann::json> out;
    std::lock_guard lock(mutex_);
    for (const auto id : ids)
      if (const auto kept = refs_.find({database, id}); kept != refs_.end()) out.emplace(id, kept->second);
    return out;
  }
  void keep(std::uint64_t database, std::int64_t id, const nlohmann::json& ref) {
    std::lock_guard lock(mutex_);
    if (refs_.size() >= kKeptRefs) refs_.clear();
    refs_.insert_or_assign({database, id}, ref);
  }

 private:
  std::mutex mutex_;
  std::map<std::pair<std::uint64_t, std::int64_t>, nlohmann::json> refs_;
};

}  // namespace

std::vector<nlohmann::json> service_type_refs(db::Connection& db,
                                              const std::vector<std::int64_t>& version_ids) {
  static KeptRefs kept;
  auto found = kept.find(db.database_serial(), version_ids);
  std::vector<std::int64_t> missing;
  for (const auto id : version_ids)
    if (!found.contains(id) && std::find(missing.begin(), missing.end(), id) == missing.end())
      missing.push_back(id);
  if (!missing.empty()) {
    const auto rules = service_rules_of_versions(db, missing);
    const bool committed = !db.in_transaction();
    for (const auto& r : rules) {
      auto ref = service_type_ref(r);
      if (committed) kept.keep(db.database_serial(), r.version_id, ref);
      found.insert_or_assign(r.version_id, std::move(ref));
    }
  }
  std::vector<nlohmann::json> out;
  out.reserve(version_ids.size());
  for (const auto id : version_ids) out.push_back(found.at(id));
  return out;
}

}  // namespace rw::services
