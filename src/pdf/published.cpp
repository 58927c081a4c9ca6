// SPDX-License-Identifier: BSL-1.0
#include "fisc/pdf/published.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "fisc/io/encoding.hpp"
#include "fisc/layout/page.hpp"

namespace fisc {

namespace {

// The 1-based line of the whole text at which each page starts, and the page of a line.
class PageLines {
 public:
  void start_page(std::uint32_t first_line) { starts_.push_back(first_line); }
  [[nodiscard]] std::uint32_t page_of(std::uint32_t line) const {
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), line);
    return static_cast<std::uint32_t>(after - starts_.begin());
  }
  [[nodiscard]] std::uint32_t first_line(std::uint32_t page) const { return starts_[page - 1]; }

 private:
  std::vector<std::uint32_t> starts_;
};

// The figures each page's tables were read with, as printed: the text reader meets them too,
// in the page's text, and skips them; they are the table reader's, not figures left unread.
std::map<std::uint32_t, std::multiset<std::string>> table_figures(const Report& report) {
  std::map<std::uint32_t, std::multiset<std::string>> figures;
  for (const Table& t : report.tables) {
    for (const TableRow& r : t.rows) {
      for (const TableCellValue& c : r.cells) {
        figures[c.page != 0 ? c.page : t.source.page].insert(c.value.text);
      }
    }
  }
  return figures;
}

// A skipped figure's digits, without the unit words after them ("2940.05 万元").
std::string_view digits_of(std::string_view text) {
  const auto end = text.find_last_of("0123456789");
  return end == std::string_view::npos ? text : text.substr(0, end + 1);
}

// Tables and text into one reading. `relative` makes the places of the text's figures lines of
// their page (a PDF) rather than of the file.
PublishedReading combine(NarrativeReading text, TableReading tables, const PageLines& lines,
                         std::uint32_t pages, bool relative, const std::string& file) {
  PublishedReading out;
  out.pages = pages;
  out.report = std::move(text.report);
  out.report.file = file;
  out.report.tables = std::move(tables.tables);
  out.report.contents = std::move(tables.contents);
  out.problems = std::move(tables.problems);
  // A text of one page (no form feed) has no pages to name.
  const bool paged = relative || pages > 1;
  // Form feeds that start empty pages on one line (a fuzzer's "1#\f\f") give that line several
  // page starts, the last of them past the pages laid out: a place there is on the last page.
  const auto page_of = [&](std::uint32_t line) { return std::min(lines.page_of(line), pages); };
  const auto place = [&](Source& s) {
    if (!s.span || !paged) return;
    s.page = page_of(s.span->line);
    if (relative) s.span->line -= lines.first_line(s.page) - 1;
  };
  for (Fact& f : out.report.statements) place(f.source);
  for (Fact& f : out.report.listings) place(f.source);
  for (Enumeration& e : out.report.enumerations) place(e.source);
  for (Claim& c : out.report.claims) place(c.source);
  for (Mention& m : out.report.mentions) place(m.source);
  auto read = table_figures(out.report);
  for (SkippedFigure& s : text.skipped) {
    const std::uint32_t page = page_of(s.span.line);
    if (auto on_page = read.find(page); on_page != read.end()) {
      if (auto cell = on_page->second.find(std::string(digits_of(s.text)));
          cell != on_page->second.end()) {
        on_page->second.erase(cell);
        continue;
      }
    }
    if (paged) s.page = page;
    if (relative) s.span.line -= lines.first_line(page) - 1;
    out.skipped.push_back(std::move(s));
  }
  std::stable_sort(out.skipped.begin(), out.skipped.end(),
                   [](const SkippedFigure& a, const SkippedFigure& b) {
                     return std::tie(a.page, a.span.line, a.span.column) <
                            std::tie(b.page, b.span.line, b.span.column);
                   });
  return out;
}

// The text with the given 1-based lines emptied: line breaks and form feeds stay, so every other
// line keeps its number.
std::string without_lines(std::string_view text, const std::vector<std::uint32_t>& blank) {
  std::string out;
  out.reserve(text.size());
  std::uint32_t line = 1;
  auto next = blank.begin();
  for (const char c : text) {
    while (next != blank.end() && *next < line) ++next;
    if (c == '\n') {
      ++line;
    } else if (c != '\f' && next != blank.end() && *next == line) {
      continue;
    }
    out += c;
  }
  return out;
}

// The running text read without the tables' lines (the tables are the table reader's; read as
// text, their rows would run figures of different columns together), with the year and kind the
// whole text gave. What the document says of itself is taken from the whole text: its tables'
// titles name it too.
NarrativeReading text_without_tables(std::string_view text, NarrativeReading whole,
                                     const TableReading& tables, const PageLines& lines,
                                     bool relative, const PublishedOptions& options) {
  if (tables.lines.empty()) return whole;
  std::vector<std::uint32_t> blank;
  blank.reserve(tables.lines.size());
  for (const auto& [page, line] : tables.lines) {
    blank.push_back(relative ? lines.first_line(page) + line - 1 : line);
  }
  std::sort(blank.begin(), blank.end());
  NarrativeOptions n;
  n.file = options.file;
  n.year = whole.report.year;
  n.kind = whole.report.kind;
  auto read = read_narrative(without_lines(text, blank), n);
  if (!read) return whole;
  read->report.department = std::move(whole.report.department);
  read->report.mentions = std::move(whole.report.mentions);
  return std::move(*read);
}

// Whether a text is laid out in columns, as pdftotext -layout writes it: one line in twenty or
// more keeps a gap of two spaces or more between words (the corpus's laid-out texts: a quarter
// to a half of their lines; texts in reading order, and explanatory texts: none, or one in
// hundreds).
bool laid_out_in_columns(std::string_view text) {
  std::size_t lines = 0;
  std::size_t gapped = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const std::size_t first = line.find_first_not_of(" \t\r\f");
    if (first == std::string_view::npos) continue;
    ++lines;
    const std::size_t last = line.find_last_not_of(" \t\r\f");
    if (line.substr(first, last - first).find("  ") != std::string_view::npos) ++gapped;
  }
  return gapped * 20 >= lines && gapped > 0;
}

// A text in reading order gives its tables' words in order but without positions: a figure
// cannot be placed in its column by them, so its tables are not read. Each is named as a
// problem, so `fisc show` says why the tables are missing; what the table reader could not place
// in them is no longer news.
void set_aside_tables(TableReading& tables) {
  tables.problems.clear();
  for (const Table& t : tables.tables) {
    tables.problems.push_back(
        TableProblem{t.source.page, 0, t.title, t.title,
                     "文本未按栏排版（阅读顺序的文本），表中数字无法按位置归栏：本表未读；"
                     "请直接检查 PDF，或用 pdftotext -layout 输出的文本"});
  }
  tables.tables.clear();
}

NarrativeOptions narrative_options(const PublishedOptions& options) {
  NarrativeOptions n;
  n.file = options.file;
  n.year = options.year;
  n.kind = options.kind;
  return n;
}

TableReadOptions table_options(const PublishedOptions& options, const Report& text) {
  TableReadOptions t;
  t.file = options.file;
  t.year = options.year.value_or(text.year);
  t.kind = options.kind.value_or(text.kind);
  return t;
}

}  // namespace

PublishedReading read_published(const PdfDocument& pdf, const PublishedOptions& options) {
  // The pages' texts one after another, each starting on a line of its own.
  std::string text;
  PageLines lines;
  std::uint32_t line = 1;
  std::vector<LaidOutPage> layouts;
  layouts.reserve(pdf.pages.size());
  for (const PdfPage& page : pdf.pages) {
    lines.start_page(line);
    text += page.text;
    if (!page.text.empty() && !page.text.ends_with('\n')) text += '\n';
    line += static_cast<std::uint32_t>(std::count(page.text.begin(), page.text.end(), '\n'));
    if (!page.text.empty() && !page.text.ends_with('\n')) ++line;
    layouts.push_back(page.layout);
  }
  // The text is UTF-8 from poppler, so the narrative reader cannot fail on it; if it ever did,
  // the document's statements would be missing, which the empty reading says.
  auto narrative = read_narrative(text, narrative_options(options));
  NarrativeReading read = narrative ? std::move(*narrative) : NarrativeReading{};
  TableReading tables =
      read_tables(on_character_grid(layouts), table_options(options, read.report));
  read = text_without_tables(text, std::move(read), tables, lines, true, options);
  return combine(std::move(read), std::move(tables), lines,
                 static_cast<std::uint32_t>(pdf.pages.size()), true, options.file);
}

tl::expected<PublishedReading, LoadError> read_published_text(std::string_view bytes,
                                                              const PublishedOptions& options) {
  auto decoded = decode_text(bytes, options.file);
  if (!decoded) return tl::unexpected(std::move(decoded.error()));
  auto narrative = read_narrative(decoded->text, narrative_options(options));
  if (!narrative) return tl::unexpected(std::move(narrative.error()));
  const std::vector<LaidOutPage> pages = lay_out_text(decoded->text);
  // A form feed starts a page on the line it stands on (as pdftotext writes it).
  PageLines lines;
  lines.start_page(1);
  std::uint32_t line = 1;
  for (const char c : decoded->text) {
    if (c == '\n') ++line;
    if (c == '\f') lines.start_page(line);
  }
  TableReading tables = read_tables(pages, table_options(options, narrative->report));
  if (!laid_out_in_columns(decoded->text)) set_aside_tables(tables);
  NarrativeReading read =
      text_without_tables(decoded->text, std::move(*narrative), tables, lines, false, options);
  return combine(std::move(read), std::move(tables), lines,
                 static_cast<std::uint32_t>(pages.size()), false, options.file);
}

tl::expected<PublishedReading, LoadError> load_published_text(const std::filesystem::path& path,
                                                              PublishedOptions options) {
  if (options.file.empty()) options.file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected(LoadError{options.file, 0, 0, {}, "cannot open the file"});
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return read_published_text(bytes.str(), options);
}

tl::expected<PublishedReading, LoadError> load_published_pdf(const std::filesystem::path& path,
                                                             PublishedOptions options) {
  if (options.file.empty()) options.file = path.string();
  return load_pdf(path).map([&](const PdfDocument& pdf) { return read_published(pdf, options); });
}

}  // namespace fisc
