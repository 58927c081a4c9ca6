// SPDX-License-Identifier: BSL-1.0
#include "fisc/input.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <istream>
#include <system_error>
#include <vector>

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

std::string in_marks(std::string_view text) { return "“" + std::string(text) + "”"; }

/// A member of a JSON path: `.key`, or `["key"]` for a key that is not a plain name.
std::string member(std::string_view key) {
  const auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
  };
  if (!key.empty() && !(key.front() >= '0' && key.front() <= '9') &&
      std::all_of(key.begin(), key.end(), word)) {
    return "." + std::string(key);
  }
  std::string out = "[\"";
  for (const char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"]";
}

enum class Kind : std::uint8_t { report, narrative, other };

/// What a file is by its extension (ASCII letters in any case): .json a report, .txt a narrative.
Kind kind_of(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (extension == ".json") return Kind::report;
  if (extension == ".txt") return Kind::narrative;
  return Kind::other;
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

std::string describe_cell_error(const Report& report, const CellError& error) {
  LoadError out;
  out.file = report.file;
  out.path =
      "$.tables[" + std::to_string(error.table) + "].rows[" + std::to_string(error.row) + "].cells";
  std::string where;
  if (error.table < report.tables.size()) {
    const Table& table = report.tables[error.table];
    where =
        "table " + in_marks(table.title.empty() ? std::string(to_string(table.role)) : table.title);
    if (error.row < table.rows.size()) {
      const TableRow& row = table.rows[error.row];
      where += ", row " + in_marks(row.code.empty() ? row.label : row.code);
      if (error.cell < row.cells.size()) {
        const std::string& key = row.cells[error.cell].column;
        out.path += member(key);
        const TableColumn* column = table.column(key);
        where += ", column " +
                 in_marks(column == nullptr || column->header.empty() ? key : column->header);
      }
    }
  }
  out.message = where.empty() ? error.message : where + ": " + error.message;
  return describe(out);
}

tl::expected<InputList, std::string> list_inputs(std::span<const std::string> operands) {
  namespace fs = std::filesystem;
  InputList list;
  for (const std::string& operand : operands) {
    if (operand == "-") {
      list.paths.push_back(operand);
      continue;
    }
    const fs::path path(operand);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      // The folder being read when an error stops the walk: the operand, or the last subfolder
      // entered (a subfolder that cannot be opened fails as the walk steps into it).
      std::string reading = operand;
      fs::recursive_directory_iterator it(path, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        std::error_code type_ec;
        // Hidden folders (.git, .cache) hold tools' files, not reports: not entered.
        const bool hidden = entry.path().filename().string().starts_with('.');
        if (entry.is_directory(type_ec)) {
          if (hidden) {
            it.disable_recursion_pending();
          } else {
            reading = entry.path().string();
          }
          continue;
        }
        if (!entry.is_regular_file(type_ec)) {
          ++list.skipped_others;
          continue;
        }
        switch (kind_of(entry.path())) {
          case Kind::report: found.push_back(entry.path()); break;
          case Kind::narrative: ++list.skipped_narratives; break;
          case Kind::other: ++list.skipped_others; break;
        }
      }
      if (ec) return tl::unexpected(reading + ": cannot read the folder: " + ec.message());
      std::sort(found.begin(), found.end());
      for (const fs::path& p : found) list.paths.push_back(p.string());
      continue;
    }
    switch (kind_of(path)) {
      case Kind::report: list.paths.push_back(operand); continue;
      case Kind::narrative:
        return tl::unexpected(operand +
                              ": reading a narrative text (.txt) is not built yet (issue 6); "
                              "check a report file (.json)");
      case Kind::other: break;
    }
    if (!fs::exists(status)) return tl::unexpected(operand + ": no such file or folder");
    return tl::unexpected(operand + ": not a report file (.json), a folder of them, or -");
  }
  return list;
}

}  // namespace fisc::cli
