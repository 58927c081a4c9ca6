// SPDX-License-Identifier: BSL-1.0
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue.hpp"
#include "fisc/classify/catalogue_error.hpp"
#include "fisc/classify/code_syntax.hpp"
#include "fisc/classify/year_range.hpp"

namespace fisc {
namespace detail {
namespace {

using code_syntax::byte_at;
using code_syntax::code_char_at;
using code_syntax::CodeChar;
using code_syntax::CodeCharKind;
using code_syntax::column_of;
using code_syntax::skip_code_spaces;
using code_syntax::utf8_length;

// Spaces around a field: ASCII space and tab, U+00A0, U+3000.
std::string_view trim_spaces(std::string_view s, std::size_t* leading = nullptr) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    const CodeChar c = code_char_at(s, begin);
    if (c.kind != CodeCharKind::space) break;
    begin += c.size;
  }
  std::size_t end = begin;
  for (std::size_t i = begin; i < s.size();) {
    const CodeChar c = code_char_at(s, i);
    i += c.size;
    if (c.kind != CodeCharKind::space) end = i;
  }
  if (leading != nullptr) *leading = begin;
  return s.substr(begin, end - begin);
}

// A small CSV splitter for catalogue files (RFC 4180 with LF, CRLF or CR line ends). io/ will
// have a general CSV reader; this one knows only what a catalogue needs, and keeps each field's
// byte range so that errors inside a field can point at the character.

struct CsvField {
  std::string value;      // unquoted, "" unescaped
  std::size_t begin = 0;  // offset of the first byte (the opening quote when quoted)
  std::size_t end = 0;    // offset after the last byte (after the closing quote)
  bool quoted = false;

  // The byte offset in the file of byte `index` of `value` (or of its end).
  [[nodiscard]] std::size_t offset_of(std::string_view text, std::size_t index) const {
    if (!quoted) return begin + index;
    std::size_t raw = begin + 1;
    for (std::size_t i = 0; i < index && raw < end; ++i) raw += text[raw] == '"' ? 2 : 1;
    return raw;
  }
};

struct CsvRecord {
  std::vector<CsvField> fields;
  std::size_t begin = 0;
  std::size_t end = 0;  // offset of the line end

  // Nothing but empty or space-only unquoted fields: a blank line, or ",," from a spreadsheet.
  [[nodiscard]] bool blank() const;
};

bool CsvRecord::blank() const {
  return std::all_of(fields.begin(), fields.end(),
                     [](const CsvField& f) { return !f.quoted && trim_spaces(f.value).empty(); });
}

struct CsvProblem {
  std::size_t offset;
  std::string message;
};

bool is_line_end(char c) noexcept { return c == '\n' || c == '\r'; }

// The record starting at `pos`, which is moved past its line end.
tl::expected<CsvRecord, CsvProblem> split_record(std::string_view text, std::size_t& pos) {
  CsvRecord record;
  record.begin = pos;
  for (;;) {
    CsvField field;
    field.begin = pos;
    if (pos < text.size() && text[pos] == '"') {
      field.quoted = true;
      ++pos;
      for (;;) {
        if (pos >= text.size()) {
          return tl::unexpected(CsvProblem{
              field.begin, "a quoted field is not closed: expected a closing quote (\")"});
        }
        if (text[pos] == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            field.value += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        field.value += text[pos++];
      }
      if (pos < text.size() && text[pos] != ',' && !is_line_end(text[pos])) {
        return tl::unexpected(CsvProblem{
            pos,
            "text after a closing quote: expected a comma or the end of the line (write \"\" "
            "for a quote inside a quoted field)"});
      }
    } else {
      while (pos < text.size() && text[pos] != ',' && !is_line_end(text[pos])) {
        if (text[pos] == '"') {
          return tl::unexpected(CsvProblem{
              pos,
              "a quote inside an unquoted field: expected the whole field in quotes, with "
              "\"\" for each quote inside it"});
        }
        field.value += text[pos++];
      }
    }
    field.end = pos;
    record.fields.push_back(std::move(field));
    if (pos < text.size() && text[pos] == ',') {
      ++pos;
      continue;
    }
    break;
  }
  record.end = pos;
  if (pos < text.size() && text[pos] == '\r') ++pos;
  if (pos < text.size() && text[pos] == '\n' && (pos == record.end || text[pos - 1] == '\r')) {
    ++pos;
  }
  return record;
}

struct Place {
  std::size_t line;
  std::size_t column;
};

// The 1-based line and code-point column of `offset`; line 1 starts after the byte-order mark.
Place place_of(std::string_view text, std::size_t start, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = start;
  for (std::size_t i = start; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  const std::string_view line_text = text.substr(line_start);
  return {line, column_of(line_text, offset - line_start)};
}

std::string hex_byte(unsigned char b) {
  static constexpr std::string_view digits = "0123456789ABCDEF";
  std::string out = "0x";
  out += digits[b >> 4U];
  out += digits[b & 0x0FU];
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

enum class Column : std::uint8_t { code, name, year, other };

Column column_named(std::string_view header) {
  const std::string h = ascii_lower(trim_spaces(header));
  if (h == "code" || h == "科目编码" || h == "编码" || h == "科目代码" || h == "代码") {
    return Column::code;
  }
  if (h == "name" || h == "科目名称" || h == "名称") return Column::name;
  if (h == "year" || h == "years" || h == "年度" || h == "年份") return Column::year;
  return Column::other;
}

constexpr std::string_view year_forms =
    "expected a year (2020), a range (2020-2024), a range open at one end (2019-, -2018), or "
    "nothing for every year";

// A four-digit year at `pos` of `s`; `pos` moves past it.
std::optional<std::int32_t> read_year(std::string_view s, std::size_t& pos) {
  std::int32_t year = 0;
  for (int i = 0; i < 4; ++i) {
    const CodeChar c = code_char_at(s, pos);
    if (c.kind != CodeCharKind::digit) return std::nullopt;
    year = year * 10 + c.digit;
    pos += c.size;
  }
  if (code_char_at(s, pos).kind == CodeCharKind::digit) return std::nullopt;
  return year;
}

bool is_range_dash(std::string_view s, std::size_t pos, std::size_t& size) {
  const CodeChar c = code_char_at(s, pos);
  if (c.kind == CodeCharKind::dash) {
    size = c.size;
    return true;
  }
  if (s.substr(pos, 1) == "~" || s.substr(pos, 3) == "～" || s.substr(pos, 3) == "至") {
    size = s[pos] == '~' ? 1 : 3;
    return true;
  }
  return false;
}

struct YearProblem {
  std::size_t index;  // in the field's value
  std::string message;
};

tl::expected<YearRange, YearProblem> parse_years(std::string_view value) {
  std::size_t lead = 0;
  const std::string_view s = trim_spaces(value, &lead);
  if (s.empty()) return YearRange::all();
  const auto fail = [lead](std::size_t at, std::string message) {
    return tl::unexpected(YearProblem{lead + at, std::move(message)});
  };
  std::size_t pos = 0;
  std::size_t dash = 0;
  std::optional<std::int32_t> first;
  if (!is_range_dash(s, 0, dash)) {
    first = read_year(s, pos);
    if (!first) return fail(0, std::string(year_forms));
    pos = skip_code_spaces(s, pos);
    if (pos == s.size()) return YearRange::only(*first);
    if (!is_range_dash(s, pos, dash)) return fail(pos, std::string(year_forms));
  }
  pos = skip_code_spaces(s, pos + dash);
  if (pos == s.size()) {
    if (!first) return fail(pos, std::string(year_forms));
    return YearRange::since(*first);
  }
  const std::size_t second_at = pos;
  const auto last = read_year(s, pos);
  if (!last) return fail(second_at, std::string(year_forms));
  if (const std::size_t after = skip_code_spaces(s, pos); after != s.size()) {
    return fail(after, std::string(year_forms));
  }
  if (!first) return YearRange::until(*last);
  if (*last < *first) {
    return fail(second_at, "the range ends before it begins: expected a last year of at least " +
                               std::to_string(*first));
  }
  return YearRange::between(*first, *last);
}

// Where an accepted row came from, to name it in a conflict.
struct RowPlace {
  std::size_t line;
  std::size_t entry;  // index in the entries
};

class Loader {
 public:
  Loader(std::string_view text, std::string_view file_name) : text_(text), file_(file_name) {}

  // The entries of the file, in file order.
  tl::expected<std::vector<CatalogueEntry>, CatalogueError> load();

 private:
  [[nodiscard]] CatalogueError error(CatalogueErrc code, std::size_t offset,
                                     std::string message) const {
    const Place p = place_of(text_, start_, offset);
    return {code, file_, p.line, p.column, offset, std::move(message)};
  }

  tl::expected<void, CatalogueError> check_encoding();
  tl::expected<void, CatalogueError> read_header(const CsvRecord& header);
  tl::expected<void, CatalogueError> read_row(const CsvRecord& row);

  std::string_view text_;
  std::string file_;
  std::size_t start_ = 0;  // after the byte-order mark
  std::size_t header_fields_ = 0;
  std::array<std::size_t, 3> columns_{};  // field index of code, name, year
  std::array<bool, 3> present_{};
  std::vector<CatalogueEntry> entries_;
  std::unordered_map<AnyCode, std::vector<RowPlace>> rows_of_code_;
};

tl::expected<void, CatalogueError> Loader::check_encoding() {
  if (text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF")) {
    return tl::unexpected(error(CatalogueErrc::invalid_utf8, 0,
                                "the file starts with a UTF-16 byte-order mark: expected UTF-8 "
                                "(save the file as UTF-8)"));
  }
  if (text_.starts_with("\xEF\xBB\xBF")) start_ = 3;
  for (std::size_t i = start_; i < text_.size();) {
    const std::size_t n = utf8_length(text_, i);
    if (n == 0) {
      return tl::unexpected(error(
          CatalogueErrc::invalid_utf8, i,
          "byte " + hex_byte(byte_at(text_, i)) +
              " is not UTF-8 here: expected UTF-8 text (a file saved as GBK or GB18030 must be "
              "converted to UTF-8)"));
    }
    i += n;
  }
  return {};
}

tl::expected<void, CatalogueError> Loader::read_header(const CsvRecord& header) {
  header_fields_ = header.fields.size();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const CsvField& f = header.fields[i];
    const Column c = column_named(f.value);
    if (c == Column::other) continue;
    const auto k = static_cast<std::size_t>(c);
    if (present_.at(k)) {
      return tl::unexpected(error(
          CatalogueErrc::duplicate_column, f.begin,
          "the header names the " + ascii_lower(trim_spaces(f.value)) + " column twice (fields " +
              std::to_string(columns_.at(k) + 1) + " and " + std::to_string(i + 1) + ")"));
    }
    present_.at(k) = true;
    columns_.at(k) = i;
  }
  const bool code = present_[static_cast<std::size_t>(Column::code)];
  const bool name = present_[static_cast<std::size_t>(Column::name)];
  if (!code && !name) {
    return tl::unexpected(
        error(CatalogueErrc::missing_column, header.begin,
              "expected a header row naming the columns code and name (and "
              "optionally year), e.g. code,name,year; found '" +
                  std::string(text_.substr(header.begin, header.end - header.begin)) + "'"));
  }
  if (!code || !name) {
    return tl::unexpected(
        error(CatalogueErrc::missing_column, header.end,
              code ? "the header has no name column: expected name (or 科目名称)"
                   : "the header has no code column: expected code (or 科目编码)"));
  }
  return {};
}

tl::expected<void, CatalogueError> Loader::read_row(const CsvRecord& row) {
  if (row.fields.size() < header_fields_) {
    return tl::unexpected(error(CatalogueErrc::missing_column, row.end,
                                "expected " + std::to_string(header_fields_) +
                                    " fields as in the header, found " +
                                    std::to_string(row.fields.size())));
  }
  for (std::size_t i = header_fields_; i < row.fields.size(); ++i) {
    const CsvField& f = row.fields[i];
    if (f.quoted || !f.value.empty()) {
      return tl::unexpected(error(CatalogueErrc::extra_field, f.begin,
                                  "field " + std::to_string(i + 1) + " is beyond the header's " +
                                      std::to_string(header_fields_) +
                                      " columns: expected at most " +
                                      std::to_string(header_fields_) + " fields"));
    }
  }

  const CsvField& code_field = row.fields[columns_[static_cast<std::size_t>(Column::code)]];
  const auto code = parse_any_code(code_field.value);
  if (!code) {
    const std::string_view trimmed = trim_spaces(code_field.value);
    std::string message =
        code.error().code == CodeErrc::empty
            ? std::string("expected a code (201, 20132, 2013201, 30101) in the code column")
            : "'" + std::string(trimmed) +
                  "' is not a classification code: " + explain(code.error(), code_field.value);
    return tl::unexpected(error(CatalogueErrc::bad_code,
                                code_field.offset_of(text_, code.error().offset),
                                std::move(message)));
  }

  const CsvField& name_field = row.fields[columns_[static_cast<std::size_t>(Column::name)]];
  std::size_t lead = 0;
  const std::string_view name = trim_spaces(name_field.value, &lead);
  if (name.empty()) {
    return tl::unexpected(error(CatalogueErrc::bad_name, name_field.offset_of(text_, lead),
                                "expected a name in the name column"));
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x20U || b == 0x7FU) {
      return tl::unexpected(
          error(CatalogueErrc::bad_name, name_field.offset_of(text_, lead + i),
                "control character " + hex_byte(b) +
                    " in the name: expected a name on one line, without control characters"));
    }
  }

  YearRange years;
  if (present_[static_cast<std::size_t>(Column::year)]) {
    const CsvField& year_field = row.fields[columns_[static_cast<std::size_t>(Column::year)]];
    const auto parsed = parse_years(year_field.value);
    if (!parsed) {
      return tl::unexpected(error(CatalogueErrc::bad_year,
                                  year_field.offset_of(text_, parsed.error().index),
                                  "'" + std::string(trim_spaces(year_field.value)) +
                                      "' is not a year: " + parsed.error().message));
    }
    years = *parsed;
  }

  const std::size_t line = place_of(text_, start_, row.begin).line;
  std::vector<RowPlace>& earlier = rows_of_code_[*code];
  for (const RowPlace& p : earlier) {
    const CatalogueEntry& e = entries_[p.entry];
    if (e.years.overlaps(years) && e.name != name) {
      const YearRange overlap{std::max(e.years.first, years.first),
                              std::min(e.years.last, years.last)};
      const std::string when =
          overlap.is_all() ? std::string("every year") : "the years " + to_string(overlap);
      return tl::unexpected(
          error(CatalogueErrc::conflicting_names, name_field.offset_of(text_, lead),
                "code " + to_string(*code) + " is named '" + e.name + "' on line " +
                    std::to_string(p.line) + " and '" + std::string(name) + "' here for " + when +
                    ": expected one name per code and year (give each name its years)"));
    }
  }
  earlier.push_back({line, entries_.size()});
  entries_.push_back({*code, std::string(name), years, true});
  return {};
}

tl::expected<std::vector<CatalogueEntry>, CatalogueError> Loader::load() {
  if (auto ok = check_encoding(); !ok) return tl::unexpected(std::move(ok.error()));
  std::size_t pos = start_;
  bool have_header = false;
  while (pos < text_.size()) {
    auto record = split_record(text_, pos);
    if (!record) {
      return tl::unexpected(error(CatalogueErrc::bad_quoting, record.error().offset,
                                  std::move(record.error().message)));
    }
    if (record->blank()) continue;
    if (!have_header) {
      if (auto ok = read_header(*record); !ok) return tl::unexpected(std::move(ok.error()));
      have_header = true;
      continue;
    }
    if (auto ok = read_row(*record); !ok) return tl::unexpected(std::move(ok.error()));
  }
  if (!have_header) {
    return tl::unexpected(error(CatalogueErrc::empty_file, text_.size(),
                                "the file has no header row: expected a header row naming the "
                                "columns code and name (and optionally year), e.g. "
                                "code,name,year"));
  }
  return std::move(entries_);
}

}  // namespace
}  // namespace detail

tl::expected<Catalogue, CatalogueError> Catalogue::load_csv(std::string_view text,
                                                            std::string_view file_name) {
  auto entries = detail::Loader(text, file_name).load();
  if (!entries) return tl::unexpected(std::move(entries.error()));
  return from_entries(std::move(*entries), false, std::string(file_name));
}

tl::expected<Catalogue, CatalogueError> Catalogue::load_csv_file(
    const std::filesystem::path& path) {
  // A catalogue of every code of every year is a few MiB; far more is not a catalogue.
  constexpr std::uintmax_t max_size = std::uintmax_t{64} * 1024 * 1024;
  const std::string file = path.string();
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    return tl::unexpected(CatalogueError{CatalogueErrc::cannot_read, file, 0, 0, 0,
                                         "cannot read the file: " + ec.message()});
  }
  if (size > max_size) {
    return tl::unexpected(CatalogueError{
        CatalogueErrc::too_large, file, 0, 0, 0,
        "the file has " + std::to_string(size) + " bytes: expected a catalogue of at most 64 MiB"});
  }
  std::ifstream in(path, std::ios::binary);
  std::string text;
  if (in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    return tl::unexpected(CatalogueError{CatalogueErrc::cannot_read, file, 0, 0, 0,
                                         "cannot read the file: reading failed"});
  }
  return load_csv(text, file);
}

std::string describe(const CatalogueError& error) {
  std::string out = error.file;
  if (error.line != 0) {
    out += ':';
    out += std::to_string(error.line);
    out += ':';
    out += std::to_string(error.column);
  }
  out += ": ";
  out += to_string(error.code);
  out += ": ";
  out += error.message;
  return out;
}

std::ostream& operator<<(std::ostream& os, CatalogueErrc code) { return os << to_string(code); }

std::ostream& operator<<(std::ostream& os, const CatalogueError& error) {
  return os << describe(error);
}

}  // namespace fisc
