#pragma once
// The routes of signing in and out and of the signed-in user's own account (sign_in_service.hpp).
#include "api/context.hpp"

namespace rw::accounts {

// /auth/login, /auth/logout, /me, /me/password.
void add_auth_routes(api::Routes& routes);

}  // namespace rw::accounts
