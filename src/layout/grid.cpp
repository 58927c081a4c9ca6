// SPDX-License-Identifier: BSL-1.0
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "fisc/layout/page.hpp"

namespace fisc {

namespace {

// The number of code points of a UTF-8 string, and whether one of them is CJK (U+2E80 and
// above: ideographs, CJK punctuation, full-width forms).
struct Glyphs {
  std::size_t count = 0;
  bool cjk = false;
};

Glyphs glyphs_of(std::string_view s) {
  Glyphs g;
  for (std::size_t i = 0; i < s.size(); ++g.count) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE2 && c < 0xF0 &&
        (c > 0xE2 || (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xBA))) {
      g.cjk = true;
    }
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return g;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

double centre(const PageWord& w) { return (w.top + w.bottom) / 2; }

// The width of a Chinese character on the page, and how far below the boxes of other words
// the boxes of Chinese words are centred where the two touch on one line (all such pairs).
struct Measures {
  std::vector<double> cjk_widths;    // of one character of each Chinese word
  std::vector<double> other_widths;  // of one character of each other word
  std::vector<double> offsets;
};

void measure(const LaidOutPage& page, const std::vector<Glyphs>& glyphs, Measures& m) {
  for (std::size_t k = 0; k < page.words.size(); ++k) {
    const PageWord& w = page.words[k];
    if (glyphs[k].count == 0) continue;
    (glyphs[k].cjk ? m.cjk_widths : m.other_widths)
        .push_back((w.right - w.left) / static_cast<double>(glyphs[k].count));
  }
}

// Where Chinese and other words touch on one line: how far apart their boxes' centres are.
void measure_offsets(const LaidOutPage& page, const std::vector<Glyphs>& glyphs, double unit,
                     Measures& m) {
  for (std::size_t a = 0; a < page.words.size(); ++a) {
    if (!glyphs[a].cjk) continue;
    const PageWord& han = page.words[a];
    for (std::size_t b = 0; b < page.words.size(); ++b) {
      if (glyphs[b].cjk || glyphs[b].count == 0) continue;
      const PageWord& other = page.words[b];
      const double gap = std::max(other.left - han.right, han.left - other.right);
      const double rise = centre(han) - centre(other);
      if (gap > -unit / 4 && gap < unit / 2 && std::abs(rise) < unit) m.offsets.push_back(rise);
    }
  }
}

LaidOutPage place(const LaidOutPage& page, const std::vector<Glyphs>& glyphs, double unit,
                  double offset) {
  LaidOutPage out;
  out.number = page.number;
  std::vector<std::size_t> order(page.words.size());
  std::vector<double> at(page.words.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    order[k] = k;
    at[k] = centre(page.words[k]) + (glyphs[k].cjk ? 0 : offset);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return at[a] < at[b]; });
  const double tolerance = unit / 3;
  std::optional<double> line_start;
  double line = -1;
  for (const std::size_t k : order) {
    if (!line_start || at[k] - *line_start > tolerance) {
      line_start = at[k];
      line += 1;
    }
    const PageWord& w = page.words[k];
    out.words.push_back(PageWord{w.text, w.left / unit, line, w.right / unit, line + 1, w.line});
  }
  if (page.width > 0) out.width = page.width / unit;
  out.height = line + 1;
  return out;
}

}  // namespace

std::vector<LaidOutPage> on_character_grid(std::span<const LaidOutPage> pages) {
  // One unit for the whole document, so that a table's columns keep their place on the pages
  // it runs onto.
  std::vector<std::vector<Glyphs>> glyphs(pages.size());
  Measures m;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const PageWord& w : pages[p].words) glyphs[p].push_back(glyphs_of(w.text));
    measure(pages[p], glyphs[p], m);
  }
  // A Chinese character is as wide as two digits.
  double unit = median(m.cjk_widths);
  if (!(unit > 0)) unit = 2 * median(m.other_widths);
  if (!(unit > 0)) unit = 1;
  for (std::size_t p = 0; p < pages.size(); ++p) measure_offsets(pages[p], glyphs[p], unit, m);
  const double offset = median(m.offsets);
  std::vector<LaidOutPage> out;
  out.reserve(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    out.push_back(place(pages[p], glyphs[p], unit, offset));
  }
  return out;
}

}  // namespace fisc
