// SPDX-License-Identifier: BSL-1.0
// An amount plus a plain number has no unit.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/money.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto m = fisc::Money::from_fen(2) + fisc::Decimal(3);
  (void)m;
#else
  auto m = fisc::Money::from_fen(2) + fisc::Money::from_fen(3);
  (void)m;
#endif
}
