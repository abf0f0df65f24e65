#include "benchdata/checklist_answers.hpp"

#include <algorithm>

namespace rw::benchdata {
namespace {

using nlohmann::json;

const std::vector<std::string> kTexts = {"已核查，与现场一致", "见企业提供的台账", "现场查看，运行正常",
                                         "已建立并定期更新", "由企业环保负责人介绍"};
const std::vector<std::string> kDetails = {"部分台账记录不全", "标识标牌缺失", "记录未按月更新",
                                           "现场已指出，要求限期整改"};

// Options that raise no finding (the good answers) and those that do.
struct Split {
  std::vector<const forms::Option*> good, bad;
};
Split split(const std::vector<forms::Option>& options) {
  Split out;
  for (const auto& o : options) (o.finding ? out.bad : out.good).push_back(&o);
  return out;
}

const forms::Option& pick_option(const std::vector<forms::Option>& options, bool bad, Random& random) {
  const auto s = split(options);
  const auto& pool = (bad && !s.bad.empty()) || s.good.empty() ? s.bad : s.good;
  return *random.pick(pool);
}

// A multiple choice: one or two good options (or an exclusive one such as 不涉及 alone), or a bad one with
// perhaps a good one beside it.
json pick_several(const std::vector<forms::Option>& options, bool bad, Random& random) {
  std::vector<const forms::Option*> good, exclusive, poor;
  for (const auto& o : options) (o.finding ? poor : o.exclusive ? exclusive : good).push_back(&o);
  std::vector<const forms::Option*> chosen;
  if (bad && !poor.empty()) {
    chosen.push_back(random.pick(poor));
    if (!good.empty() && random.chance(400) && !chosen.front()->exclusive)
      chosen.push_back(random.pick(good));
  } else if (!exclusive.empty() && (good.empty() || random.chance(250))) {
    chosen.push_back(random.pick(exclusive));
  } else if (!good.empty()) {
    chosen.push_back(random.pick(good));
    const auto other = random.pick(good);
    if (other != chosen.front() && random.chance(400)) chosen.push_back(other);
  } else {
    chosen.push_back(&options.front());
  }
  json values = json::array();
  for (const auto* o : chosen) values.push_back(o->value);
  return values;
}

// A value of a plain kind (a table cell's too); null for a kind left empty.
json plain_value(const std::string& kind, const std::vector<forms::Option>& options, const forms::Item* item,
                 bool bad, Random& random, Day day) {
  if (kind == "yes_no" || kind == "single") return pick_option(options, bad, random).value;
  if (kind == "multiple") return pick_several(options, bad, random);
  if (kind == "text") return random.pick(kTexts);
  if (kind == "number") {
    const auto lo = static_cast<std::int64_t>(item && item->min ? *item->min : 0);
    const auto hi = static_cast<std::int64_t>(item && item->max ? *item->max : static_cast<double>(lo + 100));
    return random.between(lo, std::max(lo, hi));
  }
  if (kind == "date") return date_text(day - std::chrono::days(random.between(30, 720)));
  return nullptr;
}

json table_value(const forms::Item& item, int bad_per_mille, Random& random, Day day) {
  const auto row_of = [&](const json& preset) {
    json cells = json::object();
    for (const auto& column : item.columns) {
      if (column.readonly) continue;
      auto v = plain_value(column.kind, column.options, nullptr, random.chance(bad_per_mille), random, day);
      if (!v.is_null()) cells[column.id] = std::move(v);
    }
    json row = {{"cells", cells}};
    if (!preset.is_null()) row["row"] = preset;
    return row;
  };
  json rows = json::array();
  for (const auto& preset : item.rows) rows.push_back(row_of(preset.id));
  if (item.rows.empty() && item.rows_addable)
    for (auto n = random.between(item.required ? 1 : 0, 2); n > 0; --n) rows.push_back(row_of(nullptr));
  return rows;
}

}  // namespace

forms::Answers fill_checklist(const forms::Template& form, const forms::EnterpriseFacts& facts,
                              Random& random, int bad_per_mille, Day day) {
  forms::Answers all;
  for (const auto& item : form.items) {
    const bool bad = random.chance(bad_per_mille);
    json value = item.kind == "table" ? table_value(item, bad_per_mille, random, day)
                                      : plain_value(item.kind, item.options, &item, bad, random, day);
    if (value.is_null() || (value.is_array() && value.empty())) continue;
    json answer = {{"value", value}};
    if (value.is_string())
      if (const auto* option = item.option(value.get<std::string>()); option && option->asks_detail)
        answer["detail"] = random.pick(kDetails);
    all[item.id] = std::move(answer);
  }
  // A condition reads earlier items only and a hidden item's answer does not count, so the visibility of the
  // whole set is the one the inspector saw item by item: keep what was shown.
  const auto shown = forms::visibility(form, all, facts);
  forms::Answers out;
  for (std::size_t i = 0; i < form.items.size(); ++i)
    if (shown.items[i])
      if (auto found = all.find(form.items[i].id); found != all.end()) out.insert(std::move(*found));
  return out;
}

}  // namespace rw::benchdata
