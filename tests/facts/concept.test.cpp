// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/concept.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

TEST_CASE("every concept has a unique id and both names") {
  std::set<std::string_view> ids;
  for (const fisc::Concept& c : fisc::concepts()) {
    CAPTURE(c.id);
    CHECK(ids.insert(c.id).second);
    CHECK_FALSE(c.zh.empty());
    CHECK_FALSE(c.en.empty());
    CHECK(fisc::find_concept(c.id) == &c);
  }
  CHECK(ids.size() > 60);
}

TEST_CASE("concepts are found by id only") {
  const fisc::Concept* c = fisc::find_concept("three_public.vehicles.operation");
  REQUIRE(c != nullptr);
  CHECK(c->zh == "公务用车运行维护费");
  CHECK(c->quantity == fisc::Quantity::money);
  CHECK(fisc::find_concept("assets.vehicles")->quantity == fisc::Quantity::count);
  CHECK(fisc::find_concept("公务用车运行维护费") == nullptr);
  CHECK(fisc::find_concept("") == nullptr);
  // Every concept by its id (a binary search over them sorted by id); nothing between two ids.
  for (const fisc::Concept& each : fisc::concepts()) {
    CHECK(fisc::find_concept(each.id) == &each);
    CHECK(fisc::find_concept(std::string(each.id) + "!") == nullptr);
  }
  CHECK(fisc::find_concept("zzz") == nullptr);
  CHECK(fisc::to_string(fisc::Quantity::percent) == "percent");
  CHECK(fisc::to_string(fisc::Quantity::number) == "number");
}
