#pragma once
// The routes of user accounts (user_service.hpp).
#include "api/context.hpp"

namespace rw::accounts {

// /users: accounts of the organizations an admin manages.
void add_user_routes(api::Routes& routes);

}  // namespace rw::accounts
