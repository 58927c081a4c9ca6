// SPDX-License-Identifier: BSL-1.0
// What the JSON and CSV readers and the JSON writer share: the unit a figure is read in when it
// names none, names of readings, code checks, and reading a whole file. Private to src/io.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "fisc/facts/fact.hpp"
#include "fisc/io/load_error.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

namespace fisc::io_detail {

/// The unit a figure is read in when neither its text nor its object names one, and why (for
/// messages): a share, change rate or completion rate is a percentage; a figure of a count or a
/// number is a plain number; a percentage concept is a percentage; money is in `money_unit` (the
/// table's or the report's unit, whose origin `money_unit_origin` names).
struct ImpliedUnit {
  Unit unit = Unit::none;
  std::string why;
};
[[nodiscard]] ImpliedUnit implied_unit(std::string_view concept_id, Measure measure,
                                       Unit money_unit, std::string_view money_unit_origin);

[[nodiscard]] std::optional<Reading> reading_from_string(std::string_view s) noexcept;

/// "万元 (wan)", "a plain number (none)" for messages.
[[nodiscard]] std::string unit_words(Unit u);

/// Why `code` is not a classification code for the dimension `dimension` (function: 3, 5 or 7
/// digits; economic: 3 or 5 digits), or nothing when it is one. Other dimensions take any
/// non-empty value.
[[nodiscard]] std::optional<std::string> code_problem(std::string_view code,
                                                      std::string_view dimension);

/// A dimension name: lower-case ASCII letters, digits and '_', starting with a letter.
[[nodiscard]] bool is_dimension_name(std::string_view name) noexcept;

/// The whole file, refused before reading when larger than `max_bytes`.
[[nodiscard]] tl::expected<std::string, LoadError> read_whole_file(
    const std::filesystem::path& path, std::uintmax_t max_bytes, std::string_view what);

/// "256 MiB", "1.5 GiB", "123 bytes".
[[nodiscard]] std::string byte_size_words(std::uintmax_t bytes);

}  // namespace fisc::io_detail
