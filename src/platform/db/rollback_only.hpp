#pragma once
// A connection whose commits roll back. A dry-run request (api::Settings::allow_dry_run) answers exactly as
// it would — validation, access checks, workflow steps, its status — and leaves the data as it was, so the
// authorization-matrix test can ask every route as every party against one seeded database.
#include "platform/db/database.hpp"

namespace rw::db {

class RollbackOnly final : public Connection {
 public:
  explicit RollbackOnly(Connection& inner) : inner_(inner) {}
  Rows query(std::string_view sql, const Params& params = {}) override { return inner_.query(sql, params); }
  std::vector<Rows> query_each(const std::vector<Statement>& statements) override {
    return inner_.query_each(statements);
  }
  std::int64_t execute(std::string_view sql, const Params& params = {}) override {
    return inner_.execute(sql, params);
  }
  void execute_script(std::string_view sql) override { inner_.execute_script(sql); }
  void begin(bool write) override { inner_.begin(write); }
  void begin_long_write() override { inner_.begin_long_write(); }
  void commit() override { inner_.rollback(); }
  void rollback() override { inner_.rollback(); }
  bool in_transaction() const override { return inner_.in_transaction(); }
  Dialect dialect() const override { return inner_.dialect(); }
  std::optional<std::string> kept_id_set(const std::string& key, std::int64_t generation,
                                         std::string_view select, const Params& params) override {
    return inner_.kept_id_set(key, generation, select, params);
  }
  std::uint64_t database_serial() const override { return inner_.database_serial(); }
  bool healthy() const override { return inner_.healthy(); }
  bool plan_each_run(bool on) override { return inner_.plan_each_run(on); }

 private:
  Connection& inner_;
};

}  // namespace rw::db
