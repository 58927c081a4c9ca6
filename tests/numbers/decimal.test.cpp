// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/decimal.hpp"

#include <doctest/doctest.h>

using fisc::Decimal;

TEST_CASE("Decimal keeps its exponent but compares by value") {
  CHECK(Decimal(120, -2) == Decimal(12, -1));
  CHECK_FALSE(identical(Decimal(120, -2), Decimal(12, -1)));
}
