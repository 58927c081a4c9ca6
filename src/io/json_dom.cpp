// SPDX-License-Identifier: BSL-1.0
#include "json_dom.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

#include "fisc/io/encoding.hpp"

namespace fisc::io_detail {

namespace {

namespace json = boost::json;
using Kind = JsonNode::Kind;

// Builds the document from the parser's events. Offsets are filled in afterwards by `Locator`:
// the events do not say where in the text they happen.
class Builder {
 public:
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();

  bool on_document_begin(json::error_code& /*ec*/) { return true; }
  bool on_document_end(json::error_code& /*ec*/) { return true; }
  bool on_object_begin(json::error_code& ec) {
    if (!count(ec)) return false;
    open(Kind::object);
    return true;
  }
  bool on_object_end(std::size_t /*n*/, json::error_code& /*ec*/) {
    close();
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
    if (!count(ec)) return false;
    open(Kind::array);
    return true;
  }
  bool on_array_end(std::size_t /*n*/, json::error_code& /*ec*/) {
    close();
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t /*n*/, json::error_code& /*ec*/) {
    piece_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t /*n*/, json::error_code& /*ec*/) {
    piece_.append(s.data(), s.size());
    stack_.back().members.push_back(JsonMember{std::move(piece_), 0, {}});
    piece_.clear();
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t /*n*/, json::error_code& /*ec*/) {
    piece_.append(s.data(), s.size());
    return true;
  }
  bool on_string(json::string_view s, std::size_t /*n*/, json::error_code& ec) {
    return count(ec) && scalar(Kind::string, s);
  }
  bool on_number_part(json::string_view s, json::error_code& /*ec*/) {
    piece_.append(s.data(), s.size());
    return true;
  }
  // The parser's binary value is ignored: the number is kept as the text it was written as.
  bool on_int64(std::int64_t /*i*/, json::string_view s, json::error_code& ec) {
    return count(ec) && scalar(Kind::number, s);
  }
  bool on_uint64(std::uint64_t /*u*/, json::string_view s, json::error_code& ec) {
    return count(ec) && scalar(Kind::number, s);
  }
  bool on_double(double /*d*/, json::string_view s, json::error_code& ec) {
    return count(ec) && scalar(Kind::number, s);
  }
  bool on_bool(bool b, json::error_code& ec) {
    if (!count(ec)) return false;
    JsonNode node;
    node.kind = Kind::boolean;
    node.boolean = b;
    attach(std::move(node));
    return true;
  }
  bool on_null(json::error_code& ec) {
    if (!count(ec)) return false;
    attach(JsonNode{});
    return true;
  }
  bool on_comment_part(json::string_view /*s*/, json::error_code& /*ec*/) { return true; }
  bool on_comment(json::string_view /*s*/, json::error_code& /*ec*/) { return true; }

  JsonNode take_root() { return std::move(root_); }
  [[nodiscard]] bool too_many_values() const noexcept { return values_ > json_max_values; }

  // The path of the innermost object or array being built ("" when none is).
  [[nodiscard]] std::string path() const {
    if (stack_.empty()) return {};
    std::string p = "$";
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
      const JsonNode& n = stack_[i];
      if (n.kind == Kind::array) {
        p += "[" + std::to_string(n.items.size()) + "]";
      } else {
        p = member_path(p, n.members.back().key);
      }
    }
    return p;
  }

 private:
  // Every value costs memory: beyond the limit the document is refused, not built.
  bool count(json::error_code& ec) {
    if (++values_ <= json_max_values) return true;
    ec = json::error::exception;
    return false;
  }
  bool scalar(Kind kind, json::string_view s) {
    piece_.append(s.data(), s.size());
    JsonNode node;
    node.kind = kind;
    node.text = std::move(piece_);
    piece_.clear();
    attach(std::move(node));
    return true;
  }
  void open(Kind kind) {
    JsonNode node;
    node.kind = kind;
    stack_.push_back(std::move(node));
  }
  void close() {
    JsonNode node = std::move(stack_.back());
    stack_.pop_back();
    attach(std::move(node));
  }
  void attach(JsonNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
    } else if (stack_.back().kind == Kind::array) {
      stack_.back().items.push_back(std::move(node));
    } else {
      stack_.back().members.back().value = std::move(node);
    }
  }

  std::vector<JsonNode> stack_;
  std::string piece_;
  JsonNode root_;
  std::size_t values_ = 0;
};

// Walks the text of a document that Boost.JSON has accepted, in step with the document built
// from it, and records where each value and key starts.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  std::size_t locate(JsonNode& node, std::size_t i) {
    i = skip_space(i);
    node.offset = i;
    switch (node.kind) {
      case Kind::object:
        ++i;  // {
        for (JsonMember& m : node.members) {
          i = skip_space(i);
          m.key_offset = i;
          i = skip_space(skip_string(i));
          ++i;  // :
          i = skip_space(locate(m.value, i));
          ++i;  // , or }
        }
        if (node.members.empty()) i = skip_space(i) + 1;
        return i;
      case Kind::array:
        ++i;  // [
        for (JsonNode& item : node.items) i = skip_space(locate(item, i)) + 1;
        if (node.items.empty()) i = skip_space(i) + 1;
        return i;
      case Kind::string: return skip_string(i);
      case Kind::number:
        while (i < text_.size() && is_number_char(text_[i])) ++i;
        return i;
      case Kind::boolean: return i + (node.boolean ? 4 : 5);
      case Kind::null: return i + 4;
    }
    return i;
  }

 private:
  static bool is_number_char(char c) noexcept {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }
  std::size_t skip_space(std::size_t i) const noexcept {
    while (i < text_.size() &&
           (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) {
      ++i;
    }
    return i;
  }
  std::size_t skip_string(std::size_t i) const noexcept {
    ++i;  // "
    while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
    return i + 1;
  }

  std::string_view text_;
};

std::string describe_character(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return "the end of the text";
  const auto c = static_cast<unsigned char>(text[offset]);
  char buffer[32];
  if (c < 0x20U || c == 0x7FU) {
    std::snprintf(buffer, sizeof buffer, "the control character U+%04X", c);
    return buffer;
  }
  if (c < 0x80U) {
    std::snprintf(buffer, sizeof buffer, "'%c'", static_cast<char>(c));
    return buffer;
  }
  std::size_t n = 1;
  while (offset + n < text.size() && n < 4 &&
         (static_cast<unsigned char>(text[offset + n]) & 0xC0U) == 0x80U) {
    ++n;
  }
  return "'" + std::string(text.substr(offset, n)) + "'";
}

std::string syntax_message(const json::error_code& ec, std::string_view text, std::size_t at) {
  if (ec == json::error::incomplete) {
    return "the JSON text ends before its value is complete (an unclosed string, object or "
           "array?)";
  }
  if (ec == json::error::extra_data) {
    return "unexpected " + describe_character(text, at) +
           " after the end of the JSON value (expected nothing more)";
  }
  if (ec == json::error::too_deep) {
    return "values nested more than " + std::to_string(json_max_depth) + " levels deep";
  }
  if (ec == json::error::exponent_overflow) return "a number's exponent is too large";
  if (ec == json::error::illegal_leading_surrogate ||
      ec == json::error::illegal_trailing_surrogate || ec == json::error::expected_utf16_escape) {
    return "a \\u escape that is not a valid UTF-16 surrogate pair";
  }
  if (ec == json::error::expected_hex_digit) {
    return "expected four hexadecimal digits after \\u, found " + describe_character(text, at);
  }
  std::string message = "JSON syntax error: unexpected " + describe_character(text, at);
  if (at < text.size() && static_cast<unsigned char>(text[at]) < 0x20U) {
    message += " (inside a string it must be escaped, e.g. \\n)";
  }
  return message;
}

}  // namespace

tl::expected<JsonNode, JsonSyntaxError> parse_json(std::string_view text) {
  json::parse_options options;
  options.max_depth = json_max_depth;
  json::basic_parser<Builder> parser(options);
  // Invalid UTF-8 is found first, and the text before it parsed to say where it is.
  const std::size_t bad = invalid_utf8_offset(text);
  const bool cut = bad != std::string_view::npos;
  json::error_code ec;
  const std::size_t used = parser.write_some(cut, text.data(), cut ? bad : text.size(), ec);
  const Builder& builder = parser.handler();
  if (builder.too_many_values()) {
    return tl::unexpected(
        JsonSyntaxError{used, builder.path(),
                        "more than " + std::to_string(json_max_values) +
                            " JSON values: fisc reads report files of at most that many values"});
  }
  if (ec) {
    return tl::unexpected(JsonSyntaxError{used, builder.path(), syntax_message(ec, text, used)});
  }
  if (cut) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    return tl::unexpected(JsonSyntaxError{
        bad, builder.path(),
        std::string("invalid UTF-8 (byte ") + byte + "): a report file is UTF-8 text"});
  }
  // The parser stops after the value; anything but white space after it is an error.
  const std::size_t rest = text.find_first_not_of(" \t\r\n", used);
  if (rest != std::string_view::npos) {
    return tl::unexpected(
        JsonSyntaxError{rest, {}, syntax_message(json::error::extra_data, text, rest)});
  }
  JsonNode root = parser.handler().take_root();
  Locator(text).locate(root, 0);
  return root;
}

std::string in_quotes(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (b < 0x20U || b == 0x7FU) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(b));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + '"';
}

std::string member_path(const std::string& path, std::string_view key) {
  const auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
  };
  const bool identifier = !key.empty() && !(key.front() >= '0' && key.front() <= '9') &&
                          std::all_of(key.begin(), key.end(), word);
  // One allocation: the reader makes a path for every member it reads.
  std::string out;
  if (identifier) {
    out.reserve(path.size() + 1 + key.size());
    out += path;
    out += '.';
    out += key;
    return out;
  }
  const std::string quoted = in_quotes(key);
  out.reserve(path.size() + quoted.size() + 2);
  out += path;
  out += '[';
  out += quoted;
  out += ']';
  return out;
}

std::string_view kind_name(const JsonNode& node) noexcept {
  switch (node.kind) {
    case Kind::null: return "null";
    case Kind::boolean: return node.boolean ? "true" : "false";
    case Kind::number: return "a number";
    case Kind::string: return "a string";
    case Kind::array: return "an array";
    case Kind::object: return "an object";
  }
  return "?";
}

}  // namespace fisc::io_detail
