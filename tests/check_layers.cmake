cmake_minimum_required(VERSION 3.25)
# design.md §2: a layer never includes one above it. Run as
#   cmake -DSOURCE_DIR=<repo> -P check_layers.cmake
# Each layer lists the layers it may include (itself included); anything else is an error.
set(allowed_numbers numbers)
set(allowed_classify numbers classify)
set(allowed_facts numbers classify facts)
# perf/ sits beside accounts/ (design.md §2) and just below it: a report holds its performance
# tables, so accounts/ includes perf/'s model; perf/ never reads the report.
set(allowed_perf numbers classify facts perf)
set(allowed_accounts numbers classify facts perf accounts)
set(allowed_rules numbers classify facts perf accounts rules)
set(allowed_io numbers classify facts perf accounts rules io)
# narrative/ reads and writes text as io/ reads and writes files (design.md §2), and decodes
# with io/'s decoder; it never runs rules.
set(allowed_narrative numbers classify facts perf accounts io narrative)
# layout/ holds pages as words with their places, whatever gave them; pdf/ reads a PDF's text
# layer into those pages (with poppler), so it sits above layout/.
set(allowed_layout numbers classify facts perf accounts io layout)
set(allowed_pdf numbers classify facts perf accounts io narrative layout pdf)
set(layers numbers classify facts perf accounts rules io narrative layout pdf)

set(violations "")
foreach(layer IN LISTS layers)
  file(GLOB_RECURSE files "${SOURCE_DIR}/include/fisc/${layer}/*.hpp" "${SOURCE_DIR}/src/${layer}/*.cpp"
       "${SOURCE_DIR}/src/${layer}/*.hpp")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" includes REGEX "^#include \"fisc/[a-z_]+/")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^#include \"fisc/([a-z_]+)/.*" "\\1" target "${line}")
      if(NOT target IN_LIST allowed_${layer})
        file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
        list(APPEND violations "${rel}: layer ${layer} includes ${target}: ${line}")
      endif()
    endforeach()
  endforeach()
endforeach()
if(violations)
  list(JOIN violations "\n" text)
  message(FATAL_ERROR "layering violations:\n${text}")
endif()
message(STATUS "layers: no header or source includes a layer above its own")
