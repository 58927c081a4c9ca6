// SPDX-License-Identifier: BSL-1.0
#include "fisc/perf/target.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/formatters.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace fisc {

std::string_view to_string(TargetErrc code) noexcept {
  switch (code) {
    case TargetErrc::empty: return "empty text";
    case TargetErrc::bad_utf8: return "invalid UTF-8";
    case TargetErrc::bad_figure: return "bad figure";
    case TargetErrc::missing_figure: return "missing figure";
    case TargetErrc::unexpected_character: return "unexpected character";
    case TargetErrc::conflicting_comparators: return "conflicting comparators";
    case TargetErrc::unit_mismatch: return "range ends in different units";
    case TargetErrc::reversed_range: return "range low end above its high end";
    case TargetErrc::invalid_year: return "invalid year";
    case TargetErrc::invalid_month: return "invalid month";
    case TargetErrc::invalid_day: return "invalid day";
    case TargetErrc::invalid_quarter: return "invalid quarter";
  }
  return "unknown target error";
}

std::string_view to_string(TargetOutcome outcome) noexcept {
  switch (outcome) {
    case TargetOutcome::met: return "met";
    case TargetOutcome::not_met: return "not_met";
    case TargetOutcome::exceeded: return "exceeded";
    case TargetOutcome::needs_review: return "needs_review";
    case TargetOutcome::not_evaluable: return "not_evaluable";
  }
  return "?";
}

std::ostream& operator<<(std::ostream& os, TargetErrc code) { return os << to_string(code); }
std::ostream& operator<<(std::ostream& os, TargetOutcome outcome) {
  return os << to_string(outcome);
}

std::string describe(const TargetError& error) {
  std::string s =
      "column " + std::to_string(error.column) + ": " + std::string(to_string(error.code));
  if (error.figure) s += " (" + std::string(to_string(*error.figure)) + ")";
  return s;
}

Result<Interval> TargetQuantity::try_interval() const noexcept {
  return figure.try_interval().and_then(
      [&](const Interval& i) { return i.try_scale_by_power_of_ten(unit.scale); });
}

namespace {

using boost::gregorian::date;

constexpr bool is_continuation(unsigned char b) noexcept { return (b & 0xC0U) == 0x80U; }

// The offset of the first byte that does not begin or continue a valid UTF-8 sequence, if any
// (RFC 3629: no overlongs, surrogates or values above U+10FFFF).
std::optional<std::size_t> first_bad_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned char lo = 0x80U;
    unsigned char hi = 0xBFU;
    if (b < 0x80U) {
      n = 1;
    } else if (b >= 0xC2U && b < 0xE0U) {
      n = 2;
    } else if (b >= 0xE0U && b < 0xF0U) {
      n = 3;
      if (b == 0xE0U) lo = 0xA0U;
      if (b == 0xEDU) hi = 0x9FU;
    } else if (b >= 0xF0U && b < 0xF5U) {
      n = 4;
      if (b == 0xF0U) lo = 0x90U;
      if (b == 0xF4U) hi = 0x8FU;
    } else {
      return i;
    }
    if (i + n > s.size()) return i;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if (!is_continuation(c) || (k == 1 && (c < lo || c > hi))) return i;
    }
    i += n;
  }
  return std::nullopt;
}

std::size_t column_of(std::string_view s, std::size_t offset) noexcept {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (!is_continuation(static_cast<unsigned char>(s[i]))) ++column;
  }
  return column;
}

// The byte length of the (valid) UTF-8 character at `pos`.
std::size_t char_size(std::string_view s, std::size_t pos) noexcept {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80U) return 1;
  if (b < 0xE0U) return 2;
  if (b < 0xF0U) return 3;
  return 4;
}

bool is_digit_at(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size()) return false;
  if (s[pos] >= '0' && s[pos] <= '9') return true;
  // ０-９ are EF BC 90..99.
  return s.substr(pos, 2) == "\xEF\xBC" && pos + 2 < s.size() &&
         static_cast<unsigned char>(s[pos + 2]) >= 0x90U &&
         static_cast<unsigned char>(s[pos + 2]) <= 0x99U;
}

// Whether `w` is written at byte `pos` of `s`: its first byte compared before the rest, as the
// parser asks this at every character for every word of a list.
bool written_at(std::string_view s, std::size_t pos, std::string_view w) noexcept {
  return pos < s.size() && !w.empty() && s[pos] == w.front() && s.substr(pos).starts_with(w);
}

constexpr auto spaces = std::to_array<std::string_view>({" ", "\t", "\u3000", "\u00A0"});

std::size_t skip_spaces(std::string_view s, std::size_t pos) noexcept {
  for (bool more = true; more;) {
    more = false;
    for (const auto sp : spaces) {
      if (written_at(s, pos, sp)) {
        pos += sp.size();
        more = true;
      }
    }
  }
  return pos;
}

// The end of `s[begin, end)` without its trailing spaces.
std::size_t trim_back(std::string_view s, std::size_t begin, std::size_t end) noexcept {
  for (bool more = true; more;) {
    more = false;
    for (const auto sp : spaces) {
      if (end - begin >= sp.size() && s.substr(end - sp.size(), sp.size()) == sp) {
        end -= sp.size();
        more = true;
      }
    }
  }
  return end;
}

struct Word {
  std::string_view text;
  Comparator comparator;
  bool weak = false;  // 达, 达到: a word after the figure decides (达5%以下 is at most)
};

// Before a figure; longer words first where one ends another (大于等于 before 等于).
constexpr auto prefix_words = std::to_array<Word>({
    {"大于等于", Comparator::at_least}, {"小于等于", Comparator::at_most},
    {"不晚于", Comparator::at_most},    {"不迟于", Comparator::at_most},
    {"不低于", Comparator::at_least},   {"不少于", Comparator::at_least},
    {"不小于", Comparator::at_least},   {"不高于", Comparator::at_most},
    {"不超过", Comparator::at_most},    {"不多于", Comparator::at_most},
    {"不大于", Comparator::at_most},    {"达到", Comparator::at_least, true},
    {"至少", Comparator::at_least},     {"至多", Comparator::at_most},
    {"最多", Comparator::at_most},      {"超过", Comparator::more_than},
    {"高于", Comparator::more_than},    {"大于", Comparator::more_than},
    {"多于", Comparator::more_than},    {"低于", Comparator::less_than},
    {"少于", Comparator::less_than},    {"小于", Comparator::less_than},
    {"等于", Comparator::equal},        {"大约", Comparator::about},
    {"约", Comparator::about},          {"达", Comparator::at_least, true},
    {">=", Comparator::at_least},       {"<=", Comparator::at_most},
    {"≥", Comparator::at_least},        {"≧", Comparator::at_least},
    {"⩾", Comparator::at_least},        {"≤", Comparator::at_most},
    {"≦", Comparator::at_most},         {"⩽", Comparator::at_most},
    {"≈", Comparator::about},           {"=", Comparator::equal},
});
constexpr auto prefix_symbols = std::to_array<Word>({
    {">", Comparator::more_than},
    {"＞", Comparator::more_than},
    {"<", Comparator::less_than},
    {"＜", Comparator::less_than},
});
constexpr auto prefix_equal_fw = std::to_array<Word>({{"＝", Comparator::equal}});

// After a figure and its unit.
constexpr auto suffix_words = std::to_array<Word>({
    {"及以上", Comparator::at_least},
    {"以上", Comparator::at_least},
    {"及以下", Comparator::at_most},
    {"以下", Comparator::at_most},
    {"以内", Comparator::at_most},
    {"之内", Comparator::at_most},
    {"内", Comparator::at_most},
    {"左右", Comparator::about},
    {"上下", Comparator::about},
    {"（含）", Comparator::equal, true},
});

// Characters that only a figure, a comparator or a range would write: text after an item that
// starts with one of these is a broken figure, not words.
constexpr auto figure_syntax =
    std::to_array<std::string_view>({"%", "％", ".", "．", "-", "－", "—",  "–",  "～", "~",  "〜",
                                     "≥", "≤",  ">", "<",  "=", "＞", "＜", "＝", "(",  "（", "+"});

constexpr auto range_signs =
    std::to_array<std::string_view>({"-", "－", "—", "–", "～", "~", "〜", "至", "到"});

constexpr auto separators = std::to_array<std::string_view>({"、", "，", ",", "；", ";", "/"});

struct UnitEntry {
  std::string_view text;
  UnitKind kind;
  std::string_view base;
};

// Units after a figure, longest first where one begins another (人次 before 人).
constexpr auto unit_table = std::to_array<UnitEntry>({
    {"平方公里", UnitKind::area, "平方公里"},
    {"平方米", UnitKind::area, "平方米"},
    {"㎡", UnitKind::area, "平方米"},
    {"公顷", UnitKind::area, "公顷"},
    {"亩", UnitKind::area, "亩"},
    {"个工作日", UnitKind::count, "工作日"},
    {"工作日", UnitKind::count, "工作日"},
    {"个月", UnitKind::count, "月"},
    {"小时", UnitKind::count, "小时"},
    {"人次", UnitKind::count, "人次"},
    {"户次", UnitKind::count, "户次"},
    {"批次", UnitKind::count, "批次"},
    {"个", UnitKind::count, "个"},
    {"人", UnitKind::count, "人"},
    {"名", UnitKind::count, "人"},
    {"期", UnitKind::count, "期"},
    {"批", UnitKind::count, "批"},
    {"次", UnitKind::count, "次"},
    {"天", UnitKind::count, "天"},
    {"日", UnitKind::count, "天"},
    {"家", UnitKind::count, "家"},
    {"台", UnitKind::count, "台"},
    {"套", UnitKind::count, "套"},
    {"件", UnitKind::count, "件"},
    {"篇", UnitKind::count, "篇"},
    {"项", UnitKind::count, "项"},
    {"所", UnitKind::count, "所"},
    {"户", UnitKind::count, "户"},
    {"辆", UnitKind::count, "辆"},
    {"场", UnitKind::count, "场"},
    {"册", UnitKind::count, "册"},
    {"份", UnitKind::count, "份"},
    {"本", UnitKind::count, "本"},
    {"处", UnitKind::count, "处"},
    {"条", UnitKind::count, "条"},
    {"座", UnitKind::count, "座"},
    {"年", UnitKind::count, "年"},
    {"公里", UnitKind::count, "公里"},
});

template <class List>
std::optional<std::string_view> match_any(std::string_view s, std::size_t pos, const List& list) {
  for (const auto& item : list) {
    if (written_at(s, pos, item)) return item;
  }
  return std::nullopt;
}

// An integer written without grouping, sign, decimals or unit: a year, month or day.
std::optional<std::int64_t> plain_integer(const Stated& s) {
  if (s.unit != Unit::none || s.value.exponent() != 0 || s.value.signum() < 0) return std::nullopt;
  for (const char c : s.text) {
    if (c == ',' || c == '.') return std::nullopt;
  }
  if (s.text.find("，") != std::string::npos || s.text.find("．") != std::string::npos) {
    return std::nullopt;
  }
  return s.value.coefficient();
}

using Failure = tl::unexpected<TargetError>;

class TargetParser {
 public:
  TargetParser(std::string_view text, std::int32_t default_year) noexcept
      : s_(text), default_year_(default_year) {}

  tl::expected<Target, TargetError> run();

 private:
  [[nodiscard]] Failure fail(TargetErrc code, std::size_t pos,
                             std::optional<ParseErrc> figure = std::nullopt) const {
    return Failure(TargetError{code, pos, column_of(s_, pos), figure});
  }
  [[nodiscard]] bool at(std::size_t pos, std::string_view w) const noexcept {
    return w.empty() ? pos <= s_.size() : written_at(s_, pos, w);
  }

  struct Item {
    TargetQuantity quantity;
    std::size_t begin = 0;        // the figure's first byte
    std::size_t unit_offset = 0;  // where its unit starts (== end when none)
    std::size_t end = 0;          // after the unit and the word after it
    std::optional<Comparator> prefix;
    bool prefix_weak = false;
  };

  // Words before a figure: the label, then comparators; strips the comparators from the end.
  tl::expected<void, TargetError> split_label(std::size_t begin, std::size_t end, Item& item);
  // A figure at `pos` (a digit) and its unit.
  tl::expected<void, TargetError> read_figure(std::size_t pos, Item& item);
  // A date beginning with the figure of `item` followed by 年 or 月. `std::nullopt`: not a date.
  tl::expected<std::optional<std::size_t>, TargetError> read_date(std::size_t pos,
                                                                  const Item& item);
  // A text without figures that names a date (年底前, 全年, 第四季度, 按期).
  std::optional<tl::expected<Target, TargetError>> keyword_date(std::size_t begin, std::size_t end);
  // After a complete date: nothing, or 前 / 完成. Returns whether the date stands alone.
  [[nodiscard]] bool date_tail(std::size_t pos, bool& before) const noexcept;

  [[nodiscard]] Target qualitative() const {
    Target t;
    t.kind = TargetKind::qualitative;
    t.text = std::string(s_.substr(begin_, end_ - begin_));
    return t;
  }

  std::string_view s_;
  std::int32_t default_year_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  Target date_;
};

tl::expected<void, TargetError> TargetParser::split_label(std::size_t begin, std::size_t end,
                                                          Item& item) {
  std::size_t stop = trim_back(s_, begin, end);
  const auto take = [&](const auto& words) -> std::optional<Word> {
    for (const Word& w : words) {
      if (stop - begin >= w.text.size() &&
          s_.substr(stop - w.text.size(), w.text.size()) == w.text) {
        stop = trim_back(s_, begin, stop - w.text.size());
        return w;
      }
    }
    return std::nullopt;
  };
  std::optional<Word> w = take(prefix_words);
  if (!w) w = take(prefix_symbols);
  if (!w) w = take(prefix_equal_fw);
  if (w) {
    item.prefix = w->comparator;
    item.prefix_weak = w->weak;
    // 达到≥ and the like: a weak word before a symbol.
    if (const auto again = take(prefix_words); again && again->weak) item.prefix_weak = false;
  }
  item.quantity.label = std::string(s_.substr(begin, stop - begin));
  return {};
}

tl::expected<void, TargetError> TargetParser::read_figure(std::size_t pos, Item& item) {
  item.begin = pos;
  const std::string_view rest = s_.substr(pos, end_ - pos);
  auto parsed = parse_figure_prefix(rest);
  std::size_t length = 0;
  int scale = 0;
  std::string scale_text;
  if (!parsed && parsed.error().code == ParseErrc::incomplete_unit) {
    // 10万人, 1.2万人次: 万 or 亿 before a count unit is a multiplier, not money.
    const std::size_t at_unit = parsed.error().offset;
    const std::size_t after = pos + at_unit + 3;
    const auto known = std::any_of(unit_table.begin(), unit_table.end(),
                                   [&](const UnitEntry& e) { return at(after, e.text); });
    if (after < end_ && known) {
      auto figure = parse_figure(rest.substr(0, at_unit));
      if (figure) {
        scale = at(pos + at_unit, "万") ? 4 : 8;
        scale_text = std::string(s_.substr(pos + at_unit, 3));
        length = at_unit + 3;
        parsed = ParsedFigure{std::move(*figure), length};
      }
    }
  }
  if (!parsed) {
    return fail(TargetErrc::bad_figure, pos + parsed.error().offset, parsed.error().code);
  }
  Stated& figure = parsed->figure;
  length = parsed->length;
  TargetUnit unit;
  std::size_t unit_offset = pos + length;
  std::size_t after = pos + length;
  if (figure.unit == Unit::percent) {
    unit.kind = UnitKind::percent;
    unit.base = "%";
    unit.text = figure.text.ends_with("%") ? "%" : "％";
    unit_offset = after - unit.text.size();
  } else if (is_money(figure.unit)) {
    unit.kind = UnitKind::money;
    unit.base = "元";
    unit.text = std::string(symbol(figure.unit));
    unit.scale = *fen_exponent(figure.unit) - 2;
    unit_offset = after - unit.text.size();
  } else {
    const std::size_t u = scale != 0 ? after : skip_spaces(s_, after);
    const bool year = at(u, "年") && plain_integer(figure) && figure.value >= Decimal(1000, 0);
    if (year) {
      // 2020年: a date, read by read_date.
    } else if (const auto entry = std::find_if(unit_table.begin(), unit_table.end(),
                                               [&](const UnitEntry& e) { return at(u, e.text); });
               entry != unit_table.end() && u < end_) {
      unit.kind = entry->kind;
      unit.base = std::string(entry->base);
      unit.text = scale_text + std::string(entry->text);
      unit.scale = scale;
      unit_offset = scale != 0 ? after - scale_text.size() : u;
      after = u + entry->text.size();
      if (unit.kind == UnitKind::count && figure.value.exponent() >= 0) {
        figure.reading = Reading::exact;
      }
    } else if (scale != 0) {
      return fail(TargetErrc::bad_figure, after - scale_text.size(), ParseErrc::incomplete_unit);
    }
  }
  item.quantity.figure = std::move(figure);
  item.quantity.unit = std::move(unit);
  item.unit_offset = unit_offset;
  item.end = after;
  return {};
}

bool TargetParser::date_tail(std::size_t pos, bool& before) const noexcept {
  pos = skip_spaces(s_, pos);
  for (const std::string_view w : {"以前", "之前", "前"}) {
    if (at(pos, w)) {
      before = true;
      pos = skip_spaces(s_, pos + w.size());
      break;
    }
  }
  for (const std::string_view w : {"完成", "完工", "结束"}) {
    if (at(pos, w)) {
      pos = skip_spaces(s_, pos + w.size());
      break;
    }
  }
  return pos >= end_;
}

// The last day of a month.
date month_end(int year, int month) {
  return boost::gregorian::date(static_cast<unsigned short>(year),
                                static_cast<unsigned short>(month), 1)
      .end_of_month();
}

date make_date(int year, int month, int day) {
  return {static_cast<unsigned short>(year), static_cast<unsigned short>(month),
          static_cast<unsigned short>(day)};
}

constexpr auto quarter_names = std::to_array<std::string_view>({"一", "二", "三", "四"});
constexpr auto not_quarters = std::to_array<std::string_view>({"五", "六", "七", "八", "九"});

DateSpan quarter_span(int year, int quarter) {
  return {make_date(year, quarter * 3 - 2, 1), month_end(year, quarter * 3)};
}

tl::expected<std::optional<std::size_t>, TargetError> TargetParser::read_date(std::size_t pos,
                                                                              const Item& item) {
  const auto first = plain_integer(item.quantity.figure);
  if (!first) return std::nullopt;
  std::int64_t year = default_year_;
  std::size_t p = pos;
  Target& t = date_;
  t.dates.reset();
  t.on_schedule = false;
  const auto whole_year = [&] {
    return DateSpan{make_date(static_cast<int>(year), 1, 1),
                    make_date(static_cast<int>(year), 12, 31)};
  };
  const bool is_year = at(p, "年") && *first >= 1000;
  if (!is_year && !at(p, "月") && !at(p, "季度")) return std::nullopt;
  if (is_year) {
    year = *first;
    if (year < 1400 || year > 9999) return fail(TargetErrc::invalid_year, item.begin);
    p += 3;  // 年
  }
  if (year < 1400 || year > 9999) return fail(TargetErrc::invalid_year, pos);
  const int y = static_cast<int>(year);
  bool deadline = false;
  std::optional<DateSpan> span;
  if (!is_year) {
    // 12月底 (the default year) or 第4季度: the figure read is the month or the quarter.
    p = pos;
  }
  const auto month_at = [&](std::size_t mpos, std::int64_t month,
                            std::size_t after) -> tl::expected<std::size_t, TargetError> {
    if (month < 1 || month > 12) return fail(TargetErrc::invalid_month, mpos);
    std::size_t q = after + 3;  // 月
    if (at(q, "底") || at(q, "末")) {
      span = DateSpan{month_end(y, static_cast<int>(month)), month_end(y, static_cast<int>(month))};
      deadline = true;
      return q + 3;
    }
    if (is_digit_at(s_, q)) {
      const auto day = parse_figure_prefix(s_.substr(q, end_ - q));
      const auto d = day ? plain_integer(day->figure) : std::nullopt;
      const std::size_t after_day = day ? q + day->length : q;
      if (!d || !(at(after_day, "日") || at(after_day, "号"))) {
        return fail(TargetErrc::unexpected_character, d ? after_day : q);
      }
      const date last = month_end(y, static_cast<int>(month));
      if (*d < 1 || *d > last.day()) return fail(TargetErrc::invalid_day, q);
      const date day_date = make_date(y, static_cast<int>(month), static_cast<int>(*d));
      span = DateSpan{day_date, day_date};
      deadline = true;
      return after_day + 3;
    }
    span =
        DateSpan{make_date(y, static_cast<int>(month), 1), month_end(y, static_cast<int>(month))};
    return q;
  };
  const auto quarter_at = [&](std::size_t qpos, std::int64_t quarter,
                              std::size_t after) -> tl::expected<std::size_t, TargetError> {
    if (quarter < 1 || quarter > 4) return fail(TargetErrc::invalid_quarter, qpos);
    span = quarter_span(y, static_cast<int>(quarter));
    std::size_t q = after + 6;  // 季度
    if (at(q, "末") || at(q, "底")) {
      span = DateSpan{span->last, span->last};
      deadline = true;
      q += 3;
    }
    return q;
  };
  tl::expected<std::size_t, TargetError> next = p;
  if (!is_year) {
    if (at(p, "月")) {
      next = month_at(item.begin, *first, p);
    } else {
      if (!item.quantity.label.ends_with("第") && !item.quantity.label.empty()) return std::nullopt;
      next = quarter_at(item.begin, *first, p);
    }
  } else if (p >= end_) {
    span = whole_year();
  } else if (at(p, "年底") || at(p, "年末") || at(p, "底") || at(p, "末") || at(p, "内") ||
             at(p, "年内")) {
    const std::size_t n = at(p, "年") ? 6 : 3;
    span = DateSpan{make_date(y, 12, 31), make_date(y, 12, 31)};
    deadline = true;
    next = p + n;
  } else if (at(p, "全年")) {
    span = whole_year();
    next = p + 6;
  } else if (at(p, "上半年") || at(p, "下半年")) {
    span = at(p, "上") ? DateSpan{make_date(y, 1, 1), make_date(y, 6, 30)}
                       : DateSpan{make_date(y, 7, 1), make_date(y, 12, 31)};
    next = p + 9;
  } else if (is_digit_at(s_, p)) {
    const auto month = parse_figure_prefix(s_.substr(p, end_ - p));
    const auto m = month ? plain_integer(month->figure) : std::nullopt;
    const std::size_t after = month ? p + month->length : p;
    if (m && at(after, "月")) {
      next = month_at(p, *m, after);
    } else if (m && at(after, "季度")) {
      next = quarter_at(p, *m, after);
    } else {
      return fail(TargetErrc::unexpected_character, m ? after : p);
    }
  } else {
    std::size_t q = at(p, "第") ? p + 3 : p;
    const auto name = match_any(s_, q, quarter_names);
    if (q != p && is_digit_at(s_, q)) {
      // 2020年第4季度
      const auto quarter = parse_figure_prefix(s_.substr(q, end_ - q));
      const auto n = quarter ? plain_integer(quarter->figure) : std::nullopt;
      const std::size_t after = quarter ? q + quarter->length : q;
      if (!n || !at(after, "季度")) return fail(TargetErrc::unexpected_character, n ? after : q);
      next = quarter_at(q, *n, after);
    } else if (name && at(q + 3, "季度")) {
      const auto index = std::find(quarter_names.begin(), quarter_names.end(), *name);
      next = quarter_at(q, (index - quarter_names.begin()) + 1, q + 3);
    } else if (match_any(s_, q, not_quarters) && at(q + 3, "季度")) {
      return fail(TargetErrc::invalid_quarter, q);
    } else {
      // 2020年 followed by words: not a date of its own.
      return std::nullopt;
    }
  }
  if (!next) return tl::unexpected(next.error());
  bool before = false;
  if (!date_tail(*next, before)) return std::nullopt;
  if (before && !deadline) {
    // 2020年12月前, 第四季度前: by the end of what is named.
    span = DateSpan{span->last, span->last};
    deadline = true;
  }
  t.dates = span;
  t.kind = deadline ? TargetKind::deadline : TargetKind::period;
  t.comparator = deadline ? Comparator::at_most : Comparator::equal;
  return end_;
}

std::optional<tl::expected<Target, TargetError>> TargetParser::keyword_date(std::size_t begin,
                                                                            std::size_t end) {
  const int y = default_year_;
  if (y < 1400 || y > 9999) return std::nullopt;
  struct Keyword {
    std::string_view text;
    int kind;  // 0 deadline 12-31, 1 whole year, 2 first half, 3 second half, 4 on schedule,
               // 5-8 quarter 1-4
  };
  static constexpr auto keywords = std::to_array<Keyword>({
      {"年底", 0},      {"年末", 0},      {"年内", 0},      {"全年", 1},      {"上半年", 2},
      {"下半年", 3},    {"按期", 4},      {"按时", 4},      {"按计划", 4},    {"第一季度", 5},
      {"第二季度", 6},  {"第三季度", 7},  {"第四季度", 8},  {"一季度", 5},    {"二季度", 6},
      {"三季度", 7},    {"四季度", 8},    {"第五季度", -1}, {"第六季度", -1}, {"第七季度", -1},
      {"第八季度", -1}, {"第九季度", -1},
  });
  for (std::size_t pos = begin; pos < end; pos += char_size(s_, pos)) {
    for (const Keyword& k : keywords) {
      if (!at(pos, k.text)) continue;
      if (k.kind < 0) return fail(TargetErrc::invalid_quarter, pos + 3);
      std::size_t next = pos + k.text.size();
      bool deadline = k.kind == 0;
      if (k.kind >= 5 && (at(next, "末") || at(next, "底"))) {
        deadline = true;
        next += 3;
      }
      bool before = false;
      if (!date_tail(next, before)) continue;
      Target t;
      t.label = std::string(s_.substr(begin, trim_back(s_, begin, pos) - begin));
      switch (k.kind) {
        case 0: t.dates = DateSpan{make_date(y, 12, 31), make_date(y, 12, 31)}; break;
        case 1: t.dates = DateSpan{make_date(y, 1, 1), make_date(y, 12, 31)}; break;
        case 2: t.dates = DateSpan{make_date(y, 1, 1), make_date(y, 6, 30)}; break;
        case 3: t.dates = DateSpan{make_date(y, 7, 1), make_date(y, 12, 31)}; break;
        case 4:
          t.on_schedule = true;
          deadline = true;
          break;
        default: t.dates = quarter_span(y, k.kind - 4); break;
      }
      if (before && t.dates) deadline = true;
      if (deadline && t.dates) t.dates = DateSpan{t.dates->last, t.dates->last};
      t.kind = deadline ? TargetKind::deadline : TargetKind::period;
      t.comparator = deadline ? Comparator::at_most : Comparator::equal;
      return t;
    }
  }
  return std::nullopt;
}

tl::expected<Target, TargetError> TargetParser::run() {
  if (const auto bad = first_bad_utf8(s_)) return fail(TargetErrc::bad_utf8, *bad);
  begin_ = skip_spaces(s_, 0);
  end_ = trim_back(s_, begin_, s_.size());
  for (bool more = true; more;) {
    more = false;
    for (const std::string_view stop : {"。", "；", ";"}) {
      if (end_ - begin_ >= stop.size() && s_.substr(end_ - stop.size(), stop.size()) == stop) {
        end_ = trim_back(s_, begin_, end_ - stop.size());
        more = true;
      }
    }
  }
  if (begin_ >= end_) return fail(TargetErrc::empty, 0);

  std::vector<Item> items;
  bool words_only_item = false;  // an item without a figure: the text is qualitative
  std::optional<std::size_t> symbol_without_figure;
  std::size_t p = begin_;
  while (p < end_) {
    const std::size_t item_begin = p;
    std::size_t q = p;
    while (q < end_ && !is_digit_at(s_, q) && !match_any(s_, q, separators)) {
      q += char_size(s_, q);
    }
    if (q >= end_ || !is_digit_at(s_, q)) {
      // Words only. A comparator symbol here has lost its figure.
      for (std::size_t r = item_begin; r < q; r += char_size(s_, r)) {
        for (const std::string_view sym : {"≥", "≤", "≧", "≦", "⩾", "⩽", ">", "<", "＞", "＜"}) {
          if (at(r, sym) && !symbol_without_figure) {
            const std::size_t after = skip_spaces(s_, r + sym.size());
            if (after >= q || at(after, "=") || at(after, "＝")) {
              symbol_without_figure = trim_back(s_, item_begin, q);
            }
          }
        }
      }
      if (items.empty() && q >= end_) {
        if (auto date = keyword_date(item_begin, end_)) {
          if (!*date) return tl::unexpected(date->error());
          (*date)->text = std::string(s_.substr(begin_, end_ - begin_));
          return std::move(**date);
        }
      }
      words_only_item = true;
      if (q >= end_) break;
      p = q + match_any(s_, q, separators)->size();
      continue;
    }
    Item item;
    if (auto r = split_label(item_begin, q, item); !r) return tl::unexpected(r.error());
    if (auto r = read_figure(q, item); !r) return tl::unexpected(r.error());

    // A date: 2020年…, 12月…, 第4季度.
    if (items.empty() && item_begin == begin_ && item.quantity.unit.kind == UnitKind::none) {
      const auto date = read_date(item.end, item);
      if (!date) return tl::unexpected(date.error());
      if (*date) {
        Target t = std::move(date_);
        t.label = item.quantity.label;
        if (t.label.ends_with("第")) t.label.resize(t.label.size() - 3);
        t.text = std::string(s_.substr(begin_, end_ - begin_));
        if (item.prefix && *item.prefix != Comparator::at_most && !item.prefix_weak) {
          return fail(TargetErrc::conflicting_comparators, item_begin);
        }
        return t;
      }
    }

    // A word after the figure.
    std::size_t r = skip_spaces(s_, item.end);
    std::optional<Comparator> suffix;
    if (const auto w = std::find_if(suffix_words.begin(), suffix_words.end(),
                                    [&](const Word& word) { return at(r, word.text); });
        w != suffix_words.end()) {
      if (!w->weak) suffix = w->comparator;
      r += w->text.size();
    }
    Comparator c = Comparator::equal;
    if (item.prefix && suffix && *item.prefix != *suffix && !item.prefix_weak) {
      return fail(TargetErrc::conflicting_comparators, skip_spaces(s_, item.end));
    }
    if (suffix) {
      c = *suffix;
    } else if (item.prefix) {
      c = *item.prefix;
    }
    item.quantity.comparator = c;
    item.end = r;

    // A range: 90%-95%, 90-95%, 3至5天.
    r = skip_spaces(s_, r);
    if (const auto sign = match_any(s_, r, range_signs); sign && items.empty()) {
      const std::size_t second_at = skip_spaces(s_, r + sign->size());
      if (!is_digit_at(s_, second_at)) {
        if (second_at >= end_ || match_any(s_, second_at, figure_syntax) || *sign != "至") {
          return fail(TargetErrc::missing_figure, std::min(second_at, end_));
        }
      } else {
        Item high;
        if (auto h = read_figure(second_at, high); !h) return tl::unexpected(h.error());
        const std::size_t tail = skip_spaces(s_, high.end);
        if (const auto w = std::find_if(suffix_words.begin(), suffix_words.end(),
                                        [&](const Word& word) { return at(tail, word.text); });
            w != suffix_words.end() && !w->weak && w->comparator != Comparator::about) {
          return fail(TargetErrc::conflicting_comparators, tail);
        }
        TargetQuantity& lo = item.quantity;
        TargetQuantity& hi = high.quantity;
        if (lo.unit.kind == UnitKind::none && hi.unit.kind != UnitKind::none) {
          lo.unit = hi.unit;
          lo.figure.unit = hi.figure.unit;
          if (hi.figure.reading == Reading::exact && lo.figure.value.exponent() >= 0) {
            lo.figure.reading = Reading::exact;
          }
        } else if (lo.unit.kind != hi.unit.kind || lo.unit.base != hi.unit.base) {
          return fail(TargetErrc::unit_mismatch, high.unit_offset);
        }
        // The values written, in the base unit (an 18-digit figure has no room for its
        // rounding interval, but it still has a value).
        const auto lo_v = Interval::point(lo.figure.value).try_scale_by_power_of_ten(lo.unit.scale);
        const auto hi_v = Interval::point(hi.figure.value).try_scale_by_power_of_ten(hi.unit.scale);
        if (!lo_v || !hi_v) {
          return fail(TargetErrc::bad_figure, lo_v ? second_at : item.begin,
                      ParseErrc::too_many_digits);
        }
        if (lo_v->lo() > hi_v->lo()) return fail(TargetErrc::reversed_range, item.begin);
        if (c != Comparator::equal && c != Comparator::about) {
          return fail(TargetErrc::conflicting_comparators, r);
        }
        std::size_t after = tail;
        if (at(after, "左右") || at(after, "上下")) after += 6;
        after = skip_spaces(s_, after);
        if (after < end_) {
          if (match_any(s_, after, figure_syntax) || is_digit_at(s_, after)) {
            return fail(TargetErrc::unexpected_character, after);
          }
          return qualitative();
        }
        Target t;
        t.kind = TargetKind::range;
        t.comparator = c == Comparator::about ? Comparator::about : Comparator::equal;
        lo.comparator = Comparator::at_least;
        hi.comparator = Comparator::at_most;
        t.label = lo.label;
        t.quantities = {std::move(lo), std::move(hi)};
        t.text = std::string(s_.substr(begin_, end_ - begin_));
        return t;
      }
    }
    items.push_back(std::move(item));

    if (r >= end_) break;
    if (const auto sep = match_any(s_, r, separators)) {
      p = r + sep->size();
      continue;
    }
    if (match_any(s_, r, figure_syntax) || is_digit_at(s_, r)) {
      return fail(TargetErrc::unexpected_character, r);
    }
    // Words after a figure (96%的用户满意): the text is qualitative as a whole. Whatever else it
    // holds is still read, so that a broken figure later in it is an error.
    words_only_item = true;
    while (r < end_ && !match_any(s_, r, separators)) {
      if (is_digit_at(s_, r)) break;
      r += char_size(s_, r);
    }
    if (r < end_ && match_any(s_, r, separators)) r += match_any(s_, r, separators)->size();
    p = r;
  }
  if (symbol_without_figure) return fail(TargetErrc::missing_figure, *symbol_without_figure);
  if (words_only_item || items.empty()) return qualitative();

  Target t;
  t.text = std::string(s_.substr(begin_, end_ - begin_));
  if (items.size() == 1) {
    t.kind = TargetKind::quantity;
    t.comparator = items.front().quantity.comparator;
    t.label = items.front().quantity.label;
  } else {
    t.kind = TargetKind::list;
  }
  for (Item& item : items) t.quantities.push_back(std::move(item.quantity));
  return t;
}

}  // namespace

tl::expected<Target, TargetError> parse_target(std::string_view text, std::int32_t default_year) {
  return TargetParser(text, default_year).run();
}

}  // namespace fisc

namespace fisc {
namespace {

// One end of a set of values; no value: unbounded.
struct Bound {
  std::optional<Decimal> value;
  bool closed = false;
};

// The values a quantity allows (an actual) or asks for (a target), in the unit's base.
struct ValueSet {
  Bound lo;
  Bound hi;
};

// Whether the lower end `a` starts no earlier than `b`.
bool lo_within(const Bound& a, const Bound& b) noexcept {
  if (!b.value) return true;
  if (!a.value) return false;
  return *a.value > *b.value || (*a.value == *b.value && (b.closed || !a.closed));
}
bool hi_within(const Bound& a, const Bound& b) noexcept {
  if (!b.value) return true;
  if (!a.value) return false;
  return *a.value < *b.value || (*a.value == *b.value && (b.closed || !a.closed));
}
bool subset(const ValueSet& a, const ValueSet& b) noexcept {
  return lo_within(a.lo, b.lo) && hi_within(a.hi, b.hi);
}
// Every value of `a` is above every value of `b`.
bool above(const ValueSet& a, const ValueSet& b) noexcept {
  if (!a.lo.value || !b.hi.value) return false;
  return *a.lo.value > *b.hi.value || (*a.lo.value == *b.hi.value && !(a.lo.closed && b.hi.closed));
}
bool disjoint(const ValueSet& a, const ValueSet& b) noexcept { return above(a, b) || above(b, a); }

ValueSet of_interval(const Interval& i) {
  return {{i.lo(), i.lo_closed()}, {i.hi(), i.hi_closed()}};
}

// ≥ ≤ > <: the threshold is the figure as written, exactly; = and 约: the figure's interval.
std::optional<ValueSet> values_of(const TargetQuantity& q) {
  const auto interval = q.try_interval();
  if (!interval) return std::nullopt;
  const auto threshold = Interval::point(q.figure.value).try_scale_by_power_of_ten(q.unit.scale);
  if (!threshold) return std::nullopt;
  const Decimal t = threshold->lo();
  switch (q.comparator) {
    case Comparator::at_least: return ValueSet{{t, true}, {}};
    case Comparator::more_than: return ValueSet{{t, false}, {}};
    case Comparator::at_most: return ValueSet{{}, {t, true}};
    case Comparator::less_than: return ValueSet{{}, {t, false}};
    case Comparator::equal:
    case Comparator::about: return of_interval(*interval);
  }
  return std::nullopt;
}

// A quantity or a range as a set of values, and whether it is approximate.
std::optional<ValueSet> values_of(const Target& t) {
  if (t.kind == TargetKind::quantity) return values_of(t.quantities.front());
  if (t.kind != TargetKind::range) return std::nullopt;
  const auto lo = t.quantities[0].try_interval();
  const auto hi = t.quantities[1].try_interval();
  if (!lo || !hi) return std::nullopt;
  return ValueSet{{lo->lo(), lo->lo_closed()}, {hi->hi(), hi->hi_closed()}};
}

Evaluation make(TargetOutcome outcome, std::string zh, std::string en) {
  return {outcome, std::move(zh), std::move(en)};
}

std::string quoted(const Target& t) { return "“" + t.text + "”"; }

Evaluation compare_quantities(const Target& target, const Target& actual) {
  const TargetUnit& tu = target.quantities.front().unit;
  const TargetUnit& au = actual.quantities.front().unit;
  const std::string tq = quoted(target);
  const std::string aq = quoted(actual);
  if (tu.kind != au.kind || tu.base != au.base) {
    return make(TargetOutcome::not_evaluable,
                "实际完成值" + aq + "与指标值" + tq + "的计量单位不同，无法比较",
                "the actual " + aq + " and the target " + tq + " are in units that do not compare");
  }
  const auto want = values_of(target);
  const auto have = values_of(actual);
  if (!want || !have) {
    return make(TargetOutcome::not_evaluable, "数值超出可比较的范围",
                "a figure is out of the range fisc compares");
  }
  const bool approximate =
      target.comparator == Comparator::about || actual.comparator == Comparator::about;
  if (subset(*have, *want)) {
    return make(TargetOutcome::met, "实际完成值" + aq + "达到指标值" + tq,
                "the actual " + aq + " meets the target " + tq);
  }
  if (approximate) {
    return make(
        TargetOutcome::needs_review,
        "指标值或实际完成值为约数（" + tq + "，" + aq + "），需人工判断",
        "the target " + tq + " or the actual " + aq + " is approximate: a person has to judge");
  }
  if (target.kind == TargetKind::quantity && target.comparator == Comparator::equal &&
      tu.kind != UnitKind::money && above(*have, *want)) {
    return make(TargetOutcome::exceeded, "实际完成值" + aq + "超过指标值" + tq,
                "the actual " + aq + " exceeds the target " + tq);
  }
  if (disjoint(*have, *want)) {
    return make(TargetOutcome::not_met, "实际完成值" + aq + "未达到指标值" + tq,
                "the actual " + aq + " does not meet the target " + tq);
  }
  return make(TargetOutcome::needs_review,
              "实际完成值" + aq + "在四舍五入范围内可能达到也可能未达到指标值" + tq,
              "within its rounding, the actual " + aq + " may or may not meet the target " + tq);
}

Target single(const TargetQuantity& q) {
  Target t;
  t.kind = TargetKind::quantity;
  t.comparator = q.comparator;
  t.quantities = {q};
  t.label = q.label;
  t.text = q.label + q.figure.text +
           (q.unit.kind == UnitKind::money || q.unit.kind == UnitKind::percent ? "" : q.unit.text);
  return t;
}

// The worst of two outcomes: not_evaluable, not_met, needs_review, met, exceeded.
int rank(TargetOutcome o) noexcept {
  switch (o) {
    case TargetOutcome::not_evaluable: return 0;
    case TargetOutcome::not_met: return 1;
    case TargetOutcome::needs_review: return 2;
    case TargetOutcome::met: return 3;
    case TargetOutcome::exceeded: return 4;
  }
  return 0;
}

Evaluation compare_lists(const Target& target, const Target& actual) {
  Evaluation combined = make(TargetOutcome::exceeded, "", "");
  const bool by_position = target.quantities.size() == actual.quantities.size();
  for (std::size_t i = 0; i < target.quantities.size(); ++i) {
    const TargetQuantity& want = target.quantities[i];
    const auto found = std::find_if(actual.quantities.begin(), actual.quantities.end(),
                                    [&](const TargetQuantity& q) { return q.label == want.label; });
    // The item at the same place when its label agrees (labels may repeat), else the item of
    // that label, else the item at the same place.
    const bool same_place = by_position && actual.quantities[i].label == want.label;
    const TargetQuantity* have = nullptr;
    if (!same_place && found != actual.quantities.end() && !want.label.empty()) {
      have = &*found;
    } else if (by_position) {
      have = &actual.quantities[i];
    }
    Evaluation e = have == nullptr
                       ? make(TargetOutcome::not_evaluable, "实际完成值中没有“" + want.label + "”",
                              "the actual has no item “" + want.label + "”")
                       : compare_quantities(single(want), single(*have));
    const bool worse = rank(e.outcome) < rank(combined.outcome);
    const bool mixed = rank(e.outcome) >= rank(TargetOutcome::met) &&
                       rank(combined.outcome) >= rank(TargetOutcome::met) &&
                       e.outcome != combined.outcome;
    if (!combined.reason_zh.empty()) {
      combined.reason_zh += "；";
      combined.reason_en += "; ";
    }
    combined.reason_zh += e.reason_zh;
    combined.reason_en += e.reason_en;
    if (worse) combined.outcome = e.outcome;
    if (mixed) combined.outcome = TargetOutcome::met;  // some met, some exceeded
  }
  return combined;
}

std::string iso(const boost::gregorian::date& d) {
  return boost::gregorian::to_iso_extended_string(d);
}

Evaluation compare_dates(const Target& target, const Target& actual) {
  const std::string tq = quoted(target);
  const std::string aq = quoted(actual);
  if (actual.on_schedule && !actual.dates) {
    if (target.on_schedule || target.dates) {
      return make(TargetOutcome::met, "实际完成值为按期完成" + aq,
                  "the actual says on schedule " + aq);
    }
  }
  if (!target.dates) {
    // 按期 has no date to compare a date with.
    return make(TargetOutcome::needs_review,
                "指标值" + tq + "为按期完成，实际完成值" + aq + "需人工核对",
                "the target " + tq + " is “on schedule”: a person has to check the actual " + aq);
  }
  if (!actual.dates) {
    return make(TargetOutcome::not_evaluable, "实际完成值" + aq + "没有日期",
                "the actual " + aq + " has no date");
  }
  const DateSpan& want = *target.dates;
  const DateSpan& have = *actual.dates;
  if (target.kind == TargetKind::deadline) {
    if (have.last <= want.last) {
      return make(TargetOutcome::met, "实际完成值" + aq + "不晚于期限" + iso(want.last),
                  "the actual " + aq + " is not later than the deadline " + iso(want.last));
    }
    if (have.first > want.last) {
      return make(TargetOutcome::not_met, "实际完成值" + aq + "晚于期限" + iso(want.last),
                  "the actual " + aq + " is later than the deadline " + iso(want.last));
    }
  } else {
    if (have.first >= want.first && have.last <= want.last) {
      return make(TargetOutcome::met, "实际完成值" + aq + "在指标期间" + tq + "内",
                  "the actual " + aq + " is within the period " + tq);
    }
    if (have.last < want.first || have.first > want.last) {
      return make(TargetOutcome::not_met, "实际完成值" + aq + "不在指标期间" + tq + "内",
                  "the actual " + aq + " is outside the period " + tq);
    }
  }
  return make(TargetOutcome::needs_review, "实际完成值" + aq + "的期间与指标值" + tq + "部分重叠",
              "the actual " + aq + " overlaps the target " + tq + " only in part");
}

bool is_quantity(TargetKind k) noexcept {
  return k == TargetKind::quantity || k == TargetKind::range;
}
bool is_date(TargetKind k) noexcept { return k == TargetKind::deadline || k == TargetKind::period; }

}  // namespace

Evaluation evaluate(const Target& target, const Target& actual) {
  if (target.kind == TargetKind::qualitative || actual.kind == TargetKind::qualitative) {
    return make(TargetOutcome::needs_review,
                "定性指标（" + quoted(target) + "，" + quoted(actual) + "），需人工判断",
                "a qualitative value (" + quoted(target) + ", " + quoted(actual) +
                    "): a person has to judge");
  }
  if (is_quantity(target.kind) && is_quantity(actual.kind)) {
    return compare_quantities(target, actual);
  }
  if (target.kind == TargetKind::list && actual.kind == TargetKind::list) {
    return compare_lists(target, actual);
  }
  if (is_date(target.kind) && is_date(actual.kind)) return compare_dates(target, actual);
  return make(TargetOutcome::not_evaluable,
              "指标值" + quoted(target) + "与实际完成值" + quoted(actual) + "的类型不同，无法比较",
              "the target " + quoted(target) + " and the actual " + quoted(actual) +
                  " are of kinds that do not compare");
}

}  // namespace fisc
