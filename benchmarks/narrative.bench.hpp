// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace fisc_bench {

/// read_narrative's throughput on a large text (docs/benchmarks.md, "Reading the 决算说明").
void register_narrative_benchmarks();

}  // namespace fisc_bench
