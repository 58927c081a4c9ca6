// SPDX-License-Identifier: BSL-1.0
#include "generator.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/numbers/parse.hpp"
#include "fisc/perf/target.hpp"
#include "fisc/rules/place.hpp"

namespace fisc::gen {

namespace {

// The kinds, in the order of docs/rules.md.
constexpr std::array<std::string_view, 48> all_kinds{
    "sum.total_table.income",
    "sum.total_table.expenditure",
    "sum.total_table.balance",
    "sum.income",
    "sum.income.fiscal",
    "sum.expenditure",
    "sum.basic",
    "sum.fund",
    "sum.function",
    "sum.economic",
    "sum.three_public",
    "sum.three_public.vehicles",
    "sum.three_public.reception",
    "sum.breakdown",
    "sum.performance_score",
    "sum.procurement",
    "implied_budget.three_public",
    "implied_budget.expenditure",
    "share",
    "change",
    "change_rate",
    "completion_rate",
    "rate.zero_base",
    "at_most.staffed",
    "at_most.procurement",
    "at_most.office_running",
    "fact.restated",
    "fact.unit_restated",
    "year.mislabelled",
    "count.enumeration",
    "enumeration.lists_differ",
    "table.missing",
    "text.placeholder",
    "year.self_name",
    "year.as_of",
    "claim.contradicted",
    "claim.unlikely",
    "perf.actual_copies_target",
    "perf.no_timeliness",
    "perf.no_cost",
    "perf.satisfaction_range",
    "perf.cost_amount",
    "perf.executed_over_budget",
    "perf.target_not_met",
    "perf.target_unreadable",
    "perf.grade",
    "perf.tables_reported",
    "perf.project_restated",
};

// splitmix64 (Steele, Lea, Flood 2014): the same sequence everywhere, unlike the standard
// distributions, whose algorithms are the library's.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  // Uniform in [0, n), n > 0, by rejection: no modulo bias.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - max % n;
    for (;;) {
      const std::uint64_t x = next();
      if (x < limit) return x % n;
    }
  }
  // Uniform in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1U));
  }
  bool chance(std::uint64_t per_million) { return below(1000000U) < per_million; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(below(v.size()))];
  }

 private:
  std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------------
// Figures as written. Money is held in 分 (std::int64_t) and written in 万元 to 0.01, rounded
// half up; percentages are computed from 分 and rounded half up to 0.01%.

constexpr std::int64_t fen_per_wan_cent = 10000;  // 0.01 万元 = 100 元 = 10,000 分

std::int64_t wan_cents(std::int64_t fen) { return (fen + fen_per_wan_cent / 2) / fen_per_wan_cent; }

std::string cents_text(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t a = negative ? -cents : cents;
  const std::int64_t f = a % 100;
  return (negative ? "-" : "") + std::to_string(a / 100) + (f < 10 ? ".0" : ".") +
         std::to_string(f);
}

std::string wan(std::int64_t fen) { return cents_text(wan_cents(fen)); }

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  const std::size_t len = digits.size();
  for (std::size_t i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// 元 to the 分 with thousands separators: "1,234,567.89".
std::string yuan(std::int64_t fen) {
  const std::int64_t f = fen % 100;
  return grouped(fen / 100) + (f < 10 ? ".0" : ".") + std::to_string(f);
}

// num ÷ den in hundredths of a percent, half up (num, den ≥ 0, den > 0, both below 10^13).
std::int64_t pct_cents(std::int64_t num, std::int64_t den) {
  return (num * 20000 + den) / (2 * den);
}

std::string pct(std::int64_t cents) { return cents_text(cents) + "%"; }

// A score in tenths: "92.5".
std::string tenths(std::int64_t t) { return std::to_string(t / 10) + "." + std::to_string(t % 10); }

// "123.45" → 12345: the written figures the generator compares (claims).
std::int64_t cents_of(std::string_view text) {
  std::int64_t out = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9') out = out * 10 + (c - '0');
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

Stated stated(const std::string& text, Unit unit, Reading reading = Reading::rounded) {
  auto parsed = parse_figure(text, reading);
  if (!parsed) throw std::logic_error("generator wrote a figure it cannot read: " + text);
  Stated s = std::move(*parsed);
  s.unit = unit;
  s.text = text;
  return s;
}

// ---------------------------------------------------------------------------------------------
// The department's profile: its name, offices, units and its 类/款/项 of spending.

struct Item {
  std::string code;  // 项, 7 digits
  std::string name;
  bool basic = false;   // basic spending (行政运行, 社保缴费…) or a project
  bool fund = false;    // 政府性基金 (彩票公益金)
  std::string project;  // for a project item: the project's name (its performance table)
  std::int64_t lo = 0;  // range of its spending, 万元
  std::int64_t hi = 0;
};

struct Profile {
  std::string name;
  std::vector<std::string> offices;
  std::vector<std::string> units;
  std::vector<Item> items;
};

const std::map<std::string, std::string>& code_names() {
  static const std::map<std::string, std::string> names{
      {"201", "一般公共服务支出"},
      {"20103", "政府办公厅（室）及相关机构事务"},
      {"20106", "财政事务"},
      {"205", "教育支出"},
      {"20501", "教育管理事务"},
      {"20502", "普通教育"},
      {"208", "社会保障和就业支出"},
      {"20802", "民政管理事务"},
      {"20805", "行政事业单位养老支出"},
      {"20810", "社会福利"},
      {"210", "卫生健康支出"},
      {"21001", "卫生健康管理事务"},
      {"21004", "公共卫生"},
      {"21011", "行政事业单位医疗"},
      {"221", "住房保障支出"},
      {"22102", "住房改革支出"},
      {"229", "其他支出"},
      {"22960", "彩票公益金安排的支出"},
  };
  return names;
}

std::vector<Item> common_items() {
  return {
      {"2080505", "机关事业单位基本养老保险缴费支出", true, false, "", 30, 120},
      {"2080506", "机关事业单位职业年金缴费支出", true, false, "", 10, 50},
      {"2101101", "行政单位医疗", true, false, "", 10, 60},
      {"2101102", "事业单位医疗", true, false, "", 5, 40},
      {"2210201", "住房公积金", true, false, "", 20, 90},
  };
}

std::vector<Profile> profiles() {
  std::vector<Profile> out;
  out.push_back({"教育局",
                 {"办公室", "人事股", "计划财务股", "基础教育股", "职业与成人教育股", "督导室"},
                 {"教育局机关", "教育考试中心", "教师进修学校", "学生资助管理中心"},
                 {{"2050101", "行政运行", true, false, "", 300, 900},
                  {"2050102", "一般行政管理事务", false, false, "教育管理信息化建设", 40, 200},
                  {"2050201", "学前教育", false, false, "学前教育保教费补助", 100, 600},
                  {"2050202", "小学教育", false, false, "义务教育公用经费保障", 300, 1500},
                  {"2050203", "初中教育", false, false, "初中学校校舍维修改造", 200, 900},
                  {"2296004", "用于教育事业的彩票公益金支出", false, true, "", 20, 150}}});
  out.push_back({"财政局",
                 {"办公室", "预算股", "国库股", "综合股", "农业股", "社会保障股", "会计股"},
                 {"财政局机关", "财政投资评审中心", "国库集中支付中心"},
                 {{"2010601", "行政运行", true, false, "", 400, 1000},
                  {"2010602", "一般行政管理事务", false, false, "预算编审与财政监督", 50, 250},
                  {"2010607", "信息化建设", false, false, "预算管理一体化系统建设", 60, 300},
                  {"2010608", "财政委托业务支出", false, false, "政府购买财政评审服务", 30, 180}}});
  out.push_back(
      {"民政局",
       {"办公室", "社会救助股", "社会事务股", "基层政权和社区建设股", "养老服务股"},
       {"民政局机关", "社会福利院", "救助管理站", "殡仪馆"},
       {{"2080201", "行政运行", true, false, "", 200, 600},
        {"2080202", "一般行政管理事务", false, false, "社会组织登记管理", 20, 120},
        {"2080208", "基层政权建设和社区治理", false, false, "城乡社区服务能力建设", 50, 300},
        {"2081001", "儿童福利", false, false, "孤儿基本生活保障", 60, 400},
        {"2081002", "老年福利", false, false, "高龄老人津贴发放", 100, 700},
        {"2296002", "用于社会福利的彩票公益金支出", false, true, "", 30, 200}}});
  out.push_back(
      {"卫生健康局",
       {"办公室", "医政医管股", "疾病预防控制股", "基层卫生股", "人口家庭股", "规划财务股"},
       {"卫生健康局机关", "疾病预防控制中心", "卫生健康综合执法大队"},
       {{"2100101", "行政运行", true, false, "", 250, 700},
        {"2100102", "一般行政管理事务", false, false, "卫生健康宣传教育", 20, 150},
        {"2100401", "疾病预防控制机构", true, false, "", 150, 500},
        {"2100408", "基本公共卫生服务", false, false, "基本公共卫生服务补助", 200, 1200},
        {"2100409", "重大公共卫生服务", false, false, "重大传染病防控", 80, 600}}});
  out.push_back({"人民政府办公室",
                 {"秘书股", "综合股", "督查股", "信息股", "行政股", "机要股", "法制股"},
                 {"政府办公室机关", "政务服务中心", "接待服务中心"},
                 {{"2010301", "行政运行", true, false, "", 400, 1100},
                  {"2010302", "一般行政管理事务", false, false, "政务信息公开与督查", 30, 200},
                  {"2010350", "事业运行", true, false, "", 100, 400},
                  {"2010308", "信访事务", false, false, "信访接待与矛盾调处", 20, 150}}});
  return out;
}

const std::vector<std::string>& counties() {
  static const std::vector<std::string> c{"米易县", "盐边县", "仁和区", "东区",   "西区",
                                          "会理市", "宁南县", "德昌县", "普格县", "盐源县",
                                          "喜德县", "冕宁县", "越西县", "甘洛县", "雷波县"};
  return c;
}

// ---------------------------------------------------------------------------------------------

struct Project {
  std::string name;
  std::string unit;
  std::int64_t budget = 0;  // 分
  std::int64_t executed = 0;
  std::int64_t budget_fiscal = 0;
  std::int64_t executed_fiscal = 0;
  std::int64_t people_target = 0;
  std::int64_t people_actual = 0;
  std::int64_t pass_target = 0;  // %
  std::int64_t pass_actual = 0;
  std::int64_t satisfaction_target = 0;
  std::int64_t satisfaction_actual = 0;
  std::int64_t score = 0;  // tenths
};

struct EconomicLine {
  std::string code;
  std::string name;
  bool personnel = true;
  std::int64_t fen = 0;
};

// Where a finding is to be found: the first place of a figure in document order, the second
// place of a restated figure, or a place given.
struct Expected {
  std::string kind;
  std::string rule;
  std::string name;  // the figure whose place it is
  enum class How : std::uint8_t { first, restated, at_6th } how = How::first;
  std::string description;
};

class Builder {
 public:
  Builder(std::uint64_t seed, const GenOptions& options) : rng_(seed), options_(options) {}

  GeneratedReport build();

 private:
  void model();
  void inject(std::string_view kind);
  void render();
  std::vector<InjectedError> resolve() const;

  // The text of a money figure: as injected, else the exact value rounded.
  std::string w(const std::string& name) const {
    auto o = override_.find(name);
    if (o != override_.end()) return o->second;
    return wan(v_.at(name));
  }
  std::string t(const std::string& name, const std::string& fallback) const {
    auto o = override_.find(name);
    return o != override_.end() ? o->second : fallback;
  }
  // A written figure moved by `cents` hundredths of 万元.
  std::string moved(const std::string& name, std::int64_t cents) const {
    return cents_text(wan_cents(v_.at(name)) + cents);
  }
  void expect(std::string_view kind, std::string rule, std::string name, std::string description,
              Expected::How how = Expected::How::first) {
    Expected e;
    e.kind = std::string(kind);
    e.rule = std::move(rule);
    e.name = std::move(name);
    e.how = how;
    e.description = std::move(description);
    expected_.push_back(std::move(e));
  }

  // Text.
  Source span(std::size_t length) {
    Source s;
    s.section = section_;
    s.span = TextSpan{line_, column_, static_cast<std::uint32_t>(length)};
    column_ += static_cast<std::uint32_t>(length) + 12U;
    return s;
  }
  void next_line(std::string section = "") {
    ++line_;
    column_ = 5;
    if (!section.empty()) section_ = std::move(section);
  }
  FactKey key(std::string concept_id, Dimensions dims = {}, std::int32_t year = 0) const {
    FactKey k;
    k.concept_id = std::move(concept_id);
    k.year = year == 0 ? year_ : year;
    k.dims = std::move(dims);
    return k;
  }
  Fact& say(const std::string& name, FactKey k, const std::string& text, Unit unit,
            Reading reading = Reading::rounded, bool listing = false) {
    Fact f;
    f.key = std::move(k);
    f.value = stated(text, unit, reading);
    f.source = span(code_points(text));
    f.origin = listing ? Origin::listing : Origin::statement;
    if (!name.empty()) places_[name].push_back(f.source);
    auto& list = listing ? report_.listings : report_.statements;
    list.push_back(std::move(f));
    return list.back();
  }
  Fact& say_money(const std::string& name, FactKey k) {
    return say(name, std::move(k), w(name), Unit::wan);
  }
  void say_share(const std::string& name, FactKey part, FactKey whole, const std::string& text) {
    part.measure = Measure::share;
    whole.year = part.year;
    Fact& f = say(name, std::move(part), text, Unit::percent);
    f.base = std::move(whole);
  }
  void say_change(const std::string& name, FactKey k, std::int64_t now_fen, std::int64_t prior_fen,
                  bool rate) {
    const std::int64_t diff = now_fen - prior_fen;
    const Direction d = diff >= 0 ? Direction::increase : Direction::decrease;
    const std::int64_t mag = diff >= 0 ? diff : -diff;
    FactKey c = k;
    c.measure = Measure::change;
    c.prior_year = year_ - 1;
    Fact& f = say(name + ".change", c, t(name + ".change", wan(mag)), Unit::wan);
    f.direction = d;
    if (d == Direction::decrease) f.value.value = -f.value.value;
    if (rate) {
      FactKey r = k;
      r.measure = Measure::change_rate;
      r.prior_year = year_ - 1;
      Fact& g = say(name + ".change_rate", r,
                    t(name + ".change_rate", pct(pct_cents(mag, prior_fen))), Unit::percent);
      g.direction = d;
      if (d == Direction::decrease) g.value.value = -g.value.value;
    }
  }

  // Tables.
  Table& table(TableRole role, std::string title, std::uint32_t page, std::string code_dim,
               Dimensions dims = {}) {
    Table tb;
    tb.role = role;
    tb.title = std::move(title);
    tb.unit = Unit::wan;
    tb.dims = std::move(dims);
    tb.row_code_dimension = std::move(code_dim);
    tb.source.page = page;
    tb.source.section = "第二部分";
    report_.tables.push_back(std::move(tb));
    return report_.tables.back();
  }
  static void column(Table& tb, std::string key, std::string header, std::string concept_id) {
    TableColumn c;
    c.key = std::move(key);
    c.header = std::move(header);
    c.concept_id = std::move(concept_id);
    tb.columns.push_back(std::move(c));
  }
  static TableRow& row(Table& tb, std::string code, std::string label, std::string concept_id = "",
                       Dimensions dims = {}) {
    TableRow r;
    r.code = std::move(code);
    r.label = std::move(label);
    r.concept_id = std::move(concept_id);
    r.dims = std::move(dims);
    tb.rows.push_back(std::move(r));
    return tb.rows.back();
  }
  void cell(Table& tb, TableRow& r, const std::string& column_key, const std::string& name,
            Unit unit = Unit::wan, Reading reading = Reading::rounded,
            const std::string& text = "") {
    TableCellValue c;
    c.column = column_key;
    c.value = stated(text.empty() ? w(name) : text, unit, reading);
    const TableColumn* col = tb.column(column_key);
    Source s;
    s.page = tb.source.page;
    s.section = tb.source.section;
    s.cell = TableCell{tb.title, r.code.empty() ? r.label : r.code,
                       col == nullptr ? column_key : col->header};
    if (!name.empty()) places_[name].push_back(s);
    r.cells.push_back(std::move(c));
  }

  Rng rng_;
  GenOptions options_;
  std::int32_t year_ = 2020;
  Report report_;
  std::string section_;
  std::uint32_t line_ = 0;
  std::uint32_t column_ = 1;

  // The model.
  Profile profile_;
  std::string county_;
  std::vector<Item> items_;
  std::map<std::string, std::int64_t> v_;  // exact values, 分
  std::map<std::string, std::string> override_;
  std::map<std::string, std::vector<Source>> places_;
  std::vector<EconomicLine> economic_;
  std::vector<Project> projects_;
  std::vector<std::string> office_list_;
  std::int64_t establishment_admin_ = 0, establishment_service_ = 0;
  std::int64_t staffed_admin_ = 0, staffed_service_ = 0, retired_ = 0;
  std::int64_t vehicles_sedan_ = 0, vehicles_other_ = 0;
  std::int64_t reception_batches_ = 0, reception_people_ = 0;
  std::int64_t eval_parts_[4] = {0, 0, 0, 0};  // tenths
  bool has_fund_ = false;

  // Injections that are not figures.
  std::string kind_;
  std::vector<Expected> expected_;
};

// ---------------------------------------------------------------------------------------------
// The model: exact amounts in 分, chosen so that every identity holds exactly.

std::int64_t wan_fen(std::int64_t w) { return w * 1000000; }

void Builder::model() {
  year_ = options_.year;
  const auto all = profiles();
  profile_ = rng_.pick(all);
  county_ = rng_.pick(counties());
  // 2–4 units: the office itself and some of its units.
  const std::size_t n_units =
      2 +
      static_cast<std::size_t>(rng_.below(std::min<std::uint64_t>(3, profile_.units.size() - 1)));
  profile_.units.resize(std::min(n_units, profile_.units.size()));
  office_list_ = profile_.offices;

  items_ = profile_.items;
  for (const Item& c : common_items()) items_.push_back(c);
  has_fund_ = std::any_of(items_.begin(), items_.end(), [](const Item& i) { return i.fund; }) &&
              rng_.chance(700000);
  std::erase_if(items_, [&](const Item& i) { return i.fund && !has_fund_; });
  std::sort(items_.begin(), items_.end(),
            [](const Item& a, const Item& b) { return a.code < b.code; });

  // Spending per item: general budget, other funds (事业收入, 其他收入), government fund.
  std::int64_t basic_gb = 0, basic_all = 0, project_all = 0, spend_gb = 0, spend_gf = 0;
  std::int64_t income_service = 0, income_other = 0, surplus = 0;
  for (const Item& i : items_) {
    const std::int64_t total = rng_.between(wan_fen(i.lo), wan_fen(i.hi));
    std::int64_t gf = 0, gb = 0, other = 0;
    if (i.fund) {
      gf = total;
    } else {
      other = rng_.chance(400000) ? total * rng_.between(2, 15) / 100 : 0;
      gb = total - other;
    }
    const std::string c = i.code;
    v_["gb." + c] = gb;
    v_["gf." + c] = gf;
    v_["other." + c] = other;
    v_["total." + c] = total;
    const std::int64_t service = other * rng_.between(40, 100) / 100;
    const std::int64_t extra =
        other > 0 && rng_.chance(500000) ? rng_.between(1000000, 20000000) : 0;
    v_["in.service." + c] = service + extra;
    v_["in.other." + c] = other - service;
    v_["in.total." + c] = total + extra;
    surplus += extra;
    income_service += service + extra;
    income_other += other - service;
    spend_gb += gb;
    spend_gf += gf;
    if (i.basic) {
      basic_gb += gb;
      basic_all += total;
    } else {
      project_all += total;
    }
  }
  const std::int64_t expenditure = basic_all + project_all;
  const std::int64_t income = spend_gb + spend_gf + income_service + income_other;
  v_["exp.total"] = expenditure;
  v_["exp.basic"] = basic_all;
  v_["exp.project"] = project_all;
  v_["exp.gb.total"] = spend_gb;
  v_["exp.gb.basic"] = basic_gb;
  v_["exp.gb.project"] = spend_gb - basic_gb;
  v_["exp.gf.total"] = spend_gf;
  v_["in.total"] = income;
  v_["in.gb"] = spend_gb;
  v_["in.gf"] = spend_gf;
  v_["in.sc"] = 0;
  v_["in.superior"] = 0;
  v_["in.service"] = income_service;
  v_["in.business"] = 0;
  v_["in.subsidiary"] = 0;
  v_["in.other"] = income_other;
  v_["in.fiscal"] = spend_gb + spend_gf;
  v_["bal.used"] = 0;
  v_["bal.distribution"] = 0;
  const std::int64_t opening = rng_.between(wan_fen(5), wan_fen(150));
  v_["bal.opening"] = opening;
  v_["bal.closing"] = opening + surplus;
  v_["in.grand"] = income + opening;
  v_["exp.grand"] = expenditure + opening + surplus;
  v_["fiscal.gb"] = spend_gb;
  v_["fiscal.gf"] = spend_gf;
  v_["fiscal.sc"] = 0;
  v_["fiscal.total"] = spend_gb + spend_gf;

  // Basic spending: personnel and public expense, all funds and the general budget's by
  // economic class.
  const std::int64_t personnel_gb = basic_gb * rng_.between(78, 90) / 100;
  const std::int64_t public_gb = basic_gb - personnel_gb;
  const std::int64_t basic_other = basic_all - basic_gb;
  const std::int64_t personnel_other = basic_other * rng_.between(50, 90) / 100;
  v_["personnel"] = personnel_gb + personnel_other;
  v_["public"] = public_gb + basic_other - personnel_other;
  const auto split = [&](std::int64_t total,
                         const std::vector<std::pair<std::string, std::string>>& lines,
                         bool personnel) {
    std::int64_t left = total;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::int64_t part = k + 1 == lines.size() ? left : left * rng_.between(15, 45) / 100;
      left -= part;
      economic_.push_back({lines[k].first, lines[k].second, personnel, part});
    }
  };
  const std::int64_t pension = personnel_gb * rng_.between(5, 12) / 100;
  split(personnel_gb - pension,
        {{"30101", "基本工资"},
         {"30102", "津贴补贴"},
         {"30103", "奖金"},
         {"30108", "机关事业单位基本养老保险缴费"},
         {"30110", "职工基本医疗保险缴费"},
         {"30113", "住房公积金"}},
        true);
  split(pension, {{"30302", "退休费"}, {"30305", "生活补助"}}, true);
  split(public_gb,
        {{"30201", "办公费"},
         {"30205", "水费"},
         {"30206", "电费"},
         {"30211", "差旅费"},
         {"30213", "维修（护）费"},
         {"30216", "培训费"},
         {"30228", "工会经费"},
         {"30231", "公务用车运行维护费"},
         {"30239", "其他交通费用"}},
        false);
  for (const EconomicLine& e : economic_) v_["eco." + e.code] = e.fen;
  v_["eco.301"] = personnel_gb - pension;
  v_["eco.303"] = pension;
  v_["eco.302"] = public_gb;
  v_["eco.personnel"] = personnel_gb;
  v_["eco.public"] = public_gb;
  // 机关运行经费 ≤ the general budget's public expense.
  v_["office_running"] = public_gb * rng_.between(60, 95) / 100;
  v_["office_running.prior"] = v_["office_running"] * rng_.between(105, 125) / 100;
  if (rng_.chance(500000)) v_["office_running.prior"] = v_["office_running"] * 100 / 118;

  // The prior year: totals that differ by 3–25%, and the budget.
  const std::int64_t up = rng_.between(103, 125);
  const bool grew = rng_.chance(550000);
  const auto prior = [&](std::int64_t now) { return grew ? now * 100 / up : now * up / 100; };
  v_["exp.total.prior"] = prior(expenditure);
  v_["exp.basic.prior"] = v_["exp.total.prior"] * rng_.between(55, 80) / 100;
  v_["exp.project.prior"] = v_["exp.total.prior"] - v_["exp.basic.prior"];
  // The prior year's public expense covers its 机关运行经费 (at_most.office_running holds then
  // too).
  v_["public.prior"] = std::max(
      v_["exp.basic.prior"] * rng_.between(10, 20) / 100,
      std::max(v_["office_running.prior"], v_["office_running"]) * rng_.between(110, 140) / 100);
  v_["personnel.prior"] = v_["exp.basic.prior"] - v_["public.prior"];
  v_["in.total.prior"] =
      income * (grew ? 100 : rng_.between(103, 120)) / (grew ? rng_.between(103, 120) : 100);
  v_["exp.total.budget"] = expenditure * 100 / rng_.between(86, 99);
  // Budgets of basic spending and its parts, for their completion rates.
  v_["personnel.budget"] = v_["personnel"] * 100 / rng_.between(90, 99);
  v_["public.budget"] = v_["public"] * 100 / rng_.between(80, 99);
  v_["exp.basic.budget"] = v_["personnel.budget"] + v_["public.budget"];

  // 三公经费: small amounts (万元 to 0.01), this year and the prior year.
  const auto small = [&](std::int64_t lo_cents, std::int64_t hi_cents) {
    return rng_.between(lo_cents * fen_per_wan_cent, hi_cents * fen_per_wan_cent);
  };
  v_["tp.overseas"] = rng_.chance(300000) ? small(50, 400) : 0;
  v_["tp.purchase"] = rng_.chance(250000) ? small(800, 2500) : 0;
  v_["tp.operation"] = small(150, 900);
  v_["tp.reception.domestic"] = small(20, 500);
  v_["tp.reception.foreign"] = 0;
  v_["tp.reception"] = v_["tp.reception.domestic"];
  v_["tp.vehicles"] = v_["tp.purchase"] + v_["tp.operation"];
  v_["tp.total"] = v_["tp.overseas"] + v_["tp.vehicles"] + v_["tp.reception"];
  for (const char* n : {"tp.overseas", "tp.purchase", "tp.operation", "tp.reception"}) {
    const std::string name = n;
    v_[name + ".budget"] = v_[name] * 100 / rng_.between(55, 99);
    if (v_[name + ".budget"] == 0) v_[name + ".budget"] = small(50, 300);
    v_[name + ".prior"] = v_[name] > 0 ? v_[name] * rng_.between(80, 130) / 100 : small(10, 200);
  }
  v_["tp.vehicles.budget"] = v_["tp.purchase.budget"] + v_["tp.operation.budget"];
  v_["tp.total.budget"] =
      v_["tp.overseas.budget"] + v_["tp.vehicles.budget"] + v_["tp.reception.budget"];
  v_["tp.vehicles.prior"] = v_["tp.purchase.prior"] + v_["tp.operation.prior"];
  v_["tp.total.prior"] =
      v_["tp.overseas.prior"] + v_["tp.vehicles.prior"] + v_["tp.reception.prior"];
  vehicles_sedan_ = rng_.between(1, 5);
  vehicles_other_ = rng_.between(0, 3);
  reception_batches_ = rng_.between(5, 60);
  reception_people_ = reception_batches_ * rng_.between(3, 9);

  // 政府采购: goods, works, services; SMEs and small and micro enterprises.
  v_["proc.goods"] = small(1000, 20000);
  v_["proc.works"] = rng_.chance(300000) ? small(5000, 50000) : 0;
  v_["proc.services"] = small(500, 15000);
  v_["proc.total"] = v_["proc.goods"] + v_["proc.works"] + v_["proc.services"];
  v_["proc.sme"] = v_["proc.total"] * rng_.between(60, 100) / 100;
  v_["proc.small"] = v_["proc.sme"] * rng_.between(50, 100) / 100;

  // Staffing: 编制 ≥ 在岗, with a vacancy in at least one category.
  establishment_admin_ = rng_.between(8, 40);
  establishment_service_ = rng_.between(5, 60);
  staffed_admin_ = establishment_admin_ - rng_.between(0, 3);
  staffed_service_ = establishment_service_ - rng_.between(1, 5);
  retired_ = rng_.between(3, 40);

  // Projects: the project items' projects.
  for (const Item& i : items_) {
    if (i.project.empty()) continue;
    Project p;
    p.name = i.project;
    p.unit = profile_.units.size() > 1 && rng_.chance(400000)
                 ? county_ + profile_.units[1 + rng_.below(profile_.units.size() - 1)]
                 : county_ + profile_.name;
    // Budget to the 0.01 万元, executed 85–100% of it.
    p.budget = wan_cents(v_.at("total." + i.code) * 100 / rng_.between(90, 100)) * fen_per_wan_cent;
    p.executed = wan_cents(v_.at("gb." + i.code)) * fen_per_wan_cent;
    if (p.executed > p.budget) p.executed = p.budget;
    p.budget_fiscal = p.budget;
    p.executed_fiscal = p.executed;
    p.people_target = rng_.between(5, 60) * 10;
    p.people_actual = p.people_target + rng_.between(0, 40);
    p.pass_target = rng_.between(85, 95);
    p.pass_actual = rng_.between(p.pass_target, 100);
    p.satisfaction_target = rng_.between(80, 95);
    p.satisfaction_actual = rng_.between(p.satisfaction_target, 100);
    p.score = rng_.between(800, 1000);
    projects_.push_back(std::move(p));
  }
  if (projects_.size() > 4) projects_.resize(4);
  // The self-evaluation: 预算管理, 专项预算管理, 绩效结果应用, 加分, in tenths.
  eval_parts_[0] = rng_.between(380, 480);
  eval_parts_[1] = rng_.between(300, 370);
  eval_parts_[2] = rng_.between(50, 90);
  eval_parts_[3] = rng_.between(0, 5) * 10;
}

// ---------------------------------------------------------------------------------------------
// Injection: one error of `kind`, and the findings it must produce.

void Builder::inject(std::string_view kind) {
  kind_ = std::string(kind);
  const std::int64_t delta = rng_.between(5, 30);  // 0.05–0.30 万元
  const std::string k(kind);
  if (k == "sum.total_table.income") {
    override_["bal.opening"] = moved("bal.opening", delta);
    expect(k, k, "in.grand", "年初结转和结余 changed by " + cents_text(delta) + " 万元");
  } else if (k == "sum.total_table.expenditure") {
    override_["bal.closing"] = moved("bal.closing", delta);
    expect(k, k, "exp.grand", "年末结转和结余 changed by " + cents_text(delta) + " 万元");
  } else if (k == "sum.total_table.balance") {
    override_["bal.opening"] = moved("bal.opening", delta);
    override_["in.grand"] = moved("in.grand", delta);
    expect(k, k, "in.grand", "收入总计 and 年初结转和结余 both raised by " + cents_text(delta));
  } else if (k == "sum.income") {
    override_["in.superior"] = moved("in.superior", delta);
    expect(k, k, "in.total", "上级补助收入 0.00 written as " + cents_text(delta));
  } else if (k == "sum.income.fiscal") {
    override_["in.fiscal"] = moved("in.fiscal", delta);
    expect(k, k, "in.fiscal", "财政拨款收入 in the text changed by " + cents_text(delta));
  } else if (k == "sum.expenditure") {
    override_["exp.project.prior"] = moved("exp.project.prior", delta + 10);
    expect(k, k, "exp.total.prior", "上年项目支出 raised by " + cents_text(delta + 10));
  } else if (k == "sum.basic") {
    override_["personnel.prior"] = moved("personnel.prior", delta);
    expect(k, k, "exp.basic.prior", "上年人员经费 raised by " + cents_text(delta));
  } else if (k == "sum.fund") {
    override_["fiscal.sc"] = moved("fiscal.sc", delta);
    expect(k, k, "fiscal.total",
           "国有资本经营预算财政拨款支出 0.00 written as " + cents_text(delta));
  } else if (k == "sum.function") {
    // A 项 of the income table's general budget column, lowered: its 款 no longer adds up.
    std::vector<const Item*> candidates;
    for (const Item& i : items_) {
      if (!i.fund && v_.at("gb." + i.code) > wan_fen(1)) candidates.push_back(&i);
    }
    const Item& i = *candidates[static_cast<std::size_t>(rng_.below(candidates.size()))];
    override_["in.gb." + i.code] = moved("gb." + i.code, -delta);
    expect(k, k, "in.gb." + i.code.substr(0, 5),
           "收入决算表 " + i.code + " 一般公共预算财政拨款 lowered by " + cents_text(delta));
  } else if (k == "sum.economic") {
    std::vector<const EconomicLine*> candidates;
    for (const EconomicLine& e : economic_) {
      if (e.fen > wan_fen(1)) candidates.push_back(&e);
    }
    const EconomicLine& e = *candidates[static_cast<std::size_t>(rng_.below(candidates.size()))];
    override_["eco." + e.code] = moved("eco." + e.code, -delta);
    expect(k, k, "eco." + e.code.substr(0, 3),
           "基本支出决算表 " + e.code + " lowered by " + cents_text(delta));
  } else if (k == "sum.three_public") {
    override_["tp.overseas.prior"] = moved("tp.overseas.prior", delta);
    expect(k, k, "tp.total.prior", "上年因公出国（境）费 raised by " + cents_text(delta));
  } else if (k == "sum.three_public.vehicles") {
    override_["tp.operation.prior"] = moved("tp.operation.prior", delta);
    expect(k, k, "tp.vehicles.prior", "上年公务用车运行维护费 raised by " + cents_text(delta));
  } else if (k == "sum.three_public.reception") {
    override_["tp.reception.foreign"] = moved("tp.reception.foreign", delta);
    expect(k, k, "tp.reception", "外事接待费 0.00 written as " + cents_text(delta));
  } else if (k == "sum.breakdown") {
    override_["staffed.service"] = std::to_string(staffed_service_ + 1);
    expect(k, k, "staffed", "事业编制在岗人数 one more than counted in the total");
  } else if (k == "sum.performance_score") {
    override_["eval.part1"] = tenths(eval_parts_[1] + 10);
    expect(k, k, "eval.total", "专项预算管理得分 raised by 1");
  } else if (k == "sum.procurement") {
    override_["proc.services"] = moved("proc.services", delta);
    expect(k, k, "proc.total", "政府采购服务支出 raised by " + cents_text(delta));
  } else if (k == "implied_budget.three_public") {
    // The operation's rate so low that its implied budget alone exceeds the vehicles' budget.
    const std::int64_t op = v_.at("tp.operation");
    const std::int64_t budget = v_.at("tp.vehicles.budget") * 2 + wan_fen(1);
    override_["tp.operation.rate"] = pct(std::max<std::int64_t>(1, pct_cents(op, budget)));
    expect(k, k, "tp.vehicles.rate", "公务用车运行维护费完成预算% far too low");
  } else if (k == "implied_budget.expenditure") {
    const std::int64_t pub = v_.at("public");
    const std::int64_t budget = v_.at("exp.basic.budget") * 2;
    override_["public.rate"] = pct(std::max<std::int64_t>(1, pct_cents(pub, budget)));
    expect(k, k, "exp.basic.rate", "公用经费完成预算% far too low");
  } else if (k == "share") {
    const std::int64_t s = pct_cents(v_.at("exp.basic"), v_.at("exp.total"));
    override_["exp.basic.share"] = pct(s + (rng_.chance(500000) ? 1 : -1) * rng_.between(2, 30));
    expect(k, k, "exp.basic.share", "基本支出占比 off by 0.02–0.30pp");
  } else if (k == "change") {
    const std::int64_t diff = v_.at("exp.total") - v_.at("exp.total.prior");
    override_["exp.total.change"] = cents_text(wan_cents(diff < 0 ? -diff : diff) + delta);
    expect(k, k, "exp.total.change", "支出增减额 off by " + cents_text(delta));
  } else if (k == "change_rate") {
    const std::int64_t diff = v_.at("in.total") - v_.at("in.total.prior");
    const std::int64_t r = pct_cents(diff < 0 ? -diff : diff, v_.at("in.total.prior"));
    override_["in.total.change_rate"] = pct(r + rng_.between(5, 90));
    expect(k, k, "in.total.change_rate", "收入增减率 off by 0.05–0.90pp");
  } else if (k == "completion_rate") {
    const std::int64_t r = pct_cents(v_.at("exp.total"), v_.at("exp.total.budget"));
    override_["exp.total.rate"] = pct(r - rng_.between(10, 200));
    expect(k, k, "exp.total.rate", "支出完成预算% off by 0.10–2.00pp");
  } else if (k == "rate.zero_base") {
    override_["zero_share"] = "0.00%";
    expect(k, k, "zero_share", "a share of 国有资本经营预算财政拨款收入, which is 0.00");
  } else if (k == "at_most.staffed") {
    override_["staffed"] =
        std::to_string(establishment_admin_ + establishment_service_ + rng_.between(1, 3));
    expect(k, k, "staffed", "在岗人数 above 编制数");
  } else if (k == "at_most.procurement") {
    override_["proc.sme"] = moved("proc.total", delta);
    expect(k, k, "proc.sme", "授予中小企业合同金额 above 政府采购支出总额");
  } else if (k == "at_most.office_running") {
    override_["office_running"] = moved("public", delta);
    expect(k, k, "office_running", "机关运行经费 above 公用经费");
  } else if (k == "fact.restated") {
    override_["exp.basic.text"] = moved("exp.basic", delta);
    expect(k, k, "exp.basic",
           "基本支出 in the text differs from the tables by " + cents_text(delta),
           Expected::How::restated);
  } else if (k == "fact.unit_restated") {
    override_["exp.total.yuan"] = yuan(v_.at("exp.total") + rng_.between(100000, 5000000));
    expect(k, k, "exp.total.yuan", "支出合计 in 元 off by 1,000–50,000 元");
  } else if (k == "year.mislabelled") {
    override_["in.total.prior.mislabelled"] = w("in.total");
    expect(k, k, "in.total.prior.mislabelled", "上年收入 written with this year's figure");
    expect(k, "change", "in.total.change", "the change no longer fits the mislabelled prior year");
  } else if (k == "count.enumeration") {
    override_["offices.count"] =
        std::to_string(office_list_.size() + (rng_.chance(500000) ? 1 : -1));
    expect(k, k, "offices.count", "内设机构个数 off by one");
  } else if (k == "enumeration.lists_differ") {
    override_["offices.second"] = office_list_[rng_.below(office_list_.size())];
    expect(k, k, "offices.second", "one office named differently in the second list");
  } else if (k == "table.missing") {
    override_["contents.missing"] = "yes";
    expect(k, k, "contents.missing", "the contents list a table the report does not hold");
  } else if (k == "text.placeholder") {
    override_["mention.placeholder"] = "XX";
    expect(k, k, "mention.placeholder", "the department's name left as the template's XX局");
  } else if (k == "year.self_name") {
    override_["mention.title.year"] = std::to_string(year_ - 1);
    expect(k, k, "mention.title", "the title names the prior year's 部门决算");
  } else if (k == "year.as_of") {
    override_["mention.as_of.year"] = std::to_string(year_ - 1);
    expect(k, k, "mention.as_of", "截至 the prior year's 12月31日 in the assets section");
  } else if (k == "claim.contradicted") {
    override_["claim.exp"] = "flip";
    expect(k, k, "claim.exp", "增加 where spending fell, or 减少 where it rose");
  } else if (k == "claim.unlikely") {
    override_["office_running.prior"] = w("office_running");
    expect(k, k, "claim.office_running", "增加/减少 between two equal figures");
  } else if (k.starts_with("perf.")) {
    if (projects_.empty()) throw std::logic_error("no project for " + k);
    const std::size_t p = static_cast<std::size_t>(rng_.below(projects_.size()));
    const std::string pn = "p" + std::to_string(p);
    override_["perf.project"] = pn;
    if (k == "perf.actual_copies_target") {
      expect(k, k, pn, "every actual value copies its target");
    } else if (k == "perf.no_timeliness" || k == "perf.no_cost") {
      expect(k, k, pn, "the indicator is missing");
    } else if (k == "perf.satisfaction_range") {
      expect(k, k, pn + ".satisfaction.actual", "满意度 above 100%");
    } else if (k == "perf.cost_amount") {
      expect(k, k, pn + ".cost.actual", "成本指标 below the executed amount");
    } else if (k == "perf.executed_over_budget") {
      expect(k, k, pn + ".executed.fiscal", "其中财政拨款执行数 above its budget");
    } else if (k == "perf.target_not_met") {
      expect(k, k, pn + ".quantity.actual", "数量指标 below its target");
    } else if (k == "perf.target_unreadable") {
      // The finding points at the month, the 6th character of 2020年13月底前.
      expect(k, k, pn + ".timeliness.target", "a month 13 in the deadline", Expected::How::at_6th);
    } else if (k == "perf.grade") {
      expect(k, k, pn + ".grade", "a grade the score does not allow");
    } else if (k == "perf.tables_reported") {
      expect(k, k, "projects_reported", "more projects reported than tables");
    } else if (k == "perf.project_restated") {
      expect(k, k, "list." + pn + ".budget", "the self-evaluation's list gives another budget");
    }
  } else {
    throw std::invalid_argument("fisc-gen: unknown kind of error: " + k);
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering: the report's tables, text, listings, enumerations, claims and performance.

void Builder::render() {
  Report& r = report_;
  r.kind = ReportKind::final_accounts;
  r.year = year_;
  r.department = {county_ + profile_.name, "5101" + std::to_string(rng_.between(10000, 99999))};
  for (const std::string& u : profile_.units) r.units.push_back({county_ + u, ""});
  r.offices = office_list_;
  r.unit = Unit::wan;
  const Dimensions gb{{"fund", "general_budget"}};
  const Dimensions gf{{"fund", "government_fund"}};
  const Dimensions sc{{"fund", "state_capital"}};
  const auto& names = code_names();

  // ---- Text (第一部分, 第二部分 说明). Statements come first in document order: page 0.
  next_line("第一部分 一");
  {
    Enumeration e;
    e.concept_id = "organisation.offices";
    e.year = year_;
    e.items = office_list_;
    const std::string count = t("offices.count", std::to_string(office_list_.size()));
    e.count = stated(count, Unit::none, Reading::exact);
    e.source = span(code_points(count));
    places_["offices.count"].push_back(e.source);
    r.enumerations.push_back(std::move(e));
  }
  next_line("第一部分 二");
  {
    Enumeration e;
    e.concept_id = "organisation.units";
    e.year = year_;
    for (const std::string& u : profile_.units) e.items.push_back(county_ + u);
    const std::string count = std::to_string(profile_.units.size());
    e.count = stated(count, Unit::none, Reading::exact);
    e.source = span(code_points(count));
    r.enumerations.push_back(std::move(e));
  }
  next_line("第一部分 三");
  say("establishment", key("staffing.establishment"),
      std::to_string(establishment_admin_ + establishment_service_), Unit::none, Reading::exact,
      true);
  say("", key("staffing.establishment", {{"category", "administrative"}}),
      std::to_string(establishment_admin_), Unit::none, Reading::exact, true);
  say("", key("staffing.establishment", {{"category", "service"}}),
      std::to_string(establishment_service_), Unit::none, Reading::exact, true);
  next_line();
  say("staffed", key("staffing.staffed"),
      t("staffed", std::to_string(staffed_admin_ + staffed_service_)), Unit::none, Reading::exact,
      true);
  say("", key("staffing.staffed", {{"category", "administrative"}}), std::to_string(staffed_admin_),
      Unit::none, Reading::exact, true);
  say("staffed.service", key("staffing.staffed", {{"category", "service"}}),
      t("staffed.service", std::to_string(staffed_service_)), Unit::none, Reading::exact, true);
  say("", key("staffing.retired"), std::to_string(retired_), Unit::none, Reading::exact, true);

  // 收入支出总体情况.
  next_line("第二部分 一");
  say_money("in.total", key("income.total"));
  say_change("in.total", key("income.total"), v_.at("in.total"), v_.at("in.total.prior"), true);
  if (override_.count("in.total.prior.mislabelled") != 0) {
    say("in.total.prior.mislabelled", key("income.total", {}, year_ - 1),
        override_.at("in.total.prior.mislabelled"), Unit::wan);
  }
  next_line();
  say_money("exp.total", key("expenditure.total"));
  say("exp.total.yuan", key("expenditure.total"), t("exp.total.yuan", yuan(v_.at("exp.total"))),
      Unit::yuan);
  r.statements.back().value.unit = Unit::yuan;
  say_money("exp.total.prior", key("expenditure.total", {}, year_ - 1));
  say_change("exp.total", key("expenditure.total"), v_.at("exp.total"), v_.at("exp.total.prior"),
             false);
  {
    const bool grew = v_.at("exp.total") > v_.at("exp.total.prior");
    const bool flip = override_.count("claim.exp") != 0;
    Claim c;
    c.key = key("expenditure.total");
    c.key.prior_year = year_ - 1;
    c.kind = (grew != flip) ? ClaimKind::increased : ClaimKind::decreased;
    c.text = c.kind == ClaimKind::increased ? "增加" : "减少";
    c.source = span(2);
    places_["claim.exp"].push_back(c.source);
    r.claims.push_back(std::move(c));
  }
  next_line();
  say_money("exp.basic.prior", key("expenditure.basic", {}, year_ - 1));
  say_money("exp.project.prior", key("expenditure.project", {}, year_ - 1));
  say_money("personnel.prior", key("expenditure.basic.personnel", {}, year_ - 1));
  say_money("public.prior", key("expenditure.basic.public_expense", {}, year_ - 1));

  // 收入决算情况.
  next_line("第二部分 二");
  const auto income_part = [&](const std::string& name, const char* concept_id) {
    say_money(name, key(concept_id));
    say_share(name + ".share", key(concept_id), key("income.total"),
              pct(pct_cents(v_.at(name), v_.at("in.total"))));
  };
  income_part("in.gb", "income.general_budget");
  if (has_fund_) income_part("in.gf", "income.government_fund");
  if (v_.at("in.service") > 0) income_part("in.service", "income.service_revenue");
  if (v_.at("in.other") > 0) income_part("in.other", "income.other_revenue");
  next_line();
  say_money("in.fiscal", key("income.fiscal"));
  if (override_.count("zero_share") != 0) {
    say_share("zero_share", key("expenditure.fiscal", sc), key("income.state_capital"),
              override_.at("zero_share"));
  }

  // 支出决算情况.
  next_line("第二部分 三");
  {
    const std::string basic_text = t("exp.basic.text", w("exp.basic"));
    say("exp.basic.text", key("expenditure.basic"), basic_text, Unit::wan);
    say_share("exp.basic.share", key("expenditure.basic"), key("expenditure.total"),
              t("exp.basic.share", pct(pct_cents(v_.at("exp.basic"), v_.at("exp.total")))));
    say_money("exp.project", key("expenditure.project"));
    say_share("exp.project.share", key("expenditure.project"), key("expenditure.total"),
              pct(pct_cents(v_.at("exp.project"), v_.at("exp.total"))));
  }
  next_line();
  {
    FactKey b = key("expenditure.total");
    b.scenario = Scenario::budget;
    say_money("exp.total.budget", b);
    FactKey rate = key("expenditure.total");
    rate.measure = Measure::completion_rate;
    const std::string rate_text =
        t("exp.total.rate", pct(pct_cents(v_.at("exp.total"), v_.at("exp.total.budget"))));
    say("exp.total.rate", rate, rate_text, Unit::percent);
    if (rate_text != "100.00%") {
      Claim c;
      c.key = key("expenditure.total");
      c.kind = ClaimKind::differs_from_budget;
      c.text = "决算数与预算数不一致";
      c.source = span(10);
      r.claims.push_back(std::move(c));
    }
  }
  next_line();
  {
    const auto rated = [&](const std::string& name, const char* concept_id,
                           const std::string& budget) {
      say(name, key(concept_id), w(name), Unit::wan);
      FactKey rate = key(concept_id);
      rate.measure = Measure::completion_rate;
      say(name + ".rate", rate, t(name + ".rate", pct(pct_cents(v_.at(name), v_.at(budget)))),
          Unit::percent);
    };
    // The basic spending restated with its rate; personnel and public expense with theirs.
    say("exp.basic", key("expenditure.basic"), w("exp.basic"), Unit::wan);
    FactKey rate = key("expenditure.basic");
    rate.measure = Measure::completion_rate;
    say("exp.basic.rate", rate, pct(pct_cents(v_.at("exp.basic"), v_.at("exp.basic.budget"))),
        Unit::percent);
    rated("personnel", "expenditure.basic.personnel", "personnel.budget");
    rated("public", "expenditure.basic.public_expense", "public.budget");
  }

  // 三公经费.
  next_line("第二部分 四");
  {
    const auto tp = [&](const std::string& name, const char* concept_id, bool rate,
                        Dimensions dims = {}) {
      say_money(name, key(concept_id, dims));
      if (!rate) return;
      FactKey rk = key(concept_id, dims);
      rk.measure = Measure::completion_rate;
      say(name + ".rate", rk,
          t(name + ".rate", pct(pct_cents(v_.at(name), v_.at(name + ".budget")))), Unit::percent);
    };
    tp("tp.total", "three_public.total", false);
    say_money("tp.total.prior", key("three_public.total", {}, year_ - 1));
    say_change("tp.total", key("three_public.total"), v_.at("tp.total"), v_.at("tp.total.prior"),
               false);
    next_line();
    tp("tp.overseas", "three_public.overseas_travel", false);
    say_money("tp.overseas.prior", key("three_public.overseas_travel", {}, year_ - 1));
    say("", key("three_public.overseas_travel.groups"), v_.at("tp.overseas") > 0 ? "1" : "0",
        Unit::none, Reading::exact);
    next_line();
    tp("tp.vehicles", "three_public.vehicles", true);
    say_money("tp.vehicles.prior", key("three_public.vehicles", {}, year_ - 1));
    tp("tp.purchase", "three_public.vehicles.purchase", true);
    say_money("tp.purchase.prior", key("three_public.vehicles.purchase", {}, year_ - 1));
    tp("tp.operation", "three_public.vehicles.operation", true);
    say_money("tp.operation.prior", key("three_public.vehicles.operation", {}, year_ - 1));
    next_line();
    tp("tp.reception", "three_public.reception", false);
    say_money("tp.reception.prior", key("three_public.reception", {}, year_ - 1));
    say_money("tp.reception.domestic", key("three_public.reception", {{"scope", "domestic"}}));
    say_money("tp.reception.foreign", key("three_public.reception.foreign"));
    say("", key("three_public.reception.batches"), std::to_string(reception_batches_), Unit::none,
        Reading::exact);
    say("", key("three_public.reception.people"), std::to_string(reception_people_), Unit::none,
        Reading::exact);
  }
  // 机关运行经费, 政府采购, 国有资产.
  next_line("第三部分 一");
  say("office_running", key("office_running"), w("office_running"), Unit::wan);
  say("office_running.prior", key("office_running", {}, year_ - 1), w("office_running.prior"),
      Unit::wan);
  {
    const bool grew = cents_of(w("office_running")) > cents_of(w("office_running.prior"));
    // The claim as the text would make it from its true values; an injected figure may make it
    // unlikely (equal figures), never contradicted.
    Claim c;
    c.key = key("office_running");
    c.key.prior_year = year_ - 1;
    c.kind = grew ? ClaimKind::increased : ClaimKind::decreased;
    c.text = grew ? "增加" : "减少";
    c.source = span(2);
    places_["claim.office_running"].push_back(c.source);
    r.claims.push_back(std::move(c));
  }
  next_line("第三部分 三");
  say("", key("three_public.vehicles.held"), std::to_string(vehicles_sedan_ + vehicles_other_),
      Unit::none, Reading::exact, true);
  say("", key("three_public.vehicles.held", {{"vehicle_kind", "sedan"}}),
      std::to_string(vehicles_sedan_), Unit::none, Reading::exact, true);
  if (vehicles_other_ > 0) {
    say("", key("three_public.vehicles.held", {{"vehicle_kind", "other"}}),
        std::to_string(vehicles_other_), Unit::none, Reading::exact, true);
  }
  // 绩效: the number of projects whose tables are published.
  next_line("第三部分 四");
  {
    const std::size_t n = projects_.size();
    const std::string text = t("projects_reported", std::to_string(n));
    say("projects_reported", key("performance.projects_reported"),
        kind_ == "perf.tables_reported" ? std::to_string(n + 1 + rng_.below(5)) : text, Unit::none,
        Reading::exact);
  }
  // The offices listed again in 第一部分's second list (部门机构设置).
  next_line("附件 机构设置");
  {
    Enumeration e;
    e.concept_id = "organisation.offices";
    e.year = year_;
    e.items = office_list_;
    std::rotate(e.items.begin(), e.items.begin() + 1, e.items.end());
    if (override_.count("offices.second") != 0) {
      for (std::string& item : e.items) {
        if (item == override_.at("offices.second")) item = "综合" + item;
      }
    }
    e.source = span(4);
    places_["offices.second"].push_back(e.source);
    r.enumerations.push_back(std::move(e));
  }

  // ---- Tables.
  // 1 收入支出决算总表.
  {
    Table& tb = table(TableRole::income_expenditure_total, "收入支出决算总表", 10, "");
    column(tb, "actual", "决算数", "");
    const auto line = [&](const char* label, const char* concept_id, const std::string& name) {
      TableRow& rw = row(tb, "", label, concept_id);
      cell(tb, rw, "actual", name);
    };
    line("一、一般公共预算财政拨款收入", "income.general_budget", "in.gb");
    line("二、政府性基金预算财政拨款收入", "income.government_fund", "in.gf");
    line("三、国有资本经营预算财政拨款收入", "income.state_capital", "in.sc");
    line("四、上级补助收入", "income.superior_grant", "in.superior");
    line("五、事业收入", "income.service_revenue", "in.service");
    line("六、经营收入", "income.business_revenue", "in.business");
    line("七、附属单位上缴收入", "income.subsidiary_remittance", "in.subsidiary");
    line("八、其他收入", "income.other_revenue", "in.other");
    line("本年收入合计", "income.total", "in.total");
    line("使用非财政拨款结余", "balance.non_fiscal_used", "bal.used");
    line("年初结转和结余", "balance.opening", "bal.opening");
    line("收入总计", "income.grand_total", "in.grand");
    line("本年支出合计", "expenditure.total", "exp.total");
    line("结余分配", "balance.distribution", "bal.distribution");
    line("年末结转和结余", "balance.closing", "bal.closing");
    line("支出总计", "expenditure.grand_total", "exp.grand");
  }
  // The function hierarchy: 类, 款, 项 rows of the items for which `value` gives a name.
  const auto hierarchy = [&](Table& tb,
                             const std::vector<std::pair<std::string, std::string>>& columns,
                             const std::string& total_prefix, bool (*keep)(const Item&)) {
    TableRow& total = row(tb, "", "合计");
    for (const auto& [col, prefix] : columns) cell(tb, total, col, prefix + total_prefix);
    std::string cls, kuan;
    for (const Item& i : items_) {
      if (!keep(i)) continue;
      const auto level = [&](const std::string& code, const std::string& label) {
        TableRow& rw = row(tb, code, label);
        for (const auto& [col, prefix] : columns) {
          // Blank only when nothing was spent: an amount below 0.005 is written 0.00, or its
          // parent would not add up.
          if (v_.count(prefix + code) != 0 && v_.at(prefix + code) != 0) {
            cell(tb, rw, col, prefix + code);
          } else if (override_.count(prefix + code) != 0) {
            cell(tb, rw, col, prefix + code);
          }
        }
      };
      if (i.code.substr(0, 3) != cls) {
        cls = i.code.substr(0, 3);
        level(cls, names.at(cls));
      }
      if (i.code.substr(0, 5) != kuan) {
        kuan = i.code.substr(0, 5);
        level(kuan, "  " + names.at(kuan));
      }
      level(i.code, "    " + i.name);
    }
  };
  // Sums of the items' values by 类 and 款, for each prefix.
  const auto roll_up = [&](const std::string& prefix, const std::string& source_prefix,
                           bool (*keep)(const Item&)) {
    std::int64_t total = 0;
    for (const Item& i : items_) {
      if (!keep(i)) continue;
      const std::int64_t x = v_.at(source_prefix + i.code);
      v_[prefix + i.code] = x;
      v_[prefix + i.code.substr(0, 3)] += x;
      v_[prefix + i.code.substr(0, 5)] += x;
      total += x;
    }
    return total;
  };
  const auto any = [](const Item&) { return true; };
  const auto general = [](const Item& i) { return !i.fund; };
  const auto fund = [](const Item& i) { return i.fund; };
  const auto basic_of = [&](const std::string& prefix, bool gb_only) {
    for (const Item& i : items_) {
      v_[prefix + "basic." + i.code] = 0;
      v_[prefix + "project." + i.code] = 0;
    }
    for (const Item& i : items_) {
      const std::int64_t x = gb_only ? v_.at("gb." + i.code) : v_.at("total." + i.code);
      v_[prefix + (i.basic ? "basic." : "project.") + i.code] = x;
    }
  };
  // 2 收入决算表.
  {
    Table& tb = table(TableRole::income, "收入决算表", 11, "function");
    column(tb, "total", "本年收入合计", "income.total");
    column(tb, "gb", "一般公共预算财政拨款", "income.general_budget");
    column(tb, "gf", "政府性基金预算财政拨款", "income.government_fund");
    column(tb, "service", "事业收入", "income.service_revenue");
    column(tb, "other", "其他收入", "income.other_revenue");
    roll_up("in.total.", "in.total.", any);
    roll_up("in.gb.", "gb.", any);
    roll_up("in.gf.", "gf.", any);
    roll_up("in.service.", "in.service.", any);
    roll_up("in.other.", "in.other.", any);
    v_["in.total.*"] = v_.at("in.total");
    v_["in.gb.*"] = v_.at("in.gb");
    v_["in.gf.*"] = v_.at("in.gf");
    v_["in.service.*"] = v_.at("in.service");
    v_["in.other.*"] = v_.at("in.other");
    hierarchy(tb,
              {{"total", "in.total."},
               {"gb", "in.gb."},
               {"gf", "in.gf."},
               {"service", "in.service."},
               {"other", "in.other."}},
              "*", any);
    // The names of the totals are those of the text's figures.
    for (const char* n : {"in.total", "in.gb", "in.gf", "in.service", "in.other"}) {
      auto& from = places_[std::string(n) + ".*"];
      auto& to = places_[n];
      to.insert(to.end(), from.begin(), from.end());
    }
  }
  // 3 支出决算表.
  {
    Table& tb = table(TableRole::expenditure, "支出决算表", 12, "function");
    column(tb, "total", "合计", "expenditure.total");
    column(tb, "basic", "基本支出", "expenditure.basic");
    column(tb, "project", "项目支出", "expenditure.project");
    basic_of("x.", false);
    roll_up("e.total.", "total.", any);
    roll_up("e.basic.", "x.basic.", any);
    roll_up("e.project.", "x.project.", any);
    v_["e.total.*"] = v_.at("exp.total");
    v_["e.basic.*"] = v_.at("exp.basic");
    v_["e.project.*"] = v_.at("exp.project");
    hierarchy(tb, {{"total", "e.total."}, {"basic", "e.basic."}, {"project", "e.project."}}, "*",
              any);
    for (const auto& [from_name, to_name] :
         std::vector<std::pair<std::string, std::string>>{{"e.total.*", "exp.total"},
                                                          {"e.basic.*", "exp.basic"},
                                                          {"e.project.*", "exp.project"}}) {
      auto& from = places_[from_name];
      auto& to = places_[to_name];
      to.insert(to.end(), from.begin(), from.end());
    }
  }
  // 4 财政拨款收入支出决算总表.
  {
    Table& tb = table(TableRole::fiscal_total, "财政拨款收入支出决算总表", 13, "");
    column(tb, "actual", "决算数", "");
    const auto line = [&](const char* label, const char* concept_id, const std::string& name,
                          Dimensions dims) {
      TableRow& rw = row(tb, "", label, concept_id, std::move(dims));
      cell(tb, rw, "actual", name);
    };
    line("一般公共预算财政拨款收入", "income.general_budget", "in.gb", {});
    line("政府性基金预算财政拨款收入", "income.government_fund", "in.gf", {});
    line("国有资本经营预算财政拨款收入", "income.state_capital", "in.sc", {});
    line("一般公共预算财政拨款支出", "expenditure.fiscal", "fiscal.gb", gb);
    line("政府性基金预算财政拨款支出", "expenditure.fiscal", "fiscal.gf", gf);
    line("国有资本经营预算财政拨款支出", "expenditure.fiscal", "fiscal.sc", sc);
    line("财政拨款支出合计", "expenditure.fiscal", "fiscal.total", {});
  }
  // 5 一般公共预算财政拨款支出决算表.
  {
    Table& tb = table(TableRole::general_budget_expenditure, "一般公共预算财政拨款支出决算表", 14,
                      "function", gb);
    column(tb, "total", "合计", "expenditure.total");
    column(tb, "basic", "基本支出", "expenditure.basic");
    column(tb, "project", "项目支出", "expenditure.project");
    basic_of("y.", true);
    roll_up("g.total.", "gb.", general);
    roll_up("g.basic.", "y.basic.", general);
    roll_up("g.project.", "y.project.", general);
    v_["g.total.*"] = v_.at("exp.gb.total");
    v_["g.basic.*"] = v_.at("exp.gb.basic");
    v_["g.project.*"] = v_.at("exp.gb.project");
    hierarchy(tb, {{"total", "g.total."}, {"basic", "g.basic."}, {"project", "g.project."}}, "*",
              general);
  }
  // 6 一般公共预算财政拨款基本支出决算表 (经济分类).
  {
    Table& tb = table(TableRole::general_budget_basic, "一般公共预算财政拨款基本支出决算表", 15,
                      "economic", gb);
    column(tb, "personnel", "人员经费", "expenditure.basic.personnel");
    column(tb, "public", "公用经费", "expenditure.basic.public_expense");
    TableRow& total = row(tb, "", "合计");
    cell(tb, total, "personnel", "eco.personnel");
    cell(tb, total, "public", "eco.public");
    const std::map<std::string, std::string> classes{
        {"301", "工资福利支出"}, {"302", "商品和服务支出"}, {"303", "对个人和家庭的补助"}};
    for (const auto& [code, label] : classes) {
      const bool personnel = code != "302";
      TableRow& c = row(tb, code, label);
      cell(tb, c, personnel ? "personnel" : "public", "eco." + code);
      for (const EconomicLine& e : economic_) {
        if (e.code.substr(0, 3) != code) continue;
        TableRow& rw = row(tb, e.code, "  " + e.name);
        cell(tb, rw, personnel ? "personnel" : "public", "eco." + e.code);
      }
    }
  }
  // 7 政府性基金预算财政拨款收入支出决算表.
  {
    Table& tb = table(TableRole::government_fund, "政府性基金预算财政拨款收入支出决算表", 16,
                      "function", gf);
    if (has_fund_) {
      column(tb, "total", "本年支出合计", "expenditure.total");
      column(tb, "project", "项目支出", "expenditure.project");
      roll_up("f.total.", "gf.", fund);
      roll_up("f.project.", "gf.", fund);
      v_["f.total.*"] = v_.at("exp.gf.total");
      v_["f.project.*"] = v_.at("exp.gf.total");
      hierarchy(tb, {{"total", "f.total."}, {"project", "f.project."}}, "*", fund);
    } else {
      tb.note = "本单位无政府性基金预算财政拨款收支，本表无数据";
    }
  }
  // 8 国有资本经营预算财政拨款支出决算表.
  {
    Table& tb = table(TableRole::state_capital_expenditure, "国有资本经营预算财政拨款支出决算表",
                      17, "function", sc);
    tb.note = "本单位无国有资本经营预算财政拨款收支，本表无数据";
  }
  // 9 财政拨款“三公”经费支出决算表.
  {
    Table& tb = table(TableRole::three_public, "财政拨款“三公”经费支出决算表", 18, "");
    column(tb, "actual", "决算数", "");
    const auto line = [&](const char* label, const char* concept_id, const std::string& name) {
      TableRow& rw = row(tb, "", label, concept_id);
      cell(tb, rw, "actual", name);
    };
    line("合计", "three_public.total", "tp.total");
    line("1．因公出国（境）费", "three_public.overseas_travel", "tp.overseas");
    line("2．公务用车购置及运行维护费", "three_public.vehicles", "tp.vehicles");
    line("（1）公务用车购置费", "three_public.vehicles.purchase", "tp.purchase");
    line("（2）公务用车运行维护费", "three_public.vehicles.operation", "tp.operation");
    line("3．公务接待费", "three_public.reception", "tp.reception");
  }
  // 10 机关运行经费、政府采购.
  {
    Table& tb = table(TableRole::office_running_assets_procurement,
                      "机关运行经费、资产占用情况及政府采购支出信息表", 19, "");
    column(tb, "amount", "金额", "");
    const auto line = [&](const char* label, const char* concept_id, const std::string& name) {
      TableRow& rw = row(tb, "", label, concept_id);
      cell(tb, rw, "amount", name);
    };
    line("机关运行经费", "office_running", "office_running");
    line("政府采购支出总额", "procurement.total", "proc.total");
    line("  政府采购货物支出", "procurement.goods", "proc.goods");
    line("  政府采购工程支出", "procurement.works", "proc.works");
    line("  政府采购服务支出", "procurement.services", "proc.services");
    line("授予中小企业合同金额", "procurement.sme", "proc.sme");
    line("  其中：授予小微企业合同金额", "procurement.small_micro", "proc.small");
  }

  // ---- Performance: the project tables (page 20 on), then the self-evaluation.
  const std::string injected_project = t("perf.project", "");
  std::uint32_t perf_line = 1000;
  const auto at = [&](std::uint32_t page, std::uint32_t column, std::size_t length) {
    Source s;
    s.page = page;
    s.section = "附件 项目支出绩效自评表";
    s.span = TextSpan{++perf_line, column, static_cast<std::uint32_t>(length)};
    return s;
  };
  const auto placed = [&](const std::string& text, Unit unit, std::uint32_t page,
                          const std::string& name) {
    PlacedFigure f;
    f.value = stated(text, unit);
    f.source = at(page, 20, code_points(text));
    if (!name.empty()) places_[name].push_back(f.source);
    return f;
  };
  const auto text_at = [&](const std::string& text, std::uint32_t page, const std::string& name) {
    PlacedText p;
    p.text = text;
    p.source = at(page, 12, code_points(text));
    if (!name.empty()) places_[name].push_back(p.source);
    return p;
  };
  for (std::size_t n = 0; n < projects_.size(); ++n) {
    const Project& p = projects_[n];
    const std::string pn = "p" + std::to_string(n);
    const bool here = injected_project == pn;
    const std::uint32_t page = 20 + static_cast<std::uint32_t>(n);
    ProjectPerformance pp;
    pp.name = p.name;
    pp.unit = p.unit;
    pp.amount_unit = Unit::wan;
    pp.source = at(page, 1, code_points(p.name));
    places_[pn].push_back(pp.source);
    pp.budget.total = placed(wan(p.budget), Unit::wan, page, "");
    pp.budget.fiscal = placed(wan(p.budget_fiscal), Unit::wan, page, "");
    pp.executed.total = placed(wan(p.executed), Unit::wan, page, "");
    std::int64_t executed_fiscal = p.executed_fiscal;
    if (here && kind_ == "perf.executed_over_budget") {
      executed_fiscal = p.budget_fiscal + rng_.between(5, 50) * fen_per_wan_cent;
    }
    pp.executed.fiscal = placed(wan(executed_fiscal), Unit::wan, page, pn + ".executed.fiscal");
    pp.execution_rate = placed(pct(pct_cents(p.executed, p.budget)), Unit::percent, page, "");
    pp.goal_expected = text_at("按计划完成" + p.name + "各项工作任务", page, "");
    pp.goal_achieved = text_at("已按计划完成" + p.name + "各项工作任务", page, "");
    const auto indicator = [&](const char* l1, const char* l2, const std::string& l3,
                               const std::string& target, const std::string& actual,
                               const std::string& name) {
      Indicator i;
      i.level1 = l1;
      i.level2 = l2;
      i.level3 = l3;
      const bool copy = here && kind_ == "perf.actual_copies_target";
      i.target = text_at(target, page, name + ".target");
      i.actual = text_at(copy ? target : actual, page, name + ".actual");
      pp.indicators.push_back(std::move(i));
    };
    const std::int64_t people_actual = here && kind_ == "perf.target_not_met"
                                           ? p.people_target - rng_.between(5, 40)
                                           : p.people_actual;
    indicator("产出指标", "数量指标", "服务对象人次",
              "≥" + std::to_string(p.people_target) + "人次",
              std::to_string(people_actual) + "人次", pn + ".quantity");
    indicator("产出指标", "质量指标", "验收合格率", "≥" + std::to_string(p.pass_target) + "%",
              std::to_string(p.pass_actual) + "%", pn + ".quality");
    if (!(here && kind_ == "perf.no_timeliness")) {
      const std::string deadline = here && kind_ == "perf.target_unreadable"
                                       ? std::to_string(year_) + "年13月底前"
                                       : std::to_string(year_) + "年12月底前";
      indicator("产出指标", "时效指标", "完成时间", deadline,
                std::to_string(year_) + "年" + std::to_string(rng_.between(9, 12)) + "月底",
                pn + ".timeliness");
    }
    if (!(here && kind_ == "perf.no_cost")) {
      const std::int64_t cost = here && kind_ == "perf.cost_amount"
                                    ? p.executed - rng_.between(5, 50) * fen_per_wan_cent
                                    : p.executed;
      indicator("产出指标", "成本指标", "项目总成本", "≤" + wan(p.budget) + "万元",
                wan(cost) + "万元", pn + ".cost");
    }
    indicator("效益指标", "社会效益指标", "服务水平", "有效提升", "明显提升", pn + ".benefit");
    const std::int64_t satisfaction =
        here && kind_ == "perf.satisfaction_range" ? rng_.between(101, 120) : p.satisfaction_actual;
    indicator("满意度指标", "服务对象满意度指标", "服务对象满意度",
              "≥" + std::to_string(p.satisfaction_target) + "%", std::to_string(satisfaction) + "%",
              pn + ".satisfaction");
    const std::string score = tenths(p.score);
    pp.score = placed(score, Unit::none, page, "");
    std::string grade = p.score >= 900 ? "优" : "良";
    if (here && kind_ == "perf.grade") grade = p.score >= 900 ? "中" : "优";
    pp.grade = text_at(grade, page, pn + ".grade");
    report_.performance.projects.push_back(std::move(pp));
  }
  {
    const std::uint32_t page = 30;
    SelfEvaluation e;
    e.title = std::to_string(year_) + "年" + county_ + profile_.name + "部门整体支出绩效自评报告";
    e.source = at(page, 1, code_points(e.title));
    const std::array<const char*, 4> part_names{"预算管理", "专项预算管理", "绩效结果应用",
                                                "加分项"};
    const std::array<const char*, 4> weights{"50", "40", "10", "5"};
    std::int64_t total = 0;
    for (std::size_t k = 0; k < part_names.size(); ++k) {
      total += eval_parts_[k];
      ScorePart s;
      s.name = part_names[k];
      const std::string text = tenths(eval_parts_[k]);
      const std::string name = "eval.part" + std::to_string(k);
      s.score = placed(t(name, text), Unit::none, page, name);
      s.weight = placed(weights[k], Unit::none, page, "");
      e.parts.push_back(std::move(s));
    }
    e.total = placed(tenths(total), Unit::none, page, "eval.total");
    e.grade = text_at(total >= 900 ? "优" : total >= 800 ? "良" : "中", page, "");
    for (std::size_t n = 0; n < projects_.size(); ++n) {
      const Project& p = projects_[n];
      const std::string pn = "p" + std::to_string(n);
      ProjectPerformance lp;
      lp.name = p.name + "经费";
      lp.amount_unit = Unit::yuan;
      std::int64_t budget = p.budget;
      if (injected_project == pn && kind_ == "perf.project_restated") {
        budget += rng_.between(1, 30) * 1000000;
      }
      lp.budget.total = placed(yuan(budget), Unit::yuan, page, "list." + pn + ".budget");
      lp.budget.total->value.reading = Reading::exact;
      Indicator cost;
      cost.level2 = "成本指标";
      cost.target = text_at(yuan(budget), page, "");
      lp.indicators.push_back(std::move(cost));
      e.projects.push_back(std::move(lp));
    }
    report_.performance.evaluation = std::move(e);
  }
  // ---- 目录: every table the report holds; with table.missing, one it does not.
  next_line("目录");
  for (const Table& tb : report_.tables) {
    const std::string_view title = info(tb.role).title;
    report_.contents.push_back(ListedTable{tb.role, std::string(title), span(code_points(title))});
  }
  if (override_.contains("contents.missing")) {
    for (const TableRoleInfo& role : table_roles()) {
      const bool held = std::any_of(report_.tables.begin(), report_.tables.end(),
                                    [&](const Table& tb) { return tb.role == role.role; });
      if (held || role.budget || role.role == TableRole::other) continue;
      ListedTable missing{role.role, std::string(role.title), span(code_points(role.title))};
      places_["contents.missing"].push_back(missing.source);
      report_.contents.push_back(std::move(missing));
      break;
    }
  }
  // ---- What the text says of the document: its title, and the date its assets stand at.
  const auto overridden_year = [&](const std::string& name) {
    const auto it = override_.find(name);
    return it == override_.end() ? year_ : static_cast<std::int32_t>(std::stoi(it->second));
  };
  next_line("第二部分");
  {
    Mention title;
    title.kind = MentionKind::self_name;
    title.year = overridden_year("mention.title.year");
    title.names = ReportKind::final_accounts;
    title.text = std::to_string(title.year) + "年度部门决算情况说明";
    title.source = span(code_points(title.text));
    places_["mention.title"].push_back(title.source);
    report_.mentions.push_back(std::move(title));
  }
  if (const auto it = override_.find("mention.placeholder"); it != override_.end()) {
    Mention left;
    left.kind = MentionKind::placeholder;
    left.text = it->second;
    left.context = county_ + left.text + "局" + std::to_string(year_) + "年度部门决算表";
    left.source = span(code_points(left.text));
    places_["mention.placeholder"].push_back(left.source);
    report_.mentions.push_back(std::move(left));
  }
  next_line("第三部分 十");
  {
    Mention as_of;
    as_of.kind = MentionKind::as_of;
    as_of.year = overridden_year("mention.as_of.year");
    as_of.month = 12;
    as_of.day = 31;
    as_of.text = "截至" + std::to_string(as_of.year) + "年12月31日";
    as_of.source = span(code_points(as_of.text));
    places_["mention.as_of"].push_back(as_of.source);
    report_.mentions.push_back(std::move(as_of));
  }
}

std::vector<InjectedError> Builder::resolve() const {
  std::vector<InjectedError> out;
  for (const Expected& e : expected_) {
    InjectedError err;
    err.kind = e.kind;
    err.rule = e.rule;
    err.description = e.description;
    auto it = places_.find(e.name);
    if (it == places_.end() || it->second.empty()) {
      throw std::logic_error("fisc-gen: no place for " + e.name);
    }
    std::vector<Source> all = it->second;
    std::stable_sort(all.begin(), all.end(), place_less);
    if (e.how == Expected::How::restated) {
      // The perturbed statement is the text's, the first in document order: the finding points
      // at the second statement of the fact.
      auto text = places_.find(e.name + ".text");
      if (text != places_.end()) all.insert(all.end(), text->second.begin(), text->second.end());
      std::stable_sort(all.begin(), all.end(), place_less);
      err.where = all.at(1);
    } else if (e.how == Expected::How::at_6th) {
      err.where = all.front();
      err.where.span->column += 5;
      err.where.span->length = 1;
    } else {
      err.where = all.front();
    }
    out.push_back(std::move(err));
  }
  return out;
}

GeneratedReport Builder::build() {
  model();
  const bool inject_one = rng_.chance(options_.error_rate_ppm);
  if (inject_one) {
    const std::size_t n = options_.kinds.empty() ? all_kinds.size() : options_.kinds.size();
    const std::size_t k = static_cast<std::size_t>(rng_.below(n));
    inject(options_.kinds.empty() ? all_kinds[k] : std::string_view(options_.kinds[k]));
  }
  render();
  GeneratedReport out;
  out.errors = resolve();
  out.report = std::move(report_);
  return out;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20U) {
      const char* hex = "0123456789abcdef";
      out += "\\u00";
      out.push_back(hex[(static_cast<unsigned char>(c) >> 4U) & 0xFU]);
      out.push_back(hex[static_cast<unsigned char>(c) & 0xFU]);
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

}  // namespace

std::span<const std::string_view> kinds() noexcept { return all_kinds; }

GeneratedReport generate(std::uint64_t seed, const GenOptions& options) {
  for (const std::string& k : options.kinds) {
    if (std::find(all_kinds.begin(), all_kinds.end(), k) == all_kinds.end()) {
      throw std::invalid_argument("fisc-gen: unknown kind of error: " + k);
    }
  }
  return Builder(seed, options).build();
}

std::string write_truth_json(std::uint64_t seed, const GeneratedReport& generated) {
  std::string out = "{\n  \"seed\": " + std::to_string(seed) + ",\n  \"errors\": [";
  bool first = true;
  for (const InjectedError& e : generated.errors) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\"kind\": " + json_string(e.kind) + ", \"rule\": " + json_string(e.rule) +
           ", \"where\": {";
    if (e.where.span) {
      out += "\"line\": " + std::to_string(e.where.span->line) +
             ", \"column\": " + std::to_string(e.where.span->column);
    } else if (e.where.cell) {
      out += "\"table\": " + json_string(e.where.cell->table) +
             ", \"row\": " + json_string(e.where.cell->row) +
             ", \"column\": " + json_string(e.where.cell->column);
    }
    out += "}, \"description\": " + json_string(e.description) + "}";
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::int64_t parse_rate_ppm(std::string_view text) noexcept {
  if (text.empty()) return -1;
  std::int64_t whole = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > 1) return -1;
  }
  if (i == 0) return -1;
  std::int64_t frac = 0;
  int digits = 0;
  if (i < text.size()) {
    if (text[i] != '.') return -1;
    for (++i; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9' || digits == 6) return -1;
      frac = frac * 10 + (text[i] - '0');
      ++digits;
    }
  }
  for (; digits < 6; ++digits) frac *= 10;
  const std::int64_t ppm = whole * 1000000 + frac;
  return ppm > 1000000 ? -1 : ppm;
}

}  // namespace fisc::gen
