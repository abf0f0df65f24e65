#include "registry/uscc.hpp"

#include <string_view>

namespace rw::registry {
namespace {

// The 31 characters of the code set (I, O, S, V, Z are not used) and the position weights 3^i mod 31.
constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

}  // namespace

std::optional<char> uscc_check_character(const std::string& first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    const auto value = kCharset.find(first17[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kWeights[i];
  }
  return kCharset[(31 - sum % 31) % 31];
}

bool valid_uscc(const std::string& code) {
  if (code.size() != 18) return false;
  auto check = uscc_check_character(code.substr(0, 17));
  return check && *check == code[17];
}

std::string normalize_uscc(std::string code) {
  for (auto& ch : code)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return code;
}

}  // namespace rw::registry
