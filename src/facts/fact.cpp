// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/fact.hpp"

#include <array>
#include <cstdint>
#include <string>

#include "hash.hpp"

namespace fisc {

namespace {
constexpr std::array kScenarios{
    std::pair{Scenario::actual, std::string_view{"actual"}},
    std::pair{Scenario::budget, std::string_view{"budget"}},
    std::pair{Scenario::initial_budget, std::string_view{"initial_budget"}},
    std::pair{Scenario::adjusted_budget, std::string_view{"adjusted_budget"}}};
constexpr std::array kMeasures{
    std::pair{Measure::value, std::string_view{"value"}},
    std::pair{Measure::share, std::string_view{"share"}},
    std::pair{Measure::change, std::string_view{"change"}},
    std::pair{Measure::change_rate, std::string_view{"change_rate"}},
    std::pair{Measure::completion_rate, std::string_view{"completion_rate"}}};

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) noexcept {
  for (const auto& [value, name] : table) {
    if (value == e) return name;
  }
  return "?";
}
template <class E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view s) noexcept {
  for (const auto& [value, name] : table) {
    if (name == s) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Scenario s) noexcept { return name_of(kScenarios, s); }
std::string_view to_string(Measure m) noexcept { return name_of(kMeasures, m); }
std::optional<Scenario> scenario_from_string(std::string_view s) noexcept {
  return value_of(kScenarios, s);
}
std::optional<Measure> measure_from_string(std::string_view s) noexcept {
  return value_of(kMeasures, s);
}

std::string_view to_string(Origin o) noexcept {
  switch (o) {
    case Origin::table: return "table";
    case Origin::statement: return "statement";
    case Origin::listing: return "listing";
  }
  return "?";
}

std::string_view to_string(Direction d) noexcept {
  switch (d) {
    case Direction::none: return "none";
    case Direction::increase: return "increase";
    case Direction::decrease: return "decrease";
  }
  return "?";
}

std::optional<Direction> direction_from_string(std::string_view s) noexcept {
  for (Direction d : {Direction::none, Direction::increase, Direction::decrease}) {
    if (to_string(d) == s) return d;
  }
  return std::nullopt;
}

std::size_t hash_value(const FactKey& key) noexcept {
  facts_detail::Hasher h;
  h.add(key.concept_id);
  h.add(std::uint64_t{static_cast<std::uint32_t>(key.year)} |
        std::uint64_t{static_cast<std::uint32_t>(key.prior_year)} << 32U);
  h.add(std::uint64_t{static_cast<std::uint8_t>(key.measure)} |
        std::uint64_t{static_cast<std::uint8_t>(key.scenario)} << 8U);
  for (const auto& [name, value] : key.dims) {
    h.add(name);
    h.add(value);
  }
  return h.value();
}

std::string describe(const FactKey& key) {
  std::string out = key.concept_id;
  if (key.measure != Measure::value) {
    out += ' ';
    out += to_string(key.measure);
  }
  out += ' ' + std::to_string(key.year);
  if (key.prior_year != 0) out += " vs " + std::to_string(key.prior_year);
  out += ' ';
  out += to_string(key.scenario);
  if (!key.dims.empty()) {
    out += " [";
    bool first = true;
    for (const auto& [name, value] : key.dims) {
      if (!first) out += ", ";
      out += name;
      out += '=';
      out += value;
      first = false;
    }
    out += ']';
  }
  return out;
}

}  // namespace fisc
