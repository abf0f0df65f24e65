#pragma once
// Reading what was found on site from a request (a hazard added by hand, an edit, a finding's edits): the
// domain, a class of that domain with a sub-class of it (free text where the seed lists none), description,
// location, photos, grade, legal basis, suggestion, remarks. Every fault is a field error.
#include <nlohmann/json_fwd.hpp>

#include <set>
#include <string>

#include "hazards/hazard_store.hpp"
#include "platform/json_input.hpp"

namespace rw::hazards {

// The fields a body may have besides the facts.
void refuse_unknown_fields(Fields& fields, const nlohmann::json& body, const std::set<std::string>& others);
// Overwrites `facts` with the fields given; `create`: domain, category, grade and description are required.
void read_facts(Fields& fields, HazardFacts& facts, bool create);
// {domain, category, sub_category, description, location, photos, grade, basis, suggestion, remarks}
nlohmann::json facts_json(const HazardFacts& facts);
HazardFacts facts_of(const db::Row& hazard);

}  // namespace rw::hazards
