// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/relations.hpp"

#include <algorithm>
#include <compare>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "fisc/accounts/table_role.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/rules/place.hpp"

namespace fisc {

namespace {

// ---------------------------------------------------------------------------------------------
// Words

std::string concept_name(std::string_view id, Language lang) {
  const Concept* c = find_concept(id);
  if (c == nullptr) return std::string(id);
  return std::string(lang == Language::zh ? c->zh : c->en);
}

std::string unit_word(Unit unit, Language lang) {
  switch (unit) {
    case Unit::yuan: return lang == Language::zh ? "元" : " yuan";
    case Unit::wan: return lang == Language::zh ? "万元" : " wan yuan";
    case Unit::yi: return lang == Language::zh ? "亿元" : " yi yuan";
    case Unit::percent:
    case Unit::none: return "";
  }
  return "";
}

std::string year_prefix(const Scope& scope, std::int32_t year, Language lang) {
  if (year == 0 || year == scope.report().year) return "";
  return lang == Language::zh ? std::to_string(year) + "年" : std::to_string(year) + " ";
}

// A figure as a message shows it: as written with its unit word, or, derived, with what it comes
// from.
std::string shown(const Figure& f, Language lang) {
  if (!f.derived()) {
    std::string text = f.fact->value.text;
    return text + unit_word(f.fact->value.unit, lang);
  }
  std::string out = f.text + unit_word(f.unit, lang);
  if (f.from.size() == 2) {
    const Fact& now = *f.from[0];
    const Fact& change = *f.from[1];
    std::string sign = change.direction == Direction::decrease   ? "−"
                       : change.direction == Direction::increase ? "+"
                                                                 : "";
    if (lang == Language::zh) {
      out += "（由" + std::to_string(now.key.year) + "年" + now.value.text + "与增减" + sign +
             change.value.text + "推算）";
    } else {
      out += " (derived from " + now.value.text + " in " + std::to_string(now.key.year) +
             " and the change " + sign + change.value.text + ")";
    }
  }
  return out;
}

std::string point_text(Decimal point, int decimals, Unit unit) {
  auto r = try_round_to(point, std::max(decimals, 0), Rounding::half_up);
  std::string s = r ? to_string(*r) : to_string(point);
  if (unit == Unit::percent) s += '%';
  return s;
}

std::string range_text(const Interval& range, int decimals, Unit unit) {
  const auto lo = try_round_to(range.lo(), decimals, Rounding::floor);
  const auto hi = try_round_to(range.hi(), decimals, Rounding::ceiling);
  if (!lo || !hi) return to_string(range);
  const std::string pct = unit == Unit::percent ? "%" : "";
  if (*lo == *hi) return to_string(*lo) + pct;
  return to_string(*lo) + pct + "–" + to_string(*hi) + pct;
}

int decimals_of(const Figure& f) {
  if (!f.derived()) return f.fact->value.decimals();
  return std::max(f.point.decimals(), 0);
}

std::vector<FindingFigure> finding_figures(std::initializer_list<const Figure*> figs) {
  std::vector<FindingFigure> out;
  for (const Figure* f : figs) {
    if (f != nullptr) out.push_back(to_finding_figure(*f));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Keys and units

FactKey value_key(const FactKey& k) {
  FactKey v = k;
  v.measure = Measure::value;
  v.prior_year = 0;
  return v;
}

Dimensions merged(Dimensions base, const Dimensions& extra) {
  for (const auto& [name, value] : extra) base.set(name, value);
  return base;
}

// The key of a part at a base: the base with the part's concept and its dimensions added (for
// interned keys, assign_part_key).
FactKey part_key(const FactKey& base, const Part& part) {
  FactKey out = base;
  out.concept_id = part.concept_id;
  for (const auto& [name, value] : part.dims) out.dims.set(name, value);
  return out;
}

// The unit a key's figures are compared in: the unit of its first statement, else of the change
// it is derived from, else the report's unit for money.
//
// unit_stated is the first case, for the key of fact `first` (FactStore::first_index), and
// unit_unstated the others, for a key nothing states.
Unit unit_stated(const Scope& scope, std::size_t first) {
  const FactStore& store = scope.subject->facts();
  // The first in document order.
  std::size_t best = first;
  for (std::size_t i = store.next_with_key(first); i != FactStore::npos;
       i = store.next_with_key(i)) {
    if (scope.subject->rank(store[i]) < scope.subject->rank(store[best])) best = i;
  }
  return store[best].value.unit;
}

Unit unit_unstated(const Scope& scope, const FactKey& key) {
  auto changes = scope.subject->changes_to(value_key(key));
  if (!changes.empty()) return changes.front()->value.unit;
  const Concept* c = find_concept(key.concept_id);
  if (c != nullptr && c->quantity == Quantity::money) return scope.report().unit;
  if (c != nullptr && c->quantity == Quantity::percent) return Unit::percent;
  return Unit::none;
}

Unit unit_of(const Scope& scope, const FactKey& key) {
  const std::size_t first = scope.subject->facts().first_index(key);
  return first != FactStore::npos ? unit_stated(scope, first) : unit_unstated(scope, key);
}

// The facts of one measure in document order, each key with each text once.
std::span<const Fact* const> anchors(const Scope& scope, Measure measure) {
  return scope.subject->anchors(measure);
}

Figure as_figure(const Figures& figures, const Fact& fact, Unit unit) {
  Figure fig;
  auto r = figures.range(fact, unit);
  if (r) fig.range = *r;
  const auto shift = Stated::unit_shift(fact.value.unit, unit);
  auto p = shift ? Decimal::make(fact.value.value.coefficient(),
                                 std::int64_t{fact.value.value.exponent()} + *shift)
                 : Result<Decimal>(fact.value.value);
  fig.point = p ? *p : fact.value.value;
  fig.unit = unit;
  fig.fact = &fact;
  fig.text = fact.value.text;
  return fig;
}

// Visits every choice of one alternative per operand (at most `limit` choices).
template <class Visit>
void for_each_choice(const std::vector<std::vector<Figure>>& alternatives, Visit&& visit,
                     std::size_t limit = 4096) {
  if (alternatives.empty()) return;
  for (const auto& a : alternatives) {
    if (a.empty()) return;
  }
  std::vector<std::size_t> at(alternatives.size(), 0);
  std::vector<const Figure*> choice(alternatives.size());
  for (std::size_t n = 0; n < limit; ++n) {
    for (std::size_t i = 0; i < at.size(); ++i) choice[i] = &alternatives[i][at[i]];
    if (!visit(choice)) return;
    std::size_t i = at.size();
    while (i > 0) {
      --i;
      if (++at[i] < alternatives[i].size()) break;
      at[i] = 0;
      if (i == 0) return;
    }
  }
}

bool all_derived(const std::vector<const Figure*>& choice) {
  return std::all_of(choice.begin(), choice.end(), [](const Figure* f) { return f->derived(); });
}

Result<Interval> percent_of(const Interval& part, const Interval& whole) {
  return try_divide(part, whole).and_then([](const Interval& i) {
    return i.try_scale_by_power_of_ten(2);
  });
}

Result<Decimal> percent_point(Decimal part, Decimal whole) {
  Context ctx{18, Rounding::half_even};
  return try_divide(part, whole, ctx).and_then([](Decimal d) {
    return Decimal::make(d.coefficient(), std::int64_t{d.exponent()} + 2);
  });
}

bool is_zero_figure(const Figure& f) { return f.point.is_zero(); }

// One choice of a stated value per operand, with the value the relation expects of it.
struct Choice {
  std::vector<const Figure*> figures;
  Interval expected;  // the values the relation allows, as an interval
  Decimal point;      // the value computed from the figures as written
};

class Searched {
 public:
  explicit Searched(std::vector<std::vector<Figure>> operands) : operands_(std::move(operands)) {}
  // The choices point into the operands: moving keeps them valid (the inner vectors' elements
  // stay where they are), copying would not.
  Searched(const Searched&) = delete;
  Searched& operator=(const Searched&) = delete;
  Searched(Searched&&) noexcept = default;
  Searched& operator=(Searched&&) noexcept = default;
  ~Searched() = default;

  // Tries each choice of one stated value per operand. `compute` gives the expected range and
  // value of a choice (none: it cannot be evaluated, e.g. a zero base); `holds` judges the
  // choice. A relation holds when one choice satisfies it (docs/rules.md).
  template <class Compute, class Holds>
  void run(Compute compute, Holds holds) {
    for_each_choice(operands_, [&](const std::vector<const Figure*>& figures) {
      std::optional<std::pair<Interval, Decimal>> e = compute(figures);
      if (!e) return true;
      Choice c{figures, e->first, e->second};
      if (holds(c)) {
        held_ = std::move(c);
        return false;
      }
      if (!failed_) failed_ = std::move(c);
      return true;
    });
  }

  [[nodiscard]] bool held() const noexcept { return held_.has_value(); }
  // The first choice that satisfies the relation, else the first that does not (document
  // order); none when no choice could be evaluated.
  [[nodiscard]] const Choice* shown() const noexcept {
    return held_ ? &*held_ : failed_ ? &*failed_ : nullptr;
  }

 private:
  std::vector<std::vector<Figure>> operands_;
  std::optional<Choice> held_;
  std::optional<Choice> failed_;
};

template <class Compute, class Holds>
Searched search(std::vector<std::vector<Figure>> operands, Compute compute, Holds holds) {
  Searched out(std::move(operands));
  out.run(compute, holds);
  return out;
}

// The first operand as a percentage of the second: part ÷ whole × 100.
std::optional<std::pair<Interval, Decimal>> quotient(const std::vector<const Figure*>& c) {
  if (is_zero_figure(*c[1])) return std::nullopt;
  auto range = percent_of(c[0]->range, c[1]->range);
  auto point = percent_point(c[0]->point, c[1]->point);
  if (!range || !point) return std::nullopt;
  return std::pair{*range, *point};
}

// The first operand less the second.
std::optional<std::pair<Interval, Decimal>> difference(const std::vector<const Figure*>& c) {
  auto range = try_subtract(c[0]->range, c[1]->range);
  auto point = try_subtract(c[0]->point, c[1]->point);
  if (!range || !point) return std::nullopt;
  return std::pair{*range, *point};
}

// ---------------------------------------------------------------------------------------------
// Sums

// The keys are the caller's, interned (Subject::keys): a case is checked and forgotten. A part
// that is nullptr has a string no key of the report has: nothing states it or derives it.
struct SumCase {
  const KeyIndex::Key* total = nullptr;
  std::span<const KeyIndex::Key* const> parts;
  bool exhaustive = true;
  bool tables_only_equal = false;  // open breakdown: equality when every figure is a table cell
};

bool from_tables(const std::vector<const Figure*>& choice) {
  return std::all_of(choice.begin(), choice.end(), [](const Figure* f) {
    return !f->derived() && f->fact->origin == Origin::table;
  });
}

// The name of a sum: given, or made by a function only when a message needs it.
const Text& name_of(const Text& name) { return name; }
template <class MakeName>
Text name_of(const MakeName& make) {
  return make();
}

// Whether a value can be derived for an interned key (Figures::derived): it is a value with a
// change that names its year as the prior year.
bool derivable(const Scope& scope, const KeyIndex::Key& key) {
  return key.measure == Measure::value && scope.subject->has_changes_to(key);
}

// Figures::of of an interned key: its FactKey is made only to derive a value.
std::vector<Figure> figures_of(const Scope& scope, const KeyIndex::Key& key, Unit unit) {
  const Figures& figures = *scope.figures;
  const KeyIndex& keys = scope.subject->keys();
  const std::size_t first = keys.first_index(key);
  if (first != FactStore::npos) {
    auto stated = figures.stated_from(first, unit);
    if (!stated.empty()) return stated;
  }
  if (!derivable(scope, key)) return {};
  return figures.derived(keys.to_fact_key(key), unit);
}

// A sum case that holds, decided without the figures and the search of check_sum_case, for a run
// that lists no passed checks (emit_bare_pass): when the total and each part present are stated
// once, with no part left to derive, there is one choice, and it is their sum. Emits the bare
// pass and returns true when that choice holds; otherwise returns false and emits nothing, and
// the full check decides the case and words it. `total_first` is the total's first fact.
bool bare_sum_pass(const Scope& scope, const Emit& emit, const SumCase& c, std::size_t total_first,
                   Unit unit) {
  if (scope.passed_details) return false;
  const Figures& figures = *scope.figures;
  const FactStore& store = scope.subject->facts();
  const KeyIndex& keys = scope.subject->keys();
  // The key's one fact, as stated_from reads it; none when it has more or does not read in unit.
  struct Read {
    Interval range;
    Decimal point;
    bool table = false;
  };
  const auto read_one = [&](std::size_t first) -> std::optional<Read> {
    if (store.next_with_key(first) != FactStore::npos) return std::nullopt;
    const Fact& f = store[first];
    auto range = figures.range(f, unit);
    auto point = figures.point(f, unit);
    if (!range || !point) return std::nullopt;
    return Read{*range, *point, f.origin == Origin::table};
  };
  const std::optional<Read> total = read_one(total_first);
  if (!total) return false;
  Interval sum = Interval::point(Decimal{});
  Decimal point;
  bool complete = true;
  bool tables = total->table;
  bool any_part = false;
  for (const KeyIndex::Key* p : c.parts) {
    const std::size_t first = p != nullptr ? keys.first_index(*p) : FactStore::npos;
    if (first == FactStore::npos) {
      if (p != nullptr && derivable(scope, *p)) return false;
      complete = false;
      continue;
    }
    const std::optional<Read> part = read_one(first);
    if (!part) return false;
    auto next_sum = try_add(sum, part->range);
    auto next_point = try_add(point, part->point);
    if (!next_sum || !next_point) return false;
    sum = *next_sum;
    point = *next_point;
    tables = tables && part->table;
    any_part = true;
  }
  if (!any_part) return false;
  const bool equal = c.exhaustive && complete && (!c.tables_only_equal || tables);
  const bool held = equal ? figures.agree(total->range, sum, unit)
                          : figures.can_be_at_most(sum, total->range, unit);
  return held && emit_bare_pass(scope, emit, true);
}

template <class Name>
void check_sum_case(const Scope& scope, const Emit& emit, const SumCase& c, const Name& name_or) {
  const Figures& figures = *scope.figures;
  const KeyIndex& keys = scope.subject->keys();
  // unit_of and figures.of of the total, with its key looked up once.
  const std::size_t first = keys.first_index(*c.total);
  const bool total_stated = first != FactStore::npos;
  // Nothing states the total: it can only be derived (Figures::derived), from its changes. Most
  // bases made from the parts' facts are such, and most have none.
  if (!total_stated && !derivable(scope, *c.total)) return;
  const Unit unit =
      total_stated ? unit_stated(scope, first) : unit_unstated(scope, keys.to_fact_key(*c.total));
  if (total_stated && bare_sum_pass(scope, emit, c, first, unit)) return;
  std::vector<std::vector<Figure>> alternatives;
  alternatives.reserve(c.parts.size() + 1);
  alternatives.push_back(total_stated ? figures.stated_from(first, unit) : std::vector<Figure>{});
  if (alternatives.front().empty() && derivable(scope, *c.total)) {
    alternatives.front() = figures.derived(keys.to_fact_key(*c.total), unit);
  }
  if (alternatives.front().empty()) return;
  bool complete = true;
  for (const KeyIndex::Key* p : c.parts) {
    auto alts = p != nullptr ? figures_of(scope, *p, unit) : std::vector<Figure>{};
    if (alts.empty()) {
      complete = false;
      continue;
    }
    alternatives.push_back(std::move(alts));
  }
  if (alternatives.size() < 2) return;

  // Equality where the parts are complete, else Σ parts ≤ total (docs/rules.md).
  const auto equal = [&](const std::vector<const Figure*>& choice) {
    return c.exhaustive && complete && (!c.tables_only_equal || from_tables(choice));
  };
  const auto sum_of_parts =
      [](const std::vector<const Figure*>& choice) -> std::optional<std::pair<Interval, Decimal>> {
    if (all_derived(choice)) return std::nullopt;
    Result<Interval> sum = Interval::point(Decimal{});
    Result<Decimal> point = Decimal{};
    for (std::size_t i = 1; i < choice.size(); ++i) {
      sum = sum.and_then([&](const Interval& s) { return try_add(s, choice[i]->range); });
      point = point.and_then([&](Decimal s) { return try_add(s, choice[i]->point); });
    }
    if (!sum || !point) return std::nullopt;
    return std::pair{*sum, *point};
  };
  const Searched found = search(std::move(alternatives), sum_of_parts, [&](const Choice& choice) {
    const Interval& total = choice.figures[0]->range;
    return equal(choice.figures) ? figures.agree(total, choice.expected, unit)
                                 : figures.can_be_at_most(choice.expected, total, unit);
  });
  const Choice* shown_choice = found.shown();
  if (shown_choice == nullptr) return;
  const auto& choice = shown_choice->figures;
  if (emit_bare_pass(scope, emit, found.held())) return;
  const auto& name = name_of(name_or);
  Outcome o;
  o.held = found.held();
  for (const Figure* f : choice) o.figures.push_back(to_finding_figure(*f));
  // The total's place, or, for a derived total, the first stated part's.
  for (const Figure* f : choice) {
    if (!f->derived()) {
      o.where = f->fact->source;
      break;
    }
  }
  const auto parts_text = [&](Language lang) {
    std::string s;
    for (std::size_t i = 1; i < choice.size(); ++i) {
      if (i > 1) s += " + ";
      s += shown(*choice[i], lang);
    }
    return s;
  };
  const std::string y_zh = year_prefix(scope, c.total->year, Language::zh);
  const std::string y_en = year_prefix(scope, c.total->year, Language::en);
  if (o.held) {
    o.message = {y_zh + name.zh + "：成立", y_en + name.en + ": holds"};
    emit(std::move(o));
    return;
  }
  const int dec = decimals_of(*choice[0]);
  const std::string sum_text = point_text(shown_choice->point, dec, unit);
  if (equal(choice)) {
    o.message = {y_zh + name.zh + "：合计 " + shown(*choice[0], Language::zh) + " 不等于 " +
                     parts_text(Language::zh) + " = " + sum_text + unit_word(unit, Language::zh),
                 y_en + name.en + ": the total " + shown(*choice[0], Language::en) + " is not " +
                     parts_text(Language::en) + " = " + sum_text + unit_word(unit, Language::en)};
    o.expected = Expected{sum_text, shown_choice->expected, unit};
  } else {
    o.message = {
        y_zh + name.zh + "：各项 " + parts_text(Language::zh) + " = " + sum_text +
            unit_word(unit, Language::zh) + "，超过合计 " + shown(*choice[0], Language::zh),
        y_en + name.en + ": the parts " + parts_text(Language::en) + " = " + sum_text +
            unit_word(unit, Language::en) + " exceed the total " + shown(*choice[0], Language::en)};
    o.expected = Expected{"≥ " + sum_text, std::nullopt, unit};
  }
  emit(std::move(o));
}

// Calls `consider` with the interned key of each value stated for the concepts (each concept
// once, however often it is named) and with the prior-year value key of each change that names
// its prior year: the keys at which a value is stated or can be derived. Its second argument
// says whether the key lasts as long as the subject (a fact's own key) or only for the call (a
// prior-year key).
template <class Consider>
void for_each_value_key(const Scope& scope, std::span<const std::string_view> concepts,
                        Consider&& consider) {
  KeyIndex::Key prior;
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    const std::string_view concept_id = concepts[i];
    if (std::find(concepts.begin(), concepts.begin() + static_cast<std::ptrdiff_t>(i),
                  concept_id) != concepts.begin() + static_cast<std::ptrdiff_t>(i)) {
      continue;  // named before
    }
    for (const Fact* f : scope.subject->of_concept(concept_id)) {
      const KeyIndex::Key& k = scope.subject->key_of(*f);
      if (k.measure == Measure::value) {
        consider(k, true);
      } else if (k.measure == Measure::change && k.prior_year != 0) {
        prior = k;
        prior.measure = Measure::value;
        prior.year = k.prior_year;
        prior.prior_year = 0;
        consider(prior, false);
      }
    }
  }
}

// A part of an identity with its strings interned: its concept and dimensions as ids. `known` is
// false when the report's keys lack one of its strings: then no key of the report is the part.
struct InternedPart {
  KeyIndex::Id concept_id = KeyIndex::no_id;
  std::vector<std::pair<KeyIndex::Id, KeyIndex::Id>> dims;
  bool known = false;
};

InternedPart intern_part(const KeyIndex& keys, const Part& part) {
  InternedPart out;
  out.concept_id = keys.id(part.concept_id);
  out.known = out.concept_id != KeyIndex::no_id;
  for (const auto& [name, value] : part.dims) {
    const KeyIndex::Id n = keys.id(name);
    const KeyIndex::Id v = keys.id(value);
    out.known = out.known && n != KeyIndex::no_id && v != KeyIndex::no_id;
    out.dims.emplace_back(n, v);
  }
  return out;
}

// The parts of an identity, interned.
std::vector<InternedPart> intern_parts(const KeyIndex& keys, const SumIdentity& id) {
  std::vector<InternedPart> out;
  out.reserve(id.parts.size());
  for (const Part& p : id.parts) out.push_back(intern_part(keys, p));
  return out;
}

// Whether a key has every dimension of a part, with the part's values.
bool has_dims(const KeyIndex::Key& key, const InternedPart& part) {
  return part.known && std::all_of(part.dims.begin(), part.dims.end(),
                                   [&](const auto& d) { return key.get(d.first) == d.second; });
}

// The key of a part at a base, written over `out` (whose memory is reused): the base with the
// part's concept and its dimensions added. The part must be known.
void assign_part_key(KeyIndex::Key& out, const KeyIndex::Key& base, const InternedPart& part) {
  out = base;
  out.concept_id = part.concept_id;
  for (const auto& [name, value] : part.dims) out.set(name, value);
}

// The positions of `keys` in key order (interned keys sort as their FactKeys do): sorting
// positions, as swapping the keys themselves swaps their inline dimensions word by word.
std::vector<std::size_t> key_order(std::span<const KeyIndex::Key> keys) {
  std::vector<std::size_t> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  return order;
}

// The (year, scenario, dims) at which an identity may be checked, as keys of its total: where
// its total or a part is stated, or a prior-year value of one can be derived. None when the
// report's keys lack the total's concept: nothing states the total or a change of it.
std::vector<KeyIndex::Key> identity_bases(const Scope& scope, const SumIdentity& id,
                                          std::span<const InternedPart> parts) {
  const KeyIndex::Id total = scope.subject->keys().id(id.total);
  if (total == KeyIndex::no_id) return {};
  // Each base once (most are met many times: once per fact of the total and of each part at it).
  InternedKeySet bases;
  KeyIndex::Key base;
  const auto consider = [&](const KeyIndex::Key& k, bool /*lasting*/) {
    if (k.concept_id == total) bases.insert(k);
    for (const InternedPart& p : parts) {
      if (k.concept_id != p.concept_id || !has_dims(k, p)) continue;
      base = k;
      base.concept_id = total;
      for (const auto& d : p.dims) base.set(d.first, KeyIndex::no_id);
      bases.insert(base);
    }
  };
  // Only the facts of the identity's concepts are considered.
  std::vector<std::string_view> concepts{id.total};
  for (const Part& p : id.parts) concepts.emplace_back(p.concept_id);
  for_each_value_key(scope, concepts, consider);
  // Sorted.
  std::vector<KeyIndex::Key> distinct = bases.take();
  std::vector<KeyIndex::Key> sorted;
  sorted.reserve(distinct.size());
  for (const std::size_t i : key_order(distinct)) sorted.push_back(std::move(distinct[i]));
  // A total that already has a part's dimensions (reception with scope = domestic) is that part,
  // not a whole made of it.
  std::erase_if(sorted, [&](const KeyIndex::Key& b) {
    return std::any_of(parts.begin(), parts.end(), [&](const InternedPart& p) {
      return p.concept_id == total && !p.dims.empty() && has_dims(b, p);
    });
  });
  return sorted;
}

// Interned keys grouped under a total key: each total once, with its distinct parts, both in key
// order. A part that lasts (a fact's own key) is pointed at, not copied.
class KeyGroups {
 public:
  void add(const KeyIndex::Key& total, const KeyIndex::Key& part, bool part_lasts) {
    const auto [at, added] = totals_.insert(total);
    if (added) parts_.emplace_back();
    if (!part_lasts) {
      made_.push_back(part);
      parts_[at].push_back(&made_.back());
    } else {
      parts_[at].push_back(&part);
    }
  }

  // Calls visit(total, parts) per total, in order.
  template <class Visit>
  void each(Visit&& visit) {
    const std::span<const KeyIndex::Key> totals = totals_.keys();
    const auto less = [](const KeyIndex::Key* a, const KeyIndex::Key* b) { return *a < *b; };
    const auto same = [](const KeyIndex::Key* a, const KeyIndex::Key* b) { return *a == *b; };
    for (const std::size_t t : key_order(totals)) {
      std::vector<const KeyIndex::Key*>& parts = parts_[t];
      std::sort(parts.begin(), parts.end(), less);
      parts.erase(std::unique(parts.begin(), parts.end(), same), parts.end());
      visit(totals[t], parts);
    }
  }

 private:
  InternedKeySet totals_;
  std::vector<std::vector<const KeyIndex::Key*>> parts_;  // by position in totals_
  std::deque<KeyIndex::Key> made_;  // the parts that do not last, where they stay put
};

// ---------------------------------------------------------------------------------------------
// Implied budgets

// Implied budgets are kept to this many decimals of the actual value's unit, rounded outward.
constexpr int budget_decimals = 6;

struct Budget {
  Decimal lo;
  std::optional<Decimal> hi;  // none: unbounded
};

std::optional<Budget> implied_budget(const Figure& actual, const Figure& rate) {
  // budget = actual ÷ (rate / 100)
  const Interval& a = actual.range;
  const Interval& r = rate.range;
  // Quotients carry 18 digits; rounded outward to budget_decimals they stay wide enough and
  // leave room to add several of them.
  const auto outward = [](Decimal d, Rounding mode) {
    return try_round_to(d, budget_decimals, mode);
  };
  if (r.lo().signum() > 0) {
    auto b =
        try_divide(a, r).and_then([](const Interval& i) { return i.try_scale_by_power_of_ten(2); });
    if (!b) return std::nullopt;
    auto lo = outward(b->lo(), Rounding::floor);
    auto hi = outward(b->hi(), Rounding::ceiling);
    if (!lo || !hi) return std::nullopt;
    return Budget{*lo, *hi};
  }
  if (r.hi().signum() > 0 && a.lo().signum() > 0) {
    auto lo = try_divide(a.lo(), r.hi(), Context{18, Rounding::floor});
    if (!lo) return std::nullopt;
    auto scaled =
        Decimal::make(lo->coefficient(), std::int64_t{lo->exponent()} + 2).and_then([&](Decimal d) {
          return outward(d, Rounding::floor);
        });
    if (!scaled) return std::nullopt;
    return Budget{*scaled, std::nullopt};
  }
  return Budget{Decimal{}, std::nullopt};
}

// The bounds to `decimals`, or to more where fewer would show one value for a range.
std::string budget_text(const Budget& b, int decimals) {
  const auto lo = try_round_to(b.lo, decimals, Rounding::floor);
  if (!b.hi) return "≥ " + (lo ? to_string(*lo) : to_string(b.lo));
  for (int d = decimals; d <= budget_decimals; ++d) {
    const auto l = try_round_to(b.lo, d, Rounding::floor);
    const auto h = try_round_to(*b.hi, d, Rounding::ceiling);
    if (!l || !h) break;
    if (*l != *h || d == budget_decimals) return fmt::format("{}–{}", to_string(*l), to_string(*h));
  }
  return fmt::format("{}–{}", to_string(b.lo), to_string(*b.hi));
}

// ---------------------------------------------------------------------------------------------
// Budget keys of completion rates

std::vector<FactKey> budget_keys(const FactKey& actual,
                                 const std::vector<std::pair<std::string, std::string>>& map) {
  std::string concept_id = actual.concept_id;
  for (const auto& [from, to] : map) {
    if (from == concept_id) concept_id = to;
  }
  std::vector<FactKey> out;
  for (Scenario s : {Scenario::adjusted_budget, Scenario::budget, Scenario::initial_budget}) {
    FactKey k = value_key(actual);
    k.concept_id = concept_id;
    k.scenario = s;
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<Figure> budget_of(const Scope& scope, const FactKey& actual,
                              const std::vector<std::pair<std::string, std::string>>& map,
                              Unit unit) {
  // Each stated budget (adjusted, full-year, initial) is an alternative the rate may refer to.
  std::vector<Figure> out;
  for (const FactKey& k : budget_keys(actual, map)) {
    for (Figure& f : scope.figures->stated(k, unit)) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

Check sum_check(SumIdentity identity) {
  return [id = std::move(identity)](const Scope& scope, const Emit& emit) {
    const std::vector<InternedPart> interned = intern_parts(scope.subject->keys(), id);
    std::vector<KeyIndex::Key> part_keys(id.parts.size());
    std::vector<const KeyIndex::Key*> parts(part_keys.size());
    SumCase c;
    c.parts = parts;
    c.exhaustive = id.exhaustive;
    for (const KeyIndex::Key& base : identity_bases(scope, id, interned)) {
      c.total = &base;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (interned[i].known) {
          assign_part_key(part_keys[i], base, interned[i]);
          parts[i] = &part_keys[i];
        } else {
          parts[i] = nullptr;
        }
      }
      check_sum_case(scope, emit, c, id.name);
    }
  };
}

Check dimension_sum_check(DimensionSum breakdown) {
  return [b = std::move(breakdown)](const Scope& scope, const Emit& emit) {
    const KeyIndex& keys = scope.subject->keys();
    const KeyIndex::Id dim = keys.id(b.dim);
    // An empty total value is the dimension left out: no_id, which Key::set removes.
    const KeyIndex::Id total_value =
        b.total_value.empty() ? KeyIndex::no_id : keys.id(b.total_value);
    // Without the dimension or its total's value among the report's strings, no total is stated
    // or derived: nothing to check.
    if (dim == KeyIndex::no_id || (!b.total_value.empty() && total_value == KeyIndex::no_id)) {
      return;
    }
    KeyGroups groups;  // total key → part keys
    KeyIndex::Key total_key;
    const auto consider = [&](const KeyIndex::Key& k, bool lasting) {
      const KeyIndex::Id v = k.get(dim);
      if (v == KeyIndex::no_id || v == total_value) return;
      total_key = k;
      total_key.set(dim, total_value);
      groups.add(total_key, k, lasting);
    };
    const std::vector<std::string_view> concepts(b.concepts.begin(), b.concepts.end());
    for_each_value_key(scope, concepts, consider);
    groups.each([&](const KeyIndex::Key& total, const std::vector<const KeyIndex::Key*>& parts) {
      SumCase c;
      c.total = &total;
      c.parts = parts;
      if (b.closed_values.empty()) {
        c.exhaustive = true;
        c.tables_only_equal = true;
      } else {
        c.exhaustive =
            std::all_of(b.closed_values.begin(), b.closed_values.end(), [&](const std::string& v) {
              const KeyIndex::Id value = keys.id(v);
              if (value == KeyIndex::no_id) return false;
              KeyIndex::Key k = total;
              k.set(dim, value);
              return keys.first_index(k) != FactStore::npos;
            });
      }
      check_sum_case(scope, emit, c, b.name);
    });
  };
}

Check code_sum_check(std::string dim, std::vector<std::size_t> lengths) {
  return [dim = std::move(dim), lengths = std::move(lengths)](const Scope& scope,
                                                              const Emit& emit) {
    const KeyIndex& keys = scope.subject->keys();
    const KeyIndex::Id dim_id = keys.id(dim);
    if (dim_id == KeyIndex::no_id) return;
    KeyGroups groups;
    KeyIndex::Key parent;
    const std::span<const Fact> facts = scope.subject->facts().all();
    for (std::size_t i = 0; i < facts.size(); ++i) {
      const KeyIndex::Key& k = keys.key_of(i);
      if (k.measure != Measure::value) continue;
      const KeyIndex::Id code_id = k.get(dim_id);
      if (code_id == KeyIndex::no_id) continue;
      const std::string_view code = keys.text(code_id);
      auto level = std::find(lengths.begin(), lengths.end(), code.size());
      if (level == lengths.end()) continue;
      // The parent's code; one no key of the report has is neither stated nor derived.
      const KeyIndex::Id parent_code =
          level == lengths.begin() ? KeyIndex::no_id : keys.id(code.substr(0, *(level - 1)));
      if (level != lengths.begin() && parent_code == KeyIndex::no_id) continue;
      parent = k;
      parent.set(dim_id, parent_code);
      groups.add(parent, k, true);
    }
    groups.each([&](const KeyIndex::Key& total, const std::vector<const KeyIndex::Key*>& parts) {
      SumCase c;
      c.total = &total;
      c.parts = parts;
      c.exhaustive = true;
      c.tables_only_equal = true;
      const auto name = [&] {
        const std::string code(keys.text(total.get(dim_id)));
        const std::string_view concept_id = keys.text(total.concept_id);
        const std::string zh_name = concept_name(concept_id, Language::zh);
        const std::string en_name = concept_name(concept_id, Language::en);
        return code.empty()
                   ? Text{fmt::format("{}：合计 = 各类之和", zh_name),
                          fmt::format("{}: total = Σ classes", en_name)}
                   : Text{fmt::format("{}：科目 {} = 其下级科目之和", zh_name, code),
                          fmt::format("{}: code {} = Σ the codes below it", en_name, code)};
      };
      check_sum_case(scope, emit, c, name);
    });
  };
}

Check implied_budget_check(SumIdentity identity) {
  return [id = std::move(identity)](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    // Every operand needs a completion rate: nothing to check when a concept has none.
    const auto has_rate = [&](std::string_view concept_id) {
      const auto facts = scope.subject->of_concept(concept_id);
      return std::any_of(facts.begin(), facts.end(),
                         [](const Fact* f) { return f->key.measure == Measure::completion_rate; });
    };
    if (!has_rate(id.total) || !std::all_of(id.parts.begin(), id.parts.end(), [&](const Part& p) {
          return has_rate(p.concept_id);
        })) {
      return;
    }
    // The operands' keys and their rates' keys, written over at each base (assign_part_key).
    const KeyIndex& index = scope.subject->keys();
    const std::vector<InternedPart> interned = intern_parts(index, id);
    std::vector<KeyIndex::Key> keys(id.parts.size() + 1);
    KeyIndex::Key rate_key;
    std::vector<std::size_t> rate_firsts(keys.size());
    for (const KeyIndex::Key& base : identity_bases(scope, id, interned)) {
      // Every operand needs a stated rate: looked for first, as most bases have none, and each
      // part's key made only when the operands before it have one.
      bool usable = true;
      for (std::size_t i = 0; i < keys.size() && usable; ++i) {
        if (i == 0) {
          keys[0] = base;
        } else if (interned[i - 1].known) {
          assign_part_key(keys[i], base, interned[i - 1]);
        } else {
          usable = false;
          break;
        }
        rate_key = keys[i];
        rate_key.measure = Measure::completion_rate;
        rate_firsts[i] = index.first_index(rate_key);
        usable = rate_firsts[i] != FactStore::npos;
      }
      if (!usable) continue;
      const std::size_t base_first = index.first_index(base);
      const Unit unit = base_first != FactStore::npos
                            ? unit_stated(scope, base_first)
                            : unit_unstated(scope, index.to_fact_key(base));
      // Operands in pairs: actual, rate.
      std::vector<std::vector<Figure>> alternatives;
      for (std::size_t i = 0; i < keys.size() && usable; ++i) {
        auto actual = figures.stated_from(index.first_index(keys[i]), unit);
        auto rate = figures.stated_from(rate_firsts[i], Unit::percent);
        usable = !actual.empty() && !rate.empty();
        alternatives.push_back(std::move(actual));
        alternatives.push_back(std::move(rate));
      }
      if (!usable) continue;
      std::optional<std::vector<const Figure*>> held;
      std::optional<std::vector<const Figure*>> failed;
      std::vector<Budget> failed_budgets;
      for_each_choice(alternatives, [&](const std::vector<const Figure*>& choice) {
        std::vector<Budget> budgets;
        for (std::size_t i = 0; i + 1 < choice.size(); i += 2) {
          auto b = implied_budget(*choice[i], *choice[i + 1]);
          if (!b) return true;
          budgets.push_back(*b);
        }
        Decimal parts_lo{};
        std::optional<Decimal> parts_hi = Decimal{};
        for (std::size_t i = 1; i < budgets.size(); ++i) {
          auto lo = try_add(parts_lo, budgets[i].lo);
          if (!lo) return true;
          parts_lo = *lo;
          if (parts_hi && budgets[i].hi) {
            auto hi = try_add(*parts_hi, *budgets[i].hi);
            parts_hi = hi ? std::optional<Decimal>(*hi) : std::nullopt;
          } else {
            parts_hi.reset();
          }
        }
        const Budget& total = budgets.front();
        // Σ parts' lowest budgets ≤ the total's highest; for an exhaustive identity also the
        // total's lowest ≤ Σ parts' highest (the policy's tolerance applies to both).
        bool ok = !total.hi || figures.can_be_at_most(Interval::point(parts_lo),
                                                      Interval::point(*total.hi), unit);
        if (ok && id.exhaustive && parts_hi) {
          ok = figures.can_be_at_most(Interval::point(total.lo), Interval::point(*parts_hi), unit);
        }
        if (ok) {
          held = choice;
          return false;
        }
        if (!failed) {
          failed = choice;
          failed_budgets = budgets;
        }
        return true;
      });
      const auto& choice = held ? *held : failed ? *failed : std::vector<const Figure*>{};
      if (choice.empty()) continue;
      if (emit_bare_pass(scope, emit, held.has_value())) continue;
      Outcome o;
      o.held = held.has_value();
      for (const Figure* f : choice) o.figures.push_back(to_finding_figure(*f));
      o.where = choice[1]->fact->source;
      if (o.held) {
        o.message = {"按完成率推算的预算（" + id.name.zh + "）：成立",
                     "budgets implied by completion rates (" + id.name.en + "): hold"};
        emit(std::move(o));
        continue;
      }
      const int dec = decimals_of(*choice[0]) + 1;
      const auto terms = [&](Language lang) {
        std::string s;
        for (std::size_t i = 2; i + 1 < choice.size(); i += 2) {
          if (i > 2) s += " + ";
          s += shown(*choice[i], lang) + " ÷ " + shown(*choice[i + 1], lang);
        }
        return s;
      };
      Decimal parts_lo{};
      for (std::size_t i = 1; i < failed_budgets.size(); ++i) {
        parts_lo = try_add(parts_lo, failed_budgets[i].lo).value_or(parts_lo);
      }
      const std::string total_text = budget_text(failed_budgets.front(), dec);
      const std::string parts_text = budget_text(Budget{parts_lo, std::nullopt}, dec);
      o.message = {
          fmt::format("按完成率推算的预算不相加（{}）：合计预算 {} ÷ {} = {}，各项预算 {} {}",
                      id.name.zh, shown(*choice[0], Language::zh), shown(*choice[1], Language::zh),
                      total_text, terms(Language::zh), parts_text),
          fmt::format("budgets implied by completion rates do not add up ({}): the total's {} ÷ {} "
                      "= {}, the parts' {} {}",
                      id.name.en, shown(*choice[0], Language::en), shown(*choice[1], Language::en),
                      total_text, terms(Language::en), parts_text)};
      o.expected = Expected{parts_text, std::nullopt, unit};
      emit(std::move(o));
    }
  };
}

Check share_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    for (const Fact* share : anchors(scope, Measure::share)) {
      if (!share->base) continue;
      const FactKey part_key = value_key(share->key);
      FactKey whole_key = value_key(*share->base);
      if (whole_key.year == 0) whole_key.year = share->key.year;
      const Unit unit = unit_of(scope, part_key);
      auto parts = figures.of(part_key, unit);
      auto wholes = figures.of(whole_key, unit);
      if (parts.empty() || wholes.empty()) continue;
      if (std::all_of(wholes.begin(), wholes.end(), is_zero_figure)) continue;
      const Figure stated = as_figure(figures, *share, Unit::percent);
      const Searched found = search({parts, wholes}, quotient, [&](const Choice& c) {
        return figures.agree(stated.range, c.expected, Unit::percent);
      });
      const Choice* shown_choice = found.shown();
      if (shown_choice == nullptr) continue;
      const auto& choice = shown_choice->figures;
      if (emit_bare_pass(scope, emit, found.held())) continue;
      Outcome o;
      o.held = found.held();
      o.where = share->source;
      o.figures = finding_figures({&stated, choice[0], choice[1]});
      const std::string y_zh = year_prefix(scope, share->key.year, Language::zh);
      const std::string y_en = year_prefix(scope, share->key.year, Language::en);
      const std::string part_zh = concept_name(part_key.concept_id, Language::zh);
      const std::string part_en = concept_name(part_key.concept_id, Language::en);
      if (o.held) {
        o.message = {y_zh + part_zh + "占比 " + stated.text + "：成立",
                     y_en + part_en + " share " + stated.text + ": holds"};
      } else {
        const std::string exp =
            point_text(shown_choice->point, share->value.decimals(), Unit::percent);
        const std::string rng =
            range_text(shown_choice->expected, share->value.decimals() + 2, Unit::percent);
        o.message = {
            fmt::format("{}{}占比 {} 与 {} ÷ {} = {}（{}）不符", y_zh, part_zh, stated.text,
                        shown(*choice[0], Language::zh), shown(*choice[1], Language::zh), exp, rng),
            fmt::format("{}{} share {} is not {} ÷ {} = {} ({})", y_en, part_en, stated.text,
                        shown(*choice[0], Language::en), shown(*choice[1], Language::en), exp,
                        rng)};
        o.expected = Expected{exp, shown_choice->expected, Unit::percent};
      }
      emit(std::move(o));
    }
  };
}

Check change_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    for (const Fact* change : anchors(scope, Measure::change)) {
      if (change->key.prior_year == 0) continue;
      const FactKey now_key = value_key(change->key);
      FactKey prior_key = now_key;
      prior_key.year = change->key.prior_year;
      const Unit unit = change->value.unit;
      auto now = figures.stated(now_key, unit);
      auto prior = figures.stated(prior_key, unit);
      if (now.empty() || prior.empty()) continue;
      const Figure stated = as_figure(figures, *change, unit);
      const Searched found = search({now, prior}, difference, [&](const Choice& c) {
        return figures.agree(stated.range, c.expected, unit);
      });
      const Choice* shown_choice = found.shown();
      if (shown_choice == nullptr) continue;
      const auto& choice = shown_choice->figures;
      if (emit_bare_pass(scope, emit, found.held())) continue;
      Outcome o;
      o.held = found.held();
      o.where = change->source;
      o.figures = finding_figures({&stated, choice[0], choice[1]});
      const std::string name_zh = concept_name(now_key.concept_id, Language::zh);
      const std::string name_en = concept_name(now_key.concept_id, Language::en);
      const std::string signed_text =
          (change->direction == Direction::decrease ? "−" : "") + change->value.text;
      if (o.held) {
        o.message = {fmt::format("{}增减 {}：成立", name_zh, signed_text),
                     fmt::format("{} change {}: holds", name_en, signed_text)};
      } else {
        const std::string exp = point_text(shown_choice->point, change->value.decimals(), unit);
        o.message = {
            fmt::format("{}增减 {}{} 与 {} − {} = {}{} 不符", name_zh, signed_text,
                        unit_word(unit, Language::zh), shown(*choice[0], Language::zh),
                        shown(*choice[1], Language::zh), exp, unit_word(unit, Language::zh)),
            fmt::format("{} change {}{} is not {} − {} = {}{}", name_en, signed_text,
                        unit_word(unit, Language::en), shown(*choice[0], Language::en),
                        shown(*choice[1], Language::en), exp, unit_word(unit, Language::en))};
        o.expected = Expected{exp, shown_choice->expected, unit};
      }
      emit(std::move(o));
    }
  };
}

Check change_rate_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    for (const Fact* rate : anchors(scope, Measure::change_rate)) {
      if (rate->key.prior_year == 0) continue;
      const FactKey now_key = value_key(rate->key);
      FactKey prior_key = now_key;
      prior_key.year = rate->key.prior_year;
      FactKey change_key = rate->key;
      change_key.measure = Measure::change;
      const Unit unit = unit_of(scope, now_key);
      auto now = figures.stated(now_key, unit);
      if (now.empty()) continue;
      std::vector<Figure> changes = figures.stated(change_key, unit);
      const bool by_change = !changes.empty();
      auto prior = by_change ? std::vector<Figure>{} : figures.stated(prior_key, unit);
      if (!by_change && prior.empty()) continue;
      const Figure stated = as_figure(figures, *rate, Unit::percent);
      // The change of a choice, as an interval and as written: stated, or now − prior.
      const auto change_of =
          [by_change](
              const std::vector<const Figure*>& c) -> std::optional<std::pair<Interval, Decimal>> {
        if (by_change) return std::pair{c[1]->range, c[1]->point};
        return difference(c);
      };
      const auto rate_of =
          [&](const std::vector<const Figure*>& c) -> std::optional<std::pair<Interval, Decimal>> {
        const auto delta = change_of(c);
        // The prior year's value: stated, or now − change.
        const auto base = by_change ? difference(c) : std::pair{c[1]->range, c[1]->point};
        if (!delta || !base || base->first.contains(Decimal{})) return std::nullopt;  // zero_base's
        const Interval abs_base = base->first.lo().signum() < 0 ? -base->first : base->first;
        const Decimal abs_point = base->second.signum() < 0 ? -base->second : base->second;
        auto range = percent_of(delta->first, abs_base);
        auto point = percent_point(delta->second, abs_point);
        if (!range || !point) return std::nullopt;
        return std::pair{*range, *point};
      };
      const Searched found = search(
          {now, by_change ? changes : prior}, rate_of,
          [&](const Choice& c) { return figures.agree(stated.range, c.expected, Unit::percent); });
      const Choice* shown_choice = found.shown();
      if (shown_choice == nullptr) continue;
      const auto& choice = shown_choice->figures;
      // A rate that fits the change over this year's value took the wrong base.
      bool wrong_base = false;
      if (!found.held()) {
        const auto delta = change_of(choice);
        const auto against_now = delta ? percent_of(delta->first, choice[0]->range)
                                       : Result<Interval>(unexpected(ArithmeticErrc::overflow));
        wrong_base = against_now && figures.agree(stated.range, *against_now, Unit::percent);
      }
      if (emit_bare_pass(scope, emit, found.held())) continue;
      Outcome o;
      o.held = found.held();
      o.where = rate->source;
      o.figures = finding_figures({&stated, choice[0], choice[1]});
      const std::string name_zh = concept_name(now_key.concept_id, Language::zh);
      const std::string name_en = concept_name(now_key.concept_id, Language::en);
      const std::string signed_text =
          (rate->direction == Direction::decrease ? "−" : "") + rate->value.text;
      if (o.held) {
        o.message = {fmt::format("{}增减率 {}：成立", name_zh, signed_text),
                     fmt::format("{} change rate {}: holds", name_en, signed_text)};
      } else {
        const int dec = rate->value.decimals();
        const std::string exp = point_text(shown_choice->point, dec, Unit::percent);
        const std::string rng = range_text(shown_choice->expected, dec + 2, Unit::percent);
        const std::string how_zh =
            by_change
                ? "增减额 " + shown(*choice[1], Language::zh) + " ÷ 上年数（" +
                      shown(*choice[0], Language::zh) + " − 增减额）"
                : "（" + shown(*choice[0], Language::zh) + " − " + shown(*choice[1], Language::zh) +
                      "）÷ " + shown(*choice[1], Language::zh);
        const std::string how_en =
            by_change
                ? "the change " + shown(*choice[1], Language::en) + " ÷ the prior year's value (" +
                      shown(*choice[0], Language::en) + " − the change)"
                : "(" + shown(*choice[0], Language::en) + " − " + shown(*choice[1], Language::en) +
                      ") ÷ " + shown(*choice[1], Language::en);
        o.message = {
            fmt::format("{}增减率 {} 与 {} = {}（{}）不符", name_zh, signed_text, how_zh, exp, rng),
            fmt::format("{} change rate {} is not {} = {} ({})", name_en, signed_text, how_en, exp,
                        rng)};
        if (wrong_base) {
          o.message.zh +=
              "；它是增减额除以本年数 " + shown(*choice[0], Language::zh) + " 的结果，基数用错";
          o.message.en += "; it is the change divided by this year's " +
                          shown(*choice[0], Language::en) + ": the wrong base";
        }
        o.expected = Expected{exp, shown_choice->expected, Unit::percent};
      }
      emit(std::move(o));
    }
  };
}

Check completion_rate_check(std::vector<std::pair<std::string, std::string>> budget_concepts) {
  return [map = std::move(budget_concepts)](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    for (const Fact* rate : anchors(scope, Measure::completion_rate)) {
      const FactKey actual_key = value_key(rate->key);
      const Unit unit = unit_of(scope, actual_key);
      auto actual = figures.stated(actual_key, unit);
      auto budget = budget_of(scope, actual_key, map, unit);
      if (actual.empty() || budget.empty()) continue;
      if (std::all_of(budget.begin(), budget.end(), is_zero_figure)) continue;
      const Figure stated = as_figure(figures, *rate, Unit::percent);
      const Searched found = search({actual, budget}, quotient, [&](const Choice& c) {
        return figures.agree(stated.range, c.expected, Unit::percent);
      });
      const Choice* shown_choice = found.shown();
      if (shown_choice == nullptr) continue;
      const auto& choice = shown_choice->figures;
      if (emit_bare_pass(scope, emit, found.held())) continue;
      Outcome o;
      o.held = found.held();
      o.where = rate->source;
      o.figures = finding_figures({&stated, choice[0], choice[1]});
      const std::string name_zh = concept_name(actual_key.concept_id, Language::zh);
      const std::string name_en = concept_name(actual_key.concept_id, Language::en);
      if (o.held) {
        o.message = {name_zh + "完成预算 " + stated.text + "：成立",
                     name_en + " completion rate " + stated.text + ": holds"};
      } else {
        const int dec = rate->value.decimals();
        const std::string exp = point_text(shown_choice->point, dec, Unit::percent);
        o.message = {
            fmt::format("{}完成预算 {} 与 {} ÷ 预算 {} = {} 不符", name_zh, stated.text,
                        shown(*choice[0], Language::zh), shown(*choice[1], Language::zh), exp),
            fmt::format("{} completion rate {} is not {} ÷ the budget {} = {}", name_en,
                        stated.text, shown(*choice[0], Language::en),
                        shown(*choice[1], Language::en), exp)};
        o.expected = Expected{exp, shown_choice->expected, Unit::percent};
      }
      emit(std::move(o));
    }
  };
}

Check zero_base_check(std::vector<std::pair<std::string, std::string>> budget_concepts) {
  return [map = std::move(budget_concepts)](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    const auto report = [&](const Fact& rate, const std::vector<Figure>& bases, const Text& what) {
      if (bases.empty()) return;
      const bool nonzero = !std::all_of(bases.begin(), bases.end(), is_zero_figure);
      if (emit_bare_pass(scope, emit, nonzero)) return;
      Outcome o;
      o.where = rate.source;
      const Figure stated = as_figure(figures, rate, Unit::percent);
      o.held = nonzero;
      o.figures = finding_figures({&stated, &bases.front()});
      if (o.held) {
        o.message = {what.zh + " " + rate.value.text + "：基数不为零",
                     what.en + " " + rate.value.text + ": the base is not zero"};
      } else {
        o.message = {what.zh + " " + rate.value.text + " 的基数 " +
                         shown(bases.front(), Language::zh) + " 为零，比率无定义",
                     what.en + " " + rate.value.text + " has the base " +
                         shown(bases.front(), Language::en) + ", zero: the rate is undefined"};
      }
      emit(std::move(o));
    };
    for (const Fact* share : anchors(scope, Measure::share)) {
      if (!share->base) continue;
      FactKey whole = value_key(*share->base);
      if (whole.year == 0) whole.year = share->key.year;
      const std::string n = concept_name(share->key.concept_id, Language::zh);
      report(*share, figures.of(whole, unit_of(scope, whole)),
             {n + "占比", concept_name(share->key.concept_id, Language::en) + " share"});
    }
    for (const Fact* rate : anchors(scope, Measure::change_rate)) {
      if (rate->key.prior_year == 0) continue;
      FactKey prior = value_key(rate->key);
      prior.year = rate->key.prior_year;
      report(*rate, figures.of(prior, unit_of(scope, prior)),
             {concept_name(rate->key.concept_id, Language::zh) + "增减率",
              concept_name(rate->key.concept_id, Language::en) + " change rate"});
    }
    for (const Fact* rate : anchors(scope, Measure::completion_rate)) {
      const FactKey actual = value_key(rate->key);
      report(*rate, budget_of(scope, actual, map, unit_of(scope, actual)),
             {concept_name(rate->key.concept_id, Language::zh) + "完成预算",
              concept_name(rate->key.concept_id, Language::en) + " completion rate"});
    }
  };
}

Check at_most_check(Part lesser, Part greater, Text name, Dimensions fallback) {
  return [lesser = std::move(lesser), greater = std::move(greater), name = std::move(name),
          fallback = std::move(fallback)](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    std::set<FactKey> bases;
    for (const Fact& f : scope.subject->facts().all()) {
      if (f.key.measure != Measure::value || f.key.concept_id != lesser.concept_id) continue;
      bool has_all = true;
      Dimensions base = f.key.dims;
      for (const auto& [n, v] : lesser.dims) {
        auto got = f.key.dims.get(n);
        if (!got || *got != v) has_all = false;
        base.set(n, "");
      }
      if (!has_all) continue;
      FactKey b = f.key;
      b.dims = std::move(base);
      bases.insert(std::move(b));
    }
    for (const FactKey& base : bases) {
      const FactKey lk = part_key(base, lesser);
      FactKey gk = part_key(base, greater);
      const Unit unit = unit_of(scope, lk);
      auto ls = figures.stated(lk, unit);
      auto gs = figures.stated(gk, unit);
      if (gs.empty() && !fallback.empty()) {
        gk.dims = merged(gk.dims, fallback);
        gs = figures.stated(gk, unit);
      }
      if (ls.empty() || gs.empty()) continue;
      // The bound of a choice is the greater figure itself.
      const auto bound = [](const std::vector<const Figure*>& c) {
        return std::optional{std::pair{c[1]->range, c[1]->point}};
      };
      const Searched found = search({ls, gs}, bound, [&](const Choice& c) {
        return figures.can_be_at_most(c.figures[0]->range, c.expected, unit);
      });
      const auto& choice = found.shown()->figures;
      if (emit_bare_pass(scope, emit, found.held())) continue;
      Outcome o;
      o.held = found.held();
      o.where = choice[0]->fact->source;
      o.figures = finding_figures({choice[0], choice[1]});
      if (o.held) {
        o.message = {name.zh + "：成立", name.en + ": holds"};
      } else {
        o.message = {name.zh + "：" + shown(*choice[0], Language::zh) + " 超过 " +
                         shown(*choice[1], Language::zh),
                     name.en + ": " + shown(*choice[0], Language::en) + " exceeds " +
                         shown(*choice[1], Language::en)};
        o.expected = Expected{"≤ " + shown(*choice[1], Language::zh), choice[1]->range, unit};
      }
      emit(std::move(o));
    }
  };
}

Check ratio_check(Part numerator, Part denominator, Decimal min_percent, Decimal max_percent,
                  Text name) {
  return [numerator = std::move(numerator), denominator = std::move(denominator), min_percent,
          max_percent, name = std::move(name)](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    const auto bounds = Interval::closed(min_percent, max_percent);
    if (!bounds) return;
    std::set<FactKey> bases;
    for (const Fact& f : scope.subject->facts().all()) {
      if (f.key.measure != Measure::value || f.key.concept_id != numerator.concept_id) continue;
      if (merged(f.key.dims, numerator.dims) != f.key.dims) continue;
      FactKey b = f.key;
      for (const auto& [n, v] : numerator.dims) b.dims.set(n, "");
      bases.insert(std::move(b));
    }
    for (const FactKey& base : bases) {
      const FactKey nk = part_key(base, numerator);
      const FactKey dk = part_key(base, denominator);
      const Unit unit = unit_of(scope, nk);
      const Searched found = search(
          {figures.stated(nk, unit), figures.stated(dk, unit)}, quotient,
          [&](const Choice& c) { return figures.agree(c.expected, *bounds, Unit::percent); });
      const Choice* shown_choice = found.shown();
      if (shown_choice == nullptr) continue;
      const auto& choice = shown_choice->figures;
      if (emit_bare_pass(scope, emit, found.held())) continue;
      Outcome o;
      o.held = found.held();
      o.where = choice[0]->fact->source;
      o.figures = finding_figures({choice[0], choice[1]});
      const std::string range =
          fmt::format("{}%–{}%", to_string(min_percent), to_string(max_percent));
      if (o.held) {
        o.message = {fmt::format("{}：成立", name.zh), fmt::format("{}: holds", name.en)};
      } else {
        const std::string ratio = point_text(shown_choice->point, 2, Unit::percent);
        o.message = {
            fmt::format("{}：{} ÷ {} = {}，不在 {} 之内", name.zh, shown(*choice[0], Language::zh),
                        shown(*choice[1], Language::zh), ratio, range),
            fmt::format("{}: {} ÷ {} = {}, outside {}", name.en, shown(*choice[0], Language::en),
                        shown(*choice[1], Language::en), ratio, range)};
        o.expected = Expected{range, *bounds, Unit::percent};
      }
      emit(std::move(o));
    }
  };
}

Check restated_check(bool across_units) {
  return [across_units](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    auto groups = scope.subject->facts().stated_more_than_once();
    std::vector<std::vector<const Fact*>> sorted;
    for (auto& g : groups) {
      if (g.front()->key.concept_id == "text.other") continue;
      std::stable_sort(g.begin(), g.end(), [](const Fact* a, const Fact* b) {
        return place_less(a->source, b->source);
      });
      sorted.push_back(std::move(g));
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return place_less(a.front()->source, b.front()->source);
    });
    for (const auto& group : sorted) {
      // Compare in the finest unit the group uses.
      Unit unit = group.front()->value.unit;
      bool several_units = false;
      for (const Fact* f : group) {
        if (f->value.unit != unit) several_units = true;
        const auto shift = Stated::unit_shift(f->value.unit, unit);
        if (shift && *shift < 0) unit = f->value.unit;
      }
      if (across_units != several_units && across_units) continue;
      std::vector<Figure> figs;
      for (const Fact* f : group) {
        if (!Stated::unit_shift(f->value.unit, unit)) continue;
        figs.push_back(as_figure(figures, *f, unit));
      }
      std::optional<std::pair<std::size_t, std::size_t>> conflict;
      bool compared = false;
      for (std::size_t j = 1; j < figs.size() && !conflict; ++j) {
        for (std::size_t i = 0; i < j; ++i) {
          const bool units_differ = figs[i].fact->value.unit != figs[j].fact->value.unit;
          if (units_differ != across_units) continue;
          compared = true;
          if (!figures.agree(figs[j].range, figs[i].range, unit) &&
              !figures.agree(figs[i].range, figs[j].range, unit)) {
            conflict = std::make_pair(i, j);
            break;
          }
        }
      }
      if (!compared) continue;
      if (emit_bare_pass(scope, emit, !conflict)) continue;
      Outcome o;
      o.held = !conflict;
      // Each distinct figure once, in document order.
      std::set<std::pair<std::string, Unit>> seen;
      for (const Figure& f : figs) {
        if (seen.emplace(f.text, f.fact->value.unit).second) {
          o.figures.push_back(to_finding_figure(f));
        }
      }
      const FactKey& key = group.front()->key;
      const std::string y_zh = year_prefix(scope, key.year, Language::zh);
      const std::string y_en = year_prefix(scope, key.year, Language::en);
      std::string what_zh = y_zh + concept_name(key.concept_id, Language::zh);
      std::string what_en = y_en + concept_name(key.concept_id, Language::en);
      if (key.measure != Measure::value) {
        what_zh += "（" + std::string(to_string(key.measure)) + "）";
        what_en += " (" + std::string(to_string(key.measure)) + ")";
      }
      if (!key.dims.empty()) {
        std::string dims;
        for (const auto& [n, v] : key.dims) {
          if (!dims.empty()) dims += ", ";
          dims += fmt::format("{}={}", n, v);
        }
        what_zh += " [" + dims + "]";
        what_en += " [" + dims + "]";
      }
      if (o.held) {
        o.where = group.front()->source;
        o.message = {what_zh + "：" + std::to_string(figs.size()) + " 处表述一致",
                     what_en + ": stated " + std::to_string(figs.size()) + " times, consistently"};
      } else {
        const Figure& a = figs[conflict->first];
        const Figure& b = figs[conflict->second];
        o.where = b.fact->source;
        o.message = {what_zh + "：同一数字表述不一致，" + shown(a, Language::zh) + "（" +
                         describe(a.fact->source) + "）与 " + shown(b, Language::zh),
                     what_en + ": the same figure is stated as " + shown(a, Language::en) + " (" +
                         describe(a.fact->source) + ") and as " + shown(b, Language::en)};
        o.expected = Expected{shown(a, Language::zh), a.range, unit};
      }
      emit(std::move(o));
    }
  };
}

Check mislabelled_year_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    const std::int32_t year = scope.report().year;
    for (const Fact* f : anchors(scope, Measure::value)) {
      if (year == 0 || f->key.year >= year) continue;
      const Unit unit = f->value.unit;
      auto derived = figures.derived(f->key, unit);
      if (derived.empty()) continue;
      const Figure stated = as_figure(figures, *f, unit);
      const bool fits_derived = std::any_of(derived.begin(), derived.end(), [&](const Figure& d) {
        return figures.agree(stated.range, d.range, unit);
      });
      Outcome o;
      o.where = f->source;
      if (fits_derived) {
        o.held = true;
        o.figures = finding_figures({&stated});
        o.message = {std::to_string(f->key.year) + "年数 " + f->value.text + "：与推算一致",
                     std::to_string(f->key.year) + " figure " + f->value.text +
                         ": agrees with the derived value"};
        emit(std::move(o));
        continue;
      }
      // A figure of the same concept for the report's year that it equals.
      const Fact* twin = nullptr;
      for (const Fact* g : anchors(scope, Measure::value)) {
        if (g->key.concept_id != f->key.concept_id || g->key.year != year ||
            g->key.scenario != f->key.scenario) {
          continue;
        }
        auto r = figures.range(*g, unit);
        if (r && g->value.text == f->value.text && figures.agree(stated.range, *r, unit)) {
          twin = g;
          break;
        }
      }
      if (twin == nullptr) continue;
      const Figure twin_fig = as_figure(figures, *twin, unit);
      o.held = false;
      o.figures = finding_figures({&stated, &twin_fig, &derived.front()});
      o.message = {"标为" + std::to_string(f->key.year) + "年的 " + shown(stated, Language::zh) +
                       " 与按增减推算的" + std::to_string(f->key.year) + "年数 " +
                       shown(derived.front(), Language::zh) + " 不符，却等于" +
                       std::to_string(year) + "年的 " + shown(twin_fig, Language::zh) + "（" +
                       describe(twin->source) + "）：年份标错",
                   "the figure " + shown(stated, Language::en) + " labelled " +
                       std::to_string(f->key.year) + " disagrees with the " +
                       std::to_string(f->key.year) + " value derived from the change, " +
                       shown(derived.front(), Language::en) + ", and equals the " +
                       std::to_string(year) + " figure " + shown(twin_fig, Language::en) + " (" +
                       describe(twin->source) + "): the wrong year"};
      o.expected = Expected{derived.front().text, derived.front().range, unit};
      // Other measures stated with it (a completion rate in the same sentence).
      for (const Fact& sibling : scope.subject->facts().all()) {
        if (sibling.key.measure != Measure::completion_rate || value_key(sibling.key) != f->key) {
          continue;
        }
        o.figures.push_back(to_finding_figure(sibling));
        FactKey twin_rate = twin->key;
        twin_rate.measure = Measure::completion_rate;
        for (const Fact* r : scope.subject->facts().find(twin_rate)) {
          if (r->value.text != sibling.value.text) {
            o.figures.push_back(to_finding_figure(*r));
            o.message.zh += "；作为" + std::to_string(year) + "年数，其完成预算 " +
                            sibling.value.text + " 与 " + r->value.text + "（" +
                            describe(r->source) + "）矛盾";
            o.message.en += "; as a " + std::to_string(year) + " figure its completion rate " +
                            sibling.value.text + " contradicts " + r->value.text + " (" +
                            describe(r->source) + ")";
            break;
          }
        }
      }
      emit(std::move(o));
    }
  };
}

Check listed_table_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Report& report = scope.report();
    if (report.tables.empty()) return;
    for (const ListedTable& listed : report.contents) {
      Outcome o;
      o.where = listed.source;
      if (o.where.file.empty()) o.where.file = report.file;
      o.held = std::any_of(report.tables.begin(), report.tables.end(),
                           [&](const Table& t) { return t.role == listed.role; });
      const std::string title =
          listed.title.empty() ? std::string(info(listed.role).title) : listed.title;
      o.message =
          o.held ? Text{"目录所列“" + title + "”已刊出",
                        "the listed table “" + title + "” is published"}
                 : Text{"目录列出“" + title + "”，文件中却没有这张表",
                        "the contents list “" + title + "”, but the document does not hold it"};
      emit(std::move(o));
    }
  };
}

Check enumeration_count_check() {
  return [](const Scope& scope, const Emit& emit) {
    for (const Enumeration& e : scope.report().enumerations) {
      if (!e.count) continue;
      Outcome o;
      o.where = e.source;
      if (o.where.file.empty()) o.where.file = scope.report().file;
      FindingFigure count;
      count.text = e.count->text;
      count.unit = e.count->unit;
      count.concept_id = e.concept_id;
      count.where = o.where;
      o.figures.push_back(count);
      const auto listed = Decimal::make(static_cast<std::int64_t>(e.items.size()), 0);
      o.held = listed && e.count->value == *listed;
      std::string items;
      for (const std::string& item : e.items) {
        if (!items.empty()) items += "、";
        items += item;
      }
      const std::string name_zh = concept_name(e.concept_id, Language::zh);
      const std::string name_en = concept_name(e.concept_id, Language::en);
      const std::string n = std::to_string(e.items.size());
      if (o.held) {
        o.message = {fmt::format("{}：说明 {} 个，列出 {} 个", name_zh, e.count->text, n),
                     fmt::format("{}: states {}, lists {}", name_en, e.count->text, n)};
      } else {
        o.message = {
            fmt::format("{}：说明 {} 个，却列出 {} 个：{}", name_zh, e.count->text, n, items),
            fmt::format("{}: states {} but lists {}: {}", name_en, e.count->text, n, items)};
        o.expected = Expected{n, std::nullopt, Unit::none};
      }
      emit(std::move(o));
    }
  };
}

Check enumeration_lists_check() {
  return [](const Scope& scope, const Emit& emit) {
    const auto& list = scope.report().enumerations;
    for (std::size_t j = 1; j < list.size(); ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        const Enumeration& a = list[i];
        const Enumeration& b = list[j];
        if (a.concept_id != b.concept_id || a.dims != b.dims) continue;
        const std::int32_t ya = a.year != 0 ? a.year : scope.report().year;
        const std::int32_t yb = b.year != 0 ? b.year : scope.report().year;
        if (ya != yb) continue;
        std::set<std::string> sa(a.items.begin(), a.items.end());
        std::set<std::string> sb(b.items.begin(), b.items.end());
        std::string only_a;
        std::string only_b;
        for (const auto& s : sa) {
          if (!sb.contains(s)) only_a += (only_a.empty() ? "" : "、") + s;
        }
        for (const auto& s : sb) {
          if (!sa.contains(s)) only_b += (only_b.empty() ? "" : "、") + s;
        }
        Outcome o;
        o.where = b.source;
        if (o.where.file.empty()) o.where.file = scope.report().file;
        o.held = only_a.empty() && only_b.empty();
        for (const Enumeration* e : {&a, &b}) {
          if (!e->count) continue;
          FindingFigure f;
          f.text = e->count->text;
          f.unit = e->count->unit;
          f.concept_id = e->concept_id;
          f.where = e->source;
          if (f.where.file.empty()) f.where.file = scope.report().file;
          o.figures.push_back(std::move(f));
        }
        const std::string name_zh = concept_name(a.concept_id, Language::zh);
        const std::string name_en = concept_name(a.concept_id, Language::en);
        Source place_a = a.source;
        if (place_a.file.empty()) place_a.file = scope.report().file;
        const std::string where_a = describe(place_a);
        if (o.held) {
          o.message = {name_zh + "：两处名单一致", name_en + ": the two lists agree"};
        } else {
          o.message = {
              fmt::format("{}：与 {} 的名单不同；仅前者有：{}；仅此处有：{}", name_zh, where_a,
                          (only_a.empty() ? "无" : only_a), (only_b.empty() ? "无" : only_b)),
              fmt::format("{}: the list differs from the one at {}; only there: {}; only here: {}",
                          name_en, where_a, (only_a.empty() ? "none" : only_a),
                          (only_b.empty() ? "none" : only_b))};
        }
        emit(std::move(o));
      }
    }
  };
}

namespace {

// Whether a difference (interval and value as written) fits a claim: under the intervals, and as
// written.
struct Fit {
  bool possible = false;
  bool as_written = false;
};

Fit fits(ClaimKind kind, const Interval& delta, Decimal point) {
  const int lo = delta.lo().signum();
  const int hi = delta.hi().signum();
  const bool can_be_zero = delta.contains(Decimal{});
  const bool can_be_positive = hi > 0;
  const bool can_be_negative = lo < 0;
  switch (kind) {
    case ClaimKind::unchanged:
    case ClaimKind::equals_budget: return {can_be_zero, point.is_zero()};
    case ClaimKind::increased: return {can_be_positive, point.signum() > 0};
    case ClaimKind::decreased: return {can_be_negative, point.signum() < 0};
    case ClaimKind::differs_from_budget:
      return {can_be_positive || can_be_negative, !point.is_zero()};
    case ClaimKind::above_budget: return {can_be_positive, point.signum() > 0};
    case ClaimKind::below_budget: return {can_be_negative, point.signum() < 0};
  }
  return {true, true};
}

std::string claim_words(ClaimKind kind, Language lang) {
  const bool zh = lang == Language::zh;
  switch (kind) {
    case ClaimKind::unchanged: return zh ? "持平" : "unchanged";
    case ClaimKind::increased: return zh ? "增加" : "increased";
    case ClaimKind::decreased: return zh ? "减少" : "decreased";
    case ClaimKind::differs_from_budget:
      return zh ? "决算数与预算数不一致" : "actual differs from budget";
    case ClaimKind::equals_budget: return zh ? "决算数与预算数一致" : "actual equals budget";
    case ClaimKind::above_budget: return zh ? "决算数大于预算数" : "actual above budget";
    case ClaimKind::below_budget: return zh ? "决算数小于预算数" : "actual below budget";
  }
  return "";
}

}  // namespace

Check claim_check(bool unlikely, std::vector<std::pair<std::string, std::string>> budget_concepts) {
  return [unlikely, map = std::move(budget_concepts)](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    for (const Claim& claim : scope.report().claims) {
      const FactKey now_key = value_key(claim.key);
      const Unit unit = unit_of(scope, now_key);
      // The difference the claim speaks of, for each choice of stated values: this year's value
      // less the prior year's (or the stated change itself), the actual less the budget (or the
      // completion rate less 100%).
      using Expect = std::optional<std::pair<Interval, Decimal>>;
      std::vector<std::vector<Figure>> operands;
      std::function<Expect(const std::vector<const Figure*>&)> compute = difference;
      Unit difference_unit = unit;
      if (claim.kind == ClaimKind::unchanged || claim.kind == ClaimKind::increased ||
          claim.kind == ClaimKind::decreased) {
        FactKey change_key = claim.key;
        change_key.measure = Measure::change;
        FactKey prior_key = now_key;
        prior_key.year = claim.key.prior_year;
        auto changes = figures.stated(change_key, unit);
        if (!changes.empty()) {
          operands = {std::move(changes)};
          compute = [](const std::vector<const Figure*>& c) -> Expect {
            return std::pair{c[0]->range, c[0]->point};
          };
        } else {
          operands = {figures.stated(now_key, unit), figures.of(prior_key, unit)};
        }
      } else if (auto budgets = budget_of(scope, now_key, map, unit); !budgets.empty()) {
        operands = {figures.stated(now_key, unit), std::move(budgets)};
      } else {
        FactKey rate_key = now_key;
        rate_key.measure = Measure::completion_rate;
        operands = {figures.stated(rate_key, Unit::percent)};
        difference_unit = Unit::percent;
        compute = [](const std::vector<const Figure*>& c) -> Expect {
          const Decimal hundred = *Decimal::make(100, 0);
          auto range = try_subtract(c[0]->range, Interval::point(hundred));
          auto point = try_subtract(c[0]->point, hundred);
          if (!range || !point) return std::nullopt;
          return std::pair{*range, *point};
        };
      }
      const auto fit = [&](const Choice& c) {
        return fits(claim.kind, figures.widened(c.expected, difference_unit), c.point);
      };
      const Searched possible =
          search(operands, compute, [&](const Choice& c) { return fit(c).possible; });
      if (possible.shown() == nullptr) continue;   // nothing to compare
      if (unlikely && !possible.held()) continue;  // claim.contradicted reports it
      const Searched as_written = search(operands, compute, [&](const Choice& c) {
        const Fit f = fit(c);
        return f.possible && f.as_written;
      });
      const Searched& judged = unlikely ? as_written : possible;
      if (emit_bare_pass(scope, emit, judged.held())) continue;
      Outcome o;
      o.held = judged.held();
      o.where = claim.source;
      if (o.where.file.empty()) o.where.file = scope.report().file;
      const std::vector<const Figure*>& involved = judged.shown()->figures;
      for (const Figure* f : involved) o.figures.push_back(to_finding_figure(*f));
      const std::string said_zh =
          "“" + (claim.text.empty() ? claim_words(claim.kind, Language::zh) : claim.text) + "”";
      const std::string said_en =
          "“" + (claim.text.empty() ? claim_words(claim.kind, Language::en) : claim.text) + "” (" +
          claim_words(claim.kind, Language::en) + ")";
      const std::string name_zh = concept_name(claim.key.concept_id, Language::zh);
      const std::string name_en = concept_name(claim.key.concept_id, Language::en);
      std::string figs_zh;
      std::string figs_en;
      for (const Figure* f : involved) {
        const std::int32_t y = f->fact != nullptr ? f->fact->key.year : 0;
        figs_zh += (figs_zh.empty() ? "" : "、") + shown(*f, Language::zh) +
                   (y != 0 ? "（" + std::to_string(y) + "年）" : "");
        figs_en += (figs_en.empty() ? "" : ", ") + shown(*f, Language::en) +
                   (y != 0 ? " (" + std::to_string(y) + ")" : "");
      }
      if (o.held) {
        o.message = {fmt::format("{}{}：与数字相符", name_zh, said_zh),
                     fmt::format("{} {}: fits the figures", name_en, said_en)};
      } else if (unlikely) {
        o.message = {fmt::format("{}{}，但所列数字 {} 表明并非如此，仅在舍入范围内才可能成立",
                                 name_zh, said_zh, figs_zh),
                     fmt::format("{} {}, but the figures {} say otherwise as written; it can hold "
                                 "only within their rounding",
                                 name_en, said_en, figs_en)};
      } else {
        o.message = {fmt::format("{}{}，与所列数字 {} 矛盾", name_zh, said_zh, figs_zh),
                     fmt::format("{} {} contradicts the figures {}", name_en, said_en, figs_en)};
      }
      emit(std::move(o));
    }
  };
}

}  // namespace fisc
