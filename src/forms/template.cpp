#include "forms/template.hpp"

#include <set>

#include "platform/errors.hpp"

namespace rw::forms {
namespace {

using nlohmann::json;

[[noreturn]] void fault(const std::string& path, const std::string& zh, const std::string& en) {
  throw ApiError(ErrorKind::invalid, "invalid_template", "检查表模板不正确：" + zh,
                 "the template is invalid: " + en, {{path, "invalid_template", zh, en}});
}

std::string text_or(const json& object, const char* key) { return object.value(key, std::string()); }

std::optional<double> number_or_none(const json& object, const char* key) {
  if (!object.contains(key)) return std::nullopt;
  return object.at(key).get<double>();
}

std::string grade_code(const std::string& grade) { return grade == "重大" ? "major" : "general"; }

std::vector<Option> read_options(const json& list) {
  std::vector<Option> out;
  for (const auto& o : list) {
    Option option{o.at("value").get<std::string>(), o.at("label").get<std::string>(),
                  number_or_none(o, "score"),       o.contains("detail"),
                  o.value("exclusive", false),      std::nullopt};
    if (o.contains("finding")) {
      const auto& f = o.at("finding");
      option.finding =
          Finding{f.at("category").get<std::string>(), grade_code(f.at("grade").get<std::string>()),
                  f.at("description").get<std::string>(), text_or(f, "suggestion"), text_or(f, "basis")};
    }
    out.push_back(std::move(option));
  }
  return out;
}

// Walks the sections in document order, checking ids and conditions as it goes: a condition may only
// name an item already read, so a form can be evaluated in one pass.
class Reader {
 public:
  explicit Reader(Template& out) : out_(out) {}

  void section(const json& s, const std::string& path, std::optional<std::size_t> parent) {
    unique(s.at("id").get<std::string>(), path + "/id");
    const std::size_t index = out_.sections.size();
    out_.sections.push_back({s.at("id").get<std::string>(), s.at("title").get<std::string>(),
                             s.value("weight", 1.0), s.value("visible_if", json()), parent});
    if (s.contains("visible_if")) condition(s.at("visible_if"), path + "/visible_if");
    const auto& items = s.value("items", json::array());
    for (std::size_t i = 0; i < items.size(); ++i)
      item(items[i], path + "/items/" + std::to_string(i), index);
    const auto& children = s.value("sections", json::array());
    for (std::size_t i = 0; i < children.size(); ++i)
      section(children[i], path + "/sections/" + std::to_string(i), index);
  }

 private:
  void unique(const std::string& id, const std::string& path) {
    if (!ids_.insert(id).second) fault(path, "编号重复：" + id, "duplicate id " + id);
  }

  void distinct_values(const std::vector<Option>& options, const std::string& path) {
    std::set<std::string> seen;
    for (const auto& o : options)
      if (!seen.insert(o.value).second)
        fault(path, "选项值重复：" + o.value, "duplicate option value " + o.value);
  }

  void item(const json& j, const std::string& path, std::size_t section) {
    Item it;
    it.id = j.at("id").get<std::string>();
    unique(it.id, path + "/id");
    it.kind = j.at("kind").get<std::string>();
    it.label = j.at("label").get<std::string>();
    it.required = j.value("required", false);
    it.options = read_options(j.value("options", json::array()));
    distinct_values(it.options, path + "/options");
    it.min = number_or_none(j, "min");
    it.max = number_or_none(j, "max");
    if (it.min && it.max && *it.min > *it.max) fault(path + "/min", "最小值大于最大值", "min is above max");
    it.integer = j.value("integer", false);
    it.min_photos = j.value("min_photos", 0);
    const auto& columns = j.value("columns", json::array());
    std::set<std::string> column_ids;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto& col = columns[c];
      Column column{col.at("id").get<std::string>(),   col.at("label").get<std::string>(),
                    col.at("kind").get<std::string>(), read_options(col.value("options", json::array())),
                    col.value("readonly", false),      col.value("required", false)};
      const auto column_path = path + "/columns/" + std::to_string(c);
      if (!column_ids.insert(column.id).second)
        fault(column_path + "/id", "列编号重复：" + column.id, "duplicate column id " + column.id);
      distinct_values(column.options, column_path + "/options");
      it.columns.push_back(std::move(column));
    }
    const auto& rows = j.value("rows", json::array());
    std::set<std::string> row_ids;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      Row row{rows[r].at("id").get<std::string>(), rows[r].at("label").get<std::string>()};
      if (!row_ids.insert(row.id).second)
        fault(path + "/rows/" + std::to_string(r) + "/id", "行编号重复：" + row.id,
              "duplicate row id " + row.id);
      const auto values = rows[r].value("values", json::object());
      for (const auto& [column, value] : values.items())
        if (!column_ids.count(column))
          fault(path + "/rows/" + std::to_string(r) + "/values", "没有这一列：" + column,
                "no column " + column);
      it.rows.push_back(std::move(row));
    }
    it.rows_addable = j.value("rows_addable", false);
    if (it.kind == "table" && it.rows.empty() && !it.rows_addable)
      fault(path, "表格既无预设行也不能添加行", "a table needs preset rows or rows_addable");
    if (j.contains("visible_if")) condition(j.at("visible_if"), path + "/visible_if");
    it.visible_if = j.value("visible_if", json());
    it.section = section;
    out_.items.push_back(std::move(it));
  }

  void condition(const json& c, const std::string& path) {
    if (c.contains("answer")) {
      const auto id = c.at("answer").get<std::string>();
      const Item* target = out_.item(id);
      if (!target)
        fault(path + "/answer", "条件引用了其前面没有的题目：" + id,
              "the condition names no earlier item " + id);
      if (target->options.empty())
        fault(path + "/answer", "条件引用的题目没有选项：" + id,
              "the condition's item has no options: " + id);
      const auto& values = c.contains("in") ? c.at("in") : c.at("not_in");
      for (const auto& v : values)
        if (!target->option(v.get<std::string>()))
          fault(path, "题目 " + id + " 没有选项 " + v.get<std::string>(),
                "item " + id + " offers no value " + v.get<std::string>());
    }
    for (const char* key : {"all", "any"})
      if (c.contains(key))
        for (std::size_t i = 0; i < c.at(key).size(); ++i)
          condition(c.at(key)[i], path + "/" + key + "/" + std::to_string(i));
    if (c.contains("not")) condition(c.at("not"), path + "/not");
  }

  Template& out_;
  std::set<std::string> ids_;
};

const Option* find_option(const std::vector<Option>& options, const std::string& value) {
  for (const auto& o : options)
    if (o.value == value) return &o;
  return nullptr;
}

}  // namespace

const Option* Column::option(const std::string& value) const { return find_option(options, value); }

const Option* Item::option(const std::string& value) const { return find_option(options, value); }

const Column* Item::column(const std::string& id_) const {
  for (const auto& c : columns)
    if (c.id == id_) return &c;
  return nullptr;
}

const Item* Template::item(const std::string& id) const {
  for (const auto& it : items)
    if (it.id == id) return &it;
  return nullptr;
}

Template parse_template(const json& body) {
  if (auto schema = schema_fault(body)) fault(schema->path, schema->message, schema->message);
  Template out;
  out.code = body.at("code").get<std::string>();
  out.name = body.at("name").get<std::string>();
  out.version = body.at("version").get<int>();
  out.service_types = body.value("service_types", std::vector<std::string>{});
  out.body = body;
  Reader reader(out);
  const auto& sections = body.at("sections");
  for (std::size_t i = 0; i < sections.size(); ++i)
    reader.section(sections[i], "/sections/" + std::to_string(i), std::nullopt);
  return out;
}

}  // namespace rw::forms
