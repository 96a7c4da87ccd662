// A throw-away PostgreSQL cluster for tests: initdb in a temporary folder,
// listening on a free loopback port, removed when stopped.
//
// Under CTest one cluster serves the whole run (the pg_cluster fixture starts
// it and writes its URL to a file named by $INLOCO_TEST_PG_URL_FILE); a test
// binary run by hand starts its own and removes it at exit.
#pragma once

#include <string>

namespace inloco::test {

class PostgresCluster {
 public:
  // Starts a cluster in `dir` (created; must not exist). Throws on failure.
  explicit PostgresCluster(std::string dir);
  ~PostgresCluster();
  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;

  // postgresql://postgres@127.0.0.1:PORT/postgres
  const std::string& admin_url() const { return url_; }

  // Stops the server in `dir` and removes the folder.
  static void stop(const std::string& dir);

 private:
  std::string dir_;
  std::string url_;
};

// Creates an empty database in the shared cluster (starting one if needed)
// and returns its URL. Each call gives a new database.
std::string new_postgres_database();

}  // namespace inloco::test
