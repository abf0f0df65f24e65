#pragma once
// The notices 文书 the seeds give, as a vocabulary: 预警提示单 (yueqing att.2), 温馨提示单 (att.3),
// 生态环境问题整改通知书 (guilin J.1), 生态环境保护核查的通知 (guilin B.1).
#include "platform/vocabulary.hpp"

namespace rw::notices {

const Vocabulary& notice_kinds();

}  // namespace rw::notices
