// SPDX-License-Identifier: BSL-1.0
// A count of 分 never comes from a double.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/money.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto m = fisc::Money::from_fen(1.5);
  (void)m;
#else
  auto m = fisc::Money::from_fen(150);
  (void)m;
#endif
}
