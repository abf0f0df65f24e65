#pragma once
#include "api/context.hpp"

namespace rw::suminsured {

// Suggested sum insured 建议保额: an insurer's table (versions), the shipped example, a band for a level and
// scale or an enterprise.
void add_sum_insured_routes(api::Routes& routes);

}  // namespace rw::suminsured
