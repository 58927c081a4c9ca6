// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "fisc/io/load_error.hpp"

namespace fisc {

/// The encoding a text file was found in.
///
/// 文本编码. Chinese government spreadsheets are saved by Excel either as "CSV UTF-8" (with a
/// byte order mark) or as plain "CSV", which on a Chinese Windows is GBK (code page 936), a subset
/// of GB18030.
enum class TextEncoding : std::uint8_t {
  utf8,      ///< UTF-8 without a byte order mark
  utf8_bom,  ///< UTF-8 starting with the byte order mark EF BB BF (removed when decoding)
  gb18030,   ///< GB18030, which includes GBK and GB2312
};

[[nodiscard]] std::string_view to_string(TextEncoding e) noexcept;

/// The offset of the first byte that does not belong to a valid UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF are invalid), or `std::string_view::npos`.
[[nodiscard]] std::size_t invalid_utf8_offset(std::string_view bytes) noexcept;

struct DecodedText {
  std::string text;  ///< UTF-8, without a byte order mark
  TextEncoding encoding = TextEncoding::utf8;
};

/// The bytes of a text file as UTF-8: a byte order mark means UTF-8; otherwise valid UTF-8 is
/// UTF-8, and anything else is decoded as GB18030 (with glibc's iconv). Bytes that are neither
/// are an error at the first byte that breaks the encoding that reads further (line and column
/// counted in characters of that encoding); UTF-16 is refused with a message that says so.
[[nodiscard]] tl::expected<DecodedText, LoadError> decode_text(std::string_view bytes,
                                                               std::string_view file_name);

}  // namespace fisc
