// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/greg_date.hpp>
#include <tl/expected.hpp>

#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/numbers/stated.hpp"

/// A performance indicator's target value (指标值) or actual value (实际完成值), read from the text
/// a 项目支出绩效目标完成情况表 writes: `≥96%`, `96%以上`, `90%-95%`, `约10万元`, `站点30个`,
/// `共91人、支部3个`, `2020年12月底`, `年底前`, `第四季度`, `全年`, `按期`, or words kept as
/// written (`有效提升`, `良好`). The grammar is in docs/perf.md; figures are read by
/// numbers/parse.hpp (`parse_figure_prefix`), so a figure here is exactly a figure there.
namespace fisc {

/// What a target text says.
enum class TargetKind : std::uint8_t {
  quantity,  ///< one figure with a comparator: `≥96%`, `3个`, `约10万元`
  range,     ///< two figures: `90%-95%`, `90%～95%`, `3至5天`
  list,      ///< labelled figures: `共91人、支部3个`, `保洁1名、保安2名`
  deadline,  ///< on or before a day: `2020年12月底`, `2020年12月31日前`, `年底前`; or `按期`
  period,       ///< within days: `全年`, `第四季度`, `2020年12月`, `上半年`
  qualitative,  ///< words without a figure: `有效提升`, `良好`, kept as written
};

/// How a value is compared with the figure. The words map as: ≥ 以上 不低于 不少于 达到 达 至少 →
/// at_least; ≤ 以下 以内 不高于 不超过 至多 → at_most; > 超过 高于 → more_than; < 低于 少于 →
/// less_than; = or nothing → equal; 约 左右 ≈ → about.
enum class Comparator : std::uint8_t { at_least, at_most, more_than, less_than, equal, about };

/// What a target's unit measures. Figures compare only within one kind and one base unit.
enum class UnitKind : std::uint8_t {
  none,     ///< a plain number
  percent,  ///< % (percentage points)
  count,    ///< 个 人 人次 名 期 批次 次 天 月 家 台 套 件 篇 项 …
  area,     ///< 平方米 and the like
  money,    ///< 元 万元 亿元
};

/// The unit of a target's figure, as written (`text`) and as compared (`base` × 10^`scale`):
/// `万元` is base 元 scale 4, `万人次` base 人次 scale 4, `名` base 人 (名 counts people).
struct TargetUnit {
  UnitKind kind = UnitKind::none;
  std::string text;  ///< as written: "%", "％", "个", "平方米", "万元", "" for none
  std::string base;  ///< compared: "%", "个", "人", "平方米", "元", ""
  int scale = 0;     ///< power of ten from the written unit to `base`

  friend bool operator==(const TargetUnit&, const TargetUnit&) = default;
};

/// One figure of a target with its unit and comparator, and the words before it in its item
/// (`站点` in `站点30个`, `满意度` in `满意度达96%以上`, `共` in `共91人`).
struct TargetQuantity {
  Stated figure;  ///< the figure as written; counts are `Reading::exact`
  TargetUnit unit;
  Comparator comparator = Comparator::equal;
  std::string label;

  /// The true values the figure allows, in the unit's base (万元 → 元).
  [[nodiscard]] Result<Interval> try_interval() const noexcept;

  friend bool operator==(const TargetQuantity&, const TargetQuantity&) = default;
};

/// Days from `first` to `last`, both included.
struct DateSpan {
  boost::gregorian::date first;
  boost::gregorian::date last;

  friend bool operator==(const DateSpan&, const DateSpan&) = default;
};

/// 指标值 / 实际完成值: a target or an actual value of a performance indicator, and always its text
/// as written.
///
/// - quantity: `quantities` has one element, whose comparator is also `comparator`;
/// - range: two, low then high (`comparator` is equal);
/// - list: one per item, each with its own comparator and label;
/// - deadline: `dates.last` is the day (`dates.first` is the same day), `comparator` at_most;
///   `on_schedule` (按期, 按时) has no date;
/// - period: `dates` (`全年` is 1-1..12-31, `第四季度` 10-01..12-31), `comparator` equal;
/// - qualitative: the text only.
struct Target {
  TargetKind kind = TargetKind::qualitative;
  Comparator comparator = Comparator::equal;
  std::vector<TargetQuantity> quantities;
  std::optional<DateSpan> dates;
  bool on_schedule = false;
  std::string label;  ///< words before a date: `完成时间` in `完成时间2020年12月底`
  std::string text;   ///< the whole text as written

  friend bool operator==(const Target&, const Target&) = default;
};

/// Why a text is not a target. Words without figures are not an error (they are qualitative);
/// these are figures, comparators and dates that start and then break.
enum class TargetErrc : std::uint8_t {
  empty,                    ///< nothing but spaces
  bad_utf8,                 ///< not UTF-8, at the first bad byte
  bad_figure,               ///< numbers' parser refused the figure: see `TargetError::figure`
  missing_figure,           ///< a comparator or range sign without its figure: `≥`, `90%-`
  unexpected_character,     ///< figure syntax that does not continue: `96%%`, `90%-95%-99%`
  conflicting_comparators,  ///< two comparators that disagree: `≥96%以下`, `约96%以上`
  unit_mismatch,            ///< a range whose ends are in different units: `90%-95个`
  reversed_range,           ///< a range whose low end is above its high end: `95%-90%`
  invalid_year,             ///< a year Boost.Date_Time cannot hold (1400-9999) or not an integer
  invalid_month,            ///< `2020年13月`
  invalid_day,              ///< `2020年2月30日`
  invalid_quarter,          ///< `第五季度`
};

/// A stable English description, e.g. "invalid month".
[[nodiscard]] std::string_view to_string(TargetErrc code) noexcept;

/// Where and why a text is not a target (as numbers' `ParseError`: byte offset, 1-based column in
/// code points, and for `bad_figure` the figure's own error, with its place in the whole text).
struct TargetError {
  TargetErrc code = TargetErrc::empty;
  std::size_t offset = 0;  ///< byte offset in the input
  std::size_t column = 1;  ///< 1-based, in Unicode code points
  std::optional<ParseErrc> figure;

  friend bool operator==(const TargetError&, const TargetError&) = default;
};

/// "column 3: invalid month", "column 4: bad figure (missing digits)".
[[nodiscard]] std::string describe(const TargetError& error);

/// Reads a target or actual text. `default_year` is the year of dates that do not name one
/// (`年底前`, `全年`, `12月底`): the year of the accounts.
[[nodiscard]] tl::expected<Target, TargetError> parse_target(std::string_view text,
                                                             std::int32_t default_year);

/// How an actual value stands against a target.
enum class TargetOutcome : std::uint8_t {
  met,            ///< every value consistent with the actual satisfies the target
  not_met,        ///< none does
  exceeded,       ///< every value is above an exact (=) target of a count, area or percentage
  needs_review,   ///< rounding leaves it open, or a side is qualitative, approximate or 按期
  not_evaluable,  ///< units or kinds that do not compare
};

/// "met", "not_met", "exceeded", "needs_review", "not_evaluable".
[[nodiscard]] std::string_view to_string(TargetOutcome outcome) noexcept;

/// An outcome and why, in 中文 and English. (perf/ sits below rules/, so it cannot use
/// rules' `Text`; the two strings convert to one where needed.)
struct Evaluation {
  TargetOutcome outcome = TargetOutcome::not_evaluable;
  std::string reason_zh;
  std::string reason_en;
};

/// Compares an actual value with a target (docs/perf.md, "Evaluation"): figures as intervals
/// (a written 96% is [95.5, 96.5)); ≥ ≤ > < thresholds are the figure written, exactly; = and
/// ranges are the target's own intervals; dates by day.
[[nodiscard]] Evaluation evaluate(const Target& target, const Target& actual);

std::ostream& operator<<(std::ostream& os, TargetErrc code);
std::ostream& operator<<(std::ostream& os, TargetOutcome outcome);

}  // namespace fisc
