#pragma once
// Row values as JSON, NULL as null.
#include <nlohmann/json.hpp>

#include <string_view>

#include "platform/db/database.hpp"

namespace rw {

inline nlohmann::json json_text(const db::Row& row, std::string_view column) {
  return row.is_null(column) ? nlohmann::json() : nlohmann::json(row.text(column));
}

inline nlohmann::json json_integer(const db::Row& row, std::string_view column) {
  return row.is_null(column) ? nlohmann::json() : nlohmann::json(row.integer(column));
}

}  // namespace rw
