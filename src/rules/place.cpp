// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/place.hpp"

#include <compare>
#include <string>
#include <string_view>

namespace fisc {

namespace {

// One text of a place's table cell; empty without a cell.
std::string_view cell_part(const Source& s, std::string TableCell::*part) noexcept {
  return s.cell ? std::string_view((*s.cell).*part) : std::string_view();
}

// Table, row and column, each compared once (three-way): a subject sorts thousands of places.
std::strong_ordering compare_cells(const Source& a, const Source& b) noexcept {
  for (std::string TableCell::*part : {&TableCell::table, &TableCell::row, &TableCell::column}) {
    if (const auto c = cell_part(a, part) <=> cell_part(b, part); std::is_neq(c)) return c;
  }
  return std::strong_ordering::equal;
}

}  // namespace

bool place_less(const Source& a, const Source& b) noexcept {
  if (const auto c = std::string_view(a.file) <=> std::string_view(b.file); std::is_neq(c)) {
    return std::is_lt(c);
  }
  return place_less_in_file(a, b);
}

bool place_less_in_file(const Source& a, const Source& b) noexcept {
  if (a.page != b.page) return a.page < b.page;
  // A place with a line comes first.
  if (a.span.has_value() != b.span.has_value()) return a.span.has_value();
  if (a.span) {
    if (a.span->line != b.span->line) return a.span->line < b.span->line;
    if (a.span->column != b.span->column) return a.span->column < b.span->column;
  }
  return std::is_lt(compare_cells(a, b));
}

}  // namespace fisc
