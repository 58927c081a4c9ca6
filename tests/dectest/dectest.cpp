// SPDX-License-Identifier: BSL-1.0
//
// fisc_dectest: runs the General Decimal Arithmetic testcases (decTest files, see the README.md
// beside them) against fisc::Decimal.
//
//   fisc_dectest [--verbose] [--list-skipped] [DIRECTORY]
//
// Every test inside fisc's domain must give the expected result exactly: the same coefficient and
// exponent, compared through to_scientific_string (or to_engineering_string for toEng). A test
// outside the domain (a precision above 18 digits, NaN, infinities, signed zeros, the exponent
// limits of the test's context...) is skipped and counted by its reason. An expected error
// condition (Division_by_zero, Invalid_operation, Conversion_syntax...) passes when fisc returns
// the matching ArithmeticErrc. fisc does not report the Inexact and Rounded flags, so those are
// not checked.
//
// The last line is "dectest: N passed, M failed, K skipped"; the exit status is nonzero when a
// test failed or fewer than 3000 passed.

#include <algorithm>
#include <cctype>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/numbers/scientific.hpp"

#ifndef FISC_DECTEST_DIR
#error "FISC_DECTEST_DIR must name the directory of the decTest files"
#endif

namespace {

using fisc::ArithmeticErrc;
using fisc::Decimal;
using fisc::Result;

constexpr int minimum_passed = 3000;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The directives in force (a file starts from a fresh context).
struct TestContext {
  int precision = 0;
  std::string rounding;
  std::int64_t max_exponent = 0;
  std::int64_t min_exponent = 0;
  bool extended = true;
  bool have_precision = false;
  bool have_rounding = false;
};

/// One test line: id operation operands -> result conditions.
struct TestCase {
  std::string id;
  std::string operation;  // lower case
  std::vector<std::string> operands;
  std::string result;
  std::vector<std::string> conditions;  // lower case
};

/// Splits a line into tokens: spaces separate; '...' and "..." quote (a doubled quote inside
/// stands for one); "--" outside a token starts a comment.
std::optional<std::vector<std::string>> tokenize(std::string_view line) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (line.substr(i, 2) == "--") break;
    std::string token;
    if (c == '\'' || c == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == c) {
          if (i + 1 < line.size() && line[i + 1] == c) {
            token += c;
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        token += line[i++];
      }
      if (!closed) return std::nullopt;
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') token += line[i++];
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

/// Whether `s` is, in the to-number syntax, a NaN, an sNaN or an infinity (which Decimal lacks).
bool is_special(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  const std::string l = lower(s);
  if (l == "inf" || l == "infinity") return true;
  std::string_view rest = l;
  if (rest.substr(0, 3) == "nan") {
    rest.remove_prefix(3);
  } else if (rest.substr(0, 4) == "snan") {
    rest.remove_prefix(4);
  } else {
    return false;
  }
  return std::all_of(rest.begin(), rest.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

/// Whether `s` is a number in the to-number syntax whose value is a negative zero.
bool is_negative_zero(std::string_view s) {
  if (s.empty() || s[0] != '-') return false;
  const auto r = fisc::try_from_scientific_string(s.substr(1));
  return r && (*r).is_zero();
}

/// Significant digits of a number in the to-number syntax (leading zeros do not count).
std::size_t significant_digits(std::string_view s) {
  const std::size_t e = s.find_first_of("eE");
  if (e != std::string_view::npos) s = s.substr(0, e);
  std::size_t count = 0;
  bool leading = true;
  for (const char c : s) {
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++count;
  }
  return count;
}

/// The error fisc must return for a test that expects an error condition, or nothing.
std::optional<ArithmeticErrc> expected_error(const TestCase& t) {
  for (const std::string& c : t.conditions) {
    if (c == "division_by_zero" || c == "division_undefined")
      return ArithmeticErrc::division_by_zero;
    if (c == "conversion_syntax") return ArithmeticErrc::invalid_argument;
    // The Invalid_operation results of fisc's operations: a quantized coefficient that does not
    // fit the precision.
    if (c == "invalid_operation") return ArithmeticErrc::overflow;
  }
  return std::nullopt;
}

/// The exponent that quantize (the exponent of its second operand) or rescale (the value of its
/// second operand, an integer) asks for; nothing when rescale's operand is not an integer.
std::optional<std::int64_t> quantize_target(const std::string& operation, Decimal b) {
  if (operation == "quantize") return b.exponent();
  const auto integer = fisc::try_quantize(b, 0, fisc::Rounding::down);
  if (integer && *integer == b) return (*integer).coefficient();
  return std::nullopt;
}

class Runner {
 public:
  explicit Runner(bool verbose, bool list_skipped)
      : verbose_(verbose), list_skipped_(list_skipped) {}

  void run_file(const std::filesystem::path& path);
  int report() const;

 private:
  void run_line(const std::string& file, std::string_view line, TestContext& ctx);
  void run_test(const std::string& file, const TestCase& t, const TestContext& ctx);

  void skip(const std::string& file, const TestCase& t, const std::string& reason) {
    ++skipped_[reason];
    if (list_skipped_) std::cout << "skip " << file << ' ' << t.id << ": " << reason << '\n';
  }
  void pass() { ++passed_; }
  void fail(const std::string& file, const TestCase& t, std::string_view got) {
    ++failed_;
    if (verbose_) {
      std::cout << "FAIL " << file << ' ' << t.id << ' ' << t.operation;
      for (const auto& o : t.operands) std::cout << " '" << o << '\'';
      std::cout << " -> " << t.result;
      for (const auto& c : t.conditions) std::cout << ' ' << c;
      std::cout << "  (fisc: " << got << ")\n";
    }
  }

  bool verbose_;
  bool list_skipped_;
  int passed_ = 0;
  int failed_ = 0;
  std::map<std::string, int> skipped_;
};

void Runner::run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string file = path.filename().string();
  if (!in) {
    std::cerr << "fisc_dectest: cannot read " << path.string() << '\n';
    ++failed_;
    return;
  }
  TestContext ctx;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    run_line(file, line, ctx);
  }
}

void Runner::run_line(const std::string& file, std::string_view line, TestContext& ctx) {
  const auto tokens = tokenize(line);
  if (!tokens) {
    std::cerr << "fisc_dectest: " << file << ": unterminated quote in: " << line << '\n';
    ++failed_;
    return;
  }
  if (tokens->empty()) return;
  const std::string& first = tokens->front();
  if (const std::size_t colon = first.find(':'); colon != std::string::npos) {
    // Directive "keyword: value" (the value may also follow the colon directly).
    const std::string keyword = lower(first.substr(0, colon));
    std::string value = first.substr(colon + 1);
    if (value.empty() && tokens->size() > 1) value = (*tokens)[1];
    if (keyword == "precision") {
      ctx.precision = std::stoi(value);
      ctx.have_precision = true;
    } else if (keyword == "rounding") {
      ctx.rounding = lower(value);
      ctx.have_rounding = true;
    } else if (keyword == "maxexponent") {
      ctx.max_exponent = std::stoll(value);
    } else if (keyword == "minexponent") {
      ctx.min_exponent = std::stoll(value);
    } else if (keyword == "extended") {
      ctx.extended = value != "0";
    }
    // version, clamp and dectest need nothing here: clamping always raises Clamped, which is
    // skipped, and these files hold no "dectest:" references.
    return;
  }
  const auto arrow = std::find(tokens->begin(), tokens->end(), "->");
  if (tokens->size() < 3 || arrow == tokens->end() || arrow + 1 == tokens->end() ||
      arrow - tokens->begin() < 2) {
    std::cerr << "fisc_dectest: " << file << ": malformed test: " << line << '\n';
    ++failed_;
    return;
  }
  TestCase t;
  t.id = (*tokens)[0];
  t.operation = lower((*tokens)[1]);
  t.operands.assign(tokens->begin() + 2, arrow);
  t.result = *(arrow + 1);
  for (auto it = arrow + 2; it != tokens->end(); ++it) t.conditions.push_back(lower(*it));
  run_test(file, t, ctx);
}

/// The reason `t` is outside fisc's domain, or an empty string.
std::string skip_reason(const TestCase& t, const TestContext& ctx) {
  static const std::map<std::string, int> arity = {{"add", 2},     {"subtract", 2}, {"multiply", 2},
                                                   {"divide", 2},  {"quantize", 2}, {"rescale", 2},
                                                   {"compare", 2}, {"plus", 1},     {"minus", 1},
                                                   {"abs", 1},     {"tosci", 1},    {"toeng", 1}};
  const auto op = arity.find(t.operation);
  if (op == arity.end()) return "operation " + t.operation + " is not provided by fisc";

  const auto has_hash = [](const std::string& s) { return s.find('#') != std::string::npos; };
  if (std::any_of(t.operands.begin(), t.operands.end(), has_hash) || has_hash(t.result)) {
    return "IEEE 754 encoding (#) operand or result";
  }
  if (static_cast<int>(t.operands.size()) != op->second) return "wrong number of operands";
  if (!ctx.have_precision || !ctx.have_rounding) return "context incomplete";
  if (!ctx.extended) return "extended: 0 (X3.274 subset arithmetic)";
  // compare does not round, so its context does not matter.
  if (t.operation != "compare") {
    if (ctx.precision > Decimal::max_digits) return "precision above 18 digits";
    if (!fisc::rounding_from_string(ctx.rounding)) return "rounding " + ctx.rounding;
  }
  for (const char* limit : {"overflow", "underflow", "subnormal", "clamped"}) {
    if (std::find(t.conditions.begin(), t.conditions.end(), limit) != t.conditions.end()) {
      return std::string("expected ") + limit + " (exponent limits of the test context)";
    }
  }
  if (std::any_of(t.operands.begin(), t.operands.end(), is_special)) {
    return "NaN, sNaN or Infinity operand";
  }
  if (std::any_of(t.operands.begin(), t.operands.end(), is_negative_zero)) {
    return "negative zero operand";
  }
  if (is_negative_zero(t.result)) return "negative zero result";
  if (is_special(t.result) && !expected_error(t)) return "NaN or Infinity result";
  for (const std::string& operand : t.operands) {
    const auto r = fisc::try_from_scientific_string(operand);
    if (r || r.error() != ArithmeticErrc::overflow) continue;
    // toSci and toEng round their operand, but fisc's conversion is exact.
    if (significant_digits(operand) > Decimal::max_digits) return "operand above 18 digits";
    return "operand exponent outside Decimal's range";
  }
  if (!is_special(t.result) && t.operation != "compare") {
    const auto r = fisc::try_from_scientific_string(t.result);
    if (!r && r.error() == ArithmeticErrc::overflow) {
      return "result exponent outside Decimal's range";
    }
  }
  if (t.operation == "quantize" || t.operation == "rescale") {
    // The context limits exponents to [Etiny, Emax] (an Invalid_operation beyond them); fisc's
    // limits are Decimal's own.
    const auto a = fisc::try_from_scientific_string(t.operands[0]);
    const auto b = fisc::try_from_scientific_string(t.operands[1]);
    const std::int64_t e_tiny = ctx.min_exponent - (ctx.precision - 1);
    if (a && b) {
      const auto target = quantize_target(t.operation, *b);
      if ((*a).adjusted_exponent() > ctx.max_exponent ||
          (target && (*target > ctx.max_exponent || *target < e_tiny))) {
        return "quantize exponent outside the test context's limits";
      }
    }
  }
  return {};
}

void Runner::run_test(const std::string& file, const TestCase& t, const TestContext& ctx) {
  if (const std::string reason = skip_reason(t, ctx); !reason.empty()) {
    skip(file, t, reason);
    return;
  }
  const fisc::Context context{
      std::min(ctx.precision, Decimal::max_digits),
      fisc::rounding_from_string(ctx.rounding).value_or(fisc::Rounding::half_even)};
  const fisc::Rounding mode = context.rounding;

  // The operands (toSci/toEng convert their own, below: a syntax error is their test).
  std::vector<Decimal> x;
  if (t.operation != "tosci" && t.operation != "toeng") {
    for (const std::string& operand : t.operands) {
      const auto r = fisc::try_from_scientific_string(operand);
      if (!r) {
        fail(file, t, "operand does not convert: " + std::string(fisc::to_string(r.error())));
        return;
      }
      x.push_back(*r);
    }
  }

  Result<Decimal> result = fisc::unexpected(ArithmeticErrc::invalid_argument);
  bool engineering = false;
  if (t.operation == "add") {
    result = fisc::try_add(x[0], x[1], context);
  } else if (t.operation == "subtract") {
    result = fisc::try_subtract(x[0], x[1], context);
  } else if (t.operation == "multiply") {
    result = fisc::try_multiply(x[0], x[1], context);
  } else if (t.operation == "divide") {
    result = fisc::try_divide(x[0], x[1], context);
  } else if (t.operation == "quantize" || t.operation == "rescale") {
    if (const auto exponent = quantize_target(t.operation, x[1])) {
      // In a context, quantize is also an Invalid_operation when the coefficient needs more
      // digits than the precision; fisc's limit is 18 digits.
      result =
          fisc::try_quantize(x[0], *exponent, mode).and_then([&](Decimal d) -> Result<Decimal> {
            if (d.digits() > context.precision) return fisc::unexpected(ArithmeticErrc::overflow);
            return d;
          });
    }
  } else if (t.operation == "plus") {
    result = fisc::try_round(x[0], context);
  } else if (t.operation == "minus") {
    result = fisc::try_round(-x[0], context);
  } else if (t.operation == "abs") {
    result = fisc::try_round(fisc::abs(x[0]), context);
  } else if (t.operation == "compare") {
    const auto order = x[0] <=> x[1];
    const std::string got = std::is_lt(order) ? "-1" : (std::is_gt(order) ? "1" : "0");
    if (got == t.result && !expected_error(t)) {
      pass();
    } else {
      fail(file, t, got);
    }
    return;
  } else if (t.operation == "tosci" || t.operation == "toeng") {
    // to-number rounds to the context's precision here (and only here).
    engineering = t.operation == "toeng";
    result = fisc::try_from_scientific_string(t.operands[0]).and_then([&](Decimal d) {
      return fisc::try_round(d, context);
    });
  }

  const auto want_error = expected_error(t);
  if (!result) {
    if (want_error && *want_error == result.error()) {
      pass();
    } else {
      fail(file, t, "error " + std::string(fisc::to_string(result.error())));
    }
    return;
  }
  const std::string got =
      engineering ? fisc::to_engineering_string(*result) : fisc::to_scientific_string(*result);
  if (!want_error && got == t.result) {
    pass();
  } else {
    fail(file, t, got);
  }
}

int Runner::report() const {
  int skipped = 0;
  for (const auto& [reason, count] : skipped_) {
    std::cout << "skipped " << count << ": " << reason << '\n';
    skipped += count;
  }
  std::cout << "dectest: " << passed_ << " passed, " << failed_ << " failed, " << skipped
            << " skipped" << std::endl;
  return failed_ > 0 || passed_ < minimum_passed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  bool list_skipped = false;
  std::filesystem::path directory = FISC_DECTEST_DIR;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--verbose" || arg == "-v") {
      verbose = true;
    } else if (arg == "--list-skipped") {
      list_skipped = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << "usage: fisc_dectest [--verbose] [--list-skipped] [DIRECTORY]\n"
                   "  runs every *.decTest file in DIRECTORY (default " FISC_DECTEST_DIR ")\n";
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "fisc_dectest: unknown option " << arg << '\n';
      return 2;
    } else {
      directory = arg;
    }
  }

  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.path().extension() == ".decTest") files.push_back(entry.path());
  }
  if (ec || files.empty()) {
    std::cerr << "fisc_dectest: no .decTest files in " << directory.string()
              << (ec ? ": " + ec.message() : std::string()) << '\n';
    return 2;
  }
  std::sort(files.begin(), files.end());

  Runner runner(verbose, list_skipped);
  for (const auto& file : files) runner.run_file(file);
  return runner.report();
}
