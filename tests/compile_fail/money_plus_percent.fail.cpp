// SPDX-License-Identifier: BSL-1.0
// An amount plus a percentage mixes an amount with a ratio.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/percent.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto m = fisc::Money::from_fen(2) + fisc::Percent{};
  (void)m;
#else
  auto m = fisc::try_apply(fisc::Money::from_fen(2), fisc::Percent{}, fisc::Rounding::half_up);
  (void)m;
#endif
}
