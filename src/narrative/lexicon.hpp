// SPDX-License-Identifier: BSL-1.0
// The words of the standard 决算说明 sentence forms and what each says of the figure it
// introduces. Private to src/narrative.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace fisc::narrative_detail {

/// What a term says.
enum class TermKind : std::uint8_t {
  concept_term,  ///< names a concept (with fixed dims): 基本支出, 一般公共预算财政拨款收入
  bare_income,    ///< 收入 alone: which income depends on the qualifier in force
  bare_spending,  ///< 支出 alone
  qualifier,  ///< 一般公共预算 / 政府性基金 / 国有资本经营 / 财政拨款 (which funds)
  both_totals,  ///< 收、支总计: one figure, the income and the spending side
  dim,          ///< sets a dimension for the figures that follow: 轿车, 国内, 行政编制…
  scenario,     ///< 年初预算, 预算数, 决算, 执行数
  share,        ///< 占
  completion,   ///< 完成预算
  increase,     ///< 增加, 增长
  decrease,     ///< 减少, 下降
  compare_end,  ///< 相比, 相比较: the end of "与2019年…相比"
  unchanged,    ///< 持平
  differs,      ///< 与预算数不一致
  agrees,       ///< 与预算一致
  items,        ///< 具体内容包括：the list of items that follows
  threshold,    ///< 单位价值: the figure after it is a threshold, not an amount
  project,      ///< 项目绩效目标完成情况: the words before it name a project
  ignore,       ///< words that contain a term but are not one: 占用 is not 占
  shares_sum,   ///< 合计为: after 占比, the sum of the shares, not one of them
};

/// Which funds a qualifier names.
enum class Fund : std::uint8_t { none, all_fiscal, general_budget, government_fund, state_capital };

struct Term {
  std::u32string_view words;
  TermKind kind = TermKind::concept_term;
  std::string_view concept_id;  ///< concept_term: the concept
  std::string_view dim;         ///< concept_term / dim: a dimension name
  std::string_view value;  ///< its value; for scenario terms the scenario; for qualifiers the fund
  Fund fund = Fund::none;  ///< qualifier, or the funds a concept term implies
};

/// Every term, longest first within a first character.
[[nodiscard]] std::span<const Term> terms() noexcept;

/// A term found in a text: which and where (code point offsets).
struct Match {
  const Term* term = nullptr;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Every term in `text`, left to right, appended to `out`; where terms overlap, the longest that
/// starts first wins. Offsets are `base` plus the offset in `text`.
void find_terms(std::u32string_view text, std::size_t base, std::vector<Match>& out);

}  // namespace fisc::narrative_detail
