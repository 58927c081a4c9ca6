# Driver of the `package.consumer` test (cmake -P), see CMakeLists.txt beside it.
# Every step that fails stops the script with FATAL_ERROR, which fails the test.

foreach(var IN ITEMS FISC_SOURCE_DIR FISC_BINARY_DIR FISC_VERSION FISC_PKGCONFIGDIR FISC_LIBDIR
                     CONSUMER_SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER PKG_CONFIG)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "package test: ${var} is not set")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/consumer-build")

# Runs a command; stops the test with its output when it fails.
function(step what)
  message(STATUS "package test: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "package test: FAILED to ${what} (exit ${rc})\n  ${cmd}\n${out}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(config_args "")
if(BUILD_TYPE)
  set(config_args --config "${BUILD_TYPE}")
endif()
step("install fisc into ${prefix}" "${CMAKE_COMMAND}" --install "${FISC_BINARY_DIR}" --prefix
     "${prefix}" ${config_args})

# The installed package must not point back into the source or build tree.
file(GLOB_RECURSE installed LIST_DIRECTORIES false "${prefix}/*.cmake" "${prefix}/*.pc"
     "${prefix}/*.hpp")
foreach(file IN LISTS installed)
  file(READ "${file}" text)
  foreach(tree IN ITEMS "${FISC_SOURCE_DIR}" "${FISC_BINARY_DIR}")
    string(FIND "${text}" "${tree}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "package test: installed ${file} refers to ${tree}")
    endif()
  endforeach()
endforeach()
foreach(expected IN ITEMS "include/fisc/version.hpp" "include/fisc/numbers/money.hpp")
  if(NOT EXISTS "${prefix}/${expected}")
    message(FATAL_ERROR "package test: ${expected} was not installed")
  endif()
endforeach()

# 1. CMake: find_package(fisc CONFIG REQUIRED) from the prefix.
set(configure_args -S "${CONSUMER_SOURCE_DIR}" -G "${GENERATOR}"
                   "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
                   "-DCMAKE_PREFIX_PATH=${prefix}")
if(MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(BUILD_TYPE)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
endif()
step("configure the consumer with find_package(fisc)" "${CMAKE_COMMAND}" ${configure_args} -B
     "${consumer_build}")

file(STRINGS "${consumer_build}/CMakeCache.txt" fisc_dir_line REGEX "^fisc_DIR:")
string(REGEX REPLACE "^fisc_DIR:[A-Z]+=" "" fisc_dir "${fisc_dir_line}")
file(REAL_PATH "${prefix}" real_prefix)
file(REAL_PATH "${fisc_dir}" real_fisc_dir)
string(FIND "${real_fisc_dir}/" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "package test: the consumer found fisc in ${fisc_dir}, not in ${prefix}")
endif()

step("build the consumer" "${CMAKE_COMMAND}" --build "${consumer_build}" ${config_args})
step("run the consumer" "${consumer_build}/fisc_consumer")
message(STATUS "package test: consumer said: ${step_output}")

# The version file: fisc 0.x must refuse a request for the next major version.
string(REGEX MATCH "^[0-9]+" major "${FISC_VERSION}")
math(EXPR next_major "${major} + 1")
message(STATUS "package test: find_package(fisc ${next_major}.0) must fail")
execute_process(
  COMMAND "${CMAKE_COMMAND}" ${configure_args} -B "${WORK_DIR}/consumer-wrong-version"
          "-DFISC_WANTED_VERSION=${next_major}.0"
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(rc EQUAL 0)
  message(FATAL_ERROR "package test: find_package(fisc ${next_major}.0) accepted fisc "
                      "${FISC_VERSION}; fiscConfigVersion.cmake should refuse it")
endif()

# 2. pkg-config: one compiler command, flags from fisc.pc.
set(ENV{PKG_CONFIG_PATH} "${prefix}/${FISC_PKGCONFIGDIR}")
step("read the version from fisc.pc" "${PKG_CONFIG}" --modversion fisc)
string(STRIP "${step_output}" pc_version)
if(NOT pc_version STREQUAL FISC_VERSION)
  message(FATAL_ERROR "package test: fisc.pc says version '${pc_version}', not ${FISC_VERSION}")
endif()
step("read the flags from fisc.pc" "${PKG_CONFIG}" --cflags --libs fisc)
string(STRIP "${step_output}" pc_flags)
message(STATUS "package test: pkg-config --cflags --libs fisc: ${pc_flags}")
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
separate_arguments(cxx_flags UNIX_COMMAND "${CXX_FLAGS}")
set(pc_program "${WORK_DIR}/fisc_consumer_pkgconfig")
step("compile the consumer with pkg-config's flags" "${CXX_COMPILER}" ${cxx_flags}
     "-DFISC_EXPECTED_VERSION=\"${FISC_VERSION}\"" "${CONSUMER_SOURCE_DIR}/main.cpp" -o
     "${pc_program}" ${pc_flags})
# A program linked with -lfisc against a shared libfisc has no rpath to it: say where it is.
set(ENV{LD_LIBRARY_PATH} "${prefix}/${FISC_LIBDIR}:$ENV{LD_LIBRARY_PATH}")
step("run the pkg-config consumer" "${pc_program}")
message(STATUS "package test: consumer said: ${step_output}")
message(STATUS "package test: passed")
