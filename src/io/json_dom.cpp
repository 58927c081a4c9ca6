// SPDX-License-Identifier: BSL-1.0
#include "json_dom.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "fisc/io/encoding.hpp"

namespace fisc::io_detail {

namespace {

namespace json = boost::json;
using Kind = JsonNode::Kind;

}  // namespace

// Builds the document from the parser's events. The items of an array (the members of an object)
// wait on a stack until it closes, then move, contiguous, to the document. Offsets are not kept:
// the events do not say where in the text they happen (JsonDocument::offset finds them).
class JsonBuilder {
 public:
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();

  // Empties `doc`, keeping the memory it has.
  JsonBuilder(JsonDocument& doc, std::string_view text)
      : text_(text),
        doc_(doc),
        frames_(doc.frames_),
        pending_items_(doc.pending_items_),
        pending_members_(doc.pending_members_),
        piece_(doc.piece_) {
    doc_.text_ = text;
    doc_.root_ = JsonNode{};
    doc_.items_.clear();
    doc_.members_.clear();
    doc_.unescaped_.clear();
    frames_.clear();
    pending_items_.clear();
    pending_members_.clear();
    piece_.clear();
  }

  bool on_document_begin(json::error_code& /*ec*/) { return true; }
  bool on_document_end(json::error_code& /*ec*/) { return true; }
  bool on_object_begin(json::error_code& ec) {
    if (!count(ec)) return false;
    frames_.push_back(Frame{Kind::object, pending_members_.size()});
    return true;
  }
  bool on_object_end(std::size_t /*n*/, json::error_code& /*ec*/) {
    close();
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
    if (!count(ec)) return false;
    frames_.push_back(Frame{Kind::array, pending_items_.size()});
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
    pending_members_.push_back(JsonMember{keep(s), {}});
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
    attach(node);
    return true;
  }
  bool on_null(json::error_code& ec) {
    if (!count(ec)) return false;
    attach(JsonNode{});
    return true;
  }
  bool on_comment_part(json::string_view /*s*/, json::error_code& /*ec*/) { return true; }
  bool on_comment(json::string_view /*s*/, json::error_code& /*ec*/) { return true; }

  // Completes the document: its children's indices made pointers (the vectors no longer grow).
  void finish() {
    for (JsonNode& n : doc_.items_) link(n);
    for (JsonMember& m : doc_.members_) link(m.value);
    link(doc_.root_);
  }
  [[nodiscard]] bool too_many_values() const noexcept { return values_ > json_max_values; }

  // The path of the innermost object or array being built ("" when none is).
  [[nodiscard]] std::string path() const {
    if (frames_.empty()) return {};
    std::string p = "$";
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      // The children of frame i end where those of the next frame of its kind begin.
      std::size_t end =
          frames_[i].kind == Kind::array ? pending_items_.size() : pending_members_.size();
      for (std::size_t j = i + 1; j < frames_.size(); ++j) {
        if (frames_[j].kind == frames_[i].kind) {
          end = frames_[j].start;
          break;
        }
      }
      if (frames_[i].kind == Kind::array) {
        p += "[" + std::to_string(end - frames_[i].start) + "]";
      } else {
        p = member_path(p, pending_members_[end - 1].key);
      }
    }
    return p;
  }

 private:
  using Frame = JsonDocument::Frame;

  // Every value costs memory: beyond the limit the document is refused, not built.
  bool count(json::error_code& ec) {
    if (++values_ <= json_max_values) return true;
    ec = json::error::exception;
    return false;
  }
  // A view of the text when `s` is in it, whole; else the pieces so far and `s`, kept by the
  // document.
  std::string_view keep(json::string_view s) {
    const std::less_equal<> le;
    if (piece_.empty() && le(text_.data(), s.data()) &&
        le(s.data() + s.size(), text_.data() + text_.size())) {
      return {s.data(), s.size()};
    }
    piece_.append(s.data(), s.size());
    if (piece_.empty()) return {};
    auto& copy = doc_.unescaped_.emplace_back(std::make_unique<char[]>(piece_.size()));
    std::copy(piece_.begin(), piece_.end(), copy.get());
    const std::string_view kept(copy.get(), piece_.size());
    piece_.clear();
    return kept;
  }
  bool scalar(Kind kind, json::string_view s) {
    JsonNode node;
    node.kind = kind;
    node.text = keep(s);
    attach(node);
    return true;
  }
  void close() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    JsonNode node;
    node.kind = frame.kind;
    if (frame.kind == Kind::array) {
      node.first_ = doc_.items_.size();
      node.size_ = static_cast<std::uint32_t>(pending_items_.size() - frame.start);
      const auto from = pending_items_.begin() + static_cast<std::ptrdiff_t>(frame.start);
      doc_.items_.insert(doc_.items_.end(), from, pending_items_.end());
      pending_items_.erase(from, pending_items_.end());
    } else {
      node.first_ = doc_.members_.size();
      node.size_ = static_cast<std::uint32_t>(pending_members_.size() - frame.start);
      const auto from = pending_members_.begin() + static_cast<std::ptrdiff_t>(frame.start);
      doc_.members_.insert(doc_.members_.end(), from, pending_members_.end());
      pending_members_.erase(from, pending_members_.end());
    }
    attach(node);
  }
  void attach(const JsonNode& node) {
    if (frames_.empty()) {
      doc_.root_ = node;
    } else if (frames_.back().kind == Kind::array) {
      pending_items_.push_back(node);
    } else {
      pending_members_.back().value = node;
    }
  }
  void link(JsonNode& node) const noexcept {
    if (node.kind == Kind::array) node.items_ = doc_.items_.data() + node.first_;
    if (node.kind == Kind::object) node.members_ = doc_.members_.data() + node.first_;
  }

  std::string_view text_;
  JsonDocument& doc_;
  std::vector<Frame>& frames_;
  std::vector<JsonNode>& pending_items_;
  std::vector<JsonMember>& pending_members_;
  std::string& piece_;
  std::size_t values_ = 0;
};

namespace {

// Walks the text of a document that Boost.JSON has accepted, in step with the document built
// from it, until it reaches the value (or the key) it looks for.
class Locator {
 public:
  Locator(std::string_view text, const JsonNode* node, const JsonMember* key)
      : text_(text), node_(node), key_(key) {}

  // Where the value or key looked for starts (0 if it is not in the document).
  std::size_t find(const JsonNode& root) {
    locate(root, 0);
    return found_ == std::string_view::npos ? 0 : found_;
  }

 private:
  std::size_t locate(const JsonNode& node, std::size_t i) {
    i = skip_space(i);
    if (&node == node_) {
      found_ = i;
      return i;
    }
    switch (node.kind) {
      case Kind::object:
        ++i;  // {
        for (const JsonMember& m : node.members()) {
          i = skip_space(i);
          if (&m == key_) {
            found_ = i;
            return i;
          }
          i = skip_space(skip_string(i));
          ++i;  // :
          i = locate(m.value, i);
          if (found_ != std::string_view::npos) return i;
          i = skip_space(i);
          ++i;  // , or }
        }
        if (node.members().empty()) i = skip_space(i) + 1;
        return i;
      case Kind::array:
        ++i;  // [
        for (const JsonNode& item : node.items()) {
          i = locate(item, i);
          if (found_ != std::string_view::npos) return i;
          i = skip_space(i) + 1;
        }
        if (node.items().empty()) i = skip_space(i) + 1;
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
  const JsonNode* node_;
  const JsonMember* key_;
  std::size_t found_ = std::string_view::npos;
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

std::size_t JsonDocument::offset(const JsonNode& node) const {
  return Locator(text_, &node, nullptr).find(root_);
}

std::size_t JsonDocument::key_offset(const JsonMember& member) const {
  return Locator(text_, nullptr, &member).find(root_);
}

tl::expected<void, JsonSyntaxError> parse_json(std::string_view text, JsonDocument& doc) {
  json::parse_options options;
  options.max_depth = json_max_depth;
  {
    // A text the parser accepts whole, with nothing but white space after the value, is valid
    // UTF-8: the parser checks the UTF-8 of strings and keys (with the same rules as
    // invalid_utf8_offset) and takes nothing but ASCII outside them. Only a text it refuses is
    // checked first and parsed again below, to say which error comes first.
    json::basic_parser<JsonBuilder> parser(options, doc, text);
    json::error_code ec;
    const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    if (!ec && !parser.handler().too_many_values() &&
        text.find_first_not_of(" \t\r\n", used) == std::string_view::npos) {
      parser.handler().finish();
      return {};
    }
  }
  json::basic_parser<JsonBuilder> parser(options, doc, text);
  // Invalid UTF-8 is found first, and the text before it parsed to say where it is.
  const std::size_t bad = invalid_utf8_offset(text);
  const bool cut = bad != std::string_view::npos;
  json::error_code ec;
  const std::size_t used = parser.write_some(cut, text.data(), cut ? bad : text.size(), ec);
  const JsonBuilder& builder = parser.handler();
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
  if (rest == std::string_view::npos) {
    parser.handler().finish();
    return {};
  }
  return tl::unexpected(
      JsonSyntaxError{rest, {}, syntax_message(json::error::extra_data, text, rest)});
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
