#pragma once
// What people write on a notice, read from a request body (POST /notices, POST /visits/{id}/notices, PATCH
// /notices/{id}) and written back as the API shows it. Pure: the hazards and the kind are checked by the
// service against the database.
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "notices/notice_store.hpp"
#include "platform/json_input.hpp"

namespace rw::notices {

// An error for each key of `body` that is neither a notice field nor one of `others`.
void refuse_unknown_fields(Fields& fields, const nlohmann::json& body, const std::set<std::string>& others);
// Overwrites the fields the body has (null clears one).
void read_fields(Fields& fields, NoticeFields& f);
nlohmann::json fields_json(const NoticeFields& f);

}  // namespace rw::notices
