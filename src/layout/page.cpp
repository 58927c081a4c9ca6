// SPDX-License-Identifier: BSL-1.0
#include "fisc/layout/page.hpp"

#include <cstddef>

namespace fisc {

namespace {

// The length of the UTF-8 sequence that starts with `lead` (1 for a byte that starts none, so
// that text which is not UTF-8 still advances one column per byte).
std::size_t sequence_length(unsigned char lead) noexcept {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC2 && lead < 0xE0) return 2;
  return 1;
}

}  // namespace

std::vector<LaidOutPage> lay_out_text(std::string_view utf8) {
  std::vector<LaidOutPage> pages(1);
  std::uint32_t line_in_page = 0;
  std::uint32_t line_in_text = 1;
  std::uint32_t column = 0;
  PageWord word;
  bool in_word = false;
  const auto end_word = [&] {
    if (!in_word) return;
    word.right = column;
    pages.back().words.push_back(std::move(word));
    word = PageWord{};
    in_word = false;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == '\n' || c == '\f') {
      end_word();
      ++line_in_text;
      column = 0;
      if (c == '\f') {
        pages.push_back(
            LaidOutPage{.number = pages.back().number + 1, .width = 0, .height = 0, .words = {}});
        line_in_page = 0;
        // pdftotext writes the form feed at the start of the next page's first line.
        --line_in_text;
      } else {
        ++line_in_page;
      }
      ++i;
      continue;
    }
    const std::size_t n = std::min(sequence_length(c), utf8.size() - i);
    const std::string_view ch = utf8.substr(i, n);
    const bool space = ch == " " || ch == "\t" || ch == "\r" || ch == "\u3000";
    if (space) {
      end_word();
    } else {
      if (!in_word) {
        word.left = column;
        word.top = line_in_page;
        word.bottom = line_in_page + 1;
        word.line = line_in_text;
        in_word = true;
      }
      word.text.append(ch);
    }
    ++column;
    i += n;
  }
  end_word();
  if (pages.size() > 1 && pages.back().words.empty()) pages.pop_back();
  return pages;
}

}  // namespace fisc
