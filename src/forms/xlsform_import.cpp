// Reading an XLSForm workbook into template JSON (the format: xlsform.hpp).
#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "forms/xlsform.hpp"
#include "forms/xlsform_format.hpp"
#include "forms/xlsform_relevant.hpp"
#include "platform/errors.hpp"
#include "spreadsheet/table.hpp"

namespace rw::forms {
namespace {

using nlohmann::json;
using namespace xlsform;

// A refusal naming the sheet, row and column.
[[noreturn]] void refuse(const std::string& sheet, std::size_t row, const std::string& column,
                         const std::string& zh, const std::string& en) {
  const std::string where = sheet + " 表第 " + std::to_string(row) + " 行 " + column + " 列";
  const std::string where_en = "sheet " + sheet + ", row " + std::to_string(row) + ", column " + column;
  throw ApiError(ErrorKind::invalid, "invalid_xlsform", "XLSForm 无法导入：" + where + "：" + zh,
                 "the XLSForm cannot be imported: " + where_en + ": " + en,
                 {{sheet + "." + column, "invalid_xlsform", zh, en, row}});
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool all_digits(std::string_view text, std::size_t max_length) {
  return !text.empty() && text.size() <= max_length && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool is_code(std::string_view text) {
  const auto allowed = [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
  };
  if (text.empty() || text.size() > 100 || !allowed(text[0])) return false;
  return std::all_of(text.begin(), text.end(),
                     [&](char c) { return allowed(c) || c == '_' || c == '.' || c == '-'; });
}

// One sheet with its header row: cells by column name.
class Sheet {
 public:
  Sheet(std::string name, sheet::Table table) : name_(std::move(name)) {
    if (table.rows.empty()) return;
    const auto& header = table.rows.front().cells;
    for (std::size_t i = 0; i < header.size(); ++i)
      if (const auto h = trimmed(header[i].text); !h.empty()) columns_.emplace(h, i);
    rows_.assign(std::make_move_iterator(table.rows.begin() + 1), std::make_move_iterator(table.rows.end()));
  }

  const std::string& name() const { return name_; }
  const std::vector<sheet::Row>& rows() const { return rows_; }
  bool has(const std::string& column) const { return columns_.count(column) > 0; }
  std::vector<std::string> columns() const {
    std::vector<std::string> out;
    for (const auto& [name, index] : columns_) out.push_back(name);
    return out;
  }

  // The cell as written (empty when the column or cell is absent); formulas are refused.
  std::string text(const sheet::Row& row, const std::string& column) const {
    const auto found = columns_.find(column);
    if (found == columns_.end() || found->second >= row.cells.size()) return {};
    const auto& cell = row.cells[found->second];
    if (cell.is_formula)
      refuse(name_, row.number, column, "不接受公式，请粘贴为数值",
             "formulas are not accepted; paste values");
    return cell.text;
  }
  std::string word(const sheet::Row& row, const std::string& column) const {
    return trimmed(text(row, column));
  }

  // The `base` column in the form's language and in English: `base`, or base::<default language>, or a
  // base::… column marked zh; English is a base::… column marked (en). A form in English alone reads as
  // the form's language.
  std::pair<std::string, std::string> language_columns(const std::string& base,
                                                       const std::string& language) const {
    std::string main, english;
    const std::string prefix = base + "::";
    if (has(base)) main = base;
    if (main.empty() && !language.empty() && has(prefix + language)) main = prefix + language;
    for (const auto& [column, index] : columns_) {
      if (!column.starts_with(prefix) || column == main) continue;
      const bool is_english =
          column.find("(en)") != std::string::npos || column.starts_with(prefix + "English");
      if (is_english && english.empty())
        english = column;
      else if (!is_english && main.empty() &&
               (column.find("(zh") != std::string::npos || column.find("中文") != std::string::npos))
        main = column;
    }
    if (main.empty()) std::swap(main, english);
    return {main, english};
  }

 private:
  std::string name_;
  std::map<std::string, std::size_t> columns_;
  std::vector<sheet::Row> rows_;
};

std::optional<Sheet> read_sheet(std::string_view bytes, const char* name) {
  auto table = sheet::read_xlsx_sheet(bytes, name);
  if (!table) return std::nullopt;
  return Sheet(name, std::move(*table));
}

std::optional<bool> yes_no_cell(const Sheet& sheet, const sheet::Row& row, const std::string& column) {
  const auto text = lower(sheet.word(row, column));
  if (text.empty()) return std::nullopt;
  if (text == "yes" || text == "true" || text == "true()" || text == "1" || text == "y") return true;
  if (text == "no" || text == "false" || text == "false()" || text == "0" || text == "n") return false;
  refuse(sheet.name(), row.number, column, "应为 yes 或 no", "must be yes or no");
}

// The riskwatch:: columns of a row as members of `out`: text as it is, the rest as JSON, a.b as a member of
// a.
void read_extras(const Sheet& sheet, const sheet::Row& row, json& out) {
  for (const auto& column : sheet.columns()) {
    if (!column.starts_with(kExtraPrefix) || column == kFormatColumn) continue;
    const std::string text = sheet.text(row, column);
    if (text.empty()) continue;
    const std::string key = column.substr(kExtraPrefix.size());
    const auto dot = key.find('.');
    const std::string leaf = dot == std::string::npos ? key : key.substr(dot + 1);
    json value = text;
    if (holds_json(leaf)) {
      value = json::parse(text, nullptr, false);
      if (value.is_discarded()) refuse(sheet.name(), row.number, column, "应为 JSON", "must be JSON");
    }
    if (dot == std::string::npos)
      out[key] = std::move(value);
    else
      out[key.substr(0, dot)][leaf] = std::move(value);
  }
}

class Reader {
 public:
  Reader(Sheet survey, std::optional<Sheet> choices, std::optional<Sheet> settings)
      : survey_(std::move(survey)), choices_(std::move(choices)), settings_(std::move(settings)) {}

  json read() {
    json form = read_settings();
    language_ = settings_row_ ? settings_->word(*settings_row_, "default_language") : "";
    std::tie(label_, label_en_) = survey_.language_columns("label", language_);
    hint_ = survey_.language_columns("hint", language_).first;
    read_choices();
    frames_.push_back({Frame::root, json::object(), 0, json::array(), json::array()});
    for (const auto& row : survey_.rows()) survey_row(row);
    if (frames_.size() > 1) {
      const Frame& open = frames_.back();
      const bool group = open.kind == Frame::group;
      refuse(survey_.name(), open.row, "type",
             group ? "begin_group 没有对应的 end_group" : "begin_repeat 没有对应的 end_repeat",
             group ? "begin_group has no end_group" : "begin_repeat has no end_repeat");
    }
    if (loose_) name_loose_section(form);
    form["sections"] = std::move(frames_.front().sections);
    if (form["sections"].empty())
      refuse(survey_.name(), 1, "type", "表单没有任何题目", "the form has no questions");
    return form;
  }

 private:
  struct Frame {
    enum Kind { root, group, repeat } kind;
    json element;  // the section, or the table item
    std::size_t row;
    json items, sections;              // a repeat's columns are its items
    std::set<std::string> names = {};  // a repeat's column names
  };

  json read_settings() {
    if (settings_ && !settings_->rows().empty()) settings_row_ = &settings_->rows().front();
    const auto cell = [&](const char* column) {
      return settings_row_ ? settings_->word(*settings_row_, column) : "";
    };
    const std::size_t row = settings_row_ ? settings_row_->number : 2;
    exact_ = !cell(kFormatColumn).empty();
    if (exact_ && cell(kFormatColumn) != kFormatVersion)
      refuse("settings", row, kFormatColumn, "不认识的格式版本", "unknown format version");
    const std::string code = lower(cell("form_id"));
    if (code.empty()) refuse("settings", row, "form_id", "缺少表单编号 form_id", "form_id is missing");
    if (!is_code(code))
      refuse("settings", row, "form_id", "form_id 只能含小写字母、数字和 _ . -",
             "form_id may only hold lower-case letters, digits and _ . -");
    json form = {{"code", code}, {"name", cell("form_title").empty() ? code : cell("form_title")}};
    form["version"] = version(cell("version"), row);
    if (settings_row_) read_extras(*settings_, *settings_row_, form);
    if (!form.contains("source")) form["source"] = {{"seed", "XLSForm"}, {"place", "form_id " + code}};
    return form;
  }

  static int version(const std::string& text, std::size_t row) {
    if (text.empty()) return 1;
    if (!all_digits(text, 9) || std::stoi(text) < 1)
      refuse("settings", row, "version", "版本应为正整数", "the version must be a whole number above 0");
    return std::stoi(text);
  }

  void read_choices() {
    if (!choices_) return;
    const auto [label, label_en] = choices_->language_columns("label", language_);
    for (const auto& row : choices_->rows()) {
      const std::string list = choices_->word(row, "list_name");
      if (list.empty()) continue;  // a note or a spare row
      const std::string value = choices_->word(row, "name");
      if (!is_code(value))
        refuse("choices", row.number, "name", "选项名称只能含小写字母、数字和 _ . -（不能为空）",
               "a choice name must be lower-case letters, digits and _ . - (not empty)");
      json option = {{"value", value}};
      text_member(*choices_, row, label, option, "label", true);
      text_member(*choices_, row, label_en, option, "label_en", false);
      read_extras(*choices_, row, option);
      lists_[list].push_back(std::move(option));
    }
  }

  void text_member(const Sheet& sheet, const sheet::Row& row, const std::string& column, json& out,
                   const char* key, bool required) {
    const std::string text = column.empty() ? "" : sheet.text(row, column);
    if (!text.empty())
      out[key] = text;
    else if (required)
      refuse(sheet.name(), row.number, column.empty() ? "label" : column, "缺少标签", "the label is missing");
  }

  static std::string type_of(const std::string& cell) {
    std::string type = lower(trimmed(cell));
    for (const char* spaced : {"begin group", "end group", "begin repeat", "end repeat"})
      if (type.starts_with(spaced)) type[type.find(' ')] = '_';
    return type;
  }

  void survey_row(const sheet::Row& row) {
    const std::string type = type_of(survey_.text(row, "type"));
    if (type.empty()) {
      if (!survey_.word(row, "name").empty())
        refuse(survey_.name(), row.number, "type", "缺少题型", "the type is missing");
      return;
    }
    const std::string base = type.substr(0, type.find(' '));
    if (base == "begin_group") return begin_group(row);
    if (base == "end_group" || base == "end_repeat") return end(row, base);
    static const std::set<std::string> kMetadata = {"start",    "end",         "today",     "deviceid",
                                                    "username", "phonenumber", "simserial", "subscriberid",
                                                    "email",    "audit"};
    if (kMetadata.count(base)) return;
    question(row, type, base);
  }

  Frame& top() { return frames_.back(); }

  std::string name_cell(const sheet::Row& row) const {
    const std::string name = survey_.word(row, "name");
    if (!is_code(name))
      refuse(survey_.name(), row.number, "name", "名称只能含小写字母、数字和 _ . -（不能为空）",
             "a name must be lower-case letters, digits and _ . - (not empty)");
    return name;
  }

  std::string unique_name(const sheet::Row& row) {
    std::string name = name_cell(row);
    auto& names = top().kind == Frame::repeat ? top().names : names_;
    if (!names.insert(name).second)
      refuse(survey_.name(), row.number, "name", "名称重复：" + name, "duplicate name " + name);
    return name;
  }

  void condition(const sheet::Row& row, json& element) {
    const std::string relevant = survey_.word(row, "relevant");
    if (relevant.empty()) return;
    try {
      element["visible_if"] =
          relevant_to_condition(relevant, [this](const std::string& name) -> const Answerable* {
            const auto found = answerables_.find(name);
            return found == answerables_.end() ? nullptr : &found->second;
          });
    } catch (const RelevantError& e) {
      refuse(survey_.name(), row.number, "relevant", e.zh, e.en);
    }
  }

  void begin_group(const sheet::Row& row) {
    if (top().kind == Frame::repeat)
      refuse(survey_.name(), row.number, "type", "表格（repeat）中不能有分组",
             "a repeat cannot hold a group");
    json section = {{"id", unique_name(row)}};
    text_member(survey_, row, label_, section, "title", false);
    if (!section.contains("title")) section["title"] = section["id"];
    text_member(survey_, row, label_en_, section, "title_en", false);
    text_member(survey_, row, hint_, section, "help", false);
    condition(row, section);
    read_extras(survey_, row, section);
    frames_.push_back({Frame::group, std::move(section), row.number, json::array(), json::array()});
  }

  void end(const sheet::Row& row, const std::string& base) {
    const Frame::Kind wanted = base == "end_group" ? Frame::group : Frame::repeat;
    if (top().kind != wanted)
      refuse(survey_.name(), row.number, "type",
             base + " 没有对应的 " + (wanted == Frame::group ? "begin_group" : "begin_repeat"),
             base + " has no matching " + (wanted == Frame::group ? "begin_group" : "begin_repeat"));
    Frame done = std::move(frames_.back());
    frames_.pop_back();
    if (done.kind == Frame::repeat) return end_repeat(done);
    if (!done.items.empty() || done.sections.empty()) done.element["items"] = std::move(done.items);
    if (!done.sections.empty()) done.element["sections"] = std::move(done.sections);
    top().sections.push_back(std::move(done.element));
  }

  void end_repeat(Frame& done) {
    if (done.items.empty())
      refuse(survey_.name(), done.row, "type", "begin_repeat 中没有字段", "the repeat has no fields");
    done.element["columns"] = std::move(done.items);
    add_item(std::move(done.element));
  }

  // Questions outside any group go into one section, placed where the first of them stands.
  void add_item(json item) {
    Frame& frame = top();
    if (frame.kind != Frame::root) return frame.items.push_back(std::move(item));
    if (!loose_) {
      loose_ = frame.sections.size();
      frame.sections.push_back({{"items", json::array()}});
    }
    frame.sections[*loose_]["items"].push_back(std::move(item));
  }

  void name_loose_section(const json& form) {
    std::string id = "main";
    for (int n = 2; names_.count(id); ++n) id = "main_" + std::to_string(n);
    auto& section = frames_.front().sections[*loose_];
    section["id"] = id;
    section["title"] = form.at("name");
  }

  void question(const sheet::Row& row, const std::string& type, const std::string& base) {
    const bool in_repeat = top().kind == Frame::repeat;
    json element = {{"id", unique_name(row)}};
    json options;
    if (base == "select_one" || base == "select_multiple") options = choice_list(row, type);
    json extras = json::object();
    read_extras(survey_, row, extras);
    std::vector<std::string> values;
    for (const auto& o : options) values.push_back(o.at("value").get<std::string>());
    // riskwatch::kind tells yes_no from single; every other kind follows from the type.
    const std::string kind = base == "select_one" && extras.contains("kind")
                                 ? extras.at("kind").get<std::string>()
                                 : implied_kind(base, values, in_repeat);
    if (kind != "yes_no" && kind != "single" && base == "select_one")
      refuse(survey_.name(), row.number, "riskwatch::kind", "select_one 只能是 yes_no 或 single",
             "a select_one is yes_no or single");
    if (kind.empty())
      refuse(survey_.name(), row.number, "type",
             "无法对应的题型：" + type + (in_repeat ? "（表格中只能有选择、文本、数字和日期）" : ""),
             "a type that cannot be mapped: " + type +
                 (in_repeat ? " (a repeat holds selects, text, numbers, dates)" : ""));
    element["kind"] = kind;
    if (!options.is_null()) element["options"] = options;
    text_member(survey_, row, label_, element, "label", true);
    text_member(survey_, row, label_en_, element, "label_en", false);
    if (const auto required = yes_no_cell(survey_, row, "required"))
      element["required"] = *required;
    else if (!exact_)
      element["required"] = true;
    if (in_repeat) {
      if (const auto readonly = yes_no_cell(survey_, row, "read_only")) element["readonly"] = *readonly;
      for (const char* column : {"relevant", "constraint"})
        if (!survey_.word(row, column).empty())
          refuse(survey_.name(), row.number, column, "表格（repeat）中的字段不能有此项",
                 "a field in a repeat cannot have one");
    } else {
      text_member(survey_, row, hint_, element, "help", false);
      condition(row, element);
      constraint(row, element);
      if (lower(survey_.word(row, "appearance")).find("multiline") != std::string::npos)
        element["multiline"] = true;
      if (base == "integer") element["integer"] = true;
    }
    extras.erase("kind");
    element.update(extras);
    if (kind == "table") return begin_repeat(row, std::move(element));
    if (in_repeat) return top().items.push_back(std::move(element));
    answerables_[element.at("id").get<std::string>()] = {kind == "multiple", values};
    add_item(std::move(element));
  }

  json choice_list(const sheet::Row& row, const std::string& type) {
    const auto space = type.find(' ');
    const std::string rest = space == std::string::npos ? "" : trimmed(type.substr(space + 1));
    if (rest.empty() || rest.find(' ') != std::string::npos)
      refuse(survey_.name(), row.number, "type", "选择题应写为 select_one 选项表名（不支持 or_other）",
             "a select is written select_one <list name> (or_other is not supported)");
    const auto found = lists_.find(rest);
    if (found == lists_.end())
      refuse(survey_.name(), row.number, "type", "choices 表中没有选项表 " + rest,
             "the choices sheet has no list " + rest);
    return found->second;
  }

  // `. >= min and . <= max`, either part alone, is the template's min and max.
  void constraint(const sheet::Row& row, json& element) {
    const std::string text = survey_.word(row, "constraint");
    if (text.empty()) return;
    std::string rest = text;
    while (!rest.empty()) {
      const auto joint = rest.find(" and ");
      const std::string part = trimmed(rest.substr(0, joint));
      rest = joint == std::string::npos ? "" : rest.substr(joint + 5);
      json number;
      if (part.size() > 4 && part.starts_with(".") && (part.find(">=") == 2 || part.find("<=") == 2))
        number = json::parse(trimmed(part.substr(4)), nullptr, false);
      else if (part.size() > 3 && (part.starts_with(".>=") || part.starts_with(".<=")))
        number = json::parse(trimmed(part.substr(3)), nullptr, false);
      if (!number.is_number())
        refuse(survey_.name(), row.number, "constraint", "只支持 . >= 最小值 and . <= 最大值",
               "only . >= min and . <= max can be mapped");
      element[part.find(">=") != std::string::npos ? "min" : "max"] = number;
    }
  }

  // A repeat without riskwatch::rows or rows_addable: repeat_count numbered rows, or rows added at will.
  void begin_repeat(const sheet::Row& row, json table) {
    if (!table.contains("rows") && !table.contains("rows_addable")) {
      const std::string count = survey_.word(row, "repeat_count");
      if (count.empty()) {
        table["rows_addable"] = true;
      } else {
        if (!all_digits(count, 3) || std::stoi(count) < 1)
          refuse(survey_.name(), row.number, "repeat_count", "应为 1 到 999 的整数",
                 "must be a whole number from 1 to 999");
        table["rows"] = json::array();
        for (int i = 1; i <= std::stoi(count); ++i)
          table["rows"].push_back({{"id", "r" + std::to_string(i)}, {"label", std::to_string(i)}});
      }
    }
    frames_.push_back({Frame::repeat, std::move(table), row.number, json::array(), json::array()});
  }

  Sheet survey_;
  std::optional<Sheet> choices_, settings_;
  const sheet::Row* settings_row_ = nullptr;
  bool exact_ = false;  // written by Riskwatch: an empty `required` means the template did not say
  std::string language_, label_, label_en_, hint_;
  std::map<std::string, json> lists_;
  std::vector<Frame> frames_;
  std::set<std::string> names_;
  std::map<std::string, Answerable> answerables_;
  std::optional<std::size_t> loose_;
};

}  // namespace

json xlsform_to_template_json(std::string_view xlsx_bytes) {
  auto survey = read_sheet(xlsx_bytes, "survey");
  if (!survey) refuse("survey", 1, "type", "文件中没有 survey 工作表", "the workbook has no survey sheet");
  return Reader(std::move(*survey), read_sheet(xlsx_bytes, "choices"), read_sheet(xlsx_bytes, "settings"))
      .read();
}

}  // namespace rw::forms
