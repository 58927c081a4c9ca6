// SPDX-License-Identifier: BSL-1.0
#include "fisc/layout/tables.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include "fisc/accounts/table_role.hpp"
#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/io/table_csv.hpp"
#include "fisc/numbers/parse.hpp"

namespace fisc {

namespace {

// ---------------------------------------------------------------------------------------------
// Words and lines

// Removes what a title or header may carry that does not change its meaning: spaces, quotation
// marks of every width, and full-width parentheses folded to ASCII ones.
std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string_view ch = s.substr(i, std::min(n, s.size() - i));
    i += ch.size();
    if (ch == " " || ch == "\t" || ch == "\u3000" || ch == "\"" || ch == "\u201c" ||
        ch == "\u201d" || ch == "\u300c" || ch == "\u300d") {
      continue;
    }
    if (ch == "\uff08") {
      out += '(';
    } else if (ch == "\uff09") {
      out += ')';
    } else if (ch == "\uff1a") {
      out += ':';
    } else {
      out.append(ch);
    }
  }
  return out;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An amount as tables print it: 2,940.05, 0.94, 371,514,655.00, -12.50, 0; a lone dash is a
// blank cell. Codes (201, 06) are digits too: the columns tell them apart.
bool looks_like_figure(std::string_view s) {
  if (s.starts_with('-') && s.size() > 1) s.remove_prefix(1);
  if (s.ends_with('.')) return false;  // 1. 一般公共预算资金: a numbering
  bool digit = false;
  for (const char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != ',' && c != '.') {
      return false;
    }
  }
  return digit;
}

struct Word {
  std::string text;
  double left = 0;
  double right = 0;
  std::uint32_t line = 0;  // PageWord::line, for places
  std::uint32_t page = 0;
  double top = 0;  // the printed line it stands on
  [[nodiscard]] double centre() const { return (left + right) / 2; }
};

struct Line {
  std::uint32_t page = 0;
  std::uint32_t first_line = 0;
  std::vector<Word> words;  // left to right
  std::string text;         // squeezed, for titles and notes
  [[nodiscard]] bool has_figure() const {
    return std::any_of(words.begin(), words.end(),
                       [](const Word& w) { return looks_like_figure(w.text); });
  }
};

// The page's words as lines: words whose vertical ranges overlap by half the smaller height or
// more are on one line.
std::vector<Line> lines_of(const LaidOutPage& page) {
  std::vector<const PageWord*> words;
  words.reserve(page.words.size());
  for (const PageWord& w : page.words) words.push_back(&w);
  std::stable_sort(words.begin(), words.end(), [](const PageWord* a, const PageWord* b) {
    return (a->top + a->bottom) < (b->top + b->bottom);
  });
  std::vector<Line> lines;
  double top = 0;
  double bottom = 0;
  for (const PageWord* w : words) {
    const double overlap = std::min(bottom, w->bottom) - std::max(top, w->top);
    const double smaller = std::min(bottom - top, w->bottom - w->top);
    if (lines.empty() || overlap < smaller / 2) {
      lines.push_back(Line{.page = page.number, .first_line = w->line, .words = {}, .text = {}});
      top = w->top;
      bottom = w->bottom;
    }
    lines.back().words.push_back(Word{w->text, w->left, w->right, w->line, page.number, top});
  }
  for (Line& l : lines) {
    std::sort(l.words.begin(), l.words.end(),
              [](const Word& a, const Word& b) { return a.left < b.left; });
    std::string joined;
    for (const Word& w : l.words) joined += w.text;
    l.text = squeeze(joined);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Titles

struct TitleForm {
  std::string_view squeezed;  // without year, 部门/单位 and numbering
  TableRole role;
};

// The titles of both families as Shanghai, the 财政部 templates and the seed print them
// (squeezed: no quotes, no spaces). The year, a leading 部门/单位 and the numbering are removed
// before matching, so 2025年部门财务收支预算总表 is 财务收支预算总表.
constexpr std::array kTitles{
    TitleForm{"收入支出决算总表", TableRole::income_expenditure_total},
    TitleForm{"收入决算表", TableRole::income},
    TitleForm{"支出决算表", TableRole::expenditure},
    TitleForm{"财政拨款收入支出决算总表", TableRole::fiscal_total},
    TitleForm{"财政拨款支出决算明细表", TableRole::fiscal_expenditure_detail},
    TitleForm{"一般公共预算财政拨款支出决算表", TableRole::general_budget_expenditure},
    TitleForm{"一般公共预算财政拨款支出决算明细表", TableRole::general_budget_expenditure_detail},
    TitleForm{"一般公共预算财政拨款基本支出决算表", TableRole::general_budget_basic},
    TitleForm{"一般公共预算财政拨款项目支出决算表", TableRole::general_budget_project},
    TitleForm{"财政拨款三公经费支出决算表", TableRole::three_public},
    TitleForm{"一般公共预算财政拨款三公经费支出决算表", TableRole::general_budget_three_public},
    TitleForm{"政府性基金预算财政拨款收入支出决算表", TableRole::government_fund},
    TitleForm{"政府性基金预算财政拨款三公经费支出决算表", TableRole::government_fund_three_public},
    TitleForm{"国有资本经营预算财政拨款收入支出决算表", TableRole::state_capital},
    TitleForm{"国有资本经营预算财政拨款支出决算表", TableRole::state_capital_expenditure},
    TitleForm{"机关运行经费、资产占用情况及政府采购支出信息表",
              TableRole::office_running_assets_procurement},
    TitleForm{"财务收支预算总表", TableRole::budget_total},
    TitleForm{"收支预算总表", TableRole::budget_total},
    TitleForm{"收入预算总表", TableRole::budget_income},
    TitleForm{"收入预算表", TableRole::budget_income},
    TitleForm{"支出预算总表", TableRole::budget_expenditure},
    TitleForm{"支出预算表", TableRole::budget_expenditure},
    TitleForm{"财政拨款收支预算总表", TableRole::budget_fiscal_total},
    TitleForm{"一般公共预算支出功能分类预算表", TableRole::budget_general_expenditure},
    TitleForm{"一般公共预算支出预算表", TableRole::budget_general_expenditure},
    TitleForm{"一般公共预算基本支出部门预算经济分类预算表",
              TableRole::budget_general_basic_economic},
    TitleForm{"一般公共预算基本支出经济分类预算表", TableRole::budget_general_basic_economic},
    TitleForm{"一般公共预算基本支出预算表", TableRole::budget_general_basic_economic},
    TitleForm{"三公经费和机关运行经费预算表", TableRole::budget_three_public},
    TitleForm{"一般公共预算三公经费支出预算表", TableRole::budget_three_public},
    TitleForm{"三公经费支出预算表", TableRole::budget_three_public},
    TitleForm{"政府性基金预算支出功能分类预算表", TableRole::budget_government_fund},
    TitleForm{"政府性基金预算支出预算表", TableRole::budget_government_fund},
    TitleForm{"国有资本经营预算支出功能分类预算表", TableRole::budget_state_capital},
    TitleForm{"国有资本经营预算支出预算表", TableRole::budget_state_capital},
    TitleForm{"项目支出预算表", TableRole::budget_projects},
};

// The length in bytes of the Chinese numeral a string starts with (十二 of 十二、), 0 for none.
std::size_t numeral_length(std::string_view s) {
  constexpr std::array<std::string_view, 10> numerals{"一", "二", "三", "四", "五",
                                                      "六", "七", "八", "九", "十"};
  std::size_t i = 0;
  for (bool more = true; more;) {
    more = false;
    for (const std::string_view n : numerals) {
      if (s.substr(i).starts_with(n)) {
        i += n.size();
        more = true;
      }
    }
  }
  return i;
}

// Whether a squeezed line starts with a numbering: 一、 十二、 1. 2． 3、 (not 2024 or 1.00).
bool numbered(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0) {
    i = numeral_length(s);
    return i > 0 && s.substr(i).starts_with("、");
  }
  if (i > 2) return false;
  const std::string_view rest = s.substr(i);
  for (const std::string_view sep : {"、", ".", "．"}) {
    if (rest.starts_with(sep)) {
      const std::string_view after = rest.substr(sep.size());
      return !after.empty() && (after[0] < '0' || after[0] > '9');
    }
  }
  return false;
}

// Strips a leading "一、", "1.", "1．", "表1", "表一" and a year "2025年" / "2025年度", then 部门
// or 单位, from a squeezed title.
std::string_view core_of_title(std::string_view s) {
  const auto strip_numbering = [](std::string_view t) {
    const bool table_number = t.starts_with("表");  // 表3 收入决算表: no separator needed
    if (table_number) t.remove_prefix(std::string_view("表").size());
    std::size_t i = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    // 表3 2024年度…, its spaces squeezed out: the number, then the year.
    if (table_number && i > 4 && t.substr(i).starts_with("年")) i -= 4;
    if (i == 0) i = numeral_length(t);
    if (i == 0) return t;
    for (const std::string_view sep : {"、", ".", "．", ":"}) {
      if (t.substr(i).starts_with(sep)) return t.substr(i + sep.size());
    }
    return table_number ? t.substr(i) : t;
  };
  s = strip_numbering(s);
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 4) {
    if (s.substr(i).starts_with("年度")) {
      s.remove_prefix(i + std::string_view("年度").size());
    } else if (s.substr(i).starts_with("年")) {
      s.remove_prefix(i + std::string_view("年").size());
    }
  }
  for (const std::string_view who : {"预算单位", "部门", "单位"}) {
    if (s.starts_with(who)) {
      s.remove_prefix(who.size());
      break;
    }
  }
  for (const std::string_view tail : {"(续)", "(续表)", "续表"}) {
    if (s.ends_with(tail)) {
      s.remove_suffix(tail.size());
      break;
    }
  }
  return s;
}

std::int32_t year_of_title(std::string_view squeezed) {
  for (std::size_t i = 0; i + 4 < squeezed.size(); ++i) {
    if (is_digits(squeezed.substr(i, 4)) && squeezed.substr(i + 4).starts_with("年") &&
        (i == 0 || squeezed[i - 1] < '0' || squeezed[i - 1] > '9')) {
      const int y = std::stoi(std::string(squeezed.substr(i, 4)));
      if (y >= 1990 && y <= 2100) return y;
    }
  }
  return 0;
}

// The unit a header line states (单位：万元, 金额单位：元, 单位:万元), if any.
std::optional<Unit> unit_of_line(std::string_view squeezed) {
  // 编制单位：上海市…局 单位：元: the unit is the 单位 followed by one.
  for (auto at = squeezed.find("单位:"); at != std::string_view::npos;
       at = squeezed.find("单位:", at + 1)) {
    const std::string_view rest = squeezed.substr(at + std::string_view("单位:").size());
    if (rest.starts_with("万元")) return Unit::wan;
    if (rest.starts_with("亿元")) return Unit::yi;
    if (rest.starts_with("元")) return Unit::yuan;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Meanings of rows and columns

std::string_view fund_of_title(std::string_view squeezed) {
  if (squeezed.find("一般公共预算") != std::string_view::npos) return "general_budget";
  if (squeezed.find("政府性基金") != std::string_view::npos) return "government_fund";
  if (squeezed.find("国有资本经营") != std::string_view::npos) return "state_capital";
  return {};
}

bool is_basic_economic(TableRole r) {
  return r == TableRole::general_budget_basic || r == TableRole::budget_general_basic_economic;
}

bool is_three_public(TableRole r) {
  return r == TableRole::three_public || r == TableRole::general_budget_three_public ||
         r == TableRole::government_fund_three_public || r == TableRole::budget_three_public;
}

// Two-sided totals tables, whose rows are concepts (income on the left, spending on the right).
bool is_total_table(TableRole r) {
  return r == TableRole::income_expenditure_total || r == TableRole::fiscal_total ||
         r == TableRole::budget_total || r == TableRole::budget_fiscal_total;
}

bool is_fiscal_total(TableRole r) {
  return r == TableRole::fiscal_total || r == TableRole::budget_fiscal_total;
}

// A header or label without its numbering (一、 / （一） / 1. / 其中：) and parenthesised
// remarks such as （含专用结余）.
std::string plain(std::string_view squeezed) {
  std::string s(core_of_title(squeezed));
  if (s.starts_with("其中:")) s.erase(0, std::string_view("其中:").size());
  if (s.starts_with("(") && s.find(')') != std::string::npos) s.erase(0, s.find(')') + 1);
  // A remark at the end: 使用非财政拨款结余（含专用结余）; not 因公出国（境）费.
  if (const auto open = s.rfind('('); open != std::string::npos && open > 0 && s.ends_with(")")) {
    s.erase(open);
  }
  return s;
}

// The concept the squeezed, numbering-free name of a totals table's row names on its side.
struct RowMeaning {
  std::string concept_id;
  std::string fund;  // "fiscal", a fund, or empty
};

std::optional<RowMeaning> total_row_meaning(std::string_view name, bool income_side,
                                            bool fiscal_table) {
  struct Alias {
    std::string_view name;
    std::string_view concept_id;
  };
  static constexpr std::array kIncome{
      Alias{"财政拨款收入", "income.fiscal"},
      Alias{"财政拨款", "income.fiscal"},
      Alias{"一般公共预算财政拨款收入", "income.general_budget"},
      Alias{"一般公共预算财政拨款", "income.general_budget"},
      Alias{"一般公共预算资金", "income.general_budget"},
      Alias{"一般公共预算", "income.general_budget"},
      Alias{"政府性基金预算财政拨款收入", "income.government_fund"},
      Alias{"政府性基金预算财政拨款", "income.government_fund"},
      Alias{"政府性基金", "income.government_fund"},
      Alias{"政府性基金预算", "income.government_fund"},
      Alias{"国有资本经营预算财政拨款收入", "income.state_capital"},
      Alias{"国有资本经营预算财政拨款", "income.state_capital"},
      Alias{"国有资本经营预算", "income.state_capital"},
      Alias{"上级补助收入", "income.superior_grant"},
      Alias{"事业收入", "income.service_revenue"},
      Alias{"经营收入", "income.business_revenue"},
      Alias{"事业单位经营收入", "income.business_revenue"},
      Alias{"附属单位上缴收入", "income.subsidiary_remittance"},
      Alias{"其他收入", "income.other_revenue"},
      Alias{"本年收入合计", "income.total"},
      Alias{"收入合计", "income.total"},
      Alias{"总计", "income.grand_total"},
      Alias{"收入总计", "income.grand_total"},
      Alias{"使用非财政拨款结余", "balance.non_fiscal_used"},
      Alias{"用事业基金弥补收支差额", "balance.service_fund_used"},
      Alias{"年初结转和结余", "balance.opening"},
      Alias{"年初财政拨款结转和结余", "balance.opening"},
      Alias{"上年结转", "balance.opening"},
  };
  static constexpr std::array kSpending{
      Alias{"本年支出合计", "expenditure.total"},
      Alias{"支出合计", "expenditure.total"},
      Alias{"总计", "expenditure.grand_total"},
      Alias{"支出总计", "expenditure.grand_total"},
      Alias{"结余分配", "balance.distribution"},
      Alias{"年末结转和结余", "balance.closing"},
      Alias{"年末财政拨款结转和结余", "balance.closing"},
  };
  for (const Alias& a :
       income_side ? std::span<const Alias>(kIncome) : std::span<const Alias>(kSpending)) {
    if (a.name != name) continue;
    RowMeaning m{std::string(a.concept_id), {}};
    if (fiscal_table) {
      if (m.concept_id == "income.total") m.concept_id = "income.fiscal";
      if (m.concept_id == "expenditure.total") m.concept_id = "expenditure.fiscal";
      if (m.concept_id.ends_with("grand_total") || m.concept_id.starts_with("balance.")) {
        m.fund = "fiscal";
      }
    }
    return m;
  }
  return std::nullopt;
}

// The 类 a name of a totals table's spending side names (一般公共服务支出 → 201).
std::string class_code_of(std::string_view name, std::int32_t year) {
  for (const AnyCode& c : Catalogue::builtin().find_by_name(name, year, NameMatch::normalised)) {
    std::string digits = to_string(c);
    if (digits.size() == 3 && (digits.starts_with('2') || digits.starts_with('1'))) return digits;
  }
  return {};
}

// What an amount column's header means in a table of `role`. `group` is the header over it
// (本年支出 over 小计, 公务用车购置及运行费 over 购置费), empty when none.
// Headers of the published tables beyond the dictionary of fisc/io/table_csv.hpp.
struct HeaderAlias {
  std::string_view header;
  std::string_view concept_id;
};
constexpr std::array kHeaderAliases{
    HeaderAlias{"事业单位经营收入", "income.business_revenue"},
    HeaderAlias{"财政拨款收入", "income.fiscal"},
    HeaderAlias{"一般公共预算", "expenditure.fiscal"},
    HeaderAlias{"一般公共预算财政拨款", "expenditure.fiscal"},
    HeaderAlias{"政府性基金预算", "expenditure.fiscal"},
    HeaderAlias{"政府性基金预算财政拨款", "expenditure.fiscal"},
    HeaderAlias{"国有资本经营预算", "expenditure.fiscal"},
    HeaderAlias{"国有资本经营预算财政拨款", "expenditure.fiscal"},
    HeaderAlias{"因公出国(境)费", "three_public.overseas_travel"},
    HeaderAlias{"公务用车购置及运行费", "three_public.vehicles"},
    HeaderAlias{"公务用车购置及运行维护费", "three_public.vehicles"},
    HeaderAlias{"购置费", "three_public.vehicles.purchase"},
    HeaderAlias{"公务用车购置费", "three_public.vehicles.purchase"},
    HeaderAlias{"运行费", "three_public.vehicles.operation"},
    HeaderAlias{"运行维护费", "three_public.vehicles.operation"},
    HeaderAlias{"公务用车运行维护费", "three_public.vehicles.operation"},
    HeaderAlias{"公务用车运行费", "three_public.vehicles.operation"},
    HeaderAlias{"公务接待费", "three_public.reception"},
    HeaderAlias{"机关运行经费预算数", "office_running"},
    HeaderAlias{"机关运行经费", "office_running"},
    HeaderAlias{"年初结转和结余", "balance.opening"},
    HeaderAlias{"年末结转和结余", "balance.closing"},
};

bool known_header(std::string_view h, TableRole role) {
  return std::any_of(kHeaderAliases.begin(), kHeaderAliases.end(),
                     [&](const HeaderAlias& a) { return a.header == h; }) ||
         standard_csv_column(h, role).has_value();
}

std::optional<TableColumn> meaning_of_header(std::string h, TableRole role, std::string_view fund);

// What an amount column means: its own header, else (小计, or a scenario alone: 预算数 under
// 公务接待费) the nearest group header above it that names a concept.
std::optional<TableColumn> column_meaning(const std::string& header,
                                          const std::vector<std::string>& groups, TableRole role,
                                          std::string_view fund) {
  std::optional<TableColumn> own = meaning_of_header(plain(header), role, fund);
  if (own && !own->concept_id.empty()) return own;
  // The nearest group first.
  for (std::size_t i = groups.size(); i-- > 0;) {
    const std::string name = plain(groups[i]);
    if (name == "小计" && !is_three_public(role)) continue;
    auto outer = meaning_of_header(name, role, fund);
    if (!outer || outer->concept_id.empty()) continue;
    if (own) outer->scenario = own->scenario;
    return outer;
  }
  return own;
}

std::optional<TableColumn> meaning_of_header(std::string h, TableRole role, std::string_view fund) {
  if (is_three_public(role) && (h == "合计" || h.ends_with("三公经费"))) h = "“三公”经费";
  if (is_three_public(role) && h == "小计") h = "公务用车购置及运行费";  // its only subtotal
  // Group words before a header that pdftotext joined to it (支出一般公共预算财政拨款,
  // 一般公共预算支出基本支出): the longest ending that is a header.
  if (!known_header(h, role)) {
    for (std::size_t i = 1; i < h.size(); ++i) {
      if ((static_cast<unsigned char>(h[i]) & 0xC0U) == 0x80U) continue;
      if (known_header(h.substr(i), role)) {
        h.erase(0, i);
        break;
      }
    }
  }
  std::optional<TableColumn> column;
  for (const HeaderAlias& a : kHeaderAliases) {
    if (a.header == h) {
      column = TableColumn{};
      column->concept_id = std::string(a.concept_id);
      break;
    }
  }
  // A fund's own table: its 本年收入 is that fund's 财政拨款 income.
  if (!column && h == "本年收入" && !fund.empty()) {
    column = TableColumn{};
    column->concept_id = "income." + std::string(fund);
  }
  if (!column) column = standard_csv_column(h, role);
  if (!column) return std::nullopt;
  // The funds of a 财政拨款 totals table's spending columns.
  for (const auto& [words, name] :
       {std::pair<std::string_view, std::string_view>{"一般公共预算", "general_budget"},
        {"政府性基金", "government_fund"},
        {"国有资本经营", "state_capital"}}) {
    if (column->concept_id == "expenditure.fiscal" && h.starts_with(words)) {
      column->dims.set("fund", name);
    }
  }
  // A fund's own tables: their 合计 is that fund's spending (财政拨款支出), and the fund itself
  // is the table's dimension.
  if (!fund.empty() && column->concept_id == "expenditure.total") {
    column->concept_id = "expenditure.fiscal";
  }
  if (is_basic_economic(role) &&
      (column->concept_id.empty() || column->concept_id == "expenditure.total" ||
       column->concept_id == "expenditure.fiscal")) {
    column->concept_id = "expenditure.basic";
  }
  if (is_fiscal_total(role) && column->concept_id == "expenditure.total") {
    column->concept_id = "expenditure.fiscal";
  }
  return column;
}

// ---------------------------------------------------------------------------------------------
// The reader

// group: a header over other columns (收入, 支出, 合计 over 预算数 决算数), without figures.
enum class ColKind : std::uint8_t { code, class_code, item_code, sub_code, name, amount, group };

struct Column {
  ColKind kind = ColKind::amount;
  double left = 0;
  double right = 0;
  std::vector<const Word*> fragments;  // top to bottom
  std::string header;                  // fragments joined, as printed
  std::vector<std::string> groups;     // the headers spanning it and its neighbours, top down
  std::optional<TableColumn> meaning;  // amount columns fisc understands
  [[nodiscard]] double centre() const { return (left + right) / 2; }
};

// One half of a two-sided table (收入 | 支出), or the whole of a one-sided one.
struct Side {
  double left = 0;
  double right = std::numeric_limits<double>::max();
  std::vector<std::size_t> columns;  // indices into the table's columns
  bool income = false;               // the 收入 half of a totals table
};

bool is_code_header(std::string_view squeezed) {
  return squeezed.find("编码") != std::string_view::npos ||
         squeezed.find("代码") != std::string_view::npos || squeezed == "支出功能分类" ||
         squeezed == "功能分类" || squeezed == "经济分类" || squeezed == "部门预算经济分类科目" ||
         squeezed == "经济分类科目";
}

bool is_name_header(std::string_view squeezed) {
  return squeezed == "科目名称" || squeezed == "功能分类科目名称" ||
         squeezed == "经济分类科目名称" || squeezed == "项目" || squeezed == "项目名称";
}

// A header on the first line over a half or a group of columns (财政拨款收入 over 项目 and
// 预算数, 支出预算 over 合计 基本支出 项目支出), when it is not printed across them.
bool is_side_header(std::string_view s) {
  constexpr std::array<std::string_view, 12> words{"收入",
                                                   "支出",
                                                   "本年收入",
                                                   "本年支出",
                                                   "财政拨款收入",
                                                   "财政拨款支出",
                                                   "收入预算",
                                                   "支出预算",
                                                   "一般公共预算支出",
                                                   "政府性基金预算支出",
                                                   "国有资本经营预算支出",
                                                   "一般公共预算基本支出"};
  return std::find(words.begin(), words.end(), s) != words.end();
}

struct Found {
  std::size_t title_line;
  TableRole role;
  std::string title;
};

class Reader {
 public:
  Reader(std::span<const LaidOutPage> pages, const TableReadOptions& options) : options_(options) {
    for (const LaidOutPage& p : pages) {
      std::vector<Line> l = lines_of(p);
      std::move(l.begin(), l.end(), std::back_inserter(lines_));
    }
  }

  TableReading run() {
    std::vector<Found> found;
    // The document's year, where no title gives one: its cover (2024年度部门决算).
    for (const Line& l : lines_) {
      if (l.text.find("决算") == std::string::npos && l.text.find("预算") == std::string::npos) {
        continue;
      }
      if (const std::int32_t y = year_of_title(l.text); y != 0) {
        document_year_ = y;
        break;
      }
    }
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (auto f = title_at(i)) {
        found.push_back(std::move(*f));
      } else if (found.empty()) {
        listed_at(i);
      }
    }
    for (std::size_t t = 0; t < found.size(); ++t) {
      const std::size_t end = t + 1 < found.size() ? found[t + 1].title_line : lines_.size();
      read_table(found[t], end);
    }
    return std::move(out_);
  }

 private:
  std::optional<Found> title_at(std::size_t i) {
    const Line& l = lines_[i];
    if (l.words.size() > 3 || l.has_figure()) return std::nullopt;
    const auto role = table_role_by_title(l.text);
    if (!role) return std::nullopt;
    // A title in the contents is not followed by a unit: a table's is, within two lines.
    bool unit = false;
    for (std::size_t j = i; j < lines_.size() && j <= i + 3; ++j) {
      if (j > i && table_role_by_title(lines_[j].text)) break;
      if (unit_of_line(lines_[j].text)) unit = true;
    }
    if (!unit) return std::nullopt;
    std::string printed;
    for (const Word& w : l.words) printed += w.text;
    if (const std::int32_t y = year_of_title(l.text); y != 0 && out_.year == 0) out_.year = y;
    // The family of its first table: 一般公共预算…决算表 is a 决算 table whatever it names.
    if (!out_.kind) {
      out_.kind = info(*role).budget ? ReportKind::budget : ReportKind::final_accounts;
    }
    return Found{i, *role, printed};
  }

  // A line of the contents: a table's title, numbered or not, alone on its line.
  void listed_at(std::size_t i) {
    const Line& l = lines_[i];
    if (l.words.size() > 3 || l.has_figure() || l.text.ends_with("(续)")) return;
    const auto role = table_role_by_title(l.text);
    if (!role) return;
    if (std::any_of(out_.contents.begin(), out_.contents.end(),
                    [&](const ListedTable& t) { return t.role == *role; })) {
      return;
    }
    ListedTable t;
    t.role = *role;
    for (const Word& w : l.words) t.title += w.text;
    t.source.file = options_.file;
    t.source.page = l.page;
    out_.contents.push_back(std::move(t));
  }

  // The lines [first, stop) are the table's: their words' source lines go to `lines`.
  void mark_lines(std::size_t first, std::size_t stop) {
    for (std::size_t i = first; i < stop && i < lines_.size(); ++i) {
      for (const Word& w : lines_[i].words) {
        if (w.line != 0) out_.lines.emplace_back(w.page, w.line);
      }
    }
  }

  void problem(const Line& l, const Word* w, std::string table, std::string message) {
    out_.problems.push_back(TableProblem{l.page, w != nullptr ? w->line : l.first_line,
                                         std::move(table), w != nullptr ? w->text : l.text,
                                         std::move(message)});
  }

  // Lines that end a table: prose, a heading of the text, a note.
  static bool is_prose(const Line& l) {
    return l.text.find("。") != std::string::npos || l.text.find("，") != std::string::npos ||
           l.text.find("；") != std::string::npos || l.text.starts_with("第") ||
           (l.text.ends_with("说明") && !l.has_figure());
  }
  static bool is_note(const Line& l) {
    return l.text.starts_with("注:") || l.text.starts_with("注：") || l.text.starts_with("说明:") ||
           l.text.starts_with("备注:");
  }

  void read_table(const Found& f, std::size_t end) {
    Table table;
    table.role = f.role;
    table.title = f.title;
    const Line& title_line = lines_[f.title_line];
    table.source.file = options_.file;
    table.source.page = title_line.page;
    table.year = year_of_title(title_line.text);
    if (table.year == 0) table.year = options_.year != 0 ? options_.year : document_year_;
    const bool budget = info(f.role).budget;
    table.scenario = budget ? Scenario::budget : Scenario::actual;
    const std::string_view fund = fund_of_title(core_of_title(title_line.text));
    if (!fund.empty()) table.dims.set("fund", fund);
    table.row_code_dimension = is_basic_economic(f.role) ? "economic"
                               : is_three_public(f.role) ? ""
                                                         : "function";
    // The unit, and where the header starts.
    std::size_t i = f.title_line;
    for (std::size_t j = f.title_line; j < end && j <= f.title_line + 3; ++j) {
      if (const auto u = unit_of_line(lines_[j].text)) {
        table.unit = *u;
        i = j + 1;
        break;
      }
    }
    // The header: lines without figures up to the first row.
    std::vector<const Line*> header;
    std::size_t body = i;
    for (; body < end; ++body) {
      const Line& l = lines_[body];
      if (l.has_figure() || is_note(l) || is_prose(l) || starts_row(l)) break;
      header.push_back(&l);
    }
    // Also the 类 款 项 line that some layouts print below the first figures.
    std::vector<Column> columns = columns_of(header, body, end, f.role);
    classify(columns, table, fund);
    std::vector<Side> sides = sides_of(columns, f.role);
    if (std::none_of(columns.begin(), columns.end(),
                     [](const Column& c) { return c.kind == ColKind::amount; })) {
      problem(title_line, nullptr, f.title, "表头中找不到金额栏：本表未读");
      mark_lines(f.title_line, body);
      out_.tables.push_back(std::move(table));
      return;
    }
    for (const Column& c : columns) {
      if (c.kind == ColKind::amount && c.meaning) table.columns.push_back(*c.meaning);
    }
    // The body, over pages: stops at prose, a note (kept), or the next table.
    std::vector<const Line*> rows;
    std::size_t stop = end;  // the first line after the table
    for (std::size_t j = body; j < end; ++j) {
      const Line& l = lines_[j];
      if (is_note(l)) {
        table.note = l.text;
        std::size_t k = j + 1;
        for (; k < end && !lines_[k].has_figure() && !is_prose(lines_[k]) &&
               lines_[k].page == l.page && k <= j + 2;
             ++k) {
          table.note += lines_[k].text;
        }
        stop = k;
        break;
      }
      if (is_prose(l)) {
        stop = j;
        break;
      }
      if (is_repeated_header(l, columns) || table_role_by_title(l.text) == f.role) continue;
      rows.push_back(&l);
    }
    mark_lines(f.title_line, stop);
    refine_boundaries(sides, columns, rows);
    for (const Side& s : sides) read_side(table, columns, s, rows);
    out_.tables.push_back(std::move(table));
  }

  // Whether a line of the body starts a row before any figure is seen: a code in the first
  // column, or 合计 / 总计.
  static bool starts_row(const Line& l) {
    if (l.words.empty()) return false;
    const std::string& first = l.words.front().text;
    if (is_digits(first) && (first.size() == 3 || first.size() == 5 || first.size() == 7)) {
      return true;
    }
    // 一、一般公共预算财政拨款收入 / 1.一般公共预算资金: a numbered line of a totals table.
    if (numbered(squeeze(first))) return true;
    // 合计 alone (its figures may stand on the line above), not 合计 among the headers.
    return (squeeze(first) == "合计" || squeeze(first) == "总计") && l.words.size() == 1;
  }

  // A header printed again at the top of a page the table runs onto: every word of the line is
  // one of the header's fragments.
  static bool is_repeated_header(const Line& l, const std::vector<Column>& columns) {
    if (l.has_figure() || l.words.empty()) return false;
    return std::all_of(l.words.begin(), l.words.end(), [&](const Word& w) {
      const std::string s = squeeze(w.text);
      if (s == "类" || s == "款" || s == "项") return true;
      return std::any_of(columns.begin(), columns.end(), [&](const Column& c) {
        return std::any_of(c.fragments.begin(), c.fragments.end(),
                           [&](const Word* f) { return squeeze(f->text) == s; }) ||
               std::any_of(c.groups.begin(), c.groups.end(),
                           [&](const std::string& g) { return squeeze(g) == s; });
      });
    });
  }

  // The header's words gathered into columns: words on different lines whose extents overlap
  // form one column, read top to bottom; a word over two or more columns of one line below is
  // their group header. The 类/款/项 line may stand below the first figures.
  std::vector<Column> columns_of(std::vector<const Line*> header, std::size_t body, std::size_t end,
                                 TableRole role) {
    for (std::size_t j = body; j < end && j <= body + 3; ++j) {
      const Line& l = lines_[j];
      const bool codes =
          !l.words.empty() && std::all_of(l.words.begin(), l.words.end(), [](const Word& w) {
            const std::string s = squeeze(w.text);
            return s == "类" || s == "款" || s == "项";
          });
      if (codes) header.push_back(&l);
    }
    struct Fragment {
      const Word* word;
      std::size_t line;
      bool spans = false;
    };
    std::vector<Fragment> fragments;
    for (std::size_t k = 0; k < header.size(); ++k) {
      for (const Word& w : header[k]->words) fragments.push_back(Fragment{&w, k});
    }
    // Words that are headers on their own (合计, 决算数, 科目名称) join others only where they
    // overlap; parts of a header broken over lines (本年收入合 / 计) also where they touch.
    const auto known = [&](const Word& w) {
      const std::string s = squeeze(w.text);
      return s == "类" || s == "款" || s == "项" || is_code_header(s) || is_name_header(s) ||
             meaning_of_header(plain(s), role, {}).has_value();
    };
    const auto overlaps = [&](const Word& a, const Word& b) {
      const double o = std::min(a.right, b.right) - std::max(a.left, b.left);
      return o > 0 || (o > -0.5 && !known(a) && !known(b));
    };
    if (auto two_level = scenario_columns(header, role)) return std::move(*two_level);
    // A fragment spans when it overlaps two fragments below it that lie side by side, or one
    // that spans (本年支出 over 预算数 over 合计 基本支出 项目支出): decided from the lowest line
    // up.
    for (std::size_t k = header.size(); k-- > 0;) {
      for (Fragment& f : fragments) {
        if (f.line != k) continue;
        for (const Fragment& g : fragments) {
          if (g.line <= k || !overlaps(*f.word, *g.word)) continue;
          if (g.spans) f.spans = true;
          for (const Fragment& h : fragments) {
            if (h.line > k && g.word->right <= h.word->left && overlaps(*f.word, *h.word)) {
              f.spans = true;
            }
          }
        }
      }
    }
    // Union of overlapping fragments on different lines.
    std::vector<std::size_t> parent(fragments.size());
    for (std::size_t k = 0; k < parent.size(); ++k) parent[k] = k;
    const auto find = [&](std::size_t k) {
      while (parent[k] != k) k = parent[k] = parent[parent[k]];
      return k;
    };
    for (std::size_t a = 0; a < fragments.size(); ++a) {
      for (std::size_t b = a + 1; b < fragments.size(); ++b) {
        if (fragments[a].spans || fragments[b].spans || fragments[a].line == fragments[b].line)
          continue;
        if (overlaps(*fragments[a].word, *fragments[b].word)) parent[find(a)] = find(b);
      }
    }
    std::map<std::size_t, Column> by_root;
    for (std::size_t k = 0; k < fragments.size(); ++k) {
      if (fragments[k].spans) continue;
      Column& c = by_root[find(k)];
      if (c.fragments.empty()) {
        c.left = fragments[k].word->left;
        c.right = fragments[k].word->right;
      }
      c.left = std::min(c.left, fragments[k].word->left);
      c.right = std::max(c.right, fragments[k].word->right);
      c.fragments.push_back(fragments[k].word);
    }
    std::vector<Column> columns;
    for (auto& [root, c] : by_root) {
      for (const Word* w : c.fragments) c.header += w->text;
      for (const Fragment& f : fragments) {
        if (f.spans && std::min(f.word->right, c.right) - std::max(f.word->left, c.left) > -0.5) {
          c.groups.push_back(f.word->text);
        }
      }
      columns.push_back(std::move(c));
    }
    std::sort(columns.begin(), columns.end(),
              [](const Column& a, const Column& b) { return a.left < b.left; });
    return columns;
  }

  // A header whose lowest line names only scenarios (预算数 决算数 预算数 决算数 …) under
  // concept headers (合计, 因公出国（境）费, 公务接待费): pdftotext prints each concept near
  // the middle of its pair, not over it. Each concept, from the lowest line up, takes the
  // nearest pair not yet taken; what is left above is a group header. Nothing when the header
  // is not of that form.
  static std::optional<std::vector<Column>> scenario_columns(const std::vector<const Line*>& header,
                                                             TableRole role) {
    std::optional<std::size_t> bottom;
    for (std::size_t k = header.size(); k-- > 0;) {
      const auto& words = header[k]->words;
      const bool scenarios =
          words.size() >= 2 && std::all_of(words.begin(), words.end(), [&](const Word& w) {
            const auto m = meaning_of_header(plain(squeeze(w.text)), role, {});
            return m && m->concept_id.empty() && m->scenario;
          });
      if (scenarios) {
        bottom = k;
        break;
      }
    }
    if (!bottom) return std::nullopt;
    const std::vector<Word>& words = header[*bottom]->words;
    std::vector<std::pair<std::size_t, std::size_t>> runs;  // [first, last] word of each pair
    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto m = meaning_of_header(plain(squeeze(words[k].text)), role, {});
      if (!runs.empty() && runs.back().first == runs.back().second &&
          meaning_of_header(plain(squeeze(words[runs.back().first].text)), role, {})->scenario !=
              m->scenario) {
        runs.back().second = k;
      } else {
        runs.emplace_back(k, k);
      }
    }
    std::vector<Column> columns;
    std::vector<std::optional<TableColumn>> concept_of_run(runs.size());
    std::vector<std::string> header_of_run(runs.size());
    std::vector<std::string> groups;
    for (std::size_t k = *bottom; k-- > 0;) {
      for (const Word& w : header[k]->words) {
        std::string name = plain(squeeze(w.text));
        if (is_three_public(role) && name == "小计") name = "公务用车购置及运行费";
        const auto m = meaning_of_header(name, role, {});
        const std::string s = squeeze(w.text);
        if (is_code_header(s) || is_name_header(s)) {
          Column c;
          c.kind = is_name_header(s) ? ColKind::name : ColKind::code;
          c.left = w.left;
          c.right = w.right;
          c.fragments.push_back(&w);
          c.header = w.text;
          columns.push_back(std::move(c));
          continue;
        }
        std::optional<std::size_t> best;
        double best_distance = 0;
        for (std::size_t r = 0; r < runs.size() && m && !m->concept_id.empty(); ++r) {
          if (concept_of_run[r]) continue;
          const double left = words[runs[r].first].left;
          const double right = words[runs[r].second].right;
          const double d = std::abs((left + right) / 2 - w.centre());
          if (d <= right - left && (!best || d < best_distance)) {
            best = r;
            best_distance = d;
          }
        }
        if (best) {
          concept_of_run[*best] = m;
          header_of_run[*best] = w.text;
        } else {
          groups.push_back(w.text);
        }
      }
    }
    for (std::size_t r = 0; r < runs.size(); ++r) {
      for (std::size_t k = runs[r].first; k <= runs[r].second; ++k) {
        Column c;
        c.left = words[k].left;
        c.right = words[k].right;
        c.fragments.push_back(&words[k]);
        c.header = header_of_run[r] + words[k].text;
        c.groups = groups;
        c.meaning = meaning_of_header(plain(squeeze(words[k].text)), role, {});
        if (concept_of_run[r]) {
          c.meaning->concept_id = concept_of_run[r]->concept_id;
          c.meaning->dims = concept_of_run[r]->dims;
        }
        c.meaning->header = c.header;
        columns.push_back(std::move(c));
      }
    }
    std::sort(columns.begin(), columns.end(),
              [](const Column& a, const Column& b) { return a.left < b.left; });
    return columns;
  }

  void classify(std::vector<Column>& columns, const Table& table, std::string_view fund) {
    double top_line = std::numeric_limits<double>::max();
    double bottom_line = std::numeric_limits<double>::lowest();
    for (const Column& c : columns) {
      for (const Word* w : c.fragments) {
        top_line = std::min(top_line, w->top);
        bottom_line = std::max(bottom_line, w->top);
      }
    }
    for (Column& c : columns) {
      if (c.meaning) continue;  // set with the columns (scenario_columns)
      std::string s = squeeze(c.header);
      // 收入 over 项目: the kind is the lowest fragment's, the words above it name the side.
      if (const std::string last = squeeze(c.fragments.back()->text);
          is_name_header(last) || is_code_header(last)) {
        s = last;
      }
      if (s == "类") {
        c.kind = ColKind::class_code;
      } else if (s == "款") {
        c.kind = ColKind::item_code;
      } else if (s == "项") {
        c.kind = ColKind::sub_code;
      } else if (is_code_header(s)) {
        c.kind = ColKind::code;
      } else if (is_side_header(s) && c.fragments.size() == 1 && top_line < bottom_line &&
                 c.fragments.front()->top == top_line) {
        c.kind = ColKind::group;
      } else if (is_name_header(s) || (s.ends_with("名称") && s.size() <= 45)) {
        c.kind = ColKind::name;
      } else {
        c.kind = ColKind::amount;
        std::vector<std::string> groups;
        for (const std::string& g : c.groups) groups.push_back(squeeze(g));
        c.meaning = column_meaning(s, groups, table.role, fund);
        if (c.meaning) {
          c.meaning->header = c.header;
        }
      }
    }
    pair_scenarios(columns);
    // Keys, unique within the table.
    std::map<std::string, int> seen;
    for (Column& c : columns) {
      if (!c.meaning) continue;
      std::string key(c.meaning->concept_id.substr(c.meaning->concept_id.rfind('.') + 1));
      if (const auto f = c.meaning->dims.get("fund")) key += "_" + std::string(*f);
      if (key.empty()) key = "c";
      const int n = ++seen[key];
      c.meaning->key = n == 1 ? key : key + "_" + std::to_string(n);
    }
  }

  // Headers over two columns that pdftotext did not print over them: in 财政拨款“三公”经费支出
  // 决算表 each of 合计, 因公出国（境）费 and 公务接待费 stands over a 预算数 and a 决算数. Such
  // a column (a concept without a scenario) gives its concept to the nearest run of
  // scenario-only columns (预算数 决算数), and holds no figures itself.
  static void pair_scenarios(std::vector<Column>& columns) {
    const auto scenario_only = [](const Column& c) {
      return c.kind == ColKind::amount && c.meaning && c.meaning->concept_id.empty() &&
             c.meaning->scenario.has_value();
    };
    std::vector<std::vector<std::size_t>> runs;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (!scenario_only(columns[k])) continue;
      // A run is one of each scenario: 预算数 then 决算数.
      if (!runs.empty() && runs.back().back() + 1 == k &&
          std::none_of(runs.back().begin(), runs.back().end(), [&](std::size_t j) {
            return columns[j].meaning->scenario == columns[k].meaning->scenario;
          })) {
        runs.back().push_back(k);
      } else {
        runs.push_back({k});
      }
    }
    if (runs.size() < 2) return;
    std::vector<bool> taken(columns.size(), false);
    for (const auto& run : runs) {
      const double centre = (columns[run.front()].left + columns[run.back()].right) / 2;
      std::optional<std::size_t> best;
      for (std::size_t k = 0; k < columns.size(); ++k) {
        const Column& c = columns[k];
        if (taken[k] || c.kind != ColKind::amount || !c.meaning || c.meaning->concept_id.empty() ||
            c.meaning->scenario ||
            c.fragments.back()->top >= columns[run.front()].fragments.back()->top) {
          continue;
        }
        if (!best || std::abs(c.centre() - centre) < std::abs(columns[*best].centre() - centre)) {
          best = k;
        }
      }
      if (!best) continue;
      taken[*best] = true;
      for (const std::size_t j : run) {
        columns[j].meaning->concept_id = columns[*best].meaning->concept_id;
        columns[j].meaning->dims = columns[*best].meaning->dims;
        columns[j].groups.push_back(columns[*best].header);
      }
      columns[*best].kind = ColKind::group;
      columns[*best].meaning.reset();
    }
  }

  // Sides: a totals table is two tables side by side, each starting at a name column.
  std::vector<Side> sides_of(const std::vector<Column>& columns, TableRole role) {
    std::vector<Side> sides;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const Column& c = columns[k];
      // A code or name column after amounts starts the table's other half.
      const bool starts =
          c.kind != ColKind::amount && c.kind != ColKind::group && !sides.empty() &&
          std::any_of(sides.back().columns.begin(), sides.back().columns.end(),
                      [&](std::size_t j) { return columns[j].kind == ColKind::amount; });
      if (sides.empty() || starts) {
        Side s;
        // The halves meet midway between the last amount column and the next half's first
        // column: names and codes are printed left of their centred headers.
        s.left = -std::numeric_limits<double>::max();
        if (!sides.empty()) s.left = (columns[sides.back().columns.back()].right + c.left) / 2;
        if (!sides.empty()) sides.back().right = s.left;
        sides.push_back(s);
      }
      sides.back().columns.push_back(k);
    }
    if (is_total_table(role) && sides.size() >= 2) {
      // The 收入 half: the one whose headers say 收入, else the first.
      for (Side& s : sides) {
        for (const std::size_t k : s.columns) {
          const Column& c = columns[k];
          std::string words = c.header;
          for (const std::string& g : c.groups) words += g;
          if (c.kind == ColKind::name && words.find("收入") != std::string::npos) s.income = true;
        }
      }
      if (std::none_of(sides.begin(), sides.end(), [](const Side& s) { return s.income; })) {
        sides.front().income = true;
      }
    }
    return sides;
  }

  // Where one half of a table ends and the next begins: just before the first word of the body
  // right of the one half's last amount column that is not an amount (the names or codes of the
  // other half, which start left of their centred header); amounts (with a decimal point) may
  // stand out right of their header. Midway when there is no such word.
  static void refine_boundaries(std::vector<Side>& sides, const std::vector<Column>& columns,
                                const std::vector<const Line*>& body) {
    for (std::size_t i = 0; i + 1 < sides.size(); ++i) {
      double lo = columns[sides[i].columns.back()].right;
      for (const std::size_t k : sides[i].columns) {
        if (columns[k].kind == ColKind::amount) lo = columns[k].right;
      }
      const double hi = columns[sides[i + 1].columns.front()].left;
      double first = hi;
      for (const Line* l : body) {
        for (const Word& w : l->words) {
          const bool amount =
              looks_like_figure(w.text) && w.text.find_first_of(".,") != std::string::npos;
          if (!amount && w.left > lo && w.left < first) first = w.left;
        }
      }
      if (first < hi) {
        sides[i].right = first - 0.25;
        sides[i + 1].left = sides[i].right;
      }
    }
  }

  struct RowBuild {
    std::size_t anchor_line = 0;  // index in the body
    std::string code;
    std::string label;
    std::vector<const Word*> figures;  // placed in columns when the row is complete
    double shift = 0;        // how far right its line is printed from where the table's rows are
    bool own_label = false;  // its anchor line holds (part of) its name
    // Lines of names only, after its anchor line and before the next row's (coded tables):
    // the end of its name, or the start of the next row's, or both (resolve_names).
    std::vector<std::pair<std::size_t, std::string>> after;
    std::uint32_t page = 0;
  };

  // Which column of the side a word falls in: the column whose extent overlaps it most, else
  // the nearest by centre for figures (printed right-aligned under wider headers).
  static std::optional<std::size_t> column_at(const std::vector<Column>& columns, const Side& side,
                                              const Word& w, bool figure) {
    std::optional<std::size_t> best;
    double best_score = -std::numeric_limits<double>::max();
    for (const std::size_t k : side.columns) {
      const Column& c = columns[k];
      if (figure != (c.kind == ColKind::amount)) continue;
      const double overlap = std::min(c.right, w.right) - std::max(c.left, w.left);
      const double score = overlap > 0 ? overlap : -std::abs(c.centre() - w.centre());
      if (score > best_score) {
        best_score = score;
        best = k;
      }
    }
    return best;
  }

  void read_side(Table& table, const std::vector<Column>& columns, const Side& side,
                 const std::vector<const Line*>& body) {
    last_balance_.clear();
    const bool coded = std::any_of(side.columns.begin(), side.columns.end(), [&](std::size_t k) {
      return columns[k].kind != ColKind::amount && columns[k].kind != ColKind::name &&
             columns[k].kind != ColKind::group;
    });
    std::optional<std::size_t> name_column;
    for (const std::size_t k : side.columns) {
      if (columns[k].kind == ColKind::name) name_column = k;
    }
    // Where the amounts start: words left of it are codes and names.
    double amounts_left = std::numeric_limits<double>::max();
    for (const std::size_t k : side.columns) {
      if (columns[k].kind == ColKind::amount)
        amounts_left = std::min(amounts_left, columns[k].left);
    }
    // Where the rows' codes start: pdftotext sometimes prints a line a few columns left of the
    // others, and its code says by how much.
    std::vector<double> code_lefts;
    if (coded) {
      for (const Line* l : body) {
        for (const Word& w : l->words) {
          if (w.centre() >= side.left && w.centre() < side.right && is_digits(w.text) &&
              w.text.size() == 3 && w.right <= amounts_left) {
            code_lefts.push_back(w.left);
            break;
          }
        }
      }
    }
    std::optional<double> code_left;
    if (!code_lefts.empty()) {
      const auto middle = code_lefts.begin() + static_cast<std::ptrdiff_t>(code_lefts.size() / 2);
      std::nth_element(code_lefts.begin(), middle, code_lefts.end());
      code_left = *middle;
    }
    std::vector<RowBuild> rows;
    std::string leading;
    std::vector<std::pair<std::size_t, const Word*>> pending;  // figures waiting for a row below
    for (std::size_t j = 0; j < body.size(); ++j) {
      const Line& l = *body[j];
      std::vector<const Word*> words;
      for (const Word& w : l.words) {
        if (w.centre() >= side.left && w.centre() < side.right) words.push_back(&w);
      }
      if (words.empty()) continue;
      std::string code;
      std::string label;
      std::vector<const Word*> figures;
      for (const Word* w : words) {
        if (const std::string t = squeeze(w->text); t == "类" || t == "款" || t == "项") {
          continue;  // the header's 类 款 项, printed among the first rows
        }
        const bool left_part = w->right <= amounts_left + 0.5 || !looks_like_figure(w->text);
        if (left_part && coded && is_digits(w->text) && w->text.size() <= 7 &&
            (name_column == std::nullopt || w->left < columns[*name_column].left + 0.5)) {
          code += w->text;
        } else if (left_part && !looks_like_figure(w->text)) {
          label += w->text;
        } else {
          figures.push_back(w);
        }
      }
      const std::string plain_label = squeeze(label);
      bool starts = false;
      if (coded) {
        starts = code.size() == 3 || code.size() == 5 || code.size() == 7 ||
                 plain_label.ends_with("合计") || plain_label.ends_with("总计");
        // A 款 printed on the line below its 类 (经济分类 tables): it completes the row.
        if (!rows.empty() && code.size() == 2 && rows.back().code.size() == 3) {
          rows.back().code += code;
          starts = false;
          code.clear();
        }
      } else if (!plain_label.empty()) {
        starts = rows.empty() || !continues(rows.back(), plain_label, side, table);
      } else if (!name_column && !figures.empty()) {
        starts = true;  // a table of one row without a name (三公经费预算表)
      }
      if (starts) {
        RowBuild r;
        r.anchor_line = j;
        r.code = code;
        r.label = label;
        r.own_label = !label.empty();
        r.page = l.page;
        if (code_left && !code.empty()) {
          for (const Word* w : words) {
            if (is_digits(w->text)) {
              r.shift = *code_left - w->left;
              break;
            }
          }
        }
        rows.push_back(std::move(r));
        for (const auto& [line, w] : pending) rows.back().figures.push_back(w);
        pending.clear();
        if (!leading.empty()) {
          rows.back().label = leading + rows.back().label;
          leading.clear();
        }
      } else if (!label.empty() && coded && !rows.empty()) {
        rows.back().after.emplace_back(j, label);
      } else if (!label.empty() && !rows.empty()) {
        rows.back().label += label;
      } else if (!label.empty()) {
        leading += label;  // the start of the first row's name, printed above its code
      } else if (!code.empty()) {
        problem(l, words.front(), table.title, "编码“" + code + "”不是类、款、项编码：本行未读");
      }
      for (const Word* w : figures) {
        if (starts) {
          rows.back().figures.push_back(w);
        } else {
          pending.emplace_back(j, w);
        }
      }
      // A figure waiting more than two lines has no row below it.
      std::erase_if(pending, [&](const auto& p) {
        if (j - p.first < 2) return false;
        problem(*body[p.first], p.second, table.title, "数字不在任何一行中：未读");
        return true;
      });
    }
    for (const auto& [line, w] : pending) {
      problem(*body[line], w, table.title, "数字不在任何一行中：未读");
    }
    if (!leading.empty()) {
      problem(*body.back(), nullptr, table.title, "名称“" + leading + "”不属于任何一行：未读");
    }
    resolve_names(rows, table);
    for (RowBuild& r : rows) finish_row(table, columns, side, r);
  }

  // The lines of names between two coded rows: the end of the first row's name (wrapped below
  // it), the start of the second's (a name printed centred on its code, half above), or both.
  // The split chosen makes the most names the catalogue's for their codes; among equals, a row
  // whose code line holds no name takes the lines nearest it, and the rest go to the row above.
  void resolve_names(std::vector<RowBuild>& rows, const Table& table) const {
    const auto named = [&](const RowBuild& r, const std::string& name) {
      const auto code = parse_any_code(r.code);
      if (!code || name.empty()) return false;
      const auto official = Catalogue::builtin().name(*code, table.year);
      return official && same_name(*official, name);
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto& gap = rows[i].after;
      if (gap.empty()) continue;
      RowBuild* next = i + 1 < rows.size() ? &rows[i + 1] : nullptr;
      const auto joined = [&](std::size_t from, std::size_t to) {
        std::string s;
        for (std::size_t k = from; k < to; ++k) s += gap[k].second;
        return s;
      };
      std::size_t best = gap.size();
      int best_score = -1;
      for (std::size_t split = 0; split <= gap.size(); ++split) {
        if (next == nullptr && split != gap.size()) continue;
        int score = named(rows[i], rows[i].label + joined(0, split)) ? 2 : 0;
        if (next != nullptr) {
          score += named(*next, joined(split, gap.size()) + next->label) ? 2 : 0;
        }
        // Without the catalogue: a row without a name on its code line takes the nearer lines.
        if (next != nullptr && !next->own_label) {
          const std::size_t a = rows[i].anchor_line;
          const std::size_t b = next->anchor_line;
          bool nearest = true;
          for (std::size_t k = 0; k < gap.size(); ++k) {
            const bool to_next = k >= split;
            const std::size_t d_prev = gap[k].first - a;
            const std::size_t d_next = b - gap[k].first;
            if (to_next ? d_next > d_prev || (rows[i].own_label ? false : d_next == d_prev)
                        : d_prev > d_next) {
              nearest = false;
            }
          }
          if (nearest) score += 1;
        } else if (split == gap.size()) {
          score += 1;
        }
        if (score > best_score) {
          best_score = score;
          best = split;
        }
      }
      rows[i].label += joined(0, best);
      if (next != nullptr) next->label = joined(best, gap.size()) + next->label;
      gap.clear();
    }
  }

  // Whether a label line continues the row above (a name that wrapped) in a table without
  // codes: the joined name means something the first part alone does not.
  bool continues(const RowBuild& above, const std::string& more, const Side& side,
                 const Table& table) const {
    if (!above.figures.empty() && above.label.empty()) return false;
    const std::string a = plain(squeeze(above.label));
    const std::string joined = plain(squeeze(above.label + more));
    const auto known = [&](const std::string& name) {
      return total_row_meaning(name, side.income, is_fiscal_total(table.role)).has_value() ||
             !class_code_of(name, table.year).empty();
    };
    return !known(a) && known(joined);
  }

  // The columns of a row's figures. The figures of one printed line keep their order and go to
  // distinct amount columns, each as near its column as can be (a line that pdftotext pressed
  // together still reads); a figure farther from its column than the two widths together is
  // not placed. Two figures of the row in one column: the second is not placed.
  std::vector<std::pair<const Word*, std::size_t>> place_figures(const RowBuild& row,
                                                                 const std::vector<Column>& columns,
                                                                 const Side& side,
                                                                 const Table& table) {
    std::vector<std::size_t> amount;
    for (const std::size_t k : side.columns) {
      if (columns[k].kind == ColKind::amount) amount.push_back(k);
    }
    // A figure's distance from its column's header, with its line put back where the rows
    // are. The header's lowest line is the one over the figures: words above it may lean over
    // a neighbour (一般公共预算基本支出 over 人员经费 and half of 公用经费).
    const auto distance = [&](const Word& w, std::size_t k) {
      const Word& h = *columns[k].fragments.back();
      return std::max({0.0, h.left - (w.right + row.shift), (w.left + row.shift) - h.right});
    };
    std::vector<std::pair<const Word*, std::size_t>> placed;
    std::vector<const Word*> figures = row.figures;
    std::stable_sort(figures.begin(), figures.end(), [](const Word* a, const Word* b) {
      return std::tie(a->page, a->top, a->left) < std::tie(b->page, b->top, b->left);
    });
    for (std::size_t from = 0; from < figures.size();) {
      std::size_t to = from;
      while (to < figures.size() && figures[to]->page == figures[from]->page &&
             figures[to]->top == figures[from]->top) {
        ++to;
      }
      const std::size_t n = to - from;
      const std::size_t m = amount.size();
      if (n == m) {
        // As many figures as columns: the order alone places them (a page that pdftotext laid
        // out narrower than the header's page).
        for (std::size_t i = 0; i < n; ++i) placed.emplace_back(figures[from + i], amount[i]);
        from = to;
        continue;
      }
      if (n > m) {
        for (std::size_t i = from; i < to; ++i) {
          problems_for_word(*figures[i], table, "一行中的数字多于金额栏：未读");
        }
        from = to;
        continue;
      }
      // cost[i][j]: the least total distance placing figures from..from+i-1 in the first j
      // columns.
      constexpr double inf = std::numeric_limits<double>::infinity();
      std::vector<std::vector<double>> cost(n + 1, std::vector<double>(m + 1, inf));
      for (std::size_t j = 0; j <= m; ++j) cost[0][j] = 0;
      for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = i; j <= m; ++j) {
          cost[i][j] = std::min(
              cost[i][j - 1], cost[i - 1][j - 1] + distance(*figures[from + i - 1], amount[j - 1]));
        }
      }
      for (std::size_t i = n, j = m; i > 0; --j) {
        if (cost[i][j] == cost[i][j - 1] && j > i) continue;
        const Word& w = *figures[from + i - 1];
        const Word& h = *columns[amount[j - 1]].fragments.back();
        if (distance(w, amount[j - 1]) > (h.right - h.left) + (w.right - w.left)) {
          problems_for_word(w, table, "数字不在任何金额栏下：未读");
        } else {
          placed.emplace_back(&w, amount[j - 1]);
        }
        --i;
      }
      from = to;
    }
    std::vector<std::pair<const Word*, std::size_t>> unique;
    for (const auto& figure : placed) {
      const std::size_t column = figure.second;
      const auto same = std::find_if(unique.begin(), unique.end(),
                                     [column](const auto& u) { return u.second == column; });
      if (same != unique.end()) {
        problems_for_word(
            *figure.first, table,
            "与“" + same->first->text + "”同在“" + columns[column].header + "”栏的同一行：未读");
        continue;
      }
      unique.push_back(figure);
    }
    return unique;
  }

  void problems_for_word(const Word& w, const Table& table, std::string message) {
    out_.problems.push_back(TableProblem{w.page, w.line, table.title, w.text, std::move(message)});
  }

  void finish_row(Table& table, const std::vector<Column>& columns, const Side& side,
                  const RowBuild& r) {
    TableRow row;
    row.label = r.label;
    const std::string name = plain(squeeze(r.label));
    if (!r.code.empty()) {
      row.code = r.code;
    } else if (is_total_table(table.role) || is_three_public(table.role)) {
      if (auto m = total_row_meaning(name, side.income, is_fiscal_total(table.role))) {
        row.concept_id = m->concept_id;
        if (!m->fund.empty()) row.dims.set("fund", m->fund);
        const bool fund_part =
            row.concept_id.starts_with("income.") && row.concept_id != "income.fiscal" &&
            row.concept_id != "income.total" && row.concept_id != "income.grand_total";
        if (fund_part && !last_balance_.empty()) {
          // 年初财政拨款结转和结余 is followed by its funds: 一、一般公共预算财政拨款 …
          row.dims.set("fund", row.concept_id.substr(std::string_view("income.").size()));
          row.concept_id = last_balance_;
        } else {
          last_balance_ = row.concept_id.starts_with("balance.") ? row.concept_id : std::string();
        }
      } else if (const std::string code = class_code_of(name, table.year);
                 !code.empty() && !side.income) {
        row.code = code;
        row.concept_id = is_fiscal_total(table.role) ? "expenditure.fiscal" : "expenditure.total";
      }
    } else if (name.ends_with("合计") && name != "合计") {
      // 人员经费合计 / 公用经费合计 under an economic table: the concept of that name.
      const std::string_view of(name.data(), name.size() - std::string_view("合计").size());
      for (const Concept& c : concepts()) {
        if (squeeze(c.zh) == of) row.concept_id = std::string(c.id);
      }
    }
    if (is_three_public(table.role) && row.label.empty() && row.code.empty()) row.label = "合计";
    for (const auto& [w, k] : place_figures(r, columns, side, table)) {
      const Column& c = columns[k];
      if (!c.meaning) {
        problems_for_word(*w, table, "栏目“" + c.header + "”的含义未知：未读");
        continue;
      }
      if (row.concept_id.empty() && c.meaning->concept_id.empty()) {
        problems_for_word(*w, table, "行“" + r.label + "”的含义未知：未读");
        continue;
      }
      if (row.code.empty() && row.label.empty()) {
        problems_for_word(*w, table, "数字所在行没有编码或名称：未读");
        continue;
      }
      auto parsed = parse_figure(w->text, Reading::rounded);
      if (!parsed) {
        problems_for_word(*w, table, "不是数字：未读");
        continue;
      }
      if (!parsed->try_interval()) {
        problems_for_word(*w, table, "数字过大，无法核对：未读");
        continue;
      }
      parsed->unit = table.unit;
      TableCellValue cell;
      cell.column = c.meaning->key;
      cell.value = std::move(*parsed);
      if (r.page != table.source.page) cell.page = r.page;
      row.cells.push_back(std::move(cell));
    }
    if (row.code.empty() && row.label.empty() && row.cells.empty()) return;
    // A row that is a concept (一般公共服务支出, 支出总计) under columns that are parts of it
    // (人员经费 公用经费 项目支出): the parts' figures are those parts of the row, not the row's
    // concept. They go to a second row of the same code and label, without the concept.
    TableRow parts;
    constexpr std::array<std::string_view, 6> wholes{
        "expenditure.total", "expenditure.fiscal", "expenditure.grand_total",
        "income.total",      "income.fiscal",      "income.grand_total"};
    if (std::find(wholes.begin(), wholes.end(), row.concept_id) != wholes.end()) {
      const auto is_part = [&](const TableCellValue& cell) {
        const TableColumn* c = table.column(cell.column);
        if (c == nullptr || c->concept_id.empty()) return false;
        constexpr std::array<std::string_view, 4> totals{"expenditure.total", "expenditure.fiscal",
                                                         "income.total", "income.fiscal"};
        return std::find(totals.begin(), totals.end(), c->concept_id) == totals.end();
      };
      parts.code = row.code;
      parts.label = row.label;
      parts.dims = row.dims;
      std::copy_if(row.cells.begin(), row.cells.end(), std::back_inserter(parts.cells), is_part);
      std::erase_if(row.cells, is_part);
    }
    table.rows.push_back(std::move(row));
    if (!parts.cells.empty()) table.rows.push_back(std::move(parts));
  }

  const TableReadOptions& options_;
  std::vector<Line> lines_;
  TableReading out_;
  std::string last_balance_;
  std::int32_t document_year_ = 0;
};

}  // namespace

std::optional<TableRole> table_role_by_title(std::string_view title) {
  const std::string s = squeeze(title);
  const std::string_view core = core_of_title(s);
  for (const TitleForm& f : kTitles) {
    if (f.squeezed == core) return f.role;
  }
  return std::nullopt;
}

TableReading read_tables(std::span<const LaidOutPage> pages, const TableReadOptions& options) {
  TableReading out = Reader(pages, options).run();
  std::sort(out.lines.begin(), out.lines.end());
  out.lines.erase(std::unique(out.lines.begin(), out.lines.end()), out.lines.end());
  return out;
}

}  // namespace fisc
