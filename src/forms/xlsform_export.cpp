// Writing a template as an XLSForm workbook (the format: xlsform.hpp).
#include <algorithm>
#include <map>
#include <set>

#include "forms/xlsform.hpp"
#include "forms/xlsform_format.hpp"
#include "forms/xlsform_relevant.hpp"
#include "platform/errors.hpp"
#include "spreadsheet/table.hpp"

namespace rw::forms {
namespace {

using nlohmann::json;
using namespace xlsform;

const std::string kLabel = std::string("label::") + kChinese;
const std::string kLabelEn = std::string("label::") + kEnglish;
const std::string kHint = std::string("hint::") + kChinese;
const std::string kMessage = std::string("constraint_message::") + kChinese;
const std::string kMessageEn = std::string("constraint_message::") + kEnglish;

using Cells = std::map<std::string, std::string>;

constexpr std::size_t kMaxCellCharacters = 32767;  // what an Excel cell holds

std::size_t characters(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

[[noreturn]] void too_long(const std::string& column) {
  throw ApiError(ErrorKind::invalid, "xlsform_cell_too_long",
                 "模板的 " + column + " 内容超过 Excel 单元格上限（32767 字），无法导出为 XLSForm",
                 "the template's " + column + " is longer than an Excel cell holds (32,767 characters)");
}

// Rows of one sheet by column name; the riskwatch:: columns follow the standard ones in the order first used.
class SheetRows {
 public:
  SheetRows(std::string name, std::vector<sheet::Column> standard)
      : name_(std::move(name)), columns_(std::move(standard)) {
    for (const auto& c : columns_) known_.insert(c.header);
  }

  void add(const Cells& cells) {
    for (const auto& [column, text] : cells) {
      if (known_.insert(column).second) columns_.push_back({column, 18});
      if (characters(text) > kMaxCellCharacters) too_long(column);
    }
    rows_.push_back(cells);
  }

  sheet::SheetData data() const {
    sheet::SheetData out{name_, columns_, {}};
    for (const auto& cells : rows_) {
      std::vector<sheet::Value> row;
      for (const auto& c : columns_) {
        const auto found = cells.find(c.header);
        row.emplace_back(found == cells.end() ? std::string() : found->second);
      }
      out.rows.push_back(std::move(row));
    }
    return out;
  }

 private:
  std::string name_;
  std::vector<sheet::Column> columns_;
  std::set<std::string> known_;
  std::vector<Cells> rows_;
};

std::string extra_text(const std::string& key, const json& value) {
  return value.is_string() && !holds_json(key) ? value.get<std::string>() : value.dump();
}

// Every member of `object` not in `mapped` as a riskwatch:: column; an object's members one column each.
void put_extras(Cells& cells, const json& object, const std::vector<std::string_view>& mapped) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(mapped.begin(), mapped.end(), key) != mapped.end()) continue;
    const std::string column = std::string(kExtraPrefix) + key;
    if (value.is_object())
      for (const auto& [member, inner] : value.items())
        cells[column + "." + member] = extra_text(member, inner);
    else
      cells[column] = extra_text(key, value);
  }
}

void put_text(Cells& cells, const std::string& column, const json& object, const char* key) {
  if (object.contains(key)) cells[column] = object.at(key).get<std::string>();
}

void put_yes_no(Cells& cells, const std::string& column, const json& object, const char* key) {
  if (object.contains(key)) cells[column] = object.at(key).get<bool>() ? "yes" : "no";
}

std::vector<std::string> option_values(const json& element) {
  std::vector<std::string> values;
  for (const auto& o : element.value("options", json::array()))
    values.push_back(o.at("value").get<std::string>());
  return values;
}

class Writer {
 public:
  explicit Writer(const Template& form) : form_(form) {
    for (const auto& item : form.items)
      answerables_[item.id] = {item.kind == "multiple", option_values_of(item)};
  }

  std::string workbook() {
    for (const auto& section : form_.body.at("sections")) write_section(section);
    return sheet::write_xlsx({survey_.data(), choices_.data(), settings()});
  }

 private:
  static std::vector<std::string> option_values_of(const Item& item) {
    std::vector<std::string> values;
    for (const auto& o : item.options) values.push_back(o.value);
    return values;
  }

  std::string relevant(const json& element) const {
    if (!element.contains("visible_if")) return {};
    return condition_to_relevant(element.at("visible_if"),
                                 [this](const std::string& name) -> const Answerable* {
                                   const auto found = answerables_.find(name);
                                   return found == answerables_.end() ? nullptr : &found->second;
                                 });
  }

  void write_section(const json& section) {
    Cells cells{{"type", "begin_group"},
                {"name", section.at("id").get<std::string>()},
                {"relevant", relevant(section)}};
    put_text(cells, kLabel, section, "title");
    put_text(cells, kLabelEn, section, "title_en");
    put_text(cells, kHint, section, "help");
    put_extras(cells, section, {"id", "title", "title_en", "help", "visible_if", "items", "sections"});
    survey_.add(cells);
    for (const auto& item : section.value("items", json::array())) write_item(item);
    for (const auto& child : section.value("sections", json::array())) write_section(child);
    survey_.add({{"type", "end_group"}, {"name", section.at("id").get<std::string>()}});
  }

  // The type of an item or column, with riskwatch::kind when the type alone would read as another kind.
  void put_type(Cells& cells, const json& element, const std::string& list_name, bool in_repeat) {
    const auto kind = element.at("kind").get<std::string>();
    std::string type;
    if (kind == "yes_no" || kind == "single")
      type = "select_one " + list_name;
    else if (kind == "multiple")
      type = "select_multiple " + list_name;
    else if (kind == "number")
      type = element.value("integer", false) ? "integer" : "decimal";
    else if (kind == "photo")
      type = "image";
    else if (kind == "table")
      type = "begin_repeat";
    else
      type = kind;
    cells["type"] = type;
    if (xlsform::implied_kind(type.substr(0, type.find(' ')), option_values(element), in_repeat) != kind)
      cells[std::string(kExtraPrefix) + "kind"] = kind;
  }

  void write_choices(const std::string& list_name, const json& element) {
    for (const auto& option : element.value("options", json::array())) {
      Cells cells{{"list_name", list_name}, {"name", option.at("value").get<std::string>()}};
      put_text(cells, kLabel, option, "label");
      put_text(cells, kLabelEn, option, "label_en");
      put_extras(cells, option, {"value", "label", "label_en"});
      choices_.add(cells);
    }
  }

  // Choice lists are named by their item (or item and column); a name taken already gets a number.
  std::string list_name(std::string wanted) {
    std::string name = wanted;
    for (int n = 2; !list_names_.insert(name).second; ++n) name = wanted + "_" + std::to_string(n);
    return name;
  }

  void put_constraint(Cells& cells, const json& item) {
    std::string constraint, zh, en;
    if (item.contains("min")) {
      const auto min = number_text(item.at("min"));
      constraint = ". >= " + min;
      zh = "不小于 " + min;
      en = "at least " + min;
    }
    if (item.contains("max")) {
      const auto max = number_text(item.at("max"));
      constraint += (constraint.empty() ? ". <= " : " and . <= ") + max;
      zh += (zh.empty() ? "不大于 " : "，不大于 ") + max;
      en += (en.empty() ? "at most " : ", at most ") + max;
    }
    if (constraint.empty()) return;
    cells["constraint"] = constraint;
    cells[kMessage] = zh;
    cells[kMessageEn] = en;
  }

  void write_item(const json& item) {
    const auto id = item.at("id").get<std::string>();
    Cells cells{{"name", id}, {"relevant", relevant(item)}};
    const bool choices = item.contains("options");
    const std::string list = choices ? list_name(id) : "";
    put_type(cells, item, list, false);
    put_text(cells, kLabel, item, "label");
    put_text(cells, kLabelEn, item, "label_en");
    put_text(cells, kHint, item, "help");
    put_yes_no(cells, "required", item, "required");
    put_constraint(cells, item);
    // true is the XLSForm's own (appearance multiline, type integer); an explicit false stays in riskwatch::.
    std::vector<std::string_view> mapped = {"id",   "kind",     "label",      "label_en",
                                            "help", "required", "visible_if", "options",
                                            "min",  "max",      "columns"};
    if (item.value("multiline", false)) {
      cells["appearance"] = "multiline";
      mapped.push_back("multiline");
    }
    if (item.value("integer", false) && item.at("kind") == "number") mapped.push_back("integer");
    const bool fixed_rows = item.contains("rows") && !item.value("rows_addable", false);
    if (fixed_rows) cells["repeat_count"] = std::to_string(item.at("rows").size());
    put_extras(cells, item, mapped);
    survey_.add(cells);
    if (choices) write_choices(list, item);
    if (!item.contains("columns")) return;
    for (const auto& column : item.at("columns")) write_column(id, column);
    survey_.add({{"type", "end_repeat"}, {"name", id}});
  }

  void write_column(const std::string& item, const json& column) {
    const auto id = column.at("id").get<std::string>();
    Cells cells{{"name", id}};
    const bool choices = column.contains("options");
    const std::string list = choices ? list_name(column_list_name(item, id)) : "";
    put_type(cells, column, list, true);
    put_text(cells, kLabel, column, "label");
    put_text(cells, kLabelEn, column, "label_en");
    put_yes_no(cells, "required", column, "required");
    put_yes_no(cells, "read_only", column, "readonly");
    put_extras(cells, column, {"id", "kind", "label", "label_en", "required", "readonly", "options"});
    survey_.add(cells);
    if (choices) write_choices(list, column);
  }

  sheet::SheetData settings() const {
    const json& body = form_.body;
    Cells cells{{"form_title", body.at("name").get<std::string>()},
                {"form_id", body.at("code").get<std::string>()},
                {"version", std::to_string(body.at("version").get<int>())},
                {"default_language", kChinese},
                {kFormatColumn, kFormatVersion}};
    put_extras(cells, body, {"code", "name", "version", "sections"});
    SheetRows sheet("settings", {{"form_title", 40},
                                 {"form_id", 30},
                                 {"version", 10},
                                 {"default_language", 16},
                                 {kFormatColumn, 16}});
    sheet.add(cells);
    return sheet.data();
  }

  const Template& form_;
  std::map<std::string, Answerable> answerables_;
  std::set<std::string> list_names_;
  SheetRows survey_{"survey",
                    {{"type", 28},
                     {"name", 24},
                     {kLabel, 40},
                     {kLabelEn, 30},
                     {kHint, 30},
                     {"required", 10},
                     {"relevant", 30},
                     {"constraint", 20},
                     {kMessage, 16},
                     {kMessageEn, 16},
                     {"appearance", 12},
                     {"read_only", 10},
                     {"repeat_count", 12}}};
  SheetRows choices_{"choices", {{"list_name", 24}, {"name", 16}, {kLabel, 30}, {kLabelEn, 24}}};
};

}  // namespace

std::string template_to_xlsform(const Template& form) { return Writer(form).workbook(); }

}  // namespace rw::forms
