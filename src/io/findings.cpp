// SPDX-License-Identifier: BSL-1.0
// The findings formats by name, FindingsWriter and the dispatch between the formats, and the
// text format.
#include "fisc/io/findings.hpp"

#include <cstddef>
#include <memory>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// "1 个错误、0 个提示、0 项待核实；3 项检查通过", "1 error, 0 warnings, 0 info; 3 checks passed".
std::string counts_words(const SeverityCounts& c, Language lang) {
  if (lang == Language::zh) {
    return std::to_string(c.error) + " 个错误、" + std::to_string(c.warning) + " 个提示、" +
           std::to_string(c.info) + " 项待核实；" + std::to_string(c.ok) + " 项检查通过";
  }
  return counted(c.error, "error", "errors") + ", " + counted(c.warning, "warning", "warnings") +
         ", " + counted(c.info, "info", "info") + "; " +
         counted(c.ok, "check passed", "checks passed");
}

std::string summary_line(const SeverityCounts& c, Language lang) {
  return lang == Language::zh ? "共 " + counts_words(c, lang) : counts_words(c, lang);
}

class TextWriter final : public io_detail::FormatWriter {
 public:
  TextWriter(std::ostream& out, const FindingsOptions& options, InputSummaries summaries)
      : out_(out), options_(options), summaries_(summaries) {}

  void input(const InputFindings& input) override {
    const bool zh = options_.lang == Language::zh;
    const std::string path = io_detail::terminal_safe(input.path.empty() ? "-" : input.path);
    std::string text = path;
    text += '\n';
    bool any = false;
    for (const Finding& finding : input.findings) {
      if (!io_detail::listed(finding, options_)) continue;
      text += io_detail::finding_block(finding, input.path, options_.lang);
      any = true;
    }
    if (!any) text += zh ? "  未发现问题\n" : "  no findings\n";
    if (summaries_ == InputSummaries::text) {
      text += path + ": " + counts_words(count(input), options_.lang) + '\n';
    }
    text += '\n';
    out_ << text;
  }

  void finish(const SeverityCounts& total) override {
    out_ << summary_line(total, options_.lang) + '\n';
  }

 private:
  std::ostream& out_;
  FindingsOptions options_;
  InputSummaries summaries_;
};

[[noreturn]] void not_a_format(FindingsFormat format) {
  throw std::invalid_argument("write_findings: not a findings format: " +
                              std::to_string(static_cast<int>(format)));
}

std::unique_ptr<io_detail::FormatWriter> make_writer(std::ostream& out, FindingsFormat format,
                                                     const FindingsOptions& options,
                                                     const std::vector<RuleInfo>& rules,
                                                     std::span<const InputFindings> known_inputs,
                                                     InputSummaries summaries) {
  switch (format) {
    case FindingsFormat::text: return io_detail::make_text_writer(out, options, summaries);
    case FindingsFormat::json: return io_detail::make_json_writer(out, options);
    case FindingsFormat::sarif:
      return io_detail::make_sarif_writer(out, options, rules, known_inputs);
    case FindingsFormat::junit: return io_detail::make_junit_writer(out, options, rules);
  }
  not_a_format(format);
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

std::unique_ptr<io_detail::FormatWriter> io_detail::make_text_writer(std::ostream& out,
                                                                     const FindingsOptions& options,
                                                                     InputSummaries summaries) {
  return std::make_unique<TextWriter>(out, options, summaries);
}

FindingsWriter::FindingsWriter(std::ostream& out, FindingsFormat format,
                               const FindingsOptions& options, const std::vector<RuleInfo>& rules,
                               InputSummaries summaries)
    : format_(make_writer(out, format, options, rules, {}, summaries)) {}

FindingsWriter::FindingsWriter(FindingsWriter&&) noexcept = default;
FindingsWriter& FindingsWriter::operator=(FindingsWriter&&) noexcept = default;
FindingsWriter::~FindingsWriter() = default;

void FindingsWriter::write(const InputFindings& input) {
  if (finished_) throw std::logic_error("FindingsWriter::write after finish");
  format_->input(input);
  counts_ += count(input);
  ++inputs_;
}

void FindingsWriter::finish() {
  if (finished_) throw std::logic_error("FindingsWriter::finish called twice");
  finished_ = true;
  format_->finish(counts_);
}

void write_findings(std::ostream& out, const CheckResults& results, FindingsFormat format,
                    const FindingsOptions& options) {
  const auto writer =
      make_writer(out, format, options, results.rules, results.inputs, InputSummaries::none);
  for (const InputFindings& input : results.inputs) writer->input(input);
  writer->finish(count(results));
}

void write_findings_text(std::ostream& out, const CheckResults& results,
                         const FindingsOptions& options) {
  write_findings(out, results, FindingsFormat::text, options);
}

}  // namespace fisc
