// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/key_index.hpp"

#include <algorithm>
#include <bit>

#include "hash.hpp"

namespace fisc {

namespace {

constexpr std::uint64_t word_of(KeyIndex::Id name, KeyIndex::Id value) noexcept {
  return std::uint64_t{name} << 32U | value;
}
constexpr KeyIndex::Id name_of(std::uint64_t word) noexcept {
  return static_cast<KeyIndex::Id>(word >> 32U);
}
constexpr KeyIndex::Id value_of(std::uint64_t word) noexcept {
  return static_cast<KeyIndex::Id>(word & 0xffff'ffffU);
}

// Strings seen while the index is built, each given a provisional id in the order first seen
// (open addressing over a power of two of slots).
class Seen {
 public:
  explicit Seen(std::size_t expected)
      : slots_(std::bit_ceil(std::max<std::size_t>(64, 2 * expected)), KeyIndex::no_id) {}

  KeyIndex::Id add(std::string_view s) {
    if (2 * (strings_.size() + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(s) & mask;; i = (i + 1) & mask) {
      const KeyIndex::Id id = slots_[i];
      if (id == KeyIndex::no_id) {
        slots_[i] = static_cast<KeyIndex::Id>(strings_.size());
        strings_.push_back(s);
        return slots_[i];
      }
      if (strings_[id] == s) return id;
    }
  }
  [[nodiscard]] const std::vector<std::string_view>& strings() const noexcept { return strings_; }

 private:
  static std::size_t hash(std::string_view s) noexcept {
    facts_detail::Hasher h;
    h.add(s);
    return h.value();
  }
  // Twice the slots, the strings placed again.
  void grow() {
    slots_.assign(2 * slots_.size(), KeyIndex::no_id);
    const std::size_t mask = slots_.size() - 1;
    for (KeyIndex::Id id = 0; id < strings_.size(); ++id) {
      std::size_t i = hash(strings_[id]) & mask;
      while (slots_[i] != KeyIndex::no_id) i = (i + 1) & mask;
      slots_[i] = id;
    }
  }

  std::vector<KeyIndex::Id> slots_;
  std::vector<std::string_view> strings_;
};

// `key` with each string replaced by `id_of(string)` (which may be no_id). Its dimensions stay
// in the order Dimensions keeps them, by name.
template <class IdOf>
InternedKey with_ids(const FactKey& key, IdOf&& id_of) {
  InternedKey out;
  out.concept_id = id_of(key.concept_id);
  out.measure = key.measure;
  out.year = key.year;
  out.prior_year = key.prior_year;
  out.scenario = key.scenario;
  out.dims.reserve(key.dims.size());
  for (const auto& [name, value] : key.dims) {
    const KeyIndex::Id n = id_of(name);
    out.dims.push_back(word_of(n, id_of(value)));
  }
  return out;
}

}  // namespace

void InternedKey::set(Id name, Id value) {
  const auto it = std::lower_bound(dims.begin(), dims.end(), word_of(name, 0));
  if (it != dims.end() && name_of(*it) == name) {
    if (value == no_id) {
      dims.erase(it);
    } else {
      *it = word_of(name, value);
    }
  } else if (value != no_id) {
    dims.insert(it, word_of(name, value));
  }
}

InternedKey::Id InternedKey::get(Id name) const noexcept {
  const auto it = std::lower_bound(dims.begin(), dims.end(), word_of(name, 0));
  return it != dims.end() && name_of(*it) == name ? value_of(*it) : no_id;
}

std::strong_ordering operator<=>(const InternedKey& a, const InternedKey& b) noexcept {
  if (const auto c = a.concept_id <=> b.concept_id; std::is_neq(c)) return c;
  if (const auto c = a.measure <=> b.measure; std::is_neq(c)) return c;
  if (const auto c = a.year <=> b.year; std::is_neq(c)) return c;
  if (const auto c = a.prior_year <=> b.prior_year; std::is_neq(c)) return c;
  if (const auto c = a.scenario <=> b.scenario; std::is_neq(c)) return c;
  return std::lexicographical_compare_three_way(a.dims.begin(), a.dims.end(), b.dims.begin(),
                                                b.dims.end());
}

KeyIndex::KeyIndex(const FactStore& store) {
  const std::span<const Fact> facts = store.all();
  // Provisional ids in the order first seen, then the strings sorted and the ids renumbered in
  // their order.
  Seen seen(facts.size());
  keys_.reserve(facts.size());
  for (const Fact& f : facts) {
    keys_.push_back(with_ids(f.key, [&](std::string_view s) { return seen.add(s); }));
  }
  const std::vector<std::string_view>& provisional = seen.strings();
  std::vector<Id> order(provisional.size());
  for (Id id = 0; id < order.size(); ++id) order[id] = id;
  std::sort(order.begin(), order.end(),
            [&](Id a, Id b) { return provisional[a] < provisional[b]; });
  std::vector<Id> renumbered(order.size());
  strings_.reserve(order.size());
  for (Id final_id = 0; final_id < order.size(); ++final_id) {
    renumbered[order[final_id]] = final_id;
    strings_.push_back(provisional[order[final_id]]);
  }
  for (Key& key : keys_) {
    key.concept_id = renumbered[key.concept_id];
    for (std::uint64_t& d : key.dims) d = word_of(renumbered[name_of(d)], renumbered[value_of(d)]);
    // Dimensions sorts by name, and the new ids are in the names' order: still sorted.
  }

  // Each key once: the store knows which facts repeat a key.
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (store.first_with_key(i) != i) continue;
    distinct_.insert(keys_[i]);
    first_.push_back(i);
  }
}

KeyIndex::Id KeyIndex::id(std::string_view s) const noexcept {
  const auto it = std::lower_bound(strings_.begin(), strings_.end(), s);
  return it != strings_.end() && *it == s ? static_cast<Id>(it - strings_.begin()) : no_id;
}

std::string_view KeyIndex::text(Id id) const noexcept {
  return id < strings_.size() ? strings_[id] : std::string_view{};
}

std::optional<KeyIndex::Key> KeyIndex::intern(const FactKey& key) const {
  Key out = with_ids(key, [&](std::string_view s) { return id(s); });
  const bool known =
      out.concept_id != no_id && std::all_of(out.dims.begin(), out.dims.end(), [](std::uint64_t d) {
        return name_of(d) != no_id && value_of(d) != no_id;
      });
  if (!known) return std::nullopt;
  return out;
}

FactKey KeyIndex::to_fact_key(const Key& key) const {
  FactKey out;
  out.concept_id = text(key.concept_id);
  out.measure = key.measure;
  out.year = key.year;
  out.prior_year = key.prior_year;
  out.scenario = key.scenario;
  for (const std::uint64_t d : key.dims) out.dims.set(text(name_of(d)), text(value_of(d)));
  return out;
}

std::size_t KeyIndex::first_index(const Key& key) const noexcept {
  const std::size_t at = distinct_.find(key);
  return at == InternedKeySet::npos ? FactStore::npos : first_[at];
}

std::size_t hash_value(const InternedKey& key) noexcept {
  facts_detail::Hasher h;
  h.add(std::uint64_t{key.concept_id} |
        std::uint64_t{static_cast<std::uint8_t>(key.measure)} << 32U |
        std::uint64_t{static_cast<std::uint8_t>(key.scenario)} << 40U);
  h.add(std::uint64_t{static_cast<std::uint32_t>(key.year)} |
        std::uint64_t{static_cast<std::uint32_t>(key.prior_year)} << 32U);
  for (const std::uint64_t d : key.dims) h.add(d);
  return h.value();
}

std::size_t InternedKeySet::slot_of(const InternedKey& key, std::size_t hash) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const std::size_t at = slots_[s];
    if (at == npos) return s;
    if (hashes_[at] == hash && keys_[at] == key) return s;
  }
}

void InternedKeySet::rehash(std::size_t size) {
  slots_.assign(size, npos);
  const std::size_t mask = size - 1;
  for (std::size_t at = 0; at < keys_.size(); ++at) {
    std::size_t s = hashes_[at] & mask;
    while (slots_[s] != npos) s = (s + 1) & mask;
    slots_[s] = at;
  }
}

std::pair<std::size_t, bool> InternedKeySet::insert(const InternedKey& key) {
  if (2 * (keys_.size() + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
  const std::size_t hash = hash_value(key);
  std::size_t& slot = slots_[slot_of(key, hash)];
  if (slot != npos) return {slot, false};
  slot = keys_.size();
  keys_.push_back(key);
  hashes_.push_back(hash);
  return {slot, true};
}

std::size_t InternedKeySet::find(const InternedKey& key) const noexcept {
  if (slots_.empty()) return npos;
  return slots_[slot_of(key, hash_value(key))];
}

std::vector<InternedKey> InternedKeySet::take() noexcept {
  std::vector<InternedKey> out = std::move(keys_);
  keys_.clear();
  hashes_.clear();
  slots_.clear();
  return out;
}

}  // namespace fisc
