#include "notices/notice_kinds.hpp"

namespace rw::notices {

const Vocabulary& notice_kinds() {
  static const Vocabulary v{{"warning", "环境隐患（问题）整改预警提示单", "Hazard rectification warning"},
                            {"reminder", "企业环境风险排查整改温馨提示单", "Environmental risk reminder"},
                            {"rectification", "生态环境问题整改通知书", "Rectification notice"},
                            {"inspection", "生态环境保护核查的通知", "Inspection announcement"}};
  return v;
}

}  // namespace rw::notices
