# Fails unless the C++ block of README.md that follows the line
#   <!-- examples/readme_example.cpp -->
# is readme_example.cpp without its first line (the SPDX licence tag).
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)

set(marker "<!-- examples/readme_example.cpp -->\n```cpp\n")
string(FIND "${readme}" "${marker}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "README.md has no line '<!-- examples/readme_example.cpp -->' followed by "
                      "a ```cpp block")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR start "${start} + ${marker_length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} block)

string(FIND "${example}" "\n" first_newline)
math(EXPR first_newline "${first_newline} + 1")
string(SUBSTRING "${example}" ${first_newline} -1 body)

if(NOT block STREQUAL body)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/readme_block.cpp" "${block}")
  message(FATAL_ERROR "The example in README.md differs from ${EXAMPLE} (after its first line). "
                      "The README's block is in ${CMAKE_CURRENT_BINARY_DIR}/readme_block.cpp; "
                      "make them the same.")
endif()
message(STATUS "README.md's example is examples/readme_example.cpp")
