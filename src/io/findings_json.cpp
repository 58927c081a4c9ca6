// SPDX-License-Identifier: BSL-1.0
// The JSON findings format (design.md §3, docs/findings-format.md): one object, built with
// Boost.JSON and printed by print_json. Decimals are written as strings by fisc's own formatting.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <utility>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "findings_common.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/io/findings.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/unit.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/severity.hpp"
#include "fisc/version.hpp"
#include "spool.hpp"

namespace fisc {

namespace {

using io_detail::json_string;

// `where`: the file (the input's when the source names none), a text span's line, column and
// length, a table cell as its own object (so that its column never meets a span's), the page
// and the section when known.
boost::json::object where_object(const Source& where, const std::string& input_path) {
  boost::json::object o;
  o["file"] = json_string(where.file.empty() ? input_path : where.file);
  if (where.span) {
    o["line"] = std::uint64_t{where.span->line};
    o["column"] = std::uint64_t{where.span->column};
    o["length"] = std::uint64_t{where.span->length};
  }
  if (where.cell) {
    boost::json::object cell;
    cell["table"] = json_string(where.cell->table);
    cell["row"] = json_string(where.cell->row);
    cell["column"] = json_string(where.cell->column);
    o["cell"] = std::move(cell);
  }
  if (where.page != 0) o["page"] = std::uint64_t{where.page};
  if (!where.section.empty()) o["section"] = json_string(where.section);
  return o;
}

boost::json::object finding_object(const Finding& f, const std::string& input_path, Language lang) {
  boost::json::object o;
  o["rule"] = json_string(f.rule);
  o["severity"] = json_string(to_string(f.severity));
  o["message"] = json_string(io_detail::in_language(f.message, lang));
  o["message_zh"] = json_string(f.message.zh);
  o["message_en"] = json_string(f.message.en);
  o["input"] = json_string(input_path);
  o["where"] = where_object(f.where, input_path);

  boost::json::array figures;
  boost::json::array details;
  for (const FindingFigure& figure : f.figures) {
    if (!figure.derived) figures.emplace_back(json_string(figure.text));
    boost::json::object d;
    d["text"] = json_string(figure.text);
    d["unit"] = json_string(to_string(figure.unit));
    d["concept"] = json_string(figure.concept_id);
    d["fact"] = json_string(figure.fact);
    d["derived"] = figure.derived;
    d["where"] = where_object(figure.where, input_path);
    details.emplace_back(std::move(d));
  }
  o["figures"] = std::move(figures);
  o["details"] = std::move(details);

  if (f.expected) {
    o["expected"] = json_string(f.expected->text);
    if (f.expected->range) {
      const Interval& range = *f.expected->range;
      boost::json::object r;
      r["low"] = json_string(to_string(range.lo()));
      r["high"] = json_string(to_string(range.hi()));
      r["low_closed"] = range.lo_closed();
      r["high_closed"] = range.hi_closed();
      r["unit"] = json_string(to_string(f.expected->unit));
      o["expected_range"] = std::move(r);
    }
  }
  o["policy"] = json_string(f.policy);
  return o;
}

class JsonWriter final : public io_detail::FormatWriter {
 public:
  JsonWriter(std::ostream& out, const FindingsOptions& options) : out_(out), options_(options) {}

  void input(const InputFindings& input) override {
    std::uint64_t listed = 0;
    std::uint64_t passed = 0;
    for (const auto& [rule, n] : input.passed) passed += n;
    for (const Finding& f : input.findings) {
      if (!io_detail::listed(f, options_)) continue;
      // An element of "findings", as print_json prints it: four spaces in, and spread over lines
      // (a finding's one-line form, with its ten members, never fits in 100 columns).
      std::string text = findings_.size() == 0 ? "    " : ",\n    ";
      io_detail::print_json_to(text, finding_object(f, input.path, options_.lang), 4);
      findings_.append(text);
      ++listed;
    }
    boost::json::object i;
    i["path"] = json_string(input.path);
    i["findings"] = listed;
    i["passed"] = passed;
    // print_json prints an array on one line when it fits: up to kept_inputs it may, so they are
    // kept as values; beyond, it never does, and each element is printed now and spooled.
    if (inputs_text_.size() == 0 && inputs_.size() < kept_inputs) {
      inputs_.emplace_back(std::move(i));
      return;
    }
    for (const boost::json::value& kept : inputs_) spool_input(kept);
    inputs_.clear();
    spool_input(i);
  }

  // The object print_json would print whole, member by member: `{"fisc", "inputs", "findings",
  // "summary"}` never fits on one line, so each member is on its own.
  void finish(const SeverityCounts& c) override {
    boost::json::object summary;
    summary["error"] = std::uint64_t{c.error};
    summary["warning"] = std::uint64_t{c.warning};
    summary["info"] = std::uint64_t{c.info};
    summary["ok"] = std::uint64_t{c.ok};

    std::string head = "{\n  \"fisc\": ";
    io_detail::print_json_to(head, json_string(version()), 2);
    head += ",\n  \"inputs\": ";
    if (inputs_text_.size() == 0) {
      io_detail::print_json_to(head, inputs_, 2);
    } else {
      out_ << head << "[\n";
      inputs_text_.copy_to(out_);
      head = "\n  ]";
    }
    head += ",\n  \"findings\": ";
    if (findings_.size() == 0) {
      out_ << head << "[],\n";
    } else {
      out_ << head << "[\n";
      findings_.copy_to(out_);
      out_ << "\n  ],\n";
    }
    std::string tail = "  \"summary\": ";
    io_detail::print_json_to(tail, summary, 2);
    out_ << tail << "\n}\n";
  }

 private:
  // `{"path": "", "findings": 0, "passed": 0}` has 41 characters: three never fit in a line.
  static constexpr std::size_t kept_inputs = 2;

  // An element of "inputs" as print_json prints it in an array spread over lines.
  void spool_input(const boost::json::value& input) {
    std::string text = inputs_text_.size() == 0 ? "    " : ",\n    ";
    io_detail::print_json_to(text, input, 4);
    inputs_text_.append(text);
  }

  std::ostream& out_;
  FindingsOptions options_;
  boost::json::array inputs_;     ///< the first inputs, while print_json might print them on a line
  io_detail::Spool inputs_text_;  ///< the elements of "inputs" beyond, printed
  io_detail::Spool findings_;
};

}  // namespace

std::unique_ptr<io_detail::FormatWriter> io_detail::make_json_writer(
    std::ostream& out, const FindingsOptions& options) {
  return std::make_unique<JsonWriter>(out, options);
}

void write_findings_json(std::ostream& out, const CheckResults& results,
                         const FindingsOptions& options) {
  write_findings(out, results, FindingsFormat::json, options);
}

}  // namespace fisc
