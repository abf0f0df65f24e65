#include "inspections/inspection_vocabularies.hpp"

namespace rw::inspections {

const Vocabulary& inspection_statuses() {
  static const Vocabulary v{{"open", "填写中", "Open"},
                            {"submitted", "已提交", "Submitted"},
                            {"signed", "企业已签字", "Signed by the enterprise"}};
  return v;
}

const Vocabulary& finding_grades() {
  static const Vocabulary v{{"major", "重大", "Major"}, {"general", "一般", "General"}};
  return v;
}

nlohmann::json inspection_dictionaries() {
  return {{"inspection_statuses", inspection_statuses().to_json()},
          {"finding_grades", finding_grades().to_json()}};
}

}  // namespace rw::inspections
