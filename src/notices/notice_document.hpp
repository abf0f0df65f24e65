#pragma once
// The four notices as documents, worded item-exact after their seeds (what a seed leaves as XX is a field):
//   warning        环境隐患（问题）整改预警提示单 — yueqing att.2 (numbered, deadline in days, receipt,
//   一式两份) reminder       企业环境风险排查整改温馨提示单 — yueqing att.3 (its five items, receipt,
//   一式两份) rectification  生态环境问题整改通知书 — guilin J.1 (problems, suggestion per problem, plan due
//   date, where to
//                  submit, 附：相关法律责任 with each problem's legal basis)
//   inspection     生态环境保护核查的通知 — guilin B.1 (what is checked, by whom, whom to call)
// Derived, not in the seeds: problems are numbered "1." in att.2 (the seed shows one "具体描述"); att.2 and
// att.3 print the two copies one after the other.
#include <optional>
#include <string>
#include <vector>

#include "documents/document.hpp"

namespace rw::notices {

struct NoticeProblem {
  std::string description;
  std::string basis;       // legal basis (J.1 附：相关法律责任)
  std::string suggestion;  // J.1 整改建议, one per problem
};

struct NoticeContent {
  std::string kind;    // notice_kinds()
  std::string number;  // "" for an unnumbered notice
  std::string issuer;  // 温州市生态环境局乐清分局, XX工业园区
  // att.2 speaks as the ecology bureau (我局…依法查处); an agency issuing it speaks as itself and reports to
  // the regulator instead of enforcing (chengdu 6.3.2.3).
  bool issuer_is_regulator = true;
  std::string issued_on;  // 2023年5月4日; "" leaves "年 月 日" to write by hand
  std::string enterprise, credit_code, legal_representative, address;
  std::string staff;       // warning: 我局工作人员 …
  std::string visited_on;  // warning: 2023年5月10日
  std::string period;      // rectification: 2023年5月10日9时30分至11时20分
  std::vector<NoticeProblem> problems;
  int deadline_days = 0;  // warning
  std::string law;        // rectification: 为贯彻落实《…》等法律法规及政策要求
  std::string plan_due_on, submit_to, email;
  std::string area, contractor;          // inspection: XX辖区, XX公司
  std::vector<std::string> check_items;  // inspection: 主要核查内容
  std::string contact, phone;
  std::optional<documents::Image> seal;  // the issuer's
  std::optional<documents::Image> receipt_seal, receipt_signature;
};

documents::Document notice_document(const NoticeContent& notice);

// The place att.2's closing names (共同建设美丽温州): the city the issuer's name starts with
// ("温州市生态环境局乐清分局" → 温州), else 家园 (an agency's name need not name one).
std::string closing_place(const std::string& issuer);

// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (the seeds number items so); larger numbers in digits.
std::string chinese_number(int n);

}  // namespace rw::notices
