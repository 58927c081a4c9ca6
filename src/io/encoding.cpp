// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

namespace fisc {

std::string_view to_string(TextEncoding e) noexcept {
  switch (e) {
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::utf8_bom: return "UTF-8 with BOM";
    case TextEncoding::gb18030: return "GB18030";
  }
  return "?";
}

std::size_t invalid_utf8_offset(std::string_view bytes) noexcept {
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  const auto cont = [&](std::size_t k) { return k < n && (at(k) & 0xC0U) == 0x80U; };
  while (i < n) {
    const unsigned b = at(i);
    if (b < 0x80U) {
      ++i;
      continue;
    }
    if (b >= 0xC2U && b <= 0xDFU) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xE0U && b <= 0xEFU) {
      if (!cont(i + 1) || !cont(i + 2)) return i;
      const unsigned b1 = at(i + 1);
      if (b == 0xE0U && b1 < 0xA0U) return i;   // overlong
      if (b == 0xEDU && b1 >= 0xA0U) return i;  // a UTF-16 surrogate
      i += 3;
    } else if (b >= 0xF0U && b <= 0xF4U) {
      if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return i;
      const unsigned b1 = at(i + 1);
      if (b == 0xF0U && b1 < 0x90U) return i;   // overlong
      if (b == 0xF4U && b1 >= 0x90U) return i;  // above U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

namespace {

struct Iconv {
  iconv_t handle;
  Iconv() : handle(iconv_open("UTF-8", "GB18030")) {}
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  Iconv(Iconv&&) = delete;
  Iconv& operator=(Iconv&&) = delete;
  ~Iconv() {
    if (ok()) iconv_close(handle);
  }
  // iconv's documented failure value is (iconv_t)-1.
  // NOLINTNEXTLINE(performance-no-int-to-ptr,cppcoreguidelines-pro-type-reinterpret-cast)
  [[nodiscard]] bool ok() const noexcept { return handle != reinterpret_cast<iconv_t>(-1); }
};

struct GbResult {
  std::string text;
  std::size_t bad_offset = std::string_view::npos;  ///< where decoding failed, if it did
  bool unavailable = false;                         ///< iconv has no GB18030
};

// GB18030 to UTF-8 with iconv; stops at the first byte sequence that is not GB18030.
GbResult decode_gb18030(std::string_view bytes) {
  GbResult out;
  Iconv cd;
  if (!cd.ok()) {
    out.unavailable = true;
    return out;
  }
  std::vector<char> in(bytes.begin(), bytes.end());
  char* in_ptr = in.data();
  std::size_t in_left = in.size();
  // A GB18030 character of 1, 2 or 4 bytes becomes at most 4 bytes of UTF-8.
  std::string buffer(in.size() * 2 + 16, '\0');
  std::size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = buffer.data() + written;
    std::size_t out_left = buffer.size() - written;
    const std::size_t r = iconv(cd.handle, &in_ptr, &in_left, &out_ptr, &out_left);
    written = static_cast<std::size_t>(out_ptr - buffer.data());
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      buffer.resize(buffer.size() * 2);
      continue;
    }
    // EILSEQ: an invalid sequence; EINVAL: a sequence cut off by the end of the input.
    out.bad_offset = static_cast<std::size_t>(in_ptr - in.data());
    break;
  }
  buffer.resize(written);
  out.text = std::move(buffer);
  return out;
}

std::string hex_bytes(std::string_view bytes, std::size_t offset) {
  std::string out;
  const std::size_t end = std::min(bytes.size(), offset + 4);
  for (std::size_t i = offset; i < end; ++i) {
    char b[8];
    std::snprintf(b, sizeof b, "%s0x%02X", out.empty() ? "" : " ",
                  static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
    out += b;
  }
  return out;
}

std::size_t line_start(std::string_view bytes, std::size_t offset) {
  const std::size_t nl = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  return (nl == std::string_view::npos || nl >= offset) ? 0 : nl + 1;
}

std::uint32_t count_lines(std::string_view bytes, std::size_t offset) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(
      std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1,
      UINT32_MAX));
}

}  // namespace

tl::expected<DecodedText, LoadError> decode_text(std::string_view bytes,
                                                 std::string_view file_name) {
  const auto fail = [&](std::uint32_t line, std::uint32_t column, std::string message) {
    return tl::unexpected(LoadError{std::string(file_name), line, column, {}, std::move(message)});
  };
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    const std::string_view rest = bytes.substr(3);
    const std::size_t bad = invalid_utf8_offset(rest);
    if (bad != std::string_view::npos) {
      const TextPosition p = position_of(rest, bad);
      return fail(p.line, p.column,
                  "invalid UTF-8 (" + hex_bytes(rest, bad) +
                      ") in a file that starts with the UTF-8 byte order mark");
    }
    return DecodedText{std::string(rest), TextEncoding::utf8_bom};
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return fail(1, 1,
                "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or as "
                "CSV in GB18030/GBK");
  }
  const std::size_t bad_utf8 = invalid_utf8_offset(bytes);
  if (bad_utf8 == std::string_view::npos)
    return DecodedText{std::string(bytes), TextEncoding::utf8};
  GbResult gb = decode_gb18030(bytes);
  if (gb.unavailable) {
    const TextPosition p = position_of(bytes, bad_utf8);
    return fail(p.line, p.column,
                "invalid UTF-8 (" + hex_bytes(bytes, bad_utf8) +
                    "), and this system's iconv cannot decode GB18030");
  }
  if (gb.bad_offset == std::string_view::npos) {
    return DecodedText{std::move(gb.text), TextEncoding::gb18030};
  }
  // Neither: the place where the encoding that reads further breaks.
  const std::string what = "neither UTF-8 nor GB18030";
  if (bad_utf8 >= gb.bad_offset) {
    const TextPosition p = position_of(bytes, bad_utf8);
    return fail(p.line, p.column,
                "invalid bytes " + hex_bytes(bytes, bad_utf8) + ": the text is " + what +
                    " (it reads as UTF-8 up to here)");
  }
  const std::size_t start = line_start(bytes, gb.bad_offset);
  const GbResult line = decode_gb18030(bytes.substr(start, gb.bad_offset - start));
  const TextPosition in_line = position_of(line.text, line.text.size());
  return fail(count_lines(bytes, gb.bad_offset), in_line.column,
              "invalid bytes " + hex_bytes(bytes, gb.bad_offset) + ": the text is " + what +
                  " (it reads as GB18030 up to here)");
}

}  // namespace fisc
