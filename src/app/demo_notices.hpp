#pragma once
// Demo notices 文书: the agency's numbered warning notices listing the done visit's hazards (one received
// with the enterprise's signature drawn on a phone, one issued and waiting, one draft), its 温馨提示单, the
// regulator's own warning notice, and the park's 整改通知书 (guilin J.1) and 核查通知 (guilin B.1) to an
// enterprise in the park.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/files/file_store.hpp"

namespace rw::app {

void seed_demo_notices(db::Connection& db, const Clock& clock, files::FileStore& store);

}  // namespace rw::app
