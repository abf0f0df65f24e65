// SQLite driver: WAL, foreign keys on, busy timeout; statements cached per handle; the process's writers
// queue for the write lock, write through one shared handle and checkpoint outside their turns
// (writer_queue.hpp).
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/db/text_pieces.hpp"
#include "platform/db/writer_queue.hpp"

namespace rw::db {
namespace {

// text_pieces(text, …) for SQL: V017's triggers keep the short-search index with it (in C++, as cutting every
// row's texts into pieces in SQL cost as much again as the rest of an enterprise's insert). NULL texts count
// as empty.
void text_pieces_function(sqlite3_context* context, int count, sqlite3_value** values) {
  std::vector<std::string_view> texts;
  for (int i = 0; i < count; ++i) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[i]));
    texts.emplace_back(text ? text : "", text ? static_cast<std::size_t>(sqlite3_value_bytes(values[i])) : 0);
  }
  const auto pieces = text_pieces(texts);
  sqlite3_result_text(context, pieces.data(), static_cast<int>(pieces.size()), SQLITE_TRANSIENT);
}

class SqliteError : public std::runtime_error {
 public:
  SqliteError(sqlite3* db, const std::string& what)
      : std::runtime_error("sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : "unknown")) {}
};

// How long a writer waits for the lock: its turn in the queue, then SQLite's busy timeout for writers of
// other processes.
constexpr std::chrono::milliseconds kLockPatience{10000};
// How long the checkpoint's own turn waits for readers still on the old WAL: every writer waits meanwhile.
constexpr int kRestartPatienceMs = 20;

// Connection::kept_id_set. Each set is a temporary table kept_ids_<slot>, described by a row of kept_sets;
// both are written in the caller's transaction, so a rollback takes a set and its description back together.
constexpr const char* kCreateKeptSets =
    "CREATE TEMP TABLE kept_sets (slot INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, "
    "generation INTEGER NOT NULL, used INTEGER NOT NULL)";
constexpr const char* kFindKeptSet = "SELECT slot, generation FROM temp.kept_sets WHERE key = ?";
constexpr const char* kKeptSlots = "SELECT slot FROM temp.kept_sets ORDER BY used";
constexpr const char* kUseKeptSet = "UPDATE temp.kept_sets SET used = ? WHERE slot = ?";
constexpr const char* kKeepSet =
    "INSERT OR REPLACE INTO temp.kept_sets (slot, key, generation, used) VALUES (?, ?, ?, ?)";
// Sets kept per handle: a regulator's jurisdiction at province scale is about 100,000 ids (1.6 MB).
constexpr std::int64_t kKeptSets = 4;

std::string kept_table(std::int64_t slot) { return "temp.kept_ids_" + std::to_string(slot); }

// Orders the uses of kept sets across the handles and connections of the process.
std::int64_t next_use() {
  static std::atomic<std::int64_t> uses{0};
  return ++uses;
}

// One SQLite handle and the statements prepared on it.
class Handle {
 public:
  explicit Handle(const std::string& path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      SqliteError error(db_, "open " + path);
      sqlite3_close(db_);
      throw error;
    }
    sqlite3_busy_timeout(db_, static_cast<int>(kLockPatience.count()));
    if (sqlite3_create_function_v2(db_, "text_pieces", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   text_pieces_function, nullptr, nullptr, nullptr) != SQLITE_OK) {
      SqliteError error(db_, "create function text_pieces");
      sqlite3_close(db_);
      throw error;
    }
    sqlite3_wal_hook(db_, committed, this);  // instead of the automatic checkpoint
    run("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA "
        "temp_store=MEMORY;");
    run(kCreateKeptSets);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close(db_);  // rolls back a transaction left open
  }

  sqlite3* db() const { return db_; }
  bool in_transaction() const { return !sqlite3_get_autocommit(db_); }
  // The WAL's size after this handle's last commit, once.
  int take_wal_pages() { return std::exchange(wal_pages_, 0); }

  void run(std::string_view sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown";
      sqlite3_free(message);
      throw std::runtime_error("sqlite: " + text);
    }
  }

  // Binds `params` in place (bind()): the statement must be run to its end before they go.
  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    sqlite3_stmt* statement;
    if (auto it = cache_.find(sql); it != cache_.end()) {
      statement = it->second;
      sqlite3_clear_bindings(statement);
    } else {
      std::string key(sql);
      if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                             &statement, nullptr) != SQLITE_OK)
        throw SqliteError(db_, "prepare " + key);
      cache_.emplace(std::move(key), statement);
    }
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement))
      throw std::logic_error("parameter count mismatch for: " + std::string(sql));
    for (std::size_t i = 0; i < params.size(); ++i) bind(statement, static_cast<int>(i) + 1, params[i]);
    return statement;
  }

  [[noreturn]] void fail(sqlite3_stmt* statement, std::string_view sql) {
    int code = sqlite3_extended_errcode(db_);
    SqliteError error(db_, "step " + std::string(sql));
    sqlite3_reset(statement);
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY ||
        code == SQLITE_CONSTRAINT_FOREIGNKEY)
      throw ConstraintViolation(error.what());
    if ((code & 0xff) == SQLITE_BUSY) throw TransientConflict(error.what());  // another process's writer
    throw error;
  }

 private:
  static int committed(void* handle, sqlite3*, const char*, int wal_pages) {
    static_cast<Handle*>(handle)->wal_pages_ = wal_pages;
    return SQLITE_OK;
  }

  static void bind(sqlite3_stmt* statement, int index, const Value& value) {
    if (auto* i = std::get_if<std::int64_t>(&value)) {
      sqlite3_bind_int64(statement, index, *i);
    } else if (auto* d = std::get_if<double>(&value)) {
      sqlite3_bind_double(statement, index, *d);
    } else if (auto* s = std::get_if<std::string>(&value)) {
      // SQLITE_STATIC: read in place, not copied. Every statement is stepped to its end and reset within the
      // query() or execute() that bound it, while the caller's values live; the next use binds anew. (A
      // copy of each text was a fifth of the generator's time at city scale.)
      sqlite3_bind_text(statement, index, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
    } else {
      sqlite3_bind_null(statement, index);
    }
  }

  sqlite3* db_ = nullptr;
  // Looked up by the caller's string_view, without copying the SQL (500-row INSERTs are long).
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> cache_;
  int wal_pages_ = 0;
};

// The handle through which every write transaction of the process runs on one file. SQLite drops a
// handle's page cache when another handle has committed since its last transaction, so with each connection
// writing through its own handle every write read its B-tree pages again from the file (about 65 preads to
// answer an item). Writers take turns anyway (WriterQueue): the turn is this handle's lock, and its cache
// stays warm from one write to the next. Opened by the first write, and again by the first after the
// statistics were refreshed: a handle reads them when it opens (refresh_statistics). Called in the writers'
// turn.
//
// Its transaction is shared too: the writers that queued while one wrote join its transaction, each in a
// savepoint of its own, and the last of them commits for all (CommitGroup).
class SharedWriter {
 public:
  explicit SharedWriter(std::string path) : path_(std::move(path)) {}
  Handle& handle() {
    if (handle_ && statistics_ != statistics_refreshes() && !handle_->in_transaction()) handle_.reset();
    if (!handle_) {
      statistics_ = statistics_refreshes();
      handle_.emplace(path_);
      handle_->run(kWriterCache);
    }
    return *handle_;
  }
  CommitGroup& group() { return group_; }

 private:
  // Negative sizes are KiB. The pages that writes touch again and again (the B-trees' upper levels, the
  // tables' last pages) fit; an import raises it while it runs (BulkWrite).
  static constexpr const char* kWriterCache = "PRAGMA cache_size = -16384";
  std::string path_;
  std::optional<Handle> handle_;
  std::uint64_t statistics_ = 0;  // the refreshes before the handle opened
  CommitGroup group_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, std::size_t read_cache_mib, std::uint64_t serial)
      : serial_(serial),
        writers_(writer_queue_for(path)),
        shared_writer_(
            one_per_file<SharedWriter>(path, [&] { return std::make_shared<SharedWriter>(path); })),
        own_(path) {
    // Negative sizes are KiB.
    if (read_cache_mib > 0) own_.run("PRAGMA cache_size = -" + std::to_string(read_cache_mib * 1024));
  }

  ~SqliteConnection() override {
    if (!in_turn_) return;
    if (current_ == &own_) {
      writers_->leave();
      return;
    }
    try {
      undo_member();
      end_member(false);
    } catch (...) {  // a destructor must not throw; undo_member() has ended the transaction then
    }
  }

  Rows query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* statement = current_->prepare(sql, params);
    const Turn turn(*this, writes_alone(statement));
    return rows_of(statement, sql);
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* statement = current_->prepare(sql, params);
    const Turn turn(*this, writes_alone(statement));
    return run_to_end(statement, sql);
  }

  // Reads and writes only temporary tables, which take no turn.
  std::optional<std::string> kept_id_set(const std::string& key, std::int64_t generation,
                                         std::string_view select, const Params& params) override {
    const auto on_handle = [this](std::string_view sql, const Params& values) {
      return rows_of(current_->prepare(sql, values), sql);
    };
    const auto kept = on_handle(kFindKeptSet, {key});
    if (!kept.empty() && kept[0].integer("generation") == generation) {
      on_handle(kUseKeptSet, {next_use(), kept[0].integer("slot")});
      return kept_table(kept[0].integer("slot"));
    }
    const auto slot = kept.empty() ? free_or_oldest_slot(on_handle(kKeptSlots, {})) : kept[0].integer("slot");
    const auto table = kept_table(slot);
    current_->run("CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER PRIMARY KEY)");
    on_handle("DELETE FROM " + table, {});
    on_handle("INSERT OR IGNORE INTO " + table + " (id) " + std::string(select), params);
    on_handle(kKeepSet, {slot, key, generation, next_use()});
    return table;
  }

  // Scripts (migrations, ANALYZE, pragmas) run outside a transaction take a turn too: they may write.
  void execute_script(std::string_view sql) override {
    const Turn turn(*this, !current_->in_transaction());
    current_->run(sql);
  }

  // A write transaction on a file is the shared writer's transaction, which the first writer of a group
  // begins and the last commits (end_member); a writer that joins it works in a savepoint of its own.
  void begin(bool write) override {
    if (!write) return own_.run("BEGIN");
    begin_write(true);
  }
  void begin_long_write() override { begin_write(false); }
  void commit() override {
    if (current_ == &own_) {
      try {
        own_.run("COMMIT");
      } catch (...) {
        if (!own_.in_transaction()) end_transaction();  // else still open: rollback() ends it
        throw;
      }
      return end_transaction();
    }
    if (joined_)
      current_->run("RELEASE member");  // fails only when the transaction ended: rollback() says so
    end_member(true);
  }
  void rollback() override {
    if (current_ == &own_) {
      if (own_.in_transaction()) own_.run("ROLLBACK");
      return end_transaction();
    }
    undo_member();
    end_member(false);
  }
  bool in_transaction() const override { return current_->in_transaction(); }
  Dialect dialect() const override { return Dialect::sqlite; }
  std::uint64_t database_serial() const override { return serial_; }

 private:
  // A statement outside a transaction that may write waits for its turn for as long as it runs.
  class Turn {
   public:
    Turn(SqliteConnection& connection, bool needed) : connection_(needed ? &connection : nullptr) {
      if (connection_) connection_->take_turn();
    }
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;
    ~Turn() {
      if (connection_) connection_->end_transaction();
    }

   private:
    SqliteConnection* connection_;
  };

  // Back to this connection's own handle, the turn handed on, and the WAL checkpointed if this commit left
  // it past the mark.
  void end_transaction() noexcept {
    const int wal_pages = current_->take_wal_pages();
    current_ = &own_;
    end_turn();
    checkpoint_if_due(wal_pages);
  }

  // `joins`: the writer may be handed a transaction that other writers left open (CommitGroup). Only a writer
  // that joins one needs a savepoint: the first writer of a group has the transaction to itself while it
  // works. A savepoint copies each page it changes first into a journal in memory: an import updating 100,000
  // enterprises inside one doubled its time and peaked at 361 MB, against 169 MB.
  void begin_write(bool joins) {
    take_turn(joins);
    if (!shared_writer_) return own_.run("BEGIN IMMEDIATE");
    try {
      current_ = &shared_writer_->handle();
      joined_ = current_->in_transaction();
      current_->run(joined_ ? "SAVEPOINT member" : "BEGIN IMMEDIATE");
    } catch (...) {
      end_member(false);
      throw;
    }
  }

  // Takes this writer's work back: its savepoint, or the transaction it began and has to itself. When that
  // fails, the whole transaction (the group's work with it).
  void undo_member() noexcept {
    try {
      if (current_->in_transaction())
        current_->run(joined_ ? "ROLLBACK TO member; RELEASE member" : "ROLLBACK");
    } catch (...) {
      try {
        current_->run("ROLLBACK");
      } catch (...) {  // the handle's own failure; its transaction ends when it closes
      }
    }
  }

  // This writer's work is in the shared transaction (`kept`), or was taken back. When the next writer in the
  // queue comes to join, the turn passes to it with the transaction open and this one waits for the group's
  // COMMIT, to answer only once its work is committed; otherwise this one ends the transaction for the group.
  // A group whose transaction ended before its COMMIT (an I/O error rolls back all of it) fails as a whole.
  void end_member(bool kept) {
    auto& group = shared_writer_->group();
    if (!current_->in_transaction()) {  // or this writer took back the transaction it had to itself
      auto lost =
          std::make_exception_ptr(std::runtime_error("sqlite: the write transaction was rolled back"));
      group.settle(lost);
      end_transaction();
      if (kept) std::rethrow_exception(lost);
      return;
    }
    const auto outcome = kept ? group.join() : nullptr;
    if (group.members() < CommitGroup::kMostMembers && writers_->hand_on_open()) {
      current_ = &own_;
      in_turn_ = false;
      if (outcome) group.wait(outcome);
      return;
    }
    std::exception_ptr failure;
    try {
      current_->run(group.members() > 0 ? "COMMIT" : "ROLLBACK");
    } catch (...) {
      failure = std::current_exception();
      try {
        if (current_->in_transaction()) current_->run("ROLLBACK");  // a failed COMMIT leaves it open
      } catch (...) {  // the handle's own failure; its transaction ends when it closes
      }
    }
    group.settle(failure);
    end_transaction();
    if (failure && kept) std::rethrow_exception(failure);
  }

  // After a commit that left the WAL past the mark: copy its pages into the database file beside the other
  // writers (PASSIVE never waits), then, in a turn of our own so that nothing new is appended, copy what they
  // added meanwhile and wait briefly for readers of the old WAL (RESTART), so that the next writer starts it
  // over. Without that last step a WAL written flat out is never copied whole and only grows.
  void checkpoint_if_due(int wal_pages) noexcept {
    if (!writers_ || wal_pages < WriterQueue::kCheckpointPages || own_.in_transaction() ||
        !writers_->take_checkpoint(wal_pages))
      return;
    sqlite3_wal_checkpoint_v2(own_.db(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    bool restarted = false;
    if (writers_->enter(kLockPatience)) {
      sqlite3_busy_timeout(own_.db(), kRestartPatienceMs);
      restarted = sqlite3_wal_checkpoint_v2(own_.db(), nullptr, SQLITE_CHECKPOINT_RESTART, nullptr,
                                            nullptr) == SQLITE_OK;
      sqlite3_busy_timeout(own_.db(), static_cast<int>(kLockPatience.count()));
      writers_->leave();
    }
    writers_->checkpointed(restarted, wal_pages);
  }

  bool writes_alone(sqlite3_stmt* statement) const {
    return !current_->in_transaction() && !sqlite3_stmt_readonly(statement);
  }
  void take_turn(bool joins = false) {
    if (!writers_ || in_turn_) return;
    if (!writers_->enter(kLockPatience, joins))
      throw TransientConflict("sqlite: database is locked (no turn to write within the busy timeout)");
    in_turn_ = true;
  }
  void end_turn() {
    if (!in_turn_) return;
    in_turn_ = false;
    writers_->leave();
  }

  Rows rows_of(sqlite3_stmt* statement, std::string_view sql) {
    Rows rows;
    int columns = sqlite3_column_count(statement);
    for (int i = 0; i < columns; ++i) rows.columns->emplace_back(sqlite3_column_name(statement, i));
    for (;;) {
      int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) current_->fail(statement, sql);
      std::vector<Value>& row = rows.values.emplace_back();
      row.reserve(columns);
      for (int i = 0; i < columns; ++i) row.push_back(column_value(statement, i));
    }
    sqlite3_reset(statement);
    return rows;
  }

  std::int64_t run_to_end(sqlite3_stmt* statement, std::string_view sql) {
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) current_->fail(statement, sql);
    sqlite3_reset(statement);
    return sqlite3_changes(current_->db());
  }

  // The lowest slot no set holds, else the least recently used one's (`slots`: the held ones, oldest use
  // first).
  static std::int64_t free_or_oldest_slot(const Rows& slots) {
    const auto held = slots.integers("slot");
    for (std::int64_t slot = 0; slot < kKeptSets; ++slot)
      if (std::find(held.begin(), held.end(), slot) == held.end()) return slot;
    return held.front();
  }

  static Value column_value(sqlite3_stmt* statement, int i) {
    switch (sqlite3_column_type(statement, i)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(statement, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(statement, i);
      case SQLITE_NULL:
        return std::monostate{};
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
        return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, i)));
      }
    }
  }

  std::uint64_t serial_;
  std::shared_ptr<WriterQueue> writers_;         // nullptr in memory
  std::shared_ptr<SharedWriter> shared_writer_;  // nullptr in memory: writes run on the own handle
  Handle own_;                                   // reads, and statements that write alone
  Handle* current_ = &own_;                      // the shared writer's during a write transaction
  bool in_turn_ = false;  // this connection writes now (a write transaction, or one statement alone)
  bool joined_ = false;   // its write transaction joined one another writer began (a savepoint)
};

// SQLite counts every allocation under one process-wide mutex unless told not to before it starts, and the
// workers queued on it: 42 % of the team suggestions' samples were futex waits (bench/README, twentieth
// round). Nothing reads the count. Once SQLite has started (another caller opened it first) the call fails,
// harmlessly.
void stop_counting_allocations() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path, std::size_t read_cache_mib,
                                        std::uint64_t serial) {
  stop_counting_allocations();
  return std::make_unique<SqliteConnection>(path, read_cache_mib, serial);
}

}  // namespace rw::db
