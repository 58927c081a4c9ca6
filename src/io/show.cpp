// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/show.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/accounts/table_role.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/perf/model.hpp"
#include "fisc/perf/score.hpp"
#include "fisc/perf/target.hpp"

namespace fisc {

namespace {

// ---------------------------------------------------------------------------------------------
// Terminal columns of UTF-8 text.

struct Decoded {
  char32_t code_point;
  std::size_t length;
};

/// The code point at `i`, or U+FFFD and length 1 for a byte that does not start a valid
/// sequence (overlong forms, surrogates and values past U+10FFFF are not valid).
Decoded decode(std::string_view s, std::size_t i) noexcept {
  constexpr Decoded invalid{0xFFFD, 1};
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t cp = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    cp = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    cp = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    cp = lead & 0x07U;
  } else {
    return invalid;
  }
  if (s.size() - i < length) return invalid;
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0U) != 0x80U) return invalid;
    cp = (cp << 6U) | (next & 0x3FU);
  }
  constexpr std::array<char32_t, 5> smallest{0, 0, 0x80, 0x800, 0x10000};
  if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return invalid;
  return {cp, length};
}

struct Range {
  char32_t first;
  char32_t last;
};

// East Asian Width W and F (Unicode UAX #11), in the blocks documents of the accounts use and
// their neighbours: Hangul Jamo, CJK radicals to CJK symbols and punctuation (、。「」【】),
// Hiragana to CJK compatibility, CJK ideographs and extension A, Yi, Hangul syllables,
// compatibility ideographs, vertical forms, CJK compatibility and small forms, fullwidth forms
// (，：（）％０-９), fullwidth signs, the wide emoji blocks, and planes 2 and 3.
constexpr std::array<Range, 19> wide_ranges{{
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
}};

// Combining marks, zero-width spaces and joiners, variation selectors, the byte order mark.
constexpr std::array<Range, 7> zero_ranges{{
    {0x0300, 0x036F},
    {0x200B, 0x200F},
    {0x2060, 0x2064},
    {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF},
}};

bool in_ranges(char32_t cp, const auto& ranges) noexcept {
  return std::any_of(ranges.begin(), ranges.end(),
                     [cp](const Range& r) { return cp >= r.first && cp <= r.last; });
}

std::size_t code_point_width(char32_t cp) noexcept {
  if (cp < 0x300) return 1;
  if (in_ranges(cp, zero_ranges)) return 0;
  if (in_ranges(cp, wide_ranges)) return 2;
  return 1;
}

/// `text` cut into pieces of at most `width` columns, at code point boundaries (a character
/// wider than `width` is a piece of its own).
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> pieces;
  std::string piece;
  std::size_t piece_width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    const std::size_t w = code_point_width(d.code_point);
    if (piece_width + w > width && !piece.empty()) {
      pieces.push_back(std::move(piece));
      piece.clear();
      piece_width = 0;
    }
    piece.append(text.substr(i, d.length));
    piece_width += w;
    i += d.length;
  }
  if (!piece.empty() || pieces.empty()) pieces.push_back(std::move(piece));
  return pieces;
}

/// `text` with each ASCII control character (a line break in a label, a tab) shown as a space,
/// so that a cell stays on its line.
std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(),
      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '\x7F'; }, ' ');
  return text;
}

// ---------------------------------------------------------------------------------------------
// A grid of text cells laid out in aligned columns.

enum class Align : std::uint8_t { left, right };

struct GridColumn {
  std::string header;
  Align align = Align::left;
  bool wraps = false;  ///< may wrap onto further lines to keep a line within the width
};

class Grid {
 public:
  explicit Grid(std::vector<GridColumn> columns) : columns_(std::move(columns)) {
    for (auto& column : columns_) column.header = one_line(std::move(column.header));
  }

  void add_row(std::vector<std::string> cells) {
    cells.resize(columns_.size());
    for (auto& cell : cells) cell = one_line(std::move(cell));
    rows_.push_back(std::move(cells));
  }
  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }

  /// The width of each column: its widest cell or header, or what `widen` asked for.
  [[nodiscard]] std::vector<std::size_t> widths() const {
    std::vector<std::size_t> widths = min_widths_;
    widths.resize(columns_.size(), 0);
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(columns_[c].header));
      for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    return widths;
  }
  /// Makes the columns at least this wide (to align several grids with each other).
  void widen(std::vector<std::size_t> widths) { min_widths_ = std::move(widths); }

  /// Every line begins with `indent`, ends in '\n' and has no trailing spaces. A header line
  /// and a rule under it are written when some column has a header.
  void render(std::string& out, std::string_view indent, std::optional<std::size_t> width) const {
    constexpr std::size_t gap = 2;
    constexpr std::size_t narrowest_wrap = 8;
    std::vector<std::size_t> widths = this->widths();
    const bool headers = std::any_of(columns_.begin(), columns_.end(),
                                     [](const GridColumn& c) { return !c.header.empty(); });
    // Columns with neither a header nor a cell take no room at all.
    std::vector<std::size_t> shown;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (widths[c] > 0) shown.push_back(c);
    }
    const auto line_width = [&] {
      std::size_t total = display_width(indent);
      for (std::size_t k = 0; k < shown.size(); ++k) total += widths[shown[k]] + (k > 0 ? gap : 0);
      return total;
    };
    if (width) {
      for (const std::size_t c : shown) {
        const std::size_t total = line_width();
        if (!columns_[c].wraps || total <= *width) continue;
        const std::size_t excess = total - *width;
        const std::size_t narrowest = std::min(widths[c], narrowest_wrap);
        widths[c] = std::max(narrowest, widths[c] > excess ? widths[c] - excess : 0);
      }
    }
    const auto write_row = [&](const std::vector<std::string>& cells) {
      std::vector<std::vector<std::string>> pieces(columns_.size());
      std::size_t lines = 1;
      for (const std::size_t c : shown) {
        if (columns_[c].wraps && display_width(cells[c]) > widths[c]) {
          pieces[c] = wrap(cells[c], widths[c]);
        } else {
          pieces[c] = {cells[c]};
        }
        lines = std::max(lines, pieces[c].size());
      }
      for (std::size_t l = 0; l < lines; ++l) {
        std::string line(indent);
        for (std::size_t k = 0; k < shown.size(); ++k) {
          const std::size_t c = shown[k];
          const std::string text = l < pieces[c].size() ? pieces[c][l] : std::string();
          const std::size_t pad = widths[c] - std::min(widths[c], display_width(text));
          if (k > 0) line.append(gap, ' ');
          if (columns_[c].align == Align::right) line.append(pad, ' ');
          line += text;
          if (columns_[c].align == Align::left) line.append(pad, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line;
        out += '\n';
      }
    };
    if (headers) {
      std::vector<std::string> header_cells;
      header_cells.reserve(columns_.size());
      for (const auto& column : columns_) header_cells.push_back(column.header);
      write_row(header_cells);
      out += indent;
      out.append(line_width() - display_width(indent), '-');
      out += '\n';
    }
    for (const auto& row : rows_) write_row(row);
  }

 private:
  std::vector<GridColumn> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> min_widths_;
};

// ---------------------------------------------------------------------------------------------
// fisc's own words.

struct Words {
  std::string_view colon;
  std::string_view list_separator;
  std::string_view department;
  std::string_view year;
  std::string_view kind;
  std::string_view unit;
  std::string_view units;
  std::string_view offices;
  std::string_view affiliated;
  std::string_view final_accounts;
  std::string_view budget;
  std::string_view table;
  std::string_view scenario;
  std::string_view source;
  std::string_view code;
  std::string_view item;
  std::string_view share;
  std::string_view change;
  std::string_view change_rate;
  std::string_view note;
  std::string_view no_rows;
  std::string_view shares_of;
  std::string_view shares_of_sum;
  std::string_view computed_sum;
  std::string_view compared;
  std::string_view against;
  std::string_view stray_cells;
  std::string_view overflow;
  std::string_view statements;
  std::string_view listings;
  std::string_view enumerations;
  std::string_view claims;
  std::string_view mentions;
  std::string_view mention_self_name;
  std::string_view mention_as_of;
  std::string_view mention_placeholder;
  std::string_view no_section;
  std::string_view measure_value;
  std::string_view measure_share;
  std::string_view measure_share_of;
  std::string_view measure_change;
  std::string_view measure_change_rate;
  std::string_view measure_completion_rate;
  std::string_view since;
  std::string_view increase;
  std::string_view decrease;
  std::string_view stated;
  std::string_view no_count;
  std::string_view listed;
  std::string_view agree;
  std::string_view differ;
  std::string_view scenario_budget;
  std::string_view scenario_initial_budget;
  std::string_view scenario_adjusted_budget;
};

constexpr Words zh_words{
    .colon = "：",
    .list_separator = "、",
    .department = "部门",
    .year = "年度",
    .kind = "类型",
    .unit = "金额单位",
    .units = "所属单位",
    .offices = "内设机构",
    .affiliated = "挂靠单位",
    .final_accounts = "部门决算",
    .budget = "部门预算",
    .table = "表",
    .scenario = "口径",
    .source = "出处",
    .code = "科目编码",
    .item = "科目名称",
    .share = "占比",
    .change = "增减额",
    .change_rate = "增减率",
    .note = "说明",
    .no_rows = "（本表没有数据行）",
    .shares_of = "占比的分母：",
    .shares_of_sum = "占比的分母：最高一级科目之和（计算值）",
    .computed_sum = "〔计算〕最高一级科目之和",
    .compared = "增减",
    .against = "比",
    .stray_cells = "以下数字所在的栏本表没有",
    .overflow = "溢出",
    .statements = "文中数字",
    .listings = "列示数字",
    .enumerations = "列举",
    .claims = "无数字的表述",
    .mentions = "文件的自称、截至日期与占位符",
    .mention_self_name = "自称",
    .mention_as_of = "截至日期",
    .mention_placeholder = "占位符",
    .no_section = "（未注明章节）",
    .measure_value = "数值",
    .measure_share = "占比",
    .measure_share_of = "占比（占{}）",
    .measure_change = "增减额",
    .measure_change_rate = "增减率",
    .measure_completion_rate = "完成预算%",
    .since = "（与{}年比）",
    .increase = "增加",
    .decrease = "减少",
    .stated = "所述",
    .no_count = "未述个数",
    .listed = "列出",
    .agree = "一致",
    .differ = "不一致",
    .scenario_budget = "预算数",
    .scenario_initial_budget = "年初预算数",
    .scenario_adjusted_budget = "调整预算数",
};

constexpr Words en_words{
    .colon = ": ",
    .list_separator = ", ",
    .department = "Department",
    .year = "Year",
    .kind = "Kind",
    .unit = "Unit",
    .units = "Units",
    .offices = "Internal offices",
    .affiliated = "Affiliated units",
    .final_accounts = "final accounts (部门决算)",
    .budget = "budget (部门预算)",
    .table = "Table ",
    .scenario = "Scenario",
    .source = "Source",
    .code = "code",
    .item = "item",
    .share = "share",
    .change = "change",
    .change_rate = "change rate",
    .note = "Note",
    .no_rows = "(the table has no rows)",
    .shares_of = "shares are of the rows ",
    .shares_of_sum = "shares are of the sum of the top-level rows (computed)",
    .computed_sum = "[computed] sum of the top-level rows",
    .compared = "change",
    .against = " against ",
    .stray_cells = "figures in columns the table does not have",
    .overflow = "overflow",
    .statements = "Statements",
    .listings = "Listings",
    .enumerations = "Enumerations",
    .claims = "Statements without a figure",
    .mentions = "What the document says of itself",
    .mention_self_name = "names itself",
    .mention_as_of = "as of",
    .mention_placeholder = "placeholder",
    .no_section = "(no section)",
    .measure_value = "value",
    .measure_share = "share",
    .measure_share_of = "share of {}",
    .measure_change = "change",
    .measure_change_rate = "change rate",
    .measure_completion_rate = "completion rate",
    .since = " since {}",
    .increase = "increase",
    .decrease = "decrease",
    .stated = "stated",
    .no_count = "no count stated",
    .listed = "listed",
    .agree = "agree",
    .differ = "differ",
    .scenario_budget = "budget",
    .scenario_initial_budget = "initial budget",
    .scenario_adjusted_budget = "adjusted budget",
};

const Words& words(Language lang) noexcept { return lang == Language::en ? en_words : zh_words; }

/// `pattern` with its "{}" replaced by `value`.
std::string fill(std::string_view pattern, std::string_view value) {
  std::string out(pattern);
  if (const auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, value);
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string quoted(std::string_view text, Language lang) {
  return lang == Language::zh ? "“" + std::string(text) + "”" : "\"" + std::string(text) + "\"";
}

std::string_view unit_name(Unit unit, Language lang) noexcept {
  if (lang == Language::zh) return unit == Unit::none ? "无" : symbol(unit);
  switch (unit) {
    case Unit::none: return "none (plain numbers)";
    case Unit::yuan: return "元 (yuan)";
    case Unit::wan: return "万元 (10,000 yuan)";
    case Unit::yi: return "亿元 (100 million yuan)";
    case Unit::percent: return "% (percent)";
  }
  return "?";
}

std::string_view scenario_name(Scenario s, const Words& w) noexcept {
  switch (s) {
    case Scenario::actual: return {};
    case Scenario::budget: return w.scenario_budget;
    case Scenario::initial_budget: return w.scenario_initial_budget;
    case Scenario::adjusted_budget: return w.scenario_adjusted_budget;
  }
  return {};
}

std::string concept_name(std::string_view id, Language lang) {
  const Concept* c = find_concept(id);
  if (c == nullptr) return std::string(id);
  return std::string(lang == Language::zh ? c->zh : c->en);
}

std::string dims_text(const Dimensions& dims) {
  if (dims.empty()) return {};
  std::string out = "[";
  for (const auto& [name, value] : dims) {
    if (out.size() > 1) out += ", ";
    out += name;
    out += '=';
    out += value;
  }
  out += ']';
  return out;
}

/// A figure as written (its text, or its digits when it has none), without its unit.
std::string figure_text(const Stated& s) { return s.text.empty() ? to_string(s.value) : s.text; }

/// A figure as written, followed by its unit when the text does not already name one.
std::string figure_with_unit(const Stated& s, Language lang) {
  std::string text = figure_text(s);
  const std::string_view sym = symbol(s.unit);
  if (sym.empty()) return text;
  const bool named = s.unit == Unit::percent ? text.find('%') != std::string::npos ||
                                                   text.find("％") != std::string::npos
                                             : text.find("元") != std::string::npos;
  if (named) return text;
  if (lang == Language::en && s.unit != Unit::percent) text += ' ';
  text += sym;
  return text;
}

/// The figure's value in `unit`, exactly (950.84 万元 is 9508400 元), or nothing when the
/// units do not convert.
std::optional<Decimal> value_in(const Stated& s, Unit unit) {
  const auto shift = Stated::unit_shift(s.unit, unit);
  if (!shift) return std::nullopt;
  const auto scaled =
      Decimal::make(s.value.coefficient(), std::int64_t{s.value.exponent()} + *shift);
  if (!scaled) return std::nullopt;
  return *scaled;
}

std::string percent_text(const Result<Percent>& p, const Words& w) {
  if (p) return format(*p);
  if (p.error() == ArithmeticErrc::zero_base || p.error() == ArithmeticErrc::division_by_zero) {
    return "—";
  }
  return std::string(w.overflow);
}

// ---------------------------------------------------------------------------------------------
// Tables.

struct BaseOf {
  enum class Kind : std::uint8_t { none, row, sum };
  Kind kind = Kind::none;
  std::size_t row = 0;
};

/// A table with its cells placed in their columns and what `render_report` computes over it.
class TableView {
 public:
  TableView(const Report& report, const Table& table)
      : table_(table), year_(table.year != 0 ? table.year : report.year) {
    place_cells();
    find_money_columns();
    pair_prior_columns();
    find_bases();
  }

  void render(std::string& out, std::size_t number, const ShowOptions& options) const;

 private:
  void place_cells() {
    cells_.assign(table_.rows.size(), std::vector<const Stated*>(table_.columns.size(), nullptr));
    for (std::size_t r = 0; r < table_.rows.size(); ++r) {
      for (const TableCellValue& cell : table_.rows[r].cells) {
        const auto it = std::find_if(table_.columns.begin(), table_.columns.end(),
                                     [&](const TableColumn& c) { return c.key == cell.column; });
        if (it == table_.columns.end()) {
          stray_.emplace_back(r, &cell);
          continue;
        }
        cells_[r][static_cast<std::size_t>(it - table_.columns.begin())] = &cell.value;
      }
    }
  }

  void find_money_columns() {
    money_.assign(table_.columns.size(), false);
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
      if (table_.columns[c].measure != Measure::value) continue;
      bool any = false;
      bool all_money = true;
      for (const auto& row : cells_) {
        if (row[c] == nullptr) continue;
        any = true;
        all_money = all_money && is_money(row[c]->unit);
        if (is_money(row[c]->unit)) {
          if (!unit_) unit_ = is_money(table_.unit) ? table_.unit : row[c]->unit;
          decimals_ = std::max(decimals_, row[c]->decimals());
          thousands_ = thousands_ || row[c]->text.find(',') != std::string::npos;
        }
      }
      money_[c] = any && all_money;
    }
    // Shares and rates show one decimal more than the figures (18 is all a Decimal holds).
    decimals_ = std::min(decimals_ + 1, Decimal::max_digits);
  }

  [[nodiscard]] std::int32_t year_of(const TableColumn& c) const noexcept {
    return c.year.value_or(year_);
  }

  void pair_prior_columns() {
    current_.assign(table_.columns.size(), std::nullopt);
    for (std::size_t p = 0; p < table_.columns.size(); ++p) {
      const TableColumn& prior = table_.columns[p];
      if (!money_[p] || year_of(prior) >= year_) continue;
      std::optional<std::size_t> any_scenario;
      for (std::size_t c = 0; c < table_.columns.size(); ++c) {
        const TableColumn& cur = table_.columns[c];
        if (!money_[c] || year_of(cur) != year_ || cur.concept_id != prior.concept_id ||
            cur.dims != prior.dims) {
          continue;
        }
        if (cur.scenario.value_or(table_.scenario) == prior.scenario.value_or(table_.scenario)) {
          current_[p] = c;
          break;
        }
        if (!any_scenario) any_scenario = c;
      }
      if (!current_[p]) current_[p] = any_scenario;
    }
  }

  static std::string_view family(std::string_view concept_id) {
    return concept_id.substr(0, concept_id.find('.'));
  }

  void find_bases() {
    bases_.assign(table_.rows.size(), BaseOf{});
    const auto& rows = table_.rows;
    const auto find_row = [&](auto&& predicate) -> std::optional<std::size_t> {
      const auto it = std::find_if(rows.begin(), rows.end(), predicate);
      if (it == rows.end()) return std::nullopt;
      return static_cast<std::size_t>(it - rows.begin());
    };
    std::optional<std::size_t> total =
        find_row([](const TableRow& r) { return r.label.find("合计") != std::string::npos; });
    if (!total) {
      total = find_row([](const TableRow& r) { return r.label.find("总计") != std::string::npos; });
    }
    if (!total) {
      total = find_row([](const TableRow& r) { return r.concept_id.ends_with(".total"); });
    }
    bool needs_sum = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const std::string& id = rows[r].concept_id;
      if (!id.empty()) {
        if (id.ends_with(".grand_total")) continue;
        const std::string family_total = std::string(family(id)) + ".total";
        if (const auto t =
                find_row([&](const TableRow& x) { return x.concept_id == family_total; })) {
          bases_[r] = {BaseOf::Kind::row, *t};
          used_total_rows_.push_back(*t);
        }
      } else if (total) {
        bases_[r] = {BaseOf::Kind::row, *total};
        used_total_rows_.push_back(*total);
      } else {
        bases_[r] = {BaseOf::Kind::sum, 0};
        needs_sum = true;
      }
    }
    std::sort(used_total_rows_.begin(), used_total_rows_.end());
    used_total_rows_.erase(std::unique(used_total_rows_.begin(), used_total_rows_.end()),
                           used_total_rows_.end());
    if (needs_sum) sum_top_level_rows();
  }

  void sum_top_level_rows() {
    std::size_t shortest = 0;
    for (const TableRow& row : table_.rows) {
      if (!row.code.empty() && (shortest == 0 || row.code.size() < shortest)) {
        shortest = row.code.size();
      }
    }
    sums_.assign(table_.columns.size(), std::nullopt);
    if (shortest == 0 || !unit_) {
      for (BaseOf& b : bases_) {
        if (b.kind == BaseOf::Kind::sum) b.kind = BaseOf::Kind::none;
      }
      return;
    }
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
      if (!money_[c]) continue;
      std::optional<Decimal> sum;
      bool complete = true;
      for (std::size_t r = 0; r < table_.rows.size() && complete; ++r) {
        if (table_.rows[r].code.size() != shortest || cells_[r][c] == nullptr) continue;
        const auto v = value_in(*cells_[r][c], *unit_);
        const auto next = v ? (sum ? try_add(*sum, *v) : Result<Decimal>(*v))
                            : Result<Decimal>(unexpected(ArithmeticErrc::invalid_argument));
        complete = next.has_value();
        if (next) sum = *next;
      }
      if (complete) sums_[c] = sum;
    }
    has_sum_row_ = std::any_of(sums_.begin(), sums_.end(),
                               [](const std::optional<Decimal>& sum) { return sum.has_value(); });
  }

  [[nodiscard]] std::optional<Decimal> value(std::size_t r, std::size_t c) const {
    if (cells_[r][c] == nullptr || !unit_) return std::nullopt;
    return value_in(*cells_[r][c], *unit_);
  }

  [[nodiscard]] std::string share_text(std::optional<Decimal> part, std::size_t r, std::size_t c,
                                       const Words& w) const {
    if (!part) return {};
    std::optional<Decimal> base;
    switch (bases_[r].kind) {
      case BaseOf::Kind::none: return {};
      case BaseOf::Kind::row: base = value(bases_[r].row, c); break;
      case BaseOf::Kind::sum: base = sums_[c]; break;
    }
    if (!base) return {};
    return percent_text(share(*part, *base, decimals_, rounding_policy::published), w);
  }

  [[nodiscard]] std::string number_text(Decimal d) const {
    return format(d, FormatOptions{.thousands = thousands_});
  }

  void change_texts(std::optional<Decimal> current, std::optional<Decimal> prior,
                    std::vector<std::string>& line, const Words& w) const {
    if (!current || !prior) {
      line.emplace_back();
      line.emplace_back();
      return;
    }
    const auto delta = try_subtract(*current, *prior);
    line.push_back(delta ? number_text(*delta) : std::string(w.overflow));
    line.push_back(
        percent_text(change_rate(*current, *prior, decimals_, rounding_policy::published), w));
  }

  const Table& table_;
  std::int32_t year_ = 0;
  std::vector<std::vector<const Stated*>> cells_;  // [row][column]
  std::vector<std::pair<std::size_t, const TableCellValue*>> stray_;
  std::vector<bool> money_;
  std::vector<std::optional<std::size_t>> current_;  // for a prior-year column, its pair
  std::optional<Unit> unit_;                         // the unit shares and changes are taken in
  int decimals_ = 0;
  bool thousands_ = false;
  std::vector<BaseOf> bases_;
  std::vector<std::size_t> used_total_rows_;
  std::vector<std::optional<Decimal>> sums_;
  bool has_sum_row_ = false;
};

std::string table_place(const Source& source, Language lang) {
  std::vector<std::string> parts;
  if (!source.file.empty()) parts.push_back(source.file);
  if (!source.section.empty()) parts.push_back(source.section);
  if (source.page != 0) {
    parts.push_back(lang == Language::zh ? "第" + std::to_string(source.page) + "页"
                                         : "page " + std::to_string(source.page));
  }
  return join(parts, lang == Language::zh ? "，" : ", ");
}

void TableView::render(std::string& out, std::size_t number, const ShowOptions& options) const {
  const Words& w = words(options.lang);
  const bool zh = options.lang == Language::zh;
  const std::string title =
      one_line(table_.title.empty() ? std::string(info(table_.role).title) : table_.title);
  out += std::string(w.table) + std::to_string(number) + (zh ? " " : ": ") + title;
  if (!zh) out += " [" + std::string(to_string(table_.role)) + "]";
  out += '\n';

  std::vector<std::string> meta;
  meta.push_back(std::string(w.unit) + std::string(w.colon) +
                 std::string(unit_name(table_.unit, options.lang)));
  meta.push_back(std::string(w.year) + std::string(w.colon) + std::to_string(year_));
  if (const auto s = scenario_name(table_.scenario, w); !s.empty()) {
    meta.push_back(std::string(w.scenario) + std::string(w.colon) + std::string(s));
  }
  if (const std::string place = table_place(table_.source, options.lang); !place.empty()) {
    meta.push_back(std::string(w.source) + std::string(w.colon) + place);
  }
  out += one_line(join(meta, "  ")) + '\n';

  if (table_.rows.empty()) {
    out += table_.note.empty() ? std::string(w.no_rows)
                               : std::string(w.note) + std::string(w.colon) + one_line(table_.note);
    out += "\n\n";
    return;
  }

  const bool codes = std::any_of(table_.rows.begin(), table_.rows.end(),
                                 [](const TableRow& r) { return !r.code.empty(); });
  // Which computed columns to show: a share column where some row has a share.
  std::vector<bool> shares(table_.columns.size(), false);
  for (std::size_t c = 0; c < table_.columns.size(); ++c) {
    if (!money_[c]) continue;
    for (std::size_t r = 0; r < table_.rows.size() && !shares[c]; ++r) {
      shares[c] = !share_text(value(r, c), r, c, w).empty();
    }
  }

  std::vector<GridColumn> columns;
  if (codes) columns.push_back({std::string(w.code), Align::left, false});
  columns.push_back({std::string(w.item), Align::left, true});
  for (std::size_t c = 0; c < table_.columns.size(); ++c) {
    const TableColumn& column = table_.columns[c];
    columns.push_back({column.header.empty() ? column.key : column.header, Align::right, false});
    if (shares[c]) columns.push_back({std::string(w.share), Align::right, false});
    if (current_[c]) {
      columns.push_back({std::string(w.change), Align::right, false});
      columns.push_back({std::string(w.change_rate), Align::right, false});
    }
  }
  Grid grid(std::move(columns));
  for (std::size_t r = 0; r < table_.rows.size(); ++r) {
    const TableRow& row = table_.rows[r];
    std::vector<std::string> line;
    if (codes) line.push_back(row.code);
    line.push_back(row.label.empty() ? concept_name(row.concept_id, options.lang) : row.label);
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
      const Stated* cell = cells_[r][c];
      line.push_back(cell == nullptr ? std::string() : figure_text(*cell));
      if (shares[c]) line.push_back(share_text(value(r, c), r, c, w));
      if (current_[c]) change_texts(value(r, *current_[c]), value(r, c), line, w);
    }
    grid.add_row(std::move(line));
  }
  if (has_sum_row_) {
    std::vector<std::string> line;
    if (codes) line.emplace_back();
    line.emplace_back(w.computed_sum);
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
      const std::optional<Decimal> sum = money_[c] ? sums_[c] : std::nullopt;
      line.push_back(sum ? number_text(*sum) : std::string());
      if (shares[c]) {
        line.push_back(
            sum ? percent_text(share(*sum, *sum, decimals_, rounding_policy::published), w) : "");
      }
      if (current_[c]) {
        const std::optional<Decimal> cur = sums_[*current_[c]];
        change_texts(sum && cur ? cur : std::nullopt, sum, line, w);
      }
    }
    grid.add_row(std::move(line));
  }
  grid.render(out, "", options.width);

  std::vector<std::string> notes;
  if (std::any_of(shares.begin(), shares.end(), [](bool b) { return b; })) {
    if (!used_total_rows_.empty()) {
      std::vector<std::string> labels;
      for (const std::size_t r : used_total_rows_) {
        const TableRow& row = table_.rows[r];
        labels.push_back(quoted(row.label.empty() ? row.code : row.label, options.lang));
      }
      notes.push_back(std::string(w.shares_of) + join(labels, w.list_separator));
    }
    if (has_sum_row_) notes.emplace_back(w.shares_of_sum);
  }
  for (std::size_t p = 0; p < table_.columns.size(); ++p) {
    if (!current_[p]) continue;
    const auto header = [&](std::size_t c) {
      const TableColumn& column = table_.columns[c];
      return quoted(column.header.empty() ? column.key : column.header, options.lang);
    };
    notes.push_back(std::string(w.compared) + (zh ? "：" : ": ") + header(*current_[p]) +
                    std::string(w.against) + header(p));
  }
  if (!stray_.empty()) {
    std::vector<std::string> strays;
    for (const auto& [r, cell] : stray_) {
      const TableRow& row = table_.rows[r];
      strays.push_back((row.code.empty() ? row.label : row.code) + " / " + cell->column + " = " +
                       figure_text(cell->value));
    }
    notes.push_back(std::string(w.stray_cells) + std::string(w.colon) +
                    join(strays, w.list_separator));
  }
  if (!table_.note.empty())
    notes.push_back(std::string(w.note) + std::string(w.colon) + one_line(table_.note));
  for (const std::string& note : notes) out += "* " + one_line(note) + '\n';
  out += '\n';
}

// ---------------------------------------------------------------------------------------------
// Statements, listings, enumerations.

std::string measure_text(const Fact& fact, std::int32_t report_year, Language lang) {
  const Words& w = words(lang);
  std::string text;
  switch (fact.key.measure) {
    case Measure::value: text = w.measure_value; break;
    case Measure::share:
      text = fact.base ? fill(w.measure_share_of, concept_name(fact.base->concept_id, lang) +
                                                      (fact.base->dims.empty() ? "" : " ") +
                                                      dims_text(fact.base->dims))
                       : std::string(w.measure_share);
      break;
    case Measure::change:
    case Measure::change_rate:
      text = fact.key.measure == Measure::change ? w.measure_change : w.measure_change_rate;
      if (fact.key.prior_year != 0) text += fill(w.since, std::to_string(fact.key.prior_year));
      break;
    case Measure::completion_rate: text = w.measure_completion_rate; break;
  }
  std::vector<std::string> qualifiers;
  if (fact.key.year != 0 && fact.key.year != report_year) {
    qualifiers.push_back(std::to_string(fact.key.year) + (lang == Language::zh ? "年" : ""));
  }
  if (const auto s = scenario_name(fact.key.scenario, w); !s.empty()) {
    qualifiers.emplace_back(s);
  }
  if (!qualifiers.empty()) text += (lang == Language::zh ? "，" : ", ") + join(qualifiers, " ");
  return text;
}

std::string fact_figure(const Fact& fact, Language lang) {
  const Words& w = words(lang);
  std::string text = figure_with_unit(fact.value, lang);
  switch (fact.direction) {
    case Direction::none: return text;
    case Direction::increase:
      return std::string(w.increase) + (lang == Language::zh ? "" : " ") + text;
    case Direction::decrease:
      return std::string(w.decrease) + (lang == Language::zh ? "" : " ") + text;
  }
  return text;
}

/// describe(source) without the section, which the group's heading gives.
std::string place_in_section(const Source& source) {
  Source s = source;
  s.section.clear();
  return describe(s);
}

void render_facts(std::string& out, std::string_view heading, const std::vector<Fact>& facts,
                  std::int32_t report_year, Language lang) {
  if (facts.empty()) return;
  const Words& w = words(lang);
  out += std::string(heading) + (lang == Language::zh ? "（" : " (") +
         std::to_string(facts.size()) + (lang == Language::zh ? "）" : ")") + '\n';
  std::vector<std::string> sections;
  for (const Fact& fact : facts) {
    if (std::find(sections.begin(), sections.end(), fact.source.section) == sections.end()) {
      sections.push_back(fact.source.section);
    }
  }
  // One grid per section, all as wide as the widest, so that the figures align throughout.
  std::vector<Grid> grids;
  std::vector<std::size_t> widths;
  for (const std::string& section : sections) {
    Grid& grid = grids.emplace_back(std::vector<GridColumn>{{"", Align::left, false},
                                                            {"", Align::left, false},
                                                            {"", Align::left, false},
                                                            {"", Align::right, false}});
    for (const Fact& fact : facts) {
      if (fact.source.section != section) continue;
      std::string name = concept_name(fact.key.concept_id, lang);
      if (!fact.key.dims.empty()) name += " " + dims_text(fact.key.dims);
      grid.add_row({place_in_section(fact.source), std::move(name),
                    measure_text(fact, report_year, lang), fact_figure(fact, lang)});
    }
    const std::vector<std::size_t> own = grid.widths();
    widths.resize(own.size(), 0);
    for (std::size_t c = 0; c < own.size(); ++c) widths[c] = std::max(widths[c], own[c]);
  }
  for (std::size_t g = 0; g < sections.size(); ++g) {
    out += "  " + one_line(sections[g].empty() ? std::string(w.no_section) : sections[g]) + '\n';
    grids[g].widen(widths);
    grids[g].render(out, "    ", std::nullopt);
  }
  out += '\n';
}

void render_enumerations(std::string& out, const Report& report, Language lang) {
  if (report.enumerations.empty()) return;
  const Words& w = words(lang);
  const bool zh = lang == Language::zh;
  out += std::string(w.enumerations) + (zh ? "（" : " (") +
         std::to_string(report.enumerations.size()) + (zh ? "）" : ")") + '\n';
  for (const Enumeration& e : report.enumerations) {
    std::string line = "  ";
    if (const std::string place = describe(e.source); !place.empty()) line += place + "  ";
    line += concept_name(e.concept_id, lang);
    if (!e.dims.empty()) line += " " + dims_text(e.dims);
    if (e.year != 0 && e.year != report.year) {
      line += (zh ? "（" : " (") + std::to_string(e.year) + (zh ? "年）" : ")");
    }
    line += std::string(w.colon);
    const std::string listed = std::string(w.listed) + " " + std::to_string(e.items.size());
    if (e.count) {
      const bool agree = e.count->value == Decimal(static_cast<std::int64_t>(e.items.size()));
      line += std::string(w.stated) + " " + figure_text(*e.count) + (zh ? "，" : ", ") + listed +
              (zh ? "，" : ", ") + std::string(agree ? w.agree : w.differ);
    } else {
      line += std::string(w.no_count) + (zh ? "，" : ", ") + listed;
    }
    out += one_line(line) + '\n';
    if (!e.items.empty()) out += "    " + one_line(join(e.items, w.list_separator)) + '\n';
  }
  out += '\n';
}

void render_claims(std::string& out, const Report& report, Language lang) {
  if (report.claims.empty()) return;
  const Words& w = words(lang);
  const bool zh = lang == Language::zh;
  out += std::string(w.claims) + (zh ? "（" : " (") + std::to_string(report.claims.size()) +
         (zh ? "）" : ")") + '\n';
  for (const Claim& c : report.claims) {
    std::string line = "  ";
    if (const std::string place = describe(c.source); !place.empty()) line += place + "  ";
    line += concept_name(c.key.concept_id, lang);
    if (!c.key.dims.empty()) line += " " + dims_text(c.key.dims);
    if (c.key.year != 0 && c.key.year != report.year) {
      line += (zh ? "（" : " (") + std::to_string(c.key.year) + (zh ? "年）" : ")");
    }
    line += std::string(w.colon) + std::string(to_string(c.kind));
    if (c.key.prior_year != 0)
      line += (zh ? "，对比" : ", against ") + std::to_string(c.key.prior_year);
    if (!c.text.empty()) line += (zh ? "：“" : ": “") + c.text + "”";
    out += one_line(line) + '\n';
  }
  out += '\n';
}

void render_mentions(std::string& out, const Report& report, Language lang) {
  if (report.mentions.empty()) return;
  const Words& w = words(lang);
  const bool zh = lang == Language::zh;
  out += std::string(w.mentions) + (zh ? "（" : " (") + std::to_string(report.mentions.size()) +
         (zh ? "）" : ")") + '\n';
  for (const Mention& m : report.mentions) {
    std::string line = "  ";
    if (const std::string place = describe(m.source); !place.empty()) line += place + "  ";
    switch (m.kind) {
      case MentionKind::self_name:
        line += std::string(w.mention_self_name) + std::string(w.colon) + "“" + m.text + "”";
        line += (zh ? "（" : " (") + std::to_string(m.year) + (zh ? "年" : "");
        if (m.names)
          line += zh ? (*m.names == ReportKind::budget ? "，预算" : "，决算")
                     : (*m.names == ReportKind::budget ? ", budget" : ", final accounts");
        line += zh ? "）" : ")";
        break;
      case MentionKind::as_of:
        line += std::string(w.mention_as_of) + std::string(w.colon) + "“" + m.text + "”" +
                (zh ? "（" : " (") + std::to_string(m.year) + (m.month < 10 ? "-0" : "-") +
                std::to_string(m.month) + (m.day < 10 ? "-0" : "-") + std::to_string(m.day) +
                (zh ? "）" : ")");
        break;
      case MentionKind::placeholder:
        line += std::string(w.mention_placeholder) + std::string(w.colon) + "“" + m.text + "”";
        if (!m.context.empty()) line += (zh ? "：" : ": ") + m.context;
        break;
    }
    out += one_line(line) + '\n';
  }
  out += '\n';
}

// ---------------------------------------------------------------------------------------------
// Performance: project tables with their evaluation and score, and the self-evaluation.

struct PerfWords {
  std::string_view project;
  std::string_view listed_project;
  std::string_view implementer;
  std::string_view budget;
  std::string_view executed;
  std::string_view fiscal;
  std::string_view other_funds;
  std::string_view execution_rate;
  std::string_view stated;
  std::string_view expected_goal;
  std::string_view achieved_goal;
  std::string_view level1;
  std::string_view level2;
  std::string_view level3;
  std::string_view target;
  std::string_view actual;
  std::string_view outcome;
  std::string_view weight;
  std::string_view score;
  std::string_view reason;
  std::string_view no_indicators;
  std::string_view met;
  std::string_view not_met;
  std::string_view exceeded;
  std::string_view needs_review;
  std::string_view not_evaluable;
  std::string_view execution_points;  // "预算执行率：分值{}，得分{}"
  std::string_view unscored;          // "{} {}（无指标，未评分）"
  std::string_view total;             // "得分：{}（满分{}），等级：{}"
  std::string_view default_weights;
  std::string_view no_score;
  std::string_view stated_score;
  std::string_view stated_grade;
  std::string_view grade_range;  // "{}至{}": worst to best
  std::string_view range;        // between the ends of an interval
  std::string_view self_evaluation;
  std::string_view part;
  std::string_view self_total;
  std::string_view grade;
  std::string_view grade_by_bands;
  std::string_view projects;
};

constexpr PerfWords zh_perf{
    .project = "项目绩效",
    .listed_project = "所列项目",
    .implementer = "预算单位",
    .budget = "预算数",
    .executed = "执行数",
    .fiscal = "其中财政拨款",
    .other_funds = "其他资金",
    .execution_rate = "执行率",
    .stated = "表列",
    .expected_goal = "年度目标（预期）",
    .achieved_goal = "年度目标（实际完成）",
    .level1 = "一级指标",
    .level2 = "二级指标",
    .level3 = "三级指标",
    .target = "指标值",
    .actual = "实际完成值",
    .outcome = "评价",
    .weight = "分值",
    .score = "得分",
    .reason = "理由",
    .no_indicators = "（本表没有绩效指标）",
    .met = "达成",
    .not_met = "未达成",
    .exceeded = "超额完成",
    .needs_review = "待核实",
    .not_evaluable = "无法评价",
    .execution_points = "预算执行率：分值{}，得分{}",
    .unscored = "{}：分值{}，无指标，未评分",
    .total = "得分：{}（满分{}），等级：{}",
    .default_weights =
        "得分按财预〔2020〕10号的默认权重（预算执行率10、产出指标50、效益指标30、"
        "服务对象满意度指标10）和等级（优≥90、良≥80、中≥60、差<60）计算",
    .no_score = "得分无法计算：",
    .stated_score = "表列得分",
    .stated_grade = "表列等级",
    .grade_range = "{}至{}",
    .range = "～",
    .self_evaluation = "部门整体支出绩效自评",
    .part = "评价内容",
    .self_total = "合计得分",
    .grade = "评价等级",
    .grade_by_bands = "按等级分数线",
    .projects = "所列项目",
};

constexpr PerfWords en_perf{
    .project = "Project performance ",
    .listed_project = "Listed project ",
    .implementer = "Implementing unit",
    .budget = "Budget",
    .executed = "Executed",
    .fiscal = "of which fiscal",
    .other_funds = "other funds",
    .execution_rate = "Execution rate",
    .stated = "stated",
    .expected_goal = "Goal (expected)",
    .achieved_goal = "Goal (achieved)",
    .level1 = "level 1",
    .level2 = "level 2",
    .level3 = "level 3",
    .target = "target",
    .actual = "actual",
    .outcome = "outcome",
    .weight = "points",
    .score = "score",
    .reason = "reason",
    .no_indicators = "(the table has no indicators)",
    .met = "met",
    .not_met = "not met",
    .exceeded = "exceeded",
    .needs_review = "needs review",
    .not_evaluable = "not evaluable",
    .execution_points = "execution rate: points {}, score {}",
    .unscored = "{}: points {}, no indicator, unscored",
    .total = "score: {} of {}, grade: {}",
    .default_weights =
        "scored with the default weights of 财预〔2020〕10号 (execution rate 10, output 50, "
        "benefit 30, satisfaction 10) and its grades (excellent >= 90, good >= 80, "
        "fair >= 60, poor < 60)",
    .no_score = "no score: ",
    .stated_score = "stated score",
    .stated_grade = "stated grade",
    .grade_range = "{} to {}",
    .range = "–",
    .self_evaluation = "Self-evaluation",
    .part = "part",
    .self_total = "Total",
    .grade = "Grade",
    .grade_by_bands = "by the grade bands",
    .projects = "Listed projects",
};

const PerfWords& perf_words(Language lang) noexcept {
  return lang == Language::en ? en_perf : zh_perf;
}

/// `pattern` with each "{}" replaced by the next of `values`.
std::string fill_all(std::string_view pattern, const std::vector<std::string>& values) {
  std::string out(pattern);
  std::size_t from = 0;
  for (const std::string& value : values) {
    const auto at = out.find("{}", from);
    if (at == std::string::npos) break;
    out.replace(at, 2, value);
    from = at + value.size();
  }
  return out;
}

std::string_view outcome_name(TargetOutcome outcome, const PerfWords& w) noexcept {
  switch (outcome) {
    case TargetOutcome::met: return w.met;
    case TargetOutcome::not_met: return w.not_met;
    case TargetOutcome::exceeded: return w.exceeded;
    case TargetOutcome::needs_review: return w.needs_review;
    case TargetOutcome::not_evaluable: return w.not_evaluable;
  }
  return w.not_evaluable;
}

std::string_view grade_name(Grade grade, Language lang) noexcept {
  return lang == Language::zh ? zh_name(grade) : to_string(grade);
}

std::string grades_text(const GradeRange& grades, Language lang) {
  if (grades.is_single()) return std::string(grade_name(grades.best, lang));
  return fill_all(perf_words(lang).grade_range, {std::string(grade_name(grades.worst, lang)),
                                                 std::string(grade_name(grades.best, lang))});
}

/// An interval of points: "9.50" when it is one value, "0～18" otherwise.
std::string points_text(const Interval& i, Language lang) {
  if (i.is_point()) return to_string(i.lo());
  return to_string(i.lo()) + std::string(perf_words(lang).range) + to_string(i.hi());
}

/// "100.00（其中财政拨款：100.00，其他资金：0.00）": a project's funds as written.
std::string funds_text(const ProjectFunds& funds, Language lang) {
  const PerfWords& w = perf_words(lang);
  const std::string colon(words(lang).colon);
  std::string text = funds.total ? figure_text(funds.total->value) : "—";
  std::vector<std::string> parts;
  if (funds.fiscal)
    parts.push_back(std::string(w.fiscal) + colon + figure_text(funds.fiscal->value));
  if (funds.other) {
    parts.push_back(std::string(w.other_funds) + colon + figure_text(funds.other->value));
  }
  if (!parts.empty()) {
    text += (lang == Language::zh ? "（" : " (") + join(parts, lang == Language::zh ? "，" : ", ") +
            (lang == Language::zh ? "）" : ")");
  }
  return text;
}

/// The execution rate computed from the written totals, to 0.01% 四舍五入, and the stated one.
std::string execution_rate_text(const ProjectPerformance& p, Language lang) {
  const PerfWords& w = perf_words(lang);
  std::string text = "—";
  if (p.budget.total && p.executed.total) {
    const auto budget = value_in(p.budget.total->value, Unit::yuan);
    const auto executed = value_in(p.executed.total->value, Unit::yuan);
    if (budget && executed) {
      text = percent_text(share(*executed, *budget, 2, rounding_policy::published), words(lang));
    }
  }
  if (p.execution_rate) {
    text += (lang == Language::zh ? "（" : " (") + std::string(w.stated) + " " +
            figure_with_unit(p.execution_rate->value, lang) + (lang == Language::zh ? "）" : ")");
  }
  return text;
}

std::string level_text(const std::string& written, std::string_view normalised) {
  return written.empty() ? "〔" + std::string(normalised) + "〕" : written;
}

/// The stated score and grade of a table, where it states them.
std::string stated_score_text(const ProjectPerformance& project, Language lang) {
  const PerfWords& w = perf_words(lang);
  const std::string colon(words(lang).colon);
  std::vector<std::string> stated;
  if (project.score) {
    stated.push_back(std::string(w.stated_score) + colon + figure_text(project.score->value));
  }
  if (project.grade) stated.push_back(std::string(w.stated_grade) + colon + project.grade->text);
  return join(stated, lang == Language::zh ? "，" : ", ");
}

/// The notes under a scored project: the execution-rate part, unscored levels, the total and
/// grade with the default weights, and the table's own score and grade.
void render_score(std::string& out, const ProjectPerformance& project, Language lang,
                  const tl::expected<ProjectScore, ScoringError>& result) {
  const PerfWords& w = perf_words(lang);
  std::vector<std::string> notes;
  if (result) {
    const ProjectScore& s = *result;
    notes.push_back(fill_all(w.execution_points,
                             {to_string(s.execution_weight), points_text(s.execution, lang)}));
    for (const UnscoredPart& u : s.unscored) {
      const std::string level =
          u.level2 ? std::string(lang == Language::zh ? zh_name(*u.level2) : to_string(*u.level2))
                   : std::string(lang == Language::zh ? zh_name(u.level1) : to_string(u.level1));
      notes.push_back(fill_all(w.unscored, {level, to_string(u.weight)}));
    }
    notes.push_back(fill_all(w.total, {points_text(s.total, lang), to_string(s.full_marks),
                                       grades_text(s.grades, lang)}));
    notes.emplace_back(w.default_weights);
  } else {
    notes.push_back(std::string(w.no_score) +
                    (lang == Language::zh ? result.error().reason_zh : result.error().reason_en));
  }
  if (std::string stated = stated_score_text(project, lang); !stated.empty()) {
    notes.push_back(std::move(stated));
  }
  for (const std::string& note : notes) out += "* " + one_line(note) + '\n';
}

/// One project: its heading, funds and rate, goals, an indicator per line with its evaluation,
/// and (`scored`) its score with the default weights.
void render_project(std::string& out, const ProjectPerformance& project, std::string_view heading,
                    std::int32_t report_year, bool scored, const ShowOptions& options) {
  const Language lang = options.lang;
  const bool zh = lang == Language::zh;
  const Words& ww = words(lang);
  const PerfWords& w = perf_words(lang);
  const std::string colon(ww.colon);
  const std::int32_t year = project.year != 0 ? project.year : report_year;
  out += one_line(std::string(heading) + project.name) + '\n';

  std::vector<std::string> meta;
  if (!project.unit.empty()) meta.push_back(std::string(w.implementer) + colon + project.unit);
  meta.push_back(std::string(ww.unit) + colon + std::string(unit_name(project.amount_unit, lang)));
  meta.push_back(std::string(ww.year) + colon + std::to_string(year));
  if (const std::string place = table_place(project.source, lang); !place.empty()) {
    meta.push_back(std::string(ww.source) + colon + place);
  }
  out += one_line(join(meta, "  ")) + '\n';
  if (project.budget.total || project.executed.total || project.execution_rate) {
    out += one_line(std::string(w.budget) + colon + funds_text(project.budget, lang) + "  " +
                    std::string(w.executed) + colon + funds_text(project.executed, lang) + "  " +
                    std::string(w.execution_rate) + colon + execution_rate_text(project, lang)) +
           '\n';
  }
  if (project.goal_expected) {
    out += one_line(std::string(w.expected_goal) + colon + project.goal_expected->text) + '\n';
  }
  if (project.goal_achieved) {
    out += one_line(std::string(w.achieved_goal) + colon + project.goal_achieved->text) + '\n';
  }

  const auto result = fisc::score(project, year, ScoringWeights::reference_2020());
  if (project.indicators.empty()) {
    out += std::string(w.no_indicators) + '\n';
  } else {
    std::vector<GridColumn> columns{
        {std::string(w.level1), Align::left, false}, {std::string(w.level2), Align::left, false},
        {std::string(w.level3), Align::left, true},  {std::string(w.target), Align::left, false},
        {std::string(w.actual), Align::left, false}, {std::string(w.outcome), Align::left, false}};
    if (scored && result) {
      columns.push_back({std::string(w.weight), Align::right, false});
      columns.push_back({std::string(w.score), Align::right, false});
    }
    columns.push_back({std::string(w.reason), Align::left, true});
    Grid grid(std::move(columns));
    for (std::size_t i = 0; i < project.indicators.size(); ++i) {
      const Indicator& indicator = project.indicators[i];
      const IndicatorResult r = result ? result->indicators[i].result : evaluate(indicator, year);
      std::vector<std::string> line{
          level_text(indicator.level1,
                     zh ? zh_name(indicator.level1_kind()) : to_string(indicator.level1_kind())),
          level_text(indicator.level2,
                     zh ? zh_name(indicator.level2_kind()) : to_string(indicator.level2_kind())),
          indicator.level3,
          indicator.target.text,
          indicator.actual ? indicator.actual->text : std::string(),
          std::string(outcome_name(r.evaluation.outcome, w))};
      if (scored && result) {
        const IndicatorScore& s = result->indicators[i];
        line.push_back(to_string(s.weight));
        line.push_back(points_text(s.score, lang));
      }
      line.push_back(zh ? r.evaluation.reason_zh : r.evaluation.reason_en);
      grid.add_row(std::move(line));
    }
    grid.render(out, "", options.width);
  }
  if (scored) {
    render_score(out, project, lang, result);
  } else if (const std::string stated = stated_score_text(project, lang); !stated.empty()) {
    out += "* " + one_line(stated) + '\n';
  }
  out += '\n';
}

void render_self_evaluation(std::string& out, const SelfEvaluation& e, std::int32_t report_year,
                            const ShowOptions& options) {
  const Language lang = options.lang;
  const bool zh = lang == Language::zh;
  const Words& ww = words(lang);
  const PerfWords& w = perf_words(lang);
  const std::string colon(ww.colon);
  std::string heading(w.self_evaluation);
  if (!e.title.empty()) heading += (zh ? " " : ": ") + e.title;
  out += one_line(heading) + '\n';
  if (const std::string place = table_place(e.source, lang); !place.empty()) {
    out += one_line(std::string(ww.source) + colon + place) + '\n';
  }
  if (!e.parts.empty()) {
    Grid grid({{std::string(w.part), Align::left, true},
               {std::string(w.score), Align::right, false},
               {std::string(w.weight), Align::right, false}});
    for (const ScorePart& part : e.parts) {
      grid.add_row({part.name, figure_text(part.score.value),
                    part.weight ? figure_text(part.weight->value) : std::string()});
    }
    grid.render(out, "", options.width);
  }
  std::vector<std::string> summary;
  if (e.total) summary.push_back(std::string(w.self_total) + colon + figure_text(e.total->value));
  if (e.grade) summary.push_back(std::string(w.grade) + colon + e.grade->text);
  if (e.total) {
    if (const auto values = e.total->value.try_interval()) {
      summary.push_back(std::string(w.grade_by_bands) + colon +
                        grades_text(grades_of(*values, GradeBands{}), lang));
    }
  }
  if (!summary.empty()) out += one_line(join(summary, "  ")) + '\n';
  out += '\n';
  if (e.projects.empty()) return;
  out += std::string(w.projects) + (zh ? "（" : " (") + std::to_string(e.projects.size()) +
         (zh ? "）" : ")") + "\n\n";
  for (std::size_t p = 0; p < e.projects.size(); ++p) {
    render_project(out, e.projects[p],
                   std::string(w.listed_project) + std::to_string(p + 1) + (zh ? " " : ": "),
                   report_year, false, options);
  }
}

void render_performance(std::string& out, const Report& report, const ShowOptions& options) {
  const bool zh = options.lang == Language::zh;
  const PerfWords& w = perf_words(options.lang);
  const auto& projects = report.performance.projects;
  for (std::size_t p = 0; p < projects.size(); ++p) {
    render_project(out, projects[p],
                   std::string(w.project) + std::to_string(p + 1) + (zh ? " " : ": "), report.year,
                   true, options);
  }
  if (report.performance.evaluation) {
    render_self_evaluation(out, *report.performance.evaluation, report.year, options);
  }
}

void render_header(std::string& out, const Report& report, Language lang) {
  const Words& w = words(lang);
  const std::string colon(w.colon);
  std::string department = report.department.name;
  if (!report.department.code.empty()) {
    department += lang == Language::zh ? "（" + report.department.code + "）"
                                       : " (" + report.department.code + ")";
  }
  out += std::string(w.department) + colon + one_line(department) + '\n';
  out += std::string(w.year) + colon + std::to_string(report.year) + '\n';
  out += std::string(w.kind) + colon +
         std::string(report.kind == ReportKind::budget ? w.budget : w.final_accounts) + '\n';
  out += std::string(w.unit) + colon + std::string(unit_name(report.unit, lang)) + '\n';
  if (!report.units.empty()) {
    std::vector<std::string> names;
    for (const Organisation& unit : report.units) {
      names.push_back(unit.code.empty() ? unit.name
                                        : unit.name + (lang == Language::zh ? "（" : " (") +
                                              unit.code + (lang == Language::zh ? "）" : ")"));
    }
    out += std::string(w.units) + colon + one_line(join(names, w.list_separator)) + '\n';
  }
  if (!report.offices.empty()) {
    out += std::string(w.offices) + colon + one_line(join(report.offices, w.list_separator)) + '\n';
  }
  if (!report.affiliated.empty()) {
    out += std::string(w.affiliated) + colon + one_line(join(report.affiliated, w.list_separator)) +
           '\n';
  }
  out += '\n';
}

}  // namespace

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const Decoded d = decode(utf8, i);
    width += code_point_width(d.code_point);
    i += d.length;
  }
  return width;
}

std::string render_report(const Report& report, const ShowOptions& options) {
  std::string out;
  render_header(out, report, options.lang);
  for (std::size_t t = 0; t < report.tables.size(); ++t) {
    TableView(report, report.tables[t]).render(out, t + 1, options);
  }
  render_performance(out, report, options);
  const Words& w = words(options.lang);
  render_facts(out, w.statements, report.statements, report.year, options.lang);
  render_facts(out, w.listings, report.listings, report.year, options.lang);
  render_enumerations(out, report, options.lang);
  render_claims(out, report, options.lang);
  render_mentions(out, report, options.lang);
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace fisc
