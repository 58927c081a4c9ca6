// SPDX-License-Identifier: BSL-1.0
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include "fisc/accounts/table_role.hpp"
#include "fisc/facts/concept.hpp"

namespace {

std::string schema_text() {
  std::ifstream in(std::filesystem::path(FISC_SOURCE_DIR) / "docs/report.schema.json",
                   std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The strings of the "enum" of the definition `name` in the schema's $defs.
std::set<std::string> enum_of(const std::string& text, std::string_view name) {
  const std::size_t defs = text.find("\"$defs\"");
  REQUIRE(defs != std::string::npos);
  const std::size_t def = text.find("\"" + std::string(name) + "\": {", defs);
  REQUIRE(def != std::string::npos);
  const std::size_t open = text.find("\"enum\": [", def);
  const std::size_t close = text.find(']', open);
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  std::set<std::string> out;
  for (std::size_t i = text.find('"', open + 8); i < close; i = text.find('"', i + 1)) {
    const std::size_t end = text.find('"', i + 1);
    out.insert(text.substr(i + 1, end - i - 1));
    i = end;
  }
  return out;
}

}  // namespace

TEST_CASE("report json: the schema lists exactly fisc's concepts and table roles") {
  const std::string text = schema_text();
  std::set<std::string> concepts;
  for (const fisc::Concept& c : fisc::concepts()) concepts.emplace(c.id);
  CHECK(enum_of(text, "concept") == concepts);
  std::set<std::string> roles;
  for (const fisc::TableRoleInfo& r : fisc::table_roles()) roles.emplace(r.id);
  CHECK(enum_of(text, "tableRole") == roles);
  CHECK(text.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") !=
        std::string::npos);
}
