// SPDX-License-Identifier: BSL-1.0
#include "fisc/classify/catalogue.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/code_syntax.hpp"
#include "fisc/classify/year_range.hpp"

namespace fisc {
namespace {

bool is_ascii_space(unsigned char b) noexcept {
  return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f';
}

// Whether the years of `later` (which does not start before `earlier`) overlap or directly
// follow those of `earlier`.
bool touches(YearRange earlier, YearRange later) noexcept {
  return later.first <= earlier.last ||
         (earlier.last != YearRange::latest && later.first == earlier.last + 1);
}

bool by_code_then_years(const CatalogueEntry& a, const CatalogueEntry& b) {
  if (a.code != b.code) return a.code < b.code;
  return a.years.first < b.years.first;
}

// `range` without the years of `hole`, as zero, one or two ranges.
void subtract(YearRange range, YearRange hole, std::vector<YearRange>& out) {
  if (!range.overlaps(hole)) {
    out.push_back(range);
    return;
  }
  // hole.first > range.first >= earliest and hole.last < range.last <= latest: no overflow.
  if (range.first < hole.first) out.push_back({range.first, hole.first - 1});
  if (range.last > hole.last) out.push_back({hole.last + 1, range.last});
}

}  // namespace

std::string normalise_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    const unsigned char b = detail::code_syntax::byte_at(name, i);
    if (b < 0x80U) {
      if (!is_ascii_space(b)) out += name[i];
      ++i;
      continue;
    }
    const std::size_t n = detail::code_syntax::utf8_length(name, i);
    if (n == 0) {
      out += name[i];
      ++i;
      continue;
    }
    if (n == 2 && b == 0xC2U && detail::code_syntax::byte_at(name, i + 1) == 0xA0U) {  // U+00A0
      i += 2;
      continue;
    }
    if (n == 3) {
      const unsigned b1 = detail::code_syntax::byte_at(name, i + 1);
      const unsigned b2 = detail::code_syntax::byte_at(name, i + 2);
      if (b == 0xE3U && b1 == 0x80U && b2 == 0x80U) {  // U+3000
        i += 3;
        continue;
      }
      const unsigned cp = ((b & 0x0FU) << 12U) | ((b1 & 0x3FU) << 6U) | (b2 & 0x3FU);
      if (cp >= 0xFF01U && cp <= 0xFF5EU) {  // full-width forms of ! .. ~
        out += static_cast<char>(cp - 0xFF01U + 0x21U);
        i += 3;
        continue;
      }
    }
    out.append(name.substr(i, n));
    i += n;
  }
  return out;
}

bool same_name(std::string_view a, std::string_view b) {
  return a == b || normalise_name(a) == normalise_name(b);
}

std::ostream& operator<<(std::ostream& os, CodeIssueKind kind) { return os << to_string(kind); }

Catalogue Catalogue::from_entries(std::vector<CatalogueEntry> entries, bool partial,
                                  std::string source) {
  std::stable_sort(entries.begin(), entries.end(), by_code_then_years);
  Catalogue catalogue;
  for (CatalogueEntry& e : entries) {
    if (!catalogue.entries_.empty()) {
      CatalogueEntry& last = catalogue.entries_.back();
      if (last.code == e.code && last.name == e.name && last.verified == e.verified &&
          touches(last.years, e.years)) {
        last.years.last = std::max(last.years.last, e.years.last);
        continue;
      }
    }
    catalogue.entries_.push_back(std::move(e));
  }
  catalogue.normalised_.reserve(catalogue.entries_.size());
  for (const CatalogueEntry& e : catalogue.entries_) {
    catalogue.normalised_.push_back(normalise_name(e.name));
  }
  catalogue.partial_ = partial;
  catalogue.source_ = std::move(source);
  return catalogue;
}

Catalogue Catalogue::merge(const Catalogue& base, const Catalogue& over) {
  std::vector<CatalogueEntry> entries(over.entries_.begin(), over.entries_.end());
  std::vector<YearRange> pieces;
  std::vector<YearRange> next;
  for (const CatalogueEntry& e : base.entries_) {
    pieces.assign(1, e.years);
    for (const CatalogueEntry& o : over.history(e.code)) {
      next.clear();
      for (const YearRange piece : pieces) subtract(piece, o.years, next);
      pieces.swap(next);
    }
    for (const YearRange piece : pieces) entries.push_back({e.code, e.name, piece, e.verified});
  }
  std::string source = over.source_.empty()   ? base.source_
                       : base.source_.empty() ? over.source_
                                              : over.source_ + " over " + base.source_;
  return from_entries(std::move(entries), base.partial_ && over.partial_, std::move(source));
}

std::span<const CatalogueEntry> Catalogue::history(const AnyCode& code) const {
  const auto lower =
      std::lower_bound(entries_.begin(), entries_.end(), code,
                       [](const CatalogueEntry& e, const AnyCode& c) { return e.code < c; });
  auto upper = lower;
  while (upper != entries_.end() && upper->code == code) ++upper;
  return {lower, upper};
}

const CatalogueEntry* Catalogue::entry(const AnyCode& code, std::int32_t year) const {
  for (const CatalogueEntry& e : history(code)) {
    if (e.years.contains(year)) return &e;
  }
  return nullptr;
}

std::optional<std::string_view> Catalogue::name(const AnyCode& code, std::int32_t year) const {
  const CatalogueEntry* e = entry(code, year);
  if (e == nullptr) return std::nullopt;
  return std::string_view(e->name);
}

bool Catalogue::is_known(const AnyCode& code, std::int32_t year) const {
  return entry(code, year) != nullptr;
}

std::vector<AnyCode> Catalogue::find_by_name(std::string_view name, std::int32_t year,
                                             NameMatch match) const {
  const std::string wanted = match == NameMatch::normalised ? normalise_name(name) : std::string();
  std::vector<AnyCode> found;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const CatalogueEntry& e = entries_[i];
    if (!e.years.contains(year)) continue;
    const bool equal = match == NameMatch::normalised ? normalised_[i] == wanted : e.name == name;
    if (equal) found.push_back(e.code);
  }
  return found;
}

std::vector<Rename> Catalogue::renames() const {
  std::vector<Rename> out;
  for (std::size_t i = 1; i < entries_.size(); ++i) {
    const CatalogueEntry& before = entries_[i - 1];
    const CatalogueEntry& after = entries_[i];
    if (before.code == after.code && normalised_[i - 1] != normalised_[i]) {
      out.push_back({after.code, before.name, after.name, after.years.first});
    }
  }
  return out;
}

std::vector<CodeIssue> Catalogue::check_codes(std::span<const PrintedCode> codes,
                                              std::int32_t year) const {
  std::vector<CodeIssue> issues;
  for (std::size_t index = 0; index < codes.size(); ++index) {
    const PrintedCode& printed = codes[index];
    const auto history_of_code = history(printed.code);
    CodeIssue issue{CodeIssueKind::unknown_code,
                    index,
                    printed.code,
                    std::string(printed.name),
                    {},
                    YearRange::all(),
                    true};
    if (history_of_code.empty()) {
      issues.push_back(std::move(issue));
      continue;
    }
    const CatalogueEntry* current = entry(printed.code, year);
    if (current == nullptr) {
      issue.kind = CodeIssueKind::not_in_force;
      issue.years = {history_of_code.front().years.first, history_of_code.back().years.last};
      issue.verified = std::all_of(history_of_code.begin(), history_of_code.end(),
                                   [](const CatalogueEntry& e) { return e.verified; });
      issues.push_back(std::move(issue));
      continue;
    }
    if (printed.name.empty() || same_name(printed.name, current->name)) continue;
    issue.kind = CodeIssueKind::name_differs;
    issue.catalogue_name = current->name;
    issue.years = current->years;
    issue.verified = current->verified;
    for (const CatalogueEntry& e : history_of_code) {
      if (&e != current && same_name(printed.name, e.name)) {
        issue.kind = CodeIssueKind::name_of_other_year;
        issue.years = e.years;
        issue.verified = current->verified && e.verified;
        break;
      }
    }
    issues.push_back(std::move(issue));
  }
  return issues;
}

}  // namespace fisc
