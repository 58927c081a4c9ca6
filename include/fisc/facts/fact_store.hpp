// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <span>
#include <unordered_map>
#include <vector>

#include "fisc/facts/fact.hpp"

namespace fisc {

/// All the facts of a report, in the order they were added, indexed by key.
///
/// 事实库. Two facts with the same key are both kept: that is a check (design.md §1.4), not a
/// conflict to resolve on entry.
class FactStore {
 public:
  /// Adds a fact and returns its index.
  std::size_t add(Fact fact);

  [[nodiscard]] std::span<const Fact> all() const noexcept { return facts_; }
  [[nodiscard]] std::size_t size() const noexcept { return facts_.size(); }
  [[nodiscard]] bool empty() const noexcept { return facts_.empty(); }
  [[nodiscard]] const Fact& operator[](std::size_t i) const { return facts_.at(i); }

  /// Every fact with this key, in the order added.
  [[nodiscard]] std::vector<const Fact*> find(const FactKey& key) const;
  /// The first fact with this key, or nullptr.
  [[nodiscard]] const Fact* first(const FactKey& key) const;

  /// Groups of two or more facts that share a key, each group in the order added; groups in
  /// the order of their first fact.
  [[nodiscard]] std::vector<std::vector<const Fact*>> stated_more_than_once() const;

 private:
  std::vector<Fact> facts_;
  std::unordered_map<FactKey, std::vector<std::size_t>> index_;
};

}  // namespace fisc
