#pragma once
// Exports: the rows of a list the actor may see, with the list's filters and order, as an .xlsx file in
// the import's columns (so an export edited in Excel imports again). At most 100,000 rows: beyond that 422
// too_many_rows asks for narrower filters.
#include <map>
#include <string>

#include "accounts/operation.hpp"

namespace rw::exchange {

std::string enterprises_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query);
std::string policies_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query);
std::string staff_xlsx(const accounts::Operation& op, const std::map<std::string, std::string>& query);

}  // namespace rw::exchange
