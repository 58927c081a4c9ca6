// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <boost/container/small_vector.hpp>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/facts/fact.hpp"
#include "fisc/facts/fact_store.hpp"

namespace fisc {

/// A FactKey whose strings are ids of a KeyIndex (interned): see there.
///
/// `dims` holds (name id, value id) pairs, one 64-bit word each (the name in the high half),
/// sorted: in the order of the names, as Dimensions is.
struct InternedKey {
  using Id = std::uint32_t;
  static constexpr Id no_id = static_cast<Id>(-1);

  InternedKey() = default;
  InternedKey(const InternedKey&) = default;
  InternedKey& operator=(const InternedKey&) = default;
  // small_vector's moves are not declared noexcept, though they allocate nothing (they take over
  // the heap buffer or copy the inline words); declared so here, vectors of keys move them when
  // they grow instead of copying. (Which clang-tidy cannot see.)
  InternedKey(InternedKey&&) noexcept = default;             // NOLINT(bugprone-exception-escape)
  InternedKey& operator=(InternedKey&&) noexcept = default;  // NOLINT(bugprone-exception-escape)
  ~InternedKey() = default;

  Id concept_id = no_id;
  Measure measure = Measure::value;
  std::int32_t year = 0;
  std::int32_t prior_year = 0;
  Scenario scenario = Scenario::actual;
  boost::container::small_vector<std::uint64_t, 4> dims;

  /// Sets (or replaces) a dimension; `no_id` for the value removes it.
  void set(Id name, Id value);
  /// The value id of a dimension, or `no_id`.
  [[nodiscard]] Id get(Id name) const noexcept;

  friend bool operator==(const InternedKey& a, const InternedKey& b) noexcept {
    return a.concept_id == b.concept_id && a.measure == b.measure && a.year == b.year &&
           a.prior_year == b.prior_year && a.scenario == b.scenario && a.dims == b.dims;
  }
  /// The order of the FactKeys they stand for (ids are in the order of their strings).
  friend std::strong_ordering operator<=>(const InternedKey& a, const InternedKey& b) noexcept;
};

/// A hash of an interned key's ids (equal keys hash equal).
[[nodiscard]] std::size_t hash_value(const InternedKey& key) noexcept;

/// Interned keys, each once, in the order first added, found by hash: for collecting the
/// distinct keys among many (the bases of a sum, the totals of a breakdown).
class InternedKeySet {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// The position of `key` among the keys, and whether it was added (at the end) as new.
  std::pair<std::size_t, bool> insert(const InternedKey& key);
  /// The position of `key`, or `npos`.
  [[nodiscard]] std::size_t find(const InternedKey& key) const noexcept;

  [[nodiscard]] std::span<const InternedKey> keys() const noexcept { return keys_; }
  [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }
  /// Leaves the keys to the caller, and the set empty.
  [[nodiscard]] std::vector<InternedKey> take() noexcept;

 private:
  [[nodiscard]] std::size_t slot_of(const InternedKey& key, std::size_t hash) const noexcept;
  void rehash(std::size_t size);

  std::vector<InternedKey> keys_;
  std::vector<std::size_t> hashes_;  ///< of each key
  std::vector<std::size_t> slots_;   ///< a power of two of positions (npos: empty), under half used
};

/// The keys of a FactStore with their strings interned, for code that builds and looks up many
/// keys (the sum checks build hundreds a report).
///
/// 键索引. Every string of the store's keys (concept ids, dimension names and values) gets an
/// id, in the strings' order: ids compare as the strings they stand for, so interned keys sort
/// as their FactKeys do, and looking one up hashes and compares integers, not strings. A string
/// that no key of the store has has no id, and a key with such a string is no key of the store.
///
/// The index refers to the store's strings: the store must outlive it, and no fact may be added
/// to the store after it is built.
class KeyIndex {
 public:
  using Id = InternedKey::Id;
  using Key = InternedKey;
  static constexpr Id no_id = InternedKey::no_id;

  KeyIndex() = default;
  explicit KeyIndex(const FactStore& store);

  /// The id of a string, or `no_id` when no key of the store has it.
  [[nodiscard]] Id id(std::string_view s) const noexcept;
  /// The string of an id (`no_id`: empty).
  [[nodiscard]] std::string_view text(Id id) const noexcept;

  /// The interned key of fact `i` of the store.
  [[nodiscard]] const Key& key_of(std::size_t i) const { return keys_.at(i); }
  /// The interned form of a key, or nothing when one of its strings has no id (then no fact of
  /// the store has the key).
  [[nodiscard]] std::optional<Key> intern(const FactKey& key) const;
  /// The FactKey an interned key stands for.
  [[nodiscard]] FactKey to_fact_key(const Key& key) const;

  /// The index of the first fact of the store with this key, or `FactStore::npos`: the store's
  /// own `first_index`, with the key's strings already interned.
  [[nodiscard]] std::size_t first_index(const Key& key) const noexcept;

 private:
  std::vector<std::string_view> strings_;  ///< sorted, each once: id = position
  std::vector<Key> keys_;                  ///< by fact index
  InternedKeySet distinct_;                ///< the distinct keys
  std::vector<std::size_t> first_;         ///< by position in distinct_: its first fact
};

}  // namespace fisc
