// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/fact.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

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

// One pass over a key's strings and numbers, eight bytes at a time: a key is hashed for every
// fact added and every fact looked up (the rules look up hundreds of thousands), and hashing each
// string apart with std::hash and combining the results cost three times as much.
class KeyHasher {
 public:
  void add(std::uint64_t word) noexcept {
    // A multiply by an odd constant mixes the low bits upwards; the shift brings the high bits
    // back down, where FactStore's mask reads them.
    h_ = (h_ ^ word) * kMultiplier;
    h_ ^= h_ >> 29U;
  }
  void add(std::string_view s) noexcept {
    const char* p = s.data();
    std::size_t n = s.size();
    add(std::uint64_t{n});  // "ab", "c" and "a", "bc" differ
    for (; n > 8; n -= 8, p += 8) add(load(p));
    add(load(p, n));
  }
  [[nodiscard]] std::size_t value() const noexcept {
    // The finalizer of MurmurHash3 (fmix64): every bit of the state reaches every bit.
    std::uint64_t h = h_;
    h ^= h >> 33U;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33U;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33U;
    return static_cast<std::size_t>(h);
  }

 private:
  static constexpr std::uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;

  // The bytes at `p`, `n` of them (at most 8), as a word that differs for every two strings of
  // the same length (the length is hashed before): the two halves of a string of 4 to 8 bytes
  // overlap, a shorter one takes its first, middle and last byte. Without a call to memcpy for a
  // variable length.
  static std::uint64_t load(const char* p, std::size_t n) noexcept {
    if (n >= 4) return std::uint64_t{load4(p)} | std::uint64_t{load4(p + n - 4)} << 32U;
    if (n == 0) return 0;
    return std::uint64_t{static_cast<unsigned char>(p[0])} |
           std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8U |
           std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16U;
  }
  static std::uint32_t load4(const char* p) noexcept {
    std::uint32_t word = 0;
    std::memcpy(&word, p, sizeof word);
    return word;
  }
  static std::uint64_t load(const char* p) noexcept {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    return word;
  }

  std::uint64_t h_ = 0;
};
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
  KeyHasher h;
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
