// The fuzz targets read request bodies and files, never a database: database.cpp is linked for db::Row alone
// (record_from_row lives beside read_enterprise), so its drivers are left out and opening one is a defect.
#include <cstdlib>

#include "platform/db/database.hpp"

namespace rw::db {

std::unique_ptr<Connection> open_sqlite(const std::string&) { std::abort(); }
std::unique_ptr<Connection> open_postgresql(const std::string&) { std::abort(); }

}  // namespace rw::db
