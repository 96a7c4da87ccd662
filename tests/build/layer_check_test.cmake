# CTest: cmake/check_layers.cmake refuses an upward include and accepts a listed one.
# Called as: cmake -DSOURCE_DIR=... -DWORK=... -P layer_check_test.cmake
cmake_minimum_required(VERSION 3.25)
set(script "${SOURCE_DIR}/cmake/check_layers.cmake")
file(REMOVE_RECURSE "${WORK}")
file(WRITE "${WORK}/layers.txt" "core=\nstore=core\nweb=core;store\n")
file(WRITE "${WORK}/src/store/db.h" "#include \"core/result.h\"\n")
file(WRITE "${WORK}/src/web/app.h" "#include \"store/db.h\"\n")
file(WRITE "${WORK}/src/core/result.h" "#include <string>\n")

execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${WORK}/src -DLAYERS=${WORK}/layers.txt
                        -DSTAMP=${WORK}/ok.stamp -P ${script}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "a tree that keeps its layers was refused:\n${err}")
endif()

# core reaching up into store: refused, naming the file, the include and the folder.
file(WRITE "${WORK}/src/core/result.h" "#include \"store/db.h\"\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${WORK}/src -DLAYERS=${WORK}/layers.txt
                        -DSTAMP=${WORK}/bad.stamp -P ${script}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "an upward include (core -> store) was accepted")
endif()
string(FIND "${err}" "src/core/result.h: includes store/db.h, but src/core does not list store" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the refusal does not name the file and the include:\n${err}")
endif()

# A test may use what its folder's dependencies use, but library code may not skip a layer.
file(WRITE "${WORK}/src/core/result.h" "#include <string>\n")
file(WRITE "${WORK}/src/web/app_test.cc" "#include \"core/result.h\"\n")
file(WRITE "${WORK}/src/web/page.cc" "#include \"core/result.h\"\n")
file(WRITE "${WORK}/layers.txt" "core=\nstore=core\nweb=store\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${WORK}/src -DLAYERS=${WORK}/layers.txt
                        -DSTAMP=${WORK}/skip.stamp -P ${script}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
string(FIND "${err}" "src/web/page.cc: includes core/result.h" page_at)
string(FIND "${err}" "app_test.cc" test_at)
if(rc EQUAL 0 OR page_at EQUAL -1 OR NOT test_at EQUAL -1)
  message(FATAL_ERROR "skipping a layer: library code should be refused, the test accepted:\n${err}")
endif()
file(REMOVE_RECURSE "${WORK}")
message(STATUS "layer check: refuses upward and skipped includes, accepts the listed ones")
