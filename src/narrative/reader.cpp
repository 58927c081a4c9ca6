// SPDX-License-Identifier: BSL-1.0
// The narrative reader: sentence forms of the 决算说明 to statements (design.md §2, issue 6).
//
// A paragraph is read sentence by sentence (。！？), figure by figure. The words between one
// figure and the next (the lead) say what the next figure is: a concept term names it, a measure
// word (占, 完成预算, 增加, 下降) says what of it the figure measures, a year and 与…相比 say which
// year, a scenario word (年初预算, 决算) which set of figures. What the lead leaves open comes
// from the sentence (the concept named last, the whole a 其中 list divides) and from the
// headings above (一般公共预算财政拨款 gives the fund of the spending under it). A figure whose
// meaning none of this gives is skipped and counted, never guessed.
#include "fisc/narrative/reader.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue.hpp"
#include "fisc/classify/function_code.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/io/encoding.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"
#include "lexicon.hpp"
#include "mentions.hpp"
#include "text.hpp"

namespace fisc {

namespace {

using narrative_detail::find_terms;
using narrative_detail::Fund;
using narrative_detail::is_cjk;
using narrative_detail::is_digit;
using narrative_detail::is_latin;
using narrative_detail::Layout;
using narrative_detail::Match;
using narrative_detail::Paragraph;
using narrative_detail::Place;
using narrative_detail::Term;
using narrative_detail::TermKind;
using narrative_detail::to_utf8;

/// A number in running text, with the unit word after it.
struct Number {
  std::size_t begin = 0;       ///< first digit
  std::size_t digits_end = 0;  ///< after the last digit (and a % sign)
  std::size_t end = 0;         ///< after the unit word
  std::u32string digits;       ///< "950.84", "5751054.00" (separators kept out)
  std::u32string unit;         ///< "万元", "%", "辆", "" …
  bool year = false;           ///< 2020年: a year, not a figure
  bool date = false;           ///< 12月, 31日: part of a date
  bool glued = false;          ///< inside a word of Latin letters (image4.png): not a figure
};

// Unit words, longest first.
constexpr std::u32string_view kUnits[] = {
    U"万元", U"亿元", U"元", U"%",  U"人次", U"批次", U"台（套）", U"平方米", U"个", U"人",
    U"名",   U"辆",   U"次", U"批", U"台",   U"套",   U"项",       U"篇",     U"件", U"期",
    U"户",   U"支",   U"条", U"家", U"所",   U"处",   U"天",       U"余"};

std::optional<Number> number_at(std::u32string_view s, std::size_t i) {
  if (!is_digit(s[i])) return std::nullopt;
  if (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == U'.' || s[i - 1] == U',')) return std::nullopt;
  Number n;
  n.begin = i;
  n.glued = i > 0 && is_latin(s[i - 1]);
  std::size_t j = i;
  while (j < s.size()) {
    if (is_digit(s[j])) {
      n.digits.push_back(s[j]);
      ++j;
    } else if (s[j] == U',' && j + 3 < s.size() && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
               is_digit(s[j + 3]) && (j + 4 >= s.size() || !is_digit(s[j + 4]))) {
      ++j;  // a thousands separator between groups of three
    } else if (s[j] == U'.' && j + 1 < s.size() && is_digit(s[j + 1]) &&
               n.digits.find(U'.') == std::u32string::npos) {
      n.digits.push_back(U'.');
      ++j;
    } else {
      break;
    }
  }
  n.digits_end = j;
  std::size_t k = j;
  while (k < s.size() && s[k] == U' ') ++k;
  if (k < s.size() && is_latin(s[k])) n.glued = true;
  const std::u32string_view rest = s.substr(k);
  if (rest.starts_with(U"年") && n.digits.size() == 4 &&
      n.digits.find(U'.') == std::u32string::npos) {
    n.year = true;
    n.end = k + (rest.starts_with(U"年度") ? 2 : 1);
    return n;
  }
  if (rest.starts_with(U"月") || rest.starts_with(U"日") || rest.starts_with(U"号") ||
      rest.starts_with(U"季度") || rest.starts_with(U"年")) {
    n.date = true;
    n.end = k + 1;
    return n;
  }
  for (const auto unit : kUnits) {
    if (rest.starts_with(unit)) {
      n.unit = unit;
      n.end = k + unit.size();
      if (unit == U"%") n.digits_end = n.end;
      return n;
    }
  }
  n.end = j;
  return n;
}

std::string_view fund_name(Fund f) {
  switch (f) {
    case Fund::general_budget: return "general_budget";
    case Fund::government_fund: return "government_fund";
    case Fund::state_capital: return "state_capital";
    case Fund::none:
    case Fund::all_fiscal: break;
  }
  return {};
}

std::string_view income_of(Fund f) {
  switch (f) {
    case Fund::general_budget: return "income.general_budget";
    case Fund::government_fund: return "income.government_fund";
    case Fund::state_capital: return "income.state_capital";
    case Fund::all_fiscal: return "income.fiscal";
    case Fund::none: break;
  }
  return "income.total";
}

/// The fund a heading's words name, for the spending under it.
Fund fund_of_words(std::u32string_view words) {
  if (words.find(U"一般公共预算") != std::u32string_view::npos) return Fund::general_budget;
  if (words.find(U"政府性基金") != std::u32string_view::npos) return Fund::government_fund;
  if (words.find(U"国有资本经营") != std::u32string_view::npos) return Fund::state_capital;
  if (words.find(U"财政拨款") != std::u32string_view::npos ||
      words.find(U"财政资金") != std::u32string_view::npos) {
    return Fund::all_fiscal;
  }
  return Fund::none;
}

/// Concepts whose figures a fund heading (一般公共预算财政拨款…) qualifies.
bool takes_fund(std::string_view id) {
  return id == "expenditure.fiscal" || id == "expenditure.basic" ||
         id == "expenditure.basic.personnel" || id == "expenditure.basic.public_expense" ||
         id == "expenditure.project" || id.starts_with("three_public.");
}

bool is_count_concept(std::string_view id) {
  const Concept* c = find_concept(id);
  return c != nullptr && c->quantity == Quantity::count;
}

/// The money concept of a concept named in a 三公 sentence: the counts of receptions and
/// purchases have amounts beside them, and 支出 after 公务接待 is the reception's. Empty when
/// the concept has no such money.
std::string_view money_of(std::string_view id) {
  if (id == "three_public.vehicles.purchased") return "three_public.vehicles.purchase";
  if (id.starts_with("three_public.reception.foreign")) return "three_public.reception.foreign";
  if (id.starts_with("three_public.reception")) return "three_public.reception";
  if (id.starts_with("three_public.overseas_travel")) return "three_public.overseas_travel";
  if (id == "three_public.vehicles.held") return {};
  if (id.starts_with("three_public.") || id == "office_running") return id;
  return {};
}

/// The list after a count: "个职能股室（局）：干部股、…、办公室；" gives its names; nothing
/// when no colon follows the counted words.
std::optional<std::vector<std::string>> list_after(std::u32string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size() && i < from + 24 && text[i] != U'：') {
    if (text[i] == U'，') {
      // "项目7个，分别为：A、B": the list may follow a comma and 分别为 / 包括.
      const auto rest = text.substr(i + 1);
      if (rest.starts_with(U"分别为") || rest.starts_with(U"分别是") || rest.starts_with(U"包括") ||
          rest.starts_with(U"具体为")) {
        ++i;
        continue;
      }
    }
    if (std::u32string_view(U"，；。、").find(text[i]) != std::u32string_view::npos) {
      return std::nullopt;
    }
    ++i;
  }
  if (i >= text.size() || text[i] != U'：') return std::nullopt;
  const std::size_t b = i + 1;
  std::size_t e = b;
  while (e < text.size() && text[e] != U'；' && text[e] != U'。' && text[e] != U'，') ++e;
  std::vector<std::string> items;
  std::size_t start = b;
  for (std::size_t k = b; k <= e; ++k) {
    if (k == e || text[k] == U'、') {
      std::u32string_view item = text.substr(start, k - start);
      while (!item.empty() && item.front() == U' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == U' ') item.remove_suffix(1);
      if (item.ends_with(U"等")) item.remove_suffix(1);
      if (!item.empty()) items.push_back(to_utf8(item));
      start = k + 1;
    }
  }
  if (items.empty()) return std::nullopt;
  return items;
}

/// A 类/款/项 the text names, by its name in the classification.
struct ClassName {
  std::u32string name;
  std::string code;
  /// The 款/项 names as written when the classification does not know them: the figure is then
  /// the class's code with the names as the dimension `line`, its own fact, in no class's sum.
  std::string line;
};

class Reader {
 public:
  Reader(const NarrativeOptions& options, const Layout& layout, std::int32_t year, ReportKind kind)
      : options_(options), layout_(layout), year_(year), kind_(kind) {
    for (const auto& entry : Catalogue::builtin().entries()) {
      const auto* f = std::get_if<FunctionCode>(&entry.code);
      if (f == nullptr || !entry.years.contains(year) || to_string(entry.code).size() != 3)
        continue;
      classes_.push_back({narrative_detail::to_u32(entry.name), to_string(entry.code), {}});
    }
    std::sort(classes_.begin(), classes_.end(),
              [](const ClassName& a, const ClassName& b) { return a.name.size() > b.name.size(); });
  }

  void read(NarrativeReading& out) {
    out_ = &out;
    for (const Paragraph& p : layout_.paragraphs) paragraph(p);
    for (const auto& other : layout_.others) other_line(other);
    for (const auto& block : layout_.tables) table(block);
  }

 private:
  // The state of one sentence.
  struct Sentence {
    std::int32_t year = 0;
    std::int32_t prior_year = 0;
    bool comparing = false;          // between 与2019年 and 相比: figures of the prior year
    Fund fund = Fund::none;          // the last qualifier
    std::optional<FactKey> subject;  // the key of the last value stated
    std::vector<FactKey> subjects;   // all keys of the last value (收、支总计 gives two)
    std::optional<FactKey> whole;    // what a 其中 list divides
    std::optional<FactKey> last_change;
    Direction last_direction = Direction::none;
    std::string function;       // a 类/款/项 code in force
    std::string function_line;  // its 款/项 names when the classification lacks them
    Dimensions dims;            // dims set by dim terms (轿车, 国内…)
    std::string count_concept;  // the count family in force (staffing.staffed, assets.vehicles…)
    std::string named;          // the concept named last in the sentence
    bool value_before = false;  // the figure before this one in the sentence is a value
    std::optional<Scenario> prior_scenario;  // of the prior year's figure the sentence states
    bool items = false;                      // in a 具体内容包括 list
    std::string item;                        // the item named in this clause
    std::vector<std::string> item_names;
    std::optional<Fact> batches;  // 国内公务接待4批次: the count the items enumerate
  };

  const NarrativeOptions& options_;
  const Layout& layout_;
  std::int32_t year_;
  ReportKind kind_;
  std::vector<ClassName> classes_;
  NarrativeReading* out_ = nullptr;
  std::string project_;             // the project a paragraph describes
  std::vector<Match> lead_terms_;   // reused by each figure
  std::vector<Match> after_terms_;  // reused by each figure

  Source source_at(const Paragraph& p, std::size_t begin, std::size_t end) const {
    Source s;
    s.file = options_.file;
    s.section = layout_.headings[p.heading].section;
    const Place at = p.places[begin];
    s.span = TextSpan{at.line, at.column, static_cast<std::uint32_t>(end - begin)};
    return s;
  }

  void skip(const Paragraph& p, const Number& n, std::string reason) {
    const Place at = p.places[n.begin];
    out_->skipped.push_back(
        {TextSpan{at.line, at.column, static_cast<std::uint32_t>(n.end - n.begin)},
         to_utf8(std::u32string_view(p.original).substr(n.begin, n.end - n.begin)),
         std::move(reason)});
  }

  /// A 项目支出绩效目标完成情况表 flattened one cell per line (the seed's form): labels
  /// (项目名称, 预算数:, 其中-财政拨款:, 年度目标完成情况, 绩效指标完成情况…) and the cells after
  /// them.
  void table(const narrative_detail::TableBlock& block) {
    using narrative_detail::Cell;
    const auto& cells = block.cells;
    ProjectPerformance project;
    std::string section = layout_.headings[block.heading].section;
    const auto folded = [](const Cell& c) {
      std::u32string f(c.text.size(), U' ');
      std::transform(c.text.begin(), c.text.end(), f.begin(), narrative_detail::fold);
      return f;
    };
    const auto placed_text = [&](const Cell& c) {
      Source s;
      s.file = options_.file;
      s.section = section;
      s.span = TextSpan{c.line, c.column, static_cast<std::uint32_t>(c.text.size())};
      return PlacedText{to_utf8(c.text), s};
    };
    // The cell after `i` when it is a figure in the table's unit.
    const auto figure_after = [&](std::size_t i) -> std::optional<PlacedFigure> {
      if (i + 1 >= cells.size() || cells[i + 1].text.empty()) return std::nullopt;
      auto value = parse_decimal(to_utf8(folded(cells[i + 1])));
      if (!value) return std::nullopt;
      Stated st;
      st.value = *value;
      st.unit = project.amount_unit;
      st.reading = project.amount_unit == Unit::yuan ? Reading::exact : Reading::rounded;
      st.text = to_utf8(cells[i + 1].text);
      return PlacedFigure{st, placed_text(cells[i + 1]).source};
    };
    const auto next_text = [&](std::size_t i) -> std::optional<std::size_t> {
      for (std::size_t k = i + 1; k < cells.size(); ++k) {
        if (!cells[k].text.empty()) return k;
      }
      return std::nullopt;
    };
    int fiscal_seen = 0;
    int other_seen = 0;
    std::size_t i = 0;
    for (; i < cells.size(); ++i) {
      const std::u32string f = folded(cells[i]);
      if (f == U"项目名称") {
        if (auto k = next_text(i)) {
          project.name = to_utf8(cells[*k].text);
          section += " " + to_utf8(block.title) + "（" + project.name + "）";
          i = *k;
        }
      } else if (f == U"预算单位" || f == U"实施单位") {
        if (auto k = next_text(i)) {
          project.unit = to_utf8(cells[*k].text);
          i = *k;
        }
      } else if (f.starts_with(U"预算执行情况")) {
        project.amount_unit = f.find(U"万元") != std::u32string::npos ? Unit::wan : Unit::yuan;
      } else if (f.starts_with(U"预算数") || f.starts_with(U"全年预算数")) {
        project.budget.total = figure_after(i);
      } else if (f.starts_with(U"执行数")) {
        project.executed.total = figure_after(i);
      } else if (f.starts_with(U"其中-财政拨款") || f.starts_with(U"其中：财政拨款")) {
        (fiscal_seen++ == 0 ? project.budget : project.executed).fiscal = figure_after(i);
      } else if (f.starts_with(U"其它资金") || f.starts_with(U"其他资金")) {
        (other_seen++ == 0 ? project.budget : project.executed).other = figure_after(i);
      } else if (f == U"实际完成目标") {
        // 年度目标完成情况 / 预期目标 / 实际完成目标, then the two goals.
        const auto a = next_text(i);
        const auto b = a ? next_text(*a) : std::nullopt;
        if (a && b) {
          project.goal_expected = placed_text(cells[*a]);
          project.goal_achieved = placed_text(cells[*b]);
          i = *b;
        }
      } else if (f.starts_with(U"实际完成指标值")) {
        ++i;
        break;  // the indicator rows follow
      }
    }
    // Rows: the cells between two empty cells, 一级 / 二级 / 三级指标, 预期值, 实际值 (a row
    // without its 一级指标 continues the one above).
    std::vector<const Cell*> row;
    std::string level1;
    const auto end_row = [&] {
      if (row.size() == 5 || row.size() == 4) {
        Indicator ind;
        std::size_t k = 0;
        if (row.size() == 5) level1 = to_utf8(row[k++]->text);
        ind.level1 = level1;
        ind.level2 = to_utf8(row[k++]->text);
        ind.level3 = to_utf8(row[k++]->text);
        ind.target = placed_text(*row[k++]);
        ind.actual = placed_text(*row[k]);
        project.indicators.push_back(std::move(ind));
      } else {
        for (const Cell* c : row) skip_cell(*c, "绩效指标行的格子数不对，未读");
      }
      row.clear();
    };
    for (; i < cells.size(); ++i) {
      if (cells[i].text.empty()) {
        if (!row.empty()) end_row();
      } else {
        row.push_back(&cells[i]);
      }
    }
    if (!row.empty()) end_row();
    if (project.name.empty()) {
      for (const Cell& c : cells) skip_cell(c, "表格没有项目名称，未读");
      return;
    }
    project.source.file = options_.file;
    project.source.section = section;
    project.source.span =
        TextSpan{block.line, block.column, static_cast<std::uint32_t>(block.title.size())};
    for (auto* funds : {&project.budget, &project.executed}) {
      for (auto* fig : {&funds->total, &funds->fiscal, &funds->other}) {
        if (*fig) (*fig)->source.section = section;
      }
    }
    if (project.goal_expected) project.goal_expected->source.section = section;
    if (project.goal_achieved) project.goal_achieved->source.section = section;
    for (Indicator& ind : project.indicators) {
      ind.target.source.section = section;
      if (ind.actual) ind.actual->source.section = section;
    }
    out_->report.performance.projects.push_back(std::move(project));
  }

  void skip_cell(const narrative_detail::Cell& c, const char* reason) {
    std::u32string f(c.text.size(), U' ');
    std::transform(c.text.begin(), c.text.end(), f.begin(), narrative_detail::fold);
    for (std::size_t i = 0; i < f.size(); ++i) {
      const auto n = number_at(f, i);
      if (!n) continue;
      if (!n->year && !n->date) {
        out_->skipped.push_back({TextSpan{c.line, static_cast<std::uint32_t>(c.column + i),
                                          static_cast<std::uint32_t>(n->end - i)},
                                 to_utf8(std::u32string_view(c.text).substr(i, n->end - i)),
                                 reason});
      }
      i = n->end - 1;
    }
  }

  void other_line(const narrative_detail::OtherLine& line) {
    std::u32string folded(line.original.size(), U' ');
    std::transform(line.original.begin(), line.original.end(), folded.begin(),
                   narrative_detail::fold);
    for (std::size_t i = 0; i < folded.size(); ++i) {
      const auto n = number_at(folded, i);
      if (!n) continue;
      if (!n->year && !n->date) {
        out_->skipped.push_back(
            {TextSpan{line.line, static_cast<std::uint32_t>(i + 1),
                      static_cast<std::uint32_t>(n->end - i)},
             to_utf8(std::u32string_view(line.original).substr(i, n->end - i)),
             line.table ? "表格行中的数字（表格未读）" : "页眉、页码或图片说明中的数字"});
      }
      i = n->end == 0 ? i : n->end - 1;
    }
  }

  std::optional<ClassName> class_in(std::u32string_view lead) const {
    // "X（类）" names a 类 by the words before the mark; otherwise a 类's own name.
    const auto mark = lead.rfind(U"（类）");
    if (mark != std::u32string_view::npos) {
      std::size_t b = mark;
      while (b > 0 && is_cjk(lead[b - 1])) --b;
      std::u32string name(lead.substr(b, mark - b));
      for (const auto& c : classes_) {
        if (c.name != name && c.name != name + U"支出") continue;
        // "…（类）政府办公厅（室）及相关机构事务（款）行政运行（项）": the 款 and 项 under it.
        ClassName found = c;
        std::size_t from = mark + 3;
        for (const std::u32string_view level :
             {std::u32string_view(U"（款）"), std::u32string_view(U"（项）")}) {
          const auto at = lead.find(level, from);
          if (at == std::u32string_view::npos) break;
          const std::string sub = to_utf8(lead.substr(from, at - from));
          std::string code;
          for (const AnyCode& candidate :
               Catalogue::builtin().find_by_name(sub, year_, NameMatch::normalised)) {
            const std::string digits = to_string(candidate);
            if (digits.starts_with(found.code) && digits.size() == found.code.size() + 2)
              code = digits;
          }
          if (code.empty()) {
            const auto last = lead.rfind(U'）');
            found.line = to_utf8(lead.substr(
                mark + 3, last == std::u32string_view::npos ? 0 : last + 1 - (mark + 3)));
            return found;
          }
          found.code = code;
          from = at + 3;
        }
        return found;
      }
    }
    // Every 类's name ends in 支出: a lead without it names none.
    if (lead.find(U"支出") == std::u32string_view::npos) return std::nullopt;
    std::optional<ClassName> best;
    std::size_t best_at = 0;
    for (const auto& c : classes_) {
      const auto at = lead.rfind(c.name);
      if (at != std::u32string_view::npos && (!best || at > best_at)) {
        best = c;
        best_at = at;
      }
    }
    if (best) return with_dashed_path(lead, best_at, *best);
    return best;
  }

  // "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目": the 款 and 项 after a 类's
  // name, joined by dashes (上海's 预算说明). Names the catalogue does not know under the 类 are
  // kept as the dimension `line`.
  [[nodiscard]] ClassName with_dashed_path(std::u32string_view lead, std::size_t at,
                                           ClassName found) const {
    const auto dash = [](char32_t c) { return c == U'-' || c == U'－' || c == U'—' || c == U'–'; };
    const auto in_name = [](char32_t c) {
      return is_cjk(c) || c == U'（' || c == U'）' || c == U'(' || c == U')' || c == U'、';
    };
    std::size_t i = at + found.name.size();
    const std::size_t path_begin = i;
    for (int level = 0; level < 2 && i < lead.size() && dash(lead[i]); ++level) {
      std::size_t end = i + 1;
      while (end < lead.size() && in_name(lead[end])) ++end;
      const std::string sub = to_utf8(lead.substr(i + 1, end - i - 1));
      std::string code;
      for (const AnyCode& candidate :
           Catalogue::builtin().find_by_name(sub, year_, NameMatch::normalised)) {
        const std::string digits = to_string(candidate);
        if (digits.starts_with(found.code) && digits.size() == found.code.size() + 2) code = digits;
      }
      if (code.empty()) {
        std::size_t path_end = end;
        while (path_end < lead.size() && (dash(lead[path_end]) || in_name(lead[path_end]))) {
          ++path_end;
        }
        found.line = to_utf8(lead.substr(path_begin + 1, path_end - path_begin - 1));
        return found;
      }
      found.code = code;
      i = end;
    }
    return found;
  }

  void paragraph(const Paragraph& p) {
    const std::u32string_view text = p.text;
    const auto& heading = layout_.headings[p.heading];
    const Fund section_fund = fund_of_words(heading.context);
    std::size_t start = 0;
    std::optional<FactKey> carried_subject;
    std::vector<FactKey> carried_subjects;
    std::optional<FactKey> carried_whole;
    std::string carried_function;
    std::string carried_line;
    // "1、一般公共服务支出（类）财政事务（款）行政运行（项）。" printed as a numbered heading:
    // it names the 类/款/项 of the sentences under it.
    if (heading.text.find(U"（类）") != std::u32string::npos) {
      if (const auto c = class_in(heading.text)) {
        carried_function = c->code;
        carried_line = c->line;
        // A heading broken before its last mark: "…（款）行政单位离退休" or "…（款）", with
        // "（项）。" or "行政单位离退休（项）。" starting the paragraph under it. The 项 is the
        // words between the last mark and （项）; unknown under the 款, they are the line.
        const std::u32string_view h = heading.text;
        const auto last_mark = h.rfind(U'）');
        if (c->line.empty() && last_mark != std::u32string_view::npos) {
          std::u32string name(h.substr(last_mark + 1));
          const auto item = text.find(U"（项）");
          if (item != std::u32string_view::npos && item < 24 &&
              item < text.find_first_of(U"。：；")) {
            name += text.substr(0, item);
          }
          if (!name.empty()) {
            carried_line = to_utf8(name);
            for (const AnyCode& candidate :
                 Catalogue::builtin().find_by_name(carried_line, year_, NameMatch::normalised)) {
              const std::string digits = to_string(candidate);
              if (digits.starts_with(c->code) && digits.size() == c->code.size() + 2) {
                carried_function = digits;
                carried_line.clear();
              }
            }
          }
        }
      }
    }
    project_.clear();
    while (start < text.size()) {
      std::size_t stop = text.find_first_of(U"。！？", start);
      if (stop == std::u32string_view::npos) stop = text.size();
      Sentence s;
      s.year = year_;
      s.subject = carried_subject;
      s.subjects = carried_subjects;
      s.whole = carried_whole;
      s.function = carried_function;
      s.function_line = carried_line;
      sentence(p, start, stop, section_fund, s);
      carried_function = s.function;
      carried_line = s.function_line;
      carried_subject = s.subject;
      carried_subjects = s.subjects;
      carried_whole = s.whole;
      start = stop + 1;
    }
  }

  FactKey key_of(std::string_view concept_id, const Sentence& s, Fund fund, Fund section_fund,
                 const Dimensions& term_dims) const {
    FactKey k;
    k.concept_id = std::string(concept_id);
    k.year = s.comparing && s.prior_year != 0 ? s.prior_year : s.year;
    k.scenario = kind_ == ReportKind::budget ? Scenario::budget : Scenario::actual;
    k.dims = term_dims;
    if (takes_fund(concept_id) && !k.dims.get("fund")) {
      const Fund f = fund != Fund::none && fund != Fund::all_fiscal ? fund : section_fund;
      if (!fund_name(f).empty() &&
          (concept_id != "expenditure.fiscal" || fund != Fund::all_fiscal)) {
        k.dims.set("fund", fund_name(f));
      }
    }
    if (concept_id == "expenditure.fiscal" && !s.function.empty()) {
      k.dims.set("function", s.function);
      k.dims.set("line", s.function_line);
    }
    return k;
  }

  void sentence(const Paragraph& p, std::size_t begin, std::size_t end, Fund section_fund,
                Sentence& s) {
    const std::u32string_view text = std::u32string_view(p.text).substr(0, end);
    // Project paragraphs: "X项目绩效目标完成情况综述。项目全年预算数…".
    {
      const auto at = text.find(U"项目绩效目标完成情况", begin);
      if (at != std::u32string_view::npos && at < end) {
        std::size_t b = begin;
        while (b < at && (text[b] == U' ' || text[b] == U'\t')) ++b;
        while (b < at && is_digit(text[b])) ++b;  // "2干部人才培训项目": a list number
        while (b < at && (text[b] == U'.' || text[b] == U'、')) ++b;
        project_ = to_utf8(std::u32string_view(p.original).substr(b, at - b));
      }
    }
    // "一般公共服务支出（类）…（项）。年初预算为…": a sentence that only names a 类, 款 or 项
    // names it for the sentences after it.
    const std::u32string_view whole_sentence = text.substr(begin);
    if (whole_sentence.find(U"（类）") != std::u32string_view::npos &&
        whole_sentence.find_first_of(U"0123456789") == std::u32string_view::npos) {
      if (const auto c = class_in(whole_sentence)) {
        s.function = c->code;
        s.function_line = c->line;
      }
    }
    std::size_t lead_begin = begin;
    std::size_t i = begin;
    while (i < end) {
      const auto n = number_at(text, i);
      if (!n) {
        ++i;
        continue;
      }
      if (n->year) {
        year_token(text, lead_begin, *n, s);
        i = n->end;
        continue;
      }
      if (n->date) {
        i = n->end;
        continue;
      }
      figure(p, text.substr(0, end), lead_begin, *n, section_fund, s);
      lead_begin = n->end;
      i = n->end;
    }
    // The words after the last figure: a claim without a figure.
    trailing(p, lead_begin, end, s);
    // 国内公务接待4批次…具体内容包括：A…，B…: the count and the items it counts.
    if (s.batches && !s.item_names.empty()) {
      out_->report.enumerations.push_back(
          Enumeration{s.batches->key.concept_id, s.batches->key.year, s.batches->key.dims,
                      s.batches->value, s.item_names, s.batches->source});
    }
  }

  void year_token(std::u32string_view text, std::size_t lead_begin, const Number& n, Sentence& s) {
    std::int32_t y = 0;
    for (const char32_t c : n.digits) y = y * 10 + static_cast<std::int32_t>(c - U'0');
    const std::u32string_view before = text.substr(lead_begin, n.begin - lead_begin);
    if (s.items) return;  // 党建杂志社来米易开展2021年党刊宣传: a year inside an item's name
    // 与2019年度收入1076.14万元…相比, 比2023年执行数2,236.9万元增加…: the year compared with;
    // figures before 相比 or the change word are that year's.
    if (before.ends_with(U"与") || before.ends_with(U"同") || before.ends_with(U"比") ||
        before.ends_with(U"较")) {
      s.prior_year = y;
      s.comparing = true;
    } else {
      s.year = y;
      s.comparing = false;
    }
  }

  void trailing(const Paragraph& p, std::size_t begin, std::size_t end, Sentence& s) {
    std::vector<Match> m;
    find_terms(std::u32string_view(p.text).substr(begin, end - begin), begin, m);
    for (const Match& x : m) {
      std::optional<ClaimKind> kind;
      switch (x.term->kind) {
        case TermKind::unchanged: kind = ClaimKind::unchanged; break;
        case TermKind::differs:
          kind = x.term->value == "above"   ? ClaimKind::above_budget
                 : x.term->value == "below" ? ClaimKind::below_budget
                                            : ClaimKind::differs_from_budget;
          break;
        case TermKind::agrees: kind = ClaimKind::equals_budget; break;
        case TermKind::increase: kind = ClaimKind::increased; break;
        case TermKind::decrease: kind = ClaimKind::decreased; break;
        default: break;
      }
      if (!kind) continue;
      const bool change_claim = *kind == ClaimKind::increased || *kind == ClaimKind::decreased;
      // 增加 after 与2019年相比 with no figure; not a reason's "支出增加".
      if (change_claim && s.prior_year == 0) continue;
      // A claim follows its comparison directly (与2019年相比增加); a change word further on
      // gives a reason (压缩接待开支，降低运行成本).
      {
        std::u32string_view before = std::u32string_view(p.text).substr(begin, x.begin - begin);
        while (!before.empty() && (before.back() == U'，' || before.back() == U' '))
          before.remove_suffix(1);
        if (change_claim && !(before.ends_with(U"相比") || before.ends_with(U"相比较") ||
                              before.ends_with(U"年") || before.ends_with(U"年度"))) {
          continue;
        }
      }
      std::vector<FactKey> keys;
      // The concept named in the words before the claim, or the subject.
      std::vector<Match> named;
      find_terms(std::u32string_view(p.text).substr(begin, x.begin - begin), begin, named);
      const auto last = std::find_if(named.rbegin(), named.rend(), [](const Match& candidate) {
        return candidate.term->kind == TermKind::concept_term;
      });
      if (last != named.rend()) {
        keys.push_back(key_of(last->term->concept_id, s, s.fund,
                              fund_of_words(layout_.headings[p.heading].context),
                              term_dims(*last->term)));
      }
      if (keys.empty()) {
        if (*kind == ClaimKind::differs_from_budget && s.whole) {  // 不一致 of a whole
          keys.push_back(*s.whole);
        } else {
          keys = s.subjects;
        }
      }
      for (FactKey k : keys) {
        k.measure = Measure::value;
        k.prior_year = 0;
        if (*kind == ClaimKind::unchanged || change_claim)
          k.prior_year = s.prior_year != 0 ? s.prior_year : k.year - 1;
        k.year = s.year;
        out_->report.claims.push_back(Claim{
            k, *kind, to_utf8(std::u32string_view(p.original).substr(x.begin, x.end - x.begin)),
            source_at(p, x.begin, x.end)});
      }
    }
  }

  static Dimensions term_dims(const Term& t) {
    Dimensions d;
    if (t.kind == TermKind::concept_term && !t.dim.empty()) d.set(t.dim, t.value);
    if (t.kind == TermKind::concept_term && t.fund != Fund::none && t.fund != Fund::all_fiscal &&
        t.concept_id == "expenditure.fiscal") {
      d.set("fund", fund_name(t.fund));
    }
    return d;
  }

  void figure(const Paragraph& p, std::u32string_view text, std::size_t lead_begin, const Number& n,
              Fund section_fund, Sentence& s) {
    if (n.glued) {
      skip(p, n, "字母中的数字（图片说明或乱码）");
      return;
    }
    if (n.unit == U"余" || (n.end < text.size() && text[n.end] == U'多')) {
      skip(p, n, "约数（…余、…多）不是所列数额");
      return;
    }
    if (n.unit.empty() && n.begin == lead_begin && lead_begin > 0) {
      skip(p, n, "紧跟在另一个数字之后的数字");
      return;
    }
    const std::u32string_view lead = text.substr(lead_begin, n.begin - lead_begin);
    std::vector<Match>& terms = lead_terms_;
    terms.clear();
    find_terms(lead, lead_begin, terms);
    // The words after the figure, to the next punctuation: counts name what they count there
    // (设10个职能股室, 对20个项目开展了事前绩效评估).
    std::size_t after_end = n.end;
    while (after_end < text.size() &&
           std::u32string_view(U"，,；：。、（").find(text[after_end]) ==
               std::u32string_view::npos &&
           !is_digit(text[after_end])) {
      ++after_end;
    }
    std::vector<Match>& after = after_terms_;
    after.clear();
    find_terms(text.substr(n.end, after_end - n.end), n.end, after);

    // Lead words, in order: qualifiers, dims, scenario, measure words, comparison ends.
    std::optional<Scenario> scenario;
    TermKind measure_word = TermKind::ignore;
    const Term* concept_term = nullptr;
    std::size_t concept_end = 0;
    bool threshold = false;
    bool both = false;
    bool qualified = false;   // the lead names the funds itself
    bool shares_sum = false;  // 各项占比…合计为100.00%
    const Match* share_at = nullptr;
    for (const Match& m : terms) {
      const Term& t = *m.term;
      switch (t.kind) {
        case TermKind::qualifier:
          s.fund = t.fund;
          qualified = true;
          break;
        case TermKind::dim: s.dims.set(t.dim, t.value); break;
        case TermKind::scenario:
          if (t.value == "initial_budget")
            scenario = Scenario::initial_budget;
          else if (t.value == "adjusted_budget")
            scenario = Scenario::adjusted_budget;
          else if (t.value == "budget")
            scenario = Scenario::budget;
          else
            scenario = Scenario::actual;
          break;
        case TermKind::share:
          measure_word = t.kind;
          share_at = &m;
          break;
        case TermKind::completion: measure_word = t.kind; break;
        case TermKind::increase:
        case TermKind::decrease:
          measure_word = t.kind;
          s.comparing = false;  // 与2019年相比增加 / 比上年增加: the comparison is over
          break;
        case TermKind::compare_end: s.comparing = false; break;
        case TermKind::threshold: threshold = true; break;
        case TermKind::shares_sum: shares_sum = share_at != nullptr; break;
        case TermKind::items: s.items = true; break;
        case TermKind::both_totals:
          both = true;
          if (t.fund != Fund::none) s.fund = t.fund;  // 财政拨款收入支出总计
          concept_term = &t;
          concept_end = m.end;
          break;
        case TermKind::concept_term:
        case TermKind::bare_income:
        case TermKind::bare_spending:
          if (share_at == nullptr) {
            // In a phrase of adjacent terms ("“三公”经费财政拨款支出", "因公出国（境）费支出")
            // the first specific one names the figure; a later bare 支出 or 财政拨款支出 only
            // says it is spending.
            const bool adjacent = concept_term != nullptr && m.begin <= concept_end + 1;
            const bool weak = t.kind != TermKind::concept_term ||
                              (t.concept_id == "expenditure.fiscal" && t.fund == Fund::all_fiscal);
            if (!(adjacent && weak && concept_term->kind == TermKind::concept_term))
              concept_term = &t;
            concept_end = m.end;
            if (t.kind == TermKind::concept_term && t.fund != Fund::none) {
              s.fund = t.fund;
              qualified = true;
            }
          }
          break;
        default: break;
      }
    }
    if (concept_term != nullptr && concept_term->kind == TermKind::concept_term) {
      s.named = concept_term->concept_id;
      s.dims.set("scope", concept_term->dim == "scope" ? concept_term->value : std::string_view());
    }
    // "X合计…中，A…" and "其中：": a concept named before 中 is the whole its parts divide.
    for (const std::u32string_view mark :
         {std::u32string_view(U"中，"), std::u32string_view(U"中：")}) {
      const auto at = lead.find(mark);
      if (at == std::u32string_view::npos) continue;
      for (auto it = terms.rbegin(); it != terms.rend(); ++it) {
        if (it->end > lead_begin + at || it->term->kind != TermKind::concept_term) continue;
        // "“三公”经费财政拨款支出决算中": the specific term of an adjacent pair.
        const auto prev = std::next(it);
        const bool weak =
            it->term->concept_id == "expenditure.fiscal" && it->term->fund == Fund::all_fiscal;
        const Term& t = weak && prev != terms.rend() && prev->end + 1 >= it->begin &&
                                prev->term->kind == TermKind::concept_term
                            ? *prev->term
                            : *it->term;
        s.whole = key_of(t.concept_id, s, t.fund, section_fund, term_dims(t));
        break;
      }
    }
    // In a list of items (具体内容包括：A13人0.22万元，B5人0.08万元), the words before a
    // clause's first figure name its item.
    if (s.items) {
      const auto cut = lead.find_last_of(U"，：；、");
      if (cut != std::u32string_view::npos || lead_begin == 0) {
        const std::size_t from = cut == std::u32string_view::npos ? 0 : cut + 1;
        std::u32string_view name =
            std::u32string_view(p.original).substr(lead_begin + from, lead.size() - from);
        while (!name.empty() && (name.front() == U' ' || name.front() == U'\t'))
          name.remove_prefix(1);
        if (std::any_of(name.begin(), name.end(), is_cjk)) {
          s.item = to_utf8(name);
          s.item_names.push_back(s.item);
        }
      }
    }
    if (shares_sum) {
      skip(p, n, "各项占比之和，不是某一项的占比");
      return;
    }
    if (threshold && (n.unit == U"万元" || n.unit == U"元")) {
      skip(p, n, "单位价值门槛（不是金额）");
      return;
    }
    // A 类 named in the lead.
    if (const auto c = class_in(lead)) {
      s.function = c->code;
      s.function_line = c->line;
      s.fund = s.fund == Fund::none ? section_fund : s.fund;
    }

    // The unit.
    Unit unit = Unit::none;
    Reading reading = Reading::exact;
    if (n.unit == U"万元")
      unit = Unit::wan;
    else if (n.unit == U"亿元")
      unit = Unit::yi;
    else if (n.unit == U"元")
      unit = Unit::yuan;
    else if (n.unit == U"%")
      unit = Unit::percent;
    if (unit == Unit::wan || unit == Unit::yi || unit == Unit::percent) reading = Reading::rounded;
    const bool count = !n.unit.empty() && unit == Unit::none && n.unit != U"余";

    // Which concept, measure and dims.
    Measure measure = Measure::value;
    Direction direction = Direction::none;
    if (measure_word == TermKind::share && unit == Unit::percent)
      measure = Measure::share;
    else if (measure_word == TermKind::completion && unit == Unit::percent)
      measure = Measure::completion_rate;
    else if (measure_word == TermKind::increase || measure_word == TermKind::decrease) {
      measure = unit == Unit::percent ? Measure::change_rate : Measure::change;
      direction = measure_word == TermKind::increase ? Direction::increase : Direction::decrease;
    } else if (unit == Unit::percent && s.last_change && lead.size() <= 2) {
      measure = Measure::change_rate;  // 增加0.57万元，1.28%
      direction = s.last_direction;
    } else if (unit == Unit::percent) {
      skip(p, n, "百分比没有说明是什么的比率");
      return;
    }

    std::vector<FactKey> keys;
    if (count) {
      const auto key = count_key(lead, n, terms, after, s);
      if (!key) {
        skip(p, n, "未识别的计数");
        return;
      }
      keys.push_back(*key);
    } else if (!project_.empty() && (unit == Unit::wan || unit == Unit::yuan || unit == Unit::yi ||
                                     measure == Measure::completion_rate)) {
      FactKey k;
      k.year = s.year;
      k.dims.set("project", project_);
      const bool budget = scenario == Scenario::budget || scenario == Scenario::initial_budget;
      k.concept_id = budget && measure == Measure::value ? "project.budget" : "project.executed";
      k.scenario = budget && measure == Measure::value ? Scenario::budget : Scenario::actual;
      keys.push_back(k);
    } else if (measure == Measure::share) {
      if (!s.subject) {
        skip(p, n, "占比不知是哪一项的");
        return;
      }
      keys.push_back(*s.subject);
    } else if (concept_term != nullptr || !s.function.empty()) {
      keys = concept_keys(concept_term, s, section_fund, both, qualified);
      if (keys.empty()) {
        skip(p, n, "未识别的科目");
        return;
      }
    } else if (measure == Measure::value && s.comparing && s.subject && unit != Unit::percent) {
      // 比2023年执行数2,236.9万元: the prior year's figure of what the sentence is about.
      FactKey k = *s.subject;
      k.year = s.prior_year;
      k.scenario = scenario.value_or(k.scenario);
      keys.push_back(k);
    } else if (measure == Measure::change_rate && s.last_change) {
      keys.push_back(*s.last_change);
    } else if ((measure == Measure::completion_rate || measure == Measure::change ||
                measure == Measure::change_rate) &&
               (s.whole || s.subject)) {
      // 完成预算 right after a value rates that value; after a list of shares, or opening a
      // sentence, the whole the list divides.
      const bool of_whole =
          measure == Measure::completion_rate && s.whole && (!s.value_before || !s.subject);
      keys.push_back(of_whole ? *s.whole : *s.subject);
    } else if (measure == Measure::value && unit != Unit::percent && !money_of(s.named).empty()) {
      // 轿车0辆、金额0万元; 共计支出0.59万元 after 国内公务接待: the money of what is counted.
      keys.push_back(key_of(money_of(s.named), s, s.fund, section_fund, {}));
      for (const auto& [name, value] : s.dims) {
        if (name == "vehicle_kind" || name == "scope") keys.back().dims.set(name, value);
      }
    } else {
      skip(p, n, "未识别的数字（没有对应的科目）");
      return;
    }
    if (s.items && !s.item.empty()) {
      for (auto& k : keys) k.dims.set("item", s.item);
    }

    // The figure.
    auto decimal = parse_decimal(to_utf8(n.digits));
    if (!decimal) {
      skip(p, n, "数字无法读取");
      return;
    }
    Stated figure;
    figure.value = *decimal;
    figure.unit = unit == Unit::none && !count ? Unit::wan : unit;
    if (!count && unit == Unit::none) reading = Reading::rounded;  // a money figure without 万元
    figure.reading = count ? Reading::exact : reading;
    figure.text = to_utf8(std::u32string_view(p.original).substr(n.begin, n.digits_end - n.begin));
    if (direction == Direction::decrease) figure.value = -figure.value;
    if (!figure.try_interval()) {
      // 18 digits and more: the range its rounding allows does not fit fisc's decimals.
      skip(p, n, "数字过大，无法核对");
      return;
    }
    const Source source = source_at(p, n.begin, n.digits_end);

    std::vector<FactKey> values;
    for (FactKey k : keys) {
      k.measure = measure;
      if (measure == Measure::change || measure == Measure::change_rate) {
        k.prior_year = s.prior_year != 0 ? s.prior_year : k.year - 1;
        if (s.comparing) k.year = s.year;
      }
      if (measure == Measure::value && scenario && !count &&
          !k.concept_id.starts_with("project.")) {
        k.scenario = *scenario;
      }
      if (measure == Measure::completion_rate) k.scenario = Scenario::actual;
      if (measure == Measure::value && k.year != s.year && k.year == s.prior_year) {
        s.prior_scenario = k.scenario;
      }
      if ((measure == Measure::change || measure == Measure::change_rate) && s.prior_scenario &&
          *s.prior_scenario != k.scenario) {
        // 预算2,418.65万元，比2023年执行数2,236.9万元增加181.57万元: this year's budget against
        // last year's actual; a fact compares figures of one scenario.
        skip(p, n, "本年预算数与上年执行数之比较（口径不同），不核对");
        return;
      }
      Fact f;
      f.key = k;
      f.value = figure;
      f.source = source;
      f.origin = Origin::statement;
      f.direction = direction;
      if (measure == Measure::share) {
        FactKey base;
        if (share_at != nullptr) {
          // 占本年支出合计的78.46%: the whole is named after 占.
          for (const Match& m : terms) {
            if (m.begin > share_at->begin && m.term->kind == TermKind::concept_term) {
              base = key_of(m.term->concept_id, s, Fund::none, Fund::none, term_dims(*m.term));
              break;
            }
          }
        }
        if (base.concept_id.empty()) {
          if (!s.whole) {
            skip(p, n, "占比不知是占什么的");
            return;
          }
          base = *s.whole;
        }
        base.measure = Measure::value;
        base.year = k.year;
        if (base.concept_id == k.concept_id && base.dims == k.dims) {
          // The whole is the part itself: the sentence that named the whole was not read.
          skip(p, n, "占比不知是占什么的");
          return;
        }
        f.base = base;
      }
      if (count && measure == Measure::value) {
        // 设10个职能股室（局）：干部股、…、办公室: a count with the list it counts.
        if (auto items = list_after(text, n.end)) {
          out_->report.enumerations.push_back(
              Enumeration{k.concept_id, k.year, k.dims, f.value, std::move(*items), f.source});
          continue;
        }
      }
      if (count && k.concept_id.ends_with("reception.batches") && !k.dims.get("item"))
        s.batches = f;
      out_->report.statements.push_back(std::move(f));
      // A prior year's figure (与2019年度收入1076.14万元…相比) is not what the sentence goes on
      // about.
      if (measure == Measure::value && !(s.comparing && k.year == s.prior_year))
        values.push_back(k);
    }
    if (!values.empty()) {
      s.subject = values.front();
      s.subjects = values;
      // "X合计950.84万元，其中：" and "…中，": the value a list of parts divides.
      const std::u32string_view after_text = std::u32string_view(p.text).substr(
          n.end, std::min<std::size_t>(8, p.text.size() - n.end));
      if (after_text.find(U"其中") != std::u32string_view::npos ||
          after_text.find(U"主要用于") != std::u32string_view::npos || !s.whole) {
        s.whole = values.front();
      }
    }
    s.value_before = !values.empty();
    if (measure == Measure::change) {
      s.last_change = keys.front();
      s.last_direction = direction;
    }
  }

  std::vector<FactKey> concept_keys(const Term* t, const Sentence& s, Fund section_fund, bool both,
                                    bool qualified) const {
    std::vector<FactKey> keys;
    const Fund fund = s.fund != Fund::none ? s.fund : section_fund;
    if (both && fund == Fund::all_fiscal) {
      // 财政拨款收、支总计 counts the carry-over in with the year's income: the 总计 of the
      // fiscal funds, not 财政拨款收入.
      for (const std::string_view id : {"income.grand_total", "expenditure.grand_total"}) {
        FactKey k = key_of(id, s, Fund::none, Fund::none, {});
        k.dims.set("fund", "fiscal");
        keys.push_back(k);
      }
      return keys;
    }
    if (both) {
      keys.push_back(key_of(fund == Fund::none ? "income.grand_total" : income_of(fund), s,
                            Fund::none, Fund::none, {}));
      FactKey spend = key_of(fund == Fund::none ? "expenditure.grand_total" : "expenditure.fiscal",
                             s, fund, fund, {});
      keys.push_back(spend);
      return keys;
    }
    if (t == nullptr) {
      keys.push_back(key_of("expenditure.fiscal", s, fund, section_fund, {}));
      return keys;
    }
    switch (t->kind) {
      case TermKind::bare_income:
        keys.push_back(key_of(income_of(fund), s, Fund::none, Fund::none, {}));
        break;
      case TermKind::bare_spending:
        if (!qualified && s.function.empty() && !money_of(s.named).empty()) {
          keys.push_back(key_of(money_of(s.named), s, Fund::none, section_fund, {}));
          for (const auto& [name, value] : s.dims) {
            if (name == "vehicle_kind" || name == "scope") keys.back().dims.set(name, value);
          }
        } else if (fund != Fund::none) {
          keys.push_back(key_of("expenditure.fiscal", s, fund, section_fund, {}));
        } else if (!s.function.empty()) {
          // 支出预算2,863.4万元，其中：一般公共服务支出1,206.38万元: spending of all funds by
          // class.
          FactKey k = key_of("expenditure.total", s, Fund::none, Fund::none, {});
          k.dims.set("function", s.function);
          k.dims.set("line", s.function_line);
          keys.push_back(k);
        } else {
          keys.push_back(key_of("expenditure.total", s, Fund::none, Fund::none, {}));
        }
        break;
      case TermKind::concept_term: {
        if (is_count_concept(t->concept_id)) break;
        keys.push_back(key_of(t->concept_id, s, t->fund == Fund::none ? s.fund : t->fund,
                              section_fund, term_dims(*t)));
        // 轿车0辆、金额0万元: the kind in force qualifies the money too.
        if (auto kind = s.dims.get("vehicle_kind");
            kind && t->concept_id.starts_with("three_public.vehicles")) {
          keys.back().dims.set("vehicle_kind", *kind);
        }
        if (auto scope = s.dims.get("scope");
            scope && t->concept_id.starts_with("three_public.reception")) {
          keys.back().dims.set("scope", *scope);
        }
        break;
      }
      default: break;
    }
    return keys;
  }

  std::optional<FactKey> count_key(std::u32string_view lead_text, const Number& n,
                                   const std::vector<Match>& lead, const std::vector<Match>& after,
                                   Sentence& s) const {
    FactKey k;
    k.year = s.year;
    k.scenario = Scenario::actual;
    std::string id;
    // A term right after the count names it (设10个职能股室, 对20个项目开展了事前绩效评估).
    for (const Match& m : after) {
      if (m.term->kind == TermKind::concept_term && is_count_concept(m.term->concept_id)) {
        id = m.term->concept_id;
        if (!m.term->dim.empty()) k.dims.set(m.term->dim, m.term->value);
        break;
      }
    }
    if (id.empty()) {
      // Otherwise what the lead names, or the sentence named last, counted in this unit.
      std::string_view c =
          s.count_concept.empty() ? std::string_view(s.named) : std::string_view(s.count_concept);
      const Term* before = nullptr;
      for (const Match& m : lead) {
        if (m.term->kind == TermKind::concept_term) before = m.term;
      }
      if (before != nullptr) {
        c = before->concept_id;
        if (!before->dim.empty()) k.dims.set(before->dim, before->value);
      }
      const std::u32string_view u = n.unit;
      const auto clause =
          lead_text.substr(std::min(lead_text.size(), lead_text.find_last_of(U"，、：；") + 1));
      // 绩效自评中共发现问题0个，已经完成整改的0个, 绩效评级为“良”的项目0个: counts of
      // problems and of projects by grade, which fisc has no concept for, not of the projects
      // named before them.
      for (const std::u32string_view other : {U"问题", U"整改", U"评级", U"评为"}) {
        if (clause.find(other) != std::u32string_view::npos) return std::nullopt;
      }
      const bool use_named = std::any_of(lead.begin(), lead.end(), [](const Match& m) {
        return m.term->kind == TermKind::dim && m.term->dim == "vehicle_use";
      });
      bool names_use = false;  // "…用车" other than 公务用车
      for (auto at = clause.find(U"用车"); at != std::u32string_view::npos;
           at = clause.find(U"用车", at + 1)) {
        if (at < 2 || clause.substr(at - 2, 2) != U"公务") names_use = true;
      }
      if (u == U"辆" && names_use && !use_named) {
        return std::nullopt;  // 离退休干部服务用车2辆: a use fisc has no name for
      }
      if (u == U"辆") {
        if (lead_text.find(U"购置") != std::u32string_view::npos ||
            c == "three_public.vehicles.purchase" || c == "three_public.vehicles.purchased") {
          id = "three_public.vehicles.purchased";
        } else if (c.starts_with("three_public.vehicles")) {
          id = "three_public.vehicles.held";
        } else if (c == "assets.vehicles") {
          id = "assets.vehicles";
        }
      } else if (u == U"批次" || u == U"批") {
        if (c.starts_with("three_public.reception.foreign"))
          id = "three_public.reception.foreign.batches";
        else if (c.starts_with("three_public.reception"))
          id = "three_public.reception.batches";
      } else if (u == U"人次" || u == U"人" || u == U"名") {
        if (c.starts_with("three_public.reception.foreign"))
          id = "three_public.reception.foreign.people";
        else if (c.starts_with("three_public.reception"))
          id = "three_public.reception.people";
        else if (c.starts_with("three_public.overseas_travel"))
          id = "three_public.overseas_travel.people";
        else if (c.starts_with("staffing."))
          id = std::string(c);
      } else if (u == U"次" || u == U"个") {
        if (c.starts_with("three_public.overseas_travel"))
          id = "three_public.overseas_travel.groups";
        else if (is_count_concept(c))
          id = std::string(c);
      } else if (u == U"台（套）" || u == U"台" || u == U"套") {
        if (c.starts_with("assets.") && c.find("equipment") != std::string_view::npos)
          id = std::string(c);
      }
    }
    if (id.empty()) return std::nullopt;
    for (const Match& m : lead) {
      if (m.term->kind != TermKind::dim) continue;
      k.dims.set(m.term->dim, m.term->value);
      // 行政人员20名 after 在岗人员35名, 退休人员4名, 离休1名: people by category are in post.
      if (m.term->dim == "category" && id.starts_with("staffing.") &&
          id != "staffing.establishment") {
        id = "staffing.staffed";
      }
    }
    if (id.starts_with("three_public.reception")) {
      if (auto scope = s.dims.get("scope")) k.dims.set("scope", *scope);
    }
    if (s.items && !s.item.empty()) k.dims.set("item", s.item);
    s.count_concept = id;
    s.named = id;
    k.concept_id = id;
    return k;
  }
};

std::int32_t year_of_text(const Layout& layout) {
  std::map<std::int32_t, int> votes;
  auto scan = [&votes](std::u32string_view t, int weight) {
    for (std::size_t i = 0; i + 4 < t.size(); ++i) {
      // "2024年" or, as pdftotext spaces digits inside Chinese, "2024 年".
      std::size_t after = i + 4;
      while (after < t.size() && t[after] == U' ') ++after;
      if (is_digit(t[i]) && is_digit(t[i + 1]) && is_digit(t[i + 2]) && is_digit(t[i + 3]) &&
          after < t.size() && t[after] == U'年' && (i == 0 || !is_digit(t[i - 1]))) {
        const auto y = static_cast<std::int32_t>((t[i] - U'0') * 1000 + (t[i + 1] - U'0') * 100 +
                                                 (t[i + 2] - U'0') * 10 + (t[i + 3] - U'0'));
        if (y >= 1990 && y <= 2100) votes[y] += weight;
      }
    }
  };
  // The title (第二部分 2024年部门预算情况说明) names the year; other headings may name years
  // they compare with.
  for (const auto& h : layout.headings) scan(h.text, h.level == 0 ? 100 : 3);
  for (const auto& p : layout.paragraphs) scan(p.text, 1);
  std::int32_t best = 0;
  int most = 0;
  for (const auto& [y, v] : votes) {
    if (v > most) {
      best = y;
      most = v;
    }
  }
  return best;
}

ReportKind kind_of_text(const Layout& layout) {
  // The document names itself: 部门决算 / 决算情况说明 against 部门预算 / 预算编制说明. Words
  // such as 完成预算 occur in both and do not count.
  int final_votes = 0;
  int budget_votes = 0;
  const auto count = [](std::u32string_view t, std::u32string_view w) {
    int n = 0;
    for (auto at = t.find(w); at != std::u32string_view::npos; at = t.find(w, at + 1)) ++n;
    return n;
  };
  const auto vote = [&](std::u32string_view t) {
    for (const auto w : {U"部门决算", U"单位决算", U"决算情况说明", U"决算说明"})
      final_votes += count(t, w);
    for (const auto w : {U"部门预算", U"单位预算", U"预算情况说明", U"预算编制说明", U"预算说明"}) {
      budget_votes += count(t, w);
    }
  };
  // A document names itself in its title and first paragraphs.
  constexpr std::size_t opening = 20;
  for (const auto& h : layout.headings) vote(h.text);
  for (std::size_t i = 0; i < layout.paragraphs.size() && i < opening; ++i) {
    vote(layout.paragraphs[i].text);
  }
  return budget_votes > final_votes ? ReportKind::budget : ReportKind::final_accounts;
}

/// Figures in 万元 or % written with fewer decimals than the document writes them with
/// (125.3 among figures to 0.01) are read to those decimals: the document dropped the zeros.
void assume_dropped_zeros(std::vector<Fact>& facts) {
  for (const Unit unit : {Unit::wan, Unit::percent}) {
    std::map<int, int> votes;
    for (const Fact& f : facts) {
      if (f.value.unit == unit && f.value.value.decimals() > 0) ++votes[f.value.value.decimals()];
    }
    if (votes.empty()) continue;
    const auto most =
        std::max_element(votes.begin(), votes.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    for (Fact& f : facts) {
      if (f.value.unit == unit && f.value.value.decimals() < most->first) {
        // Not where the decimals would take the figure past fisc's range (16 digits and 2
        // assumed decimals): it keeps the decimals it was written with.
        const Stated assumed = f.value.assume_decimals(most->first);
        if (assumed.try_interval()) f.value = assumed;
      }
    }
  }
}

std::string department_of(std::string_view utf8) {
  // "纳入中共米易县委组织部2020年度部门决算编制范围", "某某局2023年度部门决算".
  const auto text =
      narrative_detail::to_u32(utf8.substr(0, std::min<std::size_t>(utf8.size(), 1U << 16U)));
  for (const std::u32string_view mark :
       {std::u32string_view(U"年度部门决算"), std::u32string_view(U"年部门决算"),
        std::u32string_view(U"年度部门预算"), std::u32string_view(U"年部门预算")}) {
    const auto at = text.find(mark);
    if (at == std::u32string::npos || at < 5) continue;
    std::size_t b = at - 4;  // before the year
    const std::size_t name_end = b;
    while (b > 0 && is_cjk(text[b - 1])) --b;
    std::u32string name = text.substr(b, name_end - b);
    if (name.starts_with(U"纳入")) name.erase(0, 2);
    if (name.size() >= 2) return to_utf8(name);
  }
  return {};
}

}  // namespace

tl::expected<NarrativeReading, LoadError> read_narrative(std::string_view bytes,
                                                         const NarrativeOptions& options) {
  auto decoded = decode_text(bytes, options.file);
  if (!decoded) return tl::unexpected(decoded.error());
  const Layout layout = narrative_detail::lay_out(decoded->text);
  NarrativeReading reading;
  reading.encoding = decoded->encoding;
  Report& report = reading.report;
  report.file = options.file;
  report.year = options.year.value_or(year_of_text(layout));
  report.kind = options.kind.value_or(kind_of_text(layout));
  report.department.name = department_of(decoded->text);
  Reader reader(options, layout, report.year, report.kind);
  reader.read(reading);
  assume_dropped_zeros(report.statements);
  report.mentions = narrative_detail::find_mentions(decoded->text, options.file);
  return reading;
}

tl::expected<NarrativeReading, LoadError> load_narrative(const std::filesystem::path& path,
                                                         NarrativeOptions options) {
  if (options.file.empty()) options.file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected(LoadError{options.file, 0, 0, {}, "cannot open the file"});
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return read_narrative(bytes.str(), options);
}

}  // namespace fisc
