#pragma once
// The password policy: a length, how many character classes (lower case, upper case, digits, other), not the
// user's own name, login or phone, and not a commonly used password. Each deployment sets it once at start
// (serve --password-min-length, --password-min-classes, --password-deny-file); the web app reads it from
// GET /password-policy to check as the user types.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "platform/errors.hpp"

namespace rw::accounts {

struct PasswordPolicy {
  int min_length = 10;
  int max_length = 128;
  int min_classes = 3;                    // of the four classes
  std::vector<std::string> extra_denied;  // a deployment's own list, beside the shipped common passwords
};

// Whose password it is: it must not contain any of these (case-insensitive; parts shorter than 3 ignored).
struct PasswordOwner {
  std::string username;
  std::string display_name;
  std::string phone;
};

// The first rule the password breaks, as an error on `field` (codes password_length, password_classes,
// password_personal, password_common), or nothing.
std::optional<FieldError> check_password(const PasswordPolicy& policy, const std::string& password,
                                         const PasswordOwner& owner, const std::string& field);

// The deployment's policy (the defaults until set at start).
void set_password_policy(PasswordPolicy policy);
const PasswordPolicy& password_policy();
std::optional<FieldError> check_password_policy(const std::string& password, const std::string& field,
                                                const PasswordOwner& owner = {});
// What GET /password-policy tells the web app.
nlohmann::json password_policy_json(const PasswordPolicy& policy);
// One password a line; blank lines and lines starting with # are skipped.
std::vector<std::string> read_denied_passwords(const std::string& path);

}  // namespace rw::accounts
