// SPDX-License-Identifier: BSL-1.0
// Writing a report file (format v1). The report becomes a small tree of JSON values in the
// format's member order, leaving out members that hold the value the reader would assume, and
// the tree is printed: a value that fits on the rest of its line (100 columns) goes on one line,
// anything longer is spread over lines with two-space indentation.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"
#include "fisc/io/report_json.hpp"

namespace fisc {

namespace {

struct Member;

struct Value {
  enum class Kind : std::uint8_t { string, literal, object, array };
  Kind kind = Kind::literal;
  std::string text;  // a string's content, or a literal's JSON text
  std::vector<Member> members;
  std::vector<Value> items;

  static Value string(std::string_view s);
  static Value integer(std::int64_t i);
  static Value object();
  static Value array();
  Value& add(std::string_view key, Value v);
};

struct Member {
  std::string key;
  Value value;
};

Value Value::string(std::string_view s) {
  Value v;
  v.kind = Kind::string;
  v.text = s;
  return v;
}
Value Value::integer(std::int64_t i) {
  Value v;
  v.text = std::to_string(i);
  return v;
}
Value Value::object() {
  Value v;
  v.kind = Kind::object;
  return v;
}
Value Value::array() {
  Value v;
  v.kind = Kind::array;
  return v;
}
Value& Value::add(std::string_view key, Value v) {
  members.push_back(Member{std::string(key), std::move(v)});
  return members.back().value;
}

constexpr std::size_t line_width = 100;

void append_escaped(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (b < 0x20U) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(b));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void flat(const Value& v, std::string& out) {
  switch (v.kind) {
    case Value::Kind::string: append_escaped(out, v.text); return;
    case Value::Kind::literal: out += v.text; return;
    case Value::Kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, member] : v.members) {
        if (!first) out += ", ";
        first = false;
        append_escaped(out, key);
        out += ": ";
        flat(member, out);
      }
      out += '}';
      return;
    }
    case Value::Kind::array: {
      out += '[';
      bool first = true;
      for (const Value& item : v.items) {
        if (!first) out += ", ";
        first = false;
        flat(item, out);
      }
      out += ']';
      return;
    }
  }
}

// Columns as a fixed-width font shows them: CJK characters take two.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0U) == 0x80U) continue;
    width += b >= 0xE2U ? 2 : 1;  // U+2000 and above, where CJK lives
  }
  return width;
}

std::size_t escaped_width(std::string_view s) {
  std::size_t width = 2;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
      width += 2;
    } else if (b < 0x20U) {
      width += 6;
    } else if ((b & 0xC0U) != 0x80U) {
      width += b >= 0xE2U ? 2 : 1;
    }
  }
  return width;
}

// Whether `v` written on one line takes at most `budget` columns (stops counting beyond).
bool fits(const Value& v, std::size_t& budget) {
  const auto take = [&](std::size_t n) {
    if (n > budget) return false;
    budget -= n;
    return true;
  };
  switch (v.kind) {
    case Value::Kind::string: return take(escaped_width(v.text));
    case Value::Kind::literal: return take(v.text.size());
    case Value::Kind::object:
      if (!take(2)) return false;
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (!take(escaped_width(v.members[i].key) + 2 + (i > 0 ? 2 : 0))) return false;
        if (!fits(v.members[i].value, budget)) return false;
      }
      return true;
    case Value::Kind::array:
      if (!take(2)) return false;
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (!take(i > 0 ? 2 : 0) || !fits(v.items[i], budget)) return false;
      }
      return true;
  }
  return false;
}

// `v` printed at `indent`, after `prefix_width` columns already on the line.
void pretty(const Value& v, std::size_t indent, std::size_t prefix_width, std::string& out) {
  std::size_t budget = prefix_width < line_width ? line_width - prefix_width : 0;
  if (v.kind == Value::Kind::string || v.kind == Value::Kind::literal ||
      (v.members.empty() && v.items.empty()) || fits(v, budget)) {
    flat(v, out);
    return;
  }
  const std::string pad(indent + 2, ' ');
  if (v.kind == Value::Kind::object) {
    out += "{\n";
    for (std::size_t i = 0; i < v.members.size(); ++i) {
      const auto& [key, member] = v.members[i];
      out += pad;
      const std::size_t start = out.size();
      append_escaped(out, key);
      out += ": ";
      pretty(member, indent + 2, indent + 2 + display_width(std::string_view(out).substr(start)),
             out);
      out += i + 1 < v.members.size() ? ",\n" : "\n";
    }
    out += std::string(indent, ' ') + "}";
  } else {
    out += "[\n";
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      out += pad;
      pretty(v.items[i], indent + 2, indent + 2, out);
      out += i + 1 < v.items.size() ? ",\n" : "\n";
    }
    out += std::string(indent, ' ') + "]";
  }
}

Value dims_value(const Dimensions& dims) {
  Value v = Value::object();
  for (const auto& [name, value] : dims) v.add(name, Value::string(value));
  return v;
}

Value source_value(const Source& s) {
  Value v = Value::object();
  if (!s.file.empty()) v.add("file", Value::string(s.file));
  if (s.page != 0) v.add("page", Value::integer(s.page));
  if (!s.section.empty()) v.add("section", Value::string(s.section));
  if (s.cell) {
    Value& c = v.add("cell", Value::object());
    if (!s.cell->table.empty()) c.add("table", Value::string(s.cell->table));
    if (!s.cell->row.empty()) c.add("row", Value::string(s.cell->row));
    if (!s.cell->column.empty()) c.add("column", Value::string(s.cell->column));
  }
  if (s.span) {
    Value& sp = v.add("span", Value::object());
    sp.add("line", Value::integer(s.span->line));
    sp.add("column", Value::integer(s.span->column));
    if (s.span->length != 0) sp.add("length", Value::integer(s.span->length));
  }
  return v;
}

// The members of a figure beyond its text that differ from what the reader would assume.
void add_figure_details(Value& v, const Stated& s, Unit implied) {
  if (s.unit != implied) v.add("unit", Value::string(to_string(s.unit)));
  if (s.reading != Reading::rounded) v.add("reading", Value::string(to_string(s.reading)));
  if (s.assumed_decimals >= 0) v.add("assumed_decimals", Value::integer(s.assumed_decimals));
}

// A figure as a plain string when nothing but its text needs saying, else as an object.
Value figure_value(const Stated& s, Unit implied, std::uint32_t page) {
  Value details = Value::object();
  add_figure_details(details, s, implied);
  if (details.members.empty() && page == 0) return Value::string(s.text);
  Value v = Value::object();
  v.add("value", Value::string(s.text));
  for (auto& member : details.members) v.members.push_back(std::move(member));
  if (page != 0) v.add("page", Value::integer(page));
  return v;
}

// A figure with its place; its unit is the one its context gives, so it is not written.
Value placed_figure_value(const PlacedFigure& f) {
  Value v = Value::object();
  v.add("value", Value::string(f.value.text));
  if (f.value.reading != Reading::rounded) {
    v.add("reading", Value::string(to_string(f.value.reading)));
  }
  if (f.value.assumed_decimals >= 0) {
    v.add("assumed_decimals", Value::integer(f.value.assumed_decimals));
  }
  v.add("source", source_value(f.source));
  return v;
}

Value placed_text_value(const PlacedText& t) {
  Value v = Value::object();
  v.add("text", Value::string(t.text));
  v.add("source", source_value(t.source));
  return v;
}

Value funds_value(const ProjectFunds& f) {
  Value v = Value::object();
  if (f.total) v.add("total", placed_figure_value(*f.total));
  if (f.fiscal) v.add("fiscal", placed_figure_value(*f.fiscal));
  if (f.other) v.add("other", placed_figure_value(*f.other));
  return v;
}

Value indicator_value(const Indicator& i) {
  Value v = Value::object();
  if (!i.level1.empty()) v.add("level1", Value::string(i.level1));
  if (!i.level2.empty()) v.add("level2", Value::string(i.level2));
  if (!i.level3.empty()) v.add("level3", Value::string(i.level3));
  v.add("target", placed_text_value(i.target));
  if (i.actual) v.add("actual", placed_text_value(*i.actual));
  if (i.weight) v.add("weight", placed_figure_value(*i.weight));
  if (i.score) v.add("score", placed_figure_value(*i.score));
  return v;
}

Value project_value(const ProjectPerformance& p) {
  Value v = Value::object();
  v.add("name", Value::string(p.name));
  if (!p.unit.empty()) v.add("unit", Value::string(p.unit));
  if (p.year != 0) v.add("year", Value::integer(p.year));
  if (p.amount_unit != Unit::wan) v.add("amount_unit", Value::string(to_string(p.amount_unit)));
  const ProjectFunds none;
  if (p.budget != none) v.add("budget", funds_value(p.budget));
  if (p.executed != none) v.add("executed", funds_value(p.executed));
  if (p.execution_rate) v.add("execution_rate", placed_figure_value(*p.execution_rate));
  if (p.goal_expected || p.goal_achieved) {
    Value& goal = v.add("goal", Value::object());
    if (p.goal_expected) goal.add("expected", placed_text_value(*p.goal_expected));
    if (p.goal_achieved) goal.add("achieved", placed_text_value(*p.goal_achieved));
  }
  if (!p.indicators.empty()) {
    Value& list = v.add("indicators", Value::array());
    for (const Indicator& i : p.indicators) list.items.push_back(indicator_value(i));
  }
  if (p.score) v.add("score", placed_figure_value(*p.score));
  if (p.grade) v.add("grade", placed_text_value(*p.grade));
  if (!p.source.empty()) v.add("source", source_value(p.source));
  return v;
}

Value evaluation_value(const SelfEvaluation& e) {
  Value v = Value::object();
  if (!e.title.empty()) v.add("title", Value::string(e.title));
  if (!e.parts.empty()) {
    Value& parts = v.add("parts", Value::array());
    for (const ScorePart& part : e.parts) {
      Value p = Value::object();
      p.add("name", Value::string(part.name));
      p.add("score", placed_figure_value(part.score));
      if (part.weight) p.add("weight", placed_figure_value(*part.weight));
      parts.items.push_back(std::move(p));
    }
  }
  if (e.total) v.add("total", placed_figure_value(*e.total));
  if (e.grade) v.add("grade", placed_text_value(*e.grade));
  if (!e.projects.empty()) {
    Value& list = v.add("projects", Value::array());
    for (const ProjectPerformance& p : e.projects) list.items.push_back(project_value(p));
  }
  if (!e.source.empty()) v.add("source", source_value(e.source));
  return v;
}

Value performance_value(const Performance& perf) {
  Value v = Value::object();
  if (!perf.projects.empty()) {
    Value& list = v.add("projects", Value::array());
    for (const ProjectPerformance& p : perf.projects) list.items.push_back(project_value(p));
  }
  if (perf.evaluation) v.add("evaluation", evaluation_value(*perf.evaluation));
  return v;
}

Value organisation_value(const Organisation& o) {
  Value v = Value::object();
  v.add("name", Value::string(o.name));
  if (!o.code.empty()) v.add("code", Value::string(o.code));
  return v;
}

Value strings_value(const std::vector<std::string>& list) {
  Value v = Value::array();
  for (const std::string& s : list) v.items.push_back(Value::string(s));
  return v;
}

class ReportWriter {
 public:
  explicit ReportWriter(const Report& r) : report_(r) {}

  Value report() const {
    Value v = Value::object();
    v.add("fisc_report", Value::integer(report_format_version));
    v.add("kind", Value::string(to_string(report_.kind)));
    v.add("year", Value::integer(report_.year));
    v.add("department", organisation_value(report_.department));
    if (!report_.units.empty()) {
      Value& units = v.add("units", Value::array());
      for (const Organisation& o : report_.units) units.items.push_back(organisation_value(o));
    }
    if (!report_.offices.empty()) v.add("offices", strings_value(report_.offices));
    if (!report_.affiliated.empty()) v.add("affiliated", strings_value(report_.affiliated));
    if (report_.unit != Unit::wan) v.add("unit", Value::string(to_string(report_.unit)));
    if (!report_.tables.empty()) {
      Value& tables = v.add("tables", Value::array());
      for (std::size_t t = 0; t < report_.tables.size(); ++t) tables.items.push_back(table(t));
    }
    for (const auto& [key, list] :
         {std::pair{"statements", &report_.statements}, std::pair{"listings", &report_.listings}}) {
      if (list->empty()) continue;
      Value& facts = v.add(key, Value::array());
      for (const Fact& f : *list) facts.items.push_back(fact(f));
    }
    if (!report_.enumerations.empty()) {
      Value& list = v.add("enumerations", Value::array());
      for (const Enumeration& e : report_.enumerations) list.items.push_back(enumeration(e));
    }
    if (!report_.claims.empty()) {
      Value& list = v.add("claims", Value::array());
      for (const Claim& c : report_.claims) list.items.push_back(claim(c));
    }
    if (!report_.performance.empty()) v.add("performance", performance_value(report_.performance));
    if (!report_.contents.empty()) {
      Value& list = v.add("contents", Value::array());
      for (const ListedTable& t : report_.contents) {
        Value item = Value::object();
        item.add("role", Value::string(to_string(t.role)));
        if (!t.title.empty()) item.add("title", Value::string(t.title));
        item.add("source", source_value(t.source));
        list.items.push_back(std::move(item));
      }
    }
    if (!report_.mentions.empty()) {
      Value& list = v.add("mentions", Value::array());
      for (const Mention& m : report_.mentions) list.items.push_back(mention(m));
    }
    return v;
  }

 private:
  Value table(std::size_t ti) const {
    const Table& t = report_.tables[ti];
    Value v = Value::object();
    v.add("role", Value::string(to_string(t.role)));
    if (!t.title.empty()) v.add("title", Value::string(t.title));
    if (t.unit != report_.unit) v.add("unit", Value::string(to_string(t.unit)));
    if (t.year != 0) v.add("year", Value::integer(t.year));
    if (t.scenario != Scenario::actual) v.add("scenario", Value::string(to_string(t.scenario)));
    if (!t.dims.empty()) v.add("dims", dims_value(t.dims));
    if (t.row_code_dimension != "function") {
      v.add("row_code_dimension", Value::string(t.row_code_dimension));
    }
    if (!t.source.empty()) v.add("source", source_value(t.source));
    if (!t.note.empty()) v.add("note", Value::string(t.note));
    Value& columns = v.add("columns", Value::array());
    for (const TableColumn& c : t.columns) columns.items.push_back(column(c));
    Value& rows = v.add("rows", Value::array());
    for (std::size_t r = 0; r < t.rows.size(); ++r) rows.items.push_back(row(ti, r));
    return v;
  }

  static Value column(const TableColumn& c) {
    Value v = Value::object();
    v.add("key", Value::string(c.key));
    if (!c.header.empty()) v.add("header", Value::string(c.header));
    if (!c.concept_id.empty()) v.add("concept", Value::string(c.concept_id));
    if (c.scenario) v.add("scenario", Value::string(to_string(*c.scenario)));
    if (c.year) v.add("year", Value::integer(*c.year));
    if (c.measure != Measure::value) v.add("measure", Value::string(to_string(c.measure)));
    if (!c.dims.empty()) v.add("dims", dims_value(c.dims));
    return v;
  }

  Value row(std::size_t ti, std::size_t ri) const {
    const Table& t = report_.tables[ti];
    const TableRow& r = t.rows[ri];
    Value v = Value::object();
    if (!r.code.empty()) v.add("code", Value::string(r.code));
    if (!r.label.empty()) v.add("label", Value::string(r.label));
    if (!r.concept_id.empty()) v.add("concept", Value::string(r.concept_id));
    if (!r.dims.empty()) v.add("dims", dims_value(r.dims));
    if (!r.cells.empty()) {
      Value& cells = v.add("cells", Value::object());
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        const TableCellValue& cell = r.cells[c];
        // The unit the reader will give the figure comes from the fact the cell makes.
        const auto f = cell_fact(report_, ti, ri, c);
        const Unit implied =
            f ? io_detail::implied_unit(f->key.concept_id, f->key.measure, t.unit, {}).unit
              : t.unit;
        cells.add(cell.column, figure_value(cell.value, implied, cell.page));
      }
    }
    return v;
  }

  Value fact(const Fact& f) const {
    Value v = Value::object();
    v.add("concept", Value::string(f.key.concept_id));
    if (f.key.measure != Measure::value) v.add("measure", Value::string(to_string(f.key.measure)));
    if (f.key.year != report_.year) v.add("year", Value::integer(f.key.year));
    if (f.key.prior_year != 0 || f.key.measure == Measure::change ||
        f.key.measure == Measure::change_rate) {
      v.add("prior_year", Value::integer(f.key.prior_year));
    }
    if (f.key.scenario != Scenario::actual) {
      v.add("scenario", Value::string(to_string(f.key.scenario)));
    }
    if (!f.key.dims.empty()) v.add("dims", dims_value(f.key.dims));
    if (f.base) {
      const FactKey& b = *f.base;
      Value& base = v.add("base", Value::object());
      base.add("concept", Value::string(b.concept_id));
      if (b.measure != Measure::value) base.add("measure", Value::string(to_string(b.measure)));
      if (b.year != f.key.year) base.add("year", Value::integer(b.year));
      if (b.prior_year != 0) base.add("prior_year", Value::integer(b.prior_year));
      if (b.scenario != f.key.scenario) base.add("scenario", Value::string(to_string(b.scenario)));
      if (!b.dims.empty()) base.add("dims", dims_value(b.dims));
    }
    v.add("value", Value::string(f.value.text));
    if (f.direction != Direction::none) {
      v.add("direction", Value::string(to_string(f.direction)));
    }
    add_figure_details(
        v, f.value,
        io_detail::implied_unit(f.key.concept_id, f.key.measure, report_.unit, {}).unit);
    v.add("source", source_value(f.source));
    return v;
  }

  Value enumeration(const Enumeration& e) const {
    Value v = Value::object();
    v.add("concept", Value::string(e.concept_id));
    if (e.year != report_.year) v.add("year", Value::integer(e.year));
    if (!e.dims.empty()) v.add("dims", dims_value(e.dims));
    if (e.count) {
      v.add("count",
            figure_value(
                *e.count,
                io_detail::implied_unit(e.concept_id, Measure::value, report_.unit, {}).unit, 0));
    }
    if (!e.items.empty()) v.add("items", strings_value(e.items));
    v.add("source", source_value(e.source));
    return v;
  }

  static Value mention(const Mention& m) {
    Value v = Value::object();
    v.add("kind", Value::string(to_string(m.kind)));
    v.add("text", Value::string(m.text));
    if (!m.context.empty()) v.add("context", Value::string(m.context));
    if (m.kind != MentionKind::placeholder) v.add("year", Value::integer(m.year));
    if (m.names) v.add("names", Value::string(to_string(*m.names)));
    if (m.kind == MentionKind::as_of) {
      v.add("month", Value::integer(m.month));
      v.add("day", Value::integer(m.day));
    }
    v.add("source", source_value(m.source));
    return v;
  }

  Value claim(const Claim& c) const {
    Value v = Value::object();
    v.add("concept", Value::string(c.key.concept_id));
    if (c.key.year != report_.year) v.add("year", Value::integer(c.key.year));
    if (c.key.prior_year != 0) v.add("prior_year", Value::integer(c.key.prior_year));
    if (c.key.scenario != Scenario::actual) {
      v.add("scenario", Value::string(to_string(c.key.scenario)));
    }
    if (!c.key.dims.empty()) v.add("dims", dims_value(c.key.dims));
    v.add("claim", Value::string(to_string(c.kind)));
    if (!c.text.empty()) v.add("text", Value::string(c.text));
    v.add("source", source_value(c.source));
    return v;
  }

  const Report& report_;
};

}  // namespace

std::string write_report_json(const Report& report) {
  const Value v = ReportWriter(report).report();
  std::string out;
  pretty(v, 0, 0, out);
  out += '\n';
  return out;
}

}  // namespace fisc
