#pragma once
// The notices 文书 the seeds give, as a vocabulary: 预警提示单 (yueqing att.2), 温馨提示单 (att.3),
// 生态环境问题整改通知书 (guilin J.1), 生态环境保护核查的通知 (guilin B.1); a notice's statuses and how its
// receipt was given.
#include "platform/vocabulary.hpp"

namespace rw::notices {

const Vocabulary& notice_kinds();
// draft 草稿 → issued 已发出 → received 已签收; a draft may be cancelled 已作废.
const Vocabulary& notice_statuses();
// signature: signed on the enterprise user's phone; scan: the signed paper scanned by the issuer.
const Vocabulary& receipt_kinds();

}  // namespace rw::notices
