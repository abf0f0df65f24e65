#pragma once
// Row values and optional fields as JSON, NULL and nullopt as null.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

#include "platform/db/database.hpp"

namespace rw {

inline nlohmann::json json_text(const db::Row& row, std::string_view column) {
  return row.is_null(column) ? nlohmann::json() : nlohmann::json(row.text(column));
}

inline nlohmann::json json_integer(const db::Row& row, std::string_view column) {
  return row.is_null(column) ? nlohmann::json() : nlohmann::json(row.integer(column));
}

// An optional field of a record: its value, or null.
inline nlohmann::json optional_json(const auto& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

// The reverse, for a stored record read back as JSON: null or absent → nullopt.
inline std::optional<std::int64_t> optional_integer_of(const nlohmann::json& object, std::string_view key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return it->get<std::int64_t>();
}

}  // namespace rw
