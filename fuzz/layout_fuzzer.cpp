// SPDX-License-Identifier: BSL-1.0
// libFuzzer target for the table reader on text laid out in columns (`pdftotext -layout`): any
// bytes, decoded as a text file is, are laid out in pages (lay_out_text) and read as a published
// document's tables (read_tables), and the whole document as read_published_text reads it
// (tables and running text). Whatever is read, every cell stands in a column of its table and
// holds a figure that parses back to itself, every problem and table has a page of the input,
// and reading the same pages twice gives the same tables.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/accounts/table.hpp"
#include "fisc/io/encoding.hpp"
#include "fisc/layout/page.hpp"
#include "fisc/layout/tables.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/pdf/published.hpp"

namespace {

void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fisc_fuzz_layout: invariant violated: %s\n", what);
  std::abort();
}

void check_tables(const std::vector<fisc::Table>& tables, std::size_t pages) {
  for (const fisc::Table& t : tables) {
    require(t.source.page >= 1 && t.source.page <= pages, "a table's page is a page of the input");
    require(t.source.file == "fuzz.txt", "a table names the file");
    for (const fisc::TableRow& r : t.rows) {
      for (const fisc::TableCellValue& c : r.cells) {
        require(t.column(c.column) != nullptr, "a cell's column is one of its table's columns");
        require(c.page <= pages, "a cell's page is a page of the input");
        require(c.page == 0 || c.page > t.source.page, "a cell's own page follows its table's");
        require(c.value.unit == t.unit, "a cell has its table's unit");
        require(c.value.try_interval().has_value(), "a cell's figure has an interval");
        const auto again = fisc::parse_figure(c.value.text, c.value.reading);
        require(again.has_value(), "a cell's text parses as a figure");
        require(identical(again->value, c.value.value), "a cell's text parses to its value");
      }
    }
  }
}

void check_problems(const std::vector<fisc::TableProblem>& problems, std::size_t pages) {
  for (const fisc::TableProblem& p : problems) {
    require(p.page >= 1 && p.page <= pages, "a problem's page is a page of the input");
    require(!p.message.empty(), "a problem says what is wrong");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as chars
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // As a text file is read: UTF-8, or GB18030; bytes that are neither are not a document.
  const auto decoded = fisc::decode_text(bytes, "fuzz.txt");

  if (decoded) {
    const std::vector<fisc::LaidOutPage> pages = fisc::lay_out_text(decoded->text);
    require(pages == fisc::lay_out_text(decoded->text), "lay_out_text is deterministic");
    for (std::size_t i = 0; i < pages.size(); ++i) {
      require(pages[i].number == i + 1, "pages are numbered from 1 in order");
    }
    const fisc::TableReadOptions options{.file = "fuzz.txt", .year = 2025, .kind = std::nullopt};
    const fisc::TableReading read = fisc::read_tables(pages, options);
    check_tables(read.tables, pages.size());
    check_problems(read.problems, pages.size());
    const fisc::TableReading again = fisc::read_tables(pages, options);
    require(read.tables == again.tables && read.problems == again.problems &&
                read.kind == again.kind && read.year == again.year,
            "read_tables is deterministic");
  }

  const auto published =
      fisc::read_published_text(bytes, {.file = "fuzz.txt", .year = std::nullopt, .kind = {}});
  require(published.has_value() == decoded.has_value(),
          "read_published_text refuses exactly the bytes that are not text");
  if (!published) {
    require(published.error().file == "fuzz.txt", "an error names the file");
    return 0;
  }
  const std::size_t pages = published->pages;
  require(pages >= 1, "a document has a page");
  check_tables(published->report.tables, pages);
  check_problems(published->problems, pages);
  // A text without a form feed has no pages to name (published.hpp): page 0 then.
  for (const fisc::SkippedFigure& s : published->skipped) {
    require(pages == 1 ? s.page == 0 : s.page >= 1 && s.page <= pages,
            "a skipped figure's page is a page of the input, or none in a one-page text");
  }
  for (const fisc::Fact& f : published->report.statements) {
    require(f.value.try_interval().has_value(), "a statement's figure has an interval");
  }
  // What fisc check does next: the report's facts (errors here are the input's, not a failure).
  static_cast<void>(fisc::collect_facts(published->report));
  return 0;
}
