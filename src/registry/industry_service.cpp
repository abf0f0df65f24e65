#include "registry/industry_service.hpp"

#include <nlohmann/json.hpp>

#include "registry/industries.hpp"

namespace rw::registry {
namespace {

nlohmann::json industry_json(const Industry& i) {
  return {{"code", i.code}, {"level", i.level}, {"parent", i.parent}, {"name", i.name}};
}

bool matches(const Industry& i, const IndustryQuery& query) {
  if (query.parent && i.parent != *query.parent) return false;
  if (query.level && i.level != *query.level) return false;
  return !query.q || i.code.starts_with(*query.q) || i.name.find(*query.q) != std::string::npos;
}

}  // namespace

nlohmann::json list_industries(const IndustryQuery& query) {
  nlohmann::json items = nlohmann::json::array();
  std::int64_t total = 0;
  for (const auto& i : IndustryTable::shipped().all()) {
    if (!matches(i, query)) continue;
    const bool in_page = total >= query.offset && (!query.limit || total < query.offset + *query.limit);
    if (in_page) items.push_back(industry_json(i));
    ++total;
  }
  return {{"items", items}, {"total", total}};
}

}  // namespace rw::registry
