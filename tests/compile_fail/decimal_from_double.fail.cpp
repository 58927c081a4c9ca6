// SPDX-License-Identifier: BSL-1.0
// 0.1 as a double is 0.1000000000000000055511151231257827…: not a decimal.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/decimal.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto d = fisc::Decimal(0.1);
  (void)d;
#else
  auto d = fisc::Decimal(1, -1);
  (void)d;
#endif
}
