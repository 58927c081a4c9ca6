// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue_error.hpp"
#include "fisc/classify/year_range.hpp"

namespace fisc {

/// One name of a code and the years it is in force.
struct CatalogueEntry {
  AnyCode code;
  std::string name;
  YearRange years;
  /// False where the name (or its years) comes from domain knowledge rather than a published
  /// table; rules may soften a finding that rests on it. Entries loaded from a file are true.
  bool verified = true;

  friend bool operator==(const CatalogueEntry&, const CatalogueEntry&) = default;
};

/// A code whose name changed: `old_name` up to `year - 1`, `new_name` from `year`.
struct Rename {
  AnyCode code;
  std::string old_name;
  std::string new_name;
  std::int32_t year = 0;  ///< the first year of the new name

  friend bool operator==(const Rename&, const Rename&) = default;
};

/// How names are compared.
enum class NameMatch : std::uint8_t {
  exact,       ///< byte for byte
  normalised,  ///< as `normalise_name` makes them
};

/// A name in the form names are compared in: full-width ASCII forms (U+FF01..U+FF5E, e.g. （ ）
/// ［ ］ ０-９) folded to ASCII, and every space removed (U+0020, tab, line breaks, U+00A0,
/// U+3000), so that "政府办公厅(室)及相关机构事务", " 政府办公厅（室）及相关机构事务 " and a name
/// that PDF text broke with a space are the same name. Invalid UTF-8 is kept byte for byte.
[[nodiscard]] std::string normalise_name(std::string_view name);

/// Whether two names are equal after `normalise_name`.
[[nodiscard]] bool same_name(std::string_view a, std::string_view b);

/// A code as a document prints it, with the name printed beside it (empty when none).
struct PrintedCode {
  AnyCode code;
  std::string_view name;
};

/// What `Catalogue::check_codes` found wrong with a printed code.
enum class CodeIssueKind : std::uint8_t {
  unknown_code,        ///< the catalogue has no name for the code in any year
  not_in_force,        ///< the catalogue knows the code, but not in this year (e.g. a code
                       ///< abolished before it)
  name_differs,        ///< the printed name is not the code's name that year
  name_of_other_year,  ///< the printed name is the code's name in another year: an outdated (or
                       ///< premature) name, e.g. 医疗卫生与计划生育支出 in a 2020 document
};

/// "unknown code", "not in force", "name differs", "name of another year".
[[nodiscard]] constexpr std::string_view to_string(CodeIssueKind kind) noexcept {
  switch (kind) {
    case CodeIssueKind::unknown_code: return "unknown code";
    case CodeIssueKind::not_in_force: return "not in force";
    case CodeIssueKind::name_differs: return "name differs";
    case CodeIssueKind::name_of_other_year: return "name of another year";
  }
  return "unknown issue";
}

std::ostream& operator<<(std::ostream& os, CodeIssueKind kind);

/// One finding of `Catalogue::check_codes`.
struct CodeIssue {
  CodeIssueKind kind = CodeIssueKind::unknown_code;
  std::size_t index = 0;  ///< the position of the code in the list checked
  AnyCode code;
  std::string printed_name;
  /// The code's name in the year checked; empty for unknown_code and not_in_force.
  std::string catalogue_name;
  /// not_in_force: the years the catalogue knows the code; name_of_other_year: the years of the
  /// printed name; name_differs: the years of the catalogue's name.
  YearRange years;
  /// Whether the catalogue entry the finding rests on is verified (see CatalogueEntry).
  bool verified = true;

  friend bool operator==(const CodeIssue&, const CodeIssue&) = default;
};

/// The names of classification codes by year (政府收支分类科目): for functional codes (功能分类
/// 类/款/项) and economic codes (经济分类, both schemes) alike.
///
/// A catalogue is an *edition*: the built-in one, compiled into fisc, or one loaded from a CSV
/// file a user supplies, or a merge of the two. Every name is keyed by (code, years); a code may
/// have several names over the years (`renames`), never two in one year.
///
/// The built-in edition is **partial**: it holds the 类 list and the 款/项 codes of fisc's
/// reference data (see docs/classification.md), a small fraction of the official list of well over
/// a thousand 项. A code it does not know may well exist. For checks that rely on knowing every
/// code, load a full edition from a file (`load_csv_file`), and `merge` it over the built-in one
/// if the built-in names should fill its gaps.
class Catalogue {
 public:
  /// An empty catalogue; it knows no code and `is_partial()` is true.
  Catalogue() = default;

  /// The edition compiled into fisc. `is_partial()` is true: a full list must be loaded from a
  /// user file.
  [[nodiscard]] static const Catalogue& builtin();

  /// A full edition from CSV text: a header row naming the columns `code` and `name` and
  /// optionally `year` (in any order; 科目编码/编码, 科目名称/名称 and 年度/年份 are accepted too;
  /// other columns are ignored), then one row per name. UTF-8 with or without a byte-order mark;
  /// LF or CRLF line ends; fields may be quoted with `"` and `""` inside quotes is a quote; blank
  /// rows are skipped. `code` is any form of code_syntax.hpp, either classification. `year` is
  /// empty (every year), a year (2020), a range (2020-2024), or a range open at one end (2019-,
  /// -2018). The same code may appear once per name; two different names in one year are
  /// `conflicting_names`, two rows with the same name are one. `file_name` is used in errors.
  [[nodiscard]] static tl::expected<Catalogue, CatalogueError> load_csv(std::string_view text,
                                                                        std::string_view file_name);
  /// As `load_csv`, reading the file; a file that cannot be read is `cannot_read`, one over 64 MiB
  /// `too_large`.
  [[nodiscard]] static tl::expected<Catalogue, CatalogueError> load_csv_file(
      const std::filesystem::path& path);

  /// `over` with `base` filling its gaps: for each code and year, `over`'s name where it has one,
  /// else `base`'s. Partial only when both are. Typically `merge(Catalogue::builtin(), user)`.
  [[nodiscard]] static Catalogue merge(const Catalogue& base, const Catalogue& over);

  /// Whether the edition is known to lack codes; see the class comment.
  [[nodiscard]] bool is_partial() const noexcept { return partial_; }
  /// Where the edition comes from: "fisc built-in (partial)", a file name, or "A over B".
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

  /// Every entry, ordered by code (the order of a table) and then by years.
  [[nodiscard]] std::span<const CatalogueEntry> entries() const noexcept { return entries_; }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }

  /// Every name of a code, oldest first; empty when the code is unknown.
  [[nodiscard]] std::span<const CatalogueEntry> history(const AnyCode& code) const;
  /// The entry in force for a code in a year, or null.
  [[nodiscard]] const CatalogueEntry* entry(const AnyCode& code, std::int32_t year) const;
  /// The name in force for a code in a year: 210 is 卫生健康支出 in 2020.
  [[nodiscard]] std::optional<std::string_view> name(const AnyCode& code, std::int32_t year) const;
  /// Whether the catalogue has a name for the code in that year.
  [[nodiscard]] bool is_known(const AnyCode& code, std::int32_t year) const;

  /// The codes whose name in that year is `name`, in code order. Many codes share a name
  /// (行政运行 is the 01 项 of most 款); `NameMatch::normalised` compares as `same_name`.
  [[nodiscard]] std::vector<AnyCode> find_by_name(std::string_view name, std::int32_t year,
                                                  NameMatch match = NameMatch::exact) const;

  /// Every change of name, in code order. Names that differ only as `normalise_name` folds them
  /// are not renames.
  [[nodiscard]] std::vector<Rename> renames() const;

  /// The codes of a document of `year` that the catalogue does not know, and those printed with
  /// a name other than the catalogue's for that year (compared as `same_name`; an empty printed
  /// name is not compared). One issue per code at most, in the order given. With a partial
  /// edition, `unknown_code` means "not in this edition".
  [[nodiscard]] std::vector<CodeIssue> check_codes(std::span<const PrintedCode> codes,
                                                   std::int32_t year) const;

 private:
  // Sorts, and joins entries of one code and one name whose years touch. The caller has checked
  // that no code has two names in one year.
  [[nodiscard]] static Catalogue from_entries(std::vector<CatalogueEntry> entries, bool partial,
                                              std::string source);

  std::vector<CatalogueEntry> entries_;
  std::vector<std::string> normalised_;  // normalise_name of each entry's name
  bool partial_ = true;
  std::string source_;
};

}  // namespace fisc
