// SPDX-License-Identifier: BSL-1.0
// The SARIF 2.1.0 findings format (OASIS SARIF 2.1.0; docs/findings-format.md). Only members the
// 2.1.0 schema defines are written (its objects allow no others); what SARIF has no member for
// (a page, a section, the figures as stated) goes into property bags.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "findings_common.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/io/findings.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/severity.hpp"
#include "fisc/version.hpp"
#include "spool.hpp"

namespace fisc {

namespace {

using io_detail::json_string;

constexpr std::string_view sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view information_uri = "https://github.com/fisc-project/fisc";

std::string_view level(Severity s) noexcept {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
    case Severity::ok: return "none";
  }
  return "none";
}

// A path as a URI reference (RFC 3986): every byte but the unreserved characters, the
// sub-delimiters, '@' and '/' percent-encoded. ':' is encoded too, so that a relative path such
// as "a:b.txt" is not read as a scheme.
std::string uri_of(std::string_view path) {
  constexpr std::string_view keep = "-._~!$&'()*+,;=@/";
  constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto b = static_cast<unsigned char>(c);
    const bool alnum = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    if (alnum || keep.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += hex[b >> 4U];
      out += hex[b & 0x0FU];
    }
  }
  return out;
}

class SarifWriter final : public io_detail::FormatWriter {
 public:
  SarifWriter(std::ostream& out, const FindingsOptions& options, const std::vector<RuleInfo>& rules,
              std::span<const InputFindings> known_inputs)
      : out_(out), options_(options) {
    for (const RuleInfo& rule : rules) rule_index(rule.id, &rule);
    for (const InputFindings& input : known_inputs) add_artifact(input.path);
  }

  void input(const InputFindings& input) override {
    add_artifact(input.path);
    for (const Finding& f : input.findings) {
      if (!io_detail::listed(f, options_)) continue;
      // An element of "results", eight spaces in and spread over lines: a result's one-line
      // form never fits in 100 columns.
      std::string text = results_.size() == 0 ? "        " : ",\n        ";
      io_detail::print_json_to(text, result(f, input.path), 8);
      results_.append(text);
    }
  }

  // The log as print_json prints it whole, with the results, kept aside, in the place of the
  // empty array that stands for them: the log, its runs and its run never fit on one line, so
  // the results' place is `"results": []` at the end of the run whatever the results are.
  void finish(const SeverityCounts& /*total*/) override {
    std::string text;
    io_detail::print_json_to(text, log(), 0);
    constexpr std::string_view placeholder = "\"results\": []";
    const std::size_t at = text.rfind(placeholder);
    if (results_.size() == 0 || at == std::string::npos) {
      out_ << text << '\n';
      return;
    }
    const std::size_t rest = at + placeholder.size();
    out_ << std::string_view(text).substr(0, rest - 1) << '\n';
    results_.copy_to(out_);
    out_ << "\n      ]" << std::string_view(text).substr(rest) << '\n';
  }

 private:
  boost::json::object log() {
    boost::json::object run;
    boost::json::object driver;
    driver["name"] = "fisc";
    driver["version"] = json_string(version());
    driver["semanticVersion"] = json_string(version());
    driver["informationUri"] = json_string(information_uri);
    driver["rules"] = std::move(rules_);
    boost::json::object tool;
    tool["driver"] = std::move(driver);
    run["tool"] = std::move(tool);
    boost::json::object invocation;
    invocation["executionSuccessful"] = true;
    run["invocations"] = boost::json::array{std::move(invocation)};
    run["language"] = options_.lang == Language::zh ? "zh-CN" : "en-US";
    run["columnKind"] = "unicodeCodePoints";
    run["artifacts"] = std::move(artifacts_);
    run["results"] = boost::json::array{};

    boost::json::object root;
    root["$schema"] = json_string(sarif_schema);
    root["version"] = "2.1.0";
    root["runs"] = boost::json::array{std::move(run)};
    return root;
  }

  // Each input once, in order; SARIF's artifacts are a set.
  void add_artifact(const std::string& path) {
    if (artifact_index_.contains(path)) return;
    artifact_index_.emplace(path, artifacts_.size());
    boost::json::object location;
    location["uri"] = json_string(uri_of(path));
    boost::json::object artifact;
    artifact["location"] = std::move(location);
    artifact["roles"] = boost::json::array{"analysisTarget"};
    artifacts_.emplace_back(std::move(artifact));
  }

  // The index of the rule's descriptor, adding one first: for a RuleInfo in full, for a rule
  // that reported without being listed (a pack's user-defined rule, say) with its id alone, so
  // that every result's ruleIndex points at its rule.
  std::size_t rule_index(const std::string& id, const RuleInfo* info) {
    if (const auto it = rule_index_.find(id); it != rule_index_.end()) return it->second;
    boost::json::object d;
    d["id"] = json_string(id);
    d["name"] = json_string(id);
    if (info != nullptr) {
      const Language lang = options_.lang;
      if (const std::string& title = io_detail::in_language(info->title, lang); !title.empty()) {
        d["shortDescription"] = boost::json::object{{"text", json_string(title)}};
      }
      if (const std::string& text = io_detail::in_language(info->description, lang);
          !text.empty()) {
        d["fullDescription"] = boost::json::object{{"text", json_string(text)}};
      }
      d["defaultConfiguration"] = boost::json::object{{"level", level(info->severity)}};
      boost::json::object properties;
      boost::json::array tags;
      for (const std::string& tag : info->tags) {
        boost::json::value v = json_string(tag);
        // SARIF's tags are a set.
        bool seen = false;
        for (const auto& t : tags) seen = seen || t == v;
        if (!seen) tags.push_back(std::move(v));
      }
      properties["tags"] = std::move(tags);
      if (!info->basis.empty()) properties["basis"] = json_string(info->basis);
      if (!info->applies_to.empty()) {
        boost::json::array concepts;
        for (const std::string& c : info->applies_to) concepts.push_back(json_string(c));
        properties["appliesTo"] = std::move(concepts);
      }
      d["properties"] = std::move(properties);
    }
    const std::size_t index = rules_.size();
    rules_.emplace_back(std::move(d));
    rule_index_.emplace(id, index);
    return index;
  }

  // A location: `id` when positive (related locations need one each, to stay distinct as
  // SARIF's set of them must be), the file and the span, the table cell as a logical location,
  // the message, and a page and section, which SARIF has no member for, as properties.
  boost::json::object location(const Source& where, const std::string& input_path, std::uint64_t id,
                               const std::string& message) {
    boost::json::object loc;
    if (id > 0) loc["id"] = id;
    const std::string& file = where.file.empty() ? input_path : where.file;
    if (!file.empty()) {
      boost::json::object artifact;
      artifact["uri"] = json_string(uri_of(file));
      if (const auto it = artifact_index_.find(file); it != artifact_index_.end()) {
        artifact["index"] = std::uint64_t{it->second};
      }
      boost::json::object physical;
      physical["artifactLocation"] = std::move(artifact);
      if (where.span && where.span->line > 0) {
        boost::json::object region;
        region["startLine"] = std::uint64_t{where.span->line};
        if (where.span->column > 0) {
          region["startColumn"] = std::uint64_t{where.span->column};
          if (where.span->length > 0) {
            region["endColumn"] = std::uint64_t{where.span->column} + where.span->length;
          }
        }
        physical["region"] = std::move(region);
      }
      loc["physicalLocation"] = std::move(physical);
    }
    if (where.cell) {
      const TableCell& cell = *where.cell;
      const std::string& name =
          !cell.column.empty() ? cell.column : (!cell.row.empty() ? cell.row : cell.table);
      boost::json::object logical;
      logical["name"] = json_string(name);
      logical["fullyQualifiedName"] = json_string(cell.table + '/' + cell.row + '/' + cell.column);
      logical["kind"] = "member";
      loc["logicalLocations"] = boost::json::array{std::move(logical)};
    }
    loc["message"] = boost::json::object{{"text", json_string(message)}};
    if (where.page != 0 || !where.section.empty()) {
      boost::json::object properties;
      if (where.page != 0) properties["page"] = std::uint64_t{where.page};
      if (!where.section.empty()) properties["section"] = json_string(where.section);
      loc["properties"] = std::move(properties);
    }
    return loc;
  }

  boost::json::object result(const Finding& f, const std::string& input_path) {
    boost::json::object r;
    r["ruleId"] = json_string(f.rule);
    r["ruleIndex"] = std::uint64_t{rule_index(f.rule, nullptr)};
    r["kind"] = f.severity == Severity::ok ? "pass" : "fail";
    r["level"] = level(f.severity);
    const std::string& message = io_detail::in_language(f.message, options_.lang);
    r["message"] = boost::json::object{{"text", json_string(message.empty() ? f.rule : message)}};

    r["locations"] =
        boost::json::array{location(f.where, input_path, 0, describe_place(f.where, input_path))};

    boost::json::array related;
    boost::json::array figures;
    const bool zh = options_.lang == Language::zh;
    for (const FindingFigure& figure : f.figures) {
      if (!figure.derived) figures.emplace_back(json_string(figure.text));
      if (figure.where.empty() || figure.where == f.where) continue;
      std::string text = io_detail::with_unit(figure.text, figure.unit);
      const std::string& what = figure.fact.empty() ? figure.concept_id : figure.fact;
      if (!what.empty()) text += "  " + what;
      if (figure.derived) text += zh ? "（推算）" : " (derived)";
      related.emplace_back(location(figure.where, input_path, related.size() + 1, text));
    }
    if (!related.empty()) r["relatedLocations"] = std::move(related);

    boost::json::object properties;
    properties["input"] = json_string(input_path);
    properties["figures"] = std::move(figures);
    if (f.expected) properties["expected"] = json_string(f.expected->text);
    if (!f.policy.empty()) properties["policy"] = json_string(f.policy);
    r["properties"] = std::move(properties);
    return r;
  }

  std::ostream& out_;
  FindingsOptions options_;
  io_detail::Spool results_;
  boost::json::array rules_;
  std::map<std::string, std::size_t, std::less<>> rule_index_;
  boost::json::array artifacts_;
  std::map<std::string, std::size_t, std::less<>> artifact_index_;
};

}  // namespace

std::unique_ptr<io_detail::FormatWriter> io_detail::make_sarif_writer(
    std::ostream& out, const FindingsOptions& options, const std::vector<RuleInfo>& rules,
    std::span<const InputFindings> known_inputs) {
  return std::make_unique<SarifWriter>(out, options, rules, known_inputs);
}

void write_findings_sarif(std::ostream& out, const CheckResults& results,
                          const FindingsOptions& options) {
  write_findings(out, results, FindingsFormat::sarif, options);
}

}  // namespace fisc
