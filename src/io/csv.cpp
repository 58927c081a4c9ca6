// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/csv.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

namespace fisc {

bool CsvRecord::blank() const noexcept {
  return std::all_of(fields.begin(), fields.end(),
                     [](const CsvField& f) { return f.value.empty(); });
}

namespace {

class Splitter {
 public:
  Splitter(std::string_view text, std::string_view file, CsvOptions options)
      : text_(text), file_(file), delimiter_(options.delimiter), max_fields_(options.max_fields) {}

  tl::expected<std::vector<CsvRecord>, LoadError> run() {
    std::vector<CsvRecord> records;
    while (i_ < text_.size()) {
      CsvRecord record;
      record.number = records.size() + 1;
      for (;;) {
        if (++fields_ > max_fields_) {
          return fail(here_, "more than " + std::to_string(max_fields_) +
                                 " fields: fisc reads CSV files of at most that many");
        }
        auto field = read_field();
        if (!field) return tl::unexpected(std::move(field.error()));
        record.fields.push_back(std::move(*field));
        if (i_ == text_.size()) break;
        const char c = text_[i_];
        if (c == delimiter_) {
          advance();
          continue;
        }
        // read_field stops only at a delimiter, a line break or the end.
        if (c == '\r') advance();
        advance();  // '\n'
        break;
      }
      records.push_back(std::move(record));
    }
    return records;
  }

 private:
  tl::expected<CsvField, LoadError> read_field() {
    CsvField field;
    field.offset = i_;
    field.position = here_;
    if (i_ < text_.size() && text_[i_] == '"') {
      field.quoted = true;
      advance();
      for (;;) {
        if (i_ == text_.size()) {
          return fail(field.position,
                      "a quoted field is not closed: the closing \" is missing (a quote inside "
                      "a quoted field is written \"\")");
        }
        const char c = text_[i_];
        if (c == '"') {
          if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
            field.value += '"';
            advance();
            advance();
            continue;
          }
          advance();
          break;
        }
        field.value += c;
        advance();
      }
      if (i_ < text_.size() && text_[i_] != delimiter_ && text_[i_] != '\n' &&
          !(text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n')) {
        return fail(here_,
                    "text after the closing quote of a field (expected the delimiter or "
                    "the end of the line)");
      }
      return field;
    }
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == delimiter_ || c == '\n') break;
      if (c == '\r') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '\n') break;
        return fail(here_, "a carriage return that is not followed by a line feed");
      }
      if (c == '"') {
        return fail(here_,
                    "a quote inside an unquoted field (quote the whole field and write the "
                    "quote as \"\")");
      }
      field.value += c;
      advance();
    }
    return field;
  }

  void advance() noexcept {
    constexpr auto max = std::numeric_limits<std::uint32_t>::max();
    const auto byte = static_cast<unsigned char>(text_[i_]);
    ++i_;
    if (byte == '\n') {
      if (here_.line < max) ++here_.line;
      here_.column = 1;
    } else if ((byte & 0xC0U) != 0x80U && here_.column < max) {
      ++here_.column;
    }
  }

  tl::unexpected<LoadError> fail(TextPosition at, std::string message) const {
    return tl::unexpected(
        LoadError{std::string(file_), at.line, at.column, {}, std::move(message)});
  }

  std::string_view text_;
  std::string_view file_;
  char delimiter_;
  std::size_t max_fields_;
  std::size_t fields_ = 0;
  std::size_t i_ = 0;
  TextPosition here_;
};

}  // namespace

tl::expected<std::vector<CsvRecord>, LoadError> split_csv(std::string_view text,
                                                          std::string_view file_name,
                                                          CsvOptions options) {
  return Splitter(text, file_name, options).run();
}

TextPosition position_in_field(std::string_view text, const CsvField& field,
                               std::size_t index) noexcept {
  constexpr auto max = std::numeric_limits<std::uint32_t>::max();
  TextPosition p = field.position;
  std::size_t raw = field.offset;
  std::size_t decoded = 0;
  const auto step = [&] {
    const auto byte = static_cast<unsigned char>(text[raw]);
    ++raw;
    if (byte == '\n') {
      if (p.line < max) ++p.line;
      p.column = 1;
    } else if ((byte & 0xC0U) != 0x80U && p.column < max) {
      ++p.column;
    }
  };
  if (field.quoted && raw < text.size()) step();
  while (decoded < index && raw < text.size()) {
    if (field.quoted && text[raw] == '"') step();  // the first quote of ""
    if (raw < text.size()) step();
    ++decoded;
  }
  return p;
}

}  // namespace fisc
