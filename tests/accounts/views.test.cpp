// SPDX-License-Identifier: BSL-1.0
#include "fisc/accounts/views.hpp"

#include <doctest/doctest.h>

#include <string>

#include "fisc/accounts/report.hpp"
#include "fisc/io/report_json.hpp"
#include "fisc/numbers/format.hpp"

namespace {
fisc::Fact fact(std::string concept_id, std::int32_t year, std::string text,
                fisc::Scenario scenario = fisc::Scenario::actual, fisc::Dimensions dims = {}) {
  fisc::Fact f;
  f.key = {std::move(concept_id), fisc::Measure::value, year, 0, scenario, std::move(dims)};
  f.value.text = std::move(text);
  return f;
}
}  // namespace

TEST_CASE("views give the first statement of each figure, by year, scenario and dimensions") {
  fisc::FactStore store;
  store.add(fact("three_public.total", 2020, "3.95"));
  store.add(fact("three_public.vehicles", 2020, "3.36"));
  store.add(fact("three_public.vehicles", 2020, "3.37"));
  store.add(fact("three_public.vehicles", 2019, "4.93"));
  store.add(fact("three_public.total", 2020, "6.60", fisc::Scenario::budget));
  store.add(fact("income.general_budget", 2020, "745.99", fisc::Scenario::actual,
                 {{"fund", "general_budget"}}));
  store.add(fact("office_running", 2020, "44.43"));
  store.add(fact("procurement.total", 2020, "0"));
  store.add(fact("assets.vehicles", 2020, "1"));
  store.add(fact("expenditure.basic", 2020, "534.27"));
  store.add(fact("balance.closing", 2020, "0"));

  const auto actual = fisc::three_public(store, {2020});
  REQUIRE(actual.vehicles != nullptr);
  CHECK(actual.vehicles->value.text == "3.36");
  CHECK(actual.total->value.text == "3.95");
  CHECK(actual.reception == nullptr);
  CHECK(fisc::three_public(store, {2019}).vehicles->value.text == "4.93");
  CHECK(fisc::three_public(store, {2020, fisc::Scenario::budget}).total->value.text == "6.60");
  CHECK(fisc::income_by_source(store, {2020}).general_budget == nullptr);
  CHECK(fisc::income_by_source(store, {2020, fisc::Scenario::actual, {{"fund", "general_budget"}}})
            .general_budget->value.text == "745.99");
  CHECK(fisc::office_running(store, {2020})->value.text == "44.43");
  CHECK(fisc::office_running(store, {2019}) == nullptr);
  CHECK(fisc::procurement(store, {2020}).total->value.text == "0");
  CHECK(fisc::assets_and_staff(store, {2020}).vehicles->value.text == "1");
  CHECK(fisc::expenditure_by_kind(store, {2020}).basic->value.text == "534.27");
  CHECK(fisc::balances(store, {2020}).closing->value.text == "0");
}

TEST_CASE("the seed report's 三公 figures through the typed view") {
  const auto report = fisc::load_report_json(std::string(FISC_SOURCE_DIR) +
                                             "/examples/seed/miyi-organisation-2020.report.json");
  REQUIRE(report.has_value());
  const auto collected = fisc::collect_facts(*report);
  CHECK(collected.errors.empty());
  const auto view = fisc::three_public(
      collected.facts, {2020, fisc::Scenario::actual, {{"fund", "general_budget"}}});
  REQUIRE(view.total != nullptr);
  CHECK(view.total->value.text == "3.95");
  REQUIRE(view.vehicles != nullptr);
  CHECK(view.vehicles->value.text == "3.36");
  // The document states the vehicles figure again, differently: both statements are kept.
  const auto all = collected.facts.find(view.vehicles->key);
  REQUIRE(all.size() >= 2);
  CHECK(all[1]->value.text == "3.37");
}
