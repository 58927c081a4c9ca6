// SPDX-License-Identifier: BSL-1.0
// Mentions (Report::mentions) read off a text: see mentions.hpp for the forms.
//
// The text is read as one stream of its visible characters, folded (text.hpp) and without the
// spaces and line breaks between them, each with its place: pdftotext spaces digits apart from
// Chinese and breaks lines anywhere, and a date or a title must be found however it was broken.
#include "mentions.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/facts/source.hpp"
#include "text.hpp"

namespace fisc::narrative_detail {

namespace {

/// A visible character of the text: folded, with its place in the text and whether it is the
/// first of its line.
struct Glyph {
  char32_t c = 0;
  Place at;
  bool line_start = false;
};

bool is_cross(char32_t c) { return c == U'X' || c == U'x' || c == U'×' || c == U'*' || c == U'＊'; }

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

class Scanner {
 public:
  Scanner(std::string_view utf8, const std::string& file) : file_(file) {
    std::size_t start = 0;
    std::uint32_t line = 0;
    while (start <= utf8.size()) {
      const std::size_t end = std::min(utf8.find('\n', start), utf8.size());
      lines_.push_back(to_u32(utf8.substr(start, end - start)));
      ++line;
      bool first = true;
      const std::u32string& text = lines_.back();
      for (std::size_t k = 0; k < text.size(); ++k) {
        const char32_t c = fold(text[k]);
        if (is_blank(c)) continue;
        glyphs_.push_back(Glyph{c, Place{line, static_cast<std::uint32_t>(k + 1)}, first});
        first = false;
      }
      if (end == utf8.size()) break;
      start = end + 1;
    }
  }

  std::vector<Mention> scan() {
    for (std::size_t i = 0; i < glyphs_.size(); ++i) {
      if (glyphs_[i].line_start) title_line(i);
      if (const auto m = self_name(i)) {
        out_.push_back(*m);
      } else if (const auto d = as_of(i)) {
        out_.push_back(*d);
      } else if (const std::size_t end = placeholder(i); end > i) {
        out_.push_back(placeholder_mention(i, end));
        i = end - 1;
      }
    }
    std::stable_sort(out_.begin(), out_.end(), [](const Mention& a, const Mention& b) {
      return std::tie(a.source.span->line, a.source.span->column) <
             std::tie(b.source.span->line, b.source.span->column);
    });
    return std::move(out_);
  }

 private:
  const std::string& file_;
  std::vector<std::u32string> lines_;
  std::vector<Glyph> glyphs_;
  std::vector<Mention> out_;

  [[nodiscard]] char32_t at(std::size_t i) const { return i < glyphs_.size() ? glyphs_[i].c : 0; }

  [[nodiscard]] bool word_at(std::size_t i, std::u32string_view w) const {
    for (std::size_t k = 0; k < w.size(); ++k) {
      if (at(i + k) != w[k]) return false;
    }
    return true;
  }

  /// Digits from `i` (at most `most`), their value and count.
  [[nodiscard]] std::pair<int, std::size_t> digits(std::size_t i, std::size_t most) const {
    int v = 0;
    std::size_t n = 0;
    while (n < most && is_digit(at(i + n))) {
      v = v * 10 + static_cast<int>(at(i + n) - U'0');
      ++n;
    }
    if (is_digit(at(i + n))) return {0, 0};  // more digits than a year, month or day has
    return {v, n};
  }

  /// A year "YYYY年" at `i`: its value, or nothing.
  [[nodiscard]] std::optional<std::int32_t> year_at(std::size_t i) const {
    if (i > 0 && is_digit(at(i - 1))) return std::nullopt;
    const auto [v, n] = digits(i, 4);
    if (n != 4 || at(i + 4) != U'年' || v < 1990 || v > 2100) return std::nullopt;
    return v;
  }

  /// The words of glyphs [b, e) as written, without the spaces between them.
  [[nodiscard]] std::string words(std::size_t b, std::size_t e) const {
    std::u32string w;
    for (std::size_t k = b; k < e; ++k) {
      const Place p = glyphs_[k].at;
      w.push_back(lines_[p.line - 1][p.column - 1]);
    }
    return to_utf8(w);
  }

  [[nodiscard]] Source source(std::size_t b, std::size_t e) const {
    Source s;
    s.file = file_;
    const Place first = glyphs_[b].at;
    const Place last = glyphs_[e - 1].at;
    const auto length = first.line == last.line ? last.column - first.column + 1
                                                : static_cast<std::uint32_t>(e - b);
    s.span = TextSpan{first.line, first.column, length};
    return s;
  }

  // 2024年度部门决算情况说明, 纳入…2024年度部门决算编制范围, a title line 2024年度部门决算.
  [[nodiscard]] std::optional<Mention> self_name(std::size_t i) const {
    const auto year = year_at(i);
    if (!year) return std::nullopt;
    if (i > 0 &&
        std::u32string_view(U"与比较同和及、至-—~").find(at(i - 1)) != std::u32string_view::npos) {
      return std::nullopt;
    }
    std::size_t j = i + 5;
    if (at(j) == U'度') ++j;
    const bool whose = word_at(j, U"部门") || word_at(j, U"单位");
    if (whose) j += 2;
    std::optional<ReportKind> names;
    if (word_at(j, U"决算")) names = ReportKind::final_accounts;
    if (word_at(j, U"预算")) names = ReportKind::budget;
    if (!names) return std::nullopt;
    j += 2;
    const bool ends = j >= glyphs_.size() || glyphs_[j].line_start;
    std::size_t end = j;
    bool titled = false;
    for (const std::u32string_view w : {U"表", U"情况说明", U"说明", U"编制说明"}) {
      if (word_at(j, w)) {
        end = j + w.size();
        titled = true;
        break;
      }
    }
    const bool names_itself =
        titled || ends || word_at(j, U"编制") || word_at(j, U"公开") || word_at(j, U"报告");
    if (!names_itself || (!whose && !titled)) return std::nullopt;
    Mention m;
    m.kind = MentionKind::self_name;
    m.text = words(i, end);
    m.year = *year;
    m.names = names;
    m.source = source(i, end);
    return m;
  }

  // A table's title on a line of its own: "2025年单位“三公”经费和机关运行经费预算表".
  void title_line(std::size_t first) {
    const std::uint32_t line = glyphs_[first].at.line;
    std::size_t end = first;
    while (end < glyphs_.size() && glyphs_[end].at.line == line) ++end;
    std::size_t last = end;  // past the title's 表, before a （续）
    if (last - first >= 4 && at(last - 1) == U'）' && at(last - 2) == U'续' &&
        at(last - 3) == U'（') {
      last -= 3;
    }
    if (end - first > 60 || last == first || at(last - 1) != U'表') return;
    for (std::size_t k = first; k < last; ++k) {
      if (at(k) == U'。' || at(k) == U'，') return;  // a sentence, not a title
    }
    for (std::size_t k = first; k + 4 < last; ++k) {
      const auto year = year_at(k);
      if (!year) continue;
      // An inline self-name on this line (部门决算表) is read by self_name.
      if (self_name(k)) return;
      Mention m;
      m.kind = MentionKind::self_name;
      m.text = words(k, end);
      m.year = *year;
      // The last 决算 or 预算 of the title says which (一般公共预算财政拨款支出决算表: 决算).
      for (std::size_t b = last - 1; b > k + 5; --b) {
        if (at(b) != U'算') continue;
        if (at(b - 1) == U'决') m.names = ReportKind::final_accounts;
        if (at(b - 1) == U'预') m.names = ReportKind::budget;
        if (m.names) break;
      }
      m.source = source(k, end);
      out_.push_back(std::move(m));
      return;
    }
  }

  // 截至2024年12月31日, 截止到2024年末, 截至2024年8月.
  [[nodiscard]] std::optional<Mention> as_of(std::size_t i) const {
    if (!word_at(i, U"截至") && !word_at(i, U"截止")) return std::nullopt;
    std::size_t j = i + 2;
    if (at(j) == U'到' || at(j) == U'至') ++j;
    const auto year = year_at(j);
    if (!year) return std::nullopt;
    j += 5;
    int month = 0;
    int day = 0;
    if (word_at(j, U"年末") || word_at(j, U"年底") || at(j) == U'末' || at(j) == U'底') {
      month = 12;
      day = 31;
      j += at(j) == U'年' ? 2 : 1;
    } else {
      const auto [mv, mn] = digits(j, 2);
      if (mn == 0 || at(j + mn) != U'月' || mv < 1 || mv > 12) return std::nullopt;
      month = mv;
      j += mn + 1;
      const auto [dv, dn] = digits(j, 2);
      if (dn > 0 && at(j + dn) == U'日') {
        if (dv < 1 || dv > days_in(*year, month)) return std::nullopt;
        day = dv;
        j += dn + 1;
      } else {
        day = days_in(*year, month);  // 截至2024年8月: the month's end
        if (at(j) == U'末' || at(j) == U'底') ++j;
      }
    }
    Mention m;
    m.kind = MentionKind::as_of;
    m.text = words(i, j);
    m.year = *year;
    m.month = static_cast<std::uint8_t>(month);
    m.day = static_cast<std::uint8_t>(day);
    m.source = source(i, j);
    return m;
  }

  /// The end of a placeholder starting at `i`, or `i` when there is none.
  [[nodiscard]] std::size_t placeholder(std::size_t i) const {
    if (at(i) == U'某') {
      std::size_t e = i;
      while (at(e) == U'某') ++e;
      return e - i >= 2 ? e : i;
    }
    if (!is_cross(at(i)) || (i > 0 && (is_cross(at(i - 1)) || is_latin(at(i - 1))))) return i;
    std::size_t e = i;
    while (is_cross(at(e))) ++e;
    if (is_latin(at(e))) return i;  // part of a Latin word
    if (e - i >= 2) return e;
    // One X: only where a figure or a date goes (X月X日, X%, X万元).
    const bool digit_before = i > 0 && is_digit(at(i - 1));
    if ((at(i) == U'X' || at(i) == U'x') && !digit_before &&
        std::u32string_view(U"年月日%万元个名人辆项家次").find(at(e)) !=
            std::u32string_view::npos) {
      return e;
    }
    return i;
  }

  [[nodiscard]] Mention placeholder_mention(std::size_t b, std::size_t e) const {
    Mention m;
    m.kind = MentionKind::placeholder;
    m.text = words(b, e);
    const std::u32string& line = lines_[glyphs_[b].at.line - 1];
    std::size_t lb = 0;
    std::size_t le = line.size();
    while (lb < le && is_blank(fold(line[lb]))) ++lb;
    while (le > lb && is_blank(fold(line[le - 1]))) --le;
    constexpr std::size_t kMost = 60;
    m.context = to_utf8(std::u32string_view(line).substr(lb, std::min(le - lb, kMost)));
    m.source = source(b, e);
    return m;
  }
};

}  // namespace

std::vector<Mention> find_mentions(std::string_view utf8, const std::string& file) {
  return Scanner(utf8, file).scan();
}

}  // namespace fisc::narrative_detail
