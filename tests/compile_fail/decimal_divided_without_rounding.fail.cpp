// SPDX-License-Identifier: BSL-1.0
// Decimal division rounds, so it names its rounding.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/decimal.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto d = fisc::Decimal(1) / fisc::Decimal(3);
  (void)d;
#else
  auto d = fisc::divide(fisc::Decimal(1), fisc::Decimal(3), -2, fisc::Rounding::half_up);
  (void)d;
#endif
}
