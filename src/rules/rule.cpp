// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/rule.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace fisc {

bool emit_bare_pass(const Scope& scope, const Emit& emit, bool held) {
  if (!held || scope.passed_details) return false;
  Outcome o;
  o.held = true;
  emit(std::move(o));
  return true;
}

Check all_of(std::vector<Check> checks) {
  return [checks = std::move(checks)](const Scope& scope, const Emit& emit) {
    for (const Check& c : checks) c(scope, emit);
  };
}

Check any_of(std::vector<Check> checks) {
  return [checks = std::move(checks)](const Scope& scope, const Emit& emit) {
    std::vector<std::vector<Outcome>> runs;
    runs.reserve(checks.size());
    for (const Check& c : checks) {
      std::vector<Outcome> outcomes;
      c(scope, [&](Outcome o) { outcomes.push_back(std::move(o)); });
      const bool failed =
          std::any_of(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return !o.held; });
      if (!failed) {
        for (Outcome& o : outcomes) emit(std::move(o));
        return;
      }
      runs.push_back(std::move(outcomes));
    }
    for (auto& outcomes : runs) {
      for (Outcome& o : outcomes) {
        if (!o.held) emit(std::move(o));
      }
    }
  };
}

Check when(std::function<bool(const Scope&)> condition, Check check) {
  return [condition = std::move(condition), check = std::move(check)](const Scope& scope,
                                                                      const Emit& emit) {
    if (condition(scope)) check(scope, emit);
  };
}

Check for_each_table(std::function<bool(const Table&)> select, Check check) {
  return
      [select = std::move(select), check = std::move(check)](const Scope& scope, const Emit& emit) {
        for (const Table& table : scope.report().tables) {
          if (select && !select(table)) continue;
          Scope inner = scope;
          inner.table = &table;
          inner.row = nullptr;
          check(inner, emit);
        }
      };
}

Check for_each_row(Check check) {
  return [check = std::move(check)](const Scope& scope, const Emit& emit) {
    const auto rows_of = [&](const Table& table) {
      for (const TableRow& row : table.rows) {
        Scope inner = scope;
        inner.table = &table;
        inner.row = &row;
        check(inner, emit);
      }
    };
    if (scope.table != nullptr) {
      rows_of(*scope.table);
    } else {
      for (const Table& table : scope.report().tables) rows_of(table);
    }
  };
}

Check for_each_code(int digits, Check check) {
  return [digits, check = std::move(check)](const Scope& scope, const Emit& emit) {
    std::set<std::string, std::less<>> codes;
    const auto take = [&](const Dimensions& dims) {
      auto code = dims.get("function");
      if (code && code->size() == static_cast<std::size_t>(digits)) codes.emplace(*code);
    };
    if (scope.table != nullptr) {
      for (const TableRow& row : scope.table->rows) {
        if (scope.table->row_code_dimension == "function" &&
            row.code.size() == static_cast<std::size_t>(digits)) {
          codes.emplace(row.code);
        }
        take(row.dims);
      }
    } else {
      for (const Fact& f : scope.subject->facts().all()) take(f.key.dims);
    }
    for (const std::string& code : codes) {
      Scope inner = scope;
      inner.code = code;
      check(inner, emit);
    }
  };
}

Check for_each_unit(Check check) {
  return [check = std::move(check)](const Scope& scope, const Emit& emit) {
    for (const Organisation& unit : scope.report().units) {
      Scope inner = scope;
      inner.unit = &unit;
      check(inner, emit);
    }
  };
}

}  // namespace fisc
