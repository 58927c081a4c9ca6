// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/pack.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

#include "fisc/rules/place.hpp"

namespace fisc {

bool selects(std::string_view selector, const RuleInfo& rule) noexcept {
  if (selector.empty()) return false;
  if (rule.id == selector) return true;
  if (rule.id.size() > selector.size() && std::string_view(rule.id).starts_with(selector) &&
      rule.id[selector.size()] == '.') {
    return true;
  }
  return std::find(rule.tags.begin(), rule.tags.end(), selector) != rule.tags.end();
}

Pack::Pack(std::vector<Rule> rules) {
  for (Rule& r : rules) add(std::move(r));
}

Pack& Pack::add(Rule rule) {
  if (rule.info.id.empty()) throw std::invalid_argument("fisc::Pack: a rule needs an id");
  if (!rule.check) {
    throw std::invalid_argument("fisc::Pack: rule " + rule.info.id + " has no check");
  }
  if (find(rule.info.id) != nullptr) {
    throw std::invalid_argument("fisc::Pack: two rules have the id " + rule.info.id);
  }
  rules_.push_back(std::move(rule));
  return *this;
}

std::size_t Pack::remove(std::string_view selector) {
  const auto before = rules_.size();
  std::erase_if(rules_, [&](const Rule& r) { return selects(selector, r.info); });
  return before - rules_.size();
}

std::size_t Pack::regrade(std::string_view selector, Severity severity) {
  std::size_t n = 0;
  for (Rule& r : rules_) {
    if (selects(selector, r.info)) {
      r.info.severity = severity;
      ++n;
    }
  }
  return n;
}

Pack Pack::only(std::span<const std::string_view> selectors) const {
  Pack out;
  for (const Rule& r : rules_) {
    if (std::any_of(selectors.begin(), selectors.end(),
                    [&](std::string_view s) { return selects(s, r.info); })) {
      out.rules_.push_back(r);
    }
  }
  return out;
}

Pack Pack::without(std::span<const std::string_view> selectors) const {
  Pack out;
  for (const Rule& r : rules_) {
    if (std::none_of(selectors.begin(), selectors.end(),
                     [&](std::string_view s) { return selects(s, r.info); })) {
      out.rules_.push_back(r);
    }
  }
  return out;
}

const Rule* Pack::find(std::string_view id) const noexcept {
  auto it =
      std::find_if(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.info.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

std::vector<RuleInfo> Pack::infos() const {
  std::vector<RuleInfo> out;
  out.reserve(rules_.size());
  for (const Rule& r : rules_) out.push_back(r.info);
  return out;
}

InputFindings run(const Pack& pack, const Subject& subject, const RunOptions& options) {
  InputFindings out;
  out.path = subject.report().file;
  const Figures figures(subject, options.policy);
  Scope scope;
  scope.subject = &subject;
  scope.figures = &figures;
  scope.passed_details = options.keep_passed;
  const std::string policy = describe(options.policy);
  struct Ordered {
    Finding finding;
    std::size_t rule;
    std::size_t seq;
  };
  std::vector<Ordered> found;
  for (std::size_t i = 0; i < pack.rules().size(); ++i) {
    const Rule& rule = pack.rules()[i];
    std::size_t passed = 0;
    const auto emit = [&](Outcome&& o) {
      if (o.held) {
        ++passed;
        if (!options.keep_passed) return;
      }
      Finding f;
      f.rule = rule.info.id;
      f.severity = o.held ? Severity::ok : rule.info.severity;
      f.message = std::move(o.message);
      f.where = std::move(o.where);
      if (f.where.file.empty()) f.where.file = subject.report().file;
      f.figures = std::move(o.figures);
      f.expected = std::move(o.expected);
      f.policy = policy;
      found.push_back({std::move(f), i, found.size()});
    };
    try {
      rule.check(scope, emit);
    } catch (const std::exception& e) {
      Finding f;
      f.rule = rule.info.id;
      f.severity = Severity::error;
      f.message = {"规则 " + rule.info.id + " 检查时出错：" + e.what(),
                   "rule " + rule.info.id + " failed while checking: " + e.what()};
      f.where.file = subject.report().file;
      f.policy = policy;
      found.push_back({std::move(f), i, found.size()});
    }
    out.passed.emplace_back(rule.info.id, passed);
  }
  std::stable_sort(found.begin(), found.end(), [](const Ordered& a, const Ordered& b) {
    if (place_less(a.finding.where, b.finding.where)) return true;
    if (place_less(b.finding.where, a.finding.where)) return false;
    return std::tie(a.rule, a.seq) < std::tie(b.rule, b.seq);
  });
  out.findings.reserve(found.size());
  for (Ordered& o : found) out.findings.push_back(std::move(o.finding));
  return out;
}

}  // namespace fisc
