#pragma once
// The value sets of hazards 隐患, with their Chinese and English labels (GET /dictionaries): the statuses of
// the rectification life cycle, the two domains and their classes and sub-classes, re-check results and the
// rules an escalation follows.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/vocabulary.hpp"

namespace rw::hazards {

const Vocabulary& hazard_statuses();
const Vocabulary& hazard_domains();  // environment 环境 / safety 安全生产
const Vocabulary& recheck_results();
const Vocabulary& escalation_rules();
const Vocabulary& deadline_units();

// A class of hazards (Table 9 隐患分类类别) with its sub-classes (隐患细类) where the seed lists them.
struct HazardCategory {
  std::string domain;
  Label label;
  std::string source;  // where the seed defines it
  std::vector<Label> subs;
};
// Environment: wuxi 环境应急调查表 (three classes, the 一般隐患 headings as their sub-classes) and guilin G.1
// (seven classes, 40 sub-classes); safety: chengdu 6.3.1 人/物/环境/管理.
const std::vector<HazardCategory>& hazard_categories();
const HazardCategory* find_category(std::string_view code);
// The class whose label or one of whose sub-classes' labels is `text` (a checklist finding's category), with
// that sub-class ('' when the text names the class).
std::optional<std::pair<const HazardCategory*, std::string>> category_named(std::string_view text);

nlohmann::json hazard_dictionaries();

}  // namespace rw::hazards
