#pragma once
// Demo enterprises, policies and staff on top of the demo organizations (see demo_data.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::app {

struct DemoOrganizations {
  std::int64_t platform = 0;
  std::int64_t insurer_a = 0;
  std::int64_t insurer_b = 0;
  std::int64_t agency_a = 0;
  std::int64_t agency_b = 0;
  std::int64_t park = 0;
  std::vector<std::int64_t> enterprises;  // the 20 enterprise organizations
  std::vector<std::int64_t> streets;
};

void seed_demo_registry(db::Connection& db, const DemoOrganizations& orgs, const std::string& now);

}  // namespace rw::app
