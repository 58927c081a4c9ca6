// SPDX-License-Identifier: BSL-1.0
#include "fisc/accounts/views.hpp"

#include <string>

namespace fisc {

namespace {
// The first fact of `concept_id` with the selection's year, scenario and dimensions.
class Finder {
 public:
  Finder(const FactStore& facts, const Selection& selection) : facts_(facts) {
    key_.year = selection.year;
    key_.scenario = selection.scenario;
    key_.dims = selection.dims;
  }
  const Fact* operator()(const char* concept_id) {
    key_.concept_id = concept_id;
    return facts_.first(key_);
  }

 private:
  const FactStore& facts_;
  FactKey key_;
};
}  // namespace

IncomeBySource income_by_source(const FactStore& facts, const Selection& selection) {
  Finder f(facts, selection);
  return {f("income.total"),
          f("income.general_budget"),
          f("income.government_fund"),
          f("income.state_capital"),
          f("income.superior_grant"),
          f("income.service_revenue"),
          f("income.business_revenue"),
          f("income.subsidiary_remittance"),
          f("income.other_revenue")};
}

ExpenditureByKind expenditure_by_kind(const FactStore& facts, const Selection& selection) {
  Finder f(facts, selection);
  return {f("expenditure.total"),           f("expenditure.basic"),
          f("expenditure.basic.personnel"), f("expenditure.basic.public_expense"),
          f("expenditure.project"),         f("expenditure.remittance_to_superior"),
          f("expenditure.business"),        f("expenditure.grants_to_subsidiaries")};
}

Balances balances(const FactStore& facts, const Selection& selection) {
  Finder f(facts, selection);
  return {f("balance.opening"), f("balance.closing"), f("balance.non_fiscal_used"),
          f("balance.distribution")};
}

ThreePublic three_public(const FactStore& facts, const Selection& selection) {
  Finder f(facts, selection);
  return {f("three_public.total"),
          f("three_public.overseas_travel"),
          f("three_public.vehicles"),
          f("three_public.vehicles.purchase"),
          f("three_public.vehicles.operation"),
          f("three_public.reception"),
          f("three_public.overseas_travel.groups"),
          f("three_public.overseas_travel.people"),
          f("three_public.vehicles.purchased"),
          f("three_public.vehicles.held"),
          f("three_public.reception.batches"),
          f("three_public.reception.people")};
}

Procurement procurement(const FactStore& facts, const Selection& selection) {
  Finder f(facts, selection);
  return {f("procurement.total"),    f("procurement.goods"), f("procurement.works"),
          f("procurement.services"), f("procurement.sme"),   f("procurement.small_micro")};
}

AssetsAndStaff assets_and_staff(const FactStore& facts, const Selection& selection) {
  Finder f(facts, selection);
  return {f("assets.vehicles"),
          f("assets.general_equipment_500k"),
          f("assets.special_equipment_1m"),
          f("staffing.establishment"),
          f("staffing.staffed"),
          f("staffing.retired"),
          f("staffing.retired_pre1949")};
}

const Fact* office_running(const FactStore& facts, const Selection& selection) {
  return Finder(facts, selection)("office_running");
}

}  // namespace fisc
