// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "fisc/accounts/report.hpp"

namespace fisc::cli {

/// How standard input is named in messages and in the places of its figures.
inline constexpr std::string_view stdin_name = "<stdin>";

/// The report that the PATH operand `path` names: a report file (.json), or "-" for the report
/// file's text on `in`. The error is the message to print: it names the file and the place
/// (describe(LoadError): "file:line:column: path: message").
[[nodiscard]] tl::expected<Report, std::string> load_report(std::string_view path,
                                                            std::istream& in);

}  // namespace fisc::cli
