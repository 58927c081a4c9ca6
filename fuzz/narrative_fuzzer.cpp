// SPDX-License-Identifier: BSL-1.0
// libFuzzer target for the narrative reader: any bytes are read as a 决算说明. Whatever it reads,
// every statement carries a place inside the input and a figure whose interval exists, and the
// report it makes can be checked (collect_facts); bytes that are not text are an error that
// names the file.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fisc/accounts/report.hpp"
#include "fisc/narrative/reader.hpp"

namespace {

void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fisc_fuzz_narrative: invariant violated: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as chars
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto read =
      fisc::read_narrative(bytes, {.file = "fuzz.txt", .year = std::nullopt, .kind = std::nullopt});
  if (!read) {
    require(read.error().file == "fuzz.txt", "an error names the file");
    return 0;
  }
  std::size_t lines = 1;
  for (const char c : bytes) lines += c == '\n' ? 1 : 0;
  for (const fisc::Fact& f : read->report.statements) {
    require(f.source.span.has_value(), "a statement has a span");
    require(f.source.span->line >= 1 && f.source.span->line <= lines,
            "a span's line is in the input");
    require(f.source.span->column >= 1 && f.source.span->length >= 1,
            "a span has a column and a length");
    require(f.value.try_interval().has_value(), "a figure has an interval");
  }
  for (const fisc::SkippedFigure& s : read->skipped) {
    require(s.span.line >= 1 && s.span.line <= lines, "a skipped figure's line is in the input");
  }
  const auto collected = fisc::collect_facts(read->report);
  require(collected.errors.empty(), "a narrative has no table cells to refuse");
  return 0;
}
