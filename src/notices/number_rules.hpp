#pragma once
// Notice numbers (yueqing att.2: "统一编号", e.g. 温环乐预警〔2023〕0012号): a pattern per issuing
// organization and notice kind, with placeholders {year} and {seq} or {seq:N} (zero-padded to N digits). An
// empty pattern gives no number: the seeds number only the warning notice. Pure rules, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/errors.hpp"

namespace rw::notices {

inline constexpr std::size_t kMaxPatternChars = 60;

// Why a pattern cannot be used (code and messages for the field "pattern"), or nullopt when it can:
// exactly one {seq} or {seq:N} with N 1–9, any number of {year}, no other placeholder, no lone brace, no
// control character, at most kMaxPatternChars characters.
std::optional<FieldError> pattern_error(std::string_view pattern);

// The number a pattern gives for a year and sequence: ("温环乐预警〔{year}〕{seq:4}号", 2023, 12) →
// "温环乐预警〔2023〕0012号". A sequence longer than its width is written in full. The pattern must be valid.
std::string format_number(std::string_view pattern, int year, std::int64_t sequence);

// The pattern of an organization that has not set one: the warning notice is numbered (our derivation of
// the seed's 温环乐预警〔2023〕XXXX号 without the issuer's abbreviation, which only the issuer knows); the
// other kinds carry no number in the seeds.
std::string default_pattern(std::string_view kind);

}  // namespace rw::notices
