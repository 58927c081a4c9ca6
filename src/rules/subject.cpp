// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/subject.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <utility>

#include "fisc/numbers/format.hpp"
#include "fisc/rules/place.hpp"

namespace fisc {

namespace {

FactKey current_value_key(const FactKey& change) {
  FactKey k = change;
  k.measure = Measure::value;
  k.prior_year = 0;
  return k;
}

// The power of ten from `from` to `to` as a Decimal scaling, when they convert.
Result<Decimal> in_unit(Decimal v, Unit from, Unit to) {
  const auto shift = Stated::unit_shift(from, to);
  if (!shift) return unexpected(ArithmeticErrc::invalid_argument);
  return Decimal::make(v.coefficient(), std::int64_t{v.exponent()} + *shift);
}

// Interval's hidden friend, which Figures::can_be_at_most hides inside the class.
bool can_be_at_most_impl(const Interval& a, const Interval& b) { return can_be_at_most(a, b); }

}  // namespace

namespace {
// never_negative of a concept already found (nullptr: not a known concept).
bool never_negative(const Concept* c) noexcept {
  return c != nullptr && !c->id.starts_with("balance.") && c->id != "text.other";
}
}  // namespace

bool never_negative(std::string_view concept_id) noexcept {
  return never_negative(find_concept(concept_id));
}

Subject::Subject(const Report& report) : report_(&report) {
  auto collected = collect_facts(report);
  facts_ = std::move(collected.facts);
  errors_ = std::move(collected.errors);
  for (const Enumeration& e : report.enumerations) {
    if (!e.count) continue;
    Fact f;
    f.key.concept_id = e.concept_id;
    f.key.year = e.year != 0 ? e.year : report.year;
    f.key.dims = e.dims;
    f.value = *e.count;
    f.source = e.source;
    if (f.source.file.empty()) f.source.file = report.file;
    f.origin = Origin::listing;
    facts_.add(std::move(f));
  }
  keys_ = KeyIndex(facts_);
  // The changes by the key of the prior-year value each derives, in the order added.
  KeyIndex::Key prior;
  for (std::size_t i = 0; i < facts_.size(); ++i) {
    const KeyIndex::Key& k = keys_.key_of(i);
    if (k.measure != Measure::change || k.prior_year == 0) continue;
    prior = k;
    prior.measure = Measure::value;
    prior.year = k.prior_year;
    prior.prior_year = 0;
    const auto [at, added] = changed_.insert(prior);
    if (added) changes_.emplace_back();
    changes_[at].push_back(&facts_[i]);
  }
  build_index();
  evaluate_indicators();
}

void Subject::evaluate_indicators() {
  const auto add = [&](const ProjectPerformance& project) {
    const std::int32_t year = project.year != 0 ? project.year : report_->year;
    for (const Indicator& i : project.indicators) evaluated_.emplace_back(&i, evaluate(i, year));
  };
  // The projects' tables, then the projects the self-evaluation lists.
  const Performance& perf = report_->performance;
  using Projects = std::span<const ProjectPerformance>;
  const std::array<Projects, 2> lists{
      Projects(perf.projects), perf.evaluation ? Projects(perf.evaluation->projects) : Projects()};
  std::size_t n = 0;
  for (const Projects list : lists) {
    for (const ProjectPerformance& p : list) n += p.indicators.size();
  }
  evaluated_.reserve(n);
  for (const Projects list : lists) {
    for (const ProjectPerformance& p : list) add(p);
  }
  std::sort(evaluated_.begin(), evaluated_.end(), [](const auto& a, const auto& b) {
    return std::less<const Indicator*>{}(a.first, b.first);
  });
}

const IndicatorResult& Subject::evaluated(const Indicator& indicator) const {
  const auto it = std::lower_bound(
      evaluated_.begin(), evaluated_.end(), &indicator,
      [](const auto& e, const Indicator* i) { return std::less<const Indicator*>{}(e.first, i); });
  if (it == evaluated_.end() || it->first != &indicator) {
    throw std::out_of_range("Subject::evaluated: the indicator is not one of the report's");
  }
  return it->second;
}

void Subject::build_index() {
  const std::span<const Fact> all = facts_.all();
  const std::size_t n = all.size();
  in_order_.reserve(n);
  for (const Fact& f : all) in_order_.push_back(&f);
  // The facts of a report are mostly of its one file: then their paths need no comparing.
  const bool one_file = std::all_of(all.begin(), all.end(), [&](const Fact& f) {
    return f.source.file == all.front().source.file;
  });
  if (one_file) {
    std::stable_sort(in_order_.begin(), in_order_.end(), [](const Fact* a, const Fact* b) {
      return place_less_in_file(a->source, b->source);
    });
  } else {
    std::stable_sort(in_order_.begin(), in_order_.end(),
                     [](const Fact* a, const Fact* b) { return place_less(a->source, b->source); });
  }
  rank_.assign(n, 0);
  for (std::size_t r = 0; r < n; ++r) rank_[index_of(*in_order_[r])] = r;

  concepts_.reserve(n);
  for (const Fact& f : all) concepts_.push_back(find_concept(f.key.concept_id));
  // Facts grouped by concept, each group in the order added: a counting sort by the concept's
  // place in the registry, then the facts of concepts not in it (rare) sorted by id. The groups
  // themselves are in no order; their table (concept_groups_) is sorted by id.
  const std::span<const Concept> registry = concepts();
  std::vector<std::size_t> begins(registry.size() + 1, 0);
  std::vector<const Fact*> unknown;
  for (std::size_t i = 0; i < n; ++i) {
    if (concepts_[i] != nullptr) {
      ++begins[static_cast<std::size_t>(concepts_[i] - registry.data()) + 1];
    } else {
      unknown.push_back(&all[i]);
    }
  }
  for (std::size_t c = 1; c < begins.size(); ++c) begins[c] += begins[c - 1];
  by_concept_.resize(n - unknown.size());
  std::vector<std::size_t> next(begins.begin(), begins.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (concepts_[i] == nullptr) continue;
    by_concept_[next[static_cast<std::size_t>(concepts_[i] - registry.data())]++] = &all[i];
  }
  for (std::size_t c = 0; c < registry.size(); ++c) {
    if (begins[c] != begins[c + 1]) {
      concept_groups_.push_back({registry[c].id, begins[c], begins[c + 1]});
    }
  }
  std::stable_sort(unknown.begin(), unknown.end(), [](const Fact* a, const Fact* b) {
    return a->key.concept_id < b->key.concept_id;
  });
  for (std::size_t i = 0; i < unknown.size();) {
    std::size_t j = i + 1;
    while (j < unknown.size() && unknown[j]->key.concept_id == unknown[i]->key.concept_id) ++j;
    concept_groups_.push_back(
        {unknown[i]->key.concept_id, by_concept_.size() + i, by_concept_.size() + j});
    i = j;
  }
  by_concept_.insert(by_concept_.end(), unknown.begin(), unknown.end());
  std::sort(concept_groups_.begin(), concept_groups_.end(),
            [](const ConceptFacts& a, const ConceptFacts& b) { return a.id < b.id; });

  // Each key with each text once: a fact is left out when a fact with the same key and text
  // comes before it in document order.
  for (const Fact* f : in_order_) {
    const std::size_t i = index_of(*f);
    bool repeated = false;
    for (std::size_t j = facts_.first_with_key(i); j != FactStore::npos && !repeated;
         j = facts_.next_with_key(j)) {
      repeated = j != i && rank_[j] < rank_[i] && all[j].value.text == f->value.text;
    }
    if (!repeated) anchors_.at(static_cast<std::size_t>(f->key.measure)).push_back(f);
  }
}

std::size_t Subject::index_of(const Fact& fact) const noexcept {
  return static_cast<std::size_t>(&fact - facts_.all().data());
}

std::span<const Fact* const> Subject::of_concept(std::string_view concept_id) const {
  const auto it =
      std::lower_bound(concept_groups_.begin(), concept_groups_.end(), concept_id,
                       [](const ConceptFacts& g, std::string_view id) { return g.id < id; });
  if (it == concept_groups_.end() || it->id != concept_id) return {};
  return std::span<const Fact* const>(by_concept_).subspan(it->begin, it->end - it->begin);
}

std::span<const Fact* const> Subject::anchors(Measure measure) const {
  const auto m = static_cast<std::size_t>(measure);
  if (m >= anchors_.size()) return {};
  return anchors_.at(m);
}

std::size_t Subject::find_index(const Fact& fact) const noexcept {
  const std::span<const Fact> all = facts_.all();
  const std::less<> before;
  if (!all.empty() && !before(&fact, all.data()) && before(&fact, all.data() + all.size())) {
    return index_of(fact);
  }
  return FactStore::npos;
}

const Concept* Subject::concept_of(const Fact& fact) const {
  const std::size_t i = find_index(fact);
  return i != FactStore::npos ? concepts_[i] : find_concept(fact.key.concept_id);
}

bool Subject::has_changes_to(const KeyIndex::Key& prior_value_key) const {
  return changed_.find(prior_value_key) != InternedKeySet::npos;
}

std::span<const Fact* const> Subject::changes_to(const FactKey& prior_value_key) const {
  const auto key = keys_.intern(prior_value_key);
  if (!key) return {};
  const std::size_t at = changed_.find(*key);
  if (at == InternedKeySet::npos) return {};
  return changes_[at];
}

FindingFigure to_finding_figure(const Fact& fact) {
  FindingFigure out;
  out.text = fact.value.text.empty() ? to_string(fact.value.value) : fact.value.text;
  out.unit = fact.value.unit;
  out.concept_id = fact.key.concept_id;
  out.fact = describe(fact.key);
  out.where = fact.source;
  return out;
}

FindingFigure to_finding_figure(const Figure& figure) {
  if (figure.fact != nullptr) return to_finding_figure(*figure.fact);
  FindingFigure out;
  out.text = figure.text;
  out.unit = figure.unit;
  out.derived = true;
  if (!figure.from.empty()) {
    out.concept_id = figure.from.front()->key.concept_id;
    out.where = figure.from.front()->source;
  }
  out.fact = figure.key_text;
  return out;
}

Figures::Figures(const Subject& subject, TolerancePolicy policy)
    : subject_(&subject), policy_(policy) {
  const std::span<const Fact> all = subject.facts().all();
  own_.reserve(all.size());
  for (const Fact& f : all) own_.push_back(own_range(f));
}

Figures::OwnRange Figures::own_range(const Fact& fact) const {
  // The figure without its text, which the interval does not read (a copy of the text costs
  // more than the interval).
  Stated s{fact.value.value, fact.value.unit, fact.value.reading, {}, fact.value.assumed_decimals};
  // A count is a whole number of things: "10" is 10, not [9.5, 10.5).
  const Concept* c = subject_->concept_of(fact);
  if (c != nullptr && c->quantity == Quantity::count && fact.key.measure == Measure::value) {
    s.reading = Reading::exact;
  }
  OwnRange out;
  out.never_negative = fact.key.measure == Measure::value && never_negative(c);
  switch (policy_.kind) {
    case TolerancePolicy::Kind::interval: out.range = s.try_interval(); break;
    case TolerancePolicy::Kind::truncation:
      if (s.reading == Reading::rounded) s.reading = Reading::truncated;
      out.range = s.try_interval();
      break;
    case TolerancePolicy::Kind::absolute: out.range = Interval::point(s.value); break;
  }
  return out;
}

// The range in `unit`: scaled exactly (a power of ten), then limited to values ≥ 0 for a quantity
// that is never negative.
Result<Interval> Figures::scaled(const OwnRange& own, const Fact& fact, Unit unit) {
  const auto shift = Stated::unit_shift(fact.value.unit, unit);
  if (!shift) return unexpected(ArithmeticErrc::invalid_argument);
  if (!own.range) return own.range;
  Result<Interval> r = own.range->try_scale_by_power_of_ten(*shift);
  if (!r) return r;
  if (own.never_negative && r->hi().signum() >= 0 && r->lo().signum() < 0) {
    return Interval::make(Decimal{}, true, r->hi(), r->hi_closed());
  }
  return r;
}

Result<Interval> Figures::range(const Fact& fact, Unit unit) const {
  const std::size_t i = subject_->find_index(fact);
  return scaled(i != FactStore::npos ? own_[i] : own_range(fact), fact, unit);
}

Result<Decimal> Figures::point(const Fact& fact, Unit unit) const {
  return in_unit(fact.value.value, fact.value.unit, unit);
}

std::vector<Figure> Figures::stated(const FactKey& key, Unit unit) const {
  return stated_from(subject_->facts().first_index(key), unit);
}

std::vector<Figure> Figures::stated_from(std::size_t first, Unit unit) const {
  const FactStore& store = subject_->facts();
  std::vector<Figure> out;
  if (first == FactStore::npos) return out;
  const auto take = [&](const Fact* f) {
    auto r = range(*f, unit);
    auto point = this->point(*f, unit);
    if (!r || !point) return;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Figure& g) {
      return g.range == *r && g.fact->value.text == f->value.text;
    });
    if (seen) return;
    Figure& fig = out.emplace_back();
    fig.range = *r;
    fig.point = *point;
    fig.unit = unit;
    fig.fact = f;
    fig.text = f->value.text;
  };
  if (store.next_with_key(first) == FactStore::npos) {
    take(&store[first]);
    return out;
  }
  std::vector<const Fact*> facts;
  for (std::size_t i = first; i != FactStore::npos; i = store.next_with_key(i)) {
    facts.push_back(&store[i]);
  }
  // Document order: place_less, facts at one place in the order added.
  std::sort(facts.begin(), facts.end(),
            [&](const Fact* a, const Fact* b) { return subject_->rank(*a) < subject_->rank(*b); });
  out.reserve(facts.size());
  for (const Fact* f : facts) take(f);
  return out;
}

std::vector<Figure> Figures::derived(const FactKey& key, Unit unit) const {
  std::vector<Figure> out;
  if (key.measure != Measure::value) return out;
  for (const Fact* change : subject_->changes_to(key)) {
    const FactKey current = current_value_key(change->key);
    auto delta = range(*change, unit);
    auto delta_point = in_unit(change->value.value, change->value.unit, unit);
    if (!delta || !delta_point) continue;
    // A change's value is signed (a 减少 makes it negative; report-format.md).
    const Interval d = *delta;
    const Decimal dp = *delta_point;
    for (const Figure& now : stated(current, unit)) {
      auto r = try_subtract(now.range, d);
      auto p = try_subtract(now.point, dp);
      if (!r || !p) continue;
      Interval prior = *r;
      if (never_negative(key.concept_id) && prior.hi().signum() >= 0 && prior.lo().signum() < 0) {
        prior = *Interval::make(Decimal{}, true, prior.hi(), prior.hi_closed());
      }
      const bool seen =
          std::any_of(out.begin(), out.end(), [&](const Figure& g) { return g.range == prior; });
      if (seen) continue;
      Figure fig;
      fig.range = prior;
      fig.point = *p;
      fig.unit = unit;
      fig.from = {now.fact, change};
      fig.text = to_string(*p);
      fig.key_text = describe(key);
      out.push_back(std::move(fig));
    }
  }
  return out;
}

std::vector<Figure> Figures::of(const FactKey& key, Unit unit) const {
  auto s = stated(key, unit);
  if (!s.empty()) return s;
  return derived(key, unit);
}

Interval Figures::widened(const Interval& stated, Unit unit) const {
  if (policy_.kind != TolerancePolicy::Kind::absolute) return stated;
  Result<Decimal> tol = unexpected(ArithmeticErrc::invalid_argument);
  if (is_money(unit)) {
    tol = in_unit(policy_.money_yuan, Unit::yuan, unit);
  } else if (unit == Unit::percent) {
    tol = policy_.rate_points;
  } else {
    return stated;
  }
  if (!tol) return stated;
  auto lo = try_subtract(stated.lo(), *tol);
  auto hi = try_add(stated.hi(), *tol);
  if (!lo || !hi) return stated;
  return *Interval::closed(*lo, *hi);
}

bool Figures::agree(const Interval& stated, const Interval& expected, Unit unit) const {
  return can_equal(widened(stated, unit), expected);
}

bool Figures::can_be_at_most(const Interval& stated, const Interval& bound, Unit unit) const {
  const Interval wide = widened(stated, unit);
  return can_be_at_most_impl(wide, bound);
}

}  // namespace fisc
