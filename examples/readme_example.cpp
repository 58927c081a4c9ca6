// SPDX-License-Identifier: BSL-1.0
#include <fisc/fisc.hpp>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  // A report: its tables, the figures its text states, each with its place.
  const auto report = fisc::load_report_json(argv[1]);
  if (!report) {
    std::cerr << fisc::describe(report.error()) << '\n';
    return 2;
  }
  // The built-in rules, reconfigured without touching fisc: one dropped, one made stricter.
  fisc::Pack pack = fisc::builtin_pack().without({"enumeration.lists_differ"});
  pack.regrade("year.mislabelled", fisc::Severity::error);
  // "3.36" is any value in [3.355, 3.365): a check fails only when no values the written
  // figures allow satisfy it, so 85.10% of 3.95 passes and 534.27 ≠ 489.86 + 44.43 does not.
  const fisc::Subject subject(*report);
  const fisc::InputFindings found = fisc::run(pack, subject);
  for (const fisc::Finding& f : found.findings) {
    std::cout << fisc::describe(f.where) << " [" << f.rule << "] " << f.message.en << '\n';
  }
  return found.findings.empty() ? 0 : 1;
}
