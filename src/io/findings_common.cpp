// SPDX-License-Identifier: BSL-1.0
#include "findings_common.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include "fisc/io/findings.hpp"

namespace fisc::io_detail {

namespace {

constexpr bool is_continuation(unsigned char b) noexcept { return (b & 0xC0U) == 0x80U; }

constexpr bool is_terminal_control(char32_t cp) noexcept {
  if (cp == U'\n' || cp == U'\t') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// The lines of a text; a "\r\n" counts as one line break.
std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> lines;
  while (true) {
    const std::size_t end = s.find('\n');
    std::string_view line = s.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    s.remove_prefix(end + 1);
  }
  return lines;
}

// A figure's place as seen from a finding in `file`: without the file when it is the same one,
// and a span as "line:column".
std::string figure_place(const Source& where, std::string_view file) {
  if (!where.file.empty() && where.file != file) return describe(where);
  Source rest = where;
  rest.file.clear();
  rest.span.reset();
  std::string out;
  if (where.span) out = std::to_string(where.span->line) + ':' + std::to_string(where.span->column);
  const std::string described = describe(rest);
  if (!out.empty() && !described.empty()) out += ": ";
  out += described;
  return out;
}

bool is_amount(Unit unit) noexcept {
  return unit == Unit::yuan || unit == Unit::wan || unit == Unit::yi;
}

constexpr std::size_t json_line_width = 100;

// JSON printing: appends the one-line form of a value (a space after each ':' and ','), giving up
// (false) as soon as `out` is longer than `limit`, so that a large array is not written out in
// full only to find that it does not fit.
bool compact_to(std::string& out, const boost::json::value& value, std::size_t limit) {
  if (const auto* object = value.if_object()) {
    out += '{';
    bool first = true;
    for (const auto& member : *object) {
      if (!first) out += ", ";
      first = false;
      out += boost::json::serialize(boost::json::value(member.key()));
      out += ": ";
      if (!compact_to(out, member.value(), limit)) return false;
    }
    out += '}';
  } else if (const auto* array = value.if_array()) {
    out += '[';
    bool first = true;
    for (const auto& item : *array) {
      if (!first) out += ", ";
      first = false;
      if (!compact_to(out, item, limit)) return false;
    }
    out += ']';
  } else {
    out += boost::json::serialize(value);
  }
  return out.size() <= limit;
}

std::size_t current_column(const std::string& out) noexcept {
  const std::size_t newline = out.rfind('\n');
  return newline == std::string::npos ? out.size() : out.size() - newline - 1;
}

void print_nested(std::string& out, const boost::json::value& value, std::size_t indent) {
  const bool empty = (value.is_object() && value.get_object().empty()) ||
                     (value.is_array() && value.get_array().empty());
  if (empty || (!value.is_object() && !value.is_array())) {
    out += boost::json::serialize(value);
    return;
  }
  const std::size_t column = current_column(out);
  std::string flat;
  if (column < json_line_width && compact_to(flat, value, json_line_width - column)) {
    out += flat;
    return;
  }
  const std::string inner(indent + 2, ' ');
  if (const auto* object = value.if_object()) {
    out += "{\n";
    bool first = true;
    for (const auto& member : *object) {
      if (!first) out += ",\n";
      first = false;
      out += inner;
      out += boost::json::serialize(boost::json::value(member.key()));
      out += ": ";
      print_nested(out, member.value(), indent + 2);
    }
    out += '\n' + std::string(indent, ' ') + '}';
    return;
  }
  out += "[\n";
  bool first = true;
  for (const auto& item : value.get_array()) {
    if (!first) out += ",\n";
    first = false;
    out += inner;
    print_nested(out, item, indent + 2);
  }
  out += '\n' + std::string(indent, ' ') + ']';
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80U) {
    ++i;
    return b0;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80U;  // the range of the second byte, which rules out overlong forms,
  unsigned char hi = 0xBFU;  // surrogates and values above U+10FFFF (RFC 3629, table 3-7)
  if (b0 >= 0xC2U && b0 <= 0xDFU) {
    length = 2;
    cp = b0 & 0x1FU;
  } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
    length = 3;
    cp = b0 & 0x0FU;
    if (b0 == 0xE0U) lo = 0xA0U;
    if (b0 == 0xEDU) hi = 0x9FU;
  } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
    length = 4;
    cp = b0 & 0x07U;
    if (b0 == 0xF0U) lo = 0x90U;
    if (b0 == 0xF4U) hi = 0x8FU;
  } else {
    ++i;
    return replacement_character;
  }
  if (s.size() - i < length || byte(i + 1) < lo || byte(i + 1) > hi) {
    ++i;
    return replacement_character;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(byte(i + k))) {
      ++i;
      return replacement_character;
    }
    cp = (cp << 6U) | (byte(i + k) & 0x3FU);
  }
  i += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  const auto put = [&](std::uint32_t bits) { out += static_cast<char>(bits); };
  const auto c = static_cast<std::uint32_t>(cp);
  if (c < 0x80U) {
    put(c);
  } else if (c < 0x800U) {
    put(0xC0U | (c >> 6U));
    put(0x80U | (c & 0x3FU));
  } else if (c < 0x10000U) {
    put(0xE0U | (c >> 12U));
    put(0x80U | ((c >> 6U) & 0x3FU));
    put(0x80U | (c & 0x3FU));
  } else {
    put(0xF0U | (c >> 18U));
    put(0x80U | ((c >> 12U) & 0x3FU));
    put(0x80U | ((c >> 6U) & 0x3FU));
    put(0x80U | (c & 0x3FU));
  }
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    append_utf8(out, is_terminal_control(cp) ? replacement_character : cp);
  }
  return out;
}

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(s, i);
    if (cp == replacement_character && i == start + 1) {
      append_utf8(out, cp);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

const std::string& in_language(const Text& text, Language lang) noexcept {
  const std::string& wanted = text.in(lang);
  if (!wanted.empty()) return wanted;
  return text.in(lang == Language::zh ? Language::en : Language::zh);
}

std::string_view severity_word(Severity s, Language lang) noexcept {
  const bool zh = lang == Language::zh;
  switch (s) {
    case Severity::error: return zh ? "错误" : "error";
    case Severity::warning: return zh ? "提示" : "warning";
    case Severity::info: return zh ? "核实" : "info";
    case Severity::ok: return zh ? "通过" : "ok";
  }
  return "?";
}

bool listed(const Finding& finding, const FindingsOptions& options) noexcept {
  return finding.severity != Severity::ok || options.show_passed;
}

std::string with_unit(std::string_view text, Unit unit) {
  std::string out(text);
  const std::string_view sym = symbol(unit);
  if (!out.empty() && is_amount(unit) && !std::string_view(out).ends_with(sym)) {
    out += ' ';
    out += sym;
  }
  return out;
}

std::string finding_block(const Finding& finding, std::string_view input, Language lang) {
  const bool zh = lang == Language::zh;
  // An input without a name is standard input, "-" as on the command line.
  const std::string_view input_path = input.empty() ? std::string_view("-") : input;
  std::string out = describe_place(finding.where, input_path);
  out += ": ";
  out += severity_word(finding.severity, lang);
  out += " [";
  out += finding.rule;
  out += ']';
  const std::string& message = in_language(finding.message, lang);
  if (!message.empty()) {
    bool first = true;
    for (const std::string_view line : lines_of(message)) {
      out += first ? " " : "\n    ";
      first = false;
      out += line;
    }
  }
  out += '\n';

  const std::string_view file =
      finding.where.file.empty() ? input_path : std::string_view(finding.where.file);
  for (const FindingFigure& figure : finding.figures) {
    std::string line = "  " + with_unit(figure.text, figure.unit);
    const std::string& what = figure.fact.empty() ? figure.concept_id : figure.fact;
    if (!what.empty()) line += "  " + what;
    if (!figure.where.empty()) {
      line += zh ? "  位于 " : "  at ";
      line += figure_place(figure.where, file);
    }
    if (figure.derived) line += zh ? "  （推算）" : "  (derived)";
    out += line;
    out += '\n';
  }
  if (finding.expected) {
    out += zh ? "  应为：" : "  expected: ";
    out += with_unit(finding.expected->text, finding.expected->unit);
    out += '\n';
  }
  if (!finding.policy.empty()) {
    out += zh ? "  口径：" : "  policy: ";
    out += finding.policy;
    out += '\n';
  }
  return terminal_safe(out);
}

void print_json_to(std::string& out, const boost::json::value& value, std::size_t indent) {
  print_nested(out, value, indent);
}

void print_json(std::ostream& out, const boost::json::value& value) {
  std::string text;
  print_nested(text, value, 0);
  out << text;
}

boost::json::string json_string(std::string_view s) {
  const std::string valid = valid_utf8(s);
  return boost::json::string(valid.data(), valid.size());
}

}  // namespace fisc::io_detail
