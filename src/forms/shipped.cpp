#include "forms/shipped.hpp"

#include <string>

#include "platform/embedded.hpp"

namespace rw::forms {

std::vector<Template> shipped_templates() {
  std::vector<Template> out;
  for (const auto& file : embedded::data_files()) {
    const std::string name(file.name);
    if (name.rfind("checklists/", 0) != 0 || !name.ends_with(".json") || name.ends_with(".schema.json"))
      continue;
    out.push_back(parse_template(nlohmann::json::parse(file.text)));
  }
  return out;
}

}  // namespace rw::forms
