// SPDX-License-Identifier: BSL-1.0
// The narrative reader's view of a text: lines of code points with their places, folded so that
// full-width digits and punctuation read as their ASCII forms, and the paragraphs, headings and
// noise lines of a 决算说明. Private to src/narrative.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fisc::narrative_detail {

/// The code points of valid UTF-8 (the decoder has checked it).
[[nodiscard]] std::u32string to_u32(std::string_view utf8);
/// UTF-8 of code points.
[[nodiscard]] std::string to_utf8(std::u32string_view text);

/// The form the reader matches in: full-width digits, %, ., +, - and letters to ASCII; ASCII
/// brackets, colon and semicolon to their full-width forms (the forms the lexicon is written
/// in); the ideographic space and U+00A0 to a space. One code point for one, so columns stay.
[[nodiscard]] char32_t fold(char32_t c) noexcept;

/// An ASCII digit (full-width digits fold to these).
[[nodiscard]] constexpr bool is_digit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }
/// An ASCII letter (full-width letters fold to these).
[[nodiscard]] constexpr bool is_latin(char32_t c) noexcept {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}
/// A CJK unified ideograph of the basic block.
[[nodiscard]] constexpr bool is_cjk(char32_t c) noexcept { return c >= 0x4E00 && c <= 0x9FFF; }
/// Blank within a line: also the form feed pdftotext writes before each page's first line, so a
/// heading at the top of a page is still a heading.
[[nodiscard]] constexpr bool is_blank(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v';
}

/// A place in the text: 1-based line, 1-based column in code points.
struct Place {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// Running text joined over the lines it was broken on, each code point with its place.
struct Paragraph {
  std::u32string text;        ///< folded
  std::u32string original;    ///< as written
  std::vector<Place> places;  ///< one per code point
  std::size_t heading = 0;    ///< index into Layout::headings of the heading it falls under
};

/// A heading of the document's own numbering (第二部分, 七、, （二）, 2., （1）, 附1).
struct Heading {
  int level = 0;      ///< 0 part, 1 一、, 2 （一）, 3 1., 4 （1）
  std::string label;  ///< the number as written, for sections: "第二部分", "七", "（二）", "2"
  std::u32string text;  ///< the heading's words (folded), for what they say of the figures
  std::string section;  ///< the labels of this heading and those above it: "第二部分 七 2（1）"
  std::u32string context;  ///< the words of this heading and those above it
};

/// A line that is not running text: a page header or footer, a table row (tab-led), a caption.
struct OtherLine {
  std::uint32_t line = 0;
  std::u32string original;
  bool table = false;  ///< starts with a tab: a row of a table the extraction flattened
};

/// A cell of a table the extraction flattened to one cell per tab-led line; an empty text is a
/// tab-only line, which separates rows.
struct Cell {
  std::uint32_t line = 0;
  std::uint32_t column = 0;  ///< of the cell's first character
  std::u32string text;       ///< as written, trailing spaces removed
};

/// A 项目支出绩效目标完成情况表: its title's place and its cells in order.
struct TableBlock {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::u32string title;
  std::size_t heading = 0;
  std::vector<Cell> cells;
};

struct Layout {
  std::vector<Heading> headings;  ///< [0] is the document before any heading
  std::vector<Paragraph> paragraphs;
  std::vector<OtherLine> others;
  std::vector<TableBlock> tables;
};

/// Splits decoded UTF-8 text into headings, paragraphs and other lines.
[[nodiscard]] Layout lay_out(std::string_view utf8);

}  // namespace fisc::narrative_detail
