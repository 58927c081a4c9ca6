// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace fisc {

// Not named LoadError: fisc/io has a LoadError for report files, and a program that reads both
// must be able to name each.

/// Why a catalogue file could not be loaded.
enum class CatalogueErrc : std::uint8_t {
  cannot_read,        ///< the file could not be opened or read (line 0)
  too_large,          ///< larger than a catalogue can be (line 0)
  empty_file,         ///< no header row: nothing, or only a byte-order mark and blank lines
  invalid_utf8,       ///< not UTF-8 (e.g. GBK), at the first bad byte
  bad_quoting,        ///< an unclosed quoted field, text after a closing quote, or a quote in an
                      ///< unquoted field
  missing_column,     ///< the header lacks the code or name column, or a row has too few fields
  duplicate_column,   ///< the header names a column twice
  extra_field,        ///< a row has a non-empty field beyond the header's columns
  bad_code,           ///< the code field is not a classification code
  bad_name,           ///< an empty name, or a control character (a line break) in it
  bad_year,           ///< the year field is not a year, a range or empty
  conflicting_names,  ///< the same code has two different names in one year
};

/// A stable English description, e.g. "bad year".
[[nodiscard]] constexpr std::string_view to_string(CatalogueErrc code) noexcept {
  switch (code) {
    case CatalogueErrc::cannot_read: return "cannot read the file";
    case CatalogueErrc::too_large: return "file too large";
    case CatalogueErrc::empty_file: return "empty file";
    case CatalogueErrc::invalid_utf8: return "invalid UTF-8";
    case CatalogueErrc::bad_quoting: return "bad quoting";
    case CatalogueErrc::missing_column: return "missing column";
    case CatalogueErrc::duplicate_column: return "duplicate column";
    case CatalogueErrc::extra_field: return "extra field";
    case CatalogueErrc::bad_code: return "bad code";
    case CatalogueErrc::bad_name: return "bad name";
    case CatalogueErrc::bad_year: return "bad year";
    case CatalogueErrc::conflicting_names: return "conflicting names";
  }
  return "unknown catalogue error";
}

/// Where and why a catalogue file could not be loaded: the file, the place (1-based line and
/// code-point column, and the byte offset), and a message saying what was expected there.
struct CatalogueError {
  CatalogueErrc code = CatalogueErrc::empty_file;
  std::string file;
  std::size_t line = 0;    ///< 1-based; 0 when the error concerns the whole file
  std::size_t column = 0;  ///< 1-based, in code points after any byte-order mark; 0 with line 0
  std::size_t offset = 0;  ///< byte offset in the file
  std::string message;     ///< what was found and what was expected, in English

  friend bool operator==(const CatalogueError&, const CatalogueError&) = default;
};

/// "codes.csv:3:5: bad code: expected ...", or "codes.csv: cannot read the file: ..." for line 0.
[[nodiscard]] std::string describe(const CatalogueError& error);

std::ostream& operator<<(std::ostream& os, CatalogueErrc code);
/// As `describe`.
std::ostream& operator<<(std::ostream& os, const CatalogueError& error);

}  // namespace fisc
