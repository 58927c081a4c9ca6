// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/tolerance.hpp"

#include "fisc/numbers/format.hpp"

namespace fisc {

std::string describe(const TolerancePolicy& policy) {
  switch (policy.kind) {
    case TolerancePolicy::Kind::interval: return "interval";
    case TolerancePolicy::Kind::truncation: return "truncation";
    case TolerancePolicy::Kind::absolute:
      return "absolute(" + to_string(policy.money_yuan) + "元, " + to_string(policy.rate_points) +
             "pp)";
  }
  return "?";
}

}  // namespace fisc
