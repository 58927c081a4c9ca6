// SPDX-License-Identifier: BSL-1.0
// fisc-gen --seed S --count N --error-rate R --out DIR [--kind RULE]... [--year Y]
//
// Writes DIR/NNNNN.report.json (a generated report) and DIR/NNNNN.truth (its ground truth, JSON
// under an extension `fisc check DIR` does not read). Report i is generate(S + i).
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/io/report_json.hpp"
#include "generator.hpp"

namespace {

constexpr std::string_view usage =
    "usage: fisc-gen --seed S --count N --error-rate R --out DIR [--kind RULE]... [--year Y]\n"
    "  writes DIR/NNNNN.report.json and DIR/NNNNN.truth for reports S, S+1, … S+N-1;\n"
    "  R in [0, 1] is the chance that a report carries one injected error;\n"
    "  --kind limits the injected errors to these rule ids (default: every kind);\n"
    "  --list-kinds prints the kinds.\n";

bool parse_u64(std::string_view text, std::uint64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  out = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

std::string numbered(std::uint64_t i) {
  const std::string n = std::to_string(i);
  return n.size() >= 5 ? n : std::string(5 - n.size(), '0') + n;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  std::uint64_t seed = 1;
  std::uint64_t count = 1;
  std::uint64_t year = 2020;
  std::string out;
  fisc::gen::GenOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--help" || a == "-h") {
      std::cout << usage;
      return 0;
    }
    if (a == "--list-kinds") {
      for (const std::string_view k : fisc::gen::kinds()) std::cout << k << '\n';
      return 0;
    }
    if (!has_value) {
      std::cerr << "fisc-gen: " << a << " needs a value\n" << usage;
      return 2;
    }
    const std::string_view value = args[++i];
    bool ok = true;
    if (a == "--seed") {
      ok = parse_u64(value, seed);
    } else if (a == "--count") {
      ok = parse_u64(value, count) && count <= 99999;
    } else if (a == "--year") {
      ok = parse_u64(value, year) && year >= 1901 && year <= 9999;
    } else if (a == "--error-rate") {
      const std::int64_t ppm = fisc::gen::parse_rate_ppm(value);
      ok = ppm >= 0;
      if (ok) options.error_rate_ppm = static_cast<std::uint32_t>(ppm);
    } else if (a == "--kind") {
      options.kinds.emplace_back(value);
    } else if (a == "--out") {
      out = std::string(value);
    } else {
      std::cerr << "fisc-gen: unknown option " << a << '\n' << usage;
      return 2;
    }
    if (!ok) {
      std::cerr << "fisc-gen: " << a << ": invalid value '" << value << "'\n" << usage;
      return 2;
    }
  }
  if (out.empty()) {
    std::cerr << "fisc-gen: --out DIR is required\n" << usage;
    return 2;
  }
  options.year = static_cast<std::int32_t>(year);
  try {
    const std::filesystem::path dir(out);
    std::filesystem::create_directories(dir);
    std::uint64_t injected = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
      const std::uint64_t s = seed + i;
      const fisc::gen::GeneratedReport g = fisc::gen::generate(s, options);
      injected += g.errors.empty() ? 0 : 1;
      const std::string stem = numbered(i);
      std::ofstream report(dir / (stem + ".report.json"), std::ios::binary);
      report << fisc::write_report_json(g.report);
      std::ofstream truth(dir / (stem + ".truth"), std::ios::binary);
      truth << fisc::gen::write_truth_json(s, g);
      if (!report || !truth) {
        std::cerr << "fisc-gen: cannot write " << (dir / stem).string() << '\n';
        return 2;
      }
    }
    std::cout << "fisc-gen: " << count << " reports in " << out << ", " << injected
              << " with an injected error\n";
  } catch (const std::exception& e) {
    std::cerr << "fisc-gen: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
