#pragma once
// The secondary indexes of the tables the generator fills by the million, built once their rows are in.
// Kept row by row, each insert goes down B-trees that soon outgrow the page cache, at random places; built
// at the end, each index is one sort. Only tables that nothing reads while the generator runs qualify: no
// trigger looks into them and the generator never reads them back (foreign keys check the parent's primary
// key, not the child's indexes). A generation that fails between the two leaves a database to throw away,
// as any failed generation does.
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::benchdata {

class DeferredIndexes {
 public:
  // Drops the indexes of `tables` (not those behind a primary key or a constraint), keeping their
  // definitions.
  DeferredIndexes(db::Connection& db, const std::vector<std::string>& tables);
  DeferredIndexes(const DeferredIndexes&) = delete;
  DeferredIndexes& operator=(const DeferredIndexes&) = delete;

  // Creates them again as the migrations defined them.
  void build();

 private:
  db::Connection& db_;
  std::vector<std::string> definitions_;  // CREATE INDEX statements
};

}  // namespace rw::benchdata
