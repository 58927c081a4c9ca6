// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/fact_store.hpp"

#include <utility>

namespace fisc {

std::size_t FactStore::slot_of(const FactKey& key, std::size_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.first == npos) return s;
    if (hashes_[slot.first] == hash && facts_[slot.first].key == key) return s;
  }
}

namespace {
constexpr std::size_t initial_slots = 64;
}  // namespace

void FactStore::grow() { rehash(slots_.empty() ? initial_slots : 2 * slots_.size()); }

void FactStore::reserve(std::size_t n) {
  facts_.reserve(n);
  hashes_.reserve(n);
  next_.reserve(n);
  first_.reserve(n);
  std::size_t size = slots_.empty() ? initial_slots : slots_.size();
  while (size < 2 * n) size *= 2;
  if (size > slots_.size()) rehash(size);
}

void FactStore::rehash(std::size_t size) {
  const std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(size));
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.first == npos) continue;
    std::size_t s = hashes_[slot.first] & mask;
    while (slots_[s].first != npos) s = (s + 1) & mask;
    slots_[s] = slot;
  }
}

std::size_t FactStore::add(const Fact& fact) { return add(Fact(fact)); }

std::size_t FactStore::add(Fact&& fact) {
  if (2 * (keys_ + 1) > slots_.size()) grow();
  const std::size_t i = facts_.size();
  const std::size_t hash = hash_value(fact.key);
  Slot& slot = slots_[slot_of(fact.key, hash)];
  facts_.push_back(std::move(fact));
  hashes_.push_back(hash);
  next_.push_back(npos);
  if (slot.first == npos) {
    slot.first = i;
    ++keys_;
    first_.push_back(i);
  } else {
    first_.push_back(slot.first);
    next_[slot.last] = i;
  }
  slot.last = i;
  return i;
}

std::vector<const Fact*> FactStore::find(const FactKey& key) const {
  std::vector<const Fact*> out;
  if (slots_.empty()) return out;
  for (std::size_t i = slots_[slot_of(key, hash_value(key))].first; i != npos; i = next_[i]) {
    out.push_back(&facts_[i]);
  }
  return out;
}

std::size_t FactStore::first_index(const FactKey& key) const {
  if (slots_.empty()) return npos;
  return slots_[slot_of(key, hash_value(key))].first;
}

const Fact* FactStore::first(const FactKey& key) const {
  if (slots_.empty()) return nullptr;
  const std::size_t i = slots_[slot_of(key, hash_value(key))].first;
  return i == npos ? nullptr : &facts_[i];
}

std::vector<std::vector<const Fact*>> FactStore::stated_more_than_once() const {
  std::vector<std::vector<const Fact*>> groups;
  std::vector<bool> seen(facts_.size(), false);
  // The first fact of a key met in order is the first of its chain.
  for (std::size_t i = 0; i < facts_.size(); ++i) {
    if (seen[i] || next_[i] == npos) continue;
    std::vector<const Fact*> group;
    for (std::size_t j = i; j != npos; j = next_[j]) {
      seen[j] = true;
      group.push_back(&facts_[j]);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace fisc
