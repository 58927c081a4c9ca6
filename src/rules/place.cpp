// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/place.hpp"

#include <tuple>

namespace fisc {

bool place_less(const Source& a, const Source& b) noexcept {
  const auto key = [](const Source& s) {
    const bool has_span = s.span.has_value();
    return std::make_tuple(std::string_view(s.file), s.page, !has_span,
                           has_span ? s.span->line : 0U, has_span ? s.span->column : 0U);
  };
  const auto ka = key(a);
  const auto kb = key(b);
  if (ka != kb) return ka < kb;
  const auto cell = [](const Source& s) {
    return s.cell ? std::make_tuple(std::string_view(s.cell->table), std::string_view(s.cell->row),
                                    std::string_view(s.cell->column))
                  : std::make_tuple(std::string_view(), std::string_view(), std::string_view());
  };
  return cell(a) < cell(b);
}

}  // namespace fisc
