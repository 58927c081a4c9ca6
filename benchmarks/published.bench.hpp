// SPDX-License-Identifier: BSL-1.0
#pragma once

namespace fisc_bench {

/// Reading and checking published PDFs of ../shared/corpus (docs/benchmarks.md, "Reading
/// published PDFs").
void register_published_benchmarks();

}  // namespace fisc_bench
