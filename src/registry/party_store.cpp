#include "registry/party_store.hpp"

namespace rw::registry {
namespace {

constexpr const char* kSelectOrgOfType = "SELECT 1 AS one FROM organizations WHERE id = ? AND type = ?";
constexpr const char* kSelectActiveOrg =
    "SELECT id FROM organizations WHERE id = ? AND type = ? AND active = 1";

}  // namespace

bool is_org_of_type(db::Connection& db, std::int64_t org_id, const char* type) {
  return !db.query(kSelectOrgOfType, {org_id, type}).empty();
}

bool is_active_org(db::Connection& db, std::int64_t org_id, const char* type) {
  return !db.query(kSelectActiveOrg, {org_id, type}).empty();
}

}  // namespace rw::registry
