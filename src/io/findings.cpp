// SPDX-License-Identifier: BSL-1.0
// The findings formats by name, the dispatch between the writers, and the text format.
#include "fisc/io/findings.hpp"

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "findings_common.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/rules/finding.hpp"

namespace fisc {

namespace {

// "1 error", "2 warnings", "0 info", "1 check passed".
std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

std::string summary_line(const SeverityCounts& c, Language lang) {
  if (lang == Language::zh) {
    return "共 " + std::to_string(c.error) + " 个错误、" + std::to_string(c.warning) + " 个提示、" +
           std::to_string(c.info) + " 项待核实；" + std::to_string(c.ok) + " 项检查通过";
  }
  return counted(c.error, "error", "errors") + ", " + counted(c.warning, "warning", "warnings") +
         ", " + counted(c.info, "info", "info") + "; " +
         counted(c.ok, "check passed", "checks passed");
}

}  // namespace

std::string_view to_string(FindingsFormat format) noexcept {
  switch (format) {
    case FindingsFormat::text: return "text";
    case FindingsFormat::json: return "json";
    case FindingsFormat::sarif: return "sarif";
    case FindingsFormat::junit: return "junit";
  }
  return "?";
}

std::optional<FindingsFormat> findings_format_from_string(std::string_view s) noexcept {
  for (const FindingsFormat f :
       {FindingsFormat::text, FindingsFormat::json, FindingsFormat::sarif, FindingsFormat::junit}) {
    if (to_string(f) == s) return f;
  }
  return std::nullopt;
}

std::string describe_place(const Source& source, std::string_view input_path) {
  if (!source.file.empty()) return describe(source);
  Source named = source;
  named.file = input_path;
  return describe(named);
}

void write_findings(std::ostream& out, const CheckResults& results, FindingsFormat format,
                    const FindingsOptions& options) {
  switch (format) {
    case FindingsFormat::text: write_findings_text(out, results, options); return;
    case FindingsFormat::json: write_findings_json(out, results, options); return;
    case FindingsFormat::sarif: write_findings_sarif(out, results, options); return;
    case FindingsFormat::junit: write_findings_junit(out, results, options); return;
  }
  throw std::invalid_argument("write_findings: not a findings format: " +
                              std::to_string(static_cast<int>(format)));
}

void write_findings_text(std::ostream& out, const CheckResults& results,
                         const FindingsOptions& options) {
  const bool zh = options.lang == Language::zh;
  std::string text;
  for (const InputFindings& input : results.inputs) {
    text += io_detail::terminal_safe(input.path.empty() ? "-" : input.path);
    text += '\n';
    bool any = false;
    for (const Finding& finding : input.findings) {
      if (!io_detail::listed(finding, options)) continue;
      text += io_detail::finding_block(finding, input.path, options.lang);
      any = true;
    }
    if (!any) text += zh ? "  未发现问题\n" : "  no findings\n";
    text += '\n';
  }
  text += summary_line(count(results), options.lang);
  text += '\n';
  out << text;
}

}  // namespace fisc
