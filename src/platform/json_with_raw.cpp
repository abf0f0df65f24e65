#include "platform/json_with_raw.hpp"

#include <functional>

namespace rw {
namespace {

// `object`'s members as api_dump writes them (in key order), except member `key`'s value, which `special`
// writes (in the member's place, added when `object` has none).
void append_object(std::string& out, const nlohmann::json& object, const std::string& key,
                   const std::function<void(std::string&)>& special) {
  out += '{';
  bool first = true;
  const auto member = [&](const std::string& name) {
    if (!first) out += ',';
    first = false;
    out += api_dump(nlohmann::json(name));
    out += ':';
  };
  bool written = false;
  for (const auto& [name, value] : object.items()) {
    if (!written && name >= key) {
      member(key);
      special(out);
      written = true;
      if (name == key) continue;
    }
    member(name);
    out += api_dump(value);
  }
  if (!written) {
    member(key);
    special(out);
  }
  out += '}';
}

}  // namespace

std::string api_dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string api_dump(const JsonWithRaw& answer) {
  std::string out;
  out.reserve(answer.raw->size() + 4096);
  append_object(out, answer.value, answer.outer, [&](std::string& text) {
    append_object(text, answer.value.at(answer.outer), answer.inner,
                  [&](std::string& t) { t += *answer.raw; });
  });
  return out;
}

nlohmann::json whole(const JsonWithRaw& answer) {
  auto out = answer.value;
  out[answer.outer][answer.inner] = nlohmann::json::parse(*answer.raw);
  return out;
}

}  // namespace rw
