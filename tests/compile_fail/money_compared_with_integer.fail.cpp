// SPDX-License-Identifier: BSL-1.0
// Is 5 five 分 or five 元? A bare integer is not an amount.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/money.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  bool b = fisc::Money::from_fen(2) == 5;
  (void)b;
#else
  bool b = fisc::Money::from_fen(2) == fisc::Money::from_yuan(5);
  (void)b;
#endif
}
