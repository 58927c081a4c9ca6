// SPDX-License-Identifier: BSL-1.0
#include "fisc/perf/model.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace fisc {
namespace {

/// Removes spaces (ASCII, U+3000 ideographic, U+00A0 no-break) and the colon a label may end in.
std::string squeezed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':') {
      ++i;
    } else if (text.substr(i, 3) == "\u3000" || text.substr(i, 3) == "\uff1a") {
      i += 3;
    } else if (text.substr(i, 2) == "\u00a0") {
      i += 2;
    } else {
      out.push_back(text[i]);
      ++i;
    }
  }
  return out;
}

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() > suffix.size() && std::string_view(s).ends_with(suffix)) {
    s.resize(s.size() - suffix.size());
    return true;
  }
  return false;
}

/// A level name without spaces and without its trailing 指标.
std::string level_key(std::string_view text) {
  std::string s = squeezed(text);
  strip_suffix(s, "指标");
  return s;
}

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<std::string_view, E>, N>& names,
                        std::string_view key) {
  for (const auto& [name, value] : names) {
    if (name == key) return value;
  }
  return std::nullopt;
}

// The names templates use, without 指标. Sources: 财预〔2020〕10号 附件1-3
// (项目支出绩效评价指标体系 框架, 项目支出绩效自评表) and the 项目支出绩效目标完成情况表 of the
// Sichuan family (the seed).
constexpr std::array<std::pair<std::string_view, Level1>, 14> level1_names{{
    {"产出", Level1::output},
    {"项目产出", Level1::output},
    {"项目完成", Level1::output},
    {"成本", Level1::cost},
    {"效益", Level1::benefit},
    {"项目效益", Level1::benefit},
    {"效果", Level1::benefit},
    {"满意度", Level1::satisfaction},
    {"服务对象满意度", Level1::satisfaction},
    {"社会公众或服务对象满意度", Level1::satisfaction},
    {"决策", Level1::decision},
    {"项目决策", Level1::decision},
    {"过程", Level1::process},
    {"项目过程", Level1::process},
}};

constexpr std::array<std::pair<std::string_view, Level2>, 23> level2_names{{
    {"数量", Level2::quantity},
    {"产出数量", Level2::quantity},
    {"质量", Level2::quality},
    {"产出质量", Level2::quality},
    {"时效", Level2::timeliness},
    {"产出时效", Level2::timeliness},
    {"成本", Level2::cost},
    {"产出成本", Level2::cost},
    {"经济成本", Level2::cost},
    {"社会成本", Level2::cost},
    {"生态环境成本", Level2::cost},
    {"经济效益", Level2::economic},
    {"社会效益", Level2::social},
    {"生态效益", Level2::ecological},
    {"生态环境效益", Level2::ecological},
    {"可持续影响", Level2::sustainability},
    {"可持续发展", Level2::sustainability},
    {"可持续影响效益", Level2::sustainability},
    {"满意度", Level2::satisfaction},
    {"服务对象满意度", Level2::satisfaction},
    {"社会公众或服务对象满意度", Level2::satisfaction},
    {"群众满意度", Level2::satisfaction},
    {"受益对象满意度", Level2::satisfaction},
}};

/// The values a written amount allows, never below zero.
std::optional<Interval> amount_range(const PlacedFigure& figure) {
  auto range = figure.value.try_interval();
  if (!range) return std::nullopt;
  if (range->lo().is_negative()) {
    auto clipped = Interval::make(Decimal{}, true, range->hi(), range->hi_closed());
    if (!clipped) return std::nullopt;
    return *clipped;
  }
  return *range;
}

}  // namespace

std::string_view to_string(Level1 level) noexcept {
  switch (level) {
    case Level1::output: return "output";
    case Level1::cost: return "cost";
    case Level1::benefit: return "benefit";
    case Level1::satisfaction: return "satisfaction";
    case Level1::decision: return "decision";
    case Level1::process: return "process";
    case Level1::other: return "other";
  }
  return "other";
}

std::string_view to_string(Level2 level) noexcept {
  switch (level) {
    case Level2::quantity: return "quantity";
    case Level2::quality: return "quality";
    case Level2::timeliness: return "timeliness";
    case Level2::cost: return "cost";
    case Level2::economic: return "economic";
    case Level2::social: return "social";
    case Level2::ecological: return "ecological";
    case Level2::sustainability: return "sustainability";
    case Level2::satisfaction: return "satisfaction";
    case Level2::other: return "other";
  }
  return "other";
}

std::string_view zh_name(Level1 level) noexcept {
  switch (level) {
    case Level1::output: return "产出指标";
    case Level1::cost: return "成本指标";
    case Level1::benefit: return "效益指标";
    case Level1::satisfaction: return "满意度指标";
    case Level1::decision: return "决策指标";
    case Level1::process: return "过程指标";
    case Level1::other: return "其他指标";
  }
  return "其他指标";
}

std::string_view zh_name(Level2 level) noexcept {
  switch (level) {
    case Level2::quantity: return "数量指标";
    case Level2::quality: return "质量指标";
    case Level2::timeliness: return "时效指标";
    case Level2::cost: return "成本指标";
    case Level2::economic: return "经济效益指标";
    case Level2::social: return "社会效益指标";
    case Level2::ecological: return "生态效益指标";
    case Level2::sustainability: return "可持续影响指标";
    case Level2::satisfaction: return "满意度指标";
    case Level2::other: return "其他指标";
  }
  return "其他指标";
}

std::optional<Level1> level1_from_text(std::string_view text) {
  return lookup(level1_names, level_key(text));
}

std::optional<Level2> level2_from_text(std::string_view text) {
  return lookup(level2_names, level_key(text));
}

Level1 level1_of(Level2 level) noexcept {
  switch (level) {
    case Level2::quantity:
    case Level2::quality:
    case Level2::timeliness:
    case Level2::cost: return Level1::output;
    case Level2::economic:
    case Level2::social:
    case Level2::ecological:
    case Level2::sustainability: return Level1::benefit;
    case Level2::satisfaction: return Level1::satisfaction;
    case Level2::other: return Level1::other;
  }
  return Level1::other;
}

Level1 Indicator::level1_kind() const {
  if (auto named = level1_from_text(level1)) return *named;
  return level1_of(level2_kind());
}

Level2 Indicator::level2_kind() const { return level2_from_text(level2).value_or(Level2::other); }

IndicatorResult evaluate(const Indicator& indicator, std::int32_t year) {
  IndicatorResult out;
  auto target = parse_target(indicator.target.text, year);
  if (target) {
    out.target = std::move(*target);
  } else {
    out.target_error = target.error();
  }
  if (indicator.actual) {
    auto actual = parse_target(indicator.actual->text, year);
    if (actual) {
      out.actual = std::move(*actual);
    } else {
      out.actual_error = actual.error();
    }
  }
  if (out.target_error) {
    out.evaluation = {TargetOutcome::not_evaluable,
                      fmt::format("指标值无法读取（{}）", describe(*out.target_error)),
                      fmt::format("the target does not read ({})", describe(*out.target_error))};
  } else if (!indicator.actual) {
    out.evaluation = {TargetOutcome::not_evaluable, "未填实际完成值", "no actual value is given"};
  } else if (out.actual_error) {
    out.evaluation = {
        TargetOutcome::not_evaluable,
        fmt::format("实际完成值无法读取（{}）", describe(*out.actual_error)),
        fmt::format("the actual value does not read ({})", describe(*out.actual_error))};
  } else {
    out.evaluation = evaluate(*out.target, *out.actual);
  }
  return out;
}

std::optional<Interval> execution_rate(const ProjectPerformance& project) {
  if (!project.budget.total || !project.executed.total) return std::nullopt;
  const auto budget = amount_range(*project.budget.total);
  const auto executed = amount_range(*project.executed.total);
  if (!budget || !executed) return std::nullopt;
  const auto ratio = try_divide(*executed, *budget);
  if (!ratio) return std::nullopt;
  const auto percent = try_multiply(*ratio, Interval::point(Decimal{100}));
  if (!percent) return std::nullopt;
  return *percent;
}

std::string project_identity(std::string_view name) {
  static constexpr std::array<std::string_view, 12> quotes{"\u201c", "\u201d", "\u2018", "\u2019",
                                                           "\"",     "'",      "\u300c", "\u300d",
                                                           "\u300e", "\u300f", "\u300a", "\u300b"};
  std::string s = squeezed(name);
  for (std::string_view q : quotes) {
    for (auto at = s.find(q); at != std::string::npos; at = s.find(q)) s.erase(at, q.size());
  }
  static constexpr std::array<std::string_view, 7> suffixes{
      "项目经费", "专项经费", "工作经费", "经费", "项目", "资金", "费"};
  for (std::string_view suffix : suffixes) {
    if (strip_suffix(s, suffix)) break;
  }
  return s;
}

}  // namespace fisc
