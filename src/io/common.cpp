// SPDX-License-Identifier: BSL-1.0
#include "common.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>
#include <system_error>

#include "fisc/facts/concept.hpp"

namespace fisc::io_detail {

ImpliedUnit implied_unit(std::string_view concept_id, Measure measure, Unit money_unit,
                         std::string_view money_unit_origin) {
  using Reason = ImpliedUnit::Reason;
  switch (measure) {
    case Measure::share: return {Unit::percent, Reason::share, {}, Quantity::percent, {}};
    case Measure::change_rate:
      return {Unit::percent, Reason::change_rate, {}, Quantity::percent, {}};
    case Measure::completion_rate:
      return {Unit::percent, Reason::completion_rate, {}, Quantity::percent, {}};
    case Measure::value:
    case Measure::change: break;
  }
  const Concept* c = find_concept(concept_id);
  if (c != nullptr) {
    switch (c->quantity) {
      case Quantity::count:
      case Quantity::number: return {Unit::none, Reason::quantity, concept_id, c->quantity, {}};
      case Quantity::percent: return ImpliedUnit::percentage(concept_id);
      case Quantity::money: break;
    }
  }
  return ImpliedUnit::from(money_unit, money_unit_origin);
}

std::string ImpliedUnit::why() const {
  switch (reason) {
    case Reason::share: return "a share is a percentage";
    case Reason::change_rate: return "a change rate is a percentage";
    case Reason::completion_rate: return "a completion rate is a percentage";
    case Reason::quantity:
      return std::string(subject) + " is a " + std::string(to_string(quantity));
    case Reason::plain: return std::string(subject) + " is a plain number";
    case Reason::percentage: return std::string(subject) + " is a percentage";
    case Reason::origin: break;
  }
  return std::string(origin);
}

std::optional<Reading> reading_from_string(std::string_view s) noexcept {
  for (Reading r : {Reading::rounded, Reading::truncated, Reading::exact}) {
    if (to_string(r) == s) return r;
  }
  return std::nullopt;
}

std::string unit_words(Unit u) {
  if (u == Unit::none) return "a plain number (none)";
  return std::string(symbol(u)) + " (" + std::string(to_string(u)) + ")";
}

std::optional<std::string> code_problem(std::string_view code, std::string_view dimension) {
  if (code.empty()) return "an empty code";
  const bool digits =
      std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (dimension == "function") {
    if (!digits || (code.size() != 3 && code.size() != 5 && code.size() != 7)) {
      return "not a function classification code (功能分类科目编码: 3, 5 or 7 digits, "
             "e.g. 201, 20132, 2013201)";
    }
  } else if (dimension == "economic") {
    if (!digits || (code.size() != 3 && code.size() != 5)) {
      return "not an economic classification code (经济分类科目编码: 3 or 5 digits, e.g. 301, "
             "30101)";
    }
  }
  return std::nullopt;
}

bool is_dimension_name(std::string_view name) noexcept {
  if (name.empty() || name.front() < 'a' || name.front() > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string byte_size_words(std::uintmax_t bytes) {
  constexpr std::uintmax_t kib = 1024;
  char buffer[64];
  if (bytes >= kib * kib * kib) {
    std::snprintf(buffer, sizeof buffer, "%ju.%ju GiB", bytes / (kib * kib * kib),
                  (bytes % (kib * kib * kib)) * 10 / (kib * kib * kib));
  } else if (bytes >= kib * kib && bytes % (kib * kib) == 0) {
    std::snprintf(buffer, sizeof buffer, "%ju MiB", bytes / (kib * kib));
  } else if (bytes >= kib * kib) {
    std::snprintf(buffer, sizeof buffer, "%ju.%ju MiB", bytes / (kib * kib),
                  (bytes % (kib * kib)) * 10 / (kib * kib));
  } else {
    std::snprintf(buffer, sizeof buffer, "%ju bytes", bytes);
  }
  return buffer;
}

tl::expected<std::string, LoadError> read_whole_file(const std::filesystem::path& path,
                                                     std::uintmax_t max_bytes,
                                                     std::string_view what) {
  const std::string name = path.string();
  const auto fail = [&](std::string message) {
    return tl::unexpected(LoadError{name, 0, 0, {}, std::move(message)});
  };
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return fail("cannot read the " + std::string(what) + ": " +
                (ec ? ec.message() : std::string("no such file")));
  }
  if (std::filesystem::is_directory(status)) {
    return fail("cannot read the " + std::string(what) + ": it is a directory");
  }
  std::uintmax_t size = 0;  // what stat says of a regular file, else 0
  if (std::filesystem::is_regular_file(status)) {
    size = std::filesystem::file_size(path, ec);
    if (ec) return fail("cannot read the " + std::string(what) + ": " + ec.message());
    if (size > max_bytes) {
      return fail("the file is " + byte_size_words(size) + "; fisc reads a " + std::string(what) +
                  " of at most " + byte_size_words(max_bytes) + " and has not read it");
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail("cannot open the " + std::string(what) + " for reading (permission denied?)");
  }
  // Read into the string's own memory: first the size stat gave and one byte more (a short read
  // then ends a file that did not change), then blocks while the file goes on. Never more than
  // one byte past max_bytes, which is how a larger file shows.
  const std::uintmax_t limit =
      max_bytes == std::numeric_limits<std::uintmax_t>::max() ? max_bytes : max_bytes + 1;
  constexpr std::uintmax_t block = 1 << 16;
  std::string bytes;
  for (std::uintmax_t want = size > 0 && size < limit ? size + 1 : block; in; want = block) {
    const std::size_t at = bytes.size();
    const auto n_want = static_cast<std::size_t>(std::min(want, limit - at));
    bytes.resize(at + n_want);
    in.read(bytes.data() + at, static_cast<std::streamsize>(n_want));
    bytes.resize(at + static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      return fail("the file is larger than " + byte_size_words(max_bytes) + "; fisc reads a " +
                  std::string(what) + " of at most that size and has not read it");
    }
  }
  if (in.bad()) return fail("reading the " + std::string(what) + " failed");
  return bytes;
}

}  // namespace fisc::io_detail
