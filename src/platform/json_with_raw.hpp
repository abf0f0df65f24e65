#pragma once
// A JSON answer with one large member that never changes kept already serialized (a checklist template's
// body, up to 94 KB): serializing it on every read was a third of a checklist's read.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace rw {

// How the API serializes JSON: compact, invalid UTF-8 replaced.
std::string api_dump(const nlohmann::json& value);

struct JsonWithRaw {
  nlohmann::json value;  // an object whose member `outer` is an object
  std::string outer, inner;
  std::shared_ptr<const std::string> raw;  // value[outer][inner], serialized by api_dump
};

// api_dump of `answer.value` with `*answer.raw` as value[outer][inner], the members in the order api_dump
// writes them.
std::string api_dump(const JsonWithRaw& answer);
// The answer as one value (parses the raw member), where one is needed and the cost does not matter.
nlohmann::json whole(const JsonWithRaw& answer);

}  // namespace rw
