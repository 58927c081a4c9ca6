// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace fisc_bench {

/// One generated report of the batch benchmark, stage by stage, beside the cost of parsing its
/// JSON (docs/benchmarks.md, "Province scale").
void register_batch_benchmarks();

}  // namespace fisc_bench
