// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/load_error.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace fisc {

std::string describe(const LoadError& error) {
  std::string out = error.file.empty() ? std::string("<input>") : error.file;
  if (error.line != 0) {
    out += ':' + std::to_string(error.line);
    if (error.column != 0) out += ':' + std::to_string(error.column);
  }
  if (!error.path.empty()) out += ": " + error.path;
  out += ": ";
  out += error.message;
  return out;
}

TextPosition position_of(std::string_view text, std::size_t offset) noexcept {
  offset = std::min(offset, text.size());
  constexpr auto max = std::numeric_limits<std::uint32_t>::max();
  TextPosition p;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      if (p.line < max) ++p.line;
      p.column = 1;
    } else if ((byte & 0xC0U) != 0x80U && p.column < max) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace fisc
