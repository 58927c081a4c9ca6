// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <ostream>

namespace fisc_bench {

/// Registers every `<operation>/<implementation>` benchmark, grouped by operation.
void register_number_benchmarks();

/// Runs each operation of each implementation once over the whole data set and reports, on `out`,
/// every result that differs from fisc's. Returns the number of disagreements: a comparison of
/// timings means something only when the implementations compute the same results.
int check_agreement(std::ostream& out);

}  // namespace fisc_bench
