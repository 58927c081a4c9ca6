// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/key_index.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

using fisc::Dimensions;
using fisc::Fact;
using fisc::FactKey;
using fisc::FactStore;
using fisc::KeyIndex;
using fisc::Measure;
using fisc::Scenario;

// Vectors of keys move them when they grow (copying would copy their dimensions).
static_assert(std::is_nothrow_move_constructible_v<fisc::InternedKey>);
static_assert(std::is_nothrow_move_assignable_v<fisc::InternedKey>);

namespace {

FactKey key(std::string concept_id, std::int32_t year, Dimensions dims = {},
            Measure measure = Measure::value, Scenario scenario = Scenario::actual) {
  FactKey k;
  k.concept_id = std::move(concept_id);
  k.year = year;
  k.dims = std::move(dims);
  k.measure = measure;
  k.scenario = scenario;
  return k;
}

Fact fact(FactKey k) {
  Fact f;
  f.key = std::move(k);
  return f;
}

// Keys that differ in every member, in strings that sort otherwise than they are first met.
std::vector<FactKey> sample_keys() {
  return {
      key("expenditure.total", 2020, {{"function", "2050201"}, {"fund", "general_budget"}}),
      key("expenditure.total", 2020, {{"function", "205"}}),
      key("expenditure.basic", 2020, {{"function", "2050201"}}),
      key("expenditure.basic", 2019, {{"function", "2050201"}}),
      key("expenditure.total", 2020, {{"function", "205"}}, Measure::change),
      key("expenditure.total", 2020, {{"function", "205"}}, Measure::value, Scenario::budget),
      key("income.general_budget", 2020),
      key("expenditure.total", 2020, {{"function", "205"}, {"unit", "西区教育考试中心"}}),
      key("expenditure.total", 2020, {{"function", "205"}, {"project", "校舍维修"}}),
      key("expenditure.total", 2020),
  };
}

}  // namespace

TEST_CASE("interned keys sort as their fact keys and stand for them") {
  FactStore store;
  const std::vector<FactKey> keys = sample_keys();
  for (const FactKey& k : keys) store.add(fact(k));
  store.add(fact(keys[1]));  // a key stated twice
  const KeyIndex index(store);

  for (std::size_t i = 0; i < keys.size(); ++i) {
    CAPTURE(i);
    CHECK(index.to_fact_key(index.key_of(i)) == keys[i]);
    const auto interned = index.intern(keys[i]);
    REQUIRE(interned.has_value());
    CHECK(*interned == index.key_of(i));
    CHECK(index.first_index(*interned) == i);
    for (std::size_t j = 0; j < keys.size(); ++j) {
      CAPTURE(j);
      CHECK((index.key_of(i) <=> index.key_of(j)) == (keys[i] <=> keys[j]));
      CHECK((index.key_of(i) == index.key_of(j)) == (keys[i] == keys[j]));
    }
  }
  CHECK(index.key_of(keys.size()) == index.key_of(1));
  CHECK(index.first_index(index.key_of(keys.size())) == 1);
}

TEST_CASE("ids are in the strings' order, and a string no key has has none") {
  FactStore store;
  for (const FactKey& k : sample_keys()) store.add(fact(k));
  const KeyIndex index(store);
  const std::vector<std::string_view> strings{
      "205",      "2050201", "expenditure.basic", "expenditure.total",
      "function", "fund",    "general_budget",    "income.general_budget",
      "project",  "unit",    "校舍维修",          "西区教育考试中心"};
  CHECK(std::is_sorted(strings.begin(), strings.end()));
  for (std::size_t i = 0; i < strings.size(); ++i) {
    CAPTURE(strings[i]);
    CHECK(index.id(strings[i]) == i);
    CHECK(index.text(static_cast<KeyIndex::Id>(i)) == strings[i]);
  }
  CHECK(index.id("20502") == KeyIndex::no_id);
  CHECK(index.id("") == KeyIndex::no_id);
  CHECK(index.text(KeyIndex::no_id).empty());
  CHECK(index.text(static_cast<KeyIndex::Id>(strings.size())).empty());
  // A key with a string the store lacks cannot be interned; one with known strings in a new
  // combination can, and is no fact's.
  CHECK_FALSE(index.intern(key("expenditure.total", 2020, {{"function", "20502"}})).has_value());
  CHECK_FALSE(index.intern(key("expenditure.other", 2020)).has_value());
  CHECK_FALSE(index.intern(key("expenditure.total", 2020, {{"scope", "205"}})).has_value());
  const auto unstated = index.intern(key("expenditure.basic", 2021, {{"function", "205"}}));
  REQUIRE(unstated.has_value());
  CHECK(index.first_index(*unstated) == FactStore::npos);
}

TEST_CASE("an interned key's dimensions are set, replaced and removed as Dimensions' are") {
  FactStore store;
  for (const FactKey& k : sample_keys()) store.add(fact(k));
  const KeyIndex index(store);
  const KeyIndex::Id function = index.id("function");
  const KeyIndex::Id fund = index.id("fund");
  const KeyIndex::Id unit = index.id("unit");

  KeyIndex::Key k = index.key_of(0);  // function = 2050201, fund = general_budget
  CHECK(k.get(function) == index.id("2050201"));
  CHECK(k.get(unit) == KeyIndex::no_id);
  k.set(function, index.id("205"));
  k.set(fund, KeyIndex::no_id);
  CHECK(k == index.key_of(1));
  k.set(unit, index.id("西区教育考试中心"));
  CHECK(k == index.key_of(7));
  k.set(unit, KeyIndex::no_id);
  k.set(function, KeyIndex::no_id);
  CHECK(k == index.key_of(9));
  CHECK(index.to_fact_key(k) == sample_keys()[9]);
  k.set(fund, KeyIndex::no_id);  // removing what is not there changes nothing
  CHECK(k == index.key_of(9));
}

TEST_CASE("an empty store's index finds nothing") {
  const FactStore store;
  const KeyIndex index(store);
  const KeyIndex::Key k;
  CHECK(index.first_index(k) == FactStore::npos);
  CHECK(index.id("x") == KeyIndex::no_id);
  CHECK_FALSE(index.intern(key("expenditure.total", 2020)).has_value());
  const KeyIndex defaulted;
  CHECK(defaulted.first_index(k) == FactStore::npos);
  CHECK_THROWS_AS(static_cast<void>(defaulted.key_of(0)), std::out_of_range);
}

TEST_CASE("an interned key set keeps each key once, in the order first added") {
  FactStore store;
  for (const FactKey& k : sample_keys()) store.add(fact(k));
  const KeyIndex index(store);
  fisc::InternedKeySet set;
  CHECK(set.find(index.key_of(0)) == fisc::InternedKeySet::npos);
  // Many keys (the set grows several times), each added twice.
  std::vector<KeyIndex::Key> keys;
  for (std::int32_t year = 1990; year < 2090; ++year) {
    for (std::size_t i = 0; i < 10; ++i) {
      KeyIndex::Key k = index.key_of(i);
      k.prior_year = year;
      keys.push_back(k);
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto [at, added] = set.insert(keys[i]);
    CHECK(at == i);
    CHECK(added);
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto [at, added] = set.insert(keys[i]);
    CHECK(at == i);
    CHECK_FALSE(added);
    CHECK(set.find(keys[i]) == i);
    CHECK(hash_value(keys[i]) == hash_value(KeyIndex::Key(keys[i])));
  }
  CHECK(set.size() == keys.size());
  KeyIndex::Key other = keys.front();
  other.prior_year = 2100;
  CHECK(set.find(other) == fisc::InternedKeySet::npos);
  const std::vector<KeyIndex::Key> taken = set.take();
  CHECK(taken == keys);
  CHECK(set.size() == 0);
  CHECK(set.find(keys.front()) == fisc::InternedKeySet::npos);
  CHECK(set.insert(other).first == 0);
}

TEST_CASE("a key of many dimensions, in a store of many strings, is interned whole") {
  // 81 strings for one key: more than the index's first table holds, and more dimensions than
  // an interned key keeps inline.
  FactKey wide = key("expenditure.total", 2020);
  for (int i = 39; i >= 0; --i) {
    const std::string n = std::to_string(100 + i);
    wide.dims.set("d" + n, "v" + n);
  }
  FactStore store;
  store.add(fact(wide));
  FactKey next_year = wide;  // the same 81 strings again, once the table has grown
  next_year.year = 2021;
  store.add(fact(next_year));
  const KeyIndex index(store);
  CHECK(index.key_of(0).dims.size() == 40);
  KeyIndex::Key k = index.key_of(1);
  k.year = 2020;
  CHECK(k == index.key_of(0));
  CHECK(index.to_fact_key(index.key_of(1)) == next_year);
  CHECK(index.text(81).empty());  // each string once
  CHECK(index.to_fact_key(index.key_of(0)) == wide);
  CHECK(index.first_index(*index.intern(wide)) == 0);
  CHECK(index.id("d100") == 0);
  CHECK(index.id("d139") == 39);
  CHECK(index.id("expenditure.total") == 40);
  CHECK(index.id("v139") == 80);
}
