// SPDX-License-Identifier: BSL-1.0
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue.hpp"
#include "fisc/classify/catalogue_error.hpp"
#include "fisc/classify/economic_code.hpp"
#include "fisc/classify/function_code.hpp"
#include "fisc/classify/year_range.hpp"

using fisc::Catalogue;
using fisc::CatalogueErrc;
using fisc::CatalogueError;
using fisc::EconomicCode;
using fisc::FunctionCode;
using fisc::YearRange;

namespace {

Catalogue load(std::string_view text) {
  auto loaded = Catalogue::load_csv(text, "codes.csv");
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? std::string() : describe(loaded.error())));
  return std::move(*loaded);
}

// Loading fails with `code` at line:column (byte offset); returns the error for more checks.
CatalogueError check_error(std::string_view text, CatalogueErrc code, std::size_t line,
                           std::size_t column, std::size_t offset) {
  CAPTURE(text);
  const auto loaded = Catalogue::load_csv(text, "codes.csv");
  REQUIRE_FALSE(loaded.has_value());
  const CatalogueError& e = loaded.error();
  CAPTURE(e);
  CHECK(e.code == code);
  CHECK(e.file == "codes.csv");
  CHECK(e.line == line);
  CHECK(e.column == column);
  CHECK(e.offset == offset);
  CHECK_FALSE(e.message.empty());
  return e;
}

// A file in the temporary directory, removed at the end of the test.
class TempFile {
 public:
  TempFile(std::string_view name, std::string_view content)
      : path_(std::filesystem::temp_directory_path() / name) {
    std::ofstream out(path_, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  TempFile(TempFile&&) = delete;
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

TEST_CASE("catalogue CSV: codes, names and years") {
  const Catalogue c = load(
      "code,name,year\n"
      "201,一般公共服务支出,\n"
      "201 32,组织事务,2020\n"
      "2013201,行政运行,2020-2024\n"
      "210,医疗卫生与计划生育支出,-2018\n"
      "210,卫生健康支出,2019-\n"
      "30101,基本工资,２０２０\n"
      "50101,工资奖金津补贴, 2020 ～ 2022 \n");
  CHECK_FALSE(c.is_partial());
  CHECK(c.source() == "codes.csv");
  CHECK(c.size() == 7);
  CHECK(c.name(FunctionCode{201}, 1990) == "一般公共服务支出");
  CHECK(c.name(FunctionCode{20132}, 2020) == "组织事务");
  CHECK(c.name(FunctionCode{20132}, 2021) == std::nullopt);
  CHECK(c.name(FunctionCode{2013201}, 2024) == "行政运行");
  CHECK(c.name(FunctionCode{2013201}, 2025) == std::nullopt);
  CHECK(c.name(FunctionCode{210}, 2018) == "医疗卫生与计划生育支出");
  CHECK(c.name(FunctionCode{210}, 2019) == "卫生健康支出");
  CHECK(c.name(EconomicCode{30101}, 2020) == "基本工资");
  CHECK(c.entry(EconomicCode{50101}, 2021)->years == YearRange::between(2020, 2022));
  CHECK(c.entry(EconomicCode{30101}, 2020)->verified);
  CHECK(c.renames().size() == 1);
}

TEST_CASE("catalogue CSV: header names, column order and ignored columns") {
  const Catalogue c = load(
      "名称,年度,科目编码,备注\n"
      "一般公共服务支出,2020,201,类\n"
      "组织事务,,20132,\n");
  CHECK(c.name(FunctionCode{201}, 2020) == "一般公共服务支出");
  CHECK(c.name(FunctionCode{20132}, 2000) == "组织事务");
  const Catalogue upper = load(" Code , NAME \n201,一般公共服务支出\n");
  CHECK(upper.name(FunctionCode{201}, 2020) == "一般公共服务支出");
}

TEST_CASE("catalogue CSV: byte-order mark, CRLF, CR, blank rows, quoted fields") {
  const Catalogue bom = load(
      "\xEF\xBB\xBF"
      "code,name\n201,一般公共服务支出\n");
  CHECK(bom.name(FunctionCode{201}, 2020) == "一般公共服务支出");

  const Catalogue crlf = load(
      "code,name,year\r\n"
      "201,一般公共服务支出,\r\n"
      "\r\n"
      "210,卫生健康支出,2019-\r\n");
  CHECK(crlf.name(FunctionCode{201}, 2020) == "一般公共服务支出");
  CHECK(crlf.name(FunctionCode{210}, 2020) == "卫生健康支出");

  const Catalogue cr = load("code,name\r201,一般公共服务支出\r202,外交支出");
  CHECK(cr.name(FunctionCode{202}, 2020) == "外交支出");

  const Catalogue quoted = load(
      "\"code\",\"name\",\"year\"\n"
      "\"2013201\",\"行政运行\",\"\"\n"
      ",,\n"
      "201,\"一般\"\"公共\"\"服务支出\",\n"
      "\"202\",\"外交,支出\",\"2020\"\n"
      "  \n");
  CHECK(quoted.size() == 3);
  CHECK(quoted.name(FunctionCode{2013201}, 2020) == "行政运行");
  CHECK(quoted.name(FunctionCode{201}, 2020) == "一般\"公共\"服务支出");
  CHECK(quoted.name(FunctionCode{202}, 2020) == "外交,支出");
  CHECK(quoted.name(FunctionCode{202}, 2021) == std::nullopt);

  // An empty field beyond the header's columns loses nothing: Excel writes them.
  const Catalogue trailing = load("code,name\n201,一般公共服务支出,,\n");
  CHECK(trailing.size() == 1);
}

TEST_CASE("catalogue CSV: rows with the same name are one entry") {
  const Catalogue c = load(
      "code,name,year\n"
      "201,一般公共服务支出,2019-2022\n"
      "201,一般公共服务支出,2021-2024\n"
      "201,一般公共服务支出,2025\n"
      "201,一般公共服务支出,2020\n");
  REQUIRE(c.size() == 1);
  CHECK(c.entries()[0].years == YearRange::between(2019, 2025));
}

TEST_CASE("catalogue CSV errors: empty file and encoding") {
  check_error("", CatalogueErrc::empty_file, 1, 1, 0);
  check_error("\xEF\xBB\xBF", CatalogueErrc::empty_file, 1, 1, 3);
  check_error("\n\n", CatalogueErrc::empty_file, 3, 1, 2);
  check_error("\r\n,,\r\n", CatalogueErrc::empty_file, 3, 1, 6);
  // 卫生 in GBK: CE C0 C9 FA; 0xC0 cannot continue the sequence 0xCE starts.
  const auto gbk =
      check_error("code,name\n210,\xCE\xC0\xC9\xFA\n", CatalogueErrc::invalid_utf8, 2, 5, 14);
  CHECK(gbk.message.find("GBK") != std::string::npos);
  check_error("code,name\n201,一般\xFF\n", CatalogueErrc::invalid_utf8, 2, 7, 20);
  check_error(
      "\xEF\xBB\xBF"
      "code,\xC0\n",
      CatalogueErrc::invalid_utf8, 1, 6, 8);
  check_error(
      "\xFF\xFE"
      "c\0o\0",
      CatalogueErrc::invalid_utf8, 1, 1, 0);
}

TEST_CASE("catalogue CSV errors: quoting") {
  check_error("code,name\n201,\"一般\n", CatalogueErrc::bad_quoting, 2, 5, 14);
  check_error("code,name\n201,\"一般\"x\n", CatalogueErrc::bad_quoting, 2, 9, 22);
  check_error("code,name\n201,一\"般\n", CatalogueErrc::bad_quoting, 2, 6, 17);
  check_error("\"code,name\n", CatalogueErrc::bad_quoting, 1, 1, 0);
}

TEST_CASE("catalogue CSV errors: header and fields") {
  const auto neither =
      check_error("201,一般公共服务支出\n", CatalogueErrc::missing_column, 1, 1, 0);
  CHECK(neither.message.find("found '201,一般公共服务支出'") != std::string::npos);
  check_error("code\n201\n", CatalogueErrc::missing_column, 1, 5, 4);
  check_error("名称,year\n", CatalogueErrc::missing_column, 1, 8, 11);
  check_error("code,name,year\n201,一般\n", CatalogueErrc::missing_column, 2, 7, 25);
  check_error("code,name,year\r\n201\r\n", CatalogueErrc::missing_column, 2, 4, 19);
  check_error("code,name,编码\n", CatalogueErrc::duplicate_column, 1, 11, 10);
  check_error(
      "\xEF\xBB\xBF"
      "code,Code\n",
      CatalogueErrc::duplicate_column, 1, 6, 8);
  const auto extra =
      check_error("code,name\n201,一般公共服务支出,类\n", CatalogueErrc::extra_field, 2, 14, 39);
  CHECK(extra.message == "field 3 is beyond the header's 2 columns: expected at most 2 fields");
}

TEST_CASE("catalogue CSV errors: codes") {
  const auto wrong = check_error("code,name\n2013,a\n", CatalogueErrc::bad_code, 2, 1, 10);
  CHECK(wrong.message.find("'2013' is not a classification code: wrong number of digits") == 0);
  check_error("code,name\n201.32,a\n", CatalogueErrc::bad_code, 2, 4, 13);
  check_error("code,name\n\"201.32\",a\n", CatalogueErrc::bad_code, 2, 5, 14);
  check_error("name,code\na,  401\n", CatalogueErrc::bad_code, 2, 5, 14);
  check_error("code,name\r\n201,a\r\n2x1,b\r\n", CatalogueErrc::bad_code, 3, 2, 19);
  check_error(
      "\xEF\xBB\xBF"
      "code,name\n2x1,一般\n",
      CatalogueErrc::bad_code, 2, 2, 14);
  const auto empty = check_error("code,name\n,一般\n", CatalogueErrc::bad_code, 2, 1, 10);
  CHECK(empty.message == "expected a code (201, 20132, 2013201, 30101) in the code column");
}

TEST_CASE("catalogue CSV errors: names") {
  check_error("code,name\n201,\n", CatalogueErrc::bad_name, 2, 5, 14);
  check_error("code,name\n201,  \n", CatalogueErrc::bad_name, 2, 7, 16);
  // A line break inside a quoted name, at line 2 column 8.
  const auto wrapped =
      check_error("code,name\n201,\"一般\n公共服务支出\"\n", CatalogueErrc::bad_name, 2, 8, 21);
  CHECK(wrapped.message.find("0x0A") != std::string::npos);
  // Quotes escaped before the bad character are counted: a""b then 0x01.
  check_error("code,name\n201,\"a\"\"b\x01\"\n", CatalogueErrc::bad_name, 2, 10, 19);
}

TEST_CASE("catalogue CSV errors: years") {
  check_error("code,name,year\n201,a,20\n", CatalogueErrc::bad_year, 2, 7, 21);
  check_error("code,name,year\n201,a,2020年\n", CatalogueErrc::bad_year, 2, 11, 25);
  check_error("code,name,year\n201,a,2020-2022-2024\n", CatalogueErrc::bad_year, 2, 16, 30);
  check_error("code,name,year\n201,a,-\n", CatalogueErrc::bad_year, 2, 8, 22);
  check_error("code,name,year\n201,a,20200\n", CatalogueErrc::bad_year, 2, 7, 21);
  check_error("code,name,year\n201,a,2020;2022\n", CatalogueErrc::bad_year, 2, 11, 25);
  const auto reversed =
      check_error("code,name,year\n201,a, 2024-2020\n", CatalogueErrc::bad_year, 2, 13, 27);
  CHECK(reversed.message ==
        "'2024-2020' is not a year: the range ends before it begins: expected a last year of at "
        "least 2024");
}

TEST_CASE("catalogue CSV errors: one code, two names in one year") {
  const auto e = check_error(
      "code,name,year\n"
      "210,医疗卫生与计划生育支出,-2019\n"
      "210,卫生健康支出,2019-\n",
      CatalogueErrc::conflicting_names, 3, 5, 63);
  CHECK(e.message ==
        "code 210 is named '医疗卫生与计划生育支出' on line 2 and '卫生健康支出' here for the "
        "years 2019: expected one name per code and year (give each name its years)");
  const auto every = check_error(
      "code,name\n"
      "201,一般公共服务支出\n"
      "202,外交支出\n"
      "201 ,一般公共服务\n",
      CatalogueErrc::conflicting_names, 4, 6, 61);
  CHECK(every.message.find("for every year") != std::string::npos);
  // Bracket widths differ: two names, though they normalise alike.
  check_error("code,name\n30213,维修(护)费\n30213,维修（护）费\n", CatalogueErrc::conflicting_names,
              3, 7, 37);
}

TEST_CASE("catalogue CSV: errors described for a person") {
  const auto loaded = Catalogue::load_csv("code,name\n2013,a\n", "dir/codes.csv");
  REQUIRE_FALSE(loaded);
  CHECK(describe(loaded.error()) ==
        "dir/codes.csv:2:1: bad code: '2013' is not a classification code: wrong number of "
        "digits at '2' (a 类 has 3 digits, a 款 5 and a 项 7 (201, 20132, 2013201; economic codes "
        "stop at 款), and a separator may stand only between them)");
  std::ostringstream os;
  os << CatalogueError{CatalogueErrc::cannot_read, "x.csv", 0, 0, 0, "cannot read the file: gone"}
     << '|' << CatalogueErrc::bad_year;
  CHECK(os.str() == "x.csv: cannot read the file: cannot read the file: gone|bad year");
}

TEST_CASE("catalogue CSV files") {
  const TempFile file("fisc_classify_catalogue_test.csv",
                      "\xEF\xBB\xBF"
                      "科目编码,科目名称,年度\r\n"
                      "201,一般公共服务支出,\r\n"
                      "20805,行政事业单位养老支出,2021-\r\n");
  const auto loaded = Catalogue::load_csv_file(file.path());
  REQUIRE(loaded.has_value());
  CHECK(loaded->source() == file.path().string());
  CHECK(loaded->name(FunctionCode{20805}, 2024) == "行政事业单位养老支出");

  const TempFile bad("fisc_classify_catalogue_bad.csv", "code,name\n201,a\n202\n");
  const auto error = Catalogue::load_csv_file(bad.path());
  REQUIRE_FALSE(error.has_value());
  CHECK(error.error().file == bad.path().string());
  CHECK(error.error().line == 3);
  CHECK(error.error().code == CatalogueErrc::missing_column);

  const auto missing = Catalogue::load_csv_file("/nonexistent/fisc/codes.csv");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == CatalogueErrc::cannot_read);
  CHECK(missing.error().file == "/nonexistent/fisc/codes.csv");
  CHECK(missing.error().line == 0);

  const auto directory = Catalogue::load_csv_file(std::filesystem::temp_directory_path());
  REQUIRE_FALSE(directory.has_value());
  CHECK(directory.error().code == CatalogueErrc::cannot_read);

  // A sparse file: large on paper, nothing on disk.
  const TempFile huge("fisc_classify_catalogue_huge.csv", "");
  std::filesystem::resize_file(huge.path(), std::uintmax_t{65} * 1024 * 1024);
  const auto too_large = Catalogue::load_csv_file(huge.path());
  REQUIRE_FALSE(too_large.has_value());
  CHECK(too_large.error().code == CatalogueErrc::too_large);
}

TEST_CASE("catalogue CSV: data/catalogue/builtin.csv is the built-in edition") {
  const auto loaded = Catalogue::load_csv_file(FISC_SOURCE_DIR "/data/catalogue/builtin.csv");
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? std::string() : describe(loaded.error())));
  const auto& builtin = Catalogue::builtin();
  REQUIRE(loaded->size() == builtin.size());
  for (std::size_t i = 0; i < builtin.size(); ++i) {
    const auto& a = loaded->entries()[i];
    const auto& b = builtin.entries()[i];
    CAPTURE(b.code);
    CHECK(a.code == b.code);
    CHECK(a.name == b.name);
    CHECK(a.years == b.years);
  }
}
