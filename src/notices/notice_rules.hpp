#pragma once
// Pure rules of notices: who issues which kind, which kinds list problems (and so hazards), and how dates
// and file names are written. No I/O.
#include <string>
#include <string_view>

namespace rw::notices {

// The organization types that issue a kind, after the seeds' issuers:
//   warning, reminder  yueqing att.2 and att.3 are issued by 温州市生态环境局乐清分局, a regulator; the
//   agency
//                      serving the enterprise issues them too (derived: it finds the hazards att.2 lists).
//   rectification      guilin J.1 is signed by XX园区 after the hosting service (托管服务) inspected: the
//   park,
//                      or the agency.
//   inspection         guilin B.1 is the park announcing whom it entrusts with the checks: the park only.
// The platform issues none: no seed has it issue.
bool may_issue(std::string_view org_type, std::string_view kind);

// The kinds that list problems (att.2's 隐患（问题）, J.1's 生态环境问题), so may be made from hazards.
bool lists_problems(std::string_view kind);

// "2026-06-01" → "2026年6月1日", as the seeds date a notice; "" stays "".
std::string chinese_date(std::string_view iso_date);

// A document's name without extension, for people: "<kind's name>_<number, or 草稿>_<enterprise>", with the
// characters a file system refuses (/\:*?"<>|, control characters) replaced by "_".
std::string document_name(std::string_view kind_label, std::string_view number_or_draft,
                          std::string_view enterprise);

}  // namespace rw::notices
