// inloco_test_pg start|stop DIR: the CTest fixture that gives the whole test
// run one PostgreSQL cluster (see postgres_cluster.h).
#include <fstream>
#include <iostream>
#include <string>

#include "test_support/postgres_cluster.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: inloco_test_pg start|stop DIR\n";
    return 2;
  }
  std::string verb = argv[1], dir = argv[2];
  try {
    if (verb == "start") {
      inloco::test::PostgresCluster::stop(dir);  // a cluster left by an interrupted run
      auto* cluster = new inloco::test::PostgresCluster(dir);  // deliberately outlives this process
      std::ofstream(dir + ".url") << cluster->admin_url() << "\n";
      std::cout << "PostgreSQL test cluster at " << cluster->admin_url() << "\n";
      return 0;
    }
    if (verb == "stop") {
      inloco::test::PostgresCluster::stop(dir);
      std::remove((dir + ".url").c_str());
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: inloco_test_pg start|stop DIR\n";
  return 2;
}
