#pragma once
// `riskwatch bench-data`: a province (or one city) of realistic, deterministic data for benchmarks —
// regions, organizations of every party, staff, enterprises, policies, commissions, plans, visits,
// deadlines, notifications, audit entries, the visits' inspections (answers, findings, photo consent,
// training), their hazards and the notices about them, with the demo logins placed in it.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::benchdata {

struct Options {
  std::string scale = "city";  // tiny | city | province
  std::uint64_t seed = 1;
  std::string today;     // YYYY-MM-DD: the data is dated around this China day
  std::string password;  // every generated user's (the demo password, so benchmarks sign in as anyone)
};

struct Summary {
  std::map<std::string, std::int64_t> rows;  // per table
  double seconds = 0;
  std::vector<std::pair<std::string, double>> stages;  // each stage's end, seconds from the start
};

// Fills an empty, migrated database (with the shipped service catalog and checklist templates installed:
// inspections are opened from the templates there); refuses one that already has users. The same options
// give the same rows, except the password hash (a fresh salt).
Summary generate(db::Database& database, const Options& options);
std::string format_summary(const Summary& summary);

}  // namespace rw::benchdata
