// SPDX-License-Identifier: BSL-1.0
//
// fisc's demo: five checks of figures from a published 2020 部门决算 explanatory text (a county
// 组织部; ../shared/seed), each figure exactly as written there. A check compares the intervals
// of true values that the written figures allow (design.md §1.2), so it fails only when no
// choice of true values satisfies it. Like `fisc check`, the program exits 0 when every check
// holds, 1 when it reports findings, and 2 when a figure cannot be read.
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>

#include "fisc/numbers/format.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/numbers/stated.hpp"

namespace {

using fisc::Interval;
using fisc::Rounding;
using fisc::Stated;
using fisc::Unit;

// A figure as the document writes it; one that cannot be read ends the demo with exit 2.
Stated figure(std::string_view text) {
  auto parsed = fisc::parse_figure(text);
  if (!parsed) {
    std::cerr << "demo: cannot read \"" << text << "\": " << parsed.error() << '\n';
    std::exit(2);
  }
  return *std::move(parsed);
}

// The true values of a share, a fraction, as percentages widened outward to 0.01%.
std::string as_percentages(const Interval& fraction) {
  const Interval points = fraction.try_scale_by_power_of_ten(2).value();
  return to_string(fisc::Percent(round_to(points.lo(), 2, Rounding::floor))) + " .. " +
         to_string(fisc::Percent(round_to(points.hi(), 2, Rounding::ceiling)));
}

// The true values of a written percentage, as a fraction.
Interval fraction(const Stated& percent) { return percent.try_interval_in(Unit::none).value(); }

class Report {
 public:
  void check(bool holds, std::string_view claim, std::string_view why) {
    (holds ? passed_ : errors_) += 1;
    std::cout << (holds ? "  ok     " : "  error  ") << claim << "\n         " << why << "\n\n";
  }
  [[nodiscard]] int errors() const { return errors_; }
  [[nodiscard]] int passed() const { return passed_; }

 private:
  int errors_ = 0;
  int passed_ = 0;
};

}  // namespace

int main() {
  Report report;
  std::cout << "fisc demo: figures from a published 2020 部门决算 (决算说明)\n\n";

  // 1. A total and its parts: 本年支出合计 = 基本支出 + 项目支出.
  const Stated total = figure("950.84万元");
  const Stated basic = figure("534.27万元");
  const Stated project = figure("416.57万元");
  const Interval parts = basic.interval() + project.interval();
  report.check(can_equal(total.interval(), parts),
               "本年支出合计 950.84万元 = 基本支出 534.27万元 + 项目支出 416.57万元",
               "the parts add up to " + to_string(parts) + " 万元");

  // 2. A share: 基本支出 占 56.19%.
  const Interval basic_share = fisc::try_divide(basic.interval(), total.interval()).value();
  report.check(can_equal(basic_share, fraction(figure("56.19%"))),
               "基本支出 534.27万元 占 本年支出合计的 56.19%",
               "the true share is " + as_percentages(basic_share));

  // 3. A share that arithmetic on the digits gets wrong: 3.36 / 3.95 is 85.06%, yet 85.10% is
  //    right for true values that round to 3.36 and 3.95. No false alarm.
  const Stated vehicles = figure("3.36万元");
  const Stated three_public = figure("3.95万元");
  const auto digits_share = share(vehicles.value, three_public.value, 2, Rounding::half_up);
  const Interval vehicles_share =
      fisc::try_divide(vehicles.interval(), three_public.interval()).value();
  report.check(can_equal(vehicles_share, fraction(figure("85.10%"))),
               "公务用车购置及运行维护费 3.36万元 占 \"三公\"经费 3.95万元 的 85.10%",
               "3.36 / 3.95 = " + to_string(digits_share.value()) + ", but the true share is " +
                   as_percentages(vehicles_share));

  // 4. A total that no rounding reconciles: 基本支出 = 人员经费 + 公用经费.
  const Interval basic_parts = figure("489.86万元").interval() + figure("44.43万元").interval();
  report.check(can_equal(basic.interval(), basic_parts),
               "基本支出 534.27万元 = 人员经费 489.86万元 + 公用经费 44.43万元",
               "the parts add up to " + to_string(basic_parts) + " 万元, the total is " +
                   to_string(basic.interval()) + " 万元");

  // 5. The same quantity stated twice must agree within rounding.
  report.check(can_equal(vehicles.interval(), figure("3.37万元").interval()),
               "公务用车购置及运行维护费: 3.36万元 in one paragraph, 3.37万元 in the next",
               "the same quantity, stated twice, differs beyond rounding");

  std::cout << report.errors() << " errors, " << report.passed() << " checks hold\n";
  return report.errors() > 0 ? 1 : 0;
}
