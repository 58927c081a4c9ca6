// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/accounts/report.hpp"
#include "fisc/io/load_error.hpp"
#include "fisc/layout/tables.hpp"
#include "fisc/narrative/reader.hpp"
#include "fisc/pdf/document.hpp"

/// A published 部门决算 or 部门预算 as a whole: its standard tables and its explanatory text,
/// read from the PDF itself or from text laid out in columns (docs/pdf.md).
///
/// 公开文件. The tables come from read_tables on the pages' words (a PDF's put on the character
/// grid first), the statements, claims and enumerations from read_narrative on the text in
/// reading order; both in one `Report`, so that `fisc check` compares the tables with one
/// another, the text with itself, and the text with the tables.
namespace fisc {

/// What the caller knows that the document may not say.
struct PublishedOptions {
  std::string file;                  ///< the name every place carries (as the user gave it)
  std::optional<std::int32_t> year;  ///< read from the document when not given
  std::optional<ReportKind> kind;    ///< read from the document when not given
};

/// What was read, and what was not.
///
/// Places: a table cell's source names the table, the row's code (or label) and the column's
/// header, with the page; a statement's source has the page and its line and column within
/// that page's text (a PDF) or within the file (a text file, whose form feeds count the pages).
struct PublishedReading {
  Report report;
  /// Figures of the running text whose meaning no sentence form gives, each with its page.
  /// A figure the tables of its page were read with is not among them (the text reader meets
  /// the tables' words in the page's text too): the table reader accounts for it.
  std::vector<SkippedFigure> skipped;
  std::vector<TableProblem> problems;  ///< words of tables that could not be placed
  std::uint32_t pages = 0;
};

/// Reads a PDF's text layer (fisc/pdf/document.hpp) as a published document.
[[nodiscard]] PublishedReading read_published(const PdfDocument& pdf,
                                              const PublishedOptions& options = {});

/// Reads text as `pdftotext -layout` writes a published document: tables from its columns,
/// statements from its running text. UTF-8 or GB18030, as read_narrative; fails only when the
/// bytes are not text.
[[nodiscard]] tl::expected<PublishedReading, LoadError> read_published_text(
    std::string_view bytes, const PublishedOptions& options = {});

/// read_published_text on a file's bytes; `options.file` defaults to the path as given.
[[nodiscard]] tl::expected<PublishedReading, LoadError> load_published_text(
    const std::filesystem::path& path, PublishedOptions options = {});

/// load_pdf, then read_published; `options.file` defaults to the path as given.
[[nodiscard]] tl::expected<PublishedReading, LoadError> load_published_pdf(
    const std::filesystem::path& path, PublishedOptions options = {});

}  // namespace fisc
