// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/fact_store.hpp"

#include <utility>

namespace fisc {

std::size_t FactStore::add(Fact fact) {
  const std::size_t i = facts_.size();
  index_[fact.key].push_back(i);
  facts_.push_back(std::move(fact));
  return i;
}

std::vector<const Fact*> FactStore::find(const FactKey& key) const {
  std::vector<const Fact*> out;
  if (auto it = index_.find(key); it != index_.end()) {
    for (std::size_t i : it->second) out.push_back(&facts_[i]);
  }
  return out;
}

const Fact* FactStore::first(const FactKey& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &facts_[it->second.front()];
}

std::vector<std::vector<const Fact*>> FactStore::stated_more_than_once() const {
  std::vector<std::vector<const Fact*>> groups;
  std::vector<bool> seen(facts_.size(), false);
  for (std::size_t i = 0; i < facts_.size(); ++i) {
    if (seen[i]) continue;
    const auto& indices = index_.at(facts_[i].key);
    if (indices.size() < 2) continue;
    std::vector<const Fact*> group;
    for (std::size_t j : indices) {
      seen[j] = true;
      group.push_back(&facts_[j]);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace fisc
