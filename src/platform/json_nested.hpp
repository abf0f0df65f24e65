#pragma once
// Reading nested request bodies (lists of objects inside objects) with one list of errors, each named by its
// JSON path ("categories[2].items[0].code"), so a 422 says exactly where the fault is.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "platform/json_input.hpp"

namespace rw {

// The value when it is an object, else an empty object (its fields then read as missing).
inline const nlohmann::json& object_or_empty(const nlohmann::json& value) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return value.is_object() ? value : kEmpty;
}

// The member, or null when the value is no object or lacks it (a const operator[] must not miss).
inline const nlohmann::json& member(const nlohmann::json& value, const char* key) {
  static const nlohmann::json kNull;
  if (!value.is_object()) return kNull;
  const auto found = value.find(key);
  return found == value.end() ? kNull : *found;
}

// The errors of a nested object's fields, each prefixed with the object's path.
inline void add_nested_errors(const std::string& path, const Fields& nested, std::vector<FieldError>& out) {
  for (auto e : nested.errors()) {
    e.field = path + "." + e.field;
    out.push_back(std::move(e));
  }
}

}  // namespace rw
