#pragma once
// The only SQL of notice numbering: the patterns organizations set and the yearly counters.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "platform/db/database.hpp"

namespace rw::notices {

// kind → pattern, for the kinds the organization has set.
std::map<std::string, std::string> stored_patterns(db::Connection& db, std::int64_t org_id);
void save_pattern(db::Connection& db, std::int64_t org_id, const std::string& kind,
                  const std::string& pattern, const std::string& now, std::optional<std::int64_t> by);

// Advances the counter and returns its new value (1 for the year's first), holding the counter's row until
// the caller's transaction ends.
std::int64_t advance_counter(db::Connection& db, std::int64_t org_id, const std::string& pattern, int year);
// The counter's value without advancing it (0 before the year's first number).
std::int64_t counter_value(db::Connection& db, std::int64_t org_id, const std::string& pattern, int year);

}  // namespace rw::notices
