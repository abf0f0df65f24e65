#include "registry/industry_service.hpp"

#include <nlohmann/json.hpp>

#include "registry/industries.hpp"

namespace rw::registry {
namespace {

nlohmann::json industry_json(const Industry& i) {
  return {{"code", i.code}, {"level", i.level}, {"parent", i.parent}, {"name", i.name}};
}

}  // namespace

nlohmann::json list_industries(const IndustryQuery& query) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : IndustryTable::shipped().all()) {
    if (query.parent && i.parent != *query.parent) continue;
    if (query.q && i.code.find(*query.q) != 0 && i.name.find(*query.q) == std::string::npos) continue;
    items.push_back(industry_json(i));
  }
  return {{"items", items}, {"total", items.size()}};
}

}  // namespace rw::registry
