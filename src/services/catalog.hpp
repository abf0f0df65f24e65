#pragma once
// What the rest of the services capability needs from the service catalog: the rules of a service
// type as they stood in one version. Commissions, plans and visits keep the version they were made
// with, so later edits of the catalog do not change old services.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::services {

struct ServiceRules {
  std::int64_t type_id = 0;
  std::int64_t version_id = 0;
  int version = 0;
  std::string code;
  std::string name_zh;
  std::string name_en;
  std::string class_code;
  std::string source;  // wuxi | chengdu | xuzhou | guilin | custom
  std::string description;
  std::string reference;       // where the seed defines it, e.g. "wuxi §9(一); att.1 一(一)"
  std::string insurance_type;  // environmental | work_safety | park_hosting
  bool on_site = true;         // done at the enterprise, so a visit's staffing rule applies
  bool annual_survey = false;  // counts as the yearly on-site survey (wuxi §15(一))
  std::vector<std::string> deliverables;
  std::optional<int> upload_working_days;  // data upload due this many working days after the visit
  // What the upload deadline counts from: service_end (the visit) or filing_receipt (wuxi att.1 四 一、:
  // an emergency plan is uploaded once its filing form is back, not after the visit).
  std::string upload_from = "service_end";
  std::string upload_basis;  // where that rule comes from, e.g. "wuxi att.1 一(一)7"
  int min_people = 2;
  int min_people_large = 3;
  bool expert_always = false;
  std::vector<std::int64_t> checklists;  // checklist templates (linked by a later issue)
};

// The current version of each active type, in the order given. Unknown or inactive ids are a 422 on
// `field` (code unknown_service_type) listing them.
std::vector<ServiceRules> current_service_rules(db::Connection& db, const std::vector<std::int64_t>& type_ids,
                                                std::string_view field);
// The rules of the given versions, in the order given (versions never disappear, so an unknown id is a
// programming error: std::out_of_range).
std::vector<ServiceRules> service_rules_of_versions(db::Connection& db,
                                                    const std::vector<std::int64_t>& version_ids);

// Adds the classes and types of data/catalog/service-catalog.json whose code the database does not have
// yet (types as version 1). Never changes what is there, so an admin's edits stay; safe to run at every
// start. Runs in its own transaction.
void install_shipped_catalog(db::Connection& db);

}  // namespace rw::services
