// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "fisc/accounts/report.hpp"
#include "fisc/io/load_error.hpp"

/// The JSON report format, version 1 (docs/report-format.md, docs/report.schema.json).
///
/// 报告文件. Reading is strict: an unknown member, an unknown concept, a figure that is not a
/// figure, a cell no fact can be made of, or a unit that contradicts its context is an error that
/// names the file, the line and column, and the JSON path; nothing is dropped. Figures never pass
/// through binary floating point. Writing then reading gives the same `Report` (load → save →
/// load is lossless), and writing is deterministic: the same report gives the same bytes.
namespace fisc {

/// The format version this fisc reads and writes (`"fisc_report": 1`).
inline constexpr int report_format_version = 1;

/// Report files larger than this are refused before they are read.
inline constexpr std::uintmax_t max_report_file_bytes = std::uintmax_t{256} * 1024 * 1024;

/// A report from the text of a report file. `file_name` names the input in errors and becomes
/// `Report::file`. A UTF-8 byte order mark at the start is skipped.
[[nodiscard]] tl::expected<Report, LoadError> read_report_json(std::string_view text,
                                                               std::string_view file_name);

/// A report from a file: an error naming the file when it cannot be read, and one without
/// reading it when it is larger than `max_bytes`.
[[nodiscard]] tl::expected<Report, LoadError> load_report_json(
    const std::filesystem::path& path, std::uintmax_t max_bytes = max_report_file_bytes);

/// The report as a report file: UTF-8, two-space indentation, members in a fixed order, values
/// that fit on one line of 100 columns written on one, members that hold their default left out,
/// every figure written as a string exactly as its `Stated::text`. `Report::file` is not written.
[[nodiscard]] std::string write_report_json(const Report& report);

/// Writes `write_report_json(report)` to `path` (through a temporary file in the same directory
/// that replaces `path` only once complete).
[[nodiscard]] tl::expected<void, LoadError> save_report_json(const Report& report,
                                                             const std::filesystem::path& path);

}  // namespace fisc
