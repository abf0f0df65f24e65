#pragma once
// Who sees a record made between parties about one enterprise (a plan, a deadline): the organizations
// named in `org_columns` (with their sub-organizations), the enterprise itself (`e.org_id`), and
// regulators whose jurisdiction holds the enterprise's region. Everything for a platform admin.
#include <initializer_list>
#include <string_view>

#include "accounts/actor.hpp"
#include "platform/db/database.hpp"
#include "platform/sql_filter.hpp"

namespace rw::services {

// A condition on the record joined to enterprises `e`.
SqlFilter party_scope(db::Connection& db, const accounts::Actor& user,
                      std::initializer_list<std::string_view> org_columns);

}  // namespace rw::services
