// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/fact.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

#include <unordered_set>

#include "fisc/facts/fact_store.hpp"

using fisc::Decimal;
using fisc::Dimensions;
using fisc::Fact;
using fisc::FactKey;
using fisc::FactStore;
using fisc::Measure;
using fisc::Scenario;

namespace {
Fact fact(std::string concept_id, std::int64_t hundredths, std::string text, std::uint32_t line) {
  Fact f;
  f.key.concept_id = std::move(concept_id);
  f.key.year = 2020;
  f.value = fisc::Stated{Decimal(hundredths, -2), fisc::Unit::wan, fisc::Reading::rounded,
                         std::move(text)};
  f.source.span = fisc::TextSpan{line, 1, 4};
  return f;
}
}  // namespace

TEST_CASE("dimensions are a sorted set: order of setting does not matter") {
  Dimensions a;
  a.set("fund", "general_budget");
  a.set("function", "201");
  const Dimensions b{{"function", "201"}, {"fund", "general_budget"}};
  CHECK(a == b);
  CHECK(a.get("function") == "201");
  CHECK_FALSE(a.get("unit").has_value());
  a.set("function", "208");
  CHECK(a.get("function") == "208");
  CHECK(a.size() == 2);
  CHECK(a.without("fund").size() == 1);
  a.set("fund", "");
  CHECK(a.size() == 1);
  a.set("absent", "");
  CHECK(a.size() == 1);
  CHECK(Dimensions{}.empty());
  CHECK(a.begin()->first == "function");
}

TEST_CASE("scenario, measure and direction names round-trip") {
  for (Scenario s :
       {Scenario::actual, Scenario::budget, Scenario::initial_budget, Scenario::adjusted_budget}) {
    CHECK(fisc::scenario_from_string(fisc::to_string(s)) == s);
  }
  for (Measure m : {Measure::value, Measure::share, Measure::change, Measure::change_rate,
                    Measure::completion_rate}) {
    CHECK(fisc::measure_from_string(fisc::to_string(m)) == m);
  }
  for (fisc::Direction d :
       {fisc::Direction::none, fisc::Direction::increase, fisc::Direction::decrease}) {
    CHECK(fisc::direction_from_string(fisc::to_string(d)) == d);
  }
  CHECK_FALSE(fisc::scenario_from_string("决算").has_value());
  CHECK_FALSE(fisc::measure_from_string("").has_value());
  CHECK_FALSE(fisc::direction_from_string("down").has_value());
  CHECK(fisc::to_string(fisc::Origin::table) == "table");
  CHECK(fisc::to_string(fisc::Origin::statement) == "statement");
  CHECK(fisc::to_string(fisc::Origin::listing) == "listing");
}

TEST_CASE("fact keys describe themselves and hash consistently") {
  FactKey k{"income.total", Measure::change_rate, 2020,
            2019,           Scenario::actual,     {{"fund", "general_budget"}}};
  CHECK(describe(k) == "income.total change_rate 2020 vs 2019 actual [fund=general_budget]");
  FactKey plain{"income.total", Measure::value, 2020, 0, Scenario::budget, {}};
  CHECK(describe(plain) == "income.total 2020 budget");
  FactKey same = k;
  CHECK(std::hash<FactKey>{}(same) == std::hash<FactKey>{}(k));
  std::unordered_set<FactKey> keys{k, plain, same};
  CHECK(keys.size() == 2);
  same.dims.set("function", "201");
  CHECK_FALSE(same == k);
}

TEST_CASE("fact keys that differ only in where their parts split hash apart") {
  const auto hash = [](const FactKey& key) { return std::hash<FactKey>{}(key); };
  FactKey a{"income.total", Measure::value, 2020, 0, Scenario::actual, {{"ab", "c"}}};
  FactKey b{"income.total", Measure::value, 2020, 0, Scenario::actual, {{"a", "bc"}}};
  CHECK(hash(a) != hash(b));
  // The year against the prior year, the measure against the scenario (1 and 0 either way).
  FactKey years{"income.total", Measure::change, 2020, 2019, Scenario::actual, {}};
  FactKey swapped = years;
  swapped.year = 2019;
  swapped.prior_year = 2020;
  CHECK(hash(years) != hash(swapped));
  static_assert(static_cast<int>(Measure::share) == 1 && static_cast<int>(Scenario::budget) == 1);
  const FactKey share{"income.total", Measure::share, 2020, 0, Scenario::actual, {}};
  const FactKey budget{"income.total", Measure::value, 2020, 0, Scenario::budget, {}};
  CHECK(hash(share) != hash(budget));
  // Strings of every length up to 17 bytes, each word of them: one byte changed changes the hash.
  for (std::size_t n = 1; n <= 17; ++n) {
    CAPTURE(n);
    FactKey x{std::string(n, 'x'), Measure::value, 2020, 0, Scenario::actual, {}};
    const std::size_t base = hash(x);
    for (std::size_t i = 0; i < n; ++i) {
      FactKey y = x;
      y.concept_id[i] = 'y';
      CHECK(hash(y) != base);
    }
  }
}

TEST_CASE("the fact store finds each of many keys, its statements in the order added") {
  // Enough keys for the index to grow several times; every third key stated twice, the second
  // statement added long after the first.
  FactStore store;
  constexpr int keys = 1000;
  const auto key_fact = [](int k, std::uint32_t line) {
    Fact f = fact("expenditure.total", k, std::to_string(k), line);
    f.key.dims.set("function", std::to_string(201 + k));
    return f;
  };
  for (int k = 0; k < keys; ++k) store.add(key_fact(k, 1));
  for (int k = 0; k < keys; k += 3) store.add(key_fact(k, 2));
  CHECK(store.size() == keys + (keys + 2) / 3);
  for (int k = 0; k < keys; ++k) {
    CAPTURE(k);
    const Fact probe = key_fact(k, 0);
    const auto found = store.find(probe.key);
    REQUIRE(found.size() == (k % 3 == 0 ? 2U : 1U));
    CHECK(found[0]->source.span->line == 1);
    CHECK(found[0]->key == probe.key);
    if (found.size() == 2) CHECK(found[1]->source.span->line == 2);
    CHECK(store.first(probe.key) == found[0]);
    // The facts of a key, chained without comparing keys.
    const auto first = static_cast<std::size_t>(found[0] - store.all().data());
    CHECK(store.first_with_key(first) == first);
    CHECK(store.first_index(probe.key) == first);
    if (found.size() == 2) {
      const auto second = static_cast<std::size_t>(found[1] - store.all().data());
      CHECK(store.next_with_key(first) == second);
      CHECK(store.first_with_key(second) == first);
      CHECK(store.next_with_key(second) == FactStore::npos);
    } else {
      CHECK(store.next_with_key(first) == FactStore::npos);
    }
  }
  FactKey missing = key_fact(0, 0).key;
  missing.dims.set("function", "9");
  CHECK(store.find(missing).empty());
  CHECK(store.first(missing) == nullptr);
  const auto groups = store.stated_more_than_once();
  REQUIRE(groups.size() == (keys + 2) / 3);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    REQUIRE(groups[g].size() == 2);
    CHECK(groups[g][0] == &store[3 * g]);
    CHECK(groups[g][1]->key == groups[g][0]->key);
  }
  CHECK(FactStore{}.find(missing).empty());
  CHECK(FactStore{}.first(missing) == nullptr);
  CHECK(FactStore{}.stated_more_than_once().empty());
  CHECK(store.first_index(missing) == FactStore::npos);
  CHECK(FactStore{}.first_index(missing) == FactStore::npos);
  CHECK_THROWS_AS((void)FactStore{}.first_with_key(0), std::out_of_range);
  CHECK_THROWS_AS((void)FactStore{}.next_with_key(0), std::out_of_range);
}

TEST_CASE("a fact store made room for finds what is added, within the room and beyond it") {
  FactStore store;
  store.reserve(10);
  CHECK(store.empty());
  const Fact kept = fact("expenditure.total", 336, "3.36", 1);
  CHECK(store.add(kept) == 0);  // copied: the caller's fact is untouched
  CHECK(kept.value.text == "3.36");
  for (int k = 1; k < 200; ++k) {
    Fact f = fact("expenditure.total", k, std::to_string(k), 2);
    f.key.dims.set("function", std::to_string(200 + k));
    CHECK(store.add(std::move(f)) == static_cast<std::size_t>(k));
    if (k == 100) store.reserve(150);  // less than is there: nothing is lost
  }
  store.reserve(1000);
  CHECK(store.size() == 200);
  CHECK(store.first_index(kept.key) == 0);
  for (int k = 1; k < 200; ++k) {
    CAPTURE(k);
    FactKey key = kept.key;
    key.dims.set("function", std::to_string(200 + k));
    REQUIRE(store.first(key) != nullptr);
    CHECK(store.first(key)->value.text == std::to_string(k));
  }
}

TEST_CASE("the fact store keeps every statement of one fact") {
  FactStore store;
  CHECK(store.empty());
  store.add(fact("three_public.vehicles", 336, "3.36", 77));
  store.add(fact("three_public.reception", 59, "0.59", 77));
  store.add(fact("three_public.vehicles", 337, "3.37", 81));
  CHECK(store.size() == 3);
  const auto both = store.find(store[0].key);
  REQUIRE(both.size() == 2);
  CHECK(both[0]->value.text == "3.36");
  CHECK(both[1]->value.text == "3.37");
  CHECK(store.first(store[0].key)->source.span->line == 77);
  FactKey missing = store[0].key;
  missing.year = 2019;
  CHECK(store.find(missing).empty());
  CHECK(store.first(missing) == nullptr);
  const auto groups = store.stated_more_than_once();
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].size() == 2);
  CHECK(groups[0][1]->source.span->line == 81);
  CHECK(store.all().size() == 3);
  CHECK_THROWS_AS((void)store[3], std::out_of_range);
}
