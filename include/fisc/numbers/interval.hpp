// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"

namespace fisc {

/// A set of true values consistent with stated figures: an interval of Decimals whose ends are
/// each open or closed.
///
/// 区间. 950.84 written in a 万元 table is any value in [950.835, 950.845): checks of sums,
/// shares and rates combine intervals and fail only when no choice of true values satisfies them
/// (design.md §1.2, the XBRL Calculations 1.1 idea). Addition and subtraction track the openness
/// of each end exactly. Multiplication and division produce closed ends rounded outward to 18
/// digits: the interval may grow by one unit in the 18th digit, never shrink, so a check can only
/// be more lenient by that much, never raise a false alarm.
class Interval {
 public:
  /// [0, 0].
  constexpr Interval() noexcept = default;

  [[nodiscard]] static constexpr Interval point(Decimal v) noexcept { return {v, true, v, true}; }
  /// [lo, hi]; invalid_argument when lo > hi.
  [[nodiscard]] static constexpr Result<Interval> closed(Decimal lo, Decimal hi) noexcept {
    return make(lo, true, hi, true);
  }
  /// [lo, hi); invalid_argument when lo >= hi.
  [[nodiscard]] static constexpr Result<Interval> half_open(Decimal lo, Decimal hi) noexcept {
    return make(lo, true, hi, false);
  }
  /// Any interval; an empty one (lo > hi, or lo == hi with an open end) is invalid_argument.
  [[nodiscard]] static constexpr Result<Interval> make(Decimal lo, bool lo_closed, Decimal hi,
                                                       bool hi_closed) noexcept {
    if (lo > hi || (lo == hi && !(lo_closed && hi_closed))) {
      return unexpected(ArithmeticErrc::invalid_argument);
    }
    return Interval{lo, lo_closed, hi, hi_closed};
  }

  [[nodiscard]] constexpr Decimal lo() const noexcept { return lo_; }
  [[nodiscard]] constexpr Decimal hi() const noexcept { return hi_; }
  [[nodiscard]] constexpr bool lo_closed() const noexcept { return lo_closed_; }
  [[nodiscard]] constexpr bool hi_closed() const noexcept { return hi_closed_; }
  [[nodiscard]] constexpr bool is_point() const noexcept { return lo_ == hi_; }

  [[nodiscard]] constexpr bool contains(Decimal v) const noexcept {
    const bool above = lo_closed_ ? v >= lo_ : v > lo_;
    const bool below = hi_closed_ ? v <= hi_ : v < hi_;
    return above && below;
  }
  /// Whether some value lies in both (the stated figures *can* be equal).
  [[nodiscard]] friend constexpr bool can_equal(const Interval& a, const Interval& b) noexcept {
    return strictly_below(a.lo_, a.lo_closed_, b.hi_, b.hi_closed_) &&
           strictly_below(b.lo_, b.lo_closed_, a.hi_, a.hi_closed_);
  }
  /// No value lies in both: the figures contradict each other whatever their rounding.
  [[nodiscard]] friend constexpr bool must_differ(const Interval& a, const Interval& b) noexcept {
    return !can_equal(a, b);
  }
  /// Some x in a and y in b have x <= y.
  [[nodiscard]] friend constexpr bool can_be_at_most(const Interval& a,
                                                     const Interval& b) noexcept {
    return strictly_below(a.lo_, a.lo_closed_, b.hi_, b.hi_closed_);
  }
  /// Every x in a is greater than every y in b.
  [[nodiscard]] friend constexpr bool must_exceed(const Interval& a, const Interval& b) noexcept {
    return !can_be_at_most(a, b);
  }

  /// The interval × 10^k, exactly (a change of unit such as 万元 → 元), keeping open ends open.
  [[nodiscard]] constexpr Result<Interval> try_scale_by_power_of_ten(
      std::int64_t k) const noexcept {
    const auto lo = Decimal::make(lo_.coefficient(), std::int64_t{lo_.exponent()} + k);
    const auto hi = Decimal::make(hi_.coefficient(), std::int64_t{hi_.exponent()} + k);
    if (!lo || !hi) return unexpected(ArithmeticErrc::overflow);
    return Interval{*lo, lo_closed_, *hi, hi_closed_};
  }

  constexpr Interval operator-() const noexcept { return {-hi_, hi_closed_, -lo_, lo_closed_}; }

  friend constexpr bool operator==(const Interval&, const Interval&) noexcept = default;

 private:
  constexpr Interval(Decimal lo, bool lc, Decimal hi, bool hc) noexcept
      : lo_(lo), hi_(hi), lo_closed_(lc), hi_closed_(hc) {}

  // Whether a lower end (x, xc) leaves room below an upper end (y, yc).
  static constexpr bool strictly_below(Decimal x, bool xc, Decimal y, bool yc) noexcept {
    return x < y || (x == y && xc && yc);
  }

  friend constexpr Result<Interval> try_add(const Interval& a, const Interval& b) noexcept;
  friend constexpr Result<Interval> hull(const Interval& a, const Interval& b) noexcept;

  Decimal lo_;
  Decimal hi_;
  bool lo_closed_ = true;
  bool hi_closed_ = true;
};

namespace detail {
/// One end of a sum: exact when it fits, otherwise rounded outward and closed.
struct End {
  Decimal value;
  bool closed;
};
constexpr Result<End> outward_sum(Decimal a, Decimal b, bool closed, Rounding outward) noexcept {
  if (auto exact = try_add(a, b)) return End{*exact, closed};
  return try_add(a, b, Context{Decimal::max_digits, outward}).map([](Decimal d) {
    return End{d, true};
  });
}
}  // namespace detail

/// {x + y : x in a, y in b}.
[[nodiscard]] constexpr Result<Interval> try_add(const Interval& a, const Interval& b) noexcept {
  const auto lo = detail::outward_sum(a.lo_, b.lo_, a.lo_closed_ && b.lo_closed_, Rounding::floor);
  if (!lo) return unexpected(lo.error());
  const auto hi =
      detail::outward_sum(a.hi_, b.hi_, a.hi_closed_ && b.hi_closed_, Rounding::ceiling);
  if (!hi) return unexpected(hi.error());
  return Interval{(*lo).value, (*lo).closed, (*hi).value, (*hi).closed};
}
[[nodiscard]] constexpr Result<Interval> try_subtract(const Interval& a,
                                                      const Interval& b) noexcept {
  return try_add(a, -b);
}

namespace detail {
/// The range of op(x, y) over the ends x of a and y of b, each end rounded outward to 18 digits
/// (floor for the least, ceiling for the greatest) and closed: the product or quotient of two
/// intervals, since both are monotonic in each operand on an interval that excludes a pole.
template <class Op>
constexpr Result<Interval> outward_range(const Interval& a, const Interval& b, Op op) noexcept {
  Decimal lo;
  Decimal hi;
  bool first = true;
  for (Decimal x : {a.lo(), a.hi()}) {
    for (Decimal y : {b.lo(), b.hi()}) {
      const auto down = op(x, y, Context{Decimal::max_digits, Rounding::floor});
      const auto up = op(x, y, Context{Decimal::max_digits, Rounding::ceiling});
      if (!down) return unexpected(down.error());
      if (!up) return unexpected(up.error());
      if (first || *down < lo) lo = *down;
      if (first || *up > hi) hi = *up;
      first = false;
    }
  }
  return Interval::closed(lo, hi);
}
}  // namespace detail

/// {x × y}; ends closed, rounded outward to 18 digits where the exact product is wider.
[[nodiscard]] constexpr Result<Interval> try_multiply(const Interval& a,
                                                      const Interval& b) noexcept {
  return detail::outward_range(
      a, b, [](Decimal x, Decimal y, Context c) { return try_multiply(x, y, c); });
}

/// {x ÷ y}; division_by_zero when b may be zero (a rate over a base that can be nothing),
/// including an end of b open at zero, over which the quotient is unbounded.
[[nodiscard]] constexpr Result<Interval> try_divide(const Interval& a, const Interval& b) noexcept {
  if (b.contains(Decimal{})) return unexpected(ArithmeticErrc::division_by_zero);
  return detail::outward_range(a, b,
                               [](Decimal x, Decimal y, Context c) { return try_divide(x, y, c); });
}

/// The smallest interval holding both.
[[nodiscard]] constexpr Result<Interval> hull(const Interval& a, const Interval& b) noexcept {
  Interval r = a;
  if (b.lo_ < r.lo_ || (b.lo_ == r.lo_ && b.lo_closed_)) {
    r.lo_ = b.lo_;
    r.lo_closed_ = b.lo_closed_ || (a.lo_ == b.lo_ && a.lo_closed_);
  }
  if (b.hi_ > r.hi_ || (b.hi_ == r.hi_ && b.hi_closed_)) {
    r.hi_ = b.hi_;
    r.hi_closed_ = b.hi_closed_ || (a.hi_ == b.hi_ && a.hi_closed_);
  }
  return r;
}

constexpr Interval operator+(const Interval& a, const Interval& b) {
  return detail::value_or_throw(try_add(a, b), "Interval addition");
}
constexpr Interval operator-(const Interval& a, const Interval& b) {
  return detail::value_or_throw(try_subtract(a, b), "Interval subtraction");
}
constexpr Interval operator*(const Interval& a, const Interval& b) {
  return detail::value_or_throw(try_multiply(a, b), "Interval multiplication");
}

}  // namespace fisc
