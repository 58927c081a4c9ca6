// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/source.hpp"

#include <string>
#include <vector>

namespace fisc {

std::string describe(const Source& source) {
  std::vector<std::string> parts;
  std::string place = source.file;
  if (source.span) {
    place += (place.empty() ? "line " : ":") + std::to_string(source.span->line) + ':' +
             std::to_string(source.span->column);
  }
  if (!place.empty()) parts.push_back(std::move(place));
  if (source.page != 0) parts.push_back("page " + std::to_string(source.page));
  if (!source.section.empty()) parts.push_back(source.section);
  if (source.cell) {
    std::string cell;
    for (const std::string* part : {&source.cell->table, &source.cell->row, &source.cell->column}) {
      if (part->empty()) continue;
      if (!cell.empty()) cell += " / ";
      cell += *part;
    }
    if (!cell.empty()) parts.push_back(std::move(cell));
  }
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += ": ";
    out += part;
  }
  return out;
}

}  // namespace fisc
