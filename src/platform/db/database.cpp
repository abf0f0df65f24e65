#include "platform/db/database.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "platform/memory.hpp"

namespace rw::db {

const Value& Row::at(std::string_view column) const {
  for (std::size_t i = 0; i < columns_->size(); ++i)
    if ((*columns_)[i] == column) return values_[i];
  throw std::logic_error("no column " + std::string(column));
}

bool Row::is_null(std::string_view column) const {
  return std::holds_alternative<std::monostate>(at(column));
}

std::vector<std::int64_t> Rows::integers(std::string_view column) const {
  std::vector<std::int64_t> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.push_back((*this)[i].integer(column));
  return out;
}

std::int64_t Row::integer(std::string_view column) const {
  const Value& v = at(column);
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  return 0;
}

double Row::real(std::string_view column) const {
  const Value& v = at(column);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return std::stod(*s);
  return 0;
}

std::string Row::text(std::string_view column) const {
  const Value& v = at(column);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<std::int64_t> Row::optional_integer(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::optional<std::string> Row::optional_text(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<double> Row::optional_real(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

namespace {

// How many times this process refreshed SQLite's statistics: a connection opened before the last refresh
// plans with the statistics it read when it opened.
std::atomic<std::uint64_t> statistics_refreshed{0};

}  // namespace

struct Database::Pool {
  struct Idle {
    std::unique_ptr<Connection> connection;
    std::uint64_t statistics;
  };
  std::mutex mutex;
  std::condition_variable available;
  std::vector<Idle> idle;
  std::size_t open = 0;
  std::size_t limit = 1;
};

Database::Database(std::string url, Dialect dialect, std::size_t pool_size, ConnectionSettings settings)
    : url_(std::move(url)),
      dialect_(dialect),
      serial_(new_database_serial()),
      settings_(settings),
      pool_(std::make_unique<Pool>()) {
  pool_->limit = pool_size == 0 ? 1 : pool_size;
}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size,
                                         ConnectionSettings settings) {
  Dialect dialect;
  if (url.rfind("sqlite://", 0) == 0) {
    dialect = Dialect::sqlite;
    if (url.size() <= 9 || url[9] != '/')
      throw std::invalid_argument("sqlite URL needs an absolute path: " + url);
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    dialect = Dialect::postgresql;
  } else {
    throw std::invalid_argument("unsupported database URL (use sqlite:///abs/path.db or postgresql://…): " +
                                url);
  }
  std::unique_ptr<Database> db(new Database(url, dialect, pool_size, settings));
  db->acquire();  // fail fast on a bad URL or unreachable server
  return db;
}

std::uint64_t new_database_serial() {
  static std::atomic<std::uint64_t> serials{0};
  return ++serials;
}

std::unique_ptr<Connection> Database::connect() const {
  if (dialect_ == Dialect::sqlite)
    return open_sqlite(url_.substr(9), settings_.sqlite_read_cache_mib, serial_);
  return open_postgresql(url_, serial_);
}

Database::Lease Database::acquire() {
  // Connections opened before the statistics were refreshed, closed once the pool's lock is let go (closing
  // the last connection to a SQLite file checkpoints its WAL).
  std::vector<std::unique_ptr<Connection>> stale;
  std::unique_lock lock(pool_->mutex);
  for (;;) {
    if (!pool_->idle.empty()) {
      auto idle = std::move(pool_->idle.back());
      pool_->idle.pop_back();
      if (idle.statistics == statistics_refreshed)
        return Lease(this, std::move(idle.connection), idle.statistics);
      stale.push_back(std::move(idle.connection));  // a new one is opened below in its place
      --pool_->open;
      continue;
    }
    if (pool_->open < pool_->limit) {
      ++pool_->open;
      lock.unlock();
      try {
        const std::uint64_t statistics = statistics_refreshed;  // read before the connection reads them
        return Lease(this, connect(), statistics);
      } catch (...) {
        std::lock_guard relock(pool_->mutex);
        --pool_->open;
        throw;
      }
    }
    pool_->available.wait(lock);
  }
}

Database::PoolState Database::pool_state() const {
  std::lock_guard lock(pool_->mutex);
  return {pool_->open, pool_->idle.size(), pool_->limit};
}

void Database::release(std::unique_ptr<Connection> connection, std::uint64_t statistics) {
  {
    std::lock_guard lock(pool_->mutex);
    if (connection && connection->healthy() && statistics == statistics_refreshed) {
      pool_->idle.push_back({std::move(connection), statistics});
    } else {
      --pool_->open;
    }
  }
  pool_->available.notify_one();
}

Database::Lease::~Lease() {
  if (owner_) owner_->release(std::move(connection_), statistics_);
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.rollback();
    } catch (...) {
      // The connection reports its own failure on next use; a destructor must not throw.
    }
  }
}

void Transaction::commit() {
  connection_.commit();
  done_ = true;
}

std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::uint64_t statistics_refreshes() { return statistics_refreshed; }

void refresh_statistics(Connection& connection) {
  // The pages ANALYZE samples would stay in the connection's cache (up to serve's --read-cache-mib, 32 MiB
  // of a server's 77 MB idle RSS at province scale) though no request reads them again: shrink_memory lets
  // them go, and the freed memory goes back to the system, which the allocator otherwise keeps for the
  // process (a server that applied a migration at start on a province copy: RSS 139 -> 68 MB).
  if (connection.dialect() == Dialect::sqlite) {
    connection.execute_script("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA shrink_memory");
    ++statistics_refreshed;
    return_free_memory();
  } else {
    connection.execute_script("ANALYZE");
  }
}

bool refresh_statistics_if_outgrown(Connection& connection, const std::string& table) {
  if (connection.dialect() != Dialect::sqlite) return false;
  if (connection.query("SELECT 1 AS one FROM sqlite_schema WHERE name = 'sqlite_stat1'").empty())
    return false;
  const auto sizes = connection.query(
      "SELECT (SELECT COUNT(*) FROM " + table +
          ") AS held, (SELECT MAX(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = ?) AS counted",
      {table})[0];
  // No statistics of the table: SQLite assumes a large one, which suits a table that grows.
  if (sizes.is_null("counted")) return false;
  const auto held = sizes.integer("held"), counted = sizes.integer("counted");
  if (held < 2 * counted || held - counted < kRowsThatOutgrowStatistics) return false;
  refresh_statistics(connection);
  return true;
}

std::string like_contains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

std::string like_ignoring_case(Dialect dialect, std::string_view column, std::string_view text) {
  const bool has_ascii_letters = std::any_of(
      text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  if (dialect == Dialect::sqlite || !has_ascii_letters) return std::string(column) + " LIKE ? ESCAPE '\\'";
  return "lower(" + std::string(column) + ") LIKE lower(?) ESCAPE '\\'";
}

}  // namespace rw::db
