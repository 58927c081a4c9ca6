// SPDX-License-Identifier: BSL-1.0
// Reading a report file (format v1, docs/report-format.md): Boost.JSON's parser builds a small
// flat document that keeps number texts (json_dom.hpp), and the reader walks it, checking every
// member. The first problem found ends the reading: a private exception (`Failure`) carries it,
// with the value or key at fault, to the one place that turns it into a LoadError (finding the
// offset there); it never leaves this file.
#include "fisc/io/report_json.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/numbers/parse.hpp"
#include "json_dom.hpp"

namespace fisc {

namespace {

using io_detail::in_quotes;
using io_detail::JsonMember;
using io_detail::JsonNode;
using io_detail::member_path;
using Kind = JsonNode::Kind;

// A JSON path ("$.tables[2].rows[0].cells.amount"), made into text only for an error: a chain of
// the members and items from the root, each link on the stack of the function reading it (a path
// must not outlive the one it extends).
class Path {
 public:
  Path() = default;  ///< "$"
  Path(const Path& parent, std::string_view key) noexcept : parent_(&parent), key_(key) {}
  Path(const Path& parent, std::size_t index) noexcept
      : parent_(&parent), index_(index), is_index_(true) {}

  [[nodiscard]] std::string str() const {
    if (parent_ == nullptr) return "$";
    if (is_index_) return parent_->str() + "[" + std::to_string(index_) + "]";
    return member_path(parent_->str(), key_);
  }

 private:
  const Path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

// Where the problem is: a value, a character of a value's content, or a member's key. Its offset
// in the text is found only once the error is reported.
struct Failure {
  const JsonNode* node = nullptr;
  std::size_t index = std::string_view::npos;  ///< of a character in the node's content
  const JsonMember* key = nullptr;
  std::string path;
  std::string message;
};

[[noreturn]] void fail(const JsonNode& node, const Path& path, std::string message) {
  throw Failure{&node, std::string_view::npos, nullptr, path.str(), std::move(message)};
}

// At the character `index` of the content of `node`.
[[noreturn]] void fail_in(const JsonNode& node, std::size_t index, const Path& path,
                          std::string message) {
  throw Failure{&node, index, nullptr, path.str(), std::move(message)};
}

[[noreturn]] void fail_key(const JsonMember& member, const Path& path, std::string message) {
  throw Failure{nullptr, std::string_view::npos, &member, path.str(), std::move(message)};
}

std::string one_of(std::span<const std::string_view> names) {
  std::string out;
  for (const std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// An object being read: its type checked, duplicate and unknown members refused.
class Obj {
 public:
  /// `what` is a string literal (kept as a view).
  Obj(const JsonNode& node, const Path& path, std::string_view what)
      : node_(node), path_(path), what_(what) {
    if (node.kind != Kind::object) {
      fail(node, path_,
           "expected " + std::string(what_) + " (an object), found " +
               std::string(io_detail::kind_name(node)));
    }
    // Most objects have a few members: compared pairwise, without a set to allocate.
    constexpr std::size_t few = 16;
    const auto twice = [&](const JsonMember& m) {
      fail_key(m, Path(path_, m.key),
               "the member " + in_quotes(m.key) + " appears twice in " + std::string(what_));
    };
    if (node.members().size() <= few) {
      for (std::size_t i = 1; i < node.members().size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (node.members()[j].key == node.members()[i].key) twice(node.members()[i]);
        }
      }
      return;
    }
    std::unordered_set<std::string_view> seen;
    for (const JsonMember& m : node.members()) {
      if (!seen.insert(m.key).second) twice(m);
    }
  }

  void allow_only(std::initializer_list<std::string_view> names) const {
    for (const JsonMember& m : node_.members()) static_cast<void>(index_in(names, m));
  }

  /// allow_only(names), and the value of each of `names` (nullptr where absent) as `find` would
  /// give it, in one pass over the members: the objects read most often (sources, rows) would
  /// otherwise be walked once to refuse unknown members and once more for each member read.
  template <std::size_t N>
  [[nodiscard]] std::array<const JsonNode*, N> only(const std::string_view (&names)[N]) const {
    std::array<const JsonNode*, N> values{};
    for (const JsonMember& m : node_.members()) {
      // Never twice: the constructor refused duplicate members.
      values[index_in(names, m)] = &m.value;
    }
    return values;
  }

  [[nodiscard]] const JsonNode* find(std::string_view key) const noexcept {
    for (const JsonMember& m : node_.members()) {
      if (m.key == key) return &m.value;
    }
    return nullptr;
  }
  [[nodiscard]] const JsonNode& require(std::string_view key) const {
    return require(key, find(key));
  }
  /// `*value`, the value of the member `key` (from `only`), which must be present.
  [[nodiscard]] const JsonNode& require(std::string_view key, const JsonNode* value) const {
    if (value == nullptr) {
      fail(node_, path_, "missing required member " + in_quotes(key) + " in " + std::string(what_));
    }
    return *value;
  }
  /// The path of the member `key` (it extends this object's: it must not outlive the object).
  [[nodiscard]] Path path(std::string_view key) const noexcept { return {path_, key}; }
  [[nodiscard]] const Path& path() const noexcept { return path_; }
  [[nodiscard]] const JsonNode& node() const noexcept { return node_; }

 private:
  /// The position of `m`'s key among `names`; a member not named there is refused.
  [[nodiscard]] std::size_t index_in(std::span<const std::string_view> names,
                                     const JsonMember& m) const {
    const auto it = std::find(names.begin(), names.end(), m.key);
    if (it == names.end()) unknown(m, names);
    return static_cast<std::size_t>(it - names.begin());
  }
  [[noreturn]] void unknown(const JsonMember& m, std::span<const std::string_view> names) const {
    fail_key(m, Path(path_, m.key),
             "unknown member " + in_quotes(m.key) + " in " + std::string(what_) + " (expected " +
                 one_of(names) + ")");
  }

  const JsonNode& node_;
  Path path_;
  std::string_view what_;
};

[[noreturn]] void wrong_type(const JsonNode& node, const Path& path, std::string_view what) {
  fail(node, path,
       "expected " + std::string(what) + ", found " + std::string(io_detail::kind_name(node)));
}

std::string string_of(const JsonNode& node, const Path& path, std::string_view what) {
  if (node.kind != Kind::string) wrong_type(node, path, std::string(what) + " (a string)");
  return std::string(node.text);
}

std::int64_t integer_of(const JsonNode& node, const Path& path, std::string_view what,
                        std::int64_t min, std::int64_t max) {
  // The words of a failure, made only for one.
  const auto expected = [&] {
    return std::string(what) + " (an integer from " + std::to_string(min) + " to " +
           std::to_string(max) + ")";
  };
  if (node.kind != Kind::number) wrong_type(node, path, expected());
  std::int64_t value = 0;
  const char* first = node.text.data();
  const char* last = first + node.text.size();
  const auto [end, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range)
    fail(node, path, "expected " + expected() + ", found " + std::string(node.text));
  if (ec != std::errc{} || end != last) {
    fail(node, path, "expected " + expected() + ", found the number " + std::string(node.text));
  }
  if (value < min || value > max) {
    fail(node, path, "expected " + expected() + ", found " + std::string(node.text));
  }
  return value;
}

std::int32_t year_of(const JsonNode& node, const Path& path) {
  return static_cast<std::int32_t>(integer_of(node, path, "a year", 1900, 9999));
}

std::uint32_t positive_of(const JsonNode& node, const Path& path, std::string_view what) {
  return static_cast<std::uint32_t>(
      integer_of(node, path, what, 1, std::numeric_limits<std::uint32_t>::max()));
}

template <class E>
E enum_of(const JsonNode& node, const Path& path, std::string_view what,
          std::optional<E> (*from_string)(std::string_view) noexcept,
          std::initializer_list<std::string_view> names) {
  const std::string s = string_of(node, path, what);
  const auto e = from_string(s);
  if (!e) {
    fail(node, path,
         "unknown " + std::string(what) + " " + in_quotes(s) + " (expected one of " +
             one_of(names) + ")");
  }
  return *e;
}

Unit unit_of(const JsonNode& node, const Path& path) {
  return enum_of<Unit>(node, path, "unit", &unit_from_string,
                       {"yuan", "wan", "yi", "percent", "none"});
}
Scenario scenario_of(const JsonNode& node, const Path& path) {
  return enum_of<Scenario>(node, path, "scenario", &scenario_from_string,
                           {"actual", "budget", "initial_budget", "adjusted_budget"});
}
Measure measure_of(const JsonNode& node, const Path& path) {
  return enum_of<Measure>(node, path, "measure", &measure_from_string,
                          {"value", "share", "change", "change_rate", "completion_rate"});
}
Reading reading_of(const JsonNode& node, const Path& path) {
  return enum_of<Reading>(node, path, "reading", &io_detail::reading_from_string,
                          {"rounded", "truncated", "exact"});
}
Direction direction_of(const JsonNode& node, const Path& path) {
  return enum_of<Direction>(node, path, "direction", &direction_from_string,
                            {"increase", "decrease", "none"});
}
std::int8_t assumed_decimals_of(const JsonNode& node, const Path& path) {
  return static_cast<std::int8_t>(integer_of(node, path, "a number of decimals", 0, 18));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string concept_of(const JsonNode& node, const Path& path) {
  std::string id = string_of(node, path, "a concept id");
  if (find_concept(id) != nullptr) return id;
  std::string message = "unknown concept " + in_quotes(id);
  if (id.size() <= 64) {
    std::string_view best;
    std::size_t best_distance = 4;
    for (const Concept& c : concepts()) {
      const std::size_t d = edit_distance(id, c.id);
      if (d < best_distance) {
        best_distance = d;
        best = c.id;
      }
    }
    if (!best.empty()) message += " (did you mean " + in_quotes(best) + "?)";
  }
  fail(node, path, message + "; the concept ids are those of fisc::concepts()");
}

// Where the character at `index` of a value's content is in the text (the value starts at
// `offset`): inside a string, after its escapes are undone.
std::size_t offset_in_value(std::string_view text, const JsonNode& node, std::size_t offset,
                            std::size_t index) {
  if (node.kind != Kind::string) return offset + index;
  std::size_t raw = offset + 1;
  std::size_t decoded = 0;
  const auto hex4 = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t k = 0; k < 4 && at + k < text.size(); ++k) {
      const char c = text[at + k];
      v = v * 16 +
          static_cast<unsigned>(c >= 'a' ? c - 'a' + 10 : (c >= 'A' ? c - 'A' + 10 : c - '0'));
    }
    return v;
  };
  while (decoded < index && raw < text.size() && text[raw] != '"') {
    if (text[raw] != '\\') {
      ++raw;
      ++decoded;
      continue;
    }
    if (raw + 1 < text.size() && text[raw + 1] == 'u') {
      const unsigned u = hex4(raw + 2);
      if (u >= 0xD800U && u <= 0xDBFFU) {
        raw += 12;  // a surrogate pair: four bytes of UTF-8
        decoded += 4;
      } else {
        raw += 6;
        decoded += u < 0x80U ? 1 : (u < 0x800U ? 2 : 3);
      }
    } else {
      raw += 2;
      ++decoded;
    }
  }
  return raw;
}

class ReportReader {
 public:
  explicit ReportReader(std::string_view file) : file_(file) {}

  Report read(const JsonNode& root) {
    if (root.kind != Kind::object) {
      fail(root, Path(),
           "expected a fisc report (a JSON object), found " +
               std::string(io_detail::kind_name(root)));
    }
    Obj top(root, Path(), "the report");
    const JsonNode* version = top.find("fisc_report");
    if (version == nullptr) {
      fail(root, Path(),
           "missing required member \"fisc_report\": this is not a fisc report (expected "
           "{\"fisc_report\": 1, …})");
    }
    if (version->kind != Kind::number || version->text != "1") {
      if (version->kind == Kind::number &&
          version->text.find_first_not_of("0123456789") == std::string_view::npos) {
        fail(*version, top.path("fisc_report"),
             "unsupported format version " + std::string(version->text) +
                 ": this fisc reads version 1");
      }
      wrong_type(*version, top.path("fisc_report"), "the format version 1");
    }
    top.allow_only({"fisc_report", "kind", "year", "department", "units", "offices", "affiliated",
                    "unit", "tables", "statements", "listings", "enumerations", "claims",
                    "performance", "contents", "mentions"});
    report_.file = std::string(file_);
    report_.kind = enum_of<ReportKind>(top.require("kind"), top.path("kind"), "kind",
                                       &report_kind_from_string, {"final_accounts", "budget"});
    report_.year = year_of(top.require("year"), top.path("year"));
    report_.department = organisation(top.require("department"), top.path("department"));
    if (const JsonNode* n = top.find("units")) {
      for_each(*n, top.path("units"), "the units (an array of organisations)",
               [&](const JsonNode& item, const Path& path) {
                 report_.units.push_back(organisation(item, path));
               });
    }
    string_list(top, "offices", report_.offices);
    string_list(top, "affiliated", report_.affiliated);
    if (const JsonNode* n = top.find("unit")) {
      report_.unit = unit_of(*n, top.path("unit"));
      report_unit_origin_ = "the report's unit";
    }
    if (const JsonNode* n = top.find("tables")) {
      reserve_for(report_.tables, *n);
      for_each(*n, top.path("tables"), "the tables (an array)",
               [&](const JsonNode& item, const Path& path) { table(item, path); });
    }
    if (const JsonNode* n = top.find("statements")) {
      reserve_for(report_.statements, *n);
      for_each(*n, top.path("statements"), "the statements (an array of facts)",
               [&](const JsonNode& item, const Path& path) {
                 report_.statements.push_back(fact(item, path, Origin::statement));
               });
    }
    if (const JsonNode* n = top.find("listings")) {
      reserve_for(report_.listings, *n);
      for_each(*n, top.path("listings"), "the listings (an array of facts)",
               [&](const JsonNode& item, const Path& path) {
                 report_.listings.push_back(fact(item, path, Origin::listing));
               });
    }
    if (const JsonNode* n = top.find("enumerations")) {
      for_each(*n, top.path("enumerations"), "the enumerations (an array)",
               [&](const JsonNode& item, const Path& path) {
                 report_.enumerations.push_back(enumeration(item, path));
               });
    }
    if (const JsonNode* n = top.find("claims")) {
      for_each(*n, top.path("claims"), "the claims (an array)",
               [&](const JsonNode& item, const Path& path) {
                 report_.claims.push_back(claim(item, path));
               });
    }
    if (const JsonNode* n = top.find("performance")) {
      report_.performance = performance(*n, top.path("performance"));
    }
    if (const JsonNode* n = top.find("contents")) {
      for_each(*n, top.path("contents"), "the contents (an array of listed tables)",
               [&](const JsonNode& item, const Path& path) {
                 report_.contents.push_back(listed_table(item, path));
               });
    }
    if (const JsonNode* n = top.find("mentions")) {
      for_each(*n, top.path("mentions"), "the mentions (an array)",
               [&](const JsonNode& item, const Path& path) {
                 report_.mentions.push_back(mention(item, path));
               });
    }
    return std::move(report_);
  }

 private:
  // Room in `out` for the items of `node`, if it is an array (for_each refuses it if not): the
  // vectors of a report are filled item by item, and growing them moves every table, row and fact
  // made so far.
  template <class T>
  static void reserve_for(std::vector<T>& out, const JsonNode& node) {
    out.reserve(out.size() + node.items().size());
  }

  template <class F>
  void for_each(const JsonNode& node, const Path& path, std::string_view what, F&& f) {
    if (node.kind != Kind::array) wrong_type(node, path, what);
    const auto items = node.items();
    for (std::size_t i = 0; i < items.size(); ++i) f(items[i], Path(path, i));
  }

  void string_list(const Obj& o, std::string_view key, std::vector<std::string>& out) {
    const JsonNode* n = o.find(key);
    if (n == nullptr) return;
    for_each(*n, o.path(key), "an array of names", [&](const JsonNode& item, const Path& path) {
      out.push_back(string_of(item, path, "a name"));
    });
  }

  Organisation organisation(const JsonNode& node, const Path& path) {
    Obj o(node, path, "an organisation");
    o.allow_only({"name", "code"});
    Organisation org;
    const JsonNode& name = o.require("name");
    org.name = string_of(name, o.path("name"), "the organisation's name");
    if (org.name.empty()) fail(name, o.path("name"), "the organisation's name is empty");
    if (const JsonNode* n = o.find("code")) org.code = string_of(*n, o.path("code"), "a code");
    return org;
  }

  Dimensions dims(const JsonNode& node, const Path& path) {
    Obj o(node, path, "dimensions");
    Dimensions d;
    for (const JsonMember& m : node.members()) {
      const Path p(path, m.key);
      if (!io_detail::is_dimension_name(m.key)) {
        fail_key(m, p,
                 "a dimension name must be lower-case letters, digits and '_' (e.g. \"function\", "
                 "\"fund\"), found " +
                     in_quotes(m.key));
      }
      const std::string value = string_of(m.value, p, "the dimension's value");
      if (value.empty()) fail(m.value, p, "a dimension's value must not be empty");
      if (auto problem = io_detail::code_problem(value, m.key)) {
        fail(m.value, p, in_quotes(value) + " is " + *problem);
      }
      d.set(m.key, value);
    }
    return d;
  }

  Source source(const JsonNode& node, const Path& path) {
    Obj o(node, path, "a source");
    const auto [file, page, section, cell_node, span_node] =
        o.only({"file", "page", "section", "cell", "span"});
    Source s;
    if (file != nullptr) s.file = string_of(*file, o.path("file"), "a file name");
    if (page != nullptr) s.page = positive_of(*page, o.path("page"), "a page number");
    if (section != nullptr) s.section = string_of(*section, o.path("section"), "a section");
    if (cell_node != nullptr) {
      Obj c(*cell_node, o.path("cell"), "a table cell");
      const auto [in_table, in_row, in_column] = c.only({"table", "row", "column"});
      TableCell& cell = s.cell.emplace();
      if (in_table != nullptr) cell.table = string_of(*in_table, c.path("table"), "a table");
      if (in_row != nullptr) cell.row = string_of(*in_row, c.path("row"), "a row");
      if (in_column != nullptr) cell.column = string_of(*in_column, c.path("column"), "a column");
    }
    if (span_node != nullptr) {
      Obj sp(*span_node, o.path("span"), "a span of text");
      const auto [line, at_column, length] = sp.only({"line", "column", "length"});
      TextSpan span;
      span.line = positive_of(sp.require("line", line), sp.path("line"), "a line number");
      span.column =
          positive_of(sp.require("column", at_column), sp.path("column"), "a column number");
      if (const JsonNode* v = length) {
        span.length = static_cast<std::uint32_t>(integer_of(
            *v, sp.path("length"), "a length", 0, std::numeric_limits<std::uint32_t>::max()));
      }
      s.span = span;
    }
    return s;
  }

  // A figure: its text parsed, its unit checked against its context.
  Stated figure(const JsonNode& node, const Path& path, std::optional<Unit> explicit_unit,
                Reading reading, std::int8_t assumed_decimals,
                const io_detail::ImpliedUnit& implied) {
    if (node.kind != Kind::string && node.kind != Kind::number) {
      wrong_type(node, path, "a figure (a string such as \"950.84\")");
    }
    const std::string_view text = node.text;
    auto parsed = parse_figure(text, reading);
    if (!parsed) {
      const ParseError& e = parsed.error();
      std::string why = describe(e, text);
      const std::string prefix = "column " + std::to_string(e.column) + ": ";
      if (why.starts_with(prefix))
        why = why.substr(prefix.size()) + " at column " + std::to_string(e.column);
      fail_in(node, e.offset, path, in_quotes(text) + " is not a figure: " + why);
    }
    Stated s = std::move(*parsed);
    const Unit context = explicit_unit ? *explicit_unit : implied.unit;
    if (s.unit != Unit::none && s.unit != context) {
      fail(node, path,
           in_quotes(text) + " is written in " + io_detail::unit_words(s.unit) + ", but " +
               (explicit_unit ? "its \"unit\" is " + io_detail::unit_words(*explicit_unit)
                              : "its context is " + io_detail::unit_words(context) + " (" +
                                    implied.why() + ")") +
               ": remove the unit from the figure or correct the context");
    }
    s.unit = context;
    s.text = text;
    s.assumed_decimals = assumed_decimals;
    return s;
  }

  struct FigureParts {
    const JsonNode* value = nullptr;
    bool in_object = false;  ///< the value is the member "value" of an object (else the figure)
    std::optional<Unit> unit;
    Reading reading = Reading::rounded;
    std::int8_t assumed_decimals = -1;
    std::uint32_t page = 0;
  };

  // A figure written as a string or number, or as {"value", "unit", "reading",
  // "assumed_decimals"} (and "page" for a table cell).
  FigureParts figure_parts(const JsonNode& node, const Path& path, bool with_page) {
    FigureParts parts;
    if (node.kind == Kind::string || node.kind == Kind::number) {
      parts.value = &node;
      return parts;
    }
    if (node.kind != Kind::object) {
      wrong_type(node, path, R"(a figure (a string such as "950.84", or an object with "value"))");
    }
    Obj o(node, path, "a figure");
    if (with_page) {
      o.allow_only({"value", "unit", "reading", "assumed_decimals", "page"});
    } else {
      o.allow_only({"value", "unit", "reading", "assumed_decimals"});
    }
    parts.value = &o.require("value");
    parts.in_object = true;
    if (const JsonNode* n = o.find("unit")) parts.unit = unit_of(*n, o.path("unit"));
    if (const JsonNode* n = o.find("reading")) parts.reading = reading_of(*n, o.path("reading"));
    if (const JsonNode* n = o.find("assumed_decimals")) {
      parts.assumed_decimals = assumed_decimals_of(*n, o.path("assumed_decimals"));
    }
    if (const JsonNode* n = o.find("page"))
      parts.page = positive_of(*n, o.path("page"), "a page number");
    return parts;
  }

  // A cell whose figure is read once the table is complete (its fact says what the figure is).
  struct PendingCell {
    const JsonMember* member;  ///< in the row's "cells"
    FigureParts parts;
    std::size_t row;
    std::size_t cell;
  };

  ListedTable listed_table(const JsonNode& node, const Path& path) {
    Obj o(node, path, "a listed table");
    o.allow_only({"role", "title", "source"});
    ListedTable t;
    t.role =
        enum_of<TableRole>(o.require("role"), o.path("role"), "table role", &table_role_from_string,
                           {"the ids of fisc::table_roles() such as \"expenditure\""});
    if (const JsonNode* n = o.find("title")) t.title = string_of(*n, o.path("title"), "a title");
    if (const JsonNode* n = o.find("source")) t.source = source(*n, o.path("source"));
    return t;
  }

  // A mention: what a self_name and an as_of need (a year; a date) is required; what its kind
  // does not have is refused, so a mistyped kind is not read as another.
  Mention mention(const JsonNode& node, const Path& path) {
    Obj o(node, path, "a mention");
    o.allow_only({"kind", "text", "context", "year", "names", "month", "day", "source"});
    Mention m;
    m.kind = enum_of<MentionKind>(o.require("kind"), o.path("kind"), "mention kind",
                                  &mention_kind_from_string, {"self_name", "as_of", "placeholder"});
    m.text = string_of(o.require("text"), o.path("text"), "the words as written");
    const auto refuse = [&](std::string_view key, std::string_view kinds) {
      if (const JsonNode* n = o.find(key)) {
        fail(*n, o.path(key),
             "\"" + std::string(key) + "\" is only for " + std::string(kinds) + " mentions");
      }
    };
    if (m.kind == MentionKind::placeholder) {
      if (const JsonNode* n = o.find("context")) {
        m.context = string_of(*n, o.path("context"), "the line the placeholder stands in");
      }
      refuse("year", "self_name and as_of");
    } else {
      refuse("context", "placeholder");
      m.year = year_of(o.require("year"), o.path("year"));
    }
    if (m.kind == MentionKind::self_name) {
      if (const JsonNode* n = o.find("names")) {
        m.names = enum_of<ReportKind>(*n, o.path("names"), "kind", &report_kind_from_string,
                                      {"final_accounts", "budget"});
      }
    } else {
      refuse("names", "self_name");
    }
    if (m.kind == MentionKind::as_of) {
      m.month = static_cast<std::uint8_t>(
          integer_of(o.require("month"), o.path("month"), "a month", 1, 12));
      m.day =
          static_cast<std::uint8_t>(integer_of(o.require("day"), o.path("day"), "a day", 1, 31));
    } else {
      refuse("month", "as_of");
      refuse("day", "as_of");
    }
    if (const JsonNode* n = o.find("source")) m.source = source(*n, o.path("source"));
    return m;
  }

  void table(const JsonNode& node, const Path& path) {
    Obj o(node, path, "a table");
    o.allow_only({"role", "title", "unit", "year", "scenario", "dims", "row_code_dimension",
                  "columns", "rows", "note", "source"});
    Table t;
    t.role =
        enum_of<TableRole>(o.require("role"), o.path("role"), "table role", &table_role_from_string,
                           {"the ids of fisc::table_roles() such as \"expenditure\"",
                            "\"other\" for a table fisc does not know"});
    if (const JsonNode* n = o.find("title")) t.title = string_of(*n, o.path("title"), "a title");
    std::string unit_origin = report_unit_origin_;
    t.unit = report_.unit;
    if (const JsonNode* n = o.find("unit")) {
      t.unit = unit_of(*n, o.path("unit"));
      unit_origin = "the table's unit";
    }
    if (const JsonNode* n = o.find("year")) t.year = year_of(*n, o.path("year"));
    if (const JsonNode* n = o.find("scenario")) t.scenario = scenario_of(*n, o.path("scenario"));
    if (const JsonNode* n = o.find("dims")) t.dims = dims(*n, o.path("dims"));
    if (const JsonNode* n = o.find("row_code_dimension")) {
      t.row_code_dimension = string_of(*n, o.path("row_code_dimension"), "a dimension name");
      if (!t.row_code_dimension.empty() && !io_detail::is_dimension_name(t.row_code_dimension)) {
        fail(*n, o.path("row_code_dimension"),
             "expected a dimension name (\"function\", \"economic\", …) or \"\", found " +
                 in_quotes(t.row_code_dimension));
      }
    }
    if (const JsonNode* n = o.find("note")) t.note = string_of(*n, o.path("note"), "a note");
    if (const JsonNode* n = o.find("source")) t.source = source(*n, o.path("source"));

    std::unordered_map<std::string, std::size_t> keys;
    const JsonNode& columns = o.require("columns");
    reserve_for(t.columns, columns);
    for_each(
        columns, o.path("columns"), "the columns (an array)",
        [&](const JsonNode& item, const Path& p) { t.columns.push_back(column(item, p, keys)); });

    std::vector<PendingCell> pending;
    const JsonNode& rows = o.require("rows");
    reserve_for(t.rows, rows);
    for_each(rows, o.path("rows"), "the rows (an array)", [&](const JsonNode& item, const Path& p) {
      t.rows.push_back(row(item, p, t, pending));
    });
    report_.tables.push_back(std::move(t));
    const std::size_t ti = report_.tables.size() - 1;
    const Path rows_path = o.path("rows");
    for (const PendingCell& pc : pending) {
      const Path row_path(rows_path, pc.row);
      const Path cells_path(row_path, "cells");
      const Path cell_path(cells_path, pc.member->key);
      const Table& table = report_.tables[ti];
      // A cell's concept and measure give its unit; the whole fact (cell_fact) is made only to
      // say why a cell has none.
      const TableColumn* column = table.column(pc.member->key);
      const std::string& row_concept = table.rows[pc.row].concept_id;
      if (column == nullptr || (row_concept.empty() && column->concept_id.empty())) {
        auto fact = cell_fact(report_, ti, pc.row, pc.cell);
        std::string message;
        if (table.column(pc.member->key) == nullptr) {
          message = "the table has no column " + in_quotes(pc.member->key) + " (its columns: ";
          for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c > 0) message += ", ";
            message += in_quotes(table.columns[c].key);
          }
          message += ")";
        } else {
          message = fact.error().message + ": give the row or the column a \"concept\"";
        }
        fail_key(*pc.member, cell_path, message);
      }
      const auto implied =
          io_detail::implied_unit(row_concept.empty() ? column->concept_id : row_concept,
                                  column->measure, table.unit, unit_origin);
      report_.tables[ti].rows[pc.row].cells[pc.cell].value =
          figure(*pc.parts.value, pc.parts.in_object ? Path(cell_path, "value") : cell_path,
                 pc.parts.unit, pc.parts.reading, pc.parts.assumed_decimals, implied);
    }
  }

  TableColumn column(const JsonNode& node, const Path& path,
                     std::unordered_map<std::string, std::size_t>& keys) {
    Obj o(node, path, "a column");
    o.allow_only({"key", "header", "concept", "scenario", "year", "measure", "dims"});
    TableColumn c;
    const JsonNode& key = o.require("key");
    c.key = string_of(key, o.path("key"), "a column key");
    if (c.key.empty()) fail(key, o.path("key"), "a column key must not be empty");
    const auto [it, inserted] = keys.emplace(c.key, keys.size());
    if (!inserted) {
      fail(key, o.path("key"),
           "duplicate column key " + in_quotes(c.key) + " (column " + std::to_string(it->second) +
               " has it too): keys must be unique in a table");
    }
    if (const JsonNode* n = o.find("header"))
      c.header = string_of(*n, o.path("header"), "a header");
    if (const JsonNode* n = o.find("concept")) c.concept_id = concept_of(*n, o.path("concept"));
    if (const JsonNode* n = o.find("scenario")) c.scenario = scenario_of(*n, o.path("scenario"));
    if (const JsonNode* n = o.find("year")) c.year = year_of(*n, o.path("year"));
    if (const JsonNode* n = o.find("measure")) c.measure = measure_of(*n, o.path("measure"));
    if (const JsonNode* n = o.find("dims")) c.dims = dims(*n, o.path("dims"));
    return c;
  }

  TableRow row(const JsonNode& node, const Path& path, const Table& t,
               std::vector<PendingCell>& pending) {
    Obj o(node, path, "a row");
    const auto [code, label, concept_node, dims_node, cells_node] =
        o.only({"code", "label", "concept", "dims", "cells"});
    TableRow r;
    if (const JsonNode* n = code) {
      r.code = string_of(*n, o.path("code"), "a code (digits)");
      if (auto problem = io_detail::code_problem(r.code, t.row_code_dimension)) {
        fail(*n, o.path("code"),
             in_quotes(r.code) + " is " + *problem +
                 (t.row_code_dimension.empty() ? std::string()
                                               : " (the table's row_code_dimension is " +
                                                     in_quotes(t.row_code_dimension) + ")"));
      }
    }
    if (label != nullptr) r.label = string_of(*label, o.path("label"), "a label");
    if (concept_node != nullptr) r.concept_id = concept_of(*concept_node, o.path("concept"));
    if (dims_node != nullptr) r.dims = dims(*dims_node, o.path("dims"));
    if (const JsonNode* n = cells_node) {
      Obj cells(*n, o.path("cells"), "the cells (an object from column key to figure)");
      r.cells.reserve(n->members().size());
      for (const JsonMember& m : n->members()) {
        PendingCell pc{&m, figure_parts(m.value, cells.path(m.key), true), t.rows.size(),
                       r.cells.size()};
        TableCellValue cell;
        cell.column = m.key;
        cell.page = pc.parts.page;
        r.cells.push_back(std::move(cell));
        pending.push_back(pc);
      }
      if (!r.cells.empty() && r.code.empty() && r.label.empty()) {
        fail(node, path,
             R"(a row with figures needs a "code" or a "label" (the place of its figures))");
      }
    }
    return r;
  }

  FactKey base_key(const JsonNode& node, const Path& path, const FactKey& of) {
    Obj o(node, path, "a base (the key of the whole)");
    o.allow_only({"concept", "measure", "year", "prior_year", "scenario", "dims"});
    FactKey k;
    k.concept_id = concept_of(o.require("concept"), o.path("concept"));
    if (const JsonNode* n = o.find("measure")) k.measure = measure_of(*n, o.path("measure"));
    k.year = of.year;
    if (const JsonNode* n = o.find("year")) k.year = year_of(*n, o.path("year"));
    if (const JsonNode* n = o.find("prior_year")) k.prior_year = year_of(*n, o.path("prior_year"));
    k.scenario = of.scenario;
    if (const JsonNode* n = o.find("scenario")) k.scenario = scenario_of(*n, o.path("scenario"));
    if (const JsonNode* n = o.find("dims")) k.dims = dims(*n, o.path("dims"));
    return k;
  }

  Fact fact(const JsonNode& node, const Path& path, Origin origin) {
    Obj o(node, path, origin == Origin::statement ? "a statement" : "a listing");
    const auto [concept_node, measure, year, prior_year, scenario, dims_node, base, value,
                direction, unit_node, reading_node, assumed_node, source_node] =
        o.only({"concept", "measure", "year", "prior_year", "scenario", "dims", "base", "value",
                "direction", "unit", "reading", "assumed_decimals", "source"});
    Fact f;
    f.origin = origin;
    f.key.concept_id = concept_of(o.require("concept", concept_node), o.path("concept"));
    if (const JsonNode* n = measure) f.key.measure = measure_of(*n, o.path("measure"));
    f.key.year = report_.year;
    if (const JsonNode* n = year) f.key.year = year_of(*n, o.path("year"));
    const bool change = f.key.measure == Measure::change || f.key.measure == Measure::change_rate;
    if (const JsonNode* n = prior_year) {
      if (!change) {
        fail(*n, o.path("prior_year"),
             "\"prior_year\" is only for the measures change and change_rate");
      }
      f.key.prior_year = year_of(*n, o.path("prior_year"));
    } else if (change) {
      fail(node, path,
           "missing required member \"prior_year\": a " + std::string(to_string(f.key.measure)) +
               " compares with a year");
    }
    if (const JsonNode* n = scenario) f.key.scenario = scenario_of(*n, o.path("scenario"));
    if (const JsonNode* n = dims_node) f.key.dims = dims(*n, o.path("dims"));
    if (const JsonNode* n = base) {
      if (f.key.measure != Measure::share) {
        fail(*n, o.path("base"), "\"base\" is only for the measure share");
      }
      f.base = base_key(*n, o.path("base"), f.key);
    } else if (f.key.measure == Measure::share) {
      fail(node, path,
           "missing required member \"base\": a share is a share of a whole (e.g. {\"concept\": "
           "\"expenditure.total\"})");
    }
    std::optional<Unit> unit;
    if (const JsonNode* n = unit_node) unit = unit_of(*n, o.path("unit"));
    Reading reading = Reading::rounded;
    if (const JsonNode* n = reading_node) reading = reading_of(*n, o.path("reading"));
    std::int8_t assumed = -1;
    if (const JsonNode* n = assumed_node) {
      assumed = assumed_decimals_of(*n, o.path("assumed_decimals"));
    }
    if (const JsonNode* n = direction) f.direction = direction_of(*n, o.path("direction"));
    f.value = figure(o.require("value", value), o.path("value"), unit, reading, assumed,
                     io_detail::implied_unit(f.key.concept_id, f.key.measure, report_.unit,
                                             report_unit_origin_));
    if (f.direction == Direction::decrease) f.value.value = -f.value.value;
    const JsonNode& src = o.require("source", source_node);
    f.source = source(src, o.path("source"));
    if (origin == Origin::statement && f.source.section.empty() && !f.source.cell &&
        !f.source.span) {
      fail(src, o.path("source"),
           "a statement's source must name a \"section\", a \"cell\" or a \"span\" (where the "
           "text states it)");
    }
    return f;
  }

  Enumeration enumeration(const JsonNode& node, const Path& path) {
    Obj o(node, path, "an enumeration");
    o.allow_only({"concept", "year", "dims", "count", "items", "source"});
    Enumeration e;
    e.concept_id = concept_of(o.require("concept"), o.path("concept"));
    e.year = report_.year;
    if (const JsonNode* n = o.find("year")) e.year = year_of(*n, o.path("year"));
    if (const JsonNode* n = o.find("dims")) e.dims = dims(*n, o.path("dims"));
    if (const JsonNode* n = o.find("count")) {
      const Path count_path = o.path("count");
      const FigureParts parts = figure_parts(*n, count_path, false);
      e.count = figure(
          *parts.value, parts.in_object ? Path(count_path, "value") : count_path, parts.unit,
          parts.reading, parts.assumed_decimals,
          io_detail::implied_unit(e.concept_id, Measure::value, report_.unit, report_unit_origin_));
    }
    string_list(o, "items", e.items);
    e.source = source(o.require("source"), o.path("source"));
    return e;
  }

  Claim claim(const JsonNode& node, const Path& path) {
    Obj o(node, path, "a claim");
    o.allow_only({"concept", "year", "prior_year", "scenario", "dims", "claim", "text", "source"});
    Claim c;
    c.key.concept_id = concept_of(o.require("concept"), o.path("concept"));
    c.key.year = report_.year;
    if (const JsonNode* n = o.find("year")) c.key.year = year_of(*n, o.path("year"));
    if (const JsonNode* n = o.find("scenario")) {
      c.key.scenario = scenario_of(*n, o.path("scenario"));
    }
    if (const JsonNode* n = o.find("dims")) c.key.dims = dims(*n, o.path("dims"));
    c.kind =
        enum_of<ClaimKind>(o.require("claim"), o.path("claim"), "claim", &claim_kind_from_string,
                           {"unchanged", "increased", "decreased", "differs_from_budget",
                            "equals_budget", "above_budget", "below_budget"});
    const bool compares_years = c.kind == ClaimKind::unchanged || c.kind == ClaimKind::increased ||
                                c.kind == ClaimKind::decreased;
    if (const JsonNode* n = o.find("prior_year")) {
      if (!compares_years) {
        fail(*n, o.path("prior_year"),
             "\"prior_year\" is only for the claims unchanged, increased and decreased");
      }
      c.key.prior_year = year_of(*n, o.path("prior_year"));
    } else if (compares_years) {
      fail(node, path, "missing required member \"prior_year\": the year the claim compares with");
    }
    if (const JsonNode* n = o.find("text")) c.text = string_of(*n, o.path("text"), "the text");
    c.source = source(o.require("source"), o.path("source"));
    return c;
  }

  // The performance part (绩效): project tables and the self-evaluation.
  Performance performance(const JsonNode& node, const Path& path) {
    Obj o(node, path, "the performance part");
    o.allow_only({"projects", "evaluation"});
    Performance p;
    if (const JsonNode* n = o.find("projects")) {
      for_each(*n, o.path("projects"), "the projects (an array)",
               [&](const JsonNode& item, const Path& item_path) {
                 p.projects.push_back(project(item, item_path));
               });
    }
    if (const JsonNode* n = o.find("evaluation")) {
      p.evaluation = evaluation(*n, o.path("evaluation"));
    }
    return p;
  }

  // {"value", "reading", "assumed_decimals", "source"}: the unit is the one the context gives,
  // never written.
  PlacedFigure placed_figure(const JsonNode& node, const Path& path,
                             const io_detail::ImpliedUnit& implied) {
    if (node.kind != Kind::object) {
      wrong_type(node, path,
                 R"(a figure with its place (an object {"value": "12.42", "source": {…}}))");
    }
    Obj o(node, path, "a figure with its place");
    const auto [value, reading_node, assumed_node, source_node] =
        o.only({"value", "reading", "assumed_decimals", "source"});
    Reading reading = Reading::rounded;
    if (reading_node != nullptr) reading = reading_of(*reading_node, o.path("reading"));
    std::int8_t assumed = -1;
    if (assumed_node != nullptr) {
      assumed = assumed_decimals_of(*assumed_node, o.path("assumed_decimals"));
    }
    PlacedFigure f;
    f.value =
        figure(o.require("value", value), o.path("value"), std::nullopt, reading, assumed, implied);
    f.source = source(o.require("source", source_node), o.path("source"));
    return f;
  }

  PlacedFigure plain_number(const JsonNode& node, const Path& path, std::string_view what) {
    return placed_figure(node, path, io_detail::ImpliedUnit::plain_number(what));
  }

  // A percentage that says so: the text must end in % (执行率 100%, not 100).
  PlacedFigure percentage(const JsonNode& node, const Path& path, std::string_view what) {
    PlacedFigure f = placed_figure(node, path, io_detail::ImpliedUnit::percentage(what));
    const auto written = parse_figure(f.value.text, f.value.reading);
    if (!written || written->unit != Unit::percent) {
      const JsonNode& value = Obj(node, path, "a figure with its place").require("value");
      fail(value, Path(path, "value"),
           in_quotes(f.value.text) + " is not a percentage: " + std::string(what) +
               " is written with % (e.g. \"100%\")");
    }
    return f;
  }

  PlacedText placed_text(const JsonNode& node, const Path& path) {
    if (node.kind != Kind::object) {
      wrong_type(node, path, R"(a text with its place (an object {"text": "…", "source": {…}}))");
    }
    Obj o(node, path, "a text with its place");
    const auto [text, source_node] = o.only({"text", "source"});
    PlacedText t;
    t.text = string_of(o.require("text", text), o.path("text"), "the text as written");
    t.source = source(o.require("source", source_node), o.path("source"));
    return t;
  }

  ProjectFunds funds(const JsonNode& node, const Path& path,
                     const io_detail::ImpliedUnit& implied) {
    Obj o(node, path, "project funds");
    o.allow_only({"total", "fiscal", "other"});
    ProjectFunds f;
    if (const JsonNode* n = o.find("total")) f.total = placed_figure(*n, o.path("total"), implied);
    if (const JsonNode* n = o.find("fiscal"))
      f.fiscal = placed_figure(*n, o.path("fiscal"), implied);
    if (const JsonNode* n = o.find("other")) f.other = placed_figure(*n, o.path("other"), implied);
    return f;
  }

  Indicator indicator(const JsonNode& node, const Path& path) {
    Obj o(node, path, "an indicator");
    o.allow_only({"level1", "level2", "level3", "target", "actual", "weight", "score"});
    Indicator i;
    if (const JsonNode* n = o.find("level1"))
      i.level1 = string_of(*n, o.path("level1"), "a level 1 name");
    if (const JsonNode* n = o.find("level2"))
      i.level2 = string_of(*n, o.path("level2"), "a level 2 name");
    if (const JsonNode* n = o.find("level3"))
      i.level3 = string_of(*n, o.path("level3"), "a level 3 name");
    i.target = placed_text(o.require("target"), o.path("target"));
    if (const JsonNode* n = o.find("actual")) i.actual = placed_text(*n, o.path("actual"));
    if (const JsonNode* n = o.find("weight"))
      i.weight = plain_number(*n, o.path("weight"), "a weight");
    if (const JsonNode* n = o.find("score")) i.score = plain_number(*n, o.path("score"), "a score");
    return i;
  }

  ProjectPerformance project(const JsonNode& node, const Path& path) {
    Obj o(node, path, "a project");
    o.allow_only({"name", "unit", "year", "amount_unit", "budget", "executed", "execution_rate",
                  "goal", "indicators", "score", "grade", "source"});
    ProjectPerformance p;
    const JsonNode& name = o.require("name");
    p.name = string_of(name, o.path("name"), "the project's name");
    if (p.name.empty()) fail(name, o.path("name"), "the project's name is empty");
    if (const JsonNode* n = o.find("unit"))
      p.unit = string_of(*n, o.path("unit"), "the unit's name");
    if (const JsonNode* n = o.find("year")) p.year = year_of(*n, o.path("year"));
    auto amounts =
        io_detail::ImpliedUnit::from(Unit::wan, "the project's amount_unit, by default 万元");
    if (const JsonNode* n = o.find("amount_unit")) {
      p.amount_unit = unit_of(*n, o.path("amount_unit"));
      if (!is_money(p.amount_unit)) {
        fail(*n, o.path("amount_unit"),
             R"(an amount unit is money ("yuan", "wan" or "yi"), found )" +
                 in_quotes(to_string(p.amount_unit)));
      }
      amounts = io_detail::ImpliedUnit::from(p.amount_unit, "the project's amount_unit");
    }
    if (const JsonNode* n = o.find("budget")) p.budget = funds(*n, o.path("budget"), amounts);
    if (const JsonNode* n = o.find("executed")) p.executed = funds(*n, o.path("executed"), amounts);
    if (const JsonNode* n = o.find("execution_rate")) {
      p.execution_rate = percentage(*n, o.path("execution_rate"), "an execution rate");
    }
    if (const JsonNode* n = o.find("goal")) {
      Obj goal(*n, o.path("goal"), "a goal (年度目标)");
      goal.allow_only({"expected", "achieved"});
      if (const JsonNode* g = goal.find("expected"))
        p.goal_expected = placed_text(*g, goal.path("expected"));
      if (const JsonNode* g = goal.find("achieved"))
        p.goal_achieved = placed_text(*g, goal.path("achieved"));
    }
    if (const JsonNode* n = o.find("indicators")) {
      for_each(*n, o.path("indicators"), "the indicators (an array)",
               [&](const JsonNode& item, const Path& item_path) {
                 p.indicators.push_back(indicator(item, item_path));
               });
    }
    if (const JsonNode* n = o.find("score")) p.score = plain_number(*n, o.path("score"), "a score");
    if (const JsonNode* n = o.find("grade")) p.grade = placed_text(*n, o.path("grade"));
    if (const JsonNode* n = o.find("source")) p.source = source(*n, o.path("source"));
    return p;
  }

  SelfEvaluation evaluation(const JsonNode& node, const Path& path) {
    Obj o(node, path, "a self-evaluation");
    o.allow_only({"title", "parts", "total", "grade", "projects", "source"});
    SelfEvaluation e;
    if (const JsonNode* n = o.find("title")) e.title = string_of(*n, o.path("title"), "a title");
    if (const JsonNode* n = o.find("parts")) {
      for_each(*n, o.path("parts"), "the scored parts (an array)",
               [&](const JsonNode& item, const Path& item_path) {
                 Obj part(item, item_path, "a scored part");
                 part.allow_only({"name", "score", "weight"});
                 ScorePart s;
                 const JsonNode& part_name = part.require("name");
                 s.name = string_of(part_name, part.path("name"), "the part's name");
                 if (s.name.empty()) {
                   fail(part_name, part.path("name"), "the part's name is empty");
                 }
                 s.score = plain_number(part.require("score"), part.path("score"), "a score");
                 if (const JsonNode* w = part.find("weight")) {
                   s.weight = plain_number(*w, part.path("weight"), "a weight");
                 }
                 e.parts.push_back(std::move(s));
               });
    }
    if (const JsonNode* n = o.find("total")) e.total = plain_number(*n, o.path("total"), "a score");
    if (const JsonNode* n = o.find("grade")) e.grade = placed_text(*n, o.path("grade"));
    if (const JsonNode* n = o.find("projects")) {
      for_each(*n, o.path("projects"), "the projects (an array)",
               [&](const JsonNode& item, const Path& item_path) {
                 e.projects.push_back(project(item, item_path));
               });
    }
    if (const JsonNode* n = o.find("source")) e.source = source(*n, o.path("source"));
    return e;
  }

  std::string_view file_;
  Report report_;
  std::string report_unit_origin_ = "the report's unit, by default 万元";
};

}  // namespace

tl::expected<Report, LoadError> read_report_json(std::string_view text,
                                                 std::string_view file_name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto error_at = [&](std::size_t offset, std::string path, std::string message) {
    const TextPosition p = position_of(text, offset);
    return tl::unexpected(
        LoadError{std::string(file_name), p.line, p.column, std::move(path), std::move(message)});
  };
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return tl::unexpected(LoadError{std::string(file_name),
                                    text.empty() ? 0U : 1U,
                                    text.empty() ? 0U : 1U,
                                    {},
                                    "the file is empty (expected a fisc report, a JSON object)"});
  }
  // One document per thread, its memory reused from report to report.
  thread_local io_detail::JsonDocument doc;
  auto parsed = io_detail::parse_json(text, doc);
  if (!parsed) {
    return error_at(parsed.error().offset, std::move(parsed.error().path),
                    std::move(parsed.error().message));
  }
  try {
    return ReportReader(file_name).read(doc.root());
  } catch (Failure& f) {
    std::size_t offset = 0;
    if (f.key != nullptr) {
      offset = doc.key_offset(*f.key);
    } else if (f.node != nullptr) {
      offset = doc.offset(*f.node);
      if (f.index != std::string_view::npos)
        offset = offset_in_value(text, *f.node, offset, f.index);
    }
    return error_at(offset, std::move(f.path), std::move(f.message));
  }
}

tl::expected<Report, LoadError> load_report_json(const std::filesystem::path& path,
                                                 std::uintmax_t max_bytes) {
  auto bytes = io_detail::read_whole_file(path, max_bytes, "report file");
  if (!bytes) return tl::unexpected(std::move(bytes.error()));
  return read_report_json(*bytes, path.string());
}

tl::expected<void, LoadError> save_report_json(const Report& report,
                                               const std::filesystem::path& path) {
  const std::string text = write_report_json(report);
  const auto fail_with = [&](std::string message) {
    return tl::unexpected(LoadError{path.string(), 0, 0, {}, std::move(message)});
  };
  std::filesystem::path temporary = path;
  temporary += ".fisc-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return fail_with("cannot open " + temporary.string() + " for writing");
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return fail_with("writing " + temporary.string() + " failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return fail_with("cannot replace the file: " + ec.message());
  }
  return {};
}

}  // namespace fisc
