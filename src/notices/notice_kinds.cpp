#include "notices/notice_kinds.hpp"

namespace rw::notices {

const Vocabulary& notice_kinds() {
  static const Vocabulary v{{"warning", "环境隐患（问题）整改预警提示单", "Hazard rectification warning"},
                            {"reminder", "企业环境风险排查整改温馨提示单", "Environmental risk reminder"},
                            {"rectification", "生态环境问题整改通知书", "Rectification notice"},
                            {"inspection", "生态环境保护核查的通知", "Inspection announcement"}};
  return v;
}

const Vocabulary& notice_statuses() {
  static const Vocabulary v{{"draft", "草稿", "Draft"},
                            {"issued", "已发出", "Issued"},
                            {"received", "已签收", "Received"},
                            {"cancelled", "已作废", "Cancelled"}};
  return v;
}

const Vocabulary& receipt_kinds() {
  static const Vocabulary v{{"signature", "手机签名", "Signed on a phone"},
                            {"scan", "签收单扫描件", "Scanned receipt"}};
  return v;
}

}  // namespace rw::notices
