#include "accounts/password_policy.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "platform/text.hpp"

namespace rw::accounts {
namespace {

// Passwords that top the leaked-password lists, in China and elsewhere, in the forms that pass a length and
// class rule (a capital, a digit, a symbol added to a word everyone tries first).
const std::vector<std::string> kCommon = {
    "123456789a",   "1234567890",    "12345678910",   "1qaz2wsx3edc", "1q2w3e4r5t",   "a123456789",
    "aa123456789",  "abc123456789",  "abcd123456",    "admin123456",  "admin@123456", "admin@1234",
    "admin#1234",   "administrator", "asdf123456",    "iloveyou123",  "p@ssw0rd123",  "p@ssw0rd!",
    "p@ssword123",  "passw0rd123",   "password1!",    "password123",  "password123!", "password@123",
    "qwer1234!@#$", "qwerty12345",   "qwerty123!",    "qwe123456789", "qweasdzxc123", "woaini1314",
    "woaini520",    "5201314520",    "1314520520",    "zxcvbnm123",   "a1b2c3d4e5",   "abc@123456",
    "abcd@123456",  "aa@123456789",  "q1w2e3r4t5",    "welcome123",   "welcome@123",  "root@123456",
    "test@123456",  "demo@123456",   "changeme123",   "letmein123",   "sunshine123",  "1qaz@wsx3edc",
    "1qaz!qaz1qaz", "zaq12wsx!",     "huawei@123",    "huawei123",    "wang123456",   "zhang123456",
    "li123456789",  "riskwatch123",  "riskwatch@123",
};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

int classes_of(const std::string& password) {
  bool lower_case = false, upper_case = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (std::islower(c))
      lower_case = true;
    else if (std::isupper(c))
      upper_case = true;
    else if (std::isdigit(c))
      digit = true;
    else
      other = true;  // symbols, and any non-ASCII character (a Chinese one counts here)
  }
  return lower_case + upper_case + digit + other;
}

FieldError error(const std::string& field, const char* code, std::string zh, std::string en) {
  return {field, code, std::move(zh), std::move(en)};
}

PasswordPolicy& current() {
  static PasswordPolicy policy;
  return policy;
}

}  // namespace

std::optional<FieldError> check_password(const PasswordPolicy& policy, const std::string& password,
                                         const PasswordOwner& owner, const std::string& field) {
  const auto length = static_cast<int>(utf8_length(password));
  const auto range = std::to_string(policy.min_length) + "–" + std::to_string(policy.max_length);
  if (length < policy.min_length || length > policy.max_length)
    return error(field, "password_length", "密码长度需为 " + range + " 位",
                 "The password needs " + range + " characters");
  if (classes_of(password) < policy.min_classes) {
    const auto n = std::to_string(policy.min_classes);
    return error(
        field, "password_classes", "密码需包含小写字母、大写字母、数字、符号中的至少 " + n + " 类",
        "The password needs at least " + n + " of: lower-case letters, upper-case letters, digits, symbols");
  }
  const auto text = lower(password);
  for (const auto& part : {owner.username, owner.display_name, owner.phone})
    if (utf8_length(part) >= 3 && text.find(lower(part)) != std::string::npos)
      return error(field, "password_personal", "密码不能包含用户名、姓名或手机号",
                   "The password must not contain the user's login, name or phone number");
  const auto denied = [&](const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& d) { return lower(d) == text; });
  };
  if (denied(kCommon) || denied(policy.extra_denied))
    return error(field, "password_common", "该密码过于常见，容易被猜中，请换一个",
                 "This password is too common and easily guessed; choose another");
  return std::nullopt;
}

void set_password_policy(PasswordPolicy policy) {
  if (policy.min_length < 8 || policy.max_length > 1024 || policy.min_length > policy.max_length)
    throw std::invalid_argument("password length: the minimum must be at least 8 and not above the maximum");
  if (policy.min_classes < 1 || policy.min_classes > 4)
    throw std::invalid_argument("password classes: 1 to 4");
  current() = std::move(policy);
}

const PasswordPolicy& password_policy() { return current(); }

std::optional<FieldError> check_password_policy(const std::string& password, const std::string& field,
                                                const PasswordOwner& owner) {
  return check_password(current(), password, owner, field);
}

nlohmann::json password_policy_json(const PasswordPolicy& policy) {
  return {{"min_length", policy.min_length},
          {"max_length", policy.max_length},
          {"min_classes", policy.min_classes}};
}

std::vector<std::string> read_denied_passwords(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the password deny list " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

}  // namespace rw::accounts
