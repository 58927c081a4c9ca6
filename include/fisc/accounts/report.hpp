// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/accounts/table.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/facts/fact_store.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"
#include "fisc/perf/model.hpp"

namespace fisc {

/// 部门决算 (final accounts) or 部门预算 (budget); a 单位预算/决算 is the same kind for a unit.
enum class ReportKind : std::uint8_t { final_accounts, budget };

[[nodiscard]] std::string_view to_string(ReportKind k) noexcept;
[[nodiscard]] std::optional<ReportKind> report_kind_from_string(std::string_view s) noexcept;

/// A department or one of its units (单位, 二级预算单位).
struct Organisation {
  std::string name;
  std::string code;  ///< 单位编码 where published
  friend bool operator==(const Organisation&, const Organisation&) = default;
};

/// A count a document states together with the list it counts (设10个职能股室：A、B、…): the
/// count and the list are each figures, and they must agree.
struct Enumeration {
  std::string concept_id;  ///< e.g. organisation.offices
  std::int32_t year = 0;
  Dimensions dims;
  std::optional<Stated> count;     ///< the stated number, if any
  std::vector<std::string> items;  ///< the listed names, in order
  Source source;
  friend bool operator==(const Enumeration&, const Enumeration&) = default;
};

/// One department's (or unit's) published accounts: who, which year, the standard tables, the
/// figures its text states, its typed listings (三公 counts, staffing, assets…), and the
/// enumerations it gives.
///
/// 部门决算 / 部门预算. Every figure carries its place; `collect_facts` turns all of them into
/// facts, which is what the rules check.
/// What a statement without a figure says of a fact (无数字的表述): 持平, 增加 without an amount,
/// 决算数与预算数不一致.
enum class ClaimKind : std::uint8_t {
  unchanged,            ///< 持平 / 与上年相同: this year's value equals the prior year's
  increased,            ///< 增加 / 增长, without an amount
  decreased,            ///< 减少 / 下降, without an amount
  differs_from_budget,  ///< 决算数与预算数不一致 / 有差异: the actual value is not the budget
  equals_budget,  ///< 与预算一致: the actual value is the budget
  above_budget,   ///< 决算数大于预算数: the actual value is more than the budget
  below_budget,   ///< 决算数小于预算数: the actual value is less than the budget
};

[[nodiscard]] std::string_view to_string(ClaimKind k) noexcept;
[[nodiscard]] std::optional<ClaimKind> claim_kind_from_string(std::string_view s) noexcept;

/// A statement that says something of a fact without stating its figure.
struct Claim {
  FactKey key;  ///< the fact it is about (measure value); `prior_year` for a comparison with a year
  ClaimKind kind = ClaimKind::unchanged;
  std::string text;  ///< the words as written: "持平", "决算数与预算数不一致"
  Source source;
  friend bool operator==(const Claim&, const Claim&) = default;
};

/// A standard table as the document's contents (目录) list it: its role, its title as listed
/// and its place. A listed table the document does not hold is missing (table.missing).
struct ListedTable {
  TableRole role = TableRole::other;
  std::string title;  ///< as listed: "三、支出决算表"
  Source source;
  friend bool operator==(const ListedTable&, const ListedTable&) = default;
};

/// What a document's words say of the document itself, which the rules hold against its year
/// and kind (year.self_name, year.as_of) or against its being filled in (text.placeholder).
enum class MentionKind : std::uint8_t {
  self_name,  ///< it names itself or a table of it: 2024年度部门决算情况说明, 2025年单位…预算表
  as_of,        ///< a date its figures stand at: 截至2024年12月31日
  placeholder,  ///< template words left in: XX局, XXX万元, 某某
};

[[nodiscard]] std::string_view to_string(MentionKind k) noexcept;
[[nodiscard]] std::optional<MentionKind> mention_kind_from_string(std::string_view s) noexcept;

/// One such place: the words, what they name, and where they stand.
struct Mention {
  MentionKind kind = MentionKind::self_name;
  std::string text;  ///< as written: "2023年度部门决算情况说明", "截至2023年12月31日", "XX"
  std::string context;              ///< placeholder: the line it stands in; empty otherwise
  std::int32_t year = 0;            ///< self_name, as_of: the year named; 0 otherwise
  std::optional<ReportKind> names;  ///< self_name: 决算 or 预算, where the words say which
  std::uint8_t month = 0;           ///< as_of: 1–12 (年末, 年底: 12); 0 otherwise
  std::uint8_t day = 0;             ///< as_of: 1–31 (年末, 年底: 31); 0 otherwise
  Source source;
  friend bool operator==(const Mention&, const Mention&) = default;
};

struct Report {
  ReportKind kind = ReportKind::final_accounts;
  std::int32_t year = 0;
  Organisation department;
  std::vector<Organisation> units;      ///< 纳入编制范围的单位 (二级预算单位)
  std::vector<std::string> offices;     ///< 内设机构 as listed
  std::vector<std::string> affiliated;  ///< 挂靠 / 所属事业单位 as listed
  Unit unit = Unit::wan;                ///< the unit its figures are written in, by default
  std::vector<Table> tables;
  std::vector<Fact> statements;  ///< figures as the text states them
  std::vector<Fact> listings;    ///< figures of typed sections outside the tables
  std::vector<Enumeration> enumerations;
  std::vector<Claim> claims;          ///< statements without a figure
  Performance performance;            ///< project performance tables and the self-evaluation
  std::vector<ListedTable> contents;  ///< the standard tables its contents (目录) list
  std::vector<Mention> mentions;      ///< what its words say of itself, in text order
  std::string file;                   ///< the file it was read from, for places

  friend bool operator==(const Report&, const Report&) = default;
};

/// Why a table cell cannot become a fact (neither its row nor its column names a concept, or it
/// names a column the table does not have).
struct CellError {
  std::size_t table = 0;
  std::size_t row = 0;
  std::size_t cell = 0;
  std::string message;
};

/// The fact of one table cell, or why there is none.
[[nodiscard]] tl::expected<Fact, CellError> cell_fact(const Report& report, std::size_t table,
                                                      std::size_t row, std::size_t cell);

/// Every figure of the report as a fact: table cells (Origin::table) in table order, then
/// listings and statements as given. Cells that cannot be facts are listed in `errors` (a report
/// from the JSON reader has none: it refuses them).
struct CollectedFacts {
  FactStore facts;
  std::vector<CellError> errors;
};
[[nodiscard]] CollectedFacts collect_facts(const Report& report);

/// The figures of `report.performance` as facts (Origin::listing), added to `facts`: each
/// project's amounts as project.budget (budget), project.executed (actual), project.fiscal and
/// project.other_funds (both scenarios) with dims {project: name as written}, its stated
/// execution rate as project.executed's completion_rate; the self-evaluation's parts as
/// performance.score {part: name as written} and its total as {part: total}; and the amounts of
/// the projects it lists. collect_facts calls it before the listings.
void add_performance_facts(const Report& report, FactStore& facts);

}  // namespace fisc
