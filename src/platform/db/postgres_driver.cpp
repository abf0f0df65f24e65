// PostgreSQL driver on libpq. Statements run outside a transaction unless this layer has begun one (one per
// request). libpq directly, not libpqxx 6.4: that has no way to send several statements before reading their
// results (pipeline mode), which query_each needs.
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "platform/db/database.hpp"

namespace rw::db {
namespace {

// Type OIDs from pg_type.h.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

bool succeeded(const PGresult* result) {
  const auto status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// The error a failed statement's result reports, by its SQLSTATE class: 23, a constraint refused a write; 40,
// the transaction was rolled back for another's sake (a deadlock, a serialization failure).
[[noreturn]] void throw_error_of(const PGresult* result, PGconn* connection) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string message =
      result && *PQresultErrorMessage(result) ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  const std::string_view sqlstate = state ? state : "";
  if (sqlstate.starts_with("23")) throw ConstraintViolation(message);
  if (sqlstate.starts_with("40")) throw TransientConflict(message);
  throw std::runtime_error(message);
}

Value value_at(const PGresult* result, int row, int column, Oid type) {
  if (PQgetisnull(result, row, column)) return std::monostate{};
  const char* text = PQgetvalue(result, row, column);
  const int length = PQgetlength(result, row, column);
  switch (type) {
    case kInt2:
    case kInt4:
    case kInt8: {
      std::int64_t n = 0;
      std::from_chars(text, text + length, n);
      return n;
    }
    case kFloat4:
    case kFloat8:
    case kNumeric:
      return std::strtod(text, nullptr);
    case kBool:
      return std::int64_t{*text == 't' ? 1 : 0};
    default:
      return std::string(text, static_cast<std::size_t>(length));
  }
}

Rows rows_of(const PGresult* result) {
  Rows rows;
  const int columns = PQnfields(result);
  std::vector<Oid> types;
  for (int i = 0; i < columns; ++i) {
    rows.columns->emplace_back(PQfname(result, i));
    types.push_back(PQftype(result, i));
  }
  const int count = PQntuples(result);
  rows.values.reserve(static_cast<std::size_t>(count));
  for (int r = 0; r < count; ++r) {
    std::vector<Value>& row = rows.values.emplace_back();
    row.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) row.push_back(value_at(result, r, i, types[i]));
  }
  return rows;
}

// A statement's parameters as libpq takes them: text, or a null pointer for NULL.
class ParamTexts {
 public:
  explicit ParamTexts(const Params& params) : texts_(params.size()), pointers_(params.size(), nullptr) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        texts_[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&v)) {
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, *d).ptr;
        texts_[i].assign(buffer, end);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        texts_[i] = *s;
      } else {
        continue;  // NULL stays a null pointer
      }
      pointers_[i] = texts_[i].c_str();
    }
  }
  int count() const { return static_cast<int>(pointers_.size()); }
  const char* const* values() const { return pointers_.data(); }

 private:
  std::vector<std::string> texts_;
  std::vector<const char*> pointers_;
};

class PostgresConnection final : public Connection {
 public:
  // A random page read costs about what a sequential one does (random_page_cost 1.1 instead of 4): the
  // product's lists read through indexes, and its tables sit on SSDs or in memory. With the default, the
  // planner read whole tables where an index reads a few thousand rows (province, one cluster, the server
  // before, after and before again, req/s: a regulator's enterprises of a district 391 and 425 -> 702, an
  // agency's of a city 52 and 55 -> 136, a regulator's checklists 134 -> 256; 36 other cases within noise).
  PostgresConnection(const std::string& url, std::uint64_t serial)
      : connection_(PQconnectdb(url.c_str())), serial_(serial) {
    if (!connection_) throw std::runtime_error("PostgreSQL: out of memory opening a connection");
    if (PQstatus(connection_.get()) != CONNECTION_OK)
      throw std::runtime_error(std::string("PostgreSQL: ") + PQerrorMessage(connection_.get()));
    execute_script("SET random_page_cost = 1.1");
  }

  Rows query(std::string_view sql, const Params& params) override { return rows_of(run(sql, params).get()); }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    const auto result = run(sql, params);
    const char* changed = PQcmdTuples(result.get());
    return *changed ? std::strtoll(changed, nullptr, 10) : 0;
  }

  void execute_script(std::string_view sql) override {
    const Result result(PQexec(connection_.get(), std::string(sql).c_str()));
    if (!result || !succeeded(result.get())) throw_error_of(result.get(), connection_.get());
  }

  // The statements go out together and their results are read after (pipeline mode): one wait for the
  // server instead of one for each. Outside a transaction they run in one implicit transaction, so they read
  // the same snapshot. On an error the statements after it are not run, and the error is thrown once all
  // results are in. The connection stays blocking: the statements (a few kilobytes) fit the sockets' buffers
  // while the server writes its first results, so sending all before reading any cannot wait on the server.
  std::vector<Rows> query_each(const std::vector<Statement>& statements) override {
    if (statements.size() < 2) return Connection::query_each(statements);
    std::vector<Rows> out;
    for (const auto& result : run_together(statements)) out.push_back(rows_of(result.get()));
    return out;
  }

  void begin(bool) override {
    execute_script("BEGIN");
    in_transaction_ = true;
  }
  // A failed COMMIT has ended the transaction too (PostgreSQL rolls it back).
  void commit() override {
    in_transaction_ = false;
    const std::string mode = std::exchange(plan_mode_, kPlanModeUnknown);  // a failed one undoes a SET too
    execute_script("COMMIT");
    plan_mode_ = mode;
  }
  void rollback() override {
    in_transaction_ = false;
    plan_mode_ = kPlanModeUnknown;  // a SET in the transaction is undone
    execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return in_transaction_; }
  Dialect dialect() const override { return Dialect::postgresql; }
  std::uint64_t database_serial() const override { return serial_; }
  bool healthy() const override { return PQstatus(connection_.get()) == CONNECTION_OK; }
  bool plan_each_run(bool on) override { return std::exchange(plan_each_run_, on); }
  bool plan_once(bool on) override { return std::exchange(plan_once_, on); }

 private:
  struct ConnectionDeleter {
    void operator()(PGconn* connection) const { PQfinish(connection); }
  };

  Result run(std::string_view sql, const Params& params) {
    if (plan_mode_ != wanted_plan_mode()) return std::move(run_together({{std::string(sql), params}}).back());
    const ParamTexts texts(params);
    const auto name = statement_name(sql);
    Result result(name.empty() ? PQexecParams(connection_.get(), number_placeholders(sql).c_str(),
                                              texts.count(), nullptr, texts.values(), nullptr, nullptr, 0)
                               : PQexecPrepared(connection_.get(), name.c_str(), texts.count(),
                                                texts.values(), nullptr, nullptr, 0));
    if (!result || !succeeded(result.get())) throw_error_of(result.get(), connection_.get());
    return result;
  }

  // The name `sql` is prepared under on this connection, preparing it the first time; empty: sent unnamed,
  // when each run is planned with its values (PostgreSQL parses and plans it with them).
  //
  // Statements are prepared once per connection, so PostgreSQL parses each only once, and it plans each
  // with its values for the first five runs, then keeps a plan for all values unless that is estimated to
  // cost more (plan_cache_mode auto). The cache is bounded: SQL with inlined id lists varies, and those run
  // unnamed past the limit.
  std::string statement_name(std::string_view sql) {
    constexpr std::size_t kMaxPrepared = 500;
    if (plan_each_run_) return {};
    const auto it = prepared_.find(std::string(sql));
    if (it != prepared_.end()) return it->second;
    if (prepared_.size() >= kMaxPrepared) return {};
    std::string name = "rw" + std::to_string(prepared_.size());
    const Result result(
        PQprepare(connection_.get(), name.c_str(), number_placeholders(sql).c_str(), 0, nullptr));
    if (!result || !succeeded(result.get())) throw_error_of(result.get(), connection_.get());
    return prepared_.emplace(std::string(sql), std::move(name)).first->second;
  }

  // How PostgreSQL plans the statements that follow (plan_cache_mode): once for all values in a PlanOnce
  // scope, otherwise as it judges (auto, which a connection starts with).
  const char* wanted_plan_mode() const { return plan_once_ ? "force_generic_plan" : "auto"; }

  // The statements sent together (pipeline mode), after a SET of the plan mode when theirs is not the
  // connection's; their results in order (the SET's left out). An error, which may have undone the SET,
  // leaves the connection's plan mode unknown.
  std::vector<Result> run_together(const std::vector<Statement>& statements) {
    const char* mode = wanted_plan_mode();
    const bool set_mode = plan_mode_ != mode;
    const Statement set_plan_mode{std::string("SET plan_cache_mode = ") + mode, {}};
    std::vector<const Statement*> sent;
    if (set_mode) sent.push_back(&set_plan_mode);
    for (const auto& statement : statements) sent.push_back(&statement);
    std::vector<std::string> names;
    for (const auto* statement : sent) names.push_back(statement_name(statement->sql));
    PGconn* c = connection_.get();
    plan_mode_ = kPlanModeUnknown;
    if (!PQenterPipelineMode(c)) throw_error_of(nullptr, c);
    for (std::size_t i = 0; i < sent.size(); ++i) {
      const ParamTexts texts(sent[i]->params);
      const bool ok =
          names[i].empty()
              ? PQsendQueryParams(c, number_placeholders(sent[i]->sql).c_str(), texts.count(), nullptr,
                                  texts.values(), nullptr, nullptr, 0)
              : PQsendQueryPrepared(c, names[i].c_str(), texts.count(), texts.values(), nullptr, nullptr, 0);
      if (!ok) {
        leave_pipeline_after(i);
        throw_error_of(nullptr, c);
      }
    }
    auto out = read_pipeline(sent.size());
    plan_mode_ = mode;
    if (set_mode) out.erase(out.begin());
    return out;
  }

  // Each statement's result, then the pipeline's end; the first error is thrown after.
  std::vector<Result> read_pipeline(std::size_t count) {
    PGconn* c = connection_.get();
    PQpipelineSync(c);
    std::vector<Result> out;
    Result failed;
    for (std::size_t i = 0; i < count; ++i) {
      Result result(PQgetResult(c));
      if (!result) break;  // the connection failed: nothing more comes
      if (succeeded(result.get()))
        out.push_back(std::move(result));
      else if (!failed && PQresultStatus(result.get()) != PGRES_PIPELINE_ABORTED)
        failed = std::move(result);
      while (Result rest{PQgetResult(c)}) {
      }  // the null that ends this statement's results
    }
    while (Result result{PQgetResult(c)})
      if (PQresultStatus(result.get()) == PGRES_PIPELINE_SYNC) break;
    PQexitPipelineMode(c);
    if (failed || out.size() != count) throw_error_of(failed.get(), c);
    return out;
  }

  // After a send failed at statement `sent`: the ones before are read and dropped, and the pipeline ends.
  void leave_pipeline_after(std::size_t sent) {
    try {
      read_pipeline(sent);
    } catch (...) {
    }
  }

  std::unique_ptr<PGconn, ConnectionDeleter> connection_;
  std::uint64_t serial_;
  bool in_transaction_ = false;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
  bool plan_each_run_ = false;
  bool plan_once_ = false;
  static constexpr const char* kPlanModeUnknown = "";
  std::string plan_mode_ = "auto";  // the connection's plan_cache_mode, as far as known
};

}  // namespace

std::unique_ptr<Connection> open_postgresql(const std::string& url, std::uint64_t serial) {
  return std::make_unique<PostgresConnection>(url, serial);
}

}  // namespace rw::db
