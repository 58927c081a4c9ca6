// SPDX-License-Identifier: BSL-1.0
// The JUnit XML findings format (docs/findings-format.md): the layout CI services read (Jenkins,
// GitLab, GitHub test reporters), a testsuite per input and a testcase per rule.
#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "findings_common.hpp"
#include "fisc/io/findings.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/severity.hpp"

namespace fisc {

namespace {

// XML 1.0 §2.2: a document holds only #x9, #xA, #xD, #x20-#xD7FF, #xE000-#xFFFD and
// #x10000-#x10FFFF (next_code_point never yields a surrogate).
constexpr bool is_xml_char(char32_t cp) noexcept {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
}

// Text for an attribute value or element content: the five markup characters as entities, any
// character XML cannot hold (and any byte that is not UTF-8) as U+FFFD. In an attribute, line
// breaks and tabs are character references, which attribute-value normalisation keeps; a
// carriage return is one everywhere, which line-end normalisation keeps.
std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = io_detail::next_code_point(s, i);
    switch (cp) {
      case U'&': out += "&amp;"; break;
      case U'<': out += "&lt;"; break;
      case U'>': out += "&gt;"; break;
      case U'"': out += "&quot;"; break;
      case U'\'': out += "&apos;"; break;
      case U'\r': out += "&#13;"; break;
      case U'\n': out += attribute ? "&#10;" : "\n"; break;
      case U'\t': out += attribute ? "&#9;" : "\t"; break;
      default: io_detail::append_utf8(out, is_xml_char(cp) ? cp : io_detail::replacement_character);
    }
  }
  return out;
}

std::string attribute(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  out += xml_escape(value, true);
  out += '"';
  return out;
}

// The rules that get a testcase: every RuleInfo once, then each rule that reported on some input
// without being listed, so that no finding goes unreported.
std::vector<std::string> rule_ids(const CheckResults& results) {
  std::vector<std::string> ids;
  const auto add = [&](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const RuleInfo& rule : results.rules) add(rule.id);
  for (const InputFindings& input : results.inputs) {
    for (const Finding& f : input.findings) {
      if (f.severity != Severity::ok) add(f.rule);
    }
  }
  return ids;
}

struct Testcase {
  std::string rule;
  std::vector<const Finding*> failures;  // severity info or worse, in document order
};

}  // namespace

void write_findings_junit(std::ostream& out, const CheckResults& results,
                          const FindingsOptions& options) {
  const std::vector<std::string> ids = rule_ids(results);
  const bool zh = options.lang == Language::zh;

  std::string suites;
  std::size_t total_failures = 0;
  for (const InputFindings& input : results.inputs) {
    std::vector<Testcase> cases;
    cases.reserve(ids.size());
    for (const std::string& id : ids) cases.push_back(Testcase{id, {}});
    for (const Finding& f : input.findings) {
      if (f.severity == Severity::ok) continue;
      const auto it = std::find_if(cases.begin(), cases.end(),
                                   [&](const Testcase& c) { return c.rule == f.rule; });
      it->failures.push_back(&f);
    }
    const auto failures = static_cast<std::size_t>(std::count_if(
        cases.begin(), cases.end(), [](const Testcase& c) { return !c.failures.empty(); }));
    total_failures += failures;

    suites += "  <testsuite" + attribute("name", input.path) +
              attribute("tests", std::to_string(cases.size())) +
              attribute("failures", std::to_string(failures)) + attribute("errors", "0") +
              attribute("skipped", "0") + ">\n";
    for (const Testcase& c : cases) {
      suites +=
          "    <testcase" + attribute("classname", "fisc." + c.rule) + attribute("name", c.rule);
      if (c.failures.empty()) {
        suites += "/>\n";
        continue;
      }
      Severity worst = Severity::info;
      std::string body;
      for (const Finding* f : c.failures) {
        worst = std::max(worst, f->severity);
        body += io_detail::finding_block(*f, input.path, options.lang);
      }
      std::string message = io_detail::in_language(c.failures.front()->message, options.lang);
      if (c.failures.size() > 1) {
        const std::string n = std::to_string(c.failures.size());
        message += zh ? "（共 " + n + " 项）" : " (" + n + " findings)";
      }
      suites += ">\n      <failure" + attribute("message", message) +
                attribute("type", to_string(worst)) + ">" + xml_escape(body, false) +
                "</failure>\n    </testcase>\n";
    }
    suites += "  </testsuite>\n";
  }

  std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  doc += "<testsuites" + attribute("name", "fisc") +
         attribute("tests", std::to_string(ids.size() * results.inputs.size())) +
         attribute("failures", std::to_string(total_failures)) + attribute("errors", "0") + ">\n";
  doc += suites;
  doc += "</testsuites>\n";
  out << doc;
}

}  // namespace fisc
