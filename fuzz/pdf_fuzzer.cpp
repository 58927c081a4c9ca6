// SPDX-License-Identifier: BSL-1.0
// libFuzzer target for PDF intake: any bytes are read as a PDF (read_pdf, poppler-cpp underneath)
// and, when they are one, as a published document (read_published). Whatever poppler makes of
// them, read_pdf fails with an error that names the file or gives pages numbered in order, each
// word inside its page's text lines; and the document read has a page for every table, problem
// and skipped figure.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fisc/accounts/report.hpp"
#include "fisc/pdf/document.hpp"
#include "fisc/pdf/published.hpp"

namespace {

void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fisc_fuzz_pdf: invariant violated: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as chars
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto pdf = fisc::read_pdf(bytes, "fuzz.pdf");
  if (!pdf) {
    require(pdf.error().file == "fuzz.pdf", "an error names the file");
    return 0;
  }
  require(!pdf->pages.empty(), "a PDF that was read has pages");
  for (std::size_t i = 0; i < pdf->pages.size(); ++i) {
    const fisc::PdfPage& page = pdf->pages[i];
    require(page.layout.number == i + 1, "pages are numbered from 1 in order");
    std::size_t lines = 0;
    for (const char c : page.text) lines += c == '\n' ? 1 : 0;
    for (const fisc::PageWord& w : page.layout.words) {
      require(w.line <= lines + 1, "a word's line is a line of its page's text");
    }
  }
  const fisc::PublishedReading read =
      fisc::read_published(*pdf, {.file = "fuzz.pdf", .year = std::nullopt, .kind = {}});
  require(read.pages == pdf->pages.size(), "the document has the PDF's pages");
  for (const fisc::Table& t : read.report.tables) {
    require(t.source.page >= 1 && t.source.page <= read.pages, "a table's page is in the PDF");
    for (const fisc::TableRow& r : t.rows) {
      for (const fisc::TableCellValue& c : r.cells) {
        require(t.column(c.column) != nullptr, "a cell's column is one of its table's columns");
      }
    }
  }
  for (const fisc::TableProblem& p : read.problems) {
    require(p.page >= 1 && p.page <= read.pages, "a problem's page is in the PDF");
  }
  for (const fisc::SkippedFigure& s : read.skipped) {
    require(s.page >= 1 && s.page <= read.pages, "a skipped figure's page is in the PDF");
  }
  static_cast<void>(fisc::collect_facts(read.report));
  return 0;
}
