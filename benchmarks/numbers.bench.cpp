// SPDX-License-Identifier: BSL-1.0
//
// fisc's numbers against two decimal types a money program might use instead: Boost's
// cpp_dec_float_50 and g++'s std::decimal::decimal64 (ISO/IEC TR 24733). Every implementation
// works on the same 4096 amounts, rates and divisors, built from integers (never from a binary
// double), and computes the same results; check_agreement() proves it before the timings run.

// g++ 12 at -O3 reports a false -Wrestrict in std::string::insert as inlined into Boost's
// cpp_dec_float string reader (GCC bug 105329). The warning is placed in libstdc++'s headers, so
// it is silenced before any of them is read.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include "numbers.bench.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <boost/multiprecision/cpp_dec_float.hpp>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/numbers/unit.hpp"

// std::decimal is a libstdc++ extension that only g++ compiles (it relies on GCC's decimal
// floating-point modes); clang builds run the other implementations.
#if defined(__GNUC__) && !defined(__clang__) && __has_include(<decimal/decimal>)
#include <decimal/decimal>
#define FISC_BENCH_HAVE_DECIMAL64 1
#else
#define FISC_BENCH_HAVE_DECIMAL64 0
#endif

namespace fisc_bench {
namespace {

/// Size of the data set: large enough that branch predictors cannot learn it, small enough
/// (a few hundred KiB for cpp_dec_float_50) to stay in cache, so that arithmetic is measured.
constexpr std::size_t kCount = 4096;

// ----- the data set ----------------------------------------------------------------------------

/// SplitMix64: a fixed, portable sequence, so that every run and every machine sees the same data.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15U);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9U;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBU;
    return z ^ (z >> 31U);
  }
  /// Uniform in [low, high) (the modulo bias is irrelevant here).
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low));
  }

 private:
  std::uint64_t state_;
};

constexpr std::int64_t pow10_i64(int n) {
  std::int64_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

/// "-9508412.25" from -950841225 分 (the form all three implementations parse and print).
std::string cents_to_text(std::int64_t cents) {
  std::array<char, 24> digits{};
  const std::uint64_t magnitude =
      cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), magnitude);
  std::string whole(digits.data(), end);
  if (whole.size() < 3) whole.insert(0, 3 - whole.size(), '0');
  std::string text = cents < 0 ? "-" : "";
  text += std::string_view(whole).substr(0, whole.size() - 2);
  text += '.';
  text += std::string_view(whole).substr(whole.size() - 2);
  return text;
}

/// "9,508,412.25": the form of published tables, which only fisc reads.
std::string grouped(const std::string& plain) {
  const std::size_t sign = plain.front() == '-' ? 1 : 0;
  const std::size_t point = plain.find('.');
  std::string text = plain.substr(0, sign);
  for (std::size_t i = sign; i < point; ++i) {
    if (i > sign && (point - i) % 3 == 0) text += ',';
    text += plain[i];
  }
  text += plain.substr(point);
  return text;
}

/// Amounts as a budget table holds them: 1.00 元 to 999,999,999.99 元, every order of magnitude
/// equally likely, one in sixteen negative (a 减少 or a correction); rates to four decimals
/// (0.0001 to 1.4999, like 0.8510); divisors to two decimals (1.00 to 499.99: months, staff).
/// Every fourth pair of amounts is equal, as the totals a check compares mostly are.
struct Sample {
  std::vector<std::int64_t> amount_fen;
  std::vector<std::int64_t> other_fen;
  std::vector<std::int64_t> rate_ten_thousandths;
  std::vector<std::int64_t> divisor_hundredths;
  std::vector<std::string> amount_text;
  std::vector<std::string> grouped_text;
};

std::int64_t random_amount(SplitMix64& rng) {
  const auto digits = static_cast<int>(rng.between(3, 12));
  const std::int64_t fen = rng.between(pow10_i64(digits - 1), pow10_i64(digits));
  return rng.between(0, 16) == 0 ? -fen : fen;
}

const Sample& sample() {
  static const Sample s = [] {
    Sample d;
    SplitMix64 rng(20240601);
    for (std::size_t i = 0; i < kCount; ++i) {
      const std::int64_t fen = random_amount(rng);
      d.amount_fen.push_back(fen);
      d.other_fen.push_back(i % 4 == 0 ? fen : random_amount(rng));
      d.rate_ten_thousandths.push_back(rng.between(1, 15'000));
      d.divisor_hundredths.push_back(rng.between(100, 50'000));
      d.amount_text.push_back(cents_to_text(fen));
      d.grouped_text.push_back(grouped(d.amount_text.back()));
    }
    return d;
  }();
  return s;
}

// ----- the implementations ---------------------------------------------------------------------
// Each has the same operations, on its own types, over the same sample:
//   add                  amount + other
//   multiply_rate_round  amount × rate, rounded half-up (四舍五入) to 0.01
//   divide_round         amount ÷ divisor, rounded half-up to 0.01
//   parse                "9508412.25" to a value
//   format               a value to "9508412.25" in a std::string
//   compare              amount < other
// fisc alone also has parse_grouped ("9,508,412.25"), parse_money, parse_figure and format_to.

struct Fisc {
  static constexpr const char* name = "fisc";

  struct Data {
    using Amount = fisc::Money;
    using Rate = fisc::Decimal;
    std::vector<Amount> amount, other;
    std::vector<Rate> rate, divisor;
  };
  static const Data& data() {
    static const Data d = [] {
      Data r;
      const Sample& s = sample();
      for (std::size_t i = 0; i < kCount; ++i) {
        r.amount.push_back(fisc::Money::from_fen(s.amount_fen[i]));
        r.other.push_back(fisc::Money::from_fen(s.other_fen[i]));
        r.rate.emplace_back(s.rate_ten_thousandths[i], -4);
        r.divisor.emplace_back(s.divisor_hundredths[i], -2);
      }
      return r;
    }();
    return d;
  }

  static fisc::Money add(fisc::Money a, fisc::Money b) { return a + b; }
  static fisc::Money multiply_rate_round(fisc::Money a, fisc::Decimal rate) {
    return fisc::multiply(a, rate, fisc::Rounding::half_up);
  }
  static fisc::Money divide_round(fisc::Money a, fisc::Decimal divisor) {
    return fisc::divide(a, divisor, fisc::Rounding::half_up);
  }
  static bool less(fisc::Money a, fisc::Money b) { return a < b; }

  // parse: a plain number, as the alternatives read it; parse_grouped: the same with thousands
  // separators, as published tables write it. parse_money and parse_figure (the whole Stated,
  // with its text) are what a reader of a table calls.
  static fisc::ParseResult<fisc::Decimal> parse(std::string_view text) {
    return fisc::parse_decimal(text);
  }
  static fisc::ParseResult<fisc::Decimal> parse_grouped(std::string_view text) {
    return fisc::parse_decimal(text);
  }
  static fisc::ParseResult<fisc::Money> parse_money(std::string_view text) {
    return fisc::parse_money(text, fisc::Unit::yuan);
  }
  static fisc::ParseResult<fisc::Stated> parse_figure(std::string_view text) {
    return fisc::parse_figure(text);
  }

  static std::string format(fisc::Money m) { return fisc::to_string(m); }
  /// The allocation-free writer, on the amount as a Decimal (fen × 10^-2): the text is left in
  /// `buffer`, and its length returned.
  static inline std::array<char, fisc::decimal_chars_max> buffer{};
  static std::size_t format_to(fisc::Money m) {
    const char* end = fisc::format_to(buffer.data(), fisc::Decimal(m.fen(), -2));
    return static_cast<std::size_t>(end - buffer.data());
  }

  static std::int64_t cents(fisc::Money m) { return m.fen(); }
  static std::int64_t cents(fisc::Decimal d) {
    return fisc::to_money(d, fisc::Unit::yuan, fisc::Rounding::down).fen();
  }
  template <class T>
  static std::int64_t cents(const fisc::ParseResult<T>& r) {
    if constexpr (std::is_same_v<T, fisc::Stated>) {
      return r ? cents(r->value) : fisc::Money::min_fen;
    } else {
      return r ? cents(*r) : fisc::Money::min_fen;
    }
  }
};

struct CppDecFloat50 {
  static constexpr const char* name = "cpp_dec_float_50";
  using Number = boost::multiprecision::cpp_dec_float_50;

  struct Data {
    using Amount = Number;
    using Rate = Number;
    std::vector<Number> amount, other, rate, divisor;
  };
  static const Data& data() {
    static const Data d = [] {
      Data r;
      const Sample& s = sample();
      // Integer ÷ power of ten is exact in a decimal type with 50 digits.
      for (std::size_t i = 0; i < kCount; ++i) {
        r.amount.push_back(Number(s.amount_fen[i]) / 100);
        r.other.push_back(Number(s.other_fen[i]) / 100);
        r.rate.push_back(Number(s.rate_ten_thousandths[i]) / 10'000);
        r.divisor.push_back(Number(s.divisor_hundredths[i]) / 100);
      }
      return r;
    }();
    return d;
  }

  // cpp_dec_float_50 uses expression templates: every result is converted to a Number (here by
  // the return type), so that the arithmetic is done, not merely described.
  static Number add(const Number& a, const Number& b) { return a + b; }
  // The usual way to round to cents with Boost.Multiprecision, which has no quantize: round()
  // (halfway cases away from zero, i.e. half-up in magnitude) at the scale of the cent.
  static Number round_cents(const Number& x) { return round(x * 100) / 100; }
  static Number multiply_rate_round(const Number& a, const Number& rate) {
    return round_cents(Number(a * rate));
  }
  static Number divide_round(const Number& a, const Number& divisor) {
    return round_cents(Number(a / divisor));
  }
  static Number parse(const std::string& text) { return Number(text.c_str()); }
  static std::string format(const Number& x) { return x.str(2, std::ios_base::fixed); }
  static bool less(const Number& a, const Number& b) { return a < b; }
  static std::int64_t cents(const Number& x) { return Number(x * 100).convert_to<std::int64_t>(); }
};

#if FISC_BENCH_HAVE_DECIMAL64
struct Decimal64 {
  static constexpr const char* name = "decimal64";
  using Number = std::decimal::decimal64;

  struct Data {
    using Amount = Number;
    using Rate = Number;
    std::vector<Number> amount, other, rate, divisor;
  };
  static const Data& data() {
    static const Data d = [] {
      Data r;
      const Sample& s = sample();
      for (std::size_t i = 0; i < kCount; ++i) {
        r.amount.push_back(
            std::decimal::make_decimal64(static_cast<long long>(s.amount_fen[i]), -2));
        r.other.push_back(std::decimal::make_decimal64(static_cast<long long>(s.other_fen[i]), -2));
        r.rate.push_back(
            std::decimal::make_decimal64(static_cast<long long>(s.rate_ten_thousandths[i]), -4));
        r.divisor.push_back(
            std::decimal::make_decimal64(static_cast<long long>(s.divisor_hundredths[i]), -2));
      }
      return r;
    }();
    return d;
  }

  static Number add(Number a, Number b) { return a + b; }
  // libstdc++ has neither quantize nor a rounding-mode API, so rounding to cents goes through its
  // conversion to an integer (which truncates toward zero): scale by 100 (exact, the coefficient
  // is only re-scaled), truncate, and compare the exact remainder with one half.
  static Number round_cents(Number x) {
    const Number scaled = x * 100;
    long long cents = std::decimal::decimal64_to_long_long(scaled);
    const Number rest = scaled - cents;
    const Number half = std::decimal::make_decimal64(5LL, -1);
    if (rest >= half) {
      ++cents;
    } else if (rest <= -half) {
      --cents;
    }
    return std::decimal::make_decimal64(cents, -2);
  }
  static Number multiply_rate_round(Number a, Number rate) { return round_cents(a * rate); }
  static Number divide_round(Number a, Number divisor) { return round_cents(a / divisor); }
  // libstdc++ has no conversion from text: the digits are gathered by hand into a coefficient and
  // an exponent for make_decimal64. No error or overflow is reported, which flatters decimal64.
  static Number parse(std::string_view text) {
    long long coefficient = 0;
    int exponent = 0;
    bool point = false;
    std::size_t i = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) ++i;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '.' && !point) {
        point = true;
      } else if (c >= '0' && c <= '9') {
        coefficient = coefficient * 10 + (c - '0');
        exponent -= point ? 1 : 0;
      } else {
        break;
      }
    }
    return std::decimal::make_decimal64(negative ? -coefficient : coefficient, exponent);
  }
  // No conversion to text either: an amount in whole cents is printed as its integer count of
  // cents (exact after scaling by 100).
  static std::string format(Number x) {
    return cents_to_text(std::decimal::decimal64_to_long_long(x * 100));
  }
  static bool less(Number a, Number b) { return a < b; }
  static std::int64_t cents(Number x) { return std::decimal::decimal64_to_long_long(x * 100); }
};
#endif

// ----- the benchmarks --------------------------------------------------------------------------
// An operation is a name and `apply<Impl>(view, i)`; an implementation that lacks the operation
// (only fisc parses "9,508,412.25") is left out of it by `Implements`.

/// The data of one implementation, as arrays that every operation indexes the same way.
template <class Impl>
struct View {
  using Data = typename Impl::Data;
  const typename Data::Amount* amount;
  const typename Data::Amount* other;
  const typename Data::Rate* rate;
  const typename Data::Rate* divisor;
  const std::string* text;
  const std::string* grouped;

  static View of(const Sample& s, const Data& d) {
    return {d.amount.data(),  d.other.data(),       d.rate.data(),
            d.divisor.data(), s.amount_text.data(), s.grouped_text.data()};
  }
};

struct Add {
  static constexpr std::string_view name = "add";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i)
      -> decltype(Impl::add(v.amount[i], v.other[i])) {
    return Impl::add(v.amount[i], v.other[i]);
  }
};

struct MultiplyRateRound {
  static constexpr std::string_view name = "multiply_rate_round";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i)
      -> decltype(Impl::multiply_rate_round(v.amount[i], v.rate[i])) {
    return Impl::multiply_rate_round(v.amount[i], v.rate[i]);
  }
};

struct DivideRound {
  static constexpr std::string_view name = "divide_round";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i)
      -> decltype(Impl::divide_round(v.amount[i], v.divisor[i])) {
    return Impl::divide_round(v.amount[i], v.divisor[i]);
  }
};

struct Parse {
  static constexpr std::string_view name = "parse";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i) -> decltype(Impl::parse(v.text[i])) {
    return Impl::parse(v.text[i]);
  }
};

struct ParseGrouped {
  static constexpr std::string_view name = "parse_grouped";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i)
      -> decltype(Impl::parse_grouped(v.grouped[i])) {
    return Impl::parse_grouped(v.grouped[i]);
  }
};

struct ParseMoney {
  static constexpr std::string_view name = "parse_money";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i) -> decltype(Impl::parse_money(v.text[i])) {
    return Impl::parse_money(v.text[i]);
  }
};

struct ParseFigure {
  static constexpr std::string_view name = "parse_figure";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i) -> decltype(Impl::parse_figure(v.text[i])) {
    return Impl::parse_figure(v.text[i]);
  }
};

struct Format {
  static constexpr std::string_view name = "format";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i) -> decltype(Impl::format(v.amount[i])) {
    return Impl::format(v.amount[i]);
  }
};

struct FormatTo {
  static constexpr std::string_view name = "format_to";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i) -> decltype(Impl::format_to(v.amount[i])) {
    return Impl::format_to(v.amount[i]);
  }
};

struct Compare {
  static constexpr std::string_view name = "compare";
  template <class Impl>
  static auto apply(const View<Impl>& v, std::size_t i)
      -> decltype(Impl::less(v.amount[i], v.other[i])) {
    return Impl::less(v.amount[i], v.other[i]);
  }
};

template <class Op, class Impl>
concept Implements = requires(const View<Impl>& v) {
  Op::template apply<Impl>(v, std::size_t{0});
};

/// Every item of the data set once per iteration; each result is kept (DoNotOptimize), so no
/// operation can be skipped or hoisted, and the loop costs the same for every implementation.
template <class Op, class Impl>
void run(benchmark::State& state) {
  const auto v = View<Impl>::of(sample(), Impl::data());
  for (auto _ : state) {
    for (std::size_t i = 0; i < kCount; ++i) {
      auto r = Op::template apply<Impl>(v, i);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kCount));
  // CPU seconds per operation: cpu seconds / (iterations × kCount), shown as "14.7ns".
  state.counters["time/op"] = benchmark::Counter(
      static_cast<double>(kCount),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

template <class... Impls>
struct Implementations {
  template <class Op>
  static void register_operation() {
    (register_one<Op, Impls>(), ...);
  }
  template <class Op, class Impl>
  static void register_one() {
    if constexpr (Implements<Op, Impl>) {
      std::string name(Op::name);
      name += '/';
      name += Impl::name;
      benchmark::RegisterBenchmark(name.c_str(), &run<Op, Impl>)->Unit(benchmark::kMicrosecond);
    }
  }
};

#if FISC_BENCH_HAVE_DECIMAL64
using All = Implementations<Fisc, CppDecFloat50, Decimal64>;
#else
using All = Implementations<Fisc, CppDecFloat50>;
#endif

}  // namespace

void register_number_benchmarks() {
  All::register_operation<Add>();
  All::register_operation<MultiplyRateRound>();
  All::register_operation<DivideRound>();
  All::register_operation<Parse>();
  All::register_operation<ParseGrouped>();
  All::register_operation<ParseMoney>();
  All::register_operation<ParseFigure>();
  All::register_operation<Format>();
  All::register_operation<FormatTo>();
  All::register_operation<Compare>();
}

namespace {

/// x / 10^n (n ≥ 0) or x / d rounded half-up, by the schoolbook rule on integers: the reference
/// every implementation is held to.
__extension__ using Wide = __int128;
std::int64_t reference_half_up(Wide numerator, Wide denominator) {
  Wide q = numerator / denominator;
  const Wide r = numerator % denominator;
  const Wide twice = 2 * (r < 0 ? -r : r);
  if (twice >= denominator) q += numerator < 0 ? -1 : 1;
  return static_cast<std::int64_t>(q);
}

template <class Impl>
int check_implementation(std::ostream& out) {
  const Sample& s = sample();
  const auto v = View<Impl>::of(s, Impl::data());
  int disagreements = 0;
  const auto expect = [&](std::string_view operation, std::size_t i, const auto& got,
                          const auto& want) {
    if (got == want) return;
    if (++disagreements <= 10) {
      out << "disagreement: " << operation << '/' << Impl::name << " on item " << i << " ("
          << s.amount_text[i] << "): got " << got << ", expected " << want << '\n';
    }
  };
  for (std::size_t i = 0; i < kCount; ++i) {
    const std::int64_t a = s.amount_fen[i];
    const std::int64_t b = s.other_fen[i];
    const std::int64_t rate = s.rate_ten_thousandths[i];
    const std::int64_t divisor = s.divisor_hundredths[i];
    if constexpr (Implements<Add, Impl>) {
      expect(Add::name, i, Impl::cents(Add::apply<Impl>(v, i)), a + b);
    }
    if constexpr (Implements<MultiplyRateRound, Impl>) {
      expect(MultiplyRateRound::name, i, Impl::cents(MultiplyRateRound::apply<Impl>(v, i)),
             reference_half_up(Wide{a} * rate, 10'000));
    }
    if constexpr (Implements<DivideRound, Impl>) {
      // a/100 ÷ divisor/100 in cents: a × 100 / divisor.
      expect(DivideRound::name, i, Impl::cents(DivideRound::apply<Impl>(v, i)),
             reference_half_up(Wide{a} * 100, divisor));
    }
    if constexpr (Implements<Compare, Impl>) {
      expect(Compare::name, i, Compare::apply<Impl>(v, i), a < b);
    }
    if constexpr (Implements<Parse, Impl>) {
      expect(Parse::name, i, Impl::cents(Parse::apply<Impl>(v, i)), a);
    }
    if constexpr (Implements<ParseGrouped, Impl>) {
      expect(ParseGrouped::name, i, Impl::cents(ParseGrouped::apply<Impl>(v, i)), a);
    }
    if constexpr (Implements<ParseMoney, Impl>) {
      expect(ParseMoney::name, i, Impl::cents(ParseMoney::apply<Impl>(v, i)), a);
    }
    if constexpr (Implements<ParseFigure, Impl>) {
      expect(ParseFigure::name, i, Impl::cents(ParseFigure::apply<Impl>(v, i)), a);
    }
    if constexpr (Implements<Format, Impl>) {
      expect(Format::name, i, Format::apply<Impl>(v, i), s.amount_text[i]);
    }
    if constexpr (Implements<FormatTo, Impl>) {
      const std::size_t length = FormatTo::apply<Impl>(v, i);
      expect(FormatTo::name, i, std::string_view(Impl::buffer.data(), length), s.amount_text[i]);
    }
  }
  return disagreements;
}

template <class... Impls>
int check_all(Implementations<Impls...> /*all*/, std::ostream& out) {
  return (check_implementation<Impls>(out) + ...);
}

}  // namespace

int check_agreement(std::ostream& out) {
  const int disagreements = check_all(All{}, out);
  if (disagreements == 0) {
    out << "agreement: every implementation computes the same " << kCount
        << " results per operation (checked against integer arithmetic)\n";
  } else {
    out << "agreement: " << disagreements
        << " results differ; the timings compare different work\n";
  }
  return disagreements;
}

}  // namespace fisc_bench
