# Install rules and the package files that let other projects use an installed fisc:
#   find_package(fisc CONFIG REQUIRED) + target_link_libraries(app PRIVATE fisc::fisc)
#   or pkg-config --cflags --libs fisc
# tests/package builds a separate consumer against an installed copy both ways.

include(CMakePackageConfigHelpers)

set(FISC_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/fisc"
    CACHE STRING "Where fiscConfig.cmake is installed, relative to the prefix")
set(FISC_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where fisc.pc is installed, relative to the prefix")

# fisc_warnings is linked as $<BUILD_INTERFACE:...> only, so it is not part of the export.
install(
  TARGETS fisc
  EXPORT fiscTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT fisc_development
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT fisc_runtime
          NAMELINK_COMPONENT fisc_development
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT fisc_runtime
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

install(
  DIRECTORY "${PROJECT_SOURCE_DIR}/include/fisc"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT fisc_development
  FILES_MATCHING
  PATTERN "*.hpp")

install(
  EXPORT fiscTargets
  NAMESPACE fisc::
  FILE fiscTargets.cmake
  DESTINATION "${FISC_INSTALL_CMAKEDIR}"
  COMPONENT fisc_development)

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/fiscConfig.cmake.in" "${PROJECT_BINARY_DIR}/fiscConfig.cmake"
  INSTALL_DESTINATION "${FISC_INSTALL_CMAKEDIR}")
# 0.x releases promise nothing across minor versions; SameMajorVersion is what 1.x will need.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/fiscConfigVersion.cmake"
                                 COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/fiscConfig.cmake" "${PROJECT_BINARY_DIR}/fiscConfigVersion.cmake"
        DESTINATION "${FISC_INSTALL_CMAKEDIR}" COMPONENT fisc_development)

# fisc.pc finds its prefix from its own place (${pcfiledir}), so the installed tree can be moved
# or installed with `cmake --install --prefix` into a place other than CMAKE_INSTALL_PREFIX.
foreach(dir IN ITEMS LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(FISC_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(FISC_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${FISC_INSTALL_PKGCONFIGDIR}")
  set(FISC_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH FISC_PC_PREFIX "/prefix/${FISC_INSTALL_PKGCONFIGDIR}" "/prefix")
  string(REGEX REPLACE "/$" "" FISC_PC_PREFIX "${FISC_PC_PREFIX}")
  set(FISC_PC_PREFIX "\${pcfiledir}/${FISC_PC_PREFIX}")
endif()
# Compiled dependencies without a .pc file of their own (Boost's): a consumer of a static
# libfisc links them itself; for a shared one they are only Libs.private.
set(FISC_PC_DEPENDENCY_LIBS "")
foreach(component IN LISTS FISC_BOOST_COMPONENTS)
  string(APPEND FISC_PC_DEPENDENCY_LIBS " -lboost_${component}")
endforeach()
string(STRIP "${FISC_PC_DEPENDENCY_LIBS}" FISC_PC_DEPENDENCY_LIBS)
# Compiled dependencies with a .pc file (poppler-cpp): the same split, through Requires, because
# `pkg-config --libs` without --static leaves out what Requires.private names.
set(FISC_PC_PUBLIC_REQUIRES "fmt >= ${FISC_FMT_MIN_VERSION}")
set(FISC_PC_DEPENDENCY_REQUIRES "poppler-cpp >= ${FISC_POPPLER_CPP_MIN_VERSION}")
get_target_property(FISC_TYPE fisc TYPE)
if(FISC_TYPE STREQUAL "STATIC_LIBRARY")
  set(FISC_PC_LIBS "-L\${libdir} -lfisc ${FISC_PC_DEPENDENCY_LIBS}")
  set(FISC_PC_LIBS_PRIVATE "")
  set(FISC_PC_REQUIRES "${FISC_PC_PUBLIC_REQUIRES}, ${FISC_PC_DEPENDENCY_REQUIRES}")
  set(FISC_PC_REQUIRES_PRIVATE "")
else()
  set(FISC_PC_LIBS "-L\${libdir} -lfisc")
  set(FISC_PC_LIBS_PRIVATE "${FISC_PC_DEPENDENCY_LIBS}")
  set(FISC_PC_REQUIRES "${FISC_PC_PUBLIC_REQUIRES}")
  set(FISC_PC_REQUIRES_PRIVATE "${FISC_PC_DEPENDENCY_REQUIRES}")
endif()
string(STRIP "${FISC_PC_LIBS}" FISC_PC_LIBS)
configure_file("${PROJECT_SOURCE_DIR}/cmake/fisc.pc.in" "${PROJECT_BINARY_DIR}/fisc.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/fisc.pc" DESTINATION "${FISC_INSTALL_PKGCONFIGDIR}"
        COMPONENT fisc_development)

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        COMPONENT fisc_development)
