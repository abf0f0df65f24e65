#pragma once
// Who may enter an enterprise together (wuxi §15(三) and att.1 现场服务人员要求). Pure: no database.
#include <string>
#include <vector>

namespace rw::registry {

struct TeamMember {
  std::string name;
  std::string kind;         // expert | technician | safety_engineer
  std::string title_level;  // none | junior | intermediate | senior | full_senior
  std::string evaluation_grade;
  bool excluded = false;
};

struct StaffingCase {
  std::string risk_level;  // general | larger | major | unknown
  std::string scale;       // large | medium | small | micro | ""
  bool special_request = false;
  // Service types may ask for more (the service catalog carries these).
  int min_people = 2;
  int min_people_large = 3;
  bool expert_always = false;
};

struct UnmetRule {
  std::string code;
  std::string message;     // Chinese
  std::string message_en;  // English
};

// Every rule the team breaks; empty when the team may go.
std::vector<UnmetRule> unmet_staffing_rules(const StaffingCase& the_case,
                                            const std::vector<TeamMember>& team);

}  // namespace rw::registry
