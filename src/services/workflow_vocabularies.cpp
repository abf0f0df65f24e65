#include "services/workflow_vocabularies.hpp"

namespace rw::services {

const Vocabulary& commission_item_statuses() {
  static const Vocabulary v{{"pending", "待确认", "Awaiting the agency"},
                            {"accepted", "已接受", "Accepted"},
                            {"declined", "已拒绝", "Declined"},
                            {"cancel_requested", "申请取消", "Cancellation requested"},
                            {"cancelled", "已取消", "Cancelled"},
                            {"withdrawn", "已撤回", "Withdrawn"},
                            {"completed", "已完成现场服务", "On-site service done"}};
  return v;
}

const Vocabulary& plan_statuses() {
  static const Vocabulary v{{"draft", "草稿", "Draft"},
                            {"proposed", "待企业确认", "Awaiting the enterprise"},
                            {"agreed", "企业已同意", "Agreed"},
                            {"returned", "企业退回", "Returned"}};
  return v;
}

const Vocabulary& visit_statuses() {
  static const Vocabulary v{{"planned", "已计划", "Planned"},
                            {"confirmed", "已与企业确认", "Confirmed"},
                            {"in_progress", "服务中", "In progress"},
                            {"done", "已完成", "Done"},
                            {"could_not_enter", "无法入场", "Could not enter"},
                            {"cancelled", "已取消", "Cancelled"}};
  return v;
}

// wuxi att.1 一(一) 评估流程 2. 无法入场的工作规定.
const Vocabulary& not_entered_reasons() {
  static const Vocabulary v{{"refused", "企业拒绝入场", "Refused entry"},
                            {"not_operating", "企业未营业", "Not operating"},
                            {"address_changed", "经营地址变动", "Address changed"},
                            {"other", "其他", "Other"}};
  return v;
}

const Vocabulary& deadline_kinds() {
  static const Vocabulary v{{"commission_on_site", "委托现场服务", "On-site service of a commission"},
                            {"data_upload", "服务资料上传", "Service data upload"},
                            {"report_review", "保险机构审核", "Insurer review"},
                            {"hazard_rectification", "隐患整改", "Hazard rectification"},
                            {"screening_feedback", "隐患排查结果审核反馈", "Screening result fed back"},
                            // 一企一档: a permit or plan in the archive expires (archive/archive_rules.hpp).
                            {"archive_expiry", "档案资料到期续办", "Archived document renewal"}};
  return v;
}

nlohmann::json workflow_dictionaries() {
  return {{"commission_item_statuses", commission_item_statuses().to_json()},
          {"plan_statuses", plan_statuses().to_json()},
          {"visit_statuses", visit_statuses().to_json()},
          {"not_entered_reasons", not_entered_reasons().to_json()},
          {"deadline_kinds", deadline_kinds().to_json()}};
}

}  // namespace rw::services
