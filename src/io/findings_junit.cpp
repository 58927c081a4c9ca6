// SPDX-License-Identifier: BSL-1.0
// The JUnit XML findings format (docs/findings-format.md): the layout CI services read (Jenkins,
// GitLab, GitHub test reporters), a testsuite per input and a testcase per rule.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "findings_common.hpp"
#include "fisc/io/findings.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/severity.hpp"
#include "spool.hpp"

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

struct Testcase {
  std::string rule;
  std::vector<const Finding*> failures;  // severity info or worse, in document order
};

std::string passing_testcase(const std::string& rule) {
  return "    <testcase" + attribute("classname", "fisc." + rule) + attribute("name", rule) +
         "/>\n";
}

// The testcases are the rules: every RuleInfo once, then each rule that reported on some input
// without being listed, in the order they first reported, so that no finding goes unreported.
// Every testsuite has them all, and `<testsuites>` their total, known at the end only: each
// testsuite is kept aside without its `tests` attribute and without the passing testcases of
// the rules that first reported on a later input, which `finish` adds.
class JunitWriter final : public io_detail::FormatWriter {
 public:
  JunitWriter(std::ostream& out, const FindingsOptions& options, const std::vector<RuleInfo>& rules)
      : out_(out), options_(options) {
    for (const RuleInfo& rule : rules) add_rule(rule.id);
  }

  void input(const InputFindings& input) override {
    for (const Finding& f : input.findings) {
      if (f.severity != Severity::ok) add_rule(f.rule);
    }
    const bool zh = options_.lang == Language::zh;
    std::vector<Testcase> cases;
    cases.reserve(ids_.size());
    for (const std::string& id : ids_) cases.push_back(Testcase{id, {}});
    for (const Finding& f : input.findings) {
      if (f.severity != Severity::ok) cases[index_.at(f.rule)].failures.push_back(&f);
    }
    const auto failures = static_cast<std::size_t>(std::count_if(
        cases.begin(), cases.end(), [](const Testcase& c) { return !c.failures.empty(); }));
    total_failures_ += failures;

    Suite suite;
    suite.rules = ids_.size();
    const std::string head = "  <testsuite" + attribute("name", input.path);
    suite.head = head.size();
    spool_.append(head);
    std::string body = attribute("failures", std::to_string(failures)) + attribute("errors", "0") +
                       attribute("skipped", "0") + ">\n";
    for (const Testcase& c : cases) {
      if (c.failures.empty()) {
        body += passing_testcase(c.rule);
        continue;
      }
      Severity worst = Severity::info;
      std::string text;
      for (const Finding* f : c.failures) {
        worst = std::max(worst, f->severity);
        text += io_detail::finding_block(*f, input.path, options_.lang);
      }
      std::string message = io_detail::in_language(c.failures.front()->message, options_.lang);
      if (c.failures.size() > 1) {
        const std::string n = std::to_string(c.failures.size());
        message += zh ? "（共 " + n + " 项）" : " (" + n + " findings)";
      }
      body += "    <testcase" + attribute("classname", "fisc." + c.rule) +
              attribute("name", c.rule) + ">\n      <failure" + attribute("message", message) +
              attribute("type", to_string(worst)) + ">" + xml_escape(text, false) +
              "</failure>\n    </testcase>\n";
    }
    suite.body = body.size();
    spool_.append(body);
    suites_.push_back(suite);
  }

  void finish(const SeverityCounts& /*total*/) override {
    std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    head += "<testsuites" + attribute("name", "fisc") +
            attribute("tests", std::to_string(ids_.size() * suites_.size())) +
            attribute("failures", std::to_string(total_failures_)) + attribute("errors", "0") +
            ">\n";
    out_ << head;
    const std::string tests = attribute("tests", std::to_string(ids_.size()));
    for (const Suite& suite : suites_) {
      spool_.copy_to(out_, suite.head);
      out_ << tests;
      spool_.copy_to(out_, suite.body);
      std::string rest;
      for (std::size_t i = suite.rules; i < ids_.size(); ++i) rest += passing_testcase(ids_[i]);
      rest += "  </testsuite>\n";
      out_ << rest;
    }
    out_ << "</testsuites>\n";
  }

 private:
  // A testsuite kept aside: the sizes of its two parts (before and after `tests`), and the
  // number of rules that had a testcase then.
  struct Suite {
    std::size_t head = 0;
    std::size_t body = 0;
    std::size_t rules = 0;
  };

  void add_rule(const std::string& id) {
    if (index_.emplace(id, ids_.size()).second) ids_.push_back(id);
  }

  std::ostream& out_;
  FindingsOptions options_;
  std::vector<std::string> ids_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<Suite> suites_;
  std::size_t total_failures_ = 0;
  io_detail::Spool spool_;
};

}  // namespace

std::unique_ptr<io_detail::FormatWriter> io_detail::make_junit_writer(
    std::ostream& out, const FindingsOptions& options, const std::vector<RuleInfo>& rules) {
  return std::make_unique<JunitWriter>(out, options, rules);
}

void write_findings_junit(std::ostream& out, const CheckResults& results,
                          const FindingsOptions& options) {
  write_findings(out, results, FindingsFormat::junit, options);
}

}  // namespace fisc
