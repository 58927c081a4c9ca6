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

#include "fisc/facts/concept.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/io/load_error.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

namespace fisc::io_detail {

/// The unit a figure is read in when neither its text nor its object names one, and why (for
/// messages): a share, change rate or completion rate is a percentage; a figure of a count or a
/// number is a plain number; a percentage concept is a percentage; money is in `money_unit` (the
/// table's or the report's unit, whose origin `money_unit_origin` names).
/// The reason is kept as what it is made of and put into words only for a message (a report has
/// hundreds of figures and almost never a message); `concept_id` and `money_unit_origin` are
/// views of the caller's strings.
struct ImpliedUnit {
  enum class Reason : std::uint8_t {
    share,
    change_rate,
    completion_rate,
    quantity,    ///< `subject` is a concept whose quantity is `quantity`
    plain,       ///< `subject` is a plain number
    percentage,  ///< `subject` is a percentage
    origin,      ///< `origin` says where the unit comes from
  };
  Unit unit = Unit::none;
  Reason reason = Reason::origin;
  std::string_view subject;             ///< for quantity, plain and percentage
  Quantity quantity = Quantity::money;  ///< for quantity
  std::string_view origin;              ///< for origin

  /// A unit that `origin` gives ("the table's unit").
  [[nodiscard]] static ImpliedUnit from(Unit unit, std::string_view origin) noexcept {
    return {unit, Reason::origin, {}, Quantity::money, origin};
  }
  /// `subject` is a plain number (unit none).
  [[nodiscard]] static ImpliedUnit plain_number(std::string_view subject) noexcept {
    return {Unit::none, Reason::plain, subject, Quantity::number, {}};
  }
  /// `subject` is a percentage.
  [[nodiscard]] static ImpliedUnit percentage(std::string_view subject) noexcept {
    return {Unit::percent, Reason::percentage, subject, Quantity::percent, {}};
  }

  /// Why, for a message: "a share is a percentage", "staff.count is a count", the origin.
  [[nodiscard]] std::string why() const;
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
