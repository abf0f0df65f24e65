#pragma once
// SQLite: new and changed enterprises wait in a list (V052) and go into the text indexes many at a time, one
// FTS5 segment per pass instead of one per enterprise. PostgreSQL's trigram indexes take each row as it is
// written: there these do nothing.
#include <cstdint>

#include "platform/db/database.hpp"

namespace rw::registry {

// Whether any enterprise waits for the text indexes: the search then tests those on their columns.
bool enterprises_wait_for_search_index(db::Connection& db);

// Indexes the waiting enterprises, the first `at_most` by id (-1: all), in the caller's write transaction
// (the demo seed and the generator index all theirs in one pass; an import leaves its own to the server's
// passes, so that it holds the writers' turn for less). Returns how many it indexed.
std::int64_t index_waiting_enterprises(db::Connection& db, std::int64_t at_most = -1);

// Indexes every waiting enterprise, a write transaction of its own for each pass of at most `per_pass`, so
// that other writers go between passes (the server's job, every 100 ms).
void index_all_waiting_enterprises(db::Connection& db, std::int64_t per_pass = 1'000);

}  // namespace rw::registry
