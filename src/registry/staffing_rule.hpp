#pragma once
// Who may enter an enterprise together. Pure: no database. The rules come from the seeds of the service
// types the visit covers: wuxi §15(三) and att.1 现场服务人员要求, chengdu 5.2.4, 6.2.2.1 and 6.3.2.2;
// xuzhou and guilin set no team rule, so only the catalog's team sizes and the qualification floor apply.
#include <string>
#include <vector>

namespace rw::registry {

struct TeamMember {
  std::string name;
  std::string kind;         // expert | technician | safety_engineer
  std::string title_level;  // none | junior | intermediate | senior | full_senior
  std::string evaluation_grade;
  bool excluded = false;
  std::string safety_engineer_level;  // junior | intermediate | senior, for a safety_engineer
};

struct StaffingCase {
  std::string risk_level;  // general | larger | major | unknown
  std::string scale;       // large | medium | small | micro | "" (unknown)
  bool special_request = false;
  // Team sizes and expert demand of the service types (the catalog carries them).
  int min_people = 2;
  int min_people_large = 2;
  bool expert_always = false;
  // wuxi att.1 现场服务人员要求 1.: an expert for larger risk and above (or not assessed), otherwise an
  // expert or a technician. The floor of every environmental service; chengdu's own rule replaces it.
  bool expert_rule = true;
  // wuxi §15(三): a large enterprise or a special request needs an expert with an intermediate title or
  // above.
  bool wuxi_large_rule = false;
  // chengdu 5.2.4, 6.2.2.1, 6.3.2.2: everyone who goes in is a qualified work-safety professional.
  bool all_safety_qualified = false;
};

struct UnmetRule {
  std::string code;
  std::string message;     // Chinese
  std::string message_en;  // English
};

// Every rule the team breaks; empty when the team may go.
std::vector<UnmetRule> unmet_staffing_rules(const StaffingCase& the_case,
                                            const std::vector<TeamMember>& team);

// What the team may go with but the user should know (e.g. the enterprise's scale is not recorded).
std::vector<UnmetRule> staffing_warnings(const StaffingCase& the_case);

}  // namespace rw::registry
