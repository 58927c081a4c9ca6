// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/io/load_error.hpp"
#include "fisc/layout/page.hpp"

/// PDF intake: the text layer of a published PDF, read with poppler (docs/pdf.md).
namespace fisc {

/// One page of a PDF as its text layer gives it.
///
/// 页面. `layout` holds the page's number (1-based), its size and its words in points (1/72
/// inch) from the top left corner, y downwards, as the page is displayed (its /Rotate applied).
/// `text` is the page in reading order, as `pdftotext` without `-layout` writes it: UTF-8, every
/// line ending in '\n', a blank line between blocks. A word's `line` is its 1-based line in
/// `text`, or 0 when the word could not be found there.
struct PdfPage {
  LaidOutPage layout;
  std::string text;
  friend bool operator==(const PdfPage&, const PdfPage&) = default;
};

/// The pages of a PDF with text, and its title.
///
/// PDF 文档. At least one page holds text: a PDF without a text layer is an error.
struct PdfDocument {
  std::vector<PdfPage> pages;
  std::string title;  ///< the document information's /Title, UTF-8; empty when there is none
  friend bool operator==(const PdfDocument&, const PdfDocument&) = default;
};

/// The size above which `load_pdf` refuses a file before reading it.
inline constexpr std::uintmax_t max_pdf_file_bytes = std::uintmax_t{256} * 1024 * 1024;

/// Reads a PDF's text layer from its bytes. Fails, with `file_name` in the error, on bytes that
/// are not a PDF, a damaged PDF, a PDF that needs a password, and a PDF whose pages hold no text
/// (a scan). A PDF encrypted with an empty user password is read. Never throws and never writes
/// to stderr (poppler's messages are caught, and the last one goes into a damaged file's error).
[[nodiscard]] tl::expected<PdfDocument, LoadError> read_pdf(std::string_view bytes,
                                                            std::string_view file_name);

/// read_pdf on a file's bytes, refusing the file before reading it when it is larger than
/// `max_bytes`. The error's file is the path as given.
[[nodiscard]] tl::expected<PdfDocument, LoadError> load_pdf(
    const std::filesystem::path& path, std::uintmax_t max_bytes = max_pdf_file_bytes);

}  // namespace fisc
