// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/text.hpp"

#include "fisc/rules/finding.hpp"
#include "fisc/rules/severity.hpp"

namespace fisc {

std::string_view to_string(Language lang) noexcept {
  switch (lang) {
    case Language::zh: return "zh";
    case Language::en: return "en";
  }
  return "?";
}

std::optional<Language> language_from_string(std::string_view s) noexcept {
  if (s == "zh") return Language::zh;
  if (s == "en") return Language::en;
  return std::nullopt;
}

std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::ok: return "ok";
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

std::optional<Severity> severity_from_string(std::string_view s) noexcept {
  if (s == "ok") return Severity::ok;
  if (s == "info") return Severity::info;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

std::size_t SeverityCounts::at_least(Severity s) const noexcept {
  std::size_t n = 0;
  if (s <= Severity::error) n += error;
  if (s <= Severity::warning) n += warning;
  if (s <= Severity::info) n += info;
  if (s <= Severity::ok) n += ok;
  return n;
}

SeverityCounts& SeverityCounts::operator+=(const SeverityCounts& other) noexcept {
  error += other.error;
  warning += other.warning;
  info += other.info;
  ok += other.ok;
  return *this;
}

SeverityCounts count(const InputFindings& input) noexcept {
  SeverityCounts c;
  for (const auto& f : input.findings) {
    switch (f.severity) {
      case Severity::error: ++c.error; break;
      case Severity::warning: ++c.warning; break;
      case Severity::info: ++c.info; break;
      case Severity::ok: break;
    }
  }
  for (const auto& [id, n] : input.passed) c.ok += n;
  return c;
}

SeverityCounts count(const CheckResults& results) noexcept {
  SeverityCounts c;
  for (const auto& input : results.inputs) c += count(input);
  return c;
}

}  // namespace fisc
