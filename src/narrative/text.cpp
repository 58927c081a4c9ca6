// SPDX-License-Identifier: BSL-1.0
#include "text.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fisc::narrative_detail {

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    std::size_t n = 1;
    char32_t c = b;
    if (b >= 0xF0) {
      n = 4;
      c = b & 0x07U;
    } else if (b >= 0xE0) {
      n = 3;
      c = b & 0x0FU;
    } else if (b >= 0xC0) {
      n = 2;
      c = b & 0x1FU;
    }
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k) {
      c = (c << 6U) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
    }
    out.push_back(c);
    i += n;
  }
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0U | (c >> 6U)));
      out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0U | (c >> 12U)));
      out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
    } else {
      out.push_back(static_cast<char>(0xF0U | (c >> 18U)));
      out.push_back(static_cast<char>(0x80U | ((c >> 12U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
      out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
    }
  }
  return out;
}

char32_t fold(char32_t c) noexcept {
  switch (c) {
    case U'(': return U'（';
    case U')': return U'）';
    case U':': return U'：';
    case U';': return U'；';
    case U'\u3000':
    case U'\u00A0': return U' ';
    case U'．': return U'.';
    case U'％': return U'%';
    case U'，': return U'，';
    case U'－':
    case U'—': return c;
    default: break;
  }
  if (c >= U'０' && c <= U'９') return U'0' + (c - U'０');
  if ((c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ')) return c - 0xFEE0;
  return c;
}

namespace {

std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool is_cn_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

/// The heading a line starts with: its level, its label and how many code points the number
/// takes; level -1 when the line is not a heading.
struct Marker {
  int level = -1;
  std::u32string label;
  std::size_t length = 0;
};

Marker marker_of(std::u32string_view s) {
  Marker m;
  std::size_t i = 0;
  if (s.starts_with(U"第")) {
    i = 1;
    while (i < s.size() && is_cn_numeral(s[i])) ++i;
    if (i > 1 && s.substr(i).starts_with(U"部分"))
      return {0, std::u32string(s.substr(0, i + 2)), i + 2};
    return m;
  }
  if (s.starts_with(U"附件") || s.starts_with(U"附")) {
    i = s.starts_with(U"附件") ? 2 : 1;
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    const bool bare = j == i && s.size() == i;  // "附件" alone
    if (j > i || bare) return {0, std::u32string(U"附") + std::u32string(s.substr(i, j - i)), j};
    return m;
  }
  if (s.starts_with(U"其他重要事项")) return {1, U"其他重要事项说明", 0};
  if (!s.empty() && is_cn_numeral(s[0])) {
    while (i < s.size() && is_cn_numeral(s[i])) ++i;
    if (i < s.size() && (s[i] == U'、' || s[i] == U'.'))
      return {1, std::u32string(s.substr(0, i)), i + 1};
    return m;
  }
  if (s.starts_with(U"（")) {
    i = 1;
    if (i < s.size() && is_cn_numeral(s[i])) {
      while (i < s.size() && is_cn_numeral(s[i])) ++i;
      if (i < s.size() && s[i] == U'）') return {2, std::u32string(s.substr(0, i + 1)), i + 1};
    } else if (i < s.size() && is_digit(s[i])) {
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i < s.size() && s[i] == U'）' && i <= 3)
        return {4, std::u32string(s.substr(0, i + 1)), i + 1};
    }
    return m;
  }
  if (!s.empty() && is_digit(s[0])) {
    while (i < s.size() && is_digit(s[i])) ++i;
    // "1." or "1、" but not "1.5万元"; at most two digits (a list, not a year).
    if (i <= 2 && i < s.size() &&
        (s[i] == U'、' || (s[i] == U'.' && (i + 1 >= s.size() || !is_digit(s[i + 1]))))) {
      return {3, std::u32string(s.substr(0, i)), i + 1};
    }
  }
  return m;
}

/// A page number or a running header: "— 5 —", "-12-", "第 3 页", "3/40".
bool is_page_number(std::u32string_view s) {
  if (s.empty()) return false;
  bool digit = false;
  for (const char32_t c : s) {
    if (is_digit(c)) {
      digit = true;
    } else if (std::u32string_view(U" -—–－/第页共").find(c) == std::u32string_view::npos) {
      return false;
    }
  }
  return digit;
}

/// Text an image turned into: mostly ASCII letters and signs, few Chinese characters.
bool is_garbage(std::u32string_view s) {
  if (s.starts_with(U"[image")) return true;
  std::size_t latin = 0;
  std::size_t cjk = 0;
  for (const char32_t c : s) {
    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) ++latin;
    if (c >= 0x4E00 && c <= 0x9FFF) ++cjk;
  }
  return latin >= 4 && latin > 2 * cjk;
}

bool ends_sentence(std::u32string_view s) {
  return !s.empty() &&
         std::u32string_view(U"。！？；：").find(s.back()) != std::u32string_view::npos;
}

}  // namespace

Layout lay_out(std::string_view utf8) {
  Layout layout;
  layout.headings.push_back(Heading{});
  std::vector<std::u32string> lines;
  {
    std::size_t start = 0;
    while (start <= utf8.size()) {
      const std::size_t end = std::min(utf8.find('\n', start), utf8.size());
      lines.push_back(to_u32(utf8.substr(start, end - start)));
      if (!lines.back().empty() && lines.back().back() == U'\r') lines.back().pop_back();
      if (end == utf8.size()) break;
      start = end + 1;
    }
  }
  // Short lines that come back again and again are running headers. The longest lines are as
  // wide as the page's text: one of them that ends in ；or ：was broken there, not ended.
  std::unordered_map<std::u32string, int> seen;
  std::size_t full_width = 0;
  for (const auto& line : lines) {
    const auto t = trim(line);
    if (!t.empty() && t.size() <= 40 && !ends_sentence(t)) ++seen[std::u32string(t)];
    full_width = std::max(full_width, t.size());
  }

  constexpr auto none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> stack(5, none);  // the heading of each level now open
  std::size_t current = 0;
  std::size_t table = none;  // the table whose cells the lines are
  Paragraph* open = nullptr;
  bool open_may_continue = false;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::u32string& original = lines[n];
    std::u32string folded(original.size(), U' ');
    std::transform(original.begin(), original.end(), folded.begin(), fold);
    const auto line_no = static_cast<std::uint32_t>(n + 1);
    const std::u32string_view t = trim(folded);
    // A project performance table: its title, then one cell per tab-led line.
    if (t == U"项目支出绩效目标完成情况表" || t == U"项目支出绩效自评表") {
      const auto lead = static_cast<std::size_t>(t.data() - folded.data());
      layout.tables.push_back(TableBlock{
          line_no, static_cast<std::uint32_t>(lead + 1), std::u32string(t), current, {}});
      table = layout.tables.size() - 1;
      open = nullptr;
      continue;
    }
    if (table != none) {
      if (!original.empty() && original.front() == U'\t') {
        std::size_t b = 0;
        while (b < original.size() && is_blank(original[b])) ++b;
        std::size_t e = original.size();
        while (e > b && is_blank(original[e - 1])) --e;
        layout.tables[table].cells.push_back(
            Cell{line_no, static_cast<std::uint32_t>(b + 1), original.substr(b, e - b)});
        continue;
      }
      if (t.empty() || (t.starts_with(U"（") && t.ends_with(U"年度）"))) continue;  // (2020年度)
      table = none;
    }
    if (t.empty()) {
      open = nullptr;
      continue;
    }
    if (!original.empty() && original.front() == U'\t') {
      layout.others.push_back({line_no, original, true});
      open = nullptr;
      continue;
    }
    const auto repeat = seen.find(std::u32string(t));
    if (is_page_number(t) || is_garbage(t) || (repeat != seen.end() && repeat->second >= 3)) {
      layout.others.push_back({line_no, original, false});
      continue;  // a page break does not end the paragraph it interrupts
    }
    auto lead = static_cast<std::size_t>(t.data() - folded.data());
    const Marker m = marker_of(t);
    if (m.level >= 0) {
      Heading h;
      h.level = m.level;
      h.label = to_utf8(m.label);
      const auto words = t.substr(m.length);
      h.text =
          std::u32string(words.substr(0, std::min<std::size_t>(words.find_first_of(U"。："), 48)));
      const auto level = static_cast<std::size_t>(m.level);
      std::fill(stack.begin() + static_cast<std::ptrdiff_t>(level), stack.end(), none);
      stack[level] = layout.headings.size();
      for (const std::size_t k : stack) {
        if (k == none) continue;
        const Heading& above = k == stack[level] ? h : layout.headings[k];
        if (!h.section.empty() && !above.label.starts_with("（")) h.section += ' ';
        h.section += above.label;
        if (&above != &h) h.context += above.text + U" ";
      }
      h.context += h.text;
      layout.headings.push_back(std::move(h));
      current = layout.headings.size() - 1;
      open = nullptr;
      // A numbered line with figures ("1.一般公共服务（类）: 支出决算为611.15万元") is also text.
      if (t.find_first_of(U"0123456789", m.length) == std::u32string_view::npos) continue;
      lead += m.length;
    }
    const bool join = open != nullptr && open_may_continue && m.level < 0;
    if (!join) {
      layout.paragraphs.push_back(Paragraph{});
      open = &layout.paragraphs.back();
      open->heading = current;
    }
    for (std::size_t k = lead; k < folded.size(); ++k) {
      open->text.push_back(folded[k]);
      open->original.push_back(original[k]);
      open->places.push_back({line_no, static_cast<std::uint32_t>(k + 1)});
    }
    // A long line that stops without a full stop was broken: the next line continues it.
    const bool full =
        t.size() >= 30 && t.size() + 2 >= full_width && (t.back() == U'；' || t.back() == U'：');
    open_may_continue = (!ends_sentence(t) && t.size() >= 20) || full;
  }
  return layout;
}

}  // namespace fisc::narrative_detail
