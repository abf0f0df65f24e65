#pragma once
// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters whose last is a
// check character computed from the first 17.
#include <optional>
#include <string>

namespace rw::registry {

// The check character for the first 17 characters, or nullopt if they use characters outside the code set.
std::optional<char> uscc_check_character(const std::string& first17);
bool valid_uscc(const std::string& code);
// Upper-case, as people often type the letters in lower case.
std::string normalize_uscc(std::string code);

}  // namespace rw::registry
