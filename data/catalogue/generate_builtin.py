#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Writes fisc's built-in classification edition from the reference CSVs.

    python3 data/catalogue/generate_builtin.py ../shared/reference

writes data/catalogue/builtin.csv (the edition as a CSV that Catalogue::load_csv reads, with the
status and source files of every row) and src/classify/builtin_catalogue.cpp (the same rows and
the economic crosswalk as C++ arrays). The build never reads ../shared: run this once when the
reference files change, review the diff, and commit both outputs.

Python 3 standard library only.
"""
import csv
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Names that changed between years. The reference files give the older names in their notes but
# not the year of the change; the year below is the first year of the current name, and rows
# dated by it are marked unverified unless the reference shows the new name in that year.
RENAMES = [
    # code, older name, first year of the current name, why that year
    ("207", "文化体育与传媒支出", 2019,
     "functional_classes_2020.csv note: older name (2016 table); year assumed from the 2018 "
     "reorganisation (文化和旅游部), not in the reference"),
    ("210", "医疗卫生与计划生育支出", 2019,
     "functional_classes_2020.csv note: older name (2016 table); functional_classification_"
     "subset.csv: 卫生健康支出 seen 2019-2025 (hbnz.gov.cn 2019 公开01表)"),
    ("220", "国土海洋气象等支出", 2019,
     "functional_classes_2020.csv note: older name; year assumed from the 2018 reorganisation "
     "(自然资源部), not in the reference"),
    ("20805", "行政事业单位离退休", 2021,
     "reference README example; functional_classification_subset.csv: name in 2020 may be "
     "行政事业单位离退休 (unverified); new name seen 2024-2026 (harvest); year assumed"),
    ("2080599", "其他行政事业单位离退休支出", 2021,
     "functional_classification_subset.csv: older name; year assumed as for 20805"),
]

# Codes in force for some years only.
YEARS = {
    "234": (2020, 2020, "functional_classes_2020.csv: 2020-only 类 per domain knowledge"),
}

LEVELS = {"类": 3, "款": 5, "项": 7}


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def status_verified(status):
    return not status.strip().startswith("unverified")


def main(ref):
    ref = pathlib.Path(ref)
    codes = {}  # code -> {name, verified, sources}

    def add(code, name, verified, source, level=None):
        code = code.strip()
        name = name.strip()
        if not re.fullmatch(r"\d{3}(\d{2}){0,2}", code):
            sys.exit(f"{source}: bad code {code!r}")
        if level is not None and LEVELS[level] != len(code):
            sys.exit(f"{source}: {code} is not a {level}")
        entry = codes.setdefault(code, {"name": name, "verified": False, "sources": []})
        if entry["name"] != name:
            sys.exit(f"{source}: {code} is {name!r} here but {entry['name']!r} elsewhere")
        entry["verified"] = entry["verified"] or verified
        if source not in entry["sources"]:
            entry["sources"].append(source)

    for row in read(ref / "functional_classes_2020.csv"):
        add(row["code"], row["name"], status_verified(row["status"]), "functional_classes_2020.csv", "类")
    for name in ("functional_classification_subset.csv", "functional_classification_harvest.csv",
                 "economic_classification_dept.csv", "economic_classification_harvest.csv"):
        for row in read(ref / name):
            add(row["code"], row["name"], status_verified(row["status"]), name, row["level"])
    crosswalk = read(ref / "economic_classification_gov_crosswalk.csv")
    for row in crosswalk:
        add(row["gov_code"], row["gov_name"], status_verified(row["status"]),
            "economic_classification_gov_crosswalk.csv")

    # rows: (code, name, first, last, verified, sources); 0 = open end
    rows = []
    renamed = {code: (old, year, why) for code, old, year, why in RENAMES}
    for code, e in codes.items():
        if code in renamed:
            old, year, why = renamed[code]
            rows.append((code, old, 0, year - 1, False, ["note: " + why]))
            rows.append((code, e["name"], year, 0, e["verified"], e["sources"]))
        elif code in YEARS:
            first, last, why = YEARS[code]
            rows.append((code, e["name"], first, last, e["verified"], e["sources"] + ["note: " + why]))
        else:
            rows.append((code, e["name"], 0, 0, e["verified"], e["sources"]))
    for code in renamed:
        if code not in codes:
            sys.exit(f"rename of unknown code {code}")

    def kind(code):
        return 0 if code[0] in "12" else 1

    rows.sort(key=lambda r: (kind(r[0]), r[0].ljust(7, "0"), len(r[0]), r[2]))

    def years(first, last):
        if first == 0 and last == 0:
            return ""
        if first == last:
            return str(first)
        return (str(first) if first else "") + "-" + (str(last) if last else "")

    with open(ROOT / "data/catalogue/builtin.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "year", "status", "source"])
        for code, name, first, last, verified, sources in rows:
            w.writerow([code, name, years(first, last), "seen" if verified else "unverified",
                        "; ".join(sources)])

    # The crosswalk: 政府 code -> 部门 codes.
    xw = []
    for row in crosswalk:
        dept = row["dept_codes"].strip()
        note = ""
        m = re.fullmatch(r"(\d+) \((.+)\)", dept)
        if m:
            dept, note = m.group(1), m.group(2)
        parts = [p.strip() for p in dept.split(";") if p.strip()]
        complete = "..." not in parts
        parts = [p for p in parts if p != "..."]
        for p in parts:
            if p not in codes:
                sys.exit(f"crosswalk: unknown 部门 code {p}")
        xw.append((row["gov_code"], parts, complete, status_verified(row["status"]), note))

    n_fun = {3: 0, 5: 0, 7: 0}
    n_eco = {"dept": 0, "gov": 0}
    for code in codes:
        if kind(code) == 0:
            n_fun[len(code)] += 1
        else:
            n_eco["dept" if code[0] == "3" else "gov"] += 1
    n_unverified = sum(1 for c in codes.values() if not c["verified"])

    out = []
    out.append("// SPDX-License-Identifier: BSL-1.0")
    out.append("//")
    out.append("// The built-in classification edition and the economic crosswalk. GENERATED by")
    out.append("// data/catalogue/generate_builtin.py from ../shared/reference/ (run it again instead of")
    out.append("// editing this file; data/catalogue/builtin.csv holds the same rows with their sources).")
    out.append("//")
    out.append("// Source files (fisc's shared reference folder, compiled by hand from public web pages,")
    out.append("// published budgets and final accounts, and public-repository test fixtures; each row")
    out.append("// names its source there): functional_classes_2020.csv,")
    out.append("// functional_classification_subset.csv, functional_classification_harvest.csv,")
    out.append("// economic_classification_dept.csv, economic_classification_harvest.csv,")
    out.append("// economic_classification_gov_crosswalk.csv. License of the compilation: CC0. The")
    out.append("// code-name pairs are facts of the official 政府收支分类科目 issued by 财政部; Article 5 of")
    out.append("// the PRC Copyright Law excludes official documents of state organs from copyright (the")
    out.append("// compiler's reading, not legal advice).")
    out.append("//")
    out.append(f"// PARTIAL: {n_fun[3]} 功能 类, {n_fun[5]} 款, {n_fun[7]} 项; {n_eco['dept']} 部门 and "
               f"{n_eco['gov']} 政府 economic codes;")
    out.append(f"// {len(rows)} rows (the codes and {len(RENAMES)} older names); {n_unverified} codes "
               "from domain knowledge only")
    out.append("// (verified = false).")
    out.append("// The official list has well over a thousand 项: load a full edition from a CSV file.")
    out.append("#include <algorithm>")
    out.append("#include <array>")
    out.append("#include <cstdint>")
    out.append("#include <span>")
    out.append("#include <string_view>")
    out.append("#include <utility>")
    out.append("#include <vector>")
    out.append("")
    out.append('#include "fisc/classify/any_code.hpp"')
    out.append('#include "fisc/classify/catalogue.hpp"')
    out.append('#include "fisc/classify/crosswalk.hpp"')
    out.append('#include "fisc/classify/economic_code.hpp"')
    out.append("")
    out.append("namespace fisc {")
    out.append("namespace {")
    out.append("")
    out.append("struct Row {")
    out.append("  std::uint32_t code;  // the digits: 201, 20132, 2013201, 30101")
    out.append("  std::string_view name;")
    out.append("  std::int32_t first;  // 0: since ever")
    out.append("  std::int32_t last;   // 0: still in force")
    out.append("  bool verified;       // false: from domain knowledge, or a year assumed")
    out.append("};")
    out.append("")
    out.append(f"constexpr std::array<Row, {len(rows)}> rows{{{{")
    for code, name, first, last, verified, sources in rows:
        out.append(f'    {{{code}, "{name}", {first}, {last}, {"true" if verified else "false"}}},')
    out.append("}};")
    out.append("")
    out.append("static_assert(std::all_of(rows.begin(), rows.end(),")
    out.append("                          [](const Row& row) { return make_any_code(row.code).has_value(); }),")
    out.append('              "every built-in row is a valid code");')
    out.append("")
    for gov, parts, complete, verified, note in xw:
        if parts:
            items = ", ".join(f"EconomicCode{{{p}}}" for p in parts)
            out.append(f"constexpr std::array<EconomicCode, {len(parts)}> dept_{gov}{{{items}}};")
    out.append("")
    out.append(f"constexpr std::array<CrosswalkEntry, {len(xw)}> crosswalk_rows{{{{")
    for gov, parts, complete, verified, note in xw:
        span = f"dept_{gov}" if parts else "{}"
        out.append(f'    {{EconomicCode{{{gov}}}, {span}, {"true" if complete else "false"}, '
                   f'{"true" if verified else "false"}, "{note}"}},')
    out.append("}};")
    out.append("")
    out.append("}  // namespace")
    out.append("")
    out.append("const Catalogue& Catalogue::builtin() {")
    out.append("  static const Catalogue edition = [] {")
    out.append("    std::vector<CatalogueEntry> entries;")
    out.append("    entries.reserve(rows.size());")
    out.append("    for (const Row& row : rows) {")
    out.append("      const YearRange years{row.first == 0 ? YearRange::earliest : row.first,")
    out.append("                            row.last == 0 ? YearRange::latest : row.last};")
    out.append("      entries.push_back({*make_any_code(row.code), std::string(row.name), years, "
               "row.verified});")
    out.append("    }")
    out.append('    return from_entries(std::move(entries), true, "fisc built-in (partial)");')
    out.append("  }();")
    out.append("  return edition;")
    out.append("}")
    out.append("")
    out.append("std::span<const CrosswalkEntry> crosswalk() noexcept { return crosswalk_rows; }")
    out.append("")
    out.append("}  // namespace fisc")
    target = ROOT / "src/classify/builtin_catalogue.cpp"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    try:
        subprocess.run(["clang-format", "-i", str(target)], check=True, cwd=ROOT)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"warning: clang-format did not run ({e}); format {target} by hand")

    print(f"codes: 功能 类 {n_fun[3]}, 款 {n_fun[5]}, 项 {n_fun[7]}; 部门 {n_eco['dept']}, "
          f"政府 {n_eco['gov']}; rows {len(rows)}; unverified codes {n_unverified}; "
          f"crosswalk {len(xw)} entries")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference")
