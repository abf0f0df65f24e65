#pragma once
#include "app/context.hpp"

namespace rw::accounts {

// /auth/login, /auth/logout, /me, /me/password.
void add_auth_routes(app::Routes& routes);

}  // namespace rw::accounts
