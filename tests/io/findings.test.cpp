// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/findings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/version.hpp"

using fisc::CheckResults;
using fisc::Decimal;
using fisc::Expected;
using fisc::Finding;
using fisc::FindingFigure;
using fisc::FindingsFormat;
using fisc::FindingsOptions;
using fisc::InputFindings;
using fisc::Interval;
using fisc::Language;
using fisc::RuleInfo;
using fisc::Severity;
using fisc::Source;
using fisc::TableCell;
using fisc::Text;
using fisc::TextSpan;
using fisc::Unit;

namespace {

// ---------------------------------------------------------------------------------------------
// The results the tests write: two inputs; a finding on a span of text with an expected range, a
// passed check, a finding on a table cell with a derived figure and a message full of markup
// characters, and an info finding of a rule the pack does not list, with no place of its own.

Source span_at(std::string file, std::uint32_t line, std::uint32_t column, std::uint32_t length) {
  Source s;
  s.file = std::move(file);
  s.span = TextSpan{line, column, length};
  return s;
}

Source cell_at(std::string table, std::string row, std::string column, std::uint32_t page = 0) {
  Source s;
  s.page = page;
  s.cell = TableCell{std::move(table), std::move(row), std::move(column)};
  return s;
}

FindingFigure figure(std::string text, Unit unit, std::string concept_id, Source where,
                     bool derived = false) {
  FindingFigure f;
  f.text = std::move(text);
  f.unit = unit;
  f.fact = concept_id + " 2020 actual";
  f.concept_id = std::move(concept_id);
  f.where = std::move(where);
  f.derived = derived;
  return f;
}

constexpr std::string_view notes = "2020/notes.txt";
constexpr std::string_view report = "report.json";

// sum.basic on notes.txt 96:20: 534.27 ≠ 489.86 + 44.43, expected [534.285, 534.295).
Finding sum_finding() {
  Finding f;
  f.rule = "sum.basic";
  f.severity = Severity::error;
  f.message = Text{"基本支出 534.27 万元不等于人员经费与公用经费之和 534.29 万元",
                   "basic expenditure 534.27 is not personnel plus public expense, 534.29"};
  f.where = span_at(std::string(notes), 96, 20, 6);
  f.figures = {
      figure("534.27", Unit::wan, "expenditure.basic", span_at(std::string(notes), 96, 20, 6)),
      figure("489.86", Unit::wan, "expenditure.basic.personnel",
             span_at(std::string(notes), 97, 3, 6)),
      figure("44.43", Unit::wan, "expenditure.basic.public",
             span_at(std::string(notes), 97, 15, 5))};
  f.expected = Expected{
      "534.29", Interval::half_open(Decimal(534285, -3), Decimal(534295, -3)).value(), Unit::wan};
  f.policy = "四舍五入到 0.01";
  return f;
}

Finding passed_share() {
  Finding f;
  f.rule = "share";
  f.severity = Severity::ok;
  f.message = Text{"占比 85.10% 与 3.36 / 3.95 相符", "share 85.10% agrees with 3.36 / 3.95"};
  f.where = span_at(std::string(notes), 120, 5, 6);
  f.figures = {figure("85.10%", Unit::percent, "share", span_at(std::string(notes), 120, 5, 6))};
  return f;
}

// fact.restated on report.json's 收入支出决算总表: the message holds quotes, markup characters
// and a line break; the second figure was computed.
Finding restated_finding() {
  Finding f;
  f.rule = "fact.restated";
  f.severity = Severity::warning;
  f.message = Text{"\"支出合计\" 950.84 <> 950.85 & 'x'\n见第二部分",
                   "\"total\" 950.84 <> 950.85 & 'x'\nsee part two"};
  f.where = cell_at("收入支出决算总表", "2013201", "决算数", 9);
  f.where.section = "第二部分 七（二）";
  f.figures = {
      figure("950.84", Unit::wan, "expenditure.total", f.where),
      figure("950.85", Unit::wan, "expenditure.total", cell_at("支出决算表", "2013201", "合计"),
             true),
  };
  return f;
}

Finding custom_note() {
  Finding f;
  f.rule = "custom.note";
  f.severity = Severity::info;
  f.message = Text{"", "to verify by hand"};
  return f;
}

RuleInfo rule(std::string id, Severity severity, Text title, std::vector<std::string> tags) {
  RuleInfo r;
  r.id = std::move(id);
  r.severity = severity;
  r.title = std::move(title);
  r.description = Text{r.title.zh + "（说明）", r.title.en + " (why)"};
  r.tags = std::move(tags);
  return r;
}

CheckResults sample(bool with_passed_findings = true) {
  CheckResults results;
  results.rules = {
      rule("sum.basic", Severity::error, Text{"基本支出之和", "basic expenditure adds up"},
           {"sum", "table", "sum"}),
      rule("share", Severity::info, Text{"占比", "shares"}, {"rate"}),
      rule("fact.restated", Severity::warning, Text{"同一数字", "a figure stated twice"}, {}),
  };
  InputFindings a;
  a.path = std::string(notes);
  a.findings = {sum_finding()};
  if (with_passed_findings) a.findings.push_back(passed_share());
  a.passed = {{"sum.basic", 1}, {"share", 3}};
  InputFindings b;
  b.path = std::string(report);
  b.findings = {restated_finding(), custom_note()};
  b.passed = {{"sum.basic", 2}};
  results.inputs = {std::move(a), std::move(b)};
  return results;
}

std::string write(FindingsFormat format, const CheckResults& results,
                  FindingsOptions options = {}) {
  std::ostringstream out;
  fisc::write_findings(out, results, format, options);
  return out.str();
}

FindingsOptions english(bool show_passed = false) { return {Language::en, show_passed}; }

// ---------------------------------------------------------------------------------------------
// UTF-8, checked here independently of the writers: well-formed sequences only (RFC 3629).

std::optional<std::vector<char32_t>> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    char32_t cp = 0;
    if (b < 0x80) {
      n = 1;
      cp = b;
    } else if ((b & 0xE0U) == 0xC0U) {
      n = 2;
      cp = b & 0x1FU;
    } else if ((b & 0xF0U) == 0xE0U) {
      n = 3;
      cp = b & 0x0FU;
    } else if ((b & 0xF8U) == 0xF0U) {
      n = 4;
      cp = b & 0x07U;
    } else {
      return std::nullopt;
    }
    if (s.size() - i < n) return std::nullopt;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0U) != 0x80U) return std::nullopt;
      cp = (cp << 6U) | (c & 0x3FU);
    }
    const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A small XML reader for the JUnit output: elements, attributes (normalised as XML 1.0 §3.3.3
// says: a literal tab, line feed or carriage return becomes a space), character data, the five
// predefined entities and character references, an optional XML declaration. Anything else, and
// any character XML 1.0 does not allow, is an error (std::runtime_error naming the offset).

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;  // the character data directly inside, concatenated
  std::vector<XmlElement> children;

  [[nodiscard]] std::string attr(std::string_view key) const {
    for (const auto& [k, v] : attributes) {
      if (k == key) return v;
    }
    throw std::runtime_error("no attribute " + std::string(key) + " on <" + name + ">");
  }
  [[nodiscard]] bool has_attr(std::string_view key) const {
    return std::any_of(attributes.begin(), attributes.end(),
                       [&](const auto& a) { return a.first == key; });
  }
  [[nodiscard]] std::vector<const XmlElement*> all(std::string_view child) const {
    std::vector<const XmlElement*> out;
    for (const XmlElement& c : children) {
      if (c.name == child) out.push_back(&c);
    }
    return out;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view doc) : doc_(doc) {}

  XmlElement read() {
    const auto chars = decode_utf8(doc_);
    if (!chars) fail("not UTF-8");
    for (const char32_t c : *chars) {
      const bool ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                      (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
      if (!ok) fail("a character XML does not allow");
    }
    if (doc_.substr(0, 5) == "<?xml") {
      const std::size_t end = doc_.find("?>");
      if (end == std::string_view::npos) fail("unterminated declaration");
      pos_ = end + 2;
    }
    skip_space();
    XmlElement root = element();
    skip_space();
    if (pos_ != doc_.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("XML at " + std::to_string(pos_) + ": " + what);
  }
  [[nodiscard]] bool at_end() const { return pos_ >= doc_.size(); }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : doc_[pos_]; }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\n' || peek() == '\t' || peek() == '\r')) {
      ++pos_;
    }
  }
  std::string name() {
    const std::size_t start = pos_;
    while (!at_end()) {
      const char c = peek();
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
      const bool more = (c >= '0' && c <= '9') || c == '-' || c == '.';
      if (!(letter || (pos_ > start && more))) break;
      ++pos_;
    }
    if (pos_ == start) fail("expected a name");
    return std::string(doc_.substr(start, pos_ - start));
  }
  void append_code_point(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail("bad reference");
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0U | (cp >> 6U));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0U | (cp >> 12U));
      out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
      out += static_cast<char>(0xF0U | (cp >> 18U));
      out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
      out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
  }
  // After '&': an entity or a character reference, up to and including ';'.
  void reference(std::string& out) {
    const std::size_t end = doc_.find(';', pos_);
    if (end == std::string_view::npos) fail("unterminated reference");
    const std::string_view ref = doc_.substr(pos_, end - pos_);
    if (ref == "amp") {
      out += '&';
    } else if (ref == "lt") {
      out += '<';
    } else if (ref == "gt") {
      out += '>';
    } else if (ref == "quot") {
      out += '"';
    } else if (ref == "apos") {
      out += '\'';
    } else if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) fail("empty character reference");
      std::uint32_t cp = 0;
      for (const char c : digits) {
        std::uint32_t d = 0;
        if (c >= '0' && c <= '9') {
          d = static_cast<std::uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          d = static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          d = static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
          fail("bad character reference");
        }
        cp = cp * (hex ? 16U : 10U) + d;
        if (cp > 0x10FFFF) fail("character reference too large");
      }
      append_code_point(out, cp);
    } else {
      fail("unknown entity &" + std::string(ref) + ";");
    }
    pos_ = end + 1;
  }
  std::string attribute_value() {
    const char quote = peek();
    if (quote != '"' && quote != '\'') fail("expected a quoted value");
    ++pos_;
    std::string value;
    while (true) {
      if (at_end()) fail("unterminated attribute value");
      const char c = doc_[pos_++];
      if (c == quote) break;
      if (c == '<') fail("'<' in an attribute value");
      if (c == '&') {
        reference(value);
      } else if (c == '\t' || c == '\n' || c == '\r') {
        value += ' ';
      } else {
        value += c;
      }
    }
    return value;
  }
  XmlElement element() {
    expect('<');
    XmlElement e;
    e.name = name();
    while (true) {
      skip_space();
      if (peek() == '/') {
        ++pos_;
        expect('>');
        return e;
      }
      if (peek() == '>') {
        ++pos_;
        break;
      }
      std::string key = name();
      skip_space();
      expect('=');
      skip_space();
      if (e.has_attr(key)) fail("duplicate attribute " + key);
      e.attributes.emplace_back(std::move(key), attribute_value());
    }
    while (true) {
      if (at_end()) fail("unterminated element <" + e.name + ">");
      const char c = peek();
      if (c == '<') {
        if (doc_.substr(pos_, 2) == "</") {
          pos_ += 2;
          if (name() != e.name) fail("mismatched end tag for <" + e.name + ">");
          skip_space();
          expect('>');
          return e;
        }
        e.children.push_back(element());
      } else if (c == '&') {
        ++pos_;
        reference(e.text);
      } else {
        e.text += c;
        ++pos_;
      }
    }
  }

  std::string_view doc_;
  std::size_t pos_ = 0;
};

XmlElement read_xml(std::string_view doc) { return XmlReader(doc).read(); }

// ---------------------------------------------------------------------------------------------
// The structure SARIF 2.1.0's schema requires of what fisc writes (sarif-schema-2.1.0.json): the
// required members, the enumerations, the minimum of line and column numbers, that a result's
// ruleIndex points at the rule its ruleId names, that sets (uniqueItems) hold distinct items, and,
// since the schema's objects have `additionalProperties: false`, that every member is one the
// schema defines. Returns the problems found, each with its JSON path.

using Problems = std::vector<std::string>;

std::string str(const boost::json::value& v) {
  const auto& s = v.as_string();
  return {s.data(), s.size()};
}

bool is_string(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string();
}

void only_members(const boost::json::object& o, std::initializer_list<std::string_view> allowed,
                  const std::string& path, Problems& problems) {
  for (const auto& member : o) {
    const std::string_view key(member.key().data(), member.key().size());
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      problems.push_back(path + ": member '" + std::string(key) + "' is not in the schema");
    }
  }
}

void distinct_items(const boost::json::array& a, const std::string& path, Problems& problems) {
  std::set<std::string> seen;
  for (const auto& item : a) {
    if (!seen.insert(boost::json::serialize(item)).second) {
      problems.push_back(path + ": items must be distinct");
    }
  }
}

void check_level(const boost::json::object& o, const std::string& path, Problems& problems) {
  if (const auto* level = o.if_contains("level")) {
    const std::set<std::string> levels = {"none", "note", "warning", "error"};
    if (!level->is_string() || !levels.contains(str(*level))) {
      problems.push_back(path + ".level: not none, note, warning or error");
    }
  }
}

void check_message(const boost::json::value* m, const std::string& path, Problems& problems,
                   bool required) {
  if (m == nullptr) {
    if (required) problems.push_back(path + ": message is required");
    return;
  }
  if (!m->is_object() || !(is_string(m->as_object(), "text") || is_string(m->as_object(), "id"))) {
    problems.push_back(path + ": a message needs a text or an id");
    return;
  }
  only_members(m->as_object(), {"text", "markdown", "id", "arguments", "properties"}, path,
               problems);
}

void check_positive(const boost::json::object& o, std::string_view key, std::int64_t minimum,
                    const std::string& path, Problems& problems) {
  if (const auto* v = o.if_contains(key)) {
    if (!v->is_int64() || v->as_int64() < minimum) {
      problems.push_back(path + "." + std::string(key) +
                         ": an integer >= " + std::to_string(minimum) + " is required");
    }
  }
}

void check_location(const boost::json::value& v, const std::string& path, Problems& problems) {
  if (!v.is_object()) {
    problems.push_back(path + ": a location must be an object");
    return;
  }
  const auto& loc = v.as_object();
  only_members(loc,
               {"id", "physicalLocation", "logicalLocations", "message", "annotations",
                "relationships", "properties"},
               path, problems);
  check_positive(loc, "id", -1, path, problems);
  check_message(loc.if_contains("message"), path + ".message", problems, false);
  if (const auto* p = loc.if_contains("physicalLocation")) {
    const std::string pp = path + ".physicalLocation";
    if (!p->is_object()) {
      problems.push_back(pp + ": must be an object");
    } else {
      const auto& physical = p->as_object();
      only_members(physical,
                   {"address", "artifactLocation", "region", "contextRegion", "properties"}, pp,
                   problems);
      const auto* artifact = physical.if_contains("artifactLocation");
      if (artifact == nullptr && physical.if_contains("address") == nullptr) {
        problems.push_back(pp + ": artifactLocation or address is required");
      }
      if (artifact != nullptr) {
        if (!artifact->is_object() || !is_string(artifact->as_object(), "uri")) {
          problems.push_back(pp + ".artifactLocation.uri: a string is required");
        } else {
          only_members(artifact->as_object(),
                       {"uri", "uriBaseId", "index", "description", "properties"},
                       pp + ".artifactLocation", problems);
        }
      }
      if (const auto* r = physical.if_contains("region")) {
        const std::string rp = pp + ".region";
        if (!r->is_object()) {
          problems.push_back(rp + ": must be an object");
        } else {
          const auto& region = r->as_object();
          only_members(
              region,
              {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
               "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
              rp, problems);
          for (const std::string_view key : {"startLine", "startColumn", "endLine", "endColumn"}) {
            check_positive(region, key, 1, rp, problems);
          }
          if (region.if_contains("startLine") == nullptr) {
            problems.push_back(rp + ": fisc's regions are text regions and need a startLine");
          }
        }
      }
    }
  }
  if (const auto* l = loc.if_contains("logicalLocations")) {
    if (!l->is_array()) {
      problems.push_back(path + ".logicalLocations: must be an array");
    } else {
      distinct_items(l->as_array(), path + ".logicalLocations", problems);
      for (const auto& item : l->as_array()) {
        const std::string lp = path + ".logicalLocations[]";
        if (!item.is_object() || !(is_string(item.as_object(), "name") ||
                                   is_string(item.as_object(), "fullyQualifiedName"))) {
          problems.push_back(lp + ": a name or fullyQualifiedName is required");
          continue;
        }
        only_members(item.as_object(),
                     {"name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind",
                      "properties"},
                     lp, problems);
      }
    }
  }
}

Problems sarif_problems(const boost::json::value& log) {
  Problems problems;
  if (!log.is_object()) return {"the log must be an object"};
  const auto& root = log.as_object();
  only_members(root, {"$schema", "version", "runs", "inlineExternalProperties", "properties"}, "$",
               problems);
  const auto* version = root.if_contains("version");
  if (version == nullptr || !version->is_string() || str(*version) != "2.1.0") {
    problems.emplace_back("$.version: \"2.1.0\" is required");
  }
  const auto* runs = root.if_contains("runs");
  if (runs == nullptr || !runs->is_array() || runs->as_array().empty()) {
    problems.emplace_back("$.runs: a non-empty array is required");
    return problems;
  }
  for (const auto& r : runs->as_array()) {
    const std::string path = "$.runs[]";
    if (!r.is_object()) {
      problems.push_back(path + ": must be an object");
      continue;
    }
    const auto& run = r.as_object();
    only_members(run,
                 {"tool",
                  "invocations",
                  "conversion",
                  "language",
                  "versionControlProvenance",
                  "originalUriBaseIds",
                  "artifacts",
                  "logicalLocations",
                  "graphs",
                  "results",
                  "automationDetails",
                  "runAggregates",
                  "baselineGuid",
                  "redactionTokens",
                  "defaultEncoding",
                  "defaultSourceLanguage",
                  "newlineSequences",
                  "columnKind",
                  "externalPropertyFileReferences",
                  "threadFlowLocations",
                  "taxonomies",
                  "addresses",
                  "translations",
                  "policies",
                  "webRequests",
                  "webResponses",
                  "specialLocations",
                  "properties"},
                 path, problems);
    const auto* tool = run.if_contains("tool");
    const auto* driver =
        tool != nullptr && tool->is_object() ? tool->as_object().if_contains("driver") : nullptr;
    if (driver == nullptr || !driver->is_object() || !is_string(driver->as_object(), "name")) {
      problems.push_back(path + ".tool.driver.name: a string is required");
      continue;
    }
    only_members(tool->as_object(), {"driver", "extensions", "properties"}, path + ".tool",
                 problems);
    const auto& drv = driver->as_object();
    only_members(drv,
                 {"guid",
                  "name",
                  "organization",
                  "product",
                  "productSuite",
                  "shortDescription",
                  "fullDescription",
                  "fullName",
                  "version",
                  "semanticVersion",
                  "dottedQuadFileVersion",
                  "releaseDateUtc",
                  "downloadUri",
                  "informationUri",
                  "globalMessageStrings",
                  "notifications",
                  "rules",
                  "taxa",
                  "locations",
                  "language",
                  "contents",
                  "isComprehensive",
                  "localizedDataSemanticVersion",
                  "minimumRequiredLocalizedDataSemanticVersion",
                  "associatedComponent",
                  "translationMetadata",
                  "supportedTaxonomies",
                  "properties"},
                 path + ".tool.driver", problems);
    std::vector<std::string> rule_ids;
    if (const auto* rules = drv.if_contains("rules")) {
      distinct_items(rules->as_array(), path + ".tool.driver.rules", problems);
      for (const auto& d : rules->as_array()) {
        const std::string dp = path + ".tool.driver.rules[]";
        if (!d.is_object() || !is_string(d.as_object(), "id")) {
          problems.push_back(dp + ".id: a string is required");
          rule_ids.emplace_back();
          continue;
        }
        const auto& descriptor = d.as_object();
        only_members(descriptor,
                     {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                      "shortDescription", "fullDescription", "messageStrings",
                      "defaultConfiguration", "helpUri", "help", "relationships", "properties"},
                     dp, problems);
        rule_ids.push_back(str(descriptor.at("id")));
        for (const std::string_view key : {"shortDescription", "fullDescription"}) {
          if (const auto* m = descriptor.if_contains(key)) {
            if (!m->is_object() || !is_string(m->as_object(), "text")) {
              problems.push_back(dp + "." + std::string(key) + ".text: a string is required");
            }
          }
        }
        if (const auto* c = descriptor.if_contains("defaultConfiguration")) {
          check_level(c->as_object(), dp + ".defaultConfiguration", problems);
        }
        if (const auto* p = descriptor.if_contains("properties")) {
          if (const auto* tags = p->as_object().if_contains("tags")) {
            distinct_items(tags->as_array(), dp + ".properties.tags", problems);
          }
        }
      }
    }
    if (const auto* kind = run.if_contains("columnKind")) {
      if (!kind->is_string() ||
          (str(*kind) != "utf16CodeUnits" && str(*kind) != "unicodeCodePoints")) {
        problems.push_back(path + ".columnKind: not a column kind");
      }
    }
    if (const auto* invocations = run.if_contains("invocations")) {
      for (const auto& i : invocations->as_array()) {
        const auto* ok = i.as_object().if_contains("executionSuccessful");
        if (ok == nullptr || !ok->is_bool()) {
          problems.push_back(path + ".invocations[].executionSuccessful: a boolean is required");
        }
      }
    }
    if (const auto* artifacts = run.if_contains("artifacts")) {
      distinct_items(artifacts->as_array(), path + ".artifacts", problems);
      for (const auto& a : artifacts->as_array()) {
        only_members(a.as_object(),
                     {"description", "location", "parentIndex", "offset", "length", "roles",
                      "mimeType", "contents", "encoding", "sourceLanguage", "hashes",
                      "lastModifiedTimeUtc", "properties"},
                     path + ".artifacts[]", problems);
      }
    }
    const auto* results = run.if_contains("results");
    if (results == nullptr || !results->is_array()) {
      problems.push_back(path + ".results: an array is required of a scan");
      continue;
    }
    for (const auto& item : results->as_array()) {
      const std::string rp = path + ".results[]";
      if (!item.is_object()) {
        problems.push_back(rp + ": must be an object");
        continue;
      }
      const auto& result = item.as_object();
      only_members(result,
                   {"ruleId",
                    "ruleIndex",
                    "rule",
                    "kind",
                    "level",
                    "message",
                    "analysisTarget",
                    "locations",
                    "guid",
                    "correlationGuid",
                    "occurrenceCount",
                    "partialFingerprints",
                    "fingerprints",
                    "stacks",
                    "codeFlows",
                    "graphs",
                    "graphTraversals",
                    "relatedLocations",
                    "suppressions",
                    "baselineState",
                    "rank",
                    "attachments",
                    "hostedViewerUri",
                    "workItemUris",
                    "provenance",
                    "fixes",
                    "taxa",
                    "webRequest",
                    "webResponse",
                    "properties"},
                   rp, problems);
      check_message(result.if_contains("message"), rp + ".message", problems, true);
      check_level(result, rp, problems);
      if (const auto* kind = result.if_contains("kind")) {
        const std::set<std::string> kinds = {"notApplicable", "pass", "fail",
                                             "review",        "open", "informational"};
        if (!kind->is_string() || !kinds.contains(str(*kind))) {
          problems.push_back(rp + ".kind: not a result kind");
        }
      }
      const auto* id = result.if_contains("ruleId");
      const auto* index = result.if_contains("ruleIndex");
      if (id == nullptr || !id->is_string() ||
          std::find(rule_ids.begin(), rule_ids.end(), str(*id)) == rule_ids.end()) {
        problems.push_back(rp + ".ruleId: names no rule of the driver");
      } else if (index != nullptr) {
        if (!index->is_int64() || index->as_int64() < 0 ||
            static_cast<std::size_t>(index->as_int64()) >= rule_ids.size() ||
            rule_ids[static_cast<std::size_t>(index->as_int64())] != str(*id)) {
          problems.push_back(rp + ".ruleIndex: does not point at the rule " + str(*id));
        }
      }
      for (const std::string_view key : {"locations", "relatedLocations"}) {
        if (const auto* locations = result.if_contains(key)) {
          const std::string lp = rp + "." + std::string(key);
          if (key == "relatedLocations") distinct_items(locations->as_array(), lp, problems);
          for (const auto& l : locations->as_array()) check_location(l, lp + "[]", problems);
        }
      }
    }
  }
  return problems;
}

const boost::json::object& only_run(const boost::json::value& log) {
  return log.at("runs").as_array().at(0).as_object();
}

}  // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("findings format: names, parsing and an unknown format") {
  for (const FindingsFormat f :
       {FindingsFormat::text, FindingsFormat::json, FindingsFormat::sarif, FindingsFormat::junit}) {
    CHECK(fisc::findings_format_from_string(fisc::to_string(f)) == f);
  }
  CHECK(fisc::to_string(FindingsFormat::sarif) == "sarif");
  CHECK(fisc::to_string(FindingsFormat::junit) == "junit");
  CHECK_FALSE(fisc::findings_format_from_string("JSON").has_value());
  CHECK_FALSE(fisc::findings_format_from_string("").has_value());
  CHECK_FALSE(fisc::findings_format_from_string("xml").has_value());

  std::ostringstream out;
  CHECK_THROWS_AS(fisc::write_findings(out, sample(), static_cast<FindingsFormat>(7), {}),
                  std::invalid_argument);
  CHECK(out.str().empty());
}

TEST_CASE("findings format: write_findings gives what each writer gives") {
  const CheckResults results = sample();
  const FindingsOptions options = english(true);
  const auto direct =
      [&](void (*writer)(std::ostream&, const CheckResults&, const FindingsOptions&)) {
        std::ostringstream out;
        writer(out, results, options);
        return out.str();
      };
  CHECK(write(FindingsFormat::text, results, options) == direct(&fisc::write_findings_text));
  CHECK(write(FindingsFormat::json, results, options) == direct(&fisc::write_findings_json));
  CHECK(write(FindingsFormat::sarif, results, options) == direct(&fisc::write_findings_sarif));
  CHECK(write(FindingsFormat::junit, results, options) == direct(&fisc::write_findings_junit));
  // The four are different formats.
  CHECK(direct(&fisc::write_findings_text) != direct(&fisc::write_findings_json));
  CHECK(direct(&fisc::write_findings_json) != direct(&fisc::write_findings_sarif));
}

TEST_CASE("findings: describe_place names the input when the source names no file") {
  CHECK(fisc::describe_place(span_at("a.txt", 96, 20, 6), "b.txt") == "a.txt:96:20");
  CHECK(fisc::describe_place(span_at("", 96, 20, 6), "b.txt") == "b.txt:96:20");
  CHECK(fisc::describe_place(cell_at("收入支出决算总表", "301", "决算数"), "r.json") ==
        "r.json: 收入支出决算总表 / 301 / 决算数");
  Source paged = cell_at("表", "合计", "决算数", 9);
  paged.section = "第二部分 七（二）";
  CHECK(fisc::describe_place(paged, "r.json") ==
        "r.json: page 9: 第二部分 七（二）: 表 / 合计 / 决算数");
  CHECK(fisc::describe_place(Source{}, "r.json") == "r.json");
  CHECK(fisc::describe_place(Source{}, "").empty());
}

TEST_CASE("findings text: Chinese, one block per finding and the summary") {
  const std::string expected =
      "2020/notes.txt\n"
      "2020/notes.txt:96:20: 错误 [sum.basic] 基本支出 534.27 万元不等于人员经费与公用经费之和 "
      "534.29 万元\n"
      "  534.27 万元  expenditure.basic 2020 actual  位于 96:20\n"
      "  489.86 万元  expenditure.basic.personnel 2020 actual  位于 97:3\n"
      "  44.43 万元  expenditure.basic.public 2020 actual  位于 97:15\n"
      "  应为：534.29 万元\n"
      "  口径：四舍五入到 0.01\n"
      "\n"
      "report.json\n"
      "report.json: page 9: 第二部分 七（二）: 收入支出决算总表 / 2013201 / 决算数: 提示 "
      "[fact.restated] \"支出合计\" 950.84 <> 950.85 & 'x'\n"
      "    见第二部分\n"
      "  950.84 万元  expenditure.total 2020 actual  位于 page 9: 第二部分 七（二）: "
      "收入支出决算总表 / 2013201 / 决算数\n"
      "  950.85 万元  expenditure.total 2020 actual  位于 支出决算表 / 2013201 / 合计  （推算）\n"
      "report.json: 核实 [custom.note] to verify by hand\n"
      "\n"
      "共 1 个错误、1 个提示、1 项待核实；6 项检查通过\n";
  CHECK(write(FindingsFormat::text, sample(), {}) == expected);
}

TEST_CASE("findings text: English") {
  const std::string expected =
      "2020/notes.txt\n"
      "2020/notes.txt:96:20: error [sum.basic] basic expenditure 534.27 is not personnel plus "
      "public expense, 534.29\n"
      "  534.27 万元  expenditure.basic 2020 actual  at 96:20\n"
      "  489.86 万元  expenditure.basic.personnel 2020 actual  at 97:3\n"
      "  44.43 万元  expenditure.basic.public 2020 actual  at 97:15\n"
      "  expected: 534.29 万元\n"
      "  policy: 四舍五入到 0.01\n"
      "\n"
      "report.json\n"
      "report.json: page 9: 第二部分 七（二）: 收入支出决算总表 / 2013201 / 决算数: warning "
      "[fact.restated] \"total\" 950.84 <> 950.85 & 'x'\n"
      "    see part two\n"
      "  950.84 万元  expenditure.total 2020 actual  at page 9: 第二部分 七（二）: "
      "收入支出决算总表 / 2013201 / 决算数\n"
      "  950.85 万元  expenditure.total 2020 actual  at 支出决算表 / 2013201 / 合计  (derived)\n"
      "report.json: info [custom.note] to verify by hand\n"
      "\n"
      "1 error, 1 warning, 1 info; 6 checks passed\n";
  CHECK(write(FindingsFormat::text, sample(), english()) == expected);
}

TEST_CASE("findings text: passed checks only with show_passed") {
  const std::string hidden = write(FindingsFormat::text, sample(), {});
  const std::string shown = write(FindingsFormat::text, sample(), {Language::zh, true});
  CHECK(hidden.find("[share]") == std::string::npos);
  CHECK(shown.find("2020/notes.txt:120:5: 通过 [share] 占比 85.10% 与 3.36 / 3.95 相符\n"
                   "  85.10%  share 2020 actual  位于 120:5\n") != std::string::npos);
  CHECK(write(FindingsFormat::text, sample(), english(true))
            .find("2020/notes.txt:120:5: ok [share] share 85.10% agrees") != std::string::npos);
}

TEST_CASE("findings text: inputs without findings, no inputs, singular and plural counts") {
  CheckResults results;
  CHECK(write(FindingsFormat::text, results, {}) ==
        "共 0 个错误、0 个提示、0 项待核实；0 项检查通过\n");
  CHECK(write(FindingsFormat::text, results, english()) ==
        "0 errors, 0 warnings, 0 info; 0 checks passed\n");

  InputFindings clean;
  clean.path = "clean.txt";
  clean.passed = {{"sum.basic", 1}};
  InputFindings stdin_input;  // "-" names standard input; an empty path is written so too
  stdin_input.findings = {sum_finding()};
  stdin_input.findings[0].where.file.clear();
  stdin_input.findings[0].figures.resize(1);
  stdin_input.findings[0].figures[0].where = Source{};
  stdin_input.findings[0].expected.reset();
  stdin_input.findings[0].policy.clear();
  results.inputs = {clean, stdin_input};
  CHECK(write(FindingsFormat::text, results, english()) ==
        "clean.txt\n"
        "  no findings\n"
        "\n"
        "-\n"
        "-:96:20: error [sum.basic] basic expenditure 534.27 is not personnel plus public "
        "expense, 534.29\n"
        "  534.27 万元  expenditure.basic 2020 actual\n"
        "\n"
        "1 error, 0 warnings, 0 info; 1 check passed\n");
  CHECK(write(FindingsFormat::text, results, {}).find("clean.txt\n  未发现问题\n") == 0);
}

TEST_CASE("findings text: line breaks, control characters and broken UTF-8 in a message") {
  CheckResults results;
  InputFindings input;
  input.path = "a\x1b[2Jb.txt";
  Finding f = custom_note();
  f.message.zh = "第一行\r\n第二行\n\x1b[31m红\x7f\xff\xe4\xb8";
  f.where = span_at("a.txt", 1, 1, 0);
  input.findings = {f};
  results.inputs = {input};
  CHECK(write(FindingsFormat::text, results, {}) ==
        "a\xEF\xBF\xBD[2Jb.txt\n"
        "a.txt:1:1: 核实 [custom.note] 第一行\n"
        "    第二行\n"
        "    \xEF\xBF\xBD[31m红\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
        "\n"
        "共 0 个错误、0 个提示、1 项待核实；0 项检查通过\n");
}

TEST_CASE("findings text: a unit symbol is added once, to amounts only") {
  CheckResults results;
  InputFindings input;
  input.path = "a.txt";
  Finding f = custom_note();
  f.where = span_at("a.txt", 3, 4, 5);
  f.figures = {figure("950.84万元", Unit::wan, "income.total", span_at("a.txt", 3, 4, 8)),
               figure("5,751,054.00", Unit::yuan, "income.total", span_at("b.txt", 7, 1, 12)),
               figure("12", Unit::none, "staff.count", {}),
               figure("1.28%", Unit::percent, "change_rate", cell_at("表", "合计", "增减率"))};
  f.expected = Expected{"1.29%–1.31%", std::nullopt, Unit::percent};
  input.findings = {f};
  results.inputs = {input};
  CHECK(write(FindingsFormat::text, results, english()) ==
        "a.txt\n"
        "a.txt:3:4: info [custom.note] to verify by hand\n"
        "  950.84万元  income.total 2020 actual  at 3:4\n"
        "  5,751,054.00 元  income.total 2020 actual  at b.txt:7:1\n"
        "  12  staff.count 2020 actual\n"
        "  1.28%  change_rate 2020 actual  at 表 / 合计 / 增减率\n"
        "  expected: 1.29%–1.31%\n"
        "\n"
        "0 errors, 0 warnings, 1 info; 0 checks passed\n");
}

TEST_CASE("findings json: design.md §3, parsed back") {
  const std::string text = write(FindingsFormat::json, sample(), english());
  CHECK(text.back() == '\n');
  const boost::json::value doc = boost::json::parse(text);
  const auto& root = doc.as_object();

  CHECK(str(root.at("fisc")) == fisc::version());
  const auto& inputs = root.at("inputs").as_array();
  REQUIRE(inputs.size() == 2);
  CHECK(str(inputs[0].at("path")) == "2020/notes.txt");
  CHECK(inputs[0].at("findings").to_number<std::int64_t>() == 1);
  CHECK(inputs[0].at("passed").to_number<std::int64_t>() == 4);
  CHECK(str(inputs[1].at("path")) == "report.json");
  CHECK(inputs[1].at("findings").to_number<std::int64_t>() == 2);
  CHECK(inputs[1].at("passed").to_number<std::int64_t>() == 2);

  const auto& summary = root.at("summary").as_object();
  CHECK(summary.at("error").to_number<std::int64_t>() == 1);
  CHECK(summary.at("warning").to_number<std::int64_t>() == 1);
  CHECK(summary.at("info").to_number<std::int64_t>() == 1);
  CHECK(summary.at("ok").to_number<std::int64_t>() == 6);

  const auto& findings = root.at("findings").as_array();
  REQUIRE(findings.size() == 3);

  // A finding on a span of text.
  const auto& sum = findings[0].as_object();
  CHECK(str(sum.at("rule")) == "sum.basic");
  CHECK(str(sum.at("severity")) == "error");
  CHECK(str(sum.at("message")) == sum_finding().message.en);
  CHECK(str(sum.at("message_zh")) == sum_finding().message.zh);
  CHECK(str(sum.at("message_en")) == sum_finding().message.en);
  CHECK(str(sum.at("input")) == "2020/notes.txt");
  const auto& where = sum.at("where").as_object();
  CHECK(str(where.at("file")) == "2020/notes.txt");
  CHECK(where.at("line").to_number<std::int64_t>() == 96);
  CHECK(where.at("column").to_number<std::int64_t>() == 20);
  CHECK(where.at("length").to_number<std::int64_t>() == 6);
  CHECK_FALSE(where.contains("cell"));
  CHECK_FALSE(where.contains("page"));
  CHECK_FALSE(where.contains("section"));
  CHECK(boost::json::serialize(sum.at("figures")) == R"(["534.27","489.86","44.43"])");
  const auto& details = sum.at("details").as_array();
  REQUIRE(details.size() == 3);
  CHECK(str(details[1].at("text")) == "489.86");
  CHECK(str(details[1].at("unit")) == "wan");
  CHECK(str(details[1].at("concept")) == "expenditure.basic.personnel");
  CHECK(str(details[1].at("fact")) == "expenditure.basic.personnel 2020 actual");
  CHECK_FALSE(details[1].at("derived").as_bool());
  CHECK(details[1].at("where").at("line").to_number<std::int64_t>() == 97);
  CHECK(details[1].at("where").at("column").to_number<std::int64_t>() == 3);
  CHECK(str(sum.at("expected")) == "534.29");
  const auto& range = sum.at("expected_range").as_object();
  CHECK(str(range.at("low")) == "534.285");
  CHECK(str(range.at("high")) == "534.295");
  CHECK(range.at("low_closed").as_bool());
  CHECK_FALSE(range.at("high_closed").as_bool());
  CHECK(str(range.at("unit")) == "wan");
  CHECK(str(sum.at("policy")) == "四舍五入到 0.01");

  // A finding on a table cell, with a computed figure and markup in its message.
  const auto& restated = findings[1].as_object();
  CHECK(str(restated.at("severity")) == "warning");
  CHECK(str(restated.at("message")) == "\"total\" 950.84 <> 950.85 & 'x'\nsee part two");
  CHECK(str(restated.at("message_zh")) == "\"支出合计\" 950.84 <> 950.85 & 'x'\n见第二部分");
  const auto& cell_where = restated.at("where").as_object();
  CHECK(str(cell_where.at("file")) == "report.json");
  CHECK_FALSE(cell_where.contains("line"));
  CHECK_FALSE(cell_where.contains("column"));
  CHECK(str(cell_where.at("cell").at("table")) == "收入支出决算总表");
  CHECK(str(cell_where.at("cell").at("row")) == "2013201");
  CHECK(str(cell_where.at("cell").at("column")) == "决算数");
  CHECK(cell_where.at("page").to_number<std::int64_t>() == 9);
  CHECK(str(cell_where.at("section")) == "第二部分 七（二）");
  CHECK(boost::json::serialize(restated.at("figures")) == R"(["950.84"])");
  CHECK(restated.at("details").as_array().size() == 2);
  CHECK(restated.at("details").at(1).at("derived").as_bool());
  CHECK(str(restated.at("details").at(1).at("where").at("cell").at("table")) == "支出决算表");
  CHECK_FALSE(restated.contains("expected"));
  CHECK_FALSE(restated.contains("expected_range"));
  CHECK(str(restated.at("policy")).empty());

  // A message in one language only is written in it whatever the language asked for; a finding
  // without a place is at its input.
  const auto& note = findings[2].as_object();
  CHECK(str(note.at("rule")) == "custom.note");
  CHECK(str(note.at("severity")) == "info");
  CHECK(str(note.at("message")) == "to verify by hand");
  CHECK(str(note.at("message_zh")).empty());
  CHECK(boost::json::serialize(note.at("where")) == R"({"file":"report.json"})");
  CHECK(note.at("figures").as_array().empty());
}

TEST_CASE("findings json: the message in the language asked for; passed checks on request") {
  const boost::json::value zh = boost::json::parse(write(FindingsFormat::json, sample(), {}));
  CHECK(str(zh.at("findings").at(0).at("message")) == sum_finding().message.zh);
  CHECK(str(zh.at("findings").at(2).at("message")) == "to verify by hand");

  const boost::json::value shown =
      boost::json::parse(write(FindingsFormat::json, sample(), {Language::zh, true}));
  const auto& findings = shown.at("findings").as_array();
  REQUIRE(findings.size() == 4);
  CHECK(str(findings[1].at("rule")) == "share");
  CHECK(str(findings[1].at("severity")) == "ok");
  CHECK(boost::json::serialize(findings[1].at("figures")) == R"(["85.10%"])");
  CHECK(shown.at("inputs").at(0).at("findings").to_number<std::int64_t>() == 2);
  // The summary counts the checks that held either way.
  CHECK(shown.at("summary") == zh.at("summary"));
  CHECK(shown.at("summary").at("ok").to_number<std::int64_t>() == 6);
}

TEST_CASE("findings json: the layout of an empty run") {
  CHECK(write(FindingsFormat::json, CheckResults{}, {}) ==
        "{\n"
        "  \"fisc\": \"0.1.0\",\n"
        "  \"inputs\": [],\n"
        "  \"findings\": [],\n"
        "  \"summary\": {\"error\": 0, \"warning\": 0, \"info\": 0, \"ok\": 0}\n"
        "}\n");
}

TEST_CASE("findings json: the inputs on one line when they fit, else one a line") {
  // The writer keeps the first inputs and prints the rest as they come (the list of a run over
  // thousands of inputs is not kept in memory): the layout is print_json's either way.
  const auto run_of = [](std::size_t n) {
    CheckResults results;
    for (std::size_t i = 0; i < n; ++i) {
      InputFindings input;
      input.path = std::to_string(i) + ".json";
      results.inputs.push_back(input);
    }
    return write(FindingsFormat::json, results, {});
  };
  CHECK(
      run_of(1).find("  \"inputs\": [{\"path\": \"0.json\", \"findings\": 0, \"passed\": 0}],\n") !=
      std::string::npos);
  for (const std::size_t n : {std::size_t{2}, std::size_t{3}, std::size_t{50}}) {
    CAPTURE(n);
    std::string expected = "  \"inputs\": [\n";
    for (std::size_t i = 0; i < n; ++i) {
      expected +=
          R"(    {"path": ")" + std::to_string(i) + R"(.json", "findings": 0, "passed": 0})";
      expected += i + 1 < n ? ",\n" : "\n  ],\n  \"findings\": [],\n";
    }
    CHECK(run_of(n).find(expected) != std::string::npos);
  }
}

TEST_CASE("findings json: lines fit 100 columns unless a single value is longer") {
  CheckResults results = sample();
  // Twelve figures do not fit on one line: one per line. A long message stays one string.
  Finding many = custom_note();
  many.message.zh = std::string(120, 'x');
  for (int i = 0; i < 12; ++i) many.figures.push_back(figure("1234567.89", Unit::yuan, "c", {}));
  results.inputs[0].findings.push_back(many);
  const std::string text = write(FindingsFormat::json, results, {});
  CHECK(text.find("      \"figures\": [\n        \"1234567.89\",\n        \"1234567.89\",\n") !=
        std::string::npos);
  CHECK(text.find("      \"message\": \"" + std::string(120, 'x') + "\",\n") != std::string::npos);
  CHECK(text.find("      \"figures\": [\"534.27\", \"489.86\", \"44.43\"],\n") !=
        std::string::npos);

  std::istringstream lines(text);
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    REQUIRE(decode_utf8(line).has_value());
    // Columns as the printer counts them: bytes. A longer line is a single string value.
    if (line.size() > 100) {
      const auto quote = line.find('"', line.find_first_not_of(' '));
      CHECK(quote != std::string::npos);
      CHECK(line.find('{') == std::string::npos);
      CHECK(line.find('[') == std::string::npos);
    }
  }
  CHECK(count > 20);
}

TEST_CASE("findings sarif: the validator finds what the schema forbids") {
  const auto valid = [] {
    return boost::json::parse(write(FindingsFormat::sarif, sample(), english(true)));
  };
  REQUIRE(sarif_problems(valid()).empty());
  const auto run = [](boost::json::value& log) -> boost::json::object& {
    return log.at("runs").as_array().at(0).as_object();
  };
  const auto result = [&](boost::json::value& log) -> boost::json::object& {
    return run(log).at("results").as_array().at(0).as_object();
  };

  // Each broken log, and a part of the problem it must be reported as.
  std::vector<std::pair<std::string, boost::json::value>> broken;
  const auto add = [&](std::string problem, auto change) {
    boost::json::value log = valid();
    change(log);
    broken.emplace_back(std::move(problem), std::move(log));
  };
  add("$.version", [](boost::json::value& l) { l.as_object().erase("version"); });
  add("$.version: \"2.1.0\" is required",
      [](boost::json::value& l) { l.as_object()["version"] = "2.0.0"; });
  add("$.runs: a non-empty array",
      [](boost::json::value& l) { l.as_object()["runs"] = boost::json::array{}; });
  add(".tool.driver.name: a string is required",
      [&](boost::json::value& l) { run(l).at("tool").at("driver").as_object().erase("name"); });
  add(".tool.driver.rules[].id: a string is required", [&](boost::json::value& l) {
    run(l).at("tool").at("driver").at("rules").at(0).as_object().erase("id");
  });
  add(".results: an array is required", [&](boost::json::value& l) { run(l).erase("results"); });
  add("results[].message: message is required",
      [&](boost::json::value& l) { result(l).erase("message"); });
  add("results[].message: a message needs a text or an id", [&](boost::json::value& l) {
    result(l)["message"] = boost::json::object{{"markdown", "x"}};
  });
  add(".ruleId: names no rule", [&](boost::json::value& l) { result(l)["ruleId"] = "nope"; });
  add(".ruleIndex: does not point at the rule sum.basic",
      [&](boost::json::value& l) { result(l)["ruleIndex"] = 1; });
  add("results[].ruleIndex: does not point",
      [&](boost::json::value& l) { result(l)["ruleIndex"] = 99; });
  add("results[].level: not none, note, warning or error",
      [&](boost::json::value& l) { result(l)["level"] = "fatal"; });
  add("results[].kind: not a result kind",
      [&](boost::json::value& l) { result(l)["kind"] = "failed"; });
  add("results[]: member 'figures' is not in the schema",
      [&](boost::json::value& l) { result(l)["figures"] = 1; });
  add("region.startLine: an integer >= 1", [&](boost::json::value& l) {
    result(l).at("locations").at(0).at("physicalLocation").at("region").as_object()["startLine"] =
        0;
  });
  add("artifactLocation.uri: a string is required", [&](boost::json::value& l) {
    result(l)
        .at("locations")
        .at(0)
        .at("physicalLocation")
        .at("artifactLocation")
        .as_object()
        .erase("uri");
  });
  add("relatedLocations: items must be distinct", [&](boost::json::value& l) {
    auto& related = result(l).at("relatedLocations").as_array();
    related.push_back(related.at(0));
  });
  add("logicalLocations[]: a name or fullyQualifiedName", [&](boost::json::value& l) {
    auto& loc = run(l).at("results").at(2).at("locations").at(0).as_object();
    loc["logicalLocations"] = boost::json::array{boost::json::object{{"kind", "member"}}};
  });
  add(".columnKind: not a column kind",
      [&](boost::json::value& l) { run(l)["columnKind"] = "bytes"; });
  add("properties.tags: items must be distinct", [&](boost::json::value& l) {
    run(l).at("tool").at("driver").at("rules").at(0).at("properties").as_object()["tags"] =
        boost::json::array{"a", "a"};
  });
  for (const auto& item : broken) {
    const std::string& expected = item.first;
    const Problems problems = sarif_problems(item.second);
    std::string listed;
    for (const std::string& p : problems) listed += p + '\n';
    const bool reported = std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
      return p.find(expected) != std::string::npos;
    });
    CHECK_MESSAGE(reported, "expected \"" << expected << "\" among:\n" << listed);
  }
}

TEST_CASE("findings sarif: a valid SARIF 2.1.0 log in both languages, with and without passes") {
  for (const FindingsOptions& options :
       {FindingsOptions{}, english(), FindingsOptions{Language::zh, true}, english(true)}) {
    const boost::json::value log =
        boost::json::parse(write(FindingsFormat::sarif, sample(), options));
    const Problems problems = sarif_problems(log);
    std::string listed;
    for (const std::string& p : problems) listed += p + '\n';
    CHECK_MESSAGE(problems.empty(), listed);
  }
  const boost::json::value empty = boost::json::parse(write(FindingsFormat::sarif, {}, {}));
  CHECK(sarif_problems(empty).empty());
  CHECK(only_run(empty).at("results").as_array().empty());
}

TEST_CASE("findings sarif: the driver, its rules, the artifacts") {
  const boost::json::value log =
      boost::json::parse(write(FindingsFormat::sarif, sample(), english()));
  CHECK(str(log.at("$schema")) == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(str(log.at("version")) == "2.1.0");
  const auto& run = only_run(log);
  CHECK(str(run.at("columnKind")) == "unicodeCodePoints");
  CHECK(str(run.at("language")) == "en-US");
  CHECK(run.at("invocations").at(0).at("executionSuccessful").as_bool());
  const auto& driver = run.at("tool").at("driver").as_object();
  CHECK(str(driver.at("name")) == "fisc");
  CHECK(str(driver.at("version")) == fisc::version());
  CHECK(str(driver.at("informationUri")) == "https://github.com/fisc-project/fisc");

  const auto& rules = driver.at("rules").as_array();
  REQUIRE(rules.size() == 4);  // the three of the pack, and custom.note, which reported
  CHECK(str(rules[0].at("id")) == "sum.basic");
  CHECK(str(rules[0].at("name")) == "sum.basic");
  CHECK(str(rules[0].at("shortDescription").at("text")) == "basic expenditure adds up");
  CHECK(str(rules[0].at("fullDescription").at("text")) == "basic expenditure adds up (why)");
  CHECK(str(rules[0].at("defaultConfiguration").at("level")) == "error");
  CHECK(boost::json::serialize(rules[0].at("properties").at("tags")) == R"(["sum","table"])");
  CHECK(str(rules[1].at("defaultConfiguration").at("level")) == "note");
  CHECK(str(rules[2].at("defaultConfiguration").at("level")) == "warning");
  CHECK(boost::json::serialize(rules[3]) == R"({"id":"custom.note","name":"custom.note"})");

  const auto& artifacts = run.at("artifacts").as_array();
  REQUIRE(artifacts.size() == 2);
  CHECK(str(artifacts[0].at("location").at("uri")) == "2020/notes.txt");
  CHECK(str(artifacts[1].at("location").at("uri")) == "report.json");

  const boost::json::value zh = boost::json::parse(write(FindingsFormat::sarif, sample(), {}));
  CHECK(str(only_run(zh).at("language")) == "zh-CN");
  CHECK(str(only_run(zh)
                .at("tool")
                .at("driver")
                .at("rules")
                .at(0)
                .at("shortDescription")
                .at("text")) == "基本支出之和");
}

TEST_CASE("findings sarif: results, levels, regions and logical locations") {
  const boost::json::value log =
      boost::json::parse(write(FindingsFormat::sarif, sample(), english(true)));
  const auto& results = only_run(log).at("results").as_array();
  REQUIRE(results.size() == 4);

  const auto& sum = results[0].as_object();
  CHECK(str(sum.at("ruleId")) == "sum.basic");
  CHECK(sum.at("ruleIndex").to_number<std::int64_t>() == 0);
  CHECK(str(sum.at("level")) == "error");
  CHECK(str(sum.at("kind")) == "fail");
  CHECK(str(sum.at("message").at("text")) == sum_finding().message.en);
  const auto& physical = sum.at("locations").at(0).at("physicalLocation").as_object();
  CHECK(str(physical.at("artifactLocation").at("uri")) == "2020/notes.txt");
  CHECK(physical.at("artifactLocation").at("index").to_number<std::int64_t>() == 0);
  CHECK(boost::json::serialize(physical.at("region")) ==
        R"({"startLine":96,"startColumn":20,"endColumn":26})");
  // The anchor figure is the location; the two others are related locations.
  const auto& related = sum.at("relatedLocations").as_array();
  REQUIRE(related.size() == 2);
  CHECK(related[0].at("id").to_number<std::int64_t>() == 1);
  CHECK(related[1].at("id").to_number<std::int64_t>() == 2);
  CHECK(boost::json::serialize(related[1].at("physicalLocation").at("region")) ==
        R"({"startLine":97,"startColumn":15,"endColumn":20})");
  CHECK(str(related[1].at("message").at("text")) ==
        "44.43 万元  expenditure.basic.public 2020 actual");
  CHECK(boost::json::serialize(sum.at("properties").at("figures")) ==
        R"(["534.27","489.86","44.43"])");
  CHECK(str(sum.at("properties").at("expected")) == "534.29");

  const auto& passed = results[1].as_object();
  CHECK(str(passed.at("level")) == "none");
  CHECK(str(passed.at("kind")) == "pass");
  CHECK(passed.at("ruleIndex").to_number<std::int64_t>() == 1);

  const auto& restated = results[2].as_object();
  CHECK(str(restated.at("level")) == "warning");
  CHECK(restated.at("ruleIndex").to_number<std::int64_t>() == 2);
  CHECK(str(restated.at("message").at("text")) == "\"total\" 950.84 <> 950.85 & 'x'\nsee part two");
  const auto& cell = restated.at("locations").at(0).as_object();
  CHECK(boost::json::serialize(cell.at("physicalLocation")) ==
        R"({"artifactLocation":{"uri":"report.json","index":1}})");
  const auto& logical = cell.at("logicalLocations").at(0);
  CHECK(str(logical.at("name")) == "决算数");
  CHECK(str(logical.at("fullyQualifiedName")) == "收入支出决算总表/2013201/决算数");
  CHECK(str(logical.at("kind")) == "member");
  CHECK(cell.at("properties").at("page").to_number<std::int64_t>() == 9);
  CHECK(str(cell.at("properties").at("section")) == "第二部分 七（二）");
  const auto& derived = restated.at("relatedLocations").as_array();
  REQUIRE(derived.size() == 1);
  CHECK(str(derived[0].at("message").at("text")) ==
        "950.85 万元  expenditure.total 2020 actual (derived)");
  CHECK(boost::json::serialize(restated.at("properties").at("figures")) == R"(["950.84"])");

  const auto& note = results[3].as_object();
  CHECK(str(note.at("level")) == "note");
  CHECK(str(note.at("kind")) == "fail");
  CHECK(note.at("ruleIndex").to_number<std::int64_t>() == 3);
  CHECK(str(note.at("locations").at(0).at("physicalLocation").at("artifactLocation").at("uri")) ==
        "report.json");
  CHECK_FALSE(note.contains("relatedLocations"));

  const boost::json::value hidden =
      boost::json::parse(write(FindingsFormat::sarif, sample(), english()));
  CHECK(only_run(hidden).at("results").as_array().size() == 3);
}

TEST_CASE("findings sarif: file names become URI references") {
  CheckResults results;
  InputFindings input;
  input.path = "部门 决算/a:b%.txt";
  input.findings = {custom_note()};
  results.inputs = {input};
  const boost::json::value log = boost::json::parse(write(FindingsFormat::sarif, results, {}));
  CHECK(sarif_problems(log).empty());
  CHECK(str(only_run(log).at("artifacts").at(0).at("location").at("uri")) ==
        "%E9%83%A8%E9%97%A8%20%E5%86%B3%E7%AE%97/a%3Ab%25.txt");
}

TEST_CASE("findings sarif: a span without a column or a line") {
  CheckResults results;
  InputFindings input;
  input.path = "a.txt";
  Finding line_only = custom_note();
  line_only.where = span_at("a.txt", 5, 0, 0);
  Finding no_line = custom_note();
  no_line.where = span_at("a.txt", 0, 0, 0);
  Finding no_length = custom_note();
  no_length.where = span_at("a.txt", 5, 7, 0);
  input.findings = {line_only, no_line, no_length};
  results.inputs = {input};
  const boost::json::value log = boost::json::parse(write(FindingsFormat::sarif, results, {}));
  CHECK(sarif_problems(log).empty());
  const auto& r = only_run(log).at("results").as_array();
  CHECK(boost::json::serialize(r.at(0).at("locations").at(0).at("physicalLocation").at("region")) ==
        R"({"startLine":5})");
  CHECK_FALSE(r.at(1).at("locations").at(0).at("physicalLocation").as_object().contains("region"));
  CHECK(boost::json::serialize(r.at(2).at("locations").at(0).at("physicalLocation").at("region")) ==
        R"({"startLine":5,"startColumn":7})");
}

TEST_CASE("findings junit: the XML reader refuses what is not well-formed") {
  CHECK(read_xml("<a x=\"1&amp;&#10;&#x41;\">t&lt;</a>").attr("x") == "1&\nA");
  CHECK(read_xml("<a x='a\nb'/>").attr("x") == "a b");
  CHECK_THROWS(read_xml("<a></b>"));
  CHECK_THROWS(read_xml("<a x=\"<\"/>"));
  CHECK_THROWS(read_xml("<a>&nbsp;</a>"));
  CHECK_THROWS(read_xml("<a>\x01</a>"));
  CHECK_THROWS(read_xml("<a>\xff</a>"));
  CHECK_THROWS(read_xml("<a x=\"1\" x=\"2\"/>"));
  CHECK_THROWS(read_xml("<a/><b/>"));
  CHECK_THROWS(read_xml("<a>&#0;</a>"));
  CHECK_THROWS(read_xml("<a>"));
}

TEST_CASE("findings junit: a testsuite per input, a testcase per rule") {
  const std::string text = write(FindingsFormat::junit, sample(), english());
  CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  const XmlElement root = read_xml(text);
  CHECK(root.name == "testsuites");
  CHECK(root.attr("name") == "fisc");
  CHECK(root.attr("tests") == "8");  // 4 rules (custom.note reported unlisted) x 2 inputs
  CHECK(root.attr("failures") == "3");
  const auto suites = root.all("testsuite");
  REQUIRE(suites.size() == 2);

  const XmlElement& notes_suite = *suites[0];
  CHECK(notes_suite.attr("name") == "2020/notes.txt");
  CHECK(notes_suite.attr("tests") == "4");
  CHECK(notes_suite.attr("failures") == "1");
  const auto cases = notes_suite.all("testcase");
  REQUIRE(cases.size() == 4);
  CHECK(cases[0]->attr("classname") == "fisc.sum.basic");
  CHECK(cases[0]->attr("name") == "sum.basic");
  CHECK(cases[1]->attr("name") == "share");
  CHECK(cases[2]->attr("name") == "fact.restated");
  CHECK(cases[3]->attr("name") == "custom.note");
  const auto failure = cases[0]->all("failure");
  REQUIRE(failure.size() == 1);
  CHECK(failure[0]->attr("type") == "error");
  CHECK(failure[0]->attr("message") == sum_finding().message.en);
  CHECK(failure[0]->text ==
        "2020/notes.txt:96:20: error [sum.basic] basic expenditure 534.27 is not personnel plus "
        "public expense, 534.29\n"
        "  534.27 万元  expenditure.basic 2020 actual  at 96:20\n"
        "  489.86 万元  expenditure.basic.personnel 2020 actual  at 97:3\n"
        "  44.43 万元  expenditure.basic.public 2020 actual  at 97:15\n"
        "  expected: 534.29 万元\n"
        "  policy: 四舍五入到 0.01\n");
  // A passed check, and a rule that found nothing, are empty testcases.
  for (std::size_t i = 1; i < 4; ++i) {
    CHECK(cases[i]->children.empty());
    CHECK(cases[i]->text.empty());
  }

  const XmlElement& report_suite = *suites[1];
  CHECK(report_suite.attr("name") == "report.json");
  CHECK(report_suite.attr("failures") == "2");
  const auto report_cases = report_suite.all("testcase");
  REQUIRE(report_cases.size() == 4);
  CHECK(report_cases[0]->children.empty());
  const XmlElement& restated = report_cases[2]->children.at(0);
  CHECK(restated.name == "failure");
  CHECK(restated.attr("type") == "warning");
  // Quotes, markup characters and a line break survive the attribute.
  CHECK(restated.attr("message") == "\"total\" 950.84 <> 950.85 & 'x'\nsee part two");
  CHECK(restated.text.find(
            "report.json: page 9: 第二部分 七（二）: 收入支出决算总表 / 2013201 / 决算数: "
            "warning [fact.restated] \"total\" 950.84 <> 950.85 & 'x'\n"
            "    see part two\n") == 0);
  CHECK(
      restated.text.find("  950.85 万元  expenditure.total 2020 actual  at 支出决算表 / 2013201 / "
                         "合计  (derived)\n") != std::string::npos);
  CHECK(report_cases[3]->attr("classname") == "fisc.custom.note");
  CHECK(report_cases[3]->children.at(0).attr("type") == "info");
}

TEST_CASE("findings junit: several findings of a rule make one failure, of the worst severity") {
  CheckResults results = sample();
  Finding second = sum_finding();
  second.severity = Severity::warning;
  second.message = Text{"第二处", "second place"};
  results.inputs[0].findings.push_back(second);
  Finding first = sum_finding();
  first.severity = Severity::info;
  results.inputs[0].findings[0] = first;

  const XmlElement zh = read_xml(write(FindingsFormat::junit, results, {}));
  const XmlElement& failure = zh.all("testsuite").at(0)->all("testcase").at(0)->children.at(0);
  CHECK(failure.attr("type") == "warning");
  CHECK(failure.attr("message") == sum_finding().message.zh + "（共 2 项）");
  CHECK(failure.text.find("核实 [sum.basic]") != std::string::npos);
  CHECK(failure.text.find("2020/notes.txt:96:20: 提示 [sum.basic] 第二处\n") != std::string::npos);

  const XmlElement en = read_xml(write(FindingsFormat::junit, results, english(true)));
  CHECK(en.all("testsuite").at(0)->all("testcase").at(0)->children.at(0).attr("message") ==
        sum_finding().message.en + " (2 findings)");
  // show_passed changes nothing: a pass is an empty testcase either way.
  CHECK(en.attr("failures") == "3");
}

TEST_CASE("findings junit: no inputs, and the escaping of names") {
  const XmlElement empty = read_xml(write(FindingsFormat::junit, CheckResults{}, {}));
  CHECK(empty.attr("tests") == "0");
  CHECK(empty.attr("failures") == "0");
  CHECK(empty.children.empty());

  CheckResults results;
  results.rules = {rule("a<b>&\"c'", Severity::error, Text{"t", "t"}, {})};
  InputFindings input;
  input.path = "x&y <z>.txt";
  Finding f = custom_note();
  f.rule = results.rules[0].id;
  input.findings = {f};
  results.inputs = {input};
  const XmlElement root = read_xml(write(FindingsFormat::junit, results, {}));
  CHECK(root.all("testsuite").at(0)->attr("name") == "x&y <z>.txt");
  const XmlElement& testcase = *root.all("testsuite").at(0)->all("testcase").at(0);
  CHECK(testcase.attr("name") == "a<b>&\"c'");
  CHECK(testcase.attr("classname") == "fisc.a<b>&\"c'");
  CHECK(testcase.children.at(0).text.find("[a<b>&\"c']") != std::string::npos);
}

TEST_CASE("findings: Chinese, quotes, line breaks, controls and broken UTF-8 in every format") {
  CheckResults results = sample();
  Finding nasty = custom_note();
  nasty.message = Text{"中文\"引号\"\n换行\t制表\x01\x1f控制\xc3\x28坏\xed\xa0\x80代理\xef\xbf\xbe",
                       "en \"q\" </failure> ]]> \\ \x7f\xf5\x80"};
  nasty.where = span_at("a\x02.txt", 2, 3, 4);
  nasty.figures = {figure("1\x03", Unit::wan, "x\xff", span_at("a.txt", 1, 1, 1))};
  nasty.policy = "p\x04";
  results.inputs[1].findings.push_back(nasty);
  results.inputs[1].path += "\xc0";

  for (const Language lang : {Language::zh, Language::en}) {
    CAPTURE(fisc::to_string(lang));
    const FindingsOptions options{lang, true};

    const std::string text = write(FindingsFormat::text, results, options);
    CHECK(decode_utf8(text).has_value());
    // No control character but line breaks and tabs reaches the terminal.
    CHECK(std::none_of(text.begin(), text.end(), [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return (b < 0x20 && c != '\n' && c != '\t') || b == 0x7F;
    }));

    const std::string json = write(FindingsFormat::json, results, options);
    CHECK(decode_utf8(json).has_value());
    const boost::json::value doc = boost::json::parse(json);
    const auto& last = doc.at("findings").as_array().back();
    CHECK(str(last.at("message_zh")).rfind("中文\"引号\"\n换行\t制表\x01\x1f控制", 0) == 0);
    CHECK(str(last.at("message_zh")).find("\xEF\xBF\xBD(坏") != std::string::npos);
    CHECK(str(last.at("message_en")) == "en \"q\" </failure> ]]> \\ \x7f\xEF\xBF\xBD\xEF\xBF\xBD");

    const std::string sarif = write(FindingsFormat::sarif, results, options);
    CHECK(decode_utf8(sarif).has_value());
    CHECK(sarif_problems(boost::json::parse(sarif)).empty());

    const std::string junit = write(FindingsFormat::junit, results, options);
    const XmlElement root = read_xml(junit);  // throws on anything XML cannot hold
    const XmlElement& note = root.all("testsuite").at(1)->all("testcase").at(3)->children.at(0);
    if (lang == Language::en) {
      CHECK(note.attr("message") == "to verify by hand (2 findings)");
      CHECK(note.text.find("en \"q\" </failure> ]]> \\ \x7f\xEF\xBF\xBD\xEF\xBF\xBD") ==
            std::string::npos);  // the text block shows U+FFFD for DEL too
      CHECK(note.text.find("en \"q\" </failure> ]]> \\ \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") !=
            std::string::npos);
    } else {
      CHECK(note.text.find("中文\"引号\"\n    换行\t制表\xEF\xBF\xBD\xEF\xBF\xBD控制") !=
            std::string::npos);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// FindingsWriter: one input at a time.

namespace {

std::string streamed(FindingsFormat format, const CheckResults& results,
                     const FindingsOptions& options,
                     fisc::InputSummaries summaries = fisc::InputSummaries::none) {
  std::ostringstream out;
  fisc::FindingsWriter writer(out, format, options, results.rules, summaries);
  for (const InputFindings& input : results.inputs) writer.write(input);
  CHECK(writer.inputs() == results.inputs.size());
  CHECK(writer.counts() == fisc::count(results));
  writer.finish();
  return out.str();
}

// The sample, and inputs that exercise what a streaming writer learns late: a rule the pack does
// not list that first reports on the last input (JUnit gives every earlier testsuite a testcase
// for it, SARIF a descriptor), an input named twice, an input without findings.
std::vector<CheckResults> streaming_cases() {
  std::vector<CheckResults> cases{sample(), sample(false), CheckResults{}};
  CheckResults late = sample();
  InputFindings clean;
  clean.path = "clean.json";
  clean.passed = {{"sum.basic", 1}};
  InputFindings again;
  again.path = std::string(notes);
  again.findings = {sum_finding()};
  InputFindings last;
  last.path = "z.json";
  Finding f = custom_note();
  f.rule = "late.rule";
  f.severity = Severity::warning;
  last.findings = {f};
  late.inputs.push_back(clean);
  late.inputs.push_back(again);
  late.inputs.push_back(last);
  cases.push_back(late);
  return cases;
}

}  // namespace

TEST_CASE("FindingsWriter: input by input, the bytes write_findings writes, in every format") {
  std::size_t n = 0;
  for (const CheckResults& results : streaming_cases()) {
    CAPTURE(n++);
    for (const FindingsFormat format : {FindingsFormat::text, FindingsFormat::json,
                                        FindingsFormat::sarif, FindingsFormat::junit}) {
      CAPTURE(fisc::to_string(format));
      for (const FindingsOptions& options :
           {FindingsOptions{}, english(), FindingsOptions{Language::zh, true}, english(true)}) {
        CHECK(streamed(format, results, options) == write(format, results, options));
      }
    }
  }
}

TEST_CASE("FindingsWriter: a rule first reported on a later input has a testcase in every suite") {
  const CheckResults results = streaming_cases().back();
  const XmlElement root = read_xml(streamed(FindingsFormat::junit, results, {}));
  CHECK(root.attr("tests") ==
        std::to_string(5 * 5));  // 5 inputs; 3 rules listed, custom.note, late.rule
  for (const XmlElement* suite : root.all("testsuite")) {
    CHECK(suite->attr("tests") == "5");
    REQUIRE(suite->all("testcase").size() == 5);
    CHECK(suite->all("testcase").back()->attr("name") == "late.rule");
  }
}

TEST_CASE("FindingsWriter: with InputSummaries::text, each input's counts after its findings") {
  const std::string zh = streamed(FindingsFormat::text, sample(), {}, fisc::InputSummaries::text);
  CHECK(zh.find("  口径：四舍五入到 0.01\n"
                "2020/notes.txt: 1 个错误、0 个提示、0 项待核实；4 项检查通过\n"
                "\n"
                "report.json\n") != std::string::npos);
  CHECK(
      zh.ends_with("report.json: 核实 [custom.note] to verify by hand\n"
                   "report.json: 0 个错误、1 个提示、1 项待核实；2 项检查通过\n"
                   "\n"
                   "共 1 个错误、1 个提示、1 项待核实；6 项检查通过\n"));
  CheckResults results;
  InputFindings clean;
  clean.passed = {{"sum.basic", 1}};  // standard input, "-"
  results.inputs = {clean};
  CHECK(streamed(FindingsFormat::text, results, english(), fisc::InputSummaries::text) ==
        "-\n"
        "  no findings\n"
        "-: 0 errors, 0 warnings, 0 info; 1 check passed\n"
        "\n"
        "0 errors, 0 warnings, 0 info; 1 check passed\n");
  // The other formats are as without.
  for (const FindingsFormat format :
       {FindingsFormat::json, FindingsFormat::sarif, FindingsFormat::junit}) {
    CHECK(streamed(format, sample(), {}, fisc::InputSummaries::text) == write(format, sample()));
  }
}

TEST_CASE("FindingsWriter: text as it comes; the others at finish; misuse refused") {
  std::ostringstream text;
  fisc::FindingsWriter writer(text, FindingsFormat::text, {}, sample().rules);
  writer.write(sample().inputs[0]);
  CHECK(text.str().starts_with("2020/notes.txt\n"));
  writer.finish();
  CHECK(text.str().ends_with("共 1 个错误、0 个提示、0 项待核实；4 项检查通过\n"));
  CHECK_THROWS_AS(writer.write(sample().inputs[1]), std::logic_error);
  CHECK_THROWS_AS(writer.finish(), std::logic_error);

  for (const FindingsFormat format :
       {FindingsFormat::json, FindingsFormat::sarif, FindingsFormat::junit}) {
    std::ostringstream out;
    fisc::FindingsWriter kept(out, format, {}, sample().rules);
    kept.write(sample().inputs[0]);
    CHECK(out.str().empty());
    fisc::FindingsWriter moved = std::move(kept);
    moved.write(sample().inputs[1]);
    moved.finish();
    CHECK(out.str() == write(format, sample()));
  }
  std::ostringstream out;
  CHECK_THROWS_AS(
      fisc::FindingsWriter(out, static_cast<FindingsFormat>(7), {}, std::vector<RuleInfo>{}),
      std::invalid_argument);
}

TEST_CASE("FindingsWriter: a SARIF place in a later input's file has no artifact index") {
  // write_findings knows every input first; a writer learns of them one at a time.
  CheckResults results = sample();
  results.inputs[0].findings[0].where.file = std::string(report);
  const auto location = [](const std::string& sarif) {
    const boost::json::value log = boost::json::parse(sarif);
    return log.at("runs")
        .at(0)
        .at("results")
        .at(0)
        .at("locations")
        .at(0)
        .at("physicalLocation")
        .at("artifactLocation");
  };
  const auto whole = location(write(FindingsFormat::sarif, results));
  const auto streaming = location(streamed(FindingsFormat::sarif, results, {}));
  CHECK(whole.at("uri") == "report.json");
  CHECK(whole.at("index") == 1);
  CHECK(streaming.at("uri") == "report.json");
  CHECK_FALSE(streaming.as_object().contains("index"));
}

TEST_CASE("FindingsWriter: more findings than are kept in memory") {
  // 6,000 inputs of two findings each, most near 1 KiB in JSON: far more than the 256 KiB a
  // spool keeps in memory, so that the rest goes through a temporary file.
  CheckResults one = sample();
  constexpr std::size_t inputs = 6000;
  for (const FindingsFormat format :
       {FindingsFormat::json, FindingsFormat::sarif, FindingsFormat::junit}) {
    CAPTURE(fisc::to_string(format));
    std::ostringstream out;
    fisc::FindingsWriter writer(out, format, {Language::zh, true}, one.rules);
    for (std::size_t i = 0; i < inputs; ++i) {
      InputFindings input = one.inputs[i % 2];
      input.path = std::to_string(i) + ".json";
      writer.write(input);
    }
    writer.finish();
    const std::string text = out.str();
    CHECK(text.size() > std::size_t{4} << 20U);
    if (format == FindingsFormat::junit) {
      const XmlElement root = read_xml(text);
      const auto suites = root.all("testsuite");
      REQUIRE(suites.size() == inputs);
      for (std::size_t i = 0; i < inputs; i += 97) {
        CHECK(suites[i]->attr("name") == std::to_string(i) + ".json");
      }
      continue;
    }
    const boost::json::value doc = boost::json::parse(text);
    const auto& found = format == FindingsFormat::json
                            ? doc.at("findings").as_array()
                            : doc.at("runs").at(0).at("results").as_array();
    REQUIRE(found.size() == inputs / 2 * 4);
    for (std::size_t i = 0; i < found.size(); ++i) {
      const auto& input = format == FindingsFormat::json ? found[i].at("input")
                                                         : found[i].at("properties").at("input");
      CHECK(str(input) == std::to_string(i / 4 * 2 + (i % 4 < 2 ? 0 : 1)) + ".json");
    }
  }
}
