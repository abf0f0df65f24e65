#pragma once
// A service type's fields, read and checked the same way for the API and for the shipped catalog file
// (data/catalog/service-catalog.json), and the catalog's closed value sets.
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "platform/json_input.hpp"
#include "platform/vocabulary.hpp"
#include "services/catalog.hpp"

namespace rw::services {

// Whose catalog a class transcribes (wuxi, chengdu, xuzhou, guilin), or custom for the platform's own.
const Vocabulary& catalog_sources();
const Vocabulary& service_insurance_types();
const Vocabulary& upload_anchors();
// Defined by the shipped file, so the catalog and its deliverables are edited in one place.
const Vocabulary& deliverable_kinds();
// The shipped file, parsed.
const nlohmann::json& shipped_catalog();
// The catalog vocabularies by name, for GET /dictionaries.
nlohmann::json catalog_dictionaries();

// What a create or update writes: the rules of the new version, plus the type's own switch.
struct ServiceTypeInput {
  ServiceRules rules;
  bool active = true;
};

// The API keys of a service type's writable fields.
const std::vector<std::string>& service_type_keys();
// Shape rules; the class must be one of `class_codes`.
ServiceTypeInput read_service_type(Fields& fields, const std::set<std::string>& class_codes);
// The writable fields under their API keys, for PATCH overlays and the audit log.
nlohmann::json service_type_input_json(const ServiceTypeInput& input);
// The rule fields of one version under their API keys.
nlohmann::json rules_json(const ServiceRules& rules);

}  // namespace rw::services
