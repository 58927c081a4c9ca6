// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/accounts/report.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/io/encoding.hpp"
#include "fisc/io/load_error.hpp"

namespace fisc {

/// What the narrative reader is told about a text before it reads it.
struct NarrativeOptions {
  std::string file;                  ///< the name every place carries (as the user gave it)
  std::optional<std::int32_t> year;  ///< the report's year; read from the text when not given
  std::optional<ReportKind> kind;    ///< 决算 or 预算; read from the text when not given
};

/// A figure of the text the reader did not understand, with its place: it is counted and
/// shown, never guessed into a concept.
struct SkippedFigure {
  TextSpan span;
  std::string text;        ///< the figure as written, with its unit word
  std::string reason;      ///< why it was not read (zh)
  std::uint32_t page = 0;  ///< set by readers of paginated documents (fisc/pdf); 0: none
};

/// What the reader made of a text: a report holding its statements, claims, listings and
/// enumerations (no tables), and the figures it skipped.
struct NarrativeReading {
  Report report;
  std::vector<SkippedFigure> skipped;
  TextEncoding encoding = TextEncoding::utf8;
};

/// Reads the explanatory text (决算说明 / 预算说明) of a 部门决算 or 部门预算: every figure it
/// states whose meaning a standard sentence form gives becomes a statement (a Fact with
/// Origin::statement and a text span), a count with its list an Enumeration, a sentence without
/// a figure (持平, 决算数与预算数不一致) a Claim. `bytes` is UTF-8 (with or without BOM) or
/// GB18030. Fails only when the bytes are not text.
[[nodiscard]] tl::expected<NarrativeReading, LoadError> read_narrative(
    std::string_view bytes, const NarrativeOptions& options = {});

/// read_narrative on a file's bytes; `options.file` defaults to the path as given.
[[nodiscard]] tl::expected<NarrativeReading, LoadError> load_narrative(
    const std::filesystem::path& path, NarrativeOptions options = {});

}  // namespace fisc
