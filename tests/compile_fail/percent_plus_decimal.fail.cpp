// SPDX-License-Identifier: BSL-1.0
// A percentage plus a plain number: points or fraction? Say which.
// expect: (deleted|no match|invalid operands|no matching|no viable)
#include "fisc/numbers/percent.hpp"

void f();
void f() {
#ifdef FISC_COMPILE_FAIL
  auto p = fisc::Percent(fisc::Decimal(1)) + fisc::Decimal(2);
  (void)p;
#else
  auto p = fisc::Percent(fisc::Decimal(1)) + fisc::Percent(fisc::Decimal(2));
  (void)p;
#endif
}
