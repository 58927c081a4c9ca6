// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/csv.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "fisc/io/encoding.hpp"

using fisc::CsvRecord;
using fisc::LoadError;
using fisc::TextEncoding;
using fisc::TextPosition;

namespace {

std::vector<CsvRecord> split(std::string_view text) {
  auto r = fisc::split_csv(text, "t.csv");
  if (!r) FAIL(describe(r.error()));
  return *r;
}

void check_split_error(std::string_view text, std::uint32_t line, std::uint32_t column,
                       std::string_view message_part) {
  CAPTURE(text);
  const auto r = fisc::split_csv(text, "t.csv");
  REQUIRE_FALSE(r.has_value());
  CAPTURE(describe(r.error()));
  CHECK(r.error().file == "t.csv");
  CHECK(r.error().line == line);
  CHECK(r.error().column == column);
  CHECK(r.error().message.find(message_part) != std::string::npos);
}

}  // namespace

TEST_CASE("csv: fields, quotes, CRLF and a final line break") {
  const auto records = split("a,\"b,c\",\"say \"\"hi\"\"\"\r\n,\"two\nlines\",x\n");
  REQUIRE(records.size() == 2);
  REQUIRE(records[0].fields.size() == 3);
  CHECK(records[0].fields[0].value == "a");
  CHECK(records[0].fields[1].value == "b,c");
  CHECK(records[0].fields[1].quoted);
  CHECK(records[0].fields[2].value == "say \"hi\"");
  CHECK(records[0].number == 1);
  REQUIRE(records[1].fields.size() == 3);
  CHECK(records[1].fields[0].value.empty());
  CHECK(records[1].fields[1].value == "two\nlines");
  CHECK(records[1].fields[2].value == "x");
  CHECK(records[1].fields[2].position == TextPosition{3, 8});
  CHECK(records[1].line() == 2);
  CHECK_FALSE(records[1].blank());
}

TEST_CASE("csv: empty input, empty lines, blank records, a trailing delimiter") {
  CHECK(split("").empty());
  const auto records = split("a,b\n\n,,\nc,\n");
  REQUIRE(records.size() == 4);
  CHECK(records[1].fields.size() == 1);
  CHECK(records[1].blank());
  CHECK(records[2].fields.size() == 3);
  CHECK(records[2].blank());
  CHECK(records[3].fields.size() == 2);
  CHECK(split("a,b").size() == 1);  // no final line break
}

TEST_CASE("csv: quoting errors name the line and column") {
  check_split_error("a,b\nc,\"open\n", 2, 3, "not closed");
  check_split_error("a,\"b\"c\n", 1, 6, "text after the closing quote");
  check_split_error("a,b\"c\n", 1, 4, "a quote inside an unquoted field");
  check_split_error("a\rb\n", 1, 2, "carriage return");
}

TEST_CASE("csv: more fields than the limit are refused") {
  fisc::CsvOptions options;
  options.max_fields = 4;
  CHECK(fisc::split_csv("a,b\nc,d\n", "t.csv", options).has_value());
  const auto r = fisc::split_csv("a,b\nc,d,e\n", "t.csv", options);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().line == 2);
  CHECK(r.error().column == 5);
  CHECK(r.error().message.find("more than 4 fields") != std::string::npos);
  options.delimiter = ';';
  const auto semicolons = fisc::split_csv("a;b,c\n", "t.csv", options);
  REQUIRE(semicolons.has_value());
  CHECK(semicolons->at(0).fields.at(1).value == "b,c");
}

TEST_CASE("csv: the place of a character inside a field") {
  const std::string text = "x,\"科\"\"目 9\"\n";
  const auto records = split(text);
  const auto& f = records[0].fields[1];
  CHECK(f.value == "科\"目 9");
  // The 9 is byte 8 of the value: after 科 (3 bytes), the quote, 目 (3 bytes) and a space.
  CHECK(fisc::position_in_field(text, f, 8) == TextPosition{1, 9});
  CHECK(fisc::position_in_field(text, records[0].fields[0], 0) == TextPosition{1, 1});
}

TEST_CASE("csv encoding: UTF-8 with and without BOM, and GB18030") {
  auto plain = fisc::decode_text("科目", "t.csv");
  REQUIRE(plain);
  CHECK(plain->encoding == TextEncoding::utf8);
  CHECK(plain->text == "科目");
  auto bom = fisc::decode_text("\xEF\xBB\xBF科目", "t.csv");
  REQUIRE(bom);
  CHECK(bom->encoding == TextEncoding::utf8_bom);
  CHECK(bom->text == "科目");
  // 科目编码 in GBK, as Excel saves "CSV" on a Chinese Windows.
  auto gbk = fisc::decode_text("\xbf\xc6\xc4\xbf\xb1\xe0\xc2\xeb,x\n", "t.csv");
  REQUIRE(gbk);
  CHECK(gbk->encoding == TextEncoding::gb18030);
  CHECK(gbk->text == "科目编码,x\n");
  // A four-byte GB18030 sequence (U+20000 𠀀).
  auto four = fisc::decode_text("\x95\x32\x82\x36", "t.csv");
  REQUIRE(four);
  CHECK(four->text == "\xF0\xA0\x80\x80");
  CHECK(fisc::invalid_utf8_offset("ab\xC0\xAF") == 2);    // overlong
  CHECK(fisc::invalid_utf8_offset("\xED\xA0\x80") == 0);  // a surrogate
  CHECK(fisc::invalid_utf8_offset("科目") == std::string_view::npos);
}

TEST_CASE("csv encoding: bytes that are neither UTF-8 nor GB18030") {
  // 0xFF is no lead byte in either encoding; GB18030 reads 科目 before it.
  auto bad = fisc::decode_text("a,b\n\xbf\xc6\xc4\xbf\xff,c\n", "t.csv");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().file == "t.csv");
  CHECK(bad.error().line == 2);
  CHECK(bad.error().column == 3);
  CHECK(bad.error().message.find("0xFF") != std::string::npos);
  CHECK(bad.error().message.find("neither UTF-8 nor GB18030") != std::string::npos);
  // UTF-8 that breaks late reads further as UTF-8: the error is where UTF-8 breaks.
  auto late = fisc::decode_text("科目编码,名称\n一般公共服务\xff\n", "t.csv");
  REQUIRE_FALSE(late);
  CHECK(late.error().line == 2);
  CHECK(late.error().column == 7);
  auto bom = fisc::decode_text(
      "\xEF\xBB\xBF"
      "ab\n\xbf\xc6",
      "t.csv");
  REQUIRE_FALSE(bom);
  CHECK(bom.error().line == 2);
  CHECK(bom.error().column == 1);
  auto utf16 = fisc::decode_text(
      "\xFF\xFE"
      "a\0",
      "t.csv");
  REQUIRE_FALSE(utf16);
  CHECK(utf16.error().message.find("UTF-16") != std::string::npos);
}
