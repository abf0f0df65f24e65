#include "forms/form_rules.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

namespace rw::forms {
namespace {

using nlohmann::json;

const json* value_of(const Answers& answers, const std::string& item_id) {
  const auto found = answers.find(item_id);
  if (found == answers.end() || !found->second.is_object() || !found->second.contains("value"))
    return nullptr;
  const auto& value = found->second.at("value");
  return value.is_null() ? nullptr : &value;
}

// The option values an answer chose (one for a single choice, several for a multiple choice).
std::vector<std::string> chosen(const json& value) {
  std::vector<std::string> out;
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_array())
    for (const auto& v : value)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

bool holds(const json& condition, const Template& form, const std::vector<bool>& items_visible,
           const Answers& answers, const EnterpriseFacts& enterprise) {
  const auto recurse = [&](const json& c) { return holds(c, form, items_visible, answers, enterprise); };
  if (condition.contains("all"))
    return std::all_of(condition["all"].begin(), condition["all"].end(), recurse);
  if (condition.contains("any"))
    return std::any_of(condition["any"].begin(), condition["any"].end(), recurse);
  if (condition.contains("not")) return !recurse(condition["not"]);
  std::vector<std::string> have;
  if (condition.contains("enterprise")) {
    const auto found = enterprise.find(condition["enterprise"].get<std::string>());
    if (found != enterprise.end()) have = found->second;
  } else {
    const auto id = condition["answer"].get<std::string>();
    const auto index = static_cast<std::size_t>(form.item(id) - form.items.data());
    // A hidden item's answer does not count: it was not asked.
    if (items_visible[index])
      if (const json* value = value_of(answers, id)) have = chosen(*value);
  }
  const bool negated = condition.contains("not_in");
  const auto& listed = negated ? condition["not_in"] : condition["in"];
  const bool any_listed = std::any_of(have.begin(), have.end(), [&](const std::string& v) {
    return std::find(listed.begin(), listed.end(), v) != listed.end();
  });
  // "not_in" holds when the item is unanswered too: "不涉及" not chosen (yet) leaves the rest visible.
  return negated ? !any_listed : any_listed;
}

bool is_date(const std::string& text) {
  static const std::regex date(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(text, date);
}

std::optional<AnswerFault> wrong(std::string code, std::string zh, std::string en) {
  return AnswerFault{std::move(code), std::move(zh), std::move(en)};
}

std::optional<AnswerFault> check_choice(const std::vector<Option>& options, const json& value,
                                        bool multiple) {
  const auto offered = [&](const json& v) {
    return v.is_string() && std::any_of(options.begin(), options.end(),
                                        [&](const Option& o) { return o.value == v.get<std::string>(); });
  };
  if (!multiple) {
    if (!offered(value)) return wrong("unknown_option", "不是本题的选项", "not an option of this item");
    return std::nullopt;
  }
  if (!value.is_array() || !std::all_of(value.begin(), value.end(), offered))
    return wrong("unknown_option", "应为本题选项的列表", "expected a list of this item's options");
  const std::set<std::string> values(value.begin(), value.end());
  if (values.size() != value.size())
    return wrong("duplicate_option", "选项重复", "an option is chosen twice");
  for (const auto& o : options)
    if (o.exclusive && values.count(o.value) && values.size() > 1)
      return wrong("exclusive_option", "“" + o.label + "”不能与其他选项同时选择",
                   "\"" + o.value + "\" cannot be chosen with other options");
  return std::nullopt;
}

std::optional<AnswerFault> check_value(const std::string& kind, const std::vector<Option>& options,
                                       const Item* item, const json& value) {
  if (kind == "yes_no" || kind == "single") return check_choice(options, value, false);
  if (kind == "multiple") return check_choice(options, value, true);
  if (kind == "text") {
    if (!value.is_string()) return wrong("not_text", "应为文字", "expected text");
    if (value.get<std::string>().size() > 20000) return wrong("too_long", "文字过长", "text is too long");
    return std::nullopt;
  }
  if (kind == "number") {
    if (!value.is_number()) return wrong("not_a_number", "应为数字", "expected a number");
    const double n = value.get<double>();
    if (!std::isfinite(n)) return wrong("not_a_number", "应为数字", "expected a number");
    if (item && item->integer && n != std::floor(n))
      return wrong("not_integer", "应为整数", "expected a whole number");
    if (item && item->min && n < *item->min) return wrong("below_min", "小于最小值", "below the minimum");
    if (item && item->max && n > *item->max) return wrong("above_max", "大于最大值", "above the maximum");
    return std::nullopt;
  }
  if (kind == "date") {
    if (!value.is_string() || !is_date(value.get<std::string>()))
      return wrong("not_a_date", "应为日期（YYYY-MM-DD）", "expected a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<AnswerFault> check_file_ids(const json& ids) {
  if (!ids.is_array() || ids.size() > 50 || !std::all_of(ids.begin(), ids.end(), [](const json& v) {
        return v.is_number_integer() && v.get<std::int64_t>() > 0;
      }))
    return wrong("bad_photos", "照片应为文件编号的列表（至多 50 个）",
                 "photos must be a list of up to 50 file ids");
  return std::nullopt;
}

std::optional<AnswerFault> check_table(const Item& item, const json& value) {
  if (!value.is_array() || value.size() > 500)
    return wrong("not_a_table", "应为表格行的列表（至多 500 行）", "expected a list of up to 500 table rows");
  std::set<std::string> preset_seen;
  for (const auto& row : value) {
    if (!row.is_object() || !row.contains("cells") || !row["cells"].is_object())
      return wrong("bad_row", "表格行应有 cells", "each row needs cells");
    if (row.contains("row") && !row["row"].is_null()) {
      const auto& id = row["row"];
      const bool preset =
          id.is_string() && std::any_of(item.rows.begin(), item.rows.end(),
                                        [&](const Row& r) { return r.id == id.get<std::string>(); });
      if (!preset) return wrong("unknown_row", "没有这一预设行", "no such preset row");
      if (!preset_seen.insert(id.get<std::string>()).second)
        return wrong("duplicate_row", "预设行重复", "a preset row appears twice");
    } else if (!item.rows_addable) {
      return wrong("rows_not_addable", "本表不能添加行", "this table takes no added rows");
    }
    for (const auto& [column_id, cell] : row["cells"].items()) {
      const Column* column = item.column(column_id);
      if (!column) return wrong("unknown_column", "没有这一列：" + column_id, "no column " + column_id);
      if (column->readonly)
        return wrong("readonly_column", "该列不可填写：" + column->label,
                     "column is read-only: " + column_id);
      if (cell.is_null()) continue;
      if (auto fault = check_value(column->kind, column->options, nullptr, cell)) return fault;
    }
  }
  return std::nullopt;
}

bool answered(const json* value) {
  if (!value) return false;
  if (value->is_string()) return !value->get<std::string>().empty();
  if (value->is_array()) return !value->empty();
  return true;
}

template <class Visit>
void each_chosen_option(const Item& item, const json& value, Visit visit) {
  if (item.kind == "table") {
    for (const auto& row : value)
      for (const auto& column : item.columns)
        if (row["cells"].contains(column.id))
          for (const auto& v : chosen(row["cells"][column.id]))
            if (const Option* o = column.option(v)) visit(*o, row);
    return;
  }
  for (const auto& v : chosen(value))
    if (const Option* o = item.option(v)) visit(*o, json());
}

std::string row_label(const Item& item, const json& row) {
  if (row.contains("row") && row["row"].is_string())
    for (const auto& r : item.rows)
      if (r.id == row["row"].get<std::string>()) return r.label;
  return "";
}

std::size_t top_section(const Template& form, std::size_t section) {
  while (form.sections[section].parent) section = *form.sections[section].parent;
  return section;
}

}  // namespace

Visibility visibility(const Template& form, const Answers& answers, const EnterpriseFacts& enterprise) {
  Visibility out{std::vector<bool>(form.sections.size(), false), std::vector<bool>(form.items.size(), false)};
  // Sections come before their children and items in document order; a section's condition reads items that
  // come before the section, so evaluating sections lazily as items reach them keeps the one pass.
  std::vector<bool> decided(form.sections.size(), false);
  const auto section_visible = [&](std::size_t s, auto& self) -> bool {
    if (decided[s]) return out.sections[s];
    const auto& section = form.sections[s];
    bool visible = !section.parent || self(*section.parent, self);
    if (visible && !section.visible_if.is_null())
      visible = holds(section.visible_if, form, out.items, answers, enterprise);
    decided[s] = true;
    return out.sections[s] = visible;
  };
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const auto& item = form.items[i];
    bool visible = section_visible(item.section, section_visible);
    if (visible && !item.visible_if.is_null())
      visible = holds(item.visible_if, form, out.items, answers, enterprise);
    out.items[i] = visible;
  }
  for (std::size_t s = 0; s < form.sections.size(); ++s) section_visible(s, section_visible);
  return out;
}

std::optional<AnswerFault> check_answer(const Item& item, const json& answer) {
  if (!answer.is_object()) return wrong("not_an_answer", "答案应为对象", "an answer is an object");
  for (const auto& [key, v] : answer.items())
    if (key != "value" && key != "detail" && key != "note" && key != "photos")
      return wrong("unknown_field", "答案不认识的字段：" + key, "unknown answer field " + key);
  for (const char* key : {"detail", "note"})
    if (answer.contains(key) && !answer[key].is_null() &&
        (!answer[key].is_string() || answer[key].get<std::string>().size() > 4000))
      return wrong("bad_text", std::string(key) + " 应为至多 4000 字节的文字",
                   std::string(key) + " must be text up to 4000 bytes");
  if (answer.contains("photos"))
    if (auto fault = check_file_ids(answer["photos"])) return fault;
  if (!answer.contains("value") || answer["value"].is_null()) return std::nullopt;  // cleared
  const auto& value = answer["value"];
  if (item.kind == "photo") return check_file_ids(value);
  if (item.kind == "table") return check_table(item, value);
  return check_value(item.kind, item.options, &item, value);
}

std::vector<Gap> submission_gaps(const Template& form, const Answers& answers,
                                 const EnterpriseFacts& enterprise) {
  const auto shown = visibility(form, answers, enterprise);
  std::vector<Gap> out;
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const auto& item = form.items[i];
    if (!shown.items[i]) continue;
    const json* value = value_of(answers, item.id);
    if (item.required && !answered(value)) {
      out.push_back({item.id, "required"});
      continue;
    }
    if (item.kind == "photo" && item.min_photos > 0 &&
        (value ? value->size() : 0) < static_cast<std::size_t>(item.min_photos))
      out.push_back({item.id, "too_few_photos"});
  }
  return out;
}

std::vector<RaisedFinding> raised_findings(const Template& form, const Answers& answers,
                                           const EnterpriseFacts& enterprise) {
  const auto shown = visibility(form, answers, enterprise);
  std::vector<RaisedFinding> out;
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const auto& item = form.items[i];
    const json* value = shown.items[i] ? value_of(answers, item.id) : nullptr;
    if (!value) continue;
    const auto& answer = answers.at(item.id);
    std::vector<std::int64_t> photos;
    if (answer.contains("photos")) photos = answer["photos"].get<std::vector<std::int64_t>>();
    each_chosen_option(item, *value, [&](const Option& option, const json& row) {
      if (!option.finding) return;
      Finding finding = *option.finding;
      if (const auto label = row_label(item, row); !label.empty())
        finding.description = label + "：" + finding.description;
      if (answer.contains("detail") && answer["detail"].is_string() &&
          !answer["detail"].get<std::string>().empty())
        finding.description += "（" + answer["detail"].get<std::string>() + "）";
      out.push_back({item.id, option.value, std::move(finding), photos});
    });
  }
  return out;
}

std::optional<Score> score(const Template& form, const Answers& answers, const EnterpriseFacts& enterprise) {
  const auto scored = [](const Item& item) {
    return std::any_of(item.options.begin(), item.options.end(),
                       [](const Option& o) { return o.score.has_value(); });
  };
  if (std::none_of(form.items.begin(), form.items.end(), scored)) return std::nullopt;
  const auto shown = visibility(form, answers, enterprise);
  std::map<std::size_t, SectionScore> by_top;
  for (std::size_t s = 0; s < form.sections.size(); ++s)
    if (!form.sections[s].parent) by_top[s] = {form.sections[s].id, 0, 0, form.sections[s].weight};
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    const auto& item = form.items[i];
    if (!shown.items[i] || !scored(item)) continue;
    auto& section = by_top[top_section(form, item.section)];
    double best = 0;
    for (const auto& o : item.options) {
      const double s = o.score.value_or(0);
      best = item.kind == "multiple" ? best + std::max(0.0, s) : std::max(best, s);
    }
    section.best += best;
    if (const json* value = value_of(answers, item.id))
      each_chosen_option(item, *value, [&](const Option& option, const json&) {
        section.score += option.score.value_or(0);
      });
  }
  Score out;
  for (auto& [index, section] : by_top) {
    out.total += section.weight * section.score;
    out.best += section.weight * section.best;
    out.sections.push_back(section);
  }
  return out;
}

}  // namespace rw::forms
