#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The Python baseline fisc is compared against (issue 7).

What a competent finance analyst writes in Python, standard library only, to check 部门决算
reports in fisc's JSON format (docs/report-format.md): read every figure with `decimal`, put
every fact in a dict keyed like fisc's fact key (concept, measure, year, prior year, scenario,
dimensions) and check the relations of fisc's built-in pack (docs/rules.md) one by one.

Tolerance is taken from the decimals written: a figure written to 0.01 may be off by 0.005, a
sum of n rounded parts by n × 0.005 (plus the total's own 0.005); a rate is recomputed from its
operands and may differ from the rate written by half a unit of its last decimal plus what the
operands' rounding can move it (first-order error propagation). Figures read "exact" have no
tolerance, "truncated" ones a whole unit upwards. See README.md for what is and is not covered.

Usage: check.py PATH...   (report files, or folders: every *.json below them, sorted)
Prints one line per finding, `path: rule: message`, then `N findings in M reports`; exits 0.
"""

import argparse
import decimal
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

decimal.getcontext().prec = 40

ZERO = Decimal(0)
HUNDRED = Decimal(100)

# Units and the factor that turns a figure written in them into the base unit of its quantity
# (元 for money, % for rates, 1 for counts).
TO_BASE = {"yuan": Decimal(1), "wan": Decimal(10000), "yi": Decimal(100000000),
           "percent": Decimal(1), "none": Decimal(1)}
MONEY_UNITS = ("yuan", "wan", "yi")

# Concepts that are counts or plain numbers (fisc::concepts(), Quantity::count / number).
PLAIN_CONCEPTS = {
    "three_public.overseas_travel.groups", "three_public.overseas_travel.people",
    "three_public.vehicles.purchased", "three_public.vehicles.held",
    "three_public.reception.batches", "three_public.reception.people",
    "three_public.reception.foreign.batches", "three_public.reception.foreign.people",
    "assets.vehicles", "assets.general_equipment_500k", "assets.special_equipment_1m",
    "staffing.establishment", "staffing.staffed", "staffing.retired", "staffing.retired_pre1949",
    "organisation.offices", "organisation.units", "organisation.affiliated",
    "performance.projects_reported", "performance.projects_assessed",
    "performance.projects_with_targets", "performance.projects_monitored",
    "performance.projects_self_evaluated", "performance.projects_evaluated",
    "performance.score", "text.other",
}
# Counts are exact: 10 offices is 10 (fisc reads them so too).
COUNT_CONCEPTS = PLAIN_CONCEPTS - {"performance.score", "text.other"}
RATE_MEASURES = ("share", "change_rate", "completion_rate")
BUDGET_SCENARIOS = ("adjusted_budget", "budget", "initial_budget")

FULLWIDTH = str.maketrans("０１２３４５６７８９．，％（）－＋　", "0123456789.,%()-+ ")
FIGURE_RE = re.compile(r"^([+-]?)\(?([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|亿元|元|万|亿|%)?\)?\s*(万元|亿元|元|%)?$")
UNIT_WORDS = {"万元": "wan", "万": "wan", "亿元": "yi", "亿": "yi", "元": "yuan", "%": "percent"}


class Fig:
    """One written figure: its value in the base unit and how far off its rounding allows."""
    __slots__ = ("value", "tol", "unit", "text", "where", "in_table")

    def __init__(self, value, tol, unit, text, where, in_table):
        self.value, self.tol, self.unit = value, tol, unit
        self.text, self.where, self.in_table = text, where, in_table


def parse_figure(text):
    """'5,751,054.00' -> (Decimal, decimals, unit written or None)."""
    s = str(text).translate(FULLWIDTH).replace("\u2212", "-").strip()
    m = FIGURE_RE.match(s)
    if not m:
        raise ValueError(f"{text!r} is not a figure")
    sign, digits, unit1, unit2 = m.groups()
    value = Decimal(digits.replace(",", ""))
    if sign == "-" or s.startswith("(") or s.startswith("-("):
        value = -value
    decimals = -value.as_tuple().exponent if "." in digits else 0
    unit = UNIT_WORDS.get(unit1 or unit2 or "")
    return value, decimals, unit


class Report:
    def __init__(self, path, doc):
        self.path = path
        self.doc = doc
        self.year = doc["year"]
        self.unit = doc.get("unit", "wan")
        self.facts = {}       # key -> [Fig, ...] in document order
        self.findings = []
        self.shares = []      # (share key, base key, Fig)

    def find(self, rule, message):
        self.findings.append(f"{self.path}: {rule}: {message}")

    # -- reading ---------------------------------------------------------------------------

    def figure(self, raw, concept, measure, unit_given, table_unit, where, in_table,
               reading="rounded", assumed=None, plain_context=False):
        if isinstance(raw, dict):
            unit_given = raw.get("unit", unit_given)
            reading = raw.get("reading", reading)
            assumed = raw.get("assumed_decimals", assumed)
            raw = raw["value"]
        value, decimals, unit_written = parse_figure(raw)
        if unit_given:
            unit = unit_given
        elif measure in RATE_MEASURES:
            unit = "percent"
        elif concept in PLAIN_CONCEPTS or plain_context:
            unit = "none"
        else:
            unit = table_unit or self.unit
        if unit_written and unit_written != unit:
            if unit in MONEY_UNITS and unit_written in MONEY_UNITS and not unit_given:
                unit = unit_written  # 950.84万元 in a statement without a unit member
            else:
                raise ValueError(f"{raw!r}: unit {unit_written} where {unit} is expected")
        if assumed is not None:
            decimals = assumed
        factor = TO_BASE[unit]
        half = Decimal(5).scaleb(-decimals - 1) * factor
        base = value * factor
        if reading == "exact" or (concept in COUNT_CONCEPTS and measure == "value"):
            tol = ZERO
        elif reading == "truncated":  # the true value is in [v, v + 1 unit): centre it
            base, tol = base + half, half
        else:
            tol = half
        return Fig(base, tol, unit, str(raw), where, in_table)

    def add(self, key, fig):
        self.facts.setdefault(key, []).append(fig)

    def load(self):
        doc = self.doc
        for t in doc.get("tables", []):
            self.load_table(t)
        for section in ("listings", "statements"):
            for i, s in enumerate(doc.get(section, [])):
                concept = s["concept"]
                if concept == "text.other":
                    continue  # recorded, not checked (as fisc)
                measure = s.get("measure", "value")
                year = s.get("year", self.year)
                scenario = s.get("scenario", "actual")
                dims = tuple(sorted(s.get("dims", {}).items()))
                where = where_of(s.get("source"), f"{section}[{i}]")
                fig = self.figure(s["value"], concept, measure, s.get("unit"), None, where, False,
                                  s.get("reading", "rounded"), s.get("assumed_decimals"))
                if s.get("direction") == "decrease":
                    fig.value = -fig.value
                key = (concept, measure, year, s.get("prior_year", 0), scenario, dims)
                if measure == "share":
                    b = s["base"]
                    base_key = (b["concept"], b.get("measure", "value"), b.get("year", year),
                                b.get("prior_year", 0), b.get("scenario", scenario),
                                tuple(sorted(b.get("dims", {}).items())))
                    self.shares.append((key, base_key, fig))
                self.add(key, fig)
        for i, e in enumerate(doc.get("enumerations", [])):
            if e.get("count") is not None:
                fig = self.figure(e["count"], e["concept"], "value", None, None,
                                  where_of(e.get("source"), f"enumerations[{i}]"), False)
                self.add((e["concept"], "value", e.get("year", self.year), 0, "actual",
                          tuple(sorted(e.get("dims", {}).items()))), fig)
        self.load_performance(doc.get("performance") or {})

    def load_table(self, t):
        title = t.get("title") or t["role"]
        unit = t.get("unit")
        year = t.get("year", self.year)
        scenario = t.get("scenario", "actual")
        code_dim = t.get("row_code_dimension", "function")
        tdims = t.get("dims", {})
        columns = {c["key"]: c for c in t["columns"]}
        for row in t["rows"]:
            cells = row.get("cells")
            if not cells:
                continue
            for ckey, raw in cells.items():
                col = columns[ckey]
                concept = row.get("concept") or col.get("concept")
                if not concept:
                    raise ValueError(f"{title}: cell {ckey} has no concept")
                measure = col.get("measure", "value")
                dims = dict(tdims)
                dims.update(col.get("dims", {}))
                dims.update(row.get("dims", {}))
                if row.get("code") and code_dim:
                    dims[code_dim] = row["code"]
                where = f"{title} / {row.get('code') or row.get('label')} / {col.get('header') or ckey}"
                fig = self.figure(raw, concept, measure, None, unit, where, True)
                key = (concept, measure, col.get("year", year), 0,
                       col.get("scenario", scenario), tuple(sorted(dims.items())))
                self.add(key, fig)

    def load_performance(self, perf):
        self.projects = perf.get("projects", [])
        self.evaluation = perf.get("evaluation")
        all_projects = list(self.projects)
        if self.evaluation:
            all_projects += self.evaluation.get("projects", [])
            parts = self.evaluation.get("parts", [])
            for p in parts:
                self.add(("performance.score", "value", self.year, 0, "actual",
                          (("part", p["name"]),)), self.placed(p["score"], "none"))
            if self.evaluation.get("total"):
                self.add(("performance.score", "value", self.year, 0, "actual",
                          (("part", "total"),)), self.placed(self.evaluation["total"], "none"))
        for p in all_projects:
            year = p.get("year", self.year)
            dims = (("project", p["name"]),)
            au = p.get("amount_unit", "wan")
            for side, scenario, names in (
                    ("budget", "budget", ("project.budget", "project.fiscal", "project.other_funds")),
                    ("executed", "actual", ("project.executed", "project.fiscal", "project.other_funds"))):
                funds = p.get(side) or {}
                for member, concept in zip(("total", "fiscal", "other"), names):
                    if funds.get(member):
                        self.add((concept, "value", year, 0, scenario, dims),
                                 self.placed(funds[member], au))
            if p.get("execution_rate"):
                self.add(("project.executed", "completion_rate", year, 0, "actual", dims),
                         self.placed(p["execution_rate"], "percent"))

    def placed(self, pf, unit):
        return self.figure(pf["value"], None, "value", unit, None,
                           where_of(pf.get("source"), "performance"), False,
                           pf.get("reading", "rounded"), pf.get("assumed_decimals"))

    # -- helpers ---------------------------------------------------------------------------

    def first(self, key):
        figs = self.facts.get(key)
        return figs[0] if figs else None


def where_of(source, fallback):
    if not source:
        return fallback
    span = source.get("span")
    if span:
        return f"{source.get('section', '')}@{span['line']}:{span['column']}"
    if source.get("cell"):
        c = source["cell"]
        return f"{c.get('table', '')} / {c.get('row', '')} / {c.get('column', '')}"
    return source.get("section") or (f"p.{source['page']}" if "page" in source else fallback)


def show(v, unit="yuan"):
    """A value in the base unit, for a message: in `unit`, to 0.01."""
    v = v / TO_BASE.get(unit, 1)
    return str(v.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP))


def off(d, tol):
    """Whether a difference is beyond the tolerance. Rounding intervals are half-open (46.84 is
    [46.835, 46.845)), so two figures a whole tolerance apart cannot be the same value."""
    return abs(d) >= tol if tol > 0 else d != 0


def dims_text(dims):
    return ",".join(f"{k}={v}" for k, v in dims) if dims else "-"


def with_dims(key, concept, dims):
    return (concept, key[1], key[2], key[3], key[4], dims)


def set_dim(dims, name, value):
    d = dict(dims)
    if value is None:
        d.pop(name, None)
    else:
        d[name] = value
    return tuple(sorted(d.items()))


# ---------------------------------------------------------------------------------------------
# Sums

def check_sum(r, rule, name, totals, parts, exhaustive, tables_only_equal=False):
    """totals: the stated values of the total (Figs; it holds if one of them fits); parts: one
    Fig per part, None where the part is not stated (then Σ parts ≤ total only)."""
    stated = [p for p in parts if p is not None]
    if not stated:
        return
    s = sum((p.value for p in stated), ZERO)
    parts_tol = sum((p.tol for p in stated), ZERO)
    failed = None
    for total in totals:
        complete = exhaustive and len(stated) == len(parts)
        if tables_only_equal:
            complete = complete and total.in_table and all(p.in_table for p in stated)
        tol = total.tol + parts_tol
        if (off(total.value - s, tol) if complete else s - total.value >= tol and s - total.value > 0):
            failed = failed or (total, complete)
        else:
            return
    total, complete = failed
    u = total.unit
    if complete:
        r.find(rule, f"{name}: total {total.text} ({total.where}) != sum of parts {show(s, u)} "
                     f"(difference {show(total.value - s, u)}, tolerance {show(total.tol + parts_tol, u)})")
    else:
        r.find(rule, f"{name}: parts {show(s, u)} exceed the total {total.text} ({total.where})")


SUM_IDENTITIES = [
    ("sum.total_table.income", "income.grand_total",
     [("income.total", ()), ("balance.non_fiscal_used", ()), ("balance.opening", ())]),
    ("sum.total_table.expenditure", "expenditure.grand_total",
     [("expenditure.total", ()), ("balance.distribution", ()), ("balance.closing", ())]),
    ("sum.total_table.balance", "income.grand_total", [("expenditure.grand_total", ())]),
    ("sum.income", "income.total",
     [(c, ()) for c in ("income.general_budget", "income.government_fund", "income.state_capital",
                        "income.superior_grant", "income.service_revenue",
                        "income.business_revenue", "income.subsidiary_remittance",
                        "income.other_revenue")]),
    ("sum.income.fiscal", "income.fiscal",
     [("income.general_budget", ()), ("income.government_fund", ()), ("income.state_capital", ())]),
    ("sum.expenditure", "expenditure.total",
     [(c, ()) for c in ("expenditure.basic", "expenditure.project",
                        "expenditure.remittance_to_superior", "expenditure.business",
                        "expenditure.grants_to_subsidiaries")]),
    ("sum.basic", "expenditure.basic",
     [("expenditure.basic.personnel", ()), ("expenditure.basic.public_expense", ())]),
    ("sum.three_public", "three_public.total",
     [("three_public.overseas_travel", ()), ("three_public.vehicles", ()),
      ("three_public.reception", ())]),
    ("sum.three_public.vehicles", "three_public.vehicles",
     [("three_public.vehicles.purchase", ()), ("three_public.vehicles.operation", ())]),
    ("sum.three_public.reception", "three_public.reception",
     [("three_public.reception", (("scope", "domestic"),)), ("three_public.reception.foreign", ())]),
    ("sum.procurement", "procurement.total",
     [("procurement.goods", ()), ("procurement.works", ()), ("procurement.services", ())]),
]


def identity_bases(r, total, parts):
    """(year, scenario, dims) contexts where the total or a part of an identity is stated."""
    bases = set()
    for key in r.facts:
        if key[1] != "value":
            continue
        if key[0] == total:
            bases.add((key[2], key[4], key[5]))
        for concept, pdims in parts:
            if key[0] != concept:
                continue
            d = dict(key[5])
            if any(d.get(n) != v for n, v in pdims):
                continue
            for n, _ in pdims:
                d.pop(n)
            bases.add((key[2], key[4], tuple(sorted(d.items()))))
    # a total that already has a part's dimensions is that part, not a whole made of it
    for concept, pdims in parts:
        if concept == total and pdims:
            bases = {b for b in bases if not all(dict(b[2]).get(n) == v for n, v in pdims)}
    return sorted(bases)


def check_identities(r):
    for rule, total, parts in SUM_IDENTITIES:
        for year, scenario, dims in identity_bases(r, total, parts):
            t = r.facts.get((total, "value", year, 0, scenario, dims))
            if not t:
                continue
            figs = [r.first((c, "value", year, 0, scenario, tuple(sorted(dict(dims, **dict(pd)).items()))))
                    for c, pd in parts]
            check_sum(r, rule, f"{total} {year} {scenario} [{dims_text(dims)}]", t, figs, True)


def check_dimension_sums(r, rule, concepts, dim, closed_values, total_value=None):
    groups = {}
    for key in r.facts:
        if key[1] != "value" or key[0] not in concepts:
            continue
        d = dict(key[5])
        v = d.get(dim)
        if v is None or v == total_value:
            continue
        total_key = with_dims(key, key[0], set_dim(key[5], dim, total_value))
        groups.setdefault(total_key, []).append(key)
    for total_key in sorted(groups):
        t = r.facts.get(total_key)
        if not t:
            continue
        part_keys = sorted(groups[total_key])
        parts = [r.first(k) for k in part_keys]
        if closed_values:
            exhaustive = all(r.first(with_dims(total_key, total_key[0],
                                               set_dim(total_key[5], dim, v))) is not None
                             for v in closed_values)
            check_sum(r, rule, f"{total_key[0]} {total_key[2]} by {dim}", t, parts, exhaustive)
        else:
            check_sum(r, rule, f"{total_key[0]} {total_key[2]} [{dims_text(total_key[5])}] by {dim}",
                      t, parts, True, tables_only_equal=True)


def check_code_sums(r, rule, dim, lengths):
    groups = {}
    for key in r.facts:
        if key[1] != "value":
            continue
        code = dict(key[5]).get(dim)
        if code is None or len(code) not in lengths:
            continue
        i = lengths.index(len(code))
        parent = None if i == 0 else code[:lengths[i - 1]]
        groups.setdefault(with_dims(key, key[0], set_dim(key[5], dim, parent)), []).append(key)
    for total_key in sorted(groups):
        t = r.facts.get(total_key)
        if not t:
            continue
        parts = [r.first(k) for k in sorted(groups[total_key])]
        code = dict(total_key[5]).get(dim, "total")
        check_sum(r, rule, f"{total_key[0]} {total_key[2]} {total_key[4]} {dim} {code}", t, parts,
                  True, tables_only_equal=True)


def check_evaluation_sum(r):
    ev = r.evaluation
    if not ev or not ev.get("total") or not ev.get("parts"):
        return
    t = r.placed(ev["total"], "none")
    parts = [r.placed(p["score"], "none") for p in ev["parts"]]
    check_sum(r, "sum.performance_score", "self-evaluation total", [t], parts, True)


# ---------------------------------------------------------------------------------------------
# Rates

def ratio(part, whole):
    """part / whole × 100 with the tolerance its operands' rounding gives."""
    q = part.value / whole.value * HUNDRED
    tol = (part.tol / abs(whole.value) + abs(part.value) * whole.tol / (whole.value * whole.value)) * HUNDRED
    return q, tol


def check_rate(r, rule, name, stated, q, tol):
    if abs(q - stated.value) > stated.tol + tol:
        r.find(rule, f"{name}: {stated.text} ({stated.where}) but the figures give {show(q)}%")


def check_rates(r):
    for key, figs in sorted(r.facts.items()):
        concept, measure, year, prior, scenario, dims = key
        if measure == "share":
            continue  # below, with their base
        if measure == "change":
            this = r.first((concept, "value", year, 0, scenario, dims))
            before = r.first((concept, "value", prior, 0, scenario, dims))
            if this is not None and before is not None:
                c = figs[0]
                d = this.value - before.value
                if off(d - c.value, c.tol + this.tol + before.tol):
                    r.find("change", f"{concept} change {c.text} ({c.where}) != {this.text} - "
                                     f"{before.text} = {show(d, c.unit)}")
        elif measure == "change_rate":
            this = r.first((concept, "value", year, 0, scenario, dims))
            change = r.first((concept, "change", year, prior, scenario, dims))
            before = r.first((concept, "value", prior, 0, scenario, dims))
            if this is None:
                continue
            if change is not None:
                base = Fig(this.value - change.value, this.tol + change.tol, "", "", "", False)
                delta = change
            elif before is not None:
                base = before
                delta = Fig(this.value - before.value, this.tol + before.tol, "", "", "", False)
            else:
                continue
            if base.value == 0:
                r.find("rate.zero_base", f"{concept} change rate {figs[0].text} over a zero base")
                continue
            q, tol = ratio(delta, base)
            check_rate(r, "change_rate", f"{concept} change rate", figs[0], q, tol)
        elif measure == "completion_rate":
            actual = r.first((concept, "value", year, 0, scenario, dims))
            if actual is None:
                continue
            bconcept = "project.budget" if concept == "project.executed" else concept
            budgets = [b for s in BUDGET_SCENARIOS
                       if (b := r.first((bconcept, "value", year, 0, s, dims))) is not None]
            if not budgets:
                continue
            results = []
            for b in budgets:
                if b.value == 0:
                    results.append(None)
                    continue
                q, tol = ratio(actual, b)
                results.append(abs(q - figs[0].value) <= figs[0].tol + tol)
            if all(x is None for x in results):
                r.find("rate.zero_base", f"{concept} completion rate {figs[0].text} over a zero budget")
            elif not any(results):
                q, _ = ratio(actual, budgets[0])
                r.find("completion_rate", f"{concept} completion rate {figs[0].text} "
                                          f"({figs[0].where}) but {actual.text} / "
                                          f"{budgets[0].text} gives {show(q)}%")
    for key, base_key, fig in r.shares:
        part = r.first((key[0], "value", key[2], 0, key[4], key[5]))
        whole = r.first(base_key)
        if part is None or whole is None:
            continue
        if whole.value == 0:
            r.find("rate.zero_base", f"{key[0]} share {fig.text} of a zero base")
            continue
        q, tol = ratio(part, whole)
        check_rate(r, "share", f"{key[0]} share", fig, q, tol)


def check_implied_budgets(r):
    identities = [
        ("implied_budget.three_public", "three_public.total",
         ["three_public.overseas_travel", "three_public.vehicles", "three_public.reception"]),
        ("implied_budget.three_public", "three_public.vehicles",
         ["three_public.vehicles.purchase", "three_public.vehicles.operation"]),
        ("implied_budget.expenditure", "expenditure.total",
         ["expenditure.basic", "expenditure.project", "expenditure.remittance_to_superior",
          "expenditure.business", "expenditure.grants_to_subsidiaries"]),
        ("implied_budget.expenditure", "expenditure.basic",
         ["expenditure.basic.personnel", "expenditure.basic.public_expense"]),
    ]
    for rule, total, parts in identities:
        contexts = sorted({(k[2], k[4], k[5]) for k in r.facts
                           if k[0] == total and k[1] == "completion_rate"})
        for year, scenario, dims in contexts:
            def budget(concept):
                a = r.first((concept, "value", year, 0, scenario, dims))
                rate = r.first((concept, "completion_rate", year, 0, scenario, dims))
                if a is None or rate is None:
                    return None
                if rate.value == 0:
                    return "zero"
                b = a.value / rate.value * HUNDRED
                tol = (a.tol / rate.value + abs(a.value) * rate.tol / (rate.value * rate.value)) * HUNDRED
                return b, tol
            t = budget(total)
            if t is None or t == "zero":
                continue
            unit = r.first((total, "value", year, 0, scenario, dims)).unit
            ps = [budget(c) for c in parts]
            known = [p for p in ps if p is not None and p != "zero"]
            if not known:
                continue
            s = sum(p[0] for p in known)
            tol = t[1] + sum(p[1] for p in known)
            complete = all(p is not None for p in ps) and "zero" not in ps
            if (complete and abs(s - t[0]) > tol) or (not complete and s - tol > t[0]):
                r.find(rule, f"budgets implied by completion rates do not add up: {total} "
                             f"{show(t[0], unit)} against parts {show(s, unit)}")


# ---------------------------------------------------------------------------------------------
# Order, restatements, counts, claims

def check_at_most(r, rule, lesser, greater, fallback=None):
    for key in sorted(k for k in r.facts if k[0] == lesser and k[1] == "value"):
        a = r.first(key)
        b = r.first(with_dims(key, greater, key[5]))
        if b is None and fallback:
            b = r.first(with_dims(key, greater, tuple(sorted(dict(key[5], **fallback).items()))))
        if b is not None and a.value - a.tol > b.value + b.tol:
            r.find(rule, f"{lesser} {a.text} ({a.where}) exceeds {greater} {b.text} ({b.where})")


def check_restated(r):
    for key, figs in sorted(r.facts.items()):
        if len(figs) < 2:
            continue
        a = figs[0]
        for b in figs[1:]:
            if off(a.value - b.value, a.tol + b.tol):
                same_unit = a.unit == b.unit
                rule = "fact.restated" if same_unit else "fact.unit_restated"
                r.find(rule, f"{key[0]} {key[1]} {key[2]} [{dims_text(key[5])}]: {a.text} "
                             f"({a.where}) and {b.text} ({b.where})")


def check_enumerations(r):
    doc = r.doc
    lists = {}
    for e in doc.get("enumerations", []):
        year = e.get("year", r.year)
        items = e.get("items")
        if items is not None:
            lists.setdefault((e["concept"], year), []).append(items)
        if e.get("count") is not None:
            c = r.figure(e["count"], e["concept"], "value", None, None, "", False, "exact")
            n = len(items or [])
            if c.value != n:
                r.find("count.enumeration", f"{e['concept']}: states {c.text} but lists {n}")
    for (concept, year), ls in sorted(lists.items()):
        first = set(ls[0])
        for other in ls[1:]:
            if set(other) != first:
                diff = sorted(first.symmetric_difference(other))
                r.find("enumeration.lists_differ", f"{concept} {year}: lists differ in {'、'.join(diff)}")


def check_claims(r):
    for c in r.doc.get("claims", []):
        concept = c["concept"]
        year = c.get("year", r.year)
        scenario = c.get("scenario", "actual")
        dims = tuple(sorted(c.get("dims", {}).items()))
        kind = c["claim"]
        if kind in ("unchanged", "increased", "decreased"):
            prior = c["prior_year"]
            change = r.first((concept, "change", year, prior, scenario, dims))
            if change is not None:
                d, tol = change.value, change.tol
            else:
                this = r.first((concept, "value", year, 0, scenario, dims))
                before = r.first((concept, "value", prior, 0, scenario, dims))
                if this is None or before is None:
                    continue
                d, tol = this.value - before.value, this.tol + before.tol
            ok_written = {"unchanged": d == 0, "increased": d > 0, "decreased": d < 0}[kind]
            ok_possible = {"unchanged": abs(d) <= tol, "increased": d + tol > 0,
                           "decreased": d - tol < 0}[kind]
        else:
            rate = r.first((concept, "completion_rate", year, 0, scenario, dims))
            actual = r.first((concept, "value", year, 0, scenario, dims))
            budget = next((b for s in BUDGET_SCENARIOS
                           if (b := r.first((concept, "value", year, 0, s, dims))) is not None), None)
            if actual is not None and budget is not None:
                d, tol = actual.value - budget.value, actual.tol + budget.tol
            elif rate is not None:
                d, tol = rate.value - HUNDRED, rate.tol
            else:
                continue
            equal_written, equal_possible = d == 0, abs(d) <= tol
            if kind == "differs_from_budget":
                ok_written, ok_possible = not equal_written, not (equal_written and tol == 0)
            else:
                ok_written, ok_possible = equal_written, equal_possible
        if not ok_possible:
            r.find("claim.contradicted", f"{concept} \"{c.get('text', kind)}\" contradicted by the figures")
        elif not ok_written:
            r.find("claim.unlikely", f"{concept} \"{c.get('text', kind)}\" holds only within rounding")


# ---------------------------------------------------------------------------------------------
# Performance

PERCENT_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*[%％]")
AMOUNT_RE = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元)?")
GRADES = [("不合格", "poor"), ("不及格", "poor"), ("较差", "poor"), ("优秀", "excellent"),
          ("良好", "good"), ("中等", "fair"), ("一般", "fair"), ("合格", "fair"), ("及格", "fair"),
          ("优", "excellent"), ("良", "good"), ("中", "fair"), ("差", "poor")]
BANDS = {"excellent": (Decimal(90), Decimal(1000)), "good": (Decimal(80), Decimal(90)),
         "fair": (Decimal(60), Decimal(80)), "poor": (Decimal(-1000), Decimal(60))}


def grade_of_text(text):
    t = text.strip().rstrip("。").removesuffix("等级").removesuffix("级").removesuffix("等").strip()
    for word, grade in GRADES:
        if t == word:
            return grade
    return None


def check_grade(r, score_pf, grade_pt, what):
    if not score_pf or not grade_pt:
        return
    grade = grade_of_text(grade_pt["text"])
    if grade is None:
        return
    s = r.placed(score_pf, "none")
    lo, hi = BANDS[grade]
    if s.value + s.tol < lo or s.value - s.tol >= hi:
        r.find("perf.grade", f"{what}: grade {grade_pt['text']} with score {s.text}")


def norm_project(name):
    for suffix in ("项目经费", "经费", "项目", "费"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def check_performance(r):
    projects = r.projects
    for p in projects:
        name = p["name"]
        inds = p.get("indicators", [])
        with_actual = [i for i in inds if i.get("actual")]
        if len(with_actual) >= 2 and all(
                "".join(i["actual"]["text"].split()) == "".join(i["target"]["text"].split())
                for i in with_actual):
            r.find("perf.actual_copies_target", f"{name}: every actual value repeats its target")
        if inds:
            levels = [(i.get("level1") or "", i.get("level2") or "") for i in inds]
            if not any("时效" in l2 for _, l2 in levels):
                r.find("perf.no_timeliness", f"{name}: no timeliness indicator")
            if not any("成本" in l1 or "成本" in l2 for l1, l2 in levels):
                r.find("perf.no_cost", f"{name}: no cost indicator")
    all_projects = list(projects) + list((r.evaluation or {}).get("projects", []))
    for p in all_projects:
        name = p["name"]
        au = p.get("amount_unit", "wan")
        budget, executed = p.get("budget") or {}, p.get("executed") or {}
        for member in ("total", "fiscal"):
            if budget.get(member) and executed.get(member):
                b, e = r.placed(budget[member], au), r.placed(executed[member], au)
                if e.value - e.tol > b.value + b.tol:
                    r.find("perf.executed_over_budget",
                           f"{name}: executed {e.text} above budget {b.text} ({member})")
        amount = executed.get("total") or budget.get("total")
        for i in p.get("indicators", []):
            level2, level3 = i.get("level2") or "", i.get("level3") or ""
            texts = [i["target"]["text"]] + ([i["actual"]["text"]] if i.get("actual") else [])
            if "满意" in level2 or "满意" in level3:
                for t in texts:
                    for m in PERCENT_RE.finditer(t):
                        v = Decimal(m.group(1))
                        dec = -v.as_tuple().exponent
                        if v - Decimal(5).scaleb(-dec - 1) > HUNDRED:
                            r.find("perf.satisfaction_range", f"{name}: satisfaction {m.group(0)} above 100%")
            if "成本" in level2 and amount:
                a = r.placed(amount, au)
                m = AMOUNT_RE.search(texts[-1])
                if m:
                    unit = {"万元": "wan", "元": "yuan"}.get(m.group(2) or "", au)
                    c = r.figure(m.group(1), None, "value", unit, None, "", False)
                    if abs(c.value - a.value) > c.tol + a.tol:
                        r.find("perf.cost_amount", f"{name}: cost {m.group(0)} against amount {a.text}")
            if i.get("actual"):
                target = PERCENT_RE.search(i["target"]["text"])
                actual = PERCENT_RE.search(i["actual"]["text"])
                if target and actual and ("≥" in i["target"]["text"] or "以上" in i["target"]["text"]
                                          or "不低于" in i["target"]["text"]):
                    if Decimal(actual.group(1)) < Decimal(target.group(1)):
                        r.find("perf.target_not_met", f"{name}: {level3} {i['actual']['text']} "
                                                      f"misses {i['target']['text']}")
        check_grade(r, p.get("score"), p.get("grade"), name)
    if r.evaluation:
        check_grade(r, r.evaluation.get("total"), r.evaluation.get("grade"), "self-evaluation")
    reported = r.first(("performance.projects_reported", "value", r.year, 0, "actual", ()))
    if projects and reported is not None and reported.value > len(projects):
        r.find("perf.tables_reported", f"the text reports {reported.text} projects, "
                                       f"{len(projects)} tables are published")
    seen = {}
    for p in all_projects:
        au = p.get("amount_unit", "wan")
        b = (p.get("budget") or {}).get("total")
        if not b:
            continue
        fig = r.placed(b, au)
        key = norm_project(p["name"])
        if key in seen:
            other_name, other = seen[key]
            if abs(other.value - fig.value) > other.tol + fig.tol:
                r.find("perf.project_restated", f"{p['name']} budget {fig.text} ({au}) against "
                                                f"{other_name} {other.text}")
        else:
            seen[key] = (p["name"], fig)


# ---------------------------------------------------------------------------------------------

def check_document(r):
    doc = r.doc
    tables = doc.get("tables", [])
    if tables:
        held = {t["role"] for t in tables}
        for listed in doc.get("contents", []):
            if listed["role"] not in held:
                r.find("table.missing", f"the contents list {listed.get('title', listed['role'])}")
    mentions = doc.get("mentions", [])
    placeholders = sum(1 for m in mentions if m["kind"] == "placeholder")
    figures = len(doc.get("statements", [])) + len(doc.get("listings", []))
    figures += sum(len(row.get("cells", {})) for t in tables for row in t.get("rows", []))
    kind = doc["kind"]
    for m in mentions:
        if m["kind"] == "placeholder" and placeholders <= figures:
            r.find("text.placeholder", f"placeholder {m['text']}")
        elif m["kind"] == "self_name" and m.get("names", kind) == kind and m["year"] != r.year:
            r.find("year.self_name", f"{m['text']} names {m['year']}")
        elif m["kind"] == "as_of":
            year_end = m["month"] == 12 and m["day"] == 31
            if kind == "final_accounts":
                held = m["year"] == r.year if year_end else m["year"] >= r.year
            else:
                held = m["year"] == r.year - 1 or (m["year"] == r.year and not year_end)
            if not held:
                r.find("year.as_of", f"{m['text']} in the {r.year} {kind}")


def check_report(r):
    check_identities(r)
    check_dimension_sums(r, "sum.fund", {"expenditure.fiscal", "expenditure.total", "expenditure.basic",
                                         "expenditure.project", "expenditure.basic.personnel",
                                         "expenditure.basic.public_expense", "income.fiscal"},
                         "fund", ("general_budget", "government_fund", "state_capital"))
    check_code_sums(r, "sum.function", "function", [3, 5, 7])
    check_code_sums(r, "sum.economic", "economic", [3, 5])
    for concepts, dim in (({"three_public.vehicles.purchase", "three_public.vehicles.purchased",
                            "three_public.vehicles.held"}, "vehicle_kind"),
                          ({"assets.vehicles"}, "vehicle_use"),
                          ({"staffing.establishment", "staffing.staffed",
                            "organisation.affiliated"}, "category"),
                          ({"three_public.reception", "three_public.reception.batches",
                            "three_public.reception.people"}, "item"),
                          ({"expenditure.total", "expenditure.fiscal", "income.total",
                            "expenditure.basic", "expenditure.project"}, "unit")):
        check_dimension_sums(r, "sum.breakdown", concepts, dim, ())
    if r.evaluation:
        check_evaluation_sum(r)
    else:
        check_dimension_sums(r, "sum.performance_score", {"performance.score"}, "part", (), "total")
    check_implied_budgets(r)
    check_rates(r)
    check_at_most(r, "at_most.staffed", "staffing.staffed", "staffing.establishment")
    check_at_most(r, "at_most.procurement", "procurement.sme", "procurement.total")
    check_at_most(r, "at_most.procurement", "procurement.small_micro", "procurement.sme")
    check_at_most(r, "at_most.office_running", "office_running", "expenditure.basic.public_expense",
                  {"fund": "general_budget"})
    check_restated(r)
    check_enumerations(r)
    check_claims(r)
    check_performance(r)
    check_document(r)


def report_files(paths):
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*.json") if q.is_file())
        else:
            yield p


def main():
    ap = argparse.ArgumentParser(description="Python baseline: check fisc JSON reports.")
    ap.add_argument("paths", nargs="+", help="report files or folders of them")
    args = ap.parse_args()
    total = 0
    reports = 0
    out = sys.stdout
    for path in report_files(args.paths):
        reports += 1
        try:
            with open(path, encoding="utf-8-sig") as f:
                doc = json.load(f, parse_float=Decimal)
            r = Report(path, doc)
            r.load()
            check_report(r)
            findings = r.findings
        except (ValueError, KeyError, TypeError, decimal.DecimalException) as e:
            findings = [f"{path}: load: {type(e).__name__}: {e}"]
        for line in findings:
            out.write(line + "\n")
        total += len(findings)
    out.write(f"{total} findings in {reports} reports\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
