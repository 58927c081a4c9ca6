// SPDX-License-Identifier: BSL-1.0
// A small JSON document for the readers of fisc/io: every number keeps its text exactly as
// written (no value of a fisc file ever passes through a double), and every value and key can say
// where it starts (for the line and column of an error). Private to src/io.
//
// The document is flat: the items of all arrays are in one vector and the members of all objects
// in another, each container's children contiguous. A string without escapes, a key and a
// number's text are views of the parsed text (which must outlive the document); a string with
// escapes is unescaped into memory the document owns. Offsets are not stored: `offset()` and
// `key_offset()` find them by walking the text, which only an error needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace fisc::io_detail {

struct JsonMember;

struct JsonNode {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  std::string_view text;  ///< a string's content (unescaped), or a number's text as written

  /// An array's items, in order (empty for other kinds).
  [[nodiscard]] std::span<const JsonNode> items() const noexcept {
    return kind == Kind::array ? std::span<const JsonNode>(items_, size_)
                               : std::span<const JsonNode>();
  }
  /// An object's members, in document order, duplicates kept (empty for other kinds).
  [[nodiscard]] std::span<const JsonMember> members() const noexcept;

  // Set by the parser; read them through items() and members().
  std::uint32_t size_ = 0;  ///< the number of items or members
  std::size_t first_ = 0;   ///< while building: the index of the first item or member
  const JsonNode* items_ = nullptr;
  const JsonMember* members_ = nullptr;
};

struct JsonMember {
  std::string_view key;
  JsonNode value;
};

inline std::span<const JsonMember> JsonNode::members() const noexcept {
  return kind == Kind::object ? std::span<const JsonMember>(members_, size_)
                              : std::span<const JsonMember>();
}

/// A parsed document. It views the text it was parsed from, which must outlive it. Parsing into a
/// document again reuses its memory (a reader keeps one per thread).
class JsonDocument {
 public:
  [[nodiscard]] const JsonNode& root() const noexcept { return root_; }
  /// The byte offset of the first character of `node`, a value of this document.
  [[nodiscard]] std::size_t offset(const JsonNode& node) const;
  /// The byte offset of the opening quote of `member`'s key, a member of this document.
  [[nodiscard]] std::size_t key_offset(const JsonMember& member) const;

 private:
  friend class JsonBuilder;
  struct Frame {
    JsonNode::Kind kind;
    std::size_t start;  ///< where its items (members) begin on their stack
  };
  std::string_view text_;
  JsonNode root_;
  std::vector<JsonNode> items_;
  std::vector<JsonMember> members_;
  std::vector<std::unique_ptr<char[]>> unescaped_;  ///< strings with escapes, once unescaped
  // While parsing: the open arrays and objects, the items and members not yet closed.
  std::vector<Frame> frames_;
  std::vector<JsonNode> pending_items_;
  std::vector<JsonMember> pending_members_;
  std::string piece_;
};

struct JsonSyntaxError {
  std::size_t offset = 0;
  std::string path;  ///< the innermost object or array open at the error; empty outside any
  std::string message;
};

/// Nesting deeper than this is an error (a fisc report needs 6 levels).
inline constexpr std::size_t json_max_depth = 32;

/// More values than this in one document are refused: the document would take gigabytes (a
/// department's report has some thousands).
inline constexpr std::size_t json_max_values = std::size_t{1} << 22;

/// Parses one JSON text (RFC 8259, UTF-8 checked, no comments, no trailing commas) with
/// Boost.JSON's basic_parser. An error names the first offending byte (an invalid UTF-8 sequence
/// anywhere counts, before the syntax after it). `doc` is cleared and, on success, holds the
/// document, which views `text`.
[[nodiscard]] tl::expected<void, JsonSyntaxError> parse_json(std::string_view text,
                                                             JsonDocument& doc);

/// A string for a message: in quotes, with quotes, backslashes and control characters escaped.
[[nodiscard]] std::string in_quotes(std::string_view s);

/// `path.key`, or `path["key"]` for a key that is not an identifier.
[[nodiscard]] std::string member_path(const std::string& path, std::string_view key);

/// "a string", "an object", "null", … for messages.
[[nodiscard]] std::string_view kind_name(const JsonNode& node) noexcept;

}  // namespace fisc::io_detail
