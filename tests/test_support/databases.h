// Test databases on both backends: a fresh, migrated database per test.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/database.h"

namespace inloco::test {

// A new, empty, migrated database; SQLite in a temporary file, or PostgreSQL
// in the shared test cluster.
std::unique_ptr<Database> fresh_database(Dialect dialect);
std::string fresh_database_url(Dialect dialect);

// Parameterised over the two backends: INLOCO_INSTANTIATE_BACKENDS(MySuite).
class BackendTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override;
  Database& db() { return *db_; }
  const std::string& db_url() const { return url_; }

 private:
  std::string url_;
  std::unique_ptr<Database> db_;
};

std::string backend_name(const ::testing::TestParamInfo<Dialect>& info);

}  // namespace inloco::test

#define INLOCO_INSTANTIATE_BACKENDS(Suite)                                         \
  INSTANTIATE_TEST_SUITE_P(                                                        \
      Backends, Suite,                                                             \
      ::testing::Values(::inloco::Dialect::kSqlite, ::inloco::Dialect::kPostgres), \
      ::inloco::test::backend_name)
