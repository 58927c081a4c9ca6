// SPDX-License-Identifier: BSL-1.0
#include <fisc/numbers/format.hpp>
#include <fisc/numbers/parse.hpp>
#include <iostream>

int main() {
  using namespace fisc;
  // Money is an exact count of 分: no double anywhere; overflow throws, it never wraps.
  const Money vehicles = Money::from_yuan(33'600);      // 3.36 万元
  const Money three_public = Money::from_yuan(39'500);  // 3.95 万元
  // Every rounding is named where it happens: the share to 0.01%, 四舍五入.
  const Percent naive = share(vehicles, three_public, 2, Rounding::half_up).value();
  std::cout << "3.36 / 3.95 = " << naive << '\n';  // 85.06%
  const Decimal rate = parse_decimal("0.8510").value();
  std::cout << "3.95 万元 × 0.8510 = " << multiply(three_public, rate, Rounding::half_up)
            << " 元\n";  // 33614.50 元

  // The document says 85.10%. A written figure is rounded: "3.36" is any value in
  // [3.355, 3.365), so a check compares intervals of true values, not the digits.
  const Stated part = parse_figure("3.36万元").value();
  const Stated whole = parse_figure("3.95万元").value();
  const Stated written = parse_figure("85.10%").value();
  const Interval ratio = try_divide(part.interval(), whole.interval()).value();
  const bool plausible = can_equal(ratio, written.try_interval_in(Unit::none).value());
  std::cout << written.text << " can be right: " << std::boolalpha << plausible << '\n';
}
