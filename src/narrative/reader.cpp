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
#include "text.hpp"

namespace fisc {

namespace {

using narrative_detail::find_terms;
using narrative_detail::Fund;
using narrative_detail::Layout;
using narrative_detail::Match;
using narrative_detail::Paragraph;
using narrative_detail::Place;
using narrative_detail::Term;
using narrative_detail::TermKind;
using narrative_detail::to_utf8;

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_latin(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }
bool is_cjk(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

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
    U"万元", U"亿元", U"元", U"%",  U"人次", U"批次", U"台（套）", U"台(套)", U"平方米", U"个",
    U"人",   U"名",   U"辆", U"次", U"批",   U"台",   U"套",       U"项",     U"篇",     U"件",
    U"期",   U"户",   U"支", U"条", U"家",   U"所",   U"处",       U"天",     U"余"};

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
    if (std::u32string_view(U"，；。、").find(text[i]) != std::u32string_view::npos)
      return std::nullopt;
    ++i;
  }
  if (i >= text.size() || text[i] != U'：') return std::nullopt;
  const std::size_t b = i + 1;
  std::size_t e = b;
  while (e < text.size() && text[e] != U'；' && text[e] != U'。') ++e;
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
};

class Reader {
 public:
  Reader(const NarrativeOptions& options, const Layout& layout, std::int32_t year, ReportKind kind)
      : options_(options), layout_(layout), year_(year), kind_(kind) {
    for (const auto& entry : Catalogue::builtin().entries()) {
      const auto* f = std::get_if<FunctionCode>(&entry.code);
      if (f == nullptr || !entry.years.contains(year) || to_string(entry.code).size() != 3)
        continue;
      classes_.push_back({narrative_detail::to_u32(entry.name), to_string(entry.code)});
    }
    std::sort(classes_.begin(), classes_.end(),
              [](const ClassName& a, const ClassName& b) { return a.name.size() > b.name.size(); });
  }

  void read(NarrativeReading& out) {
    out_ = &out;
    for (const Paragraph& p : layout_.paragraphs) paragraph(p);
    for (const auto& other : layout_.others) other_line(other);
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
    Dimensions dims;            // dims set by dim terms (轿车, 国内…)
    std::string count_concept;  // the count family in force (staffing.staffed, assets.vehicles…)
    std::string named;          // the concept named last in the sentence
    bool items = false;         // in a 具体内容包括 list
    std::string item;           // the item named in this clause
    std::vector<std::string> item_names;
    std::optional<Fact> batches;  // 国内公务接待4批次: the count the items enumerate
  };

  const NarrativeOptions& options_;
  const Layout& layout_;
  std::int32_t year_;
  ReportKind kind_;
  std::vector<ClassName> classes_;
  NarrativeReading* out_ = nullptr;
  std::string project_;  // the project a paragraph describes

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
          if (code.empty()) return ClassName{{}, "?"};  // named but not in the classification
          found.code = code;
          from = at + 3;
        }
        return found;
      }
    }
    std::optional<ClassName> best;
    std::size_t best_at = 0;
    for (const auto& c : classes_) {
      const auto at = lead.rfind(c.name);
      if (at != std::u32string_view::npos && (!best || at > best_at)) {
        best = c;
        best_at = at;
      }
    }
    return best;
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
      sentence(p, start, stop, section_fund, s);
      carried_function = s.function;
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
    if (concept_id == "expenditure.fiscal" && !s.function.empty())
      k.dims.set("function", s.function);
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
    if (text.substr(begin).find(U"（类）") != std::u32string_view::npos) {
      if (const auto c = class_in(text.substr(begin))) s.function = c->code;
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
    if (before.ends_with(U"与") || before.ends_with(U"同")) {
      s.prior_year = y;  // 与2019年度收入1076.14万元…相比: figures of 2019 until 相比
      s.comparing = true;
    } else if (before.ends_with(U"比") || before.ends_with(U"较")) {
      s.prior_year = y;  // 比2019年增加0.57万元: the change's prior year
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
        case TermKind::differs: kind = ClaimKind::differs_from_budget; break;
        case TermKind::agrees: kind = ClaimKind::equals_budget; break;
        case TermKind::increase: kind = ClaimKind::increased; break;
        case TermKind::decrease: kind = ClaimKind::decreased; break;
        default: break;
      }
      if (!kind) continue;
      const bool change_claim = *kind == ClaimKind::increased || *kind == ClaimKind::decreased;
      // 增加 after 与2019年相比 with no figure; not a reason's "支出增加".
      if (change_claim && s.prior_year == 0) continue;
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
        if (*kind == ClaimKind::differs_from_budget && s.whole) {
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
    std::vector<Match> terms;
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
    std::vector<Match> after;
    find_terms(text.substr(n.end, after_end - n.end), n.end, after);

    // Lead words, in order: qualifiers, dims, scenario, measure words, comparison ends.
    std::optional<Scenario> scenario;
    TermKind measure_word = TermKind::ignore;
    const Term* concept_term = nullptr;
    std::size_t concept_end = 0;
    bool threshold = false;
    bool both = false;
    const Match* share_at = nullptr;
    for (const Match& m : terms) {
      const Term& t = *m.term;
      switch (t.kind) {
        case TermKind::qualifier: s.fund = t.fund; break;
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
        case TermKind::completion:
        case TermKind::increase:
        case TermKind::decrease: measure_word = t.kind; break;
        case TermKind::compare_end: s.comparing = false; break;
        case TermKind::threshold: threshold = true; break;
        case TermKind::items: s.items = true; break;
        case TermKind::both_totals:
          both = true;
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
            if (t.kind == TermKind::concept_term && t.fund != Fund::none) s.fund = t.fund;
          }
          break;
        default: break;
      }
    }
    if (concept_term != nullptr && concept_term->kind == TermKind::concept_term) {
      s.named = concept_term->concept_id;
      if (concept_term->dim == "scope") s.dims.set("scope", concept_term->value);
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
    if (threshold && (n.unit == U"万元" || n.unit == U"元")) {
      skip(p, n, "单位价值门槛（不是金额）");
      return;
    }
    // A 类 named in the lead.
    if (const auto c = class_in(lead)) {
      s.function = c->code;
      s.fund = s.fund == Fund::none ? section_fund : s.fund;
    }
    if (s.function == "?") {
      skip(p, n, "款或项的名称不在支出功能分类中");
      return;
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
      keys = concept_keys(concept_term, s, section_fund, both);
      if (keys.empty()) {
        skip(p, n, "未识别的科目");
        return;
      }
    } else if (measure == Measure::change_rate && s.last_change) {
      keys.push_back(*s.last_change);
    } else if ((measure == Measure::completion_rate || measure == Measure::change ||
                measure == Measure::change_rate) &&
               (s.whole || s.subject)) {
      keys.push_back(measure == Measure::completion_rate && s.whole ? *s.whole : *s.subject);
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
        f.base = base;
      }
      if (count && measure == Measure::value && k.concept_id.starts_with("organisation.")) {
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
      if (measure == Measure::value) values.push_back(k);
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
    if (measure == Measure::change) {
      s.last_change = keys.front();
      s.last_direction = direction;
    }
  }

  std::vector<FactKey> concept_keys(const Term* t, const Sentence& s, Fund section_fund,
                                    bool both) const {
    std::vector<FactKey> keys;
    const Fund fund = s.fund != Fund::none ? s.fund : section_fund;
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
        if (s.fund == Fund::none && s.function.empty() && !money_of(s.named).empty()) {
          keys.push_back(key_of(money_of(s.named), s, Fund::none, section_fund, {}));
          for (const auto& [name, value] : s.dims) {
            if (name == "vehicle_kind" || name == "scope") keys.back().dims.set(name, value);
          }
        } else if (!s.function.empty() || fund != Fund::none) {
          keys.push_back(key_of("expenditure.fiscal", s, fund, section_fund, {}));
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
      } else if (u == U"台（套）" || u == U"台(套)" || u == U"台" || u == U"套") {
        if (c.starts_with("assets.")) id = std::string(c);
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
      if (is_digit(t[i]) && is_digit(t[i + 1]) && is_digit(t[i + 2]) && is_digit(t[i + 3]) &&
          t[i + 4] == U'年' && (i == 0 || !is_digit(t[i - 1]))) {
        const auto y = static_cast<std::int32_t>((t[i] - U'0') * 1000 + (t[i + 1] - U'0') * 100 +
                                                 (t[i + 2] - U'0') * 10 + (t[i + 3] - U'0'));
        if (y >= 1990 && y <= 2100) votes[y] += weight;
      }
    }
  };
  for (const auto& h : layout.headings) scan(h.text, 10);
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
  for (const auto& h : layout.headings) vote(h.text);
  for (const auto& p : layout.paragraphs) vote(p.text);
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
        f.value = f.value.assume_decimals(most->first);
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
