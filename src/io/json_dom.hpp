// SPDX-License-Identifier: BSL-1.0
// A small JSON document for the readers of fisc/io: every value keeps its byte offset (for the
// line and column of an error) and every number its text exactly as written (no value of a
// fisc file ever passes through a double). Private to src/io.
#pragma once

#include <cstddef>
#include <cstdint>
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
  std::string text;  ///< a string's content (unescaped), or a number's text as written
  std::vector<JsonNode> items;
  std::vector<JsonMember> members;  ///< in document order; duplicates kept
  std::size_t offset = 0;           ///< byte offset of the value's first character
};

struct JsonMember {
  std::string key;
  std::size_t key_offset = 0;  ///< byte offset of the key's opening quote
  JsonNode value;
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
/// anywhere counts, before the syntax after it).
[[nodiscard]] tl::expected<JsonNode, JsonSyntaxError> parse_json(std::string_view text);

/// A string for a message: in quotes, with quotes, backslashes and control characters escaped.
[[nodiscard]] std::string in_quotes(std::string_view s);

/// `path.key`, or `path["key"]` for a key that is not an identifier.
[[nodiscard]] std::string member_path(const std::string& path, std::string_view key);

/// "a string", "an object", "null", … for messages.
[[nodiscard]] std::string_view kind_name(const JsonNode& node) noexcept;

}  // namespace fisc::io_detail
