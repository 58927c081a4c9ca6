// SPDX-License-Identifier: BSL-1.0
// PDF intake (src/pdf/document.cpp): the corpus of real documents against pdfinfo and
// pdftotext, words and boxes on small hand-made PDFs (tests/pdf/data/README.md), and every error.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <unistd.h>

#include "fisc/io/load_error.hpp"
#include "fisc/pdf/document.hpp"

namespace {

const std::filesystem::path corpus_dir = std::filesystem::path(FISC_SHARED_DIR) / "corpus";
const std::filesystem::path data_dir = std::filesystem::path(FISC_SOURCE_DIR) / "tests/pdf/data";

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// A corpus PDF, read once for all the tests that look at it.
const fisc::PdfDocument& corpus(const std::string& name) {
  static std::map<std::string, fisc::PdfDocument> read;
  auto it = read.find(name);
  if (it == read.end()) {
    auto document = fisc::load_pdf(corpus_dir / (name + ".pdf"));
    REQUIRE_MESSAGE(document.has_value(), fisc::describe(document.error()));
    it = read.emplace(name, std::move(*document)).first;
  }
  return it->second;
}

fisc::PdfDocument data(const std::string& file) {
  auto document = fisc::load_pdf(data_dir / file);
  REQUIRE_MESSAGE(document.has_value(), fisc::describe(document.error()));
  return *document;
}

/// describe() of the error reading `bytes`, or "read" when they were read.
std::string error_of(std::string_view bytes) {
  const auto document = fisc::read_pdf(bytes, "in.pdf");
  return document ? "read" : fisc::describe(document.error());
}

const fisc::PageWord& word(const fisc::PdfPage& page, std::string_view text) {
  const auto& words = page.layout.words;
  const auto it = std::find_if(words.begin(), words.end(),
                               [&](const fisc::PageWord& w) { return w.text == text; });
  REQUIRE_MESSAGE(it != words.end(), text);
  return *it;
}

/// The 1-based line `n` of a page's text.
std::string_view line_of(std::string_view text, std::uint32_t n) {
  for (std::uint32_t i = 1; i < n; ++i) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) return {};
    text.remove_prefix(end + 1);
  }
  return text.substr(0, text.find('\n'));
}

bool same_row(const fisc::PageWord& a, const fisc::PageWord& b) {
  return a.top < b.bottom && b.top < a.bottom;
}

}  // namespace

TEST_CASE(
    "pdf: every corpus PDF has pdfinfo's pages and title, and pdftotext's text page by page") {
  struct Expected {
    std::string name;
    std::size_t pages;  // pdfinfo's Pages
    std::string title;  // pdfinfo's Title
  };
  const std::vector<Expected> expected{
      {"shanghai-2024-final-accounts-template-blank", 23, "附件2：预算主管部门公开样张"},
      {"shanghai-putuo-2024-final-finance-bureau", 25, "2024年上海市普陀区财政局部门决算表.pdf"},
      {"shanghai-putuo-2024-final-finance-bureau-errors-injected", 26, ""},
      {"shanghai-putuo-2025-budget-commerce-department", 26, ""},
      {"shanghai-putuo-2025-budget-commerce-unit", 22, ""},
      {"shanghai-putuo-2025-budget-district-office-department", 22, ""},
      {"shanghai-putuo-2025-budget-district-office-unit", 21, ""},
  };
  for (const Expected& e : expected) {
    CAPTURE(e.name);
    const fisc::PdfDocument& document = corpus(e.name);
    REQUIRE(document.pages.size() == e.pages);
    CHECK(document.title == e.title);
    // NAME.txt is `pdftotext -enc UTF-8`: each page's text followed by a form feed.
    const std::string txt = file_bytes(corpus_dir / (e.name + ".txt"));
    std::size_t start = 0;
    for (const fisc::PdfPage& page : document.pages) {
      CAPTURE(page.layout.number);
      const std::size_t form_feed = txt.find('\f', start);
      REQUIRE(form_feed != std::string::npos);
      CHECK(page.text == txt.substr(start, form_feed - start));
      start = form_feed + 1;
      CHECK(page.layout.number == &page - document.pages.data() + 1);
      // A4: portrait for the 决算s, landscape for the budgets' tables.
      CHECK(std::min(page.layout.width, page.layout.height) == doctest::Approx(595).epsilon(0.001));
      CHECK(std::max(page.layout.width, page.layout.height) == doctest::Approx(842).epsilon(0.001));
    }
    CHECK(start == txt.size());
  }
}

TEST_CASE("pdf: each word's line is the line of the page's text that holds it") {
  for (const std::string name : {"shanghai-putuo-2024-final-finance-bureau",
                                 "shanghai-putuo-2025-budget-commerce-department"}) {
    CAPTURE(name);
    std::size_t words = 0;
    for (const fisc::PdfPage& page : corpus(name).pages) {
      CAPTURE(page.layout.number);
      std::uint32_t previous = 1;
      for (const fisc::PageWord& w : page.layout.words) {
        CAPTURE(w.text);
        REQUIRE(w.line >= previous);
        CHECK(line_of(page.text, w.line).find(w.text) != std::string_view::npos);
        previous = w.line;
        ++words;
      }
    }
    CHECK(words > 1000);
  }
}

TEST_CASE("pdf: 收入支出决算总表 as words with boxes in points from the top left") {
  // Page 6 of the finance bureau's 决算; pdftotext -bbox gives the same boxes.
  const fisc::PdfPage& page = corpus("shanghai-putuo-2024-final-finance-bureau").pages.at(5);
  CHECK(page.layout.number == 6);
  CHECK(page.layout.width == 595);
  CHECK(page.layout.height == 842);
  const fisc::PageWord& title = word(page, "收入支出决算总表");
  CHECK(title.left == doctest::Approx(233.5));
  CHECK(title.top == doctest::Approx(205.092));
  CHECK(title.right == doctest::Approx(361.5));
  CHECK(title.bottom == doctest::Approx(209.188));

  const fisc::PageWord& unit = word(page, "单位：万元");
  const fisc::PageWord& income = word(page, "一、一般公共预算财政拨款收入");
  const fisc::PageWord& income_amount = word(page, "2,940.05");
  const fisc::PageWord& spending = word(page, "一、一般公共服务支出");
  const fisc::PageWord& spending_amount = word(page, "2,106.66");
  // Downwards: the title, the unit, then the first row.
  CHECK(title.bottom < unit.top);
  CHECK(unit.bottom < income.top);
  // The first row: income label, its amount, spending label, its amount, left to right.
  CHECK(same_row(income, income_amount));
  CHECK(same_row(income_amount, spending));
  CHECK(same_row(spending, spending_amount));
  CHECK(income.right < income_amount.left);
  CHECK(income_amount.right < spending.left);
  CHECK(spending.right < spending_amount.left);
  CHECK_FALSE(same_row(income, word(page, "二、政府性基金预算财政拨款收入")));
  CHECK(line_of(page.text, title.line) == "收入支出决算总表");
}

TEST_CASE("pdf: a page's text in reading order holds its sentences whole") {
  const fisc::PdfPage& page = corpus("shanghai-putuo-2024-final-finance-bureau").pages.at(3);
  CHECK(page.text.starts_with("第一部分\n\n上海市普陀区财政局概况\n\n一、主要职能\n"));
  CHECK(page.text.find(
            "\n第二条 上海市普陀区财政局是主管全区财政工作的区政府工作部门，为正处级。\n") !=
        std::string::npos);
  const fisc::PageWord& article = word(page, "第二条");
  CHECK(line_of(page.text, article.line).starts_with("第二条 "));
}

TEST_CASE("pdf: the blank template reads, its tables without figures") {
  const fisc::PdfDocument& blank = corpus("shanghai-2024-final-accounts-template-blank");
  CHECK(blank.pages.size() == 23);
  CHECK(std::all_of(blank.pages.begin(), blank.pages.end(),
                    [](const fisc::PdfPage& p) { return !p.text.empty(); }));
}

TEST_CASE("pdf: a hand-made page's words, boxes, lines, text and title") {
  const fisc::PdfDocument document = data("hello.pdf");
  CHECK(document.title == "Hello 你好");
  REQUIRE(document.pages.size() == 1);
  const fisc::PdfPage& page = document.pages[0];
  CHECK(page.text == "Hello world\n2,940.05\n\n");
  CHECK(page.layout.number == 1);
  CHECK(page.layout.width == 200);
  CHECK(page.layout.height == 100);
  REQUIRE(page.layout.words.size() == 3);
  // Helvetica 24 pt, baselines 60 and 20 pt above the bottom of a 100 pt page: each box spans
  // the font's ascent and descent around its baseline, measured from the top.
  const std::vector<fisc::PageWord> expected{{"Hello", 20, 22.768, 74.672, 44.968, 1},
                                             {"world", 81.344, 22.768, 138.68, 44.968, 1},
                                             {"2,940.05", 20, 62.768, 113.408, 84.968, 2}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const fisc::PageWord& got = page.layout.words[i];
    const fisc::PageWord& want = expected[i];
    CAPTURE(want.text);
    CHECK(got.text == want.text);
    CHECK(got.left == doctest::Approx(want.left));
    CHECK(got.top == doctest::Approx(want.top));
    CHECK(got.right == doctest::Approx(want.right));
    CHECK(got.bottom == doctest::Approx(want.bottom));
    CHECK(got.line == want.line);
  }
  CHECK(fisc::read_pdf(file_bytes(data_dir / "hello.pdf"), "hello.pdf") == document);
}

TEST_CASE("pdf: a rotated page has its size and boxes as displayed") {
  // hello.pdf turned a quarter clockwise: 100 pt wide, 200 tall, the text running downwards.
  const fisc::PdfPage page = data("hello-rotated.pdf").pages.at(0);
  CHECK(page.layout.width == 100);
  CHECK(page.layout.height == 200);
  const fisc::PageWord& hello = word(page, "Hello");
  CHECK(hello.left == doctest::Approx(100 - 44.968));
  CHECK(hello.top == doctest::Approx(20));
  CHECK(hello.right == doctest::Approx(100 - 22.768));
  CHECK(hello.bottom == doctest::Approx(74.672));
}

TEST_CASE("pdf: a word hyphenated at a line end is on the line where it starts") {
  const fisc::PdfPage page = data("hyphenated.pdf").pages.at(0);
  // The reading-order text joins the two parts, as pdftotext does.
  CHECK(page.text == "The total expenditure was 2,940.05 in\nthe year.\n\n");
  CHECK(word(page, "expen-").line == 1);
  CHECK(word(page, "diture").line == 1);
  CHECK(word(page, "2,940.05").line == 1);
  CHECK(word(page, "year.").line == 2);
}

TEST_CASE("pdf: a PDF encrypted with an empty user password reads like the plain one") {
  const fisc::PdfDocument plain = data("hello.pdf");
  const fisc::PdfDocument encrypted = data("hello-empty-user-password.pdf");
  CHECK(encrypted == plain);
}

TEST_CASE("pdf: bytes that are not a PDF say what they look like") {
  CHECK(error_of("") == "in.pdf: the file is empty (expected a PDF file)");
  CHECK(error_of(R"({"format": "fisc-report", "version": 1})") ==
        "in.pdf: not a PDF file (no %PDF- header in its first 1024 bytes): it looks like JSON "
        "text, starting “{\"format\": \"fisc-report\", \"version\": 1}”");
  CHECK(error_of("\xEF\xBB\xBF收入支出决算总表\n单位：万元\n") ==
        "in.pdf: not a PDF file (no %PDF- header in its first 1024 bytes): it looks like text, "
        "starting “收入支出决算总表…”");
  CHECK(error_of(std::string(50, 'x')) ==
        "in.pdf: not a PDF file (no %PDF- header in its first 1024 bytes): it looks like text, "
        "starting “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”");
  CHECK(error_of(std::string("PK\x03\x04\x14\x00\x06\x00", 8)) ==
        "in.pdf: not a PDF file (no %PDF- header in its first 1024 bytes): it is a ZIP archive, "
        "as .xlsx and .docx files are");
  CHECK(error_of(std::string("\x00\x01\x02\x03\xFE\xFF\x80\x7F\x10", 9)) ==
        "in.pdf: not a PDF file (no %PDF- header in its first 1024 bytes): it starts with the "
        "bytes 00 01 02 03 FE FF 80 7F");
  // The header may follow other bytes, as long as it is in the first 1024.
  const std::string hello = file_bytes(data_dir / "hello.pdf");
  CHECK(error_of(std::string(1000, '\n') + hello) == "read");
  CHECK(error_of(std::string(1024, '\n') + hello).find("not a PDF file") != std::string::npos);
}

TEST_CASE("pdf: a damaged PDF, a damaged page and a PDF without pages are errors") {
  const std::string finance =
      file_bytes(corpus_dir / "shanghai-putuo-2024-final-finance-bureau.pdf");
  CHECK(error_of(finance.substr(0, 2000)) ==
        "in.pdf: the PDF is damaged: poppler cannot read it (poppler: Couldn't read xref table)");
  CHECK(error_of("%PDF-1.7\n\x01\x02 garbage, no objects, no trailer\n") ==
        "in.pdf: the PDF is damaged: poppler cannot read it (poppler: Couldn't read xref table)");
  // hello.pdf with its page tree changed in place, so that the cross-reference table still holds.
  const std::string hello_bytes = file_bytes(data_dir / "hello.pdf");
  const auto with_kids = [&](std::string_view kids) {
    std::string bytes = hello_bytes;
    const std::string_view original = "/Kids [3 0 R] /Count 1";
    REQUIRE(kids.size() == original.size());
    return bytes.replace(bytes.find(original), original.size(), kids);
  };
  CHECK(error_of(with_kids("/Kids [9 0 R] /Count 1")) ==
        "in.pdf: page 1 of 1 is damaged: poppler cannot read it (poppler: Kid object (page 1) is "
        "wrong type (null))");
  CHECK(error_of(with_kids("/Kids []      /Count 0")) == "in.pdf: the PDF has no pages");
  // Every cut of a small PDF is read or refused, never a crash.
  for (std::size_t size = 0; size < hello_bytes.size(); size += 7) {
    CAPTURE(size);
    const auto document = fisc::read_pdf(std::string_view(hello_bytes).substr(0, size), "cut.pdf");
    if (document) CHECK_FALSE(document->pages.empty());
  }
}

TEST_CASE("pdf: a PDF that needs a password, and one without a text layer, are errors") {
  const auto locked = fisc::load_pdf(data_dir / "hello-user-password.pdf");
  REQUIRE_FALSE(locked.has_value());
  CHECK(locked.error().message ==
        "the PDF is encrypted and needs a password to open; fisc reads PDFs that open without "
        "one: remove the password first");
  const auto scan = fisc::load_pdf(data_dir / "image-only.pdf");
  REQUIRE_FALSE(scan.has_value());
  CHECK(scan.error().message ==
        "the PDF has no text layer: none of its 1 page holds text (a scan, or only images); fisc "
        "reads text, not images: run OCR on it first");
  CHECK(scan.error().file == (data_dir / "image-only.pdf").string());
  CHECK(scan.error().line == 0);
}

TEST_CASE("pdf: load_pdf refuses a missing file, a directory and a file above its limit") {
  const auto missing = fisc::load_pdf(data_dir / "no-such.pdf");
  REQUIRE_FALSE(missing.has_value());
  CHECK(fisc::describe(missing.error()) ==
        (data_dir / "no-such.pdf").string() +
            ": cannot read the PDF file: No such file or directory");
  const auto directory = fisc::load_pdf(data_dir);
  REQUIRE_FALSE(directory.has_value());
  CHECK(directory.error().message == "cannot read the PDF file: it is a directory");
  const auto large = fisc::load_pdf(data_dir / "hello.pdf", 100);
  REQUIRE_FALSE(large.has_value());
  CHECK(large.error().message ==
        "the file is 707 bytes; fisc reads a PDF file of at most 100 bytes and has not read it");
  CHECK(fisc::load_pdf(data_dir / "hello.pdf", 707).has_value());
}

TEST_CASE("pdf: poppler's messages never reach stderr, on any thread") {
  const std::string finance =
      file_bytes(corpus_dir / "shanghai-putuo-2024-final-finance-bureau.pdf");
  // The corpus PDFs make poppler complain about their fonts; the cut one about its structure.
  const std::vector<std::string_view> inputs{std::string_view(finance).substr(0, 2000), finance};
  std::vector<std::string> expected;
  for (const std::string_view bytes : inputs) expected.push_back(error_of(bytes));

  std::FILE* capture = std::tmpfile();
  REQUIRE(capture != nullptr);
  std::fflush(stderr);
  const int saved = ::dup(STDERR_FILENO);
  REQUIRE(::dup2(::fileno(capture), STDERR_FILENO) >= 0);
  std::vector<std::vector<std::string>> got(4);
  {
    std::vector<std::thread> threads;
    for (auto& results : got) {
      threads.emplace_back([&] {
        for (const std::string_view bytes : inputs) results.push_back(error_of(bytes));
      });
    }
    for (auto& t : threads) t.join();
  }
  std::fflush(stderr);
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
  const long written = std::ftell(capture);
  std::fclose(capture);
  CHECK(written == 0);
  for (const auto& results : got) CHECK(results == expected);
}
