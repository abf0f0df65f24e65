#pragma once
// The policies' yearly-survey day (V044's policies.surveyed_on), set once the generator has written the
// visits. On PostgreSQL, V044's triggers recount an enterprise's policies for every done visit and for each
// of its service types, and the server's connection plans V044's SQL function afresh on every call: the
// province took more than 15 minutes. So there the triggers are off while the stages write, and one UPDATE
// at the end sets every policy with the same function, as the migration did. SQLite compiles its triggers
// into the statements that fire them; they stay on.
#include "platform/db/database.hpp"

namespace rw::benchdata {

class DeferredSurveys {
 public:
  explicit DeferredSurveys(db::Connection& db);
  DeferredSurveys(const DeferredSurveys&) = delete;
  DeferredSurveys& operator=(const DeferredSurveys&) = delete;

  // Sets every policy's survey day and turns the triggers on again.
  void count();

 private:
  void set_triggers(const char* state);

  db::Connection& db_;
  bool deferred_;
};

}  // namespace rw::benchdata
