// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/table_csv.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "common.hpp"
#include "fisc/accounts/report.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/io/csv.hpp"
#include "fisc/io/encoding.hpp"
#include "fisc/numbers/parse.hpp"

namespace fisc {

namespace {

constexpr std::array kDictionary{
    CsvHeaderMeaning{"支出合计", "expenditure.total", std::nullopt},
    CsvHeaderMeaning{"本年支出", "expenditure.total", std::nullopt},
    CsvHeaderMeaning{"收入合计", "income.total", std::nullopt},
    CsvHeaderMeaning{"本年收入", "income.total", std::nullopt},
    CsvHeaderMeaning{"决算数", {}, Scenario::actual},
    CsvHeaderMeaning{"本年决算数", {}, Scenario::actual},
    CsvHeaderMeaning{"执行数", {}, Scenario::actual},
    CsvHeaderMeaning{"预算数", {}, Scenario::budget},
    CsvHeaderMeaning{"全年预算数", {}, Scenario::budget},
    CsvHeaderMeaning{"年初预算数", {}, Scenario::initial_budget},
    CsvHeaderMeaning{"调整预算数", {}, Scenario::adjusted_budget},
    CsvHeaderMeaning{"调整后预算数", {}, Scenario::adjusted_budget},
};

constexpr std::array<std::string_view, 6> kCodeHeaders{
    "科目编码", "功能分类科目编码", "经济分类科目编码", "科目代码", "功能分类科目代码", "编码"};
constexpr std::array<std::string_view, 5> kNameHeaders{"科目名称", "功能分类科目名称",
                                                       "经济分类科目名称", "项目", "名称"};

// The length of the UTF-8 sequence at `s[i]` (1 for a stray byte).
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80U ? 1 : (b >= 0xF0U ? 4 : (b >= 0xE0U ? 3 : (b >= 0xC0U ? 2 : 1)));
  return std::min(n, s.size() - i);
}

bool is_space(std::string_view ch) noexcept {
  return ch == " " || ch == "\t" || ch == "\r" || ch == "\n" || ch == "\u3000" || ch == "\u00A0";
}

std::string_view trim(std::string_view s) noexcept {
  for (;;) {
    if (s.empty()) return s;
    if (is_space(s.substr(0, 1))) {
      s.remove_prefix(1);
    } else if (s.starts_with("\u3000")) {
      s.remove_prefix(3);
    } else if (s.starts_with("\u00A0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (s.empty()) return s;
    if (is_space(s.substr(s.size() - 1))) {
      s.remove_suffix(1);
    } else if (s.ends_with("\u3000")) {
      s.remove_suffix(3);
    } else if (s.ends_with("\u00A0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// A header or label as the dictionary writes it: no spaces, parentheses and colons full-width,
// and (unless `keep_of_which`) a leading "其中：" dropped.
std::string normalise_header(std::string_view s, bool keep_of_which = false) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    const std::string_view ch = s.substr(i, n);
    i += n;
    if (is_space(ch)) continue;
    if (ch == "(") {
      out += "（";
    } else if (ch == ")") {
      out += "）";
    } else if (ch == ":") {
      out += "：";
    } else {
      out += ch;
    }
  }
  if (!keep_of_which && std::string_view(out).starts_with("其中：")) {
    out.erase(0, std::string_view("其中：").size());
  }
  return out;
}

// A row label without its numbering ("一、", "（一）", "1.", "2、") for matching concept names.
std::string label_for_matching(std::string_view label) {
  std::string s = normalise_header(label);
  constexpr std::array<std::string_view, 11> numerals{"一", "二", "三", "四", "五", "六",
                                                      "七", "八", "九", "十", "〇"};
  const auto strip_numerals = [&](std::size_t from) {
    std::size_t i = from;
    for (bool more = true; more;) {
      more = false;
      for (const std::string_view n : numerals) {
        if (std::string_view(s).substr(i).starts_with(n)) {
          i += n.size();
          more = true;
        }
      }
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        i += 1;
        more = true;
      }
    }
    return i;
  };
  const std::string_view view(s);
  if (view.starts_with("（")) {
    const std::size_t end = strip_numerals(std::string_view("（").size());
    if (end > 3 && view.substr(end).starts_with("）")) return s.substr(end + 3);
    return s;
  }
  const std::size_t end = strip_numerals(0);
  if (end > 0) {
    for (const std::string_view sep :
         {std::string_view("、"), std::string_view("."), std::string_view("．")}) {
      if (view.substr(end).starts_with(sep)) return s.substr(end + sep.size());
    }
  }
  return s;
}

// A code as the table's cell writes it, reduced to digits: "201 32 01", "201-32-01", "２０１".
std::string normalise_code(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    const std::string_view ch = s.substr(i, n);
    i += n;
    if (is_space(ch) || ch == "-" || ch == "－" || ch == "|" || ch == "." || ch == "．") continue;
    if (ch.size() == 3 && ch >= "０" && ch <= "９") {
      out += static_cast<char>('0' + (static_cast<unsigned char>(ch[2]) - 0x90U));
    } else {
      out += ch;
    }
  }
  return out;
}

// Whether the text has an ASCII or a full-width digit (０ … ９ are EF BC 90 … EF BC 99).
bool has_digit(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') return true;
    if (s.substr(i, 2) == "\xEF\xBC" && i + 2 < s.size()) {
      const auto b = static_cast<unsigned char>(s[i + 2]);
      if (b >= 0x90U && b <= 0x99U) return true;
    }
  }
  return false;
}

bool only_dashes(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    const std::string_view ch = s.substr(i, n);
    i += n;
    if (ch != "-" && ch != "—" && ch != "–" && ch != "－" && ch != "―") return false;
  }
  return true;
}

bool is_income_role(TableRole role) noexcept {
  return role == TableRole::income || role == TableRole::budget_income;
}

std::string_view last_segment(std::string_view id) {
  const std::size_t dot = id.rfind('.');
  return dot == std::string_view::npos ? id : id.substr(dot + 1);
}

bool same_meaning(const TableColumn& a, const TableColumn& b) {
  return a.concept_id == b.concept_id && a.scenario == b.scenario && a.year == b.year &&
         a.measure == b.measure && a.dims == b.dims;
}

class TableReader {
 public:
  TableReader(std::string text, std::string_view file, const TableCsvOptions& options)
      : text_(std::move(text)), file_(file), options_(options) {}

  tl::expected<Table, LoadError> run() {
    CsvOptions csv;
    csv.delimiter = options_.delimiter;
    auto records = split_csv(text_, file_, csv);
    if (!records) return tl::unexpected(std::move(records.error()));
    records_ = std::move(*records);
    auto header = std::find_if(records_.begin(), records_.end(),
                               [](const CsvRecord& r) { return !r.blank(); });
    if (header == records_.end()) {
      return tl::unexpected(LoadError{std::string(file_),
                                      0,
                                      0,
                                      {},
                                      "the file holds no table: expected a header row "
                                      "(科目编码, 科目名称 and amount columns) and rows"});
    }
    table_.role = options_.role;
    table_.title = options_.title;
    table_.unit = options_.unit;
    table_.year = options_.year;
    table_.scenario = options_.scenario;
    table_.dims = options_.dims;
    table_.row_code_dimension = options_.row_code_dimension;
    table_.source = options_.source;
    if (table_.source.file.empty()) table_.source.file = std::string(file_);
    if (auto ok = read_header(*header); !ok) return tl::unexpected(std::move(ok.error()));
    for (auto it = header + 1; it != records_.end(); ++it) {
      if (it->blank()) continue;
      if (auto ok = read_row(*it, header->fields.size()); !ok) {
        return tl::unexpected(std::move(ok.error()));
      }
    }
    if (auto ok = read_cells(); !ok) return tl::unexpected(std::move(ok.error()));
    return std::move(table_);
  }

 private:
  // What each field of the header row is.
  enum class Role : std::uint8_t { code, name, amount, unnamed };

  tl::unexpected<LoadError> fail(TextPosition at, std::string path, std::string message) const {
    return tl::unexpected(
        LoadError{std::string(file_), at.line, at.column, std::move(path), std::move(message)});
  }
  tl::unexpected<LoadError> fail(const CsvField& field, std::string path,
                                 std::string message) const {
    return fail(field.position, std::move(path), std::move(message));
  }
  static std::string place(const CsvRecord& r, std::string_view column) {
    return "row " + std::to_string(r.number) + ", column " + std::string(column);
  }

  tl::expected<void, LoadError> read_header(const CsvRecord& header) {
    header_number_ = header.number;
    for (std::size_t j = 0; j < header.fields.size(); ++j) {
      const CsvField& f = header.fields[j];
      const std::string_view as_written = trim(f.value);
      const std::string h = normalise_header(as_written);
      headers_.emplace_back(as_written);
      const std::string path =
          place(header, as_written.empty() ? "#" + std::to_string(j + 1) : std::string(as_written));
      if (h.empty()) {
        roles_.push_back(Role::unnamed);
        column_of_field_.push_back(0);
        continue;
      }
      const bool code =
          std::find(kCodeHeaders.begin(), kCodeHeaders.end(), h) != kCodeHeaders.end();
      const bool name =
          std::find(kNameHeaders.begin(), kNameHeaders.end(), h) != kNameHeaders.end();
      if (code || name) {
        std::optional<std::size_t>& slot = code ? code_field_ : name_field_;
        if (slot) {
          return fail(f, path,
                      "a second " + std::string(code ? "code" : "name") + " column (the first is " +
                          "column " + std::to_string(*slot + 1) + ")");
        }
        slot = j;
        roles_.push_back(code ? Role::code : Role::name);
        column_of_field_.push_back(0);
        continue;
      }
      std::optional<TableColumn> column;
      for (const TableColumn& c : options_.columns) {
        if (normalise_header(c.header) == h) {
          column = c;
          break;
        }
      }
      if (!column) column = standard_csv_column(as_written, options_.role);
      if (!column) {
        return fail(f, path,
                    "unknown column header \"" + std::string(as_written) +
                        "\": it is not in the header dictionary (docs/csv-format.md); say what it "
                        "means in TableCsvOptions::columns");
      }
      column->header = std::string(as_written);
      if (column->concept_id.empty()) column->concept_id = options_.default_concept;
      if (!column->concept_id.empty() && find_concept(column->concept_id) == nullptr) {
        return fail(f, path, "the column's concept \"" + column->concept_id + "\" is unknown");
      }
      for (const TableColumn& other : table_.columns) {
        if (same_meaning(other, *column)) {
          return fail(f, path,
                      "the header \"" + std::string(as_written) + "\" means the same as \"" +
                          other.header + "\": two columns would state the same figures");
        }
      }
      if (column->key.empty()) column->key = make_key(*column);
      for (const TableColumn& other : table_.columns) {
        if (other.key == column->key) {
          return fail(f, path, "two columns have the key \"" + column->key + "\"");
        }
      }
      roles_.push_back(Role::amount);
      column_of_field_.push_back(table_.columns.size());
      table_.columns.push_back(std::move(*column));
    }
    if (!code_field_ && !name_field_) {
      return fail(header.fields.front(), "row " + std::to_string(header.number),
                  "the header row names neither a code column (科目编码) nor a name column "
                  "(科目名称): every row needs its place");
    }
    if (table_.columns.empty()) {
      return fail(header.fields.front(), "row " + std::to_string(header.number),
                  "the header row names no amount column (基本支出, 决算数, …)");
    }
    rows_carry_concept_ = std::any_of(table_.columns.begin(), table_.columns.end(),
                                      [](const TableColumn& c) { return c.concept_id.empty(); });
    return {};
  }

  std::string make_key(const TableColumn& c) const {
    std::string key;
    if (!c.concept_id.empty()) key = last_segment(c.concept_id);
    if (c.scenario) key += (key.empty() ? "" : "_") + std::string(to_string(*c.scenario));
    if (key.empty()) key = "c" + std::to_string(table_.columns.size() + 1);
    std::string unique = key;
    for (int n = 2;; ++n) {
      const bool taken = std::any_of(table_.columns.begin(), table_.columns.end(),
                                     [&](const TableColumn& o) { return o.key == unique; });
      if (!taken) return unique;
      unique = key + "_" + std::to_string(n);
    }
  }

  tl::expected<void, LoadError> read_row(const CsvRecord& record, std::size_t width) {
    if (record.fields.size() != width) {
      const CsvField& at =
          record.fields.size() > width ? record.fields[width] : record.fields.back();
      const TextPosition p = record.fields.size() > width
                                 ? at.position
                                 : position_in_field(text_, at, at.value.size());
      return fail(p, "row " + std::to_string(record.number),
                  "the row has " + std::to_string(record.fields.size()) +
                      " fields, the header row (row " + std::to_string(header_number_) + ") has " +
                      std::to_string(width));
    }
    TableRow row;
    if (name_field_) row.label = std::string(trim(record.fields[*name_field_].value));
    if (code_field_) {
      const CsvField& f = record.fields[*code_field_];
      const std::string_view written = trim(f.value);
      const std::string path = place(record, headers_[*code_field_]);
      if (!written.empty() && !has_digit(written) && row.label.empty()) {
        row.label = std::string(written);  // 合计 / 总计 written in the code column
      } else if (!written.empty()) {
        row.code = normalise_code(written);
        if (auto problem = io_detail::code_problem(row.code, table_.row_code_dimension)) {
          std::string message = "\"" + std::string(written) + "\" is " + *problem;
          if (written.find("E+") != std::string_view::npos ||
              written.find("e+") != std::string_view::npos) {
            message += " (a spreadsheet turned the code into a number: format the column as text)";
          }
          return fail(f, path, message);
        }
      }
    }
    if (rows_carry_concept_ && row.code.empty() && !row.label.empty()) {
      const std::string wanted = label_for_matching(row.label);
      for (const Concept& c : concepts()) {
        if (normalise_header(c.zh, true) == wanted) {
          row.concept_id = c.id;
          break;
        }
      }
    }
    const std::size_t r = table_.rows.size();
    for (std::size_t j = 0; j < record.fields.size(); ++j) {
      const CsvField& f = record.fields[j];
      if (roles_[j] == Role::code || roles_[j] == Role::name) continue;
      if (trim(f.value).empty() || only_dashes(f.value)) continue;
      if (roles_[j] == Role::unnamed) {
        return fail(f, place(record, "#" + std::to_string(j + 1)),
                    "a value in a column without a header: \"" + f.value + "\"");
      }
      pending_.push_back(Pending{&record, j, r, row.cells.size()});
      TableCellValue cell;
      cell.column = table_.columns[column_of_field_[j]].key;
      row.cells.push_back(std::move(cell));
    }
    if (!row.cells.empty() && row.code.empty() && row.label.empty()) {
      return fail(record.fields.front(), "row " + std::to_string(record.number),
                  "a row with figures needs a code or a name (the place of its figures)");
    }
    table_.rows.push_back(std::move(row));
    return {};
  }

  // Each figure read as the fact its cell makes: that says whether it is money, a count or a
  // percentage, hence its unit.
  tl::expected<void, LoadError> read_cells() {
    Report report;
    report.year = options_.year;
    report.unit = options_.unit;
    report.tables.push_back(std::move(table_));
    for (const Pending& p : pending_) {
      const CsvField& f = p.record->fields[p.field];
      const std::string path = place(*p.record, headers_[p.field]);
      auto fact = cell_fact(report, 0, p.row, p.cell);
      if (!fact) {
        return fail(f, path,
                    fact.error().message +
                        ": the row names no concept; set TableCsvOptions::default_concept or "
                        "map the header in TableCsvOptions::columns");
      }
      auto parsed = parse_figure(f.value, Reading::rounded);
      if (!parsed) {
        const ParseError& e = parsed.error();
        return fail(position_in_field(text_, f, e.offset), path,
                    "\"" + f.value + "\" is not a figure: " + describe(e, f.value));
      }
      const auto implied = io_detail::implied_unit(fact->key.concept_id, fact->key.measure,
                                                   options_.unit, "the table's unit");
      if (parsed->unit != Unit::none && parsed->unit != implied.unit) {
        return fail(f, path,
                    "\"" + parsed->text + "\" is written in " +
                        io_detail::unit_words(parsed->unit) + ", but its context is " +
                        io_detail::unit_words(implied.unit) + " (" + implied.why() + ")");
      }
      parsed->unit = implied.unit;
      report.tables[0].rows[p.row].cells[p.cell].value = std::move(*parsed);
    }
    table_ = std::move(report.tables[0]);
    return {};
  }

  struct Pending {
    const CsvRecord* record;
    std::size_t field;
    std::size_t row;
    std::size_t cell;
  };

  std::string text_;
  std::string_view file_;
  const TableCsvOptions& options_;
  std::vector<CsvRecord> records_;
  std::size_t header_number_ = 0;
  std::vector<std::string> headers_;
  std::vector<Role> roles_;
  std::vector<std::size_t> column_of_field_;
  std::optional<std::size_t> code_field_;
  std::optional<std::size_t> name_field_;
  bool rows_carry_concept_ = false;
  std::vector<Pending> pending_;
  Table table_;
};

}  // namespace

std::span<const CsvHeaderMeaning> csv_header_dictionary() noexcept { return kDictionary; }

std::optional<TableColumn> standard_csv_column(std::string_view header, TableRole role) {
  const std::string h = normalise_header(header);
  if (h.empty()) return std::nullopt;
  TableColumn c;
  c.header = std::string(trim(header));
  if (h == "合计") {
    c.concept_id = is_income_role(role) ? "income.total" : "expenditure.total";
    return c;
  }
  for (const CsvHeaderMeaning& m : kDictionary) {
    if (m.header == h) {
      c.concept_id = std::string(m.concept_id);
      c.scenario = m.scenario;
      return c;
    }
  }
  for (const Concept& concept_entry : concepts()) {
    if (normalise_header(concept_entry.zh, true) == h) {
      c.concept_id = std::string(concept_entry.id);
      return c;
    }
  }
  return std::nullopt;
}

tl::expected<Table, LoadError> read_table_csv(std::string_view bytes, std::string_view file_name,
                                              const TableCsvOptions& options) {
  auto decoded = decode_text(bytes, file_name);
  if (!decoded) return tl::unexpected(std::move(decoded.error()));
  return TableReader(std::move(decoded->text), file_name, options).run();
}

tl::expected<Table, LoadError> load_table_csv(const std::filesystem::path& path,
                                              const TableCsvOptions& options,
                                              std::uintmax_t max_bytes) {
  auto bytes = io_detail::read_whole_file(path, max_bytes, "CSV file");
  if (!bytes) return tl::unexpected(std::move(bytes.error()));
  return read_table_csv(*bytes, path.string(), options);
}

}  // namespace fisc
