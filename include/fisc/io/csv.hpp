// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/io/load_error.hpp"

namespace fisc {

/// One field of a CSV record, with its place.
struct CsvField {
  std::string value;       ///< the text, without its quotes and with `""` read as `"`
  std::size_t offset = 0;  ///< byte offset of its first character (the opening quote if quoted)
  TextPosition position;   ///< line and column of that character
  bool quoted = false;
  friend bool operator==(const CsvField&, const CsvField&) = default;
};

/// One record (a line of the table; a quoted field may make it span several lines).
struct CsvRecord {
  std::vector<CsvField> fields;  ///< never empty: an empty line is one empty field
  std::size_t number = 0;        ///< 1-based count of records in the file
  [[nodiscard]] std::uint32_t line() const noexcept { return fields.front().position.line; }
  /// Every field is empty (an empty line, or a line of delimiters as spreadsheets export it).
  [[nodiscard]] bool blank() const noexcept;
  friend bool operator==(const CsvRecord&, const CsvRecord&) = default;
};

struct CsvOptions {
  char delimiter = ',';
  /// More fields than this in the whole text are refused (each costs memory; a standard table
  /// has some thousands).
  std::size_t max_fields = std::size_t{1} << 22;
};

/// Splits UTF-8 text into records and fields by RFC 4180: fields separated by the delimiter,
/// records by CRLF or LF; a field in double quotes may hold delimiters, line breaks and `""` for a
/// quote. A final line break ends the last record rather than starting an empty one. Errors
/// (with line and column): a quote that is never closed, text between a closing quote and the
/// next delimiter, a quote inside an unquoted field, a CR not followed by LF, more than
/// `options.max_fields` fields. Fields are not
/// trimmed, and records may differ in length: the reader of a layout decides what is ragged.
[[nodiscard]] tl::expected<std::vector<CsvRecord>, LoadError> split_csv(std::string_view text,
                                                                        std::string_view file_name,
                                                                        CsvOptions options = {});

/// The line and column in `text` (the text `split_csv` read) of byte `index` of `field.value`:
/// where a problem found inside a field's value is to be reported.
[[nodiscard]] TextPosition position_in_field(std::string_view text, const CsvField& field,
                                             std::size_t index) noexcept;

}  // namespace fisc
