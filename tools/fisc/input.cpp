// SPDX-License-Identifier: BSL-1.0
#include "fisc/input.hpp"

#include <array>
#include <filesystem>
#include <istream>

#include "fisc/io/load_error.hpp"
#include "fisc/io/report_json.hpp"

namespace fisc::cli {
namespace {

/// All of `in`, or an error when it cannot be read or is larger than a report file may be.
tl::expected<std::string, LoadError> read_all(std::istream& in) {
  std::string text;
  std::array<char, std::size_t{64} * 1024> buffer{};
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_report_file_bytes) {
      return tl::unexpected(LoadError{
          std::string(stdin_name), 0, 0, "",
          "larger than " + std::to_string(max_report_file_bytes / (std::uintmax_t{1024} * 1024)) +
              " MiB; a report file may not be"});
    }
  }
  if (in.bad()) {
    return tl::unexpected(
        LoadError{std::string(stdin_name), 0, 0, "", "cannot be read (an input error)"});
  }
  return text;
}

}  // namespace

tl::expected<Report, std::string> load_report(std::string_view path, std::istream& in) {
  tl::expected<Report, LoadError> report = [&]() -> tl::expected<Report, LoadError> {
    if (path == "-") {
      return read_all(in).and_then(
          [](const std::string& text) { return read_report_json(text, stdin_name); });
    }
    return load_report_json(std::filesystem::path(path));
  }();
  if (!report) return tl::unexpected(describe(report.error()));
  return std::move(*report);
}

}  // namespace fisc::cli
