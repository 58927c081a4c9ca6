// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/percent.hpp"

namespace fisc {

namespace detail {

/// floor(a × b / m) and its remainder, for 0 <= a < m <= 10^37 and 0 <= b, without a product
/// wider than 128 bits: binary long multiplication modulo m.
struct QuotientRemainder {
  int128 quotient;
  int128 remainder;
};
constexpr QuotientRemainder mul_div(int128 a, int128 b, int128 m) noexcept {
  int128 q = 0;
  int128 r = 0;
  int128 add_q = 0;  // a × 2^k = add_q × m + add_r
  int128 add_r = a;
  for (; b > 0; b >>= 1) {
    if ((b & 1) != 0) {
      q += add_q;
      r += add_r;
      if (r >= m) {
        r -= m;
        ++q;
      }
    }
    add_q *= 2;
    add_r *= 2;
    if (add_r >= m) {
      add_r -= m;
      ++add_q;
    }
  }
  return {q, r};
}

/// Largest-remainder (Hamilton) apportionment of `units` (>= 0) over non-negative weights with a
/// positive sum: part i gets floor(units × w_i / W), then the units left over go one each to the
/// parts with the largest remainders; equal remainders go to the earlier part, so the result
/// depends only on the order the parts are listed in.
inline Result<std::vector<int128>> largest_remainder(int128 units,
                                                     std::span<const int128> weights) {
  int128 total_weight = 0;
  for (int128 w : weights) {
    if (w < 0) return unexpected(ArithmeticErrc::invalid_argument);
    total_weight += w;
    if (total_weight > pow10(37)) return unexpected(ArithmeticErrc::overflow);
  }
  if (total_weight == 0) return unexpected(ArithmeticErrc::zero_base);
  // units × w / W = whole × w + rest × w / W, where whole × w <= units and rest < W.
  const int128 whole = units / total_weight;
  const int128 rest = units % total_weight;
  std::vector<int128> parts(weights.size());
  std::vector<int128> remainders(weights.size());
  int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const auto [q, r] = mul_div(rest, weights[i], total_weight);
    parts[i] = whole * weights[i] + q;
    remainders[i] = r;
    given += parts[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < units; ++k) {
    ++parts[order[k]];
    ++given;
  }
  return parts;
}

inline Result<std::vector<Money>> to_money_parts(Money total, std::span<const int128> weights) {
  const bool negative = total.is_negative();
  auto parts = largest_remainder(negative ? -int128{total.fen()} : int128{total.fen()}, weights);
  if (!parts) return unexpected(parts.error());
  std::vector<Money> out;
  out.reserve(parts->size());
  for (int128 p : *parts)
    out.push_back(Money::from_fen(static_cast<std::int64_t>(negative ? -p : p)));
  return out;
}

inline Result<std::vector<int128>> aligned(std::span<const Decimal> values) {
  if (values.empty()) return std::vector<int128>{};
  std::int32_t e = Decimal::max_exponent;  // the least exponent of a nonzero weight
  for (Decimal v : values) {
    if (!v.is_zero()) e = std::min(e, v.exponent());
  }
  std::vector<int128> out;
  out.reserve(values.size());
  for (Decimal v : values) {
    const std::int64_t shift = std::int64_t{v.exponent()} - e;
    if (v.is_zero()) {
      out.push_back(0);
    } else if (shift + v.digits() > 37) {
      return unexpected(ArithmeticErrc::overflow);
    } else {
      out.push_back(int128{v.coefficient()} * pow10(static_cast<int>(shift)));
    }
  }
  return out;
}

}  // namespace detail

/// Split `total` into parts proportional to `weights`, exactly: the parts add up to `total` to
/// the 分. Largest remainder method; ties go to the earlier part (see docs/architecture.md).
/// A negative total is split as its absolute value and negated. Errors: a negative weight is
/// `invalid_argument`, weights that sum to zero are `zero_base`.
[[nodiscard]] inline Result<std::vector<Money>> allocate(Money total,
                                                         std::span<const std::int64_t> weights) {
  std::vector<detail::int128> w(weights.begin(), weights.end());
  return detail::to_money_parts(total, w);
}
/// Split `total` in proportion to amounts (e.g. a budget cut spread over items by their size).
[[nodiscard]] inline Result<std::vector<Money>> allocate(Money total,
                                                         std::span<const Money> weights) {
  std::vector<detail::int128> w;
  w.reserve(weights.size());
  for (Money m : weights) w.push_back(m.fen());
  return detail::to_money_parts(total, w);
}
/// Split `total` in proportion to decimal weights (e.g. 0.3, 0.25, 0.45).
[[nodiscard]] inline Result<std::vector<Money>> allocate(Money total,
                                                         std::span<const Decimal> weights) {
  auto w = detail::aligned(weights);
  if (!w) return unexpected(w.error());
  return detail::to_money_parts(total, *w);
}

/// Shares of `parts` in their total, each with `decimals` decimals, that add up to exactly
/// 100% (100.00% for two decimals): the largest remainder method over units of 10^-decimals
/// percent, ties to the earlier part. Plain rounding of each share can make them add up to
/// 99.99% or 100.01%; published tables that must show 100.00% use this. Parts must be >= 0.
[[nodiscard]] inline Result<std::vector<Percent>> rounded_shares(std::span<const Money> parts,
                                                                 int decimals) {
  if (decimals < 0 || decimals > 16) return unexpected(ArithmeticErrc::invalid_argument);
  std::vector<detail::int128> w;
  w.reserve(parts.size());
  for (Money m : parts) w.push_back(m.fen());
  auto units = detail::largest_remainder(detail::pow10(decimals + 2), w);
  if (!units) return unexpected(units.error());
  std::vector<Percent> out;
  out.reserve(units->size());
  for (detail::int128 u : *units) {
    out.emplace_back(Decimal(static_cast<std::int64_t>(u), -decimals));
  }
  return out;
}

}  // namespace fisc
