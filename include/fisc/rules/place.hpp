// SPDX-License-Identifier: BSL-1.0
#pragma once

#include "fisc/facts/source.hpp"

namespace fisc {

/// Document order of two places: by file, page, line, column, then table, row and column
/// (a place without a line comes after one with, in the same file and page).
[[nodiscard]] bool place_less(const Source& a, const Source& b) noexcept;
/// `place_less` of two places known to be in the same file: the files are not compared. For
/// sorting many places of one input, where comparing the paths is most of the work.
[[nodiscard]] bool place_less_in_file(const Source& a, const Source& b) noexcept;

}  // namespace fisc
