// SPDX-License-Identifier: BSL-1.0
#include "fisc/perf/target.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

using boost::gregorian::date;
using fisc::Comparator;
using fisc::ParseErrc;
using fisc::Reading;
using fisc::Target;
using fisc::TargetErrc;
using fisc::TargetKind;
using fisc::TargetOutcome;
using fisc::UnitKind;

namespace {

constexpr std::int32_t year = 2020;

Target parse(std::string_view text) {
  CAPTURE(text);
  auto r = fisc::parse_target(text, year);
  if (!r) FAIL_CHECK(fisc::describe(r.error()));
  REQUIRE(r.has_value());
  CHECK(r->text.size() <= text.size());
  return std::move(*r);
}

struct One {
  Comparator comparator;
  std::int64_t coefficient;
  std::int32_t exponent;
  UnitKind kind;
  std::string_view unit;
  std::string_view label = "";
};

void check_quantity(std::string_view text, const One& e) {
  CAPTURE(text);
  const Target t = parse(text);
  REQUIRE(t.kind == TargetKind::quantity);
  REQUIRE(t.quantities.size() == 1);
  const auto& q = t.quantities.front();
  CHECK(t.comparator == e.comparator);
  CHECK(q.comparator == e.comparator);
  CHECK(q.figure.value.coefficient() == e.coefficient);
  CHECK(q.figure.value.exponent() == e.exponent);
  CHECK(q.unit.kind == e.kind);
  CHECK(q.unit.text == e.unit);
  CHECK(q.label == e.label);
  CHECK(t.text == text);
}

void check_error(std::string_view text, TargetErrc code, std::size_t offset, std::size_t column) {
  CAPTURE(text);
  const auto r = fisc::parse_target(text, year);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == code);
  CHECK(r.error().offset == offset);
  CHECK(r.error().column == column);
}

TargetOutcome outcome(std::string_view target, std::string_view actual) {
  CAPTURE(target);
  CAPTURE(actual);
  const auto e = fisc::evaluate(parse(target), parse(actual));
  CHECK_FALSE(e.reason_zh.empty());
  CHECK_FALSE(e.reason_en.empty());
  return e.outcome;
}

}  // namespace

TEST_CASE("perf: quantities from the seed document") {
  check_quantity("≥96%", {Comparator::at_least, 96, 0, UnitKind::percent, "%"});
  check_quantity("96%以上", {Comparator::at_least, 96, 0, UnitKind::percent, "%"});
  check_quantity("97%以上", {Comparator::at_least, 97, 0, UnitKind::percent, "%"});
  check_quantity("100%", {Comparator::equal, 100, 0, UnitKind::percent, "%"});
  check_quantity("满意度达96%以上",
                 {Comparator::at_least, 96, 0, UnitKind::percent, "%", "满意度"});
  check_quantity("2421.1平方米", {Comparator::equal, 24211, -1, UnitKind::area, "平方米"});
  check_quantity("3个", {Comparator::equal, 3, 0, UnitKind::count, "个"});
  check_quantity("站点30个", {Comparator::equal, 30, 0, UnitKind::count, "个", "站点"});
  check_quantity("12.42万元", {Comparator::equal, 1242, -2, UnitKind::money, "万元"});
  check_quantity("124154.00元", {Comparator::equal, 12415400, -2, UnitKind::money, "元"});
  check_quantity("５", {Comparator::equal, 5, 0, UnitKind::none, ""});
}

TEST_CASE("perf: units keep their text and compare by base") {
  const Target wan = parse("12.42万元");
  CHECK(wan.quantities[0].unit.base == "元");
  CHECK(wan.quantities[0].unit.scale == 4);
  CHECK(wan.quantities[0].figure.reading == Reading::rounded);
  const Target people = parse("10万人次");
  REQUIRE(people.kind == TargetKind::quantity);
  CHECK(people.quantities[0].unit.text == "万人次");
  CHECK(people.quantities[0].unit.base == "人次");
  CHECK(people.quantities[0].unit.scale == 4);
  const Target ming = parse("保洁1名");
  CHECK(ming.quantities[0].unit.text == "名");
  CHECK(ming.quantities[0].unit.base == "人");
  CHECK(ming.quantities[0].figure.reading == Reading::exact);
  const Target days = parse("3个工作日内");
  CHECK(days.quantities[0].unit.base == "工作日");
  CHECK(days.comparator == Comparator::at_most);
  for (const std::string_view unit : {"个", "人", "人次", "名", "期", "批次", "次", "天", "个月",
                                      "家", "台", "套", "件", "篇", "项"}) {
    const Target t = parse("5" + std::string(unit));
    CAPTURE(unit);
    REQUIRE(t.kind == TargetKind::quantity);
    CHECK(t.quantities[0].unit.kind == UnitKind::count);
    CHECK(t.quantities[0].unit.text == unit);
  }
}

TEST_CASE("perf: full-width digits, symbols and spaces") {
  check_quantity("≥９６％", {Comparator::at_least, 96, 0, UnitKind::percent, "％"});
  const Target spaced = parse("  ≥ 96 %  以上 ");
  CHECK(spaced.comparator == Comparator::at_least);
  CHECK(spaced.quantities[0].figure.value == fisc::Decimal(96, 0));
  CHECK(spaced.text == "≥ 96 %  以上");
  const Target t = parse("\u3000＞９５．５％\u3000");
  CHECK(t.comparator == Comparator::more_than);
  CHECK(t.quantities[0].figure.value.coefficient() == 955);
  CHECK(t.text == "＞９５．５％");
  check_quantity("＜5%", {Comparator::less_than, 5, 0, UnitKind::percent, "%"});
  check_quantity("＝100%", {Comparator::equal, 100, 0, UnitKind::percent, "%"});
}

TEST_CASE("perf: every comparator word and symbol") {
  struct Case {
    std::string_view text;
    Comparator comparator;
  };
  for (const Case c : {
           Case{"≥95%", Comparator::at_least},      Case{">=95%", Comparator::at_least},
           Case{"95%以上", Comparator::at_least},   Case{"95%及以上", Comparator::at_least},
           Case{"不低于95%", Comparator::at_least}, Case{"不少于95%", Comparator::at_least},
           Case{"达到95%", Comparator::at_least},   Case{"至少95%", Comparator::at_least},
           Case{"≤5%", Comparator::at_most},        Case{"<=5%", Comparator::at_most},
           Case{"5%以下", Comparator::at_most},     Case{"不高于5%", Comparator::at_most},
           Case{"不超过5%", Comparator::at_most},   Case{"至多5%", Comparator::at_most},
           Case{"5%以内", Comparator::at_most},     Case{">5%", Comparator::more_than},
           Case{"超过5%", Comparator::more_than},   Case{"<5%", Comparator::less_than},
           Case{"低于5%", Comparator::less_than},   Case{"=5%", Comparator::equal},
           Case{"5%", Comparator::equal},           Case{"约10万元", Comparator::about},
           Case{"10万元左右", Comparator::about},   Case{"达5%以下", Comparator::at_most},
       }) {
    CAPTURE(c.text);
    const Target t = parse(c.text);
    REQUIRE(t.kind == TargetKind::quantity);
    CHECK(t.comparator == c.comparator);
  }
}

TEST_CASE("perf: ranges") {
  for (const std::string_view text :
       {"90%-95%", "90%～95%", "90%~95%", "90%至95%", "90-95%", "90% - 95%", "９０％－９５％"}) {
    CAPTURE(text);
    const Target t = parse(text);
    REQUIRE(t.kind == TargetKind::range);
    REQUIRE(t.quantities.size() == 2);
    CHECK(t.quantities[0].figure.value == fisc::Decimal(90, 0));
    CHECK(t.quantities[1].figure.value == fisc::Decimal(95, 0));
    CHECK(t.quantities[0].unit.kind == UnitKind::percent);
    CHECK(t.quantities[1].unit.kind == UnitKind::percent);
  }
  const Target days = parse("3至5天");
  REQUIRE(days.kind == TargetKind::range);
  CHECK(days.quantities[0].unit.text == "天");
  CHECK(days.quantities[0].figure.reading == Reading::exact);
  CHECK(parse("约90%-95%").comparator == Comparator::about);
  // An 18-digit end has no room for its rounding interval; the range is still read (fuzzer).
  const Target wide = parse("33%-333333333333333336%");
  CHECK(wide.kind == TargetKind::range);
  CHECK(fisc::evaluate(wide, wide).outcome == fisc::TargetOutcome::not_evaluable);
}

TEST_CASE("perf: lists of labelled quantities") {
  const Target t = parse("共91人、支部3个");
  REQUIRE(t.kind == TargetKind::list);
  REQUIRE(t.quantities.size() == 2);
  CHECK(t.quantities[0].label == "共");
  CHECK(t.quantities[0].figure.value == fisc::Decimal(91, 0));
  CHECK(t.quantities[0].unit.text == "人");
  CHECK(t.quantities[1].label == "支部");
  CHECK(t.quantities[1].unit.text == "个");

  const Target staff = parse("保洁1名、保安2名");
  REQUIRE(staff.kind == TargetKind::list);
  CHECK(staff.quantities[0].label == "保洁");
  CHECK(staff.quantities[1].label == "保安");
  CHECK(staff.quantities[1].figure.value == fisc::Decimal(2, 0));

  const Target grouped = parse("资金1,234.5万元，项目≥3个");
  REQUIRE(grouped.kind == TargetKind::list);
  CHECK(grouped.quantities[0].figure.value == fisc::Decimal(12345, -1));
  CHECK(grouped.quantities[1].comparator == Comparator::at_least);
}

TEST_CASE("perf: deadlines and periods") {
  struct Case {
    std::string_view text;
    TargetKind kind;
    date first;
    date last;
  };
  for (const Case& c : {
           Case{"2020年12月底", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
           Case{"2020年12月31日前", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
           Case{"2021年2月28日", TargetKind::deadline, date(2021, 2, 28), date(2021, 2, 28)},
           Case{"2020年2月29日", TargetKind::deadline, date(2020, 2, 29), date(2020, 2, 29)},
           Case{"2019年6月末", TargetKind::deadline, date(2019, 6, 30), date(2019, 6, 30)},
           Case{"2020年底", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
           Case{"2021年年底前", TargetKind::deadline, date(2021, 12, 31), date(2021, 12, 31)},
           Case{"年底前", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
           Case{"年底", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
           Case{"12月底", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
           Case{"2020年12月前完成", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
           Case{"第三季度末", TargetKind::deadline, date(2020, 9, 30), date(2020, 9, 30)},
           Case{"全年", TargetKind::period, date(2020, 1, 1), date(2020, 12, 31)},
           Case{"2019年全年", TargetKind::period, date(2019, 1, 1), date(2019, 12, 31)},
           Case{"2019年", TargetKind::period, date(2019, 1, 1), date(2019, 12, 31)},
           Case{"第四季度", TargetKind::period, date(2020, 10, 1), date(2020, 12, 31)},
           Case{"第4季度", TargetKind::period, date(2020, 10, 1), date(2020, 12, 31)},
           Case{"2021年第一季度", TargetKind::period, date(2021, 1, 1), date(2021, 3, 31)},
           Case{"上半年", TargetKind::period, date(2020, 1, 1), date(2020, 6, 30)},
           Case{"2020年12月", TargetKind::period, date(2020, 12, 1), date(2020, 12, 31)},
           Case{"２０２０年１２月底", TargetKind::deadline, date(2020, 12, 31), date(2020, 12, 31)},
       }) {
    CAPTURE(c.text);
    const Target t = parse(c.text);
    REQUIRE(t.kind == c.kind);
    REQUIRE(t.dates.has_value());
    CHECK(t.dates->first == c.first);
    CHECK(t.dates->last == c.last);
    CHECK_FALSE(t.on_schedule);
    CHECK(t.comparator ==
          (c.kind == TargetKind::deadline ? Comparator::at_most : Comparator::equal));
  }
  // 年底 without a year takes the default year.
  CHECK(fisc::parse_target("年底前", 2023)->dates->last == date(2023, 12, 31));
  for (const std::string_view text : {"按期", "按期完成", "按时完成"}) {
    CAPTURE(text);
    const Target t = parse(text);
    CHECK(t.kind == TargetKind::deadline);
    CHECK(t.on_schedule);
    CHECK_FALSE(t.dates.has_value());
  }
  const Target labelled = parse("完成时间：2020年12月底");
  CHECK(labelled.kind == TargetKind::deadline);
  CHECK(labelled.label == "完成时间：");
}

TEST_CASE("perf: qualitative text is kept as written") {
  for (const std::string_view text :
       {"良好", "有效提升", "有效提升社区服务水平", "全年无重大安全事故", "96%的群众满意",
        "提升服务、满意度提高", "不低于上年"}) {
    CAPTURE(text);
    const Target t = parse(text);
    CHECK(t.kind == TargetKind::qualitative);
    CHECK(t.text == text);
    CHECK(t.quantities.empty());
  }
  CHECK(parse("良好。").text == "良好");
}

TEST_CASE("perf: errors carry the place") {
  check_error("", TargetErrc::empty, 0, 1);
  check_error("   ", TargetErrc::empty, 0, 1);
  check_error("≥", TargetErrc::missing_figure, 3, 2);
  check_error("满意度≥", TargetErrc::missing_figure, 12, 5);
  check_error("90%-", TargetErrc::missing_figure, 4, 5);
  check_error("90%～ ", TargetErrc::missing_figure, 6, 5);
  check_error("96%%", TargetErrc::unexpected_character, 3, 4);
  check_error("９６％％", TargetErrc::unexpected_character, 9, 4);
  check_error("90%-95%-99%", TargetErrc::unexpected_character, 7, 8);
  check_error("≥96%以下", TargetErrc::conflicting_comparators, 6, 5);
  check_error("约96%以上", TargetErrc::conflicting_comparators, 6, 5);
  check_error("90%-95个", TargetErrc::unit_mismatch, 6, 7);
  check_error("95%-90%", TargetErrc::reversed_range, 0, 1);
  check_error("2020年13月", TargetErrc::invalid_month, 7, 6);
  check_error("2020年0月", TargetErrc::invalid_month, 7, 6);
  check_error("2021年2月29日", TargetErrc::invalid_day, 11, 8);
  check_error("2020年4月31日", TargetErrc::invalid_day, 11, 8);
  check_error("2020年12月31", TargetErrc::unexpected_character, 14, 11);
  check_error("第五季度", TargetErrc::invalid_quarter, 3, 2);
  check_error("2020年第5季度", TargetErrc::invalid_quarter, 10, 7);
  check_error("12000年", TargetErrc::invalid_year, 0, 1);
  check_error("13月底", TargetErrc::invalid_month, 0, 1);
  check_error("ab\xFF", TargetErrc::bad_utf8, 2, 3);

  const auto grouping = fisc::parse_target("≥1,234,56个", year);
  REQUIRE_FALSE(grouping.has_value());
  CHECK(grouping.error().code == TargetErrc::bad_figure);
  CHECK(grouping.error().figure == ParseErrc::bad_grouping);
  CHECK(grouping.error().offset == 8);
  CHECK(grouping.error().column == 7);
  CHECK(fisc::describe(grouping.error()) == "column 7: bad figure (bad thousands grouping)");

  const auto wan = fisc::parse_target("约12万", year);
  REQUIRE_FALSE(wan.has_value());
  CHECK(wan.error().figure == ParseErrc::incomplete_unit);
  CHECK(wan.error().column == 4);

  std::ostringstream os;
  os << TargetErrc::invalid_month << ' ' << TargetOutcome::needs_review;
  CHECK(os.str() == "invalid month needs_review");
}

TEST_CASE("perf: evaluation of quantities, with rounding") {
  CHECK(outcome("≥96%", "97%") == TargetOutcome::met);
  CHECK(outcome("≥96%", "96.5%") == TargetOutcome::met);
  CHECK(outcome("≥96%", "95%") == TargetOutcome::not_met);
  // 96% written is [95.5, 96.5): it may be 95.7.
  CHECK(outcome("≥96%", "96%") == TargetOutcome::needs_review);
  CHECK(outcome("≥96%", "96%以上") == TargetOutcome::met);
  CHECK(outcome("96%以上", "≥９６％") == TargetOutcome::met);
  CHECK(outcome(">96%", "96%以上") == TargetOutcome::needs_review);
  CHECK(outcome("≤5%", "3%") == TargetOutcome::met);
  CHECK(outcome("≤5%", "6%") == TargetOutcome::not_met);
  CHECK(outcome("<5%", "5%") == TargetOutcome::needs_review);
  CHECK(outcome("<5%", "5.6%") == TargetOutcome::not_met);
  CHECK(outcome("100%", "100%") == TargetOutcome::met);
  CHECK(outcome("100%", "99.8%") == TargetOutcome::met);
  CHECK(outcome("100%", "99.5%") == TargetOutcome::needs_review);
  CHECK(outcome("100%", "98%") == TargetOutcome::not_met);
  CHECK(outcome("3个", "3个") == TargetOutcome::met);
  CHECK(outcome("3个", "5个") == TargetOutcome::exceeded);
  CHECK(outcome("3个", "2个") == TargetOutcome::not_met);
  CHECK(outcome("≥3个", "5个") == TargetOutcome::met);
  CHECK(outcome("10万人次", "120000人次") == TargetOutcome::exceeded);
  CHECK(outcome("12.42万元", "124200元") == TargetOutcome::met);
  CHECK(outcome("12.42万元", "13万元") == TargetOutcome::not_met);  // money: more is not better
  CHECK(outcome("2421.1平方米", "2421.1平方米") == TargetOutcome::met);
  CHECK(outcome("90%-95%", "92%") == TargetOutcome::met);
  CHECK(outcome("90%-95%", "97%") == TargetOutcome::not_met);
  CHECK(outcome("90%-95%", "95.5%") == TargetOutcome::needs_review);
  CHECK(outcome("约10万元", "10万元") == TargetOutcome::met);
  CHECK(outcome("约10万元", "50万元") == TargetOutcome::needs_review);
  CHECK(outcome("10万元左右", "约10万元") == TargetOutcome::met);
}

TEST_CASE("perf: evaluation that cannot compare or needs a person") {
  CHECK(outcome("≥96%", "96个") == TargetOutcome::not_evaluable);
  CHECK(outcome("3个", "3人") == TargetOutcome::not_evaluable);
  CHECK(outcome("3个", "2020年12月底") == TargetOutcome::not_evaluable);
  CHECK(outcome("有效提升", "有效提升") == TargetOutcome::needs_review);
  CHECK(outcome("≥96%", "良好") == TargetOutcome::needs_review);
  CHECK(outcome("共91人、支部3个", "共91人、支部3个") == TargetOutcome::met);
  CHECK(outcome("共91人、支部3个", "共91人、支部2个") == TargetOutcome::not_met);
  CHECK(outcome("保洁1名、保安2名", "保洁1人、保安3人") == TargetOutcome::met);
  CHECK(outcome("保洁1名、保安2名", "保洁2人、保安3人") == TargetOutcome::exceeded);
  CHECK(outcome("保洁1名、保安2名", "保洁1人、保安2个") == TargetOutcome::not_evaluable);
}

TEST_CASE("perf: evaluation of dates") {
  CHECK(outcome("2020年12月底", "2020年11月30日") == TargetOutcome::met);
  CHECK(outcome("2020年12月底", "2020年12月31日") == TargetOutcome::met);
  CHECK(outcome("2020年12月底", "2021年1月5日") == TargetOutcome::not_met);
  CHECK(outcome("2020年12月15日前", "2020年12月") == TargetOutcome::needs_review);
  CHECK(outcome("年底前", "2020年12月") == TargetOutcome::met);
  CHECK(outcome("年底前", "按期") == TargetOutcome::met);
  CHECK(outcome("按期", "2020年12月") == TargetOutcome::needs_review);
  CHECK(outcome("按期", "按期完成") == TargetOutcome::met);
  CHECK(outcome("全年", "全年") == TargetOutcome::met);
  CHECK(outcome("全年", "第四季度") == TargetOutcome::met);
  CHECK(outcome("第四季度", "2020年9月") == TargetOutcome::not_met);
  CHECK(outcome("第四季度", "下半年") == TargetOutcome::needs_review);
  CHECK(fisc::to_string(TargetOutcome::not_evaluable) == "not_evaluable");
}
