#pragma once
// The checklist templates shipped with the server (data/checklists/*.json, compiled in).
#include <vector>

#include "forms/template.hpp"

namespace rw::forms {

// Each shipped template, read and checked; a shipped template that fails its checks is a build defect and
// throws.
std::vector<Template> shipped_templates();

}  // namespace rw::forms
