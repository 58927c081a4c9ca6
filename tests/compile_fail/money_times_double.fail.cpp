// SPDX-License-Identifier: BSL-1.0
// Money never passes through binary floating point.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/money.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto m = fisc::Money::from_fen(2) * 1.5;
  (void)m;
#else
  auto m = fisc::multiply(fisc::Money::from_fen(2), fisc::Decimal(15, -1), fisc::Rounding::half_up);
  (void)m;
#endif
}
