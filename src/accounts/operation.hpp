#pragma once
// What every service operation runs with — the same for a request, a daily job, an import row or (later)
// an offline sync and a generated document: the connection (inside the caller's transaction), who acts,
// the clock, and the trace id (request or job) recorded with each audit entry. Services take this, never
// the HTTP request, so every caller gets the same operations and the same access rules.
#include <string>
#include <string_view>

#include "accounts/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace rw::accounts {

struct Operation {
  db::Connection& db;
  const Actor& actor;
  const Clock& clock;
  std::string_view trace_id;

  std::string now_text() const { return format_utc(clock.now()); }
};

}  // namespace rw::accounts
