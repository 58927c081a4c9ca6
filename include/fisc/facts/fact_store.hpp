// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "fisc/facts/fact.hpp"

namespace fisc {

/// All the facts of a report, in the order they were added, indexed by key.
///
/// 事实库. Two facts with the same key are both kept: that is a check (design.md §1.4), not a
/// conflict to resolve on entry.
///
/// The index refers to the facts' own keys (no key is copied into it): a report states thousands
/// of facts, and `fisc check DIR` builds a store for every report.
class FactStore {
 public:
  /// Adds a fact and returns its index.
  std::size_t add(const Fact& fact);
  std::size_t add(Fact&& fact);

  /// Makes room for `n` facts in all, so that adding them moves none of those already added and
  /// rebuilds the index no more (a hint: more can still be added).
  void reserve(std::size_t n);

  [[nodiscard]] std::span<const Fact> all() const noexcept { return facts_; }
  [[nodiscard]] std::size_t size() const noexcept { return facts_.size(); }
  [[nodiscard]] bool empty() const noexcept { return facts_.empty(); }
  [[nodiscard]] const Fact& operator[](std::size_t i) const { return facts_.at(i); }

  /// Every fact with this key, in the order added.
  [[nodiscard]] std::vector<const Fact*> find(const FactKey& key) const;
  /// The first fact with this key, or nullptr.
  [[nodiscard]] const Fact* first(const FactKey& key) const;

  /// No fact (of `next_with_key`).
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  /// The index of the first fact with this key, or `npos`: `find` without a vector.
  [[nodiscard]] std::size_t first_index(const FactKey& key) const;
  /// The index of the first fact added with the same key as fact `i` (`i` itself when it is
  /// the first): equal for facts with equal keys, without comparing or hashing the keys.
  [[nodiscard]] std::size_t first_with_key(std::size_t i) const { return first_.at(i); }
  /// The index of the next fact added with the same key as fact `i`, or `npos`.
  [[nodiscard]] std::size_t next_with_key(std::size_t i) const { return next_.at(i); }

  /// Groups of two or more facts that share a key, each group in the order added; groups in
  /// the order of their first fact.
  [[nodiscard]] std::vector<std::vector<const Fact*>> stated_more_than_once() const;

 private:
  /// A key's facts: the first and the last added, the others chained by `next_`.
  struct Slot {
    std::size_t first = npos;
    std::size_t last = npos;
  };

  /// The slot of `key` (open addressing, linear probing): the key's, or the empty one where it
  /// would go.
  [[nodiscard]] std::size_t slot_of(const FactKey& key, std::size_t hash) const;
  void grow();
  /// Rebuilds the index with `size` slots (a power of two, more than twice the keys).
  void rehash(std::size_t size);

  std::vector<Fact> facts_;
  std::vector<std::size_t> hashes_;  ///< hash_value of each fact's key
  std::vector<std::size_t> next_;    ///< the next fact with the same key, or `npos`
  std::vector<std::size_t> first_;   ///< the first fact with the same key
  std::vector<Slot> slots_;          ///< a power of two of them, at most half used
  std::size_t keys_ = 0;             ///< distinct keys
};

}  // namespace fisc
