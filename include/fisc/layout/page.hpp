// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// Pages as words with their places: what a PDF's text layer gives (fisc/pdf) and what text laid
/// out in columns (`pdftotext -layout`) gives, so that one table reader serves both.
///
/// 版面. Coordinates grow rightwards and downwards from the page's top left corner. Their unit is
/// the source's own: points for a PDF, character columns and lines for laid-out text, where a word
/// on line n (0-based) spans top = n to bottom = n + 1. Readers compare positions only with one
/// another and with the words' own heights, never with absolute sizes.
namespace fisc {

/// One word of a page: a run of characters without a space, as the source separates them.
struct PageWord {
  std::string text;  ///< UTF-8
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
  /// 1-based line of the word in the source, for places: the line of a laid-out text file, or
  /// the line of the page's text in reading order for a PDF; 0 when not known.
  std::uint32_t line = 0;
  friend bool operator==(const PageWord&, const PageWord&) = default;
};

/// One page: its 1-based number and its words in the source's order.
struct LaidOutPage {
  std::uint32_t number = 1;
  double width = 0;   ///< 0 when not known
  double height = 0;  ///< 0 when not known
  std::vector<PageWord> words;
  friend bool operator==(const LaidOutPage&, const LaidOutPage&) = default;
};

/// The pages of text laid out in columns, as `pdftotext -layout` writes it: a form feed (U+000C)
/// ends a page; a word is a run of characters other than spaces (U+0020, U+3000, tab); its
/// left is its column (0-based, in code points), its top its line within the page (0-based).
/// Its `line` is its 1-based line in the whole text, for places. `utf8` must be UTF-8 (decode
/// first: fisc/io/encoding.hpp); a byte sequence that is not UTF-8 counts one column per byte.
[[nodiscard]] std::vector<LaidOutPage> lay_out_text(std::string_view utf8);

/// A page whose words are in points (a PDF's, fisc/pdf/document.hpp) put on the grid of
/// character cells that `lay_out_text` gives, so that read_tables reads both alike: a word's
/// left and right become the document's median CJK character width as the unit; words whose
/// vertical centres are within a third of that width are on one line, numbered from 0 down the
/// page (top), one unit high. Fonts disagree about where a glyph's box is: the digits of a
/// published table may have boxes centred several points above the Chinese beside them. That
/// offset is measured where a run of digits touches a run of Chinese on one line, and taken out
/// before lines are formed. Words keep their text and `line`.
/// The offset is measured over all the pages given, which should be one document's.
[[nodiscard]] std::vector<LaidOutPage> on_character_grid(std::span<const LaidOutPage> pages);

}  // namespace fisc
