// SPDX-License-Identifier: BSL-1.0
#pragma once

#include "fisc/facts/source.hpp"

namespace fisc {

/// Document order of two places: by file, page, line, column, then table, row and column
/// (a place without a line comes after one with, in the same file and page).
[[nodiscard]] bool place_less(const Source& a, const Source& b) noexcept;

}  // namespace fisc
