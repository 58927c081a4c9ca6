// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace fisc {

/// How an exact result is brought to fewer digits. There is no default anywhere in fisc: every
/// call that rounds names its mode, directly or through a named policy.
enum class Rounding : std::uint8_t {
  half_up,  ///< 四舍五入: to nearest, ties away from zero (the convention of published accounts)
  half_even,  ///< to nearest, ties to the even neighbour (banker's rounding)
  half_down,  ///< to nearest, ties toward zero
  up,         ///< away from zero
  down,       ///< toward zero (truncation, 截尾)
  ceiling,    ///< toward +infinity
  floor,      ///< toward -infinity
};

inline constexpr std::array<Rounding, 7> all_roundings{
    Rounding::half_up, Rounding::half_even, Rounding::half_down, Rounding::up,
    Rounding::down,    Rounding::ceiling,   Rounding::floor};

/// The decTest / IEEE 754 name of the mode: "half_up", "ceiling", ...
[[nodiscard]] constexpr std::string_view to_string(Rounding r) noexcept {
  switch (r) {
    case Rounding::half_up: return "half_up";
    case Rounding::half_even: return "half_even";
    case Rounding::half_down: return "half_down";
    case Rounding::up: return "up";
    case Rounding::down: return "down";
    case Rounding::ceiling: return "ceiling";
    case Rounding::floor: return "floor";
  }
  return "?";
}

/// The mode named by `name` (as `to_string` writes it), or nothing.
[[nodiscard]] constexpr std::optional<Rounding> rounding_from_string(
    std::string_view name) noexcept {
  for (Rounding r : all_roundings) {
    if (to_string(r) == name) return r;
  }
  return std::nullopt;
}

/// Named policies: the conventions fisc's users meet, so that call sites say why they round.
namespace rounding_policy {
/// 四舍五入, how published tables round 元 to 万元 and shares to 0.01%.
inline constexpr Rounding published = Rounding::half_up;
/// Truncation, how some spreadsheets export figures (the "truncated" reading of a figure).
inline constexpr Rounding truncated = Rounding::down;
/// Banker's rounding, for statistics that must not drift upward over many roundings.
inline constexpr Rounding statistical = Rounding::half_even;
}  // namespace rounding_policy

namespace detail {

__extension__ using int128 = __int128;
__extension__ using uint128 = unsigned __int128;

/// 10^n for n in [0, 38] as a 128-bit integer.
[[nodiscard]] constexpr int128 pow10_128(int n) noexcept {
  int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

inline constexpr auto pow10_table = [] {
  std::array<int128, 39> t{};
  for (int i = 0; i < 39; ++i) t[static_cast<std::size_t>(i)] = pow10_128(i);
  return t;
}();

[[nodiscard]] constexpr int128 pow10(int n) noexcept {
  return pow10_table[static_cast<std::size_t>(n)];
}

[[nodiscard]] constexpr int128 abs128(int128 v) noexcept { return v < 0 ? -v : v; }

/// Number of decimal digits of |v| (0 has one digit).
[[nodiscard]] constexpr int digits10(int128 v) noexcept {
  const int128 a = abs128(v);
  int d = 1;
  while (d < 39 && a >= pow10(d)) ++d;
  return d;
}

/// Whether the rounded-away part (described by the remainder `rem` of a division by `den`, and
/// the sign of the exact quotient) moves the truncated quotient `q` one step away from zero.
[[nodiscard]] constexpr bool round_increments(int128 q, int128 rem, int128 den, bool negative,
                                              Rounding mode) noexcept {
  if (rem == 0) return false;
  const int128 r = abs128(rem);
  const int128 d = abs128(den);
  // Sign of (2r - d), computed without overflowing 2r.
  const int128 other = d - r;
  const int half = r > other ? 1 : (r == other ? 0 : -1);
  switch (mode) {
    case Rounding::up: return true;
    case Rounding::down: return false;
    case Rounding::ceiling: return !negative;
    case Rounding::floor: return negative;
    case Rounding::half_up: return half >= 0;
    case Rounding::half_down: return half > 0;
    case Rounding::half_even: return half > 0 || (half == 0 && (q % 2 != 0));
  }
  return false;
}

/// n / d rounded by `mode`. Precondition: d != 0, and neither is INT128_MIN.
[[nodiscard]] constexpr int128 divide_rounded(int128 n, int128 d, Rounding mode) noexcept {
  const int128 q = n / d;
  const int128 rem = n % d;
  const bool negative = (n < 0) != (d < 0);
  if (round_increments(q, rem, d, negative, mode)) return negative ? q - 1 : q + 1;
  return q;
}

/// 10^n for n in [0, 18] as a 64-bit integer.
inline constexpr auto pow10_64_table = [] {
  std::array<std::int64_t, 19> t{};
  std::int64_t v = 1;
  for (std::int64_t& x : t) {
    x = v;
    if (&x != &t.back()) v *= 10;
  }
  return t;
}();

/// n / d rounded by `mode`, in 64 bits: the fast path of Money arithmetic. Precondition: d > 0,
/// n != INT64_MIN.
[[nodiscard]] constexpr std::int64_t divide_rounded64(std::int64_t n, std::int64_t d,
                                                      Rounding mode) noexcept {
  const std::int64_t q = n / d;
  const std::int64_t rem = n % d;
  if (rem == 0) return q;
  const bool negative = n < 0;
  const std::int64_t r = rem < 0 ? -rem : rem;
  const std::int64_t other = d - r;
  const int half = r > other ? 1 : (r == other ? 0 : -1);
  bool increment = false;
  switch (mode) {
    case Rounding::up: increment = true; break;
    case Rounding::down: increment = false; break;
    case Rounding::ceiling: increment = !negative; break;
    case Rounding::floor: increment = negative; break;
    case Rounding::half_up: increment = half >= 0; break;
    case Rounding::half_down: increment = half > 0; break;
    case Rounding::half_even: increment = half > 0 || (half == 0 && (q % 2 != 0)); break;
  }
  if (!increment) return q;
  return negative ? q - 1 : q + 1;
}

}  // namespace detail
}  // namespace fisc
