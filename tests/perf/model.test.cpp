// SPDX-License-Identifier: BSL-1.0
#include "fisc/perf/model.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "fisc/numbers/parse.hpp"

using fisc::Level1;
using fisc::Level2;

namespace {

fisc::PlacedFigure wan(std::string_view text) {
  auto stated = fisc::parse_figure(text);
  REQUIRE(stated.has_value());
  stated->unit = fisc::Unit::wan;
  return {*stated, {}};
}

fisc::Indicator row(std::string_view target, std::optional<std::string_view> actual) {
  fisc::Indicator i;
  i.level1 = "产出指标";
  i.level2 = "数量指标";
  i.target.text = target;
  if (actual) i.actual = fisc::PlacedText{std::string(*actual), {}};
  return i;
}

}  // namespace

TEST_CASE("perf model: level 1 names, as written in both template families") {
  CHECK(fisc::level1_from_text("产出指标") == Level1::output);
  CHECK(fisc::level1_from_text("项目完成指标") == Level1::output);
  CHECK(fisc::level1_from_text(" 产 出 ") == Level1::output);
  CHECK(fisc::level1_from_text("成本指标") == Level1::cost);
  CHECK(fisc::level1_from_text("效益指标") == Level1::benefit);
  CHECK(fisc::level1_from_text("满意度指标") == Level1::satisfaction);
  CHECK(fisc::level1_from_text("服务对象满意度指标") == Level1::satisfaction);
  CHECK(fisc::level1_from_text("决策") == Level1::decision);
  CHECK(fisc::level1_from_text("过程") == Level1::process);
  CHECK_FALSE(fisc::level1_from_text("其他").has_value());
  CHECK_FALSE(fisc::level1_from_text("").has_value());
}

TEST_CASE("perf model: level 2 names and the level 1 they belong to") {
  CHECK(fisc::level2_from_text("数量指标") == Level2::quantity);
  CHECK(fisc::level2_from_text("产出质量") == Level2::quality);
  CHECK(fisc::level2_from_text("时效指标") == Level2::timeliness);
  CHECK(fisc::level2_from_text("经济成本指标") == Level2::cost);
  CHECK(fisc::level2_from_text("社会效益指标") == Level2::social);
  CHECK(fisc::level2_from_text("生态环境效益指标") == Level2::ecological);
  CHECK(fisc::level2_from_text("可持续影响指标") == Level2::sustainability);
  CHECK(fisc::level2_from_text("服务对象满意度指标") == Level2::satisfaction);
  CHECK(fisc::level2_from_text("满意度指标") == Level2::satisfaction);
  CHECK_FALSE(fisc::level2_from_text("办公面积").has_value());
  CHECK(fisc::level1_of(Level2::cost) == Level1::output);
  CHECK(fisc::level1_of(Level2::economic) == Level1::benefit);
  CHECK(fisc::level1_of(Level2::satisfaction) == Level1::satisfaction);
  CHECK(fisc::level1_of(Level2::other) == Level1::other);
  CHECK(fisc::zh_name(Level2::timeliness) == "时效指标");
  CHECK(fisc::to_string(Level1::output) == "output");
  CHECK(fisc::zh_name(Level1::satisfaction) == "满意度指标");
  CHECK(fisc::to_string(Level2::sustainability) == "sustainability");
}

TEST_CASE("perf model: an indicator's levels keep the text and normalise") {
  fisc::Indicator i;
  i.level1 = "项目完成指标";
  i.level2 = "数量指标";
  CHECK(i.level1_kind() == Level1::output);
  CHECK(i.level2_kind() == Level2::quantity);
  i.level1.clear();  // 附1's columns have only the level 2
  i.level2 = "服务对象满意度指标";
  CHECK(i.level1_kind() == Level1::satisfaction);
  i.level2 = "办公";
  CHECK(i.level2_kind() == Level2::other);
  CHECK(i.level1_kind() == Level1::other);
}

TEST_CASE("perf model: evaluate an indicator") {
  CHECK(fisc::evaluate(row("≥96%", "97%"), 2020).evaluation.outcome == fisc::TargetOutcome::met);
  CHECK(fisc::evaluate(row("≥96%", "90%"), 2020).evaluation.outcome ==
        fisc::TargetOutcome::not_met);
  const auto none = fisc::evaluate(row("≥96%", std::nullopt), 2020);
  CHECK(none.evaluation.outcome == fisc::TargetOutcome::not_evaluable);
  CHECK(none.evaluation.reason_en == "no actual value is given");
  CHECK(none.target.has_value());
  const auto bad_target = fisc::evaluate(row("2020年13月底", "2020年12月底"), 2020);
  CHECK(bad_target.target_error.has_value());
  CHECK(bad_target.evaluation.outcome == fisc::TargetOutcome::not_evaluable);
  CHECK(bad_target.evaluation.reason_en.find("invalid month") != std::string::npos);
  const auto bad_actual = fisc::evaluate(row("≥96%", "≥"), 2020);
  CHECK(bad_actual.actual_error.has_value());
  CHECK(bad_actual.evaluation.reason_zh.find("实际完成值无法读取") != std::string::npos);
}

TEST_CASE("perf model: execution rate as an interval") {
  fisc::ProjectPerformance p;
  CHECK_FALSE(fisc::execution_rate(p).has_value());
  p.budget.total = wan("12.42");
  p.executed.total = wan("12.42");
  const auto rate = fisc::execution_rate(p);
  REQUIRE(rate.has_value());
  CHECK(rate->contains(fisc::Decimal{100}));
  CHECK(rate->lo() < fisc::Decimal{100});
  CHECK(rate->hi() > fisc::Decimal{100});
  p.budget.total = wan("0.00");
  CHECK_FALSE(fisc::execution_rate(p).has_value());
}

TEST_CASE("perf model: project identity") {
  CHECK(fisc::project_identity("物业管理") == "物业管理");
  CHECK(fisc::project_identity("物业管理费") == "物业管理");
  CHECK(fisc::project_identity("物业管理经费") == "物业管理");
  CHECK(fisc::project_identity("“党报党刊征订”经费") == "党报党刊征订");
  CHECK(fisc::project_identity("“一城一区一长廊”党建示范创建经费") ==
        fisc::project_identity("“一城一区一长廊”党建示范创建"));
  CHECK(fisc::project_identity("干部人才培训项目") == "干部人才培训");
  CHECK(fisc::project_identity(" 物业 管理 ") == "物业管理");
  // Only one suffix goes, and a name is never emptied.
  CHECK(fisc::project_identity("费") == "费");
  CHECK(fisc::project_identity("全县干部人才培训") != fisc::project_identity("干部人才培训"));
}
