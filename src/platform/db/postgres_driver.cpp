// PostgreSQL driver on libpqxx. Statements run through a nontransaction so that this layer, not
// libpqxx, decides where transactions begin and end (one per request).
#include <pqxx/pqxx>

#include <string>
#include <unordered_map>
#include <utility>

#include "platform/db/database.hpp"

namespace rw::db {
namespace {

// Type OIDs from pg_type.h.
constexpr pqxx::oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
                    kNumeric = 1700;

class PostgresConnection final : public Connection {
 public:
  // A random page read costs about what a sequential one does (random_page_cost 1.1 instead of 4): the
  // product's lists read through indexes, and its tables sit on SSDs or in memory. With the default, the
  // planner read whole tables where an index reads a few thousand rows (province, one cluster, the server
  // before, after and before again, req/s: a regulator's enterprises of a district 391 and 425 -> 702, an
  // agency's of a city 52 and 55 -> 136, a regulator's checklists 134 -> 256; 36 other cases within noise).
  PostgresConnection(const std::string& url, std::uint64_t serial) : connection_(url), serial_(serial) {
    execute_script("SET random_page_cost = 1.1");
  }

  Rows query(std::string_view sql, const Params& params) override {
    pqxx::result result = run(sql, params);
    Rows rows;
    const int columns = result.columns();
    std::vector<pqxx::oid> types;
    for (int i = 0; i < columns; ++i) {
      rows.columns->emplace_back(result.column_name(i));
      types.push_back(result.column_type(i));
    }
    rows.values.reserve(result.size());
    for (const auto& source : result) {
      std::vector<Value>& row = rows.values.emplace_back();
      row.reserve(columns);
      for (int i = 0; i < columns; ++i) row.push_back(convert(source[i], types[i]));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    return static_cast<std::int64_t>(run(sql, params).affected_rows());
  }

  void execute_script(std::string_view sql) override {
    pqxx::nontransaction work(connection_);
    work.exec(std::string(sql));
  }

  void begin(bool) override {
    execute_script("BEGIN");
    in_transaction_ = true;
  }
  // A failed COMMIT has ended the transaction too (PostgreSQL rolls it back).
  void commit() override {
    in_transaction_ = false;
    execute_script("COMMIT");
  }
  void rollback() override {
    in_transaction_ = false;
    execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return in_transaction_; }
  Dialect dialect() const override { return Dialect::postgresql; }
  std::uint64_t database_serial() const override { return serial_; }
  bool healthy() const override { return connection_.is_open(); }
  bool plan_each_run(bool on) override { return std::exchange(plan_each_run_, on); }

 private:
  pqxx::result run(std::string_view sql, const Params& params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> pointers(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&v)) {
        texts[i] = pqxx::to_string(*d);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
      } else {
        continue;  // NULL stays a null pointer
      }
      pointers[i] = texts[i].c_str();
    }
    try {
      pqxx::nontransaction work(connection_);
      const auto params_view = pqxx::prepare::make_dynamic_params(pointers);
      if (!plan_each_run_)
        if (auto name = prepared_name(sql)) return work.exec_prepared(*name, params_view);
      // Unnamed: PostgreSQL parses and plans it with these values.
      return work.exec_params(number_placeholders(sql), params_view);
    } catch (const pqxx::integrity_constraint_violation& e) {
      throw ConstraintViolation(e.what());
    } catch (const pqxx::transaction_rollback& e) {
      throw TransientConflict(e.what());
    }
  }

  // Statements are prepared once per connection, so PostgreSQL parses each only once, and it plans each
  // with its values for the first five runs, then keeps a plan for all values unless that is estimated to
  // cost more (plan_cache_mode auto). The cache is bounded: SQL with inlined id lists varies, and those run
  // unprepared past the limit.
  std::optional<std::string> prepared_name(std::string_view sql) {
    constexpr std::size_t kMaxPrepared = 500;
    auto it = prepared_.find(std::string(sql));
    if (it != prepared_.end()) return it->second;
    if (prepared_.size() >= kMaxPrepared) return std::nullopt;
    std::string name = "rw" + std::to_string(prepared_.size());
    connection_.prepare(name, number_placeholders(sql));
    return prepared_.emplace(std::string(sql), std::move(name)).first->second;
  }

  static Value convert(const pqxx::field& field, pqxx::oid type) {
    if (field.is_null()) return std::monostate{};
    switch (type) {
      case kInt2:
      case kInt4:
      case kInt8:
        return field.as<std::int64_t>();
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return field.as<double>();
      case kBool:
        return std::int64_t{field.as<bool>() ? 1 : 0};
      default:
        return std::string(field.c_str(), field.size());
    }
  }

  pqxx::connection connection_;
  std::uint64_t serial_;
  bool in_transaction_ = false;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
  bool plan_each_run_ = false;
};

}  // namespace

std::unique_ptr<Connection> open_postgresql(const std::string& url, std::uint64_t serial) {
  return std::make_unique<PostgresConnection>(url, serial);
}

}  // namespace rw::db
