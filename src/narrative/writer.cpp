// SPDX-License-Identifier: BSL-1.0
#include "fisc/narrative/writer.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/function_code.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/facts/fact_store.hpp"
#include "fisc/numbers/allocate.hpp"
#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/numbers/unit.hpp"

namespace fisc {

namespace {

// Published figures round half away from zero (四舍五入): amounts in 元 or 万元 with more
// digits are brought to 0.01 万元, rates to 0.01%.
constexpr Rounding published = rounding_policy::published;
constexpr int money_decimals = 2;
constexpr int rate_decimals = 2;

constexpr std::string_view adjusted_note = "（各项占比按最大余额法调整，合计为100.00%。）";

/// One part of a whole in a list of shares: its words and its amount.
struct Part {
  std::string label;
  Money amount;
};

/// A figure of this year and the prior year's, if stated, with the words that name it.
struct Compared {
  std::string words;
  Money current;
  std::optional<Money> prior;
};

/// The shares of a list of parts in their whole, as text ("78.46%"), or nothing where the whole
/// is zero; `adjusted` when the shares were allocated by largest remainder.
struct Shares {
  std::vector<std::optional<std::string>> text;
  bool adjusted = false;
};

/// Dimensions of one coordinate.
Dimensions with(std::string_view name, std::string_view value) {
  Dimensions d;
  d.set(name, value);
  return d;
}

std::string wan(Money m) { return format(m, Unit::wan, money_decimals, published); }

std::string rate(Percent p) { return format(p); }

/// The absolute value of a percentage, for rates whose sign a word gives (下降11.64%).
Percent magnitude(Percent p) { return p < Percent{} ? -p : p; }

class Writer {
 public:
  Writer(const Report& report, const NarrateOptions& options)
      : report_(report),
        options_(options),
        facts_(collect_facts(report).facts),
        year_(report.year),
        prior_(report.year - 1) {}

  std::string write() {
    line("第二部分 " + y() + "年度部门决算情况说明");
    overall();
    income();
    expenditure();
    fiscal();
    general_budget();
    basic();
    three_public();
    government_fund();
    state_capital();
    other_matters();
    return std::move(out_);
  }

 private:
  const Report& report_;
  const NarrateOptions& options_;
  FactStore facts_;
  std::int32_t year_;
  std::int32_t prior_;
  std::string out_;

  [[nodiscard]] std::string y() const { return std::to_string(year_); }
  [[nodiscard]] std::string py() const { return std::to_string(prior_); }

  void line(std::string_view text) {
    out_ += text;
    out_ += '\n';
  }

  /// The figure of a key: a table's cell when the report has one, else the first statement or
  /// listing (collect_facts adds table cells first).
  [[nodiscard]] const Fact* find(std::string_view concept_id, const Dimensions& dims,
                                 std::int32_t year, Scenario scenario) const {
    FactKey key;
    key.concept_id = std::string(concept_id);
    key.measure = Measure::value;
    key.year = year;
    key.scenario = scenario;
    key.dims = dims;
    return facts_.first(key);
  }

  /// The amount of a fact exactly in 分 (a figure with digits finer than the 分 is rounded half
  /// away from zero); a figure without a money unit is in the report's unit.
  [[nodiscard]] std::optional<Money> money_of(const Fact* fact) const {
    if (fact == nullptr) return std::nullopt;
    Unit unit = fact->value.unit;
    if (!is_money(unit) && unit == Unit::none && is_money(report_.unit)) unit = report_.unit;
    const auto m = try_to_money(fact->value.value, unit, published);
    if (!m) return std::nullopt;
    return *m;
  }

  [[nodiscard]] std::optional<Money> money(std::string_view concept_id, const Dimensions& dims = {},
                                           std::optional<std::int32_t> year = std::nullopt) const {
    return money_of(find(concept_id, dims, year.value_or(year_), Scenario::actual));
  }

  [[nodiscard]] std::optional<Money> prior_money(std::string_view concept_id,
                                                 const Dimensions& dims = {}) const {
    return money(concept_id, dims, prior_);
  }

  /// The budget of this year's figure: 预算数, else 调整预算数, else 年初预算数.
  [[nodiscard]] std::optional<Money> budget(std::string_view concept_id,
                                            const Dimensions& dims = {}) const {
    for (const Scenario s :
         {Scenario::budget, Scenario::adjusted_budget, Scenario::initial_budget}) {
      if (const auto m = money_of(find(concept_id, dims, year_, s))) return m;
    }
    return std::nullopt;
  }

  /// A count as written ("1", "38"), or nothing.
  [[nodiscard]] std::optional<std::string> count(std::string_view concept_id,
                                                 const Dimensions& dims = {}) const {
    const Fact* f = find(concept_id, dims, year_, Scenario::actual);
    if (f == nullptr) return std::nullopt;
    return to_string(f->value.value);
  }

  /// "完成预算100.00%" when the figure has a non-zero budget.
  [[nodiscard]] std::optional<std::string> completed(Money actual, std::string_view concept_id,
                                                     const Dimensions& dims = {}) const {
    const auto b = budget(concept_id, dims);
    if (!b) return std::nullopt;
    const auto r = completion_rate(actual, *b, rate_decimals, published);
    if (!r) return std::nullopt;
    return "完成预算" + rate(*r);
  }

  /// "，完成预算100.00%", or nothing.
  [[nodiscard]] std::string completion(Money actual, std::string_view concept_id,
                                       const Dimensions& dims = {}) const {
    const auto c = completed(actual, concept_id, dims);
    return c ? "，" + *c : std::string();
  }

  /// How a figure moved from the prior year: "减少125.30万元，下降11.64%", "增加0.57万元，增长
  /// 1.28%", "持平"; over a zero prior only the amount ("增加204.85万元").
  [[nodiscard]] static std::string movement(Money current, Money prior, std::string_view fall) {
    if (current == prior) return "持平";
    const auto delta = change(current, prior);
    if (!delta) return {};
    // Compared as 分: Money's defaulted <=> trips clang-tidy 14 (modernize-use-nullptr).
    const bool up = current.fen() > prior.fen();
    std::string text = up ? "增加" : "减少";
    text += wan(up ? *delta : -*delta);
    text += "万元";
    if (const auto r = change_rate(current, prior, rate_decimals, published)) {
      text += "，";
      text += up ? std::string_view("增长") : fall;
      text += rate(magnitude(*r));
    }
    return text;
  }

  /// "比2019年减少1.56万元，下降31.64%" or "与2019年持平".
  [[nodiscard]] std::string compared(Money current, Money prior) const {
    if (current == prior) return "与" + py() + "年持平";
    return "比" + py() + "年" + movement(current, prior, "下降");
  }

  /// The shares of `parts` in `whole`: each rounded on its own, or, with exact_shares and parts
  /// that add up to the whole exactly, allocated by largest remainder to sum to 100.00%.
  [[nodiscard]] Shares shares(const std::vector<Part>& parts, Money whole) const {
    Shares s;
    s.text.resize(parts.size());
    if (whole.is_zero()) return s;
    if (options_.exact_shares && whole.fen() > 0) {
      std::vector<Money> amounts;
      Money sum;
      bool exact = true;
      for (const Part& p : parts) {
        if (p.amount.is_negative()) exact = false;
        amounts.push_back(p.amount);
        const auto next = try_add(sum, p.amount);
        if (!next) {
          exact = false;
          break;
        }
        sum = *next;
      }
      if (exact && sum == whole) {
        if (const auto allocated = rounded_shares(amounts, rate_decimals)) {
          for (std::size_t i = 0; i < parts.size(); ++i) s.text[i] = rate((*allocated)[i]);
          s.adjusted = true;
          return s;
        }
      }
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (const auto r = share(parts[i].amount, whole, rate_decimals, published)) {
        s.text[i] = rate(*r);
      }
    }
    return s;
  }

  /// "A X万元，占Y%；B …" for the parts of a whole, and the note when the shares were adjusted.
  [[nodiscard]] std::pair<std::string, bool> share_list(const std::vector<Part>& parts, Money whole,
                                                        std::string_view share_word = "占") const {
    const Shares s = shares(parts, whole);
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) text += "；";
      text += parts[i].label;
      text += wan(parts[i].amount);
      text += "万元";
      if (s.text[i]) {
        text += "，";
        text += share_word;
        text += *s.text[i];
      }
    }
    return {text, s.adjusted};
  }

  /// The parts of `specs` (concept id, words) the report states, in the order given.
  [[nodiscard]] std::vector<Part> parts_of(
      std::initializer_list<std::pair<std::string_view, std::string_view>> specs,
      const Dimensions& dims = {}) const {
    std::vector<Part> parts;
    for (const auto& spec : specs) {
      if (const auto m = money(spec.first, dims)) parts.push_back({std::string(spec.second), *m});
    }
    return parts;
  }

  // 一、收入支出决算总体情况说明
  void overall() {
    const auto in = money("income.total");
    const auto out = money("expenditure.total");
    if (!in && !out) return;
    line("一、收入支出决算总体情况说明");
    std::string text = y() + "年度";
    if (in) text += "收入" + wan(*in) + "万元";
    if (in && out) text += "、";
    if (out) text += "支出" + wan(*out) + "万元";
    text += "。";
    const auto in0 = in ? prior_money("income.total") : std::nullopt;
    const auto out0 = out ? prior_money("expenditure.total") : std::nullopt;
    if (in0 || out0) {
      text += "与" + py() + "年度";
      if (in0) text += "收入" + wan(*in0) + "万元";
      if (in0 && out0) text += "、";
      if (out0) text += "支出" + wan(*out0) + "万元";
      text += "相比较，";
      if (in0) text += "收入" + movement(*in, *in0, "下降");
      if (in0 && out0) text += "；";
      if (out0) text += "支出" + movement(*out, *out0, "降低");
      text += "。";
    }
    line(text);
  }

  /// 二 and 三: a total, its parts with their shares, and the completion of its budget.
  void breakdown(std::string_view heading, std::string_view total_concept,
                 std::string_view total_words, const std::vector<Part>& parts) {
    const auto total = money(total_concept);
    if (!total) return;
    line(heading);
    std::string text = y() + "年" + std::string(total_words) + wan(*total) + "万元";
    bool adjusted = false;
    if (!parts.empty()) {
      auto [list, adj] = share_list(parts, *total);
      text += "，其中：" + list;
      adjusted = adj;
    }
    text += "。";
    if (adjusted) text += adjusted_note;
    if (const auto c = completed(*total, total_concept)) text += *c + "。";
    line(text);
  }

  // 二、收入决算情况说明
  void income() {
    breakdown("二、收入决算情况说明", "income.total", "本年收入合计",
              parts_of({{"income.general_budget", "一般公共预算财政拨款收入"},
                        {"income.government_fund", "政府性基金预算财政拨款收入"},
                        {"income.state_capital", "国有资本经营预算财政拨款收入"},
                        {"income.superior_grant", "上级补助收入"},
                        {"income.service_revenue", "事业收入"},
                        {"income.business_revenue", "经营收入"},
                        {"income.subsidiary_remittance", "附属单位上缴收入"},
                        {"income.other_revenue", "其他收入"}}));
  }

  // 三、支出决算情况说明
  void expenditure() {
    breakdown("三、支出决算情况说明", "expenditure.total", "本年支出合计",
              parts_of({{"expenditure.basic", "基本支出"},
                        {"expenditure.project", "项目支出"},
                        {"expenditure.remittance_to_superior", "上缴上级支出"},
                        {"expenditure.business", "经营支出"},
                        {"expenditure.grants_to_subsidiaries", "对附属单位补助支出"}}));
  }

  /// "与2019年相比，A减少…；B增加…。" over the pairs whose prior figure the report states.
  [[nodiscard]] std::string comparison(const std::vector<Compared>& items,
                                       std::string_view fall_first,
                                       std::string_view fall_rest) const {
    std::string text;
    bool first = true;
    for (const Compared& item : items) {
      if (!item.prior) continue;
      text += first ? "与" + py() + "年相比，" : std::string("；");
      text += item.words;
      text += movement(item.current, *item.prior, first ? fall_first : fall_rest);
      first = false;
    }
    if (!first) text += "。";
    return text;
  }

  // 四、财政拨款收入支出决算总体情况说明
  void fiscal() {
    const auto in = money("income.fiscal");
    const auto out = money("expenditure.fiscal");
    if (!in && !out) return;
    line("四、财政拨款收入支出决算总体情况说明");
    std::vector<Compared> items;
    if (in) items.push_back({"财政拨款收入", *in, prior_money("income.fiscal")});
    if (out) {
      const bool after_income = in && prior_money("income.fiscal");
      items.push_back(
          {after_income ? "支出" : "财政拨款支出", *out, prior_money("expenditure.fiscal")});
    }
    const std::string compare = comparison(items, in ? "下降" : "降低", "降低");
    if (in) line(y() + "年财政拨款收入" + wan(*in) + "万元。" + compare);
    if (out) {
      line(y() + "年财政拨款支出决算为" + wan(*out) + "万元" +
           completion(*out, "expenditure.fiscal") + "。" + (in ? std::string() : compare));
    }
  }

  /// The name of a 类 as the text writes it: 一般公共服务（类） for 201 (一般公共服务支出).
  [[nodiscard]] std::string class_label(const FunctionCode& code) const {
    std::string name;
    if (const auto n = Catalogue::builtin().name(AnyCode{code}, year_)) {
      name = std::string(*n);
      constexpr std::string_view suffix = "支出";
      if (name.size() > suffix.size() && name.ends_with(suffix)) {
        name.resize(name.size() - suffix.size());
      }
    } else {
      name = to_string(code);
    }
    return name + "（类）";
  }

  /// The 类 of general-budget spending the report states, in the order it first states them.
  [[nodiscard]] std::vector<std::pair<FunctionCode, Dimensions>> general_budget_classes() const {
    std::vector<std::pair<FunctionCode, Dimensions>> classes;
    for (const Fact& f : facts_.all()) {
      const FactKey& k = f.key;
      if (k.concept_id != "expenditure.fiscal" || k.measure != Measure::value || k.year != year_ ||
          k.scenario != Scenario::actual || k.dims.size() != 2 ||
          k.dims.get("fund") != std::optional<std::string_view>("general_budget")) {
        continue;
      }
      const auto function = k.dims.get("function");
      if (!function) continue;
      const auto code = FunctionCode::parse(*function);
      if (!code || code->level() != CodeLevel::class_) continue;
      bool seen = false;
      for (const auto& c : classes) seen = seen || c.first == *code;
      if (!seen) classes.emplace_back(*code, k.dims);
    }
    return classes;
  }

  // 五、一般公共预算财政拨款支出决算情况说明
  void general_budget() {
    const Dimensions gb = with("fund", "general_budget");
    const auto total = money("expenditure.fiscal", gb);
    const auto classes = general_budget_classes();
    if (!total && classes.empty()) return;
    line("五、一般公共预算财政拨款支出决算情况说明");
    if (total) {
      line("1.一般公共预算财政拨款支出决算总体情况");
      std::string text = y() + "年一般公共预算财政拨款支出" + wan(*total) + "万元";
      if (const auto whole = money("expenditure.total"); whole && !whole->is_zero()) {
        if (const auto r = share(*total, *whole, rate_decimals, published)) {
          text += "，占本年支出合计的" + rate(*r);
        }
      }
      text += "。";
      if (const auto p = prior_money("expenditure.fiscal", gb)) {
        text += "与" + py() + "年相比，一般公共预算财政拨款" + movement(*total, *p, "降低") + "。";
      }
      line(text);
    }
    std::vector<Part> parts;
    std::vector<const Dimensions*> dims;
    for (const auto& [code, d] : classes) {
      if (const auto m = money("expenditure.fiscal", d)) {
        parts.push_back({class_label(code) + "支出", *m});
        dims.push_back(&d);
      }
    }
    if (!parts.empty()) {
      line("2.一般公共预算财政拨款支出决算结构情况");
      std::string text = y() + "年一般公共预算财政拨款支出";
      if (total) text += wan(*total) + "万元，";
      text += "主要用于以下方面:";
      auto [list, adjusted] = share_list(parts, total.value_or(Money{}));
      text += list + "。";
      if (adjusted) text += adjusted_note;
      line(text);
    }
    // 3: only the figures whose budget the report states.
    std::vector<std::string> executed;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const std::string c = completion(parts[i].amount, "expenditure.fiscal", *dims[i]);
      if (c.empty()) continue;
      std::string label = parts[i].label;
      label.resize(label.size() - std::string_view("支出").size());
      std::string text = std::to_string(executed.size() + 1);
      text += ".";
      text += label;
      text += ": 支出决算为";
      text += wan(parts[i].amount);
      text += "万元";
      text += c;
      text += "。";
      executed.push_back(std::move(text));
    }
    const std::string total_completion =
        total ? completion(*total, "expenditure.fiscal", gb) : std::string();
    if (executed.empty() && total_completion.empty()) return;
    line("3.一般公共预算财政拨款支出预算执行具体情况");
    if (!total_completion.empty()) {
      line(y() + "年一般公共预算财政拨款支出决算数为" + wan(*total) + "万元" + total_completion +
           "。" + (executed.empty() ? "" : "其中："));
    }
    for (const auto& e : executed) line(e);
  }

  // 六、一般公共预算财政拨款基本支出决算情况说明
  void basic() {
    const Dimensions gb = with("fund", "general_budget");
    const auto total = money("expenditure.basic", gb);
    if (!total) return;
    line("六、一般公共预算财政拨款基本支出决算情况说明");
    std::string text = y() + "年一般公共预算财政拨款基本支出" + wan(*total) + "万元";
    if (const auto p = money("expenditure.basic.personnel", gb)) {
      text += "，其中：人员经费" + wan(*p) + "万元";
    }
    line(text + "。");
    if (const auto p = money("expenditure.basic.public_expense", gb)) {
      line("公用经费" + wan(*p) + "万元。");
    }
  }

  // 七、一般公共预算财政拨款“三公”经费支出决算情况说明
  void three_public() {
    const Dimensions gb = with("fund", "general_budget");
    const auto total = money("three_public.total", gb);
    const auto overseas = money("three_public.overseas_travel", gb);
    const auto vehicles = money("three_public.vehicles", gb);
    const auto reception = money("three_public.reception", gb);
    if (!total && !overseas && !vehicles && !reception) return;
    line("七、一般公共预算财政拨款“三公”经费支出决算情况说明");
    if (total) {
      line("1.“三公”经费财政拨款支出决算总体情况说明");
      line(y() + "年“三公”经费财政拨款支出决算为" + wan(*total) + "万元" +
           completion(*total, "three_public.total", gb) + "。");
    }
    if (!overseas && !vehicles && !reception) return;
    line("2.“三公”经费财政拨款支出决算具体情况说明");
    const std::vector<Part> parts =
        parts_of({{"three_public.overseas_travel", "因公出国（境）费支出决算"},
                  {"three_public.vehicles", "公务用车购置及运行维护费支出决算"},
                  {"three_public.reception", "公务接待费支出决算"}},
                 gb);
    auto [list, adjusted] = share_list(parts, total.value_or(Money{}));
    line(y() + "年“三公”经费财政拨款支出决算中，" + list + "。" +
         (adjusted ? std::string(adjusted_note) : std::string()) + "具体情况如下：");
    if (overseas) {
      std::string text = "（1）因公出国（境）经费支出" + wan(*overseas) + "万元" +
                         completion(*overseas, "three_public.overseas_travel", gb) + "。";
      const auto groups = count("three_public.overseas_travel.groups");
      const auto people = count("three_public.overseas_travel.people");
      if (groups && people) {
        text += "全年安排因公出国（境）团组" + *groups + "次，出国（境）" + *people + "人。";
      }
      if (const auto p = prior_money("three_public.overseas_travel", gb)) {
        text += "因公出国（境）支出决算" + compared(*overseas, *p) + "。";
      }
      line(text);
    }
    if (vehicles) {
      std::string text = "（2）公务用车购置及运行维护费支出" + wan(*vehicles) + "万元" +
                         completion(*vehicles, "three_public.vehicles", gb) + "。";
      if (const auto p = prior_money("three_public.vehicles", gb)) {
        text += "公务用车购置及运行维护费支出决算" + compared(*vehicles, *p) + "。";
      }
      line(text);
      vehicle_details(gb);
    }
    if (reception) {
      std::string text = "（3）公务接待费支出" + wan(*reception) + "万元" +
                         completion(*reception, "three_public.reception", gb) + "。";
      if (const auto p = prior_money("three_public.reception", gb)) {
        text += "公务接待费支出决算" + compared(*reception, *p) + "。";
      }
      line(text);
      reception_details(gb);
    }
  }

  void vehicle_details(const Dimensions& gb) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kinds{
        {{"sedan", "轿车"}, {"suv", "越野车"}, {"passenger", "载客汽车"}}};
    std::string text;
    if (const auto p = money("three_public.vehicles.purchase", gb)) {
      text += "其中：公务用车购置支出" + wan(*p) + "万元。";
    }
    if (const auto n = count("three_public.vehicles.purchased")) {
      text += "全年按规定更新购置公务用车" + *n + "辆";
      std::string each;
      for (const auto& [kind, words] : kinds) {
        const auto k = count("three_public.vehicles.purchased", with("vehicle_kind", kind));
        if (!k) continue;
        each += each.empty() ? "，其中：" : "，";
        each += std::string(words) + *k + "辆";
        Dimensions d = gb;
        d.set("vehicle_kind", kind);
        if (const auto m = money("three_public.vehicles.purchase", d)) {
          each += "、金额" + wan(*m) + "万元";
        }
      }
      text += each + "。";
    }
    if (const auto n = count("three_public.vehicles.held")) {
      text += "截至" + y() + "年12月底，单位共有公务用车" + *n + "辆";
      std::string each;
      for (const auto& [kind, words] : kinds) {
        const auto k = count("three_public.vehicles.held", with("vehicle_kind", kind));
        if (!k) continue;
        each += each.empty() ? "，其中：" : "、";
        each += std::string(words) + *k + "辆";
      }
      text += each + "。";
    }
    if (!text.empty()) line(text);
    if (const auto m = money("three_public.vehicles.operation", gb)) {
      line("公务用车运行维护费支出" + wan(*m) + "万元。");
    }
  }

  void reception_details(const Dimensions& gb) {
    const Dimensions domestic = with("scope", "domestic");
    const auto batches = count("three_public.reception.batches", domestic);
    const auto people = count("three_public.reception.people", domestic);
    if (batches && people) {
      std::string text = "国内公务接待" + *batches + "批次，" + *people + "人次";
      Dimensions d = gb;
      d.set("scope", "domestic");
      if (const auto m = money("three_public.reception", d)) {
        text += "，共计支出" + wan(*m) + "万元";
      }
      line(text + "。");
    }
    const auto foreign = money("three_public.reception.foreign", gb);
    const auto foreign_batches = count("three_public.reception.foreign.batches");
    const auto foreign_people = count("three_public.reception.foreign.people");
    std::vector<std::string> pieces;
    if (foreign) pieces.push_back("外事接待支出" + wan(*foreign) + "万元");
    if (foreign_batches && foreign_people) {
      pieces.push_back("外事接待" + *foreign_batches + "批次，" + *foreign_people + "人");
    }
    if (!pieces.empty()) line(join(pieces, "，") + "。");
  }

  [[nodiscard]] static std::string join(const std::vector<std::string>& pieces,
                                        std::string_view separator) {
    std::string text;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (i > 0) text += separator;
      text += pieces[i];
    }
    return text;
  }

  /// "2020年X收入A万元、支出B万元。" and how each moved from the prior year.
  void fund_section(std::string_view heading, std::string_view fund, std::string_view words,
                    std::string_view income_concept) {
    const Dimensions dims = with("fund", fund);
    const auto in = income_concept.empty() ? std::nullopt : money(income_concept);
    const auto out = money("expenditure.fiscal", dims);
    if (!in && !out) return;
    line(heading);
    std::string text = y() + "年" + std::string(words);
    if (in && out && *in == *out) {
      text += "收、支总计" + wan(*in) + "万元。";
    } else {
      if (in) text += "收入" + wan(*in) + "万元";
      if (in && out) text += "、";
      if (out) text += "支出" + wan(*out) + "万元";
      text += "。";
    }
    std::vector<Compared> items;
    if (in) items.push_back({std::string(words) + "收入", *in, prior_money(income_concept)});
    if (out) {
      items.push_back({std::string(words) + "支出", *out, prior_money("expenditure.fiscal", dims)});
    }
    line(text + comparison(items, in ? "下降" : "降低", "降低"));
  }

  // 八 and 九.
  void government_fund() {
    fund_section("八、政府性基金预算财政拨款收入支出情况说明", "government_fund",
                 "政府性基金预算财政拨款", "income.government_fund");
  }
  void state_capital() {
    fund_section("九、国有资本经营预算支出决算情况说明", "state_capital", "国有资本经营预算拨款",
                 {});
  }

  // 其他重要事项说明
  void other_matters() {
    std::vector<std::string> lines;
    if (const auto m = money("office_running")) {
      std::string text =
          "（一）机关运行经费支出情况。" + y() + "年，机关运行经费支出" + wan(*m) + "万元";
      if (const auto p = prior_money("office_running")) text += "，" + compared(*m, *p);
      lines.push_back(text + "。");
    }
    if (const auto total = money("procurement.total")) {
      std::string text = "（二）关于政府采购支出说明。本部门" + y() + "年度政府采购支出总额" +
                         wan(*total) + "万元";
      std::vector<std::string> kinds;
      for (const auto& [concept_id, words] :
           {std::pair<std::string_view, std::string_view>{"procurement.goods", "政府采购货物支出"},
            {"procurement.works", "政府采购工程支出"},
            {"procurement.services", "政府采购服务支出"}}) {
        if (const auto m = money(concept_id))
          kinds.push_back(std::string(words) + wan(*m) + "万元");
      }
      if (!kinds.empty()) text += "，其中：" + join(kinds, "、");
      text += "。";
      const auto of_total = [&](Money part) -> std::string {
        if (total->is_zero()) return {};
        const auto r = share(part, *total, rate_decimals, published);
        return r ? "，占政府采购支出总额的" + rate(*r) : std::string();
      };
      const auto sme = money("procurement.sme");
      const auto small = money("procurement.small_micro");
      if (sme) text += "授予中小企业合同金额" + wan(*sme) + "万元" + of_total(*sme);
      if (sme && small) text += "，其中：";
      if (small) text += "授予小微企业合同金额" + wan(*small) + "万元" + of_total(*small);
      if (sme || small) text += "。";
      lines.push_back(text);
    }
    if (const auto text = assets(); !text.empty()) lines.push_back(text);
    if (lines.empty()) return;
    line("其他重要事项说明");
    for (const auto& l : lines) line(l);
  }

  [[nodiscard]] std::string assets() const {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> uses{
        {{"ministerial", "部级领导干部用车"},
         {"principal_leader", "主要领导干部用车"},
         {"confidential_communication", "机要通信用车"},
         {"emergency", "应急保障用车"},
         {"law_enforcement", "执法执勤用车"},
         {"special_technical", "特种专业技术用车"},
         {"retired_cadres", "离退休干部用车"},
         {"other", "其他用车"}}};
    std::vector<std::string> pieces;
    if (const auto n = count("assets.vehicles")) {
      std::string text = "本部门共有车辆" + *n + "辆";
      std::vector<std::string> each;
      for (const auto& [use, words] : uses) {
        if (const auto k = count("assets.vehicles", with("vehicle_use", use))) {
          each.push_back(std::string(words) + *k + "辆");
        }
      }
      if (!each.empty()) text += "，其中，" + join(each, "、");
      pieces.push_back(text);
    }
    if (const auto n = count("assets.general_equipment_500k")) {
      pieces.push_back("单位价值50万元以上通用设备" + *n + "台（套）");
    }
    if (const auto n = count("assets.special_equipment_1m")) {
      pieces.push_back("单位价值100万元以上专用设备" + *n + "台（套）");
    }
    if (pieces.empty()) return {};
    return "（三）关于国有资产占用情况说明。截至" + y() + "年12月31日，" + join(pieces, "；") +
           "。";
  }
};

}  // namespace

std::string write_narrative(const Report& report, const NarrateOptions& options) {
  return Writer(report, options).write();
}

}  // namespace fisc
