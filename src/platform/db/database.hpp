#pragma once
// One small database interface with two drivers (SQLite, PostgreSQL).
// SQL uses `?` placeholders everywhere; the PostgreSQL driver rewrites them to $n.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rw::db {

enum class Dialect { sqlite, postgresql };

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value null_value() { return std::monostate{}; }
template <class T>
Value optional_value(const std::optional<T>& v) {
  return v ? Value(*v) : Value(std::monostate{});
}

// A unique or foreign-key constraint refused a write. Code checks such rules first to give a precise
// error; this is the backstop for races, mapped to 409.
class ConstraintViolation : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database gave up on the transaction for another's sake (PostgreSQL: a deadlock or a serialization
// failure; SQLite: no turn to write within the busy timeout). Nothing was written and the same request may
// succeed a moment later: mapped to 503 with Retry-After. Code takes its locks in one order so this stays
// rare.
class TransientConflict : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One result row. It owns its values, so it stays valid after the Rows it came from are gone.
class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> values)
      : columns_(std::move(columns)), values_(std::move(values)) {}
  bool is_null(std::string_view column) const;
  std::int64_t integer(std::string_view column) const;
  double real(std::string_view column) const;
  std::string text(std::string_view column) const;  // NULL reads as ""
  std::optional<std::int64_t> optional_integer(std::string_view column) const;
  std::optional<std::string> optional_text(std::string_view column) const;
  std::optional<double> optional_real(std::string_view column) const;

 private:
  const Value& at(std::string_view column) const;
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Value> values_;
};

struct Rows {
  std::shared_ptr<std::vector<std::string>> columns = std::make_shared<std::vector<std::string>>();
  std::vector<std::vector<Value>> values;

  std::size_t size() const { return values.size(); }
  bool empty() const { return values.empty(); }
  Row operator[](std::size_t i) const { return Row(columns, values.at(i)); }
  // One column of every row, e.g. the ids of a page for a follow-up IN query.
  std::vector<std::int64_t> integers(std::string_view column) const;
};

// A statement and its parameters, for query_each.
struct Statement {
  std::string sql;
  Params params;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  Rows query(const Statement& statement) { return query(statement.sql, statement.params); }
  // Statements that do not depend on each other's results (reads, or a write whose rows the others do not
  // need), each one's rows in their order. PostgreSQL sends them together and waits for the server once (a
  // record's page reads its notes, its history and more: each statement on its own was a round trip);
  // SQLite runs them one after another.
  virtual std::vector<Rows> query_each(const std::vector<Statement>& statements) {
    std::vector<Rows> out;
    for (const auto& statement : statements) out.push_back(query(statement));
    return out;
  }
  // Returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // `write` asks SQLite to take the write lock up front (BEGIN IMMEDIATE), after the process's writer queue
  // (writer_queue.hpp) gives this connection its turn, so writers never fail on lock upgrade. On a SQLite
  // file the writers queued meanwhile commit in the same transaction, each in a savepoint of its own;
  // commit() returns once the work is committed, and throws when it was not.
  virtual void begin(bool write) = 0;
  // A write transaction that may run for seconds (an import of a whole file, a pass over many rows). SQLite:
  // it does not take over a transaction other writers left open for it to commit with theirs, which would
  // have them wait for it; they commit first.
  virtual void begin_long_write() { begin(true); }
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // Whether a transaction is open on this connection. What it reads may still roll back, so values the
  // process keeps beyond a request are kept only from reads outside one (services/service_type_ref.cpp).
  virtual bool in_transaction() const = 0;
  virtual Dialect dialect() const = 0;
  // SQLite: the name of a temporary table of this connection, `(id INTEGER PRIMARY KEY)`, holding the ids
  // that `select` finds, kept under `key` from one transaction to the next while `generation` stays the same
  // and found again when it changes. A statement then tests `x IN (SELECT id FROM <name>)` through the
  // table's key, where a subquery would be read again into a set by every statement (a regulator's 12,031
  // enterprises: 5-8 ms each time at province scale). The caller's `generation` must change whenever what
  // `select` finds may have. A few sets are kept; the least recently used gives way.
  // Other databases plan such sets well themselves: nullopt.
  virtual std::optional<std::string> kept_id_set(const std::string& /*key*/, std::int64_t /*generation*/,
                                                 std::string_view /*select*/, const Params& /*params*/) {
    return std::nullopt;
  }
  // A number naming the database this connection reads, within this process: the connections of one Database
  // share it, and no other database has it. What the process keeps between requests keys by it
  // (platform/kept_by_generation.hpp), so that two databases with the same ids in one process (tests) never
  // see each other's values.
  virtual std::uint64_t database_serial() const = 0;
  // False once the connection is unusable (e.g. the server went away); the pool drops it.
  virtual bool healthy() const { return true; }
  // PostgreSQL: whether the statements that follow are planned with their values every time they run, or
  // prepared once, when PostgreSQL may keep one plan for all values after a few runs (PlanEachRun says
  // which statements want which). Returns the setting before. SQLite plans every statement with its values.
  virtual bool plan_each_run(bool /*on*/) { return false; }
  // PostgreSQL: whether the statements that follow are planned once for all values from their first run
  // (PlanOnce says which). Returns the setting before.
  virtual bool plan_once(bool /*on*/) { return false; }
};

// One of the connection's planning settings (plan_each_run, plan_once) turned on while it lives, and given
// back as it was before when it ends.
template <bool (Connection::*kSetting)(bool)>
class PlanningScope {
 public:
  explicit PlanningScope(Connection& connection)
      : connection_(connection), before_((connection.*kSetting)(true)) {}
  PlanningScope(const PlanningScope&) = delete;
  PlanningScope& operator=(const PlanningScope&) = delete;
  ~PlanningScope() { (connection_.*kSetting)(before_); }

 private:
  Connection& connection_;
  bool before_;
};

// While it lives, the connection's statements are planned with their values each time they run (PostgreSQL;
// SQLite always does). For statements whose best plan depends on the values: a list's count and page (a
// party's regions, a search text, a status that is rare or common) and a large write, where one plan kept
// for all values made an import 2.5 times slower. Elsewhere a request's statements look rows up by their
// keys, and planning them anew each time cost more than running them (a signed-in request's session: 0.3 ms
// to plan, 0.02 ms to run).
using PlanEachRun = PlanningScope<&Connection::plan_each_run>;

// While it lives, the connection's statements are planned once for all values, from their first run
// (PostgreSQL; SQLite plans every run and quickly). For a statement whose plan does not depend on its values
// but costs more to make than to run, which PostgreSQL would otherwise plan with its values every time:
// a page's rows by their ids (`= ANY(ids)`), where a plan for the page's own ids always looks cheaper than
// one for all (a visit's checklists: 0.28-0.37 ms to plan, 0.04-0.06 ms to run).
using PlanOnce = PlanningScope<&Connection::plan_once>;

// How each connection of a pool is opened.
struct ConnectionSettings {
  // SQLite: the page cache of a connection's reads, in MiB (0: SQLite's default of 2 MB). Each connection
  // has its own, so the server's memory grows by up to this many MiB per connection.
  std::size_t sqlite_read_cache_mib = 0;
};

// A pool of connections to one database.
class Database {
 public:
  // url: sqlite:///abs/path.db or postgresql://user@host:port/db
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size,
                                        ConnectionSettings settings = {});
  ~Database();

  class Lease {
   public:
    Lease(Database* owner, std::unique_ptr<Connection> connection, std::uint64_t statistics)
        : owner_(owner), connection_(std::move(connection)), statistics_(statistics) {}
    Lease(Lease&& other) noexcept
        : owner_(other.owner_), connection_(std::move(other.connection_)), statistics_(other.statistics_) {
      other.owner_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    Database* owner_;
    std::unique_ptr<Connection> connection_;
    std::uint64_t statistics_;  // the refresh_statistics() the connection was opened after
  };

  Lease acquire();
  struct PoolState {
    std::size_t open = 0, idle = 0, limit = 0;
  };
  PoolState pool_state() const;
  Dialect dialect() const { return dialect_; }
  std::string dialect_name() const { return dialect_ == Dialect::sqlite ? "sqlite" : "postgresql"; }

 private:
  Database(std::string url, Dialect dialect, std::size_t pool_size, ConnectionSettings settings);
  std::unique_ptr<Connection> connect() const;
  void release(std::unique_ptr<Connection> connection, std::uint64_t statistics);

  struct Pool;
  std::string url_;
  Dialect dialect_;
  std::uint64_t serial_;  // database_serial() of its connections
  ConnectionSettings settings_;
  std::unique_ptr<Pool> pool_;
};

// Connection::begin_long_write, for a Transaction.
struct LongWrite {};
inline constexpr LongWrite kLongWrite{};

// Rolls back on scope exit unless committed.
class Transaction {
 public:
  Transaction(Connection& connection, bool write) : connection_(connection) { connection_.begin(write); }
  Transaction(Connection& connection, LongWrite) : connection_(connection) { connection_.begin_long_write(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

// Gives the query planner fresh statistics of the tables and indexes. Without them SQLite guesses that
// every index is as selective as any other and may read a whole status index instead of one agency's
// rows; ANALYZE samples each index (analysis_limit) so a province-size file takes a fraction of a
// second. PostgreSQL's autovacuum analyzes changed tables itself; after a bulk load call it there too.
// A SQLite handle reads the statistics when it opens, and only then: the pools of this process close their
// connections opened before a refresh as they come back and open new ones in their place, and the handle of
// the writes (sqlite_driver.cpp) opens again.
void refresh_statistics(Connection& connection);
// How many times this process has refreshed SQLite's statistics.
std::uint64_t statistics_refreshes();
// SQLite: refreshes the statistics when `table` (the caller's constant) holds twice the rows they counted and
// kRowsThatOutgrowStatistics more, as after importing a city's enterprises into a database that held a few
// (searches planned for the few took 0.5-1 s a request, 1 ms with new statistics); true when it did. Many
// small imports add up to it as one large one does.
constexpr std::int64_t kRowsThatOutgrowStatistics = 1'000;
bool refresh_statistics_if_outgrown(Connection& connection, const std::string& table);

// A database_serial() no connection of this process has had.
std::uint64_t new_database_serial();
std::unique_ptr<Connection> open_sqlite(const std::string& path, std::size_t read_cache_mib = 0,
                                        std::uint64_t serial = new_database_serial());
std::unique_ptr<Connection> open_postgresql(const std::string& url,
                                            std::uint64_t serial = new_database_serial());

// `?` → `$1, $2, …`, leaving quoted text alone.
std::string number_placeholders(std::string_view sql);
// Escapes % and _ for a LIKE pattern used with ESCAPE '\'.
std::string like_contains(std::string_view text);
// `column LIKE ? ESCAPE '\'`, for the pattern like_contains(text), ignoring the case of ASCII letters on both
// databases, as SQLite's LIKE does. PostgreSQL's LIKE compares it, so there a text with ASCII letters is
// compared lowered on both sides; only then, since lower() on every row doubled a search's cost
// (bench/README, thirty-seventh round).
std::string like_ignoring_case(Dialect dialect, std::string_view column, std::string_view text);

}  // namespace rw::db
