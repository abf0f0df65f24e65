#pragma once
#include "api/context.hpp"

namespace rw::accounts {

// /auth/login, /auth/logout, /me, /me/password.
void add_auth_routes(api::Routes& routes);

}  // namespace rw::accounts
