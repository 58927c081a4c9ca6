// SPDX-License-Identifier: BSL-1.0
#include "fisc/input.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <istream>
#include <iterator>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include "fisc/io/load_error.hpp"
#include "fisc/io/report_json.hpp"
#include "fisc/narrative/reader.hpp"
#include "fisc/pdf/published.hpp"

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

enum class Kind : std::uint8_t { report, narrative, document, other };

/// What a file is by its extension (ASCII letters in any case): .json a report, .txt a narrative
/// (or a published document laid out as text), .pdf a published document.
Kind kind_of(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (extension == ".json") return Kind::report;
  if (extension == ".txt") return Kind::narrative;
  if (extension == ".pdf") return Kind::document;
  return Kind::other;
}

/// Whether path `a` sorts before `b` as std::filesystem::path compares them, name by name: as
/// strings with the separator before every other character ("a/b" before "a-b").
bool path_less(std::string_view a, std::string_view b) {
  const auto key = [](char c) {
    return c == '/' ? 0 : static_cast<int>(static_cast<unsigned char>(c)) + 1;
  };
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [&](char x, char y) { return key(x) < key(y); });
}

/// A file's name up to its first dot: 说明 for 说明.txt and 说明.report.json.
std::string stem_of(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.substr(0, name.find('.'));
}

/// Which text goes with which report among `files` (reports and texts of one folder, or the
/// files named as operands): a text with the report of its name, or with the only report when
/// there is one report and one text. Texts left out of `text_of` are inputs of their own.
struct Pairing {
  std::map<std::string, std::string> text_of;  ///< report path -> text path
  std::vector<std::string> paired_texts;
};

void pair_files(const std::vector<std::string>& files, Pairing& pairing) {
  std::vector<std::string> reports;
  std::vector<std::string> texts;
  for (const std::string& f : files) {
    switch (kind_of(std::filesystem::path(f))) {
      case Kind::report: reports.push_back(f); break;
      case Kind::narrative: texts.push_back(f); break;
      case Kind::document:  // a PDF holds its own text: it pairs with nothing
      case Kind::other: break;
    }
  }
  if (reports.size() == 1 && texts.size() == 1) {
    pairing.text_of[reports.front()] = texts.front();
    pairing.paired_texts.push_back(texts.front());
    return;
  }
  for (const std::string& t : texts) {
    const auto same = std::find_if(reports.begin(), reports.end(), [&](const std::string& r) {
      return stem_of(r) == stem_of(t) && !pairing.text_of.contains(r);
    });
    if (same == reports.end()) continue;
    pairing.text_of[*same] = t;
    pairing.paired_texts.push_back(t);
  }
}

/// Adds `path` to `list` with its text, unless it is a text that goes with a report.
void add_input(const std::string& path, const Pairing& pairing, InputList& list) {
  if (std::find(pairing.paired_texts.begin(), pairing.paired_texts.end(), path) !=
      pairing.paired_texts.end()) {
    return;
  }
  list.paths.push_back(path);
  const auto paired = pairing.text_of.find(path);
  list.narratives.push_back(paired == pairing.text_of.end() ? std::string_view()
                                                            : std::string_view(paired->second));
}

}  // namespace

tl::expected<Report, std::string> load_report(std::string_view path, std::istream& in) {
  tl::expected<Report, LoadError> report = [&]() -> tl::expected<Report, LoadError> {
    if (path == "-") {
      return read_all(in).and_then(
          [](const std::string& text) { return read_report_json(text, stdin_name); });
    }
    switch (kind_of(std::filesystem::path(path))) {
      case Kind::narrative:
        return load_published_text(std::filesystem::path(path)).map([](PublishedReading r) {
          return std::move(r.report);
        });
      case Kind::document:
        return load_published_pdf(std::filesystem::path(path)).map([](PublishedReading r) {
          return std::move(r.report);
        });
      case Kind::report:
      case Kind::other: break;
    }
    return load_report_json(std::filesystem::path(path));
  }();
  if (!report) return tl::unexpected(describe(report.error()));
  return std::move(*report);
}

bool is_narrative_path(std::string_view path) {
  return kind_of(std::filesystem::path(path)) == Kind::narrative;
}

bool is_document_path(std::string_view path) {
  return kind_of(std::filesystem::path(path)) == Kind::document;
}

tl::expected<Report, std::string> load_input(std::string_view path, std::string_view narrative,
                                             std::istream& in) {
  auto report = load_report(path, in);
  if (!report || narrative.empty()) return report;
  NarrativeOptions options;
  options.file = std::string(narrative);
  options.year = report->year;
  options.kind = report->kind;
  auto text = load_narrative(std::filesystem::path(narrative), options);
  if (!text) return tl::unexpected(describe(text.error()));
  Report& r = *report;
  auto& read = text->report;
  std::move(read.statements.begin(), read.statements.end(), std::back_inserter(r.statements));
  std::move(read.enumerations.begin(), read.enumerations.end(), std::back_inserter(r.enumerations));
  std::move(read.claims.begin(), read.claims.end(), std::back_inserter(r.claims));
  return report;
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
  // The files named as operands pair among themselves.
  Pairing loose;
  {
    std::vector<std::string> files;
    for (const std::string& operand : operands) {
      std::error_code ec;
      if (operand != "-" && kind_of(fs::path(operand)) != Kind::other &&
          !fs::is_directory(fs::path(operand), ec)) {
        files.push_back(operand);
      }
    }
    pair_files(files, loose);
  }
  for (const std::string& operand : operands) {
    if (operand == "-") {
      list.paths.push_back(operand);
      list.narratives.push_back({});
      continue;
    }
    const fs::path path(operand);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) {
      // The files as strings (a std::filesystem::path holds its components besides: several
      // times the memory, for a folder of 20,000 reports).
      StringList found;
      std::vector<std::string> text_folders;  ///< the folders that hold a text
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
          case Kind::narrative:
            text_folders.push_back(entry.path().parent_path().string());
            [[fallthrough]];
          case Kind::report:
          case Kind::document: found.push_back(entry.path().string()); break;
          case Kind::other: ++list.skipped_others; break;
        }
      }
      if (ec) return tl::unexpected(reading + ": cannot read the folder: " + ec.message());
      std::vector<std::size_t> order(found.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(),
                [&](std::size_t a, std::size_t b) { return path_less(found[a], found[b]); });
      // Each folder's texts pair with its reports (a folder without a text pairs nothing).
      std::sort(text_folders.begin(), text_folders.end());
      text_folders.erase(std::unique(text_folders.begin(), text_folders.end()), text_folders.end());
      std::map<std::string, std::vector<std::string>> by_folder;
      if (!text_folders.empty()) {
        for (const std::size_t i : order) {
          const std::string p(found[i]);
          std::string folder = fs::path(p).parent_path().string();
          if (std::binary_search(text_folders.begin(), text_folders.end(), folder)) {
            by_folder[std::move(folder)].push_back(p);
          }
        }
      }
      Pairing pairing;
      for (const auto& entry : by_folder) pair_files(entry.second, pairing);
      for (const std::size_t i : order) add_input(std::string(found[i]), pairing, list);
      continue;
    }
    switch (kind_of(path)) {
      case Kind::report:
      case Kind::narrative:
      case Kind::document: add_input(operand, loose, list); continue;
      case Kind::other: break;
    }
    if (!fs::exists(status)) return tl::unexpected(operand + ": no such file or folder");
    return tl::unexpected(operand +
                          ": not a report file (.json), a narrative text (.txt), a published "
                          "document (.pdf), a folder of them, or -");
  }
  return list;
}

}  // namespace fisc::cli
