#pragma once
// The routes of in-app notifications (notification_service.hpp).
#include "api/context.hpp"

namespace rw::notify {

// /notifications: the signed-in user's messages and their read marks.
void add_notification_routes(api::Routes& routes);

}  // namespace rw::notify
