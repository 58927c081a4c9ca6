// SPDX-License-Identifier: BSL-1.0
// Division rounds, so it names its rounding: divide(m, 3, mode).
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/money.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto m = fisc::Money::from_fen(100) / 3;
  (void)m;
#else
  auto m = fisc::divide(fisc::Money::from_fen(100), 3, fisc::Rounding::half_up);
  (void)m;
#endif
}
