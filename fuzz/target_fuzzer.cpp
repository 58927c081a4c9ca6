// SPDX-License-Identifier: BSL-1.0
// libFuzzer target for perf's target/actual text parser: every input goes through parse_target;
// what it accepts must keep its text and be comparable with itself, what it rejects must say where.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fisc/perf/target.hpp"

namespace {

void require(bool holds, const char* what, std::string_view input) {
  if (holds) return;
  std::fprintf(stderr, "fisc_fuzz_target: invariant violated: %s\ninput (%zu bytes): ", what,
               input.size());
  for (const char c : input) std::fprintf(stderr, "%02X ", static_cast<unsigned char>(c));
  std::fputc('\n', stderr);
  std::abort();
}

void check(std::string_view input, std::int32_t year) {
  const auto r = fisc::parse_target(input, year);
  if (!r) {
    const fisc::TargetError& e = r.error();
    require(e.offset <= input.size(), "error offset within the input", input);
    require(e.column >= 1 && e.column <= e.offset + 1, "column counts code points", input);
    require(fisc::to_string(e.code) != "unknown target error", "a known error code", input);
    require(e.figure.has_value() == (e.code == fisc::TargetErrc::bad_figure),
            "a figure's error exactly for bad_figure", input);
    require(!fisc::describe(e).empty(), "describe() says something", input);
    return;
  }
  const fisc::Target& t = *r;
  require(!t.text.empty() && input.find(t.text) != std::string_view::npos,
          "the text is part of the input", input);
  switch (t.kind) {
    case fisc::TargetKind::quantity:
      require(t.quantities.size() == 1, "one quantity", input);
      break;
    case fisc::TargetKind::range: require(t.quantities.size() == 2, "two ends", input); break;
    case fisc::TargetKind::list: require(t.quantities.size() >= 2, "a list of two", input); break;
    case fisc::TargetKind::deadline:
      require(t.on_schedule != t.dates.has_value(), "a deadline has a date or is 按期", input);
      break;
    case fisc::TargetKind::period:
      require(t.dates && t.dates->first <= t.dates->last, "a period of days", input);
      break;
    case fisc::TargetKind::qualitative: require(t.quantities.empty(), "words only", input); break;
  }
  for (const auto& q : t.quantities) {
    require(!q.figure.text.empty() && input.find(q.figure.text) != std::string_view::npos,
            "a figure's text is part of the input", input);
  }
  // The text alone reads the same, and a value compared with itself is never not_met.
  const auto again = fisc::parse_target(t.text, year);
  require(again && *again == t, "the text alone reads the same", input);
  const fisc::Evaluation e = fisc::evaluate(t, t);
  require(e.outcome != fisc::TargetOutcome::not_met && e.outcome != fisc::TargetOutcome::exceeded,
          "a value does not fail itself", input);
  require(!e.reason_zh.empty() && !e.reason_en.empty(), "a reason in both languages", input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as text
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input, 2020);
  // A default year Boost.Date_Time cannot hold must not throw either.
  check(input, size > 0 ? static_cast<std::int32_t>(data[0]) * 100 : 0);
  return 0;
}
